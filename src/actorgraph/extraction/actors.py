"""Actors: people, organizations, countries and locations, one per real-world actor per article.

The small statistical model alone gets much of this wrong (it tags Aleppo and Asaib Al-Haq
as persons), so its entities are combined with three other sources of knowledge:

- the curated actor registry (data/registry/*.yaml plus the user's files), taught to the
  pipeline as an entity ruler that runs before the NER (`add_registry_patterns`) and also
  searched for in the text;
- the gazetteer: a country is a sovereign state in rigour, a city or region is a location;
- the article itself: spans are repaired and cleaned (mentions.py) and reconciled with the
  registry's matches (matching.py); what the article says of its names ("Full Name (ABBR)",
  "now known as", "Iranian-backed": definitions.py) and name-level coreference
  (coreference.py) make one actor of many names; every other use of a found name is a
  mention too; and one actor gets one type: the registry's, else a sovereign state's, else
  what the cue words of lang/en/actors.yaml and the gazetteer say, else its full name's label,
  else the vote of its mentions' labels.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Actor, Article, Span, content_id
from .bodies import assign_parents
from .variants import variants
from .coreference import Chain, chains
from .cues import Cues, load_cues
from .definitions import backing_mentions, common_acronyms, definitions
from .gazetteer import Gazetteer, load_gazetteer
from .typing import NOT_ACTOR, common_noun, confidence, context_type, kind_name, syntax_type, title_name
from .matching import registry_edges, registry_mentions, resolve
from .mentions import (
    Mention, clean, is_junk, lower_case_words, model_mentions, name_before, repair, split_known_prefix,
)
from ..names import fold, is_acronym, loose_tokens, search_view
from ..registry import Registry, surface_variants
from .doctext import doc_text

RULER = "actorgraph_registry"
SPACY_LABELS = {"person": "PERSON", "organization": "ORG", "country": "GPE", "location": "LOC"}
_LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location",
                "FAC": "location"}
_TYPE_ORDER = ("person", "organization", "location")  # tie-break of the vote
_BIG_PLACE = 100_000  # people: a place this large beats the model's "person" ("Aleppo")


def add_registry_patterns(nlp: Language, registry: Registry) -> None:
    """Teach the pipeline the registry's names: an entity ruler before "ner", ids in `ent_id_`."""
    if RULER in nlp.pipe_names:
        nlp.remove_pipe(RULER)
    patterns = [{"label": SPACY_LABELS[actor.type], "pattern": variant, "id": actor.id}
                for actor in registry.actors.values() for name in actor.names
                for variant in surface_variants(name)]
    if not patterns:
        return
    before = "ner" if "ner" in nlp.pipe_names else None
    ruler = nlp.add_pipe("entity_ruler", name=RULER, before=before,
                         config={"overwrite_ents": False, "validate": False})
    ruler.add_patterns(patterns)


def preload() -> None:
    """Build the cue lists and the gazetteer now (both are cached for the process)."""
    load_cues()
    load_gazetteer()


def find_actors(doc: Doc, article: Article, registry: Registry) -> list[Actor]:
    """The actors of one parsed article, each with its aliases and every mention's span."""
    cues, gazetteer = load_cues(), load_gazetteer()
    lower = lower_case_words(doc)
    common = common_acronyms(doc)
    found: list[Mention] = []
    for m in repair(doc, model_mentions(doc), cues):
        for c in clean(doc, m, cues):
            if fold(c.text) in common or fold(c.text.rstrip("s")) in common:
                continue
            if _known(c.text, registry, gazetteer, cues) or not is_junk(doc, c, cues, lower):
                found.append(c)
    mentions = resolve(found, registry_mentions(doc, registry), cues, doc)
    mentions = registry_edges(doc, mentions, registry, cues, lower)
    mentions = split_known_prefix(doc, mentions, cues)
    mentions = _add(mentions, backing_mentions(doc, cues))
    defined = definitions(doc, mentions, cues)
    mentions = _add(_defined(mentions, defined), [short for _, short in defined])
    actors: dict[str, Actor] = {}
    chain_list = chains(mentions, defined, registry, gazetteer, cues)
    _harvest(doc, chain_list, registry, cues, lower)
    for chain in chain_list:
        actor = _actor(chain, doc, article, registry, gazetteer, cues)
        if actor is None:
            continue
        if actor.id in actors:  # two chains under one name: one actor
            _merge(actors[actor.id], actor)
        else:
            actors[actor.id] = actor
    found_actors = _join_people(list(actors.values()))
    pairs = variants(found_actors)
    for variant, actor in pairs:  # "Al Hayaa" / "Al Hayya", "PMC Wagner" / "Wagner"
        if fold(variant.name) not in {fold(n) for n in (actor.name, *actor.aliases)}:
            actor.aliases.append(variant.name)
        _merge(actor, variant)
    joined = {id(v) for v, _ in pairs}
    found_actors = [a for a in found_actors if id(a) not in joined]
    assign_parents(doc, found_actors, registry, cues, gazetteer)
    return found_actors


