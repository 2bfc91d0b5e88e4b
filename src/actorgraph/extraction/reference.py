"""Within-article reference: which actor a pronoun, a description or a short name stands for.

"He operates under the control of the IRGC" -> Al-Ka'abi; "One of his deputies" -> Soleimani;
"the biggest blow to the Iranian-backed organization" -> Hezbollah; "an Israeli strike" ->
Israel; "Qais and Laith al-Khazali" -> Qais al-Khazali. The rule is a small salience order of
news prose: the subject of a governing clause, then (for possessives) the last mention in the
sentence, then the subjects of the previous sentences, then the last mention of the right
type. It never creates an actor: it only points at the actors the actor stage found.

Public entry point: `resolve(doc, token_or_span, actors)`; `references(doc, actors)` gives the
per-document index that other stages reuse (it is cached on the Doc).
"""
from __future__ import annotations

from bisect import bisect_left
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..errors import ConfigError
from ..lang import DEFAULT, lexicon, mapping, words
from ..model import Actor
from .cues import load_cues
from ..names import fold

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_CACHE_KEY = "actorgraph.references"


@lru_cache(maxsize=None)
def _lexicon(lang: str = DEFAULT) -> dict:
    """The word lists of `lang/<lang>/reference.yaml` and the verbs of `verb_classes.yaml` this module reads."""
    where = f"lang/{lang}/reference.yaml"
    data = lexicon(lang, "reference")
    window = data.get("window", 3)
    if not isinstance(window, int) or isinstance(window, bool) or window < 0:
        raise ConfigError(f"{where}: key 'window' must be a whole number of sentences")
    return {"pronouns": _typed(mapping(data, "pronouns", where), "pronouns", where),
            "possessives": words(data, "possessives", where),
            "person_pronouns": words(data, "person_pronouns", where),
            "descriptions": _typed(mapping(data, "descriptions", where), "descriptions", where),
            "determiners": words(data, "determiners", where),
            "relative_pronouns": words(data, "relative_pronouns", where),
            "relative_possessives": words(data, "relative_possessives", where),
            "personal_relatives": words(data, "personal_relatives", where),
            "untagged_relatives": words(data, "untagged_relatives", where),
            "locative_proforms": words(data, "locative_proforms", where),
            "locative_relatives": words(data, "locative_relatives", where),
            "quantifiers": words(data, "quantifiers", where),
            "genitive": words(lexicon(lang, "prepositions"), "genitive", f"lang/{lang}/prepositions.yaml"),
            "expletive_verbs": words(lexicon(lang, "verb_classes"), "expletive_verbs", f"lang/{lang}/verb_classes.yaml"),
            "window": window}


def _typed(table: dict, key: str, where: str) -> dict[str, tuple[str, ...]]:
    """A word -> actor types table, lower-cased words; a non-list of types names the file and key."""
    out = {}
    for word, types in table.items():
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            raise ConfigError(f"{where}: key {key!r}: {word!r} must map to a list of actor types")
        out[str(word).lower()] = tuple(types)
    return out


def relative_pronouns() -> frozenset[str]:
    """The relative pronouns ("who", "which", "that", ...) of the default language."""
    return _lexicon()["relative_pronouns"]


