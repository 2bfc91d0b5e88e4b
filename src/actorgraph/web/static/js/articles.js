// The stored articles, newest first, paginated, with a filter on title or source; for a signed-in
// reviewer, a form to ingest an article (sent with the session's CSRF token).
import { api, articleHref, el, enc, header, pager, post, session, showError } from "./common.js";

header("articles");
const main = document.getElementById("main");
const input = el("input", { type: "search", placeholder: "Filter by title or source…", "aria-label": "filter articles" });
const list = el("section");
const addBox = el("section", { id: "add-article" });
main.replaceChildren(el("h1", { text: "Articles" }), addBox,
  el("form", { onsubmit: (e) => { e.preventDefault(); load(0); } }, input), list);

async function load(offset) {
  const q = input.value.trim();
  try {
    const page = await api(`/api/articles?limit=25&offset=${offset}${q ? `&q=${enc(q)}` : ""}`);
    list.replaceChildren(
      el("p", { class: "muted", text: `${page.total} articles` }),
      el("ul", { class: "articles" }, page.articles.map((a) => el("li", {},
        el("a", { href: articleHref(a.id), text: a.title || a.source }),
        a.by_hand ? el("span", { class: "badge by-hand", text: "added by hand" }) : "",
        el("div", { class: "muted", text: `${a.published || "undated"} · ${a.source} · ${a.chars} chars` })))),
      pager(page.total, page.offset, page.limit, load));
  } catch (error) { showError(list, error); }
}

function ingestForm() {
  const field = (name, label, attrs = {}) => el("label", { class: "field" }, label, el("input", { name, ...attrs }));
  const text = el("textarea", { name: "text", rows: 8, required: true, "aria-label": "article text",
    placeholder: "Paste the article text (plain text, markdown or HTML)…" });
  const result = el("p", { class: "result", "aria-live": "polite" });
  const form = el("form", { class: "ingest" },
    text, field("title", "Title "), field("source", "Source "), field("published", "Published ", { type: "date" }),
    el("button", { type: "submit", text: "Ingest" }), result);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = Object.fromEntries(["text", "title", "source", "published"]
      .map((k) => [k, form.elements[k].value.trim() || null]).filter(([, v]) => v));
    result.replaceChildren(el("span", { class: "muted", text: "Extracting…" }));
    try {
      const body = await post("/api/articles", data);
      result.replaceChildren(body.new ? `Stored: ${body.actors} actors, ${body.statements} statements. ` : "Already stored. ",
        el("a", { href: articleHref(body.article), text: "open the article" }));
      load(0);
    } catch (error) { showError(result, error); }
  });
  return el("details", {}, el("summary", { text: "Add an article" }), form);
}

try {
  const s = await session;
  if (s.reviewer) addBox.replaceChildren(ingestForm());
  else if (s.writable) addBox.replaceChildren(el("p", { class: "muted" }, "Reviewers may add articles: ",
    el("a", { href: "/signin?next=/articles", text: "sign in" }), "."));
} catch (error) { showError(addBox, error); }
load(0);
