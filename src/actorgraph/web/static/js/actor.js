// An actor's page: names, ids, relations by predicate (each expandable to its evidence, with its
// review state and, for a signed-in reviewer, the review controls), events, quotes, figures and a
// timeline; for a reviewer, forms to edit the actor and to add a relation by hand.
import { api, actorHref, certaintyBadge, sentenceHref, el, enc, header, idFromPath, pager, post, renderSegments,
  session, sourcesText, showError, typeBadge } from "./common.js";
import { CERTAINTIES, edgeReview, enableShortcuts, predicates, stateBadge, statementReview, undoDecision } from "./review.js";

header("actor");
const main = document.getElementById("main");
const id = idFromPath();
// Rejected statements are left out unless asked for (`?rejected=1`, the "show rejected" filter).
const showRejected = new URLSearchParams(location.search).get("rejected") === "1";
const rejectedParam = showRejected ? "&rejected=1" : "";

function certaintyCounts(c) {
  return el("span", { class: "certainties" }, Object.entries(c).filter(([, n]) => n > 0)
    .map(([k, n]) => el("span", { class: `badge cert-${k}`, text: `${k} ${n}` })));
}

async function loadEvidence(box, relationId, offset = 0) {
  box.replaceChildren(el("p", { class: "muted", text: "Loading evidence…" }));
  try {
    const ev = await api(`/api/relations/${enc(relationId)}?offset=${offset}&limit=10${rejectedParam}`);
    box.replaceChildren(
      ev.edge_review ? edgeReview(ev.edge_review) : "",
      el("ol", { class: "evidence", start: offset + 1 }, ev.evidence.map((s) => el("li", {},
        el("blockquote", { class: "sentence" }, renderSegments(s.segments, s.marks, { link: false })),
        el("div", { class: "muted" }, certaintyBadge(s.certainty), ` ${s.date || "undated"} · `,
          el("a", { href: sentenceHref(s), text: s.title || s.source }),
          s.attributed_to ? ` · according to ${s.attributed_to}` : "", ` · ${s.extractor || ""}`,
          s.story_articles > 1 ? el("span", { class: "copies", text: ` · one story in ${s.story_articles} articles` }) : ""),
        s.review ? statementReview(s.review) : ""))),
      pager(ev.statements, ev.offset, ev.limit, (o) => loadEvidence(box, relationId, o)),
      (ev.rejected || []).length ? el("div", { class: "rejected-list" }, el("h3", { text: `Rejected (${ev.rejected.length})` }),
        el("ol", { class: "evidence" }, ev.rejected.map((s) => el("li", { class: "is-rejected" },
          el("blockquote", { class: "sentence", text: s.sentence }),
          el("div", { class: "muted" }, certaintyBadge(s.certainty), " ",
            el("a", { href: sentenceHref({ article: s.article_id, sent_start: s.sent_start, sent_end: s.sent_end }), text: s.source })),
          statementReview(s))))) : "");
  } catch (error) { showError(box, error); }
}

function edgeRow(actorName, e) {
  const evidence = el("div", { class: "evidence-box", hidden: true });
  const toggle = el("button", { type: "button", class: "expand", "aria-expanded": "false",
    text: `evidence (${e.statements})` });
  toggle.addEventListener("click", () => {
    const open = evidence.hidden;
    evidence.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open && !evidence.dataset.loaded) { evidence.dataset.loaded = "1"; loadEvidence(evidence, e.relation); }
  });
  const other = el("a", { href: actorHref(e.other.id), text: e.other.name });
  const phrase = e.direction === "out"
    ? el("span", { class: "edge" }, `→ `, other)
    : el("span", { class: "edge" }, other, ` → ${actorName}`);
  return el("li", { class: "relation", dataset: { relation: e.relation } },
    el("div", { class: "relation-head" }, phrase, " ", typeBadge(e.other.type), " ", certaintyCounts(e.certainty),
      el("span", { class: "muted sources", text: ` ${sourcesText(e.stories, e.sources)}` }),
      e.contradicted ? el("span", { class: "badge contradicted", text: "contradicted" }) : null,
      e.review ? stateBadge(e.review) : null,
      e.first_date ? el("span", { class: "muted", text: ` ${e.first_date}${e.last_date && e.last_date !== e.first_date ? `–${e.last_date}` : ""}` }) : null,
      " ", toggle),
    evidence);
}

