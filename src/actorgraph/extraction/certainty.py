"""How sure the source is of a relation, and whom it attributes the claim to.

`asserted` (stated as fact), `reported` ("reportedly", "X told Iraqi media that ...",
"according to", a statement inside a quote), `uncertain` ("likely", "believed", "suspected",
"alleged", "may have", "is estimated", an intention: "plans to", "vowed to"), `negated` ("denied", "never", "not"). The nearest cue on
the way from the relation's words up to the sentence root decides, so "Al-Ka'abi told Iraqi
media that he takes his orders from Khamenei" is reported and "Shahlai was likely the brains
behind the plot" is uncertain. Relations stated inside a noun phrase (titles, "Iran's",
"Iran-backed") are the writer's own reference and only look at their own modifiers ("the
alleged leader").
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

# Double quotation marks only: single ones are apostrophes and transliterations too ("‘Aziz").
OPENING = frozenset({"“", '"', "«"})
CLOSING = frozenset({"”", '"', "»"})


@dataclass(frozen=True)
class Certainty:
    """A certainty value, the word that set it, and the words naming the claim's source."""

    value: str  # asserted | reported | uncertain | negated
    cue: Token | None = None
    source: Token | None = None


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges inside quotation marks (“...” or "...")."""
    spans, start = [], None
    for t in doc:
        if start is None and t.text in OPENING:
            start = t.i
        elif start is not None and t.text in CLOSING:
            spans.append((start, t.i + 1))
            start = None
        elif start is not None and (t.i - start > 400 or "\n\n" in t.text_with_ws):
            start = None  # an unbalanced mark: give up rather than quote the rest of the article
    return spans


def assess(anchor: Token, nominal: bool, words: dict[str, frozenset[str]],
           quotes: list[tuple[int, int]] = (), own_verb: bool = False) -> Certainty:
    """The certainty of a relation whose words hang from `anchor`.

    `own_verb`: the anchor is the relation's own verb ("reported to", "met"), so its lemma is
    not a cue ("the leadership of Asaib Al-Haq reported to Shahlai" is asserted).
    """
    if nominal:
        head = anchor.head
        if head.pos_ == "VERB" and head.lemma_.lower() in words.get("cancelling_verbs", ()) and \
                anchor.dep_ in ("nsubjpass", "dobj"):
            return Certainty("negated", head)  # "the meeting ... was cancelled"
        for t in (anchor, *anchor.children, head):
            if t.dep_ in ("amod", "advmod") and t.lower_ in words["uncertain_adjectives"]:
                return Certainty("uncertain", t)  # "the alleged leader", "a planned meeting"
        return Certainty("asserted")
    node, came_from, first_verb = anchor, None, True
    for _ in range(20):
        found = _cue_at(node, came_from, first_verb, words, own_verb and came_from is None)
        if found is not None:
            return found
        if node.pos_ in ("VERB", "AUX"):
            first_verb = False
        if node.head.i == node.i or _describes(node):
            break
        came_from, node = node, node.head
    for start, end in quotes:
        if start < anchor.i < end:
            return Certainty("reported", anchor.doc[start], _speaker(anchor.doc, start, end, words))
    return Certainty("asserted")


def _cue_at(node: Token, came_from: Token | None, first_verb: bool, words, own: bool) -> Certainty | None:
    lemma = node.lemma_.lower()
    verbal = node.pos_ in ("VERB", "AUX")
    kids = [c for c in node.children if came_from is None or c.i != came_from.i]
    if verbal and first_verb:
        for c in kids:
            if c.dep_ == "neg" or c.dep_ in ("advmod", "preconj") and c.lower_ in words["negation"] \
                    and c.lower_ not in words["non_negating_adverbs"]:
                return Certainty("negated", c)
    if verbal and lemma in words["negating_verbs"] and not own:
        return Certainty("negated", node, _subject(node))
    if verbal and lemma in words.get("cancelling_verbs", ()) and came_from is not None \
            and came_from.dep_ in ("nsubjpass", "dobj"):
        return Certainty("negated", node)  # "postponed its talks with", "the meeting was cancelled"
    for c in kids:
        if c.dep_ == "mark" and c.lower_ in words["uncertain_conditionals"]:
            return Certainty("uncertain", c)
        if c.dep_ == "aux" and c.lower_ in words["uncertain_modals"]:
            return Certainty("uncertain", c)
        if c.dep_ in ("advmod", "acomp", "amod") and c.lower_ in words["uncertain_adverbs"] | words["uncertain_adjectives"]:
            return Certainty("uncertain", c)
        if c.dep_ == "advmod" and c.lower_ in words["reported_adverbs"]:
            return Certainty("reported", c)
        if c.dep_ == "prep" and c.lower_ in words["attribution_preps"]:
            pobj = [p for g in c.children for p in ([g] if g.dep_ == "pobj" else
                                                     [x for x in g.children if x.dep_ == "pobj"])]
            return Certainty("reported", c, pobj[0] if pobj else None)
        if c.dep_ == "prep" and c.lower_ in words["quoting_preps"] and lemma in words["quoting_verbs"]:
            return Certainty("reported", c, next((p for p in c.children if p.dep_ == "pobj"), None))
    if own:
        return None
    if verbal and came_from is not None and came_from.dep_ == "xcomp" and (
            lemma in words.get("intention_verbs", ()) or lemma in words.get("threat_verbs", ())):
        return Certainty("uncertain", node)  # "plans to arm", "vowed to fund": not (yet) done
    if verbal and lemma in words["uncertain_verbs"]:
        return Certainty("uncertain", node)
    if verbal and lemma in words["reported_verbs"]:
        return Certainty("reported", node, _subject(node))
    return None


def _describes(node: Token) -> bool:
    """A clause that only describes a noun ("Kataib Hezbollah, an Iraqi militia backed by Iran, denied
    ..."): what governs that noun does not govern the description, unless it is a content clause
    ("reports that Iran funds it")."""
    if node.dep_ == "relcl":
        return True
    return node.dep_ == "acl" and node.tag_ == "VBN" and not any(c.dep_ == "mark" for c in node.children)


def _subject(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "nsubj":  # a passive's subject is the accused or reported on, not the source
            return c
        if c.dep_ == "agent":
            return next((p for p in c.children if p.dep_ == "pobj"), None)
    return None


def _speaker(doc: Doc, start: int, end: int, words) -> Token | None:
    """The subject of the speech verb next to a quotation ("..., said Ahmed al-Assadi")."""
    sent = doc[start].sent
    for t in sent:
        if (t.i < start or t.i >= end) and t.pos_ == "VERB" and t.lemma_.lower() in words["reported_verbs"]:
            return _subject(t)
    return None
