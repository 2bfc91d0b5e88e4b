"""The actor registry: curated actors shipped as data, plus the user's own files.

Each file is YAML or JSON with a top-level `actors:` list; see data/registry/README.md for
the fields. Later files may add actors or extend an existing id's aliases. `Registry.index`
finds actors by name: by folded key, and by surface form in a text.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cached_property
from importlib import resources
from pathlib import Path

import yaml

from .errors import RegistryError
from .model import ENTITY_TYPES
from .names import fold, loose, search_view

_ID = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True)
class KnownActor:
    """One actor of the registry."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    country: str | None = None
    parent: str | None = None
    role: str | None = None
    affiliation: str | None = None
    near: tuple[tuple[str, str], ...] = ()  # a place no gazetteer holds: (name, country) of places around it
    origin: str = ""  # the file it came from

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Registry:
    """Known actors by id, in load order."""

    actors: dict[str, KnownActor] = field(default_factory=dict)
    files: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.actors)

    def get(self, actor_id: str) -> KnownActor | None:
        return self.actors.get(actor_id)

    @cached_property
    def index(self) -> "NameIndex":
        """The actors by name (built on first use; the registry itself never changes)."""
        return NameIndex(self)


def surface_variants(name: str) -> list[str]:
    """The ways a name is written: as given, with the other apostrophe, "Al-"/"al-", in capitals.

    A name with a possessive inside ("Treasury’s Office of Foreign Assets Control") has
    none: searched for, it would take the owner's name from the text.
    """
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    if re.search(r"\w['’]s\s", name):
        return []
    out = [name, name.replace("’", "'"), name.replace("'", "’")]
    if re.match(r"^[Aa]l-", name):
        out += [v[0].swapcase() + v[1:] for v in list(out)]
    if len(name) >= 5 and name.upper() != name and " " in name:
        out += [v.upper() for v in list(out)]
    return list(dict.fromkeys(out))


class NameIndex:
    """Registry actors by folded name, and a matcher for their names in a text."""

    def __init__(self, registry: Registry):
        by_key: dict[str, list[str]] = {}
        surfaces: dict[str, str] = {}
        for actor in registry.actors.values():
            for name in actor.names:
                for key in {fold(name), loose(name)}:
                    ids = by_key.setdefault(key, [])
                    if actor.id not in ids:
                        ids.append(actor.id)
                for variant in surface_variants(name):
                    surfaces.setdefault(search_view(variant), actor.id)
        self.by_key = {k: tuple(v) for k, v in by_key.items()}
        self.surfaces = surfaces  # surface (search view) -> actor id
        body = _trie_regex(surfaces)
        self.pattern = re.compile(rf"(?<!\w)(?:{body})(?!\w)") if surfaces else None

    def ids(self, name: str) -> tuple[str, ...]:
        """The ids of the actors that go by this name (any spelling `fold` equates).

        Without its Arabic article a name of several words still names the actor ("Al-Quds
        Force"); one word does not ("Al-Houthi" is a person, "Houthi" the movement).
        """
        found = self.by_key.get(fold(name))
        if found is None and " " in loose(name):
            found = self.by_key.get(loose(name))
        return found or ()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """Each (start, end, actor id) where a registry name is written in the text."""
        if self.pattern is None:
            return []
        view = search_view(text)
        return [(m.start(), m.end(), self.surfaces[re.sub(r"[ \t]+", " ", m.group())])
                for m in self.pattern.finditer(view)
                if re.sub(r"[ \t]+", " ", m.group()) in self.surfaces]


