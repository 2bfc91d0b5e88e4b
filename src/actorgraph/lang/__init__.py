"""Language data: the words extraction reads, one folder per language (`lang/<code>/`).

Each folder holds YAML lexicons organised by concept (role nouns, relation cues by predicate,
certainty and attribution cues, speech verbs, event triggers, number words, months, relative
time words, demonyms) and the Python helpers that know that language's clause structure.
`lexicon("en", "time")` reads `lang/en/time.yaml` once per process; a file that is missing,
malformed or of the wrong shape raises `ConfigError` naming the file and the key.

A new language is a new folder with the same files (see docs/extraction.md).
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError

DEFAULT = "en"


def where(lang: str, name: str, root: str | Path | None = None) -> str:
    """How messages name a language file: `lang/<lang>/<name>.yaml`, or its path under `root`."""
    return f"lang/{lang}/{name}.yaml" if root is None else str(Path(root) / lang / f"{name}.yaml")


@lru_cache(maxsize=None)
def lexicon(lang: str, name: str, root: str | Path | None = None) -> dict[str, Any]:
    """The mapping of `lang/<lang>/<name>.yaml` (read once per process; never mutate it).

    `root` reads `<root>/<lang>/<name>.yaml` instead of the shipped file (tests, a user's language).
    """
    path = (resources.files("actorgraph") / "lang" if root is None else Path(root)) / lang / f"{name}.yaml"
    at = where(lang, name, root)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{at}: no such language file (language {lang!r})") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{at}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{at}: must be a mapping of keys to word lists, not {type(data).__name__}")
    return data


def words(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """The lower-cased word list under `key`; a missing key or a non-list names the file and key."""
    return frozenset(w.lower() for w in strings(data, key, where))


def strings(data: dict[str, Any], key: str, where: str) -> list[str]:
    """The list of strings under `key` as written; a missing key or a non-list names the file and key."""
    if key not in data:
        raise ConfigError(f"{where}: missing key {key!r}")
    value = data[key]
    if not isinstance(value, list):
        raise ConfigError(f"{where}: key {key!r} must be a list of strings")
    bad = [v for v in value if not isinstance(v, str)]
    if bad:  # YAML reads a bare on/off/yes/no as a boolean
        raise ConfigError(f"{where}: key {key!r} must be a list of strings; it holds {bad!r} "
                          f"(quote on/off/yes/no)")
    return list(value)


def mapping(data: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    """The mapping under `key`; a missing key or another shape names the file and key."""
    if key not in data:
        raise ConfigError(f"{where}: missing key {key!r}")
    value = data[key]
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: key {key!r} must be a mapping")
    return value
