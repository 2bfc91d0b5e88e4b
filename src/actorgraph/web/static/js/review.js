// Review controls beside the evidence: a statement's state and, for a signed-in reviewer, confirm /
// reject (with a reason) / fix direction / change predicate / certainty, edge verdicts, undo, and
// keyboard shortcuts for fast triage. Every write sends the version the page loaded; when another
// reviewer changed the item meanwhile the server refuses it (409) and the item shows the current state.
// Reasons and notes are untrusted text: they reach the page through textContent only.
import { api, el, enc, post, session } from "./common.js";

export const CERTAINTIES = ["asserted", "reported", "uncertain", "negated"];
let predicatesCache = null;
export function predicates() {
  predicatesCache = predicatesCache || api("/api/predicates").then((p) => Object.keys(p)).catch(() => []);
  return predicatesCache;
}

// The decisions made on this page, newest last: `u` undoes the last one.
const made = [];

export function stateBadge(state) {
  return el("span", { class: `badge review-${state.replaceAll(" ", "-")}`, text: state });
}

function stateLine(s) {
  const parts = [stateBadge(s.review)];
  if (s.by_hand) parts.push(el("span", { class: "badge by-hand", text: "added by hand" }));
  if (s.reviewer) parts.push(el("span", { class: "muted", text: ` ${s.review} by ${s.reviewer}` }));
  if (s.reason && s.reason !== s.review) parts.push(el("span", { class: "reason", text: ` — ${s.reason}` }));
  const was = Object.entries(s.original || {});
  if (was.length) {
    parts.push(el("span", { class: "muted corrected", text: ` (corrected; as extracted: ${was.map(([k, v]) => `${k} ${k === "subject" || k === "object" ? "" : v}`.trim()).join(", ")})` }));
  }
  return el("span", { class: "review-state" }, parts);
}

function message(box, text, kind = "note") {
  box.replaceChildren(el("span", { class: kind === "error" ? "error" : "muted", role: kind === "error" ? "alert" : "status", text }));
}

// Send one write; on success call done(answer); a stale write shows the current state through stale(current).
async function send(path, data, status, { done, stale }) {
  message(status, "Saving…");
  try {
    const answer = await post(path, data);
    made.push(answer.review.seq);
    done(answer);
    const undo = el("button", { type: "button", class: "undo", text: "Undo",
      onclick: () => undoDecision(answer.review.seq, status, done) });
    status.replaceChildren(el("span", { class: "muted", role: "status", text: `Saved as decision #${answer.review.seq}. ` }), undo);
  } catch (error) {
    if (error.status === 409 && error.body && error.body.current) {
      stale(error.body.current);
      message(status, `Not saved: ${error.body.error || "it changed since the page loaded"}. The current state is shown; decide again.`, "error");
      status.firstChild.classList.add("stale");
    } else message(status, String(error.message || error), "error");
  }
}

export async function undoDecision(seq, status, done) {
  message(status, "Undoing…");
  try {
    const answer = await post(`/api/reviews/${Number(seq)}/undo`, {});
    const i = made.lastIndexOf(seq);
    if (i >= 0) made.splice(i, 1);
    if (done) done(answer);
    message(status, `Decision #${seq} undone (#${answer.review.seq}).`);
  } catch (error) { message(status, String(error.message || error), "error"); }
}

