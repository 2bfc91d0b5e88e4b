// The network around one actor (cytoscape.js): filters by predicate, certainty, dates and hops;
// clicking an edge shows its evidence, clicking an actor opens its page.
import { api, actorHref, certaintyBadge, sentenceHref, el, enc, header, idFromPath, renderSegments, showError, sourcesText } from "./common.js";
import { stateBadge } from "./review.js";

header("network");
const main = document.getElementById("main");
const id = idFromPath();
const CERTAINTIES = ["asserted", "reported", "uncertain", "negated"];
const COLORS = { person: "#2563eb", organization: "#b45309", country: "#15803d", location: "#7c3aed" };

const title = el("h1", { text: "Network" });
const status = el("p", { class: "muted", id: "network-status", "aria-live": "polite" });
const hops = el("select", { name: "hops", "aria-label": "hops" }, [1, 2, 3].map((n) => el("option", { value: n, text: `${n} hop${n > 1 ? "s" : ""}` })));
const limit = el("select", { name: "limit", "aria-label": "most actors" }, [40, 80, 150, 300].map((n) => el("option", { value: n, text: `≤ ${n} actors`, selected: n === 80 })));
const since = el("input", { type: "date", name: "since", "aria-label": "since" });
const showRejected = el("input", { type: "checkbox", name: "rejected", value: "1" });
const until = el("input", { type: "date", name: "until", "aria-label": "until" });
const certBoxes = CERTAINTIES.map((c) => el("label", { class: "check" }, el("input", { type: "checkbox", name: "certainty", value: c, checked: c !== "negated" }), ` ${c}`));
const predicateBox = el("fieldset", { class: "predicates" }, el("legend", { text: "Predicates" }));
const form = el("form", { class: "filters", onchange: () => load(), onsubmit: (e) => { e.preventDefault(); load(); } },
  el("div", { class: "row" }, hops, limit, el("label", {}, "from ", since), el("label", {}, "to ", until),
    el("label", { class: "check" }, showRejected, " show rejected")),
  el("fieldset", { class: "certainty" }, el("legend", { text: "Certainty" }), certBoxes),
  predicateBox);
const graph = el("div", { id: "cy", class: "graph", role: "img", "aria-label": "network graph" });
const panel = el("aside", { class: "panel", id: "edge-panel" }, el("p", { class: "muted", text: "Click an edge to see its evidence; click an actor to centre on it. Green edges are confirmed by a reviewer, orange ones partly rejected; rejected statements are left out unless \u201cshow rejected\u201d is ticked (red dotted edges)." }));
main.replaceChildren(title, status, form, el("div", { class: "network-layout" }, graph, panel));

let cy = null;

function checked(name) {
  return [...form.querySelectorAll(`input[name=${name}]:checked`)].map((i) => i.value);
}

async function showEdge(edgeId) {
  panel.replaceChildren(el("p", { class: "muted", text: "Loading evidence…" }));
  try {
    const ev = await api(`/api/relations/${enc(edgeId)}?limit=20${showRejected.checked ? "&rejected=1" : ""}`);
    panel.replaceChildren(
      el("h2", {}, el("a", { href: actorHref(ev.subject.id), text: ev.subject.name }), ` ${ev.predicate.replaceAll("_", " ")} `,
        el("a", { href: actorHref(ev.object.id), text: ev.object.name })),
      el("p", { class: "muted", text: `${ev.statements} statements from ${sourcesText(ev.stories, ev.sources)}` }),
      ev.edge_review ? el("p", {}, "Review: ", stateBadge(ev.edge_review.state)) : "",
      el("ol", { class: "evidence" }, ev.evidence.map((s) => el("li", {},
        el("blockquote", { class: "sentence" }, renderSegments(s.segments, s.marks, { link: false })),
        el("div", { class: "muted" }, certaintyBadge(s.certainty), ` ${s.date || "undated"} · `,
          el("a", { href: sentenceHref(s), text: s.title || s.source }))))));
  } catch (error) { showError(panel, error); }
}

