"""FollowTheMoney entities (e.g. an OpenSanctions export) into a registry file of known actors.

People, organizations, companies, public bodies and other legal entities become registry
entries with their names (name, alias, previousName; weakAlias on request) and ids: the
registry id is `ftm_<FtM id as a slug>`, the FtM id itself is kept in the entry, and the
Wikidata id carries over. An entity whose Wikidata id is already a shipped actor's, or
whose name means exactly one shipped actor of its type, adds its names to that actor
instead; a name that already means another known actor is left out (one alias, one actor). The file is written where later `extract` and `ingest` runs
read it by themselves: the `registry_dir` folder of the settings.
"""
from __future__ import annotations

import contextlib
import gzip
import hashlib
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from followthemoney import model
from followthemoney.exc import FollowTheMoneyException

from ..errors import RegistryError
from ..registry import load_registry

# FtM schema -> actorgraph type; an entity of another schema (Sanction, Address, Ownership...) is skipped.
SCHEMA_TYPES = (("Person", "person"), ("Organization", "organization"), ("LegalEntity", "organization"))
MIN_NAME = 3  # shorter names (initials, fragments) would match ordinary text
_LATIN = re.compile(r"[A-Za-z]")  # extraction reads English text: names in other scripts never match
_QID = re.compile(r"^Q[1-9][0-9]*$")


@dataclass
class ImportReport:
    """What one import did."""

    source: str
    out: str  # the registry file written
    added: int = 0  # new registry actors
    extended: int = 0  # shipped actors that gained names (same Wikidata id)
    skipped: dict[str, int] = field(default_factory=dict)  # entities of other schemas, by schema
    failures: list[str] = field(default_factory=list)  # "FILE:LINE: reason" per malformed line
    dropped: list[str] = field(default_factory=list)  # names left out: they already name another known actor


