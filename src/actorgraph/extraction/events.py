"""Events: what happened to whom, when and where — attacks, captures, killings, plots, meetings,
designations, deployments — each with its participants' roles and its sentence.

Triggers (verbs and nouns) are declared per type in `lang/en/events.yaml`, with the attributes
that steer each type's roles. Participants come from
the dependency parse: a verb's subject, object and by-phrase; a noun's possessor, modifiers
and "of"/"on"/"against" phrases; "alongside" and coordination add co-participants. When a
trigger names no agent, the agent is looked for through the words that govern it ("X carried
out / masterminded / was responsible for / had a role in the attack"). A killing "in an
Israeli strike" takes the strike's agent; an infinitive under "plotted to" or "threatened to"
is an intention, not an event.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..errors import ConfigError
from ..lang import lexicon as language_file, mapping, strings, words
from ..model import Actor, Article, Event, Evidence, Participant
from .arguments import Arguments, arguments
from .referents import COLONS
from .doctext import span_text
from .timex import ATTACH as _DATE_ATTACH, DateMention, date_of, dates_in, tells_time

EXTRACTOR = "events@1"
PLACES = ("location", "country")
# The roles of a participant (the model's scheme, not words of a language).
AGENT = "agent"
TARGET = "target"
OTHER = "other"


@dataclass(frozen=True)
class EventType:
    """An event type of `lang/<code>/events.yaml` and the attributes that steer its roles (see that file)."""

    name: str
    plover: str | None
    passive_subject: str
    object: str
    of_phrase: str
    modifier: str
    person_modifier: str | None
    preposition_roles: dict[str, str]
    place_targets: bool
    never_target: frozenset[str]
    place_is_target: bool
    targets_as: str | None
    occasion: bool
    individual: bool
    open_targets: bool
    means: frozenset[str]
    intention: bool
    place_becomes: str | None  # the type a trigger of `place_triggers` becomes when its targets are places
    place_triggers: frozenset[str]
    release_dated: bool = False
    victims_at_place: bool = False
    never_agent: frozenset[str] = frozenset()


@dataclass(frozen=True)
class EventLexicon:
    """The event types and cue words of `lang/<code>/events.yaml`, with the number and clause words
    of `numbers.yaml` and `clauses.yaml` that the rules read."""

    types: dict[str, EventType]
    verbs: dict[str, tuple[tuple[str, str | None], ...]]  # lemma -> its senses: (type, required second word)
    nouns: dict[str, str]  # lemma -> type
    plover: dict[str, str | None]
    requires: dict[str, dict[str, frozenset[str]]]
    agentless: frozenset[str]
    roles: dict[str, frozenset[str]]  # preposition class -> prepositions
    agency_verbs: frozenset[str]
    agency_nouns: frozenset[str]
    agency_adjectives: frozenset[str]
    bridges: frozenset[str]
    agency_preps: frozenset[str]
    light_verbs: frozenset[str]
    accusation: frozenset[str]
    intended_by: dict[str, str]  # governor lemma -> the intention type it makes
    no_intention: frozenset[str]
    ranking: frozenset[str]
    command_preps: frozenset[str]
    command_nouns: frozenset[str]
    counts: dict[str, int]
    quantities: frozenset[str]
    partitives: frozenset[str]
    infinitive: frozenset[str]
    perfect: frozenset[str]
    relative_things: frozenset[str]
    simultaneity: frozenset[str]
    relative_persons: frozenset[str]
    locative: frozenset[str]
    genitive: frozenset[str]
    onset_verbs: frozenset[str] = frozenset()  # "fighting broke out between X and Y"


# The preposition classes whose actors a type's `preposition_roles` place, in the order they are tried.
_PREPOSITION_CLASSES = ("agent", "with", "target", "reference", "between", "destination")
_LANG = "en"


def _event_type(name: str, spec: object, defaults: dict, where: str) -> EventType:
    if not isinstance(spec, dict):
        raise ConfigError(f"{where}: key 'types.{name}' must be a mapping")
    unknown = set(spec) - set(defaults)
    if unknown:
        raise ConfigError(f"{where}: key 'types.{name}' has unknown attributes {sorted(unknown)}")
    v = {**defaults, **spec}
    roles = v["preposition_roles"] or {}
    if not isinstance(roles, dict) or set(roles) - set(_PREPOSITION_CLASSES):
        raise ConfigError(f"{where}: key 'types.{name}.preposition_roles' must map some of "
                          f"{list(_PREPOSITION_CLASSES)} to roles")
    on_place = v["on_place_target"] or {}
    if not isinstance(on_place, dict):
        raise ConfigError(f"{where}: key 'types.{name}.on_place_target' must be a mapping")
    return EventType(
        name=name, plover=v.get("plover"), passive_subject=v["passive_subject"], object=v["object"],
        of_phrase=v["of_phrase"], modifier=v["modifier"], person_modifier=v["person_modifier"],
        preposition_roles=dict(roles), place_targets=bool(v["place_targets"]),
        never_target=frozenset(v["never_target"] or ()), place_is_target=bool(v["place_is_target"]),
        targets_as=v["targets_as"], occasion=bool(v["occasion"]), individual=bool(v["individual"]),
        open_targets=bool(v["open_targets"]), means=frozenset(v["means"] or ()), intention=bool(v["intention"]),
        place_becomes=on_place.get("becomes"), place_triggers=frozenset(on_place.get("triggers", ())),
        release_dated=bool(v.get("release_dated")), victims_at_place=bool(v.get("victims_at_place")),
        never_agent=frozenset(v.get("never_agent") or ()))


def build_lexicon(data: dict, lang: str = _LANG, where: str | None = None) -> EventLexicon:
    """An event lexicon from the mapping of an events file (and the language's numbers and clauses files)."""
    where = where or f"lang/{lang}/events.yaml"
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: must be a mapping")
    numbers, clauses = language_file(lang, "numbers"), language_file(lang, "clauses")
    nwhere, cwhere = f"lang/{lang}/numbers.yaml", f"lang/{lang}/clauses.yaml"
    defaults = mapping(data, "type_defaults", where)
    types = {name: _event_type(name, spec, defaults, where) for name, spec in mapping(data, "types", where).items()}
    for t in types.values():
        for other in (*t.means, *([t.place_becomes] if t.place_becomes else [])):
            if other not in types:
                raise ConfigError(f"{where}: key 'types.{t.name}' names an unknown event type {other!r}")
    verbs: dict[str, tuple[tuple[str, str | None], ...]] = {}
    nouns: dict[str, str] = {}
    intended_by: dict[str, str] = {}
    for name, spec in data["types"].items():
        spec = {**defaults, **spec}
        for v in spec.get("verbs") or ():
            head, _, second = v.partition(" ")
            # a sense with a second word goes first: "shot dead" is a killing, "shot at" an attack
            senses = (*verbs.get(head, ()), (name, second or None))
            verbs[head] = tuple(sorted(senses, key=lambda sense: sense[1] is None))
        for n in spec.get("nouns") or ():
            nouns[n] = name
        for w in spec.get("intended_by") or () if types[name].intention else ():
            intended_by[w] = name
    fs = frozenset
    agency, command, preps = mapping(data, "agency", where), mapping(data, "command", where), mapping(data, "prepositions", where)
    return EventLexicon(
        types=types, verbs=verbs, nouns=nouns, plover={k: t.plover for k, t in types.items()},
        requires={k: {kk: fs(vv) for kk, vv in v.items()} for k, v in mapping(data, "requires", where).items()},
        agentless=fs(strings(data, "agentless", where)),
        roles={k: fs(strings(preps, k, f"{where} prepositions")) for k in preps},
        agency_verbs=fs(agency["verbs"]), agency_nouns=fs(agency["nouns"]),
        agency_adjectives=fs(agency["adjectives"]), bridges=fs(agency["bridges"]),
        agency_preps=fs(agency.get("prepositions", ())), light_verbs=fs(agency.get("light_verbs", ())),
        accusation=fs(strings(data, "accusation", where)), intended_by=intended_by,
        no_intention=fs(strings(data, "no_intention", where)), ranking=words(data, "ranking_words", where),
        command_preps=fs(strings(command, "prepositions", f"{where} command")),
        command_nouns=fs(strings(command, "nouns", f"{where} command")),
        counts={str(k).lower(): int(v) for k, v in mapping(numbers, "cardinals", nwhere).items()},
        quantities=fs(strings(numbers, "quantity_nouns", nwhere)), partitives=words(numbers, "partitives", nwhere),
        infinitive=words(clauses, "infinitive_markers", cwhere), perfect=fs(strings(clauses, "perfect_auxiliaries", cwhere)),
        relative_things=words(clauses, "relative_things", cwhere),
        simultaneity=words(clauses, "simultaneity", cwhere),
        relative_persons=words(clauses, "relative_persons", cwhere),
        locative=words(clauses, "locative_proforms", cwhere), genitive=words(clauses, "genitive", cwhere),
        onset_verbs=fs(strings(data, "onset_verbs", where)) if "onset_verbs" in data else frozenset(),
    )


@lru_cache(maxsize=None)
def lexicon(lang: str = _LANG) -> EventLexicon:
    """The shipped event lexicon of a language (`lang/<code>/events.yaml`), read once."""
    return build_lexicon(language_file(lang, "events"), lang)


@dataclass
class _Found:
    """An event while it is being assembled from one trigger."""

    type: str
    trigger: Token
    roles: dict[str, str] = field(default_factory=dict)  # actor id -> role
    place: str | None = None
    certainty: str = "asserted"
    absorbed: bool = False  # folded into another event (the strike a killing happened in)

    def add(self, actors: list[Actor], role: str) -> None:
        for a in actors:
            if a.id not in self.roles or self.roles[a.id] == OTHER:
                self.roles[a.id] = role


def find_events(doc: Doc, article: Article, actors: list[Actor], args: Arguments | None = None,
                lex: EventLexicon | None = None) -> list[Event]:
    """The events of a parsed article, one per trigger, merged when they restate each other
    (with the shipped lexicon unless another is given)."""
    args = args or arguments(doc, actors)
    lex = lex or lexicon()
    events: list[Event] = []
    for sent in doc.sents:
        found = [f for tok in sent if (f := _trigger(tok, lex)) is not None]
        if not found:
            continue
        by_token = {f.trigger.i: f for f in found}
        for f in found:
            _participants(f, args, lex, by_token)
        for f in found:
            _light_object(f, by_token)
        dates = dates_in(sent, article.published)
        for f in found:
            if f.absorbed or not f.roles:
                continue
            seconds, theirs = _coordinated(f, sent, dates, args)
            own = [d for d in dates if d not in theirs]
            events.append(_event(f, sent, article, own, args, _release_date(f, sent, dates, article, lex)))
            events += [_event(f2, sent, article, [d], args) for f2, d in seconds]
    return _merge(events)


def parties(tok: Token, args: Arguments, lex: EventLexicon | None = None) -> tuple[dict[str, str], str | None]:
    """The roles (actor id -> role) and place of the event a trigger word tells on its own ("the bombing
    of X's headquarters" -> X target), empty when the word is no trigger; for figures that count what
    an event left ("... left 40 dead")."""
    lex = lex or lexicon()
    f = _trigger(tok, lex)
    if f is None:
        return {}, None
    _participants(f, args, lex, {tok.i: f})
    return ({} if f.absorbed else dict(f.roles)), f.place


def _light_object(f: _Found, by_token: dict[int, _Found]) -> None:
    """A verb trigger whose object is a trigger of its own type tells one act ("X held talks with Y",
    "X carried out a raid on Y"): the object's parties join the verb's, and the object is no second event."""
    if f.trigger.pos_ != "VERB" or f.absorbed:
        return
    for c in f.trigger.children:
        noun = by_token.get(c.i) if c.dep_ == "dobj" else None
        if noun is not None and noun.type == f.type and not noun.absorbed:
            for aid, role in noun.roles.items():
                if aid not in f.roles:
                    f.roles[aid] = role
            f.place = f.place or noun.place
            noun.absorbed = True


def _release_date(f: _Found, sent: Span, dates: list[DateMention], article: Article,
                  lex: EventLexicon) -> str | None:
    """The article's date for an act the release itself announces ("Treasury designated X", "X is being
    designated") or an act of any type told in the present perfect or progressive ("has seized"): told
    by a main-clause verb that is neither future (a modal) nor pluperfect nor in a relative or
    participial clause, in a sentence that gives no date; `release_dated` types in any past tense."""
    t = f.trigger
    if not article.published or t.pos_ != "VERB":
        return None
    if dates or any(e.label_ == "DATE" and tells_time(e) for e in sent.ents):
        return None
    if t.dep_ in ("relcl", "acl", "amod", "advcl", "xcomp", "ccomp", "pcomp"):
        return None
    auxiliaries = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    for c in auxiliaries:
        if c.tag_ == "MD" or c.lemma_.lower() in lex.perfect and c.tag_ == "VBD":
            return None
    if not lex.types[f.type].release_dated and not _current(t, auxiliaries):
        return None
    return str(article.published)[:10]


_PRESENT = ("VBZ", "VBP")  # Penn tags of the present tense


def _current(verb: Token, auxiliaries: list[Token]) -> bool:
    """Whether a verb tells an act of the present: a present perfect or a present progressive ("the
    militia has seized the town", "Israel is striking Rafah"), which news dates to its own day."""
    return bool(auxiliaries) and auxiliaries[0].tag_ in _PRESENT


def _coordinated(f: _Found, sent: Span, dates: list[DateMention], args: Arguments) -> tuple[list[tuple[_Found, DateMention]], list[DateMention]]:
    """A second act told by a phrase coordinated with the trigger's own, with a date of its own: "X was
    designated by A on June 3, 2016, and by B on May 9, 2012" is two designations; "attacked A on
    May 3, 2006, and B on June 5, 2007" two attacks. The dates the trigger takes after the
    coordinated phrase belong to the second act; its participants are the first's with the actors
    of the phrase the coordinated one parallels (the same preposition, or the object) replaced by
    the coordinated phrase's own. Returns the second acts and the dates that are theirs."""
    t = f.trigger
    conjs = [c for c in t.children if c.dep_ == "conj" and c.pos_ not in ("VERB", "AUX") and c.i > t.i]
    if not conjs or len(dates) < 2:
        return [], []
    by_child: list[tuple[int, DateMention]] = []
    for d in dates:
        node = d.span.root
        for _ in range(8):
            if node.head.i == t.i or node.head.i == node.i:
                break
            node = node.head
        if node.head.i == t.i and node.i != t.i and (node.dep_ in _DATE_ATTACH or node.dep_ == "conj") and d.value.iso:
            by_child.append((node.i, d))
    out, theirs = [], []
    for n, c in enumerate(conjs):
        end = conjs[n + 1].i if n + 1 < len(conjs) else sent.end
        before = {d.value.iso for i, d in by_child if i < conjs[0].i}
        mine = [d for i, d in by_child if c.i <= i < end]
        if len(before) != 1 or len({d.value.iso for d in mine}) != 1 or mine[0].value.iso in before:
            continue
        if c.pos_ == "ADP":
            peers = [x for x in t.children if x.i < c.i and x.lower_ == c.lower_]
            heads, new = [p for x in peers for p in x.children if p.dep_ == "pobj"], [p for p in c.children if p.dep_ == "pobj"]
        else:
            heads, new = [x for x in t.children if x.i < c.i and x.dep_ == "dobj"], [c]
        if not heads:
            continue
        old = {a.id for h in heads for a in args.refers_to(h)}
        role = next((f.roles[a] for a in old if a in f.roles), None)
        actors = [a for h in new for a in args.refers_to(h)]
        rest = {aid: r for aid, r in f.roles.items() if aid not in old}
        if role is None and not old and f.roles:
            # "designated as an SDGT in 2019 and as a member of X in 2021": the phrases say what, not
            # whom; the second act has the same parties
            out.append((_Found(f.type, t, dict(f.roles), f.place, f.certainty), mine[0]))
            theirs += mine
            continue
        if role is None or not (actors or rest):
            continue
        second = _Found(f.type, t, rest, f.place, f.certainty)
        second.add(actors, role)  # (an unrecognised name leaves the second act without that party)
        out.append((second, mine[0]))
        theirs += mine
    return out, theirs


def _trigger(tok: Token, lex: EventLexicon) -> _Found | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in lex.verbs:
        dependents = {w for c in tok.children for w in (c.lemma_.lower(), c.lower_)}  # "held talks": talk, talks
        kind = next((k for k, second in lex.verbs[lemma] if second is None or second in dependents), None)
        if kind is None:
            return None
    elif tok.pos_ in ("NOUN", "PROPN") and (lemma in lex.nouns or tok.lower_ in lex.nouns):
        kind = lex.nouns.get(lemma) or lex.nouns[tok.lower_]
        if tok.ent_type_ in ("ORG", "PERSON", "GPE", "FAC", "WORK_OF_ART", "LAW", "EVENT"):
            return None  # part of a name ("Operation Desert Storm", "Strike Force")
    else:
        return None
    words = lex.requires.get(lemma, {}).get("words")
    if words and not any(t.lemma_.lower() in words or t.lower_ in words for t in _own_phrase(tok)):
        return None
    return _Found(kind, tok)


_OTHER_CLAUSES = frozenset({"ccomp", "advcl", "parataxis", "conj", "relcl", "cc", "punct"})


def _own_phrase(tok: Token) -> Iterator[Token]:
    """The words of a trigger's own phrase, not of the clauses hung on it: in "sent Bush his congratulations,
    saying: 'a unifying force'" the force is not what was sent."""
    for child in tok.children:
        if child.dep_ not in _OTHER_CLAUSES:
            yield from child.subtree


def _participants(f: _Found, args: Arguments, lex: EventLexicon, by_token: dict[int, _Found]) -> None:
    """Fill an event's roles, place and certainty from the parse around its trigger."""
    t = f.trigger
    if t.pos_ == "VERB":
        if not _realis(f, args, lex, by_token):
            f.absorbed = True
            return
        _verb_roles(f, args, lex)
    else:
        if t.dep_ == "dobj" and _modal(t.head, lex):
            f.absorbed = True  # "would impose sanctions", "will carry out attacks": no act yet
            return
        _noun_roles(f, args, lex)
    _means(f, args, lex, by_token)
    _agency(f, args, lex)
    targets = [a for a, r in f.roles.items() if r == TARGET]
    kind = lex.types[f.type]
    if kind.place_becomes and targets and all(_type(args, a) in PLACES for a in targets):
        if t.lemma_.lower() in kind.place_triggers:
            f.type = kind.place_becomes  # "the capture of Aleppo" is an assault on a place
    kind = lex.types[f.type]
    for aid, role in list(f.roles.items()):
        if role == AGENT and _type(args, aid) in kind.never_agent:
            del f.roles[aid]  # a dateline is no designator
    if kind.never_target:  # people and groups are killed or captured, not places
        for aid, role in list(f.roles.items()):
            if role == TARGET and _type(args, aid) in kind.never_target:
                del f.roles[aid]
    places = _places(t, args, lex, f)
    if f.place is None and places:
        f.place = places[0]
    if kind.place_is_target and not any(r == TARGET for r in f.roles.values()):
        for place in places or ([f.place] if f.place else []):
            f.roles[place] = TARGET  # an attack located in a place targets that place
    if kind.occasion:
        _occasion(f, args, lex)
    if kind.targets_as:
        for aid, role in list(f.roles.items()):
            if role == TARGET:
                f.roles[aid] = kind.targets_as
    if not f.roles and f.place and kind.victims_at_place and not f.absorbed and _people(t, args):
        f.roles[f.place] = OTHER  # "10,000 people were killed in Geneina": the place is all it names
    actor_req = lex.requires.get(t.lemma_.lower(), {}).get("actor")
    if actor_req and not any(_type(args, a) in actor_req for a, r in f.roles.items() if r != "agent"):
        f.roles.clear()
    f.certainty = max(f.certainty, args.certainty(t, own_verb=t.pos_ == "VERB"), key=_CERTAINTY_RANK.index)


_CERTAINTY_RANK = ["asserted", "reported", "uncertain", "negated"]


def _type(args: Arguments, actor_id: str) -> str | None:
    for a in args.actors:
        if a.id == actor_id:
            return a.type
    return None


def _realis(f: _Found, args: Arguments, lex: EventLexicon, by_token: dict[int, _Found]) -> bool:
    """Whether a verb trigger reports something that happened; an intended killing becomes a plot."""
    t = f.trigger
    infinitive = any(c.dep_ == "aux" and c.lower_ in lex.infinitive for c in t.children)
    modal = [c for c in t.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if modal and not any(c.dep_ == "aux" and c.lemma_ in lex.perfect for c in t.children):
        return False  # "will strike", "could hit"
    if not infinitive:
        return True
    if any(c.dep_ == "aux" and c.lemma_ in lex.perfect for c in t.children):
        return True  # "is believed to have attacked", "is said to have killed": a past act
    if t.dep_ in ("relcl", "acl") and _superlative(t.head, lex):
        return True  # "the highest-ranking commander to be killed since 2008"
    gov = t.head
    for _ in range(3):  # "the plot to assassinate X", "plotted to kill", "threatened to hit"
        lemma = gov.lemma_.lower()
        plot = by_token.get(gov.i)
        if plot is not None and lex.types[plot.type].intention:
            plot.add(_targets(f, args, lex), TARGET)
            return False
        if lemma in lex.intended_by:
            f.type = lex.intended_by[lemma]
            return True
        if lemma in lex.no_intention or gov.head.i == gov.i:
            break
        gov = gov.head
    # "the brains behind the failed plot to assassinate X": the infinitive hangs off the clause
    plots = [p for p in by_token.values() if lex.types[p.type].intention and p.trigger.i < t.i]
    if plots:
        plots[-1].add(_targets(f, args, lex), TARGET)
    return False


def _modal(verb: Token, lex: EventLexicon) -> bool:
    """A verb under a modal and not perfect: "will strike", "could face", but "may have struck" is past."""
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children) \
        and not any(c.dep_ == "aux" and c.lemma_ in lex.perfect for c in verb.children)


def _superlative(noun: Token, lex: EventLexicon) -> bool:
    return any(w.tag_ in ("JJS", "RBS") or w.lower_ in lex.ranking
               for w in noun.subtree if w.i < noun.i)


def _targets(f: _Found, args: Arguments, lex: EventLexicon) -> list[Actor]:
    """The targets of an intended act ("to assassinate X"), for the plot that intends it."""
    inner = _Found(f.type, f.trigger)
    _verb_roles(inner, args, lex)
    return [a for a in args.actors if inner.roles.get(a.id) == TARGET]


def _verb_roles(f: _Found, args: Arguments, lex: EventLexicon) -> None:
    t = f.trigger
    kind = lex.types[f.type]
    passive = _passive(t, lex)
    subjects = args.subjects(t)
    subject_role = kind.passive_subject if passive else AGENT  # "militias deployed to Aleppo": the unit sent
    if t.lemma_.lower() in lex.agentless:
        subject_role = TARGET  # "X died in a strike": whom it happened to
    for s in subjects:
        f.add(_named(s, args, lex) if subject_role == TARGET and kind.individual else args.refers_to(s),
              subject_role)
        if subject_role == AGENT:
            f.add(_commanders(s, args, lex), AGENT)
    if not passive and kind.open_targets:
        f.add(_gap(t, args, lex), TARGET)
    ranges = [c for c in t.children if c.dep_ == "prep" and c.lower_ in lex.roles["range"]]
    if len(ranges) == 2 and kind.open_targets:
        f.add([a for r in ranges for p in r.children if p.dep_ == "pobj" for a in args.refers_to(p)
               if a.type == "person"], TARGET)  # "killed ... from bin Laden to Baghdadi"
    for c in t.children:
        if c.dep_ in ("dobj", "oprd") and not passive:
            f.add(_named(c, args, lex) if kind.individual else args.refers_to(c), kind.object)
        elif c.dep_ == "agent":
            f.add([a for p in c.children if p.dep_ == "pobj" for a in args.refers_to(p)], AGENT)
        elif c.dep_ == "prep" or c.dep_ == "dative" and c.pos_ == "ADP":  # "sent troops to Syria"
            _prep_role(f, c, args, lex)


def _passive(t: Token, lex: EventLexicon) -> bool:
    """A passive verb, also a bare participle: "militias deployed to", "was reported killed"."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
        return True
    if t.tag_ != "VBN" or any(c.dep_ == "aux" and c.lemma_ in lex.perfect for c in t.children):
        return False
    if t.dep_ in ("acl", "amod"):
        return True
    return t.dep_ in ("xcomp", "oprd", "ccomp", "conj") and any(c.dep_ in ("nsubjpass", "auxpass") for c in t.head.children)


def _named(tok: Token, args: Arguments, lex: EventLexicon) -> list[Actor]:
    """The actors a phrase names as individuals: "Hezbollah members" are not Hezbollah; "sanctioned two
    militants. X and Y are ..." names them in the next sentence."""
    lemma = tok.lemma_.lower()
    if args.at(tok) is None and tok.tag_ == "NNS":  # "three financiers: A, B and C"
        listed = [a for h in args.np.enumerated(tok) or _after_colon(tok) for a in (args.at(h),) if a is not None]
        if listed:
            return listed
    if args.at(tok) is not None or lemma not in args.lex["carrier_nouns"] | args.lex["office_nouns"]:
        return args.refers_to(tok)
    named = [a for c in tok.children if c.dep_ == "appos" for a in args.refers_to(c)]
    named += [a for h in args.np.enumerated(tok) for a in (args.at(h),) if a is not None and a not in named]
    if named:
        return named
    count = next((lex.counts.get(c.lower_) or (int(c.text) if c.text.isdigit() else 0)
                  for c in tok.children if c.dep_ == "nummod"), 0)
    sent = tok.sent
    if count >= 2 and sent.end < len(tok.doc):
        following = tok.doc[sent.end].sent
        subjects = [c for c in following.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        people = [a for s in subjects for a in args.refers_to(s)]
        if len(people) == count and all(a.type == "person" for a in people):
            return people
        # "sanctioned three people. The targets included A and B, alongside A's son, C": the next
        # sentence names just as many people, and no one else
        named = {a.id: a for t in following for a in (args.at(t),) if a is not None}
        if len(named) == count and all(a.type == "person" for a in named.values()):
            return list(named.values())
    return []


def _after_colon(tok: Token) -> list[Token]:
    """The names of a list right after a plural noun and its colon, which the parser hung elsewhere
    ("imposing sanctions on three financiers: A, B and C", the list an apposition of the subject)."""
    doc = tok.doc
    k = tok.right_edge.i + 1
    if k + 1 >= len(doc) or doc[k].text not in COLONS or doc[k + 1].pos_ != "PROPN":
        return []
    first = doc[k + 1]
    while first.dep_ in ("compound", "flat") and first.head.i > first.i:
        first = first.head
    return [first, *[c for c in first.conjuncts if c.i > first.i]]


def _commanders(subject: Token, args: Arguments, lex: EventLexicon) -> list[Actor]:
    """Who commands the agent: "forces under X's command", "Iraq, under the leadership of Saddam"."""
    out: list[Actor] = []
    preps = [c for c in subject.children if c.dep_ == "prep" and c.lower_ in lex.command_preps]
    if subject.head.pos_ == "VERB":
        preps += [c for c in subject.head.children if c.dep_ == "prep" and c.lower_ in lex.command_preps]
    for prep in preps:
        for p in prep.children:
            if p.dep_ == "pobj" and p.lemma_.lower() in lex.command_nouns:
                for c in p.children:
                    if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in lex.genitive:
                        target = c if c.dep_ == "poss" else next((q for q in c.children if q.dep_ == "pobj"), None)
                        if target is not None:
                            out += [a for a in args.refers_to(target) if a.type == "person"]
    return out


def _gap(t: Token, args: Arguments, lex: EventLexicon) -> list[Actor]:
    """The object a relative clause leaves out: "the leaders the United States has hunted and killed"."""
    clause = t
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        clause = clause.head
    if clause.dep_ != "relcl" or any(c.dep_ in ("dobj", "nsubjpass") for c in t.children):
        return []
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in lex.relative_things | lex.relative_persons:
        return []
    head = clause.head
    return args.refers_to(head) or args.members(head)


def _occasion(f: _Found, args: Arguments, lex: EventLexicon) -> None:
    """A meeting that is the occasion of a clause ("accompanied X during meetings with Y") joins its actors."""
    t = f.trigger
    if t.pos_ == "VERB" or t.dep_ != "pobj" or t.head.lower_ not in lex.roles["occasion"]:
        return
    verb = t.head.head
    if verb.pos_ != "VERB":
        return
    for s in args.subjects(verb):
        f.add(args.refers_to(s), OTHER)
    for c in verb.children:
        if c.dep_ == "dobj":
            f.add(args.refers_to(c), OTHER)


def _noun_roles(f: _Found, args: Arguments, lex: EventLexicon) -> None:
    t = f.trigger
    kind = lex.types[f.type]
    has_of = any(c.dep_ == "prep" and c.lower_ in lex.genitive for c in t.children)
    if t.dep_ == "dobj" and t.head.lemma_.lower() in lex.agency_verbs:
        # "carried out strikes on Houthi targets": the parser may hang the target on the verb
        for c in t.head.children:
            if c.dep_ == "prep" and c.i > t.i and c.lower_ in lex.roles["target"]:
                _prep_role(f, c, args, lex)
    if t.dep_ == "nsubj" and t.head.lemma_.lower() in lex.onset_verbs:
        # "fighting broke out between X and Y", "clashes erupted on the border with X": the parser hangs
        # the event's parties on the verb of its onset
        for c in t.head.children:
            if c.dep_ == "prep" and c.i > t.i and (c.lower_ in lex.roles["between"] or c.lower_ in lex.roles["target"]):
                _prep_role(f, c, args, lex)
    blamed = t.dep_ == "dobj" and t.head.lemma_.lower() in lex.accusation  # "blamed the attack on X": X is accused
    for c in t.children:
        if blamed and c.dep_ == "prep" and c.lower_ in lex.roles["accused"]:
            continue
        if c.dep_ == "acl" and c.lemma_.lower() in lex.accusation:  # "attempts attributed to X"
            accused = _accused(c, t, args, lex)
            if accused:
                f.add(accused, AGENT)
                f.certainty = "uncertain"
        if c.dep_ == "prep":
            if c.lower_ in lex.genitive:
                f.add([a for p in c.children if p.dep_ == "pobj" for a in args.refers_to(p)], kind.of_phrase)
            else:
                _prep_role(f, c, args, lex)
        elif c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < t.i:
            if c.lemma_.lower() in lex.nouns or c.ent_type_ == "DATE":
                continue
            actors = args.refers_to(c) if c.dep_ == "poss" else [a for a in (args.at(c) or args.demonym(c),) if a]
            if c.dep_ != "poss" and not actors:
                actors = [a for a in (args.carrier(c),) if a] if c.pos_ == "NOUN" else []
            for a in actors:
                if a.type in PLACES and a.type == "location":
                    f.add([a], TARGET)
                elif kind.person_modifier and (a.type == "person" and not has_of or t.lemma_ in lex.agentless):
                    f.add([a], kind.person_modifier)
                else:
                    f.add([a], kind.modifier)


def _prep_role(f: _Found, prep: Token, args: Arguments, lex: EventLexicon) -> None:
    word = prep.lower_
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    if not objs:
        return
    kind = lex.types[f.type]
    named = kind.individual and word in lex.roles["target"]  # "sanctions on three financiers: A, B and C"
    actors = [a for p in objs for a in (_named(p, args, lex) if named else args.refers_to(p)) or _bearer(p, args)]
    cls = next((c for c in _PREPOSITION_CLASSES if word in lex.roles.get(c, ())), None)
    if cls == AGENT:
        f.add(actors, AGENT)
        return
    role = kind.preposition_roles.get(cls) if cls else None
    if role is None:
        return
    if cls == "target":
        f.add([a for a in actors if a.type not in PLACES or kind.place_targets], role)
        if f.place is None:
            f.place = next((a.id for a in actors if a.type in PLACES), None)
    elif cls == "reference":
        f.add([a for a in actors if a.type == "person"], role)
    elif cls == "between":
        # "battles between X and Y", "talks between Iran and Iraq": parties, states among them; a
        # town or region between is where, not who
        f.add([a for a in actors if a.type != "location"], role)
    elif cls == "destination":
        if f.place is None:
            f.place = next((a.id for a in actors if a.type in PLACES), None)
    else:
        f.add(actors, role)


def _people(t: Token, args: Arguments) -> bool:
    """Whether a trigger's subject, object or a prepositional phrase is people ("civilians were killed"), not things."""
    args_of = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
    args_of += [p for c in t.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]  # "between X and Y people"
    return any(w.lemma_.lower() in args.lex["carrier_nouns"] and w.pos_ == "NOUN" for a in args_of for w in a.subtree)


def _bearer(tok: Token, args: Arguments) -> list[Actor]:
    """The person an office noun names: "talks with the speaker Maria Lopez", "with the president of
    Parliament Omar Haddad" (an office is not of a person: the parser took the title's words for its
    "of" phrase)."""
    if tok.lemma_.lower() not in args.lex["office_nouns"]:
        return []
    actor = args.bearer(tok)
    if actor is None:
        actor = next((a for c in tok.children if c.dep_ == "prep" and c.lower_ in args.lex["genitive"]
                      for p in c.children if p.dep_ == "pobj" for a in (args.at(p),)
                      if a is not None and a.type == "person"), None)
    return [actor] if actor is not None else []


def _means(f: _Found, args: Arguments, lex: EventLexicon, by_token: dict[int, _Found]) -> None:
    """A killing or capture "in an Israeli strike", a strike that killed, or one "when X attacked Y": the
    attack's agent is the killer's."""
    means = lex.types[f.type].means
    if not means:
        return
    t = f.trigger
    linked: list[_Found] = []
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in lex.roles["means"]:
            linked += [by_token[p.i] for p in c.children if p.dep_ == "pobj" and p.i in by_token]
        if c.dep_ == "agent":
            linked += [by_token[p.i] for p in c.children if p.dep_ == "pobj" and p.i in by_token]
        if c.dep_ == "advcl" and c.i in by_token and simultaneous(c, lex):
            linked.append(by_token[c.i])  # "100 people were killed when X attacked Y"
    for s in args.subjects(t) if t.pos_ == "VERB" else ():
        if s.lower_ in lex.relative_things:  # "an Israeli strike in Beirut on Tuesday that killed X"
            before = [by_token[i] for i in range(s.i - 1, max(s.sent.start, s.i - 12) - 1, -1)
                      if i in by_token and by_token[i].type in means]
            verbs = [w for w in s.doc[before[0].trigger.i + 1:s.i] if w.pos_ == "VERB"] if before else []
            if before and not verbs:
                linked.append(before[0])
        elif s.i in by_token:
            linked.append(by_token[s.i])
    for m in linked:
        if m.type not in means or m is f:
            continue
        inner = _Found(m.type, m.trigger)
        clause = m.trigger.pos_ == "VERB"
        (_verb_roles if clause else _noun_roles)(inner, args, lex)
        f.add([a for a in args.actors if inner.roles.get(a.id) == AGENT], AGENT)
        if f.place is None:
            f.place = next(iter(_places(m.trigger, args, lex, inner)), None)
        if t.i < m.trigger.i and not clause:
            m.absorbed = True  # "killed in a strike": one event, the killing (a clause is an act of its own)


def simultaneous(clause: Token, lex: EventLexicon) -> bool:
    """Whether a subordinate clause is introduced by a subordinator of simultaneity ("when X attacked Y")."""
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in lex.simultaneity and c.i < clause.i
               for c in clause.children)


def _agency(f: _Found, args: Arguments, lex: EventLexicon) -> None:
    """Look for the agent among the words that govern the trigger ("X carried out the attack")."""
    node = f.trigger
    for _ in range(7):
        head = node.head
        if head.i == node.i:
            return
        lemma = head.lemma_.lower()
        if head.pos_ == "VERB" and lemma in lex.accusation:
            accused = _accused(head, node, args, lex)
            if accused:
                f.add(accused, "agent")
                f.certainty = "uncertain"
                return
        if head.pos_ == "VERB" and (lemma in lex.agency_verbs or any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex.agency_nouns for c in head.children)):
            if _modal(head, lex):
                return  # "would not impose sanctions", "will carry out strikes": no act yet
            subjects = args.subjects(head)
            if args.passive(head, reduced=False):
                subjects = args.passive_agents(head)
            actors = [a for s in subjects for a in args.refers_to(s) + _commanders(s, args, lex)]
            if actors:
                f.add(actors, "agent")
                return
        elif head.pos_ == "NOUN" and (lemma in lex.agency_nouns or head.lower_ in lex.agency_nouns):
            poss = [c for c in head.children if c.dep_ == "poss"]
            actors = [a for p in poss for a in args.refers_to(p)] or predicated_of(head, args, lex)
            if actors:
                f.add(actors, "agent")
                return
        elif head.pos_ == "ADP" and head.lower_ in lex.agency_preps and node.dep_ == "pobj":
            gov = head.head  # "X was behind the attack", "the group behind the attack"
            if gov.pos_ in ("VERB", "AUX"):
                actors = [a for s in args.subjects(gov) for a in args.refers_to(s)]
            else:
                actors = args.refers_to(gov) if gov.pos_ in ("NOUN", "PROPN") else []
            if actors:
                f.add(actors, "agent")
                return
        elif head.pos_ == "ADJ" and lemma in lex.agency_adjectives:
            actors = predicated_of(head, args, lex)
            if actors:
                f.add(actors, "agent")
                return
        elif not (head.pos_ in ("ADP", "SCONJ") or lemma in lex.bridges or head.lower_ in lex.bridges
                  or head.pos_ == "NOUN" and lemma in lex.nouns or head.pos_ == "VERB" and lemma in lex.agency_verbs):
            if node.dep_ == "pobj" and head.pos_ == "NOUN" and head.lemma_.lower() in lex.quantities:
                node = head
                continue
            return
        node = head


