"""Matching: registry names found in the text, reconciled with the model's spans.

The entity ruler sees tokens; a search of the text also finds registry names the tokenizer
cut badly ("U.N.-backed"). A registry match replaces a model span it covers or that holds
nothing but registry matches and filler ("Iran’s Quds Force"); a registry match that is
only part of a longer name becomes that name ("Sudani" in "Thaier al-Sudani" is not the
registry's al-Sudani; "Houthi" in "Houthi Naval Forces" is a new organization).
"""
from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from .cues import Cues
from .mentions import Mention, lower_case_words, name_before
from ..names import fold
from ..registry import Registry
from .doctext import doc_text


def registry_mentions(doc: Doc, registry: Registry) -> list[Mention]:
    """Registry names written in the text, wherever the tokenizer put their edges."""
    out = []
    for start, end, actor_id in registry.index.find(doc_text(doc)):
        actor = registry.get(actor_id)
        label = {"person": "PERSON", "organization": "ORG", "country": "GPE"}.get(actor.type, "LOC")
        out.append(Mention(start, end, doc_text(doc)[start:end], label, registry_id=actor_id,
                           found_by="registry"))
    return out


def _filler(text: str, cues: Cues) -> bool:
    words = fold(text).split()
    return all(w in cues.possessive_endings or w in cues.determiners or w in cues.titles for w in words)


def resolve(model: list[Mention], found: list[Mention], cues: Cues, doc: Doc) -> list[Mention]:
    """Model spans and registry matches without overlaps.

    A registry match replaces a model span that it covers, or that holds nothing but
    registry matches and filler ("Iran’s Quds Force"); a longer model name keeps its
    words ("Hezbollah Brigades" is not "Hezbollah").
    """
    kept: list[Mention] = []
    used: set[int] = set()
    for m in model:
        inside = [i for i, f in enumerate(found) if f.within(m)]
        if m.registry_id:
            kept.append(m)
            used.update(i for i in inside)
            continue
        if any(m.within(f) and f.end - f.start > m.end - m.start for f in found):
            continue
        rest, cursor = [], m.start
        for i in sorted(inside, key=lambda i: found[i].start):
            rest.append(doc_text(doc)[cursor:found[i].start])
            cursor = found[i].end
        rest.append(doc_text(doc)[cursor:m.end])
        if inside and _filler(" ".join(rest), cues):
            continue  # the registry matches stand for it
        used.update(inside)
        kept.append(m)
    for i, f in enumerate(found):
        if i not in used and not any(f.overlaps(k) for k in kept):
            kept.append(f)
    return sorted(kept, key=lambda m: (m.start, -m.end))


def registry_edges(doc: Doc, mentions: list[Mention], registry: Registry, cues: Cues,
                   lower: frozenset[str] | None = None) -> list[Mention]:
    """Registry matches that are only part of a longer name become that name.

    A surname alias inside another person's name ("Sudani" in "Thaier al-Sudani") is not
    the registry person; an organization name with a unit's words around it ("Houthi" in
    "Houthi Naval Forces", "Hezbollah" in "Kataib Hezbollah") is a new organization.
    """
    out = []
    lower = lower_case_words(doc) if lower is None else lower
    for m in mentions:
        actor = registry.get(m.registry_id) if m.registry_id else None
        if actor is None:
            out.append(m)
            continue
        # one character more than "al-", so that the end of a word ("Israel-Hamas") is no article
        article = re.search(r"(?<!\w)[Aa]l-$|(?<!\w)[Ee]l-$", doc_text(doc)[max(0, m.start - 4):m.start])
        if article is not None and not re.match(r"(?i)(?:al|el)-", m.text):
            # "Al-Houthi" is a person's name, not the Houthis
            start = m.start - len(article.group())
            out.append(replace(m, start=start, text=doc_text(doc)[start:m.end], label="PERSON",
                               registry_id=None, found_by="model"))
            continue
        if actor.type == "person" and len(fold(m.text).split()) < len(fold(actor.name).split()):
            tok = name_before(doc, m.start, cues)
            if tok is not None:
                out.append(replace(m, start=tok.idx, text=doc_text(doc)[tok.idx:m.end], label="PERSON",
                                   registry_id=None, found_by="model"))
                continue
        if actor.type != "person":
            grown = _grow_organization(doc, m, cues)
            if grown is not None:
                out.append(grown)
                continue
        whole = _whole_name(doc, m, actor.type, cues, lower)
        if whole is not None:
            out.append(whole)
            continue
        out.append(m)
    grown = [m for m in out if m.found_by == "model" and m.label == "ORG"]
    return [m for m in out if not any(m is not g and m.within(g) for g in grown)]


