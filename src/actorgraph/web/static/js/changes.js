// What's new: since the last ingest run (or a date), new actors, new edges, first independent
// confirmations, new contradictions and new events, each linking to the page of its evidence;
// for every actor or for the watched ones only (their Atom feed is /changes.atom).
import { actorHref, api, el, header, showError } from "./common.js";

header("what's new");
const main = document.getElementById("main");
const params = new URLSearchParams(location.search);
const watchedBox = el("input", { type: "checkbox", name: "watched", checked: params.get("watched") === "1" });
const sinceBox = el("input", { type: "date", name: "since", value: params.get("since") || "", "aria-label": "since" });
const results = el("section", { id: "changes" });
const TITLES = { new_actor: "New actors", new_edge: "New edges", confirmed: "First independent confirmations",
  contradicted: "New contradictions", new_event: "New events" };

main.replaceChildren(el("h1", { text: "What's new" }),
  el("form", { class: "changes-filter", onsubmit: (e) => { e.preventDefault(); go(); } },
    el("label", {}, watchedBox, " watched actors only"), " ",
    el("label", {}, "since ", sinceBox), " ", el("button", { type: "submit", text: "Show" }), " ",
    el("a", { href: "/changes.atom", text: "Atom feed (watched actors)" })),
  results);
watchedBox.addEventListener("change", go);

function go() {
  const q = new URLSearchParams();
  if (watchedBox.checked) q.set("watched", "1");
  if (sinceBox.value) q.set("since", sinceBox.value);
  history.replaceState(null, "", `/changes${q.toString() ? `?${q}` : ""}`);
  load();
}

function item(c) {
  const ev = c.evidence || {};
  const actors = (c.actors || []).filter((a) => a.name).map((a) => el("a", { href: actorHref(a.id), text: a.name }));
  return el("li", { class: "change" },
    el("div", {}, ev.page ? el("a", { class: "evidence-link", href: ev.page, text: c.what }) : c.what),
    ev.sentence ? el("blockquote", { class: "sentence", text: ev.sentence }) : null,
    el("div", { class: "muted" }, `${ev.title || ev.source || ""}`, actors.length ? " · " : "",
      ...actors.flatMap((a, i) => (i ? [", ", a] : [a]))));
}

async function load() {
  results.replaceChildren(el("p", { class: "muted", text: "Loading…" }));
  try {
    const q = new URLSearchParams();
    if (watchedBox.checked) q.set("watched", "true");
    if (sinceBox.value) q.set("since", sinceBox.value);
    const r = await api(`/api/changes?${q}`);
    const scope = r.watched ? ` for ${r.watched.length} watched actor${r.watched.length === 1 ? "" : "s"}` : "";
    results.replaceChildren(el("p", { class: "muted", text: `Since ${r.since}${scope}: ${r.articles} new articles.` }),
      ...Object.entries(TITLES).map(([kind, title]) => el("section", { class: "change-kind", dataset: { kind } },
        el("h2", { text: `${title} (${r[kind].length})` }),
        r[kind].length ? el("ul", { class: "changes" }, r[kind].map(item)) : el("p", { class: "muted", text: "None." }))));
  } catch (error) { showError(results, error); }
}

load();
