// The review queue: unreviewed statements of the watched actors (else the most connected), lowest
// certainty first, each with its sentence and the review controls; j / k / c / x / d... for fast triage.
import { actorHref, api, certaintyBadge, el, enc, header, sentenceHref, session, showError } from "./common.js";
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

const list = el("section", { id: "queue" }, el("p", { class: "muted", text: "Loading…" }));
const decisions = el("section", { id: "decisions" });
main.replaceChildren(el("h1", { text: "Review queue" }), list, decisions);
try {
  const who = await session;
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
