"""Events: what happened to whom, when and where — attacks, captures, killings, plots, meetings,
designations, deployments — each with its participants' roles and its sentence.

Triggers (verbs and nouns) are declared per type in `data/events.yaml`. Participants come from
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
from importlib import resources

import yaml
from spacy.tokens import Doc, Span, Token

from ..model import Actor, Article, Event, Evidence, Participant
from .arguments import Arguments
from .doctext import span_text
from .timex import DateMention, date_of, dates_in

EXTRACTOR = "events@1"
PLACES = ("location", "country")


@dataclass(frozen=True)
class EventLexicon:
    """The event types and cue words of `data/events.yaml`."""

    verbs: dict[str, tuple[str, str | None]]  # lemma -> (type, required second word)
    nouns: dict[str, str]  # lemma -> type
    plover: dict[str, str | None]
    requires: dict[str, dict[str, frozenset[str]]]
    place_capture: frozenset[str]
    roles: dict[str, frozenset[str]]
    agency_verbs: frozenset[str]
    agency_nouns: frozenset[str]
    agency_adjectives: frozenset[str]
    bridges: frozenset[str]
    agency_preps: frozenset[str]
    accusation: frozenset[str]
    plot_intention: frozenset[str]
    no_intention: frozenset[str]


@lru_cache(maxsize=1)
def lexicon() -> EventLexicon:
    """Read `data/events.yaml` once."""
    data = yaml.safe_load((resources.files("actorgraph") / "data" / "events.yaml").read_text(encoding="utf-8"))
    verbs: dict[str, tuple[str, str | None]] = {}
    nouns: dict[str, str] = {}
    for name, spec in data["types"].items():
        for v in spec.get("verbs", ()):
            head, _, second = v.partition(" ")
            verbs[head] = (name, second or None)
        for n in spec.get("nouns", ()):
            nouns[n] = name
    fs = frozenset
    return EventLexicon(
        verbs=verbs, nouns=nouns, plover={k: v.get("plover") for k, v in data["types"].items()},
        requires={k: {kk: fs(vv) for kk, vv in v.items()} for k, v in data["requires"].items()},
        place_capture=fs(data["place_capture"]), roles={k: fs(v) for k, v in data["roles"].items()},
        agency_verbs=fs(data["agency"]["verbs"]), agency_nouns=fs(data["agency"]["nouns"]),
        agency_adjectives=fs(data["agency"]["adjectives"]), bridges=fs(data["agency"]["bridges"]),
        agency_preps=fs(data["agency"].get("prepositions", ())),
        accusation=fs(data["accusation"]), plot_intention=fs(data["intention"]["plot"]),
        no_intention=fs(data["intention"]["none"]),
    )


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
            if a.id not in self.roles or self.roles[a.id] == "other":
                self.roles[a.id] = role


def find_events(doc: Doc, article: Article, actors: list[Actor], args: Arguments | None = None) -> list[Event]:
    """The events of a parsed article, one per trigger, merged when they restate each other."""
    args = args or Arguments(doc, actors)
    lex = lexicon()
    events: list[Event] = []
    for sent in doc.sents:
        found = [f for tok in sent if (f := _trigger(tok, lex)) is not None]
        if not found:
            continue
        by_token = {f.trigger.i: f for f in found}
        for f in found:
            _participants(f, args, lex, by_token)
        dates = dates_in(sent, article.published)
        for f in found:
            if f.absorbed or not f.roles:
                continue
            events.append(_event(f, sent, article, dates, args))
    return _merge(events)


def _trigger(tok: Token, lex: EventLexicon) -> _Found | None:
    lemma = tok.lemma_.lower()
    if tok.pos_ == "VERB" and lemma in lex.verbs:
        kind, second = lex.verbs[lemma]
        if second and not any(c.lemma_.lower() == second for c in tok.children):
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
        _noun_roles(f, args, lex)
    _means(f, args, by_token)
    _agency(f, args, lex)
    targets = [a for a, r in f.roles.items() if r == "target"]
    if f.type == "capture" and targets and all(_type(args, a) in PLACES for a in targets):
        if t.lemma_.lower() in lex.place_capture:
            f.type = "attack"  # "the capture of Aleppo" is an assault on a place
    if f.type in ("killing", "capture"):  # people and groups are killed or captured, not places
        for aid, role in list(f.roles.items()):
            if role == "target" and _type(args, aid) == "location":
                del f.roles[aid]
    places = _places(t, args, lex, f)
    if f.place is None and places:
        f.place = places[0]
    if f.type == "attack" and not any(r == "target" for r in f.roles.values()):
        for place in places or ([f.place] if f.place else []):
            f.roles[place] = "target"  # an attack located in a place targets that place
    if f.type == "meeting":
        _occasion(f, args)
    if f.type == "meeting":
        for aid, role in list(f.roles.items()):
            if role == "target":
                f.roles[aid] = "other"
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
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
    modal = [c for c in t.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if modal and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children):
        return False  # "will strike", "could hit"
    if not infinitive:
        return True
    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children):
        return True  # "is believed to have attacked", "is said to have killed": a past act
    if t.dep_ in ("relcl", "acl") and _superlative(t.head):
        return True  # "the highest-ranking commander to be killed since 2008"
    gov = t.head
    for _ in range(3):  # "the plot to assassinate X", "plotted to kill", "threatened to hit"
        lemma = gov.lemma_.lower()
        plot = by_token.get(gov.i)
        if plot is not None and plot.type == "plot":
            plot.add(_targets(f, args, lex), "target")
            return False
        if lemma in lex.plot_intention:
            f.type = "plot"
            return True
        if lemma in lex.no_intention or gov.head.i == gov.i:
            break
        gov = gov.head
    # "the brains behind the failed plot to assassinate X": the infinitive hangs off the clause
    plots = [p for p in by_token.values() if p.type == "plot" and p.trigger.i < t.i]
    if plots:
        plots[-1].add(_targets(f, args, lex), "target")
    return False


def _superlative(noun: Token) -> bool:
    return any(w.tag_ in ("JJS", "RBS") or w.lower_ in ("first", "last", "only", "second", "third")
               for w in noun.subtree if w.i < noun.i)


def _targets(f: _Found, args: Arguments, lex: EventLexicon) -> list[Actor]:
    """The targets of an intended act ("to assassinate X"), for the plot that intends it."""
    inner = _Found(f.type, f.trigger)
    _verb_roles(inner, args, lex)
    return [a for a in args.actors if inner.roles.get(a.id) == "target"]


def _verb_roles(f: _Found, args: Arguments, lex: EventLexicon) -> None:
    t = f.trigger
    passive = _passive(t)
    subjects = args.subjects(t)
    subject_role = "target" if passive else "agent"
    if f.type == "meeting":
        subject_role = "agent"
    elif f.type == "deployment" and passive:
        subject_role = "other"  # "militias deployed to Aleppo": the unit sent
    for s in subjects:
        f.add(_named(s, args) if subject_role == "target" and f.type in _INDIVIDUAL else args.referents(s),
              subject_role)
        if subject_role == "agent":
            f.add(_commanders(s, args), "agent")
    if not passive and f.type in ("killing", "capture", "attack", "designation"):
        f.add(_gap(t, args), "target")
    ranges = [c for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "to")]
    if len(ranges) == 2 and f.type in ("killing", "capture", "attack", "designation"):
        f.add([a for r in ranges for p in r.children if p.dep_ == "pobj" for a in args.referents(p)
               if a.type == "person"], "target")  # "killed ... from bin Laden to Baghdadi"
    for c in t.children:
        if c.dep_ in ("dobj", "oprd") and not passive:
            f.add(_named(c, args) if f.type in _INDIVIDUAL else args.referents(c),
                  "other" if f.type in ("meeting", "deployment") else "target")
        elif c.dep_ == "agent":
            f.add([a for p in c.children if p.dep_ == "pobj" for a in args.referents(p)], "agent")
        elif c.dep_ == "prep" or c.dep_ == "dative" and c.pos_ == "ADP":  # "sent troops to Syria"
            _prep_role(f, c, args, lex)


def _passive(t: Token) -> bool:
    """A passive verb, also a bare participle: "militias deployed to", "was reported killed"."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in t.children):
        return True
    if t.tag_ != "VBN" or any(c.dep_ == "aux" and c.lemma_ == "have" for c in t.children):
        return False
    if t.dep_ in ("acl", "amod"):
        return True
    return t.dep_ in ("xcomp", "oprd", "ccomp", "conj") and any(c.dep_ in ("nsubjpass", "auxpass") for c in t.head.children)


