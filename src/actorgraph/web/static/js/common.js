// Shared by every page: building DOM safely, asking the JSON API, the header and search box.
// Data from the store is untrusted: it only ever reaches the page through textContent and
// attribute values set by the DOM API (never parsed as markup), and links only point inside the app
// or to Wikidata.

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key === "href") node.setAttribute("href", safeHref(value));
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function safeHref(url) {
  const s = String(url);
  if (s.startsWith("/") && !s.startsWith("//")) return s;
  if (/^https:\/\/www\.wikidata\.org\/wiki\/Q\d+$/.test(s)) return s;
  return "#";
}

export async function api(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (!response.ok) {
    const reason = body && (body.error || body.detail);
    throw new Error(`${response.status}: ${typeof reason === "string" ? reason : JSON.stringify(reason)}`);
  }
  return body;
}

export const enc = encodeURIComponent;
export const actorHref = (id) => `/actor/${enc(id)}`;
export const articleHref = (id) => `/article/${enc(id)}`;
export const sentenceHref = (s) => `/article/${enc(s.article)}?at=${Number(s.sent_start)}-${Number(s.sent_end)}`;

export function idFromPath() {
  const parts = location.pathname.split("/").filter(Boolean);
  return decodeURIComponent(parts[parts.length - 1] || "");
}

export function showError(container, error) {
  container.replaceChildren(el("p", { class: "error", role: "alert", text: String(error.message || error) }));
}

export function typeBadge(type) {
  return el("span", { class: `badge type-${type}`, text: type });
}

export function certaintyBadge(certainty) {
  return el("span", { class: `badge cert-${certainty}`, text: certainty });
}

// Text cut into segments by the server; each segment lists the marks covering it.
export function renderSegments(segments, marks, { link = true } = {}) {
  const out = [];
  for (const seg of segments) {
    if (!seg.marks.length) { out.push(document.createTextNode(seg.text)); continue; }
    const kinds = seg.marks.map((i) => marks[i].kind);
    const actorMark = seg.marks.map((i) => marks[i]).find((m) => m.actor);
    const node = link && actorMark
      ? el("a", { href: actorHref(actorMark.actor.id), text: seg.text })
      : el("mark", { text: seg.text });
    node.classList.add("hl", ...kinds.map((k) => `hl-${k}`));
    const labels = seg.marks.map((i) => marks[i].label || (marks[i].actor && `${marks[i].actor.name} (${marks[i].actor.type})`) || marks[i].kind);
    node.title = labels.join("; ");
    out.push(node);
  }
  return out;
}

// "3 independent sources (11 articles)": copies of one story across outlets count once.
export function sourcesText(stories, articles) {
  const n = stories ?? articles;
  const head = `${n} independent source${n === 1 ? "" : "s"}`;
  return n === articles ? head : `${head} (${articles} article${articles === 1 ? "" : "s"})`;
}

// Who is signed in on this browser: {reviewer, csrf, writable}; asked once per page.
export const session = fetch("/api/session", { headers: { Accept: "application/json" } })
  .then((r) => (r.ok ? r.json() : { reviewer: null, csrf: null, writable: false }))
  .catch(() => ({ reviewer: null, csrf: null, writable: false }));

// A reviewer's write: JSON in and out, the session's CSRF token in a header. A refused write
// throws an Error carrying the status and the answer (a stale write's answer holds the current state).
export async function post(path, data, method = "POST") {
  const { csrf } = await session;
  const response = await fetch(path, { method, body: JSON.stringify(data ?? {}),
    headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf || "" } });
  let body = null;
  try { body = await response.json(); } catch { body = null; }
  if (!response.ok) {
    const reason = body && (body.error || body.detail);
    const error = new Error(`${response.status}: ${typeof reason === "string" ? reason : JSON.stringify(reason)}`);
    error.status = response.status;
    error.body = body;
    throw error;
  }
  return body;
}

