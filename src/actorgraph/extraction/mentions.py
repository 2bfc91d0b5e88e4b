"""Mentions: the spans of an article that name an actor, repaired and cleaned.

The pipeline's entities are the raw spans (the registry's entity ruler runs before the
statistical NER, so registry names arrive with their id). Model spans are repaired (an
ayn splits "Husayn Falih ‘Aziz al-Lami"; "U.S. Department" + "of the Treasury"; a particle
starts "ibn Abd al-Wahhab"), cut (at an inner possessive, a parenthesis, a line break),
cleaned (leading "the", titles, -ing verbs, trailing possessive) and dropped when they are
no name (demonyms, pronoun phrases, laws, titles, common nouns, time zones, URLs).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from .cues import Cues
from ..names import acronym_letters, fold, is_acronym
from .doctext import doc_text

LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"})
_POSSESSIVES = frozenset({"’s", "'s", "’", "'", "`s", "ʼs"})
_AYN = "‘'ʿʼ`"
_NOT_IN_NAMES = ("/", "@", "http", "www.", "|", "#", "_", "=", "\n", "\t")


@dataclass(frozen=True)
class Mention:
    """A span naming an actor, with what its finder said about it."""

    start: int  # character offsets in the article text
    end: int
    text: str
    label: str  # spaCy label of the span (PERSON, ORG, GPE, LOC, FAC, NORP)
    registry_id: str | None = None
    found_by: str = "model"  # model | registry | document
    votes: bool = True  # whether its label counts when the actor's type is voted
    alias: bool = True  # whether the text is a name of the actor ("Iranian" in "Iranian-backed" is not)
    country: str | None = None  # the country a demonym stands for
    role: str | None = None  # the title before it ("President", "Gen.", "Supreme Leader Ayatollah")

    def overlaps(self, other: "Mention") -> bool:
        return self.start < other.end and other.start < self.end

    def within(self, other: "Mention") -> bool:
        return other.start <= self.start and self.end <= other.end


def _mention(doc: Doc, start: int, end: int, base: Mention, **changes) -> Mention:
    return replace(base, start=start, end=end, text=doc_text(doc)[start:end], **changes)


def _fold_span(doc: Doc, first: int, last: int) -> str:
    """The folded text of tokens first..last (inclusive)."""
    return fold(doc_text(doc)[doc[first].idx:doc[last].idx + len(doc[last])])


def _title_length(doc: Doc, i: int, stop: int, cues: Cues) -> int:
    """How many tokens from i on form a title ("Major-General" is three tokens); 0 if none."""
    best = 0
    for j in range(i, min(stop, i + 3 * cues.max_title_words)):
        if _fold_span(doc, i, j) in cues.titles:
            best = j - i + 1
    return best


def model_mentions(doc: Doc) -> list[Mention]:
    """The pipeline's entities of actor labels (registry ruler matches carry their id)."""
    return [Mention(e.start_char, e.end_char, e.text, e.label_, registry_id=e.ent_id_ or None,
                    found_by="registry" if e.ent_id_ else "model")
            for e in doc.ents if e.label_ in LABELS]