// A statement's review: its state, and the controls for a signed-in reviewer.
export function statementReview(state, { onChange } = {}) {
  const box = el("div", { class: "review", tabindex: "0", dataset: { statement: state.id } });
  box.classList.add("reviewable");
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const render = (s) => {
    box.dataset.version = String(s.version);
    box.dataset.review = s.review;
    box.classList.toggle("is-rejected", s.review === "rejected");
    const controls = el("span", { class: "review-controls" });
    box.replaceChildren(stateLine(s), controls, status);
    session.then(async (who) => {
      if (!who.reviewer) return;
      const changed = (answer) => {
        if (answer.current) render(answer.current);
        if (onChange) onChange(answer);
      };
      const version = () => Number(box.dataset.version);
      const write = (action, data) => send(`/api/statements/${enc(s.id)}/${action}`, { version: version(), ...data }, status,
        { done: changed, stale: render });
      const reason = el("input", { type: "text", name: "reason", maxlength: 2000, placeholder: "why it is wrong",
        "aria-label": "reason for rejecting", hidden: true });
      const rejectForm = el("form", { class: "reject-form" }, reason,
        el("button", { type: "submit", class: "reject-go", hidden: true, text: "Reject with this reason" }));
      const openReject = () => {
        reason.hidden = false; rejectForm.querySelector(".reject-go").hidden = false; reason.focus();
      };
      rejectForm.addEventListener("submit", (event) => {
        event.preventDefault();
        if (!reason.value.trim()) { message(status, "A reason is needed to reject.", "error"); reason.focus(); return; }
        write("reject", { reason: reason.value.trim() });
      });
      const predicate = el("select", { name: "predicate", "aria-label": "change predicate" },
        el("option", { value: "", text: "predicate…" }),
        (await predicates()).filter((p) => p !== s.predicate).map((p) => el("option", { value: p, text: p.replaceAll("_", " ") })));
      predicate.addEventListener("change", () => { if (predicate.value) write("correct", { predicate: predicate.value }); });
      const certainty = el("select", { name: "certainty", "aria-label": "change certainty" },
        el("option", { value: "", text: "certainty…" }),
        CERTAINTIES.filter((c) => c !== s.certainty).map((c) => el("option", { value: c, text: c })));
      certainty.addEventListener("change", () => { if (certainty.value) write("correct", { certainty: certainty.value }); });
      controls.replaceChildren(...[
        s.review !== "confirmed" ? el("button", { type: "button", class: "confirm", title: "confirm (c)", text: "Confirm",
          onclick: () => write("confirm", {}) }) : null,
        s.review !== "rejected" ? el("button", { type: "button", class: "reject", title: "reject with a reason (x)", text: "Reject",
          onclick: openReject }) : null,
        s.review !== "rejected" ? el("button", { type: "button", class: "reverse", title: "fix the direction: swap subject and object (d)",
          text: "Fix direction", onclick: () => write("correct", { reverse: true }) }) : null,
        s.review !== "rejected" ? predicate : null, s.review !== "rejected" ? certainty : null,
        s.review !== "rejected" ? rejectForm : null].filter(Boolean));
      box.review = { confirm: () => write("confirm", {}), reject: openReject, reverse: () => write("correct", { reverse: true }),
        predicate: () => predicate.focus(), certainty: () => certainty.focus() };
    });
  };
  render(state);
  return box;
}

// An edge's review: its state, and confirm all / reject all for a signed-in reviewer.
export function edgeReview(edge, { onChange } = {}) {
  const box = el("div", { class: "edge-review", dataset: { relation: edge.id } });
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const render = (e) => {
    box.dataset.version = e.version;
    const counts = el("span", { class: "muted", text: ` ${e.confirmed} confirmed, ${e.rejected} rejected of ${e.statements + e.rejected}` });
    const controls = el("span", { class: "review-controls" });
    box.replaceChildren(el("span", { text: "Edge: " }), stateBadge(e.state), counts, " ", controls, status);
    session.then((who) => {
      if (!who.reviewer) return;
      const done = (answer) => { if (answer.current) render(answer.current); if (onChange) onChange(answer); };
      const write = (action, data) => send(`/api/edges/${enc(e.id)}/${action}`, { version: box.dataset.version, ...data },
        status, { done, stale: render });
      const reason = el("input", { type: "text", name: "edge-reason", maxlength: 2000, placeholder: "why the whole edge is wrong",
        "aria-label": "reason for rejecting the edge" });
      const form = el("form", { class: "reject-form" }, reason, el("button", { type: "submit", text: "Reject all" }));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        if (!reason.value.trim()) { message(status, "A reason is needed to reject.", "error"); return; }
        write("reject", { reason: reason.value.trim() });
      });
      controls.replaceChildren(...[
        e.state !== "confirmed" && e.statements ? el("button", { type: "button", class: "confirm-edge", text: "Confirm all",
          onclick: () => write("confirm", {}) }) : null,
        e.statements ? form : null].filter(Boolean));
    });
  };
  render(edge);
  return box;
}

// Keyboard triage over the .reviewable items of the page: j / k move, c confirm, x reject,
// d fix direction, p predicate, e certainty, u undo the last decision, ? show the keys.
export function enableShortcuts(container = document) {
  const help = el("details", { class: "shortcuts" }, el("summary", { text: "Keyboard shortcuts" }),
    el("p", { class: "muted small", text: "j / k next / previous statement · c confirm · x reject (type the reason, Enter) · "
      + "d fix direction · p change predicate · e change certainty · u undo your last decision · ? show this" }));
  const status = el("div", { class: "review-status", "aria-live": "polite" });
  const items = () => [...container.querySelectorAll(".reviewable")];
  document.addEventListener("keydown", (event) => {
    const t = event.target;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return;
    const all = items();
    const at = all.indexOf(document.activeElement?.closest?.(".reviewable"));
    const go = (i) => { const item = all[Math.max(0, Math.min(all.length - 1, i))]; if (item) { item.focus(); item.scrollIntoView({ block: "nearest" }); } };
    const current = at >= 0 ? all[at] : null;
    const act = { c: "confirm", x: "reject", d: "reverse", p: "predicate", e: "certainty" }[event.key];
    if (event.key === "j") go(at + 1);
    else if (event.key === "k") go(at < 0 ? 0 : at - 1);
    else if (event.key === "?") help.open = !help.open;
    else if (event.key === "u" && made.length) undoDecision(made[made.length - 1], status, () => location.reload());
    else if (act && current && current.review) current.review[act]();
    else return;
    event.preventDefault();
  });
  return el("div", { class: "shortcut-box" }, help, status);
}
