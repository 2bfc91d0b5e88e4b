"""Arguments: the one argument and reference layer — which actors a phrase refers to, who does what to whom.

`arguments(doc, actors)` gives the one `Arguments` object of a document (built once, cached on
the Doc); every construction (relations, events, quotes, figures) asks it the same questions:

- `refers_to(tok)`: the actors a noun phrase and its conjuncts name ("Asaib Al-Haq leader Qais
  Khazali" -> Khazali; "Hezbollah targets" -> Hezbollah; "Qais and Laith al-Khazali" -> both);
  `resolve(tok)` is the single actor a word stands for (a mention, a pronoun, a relative, a
  description, a demonym, a short name);
- `agents(verb)` / `patients(verb)`: who does and who undergoes what a verb says, passives and
  control verbs included ("allowed the Houthis to conduct attacks" -> the Houthis);
  `subjects(verb)`: the subject words, inherited when the clause leaves them out (events,
  quotes and figures read this; it does not turn passives round);
- `one(tok)`, `of(tok)`, `bearers(noun)`: the noun-phrase semantics with how an actor was
  reached (`referents.Ref`: "self", "unit", "people", "place");
- `certainty(anchor)`: how sure the sentence is (`certainty.assess`).

Underneath, `reference.References` holds the mentions and the pronoun rules and
`referents.Referents` the noun-phrase and clause rules; this module adds the slot rules of
events, quotes and figures on top. It never creates an actor.
"""
from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Doc, Token

from ..lang import DEFAULT, lexicon as language, words
from ..model import Actor
from .certainty import assess, quote_spans
from .patterns import Lexicon, lexicon as pattern_lexicon
from .reference import SUBJECTS, references
from .referents import Ref, Referents, by_agents, marked_passive

_CACHE_KEY = "actorgraph.arguments"


@lru_cache(maxsize=None)
def lexicon(lang: str = DEFAULT) -> dict:
    """Word lists of `lang/<lang>/carriers.yaml`, `reference.yaml` and `prepositions.yaml` this module reads."""
    carriers, reference, preps = (language(lang, name) for name in ("carriers", "reference", "prepositions"))
    c_at, r_at, p_at = (f"lang/{lang}/{name}.yaml" for name in ("carriers", "reference", "prepositions"))
    return {"carrier_nouns": words(carriers, "carrier_nouns", c_at),
            "office_nouns": words(carriers, "office_nouns", c_at),
            "relative_pronouns": words(reference, "relative_pronouns", r_at),
            "person_pronouns": words(reference, "person_pronouns", r_at),
            "locative_relatives": words(reference, "locative_relatives", r_at),
            "genitive": words(preps, "genitive", p_at),
            "origin": words(preps, "origin", p_at),
            "enumeration": words(preps, "enumeration", p_at),
            "range_end": words(preps, "range_end", p_at),
            "place": words(preps, "place", p_at),
            "clause_openers": words(preps, "clause_openers", p_at)}


def arguments(doc: Doc, actors: list[Actor], lex: Lexicon | None = None) -> "Arguments":
    """The argument layer of a document for these actors (built once per document, actor list and lexicon)."""
    lex = lex if lex is not None else pattern_lexicon()
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None and cached.actors is actors and cached.refs is references(doc, actors) \
            and cached.np.lex is lex:
        return cached
    args = Arguments(doc, actors, lex)
    doc.user_data[_CACHE_KEY] = args
    return args