class References:
    """The actors of one parsed article, addressable by token, with the reference rules."""

    def __init__(self, doc: Doc, actors: list[Actor]):
        self.doc = doc
        self.actors = actors
        self.lex = _lexicon()
        self._at: dict[int, Actor] = {}
        self._mention: dict[int, tuple[int, int]] = {}
        order: list[tuple[int, int, Actor]] = []
        for actor in actors:
            for m in actor.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or len(span) == 0:
                    continue
                for t in span:
                    old = self._mention.get(t.i)
                    if old is None or old[1] - old[0] < len(span):
                        self._at[t.i] = actor
                        self._mention[t.i] = (span.start, span.end)
                order.append((span.start, span.end, actor))
        order.sort(key=lambda o: (o[0], o[1]))
        self._order = order
        self._starts = [o[0] for o in order]
        self._by_name: dict[str, Actor] = {}
        for actor in actors:
            for name in (actor.name, *actor.aliases):
                self._by_name.setdefault(fold(name), actor)
        self._words: dict[str, set[str]] = {}  # a word of a person's name -> actor ids
        for actor in actors:
            if actor.type == "person":
                for name in (actor.name, *actor.aliases):
                    for word in fold(name).split():
                        if len(word) > 2:
                            self._words.setdefault(word, set()).add(actor.id)
        self._by_id = {a.id: a for a in actors}
        self._memo: dict[int, Actor | None] = {}
        self._warmed = 0  # pronouns before this token have been resolved, in order

    # --- literal mentions ---------------------------------------------------------------------
    def at(self, tok: Token) -> Actor | None:
        """The actor a token is part of a mention of."""
        return self._at.get(tok.i)

    def mention(self, tok: Token) -> tuple[int, int] | None:
        """The token range of the mention a token is part of."""
        return self._mention.get(tok.i)

    def named(self, name: str) -> Actor | None:
        """The article's actor with this name or alias."""
        return self._by_name.get(fold(name))

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Actor]]:
        """The mentions (token ranges) inside tokens start..end."""
        k = bisect_left(self._starts, start)
        out = []
        while k < len(self._order) and self._order[k][0] < end:
            if self._order[k][1] <= end:
                out.append(self._order[k])
            k += 1
        return out

    # --- the rule -------------------------------------------------------------------------------
    def resolve(self, tok: Token) -> Actor | None:
        """The actor a word stands for: its mention, or what a pronoun, relative, description, demonym or short name refers to."""
        actor = self.at(tok)
        if actor is not None:
            return actor
        if tok.i in self._memo:
            return self._memo[tok.i]
        self._memo[tok.i] = None  # guards against cycles
        found = self._resolve(tok)
        self._memo[tok.i] = found
        return found

    def _resolve(self, tok: Token) -> Actor | None:
        low = tok.lower_
        if low in self.lex["relative_pronouns"] and tok.tag_ in ("WP", "WDT", "WP$") \
                or low in self.lex["untagged_relatives"] and tok.dep_ in SUBJECTS + ("dobj",):
            clause = tok.head
            if low in self.lex["relative_possessives"] and clause.pos_ in ("NOUN", "PROPN") and clause.dep_ not in ("relcl", "acl"):
                clause = clause.head  # "Berri, whose Amal movement is ...": the owner stands before the clause
            while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i and clause.pos_ in ("VERB", "AUX", "ADP"):
                clause = clause.head
            if clause.dep_ in ("relcl", "acl"):
                actor = self.noun_actor(clause.head)
                if actor is not None and actor.type != "person" and low in self.lex["personal_relatives"]:
                    return self._person_above(clause.head)
                return actor
            return None
        if low in self.lex["locative_proforms"] and tok.dep_ == "advmod":  # "bomb attacks there"
            return self.last_before(tok.i, ("location", "country"), after=_sentence_start(tok, back=1))
        if low in self.lex["pronouns"]:
            if low == "it" and self._expletive(tok):
                return None
            return self.pronoun(tok)
        if tok.pos_ in ("NOUN",) and tok.lemma_.lower() in self.lex["descriptions"]:
            return self.description(tok)
        if tok.pos_ in ("ADJ", "PROPN", "NOUN") or tok.ent_type_ == "NORP":
            actor = self.demonym(tok)
            if actor is not None:
                return actor
        if tok.pos_ == "PROPN":
            return self.short_name(tok)
        return None

    def _person_above(self, noun: Token) -> Actor | None:
        """The person a phrase ending in a non-person hangs from ("Darwish, head of the council, who ...")."""
        node = noun
        for _ in range(4):
            if node.head.i == node.i or node.head.pos_ in ("VERB", "AUX"):
                return None
            node = node.head
            actor = self.at(node)
            if actor is not None and actor.type == "person":
                return actor
        return None

    def noun_actor(self, tok: Token) -> Actor | None:
        """The actor a noun phrase headed by `tok` names, by its own words or an apposition."""
        actor = self.resolve(tok)
        if actor is not None:
            return actor
        for child in tok.children:
            if child.dep_ == "appos":
                actor = self.resolve(child)
                if actor is not None:
                    return actor
        if tok.dep_ == "appos":
            return self.at(tok.head)
        return None

    def demonym(self, tok: Token) -> Actor | None:
        """The article's country actor a demonym names ("Israeli" -> Israel)."""
        return self.demonym_of(tok.text)

    def demonym_of(self, text: str) -> Actor | None:
        """The article's country actor a demonym word names."""
        word = fold(text)
        demonyms = load_cues().demonyms
        country = demonyms.get(word) or (demonyms.get(word[:-1]) if word.endswith("s") else None)
        return self.named(country) if country else None

    def short_name(self, tok: Token) -> Actor | None:
        """A lone word of exactly one person's name ("Qais" -> Qais al-Khazali)."""
        ids = self._words.get(fold(tok.text))
        if ids and len(ids) == 1 and tok.text[:1].isupper():
            return self._by_id[next(iter(ids))]
        return None

    def pronoun(self, tok: Token) -> Actor | None:
        """A personal pronoun's antecedent by salience."""
        types = self.lex["pronouns"][tok.lower_]
        if self._warmed < tok.i:  # earlier pronouns first, so that chains resolve in text order
            start, self._warmed = self._warmed, tok.i
            for j in range(start, tok.i):
                if self.doc[j].lower_ in self.lex["pronouns"]:
                    self.resolve(self.doc[j])
        # 1. the subject of a clause that governs this one ("Israel says it has killed ...")
        node = tok
        while node.head.i != node.i:
            node = node.head
            if node.pos_ in ("VERB", "AUX"):
                subjects = [s for s in node.children if s.dep_ in SUBJECTS]
                if len(subjects) > 1 and any(s.pos_ == "NOUN" for s in subjects):
                    continue  # "The TV station al-Mayadeen reported ...": a name of a thing, not a person
                for s in subjects:
                    if s.i < tok.i and not _contains(s, tok):
                        cand = self.noun_actor(s)
                        if cand is not None and cand.type in types:
                            return cand
                        inner = self._only_inside(s, types) if cand is None and s.pos_ == "NOUN" else None
                        if inner is not None:
                            # "A statement detailing sanctions against X said he ...", "A lawyer for X said
                            # he ...": the one fitting actor the unnamed subject is about, before earlier subjects
                            return inner
                        if cand is None and s.pos_ == "NOUN" and tok.lower_ in self.lex["possessives"] \
                                and "person" not in types:
                            return None  # "the Trump administration ramped up its campaign": its own subject, unnamed
        sent = tok.sent
        # 2. a possessive takes the last fitting mention before it ("Iran and its proxies")
        if tok.lower_ in self.lex["possessives"]:
            cand = self.last_before(tok.i, types, after=sent.start)
            if cand is not None:
                return cand
        # 3. the subjects of the previous sentences, nearest first
        for _ in range(self.lex["window"]):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
            for s in _root_subjects(sent):
                cand = self.noun_actor(s)
                if cand is not None and cand.type in types:
                    return cand
        # 4. the last mention of the right type, in this or the previous sentence
        return self.last_before(tok.i, types, after=_sentence_start(tok, back=1))

    def _only_inside(self, phrase: Token, types: tuple[str, ...]) -> Actor | None:
        """The one actor of these types a noun phrase names inside it (none if two or more)."""
        found = {a.id: a for _, _, a in self.mentions_in(phrase.left_edge.i, phrase.right_edge.i + 1)
                 if a.type in types}
        return next(iter(found.values())) if len(found) == 1 else None

    def description(self, tok: Token) -> Actor | None:
        """What "the group", "that militia", "the country" stands for: the last such actor that is not a clause-mate."""
        dets = [c for c in tok.children if c.dep_ in ("det", "poss")]
        if not dets or dets[0].lower_ not in self.lex["determiners"] or tok.tag_ in ("NNS", "NNPS"):
            return None
        types = self.lex["descriptions"][tok.lemma_.lower()]
        for c in tok.children:  # a restrictive modifier makes a new description, not a reference
            # (also a name: "the Trump administration" is not the last organization named)
            named = self.at(c) if c.dep_ in ("appos", "compound") else None
            if named is not None and (named.type in types or c.dep_ == "compound") \
                    or c.dep_ in ("relcl", "acl") or c.dep_ == "prep" and not _gerund_object(c) \
                    or c.tag_ in ("JJS", "RBS") or c.dep_ == "amod" and any(g.tag_ == "RBS" for g in c.children):
                return None
        if tok.dep_ == "pobj" and tok.head.lower_ in self.lex["genitive"] and tok.head.head.lower_ in self.lex["quantifiers"]:
            return None
        taken = {a.id for s in _clause_mates(tok) for a in (self.noun_actor(s),) if a is not None}
        after = _sentence_start(tok, back=2)
        skip = (tok.left_edge.i, tok.right_edge.i + 1)
        # the most talked-about actor of the type among those of the last sentences ("the group")
        counts: dict[str, int] = {}
        last: dict[str, int] = {}
        k = bisect_left(self._starts, tok.i)
        for start, end, actor in self._order[:k]:
            if actor.type in types and end <= tok.i:
                counts[actor.id] = counts.get(actor.id, 0) + 1
                last[actor.id] = start
        near = [a for a, at in last.items() if at >= after and a not in taken and not skip[0] <= at < skip[1]]
        if not near:
            return None
        best = max(near, key=lambda a: (counts[a], last[a]))
        return self._by_id[best]

    def last_before(self, i: int, types: tuple[str, ...], *, not_in: set[str] = frozenset(),
                    after: int = 0, skip: tuple[int, int] | None = None) -> Actor | None:
        """The last actor of these types mentioned before token i (and not before token `after`)."""
        best: tuple[int, Actor] | None = None
        k = bisect_left(self._starts, i) - 1
        while k >= 0 and self._order[k][0] >= after:
            start, end, actor = self._order[k]
            inside = skip is not None and skip[0] <= start < skip[1]
            if end <= i and not inside and actor.type in types and actor.id not in not_in:
                if best is None or end > best[0]:
                    best = (end, actor)
            k -= 1
        # resolved pronouns count as mentions too ("He ... He ..."), when nearer
        for j in range(i - 1, max(after, 0) - 1, -1):
            if best is not None and j < best[0]:
                break
            t = self.doc[j]
            if t.lower_ in self.lex["pronouns"] and j in self._memo and self._memo[j] is not None:
                actor = self._memo[j]
                if actor.type in types and actor.id not in not_in:
                    return actor
        return best[1] if best else None

    def _expletive(self, tok: Token) -> bool:
        """"It was no coincidence that ...", "It's unclear when ...": an 'it' that names nothing."""
        head = tok.head
        if tok.dep_ not in ("nsubj", "nsubjpass") or head.lemma_ not in self.lex["expletive_verbs"]:
            return False
        kids = {c.dep_ for c in head.children}
        return bool(kids & {"ccomp", "xcomp", "advcl", "csubj"}) or any(
            c.dep_ in ("attr", "acomp") and any(g.dep_ in ("ccomp", "xcomp", "relcl", "acl") for g in c.children)
            for c in head.children)


