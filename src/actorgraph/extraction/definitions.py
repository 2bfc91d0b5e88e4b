"""Definitions: what an article itself says about its names.

"Full Name (ABBR)" and "Full Name (Surname)" give a name its short form; an alias cue
("JAM Special Groups, now known as Asa'ib Ahl al-Haq") gives it another name; an acronym
defined by lower-case words ("unmanned aerial vehicles (UAVs)") is a common noun, not an
actor; and "<demonym>-backed" names a state as an actor ("Iranian-backed" -> Iran).
"""
from __future__ import annotations

import re

from spacy.tokens import Doc

from .cues import Cues, load_cues
from .mentions import Mention
from ..names import acronym_letters, fold, initials, is_acronym, search_view
from .doctext import doc_text


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


def abbreviates(short: str, name: str) -> bool:
    """Whether an acronym's letters run through the initials of a name ("JPCC" in "Karbala
    Joint Provincial Coordination Center", "JAM" in "Jaysh al-Mahdi")."""
    letters = acronym_letters(short.rstrip("s") if len(short) > 3 else short)
    return any(_is_subsequence(letters, form) and letters[:1] in form
               for form in (initials(name), initials(name, load_cues().acronym_skips)))


def definitions(doc: Doc, mentions: list[Mention], cues: Cues) -> list[tuple[Mention, Mention]]:
    """Names the article gives as one: each (full-name mention, other-name mention).

    "Full Name (ABBR)", "Full Name (Surname)", and names joined by an alias cue
    ("JAM Special Groups, now known as Asa'ib Ahl al-Haq").
    """
    out = []
    starts = {m.start: m for m in mentions}
    said = "|".join(re.escape(c) for c in cues.alias_cues)
    for m in mentions:
        after = doc_text(doc)[m.end:]
        match = re.match(r"[ \t]*\([ \t]*([^()\n]{1,40}?)[ \t]*\)", after)
        if match is not None:
            start, end = m.end + match.start(1), m.end + match.end(1)
            short = doc_text(doc)[start:end]
            if (is_acronym(short) and abbreviates(short, m.text)) or (
                    fold(short) and set(fold(short).split()) <= set(fold(m.text).split())):
                out.append((m, starts.get(start) or Mention(start, end, short, m.label, found_by="document")))
                continue
        match = re.match(rf"[ \t]*[,(]?[ \t]*(?:{said})[ \t]+(?:the[ \t]+)?", after, re.IGNORECASE)
        if match is not None and m.end + match.end() in starts:
            out.append((m, starts[m.end + match.end()]))
    return out


def common_acronyms(doc: Doc) -> frozenset[str]:
    """Acronyms the article defines by lower-case words ("unmanned aerial vehicles (UAVs)")."""
    out = set()
    for match in re.finditer(r"((?:[a-z][\w-]*\s+){1,6})\(([A-Z][A-Za-z.\-]{1,9})\)", doc_text(doc)):
        words, acronym = match.group(1).split(), match.group(2)
        letters = acronym_letters(acronym.rstrip("s"))
        lead = "".join(w[0] for w in words).upper()
        if is_acronym(acronym) and lead.endswith(letters):
            out |= {fold(acronym), fold(acronym.rstrip("s"))}
    return frozenset(out)


def backing_mentions(doc: Doc, cues: Cues) -> list[Mention]:
    """"Iranian-backed", "Iran-backed": the first half names an actor (a demonym, its country)."""
    out = []
    words = "|".join(sorted(cues.backing_words, key=len, reverse=True))
    for match in re.finditer(rf"(?<![\w.])([A-Z][\w.']*)-(?:{words})\b", search_view(doc_text(doc))):
        name = match.group(1)
        country = cues.demonyms.get(fold(name))
        if country is not None:
            out.append(Mention(match.start(1), match.end(1), name, "GPE", found_by="document",
                               alias=False, country=country))
    return out