function relationsSection(p) {
  const section = el("section", { id: "relations" }, el("h2", { text: "Relations" }));
  const predicates = Object.keys(p.relations);
  if (!predicates.length) section.append(el("p", { class: "muted", text: "No relation found." }));
  for (const predicate of predicates) {
    const group = p.relations[predicate];
    const list = el("ul", { class: "relations" }, group.edges.map((e) => edgeRow(p.actor.name, e)));
    const block = el("details", { class: "predicate", open: true, dataset: { predicate } },
      el("summary", {}, el("strong", { text: predicate.replaceAll("_", " ") }), el("span", { class: "muted", text: ` (${group.total})` })),
      list);
    if (group.total > group.edges.length) {
      let offset = group.edges.length;
      const more = el("button", { type: "button", text: "more…" });
      more.addEventListener("click", async () => {
        const page = await api(`/api/actors/${enc(id)}/relations?predicate=${enc(predicate)}&offset=${offset}&limit=50`);
        page.edges.forEach((e) => list.append(edgeRow(p.actor.name, e)));
        offset += page.edges.length;
        if (offset >= page.total) more.remove();
      });
      block.append(more);
    }
    section.append(block);
  }
  if ((p.rejected_edges || []).length) {
    section.append(el("details", { class: "predicate rejected-edges", open: true },
      el("summary", {}, el("strong", { text: "rejected edges" }), el("span", { class: "muted", text: ` (${p.rejected_edges.length})` })),
      el("ul", { class: "relations" }, p.rejected_edges.map((e) => {
        const row = edgeRow(p.actor.name, { ...e, certainty: {}, statements: e.rejected, stories: 0, sources: 0 });
        row.classList.add("is-rejected");
        row.querySelector(".edge").prepend(`${e.predicate.replaceAll("_", " ")} `);
        return row;
      }))));
  }
  return section;
}

function table(title, total, rows, columns) {
  if (!rows.length) return el("section", {}, el("h2", { text: title }), el("p", { class: "muted", text: "None." }));
  return el("section", {}, el("h2", { text: `${title} (${total})` }),
    el("div", { class: "scroll" }, el("table", {},
      el("thead", {}, el("tr", {}, columns.map(([label]) => el("th", { text: label })))),
      el("tbody", {}, rows.map((r) => el("tr", {}, columns.map(([, get]) => el("td", {}, get(r)))))))));
}

// How many dated items fall in each year, as bars (heights set through the CSSOM, which the
// Content-Security-Policy allows, unlike style attributes).
function yearBars(items) {
  const years = new Map();
  for (const item of items) {
    const year = /^\d{4}/.exec(item.date || "");
    if (year) years.set(year[0], (years.get(year[0]) || 0) + 1);
  }
  if (years.size < 2) return el("span");
  const sorted = [...years.keys()].sort();
  const first = Number(sorted[0]), last = Number(sorted[sorted.length - 1]);
  const most = Math.max(...years.values());
  const bars = el("div", { class: "year-bars", role: "img", "aria-label": "dated items per year" });
  for (let y = first; y <= last && y - first < 80; y++) {
    const n = years.get(String(y)) || 0;
    const bar = el("div", { class: "bar", title: `${y}: ${n}` }, el("span", { class: "fill" }), el("span", { class: "year", text: String(y).slice(2) }));
    bar.firstChild.style.height = `${Math.round((n / most) * 100)}%`;
    bars.append(bar);
  }
  return bars;
}

