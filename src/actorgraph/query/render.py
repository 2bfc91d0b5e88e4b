"""Readable text for each question's answer (the CLI prints these; `--json` prints the answer itself)."""
from __future__ import annotations

import textwrap

from ..wording import counted

WIDTH = 100


def _clip(text: str | None, width: int = WIDTH - 8) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _certainty(c: dict) -> str:
    return ", ".join(f"{n} {k}" for k, n in c.items() if n)


def sources_text(stories: int, articles: int) -> str:
    """'3 independent sources (11 articles)': copies of one story count once."""
    head = f"{stories} independent source{'' if stories == 1 else 's'}"
    return head if stories == articles else f"{head} ({articles} article{'' if articles == 1 else 's'})"


def _actor(a: dict) -> str:
    ids = ", ".join(x for x in (a.get("registry_id") and f"registry {a['registry_id']}",
                                a.get("wikidata") and f"wikidata {a['wikidata']}") if x)
    sure = (f" {a['type_confidence']:.2f} by {a['typed_by']}" if a.get("type_confidence") is not None else "")
    return f"{a['name']} ({a['type']}{sure}{', ' + ids if ids else ''}) [{a['id']}]"


def _denial(e: dict) -> str:
    """The mark of an edge that sources deny: every one of them (NEGATED), or some (CONTRADICTED)."""
    if e["contradicted"]:
        return "  CONTRADICTED"
    denied = e["certainty"].get("negated", 0)
    if denied and denied == sum(e["certainty"].values()):
        return "  NEGATED (every source says it is not so)"
    return f"  ({denied} negated)" if denied else ""


def _what(item: dict) -> str:
    """A timeline item, marked when its source says it is not so."""
    return f"NOT: {item['what']}" if item.get("certainty") == "negated" else item["what"]


def render_show(r: dict) -> str:
    lines = [_actor(r["actor"])]
    art = r["articles"]
    lines.append(f"  in {counted(art['count'], 'article')}" + (f", published {art['first']} .. {art['last']}" if art["first"] else ""))
    if r["aliases"]:
        lines.append("  also: " + "; ".join(r["aliases"]))
    lines.append("  merged from:")
    lines += [f"    {m['name']!r}: {m['reason']} ({counted(m['articles'], 'article')})" for m in r["resolution"]]
    for predicate, edges in r["relations"].items():
        total = r.get("relations_total", {}).get(predicate, len(edges))
        lines.append(f"  {predicate}:" + (f" (the strongest {len(edges)} of {total})" if total > len(edges) else ""))
        for e in edges:
            arrow = f"-> {e['other']['name']}" if e["direction"] == "out" else f"<- {e['other']['name']}"
            flag = _denial(e) if e["contradicted"] or e["certainty"].get("negated") == e["statements"] else ""
            dates = f", {e['first_date']}..{e['last_date']}" if e["first_date"] else ""
            lines.append(f"    {arrow}  ({sources_text(e['stories'], e['sources'])}, {_certainty(e['certainty'])}{dates})"
                         f"{flag}")
            lines += [f"        \"{_clip(s['sentence'])}\" [{s['source']}, {s['certainty']}{_copy(s)}]" for s in e["evidence"]]
    if r.get("contradicted"):
        lines.append("  CONTRADICTED (some sources state it, others deny it; see `actorgraph evidence`):")
        for e in r["contradicted"]:
            subject, obj = ((r["actor"]["name"], e["other"]["name"]) if e["direction"] == "out"
                            else (e["other"]["name"], r["actor"]["name"]))
            lines.append(f"    {subject} {e['predicate']} {obj}: {_certainty(e['certainty'])}")
    totals = r.get("totals", {})
    for title, items, fmt in (
        ("events", r["events"], lambda e: f"{e['date'] or '?'}  {e['type']} ({e['role']})" + (f" in {e['place']}" if e['place'] else "") + f"  [{e['source']}]"),
        ("quotes", r["quotes"], lambda q: f"{q['date'] or '?'}  \"{_clip(q['text'], 70)}\"  [{q['source']}]"),
        ("figures", r["figures"], lambda f: f"{f['kind']} {f['qualifier'] or ''} {f['value']:g}  [{f['source']}]"),
    ):
        if items:
            shown = f" (latest {len(items)} of {totals[title]})" if totals.get(title, 0) > len(items) else ""
            lines.append(f"  {title}{shown}:")
            lines += [f"    {fmt(i)}" for i in items]
    if r["timeline"]:
        lines.append("  timeline:")
        lines += [f"    {i['date'] or '?':<10}  {i['kind']:<8} {_clip(_what(i), 70)}" for i in r["timeline"][:30]]
    return "\n".join(lines)


def render_neighbors(r: dict) -> str:
    lines = [_actor(r["actor"])]
    if not r["neighbors"]:
        lines.append("  no relation yet")
    for e in r["neighbors"]:
        arrow = "->" if e["direction"] == "out" else "<-"
        lines.append(f"  {e['predicate']:<16} {arrow} {e['other']['name']:<40} {sources_text(e['stories'], e['sources'])}"
                     f"{_denial(e)}")
    return "\n".join(lines)


def render_where(r: dict) -> str:
    lines = [_actor(r["actor"])]
    if not r["places"]:
        lines.append("  no place known")
    for p in r["places"]:
        lines.append(f"  {p['place']['name']:<30} {p['how']:<20} {sources_text(p['stories'], p['sources'])}  "
                     f"{p['first_date'] or ''}")
        if p["sentence"]:
            lines.append(f"      \"{_clip(p['sentence'])}\"")
    return "\n".join(lines)