async function load() {
  const params = new URLSearchParams({ hops: hops.value, limit: limit.value });
  checked("predicate").forEach((p) => params.append("predicate", p));
  const certs = checked("certainty");
  if (certs.length < CERTAINTIES.length) certs.forEach((c) => params.append("certainty", c));
  if (since.value) params.set("since", since.value);
  if (showRejected.checked) params.set("rejected", "1");
  if (until.value) params.set("until", until.value);
  status.textContent = "Loading…";
  try {
    const net = await api(`/api/network/${enc(id)}?${params}`);
    const centre = net.nodes.find((n) => n.id === net.centre);
    title.replaceChildren("Network of ", el("a", { href: actorHref(net.centre), text: centre ? centre.name : net.centre }));
    status.textContent = `${net.nodes.length} actors, ${net.edges.length} relations${net.truncated ? " (limited: raise the limit or narrow the filters)" : ""}`;
    const elements = [
      ...net.nodes.map((n) => ({ group: "nodes", data: { id: n.id, label: n.name, type: n.type, hop: n.hop, color: COLORS[n.type] || "#555" } })),
      ...net.edges.map((e) => ({ group: "edges", data: { id: e.id, source: e.source, target: e.target, label: e.predicate.replaceAll("_", " "), width: Math.min(1.5 + e.sources, 8), negated: e.certainty.negated > 0 && e.certainty.asserted === 0, review: e.review } })),
    ];
    if (cy) cy.destroy();
    delete graph.dataset.nodes;
    delete graph.dataset.edges;
    cy = window.cytoscape({
      container: graph,
      elements,
      style: [
        { selector: "node", style: { label: "data(label)", "background-color": "data(color)", "font-size": 10, "text-valign": "bottom", "text-margin-y": 3, width: 18, height: 18, color: "#111", "text-wrap": "ellipsis", "text-max-width": 120 } },
        { selector: "node.centre", style: { width: 30, height: 30, "border-width": 3, "border-color": "#111" } },
        { selector: "edge", style: { width: "data(width)", "line-color": "#9ca3af", "target-arrow-color": "#9ca3af", "target-arrow-shape": "triangle", "curve-style": "bezier", label: "data(label)", "font-size": 8, color: "#374151", "text-rotation": "autorotate", "text-background-color": "#fff", "text-background-opacity": 0.7 } },
        { selector: "edge[?negated]", style: { "line-style": "dashed" } },
        { selector: "edge[review = 'confirmed']", style: { "line-color": "#16a34a", "target-arrow-color": "#16a34a" } },
        { selector: "edge[review = 'partly rejected']", style: { "line-color": "#ea580c", "target-arrow-color": "#ea580c" } },
        { selector: "edge[review = 'rejected']", style: { "line-color": "#dc2626", "target-arrow-color": "#dc2626", "line-style": "dotted" } },
        { selector: "edge:selected", style: { "line-color": "#dc2626", "target-arrow-color": "#dc2626" } },
      ],
      layout: net.nodes.length > 60
        ? { name: "cose", animate: false, padding: 30, nodeRepulsion: () => 8000, idealEdgeLength: () => 90 }
        : { name: "concentric", concentric: (n) => 10 - n.data("hop"), levelWidth: () => 1, minNodeSpacing: 70,
            animate: false, padding: 30 },
    });
    cy.getElementById(net.centre).addClass("centre");
    if (cy.zoom() > 1.5) { cy.zoom(1.5); cy.center(); }  // a small network is not blown up to fill the box
    cy.on("tap", "edge", (evt) => showEdge(evt.target.id()));
    cy.on("tap", "node", (evt) => { if (evt.target.id() !== net.centre) location.href = `/network/${enc(evt.target.id())}`; });
    window.actorgraphNetwork = cy; // for the end-to-end tests and the console
    const drawn = cy;
    drawn.one("render", () => requestAnimationFrame(() => {  // counts are set once the graph is on screen
      if (cy !== drawn) return;
      graph.dataset.nodes = String(drawn.nodes().length);
      graph.dataset.edges = String(drawn.edges().length);
    }));
  } catch (error) { showError(status, error); }
}

try {
  const predicates = await api("/api/predicates");
  predicateBox.append(...Object.entries(predicates).map(([name, meaning]) =>
    el("label", { class: "check", title: meaning }, el("input", { type: "checkbox", name: "predicate", value: name }), ` ${name.replaceAll("_", " ")}`)));
  predicateBox.append(el("span", { class: "muted small", text: " (none ticked: all)" }));
} catch (error) { showError(predicateBox, error); }
load();