function timeline(items, total) {
  const section = el("section", { id: "timeline" }, el("h2", { text: `Timeline (${total})` }));
  if (!items.length) { section.append(el("p", { class: "muted", text: "Nothing dated." })); return section; }
  section.append(yearBars(items));
  const list = el("ol", { class: "timeline" });
  for (const item of items) {
    list.append(el("li", { class: `tl-${item.kind}` },
      el("time", { text: item.date || "undated" }), " ",
      el("span", { class: `badge kind-${item.kind}`, text: item.kind }), " ",
      el("span", { text: item.what }), " ", item.certainty ? certaintyBadge(item.certainty) : null,
      item.by_hand ? el("span", { class: "badge by-hand", text: "added by hand" }) : null,
      el("div", { class: "muted small", text: item.sentence || "" })));
  }
  section.append(list);
  return section;
}

// Rename, retype, set or clear the Wikidata id: one change per request, with the actor's version.
function actorForm(a) {
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const name = el("input", { name: "name", value: a.name, maxlength: 300, "aria-label": "new name" });
  const type = el("select", { name: "type", "aria-label": "type" },
    ["person", "organization", "country", "location"].map((t) => el("option", { value: t, text: t, selected: t === a.type })));
  const qid = el("input", { name: "wikidata", value: a.wikidata || "", maxlength: 20, placeholder: "Q123 (empty clears)",
    "aria-label": "Wikidata id" });
  // The version as the page loaded it: a change another reviewer made since is not overwritten.
  let version = null;
  const loaded = api(`/api/actors/${enc(a.id)}/review`).then((state) => { version = state.version; });
  const change = async (data) => {
    status.replaceChildren(el("span", { class: "muted", text: "Saving…" }));
    try {
      await loaded;
      await post(`/api/actors/${enc(a.id)}/edit`, { version, ...data });
      location.reload();
    } catch (error) {
      const now = error.status === 409 && error.body && error.body.current;
      if (now) {
        version = now.version;
        name.value = now.name;
        type.value = now.type;
        qid.value = now.wikidata || "";
        status.replaceChildren(el("span", { class: "error stale", role: "alert",
          text: `Not saved: another reviewer changed this actor since the page loaded. Now: ${now.name} (${now.type}`
            + `${now.wikidata ? `, ${now.wikidata}` : ""}). Decide again.` }));
      } else status.replaceChildren(el("span", { class: "error", role: "alert", text: String(error.message || error) }));
    }
  };
  const form = (field, label, data) => {
    const f = el("form", { class: "inline" }, field, el("button", { type: "submit", text: label }));
    f.addEventListener("submit", (event) => { event.preventDefault(); change(data()); });
    return f;
  };
  return el("details", { class: "tool" }, el("summary", { text: "Edit this actor" }),
    form(name, "Rename", () => ({ name: name.value.trim() })), form(type, "Set type", () => ({ type: type.value })),
    form(qid, "Set Wikidata id", () => ({ wikidata: qid.value.trim() })), status);
}

// An input that finds actors by name as one types; the chosen actor's id goes to the hidden `picked`.
function actorPicker(exclude, name, placeholder, { required = true } = {}) {
  const input = el("input", { name, required, autocomplete: "off", placeholder, "aria-label": placeholder });
  const picked = el("input", { type: "hidden", name: `${name}-id` });
  const choices = el("ul", { class: "suggestions", role: "listbox" });
  let timer = null;
  input.addEventListener("input", () => {
    picked.value = "";
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { choices.replaceChildren(); return; }
    timer = setTimeout(async () => {
      const found = await api(`/api/search?q=${enc(q)}&limit=8`);
      choices.replaceChildren(...found.actors.filter((x) => x.id !== exclude).map((x) => el("li", { role: "option" },
        el("a", { href: "#", class: "suggestion", dataset: { id: x.id }, onclick: (event) => {
          event.preventDefault(); input.value = x.name; picked.value = x.id; choices.replaceChildren(); } },
        el("span", { class: "name", text: x.name }), " ", typeBadge(x.type)))));
    }, 150);
  });
  return { box: el("div", { class: "search" }, input, choices), input, picked };
}