def _name_word(doc: Doc, i: int, cues: Cues, person: bool) -> bool:
    """Whether token i can be one word of a longer proper name around a registry match: a
    capitalized proper noun the model and the registry leave unnamed, no title, demonym or
    determiner ("National" of "National Security Council", "Eye" of "Middle East Eye")."""
    tok = doc[i]
    word = fold(tok.text)
    return (tok.tag_ in ("NNP", "NNPS") and tok.text[:1].isupper() and tok.is_alpha and not tok.ent_id_
            and tok.ent_type_ in (("", "PERSON") if person else ("",))
            and word not in cues.titles and word not in cues.demonyms and word not in cues.determiners)


def _joined(doc: Doc, i: int) -> bool:
    """Whether tokens i and i + 1 are written next to each other on one line (one space at most)."""
    return doc[i].whitespace_ in ("", " ") and not doc[i].is_space and not doc[i + 1].is_space


def _in_title(doc: Doc, first: int, last: int, cues: Cues) -> bool:
    """Whether a title of office ("Defense Minister", "Supreme Leader") takes in any of tokens first..last-1."""
    for i in range(max(0, first - cues.max_title_words + 1), last):
        for n in range(1, cues.max_title_words + 1):
            if first < i + n <= len(doc) and fold(doc[i:i + n].text) in cues.titles:
                return True
    return False


def _title_case_line(doc: Doc, i: int) -> bool:
    """Whether token i stands in a headline written in title case, where every word is capitalized."""
    text = doc_text(doc)
    start = text.rfind("\n", 0, doc[i].idx) + 1
    end = text.find("\n", doc[i].idx)
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text[start:end if end >= 0 else len(text)]) if len(w) > 3]
    return len(words) >= 3 and sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


def _whole_name(doc: Doc, m: Mention, kind: str, cues: Cues, lower: frozenset[str]) -> Mention | None:
    """A registry match that is only part of a longer written name is not that registry actor.

    A person's name with more given names or a patronymic before it ("Hasan Hussein Salami"
    is not "Hussein Salami"), an organization's name with a qualifier before it ("National
    Security Council" is not the "Security Council"), and a place's name with more name words
    after it ("Middle East Eye" is not the "Middle East") name another
    actor. A title of office is no part of a name ("Defense Minister"), nor is a word in a
    title-case headline.
    """
    span = doc.char_span(m.start, m.end)
    if span is None or _title_case_line(doc, span.start):
        return None
    person = kind == "person"
    first = span.start
    if person or kind == "organization":
        while first > 0 and _joined(doc, first - 1) and _name_word(doc, first - 1, cues, person):
            first -= 1
        if first < span.start and (_in_title(doc, first, span.start, cues) or (
                doc[first].is_sent_start and doc[first].lower_ in lower)):
            first = span.start  # a title, or a common word capitalized to start a sentence ("New EU rules")
    last = span.end
    if kind in ("country", "location"):  # an organization's longer names are grown by their heads
        while last < len(doc) and _joined(doc, last - 1) and _name_word(doc, last, cues, person):
            last += 1
        if last > span.end and (_in_title(doc, span.end, last + 1, cues)
                                or fold(doc[last - 1].text) in cues.not_actor_heads):
            last = span.end
    if first == span.start and last == span.end:
        return None
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    if person:
        label = "PERSON"
    elif fold(doc[last - 1].text) in cues.location_heads and last > span.end:
        label = "LOC"
    else:
        label = "ORG"
    return replace(m, start=start, end=end, text=doc_text(doc)[start:end], label=label, registry_id=None,
                   found_by="model")


def _grow_organization(doc: Doc, m: Mention, cues: Cues) -> Mention | None:
    span = doc.char_span(m.start, m.end)
    if span is None:
        return None
    last = span.end
    while last < len(doc) and last - span.end < 4 and doc[last].text[:1].isupper() and doc[last].is_alpha \
            and not doc[last].ent_id_ and doc[last].ent_type_ in ("", "ORG") \
            and fold(doc[last].text) not in cues.titles:
        last += 1
    while last > span.end and fold(doc[last - 1].text) not in cues.organization_heads:
        last -= 1
    if last > span.end and last + 1 < len(doc) and doc[last].lower_ in cues.name_links:
        end = last + 1 + (doc[last + 1].lower_ in cues.dropped_articles)
        while end < len(doc) and end - last < 6 and doc[end].text[:1].isupper() and doc[end].is_alpha:
            end += 1
        if end > last + 1 + (doc[last + 1].lower_ in cues.dropped_articles):  # "Washington Institute for Near East Policy"
            last = end
    first = span.start
    if first > 0 and fold(doc[first - 1].text) in cues.organization_prefixes and not doc[first - 1].ent_id_:
        first -= 1
    if first == span.start and last == span.end:
        return None
    start, end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
    return replace(m, start=start, end=end, text=doc_text(doc)[start:end], label="ORG", registry_id=None,
                   found_by="model")
