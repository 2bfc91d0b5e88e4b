"""Named reviewers: who may write through `actorgraph serve`, each with a token stored only hashed.

A token reads `agr_<id>_<secret>`: the id finds the reviewer's row without trying every hash;
the secret (32 random bytes) is stored as scrypt(secret, salt), so a copy of the list does not
give anyone a token. `add_reviewer` returns the token: it is shown once and kept nowhere.
Removing a reviewer ends their token and their browser sessions (a session names the token id).

The reviewers are kept in a small file beside the store, `<store>.reviewers` (JSON, mode 0600),
not in the DuckDB file: a writing server holds the DuckDB file for itself, and the file lets
`actorgraph reviewers add|remove` change who may write while the server runs. Each change
rewrites the file whole (a temporary file renamed over it, under an exclusive lock, so two
commands at once do not lose one's change); the server reads it again when its size, time or
inode changed, which it checks on every write and session lookup, so a revoked token is refused
on its next request. Stores made before kept reviewers in their `reviewers` table: the migration
`reviewers-file` moves them to the file.
"""
from __future__ import annotations

import fcntl
import hashlib
import hmac
import json
import os
import re
import secrets
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from ..errors import ReviewerError
from .database import now

if TYPE_CHECKING:
    from .database import Store

# scrypt's interactive parameters (RFC 7914 section 2: N=2^14, r=8, p=1): about 16 MB and tens of ms.
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}
_TOKEN = re.compile(r"agr_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")
_NAME = re.compile(r"[^\W_][\w .@'-]{0,63}")
SUFFIX = ".reviewers"  # the reviewers file is the store's path with this added


@dataclass(frozen=True)
class Reviewer:
    name: str
    token_id: str
    added_at: datetime


def token_hash(secret: str, salt: bytes) -> bytes:
    return hashlib.scrypt(secret.encode(), salt=salt, **_SCRYPT)


def reviewers_path(store: "Store | str | os.PathLike") -> Path:
    """The reviewers file of a store (given as a Store or its path)."""
    return Path(f"{os.fspath(getattr(store, 'path', store))}{SUFFIX}")


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not _NAME.fullmatch(name):
        raise ReviewerError(f"reviewer name {name[:80]!r} is not valid: 1 to 64 letters, digits, spaces or . @ ' - _, "
                            f"starting with a letter or digit")
    return name