_INDIVIDUAL = ("designation", "capture")  # acts on named people: "two militants" is not their group
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _named(tok: Token, args: Arguments) -> list[Actor]:
    """The actors a phrase names as individuals: "Hezbollah members" are not Hezbollah; "sanctioned two
    militants. X and Y are ..." names them in the next sentence."""
    lemma = tok.lemma_.lower()
    if args.at(tok) is not None or lemma not in args.lex["carrier_nouns"] | args.lex["office_nouns"]:
        return args.referents(tok)
    named = [a for c in tok.children if c.dep_ == "appos" for a in args.referents(c)]
    if named:
        return named
    count = next((_COUNTS.get(c.lower_) or (int(c.text) if c.text.isdigit() else 0)
                  for c in tok.children if c.dep_ == "nummod"), 0)
    sent = tok.sent
    if count >= 2 and sent.end < len(tok.doc):
        following = tok.doc[sent.end].sent
        subjects = [c for c in following.root.children if c.dep_ in ("nsubj", "nsubjpass")]
        people = [a for s in subjects for a in args.referents(s)]
        if len(people) == count and all(a.type == "person" for a in people):
            return people
    return []


def _commanders(subject: Token, args: Arguments) -> list[Actor]:
    """Who commands the agent: "forces under X's command", "Iraq, under the leadership of Saddam"."""
    out: list[Actor] = []
    preps = [c for c in subject.children if c.dep_ == "prep" and c.lower_ == "under"]
    if subject.head.pos_ == "VERB":
        preps += [c for c in subject.head.children if c.dep_ == "prep" and c.lower_ == "under"]
    for prep in preps:
        for p in prep.children:
            if p.dep_ == "pobj" and p.lemma_.lower() in ("command", "leadership", "control", "order", "direction"):
                for c in p.children:
                    if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of":
                        target = c if c.dep_ == "poss" else next((q for q in c.children if q.dep_ == "pobj"), None)
                        if target is not None:
                            out += [a for a in args.referents(target) if a.type == "person"]
    return out


