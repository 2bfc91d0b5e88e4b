"""Coreference by name: which mentions in one article name the same actor.

Each mention is first keyed by what it is known as: a registry actor, a sovereign state,
else its loose name (`names.loose`: "Al-Quds Force" and "Quds Force" share one). Keys are
then joined by the article's own definitions ("Full Name (ABBR)", "Full Name (Surname)"),
by acronyms whose letters are a name's initials, by short forms of organization names
("Treasury" for "U.S. Department of the Treasury", "Coalition" for "Coalition Forces") and
last by person names: a surname, a first name or a shorter form names the unique fuller
person name that contains it ("Soleimani" -> "Qassem Soleimani"); when two people share a
surname, the one mentioned last before. Two registry actors or two states never merge.
"""
from __future__ import annotations

from dataclasses import dataclass

from .cues import Cues
from .gazetteer import Country, Gazetteer
from .definitions import abbreviates
from .mentions import Mention
from ..names import acronym_letters, fold, is_acronym, loose, loose_tokens
from ..registry import Registry

Key = tuple[str, str]  # ("r", registry id) | ("c", country code) | ("n", loose name)


@dataclass
class Chain:
    """The mentions of one actor in one article."""

    mentions: list[Mention]
    registry_id: str | None = None
    country: Country | None = None

    @property
    def names(self) -> list[str]:
        """The distinct names the article uses, in order of first use (one per folded form)."""
        seen: dict[str, str] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            if m.alias:
                seen.setdefault(fold(m.text), m.text)
        return list(seen.values())


class _Keys:
    """Union-find over keys; a set holding a registry id or a state joins no other such set."""

    def __init__(self) -> None:
        self.parent: dict[Key, Key] = {}
        self.identity: dict[Key, Key | None] = {}

    def add(self, key: Key) -> None:
        if key not in self.parent:
            self.parent[key] = key
            self.identity[key] = key if key[0] in "rc" else None

    def root(self, key: Key) -> Key:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def union(self, a: Key, b: Key) -> bool:
        ra, rb = self.root(a), self.root(b)
        if ra == rb:
            return True
        ia, ib = self.identity[ra], self.identity[rb]
        if ia is not None and ib is not None:
            return False
        if ia is None:
            ra, rb = rb, ra
        self.parent[rb] = ra  # the identified root stays root
        return True


def _country_ids(registry: Registry, gazetteer: Gazetteer) -> dict[str, str]:
    """Registry ids of the states the registry lists, by ISO code."""
    out = {}
    for actor in registry.actors.values():
        if actor.type == "country":
            country = gazetteer.country(actor.name)
            if country is not None:
                out[country.code] = actor.id
    return out


def key_of(m: Mention, registry: Registry, gazetteer: Gazetteer, country_ids: dict[str, str]) -> Key:
    """What a mention is known as before the article is read as a whole."""
    if m.registry_id:
        return ("r", m.registry_id)
    ids = registry.index.ids(m.text)
    if len(ids) == 1:
        return ("r", ids[0])
    country = gazetteer.country(m.country or m.text)
    if country is not None:
        return ("r", country_ids[country.code]) if country.code in country_ids else ("c", country.code)
    return ("n", loose(m.text))


def _without_state(words: tuple[str, ...], cues: Cues, gazetteer: Gazetteer) -> list[tuple[str, ...]]:
    """The name and the name without a leading state or demonym ("U.S. Treasury" -> "Treasury")."""
    out = [words]
    for k in (1, 2, 3):
        head = " ".join(words[:k])
        if len(words) > k and (head in cues.demonyms or gazetteer.country(head) is not None):
            out.append(words[k:])
    return out


def _org_forms(name: str, cues: Cues, gazetteer: Gazetteer) -> set[str]:
    """Shorter names an organization also goes by: without its state, head word or "Department of"."""
    words = loose_tokens(name)
    out: set[tuple[str, ...]] = set()
    for w in _without_state(words, cues, gazetteer):
        out.add(w)
        if len(w) >= 3 and w[0] in cues.organization_heads and w[1] in cues.short_name_links:
            rest = w[3:] if w[2] in cues.dropped_articles else w[2:]
            if rest:
                out |= {rest + (w[0],), rest}
        if len(w) >= 2 and w[-1] in cues.organization_heads:
            out.add(w[:-1])
    for w in list(out):  # "Revolutionary Guards" is "Revolutionary Guard"
        if len(w[-1]) > 3:
            out.add(w[:-1] + ((w[-1][:-1],) if w[-1].endswith("s") else (w[-1] + "s",)))
    return {" ".join(w) for w in out if w} - {" ".join(words)}


def _tails(short: tuple[str, ...], long: tuple[str, ...]) -> int | None:
    """How a shorter person name fits a longer one: 0 surname, 1 middle name, 2 first name(s)."""
    if len(short) >= len(long):
        return None
    if len(short) == 1:
        s = short[0]
        if s == long[-1]:
            return 0
        if s in long[1:-1]:
            return 1
        return 2 if s == long[0] else None
    it = iter(long)
    if short[-1] == long[-1] and all(w in it for w in short):
        return 0
    return 2 if short == long[:len(short)] else None  # "Abu Mahdi" for "Abu Mahdi al-Muhandis"


