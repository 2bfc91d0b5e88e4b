// One article: its clean text with every actor mention, relation cue, quote and figure highlighted.
import { api, el, header, idFromPath, renderSegments, showError } from "./common.js";

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
    el("h1", { text: a.title || a.source }),
    el("p", { class: "muted" }, `${a.published || "undated"} · ${a.source}`, a.url ? ` · ${a.url}` : ""),
    legend,
    el("article", { class: "article-text", id: "article-text" }, renderSegments(a.segments, a.marks)));
} catch (error) { showError(main, error); }