function say(status, text, kind = "note") {
  status.replaceChildren(el("span", { class: kind === "error" ? "error" : "muted", role: kind === "error" ? "alert" : "status", text }));
}

// Merge another actor into this one (it is gone; its articles, names and ids join this one), or split
// the articles that call this actor by one of its names into a new actor. Each is a review decision
// that the decisions list below can undo.
function mergeForm(a) {
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const { box, picked } = actorPicker(a.id, "merge-other", "the actor to merge into this one");
  const reason = el("input", { name: "merge-reason", maxlength: 2000, placeholder: "why they are one actor", "aria-label": "reason for merging" });
  const form = el("form", { class: "merge-form" }, box, picked, reason, el("button", { type: "submit", text: `Merge into ${a.name}` }), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!picked.value) { say(status, "Pick the actor to merge from the list.", "error"); return; }
    say(status, "Merging…");
    try {
      const answer = await post(`/api/actors/${enc(a.id)}/merge`, { other: picked.value, reason: reason.value.trim() });
      say(status, `Merged (decision #${answer.review.seq}); reloading…`);
      location.reload();
    } catch (error) { say(status, String(error.message || error), "error"); }
  });
  return el("details", { class: "tool" }, el("summary", { text: "Merge another actor into this one" }), form);
}

function splitForm(a, names) {
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const name = el("select", { name: "split-name", "aria-label": "the name whose articles become a new actor" },
    names.map((n) => el("option", { value: n, text: n })));
  const reason = el("input", { name: "split-reason", maxlength: 2000, placeholder: "why they are another actor", "aria-label": "reason for splitting" });
  const form = el("form", { class: "split-form" }, "Articles that call it ", name, reason,
    el("button", { type: "submit", text: "Split into a new actor" }), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    say(status, "Splitting…");
    try {
      const answer = await post(`/api/actors/${enc(a.id)}/split`, { name: name.value, reason: reason.value.trim() });
      status.replaceChildren(el("span", { class: "muted", role: "status", text: `Split (decision #${answer.review.seq}): ` }),
        el("a", { href: actorHref(answer.review.after.other), class: "split-new", text: answer.review.after.name }),
        " is an actor of its own. ", el("a", { href: actorHref(a.id), text: "reload" }));
    } catch (error) { say(status, String(error.message || error), "error"); }
  });
  return el("details", { class: "tool" }, el("summary", { text: "Split off the articles of one name" }), form);
}

// An event known from a source outside the store: its type, this actor's role, another participant
// and a place (both optional), the date, the source (a URL or a citation) and a note; marked by hand.
function eventForm(a) {
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const types = el("datalist", { id: "event-types" });
  api("/api/event-types").then((t) => types.replaceChildren(...t.types.map((x) => el("option", { value: x })))).catch(() => {});
  const type = el("input", { name: "event-type", required: true, list: "event-types", maxlength: 60, placeholder: "type: attack, meeting…", "aria-label": "event type" });
  const role = el("input", { name: "event-role", value: "participant", maxlength: 40, "aria-label": `${a.name}'s role` });
  const other = actorPicker(a.id, "event-other", "another participant (optional)", { required: false });
  const otherRole = el("input", { name: "event-other-role", value: "participant", maxlength: 40, "aria-label": "the other participant's role" });
  const place = actorPicker(a.id, "event-place", "where (optional)", { required: false });
  const date = el("input", { name: "event-date", type: "date", "aria-label": "date" });
  const source = el("input", { name: "event-source", required: true, maxlength: 2000, placeholder: "the source: a web address or a citation", "aria-label": "source" });
  const note = el("textarea", { name: "event-note", rows: 2, maxlength: 2000, placeholder: "what the source says", "aria-label": "note" });
  const form = el("form", { class: "manual-event" }, type, types, el("label", {}, `${a.name} as `, role),
    other.box, other.picked, el("label", {}, "as ", otherRole), place.box, place.picked, date, source, note,
    el("button", { type: "submit", text: "Add event" }), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (other.input.value.trim() && !other.picked.value) { say(status, "Pick the other participant from the list.", "error"); return; }
    if (place.input.value.trim() && !place.picked.value) { say(status, "Pick the place from the list.", "error"); return; }
    const participants = [{ actor: a.id, role: role.value.trim() || "participant" }];
    if (other.picked.value) participants.push({ actor: other.picked.value, role: otherRole.value.trim() || "participant" });
    say(status, "Saving…");
    try {
      const answer = await post("/api/events", { type: type.value.trim(), participants, source: source.value.trim(),
        note: note.value.trim(), date: date.value || null, place: place.picked.value || null });
      status.replaceChildren(el("span", { class: "muted", role: "status", text: `Event added by hand (decision #${answer.review.seq}). ` }),
        el("a", { href: actorHref(a.id), text: "reload to see it" }));
    } catch (error) { say(status, String(error.message || error), "error"); }
  });
  return el("details", { class: "tool" }, el("summary", { text: "Add an event by hand" }), form);
}