class Arguments:
    """The actors of one parsed article, addressable by token, with the reference, clause and slot rules."""

    def __init__(self, doc: Doc, actors: list[Actor], lex: Lexicon | None = None):
        self.doc = doc
        self.actors = actors
        self.lex = lexicon()
        self.refs = references(doc, actors)
        self.np = Referents(self.refs, lex if lex is not None else pattern_lexicon())
        self._quotes: list[tuple[int, int]] | None = None

    # --- lookups -----------------------------------------------------------------------------
    def at(self, tok: Token) -> Actor | None:
        """The actor a token is part of a mention of."""
        return self.refs.at(tok)

    def named(self, name: str) -> Actor | None:
        """The article's actor with this name or alias."""
        return self.refs.named(name)

    def demonym(self, tok: Token) -> Actor | None:
        """The article's country actor a demonym names ("Israeli" -> Israel, "Iranians" -> Iran)."""
        if "-" in tok.text:  # "Iranian-backed" is the backer, not the backed
            return None
        return self.refs.demonym(tok)

    def last_before(self, i: int, types: tuple[str, ...], *, not_in: set[str] = frozenset(),
                    after: int = 0) -> Actor | None:
        """The last actor of these types mentioned before token i (and not before token `after`)."""
        return self.refs.last_before(i, types, not_in=not_in, after=after)

    def certainty(self, anchor: Token, *, own_verb: bool = True) -> str:
        """How sure the sentence is of what `anchor` states (`certainty.assess`): asserted, reported, uncertain, negated."""
        if self._quotes is None:
            self._quotes = quote_spans(self.doc)
        return assess(anchor, False, pattern_lexicon().certainty, self._quotes, own_verb=own_verb).value

    def resolve(self, tok: Token) -> Actor | None:
        """The actor a word stands for: its mention, or what a pronoun, relative, description, demonym or short name refers to."""
        return self.refs.resolve(tok)

    # --- noun phrases --------------------------------------------------------------------------
    def one(self, tok: Token) -> Ref | None:
        """The actor a noun phrase headed by `tok` names, and how it was reached (`Referents.one`)."""
        return self.np.one(tok)

    def of(self, tok: Token) -> list[Ref]:
        """The actors a noun phrase, its conjuncts and its listed members name, with how (`Referents.of`)."""
        return self.np.of(tok)

    def bearers(self, head: Token, span: tuple[int, int] | None = None,
                types: tuple[str, ...] | None = None) -> list[Ref]:
        """Who a noun of office or role describes (`Referents.bearers`)."""
        return self.np.bearers(head, span, types)

    def refers_to(self, tok: Token) -> list[Actor]:
        """The actors a noun phrase and its conjuncts name ("Qais and Laith al-Khazali" -> both)."""
        if tok.lower_ in self.lex["relative_pronouns"] and tok.dep_ != "poss":
            head = self.antecedent(tok)
            if head is not None:
                tok = head
        out: list[Actor] = []
        for t in (tok, *conjuncts(tok), *self.np.listed(tok)):
            a = self.referent(t)
            if a is not None and a not in out:
                out.append(a)
            elif a is None:
                for m in self.members(t):
                    if m not in out:
                        out.append(m)
        if self.at(tok) is None:  # "the following individuals:" and a list, whichever name the parse hung on it
            out += [a for item in self.np.enumerated(tok) for a in (self.at(item),) if a is not None and a not in out]
        if not out:  # "X and Y ... These groups", "Both were killed"
            out = [r.actor for r in self.np.counted_group(tok)]
        return out

    def antecedent(self, rel: Token) -> Token | None:
        """The noun a relative pronoun stands for ("fighters X and Y, who were killed" -> Y, and so X)."""
        clause = rel.head
        if clause.dep_ in ("relcl", "acl") and clause.head.i != clause.i:
            head = clause.head
            while head.dep_ == "appos" and self.at(head) is None and self.at(head.head) is not None:
                head = head.head
            if self.at(head) is not None or head.pos_ in ("NOUN", "PROPN"):
                if self.at(head) is None:
                    prev = self._actor_before(rel)
                    if prev is not None:
                        return prev
                return head
        return self._actor_before(rel)

    def _actor_before(self, rel: Token) -> Token | None:
        """An actor mention right before a relative pronoun ("Israel which has struck ...")."""
        i = rel.i - 1
        while i >= rel.sent.start and self.doc[i].is_punct:
            i -= 1
        if i < rel.sent.start or self.at(self.doc[i]) is None:
            return None
        tok = self.doc[i]
        while tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
            tok = tok.head
        if tok.dep_ == "pobj" and tok.head.lower_ in self.lex["place"]:
            return None  # "a strike on X that killed": X is where, not who
        return tok

    def referent(self, tok: Token, depth: int = 0) -> Actor | None:
        """The actor a noun phrase headed by `tok` names, if any."""
        if depth > 4:
            return None
        actor = self.refs.resolve(tok)  # a mention, pronoun, relative, description, demonym, short name
        if actor is not None and tok.pos_ == "NOUN" and self.at(tok) is None and tok.head.pos_ == "VERB":
            mates = {a.id for s in self.subjects(tok.head) if s.i != tok.i for a in (self.refs.resolve(s),) if a}
            if actor.id in mates:  # "after Iraq, ..., invaded the country": not Iraq itself
                actor = self.refs.last_before(tok.i, (actor.type,), not_in=mates,
                                              after=tok.doc[max(tok.sent.start - 1, 0)].sent.start)
        if actor is None and tok.lower_ in self.lex["person_pronouns"] and tok.dep_ in SUBJECTS:
            actor = self._salient_before(tok)
        if actor is not None:
            return actor
        if tok.lower_ in self.lex["relative_pronouns"] and tok.dep_ != "poss":
            head = self.antecedent(tok)
            return self.referent(head, depth + 1) if head is not None and head.i != tok.i else None
        for child in tok.children:
            if child.dep_ == "appos":
                actor = self.referent(child, depth + 1)
                if actor is not None:
                    return actor
        if tok.dep_ == "appos" and tok.head.pos_ in ("PROPN", "NOUN"):
            actor = self.at(tok.head)
            if actor is not None:
                return actor
        if tok.lower_ in self.np.lex.partitives or tok.lemma_.lower() in self.np.lex.partitives:
            for pobj in (p for c in tok.children if c.dep_ == "prep" and c.lower_ in self.lex["genitive"]
                         for p in c.children if p.dep_ == "pobj"):
                return self.referent(pobj, depth + 1)  # "hundreds of Wagner fighters"
        if tok.pos_ in ("NOUN", "PROPN"):
            if tok.lemma_.lower() in self.np.lex.place_nouns:  # "the city of Bakhmut" is Bakhmut
                ref = self.np.one(tok)
                if ref is not None and ref.actor.type in ("location", "country"):
                    return ref.actor
            if tok.lemma_.lower() in self.lex["carrier_nouns"] or tok.tag_ == "NNPS":
                return self.carrier(tok, depth)
        else:  # a misparse hangs a name under a stray word
            for child in tok.children:
                if child.dep_ in ("compound", "nmod") and child.i < tok.i and self.at(child) is not None:
                    return self.at(child)
        return None

    def bearer(self, tok: Token) -> Actor | None:
        """Who a title or office noun names: "Director of OFAC Andrea M. Gacki" -> Gacki."""
        refs = self.np.bearers(tok)
        return refs[0].actor if refs else None

    def _salient_before(self, tok: Token) -> Actor | None:
        """A person the previous sentences are about, when `reference` finds no subject to continue:
        "Video showed Haniyeh's wife, Umm al-Abed, crying. ... she said" -> Umm al-Abed."""
        sent = tok.sent
        for _ in range(2):
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            best, rank = None, 0
            for start, end, actor in self.refs.mentions_in(sent.start, sent.end):
                if actor.type == "person":
                    r = _salience(self.doc[start:end].root)
                    if r > rank:
                        best, rank = actor, r
            if best is not None:
                return best
        return None

    def carrier(self, tok: Token, depth: int = 0) -> Actor | None:
        """The actor whose people or things a noun counts: "Hezbollah fighters", "American interests"."""
        if tok.lemma_.lower() in self.lex["office_nouns"] and tok.tag_ != "NNS":
            return None  # "the Quds Force commander" is a person; "Pakistani officials" stand for Pakistan
        if tok.tag_ in ("NNS", "NNPS") and self.demonym(tok) is not None:
            return self.demonym(tok)  # "Iranians"
        for child in tok.children:
            if child.dep_ in ("compound", "nmod", "poss", "amod") and child.i < tok.i:
                actor = self.at(child) or self.demonym(child)
                if actor is None and child.dep_ == "poss":
                    actor = self.refs.resolve(child)
                if actor is not None:
                    return actor
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in self.lex["origin"]:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        actor = self.referent(pobj, depth + 1)
                        if actor is not None:
                            return actor
            if child.dep_ == "relcl" and any(g.lower_ in self.lex["locative_relatives"] for g in child.children):
                for s in child.children:
                    if s.dep_ in SUBJECTS:
                        actor = self.referent(s, depth + 1)
                        if actor is not None:
                            return actor
        return None

    def members(self, tok: Token) -> list[Actor]:
        """Actors a plural noun enumerates: "leaders — from bin Laden to Baghdadi", "groups such as X and Y"."""
        out: list[Actor] = []
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in self.lex["enumeration"]:
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        out += [a for a in self.refers_to(pobj) if a.type == "person" or a.type == "organization"]
                        for sub in pobj.children:  # "from X to Y": "to" hangs under X
                            if sub.dep_ == "prep" and sub.lower_ in self.lex["range_end"]:
                                out += [a for p in sub.children if p.dep_ == "pobj" for a in self.refers_to(p)]
        for item in self.np.enumerated(tok):  # "three officers: X, Y and Z", or a bulleted list after the colon
            if self.at(item) is not None:
                out.append(self.at(item))
        return list({a.id: a for a in out}.values())

    # --- verbs ---------------------------------------------------------------------------------
    def agents(self, verb: Token) -> list[Token]:
        """Who does what a verb says: its subject, a passive's by-agent, a controller (`Referents.agents`)."""
        return self.np.agents(verb)

    def patients(self, verb: Token) -> list[Token]:
        """Who undergoes what a verb says: its object, or a passive's subject (`Referents.patients`)."""
        return self.np.patients(verb)

    @staticmethod
    def passive(verb: Token, *, reduced: bool = True) -> bool:
        """Whether a verb is passive; `reduced=False` counts only passives marked by a passive subject or auxiliary."""
        return Referents.passive(verb) if reduced else marked_passive(verb)

    def subjects(self, verb: Token, depth: int = 0) -> list[Token]:
        """The subject words of a verb, inherited when the clause leaves it out."""
        own = [c for c in verb.children if c.dep_ in SUBJECTS]
        if own:
            return own
        if depth > 4 or verb.head.i == verb.i:
            return []
        head = verb.head
        dep = verb.dep_
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            stray = _stray_subject(head, verb)
            return [stray] if stray is not None else self.subjects(head, depth + 1)
        if dep == "xcomp":
            objs = [c for c in head.children if c.dep_ == "dobj"]
            return objs or self.subjects(head, depth + 1)
        if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
            return [head]
        if dep in ("advcl", "ccomp", "oprd") and head.pos_ in ("VERB", "AUX"):
            return self.subjects(head, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX"):
            gov = head.head  # "accuses Israel of carrying out", "for bribing officials"
            objs = [c for c in gov.children if c.dep_ == "dobj"]
            return objs or self.subjects(gov, depth + 1)
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "ADJ"):
            return []
        return []

    @staticmethod
    def passive_agents(verb: Token) -> list[Token]:
        """The by-phrase of a passive verb ("killed by Israel" -> Israel)."""
        return by_agents(verb)


def _stray_subject(head: Token, verb: Token) -> Token | None:
    """The subject of a clause the parser hung as a conjunct: "escaped after Iraq, ..., invaded X"."""
    if any(c.dep_ == "cc" and c.i < verb.i for c in head.children):
        return None
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in lexicon()["clause_openers"] and c.i < verb.i:
            objs = [p for p in c.children if p.dep_ == "pobj" and p.i < verb.i]
            if objs:
                return objs[0]
    return None


def conjuncts(tok: Token) -> list[Token]:
    """The words coordinated with `tok` ("Qais and Laith" -> [Laith]), in order."""
    return [c for c in tok.conjuncts if c.i != tok.i]


def _salience(tok: Token) -> int:
    """How prominent a mention is in its sentence: 3 subject (or its apposition), 2 object, 1 other."""
    node = tok
    while node.dep_ in ("appos", "compound", "conj") and node.head.i != node.i:
        node = node.head
    if node.dep_ in SUBJECTS:
        return 3
    if node.dep_ in ("dobj", "attr", "oprd"):
        return 2
    return 1