def _trie_regex(words) -> str:
    """One regular expression for many names, factored by common prefixes.

    A flat alternation of two thousand names makes `re` try each at every position of a text;
    the trie tries one branch per character. Longer names still win (optional tails are
    greedy), and a space matches any run of spaces and tabs.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [(r"[ \t]+" if ch == " " else re.escape(ch)) + build(node[ch]) for ch in sorted(node) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def shipped_files() -> list[Path]:
    """The registry files that come with actorgraph."""
    root = resources.files("actorgraph") / "data" / "registry"
    return sorted(Path(str(p)) for p in root.iterdir() if p.name.endswith((".yaml", ".yml", ".json")))


def _read(path: Path) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except OSError as exc:
        raise RegistryError(f"registry file {path}: cannot read: {exc.strerror or exc}") from exc
    except (yaml.YAMLError, json.JSONDecodeError) as exc:
        raise RegistryError(f"registry file {path}: not valid YAML/JSON: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("actors"), list):
        raise RegistryError(f"registry file {path}: expected a mapping with an 'actors:' list")
    return data["actors"]


def _actor(entry: object, path: Path, n: int) -> KnownActor:
    where = f"registry file {path}, actor #{n}"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping, got {type(entry).__name__}")
    actor_id, name, kind = entry.get("id"), entry.get("name"), entry.get("type")
    if not isinstance(actor_id, str) or not _ID.match(actor_id):
        raise RegistryError(f"{where}: 'id' must be a slug of [a-z0-9_], got {actor_id!r}")
    if not isinstance(name, str) or not name.strip():
        raise RegistryError(f"{where} ({actor_id}): 'name' is required")
    if kind not in ENTITY_TYPES:
        raise RegistryError(f"{where} ({actor_id}): 'type' {kind!r} is not one of {', '.join(ENTITY_TYPES)}")
    aliases = entry.get("aliases") or []
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        raise RegistryError(f"{where} ({actor_id}): 'aliases' must be a list of names")
    optional = {k: entry.get(k) for k in ("wikidata", "country", "parent", "role", "affiliation")}
    for k, v in optional.items():
        if v is not None and not isinstance(v, str):
            raise RegistryError(f"{where} ({actor_id}): {k!r} must be a string")
    qid = optional["wikidata"]
    if qid is not None and not re.fullmatch(r"Q[1-9][0-9]*", qid):
        raise RegistryError(f"{where} ({actor_id}): 'wikidata' must look like Q123, got {qid!r}")
    return KnownActor(id=actor_id, name=name.strip(), type=kind,
                      aliases=tuple(dict.fromkeys(a.strip() for a in aliases)), origin=str(path),
                      near=_near(entry.get("near"), f"{where} ({actor_id})"), **optional)


def _near(value: object, where: str) -> tuple[tuple[str, str], ...]:
    """A registry place's `near: ["Katzrin, IL", "Quneitra, SY"]`: the places, each with its country's
    ISO alpha-2 code, that the gazetteer knows and this place lies among."""
    if value is None:
        return ()
    if not isinstance(value, list) or not value:
        raise RegistryError(f"{where}: 'near' must be a list of \"Place, CC\" names, got {value!r}")
    found = []
    for item in value:
        name, _, country = str(item).rpartition(",") if isinstance(item, str) else ("", "", "")
        if not name.strip() or not re.fullmatch(r"[A-Z]{2}", country.strip()):
            raise RegistryError(f"{where}: 'near' entry {item!r} is not \"Place, CC\" (a name, a comma, "
                                f"the ISO 3166-1 alpha-2 code of its country)")
        found.append((name.strip(), country.strip()))
    return tuple(found)


def load_registry(extra: tuple[str, ...] | list[str] = ()) -> Registry:
    """The shipped registry, then each extra file in order (a known id gains the new aliases)."""
    actors: dict[str, KnownActor] = {}
    files = [*shipped_files(), *(Path(p) for p in extra)]
    for path in files:
        if not path.is_file():
            raise RegistryError(f"registry file {path}: no such file")
        for n, entry in enumerate(_read(path), 1):
            actor = _actor(entry, path, n)
            old = actors.get(actor.id)
            if old is not None and old.origin != actor.origin:
                merged = tuple(dict.fromkeys((*old.aliases, *actor.aliases)))
                actor = KnownActor(**{**old.__dict__, "aliases": merged,
                                      "wikidata": actor.wikidata or old.wikidata,
                                      "near": actor.near or old.near})
            elif old is not None:
                raise RegistryError(f"registry file {path}: id {actor.id!r} appears twice")
            actors[actor.id] = actor
    return Registry(actors=actors, files=tuple(str(p) for p in files))