def _gap(t: Token, args: Arguments) -> list[Actor]:
    """The object a relative clause leaves out: "the leaders the United States has hunted and killed"."""
    clause = t
    while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
        clause = clause.head
    if clause.dep_ != "relcl" or any(c.dep_ in ("dobj", "nsubjpass") for c in t.children):
        return []
    subjects = [c for c in clause.children if c.dep_ == "nsubj"]
    if not subjects or subjects[0].lower_ in ("who", "which", "that"):
        return []
    head = clause.head
    return args.referents(head) or args.members(head)


def _occasion(f: _Found, args: Arguments) -> None:
    """A meeting that is the occasion of a clause ("accompanied X during meetings with Y") joins its actors."""
    t = f.trigger
    if t.pos_ == "VERB" or t.dep_ != "pobj" or t.head.lower_ not in ("during", "at", "in", "for"):
        return
    verb = t.head.head
    if verb.pos_ != "VERB":
        return
    for s in args.subjects(verb):
        f.add(args.referents(s), "other")
    for c in verb.children:
        if c.dep_ == "dobj":
            f.add(args.referents(c), "other")


def _noun_roles(f: _Found, args: Arguments, lex: EventLexicon) -> None:
    t = f.trigger
    has_of = any(c.dep_ == "prep" and c.lower_ == "of" for c in t.children)
    if t.dep_ == "dobj" and t.head.lemma_.lower() in lex.agency_verbs:
        # "carried out strikes on Houthi targets": the parser may hang the target on the verb
        for c in t.head.children:
            if c.dep_ == "prep" and c.i > t.i and c.lower_ in lex.roles["target"]:
                _prep_role(f, c, args, lex)
    for c in t.children:
        if c.dep_ == "prep":
            if c.lower_ == "of":
                f.add([a for p in c.children if p.dep_ == "pobj" for a in args.referents(p)],
                      "other" if f.type == "meeting" else "target")
            else:
                _prep_role(f, c, args, lex)
        elif c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < t.i:
            if c.lemma_.lower() in lex.nouns or c.ent_type_ == "DATE":
                continue
            actors = args.referents(c) if c.dep_ == "poss" else [a for a in (args.at(c) or args.demonym(c),) if a]
            if c.dep_ != "poss" and not actors:
                actors = [a for a in (args.carrier(c),) if a] if c.pos_ == "NOUN" else []
            for a in actors:
                if a.type in PLACES and a.type == "location":
                    f.add([a], "target")
                elif f.type in ("killing", "capture") and (a.type == "person" and not has_of or t.lemma_ == "death"):
                    f.add([a], "target")
                else:
                    f.add([a], "other" if f.type == "meeting" else "agent")


