"""Why each relation exists: its sentence with the two actors and the cue words marked.

    Akram Al-Ka’abi —met_with→ Ali Khamenei  [asserted]  dep-patterns@1/verb-meet
      To highlight ..., [[Al-Ka’abi]] {{met with}} Iran’s supreme leader [[Ali Khamenei]] this week.

Actors are marked [[...]] and cue words {{...}}; on a terminal they are coloured instead. An
actor the sentence names only by a pronoun or a description is listed after it ("by reference").
"""
from __future__ import annotations

import sys

from ..model import Extraction, Relation

ACTOR, CUE, RESET, DIM = "\033[1;36m", "\033[1;33m", "\033[0m", "\033[2m"


def explain(extraction: Extraction, color: bool | None = None) -> str:
    """Every relation of an extraction with its evidence sentences marked; "" when there is none."""
    if not extraction.relations:
        return ""
    if color is None:
        color = sys.stderr.isatty()
    by_id = {a.id: a for a in extraction.actors}
    lines = [extraction.article.source]
    for rel in extraction.relations:
        lines.append("  " + _headline(rel, by_id, color))
        for ev in rel.evidence:
            lines.append("    " + _marked(rel, ev, by_id, color) + _dim(f"  {ev.extractor}", color))
    return "\n".join(lines)


def _headline(rel: Relation, by_id: dict, color: bool) -> str:
    subject, obj = by_id[rel.subject].name, by_id[rel.object].name
    extras = [rel.certainty]
    if rel.role:
        extras.append(f"role: {rel.role}")
    if rel.date:
        extras.append(f"date: {rel.date}")
    if rel.attributed_to and rel.attributed_to in by_id:
        extras.append(f"according to {by_id[rel.attributed_to].name}")
    return f"{subject} —{rel.predicate}→ {obj}  [{'; '.join(extras)}]"


def _marked(rel: Relation, ev, by_id: dict, color: bool) -> str:
    """The evidence sentence with the relation's actors and cue marked (offsets are the article's)."""
    start, end = ev.start, ev.end
    tags = [0] * (end - start)  # 1 actor, 2 cue
    named: set[str] = set()
    for actor_id in (rel.subject, rel.object):
        for m in by_id[actor_id].mentions:
            if m.start >= start and m.end <= end:
                named.add(actor_id)
                for k in range(m.start - start, m.end - start):
                    tags[k] = 1
    if ev.cue_start is not None and ev.cue_end is not None:
        for k in range(max(ev.cue_start, start) - start, min(ev.cue_end, end) - start):
            if tags[k] == 0:
                tags[k] = 2
    text = ev.sentence
    out: list[str] = []
    k = 0
    while k < len(text):
        tag = tags[k]
        j = k
        while j < len(text) and tags[j] == tag:
            j += 1
        piece = text[k:j]
        if tag == 1:
            out.append(f"{ACTOR}{piece}{RESET}" if color else f"[[{piece}]]")
        elif tag == 2:
            stripped = piece.strip()
            lead, trail = piece[: len(piece) - len(piece.lstrip())], piece[len(piece.rstrip()):]
            mark = f"{CUE}{stripped}{RESET}" if color else f"{{{{{stripped}}}}}"
            out.append(f"{lead}{mark}{trail}" if stripped else piece)
        else:
            out.append(piece)
        k = j
    line = " ".join("".join(out).split())
    missing = [by_id[a].name for a in (rel.subject, rel.object) if a not in named]
    if missing:
        line += _dim("  (by reference: " + ", ".join(missing) + ")", color)
    return line


def _dim(text: str, color: bool) -> str:
    return f"{DIM}{text}{RESET}" if color else text
