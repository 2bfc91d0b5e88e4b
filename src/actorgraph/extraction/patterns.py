"""The relation cue lexicon (`lang/<code>/roles.yaml`, `relations.yaml`, `certainty.yaml`) and the
matcher that finds its phrases.

The YAML holds every cue word and construction as data; this module reads it into typed
records and builds one spaCy `PhraseMatcher` per vocabulary for the cue phrases ("supreme leader",
"co-founder", "chief of staff", "air strike"), so that a document is scanned once.
A `Proposal` is what a construction proposes before certainty and verification.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from ..errors import ConfigError
from ..lang import DEFAULT, lexicon as language_file, where as file_name
from ..names import fold
from ..ontology import ontology

if TYPE_CHECKING:
    from .reference import References
    from .referents import Referents

VERSION = "1"  # bump when a construction or the lexicon changes what is extracted
NAME = "dep-patterns"


@dataclass(frozen=True)
class RoleCue:
    """A noun of office or a relational noun ("leader", "proxy", "branch")."""

    phrase: str
    predicate: str
    preps: frozenset[str]
    indefinite: str | None = None  # predicate for "a leader of", "one of the leaders"
    definite_of: str | None = None  # predicate for "the commander of"
    reverse: bool = False  # "X, a proxy of Y": Y supports X
    personal: bool = True  # a role a person holds (roles:), not any actor (relational:)


@dataclass(frozen=True)
class VerbFrame:
    """A verb and where its object is ("report" + prep:to, reversed)."""

    name: str
    predicate: str
    lemmas: frozenset[str]
    object: tuple[str, ...]  # "dobj", "dative", "prep:<word>"
    noun: frozenset[str] = frozenset()  # required object noun ("take orders from")
    noun_preps: frozenset[str] = frozenset()  # the noun may also follow these ("supplied X with weapons")
    reverse: bool = False
    object_types: frozenset[str] | None = None
    both_patients: bool = False  # "X was captured alongside Y": both undergo the verb


@dataclass(frozen=True)
class NounFrame:
    """A noun of a two-sided relation ("ties with", "war with", "support for")."""

    predicate: str
    preps: frozenset[str]
    reverse: bool = False


@dataclass(frozen=True)
class Lexicon:
    """Everything the relation files of a language say, ready for lookup."""

    roles: dict[str, RoleCue]
    verbs: tuple[VerbFrame, ...]
    kind_nouns: frozenset[str]
    unit_nouns: frozenset[str]
    people_nouns: frozenset[str]
    place_nouns: frozenset[str]
    collective_nouns: frozenset[str]
    partitives: frozenset[str]
    metonyms: frozenset[str]
    base_nouns: frozenset[str]
    organ_nouns: frozenset[str]
    containers: frozenset[str]
    hyphenated: dict[str, tuple[str, str]]  # participle -> (predicate, "modifier" | "head")
    hyphen_prefixes: dict[str, str]  # "anti" -> opposes: "an anti-Houthi coalition" opposes the Houthis
    under_preps: frozenset[str]
    under_nouns: dict[str, str]
    orders_preps: frozenset[str]
    orders_nouns: frozenset[str]
    relation_nouns: dict[str, NounFrame]
    support_preps: frozenset[str]
    support_nouns: frozenset[str]
    attacks: dict[str, frozenset[str]]
    activities: dict[str, frozenset[str]]
    certainty: dict[str, frozenset[str]]
    capitals: dict[str, str] = field(default_factory=dict)  # folded capital name -> its state's name
    verbs_by_lemma: dict[str, tuple[VerbFrame, ...]] = field(default_factory=dict)
    # the function words of the constructions (`function_words:` of roles.yaml and relations.yaml)
    function_words: dict[str, frozenset[str]] = field(default_factory=dict)

    def frames(self, lemma: str) -> tuple[VerbFrame, ...]:
        return self.verbs_by_lemma.get(lemma, ())


@dataclass
class Proposal:
    """A relation a construction proposes, before its certainty is judged and it is verified."""

    subject: object  # Actor
    predicate: str
    object: object  # Actor
    cue: tuple[int, int]  # token range of the cue words
    anchor: Token  # the word whose clause governs certainty
    construction: str  # e.g. "appositive-role"
    role: str | None = None
    nominal: bool = False  # inside a noun phrase: certainty from its own modifiers only


@dataclass
class Context:
    """What every construction reads for one document."""

    doc: Doc
    refs: "References"
    np: "Referents"
    lex: Lexicon
    cues: list["CueMatch"]


SELF = "self"  # `Ref.via` of an actor reached itself, not through its unit or people (an identifier)
STRICT = frozenset({"leads", "deputy_of", "founded", "commands", "met_with", "member_of", "part_of"})


def through(predicate: str, subject_via: str, object_via: str) -> str | None:
    """The predicate that still holds when an actor was reached through its unit or its people.

    Leading a unit of Y is membership of Y; founding a unit of Y founds nothing of Y;
    attacking Hezbollah targets targets Hezbollah.
    """
    if predicate not in STRICT:
        return predicate
    if subject_via != SELF:
        return None
    if object_via in ("unit", "people"):
        return "member_of" if predicate in ("leads", "deputy_of", "member_of") else (
            predicate if predicate == "part_of" else None)
    return predicate


@dataclass(frozen=True)
class _Rule:
    ending: str
    replacement: str
    not_after: frozenset[str] = frozenset()
    min_stem: int = 0


@lru_cache(maxsize=None)
def _morphology(lang: str = DEFAULT) -> dict[str, tuple[_Rule, ...]]:
    """The plural and singular rules of `lang/<lang>/morphology.yaml`."""
    data, at = language_file(lang, "morphology"), file_name(lang, "morphology")
    out: dict[str, tuple[_Rule, ...]] = {}
    for key in ("plural", "singular"):
        rules = data.get(key)
        if not isinstance(rules, list) or not all(isinstance(r, dict) for r in rules):
            raise ConfigError(f"{at}: key {key!r} must be a list of rules")
        try:
            out[key] = tuple(_Rule(str(r["ending"]), str(r[key]), frozenset(_words(r.get("not_after"), f"{at} {key}")),
                                   int(r.get("min_stem", 0))) for r in rules)
        except KeyError as exc:
            raise ConfigError(f"{at}: a rule of {key!r} has no {exc.args[0]!r}") from exc
    return out


def plural(word: str) -> str:
    """The regular plural of a noun (the first rule of morphology.yaml whose ending fits)."""
    for rule in _morphology()["plural"]:
        if not word.endswith(rule.ending):
            continue
        stem = word[:len(word) - len(rule.ending)]
        if len(stem) < rule.min_stem or rule.not_after and stem[-1:] in rule.not_after:
            continue
        return stem + rule.replacement
    return word


def _words(value, where: str) -> list[str]:
    if value is not None and not isinstance(value, list):
        raise ConfigError(f"{where}: must be a list of words, not {type(value).__name__}")
    out = []
    for w in value or []:
        if isinstance(w, bool):  # YAML 1.1 reads a bare on/off/yes/no as a boolean
            raise ConfigError(f"{where}: the cue {w!r} was read as a boolean; "
                              f"quote words such as \"on\" and \"no\"")
        out.append(str(w).lower())
    return out


def _check_predicate(name: str, where: str) -> str:
    if name not in ontology():
        raise ConfigError(f"{where}: unknown predicate {name!r}; "
                          f"known: {', '.join(sorted(ontology()))}")
    return name


FILES = ("roles", "relations", "certainty")  # the language files the lexicon reads


@lru_cache(maxsize=None)
def lexicon(lang: str = DEFAULT, root: str | None = None) -> Lexicon:
    """The lexicon of a language (read once per process; never changed afterwards).

    `root`: read `<root>/<lang>/*.yaml` instead of the shipped files (see `actorgraph.lang.lexicon`).
    """
    roles_file, relations_file, certainty_file = (language_file(lang, name, root) for name in FILES)
    at = {name: file_name(lang, name, root) for name in FILES}
    data = {**roles_file, **relations_file}
    src = {**{k: at["roles"] for k in roles_file}, **{k: at["relations"] for k in relations_file}}

    def words(section: str, key: str | None = None) -> list[str]:
        value = data.get(section) or {}
        return _words(value.get(key) if key is not None else value,
                      f"{src.get(section, at['relations'])} {section}" + (f".{key}" if key else ""))

    roles: dict[str, RoleCue] = {}
    for section, personal in (("roles", True), ("relational", False)):
        for n, entry in enumerate(data.get(section) or [], 1):
            where = f"{src[section]} {section} #{n}"
            pred = _check_predicate(entry["predicate"], where)
            if "preps" not in entry:
                raise ConfigError(f"{where}: missing key 'preps'")
            for phrase in _words(entry["words"], where):
                key = " ".join(phrase.replace("-", " ").split())
                roles.setdefault(key, RoleCue(
                    phrase=key, predicate=pred, preps=frozenset(_words(entry["preps"], where)),
                    indefinite=entry.get("indefinite"), definite_of=entry.get("definite_of"),
                    reverse=bool(entry.get("reverse", False)), personal=personal))
    verbs = []
    for n, entry in enumerate(data.get("verbs") or [], 1):
        where = f"{src['verbs']} verbs #{n}"
        verbs.append(VerbFrame(
            name=entry["name"], predicate=_check_predicate(entry["predicate"], where),
            lemmas=frozenset(_words(entry["lemmas"], where)), object=tuple(entry.get("object", ["dobj"])),
            noun=frozenset(_words(entry.get("noun"), where)),
            noun_preps=frozenset(_words(entry.get("noun_preps"), where)),
            reverse=bool(entry.get("reverse", False)),
            object_types=frozenset(entry["object_types"]) if entry.get("object_types") else None,
            both_patients=bool(entry.get("both_patients", False))))
    by_lemma: dict[str, list[VerbFrame]] = {}
    for frame in verbs:
        for lemma in frame.lemmas:
            by_lemma.setdefault(lemma, []).append(frame)
    relation_nouns: dict[str, NounFrame] = {}
    for n, entry in enumerate(data.get("relation_nouns") or [], 1):
        where = f"{src['relation_nouns']} relation_nouns #{n}"
        frame = NounFrame(predicate=_check_predicate(entry["predicate"], where),
                          preps=frozenset(_words(entry["preps"], where)), reverse=bool(entry.get("reverse")))
        for w in _words(entry["words"], where):
            relation_nouns.setdefault(w, frame)
    hyphenated = {k.lower(): (_check_predicate(v["predicate"], f"{at['relations']} hyphenated {k}"),
                              v.get("subject", "modifier"))
                  for k, v in (data.get("hyphenated") or {}).items()}
    hyphen_prefixes = {k.lower(): _check_predicate(v, f"{at['relations']} hyphen_prefixes {k}")
                       for k, v in (data.get("hyphen_prefixes") or {}).items()}
    under = data.get("under") or {}
    function_words: dict[str, frozenset[str]] = {}
    for name, file in (("roles", roles_file), ("relations", relations_file)):
        for key, value in (file.get("function_words") or {}).items():
            if key in function_words:
                raise ConfigError(f"{at[name]}: function_words.{key} is also in another file")
            function_words[key] = frozenset(_words(value, f"{at[name]} function_words.{key}"))
    return Lexicon(
        roles=roles, verbs=tuple(verbs),
        kind_nouns=frozenset(words("nouns", "kind")), unit_nouns=frozenset(words("nouns", "unit")),
        people_nouns=frozenset(words("nouns", "people")), place_nouns=frozenset(words("nouns", "place")),
        collective_nouns=frozenset(words("nouns", "collective")),
        partitives=frozenset(words("nouns", "partitive")),
        metonyms=frozenset(words("nouns", "metonym")),
        base_nouns=frozenset(words("nouns", "base")),
        organ_nouns=frozenset(words("nouns", "organs")),
        containers=frozenset(words("nouns", "container")),
        hyphenated=hyphenated, hyphen_prefixes=hyphen_prefixes,
        under_preps=frozenset(words("under", "preps")),
        under_nouns={k.lower(): _check_predicate(v, f"{at['relations']} under.nouns {k}")
                     for k, v in (under.get("nouns") or {}).items()},
        orders_preps=frozenset(words("orders", "preps")), orders_nouns=frozenset(words("orders", "nouns")),
        relation_nouns=relation_nouns,
        support_preps=frozenset(words("with_support", "preps")),
        support_nouns=frozenset(words("with_support", "nouns")),
        attacks={k: frozenset(words("attacks", k)) for k in (data.get("attacks") or {})},
        activities={k: frozenset(words("activities", k)) for k in (data.get("activities") or {})},
        certainty={k: frozenset(_words(v, f"{at['certainty']} {k}")) for k, v in certainty_file.items()},
        capitals={fold(city): state for state, cities in (data.get("capitals") or {}).items() for city in cities},
        verbs_by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        function_words=function_words,
    )


# --- the phrase matcher -------------------------------------------------------------------------

ROLE, ATTACK, PATIENT = "ag_role", "ag_attack_noun", "ag_patient_noun"


HYPHENS = ("-", "‐", "‑")


def prefixed(ctx: "Context", tok: Token) -> bool:
    """A name or demonym behind a prefix of attitude ("anti-American", "pro-Iranian"): not nationality."""
    doc = ctx.doc
    return tok.i >= 2 and doc[tok.i - 1].text in HYPHENS and doc[tok.i - 2].lower_ in ctx.lex.hyphen_prefixes


def _phrase_forms(phrase: str) -> list[list[str]]:
    """The token sequences that write a phrase: words joined by spaces or a hyphen token, the
    last word singular or plural ("secretary general", "Secretary-Generals")."""
    words = phrase.split()
    forms: list[list[str]] = [[words[0]]]
    for w in words[1:]:
        forms = [[*f, *sep, w] for f in forms for sep in ([], *([h] for h in HYPHENS))]
    return [f for form in forms for f in (form, [*form[:-1], plural(form[-1])])]


_MATCHERS: dict[int, PhraseMatcher] = {}


def matcher(vocab: Vocab) -> PhraseMatcher:
    """The cue-phrase matcher for this vocabulary (built once; matches lower-cased tokens)."""
    key = id(vocab)
    if key not in _MATCHERS:
        lex = lexicon()
        m = PhraseMatcher(vocab, attr="LOWER")
        for label, phrases in ((ROLE, lex.roles), (ATTACK, lex.attacks.get("agent_nouns", ())),
                               (PATIENT, lex.attacks.get("patient_nouns", ()))):
            m.add(label, [Doc(vocab, words=f) for p in phrases for f in _phrase_forms(p)])
        _MATCHERS[key] = m
    return _MATCHERS[key]


def _longest(matches) -> list[tuple[int, int, int]]:
    """Per label, the longest of overlapping matches (what `Matcher(greedy="LONGEST")` keeps)."""
    kept: list[tuple[int, int, int]] = []
    taken: dict[int, set[int]] = {}
    for match_id, start, end in sorted(matches, key=lambda m: (m[1] - m[2], m[1])):
        seen = taken.setdefault(match_id, set())
        if not seen.intersection(range(start, end)):
            seen.update(range(start, end))
            kept.append((match_id, start, end))
    return kept


@dataclass(frozen=True)
class CueMatch:
    """A cue phrase found in a document: its label, tokens and syntactic head."""

    label: str
    span: Span
    key: str  # lexicon key
    head: Token


def find_cues(doc: Doc) -> list[CueMatch]:
    """All cue phrases of the lexicon in a document, longest match first at each place."""
    lex = lexicon()
    out: list[CueMatch] = []
    for match_id, start, end in _longest(matcher(doc.vocab)(doc)):
        label = doc.vocab.strings[match_id]
        span = doc[start:end]
        words = [t.lower_ for t in span if t.text not in ("-", "‐", "‑")]
        key = _lookup_key(words, lex, label)
        if key is None:
            continue
        out.append(CueMatch(label=label, span=span, key=key, head=_head(span)))
    out.sort(key=lambda c: (c.span.start, -len(c.span)))
    return out


def _lookup_key(words: list[str], lex: Lexicon, label: str) -> str | None:
    table = lex.roles if label == ROLE else (lex.attacks.get("agent_nouns") if label == ATTACK
                                            else lex.attacks.get("patient_nouns"))
    phrase = " ".join(words)
    if phrase in table:
        return phrase
    for singular in _singulars(words[-1]):
        candidate = " ".join([*words[:-1], singular])
        if candidate in table:
            return candidate
    return None


def _singulars(word: str) -> list[str]:
    """The singulars a plural may stand for (every rule of morphology.yaml whose ending fits)."""
    return [word[:len(word) - len(rule.ending)] + rule.replacement
            for rule in _morphology()["singular"] if word.endswith(rule.ending)]


def _head(span: Span) -> Token:
    """The word of a phrase whose head lies outside it (the last word when the parse disagrees)."""
    outside = [t for t in span if t.head.i < span.start or t.head.i >= span.end or t.head.i == t.i]
    if len(outside) == 1:
        return outside[0]
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN")]
    return nouns[-1] if nouns else span[-1]