def _prep_role(f: _Found, prep: Token, args: Arguments, lex: EventLexicon) -> None:
    word = prep.lower_
    objs = [p for p in prep.children if p.dep_ == "pobj"]
    if not objs:
        return
    actors = [a for p in objs for a in args.referents(p)]
    if word in lex.roles["agent"]:
        f.add(actors, "agent")
    elif word in lex.roles["with"] or word == "along" or word == "together":
        if f.type in ("capture", "killing"):
            f.add(actors, "target")
        elif f.type == "meeting":
            f.add(actors, "other")
    elif word in lex.roles["target"] and f.type in ("attack", "designation", "plot", "killing", "capture"):
        people = [a for a in actors if a.type not in PLACES or f.type in ("attack", "designation")]
        f.add(people, "target")
        if f.place is None:
            f.place = next((a.id for a in actors if a.type in PLACES), None)
    elif word in ("since", "like", "including", "after", "before") and f.type == "killing":
        f.add([a for a in actors if a.type == "person"], "other")
    elif word == "between" and f.type in ("attack", "meeting"):
        f.add([a for a in actors if a.type not in PLACES], "other")  # "battles between X and Y"
    elif word in ("to", "into") and f.type in ("deployment", "meeting") and f.place is None:
        f.place = next((a.id for a in actors if a.type in PLACES), None)


def _means(f: _Found, args: Arguments, by_token: dict[int, _Found]) -> None:
    """A killing or capture "in an Israeli strike", or a strike that killed: the attack's agent is the killer's."""
    if f.type not in ("killing", "capture"):
        return
    t = f.trigger
    linked: list[_Found] = []
    for c in t.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "by", "with", "during"):
            linked += [by_token[p.i] for p in c.children if p.dep_ == "pobj" and p.i in by_token]
        if c.dep_ == "agent":
            linked += [by_token[p.i] for p in c.children if p.dep_ == "pobj" and p.i in by_token]
    for s in args.subjects(t) if t.pos_ == "VERB" else ():
        if s.lower_ in ("that", "which"):  # "an Israeli strike in Beirut on Tuesday that killed X"
            before = [by_token[i] for i in range(s.i - 1, max(s.sent.start, s.i - 12) - 1, -1)
                      if i in by_token and by_token[i].type == "attack"]
            verbs = [w for w in s.doc[before[0].trigger.i + 1:s.i] if w.pos_ == "VERB"] if before else []
            if before and not verbs:
                linked.append(before[0])
        elif s.i in by_token:
            linked.append(by_token[s.i])
    for m in linked:
        if m.type != "attack" or m is f:
            continue
        inner = _Found(m.type, m.trigger)
        _noun_roles(inner, args, lexicon())
        f.add([a for a in args.actors if inner.roles.get(a.id) == "agent"], "agent")
        if f.place is None:
            f.place = next(iter(_places(m.trigger, args, lexicon(), inner)), None)
        if t.i < m.trigger.i:
            m.absorbed = True  # "killed in a strike": one event, the killing


def _agency(f: _Found, args: Arguments, lex: EventLexicon) -> None:
    """Look for the agent among the words that govern the trigger ("X carried out the attack")."""
    node = f.trigger
    for _ in range(7):
        head = node.head
        if head.i == node.i:
            return
        lemma = head.lemma_.lower()
        if head.pos_ == "VERB" and lemma in lex.accusation:
            accused = _accused(head, node, args)
            if accused:
                f.add(accused, "agent")
                f.certainty = "uncertain"
                return
        if head.pos_ == "VERB" and (lemma in lex.agency_verbs or any(
                c.dep_ == "dobj" and c.lemma_.lower() in lex.agency_nouns for c in head.children)):
            subjects = args.subjects(head)
            if any(c.dep_ in ("nsubjpass", "auxpass") for c in head.children):
                subjects = args.passive_agents(head)
            actors = [a for s in subjects for a in args.referents(s) + _commanders(s, args)]
            if actors:
                f.add(actors, "agent")
                return
        elif head.pos_ == "NOUN" and (lemma in lex.agency_nouns or head.lower_ in lex.agency_nouns):
            poss = [c for c in head.children if c.dep_ == "poss"]
            actors = [a for p in poss for a in args.referents(p)] or predicated_of(head, args)
            if actors:
                f.add(actors, "agent")
                return
        elif head.pos_ == "ADP" and head.lower_ in lex.agency_preps and node.dep_ == "pobj":
            gov = head.head  # "X was behind the attack", "the group behind the attack"
            if gov.pos_ in ("VERB", "AUX"):
                actors = [a for s in args.subjects(gov) for a in args.referents(s)]
            else:
                actors = args.referents(gov) if gov.pos_ in ("NOUN", "PROPN") else []
            if actors:
                f.add(actors, "agent")
                return
        elif head.pos_ == "ADJ" and lemma in lex.agency_adjectives:
            actors = predicated_of(head, args)
            if actors:
                f.add(actors, "agent")
                return
        elif not (head.pos_ in ("ADP", "SCONJ") or lemma in lex.bridges or head.lower_ in lex.bridges
                  or head.pos_ == "NOUN" and lemma in lex.nouns or head.pos_ == "VERB" and lemma in lex.agency_verbs):
            if node.dep_ == "pobj" and head.pos_ == "NOUN" and head.lemma_.lower() in _QUANTITIES:
                node = head
                continue
            return
        node = head