def _join_people(actors: list[Actor]) -> list[Actor]:
    """A person named by one word that is a word of one other person's fuller name is that person.

    Coreference joins a first name or surname to a full name the model labelled a person; a
    full name typed a person only from its context ("brothers Amer Rada and Samer Rada") is
    joined here, once the types are known. Two fuller names that fit leave it alone.
    """
    from .coreference import _tails
    full = [a for a in actors if a.type == "person" and len(loose_tokens(a.name)) > 1]
    out = []
    for a in actors:
        words = loose_tokens(a.name)
        if a.type == "person" and not a.registry_id and len(words) == 1:
            fits = [f for f in full if _tails(words, loose_tokens(f.name)) is not None]
            if len(fits) == 1:
                target = fits[0]
                if fold(a.name) not in {fold(n) for n in (target.name, *target.aliases)}:
                    target.aliases.append(a.name)
                _merge(target, a)
                continue
        out.append(a)
    return out


def _known(text: str, registry: Registry, gazetteer: Gazetteer, cues: Cues) -> bool:
    """A name the registry or the gazetteer knows (not a demonym)."""
    if cues.is_group_word(text) or any(c in text for c in "/@\n"):
        return False
    return bool(registry.index.ids(text)) or gazetteer.country(text) is not None or gazetteer.is_place(text)


def _defined(mentions: list[Mention], defined: list[tuple[Mention, Mention]]) -> list[Mention]:
    """The mentions, each short name the article defines as given, and every use of a short
    name it defines for a person labelled a person ("El Mencho" the model calls ORG)."""
    shorts = {(s.start, s.end): s for _, s in defined}
    people = {fold(s.text) for _, s in defined if s.label == "PERSON"}
    out = []
    for m in mentions:
        m = shorts.get((m.start, m.end), m)
        if fold(m.text) in people and m.label != "PERSON":
            m = replace(m, label="PERSON")
        out.append(m)
    return out


def _add(mentions: list[Mention], extra: list[Mention]) -> list[Mention]:
    out = list(mentions)
    for m in extra:
        if not any(m.overlaps(o) for o in out):
            out.append(m)
    return sorted(out, key=lambda m: (m.start, -m.end))


def _surnames(chain: Chain, registry: Registry, lower: frozenset[str]) -> set[str]:
    """A person's surname alone ("Mohammadawi" of "Abu Fadak al-Mohammadawi"), when no common word."""
    known = registry.get(chain.registry_id) if chain.registry_id else None
    if not (known.type == "person" if known else any(m.label == "PERSON" for m in chain.mentions)):
        return set()
    out = set()
    for name in chain.names:
        words = name.split()
        if len(words) > 1:
            last = words[-1]
            for surname in {last, re.sub(r"^(?:[Aa]l|[Ee]l)-", "", last)}:
                if len(surname) > 3 and surname.lower() not in lower and surname[:1].isupper():
                    out.add(surname)
    return out