def references(doc: Doc, actors: list[Actor]) -> References:
    """The reference index of a document for these actors (built once per document and actor list)."""
    key = tuple(a.id for a in actors)
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is not None and cached[0] == key and cached[1].actors is actors:
        return cached[1]
    index = References(doc, actors)
    doc.user_data[_CACHE_KEY] = (key, index)
    return index


def resolve(doc: Doc, item: Token | Span, actors: list[Actor]) -> Actor | None:
    """The actor a word or phrase refers to in this article, or None."""
    index = references(doc, actors)
    tok = item.root if isinstance(item, Span) else item
    return index.noun_actor(tok)


def _gerund_object(prep: Token) -> bool:
    """A preposition whose object is a gerund clause ("accused the militia of smuggling"): a phrase the
    parser hung on the noun that belongs to the verb, not a restrictive modifier of the noun."""
    return any(c.dep_ == "pcomp" and c.tag_ == "VBG" for c in prep.children)


def _contains(phrase: Token, tok: Token) -> bool:
    return phrase.left_edge.i <= tok.i <= phrase.right_edge.i


def _sentence_start(tok: Token, back: int = 0) -> int:
    sent = tok.sent
    for _ in range(back):
        if sent.start == 0:
            break
        sent = tok.doc[sent.start - 1].sent
    return sent.start