class ReviewerFile:
    """The reviewers file of one store: read when it changed on disk, rewritten whole on a change."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._seen: tuple | None = None
        self._rows: dict[str, dict] = {}  # token id -> row
        self._lock = threading.Lock()

    # -- reading -------------------------------------------------------------------------

    def _stamp(self) -> tuple | None:
        try:
            st = self.path.stat()
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_size, st.st_mtime_ns

    def _read(self) -> dict[str, dict]:
        if not self.path.exists():
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            rows = {r["token_id"]: r for r in data["reviewers"]}
        except (ValueError, KeyError, TypeError) as exc:
            raise ReviewerError(f"reviewers file {self.path} cannot be read ({exc}); remove it and add the "
                                f"reviewers again with `actorgraph reviewers add NAME`") from exc
        return rows

    def rows(self) -> dict[str, dict]:
        """The reviewers' rows by token id, read again when the file changed since the last look."""
        with self._lock:
            stamp = self._stamp()
            if stamp != self._seen:
                self._rows, self._seen = self._read(), stamp
            return self._rows

    def reviewers(self) -> list[Reviewer]:
        return sorted((_reviewer(r) for r in self.rows().values()), key=lambda r: r.name)

    def by_token_id(self, token_id: str) -> Reviewer | None:
        """The reviewer whose current token has this id (None once removed)."""
        row = self.rows().get(token_id)
        return _reviewer(row) if row else None

    def check_token(self, token: str) -> Reviewer | None:
        """The reviewer this token belongs to, or None (malformed, unknown, revoked); compared in constant time."""
        found = _TOKEN.fullmatch(token.strip())
        if not found:
            return None
        token_id, secret = found.groups()
        row = self.rows().get(token_id)
        if row is None:
            return None
        if not hmac.compare_digest(token_hash(secret, bytes.fromhex(row["salt"])), bytes.fromhex(row["hash"])):
            return None
        return _reviewer(row)

    # -- changing ------------------------------------------------------------------------

    @contextmanager
    def _changing(self) -> Iterator[dict[str, dict]]:
        """The rows as on disk now, under an exclusive lock; what the block leaves in them is written back."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(f"{self.path}.lock", "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            rows = dict(self._read())
            yield rows
            fd, tmp = tempfile.mkstemp(prefix=self.path.name, suffix=".tmp", dir=self.path.parent)
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as out:
                    json.dump({"reviewers": sorted(rows.values(), key=lambda r: r["name"])}, out, indent=1)
                    out.flush()
                    os.fsync(out.fileno())
                os.chmod(tmp, 0o600)
                os.replace(tmp, self.path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise

    def add(self, name: str, *, token_id: str | None = None, salt: bytes | None = None, hashed: bytes | None = None,
            added_at: datetime | None = None) -> tuple[Reviewer, str | None]:
        """Add a reviewer; the reviewer and their token (shown once: only its hash is kept).

        With `hashed` (moving a reviewer from an older store) the token is the one they had, and none is returned."""
        name = _checked_name(name)
        token = None
        if hashed is None:
            token_id, secret, salt = secrets.token_hex(6), secrets.token_urlsafe(32), secrets.token_bytes(16)
            hashed, token = token_hash(secret, salt), f"agr_{token_id}_{secret}"
        row = {"name": name, "token_id": token_id, "salt": salt.hex(), "hash": hashed.hex(),
               "added_at": (added_at or now()).isoformat(timespec="seconds")}
        with self._changing() as rows:
            if any(r["name"] == name for r in rows.values()):
                raise ReviewerError(f"{name!r} is a reviewer already; `actorgraph reviewers remove {name!r}` first "
                                    f"to give them a new token")
            rows[token_id] = row
        return _reviewer(row), token

    def remove(self, name: str) -> Reviewer:
        """Remove a reviewer: their token and browser sessions stop working (their decisions stay)."""
        name = " ".join(name.split())
        with self._changing() as rows:
            found = [r for r in rows.values() if r["name"] == name]
            if not found:
                known = ", ".join(sorted(r["name"] for r in rows.values())) or "none"
                raise ReviewerError(f"no reviewer named {name[:80]!r}; the reviewers: {known}")
            del rows[found[0]["token_id"]]
        return _reviewer(found[0])


def _reviewer(row: dict) -> Reviewer:
    return Reviewer(row["name"], row["token_id"], datetime.fromisoformat(row["added_at"]))


_FILES: dict[Path, ReviewerFile] = {}


def reviewer_file(store: "Store | str | os.PathLike") -> ReviewerFile:
    """The reviewers file of a store (one reader per path in a process, so its rows are read once per change)."""
    path = reviewers_path(store).resolve()
    if path not in _FILES:
        _FILES[path] = ReviewerFile(path)
    return _FILES[path]


def add_reviewer(store: "Store | str | os.PathLike", name: str) -> tuple[Reviewer, str]:
    """Add a reviewer to a store (a Store or its path); the reviewer and their token, shown once."""
    reviewer, token = reviewer_file(store).add(name)
    assert token is not None
    return reviewer, token


def remove_reviewer(store: "Store | str | os.PathLike", name: str) -> Reviewer:
    """Remove a reviewer: their token and browser sessions stop working (their decisions stay)."""
    return reviewer_file(store).remove(name)


def reviewers(store: "Store | str | os.PathLike") -> list[Reviewer]:
    return reviewer_file(store).reviewers()


def reviewer_by_token_id(store: "Store | str | os.PathLike", token_id: str) -> Reviewer | None:
    """The reviewer whose current token has this id (None once removed)."""
    return reviewer_file(store).by_token_id(token_id)


def check_token(store: "Store | str | os.PathLike", token: str) -> Reviewer | None:
    """The reviewer this token belongs to, or None (malformed, unknown, revoked)."""
    return reviewer_file(store).check_token(token)


def move_to_file(store: "Store") -> None:
    """Migration `reviewers-file`: the reviewers an older store kept in its table go to the reviewers file."""
    if not store.value("SELECT count(*) FROM information_schema.tables WHERE table_name = 'reviewers'"):
        return
    rows = store.rows("SELECT name, token_id, salt, hash, added_at FROM reviewers ORDER BY name")
    if rows and not str(store.path).startswith(":memory:"):
        file = reviewer_file(store)
        known = {r.name for r in file.reviewers()}
        for name, token_id, salt, hashed, added in rows:
            if name not in known:
                file.add(name, token_id=token_id, salt=bytes(salt), hashed=bytes(hashed), added_at=added)
    store.conn.execute("DELETE FROM reviewers")


def session_key(store: "Store") -> bytes:
    """The key that signs browser sessions, made once per store (sessions outlive a restart of serve)."""
    key = store.value("SELECT key FROM web_keys WHERE name = 'session'")
    if key is None:
        key = secrets.token_bytes(32)
        store.conn.execute("INSERT INTO web_keys VALUES ('session', ?, ?)", [key, now()])
    return bytes(key)