def _harvest(doc: Doc, chain_list: list[Chain], registry: Registry, cues: Cues,
             lower: frozenset[str]) -> None:
    """Every other use of a name an actor goes by is a mention of it ("Aleppo" tagged NORP),
    and so is a person's surname alone unless a given name stands before it."""
    surfaces: dict[str, Chain | None] = {}
    surnames: set[str] = set()
    for chain in chain_list:
        extra = _surnames(chain, registry, lower)
        surnames |= {search_view(s) for s in extra}
        for name in [*chain.names, *extra]:
            for variant in {name, name.upper()} if len(name.split()) > 1 else {name}:
                key = search_view(variant)
                if len(key) > 1:
                    surfaces[key] = chain if surfaces.get(key, chain) is chain else None
    usable = sorted((s for s, c in surfaces.items() if c is not None), key=len, reverse=True)
    if not usable:
        return
    taken = sorted((m.start, m.end) for c in chain_list for m in c.mentions)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, usable)) + r")(?!\w)")
    text = doc_text(doc)
    for match in pattern.finditer(search_view(text)):
        start, end = match.span()
        if any(s < end and start < e for s, e in taken):
            continue
        left = text.rfind(" ", 0, start) + 1
        right = min((i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0), default=len(text))
        if any(s in text[left:right] for s in ("/", "@", "http", "www.")):
            continue  # inside a URL or an address
        if match.group() in surnames and name_before(doc, start, cues) is not None:
            continue  # "Hussein al-Mohammadawi" is someone else
        chain = surfaces[match.group()]
        chain.mentions.append(Mention(start, end, text[start:end], "", found_by="document", votes=False))
        taken.append((start, end))
    for chain in chain_list:
        chain.mentions.sort(key=lambda m: (m.start, m.end))


def _location_cue(text: str, m: Mention, cues: Cues) -> bool:
    words = re.findall(r"[A-Za-z]+", text[max(0, m.start - 40):m.start])
    return any(" ".join(words[-n:]).casefold() in cues.location_cues for n in (2, 3) if len(words) >= n)


def _canonical(chain: Chain, registry: Registry) -> str | None:
    if chain.registry_id:
        return registry.get(chain.registry_id).name
    if chain.country is not None:
        return chain.country.name
    names = chain.names
    if not names:
        return None
    counts = Counter(fold(m.text) for m in chain.mentions)
    first = {fold(n): i for i, n in enumerate(names)}
    return max(names, key=lambda n: (len(loose_tokens(n)), n.upper() != n or is_acronym(n),
                                     counts[fold(n)], -first[fold(n)]))


