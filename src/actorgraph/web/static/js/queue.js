// The review queue: unreviewed statements of the watched actors (else the most connected), lowest
// certainty first, each with its sentence and the review controls; j / k / c / x / d... for fast triage.
import { actorHref, api, certaintyBadge, el, enc, header, post, sentenceHref, session, showError } from "./common.js";
import { enableShortcuts, statementReview } from "./review.js";

header("review");
const main = document.getElementById("main");
const params = new URLSearchParams(location.search);
const actors = params.getAll("actor");

async function recent(box) {
  const found = await api("/api/reviews?limit=15");
  box.replaceChildren(el("h2", { text: "Latest decisions" }), found.reviews.length
    ? el("ol", { class: "decisions" }, found.reviews.map((r) => el("li", { class: r.undone_by ? "undone" : null },
      el("span", { class: "muted", text: `#${r.seq} ${r.made_at.replace("T", " ")} ` }), el("strong", { text: r.reviewer }),
      ` ${r.kind} ${r.target} ${r.target_id}`, r.reason ? el("span", { class: "reason", text: ` — ${r.reason}` }) : "",
      r.undone_by ? el("span", { class: "badge", text: `undone by #${r.undone_by}` }) : "")))
    : el("p", { class: "muted", text: "No decision yet." }));
}

// An actor known from a source outside the store: name, type, Wikidata id (optional), the source (a URL
// or a citation) and a note; marked as added by hand. Later articles that name it resolve to it.
function actorForm() {
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const name = el("input", { name: "actor-name", required: true, maxlength: 300, placeholder: "name", "aria-label": "name" });
  const type = el("select", { name: "actor-type", "aria-label": "type" },
    ["person", "organization", "country", "location"].map((t) => el("option", { value: t, text: t })));
  const qid = el("input", { name: "actor-wikidata", maxlength: 20, placeholder: "Wikidata id, e.g. Q42 (optional)", "aria-label": "Wikidata id" });
  const source = el("input", { name: "actor-source", required: true, maxlength: 2000, placeholder: "the source: a web address or a citation", "aria-label": "source" });
  const note = el("textarea", { name: "actor-note", rows: 2, maxlength: 2000, placeholder: "what the source says", "aria-label": "note" });
  const form = el("form", { class: "manual-actor" }, name, type, qid, source, note, el("button", { type: "submit", text: "Add actor" }), status);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    status.replaceChildren(el("span", { class: "muted", text: "Saving…" }));
    try {
      const answer = await post("/api/actors", { name: name.value.trim(), type: type.value, source: source.value.trim(),
        note: note.value.trim(), wikidata: qid.value.trim() || null });
      status.replaceChildren(el("span", { class: "muted", role: "status", text: `Added by hand (decision #${answer.review.seq}): ` }),
        el("a", { href: actorHref(answer.review.target_id), class: "added-actor", text: answer.current ? answer.current.name : name.value }));
    } catch (error) {
      status.replaceChildren(el("span", { class: "error", role: "alert", text: String(error.message || error) }));
    }
  });
  return el("details", { class: "tool", id: "add-actor" }, el("summary", { text: "Add an actor by hand" }), form);
}

const list = el("section", { id: "queue" }, el("p", { class: "muted", text: "Loading…" }));
const decisions = el("section", { id: "decisions" });
const tools = el("div", { id: "reviewer-tools" });
main.replaceChildren(el("h1", { text: "Review queue" }), tools, list, decisions);
try {
  const who = await session;
  if (who.reviewer) tools.replaceChildren(actorForm());
  const queue = await api(`/api/review/queue?limit=50${actors.map((a) => `&actor=${enc(a)}`).join("")}`);
  list.replaceChildren(
    el("p", { class: "muted", text: actors.length ? "Unreviewed statements of the chosen actors, lowest certainty first."
      : "Unreviewed statements of the watched actors (else the most connected), lowest certainty first." }),
    who.reviewer ? enableShortcuts(main) : el("p", { class: "muted" }, "Reading only: ",
      el("a", { href: `/signin?next=${enc("/review")}`, text: "sign in" }), " to review."),
    queue.statements.length ? el("ol", { class: "evidence queue" }, queue.statements.map((s) => el("li", {},
      el("div", {}, el("a", { href: actorHref(s.subject), text: s.subject_name }), ` ${s.predicate.replaceAll("_", " ")} `,
        el("a", { href: actorHref(s.object), text: s.object_name }), " ", certaintyBadge(s.certainty), " ",
        el("a", { class: "muted", href: sentenceHref({ article: s.article_id, sent_start: s.sent_start, sent_end: s.sent_end }), text: s.source })),
      el("blockquote", { class: "sentence", text: s.sentence }),
      statementReview(s, { onChange: () => recent(decisions) }))))
      : el("p", { class: "muted", text: "Nothing left to review here." }));
} catch (error) { showError(list, error); }
try { await recent(decisions); } catch (error) { showError(decisions, error); }