def _slug(ftm_id: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", ftm_id.lower()).strip("_")[:60]
    return f"ftm_{slug or 'entity'}"


def _actor_type(schema) -> str | None:
    for name, kind in SCHEMA_TYPES:
        if schema.is_a(model.get(name)):
            return kind
    return None


def _names(proxy, weak_aliases: bool) -> list[str]:
    props = ["name", "alias", "previousName"] + (["weakAlias"] if weak_aliases else [])
    names = [" ".join(n.split()) for p in props if p in proxy.schema.properties for n in proxy.get(p)]
    return [n for n in dict.fromkeys(names) if len(n) >= MIN_NAME and _LATIN.search(n)]


def _lines(path: Path):
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8", errors="strict") as f:
            yield from enumerate(f, 1)
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(f"registry import {path}: cannot read: {getattr(exc, 'strerror', None) or exc}") from exc


def default_output(registry_dir: str | os.PathLike, source: Path) -> Path:
    stem = source.name.split(".", 1)[0] or "entities"
    return Path(registry_dir) / f"ftm_{re.sub(r'[^A-Za-z0-9_-]+', '_', stem)}.yaml"


def import_ftm(source: str | os.PathLike, registry_dir: str | os.PathLike, out: str | os.PathLike | None = None,
               *, weak_aliases: bool = False) -> ImportReport:
    """Read FtM entities (JSON lines, plain or .gz) and write them as a registry file.

    A malformed line is reported (file and line number) and the rest is imported; a file
    that cannot be read, or that yields no actor at all, raises RegistryError.
    """
    path = Path(source)
    if not path.is_file():
        raise RegistryError(f"registry import {path}: no such file")
    target = Path(out) if out is not None else default_output(registry_dir, path)
    report = ImportReport(str(path), str(target))
    shipped = load_registry()
    by_wikidata = {a.wikidata: a for a in shipped.actors.values() if a.wikidata}
    entries: dict[str, dict] = {}  # registry id -> entry
    by_ftm: dict[str, str] = {}  # FtM id -> registry id
    for n, line in _lines(path):
        if not line.strip():
            continue
        where = f"{path}:{n}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            report.failures.append(f"{where}: not JSON: {exc.msg}")
            continue
        if not isinstance(data, dict):
            report.failures.append(f"{where}: expected a JSON object (an FtM entity), got {type(data).__name__}")
            continue
        if not isinstance(data.get("id"), str) or not data["id"].strip():
            report.failures.append(f"{where}: the entity has no 'id'")
            continue
        try:
            proxy = model.get_proxy(data, cleaned=False)
        except (FollowTheMoneyException, TypeError, ValueError, AttributeError) as exc:
            report.failures.append(f"{where}: not a valid FtM entity: {exc}")
            continue
        kind = _actor_type(proxy.schema)
        if kind is None:
            report.skipped[proxy.schema.name] = report.skipped.get(proxy.schema.name, 0) + 1
            continue
        names = _names(proxy, weak_aliases)
        if not names:
            report.failures.append(f"{where}: {proxy.schema.name} {proxy.id} has no usable name "
                                   f"(Latin script, {MIN_NAME}+ characters)")
            continue
        qid = next((q for q in proxy.get("wikidataId") if _QID.match(q)), None)
        country = next((c for p in ("country", "nationality", "jurisdiction", "mainCountry")
                        if p in proxy.schema.properties for c in proxy.get(p) if re.fullmatch(r"[a-z]{2}", c)), None)
        known = by_wikidata.get(qid) if qid else None
        if known is None:  # a name that already means exactly one shipped actor of this type is that actor
            named = shipped.index.ids(names[0])
            if len(named) == 1 and shipped.get(named[0]).type == kind:
                known = shipped.get(named[0])
        if proxy.id in by_ftm:
            entry = entries[by_ftm[proxy.id]]
        elif known is not None:
            entry = entries.setdefault(known.id, {"id": known.id, "name": known.name, "type": known.type,
                                                  "aliases": [], "ftm_ids": []})
            by_ftm[proxy.id] = known.id
        else:
            rid = _slug(proxy.id)
            if rid in entries or shipped.get(rid) is not None:
                rid = f"{rid[:60]}_{hashlib.sha1(proxy.id.encode()).hexdigest()[:8]}"
            entry = entries.setdefault(rid, {"id": rid, "name": names[0], "type": kind, "aliases": [], "ftm_ids": []})
            by_ftm[proxy.id] = rid
        entry["ftm_ids"] = list(dict.fromkeys([*entry["ftm_ids"], proxy.id]))
        kept = []
        for name in names:  # one alias, one actor: a name that means another known actor stays with it
            if set(shipped.index.ids(name)) - {entry["id"]}:
                report.dropped.append(f"{name!r} of {proxy.id} names {', '.join(shipped.index.ids(name))}")
            else:
                kept.append(name)
        entry["aliases"] = [a for a in dict.fromkeys([*entry["aliases"], *kept]) if a != entry["name"]]
        if qid and "wikidata" not in entry:
            entry["wikidata"] = qid
        if country and "country" not in entry:
            entry["country"] = country
        entry.setdefault("note", f"imported from FtM {proxy.schema.name} {proxy.id} in {path.name}")
    if not entries:
        raise RegistryError(f"registry import {path}: no Person, Organization or other legal entity to import"
                            + (f" ({len(report.failures)} malformed lines; first: {report.failures[0]})"
                               if report.failures else ""))
    for rid, entry in entries.items():
        if shipped.get(rid) is not None:
            report.extended += 1
        else:
            report.added += 1
        if not entry["aliases"]:
            del entry["aliases"]
    _write(target, path, list(entries.values()))
    if target.is_file():  # the file must load as a registry: fail now, not at the next ingest
        load_registry([str(target)])  # (a device or pipe, such as /dev/null, keeps nothing to load back)
    return report


def _write(target: Path, source: Path, entries: list[dict]) -> None:
    header = (f"# Known actors imported by `actorgraph registry import` from {source.name}.\n"
              "# Importing the file again rewrites this file; edit the source, or copy entries to a file of your own.\n")
    text = header + yaml.safe_dump({"actors": entries}, allow_unicode=True, sort_keys=False, width=120)
    if target.exists() and not target.is_file() and not target.is_dir():
        # a device or a pipe (/dev/null, /dev/stdout, a FIFO): written in place; renamed over, /dev/null
        # became a regular file for every process of the machine (as root), as export once did
        try:
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
        except OSError as exc:
            raise RegistryError(f"registry import: cannot write {target}: {exc.strerror or exc}") from exc
        return
    tmp = target.with_name(target.name + ".tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        raise RegistryError(f"registry import: cannot write {target}: {exc.strerror or exc}") from exc


def ftm_ids(registry_files: list[str] | tuple[str, ...]) -> dict[str, str]:
    """Registry id -> the FtM id it was imported from, for the imported files among these.

    The FtM export gives such an actor its original FtM id, so the exported entity merges
    with the dataset it came from. A file that is not a readable registry is passed over:
    extraction reports it, an export has no use for it.
    """
    out: dict[str, str] = {}
    for name in registry_files:
        try:
            data = yaml.safe_load(Path(name).read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError):
            continue
        entries = data.get("actors") if isinstance(data, dict) else None
        for entry in entries if isinstance(entries, list) else []:
            if isinstance(entry, dict) and isinstance(entry.get("id"), str) and entry.get("ftm_ids"):
                first = entry["ftm_ids"][0]
                if isinstance(first, str) and first:
                    out.setdefault(entry["id"], first)
    return out

