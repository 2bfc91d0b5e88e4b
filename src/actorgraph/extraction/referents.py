"""Which actors a noun phrase names, who bears a predicate noun, who does what to whom.

"the Iran-backed Asa'ib Ahl al-Haq (AAH) militia" names AAH itself; "a Hizballah special forces
unit" is a unit of Hizballah; "Al-Ka'abi's forces" are Al-Ka'abi's people; "the Syrian town of
al-Qusayr" is al-Qusayr; "One of his deputies, Gen. Hossein Salami" and "Daqduq is a senior
Hizballah commander" say who bears the noun; "had been ordered by Hizballah to work with
IRGC-QF" makes Daqduq the one who works. A `Ref` keeps how the actor was reached (`via`), since
leading a unit of Y is membership of Y, not leadership of Y.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from ..errors import ConfigError
from ..lang import DEFAULT, lexicon, mapping, strings, words
from ..model import Actor
from .cues import load_cues
from ..names import fold
from .patterns import SELF, Lexicon
from .reference import References, relative_pronouns

# The verb classes and prepositions of `lang/en/verb_classes.yaml` and `prepositions.yaml`.
_VERBS, _VERBS_AT = lexicon(DEFAULT, "verb_classes"), f"lang/{DEFAULT}/verb_classes.yaml"
_PREPS, _PREPS_AT = lexicon(DEFAULT, "prepositions"), f"lang/{DEFAULT}/prepositions.yaml"
COPULAS = words(_VERBS, "copulas", _VERBS_AT)
OBJECT_CONTROL = words(_VERBS, "object_control", _VERBS_AT)
SUBJECT_CONTROL = words(_VERBS, "subject_control", _VERBS_AT)
REASON_CONTROL = words(_VERBS, "reason_object_control", _VERBS_AT)  # "designated X for acting"
# verbs whose object, not their subject, is described: "of which X formed the wing"
PREDICATIVE_OBJECTS = words(_VERBS, "predicative_objects", _VERBS_AT)
# "calling Soleimani an enemy of the United States": the second object describes the first
NAMING = words(_VERBS, "naming_verbs", _VERBS_AT)
INCLUSION = words(_VERBS, "inclusion_verbs", _VERBS_AT)  # "allies include X"
INTENT_NOUNS = words(_VERBS, "intent_nouns", _VERBS_AT)  # "plans to attack"
PLANNING = words(_VERBS, "planning_verbs", _VERBS_AT)  # "developed plans to attack"
GENITIVE = words(_PREPS, "genitive", _PREPS_AT)  # "one of", "leader of", "the city of"
ROLE = words(_PREPS, "role", _PREPS_AT)  # "serves as"
REASON = words(_PREPS, "reason", _PREPS_AT)  # "sanctioned X for funding Y"
TITLE = words(_PREPS, "title", _PREPS_AT)  # "leader of / for"
MEMBERSHIP = strings(_PREPS, "membership", _PREPS_AT)  # "a unit of / in / from / within", tried in this order
EXAMPLES = words(_PREPS, "examples", _PREPS_AT)  # "including", "like"
# "These include A and B": the plural demonstratives, standing for the plural phrase named just before
PLURAL_DEMONSTRATIVES = words(lexicon(DEFAULT, "reference"), "plural_demonstratives", f"lang/{DEFAULT}/reference.yaml")


def _phrases(key: str) -> tuple[tuple[str, str], ...]:
    """Two-word prepositions as (modifier, preposition): "such as" -> ("such", "as")."""
    out = []
    for phrase in strings(_PREPS, key, _PREPS_AT):
        parts = phrase.lower().split()
        if len(parts) != 2:
            raise ConfigError(f"{_PREPS_AT}: key {key!r}: {phrase!r} must be two words, a modifier and a preposition")
        out.append((parts[0], parts[1]))
    return tuple(out)


EXAMPLE_PHRASES = _phrases("example_phrases")  # "such as"
# the relative pronouns that stand for the noun itself ("who", "which"), not for its owner ("whose")
_RELATIVES = relative_pronouns() - words(lexicon(DEFAULT, "reference"), "relative_possessives",
                                         f"lang/{DEFAULT}/reference.yaml")
_NUMBERS, _NUMBERS_AT = lexicon(DEFAULT, "numbers"), f"lang/{DEFAULT}/numbers.yaml"
_REFERENCE, _REFERENCE_AT = lexicon(DEFAULT, "reference"), f"lang/{DEFAULT}/reference.yaml"
# "All three are based in Qatar", "Both were killed": a bare cardinal or a dual pronoun and its size
GROUP_SIZES = {**{str(k).lower(): int(v) for k, v in mapping(_NUMBERS, "cardinals", _NUMBERS_AT).items()},
               **{str(k).lower(): int(v) for k, v in mapping(_REFERENCE, "group_pronouns", _REFERENCE_AT).items()}}
_ANY = 0  # a plural description without a number: a coordination of two or more
DASHES = frozenset({",", "—", "–", "-", ":", "(", "‒"})
COLONS = frozenset({":", "—", "–"})  # a colon or a dash that announces a list
BULLETS = frozenset({"-", "•", "*", "–", "—", "·", "▪", "‣", "◦"})  # what opens a line of a bulleted list


@dataclass(frozen=True)
class Ref:
    """An actor reached from a word, and how: "self", "unit", "people" or "place"."""

    actor: Actor
    via: str
    token: Token


class Referents:
    """Noun-phrase and clause semantics over one document's reference index."""

    def __init__(self, refs: References, lex: Lexicon):
        self.refs = refs
        self.lex = lex
        self.titles = load_cues().titles
        self.demonyms = load_cues().demonyms

    # --- noun phrases ---------------------------------------------------------------------------
    def one(self, tok: Token, depth: int = 0) -> Ref | None:
        """The actor a noun phrase headed by `tok` names (without its conjuncts)."""
        if depth > 6:
            return None
        actor = self.refs.resolve(tok)
        if actor is not None:
            if tok.tag_ in ("NNS", "NNPS") and self.is_demonym(tok):
                return None  # "Iraqis" are people of Iraq, not the state
            return Ref(actor, "self", tok)
        lemma = tok.lemma_.lower()
        if tok.dep_ == "pobj" and tok.head.lower_ in GENITIVE and tok.head.head.lemma_.lower() in self.lex.partitives:
            ref = self.one(tok.head.head, depth + 1)  # "one of five Hezbollah members" is the one
            if ref is not None:
                return ref
        for child in tok.children:
            if child.dep_ == "appos":
                ref = self.one(child, depth + 1)
                if ref is not None:
                    return ref
        if tok.dep_ == "appos" and tok.head.pos_ in ("PROPN", "NOUN", "PRON"):
            actor = self.refs.resolve(tok.head)
            if actor is not None:
                return Ref(actor, "self", tok.head)
        if tok.dep_ in ("attr", "oprd") and tok.head.lemma_ in COPULAS:  # "He is a terrorist who ..."
            for s in self.agents(tok.head):
                if s.i != tok.i:
                    ref = self.one(s, depth + 1)
                    if ref is not None:
                        return ref
        if tok.dep_ == "pobj" and tok.head.lower_ in ROLE and tok.head.head.lemma_ in COPULAS | NAMING:
            for s in self._as_bearers(tok.head.head):
                ref = self.one(s, depth + 1)
                if ref is not None:
                    return ref
        of_pobj = self._pobj(tok, GENITIVE)
        if lemma in self.lex.partitives or tok.lower_ in self.lex.partitives or lemma in self.lex.collective_nouns and of_pobj is not None and of_pobj.tag_ in ("NNS", "NNPS"):
            if of_pobj is not None:
                ref = self.one(of_pobj, depth + 1)
                if ref is not None:
                    return ref
        if lemma in self.lex.metonyms and of_pobj is not None:  # "the core leadership of Asaib Al-Haq"
            ref = self.one(of_pobj, depth + 1)
            if ref is not None and ref.actor.type in ("organization", "country"):
                return ref
        if lemma in self.lex.kind_nouns:
            for child in tok.children:
                if child.dep_ in ("compound", "nmod") and child.i < tok.i:
                    actor = self.refs.at(child)
                    if actor is not None and actor.type == "organization":
                        return Ref(actor, "self", child)
            nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            actor = self.refs.at(nxt) if nxt is not None else None
            if actor is not None and actor.type == "organization" and self.refs.mention(nxt)[0] == nxt.i:
                return Ref(actor, "self", nxt)  # "the Iranian-backed group Kataib Hezbollah", the name parsed apart
        if lemma in self.lex.unit_nouns or lemma in self.lex.people_nouns:
            via = "unit" if lemma in self.lex.unit_nouns else "people"
            for child in tok.children:
                if child.dep_ in ("compound", "nmod", "poss", "amod") and child.i < tok.i:
                    if self.is_demonym(child) and lemma not in self.lex.organ_nouns:
                        continue  # "Iraqi militants" are Iraqis, not Iraq
                    actor = self.refs.resolve(child)
                    if actor is None and child.dep_ in ("compound", "nmod"):
                        inner = self.one(child, depth + 1)  # "Hezbollah senior external operations commander"
                        actor = inner.actor if inner is not None else None
                    if actor is not None and actor.type in ("organization", "country", "person"):
                        return Ref(actor, via, child)
            for prep in MEMBERSHIP:
                pobj = self._pobj(tok, (prep,))
                if pobj is not None:
                    for a in pobj.children:  # "A former commander of X, Omar Said, ...": Said, not X's people
                        bearer = self.refs.at(a) if a.dep_ == "appos" and tok.doc[a.left_edge.i - 1].text in DASHES else None
                        if bearer is not None and bearer.type == "person" and lemma in self.lex.roles:
                            return Ref(bearer, "self", a)
                    ref = self.one(pobj, depth + 1)
                    if ref is not None and ref.actor.type in ("organization", "country"):
                        return Ref(ref.actor, via, ref.token)
        if lemma in self.lex.place_nouns and of_pobj is not None:
            ref = self.one(of_pobj, depth + 1)
            if ref is not None and ref.actor.type in ("location", "country"):
                return ref
        return None

    def is_demonym(self, tok: Token) -> bool:
        """Whether a word is a demonym ("Iraqi", "Iraqis"), even when it is also a mention of the country."""
        word = fold(tok.text)
        demonyms = self.demonyms
        return word in demonyms or word.endswith("s") and word[:-1] in demonyms

    def of(self, tok: Token) -> list[Ref]:
        """The actors a noun phrase and its conjuncts name, or the members it lists ("such as X and Y")."""
        counted = self.counted_group(tok)
        if counted:
            return counted
        out: list[Ref] = []
        group = [tok, *[c for c in tok.conjuncts if c.i > tok.i]]
        if tok.lower_ in _RELATIVES and tok.head.dep_ == "relcl":
            base = tok.head.head  # "Samir Qantar and Jihad Moughniyah, the son of ..., who were killed"
            if base.dep_ == "appos":
                base = base.head
            meant, named = self.refs.resolve(tok), self.refs.noun_actor(base)
            if not (meant is not None and named is not None and meant.type == "person" != named.type):
                group = [base, *[c for c in base.conjuncts if c.i != base.i]]
            # else "Darwish, head of the Shura Council, who lives in Turkey": a personal relative after a thing
        group += [x for t in list(group) for x in self.listed(t)]
        for t in group:
            possessed = _possessed(t)  # "to the group’s Secretary General X" parsed group <-appos- X
            ref = (self.one(possessed) if possessed is not None else None) or self.one(t)
            if ref is not None:
                out.append(ref)
            out += self.members(t)  # "an axis ... including the Houthis": the axis and its members
        seen: set[str] = set()
        return [r for r in out if not (r.actor.id in seen or seen.add(r.actor.id))]

    def counted_group(self, tok: Token) -> list[Ref]:
        """The group a bare number, a dual pronoun or a plural description stands for: the last coordination
        of exactly that many actors of one type in this or the previous sentence ("X, Y and Z ... All three
        are based in Qatar"; "X and Y ... These groups", "the two militias": as many as the number says,
        else two or more of the description's types)."""
        size, types = GROUP_SIZES.get(tok.lower_), None
        if size is None:
            size, types = self._plural_description(tok)
        if size is None or size < 2 and size != _ANY or tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj") \
                or self.refs.at(tok) is not None:
            return []
        doc = tok.doc
        first = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for j in range(tok.i - 1, first - 1, -1):
            t = doc[j]
            if t.dep_ == "conj" or not t.conjuncts or self.refs.at(t) is None:
                continue
            group = [self.one(c) for c in (t, *t.conjuncts)]
            if not all(r is not None and r.via == SELF for r in group) or len({r.actor.type for r in group}) != 1:
                continue
            many = len({r.actor.id for r in group})
            if (many == size or size == _ANY and many >= 2) and (types is None or group[0].actor.type in types):
                return group
        return []

    def demonstrated(self, tok: Token) -> Ref | None:
        """The actor whose people or units a plural demonstrative subject of a verb of inclusion stands for:
        "Around 300 Hamas fighters were killed. These include A and B" -> Hamas's people (the last plural
        subject or object before it, in this sentence or the previous one)."""
        if tok.lower_ not in PLURAL_DEMONSTRATIVES or tok.dep_ != "nsubj" or tok.pos_ not in ("PRON", "DET") \
                or any(True for _ in tok.children) or tok.head.lemma_.lower() not in INCLUSION:
            return None
        doc = tok.doc
        first = doc[tok.sent.start - 1].sent.start if tok.sent.start > 0 else tok.sent.start
        for j in range(tok.i - 1, first - 1, -1):
            t = doc[j]
            if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("nsubj", "nsubjpass", "dobj"):
                ref = self.one(t)
                return ref if ref is not None and ref.via in ("people", "unit") else None
        return None

    def _plural_description(self, tok: Token) -> tuple[int | None, tuple[str, ...] | None]:
        """The size and actor types of a plural definite description that points back ("these groups",
        "the two militias", "both countries"); (None, None) for anything else, such as a description
        with a modifier of its own ("Iraqi militias", "the groups in Syria" are new descriptions)."""
        types = self.refs.lex["descriptions"].get(tok.lemma_.lower())
        if types is None or tok.pos_ != "NOUN" or tok.tag_ != "NNS":
            return None, None
        size, definite = _ANY, False
        for c in tok.children:
            if c.dep_ in ("det", "predet") and c.lower_ in self.refs.lex["determiners"]:
                definite = True
            elif c.dep_ in ("nummod", "det", "predet", "quantmod") and c.lower_ in GROUP_SIZES:
                size, definite = GROUP_SIZES[c.lower_], definite or c.dep_ != "nummod"
            elif c.dep_ in ("amod", "compound", "nmod", "poss", "prep", "relcl", "acl", "appos"):
                return None, None
        return (size, types) if definite else (None, None)

    def listed(self, tok: Token) -> list[Token]:
        """The rest of a list of names the parser hung on its first name as an apposition.

        "Karim Nasser, Walid Aziz and Samir Haddad" is often parsed Nasser <-appos- Aziz <-conj- Haddad:
        a name whose apposition is a name of the same type that has conjuncts of its own is a list
        of three or more, not a name and its description ("Hezbollah's leader, Hassan Nasrallah").
        """
        actor = self.refs.at(tok)
        if actor is None:
            return []
        out: list[Token] = []
        for appos in (c for c in tok.children if c.dep_ == "appos" and c.i > tok.i):
            other = self.refs.at(appos)
            conj = [c for c in appos.conjuncts if c.i > appos.i]
            if other is None or other.type != actor.type or not conj:
                continue
            if not all(self.refs.at(c) is not None and self.refs.at(c).type == actor.type for c in conj):
                continue
            out += [appos, *conj]
        return out

    def enumerated(self, tok: Token) -> list[Token]:
        """Every item of a list a plural noun announces with a colon: "three groups: X, Y and Z", or bullets.

        "designated three officers: X, Y and Z"; "funds several groups:" followed by lines that
        open with a bullet ("- X", "• Y"): the name that opens each bulleted line. The items
        come back one by one (conjuncts included), each the head of one name.
        """
        if tok.tag_ not in ("NNS", "NNPS"):
            return []
        doc = tok.doc
        k = tok.right_edge.i + 1
        if k >= len(doc) or doc[k].text not in COLONS:
            colon = next((c for c in tok.children if c.dep_ == "punct" and c.text in COLONS and c.i > tok.i), None)
            if colon is None or any(not t.is_space for t in doc[tok.right_edge.i + 1:colon.i]):
                return []
            k = colon.i
        if "\n" in doc[k].whitespace_ or k + 1 < len(doc) and doc[k + 1].is_space and "\n" in doc[k + 1].text:
            return self.bullet_lines(doc, k + 1)
        out: list[Token] = []
        for head in (c for c in tok.children if c.dep_ == "appos" and c.i > k):
            out += [head, *[c for c in head.conjuncts if c.i > head.i], *self.listed(head)]
        return out

    def bullet_lines(self, doc, j: int) -> list[Token]:
        """The names that open the bulleted lines from token `j` on, up to the first line without a bullet or a name."""
        out: list[Token] = []
        while j < len(doc):
            while j < len(doc) and doc[j].is_space:
                j += 1
            if j >= len(doc) or doc[j].text not in BULLETS:
                break
            end = j + 1
            while end < len(doc) and not (doc[end].is_space and "\n" in doc[end].text) and \
                    "\n" not in doc[end - 1].whitespace_:
                end += 1
            first = next((t for t in doc[j + 1:end] if not t.is_punct and t.dep_ != "det"), None)
            rng = self.refs.mention(first) if first is not None else None
            if rng is None or rng[0] != first.i and doc[rng[0]].dep_ != "det":
                break
            out.append(doc[rng[0]:rng[1]].root)
            j = end
        return out

    def members(self, tok: Token) -> list[Ref]:
        """What a plural or generic noun enumerates: "fighters including X and Y", "allies such as X", "allies include X"."""
        lists: list[Token] = []
        for child in tok.children:
            if child.dep_ == "prep" and (child.lower_ in EXAMPLES or any(
                    child.lower_ == prep and any(g.lower_ == mod for g in child.children) for mod, prep in EXAMPLE_PHRASES)):
                lists += [p for p in child.children if p.dep_ == "pobj"]
        if tok.dep_ in ("nsubj",) and tok.head.lemma_ in INCLUSION:
            lists += [c for c in tok.head.children if c.dep_ == "dobj"]
        if tok.lemma_.lower() in self.lex.collective_nouns:  # "an axis of fighters including X"
            inner = self._pobj(tok, GENITIVE)
            if inner is not None:
                for child in inner.children:
                    if child.dep_ == "prep" and child.lower_ in EXAMPLES:
                        lists += [p for p in child.children if p.dep_ == "pobj"]
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep" and tok.head.lower_ in GENITIVE:
            # "an axis of Iran-backed fighters including X": the list may hang on the outer noun
            outer = tok.head.head
            if outer.lemma_.lower() in self.lex.collective_nouns:
                for child in outer.children:
                    if child.dep_ == "prep" and child.lower_ in EXAMPLES:
                        lists += [p for p in child.children if p.dep_ == "pobj"]
        out: list[Ref] = []
        enumerated = self.enumerated(tok)
        for head in lists:
            items = [head, *[c for c in head.conjuncts if c.i > head.i]]
            items += self.listed(head)
            for appos in (c for c in head.children if c.dep_ == "appos"):  # "X, Y and Z" parsed as appositions
                items += [appos, *[c for c in appos.conjuncts if c.i > appos.i]]
            for t in items:
                ref = self.one(t)
                if ref is not None:
                    out.append(ref)
        for t in enumerated:  # only names: "three projects: roads, schools and clinics" lists no actor
            if self.refs.at(t) is not None:
                out.append(Ref(self.refs.at(t), "self", t))
        return out

    # --- who bears a predicate noun ------------------------------------------------------------------
    def bearers(self, head: Token, span: tuple[int, int] | None = None,
                types: tuple[str, ...] | None = None) -> list[Ref]:
        """Who a noun of office or role describes: title, apposition, copula, "serves as", "one of".

        "Asaib Al-Haq leader Qais Khazali", "Qassem Soleimani — head of ...", "The leader of that
        militia, Abu Mahdi al-Muhandis", "Daqduq is a senior Hizballah commander", "who serves as
        the ... Chief of Staff", "One of his deputies, Gen. Hossein Salami". The first reading
        that yields actors of the wanted `types` wins.
        """
        for refs in self._bearer_readings(head, span or (head.i, head.i + 1)):
            refs = [r for r in refs if types is None or r.actor.type in types]
            if refs:
                return refs
        return []

    def _bearer_readings(self, head: Token, span: tuple[int, int]) -> Iterator[list[Ref]]:
        start, end = span
        doc = head.doc
        if self.refs.mention(head) is not None:
            yield [Ref(self.refs.at(head), "self", head)]
        # a name right after the title ("leader Qais Khazali", "Director of OFAC Andrea M. Gacki")
        yield self._name_after(end, head)
        node = head
        for _ in range(3):  # "one of the highest ranking officials", "part of a committee of ... proxies"
            if node.dep_ == "pobj" and node.head.lower_ in GENITIVE and \
                    node.head.head.lemma_.lower() in self.lex.containers | self.lex.partitives:
                node = node.head.head
            else:
                break
        cands = [node, head] if node.i != head.i else [head]
        first = head
        while first.dep_ == "conj" and first.head.pos_ == "NOUN" and head.pos_ == "NOUN":
            first = first.head  # "an analyst and former director of X": the first noun carries the attachment
        if first.i != head.i:
            cands.append(first)
        for cand in cands:
            if cand.dep_ == "compound" and self.refs.at(cand.head) is not None:
                yield [Ref(self.refs.at(cand.head), "self", cand.head)] + self._conj_refs(cand.head)
            if cand.dep_ == "appos":
                if cand.tag_ in ("NNS", "NNPS"):  # "X, Y and Z, all members of ...": every name of the list
                    yield [r for r in self.of(cand.head) if r.via == SELF]
                ref = self.one(cand.head)
                yield [ref] if ref is not None else []
            for child in cand.children:
                if child.dep_ == "appos" and child.i > cand.i:
                    yield self.of(child)
                    if self.refs.at(child) is not None:
                        # "The secretary of Iran's Supreme Council, Ali Larijani": the name hung on the
                        # organization the title's phrase ends with
                        yield [r for a in child.children if a.dep_ == "appos" and a.i > child.i
                               for r in self.of(a) if r.actor.type == "person"]
            for pobj in (p for c in cand.children if c.dep_ == "prep" and c.lower_ in TITLE
                         for p in c.children if p.dep_ == "pobj"):
                # "The leader of Kataib Hezbollah, Ali Musa Daqduq, ..." with the name parsed as
                # an apposition of the organization: a person there bears the title
                yield [r for a in pobj.children if a.dep_ == "appos" and a.i > pobj.i
                       and doc[a.left_edge.i - 1].text in DASHES  # not "a disciple of its leader Ahmed Yassin"
                       for r in self.of(a) if r.actor.type == "person"]
            described_object = cand.dep_ == "oprd" and cand.head.lemma_ in NAMING and \
                any(c.dep_ == "dobj" and c.i < cand.i for c in cand.head.children)  # "made X commander"
            if cand.dep_ in ("attr", "oprd", "acomp") and cand.head.lemma_ in COPULAS and not described_object or \
                    cand.dep_ == "dobj" and cand.head.lemma_ in PREDICATIVE_OBJECTS:
                yield [r for s in self.agents(cand.head) if s.i != cand.i for r in self.of(s)]
            if cand.dep_ in ("dobj", "oprd") and cand.head.lemma_ in NAMING:
                named = [c for c in cand.head.children if c.dep_ == "dobj" and c.i < cand.i]
                named = named or self.patients(cand.head)
                yield [r for s in named if s.i != cand.i for r in self.of(s)]
            if cand.dep_ == "pobj" and cand.head.lower_ in ROLE and cand.head.head.lemma_ in COPULAS | NAMING:
                yield [r for s in self._as_bearers(cand.head.head) for r in self.of(s)]
            if cand.dep_ in ("nsubj", "nsubjpass"):
                # "A founder of Hamas ..., Al Hayya earned a doctorate": a fronted apposition the parser
                # made a second subject; the name after the comma bears it
                yield [r for s in cand.head.children if s.dep_ == cand.dep_ and s.i > cand.right_edge.i
                       and doc[s.left_edge.i - 1].text == "," for r in self.of(s)]
        yield self.members(head)
        # "Adel Al-Jubeir, ... ambassador" the other way round: a name, then a comma or dash, then the noun
        left = doc[node.left_edge.i if node.i != head.i else head.left_edge.i]
        j = left.i - 1
        if j >= 1 and doc[j].text in DASHES and self.refs.at(doc[j - 1]) is not None \
                and (node.i != head.i or head.tag_ not in ("NNS", "NNPS")):  # "X, World Bank officials": a list
            yield [Ref(self.refs.at(doc[j - 1]), "self", doc[j - 1])]

    def _as_bearers(self, verb: Token) -> list[Token]:
        """Who "as <role>" describes: the object of "appointed X as", else the subject ("serves as")."""
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if objs and not self.passive(verb):
            return objs
        if self.passive(verb):
            return self.patients(verb)  # "X was appointed as commander"
        return self.agents(verb)

    def _name_after(self, end: int, head: Token) -> list[Ref]:
        """A name that follows a title directly, skipping honorifics ("Supreme Leader Ayatollah Ali Khamenei")."""
        doc = head.doc
        k = end
        # skip the title's own "of <organization>" ("Director of the Office of ... Andrea M. Gacki")
        for child in head.children:
            if child.dep_ == "prep" and child.i >= end and child.lower_ in TITLE:
                pobj = [p for p in child.children if p.dep_ == "pobj"]
                if pobj and self.refs.at(pobj[0]) is not None:
                    rng = self.refs.mention(pobj[0])
                    k = max(k, rng[1]) if rng else k
        limit = min(k + 6, head.sent.end)  # never the next sentence's first name
        while k < len(doc) and k < limit:
            t = doc[k]
            actor = self.refs.at(t)
            if actor is not None:
                rng = self.refs.mention(t)
                if rng and rng[0] == k:
                    return [Ref(actor, "self", t)] + self._conj_refs(doc[rng[1] - 1])
                return []
            if fold(t.text) in self.titles or t.text == "." or t.lower_ in ("-", "‐"):
                k += 1
                continue
            return []
        return []

    def _conj_refs(self, tok: Token) -> list[Ref]:
        out = []
        root = tok
        rng = self.refs.mention(tok)
        if rng is not None:  # the mention's syntactic head carries the conjuncts
            span = tok.doc[rng[0]:rng[1]]
            root = span.root
        for c in root.conjuncts:
            if c.i > root.i:
                if any(t.lower_ in self.lex.roles for t in tok.doc[c.left_edge.i:c.i]):
                    continue  # "UK Prime Minister X and South African President Y": Y has a title of their own
                ref = self.one(c)
                if ref is not None:
                    out.append(ref)
        return out

    # --- clauses --------------------------------------------------------------------------------------
    def agents(self, verb: Token, depth: int = 0) -> list[Token]:
        """The words naming who does what a verb says: its subject, the by-agent of a passive, or inherited."""
        if depth > 5:
            return []
        if self.passive(verb):
            return by_agents(verb)
        own = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if len(own) > 1 and verb.doc[own[-1].left_edge.i - 1].text == ",":
            own = own[-1:]  # "A former commander of X, Omar Said now lives in Y": the name, not its fronted apposition
        if own and all(s.i > verb.i and any(t.text in (":", "—", "–") for t in verb.doc[verb.i:s.i]) for s in own):
            own = []  # "... is a terrorist ...: Asaib Al-Haq" -- a name after a colon is not the subject
        if own:
            return own
        head, dep = verb.head, verb.dep_
        if head.i == verb.i:
            return []
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            if not any(c.dep_ == "cc" and c.i > head.i for c in head.children) and \
                    not any(c.dep_ == "cc" for c in verb.children):
                # no "and"/"but" joins them: a misparse of "after Iraq, under the leadership of X, invaded
                # the country", whose subject is the name before the comma-enclosed phrase, not the main one's
                return _interrupted_subject(verb)
            if self.passive(head) and not self.passive(verb):
                return [c for c in head.children if c.dep_ == "nsubjpass"]
            return self.agents(head, depth + 1)
        if dep == "xcomp":
            if head.lemma_ in OBJECT_CONTROL or any(c.dep_ == "dobj" for c in head.children) and head.lemma_ not in SUBJECT_CONTROL:
                objs = [c for c in head.children if c.dep_ == "dobj"]
                if objs:
                    return objs
            if self.passive(head):
                return self.patients(head)
            return self.agents(head, depth + 1)
        if dep == "acl" and head.lemma_.lower() in INTENT_NOUNS and head.dep_ == "dobj" \
                and head.head.lemma_.lower() in PLANNING and any(c.tag_ == "TO" for c in verb.children):
            return self.agents(head.head, depth + 1)  # "X was developing plans to attack Y": X attacks
        if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
            return [head]
        if dep in ("advcl", "ccomp", "oprd", "purpcl"):
            stray = _stray_subject(verb) if dep == "advcl" else None
            if stray is not None:
                return [stray]
            if head.pos_ in ("VERB", "AUX"):
                if self.passive(head):
                    return [c for c in head.children if c.dep_ == "nsubjpass"]
                return self.agents(head, depth + 1)
            if head.pos_ in ("NOUN", "PROPN"):
                return [head]
        if dep == "pcomp" and head.dep_ == "prep":
            gov = head.head
            if gov.pos_ in ("VERB", "AUX"):
                objs = [c for c in gov.children if c.dep_ == "dobj"]
                if head.lower_ in GENITIVE and objs:  # "accuses Israel of carrying out"
                    return objs
                if objs and head.lower_ in REASON and gov.lemma_.lower() in REASON_CONTROL:
                    return objs  # "designated Daqduq for acting on behalf of Hezbollah"
                if self.passive(gov):
                    return [c for c in gov.children if c.dep_ == "nsubjpass"]
                return self.agents(gov, depth + 1)
            if gov.pos_ in ("NOUN", "PROPN") and gov.dep_ == "dobj" and head.lower_ in GENITIVE \
                    and gov.head.lemma_.lower() in self.lex.attacks["blame_verbs"] | REASON_CONTROL:
                return [gov]  # "accused the militia of smuggling" with "of" hung on the object: the accused acts
            if gov.pos_ in ("NOUN", "PROPN", "ADJ"):  # "a role in spearheading", "responsible for ordering"
                return self.noun_agents(gov, depth + 1)
        return []

    def noun_agents(self, noun: Token, depth: int = 0) -> list[Token]:
        """Who has a role, a responsibility or a part: the subject of "have/play" or of the copula, or the bearer."""
        if depth > 5:
            return []
        if noun.dep_ in ("dobj", "attr", "acomp", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
            return self.agents(noun.head, depth + 1)
        if noun.dep_ in ("amod", "acl") or noun.pos_ == "ADJ" and noun.dep_ != "acomp":
            return [noun.head]
        if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
            return self.agents(noun.head.head, depth + 1)
        return [b.token for b in self.bearers(noun)]

    def patients(self, verb: Token) -> list[Token]:
        """The words naming who undergoes what a verb says: its object, or the subject of a passive."""
        if self.passive(verb):
            own = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if own:
                return own
            if verb.dep_ in ("acl", "relcl", "amod") and verb.head.pos_ in ("NOUN", "PROPN"):
                return [verb.head]  # "Jihad Moughniyah, ..., who were killed"
            if verb.dep_ == "conj":
                return [c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")]
            return []
        return [c for c in verb.children if c.dep_ in ("dobj",)]

    @staticmethod
    def passive(verb: Token) -> bool:
        """Whether a verb is passive: marked ("was killed by"), reduced ("militants killed in") or with a by-agent."""
        return passive(verb)

    @staticmethod
    def _pobj(tok: Token, preps: frozenset[str] | tuple[str, ...]) -> Token | None:
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in preps:
                for p in child.children:
                    if p.dep_ == "pobj":
                        return p
        return None


def marked_passive(verb: Token) -> bool:
    """A passive the parse marks with a passive subject or auxiliary ("X was killed", "had been ordered")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def passive(verb: Token) -> bool:
    """A marked passive, a reduced one ("the militants killed in the strike") or a verb with a by-agent."""
    if marked_passive(verb):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") or any(c.dep_ == "agent" for c in verb.children)


def by_agents(verb: Token) -> list[Token]:
    """The objects of a passive verb's by-phrase ("killed by Israel" -> Israel)."""
    return [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]


def _stray_subject(verb: Token) -> Token | None:
    """The subject the parser hung as a conjunct of the word before a finite clause that has none.

    "All three are based in Qatar and Mr Jabareen also spends time in Turkey" is parsed with "Mr
    Jabareen" a conjunct of "Qatar" and "spends" a subjectless adverbial clause: a finite verb with
    no subordinator and no subject of its own, right after a name joined by "and", has that name
    as its subject, not the subject of the clause before.
    """
    if verb.tag_ not in ("VBZ", "VBD", "VBP") or any(c.dep_ in ("mark", "nsubj", "nsubjpass", "expl")
                                                     for c in verb.children):
        return None
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].pos_ in ("ADV", "AUX", "PART"):
        i -= 1
    if i < verb.sent.start:
        return None
    before = verb.doc[i]
    if before.pos_ in ("PROPN", "NOUN", "PRON") and before.dep_ == "conj" and before.head.i < before.i:
        return before
    return None


def _possessed(tok: Token) -> Token | None:
    """The noun a possessor was wrongly made the head of: "the group’s Secretary General X" parsed with
    "group" as the head, "’s" its case marker and X an apposition after the marker (the phrase names X)."""
    marker = next((c for c in tok.children if c.dep_ == "case" and c.tag_ == "POS" and c.i > tok.i), None)
    if marker is None:
        return None
    return next((c for c in tok.children if c.dep_ == "appos" and c.i > marker.i), None)


def _interrupted_subject(verb: Token) -> list[Token]:
    """The name just before a comma-enclosed phrase that ends right before a verb ("after Iraq, under the
    leadership of Saddam Hussein, invaded ..."): the subject a parenthetical cut off from its verb."""
    doc = verb.doc
    close = verb.i - 1
    if close <= verb.sent.start or doc[close].text != ",":
        return []
    opening = next((j for j in range(close - 1, verb.sent.start, -1) if doc[j].text == ","), None)
    if opening is None or opening - 1 < verb.sent.start:
        return []
    before = doc[opening - 1]
    return [before] if before.pos_ == "PROPN" else []