// The review decisions made on this actor, newest first; a reviewer can undo one (a merge gives the
// merged actor back, a split moves the articles back).
async function decisionsSection(a, reviewer) {
  const box = el("section", { id: "actor-decisions" });
  const found = await api(`/api/reviews?target=${enc(a.id)}&limit=20`);
  if (!found.reviews.length) return box;
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  box.replaceChildren(el("h2", { text: "Decisions on this actor" }), el("ol", { class: "decisions" }, found.reviews.map((r) =>
    el("li", { class: r.undone_by ? "undone" : null, dataset: { seq: r.seq, kind: r.kind } },
      el("span", { class: "muted", text: `#${r.seq} ${r.made_at.replace("T", " ")} ` }), el("strong", { text: r.reviewer }),
      ` ${r.kind}`, r.after && r.after.name ? ` ${r.after.name}` : "",
      r.reason ? el("span", { class: "reason", text: ` — ${r.reason}` }) : "",
      r.undone_by ? el("span", { class: "badge", text: `undone by #${r.undone_by}` }) : "",
      reviewer && !r.undone_by && r.kind !== "undo" ? el("button", { type: "button", class: "undo", text: "Undo",
        onclick: () => undoDecision(r.seq, status, () => location.reload()) }) : ""))), status);
  return box;
}

// A relation known from a source outside the store: this actor, a predicate, another actor (picked
// by name), the source (a URL or a citation) and a note; marked as added by hand.
function relationForm(a) {
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const direction = el("select", { name: "direction", "aria-label": "direction" },
    el("option", { value: "out", text: `${a.name} → other` }), el("option", { value: "in", text: `other → ${a.name}` }));
  const predicate = el("select", { name: "predicate", required: true, "aria-label": "predicate" });
  predicates().then((ps) => predicate.replaceChildren(...ps.map((p) => el("option", { value: p, text: p.replaceAll("_", " ") }))));
  const { box: otherBox, picked } = actorPicker(a.id, "other", "the other actor's name");
  const source = el("input", { name: "source", required: true, maxlength: 2000, placeholder: "the source: a web address or a citation",
    "aria-label": "source" });
  const note = el("textarea", { name: "note", rows: 2, maxlength: 2000, placeholder: "what the source says", "aria-label": "note" });
  const certainty = el("select", { name: "certainty", "aria-label": "certainty" }, CERTAINTIES.map((c) => el("option", { value: c, text: c })));
  const date = el("input", { name: "date", type: "date", "aria-label": "date" });
  const form = el("form", { class: "manual-relation" }, direction, predicate,
    otherBox, picked, source, note, certainty, date,
    el("button", { type: "submit", text: "Add relation" }), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (!picked.value) { status.replaceChildren(el("span", { class: "error", role: "alert", text: "Pick the other actor from the list." })); return; }
    const [subject, object] = direction.value === "out" ? [a.id, picked.value] : [picked.value, a.id];
    status.replaceChildren(el("span", { class: "muted", text: "Saving…" }));
    try {
      const answer = await post("/api/relations", { subject, predicate: predicate.value, object, source: source.value.trim(),
        note: note.value.trim(), certainty: certainty.value, date: date.value || null });
      status.replaceChildren(el("span", { class: "muted", role: "status", text: `Added by hand (decision #${answer.review.seq}). ` }),
        el("a", { href: actorHref(a.id), text: "reload to see it" }));
    } catch (error) {
      status.replaceChildren(el("span", { class: "error", role: "alert", text: String(error.message || error) }));
    }
  });
  return el("details", { class: "tool" }, el("summary", { text: "Add a relation by hand" }), form);
}

