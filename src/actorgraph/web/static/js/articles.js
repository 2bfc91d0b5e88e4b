// The stored articles, newest first, paginated, with a filter on title or source.
import { api, articleHref, el, enc, header, pager, showError } from "./common.js";

header("articles");
const main = document.getElementById("main");
const input = el("input", { type: "search", placeholder: "Filter by title or source…", "aria-label": "filter articles" });
const list = el("section");
main.replaceChildren(el("h1", { text: "Articles" }), el("form", { onsubmit: (e) => { e.preventDefault(); load(0); } }, input), list);

async function load(offset) {
  const q = input.value.trim();
  try {
    const page = await api(`/api/articles?limit=25&offset=${offset}${q ? `&q=${enc(q)}` : ""}`);
    list.replaceChildren(
      el("p", { class: "muted", text: `${page.total} articles` }),
      el("ul", { class: "articles" }, page.articles.map((a) => el("li", {},
        el("a", { href: articleHref(a.id), text: a.title || a.source }),
        el("div", { class: "muted", text: `${a.published || "undated"} · ${a.source} · ${a.chars} chars` })))),
      pager(page.total, page.offset, page.limit, load));
  } catch (error) { showError(list, error); }
}
load(0);
