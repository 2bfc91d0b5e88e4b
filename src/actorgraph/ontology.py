"""The ontology, read from data/ontology.yaml: each relation predicate, what it means, which actors it joins."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from .errors import ConfigError
from .model import ENTITY_TYPES


@dataclass(frozen=True)
class Predicate:
    """One predicate of the ontology."""

    name: str
    meaning: str
    subject: frozenset[str]  # actor types allowed as subject
    object: frozenset[str]
    symmetric: bool
    contract: str  # the evaluation-contract predicate it is exported as

    def joins(self, subject_type: str, object_type: str) -> bool:
        """Whether actors of these types may be this predicate's subject and object."""
        return subject_type in self.subject and object_type in self.object


@lru_cache(maxsize=1)
def ontology() -> dict[str, Predicate]:
    """The shipped predicates by name (read once per process)."""
    path = resources.files("actorgraph") / "data" / "ontology.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out: dict[str, Predicate] = {}
    for name, entry in (data.get("predicates") or {}).items():
        types = set(entry.get("subject", [])) | set(entry.get("object", []))
        unknown = types - set(ENTITY_TYPES)
        if unknown:
            raise ConfigError(f"ontology.yaml: predicate {name!r} names unknown actor types "
                              f"{sorted(unknown)}; valid: {', '.join(ENTITY_TYPES)}")
        out[name] = Predicate(
            name=name, meaning=entry.get("meaning", ""),
            subject=frozenset(entry["subject"]), object=frozenset(entry["object"]),
            symmetric=bool(entry.get("symmetric", False)), contract=entry.get("contract", name),
        )
    return out


def predicate(name: str) -> Predicate:
    """The predicate of this name; raises ConfigError naming the valid ones."""
    known = ontology()
    if name not in known:
        raise ConfigError(f"unknown predicate {name!r}; known: {', '.join(sorted(known))}")
    return known[name]