export function header(active) {
  const links = [["/", "Search"], ["/articles", "Articles"], ["/map", "Map"], ["/changes", "What's new"]];
  const who = el("span", { class: "who" });
  const nav = el("nav", { class: "top", "aria-label": "main" },
    el("a", { class: "brand", href: "/", text: "actorgraph" }),
    ...links.map(([href, label]) => el("a", { href, class: label.toLowerCase() === active ? "active" : null, text: label })),
    searchBox({ compact: true }), who);
  document.body.prepend(nav);
  session.then((s) => {
    if (!s.writable) return;
    const queue = el("a", { href: "/review", class: active === "review" ? "active" : null, text: "Review queue" });
    if (s.reviewer) {
      // Signing out is a form post of its own (same origin, CSRF token), so it works as a plain form too.
      who.replaceChildren(queue, el("span", { class: "muted", text: `signed in as ${s.reviewer}` }),
        el("form", { method: "post", action: "/signout" }, el("input", { type: "hidden", name: "csrf", value: s.csrf }),
          el("button", { type: "submit", text: "Sign out" })));
    } else {
      who.replaceChildren(queue, el("a", { href: `/signin?next=${enc(location.pathname + location.search)}`, text: "Sign in to review" }));
    }
  });
}

// A search box with type-ahead over actor names and aliases.
export function searchBox({ compact = false, autofocus = false } = {}) {
  const input = el("input", { type: "search", class: "search-input", placeholder: "Search actors (names, aliases)…",
    "aria-label": "search actors", autocomplete: "off", autofocus });
  const list = el("ul", { class: "suggestions", role: "listbox" });
  const box = el("div", { class: compact ? "search compact" : "search" }, input, list);
  let timer = null, seq = 0, active = -1;
  const items = () => [...list.querySelectorAll("li a")];
  const highlight = (i) => {
    const all = items();
    all.forEach((a, k) => a.classList.toggle("active", k === i));
    active = i;
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) { list.replaceChildren(); return; }
    timer = setTimeout(async () => {
      const mine = ++seq;
      try {
        const found = await api(`/api/search?q=${enc(q)}&limit=8`);
        if (mine !== seq) return;
        list.replaceChildren(...found.actors.map((a) => el("li", { role: "option" },
          el("a", { href: actorHref(a.id), class: "suggestion" }, el("span", { class: "name", text: a.name }),
            a.matched ? el("span", { class: "alias", text: ` (${a.matched})` }) : null, " ", typeBadge(a.type),
            el("span", { class: "muted", text: ` ${a.articles} art.` })))));
        if (!found.actors.length) list.replaceChildren(el("li", { class: "muted", text: "no actor found" }));
        active = -1;
      } catch (error) { list.replaceChildren(el("li", { class: "error", text: String(error.message) })); }
    }, 150);
  });
  input.addEventListener("keydown", (event) => {
    const all = items();
    if (event.key === "ArrowDown" && all.length) { highlight(Math.min(active + 1, all.length - 1)); event.preventDefault(); }
    else if (event.key === "ArrowUp" && all.length) { highlight(Math.max(active - 1, 0)); event.preventDefault(); }
    else if (event.key === "Enter" && all.length) { location.href = all[Math.max(active, 0)].getAttribute("href"); }
    else if (event.key === "Escape") list.replaceChildren();
  });
  return box;
}

export function pager(total, offset, limit, go) {
  if (total <= limit) return el("span");
  const page = Math.floor(offset / limit) + 1, pages = Math.ceil(total / limit);
  return el("div", { class: "pager" },
    el("button", { type: "button", disabled: offset <= 0, onclick: () => go(Math.max(0, offset - limit)), text: "‹ previous" }),
    el("span", { text: ` page ${page} of ${pages} (${total}) ` }),
    el("button", { type: "button", disabled: offset + limit >= total, onclick: () => go(offset + limit), text: "next ›" }));
}