def _type(chain: Chain, canonical: str, doc: Doc, registry: Registry, gazetteer: Gazetteer,
          cues: Cues) -> tuple[str | None, str, float]:
    """(type, what gave it, how sure): registry type, else state, else the name's own words,
    else the words around its mentions (typing.py), else a title, the gazetteer, the full
    name's label, else the vote of its mentions' labels. None: no type, or no actor at all."""
    if chain.registry_id:
        return registry.get(chain.registry_id).type, "registry", confidence("registry")
    if chain.country is not None:
        return "country", "state", confidence("state")
    text = doc_text(doc)
    words = fold(canonical).split()
    if len(words) == 1 and common_noun(doc, canonical, chain.mentions):
        return None, "common noun", confidence("common noun")  # "Background" heading a section
    name = confidence("name")
    if words[-1] in cues.location_heads:
        return "location", f"name: {words[-1]!r}", name
    if words[-1] in cues.organization_heads:
        return "organization", f"name: {words[-1]!r}", name
    if any(" ".join(words[:n]) in cues.location_prefixes for n in (1, 2)) and len(words) > 1:
        return "location", f"name: {words[0]!r}", name
    if words[0] in cues.organization_prefixes and len(words) > 1:
        return "organization", f"name: {words[0]!r}", name
    context = context_type(doc, chain.mentions)
    if context.type == NOT_ACTOR:
        return None, context.reason, context.confidence
    if context.type is not None:
        return context.type, context.reason, context.confidence
    if any(m.role for m in chain.mentions):
        return "person", "role", confidence("role")  # "President Bush", "Gen. Hossein Salami"
    labels = {m.label for m in chain.mentions if m.votes and m.label}
    # a name the model only ever calls a person is a place only when the place is large ("Aleppo")
    population = _BIG_PLACE if labels == {"PERSON"} else 0
    if gazetteer.is_place(canonical, population) or any(_location_cue(text, m, cues) for m in chain.mentions):
        return "location", "gazetteer", confidence("gazetteer")
    clause = syntax_type(doc, chain.mentions)  # "X resigned", "X was founded", "X claimed responsibility"
    # before the model's labels, which are what goes wrong ("El Mencho" tagged ORG)
    if clause.type is not None and not (clause.type == "person" and context.not_person):
        return clause.type, clause.reason, clause.confidence
    if not context.not_person and len(loose_tokens(canonical)) >= 2 and any(
            m.label == "PERSON" and fold(m.text) == fold(canonical) for m in chain.mentions):
        return "person", "model name", confidence("model name")
    votes: Counter[str] = Counter()
    for pass_ in (True, False):  # a possessive's left half votes only when no other mention does
        for m in chain.mentions:
            if m.votes == pass_ and m.label in _LABEL_TYPES:
                votes[_vote(m, text)] += 1
        if votes:
            break
    if not votes:
        return None, "", 0.0
    kind = max(votes, key=lambda k: (votes[k], -_TYPE_ORDER.index(k)))
    if kind == "person" and context.not_person:  # "Hezbollah commander": Hezbollah is no person
        votes.pop("person")
        kind = max(votes, key=lambda k: (votes[k], -_TYPE_ORDER.index(k))) if votes else "organization"
    vote = confidence("model vote")
    return kind, "model vote", round(vote * votes[kind] / sum(votes.values()), 2) if votes else vote / 2


def _vote(m: Mention, text: str) -> str:
    """What one mention's label says the actor is."""
    kind = _LABEL_TYPES[m.label]
    if m.label == "GPE" and is_acronym(m.text):
        return "organization"  # "IRGC" tagged as a place
    if m.label == "PERSON" and (any(c.isdigit() for c in m.text)
                                or re.search(r"\bthe\s+$", text[max(0, m.start - 5):m.start])):
        return "organization"  # "G8", "the Yukos": no person's name
    return kind


def _actor(chain: Chain, doc: Doc, article: Article, registry: Registry, gazetteer: Gazetteer,
           cues: Cues) -> Actor | None:
    canonical = _canonical(chain, registry)
    if not canonical:
        return None
    kind, typed_by, confidence = _type(chain, canonical, doc, registry, gazetteer, cues)
    if kind is None:
        return None
    if not chain.registry_id and chain.country is None and (
            (kind != "person" and title_name(canonical)) or kind_name(doc, chain.mentions)):
        return None  # "FDD Research Fellow" is a title; "as a Foreign Terrorist Organization" a kind
    text = doc_text(doc)
    known = registry.get(chain.registry_id) if chain.registry_id else None
    wikidata = known.wikidata if known else None
    if wikidata is None and chain.country is not None:
        wikidata = chain.country.qid
    spans = sorted({(m.start, m.end) for m in chain.mentions})
    if known is not None:
        source = "registry"
    elif any(m.found_by == "model" for m in chain.mentions):
        source = "model"
    else:
        source = "document"
    return Actor(
        id=content_id(article.source, canonical, prefix="e", length=10),
        name=canonical,
        type=kind,
        aliases=[n for n in chain.names if fold(n) != fold(canonical)],
        mentions=[Span(s, e, text[s:e]) for s, e in spans],
        registry_id=chain.registry_id,
        wikidata=wikidata,
        source=source,
        typed_by=typed_by,
        type_confidence=confidence,
    )


def _merge(into: Actor, other: Actor) -> None:
    for alias in other.aliases:
        if alias not in into.aliases and fold(alias) != fold(into.name):
            into.aliases.append(alias)
    seen = {(m.start, m.end) for m in into.mentions}
    into.mentions.extend(m for m in other.mentions if (m.start, m.end) not in seen)
    into.mentions.sort(key=lambda m: m.start)
