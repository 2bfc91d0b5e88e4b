// One article: its clean text with every actor mention, relation cue, quote and figure highlighted,
// and its statements with their review state (review controls for a signed-in reviewer).
import { actorHref, api, articleHref, certaintyBadge, el, enc, header, idFromPath, renderSegments, session, showError } from "./common.js";
import { enableShortcuts, statementReview } from "./review.js";

header("articles");
const main = document.getElementById("main");
const id = idFromPath();

try {
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  document.title = `${a.title || a.source} · actorgraph`;
  const legend = el("p", { class: "legend" },
    el("mark", { class: "hl hl-actor", text: `actors (${a.counts.actor})` }), " ",
    el("mark", { class: "hl hl-cue", text: `relation cues (${a.counts.cue})` }), " ",
    el("mark", { class: "hl hl-quote", text: `quotes (${a.counts.quote})` }), " ",
    el("mark", { class: "hl hl-figure", text: `figures (${a.counts.figure})` }));
  main.replaceChildren(
    el("h1", {}, a.title || a.source, a.by_hand ? " " : "", a.by_hand ? el("span", { class: "badge by-hand", text: "added by hand" }) : ""),
    el("p", { class: "muted" }, `${a.published || "undated"} · ${a.source}`, a.url ? ` · ${a.url}` : ""),
    a.by_hand ? el("p", { class: "muted", text: "A source a reviewer gave for what they added by hand; its text is their note." }) : "",
    a.added ? addedSection(a.added) : "",
    ...(a.warnings || []).map((w) => el("p", { class: "warning", role: "note", text: `Warning: ${w}` })),
    legend,
    el("article", { class: "article-text", id: "article-text" }, renderSegments(a.segments, a.marks)),
    el("section", { id: "statements" }));
  focusSentence(a.segments);
  await statementsSection(document.getElementById("statements"));
} catch (error) { showError(main, error); }

// What reviewers added by hand from this source: its events (with their participants) and actors.
function addedSection(added) {
  const events = added.events.map((e) => el("li", { class: "added-event" }, el("span", { class: "badge by-hand", text: "added by hand" }), " ",
    el("strong", { text: e.type }), ` ${e.date || "undated"}`, e.place ? ` in ${e.place}` : "", ": ",
    ...e.participants.flatMap((p, i) => [i ? ", " : "", el("a", { href: actorHref(p.id), text: p.name }), ` (${p.role})`]),
    e.note ? el("div", { class: "muted small", text: e.note }) : ""));
  const actors = added.actors.map((x) => el("li", { class: "added-actor" }, el("span", { class: "badge by-hand", text: "added by hand" }), " ",
    el("a", { href: actorHref(x.id), text: x.name }), ` (${x.type})`));
  if (!events.length && !actors.length) return "";
  return el("section", { id: "added" }, el("h2", { text: "Added by hand from this source" }), el("ul", { class: "plain" }, events, actors));
}

// Every statement of the article beside its sentence; rejected ones only with the filter.
async function statementsSection(box) {
  const showRejected = new URLSearchParams(location.search).get("rejected") === "1";
  const found = await api(`/api/articles/${enc(id)}/statements${showRejected ? "?rejected=1" : ""}`);
  const who = await session;
  const toggle = el("a", { href: showRejected ? articleHref(id) : `${articleHref(id)}?rejected=1`,
    text: showRejected ? "hide rejected" : "show rejected" });
  box.replaceChildren(el("h2", { text: `Statements (${found.statements.length})` }),
    el("p", { class: "muted" }, "Relations read from this article, each with its review state · ", toggle),
    who.reviewer ? enableShortcuts(box) : "",
    el("ol", { class: "evidence statements" }, found.statements.map((s) => el("li", { class: s.review === "rejected" ? "is-rejected" : null },
      el("div", {}, el("a", { href: actorHref(s.subject), text: s.subject_name }), ` ${s.predicate.replaceAll("_", " ")} `,
        el("a", { href: actorHref(s.object), text: s.object_name }), " ", certaintyBadge(s.certainty)),
      el("blockquote", { class: "sentence", text: s.sentence }),
      statementReview(s)))));
}

// `?at=START-END` (from an evidence link): scroll to those characters and mark them, with the
// CSS Custom Highlight API (no element is added, so the highlights above stay as they are).
function focusSentence(segments) {
  const m = /^(\d+)-(\d+)$/.exec(new URLSearchParams(location.search).get("at") || "");
  if (!m || !window.CSS || !CSS.highlights) return;
  const [start, end] = [Number(m[1]), Number(m[2])];
  const container = document.getElementById("article-text");
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  let offset = 0, started = false;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const len = node.data.length;
    if (!started && start < offset + len) { range.setStart(node, start - offset); started = true; }
    if (started && end <= offset + len) { range.setEnd(node, end - offset); break; }
    offset += len;
  }
  if (!started) return;
  CSS.highlights.set("evidence", new Highlight(range));
  container.dataset.focus = `${start}-${end}`;
  const box = range.getBoundingClientRect();
  window.scrollTo({ top: window.scrollY + box.top - 120 });
}