def render_timeline(r: dict) -> str:
    lines = [_actor(r["actor"])]
    total = sum(r.get("totals", {}).values())
    if total > len(r["timeline"]):
        lines.append(f"  the latest {len(r['timeline'])} items; {total} events, quotes and figures in all")
    if not r["timeline"]:
        lines.append("  nothing dated or stated yet")
    for i in r["timeline"]:
        lines.append(f"  {i['date'] or '?':<10}  {i['kind']:<8} {_clip(_what(i), 60)}  [{i['source']}]")
    return "\n".join(lines)


def render_evidence(r: dict) -> str:
    head = f"{r['subject']['name']} {r['predicate']} {r['object']['name']}"
    if not r["evidence"]:
        if not r.get("predicate_in_store", True):
            return (f"{head}: no statement in the store; no relation at all has predicate {r['predicate']!r} "
                    f"(the store has: {', '.join(r['predicates_in_store'])})")
        return f"{head}: no statement in the store"
    lines = [f"{head}: {counted(r['statements'], 'statement')} from {sources_text(r['stories'], r['sources'])} "
             f"({_certainty(r['certainty'])})"
             + ("  CONTRADICTED: some sources deny it" if r["contradicted"] else "")]
    if len(r["evidence"]) < r["statements"]:
        lines.append(f"  showing {len(r['evidence'])} (the earliest that state it and that deny it); --limit for more")
    if r.get("rejected") and not r.get("include_rejected"):
        lines.append(f"  {counted(r['rejected'], 'statement')} rejected by a reviewer left out; --include-rejected shows them")
    for s in r["evidence"]:
        review = "" if s.get("review", "unreviewed") == "unreviewed" else f" {s['review'].upper()}"
        hand = " BY HAND" if s.get("by_hand") else ""
        lines.append(f"  [{s['certainty']}]{review}{hand} {s['date'] or '?'}  {s['source']}{_copy(s)}  {s.get('statement', '')}")
        lines += ["      " + l for l in textwrap.wrap(s["sentence"] or "", WIDTH - 6)]
    return "\n".join(lines)


def _copy(s: dict) -> str:
    return f"; a copy of {s['copy_of']}" if s.get("copy_of") else ""


def render_path(r: dict) -> str:
    how = {"down": "down from", "up": "up from", "any": "in any direction from"}
    head = f"{r['source']['name']} .. {r['target']['name']} via {', '.join(r['predicates'])}"
    filters = ", ".join(x for x in (r.get("certainty") and "certainty " + "/".join(r["certainty"]),
                                    r.get("since") and f"since {r['since']}", r.get("until") and f"until {r['until']}") if x)
    if filters:
        head += f" ({filters})"
    if not r["chains"]:
        hint = "; try --direction any" if r["direction"] != "any" else ""
        return f"{head}: no chain found{hint}"
    lines = [f"{head}: {counted(len(r['chains']), 'shortest chain')}, {how[r['followed']]} {r['source']['name']}"]
    for n, chain in enumerate(r["chains"], 1):
        lines.append(f"  chain {n}: " + " — ".join(chain["actors"]))
        for h in chain["hops"]:
            more = f", {counted(len(h['alternatives']), 'more relation')} on this hop" if h["alternatives"] else ""
            flag = "  CONTRADICTED" if h.get("contradicted") else ""
            flag += "  REJECTED by a reviewer" if h.get("rejected") else ""
            lines.append(f"    {h['subject']} --{h['predicate']}--> {h['object']}  "
                         f"[{sources_text(h.get('stories') or 0, h.get('sources') or 0)}; {h.get('source')}, "
                         f"{h.get('certainty')}{more}]{flag}")
            lines += textwrap.wrap(f"\"{' '.join((h.get('sentence') or '').split())}\"", WIDTH,
                                   initial_indent=" " * 8, subsequent_indent=" " * 9)
    return "\n".join(lines)


def render_search(r: dict) -> str:
    lines = [f"actors matching {r['text']!r}:"]
    lines += [f"  {a['name']} ({a['type']}, {counted(a['articles'], 'article')}) [{a['id']}]"
              for a in r["actors"]] or ["  none"]
    if r["statements"]:
        lines.append("statements:")
        lines += [f"  {s['subject']} {s['predicate']} {s['object']}: \"{_clip(s['sentence'], 70)}\" [{s['source']}]"
                  for s in r["statements"]]
    if r["quotes"]:
        lines.append("quotes:")
        lines += [f"  {q['speaker'] or '?'}: \"{_clip(q['text'], 70)}\" [{q['source']}]" for q in r["quotes"]]
    return "\n".join(lines)


def render_stats(r: dict) -> str:
    lines = [f"{r['store']} (schema version {r['schema_version']})"]
    lines += [f"  {k:<24} {v:>9,}" for k, v in r["counts"].items()]
    lines.append("  actors by type: " + ", ".join(f"{n} {t}" for t, n in r["actors_by_type"].items()))
    if r["most_connected"]:
        lines.append("  most connected:")
        lines += [f"    {a['name']:<40} {counted(a['neighbors'], 'neighbour'):>15} {counted(a['statements'], 'source'):>13}"
                  for a in r["most_connected"]]
    lines.append("  most cited:")
    lines += [f"    {a['name']:<40} {counted(a['articles'], 'article'):>14}" for a in r["most_cited"]]
    if r.get("precision"):
        lines.append("  precision over reviewed statements (confirmed / reviewed; corrected counts as wrong):")
        lines.append(f"    {'extractor':<20} {'construction':<28} {'precision':>9} {'confirmed':>9} {'corrected':>9} "
                     f"{'rejected':>8}")
        lines += [f"    {p['extractor']:<20} {p['construction'] or '-':<28} {p['precision']:>9.3f} {p['confirmed']:>9} "
                  f"{p['corrected']:>9} {p['rejected']:>8}" for p in r["precision"]]
    return "\n".join(lines)
