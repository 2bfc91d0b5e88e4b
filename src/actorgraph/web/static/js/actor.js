// An actor's page: names, ids, relations by predicate (each expandable to its evidence),
// events, quotes, figures and a timeline.
import { api, actorHref, certaintyBadge, sentenceHref, el, enc, header, idFromPath, pager, renderSegments, sourcesText,
  showError, typeBadge } from "./common.js";

header("actor");
const main = document.getElementById("main");
const id = idFromPath();

function certaintyCounts(c) {
  return el("span", { class: "certainties" }, Object.entries(c).filter(([, n]) => n > 0)
    .map(([k, n]) => el("span", { class: `badge cert-${k}`, text: `${k} ${n}` })));
}

async function loadEvidence(box, relationId, offset = 0) {
  box.replaceChildren(el("p", { class: "muted", text: "Loading evidence…" }));
  try {
    const ev = await api(`/api/relations/${enc(relationId)}?offset=${offset}&limit=10`);
    box.replaceChildren(
      el("ol", { class: "evidence", start: offset + 1 }, ev.evidence.map((s) => el("li", {},
        el("blockquote", { class: "sentence" }, renderSegments(s.segments, s.marks, { link: false })),
        el("div", { class: "muted" }, certaintyBadge(s.certainty), ` ${s.date || "undated"} · `,
          el("a", { href: sentenceHref(s), text: s.title || s.source }),
          s.attributed_to ? ` · according to ${s.attributed_to}` : "", ` · ${s.extractor || ""}`,
          s.story_articles > 1 ? el("span", { class: "copies", text: ` · one story in ${s.story_articles} articles` }) : "")))),
      pager(ev.statements, ev.offset, ev.limit, (o) => loadEvidence(box, relationId, o)));
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
      el("div", { class: "muted small", text: item.sentence || "" })));
  }
  section.append(list);
  return section;
}

try {
  const p = await api(`/api/actors/${enc(id)}`);
  const a = p.actor;
  document.title = `${a.name} · actorgraph`;
  const ids = [];
  if (a.wikidata_url) ids.push(el("a", { href: a.wikidata_url, rel: "noopener noreferrer", target: "_blank", text: `Wikidata ${a.wikidata}` }));
  if (a.registry_id) ids.push(el("span", { class: "muted", text: ` registry: ${a.registry_id}` }));
  ids.push(el("span", { class: "muted", text: ` id: ${a.id}` }));
  main.replaceChildren(
    el("header", { class: "actor-head" },
      el("h1", {}, el("span", { id: "actor-name", text: a.name }), " ", typeBadge(a.type)),
      p.aliases.length ? el("p", { class: "aliases" }, "Also: ", p.aliases.join(" · ")) : null,
      el("p", { class: "ids" }, ids),
      el("p", { class: "muted", text: `${p.articles.count} articles${p.articles.first ? `, ${p.articles.first} to ${p.articles.last}` : ""}` }),
      el("p", { class: "actions" },
        el("a", { class: "button", href: `/network/${enc(a.id)}`, text: "Network" }), " ",
        el("a", { class: "button", href: `/map?actor=${enc(a.id)}`, text: "Map" }))),
    relationsSection(p),
    table("Events", p.events_total, p.events, [["date", (e) => e.date || e.date_text || ""], ["type", (e) => e.type],
      ["role", (e) => e.role], ["place", (e) => e.place || ""], ["certainty", (e) => certaintyBadge(e.certainty)],
      ["sentence", (e) => e.sentence || ""]]),
    table("Quotes", p.quotes_total, p.quotes, [["date", (q) => q.date || ""], ["quote", (q) => el("q", { text: q.text })],
      ["certainty", (q) => certaintyBadge(q.certainty)], ["source", (q) => q.source]]),
    table("Figures", p.figures_total, p.figures, [["kind", (f) => f.kind],
      ["value", (f) => `${f.qualifier ? `${f.qualifier} ` : ""}${f.value}${f.value_max ? `–${f.value_max}` : ""}`],
      ["place", (f) => f.place || ""], ["date", (f) => f.date || ""], ["sentence", (f) => f.sentence || ""]]),
    timeline(p.timeline, p.timeline_total));
} catch (error) { showError(main, error); }
