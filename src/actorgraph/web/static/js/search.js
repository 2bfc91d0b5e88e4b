// The start page: actor search with type-ahead, sentence search, and the most connected actors.
import { api, actorHref, el, enc, header, searchBox, showError, typeBadge } from "./common.js";

header("search");
const main = document.getElementById("main");
const results = el("section", { class: "results", "aria-live": "polite" });
const textInput = el("input", { type: "search", name: "q", placeholder: "Search evidence sentences and quotes…",
  "aria-label": "search sentences" });
// Statements reviewers rejected are left out unless asked; then they are listed, marked rejected.
const withRejected = el("input", { type: "checkbox", name: "rejected", id: "search-rejected" });
const form = el("form", { class: "text-search", onsubmit: (e) => { e.preventDefault(); searchText(textInput.value.trim()); } },
  textInput, el("button", { type: "submit", text: "Search sentences" }), " ",
  el("label", { class: "muted small" }, withRejected, " show rejected"));
const overview = el("section", { class: "overview" });
main.replaceChildren(el("h1", { text: "Find an actor" }), searchBox({ autofocus: true }), form, results, overview);

async function searchText(q) {
  if (q.length < 2) return;
  results.replaceChildren(el("p", { class: "muted", text: "Searching…" }));
  try {
    const found = await api(`/api/search/text?q=${enc(q)}&limit=30${withRejected.checked ? "&rejected=1" : ""}`);
    const actors = await api(`/api/search?q=${enc(q)}&limit=20`);
    results.replaceChildren(
      el("h2", { text: `Actors (${actors.total})` }),
      el("ul", { class: "plain" }, actors.actors.map((a) => el("li", {},
        el("a", { href: actorHref(a.id), text: a.name }), " ", typeBadge(a.type),
        a.matched ? el("span", { class: "muted", text: ` also “${a.matched}”` }) : null))),
      el("h2", { text: `Sentences (${found.statements.length})` }),
      el("ul", { class: "sentences" }, found.statements.map((s) => el("li", { class: s.rejected ? "is-rejected" : null },
        el("q", { text: s.sentence }), el("div", { class: "muted" },
          `${s.subject} ${s.predicate} ${s.object} · ${s.certainty} · ${s.source}`,
          s.rejected ? " " : "", s.rejected ? el("span", { class: "badge review-rejected", text: "rejected" }) : "")))),
      el("h2", { text: `Quotes (${found.quotes.length})` }),
      el("ul", { class: "sentences" }, found.quotes.map((qt) => el("li", {},
        el("q", { text: qt.text }), el("div", { class: "muted", text: `${qt.speaker || "unknown speaker"} · ${qt.source}` })))));
  } catch (error) { showError(results, error); }
}

try {
  const stats = await api("/api/stats");
  const c = stats.counts;
  overview.replaceChildren(
    el("p", { class: "muted", text: `${c.articles} articles, ${c.actors} actors, ${c.relations} relations from ${c.statements} statements, ${c.events} events, ${c.quotes} quotes.` }),
    el("div", { class: "columns" },
      el("div", {}, el("h2", { text: "Most connected" }), el("ol", {}, stats.most_connected.map((a) => el("li", {},
        el("a", { href: actorHref(a.id), text: a.name }), " ", typeBadge(a.type), el("span", { class: "muted", text: ` ${a.neighbors} linked` }))))),
      el("div", {}, el("h2", { text: "Most cited" }), el("ol", {}, stats.most_cited.map((a) => el("li", {},
        el("a", { href: actorHref(a.id), text: a.name }), " ", typeBadge(a.type), el("span", { class: "muted", text: ` ${a.articles} articles` })))))));
} catch (error) { showError(overview, error); }
