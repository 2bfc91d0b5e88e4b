"""Definitions: what an article itself says about its names.

"Full Name (ABBR)" and "Full Name (Surname)" give a name its short form; an alias cue
("JAM Special Groups, now known as Asa'ib Ahl al-Haq") gives it another name; an acronym
defined by lower-case words ("unmanned aerial vehicles (UAVs)") is a common noun, not an
actor; and "<demonym>-backed" names a state as an actor ("Iranian-backed" -> Iran).
"""
from __future__ import annotations

import re
from dataclasses import replace

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


_OPEN_QUOTES, _CLOSE_QUOTES = "\"“‘'«", "\"”’'»"


def _alternation(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t]+") for w in sorted(words, key=len, reverse=True))


_PATTERNS: dict[int, tuple] = {}  # per Cues object (read once per process)


def _name_pattern(cues: Cues) -> str:
    return _cue_patterns(cues)[3]


def _build_name_pattern(cues: Cues) -> str:
    """Capitalized words, with the links and particles of names between them ("Party of God",
    "Abu Bakr al-Baghdadi")."""
    links, dropped = _alternation(cues.name_links), _alternation(cues.dropped_articles)
    small = _alternation({*cues.name_articles, *cues.particles})
    word = r"[A-Z][\w'’.&-]*"
    return (rf"{word}(?:(?:[ \t]+(?:{links})(?:[ \t]+(?:{dropped}))?)?[ \t]+(?:(?:{small})[ \t-])?{word}){{0,4}}")


def _cue_patterns(cues: Cues) -> tuple:
    if id(cues) not in _PATTERNS:
        _PATTERNS[id(cues)] = (cues, (*_build_patterns(cues), _build_name_pattern(cues)))
    return _PATTERNS[id(cues)][1]


def _build_patterns(cues: Cues) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """After a name: a cue ("known as", "known by its Spanish acronym"); in a parenthesis: a
    labelled short name ("Spanish abbr: CJNG", "also known as X"); in a parenthesis: a
    translation with its own acronym ("Popular Mobilization Forces-PMF")."""
    said, nouns = _alternation(cues.alias_cues), _alternation(cues.alias_nouns)
    owners, by = _alternation(cues.alias_owners), _alternation(cues.alias_noun_cues)
    noun_cue = rf"(?:{by})[ \t]+(?:{owners})[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:{nouns})\.?"
    after = re.compile(rf"[ \t]*[,(]?[ \t]*(?:(?:{said})|{noun_cue})[ \t]*[,:]?[ \t]+(?:the[ \t]+)?", re.IGNORECASE)
    label = rf"(?:(?:{said})|(?:[A-Z][a-z]+[ \t]+)?(?:{nouns})\.?[ \t]*:?)"
    labelled = re.compile(rf"[ \t]*\([ \t]*(?:{label})[ \t]*(?P<short>[^()\n]{{1,40}}?)[ \t]*\)")
    translation = re.compile(rf"[ \t]*\([ \t]*(?P<name>{_build_name_pattern(cues)})[ \t]*(?:[-–—,/]|[ \t]or)[ \t]*(?P<acronym>[A-Z][A-Za-z.&-]{{1,9}})[ \t]*\)")
    return after, labelled, translation


def _other_name(text: str, at: int, cues: Cues) -> tuple[int, int] | None:
    """The name written at `at` after an alias cue: in quotes, an acronym or capitalized words."""
    if at < len(text) and text[at] in _OPEN_QUOTES:
        match = re.match(rf"[^{_CLOSE_QUOTES}\n]{{1,40}}", text[at + 1:])
        if match is None or not match.group()[:1].isupper() or at + 1 + match.end() >= len(text) \
                or text[at + 1 + match.end()] not in _CLOSE_QUOTES:
            return None
        return at + 1, at + 1 + match.end()
    match = re.match(_name_pattern(cues), text[at:])
    if match is None:
        return None
    end = at + len(match.group().rstrip(".’'"))
    return at, end


def definitions(doc: Doc, mentions: list[Mention], cues: Cues) -> list[tuple[Mention, Mention]]:
    """Names the article gives as one: each (full-name mention, other-name mention).

    "Full Name (ABBR)", "Full Name (Surname)", a labelled short name in a parenthesis
    ("Jalisco New Generation Cartel (Spanish abbr: CJNG)"), a translation with its own acronym
    ("al-Hashed al-Shaabi (Popular Mobilization Forces-PMF)"), and names joined by an alias
    cue ("JAM Special Groups, now known as Asa'ib Ahl al-Haq"; "known by its Spanish acronym
    ELN"; 'Mohamed Hamdan Dagalo, known as "Hemeti"'). A short name the article defines for a
    person is a person's name (`short`, and the person's label).
    """
    out = []
    text = doc_text(doc)
    starts = {m.start: m for m in mentions}
    after_cue, labelled, translation, _ = _cue_patterns(cues)

    def other(m: Mention, start: int, end: int) -> Mention:
        found = starts.get(start)
        if found is None:
            found = Mention(start, end, text[start:end], m.label, found_by="document")
        label = m.label if m.label == "PERSON" else found.label
        return replace(found, label=label)

    for m in mentions:
        after = text[m.end:]
        match = re.match(r"[ \t]*\([ \t]*([^()\n]{1,40}?)[ \t]*\)", after)
        if match is not None:
            start, end = m.end + match.start(1), m.end + match.end(1)
            short = text[start:end]
            if (is_acronym(short) and abbreviates(short, m.text)) or (
                    fold(short) and set(fold(short).split()) <= set(fold(m.text).split())):
                out.append((m, other(m, start, end)))
                continue
        match = labelled.match(after)
        if match is not None:
            span = _other_name(text, m.end + match.start("short"), cues)
            if span is not None and span[1] == m.end + match.end("short"):
                out.append((m, other(m, *span)))
                continue
        match = translation.match(after)
        if match is not None and is_acronym(match.group("acronym")) \
                and abbreviates(match.group("acronym"), match.group("name")):
            name = other(m, m.end + match.start("name"), m.end + match.end("name"))
            out.append((m, name))
            out.append((name, other(name, m.end + match.start("acronym"), m.end + match.end("acronym"))))
            continue
        match = after_cue.match(after)
        if match is not None:
            span = _other_name(text, m.end + match.end(), cues)
            if span is not None:
                out.append((m, other(m, *span)))
                continue
        match = re.match(rf"[ \t]*[,(]?[ \t]*(?=[{_OPEN_QUOTES}])", after)
        if match is not None and m.label == "PERSON":
            span = _other_name(text, m.end + match.end(), cues)
            if span is not None and re.fullmatch(_name_pattern(cues), text[span[0]:span[1]]) \
                    and len(text[span[0]:span[1]].split()) <= 3:
                out.append((m, other(m, *span)))  # a nickname in quotes: 'Mohamed Hamdan Dagalo "Hemeti"'
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