def _accused(verb: Token, came_from: Token, args: Arguments, lex: EventLexicon) -> list[Actor]:
    """Whom a verb of accusation accuses: "accuses Israel of", "X were blamed for", "members indicted in"."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.dep_ == "acl" and verb.tag_ == "VBN"
    on = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in lex.roles["accused"] for p in c.children if p.dep_ == "pobj"]
    if came_from.dep_ == "dobj":  # "blamed the attack on X", the parser hanging "on X" on the attack
        on += [p for c in came_from.children if c.dep_ == "prep" and c.lower_ in lex.roles["accused"]
               for p in c.children if p.dep_ == "pobj"]
    if passive and on:  # "the bombing was blamed on X", "attacks attributed to X"
        return [a for o in on for a in args.refers_to(o)]
    if passive:
        if verb.dep_ == "acl":
            return predicated_of(verb.head, args, lex) or args.refers_to(verb.head)
        return [a for s in args.subjects(verb) for a in args.refers_to(s)]
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i != came_from.i]
    return [a for o in (on if not objs else objs) for a in args.refers_to(o)]


def predicated_of(tok: Token, args: Arguments, lex: EventLexicon | None = None) -> list[Actor]:
    """Whom a descriptive noun or adjective is said of: "Shahlai was the brains", "X, a key architect"."""
    lex = lex or lexicon()
    node = tok
    for _ in range(5):
        if node.dep_ == "pobj" and node.head.lower_ in lex.genitive and node.head.head.lower_ in lex.partitives:
            node = node.head.head
            continue
        if node.dep_ == "conj":
            node = node.head
            continue
        break
    if node.dep_ in ("attr", "acomp") or node.pos_ == "ADJ" and node.dep_ in ("ccomp", "xcomp", "oprd"):
        own = [c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects = own or args.subjects(node.head)
        if node.dep_ == "oprd":
            subjects = own or [c for c in node.head.children if c.dep_ == "dobj"]
        return [a for s in subjects for a in args.refers_to(s)]
    if node.dep_ == "amod" and node.pos_ == "ADJ":  # "a commander responsible for"
        return predicated_of(node.head, args, lex) or args.refers_to(node.head)
    if node.dep_ == "appos":
        return args.refers_to(node.head)
    if node.dep_ == "dobj" and node.head.lemma_ in lex.light_verbs:
        # "X had a role in", "X claimed responsibility for the bombing"
        return [a for s in args.subjects(node.head) for a in args.refers_to(s)]
    return args.refers_to(node)


def _places(t: Token, args: Arguments, lex: EventLexicon, f: _Found) -> list[str]:
    """Where an event happened: locations and countries in an "in/near/at" phrase of the trigger,
    of its object, or of its clause; "there" points back to the last place named."""
    heads = [t] + [c for c in t.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    heads += [p for c in t.children if c.dep_ == "prep" and c.lower_ in lex.roles["target"]
              for p in c.children if p.dep_ == "pobj" and args.referent(p) is None]
    objects = [c for c in t.children if c.dep_ == "dobj"]  # "struck Hezbollah positions in Lebanon"
    heads += objects + [p for c in objects for pp in c.children if pp.dep_ == "prep" and pp.lower_ in lex.genitive
                        for p in pp.children if p.dep_ == "pobj"]  # "attacked dozens of ships in the Red Sea"
    if t.pos_ != "VERB" and t.dep_ == "pobj" and t.head.head.pos_ == "VERB":
        heads.append(t.head.head)
    out: list[str] = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "advmod" and c.lower_ in lex.locative:
                a = args.referent(c)
                if a is not None and a.id not in f.roles:
                    out.append(a.id)
            if c.dep_ != "prep" or c.lower_ not in lex.roles["place"]:
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                for cand in (p, *[q for pp in p.children if pp.dep_ == "prep" and pp.lower_ in lex.roles["place_of"]
                                  for q in pp.children if q.dep_ == "pobj"]):
                    for a in args.refers_to(cand):
                        if a.type in PLACES and a.id not in f.roles and a.id not in out:
                            out.append(a.id)
    return out


def _event(f: _Found, sent: Span, article: Article, dates: list[DateMention], args: Arguments,
           released: str | None = None) -> Event:
    when = date_of(f.trigger, dates) or (dates[0] if len(dates) == 1 else None)
    t = f.trigger
    participants = [Participant(aid, role) for aid, role in f.roles.items()]
    evidence = Evidence(article=article.source, sentence=span_text(sent), start=sent.start_char, end=sent.end_char,
                        cue_start=t.idx, cue_end=t.idx + len(t.text), extractor=f"{EXTRACTOR}:{t.lemma_.lower()}")
    return Event(type=f.type, participants=participants, evidence=[evidence], certainty=f.certainty,
                 date=when.value.iso if when else released, place=f.place,
                 date_text=when.value.text if when else None)


def _merge(events: list[Event]) -> list[Event]:
    """One event per statement: a restatement (same type, participants and date) or a partial one
    of the same sentence (its participants a subset) adds its evidence to the fuller event."""
    out: list[Event] = []
    for e in sorted(events, key=lambda e: -len(e.participants)):
        mine = {p.entity for p in e.participants}
        for o in out:
            theirs = {p.entity for p in o.participants}
            same_sentence = o.evidence[0].start == e.evidence[0].start
            if o.type == e.type and (mine == theirs and o.date == e.date
                                     or same_sentence and mine <= theirs and e.date in (None, o.date)):
                o.evidence.extend(e.evidence)
                break
        else:
            out.append(e)
    return sorted(out, key=lambda e: (e.evidence[0].start, e.evidence[0].cue_start or 0))
