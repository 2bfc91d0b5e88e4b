"""The type of an actor the registry does not know, from the words around its name, with a confidence.

Nouns beside a name say what it names: before it ("the militant group Al-Shabab", "the
vessel Star Iris", "commander Hossein Salami"), after it when the name modifies them ("Rakhine
state", "Sinaloa cartel"; "Hezbollah commander" says Hezbollah is no person), in apposition
("Los Chapitos, a faction of ...") or with "of" ("the state of Sinaloa"); so does the clause
(only a person "was killed"). Each mention votes; the actor takes a type when one has most
votes. The words are lang/en/types.yaml's and the nouns of office of roles.yaml.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ..errors import ConfigError
from ..lang import DEFAULT, lexicon, words
from ..lang import where as file_name
from .doctext import doc_text
from ..names import fold

NOT_ACTOR = "none"  # the vote of a noun that names no actor ("vessel")
NOT_PERSON = "not person"  # the vote of a noun of office after the name ("Hezbollah commander")
CONTEXT = "context"  # the key of this way of typing in types.yaml `confidence`
SYNTAX = "syntax"  # the key of typing by the clause a name is the subject of
SYNTAX_KEYS = ("person_subject", "organization_subject", "organization_passive", "claim_verbs", "claim_objects")



@dataclass(frozen=True)
class TypeWords:
    nouns: dict[str, str]  # noun -> the type it gives the name beside it
    office: frozenset[str]  # nouns of office and of kinship: a person
    person_passive: frozenset[str]  # verbs whose passive subject is a person
    common: frozenset[str]  # common nouns that name no actor
    place_links: frozenset[str]  # "of" in "the state of X"
    confidence: dict[str, float]  # way of typing -> how sure
    syntax: dict[str, frozenset[str]]  # types.yaml `syntax`: verbs (and objects) whose subject has a type
    indefinite: frozenset[str]  # the indefinite articles


@lru_cache(maxsize=None)
def type_words(lang: str = DEFAULT) -> TypeWords:
    data, at = lexicon(lang, "types"), file_name(lang, "types")
    nouns = {w: "organization" for w in words(data, "organization_nouns", at)}
    nouns |= {w: "location" for w in words(data, "location_nouns", at)}
    nouns |= {w: NOT_ACTOR for w in words(data, "not_actor_nouns", at)}
    office = frozenset(w for group in lexicon(lang, "roles")["roles"] for w in group["words"] if " " not in w)
    office |= words(data, "kin_nouns", at)
    confidence = data.get("confidence")
    if not isinstance(confidence, dict) or not all(isinstance(v, (int, float)) for v in confidence.values()):
        raise ConfigError(f"{at}: key 'confidence' must map ways of typing to numbers")
    syntax = data.get("syntax")
    if not isinstance(syntax, dict):
        raise ConfigError(f"{at}: key 'syntax' must map kinds of clause to verb lists")
    return TypeWords(nouns, office, words(data, "person_passive", at), words(data, "not_actor_words", at),
                     words(data, "place_links", at), {k: float(v) for k, v in confidence.items()},
                     {k: words(syntax, k, f"{at} syntax") for k in SYNTAX_KEYS},
                     words(data, "indefinite_articles", at))


def confidence(way: str, lang: str = DEFAULT) -> float:
    """How sure a type given this way is (lang/<lang>/types.yaml `confidence`)."""
    return type_words(lang).confidence[way]


def common_noun(doc: Doc, name: str, mentions, lang: str = DEFAULT) -> bool:
    """A one-word name that is a common noun naming no actor, used only where a common noun goes:
    heading a section ("Background" alone on its line, or before a colon) or qualifying a
    lower-case noun ("Background checks")."""
    if name.lower() not in type_words(lang).common:
        return False
    text = doc_text(doc)
    for m in mentions:
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line = text[line_start:len(text) if line_end < 0 else line_end].strip()
        if line == m.text or text[m.end:m.end + 1] == ":":
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) == 1 and span.root.dep_ == "compound" and _noun(span.root.head):
            continue
        return False
    return True


def kind_name(doc: Doc, mentions, lang: str = DEFAULT) -> bool:
    """A name every use of which follows an indefinite article and heads its phrase names a kind, not an
    actor: "designated al-Shabaab as a Foreign Terrorist Organization (FTO)", "as an SDGT". A use in
    parentheses right after another name defines it and says nothing."""
    articles = type_words(lang).indefinite
    told = False
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        before = doc[span.start - 1] if span.start else None
        if before is not None and before.text == "(":
            continue
        if before is None or before.lower_ not in articles or span.root.dep_ == "compound":
            return False
        told = True
    return told


def title_name(name: str, lang: str = DEFAULT) -> bool:
    """A name of two words or more headed by a noun of office ("Research Fellow", "National Security
    Head"): a title, which names no organization or place."""
    words_ = fold(name).split()
    links = [i for i, w in enumerate(words_) if w in type_words(lang).place_links]
    head = words_[:links[0]] if links else words_
    return len(words_) > 1 and bool(head) and head[-1] in type_words(lang).office


def _noun(tok) -> str | None:
    """A lower-case common noun's lemma (in lower case), else None."""
    if tok.pos_ == "NOUN" and tok.text.islower():
        return tok.lemma_.lower()
    return None


def _votes(doc: Doc, start: int, end: int, tw: TypeWords) -> list[tuple[str, str]]:
    """What the words around one mention say: (type, the word that says it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    out = []
    root = span.root
    first, last = span.start, span.end
    if root.dep_ == "conj" and root.head.pos_ == "PROPN":  # "brothers Amer Rada and Samer Rada": the first's noun
        head = root.head
        first = min([head.i, *(c.i for c in head.children if c.dep_ == "compound" and c.pos_ == "PROPN")])
        last = head.i + 1
    before = first - 1
    while before >= 0 and doc[before].pos_ == "PROPN" and first <= doc[before].head.i < last:
        before -= 1  # a name word the mention left out ("Star" of "the vessel Star Iris")
    if before >= 0 and (noun := _noun(doc[before])):  # "the group Al-Shabab", "commander X"
        kind = "person" if noun in tw.office else tw.nouns.get(noun)
        if kind:
            out.append((kind, noun))
    if span.end < len(doc) and root.head.i == span.end and (noun := _noun(doc[span.end])):  # "Rakhine state"
        kind = NOT_PERSON if noun in tw.office else tw.nouns.get(noun)
        if kind:
            out.append((kind, noun))
    # "Los Chapitos, a faction of ...": the noun in apposition to the name (not the noun the name
    # is in apposition to: "the head of the militia's unit, Hasan Salami" hangs on the wrong noun)
    for tok in (c for c in root.children if c.dep_ == "appos"):
        noun = _noun(tok)
        kind = noun and ("person" if noun in tw.office else tw.nouns.get(noun))
        if kind:
            out.append((kind, noun))
    if root.dep_ == "appos" and (noun := _noun(root.head)) and noun in tw.office:
        out.append(("person", noun))  # "Amer's son, Mehdi Rada": only a person is someone's son
    if root.dep_ == "pobj" and root.head.lower_ in tw.place_links and (noun := _noun(root.head.head)):
        if tw.nouns.get(noun) == "location":  # "the state of X"
            out.append(("location", f"{noun} {root.head.lower_}"))
    if root.dep_ == "nsubjpass" and root.head.lemma_.lower() in tw.person_passive:  # "X was killed"
        out.append(("person", f"was {root.head.text}"))
    return out


@dataclass(frozen=True)
class Context:
    """What the words around an actor's mentions say of its type."""

    type: str | None  # None: nothing clear; NOT_ACTOR: the name is of something that is no actor
    reason: str = ""
    confidence: float = 0.0
    not_person: bool = False  # a noun of office after the name, and nothing says person


def _tally(doc: Doc, mentions, voter, tw: TypeWords) -> tuple[Counter[str], dict[str, str]]:
    """The mentions' votes by `voter(doc, start, end, tw)`: the count per type, and the first words that said each."""
    votes: Counter[str] = Counter()
    said: dict[str, str] = {}
    for m in mentions:
        for kind, word in voter(doc, m.start, m.end, tw):
            votes[kind] += 1
            said.setdefault(kind, word)
    return votes, said


def _verdict(votes: Counter[str], said: dict[str, str], way: str, tw: TypeWords, not_person: bool = False) -> Context:
    """The type with most votes (none on a tie), with the words that said it, sure by its share of the votes."""
    ranked = votes.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return Context(None, not_person=not_person)
    kind, n = ranked[0]
    share = n / sum(votes.values())
    return Context(kind, f"{way}: {said[kind]!r}", round(tw.confidence[way] * share, 2), not_person)


def context_type(doc: Doc, mentions, lang: str = DEFAULT) -> Context:
    """The type the words around these mentions give, why, and how sure."""
    tw = type_words(lang)
    votes, said = _tally(doc, mentions, _votes, tw)
    against_person = votes.pop(NOT_PERSON, 0)
    not_person = bool(against_person) and votes.get("person", 0) <= against_person
    if not_person:
        votes.pop("person", None)
    return _verdict(votes, said, CONTEXT, tw, not_person)


def _clause_votes(doc: Doc, start: int, end: int, tw: TypeWords) -> list[tuple[str, str]]:
    """What the clause says of the subject at one mention: (type, the verb phrase that says it)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    root = span.root
    while root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubjpass"):  # "X and Y were founded"
        root = root.head
    verb = root.head
    lemma = verb.lemma_.lower()
    syntax = tw.syntax
    if root.dep_ == "nsubj":
        if lemma in syntax["person_subject"]:
            return [("person", verb.text)]
        if lemma in syntax["organization_subject"]:
            return [("organization", verb.text)]
        if lemma in syntax["claim_verbs"] and any(c.dep_ == "dobj" and c.lemma_.lower() in syntax["claim_objects"]
                                                  for c in verb.children):
            obj = next(c for c in verb.children if c.dep_ == "dobj")
            return [("organization", f"{verb.text} {obj.text}")]
    if root.dep_ == "nsubjpass" and lemma in syntax["organization_passive"]:
        return [("organization", f"was {verb.text}")]
    return []


def syntax_type(doc: Doc, mentions, lang: str = DEFAULT) -> Context:
    """The type the clauses these mentions are subjects of give ("X resigned", "X was founded"), why, how sure."""
    tw = type_words(lang)
    return _verdict(*_tally(doc, mentions, _clause_votes, tw), SYNTAX, tw)