def chains(mentions: list[Mention], defined: list[tuple[Mention, Mention]], registry: Registry,
           gazetteer: Gazetteer, cues: Cues) -> list[Chain]:
    """Group an article's mentions into one chain per actor."""
    country_ids = _country_ids(registry, gazetteer)
    keys = _Keys()
    by_key: dict[Key, list[Mention]] = {}
    for m in mentions:
        k = key_of(m, registry, gazetteer, country_ids)
        keys.add(k)
        by_key.setdefault(k, []).append(m)

    def key(m: Mention) -> Key:
        return key_of(m, registry, gazetteer, country_ids)

    for full, short in defined:
        if key(full) in keys.parent and key(short) in keys.parent:
            keys.union(key(full), key(short))

    unknown = [k for k in by_key if k[0] == "n"]
    # acronyms used without a definition: "FDD" with "Foundation for Defense of Democracies"
    for k in unknown:
        acronym = next((m.text for m in by_key[k] if is_acronym(m.text)), None)
        if acronym is None or any(not is_acronym(m.text) for m in by_key[k]):
            continue  # "BAGHDAD" beside "Baghdad" is a word in capitals
        letters = acronym_letters(acronym)
        found = {keys.root(o) for o, ms in by_key.items() if o != k and any(
            len(m.text.split()) > 1 and acronym_letters(m.text) != letters
            and abbreviates(acronym, m.text) and len(letters) >= len(loose_tokens(m.text)) - 1
            for m in ms)}
        if len(found) == 1:
            keys.union(k, found.pop())

    # short forms of organization names
    forms: dict[str, set[Key]] = {}
    for k, ms in by_key.items():
        if any(m.label == "PERSON" for m in ms) and not any(m.label != "PERSON" for m in ms):
            continue
        for m in ms:
            for form in _org_forms(m.text, cues, gazetteer):
                forms.setdefault(form, set()).add(k)
    for k in unknown:
        if all(m.label == "PERSON" for m in by_key[k]):
            continue
        targets = {keys.root(o) for w in _without_state(tuple(k[1].split()), cues, gazetteer)
                   for o in forms.get(" ".join(w), ()) if o != k}
        if len(targets) == 1:
            keys.union(k, targets.pop())
    # one word, singular and plural: "Houthi" and "Houthis"
    by_loose = {loose(m.text): k for k, ms in by_key.items() for m in ms}
    for k in unknown:
        word = k[1]
        if " " in word or len(word) < 5:
            continue
        other = by_loose.get(word[:-1] if word.endswith("s") else word + "s")
        if other is not None and not any(all(m.label == "PERSON" for m in by_key[o]) for o in (k, other)):
            keys.union(k, other)

    _link_people(by_key, keys, registry, gazetteer, cues)

    grouped: dict[Key, list[Mention]] = {}
    for k, ms in by_key.items():
        grouped.setdefault(keys.root(k), []).extend(ms)
    out = []
    for root, ms in grouped.items():
        identity = keys.identity[root]
        chain = Chain(mentions=sorted(ms, key=lambda m: (m.start, m.end)))
        if identity and identity[0] == "r":
            chain.registry_id = identity[1]
            actor = registry.get(identity[1])
            chain.country = gazetteer.country(actor.name) if actor.type == "country" else None
        elif identity:
            chain.country = next(c for c in gazetteer.countries.values() if c.code == identity[1])
        out.append(chain)
    return sorted(out, key=lambda c: c.mentions[0].start)


def _link_people(by_key: dict[Key, list[Mention]], keys: _Keys, registry: Registry,
                 gazetteer: Gazetteer, cues: Cues) -> None:
    """Join surnames, first names and short forms to the unique fuller person name."""
    def person_like(k: Key) -> bool:
        if k[0] == "r":
            return registry.get(k[1]).type == "person"
        return k[0] == "n" and any(m.label == "PERSON" for m in by_key[k])

    heads = cues.organization_heads | cues.location_heads
    people = [(k, loose_tokens(m.text), m.start) for k, ms in by_key.items() if person_like(k)
              for m in ms if not is_acronym(m.text)]
    shorts = sorted((k for k in by_key if k[0] == "n"), key=lambda k: -len(k[1].split()))
    for k in shorts:
        words = tuple(k[1].split())
        ms = by_key[k]
        if not words or any(is_acronym(m.text) for m in ms) or words[-1] in heads:
            continue
        if gazetteer.is_place(k[1]) and not any(m.label == "PERSON" for m in ms):
            continue
        first = min(m.start for m in ms)
        best: dict[Key, tuple[int, int]] = {}  # root -> (fit, distance to the nearest earlier mention)
        for other, name, start in people:
            fit = _tails(words, name)
            root = keys.root(other)
            if fit is None or root == keys.root(k):
                continue
            distance = first - start if start < first else 10**9 + start - first
            if root not in best or (fit, distance) < best[root]:
                best[root] = (fit, distance)
        if not best:
            continue
        top = min(fit for fit, _ in best.values())
        candidates = sorted((d, r) for r, (fit, d) in best.items() if fit == top)
        if len(candidates) == 1 or top < 2:
            keys.union(k, candidates[0][1])