_QUANTITIES = {"series", "number", "wave", "string", "spate", "couple", "dozen", "dozens", "hundreds", "campaign"}


def _accused(verb: Token, came_from: Token, args: Arguments) -> list[Actor]:
    """Whom a verb of accusation accuses: "accuses Israel of", "X were blamed for", "members indicted in"."""
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or verb.dep_ == "acl" and verb.tag_ == "VBN"
    if passive:
        if verb.dep_ == "acl":
            return predicated_of(verb.head, args) or args.referents(verb.head)
        return [a for s in args.subjects(verb) for a in args.referents(s)]
    on = [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for p in c.children if p.dep_ == "pobj"]
    objs = [c for c in verb.children if c.dep_ == "dobj" and c.i != came_from.i]
    return [a for o in (on if not objs else objs) for a in args.referents(o)]


def predicated_of(tok: Token, args: Arguments) -> list[Actor]:
    """Whom a descriptive noun or adjective is said of: "Shahlai was the brains", "X, a key architect"."""
    node = tok
    for _ in range(5):
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lower_ in ("one", "some", "among", "each"):
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
        return [a for s in subjects for a in args.referents(s)]
    if node.dep_ == "amod" and node.pos_ == "ADJ":  # "a commander responsible for"
        return predicated_of(node.head, args) or args.referents(node.head)
    if node.dep_ == "appos":
        return args.referents(node.head)
    if node.dep_ == "dobj" and node.head.lemma_ in ("have", "play", "take", "claim", "bear", "accept", "assume"):
        # "X had a role in", "X claimed responsibility for the bombing"
        return [a for s in args.subjects(node.head) for a in args.referents(s)]
    return args.referents(node)


def _places(t: Token, args: Arguments, lex: EventLexicon, f: _Found) -> list[str]:
    """Where an event happened: locations and countries in an "in/near/at" phrase of the trigger,
    of its object, or of its clause; "there" points back to the last place named."""
    heads = [t] + [c for c in t.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    heads += [p for c in t.children if c.dep_ == "prep" and c.lower_ in lex.roles["target"]
              for p in c.children if p.dep_ == "pobj" and args.referent(p) is None]
    objects = [c for c in t.children if c.dep_ == "dobj"]  # "struck Hezbollah positions in Lebanon"
    heads += objects + [p for c in objects for pp in c.children if pp.dep_ == "prep" and pp.lower_ == "of"
                        for p in pp.children if p.dep_ == "pobj"]  # "attacked dozens of ships in the Red Sea"
    if t.pos_ != "VERB" and t.dep_ == "pobj" and t.head.head.pos_ == "VERB":
        heads.append(t.head.head)
    out: list[str] = []
    for h in heads:
        for c in h.children:
            if c.dep_ == "advmod" and c.lower_ == "there":
                a = args.referent(c)
                if a is not None and a.id not in f.roles:
                    out.append(a.id)
            if c.dep_ != "prep" or c.lower_ not in lex.roles["place"]:
                continue
            for p in c.children:
                if p.dep_ != "pobj":
                    continue
                for cand in (p, *[q for pp in p.children if pp.dep_ == "prep" and pp.lower_ in ("of", "in")
                                  for q in pp.children if q.dep_ == "pobj"]):
                    for a in args.referents(cand):
                        if a.type in PLACES and a.id not in f.roles and a.id not in out:
                            out.append(a.id)
    return out


def _event(f: _Found, sent: Span, article: Article, dates: list[DateMention], args: Arguments) -> Event:
    when = date_of(f.trigger, dates) or (dates[0] if len(dates) == 1 else None)
    t = f.trigger
    participants = [Participant(aid, role) for aid, role in f.roles.items()]
    evidence = Evidence(article=article.source, sentence=span_text(sent), start=sent.start_char, end=sent.end_char,
                        cue_start=t.idx, cue_end=t.idx + len(t.text), extractor=f"{EXTRACTOR}:{t.lemma_.lower()}")
    return Event(type=f.type, participants=participants, evidence=[evidence], certainty=f.certainty,
                 date=when.value.iso if when else None, place=f.place,
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