def repair(doc: Doc, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """Join spans the model split, and extend a span over the name particle before it."""
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and not prev.registry_id and not m.registry_id:
            gap = doc_text(doc)[prev.end:m.start]
            ayn = (prev.label == m.label == "PERSON" and gap and gap[-1] in _AYN and "\n" not in gap
                   and all(w[:1].isupper() for w in gap[:-1].split()))
            head_of = (prev.label == "ORG" and fold(prev.text).split()[-1:] != []
                       and fold(prev.text).split()[-1] in cues.organization_heads
                       and re.fullmatch(r" (?:of|for)(?: the)? ", gap) is not None)
            # "Islamic" + "State", "American" + "Enterprise Institute"
            group_name = (prev.label == "NORP" and m.label == "ORG" and gap == " "
                          and fold(prev.text) not in cues.demonyms)
            if group_name:
                out[-1] = _mention(doc, prev.start, m.end, m)
                continue
            if ayn or head_of:
                out[-1] = _mention(doc, prev.start, m.end, prev)
                continue
        out.append(_extend_over_particles(doc, m, cues))
    return out


def _extend_over_particles(doc: Doc, m: Mention, cues: Cues) -> Mention:
    """"Abd al-Wahhab Mosque" after "Imam Muhammad ibn" becomes the whole name; "Nasr
    al-Mustaqbal" after "Kata’ib" becomes the group "Kata’ib Nasr al-Mustaqbal"."""
    if m.registry_id:
        return m
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return m
    before = doc[span.start - 1]
    if before.text[:1].isupper() and not before.ent_type_ and fold(before.text) in cues.organization_prefixes:
        return _mention(doc, before.idx, m.end, m, label="ORG")
    if fold(before.text) not in cues.particles:
        return m
    i = span.start - 1
    while i > 0:
        tok = doc[i - 1]
        if tok.ent_type_ or fold(tok.text) in cues.determiners or not (
                tok.text[:1].isupper() or fold(tok.text) in cues.particles):
            break
        i -= 1
        if tok.is_sent_start:
            break
    return _mention(doc, doc[i].idx, m.end, m)


def clean(doc: Doc, m: Mention, cues: Cues) -> list[Mention]:
    """The name(s) in a model span: cut at line breaks, parentheses and inner possessives, then trimmed."""
    if m.registry_id:
        return [m]
    text = m.text
    if "\n" in text:
        out, offset = [], m.start
        for part in text.split("\n"):
            if part.strip():
                out += clean(doc, _mention(doc, offset, offset + len(part), m), cues)
            offset += len(part) + 1
        return out
    if text != text.strip():
        start = m.start + len(text) - len(text.lstrip())
        return clean(doc, _mention(doc, start, start + len(text.strip()), m), cues)
    if ")" in text and "(" not in text[:text.index(")")]:
        cut = m.start + text.index(")") + 1
        return clean(doc, _mention(doc, cut, m.end, m), cues)
    if "(" in text:
        cut = m.start + text.index("(")
        return clean(doc, _mention(doc, m.start, cut, m), cues)
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return [m]
    if span.start_char != m.start or span.end_char != m.end:  # a piece of a token: only trim it
        return [_trim_chars(doc, m)]
    for k in range(1, len(span) - 1):
        if span[k].text in _POSSESSIVES and span[k + 1].text[:1].isupper():
            left = _mention(doc, span.start_char, span[k].idx, m, votes=False)
            right = _mention(doc, span[k + 1].idx, span.end_char, m)
            return clean(doc, left, cues) + clean(doc, right, cues)
    trimmed = _trim_tokens(doc, span, m, cues)
    if trimmed is None:
        return []
    if trimmed.role is None:
        i = doc.char_span(trimmed.start, trimmed.end, alignment_mode="expand").start
        trimmed = replace(trimmed, role=title_before(doc, i, cues))
    return [trimmed]


def title_before(doc: Doc, i: int, cues: Cues) -> str | None:
    """The person's title just before token i, as written ("Defense Secretary"), if any."""
    for n in range(3 * cues.max_title_words, 0, -1):
        if i - n >= 0 and _fold_span(doc, i - n, i - 1) in cues.titles:
            return doc[i - n:i].text
    return None


def _trim_chars(doc: Doc, m: Mention) -> Mention:
    start, end = m.start, m.end
    while start < end and not doc_text(doc)[start].isalnum():
        start += 1
    while end > start and not (doc_text(doc)[end - 1].isalnum() or doc_text(doc)[end - 1] == "."):
        end -= 1
    return _mention(doc, start, end, m)


def _trim_tokens(doc: Doc, span: SpacySpan, m: Mention, cues: Cues) -> Mention | None:
    first, last = span.start, span.end - 1
    role = m.role
    while last >= first and (doc[last].text in _POSSESSIVES or doc[last].tag_ == "POS" or doc[last].is_lower
                             or (doc[last].is_punct and doc[last].text != ".")):
        last -= 1  # "World Social Forum - the"
    changed = True
    while changed and first < last:
        changed = False
        tok = doc[first]
        if tok.is_punct or tok.is_space or fold(tok.text) in cues.determiners:
            first, changed = first + 1, True
        elif doc[first + 1].text[:1].isupper() and (tok.tag_ == "VBG" or (
                tok.is_sent_start and tok.lower_.endswith("ing") and len(tok) > 5)):
            first, changed = first + 1, True  # "Capturing Aleppo has not satiated..."
        elif m.label == "PERSON" and fold(tok.text) in cues.demonyms and doc[first + 1].text[:1].isupper():
            first, changed = first + 1, True  # "Iranian Major-General Qassem Soleimani"
        else:
            n = _title_length(doc, first, last, cues)
            heads = cues.organization_heads | cues.location_heads
            if n and first + n <= last and doc[first + n].text[:1].isupper() \
                    and not any(fold(doc[k].text) in heads for k in range(first + n, last + 1)):
                # a title, unless what follows is an organization ("General Directorate of Intelligence")
                title = doc[first:first + n].text
                role = f"{role} {title}" if role else title
                first, changed = first + n, True
    if last < first:
        return None
    return _mention(doc, doc[first].idx, doc[last].idx + len(doc[last]), m, role=role)


def is_junk(doc: Doc, m: Mention, cues: Cues, lower_words: frozenset[str]) -> bool:
    """A span that names no actor: a demonym, a phrase, a law, a title, a common noun, a URL."""
    if m.registry_id:
        return False
    text = m.text
    words = fold(text).split()
    if sum(c.isalpha() for c in text) < 2 or not any(c.isupper() for c in text) or len(words) > 10:
        return True  # "X." of "wrote on X."
    if any(s in text for s in _NOT_IN_NAMES) or cues.is_group_word(text):
        return True
    if m.label == "NORP" or words[-1] in cues.not_actor_heads or fold(text) in cues.titles:
        return True
    if (m.label == "GPE" and len(words) >= 3 and words[1] in cues.phrase_links
            and words[0] not in cues.location_heads | cues.organization_heads | cues.organization_prefixes
            and " ".join(words[:2]) not in cues.location_prefixes):
        return True  # "Withdrawal of United States Forces": a phrase around a state's name
    if m.label == "PERSON" and is_acronym(text) and len(acronym_letters(text)) <= 3:
        return True  # "ET" of "11:30 a.m. ET"
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    if span is None:
        return False
    if any(t.tag_ in ("PRP", "PRP$") for t in span):
        return True  # "Their Temporary Presence"
    if len(span) == 1 and not is_acronym(text) and (
            span[0].lower_ in lower_words or span[0].lemma_.lower() in lower_words):
        return True  # "Strikes", "Terrorism": the word is written in lower case elsewhere
    for n in range(1, 4):  # "Supreme" of "Supreme Leader", "State" of "Secretary of State"
        if span.end + n <= len(doc) and _fold_span(doc, span.start, span.end + n - 1) in cues.titles:
            return True
        if span.start - n >= 0 and _fold_span(doc, span.start - n, span.end - 1) in cues.titles:
            return True
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and is_acronym(text) and len(text) <= 4 and (
            before.like_num or before.ent_type_ == "TIME" or before.lower_ in cues.time_cues):
        return True  # a time zone: "11:30 a.m. ET", "14:00 GMT"
    return False


def lower_case_words(doc: Doc) -> frozenset[str]:
    """Words (and their lemmas) the article writes in lower case inside a sentence: common nouns."""
    return frozenset(w for t in doc if t.is_lower and t.is_alpha and not t.is_sent_start
                     for w in (t.text, t.lemma_.lower()))


def split_known_prefix(doc: Doc, mentions: list[Mention], cues: Cues) -> list[Mention]:
    """A model span that runs on past a name used elsewhere in the article is two names.

    "Office of Foreign Assets Control Andrea M. Gacki" becomes the office and a person when
    the article also names "Office of Foreign Assets Control" on its own.
    """
    names = {fold(m.text) for m in mentions if len(fold(m.text).split()) >= 2}
    heads = cues.organization_heads | cues.location_heads
    out = []
    for m in mentions:
        span = doc.char_span(m.start, m.end)
        if m.found_by != "model" or span is None or len(span) < 4 or fold(span[-1].text) in heads:
            out.append(m)
            continue
        for k in range(len(span) - 2, 1, -1):
            rest = span[k:]
            if fold(span[:k].text) in names and all(t.text[:1].isupper() or t.is_punct for t in rest):
                out += [_mention(doc, span.start_char, span[k - 1].idx + len(span[k - 1]), m),
                        _mention(doc, rest.start_char, rest.end_char, m, label="PERSON")]
                break
        else:
            out.append(m)
    return out


def name_before(doc: Doc, start: int, cues: Cues):
    """The given name just before a surname at `start`, if any ("Thaier" of "Thaier al-Sudani").

    Titles, demonyms and determiners are no given names ("General Soleimani", "Iranian Soleimani").
    """
    span = doc.char_span(start, start, alignment_mode="expand")
    i = (span.start if span is not None else len(doc)) - 1
    while i >= 0 and (doc[i].text == "-" or doc[i].text in cues.name_articles or doc[i].is_space):
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    word = fold(tok.text)
    if (tok.tag_ == "NNP" and tok.text[:1].isupper() and tok.is_alpha and tok.ent_type_ != "ORG"
            and word not in cues.titles and word not in cues.demonyms and word not in cues.determiners):
        return tok
    return None