def _root_subjects(sent: Span) -> list[Token]:
    root = sent.root
    out = [c for c in root.children if c.dep_ in SUBJECTS]
    if not out:  # "Take the case of X": a clause-initial verb conjoined to the root
        for conj in root.children:
            if conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX"):
                out += [c for c in conj.children if c.dep_ in SUBJECTS]
    return out


def _clause_mates(tok: Token) -> list[Token]:
    """The other arguments of the verb a noun depends on, and the subjects of the verbs whose reported or
    complement clause holds it when it is an argument there (a description does not point at them: "the
    ministry said the militia is backed by X" is not the ministry backed; binding theory's Principle C
    keeps a full noun phrase from meaning a noun phrase that commands it)."""
    head = tok.head
    while head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    mates = [c for c in head.children if c.i != tok.i and c.dep_ in (*SUBJECTS, "dobj", "nsubjpass")]
    if tok.dep_ == "poss":  # "Hamas said X, the group's chief, was killed": news writes a possessor so
        return mates
    clause = head
    for _ in range(6):
        while clause.dep_ not in ("ccomp", "xcomp") and clause.head.i != clause.i and clause.pos_ not in ("VERB", "AUX"):
            clause = clause.head
        if clause.dep_ not in ("ccomp", "xcomp", "conj") or clause.head.i == clause.i:
            break
        reported = clause.dep_ != "conj"  # a clause coordinated with another shares its governor, not its subject
        clause = clause.head
        if reported:
            mates += [c for c in clause.children if c.dep_ in SUBJECTS and c.i < tok.i]
    return mates