try {
  const p = await api(`/api/actors/${enc(id)}${showRejected ? "?rejected=1" : ""}`);
  const a = p.actor;
  document.title = `${a.name} · actorgraph`;
  const ids = [];
  if (a.wikidata_url) ids.push(el("a", { href: a.wikidata_url, rel: "noopener noreferrer", target: "_blank", text: `Wikidata ${a.wikidata}` }));
  if (a.registry_id) ids.push(el("span", { class: "muted", text: ` registry: ${a.registry_id}` }));
  ids.push(el("span", { class: "muted", text: ` id: ${a.id}` }));
  main.replaceChildren(
    el("header", { class: "actor-head" },
      el("h1", {}, el("span", { id: "actor-name", text: a.name }), " ", typeBadge(a.type),
        a.by_hand ? el("span", { class: "badge by-hand", text: "added by hand" }) : null,
        a.type_confidence != null ? el("span", { class: "muted type-confidence", title: `typed by ${a.typed_by}`, text: ` ${a.type_confidence.toFixed(2)}` }) : null),
      p.aliases.length ? el("p", { class: "aliases" }, "Also: ", p.aliases.join(" · ")) : null,
      el("p", { class: "ids" }, ids),
      el("p", { class: "muted", text: `${p.articles.count} articles${p.articles.first ? `, ${p.articles.first} to ${p.articles.last}` : ""}` }),
      el("p", { class: "actions" },
        el("a", { class: "button", href: `/network/${enc(a.id)}`, text: "Network" }), " ",
        el("a", { class: "button", href: `/map?actor=${enc(a.id)}`, text: "Map" }), " ",
        el("a", { class: "button", href: showRejected ? actorHref(a.id) : `${actorHref(a.id)}?rejected=1`,
          text: showRejected ? "Hide rejected" : "Show rejected" })),
      el("div", { id: "reviewer-tools" })),
    relationsSection(p),
    table("Events", p.events_total, p.events, [["date", (e) => e.date || e.date_text || ""], ["type", (e) => e.type],
      ["role", (e) => e.role], ["place", (e) => e.place || ""], ["certainty", (e) => certaintyBadge(e.certainty)],
      ["sentence", (e) => e.sentence || ""], ["", (e) => (e.by_hand ? el("span", { class: "badge by-hand", text: "added by hand" }) : "")]]),
    table("Quotes", p.quotes_total, p.quotes, [["date", (q) => q.date || ""], ["quote", (q) => el("q", { text: q.text })],
      ["certainty", (q) => certaintyBadge(q.certainty)], ["source", (q) => q.source]]),
    table("Figures", p.figures_total, p.figures, [["kind", (f) => f.kind],
      ["value", (f) => `${f.qualifier ? `${f.qualifier} ` : ""}${f.value}${f.value_max ? `–${f.value_max}` : ""}`],
      ["place", (f) => f.place || ""], ["date", (f) => f.date || ""], ["sentence", (f) => f.sentence || ""]]),
    timeline(p.timeline, p.timeline_total));
  const who = await session;
  if (who.reviewer) {
    document.getElementById("reviewer-tools").replaceChildren(enableShortcuts(main), actorForm(a), relationForm(a),
      eventForm(a), mergeForm(a), splitForm(a, [a.name, ...p.aliases]));
  }
  main.append(await decisionsSection(a, who.reviewer));
} catch (error) { showError(main, error); }
