"""Named reviewers: who may write through `actorgraph serve`, each with a token stored only hashed.

A token reads `agr_<id>_<secret>`: the id finds the reviewer's row without trying every hash;
the secret (32 random bytes) is stored as scrypt(secret, salt), so a copy of the store does not
give anyone a token. `add_reviewer` returns the token: it is shown once and kept nowhere.
Removing a reviewer ends their token and their browser sessions (a session names the token id).
"""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from ..errors import ReviewerError
from .database import Store, now

# scrypt's interactive parameters (RFC 7914 section 2: N=2^14, r=8, p=1): about 16 MB and tens of ms.
_SCRYPT = {"n": 2 ** 14, "r": 8, "p": 1, "maxmem": 64 * 1024 * 1024, "dklen": 32}
_TOKEN = re.compile(r"agr_([0-9a-f]{12})_([A-Za-z0-9_-]{43})")
_NAME = re.compile(r"[^\W_][\w .@'-]{0,63}")


@dataclass(frozen=True)
class Reviewer:
    name: str
    token_id: str
    added_at: datetime


def token_hash(secret: str, salt: bytes) -> bytes:
    return hashlib.scrypt(secret.encode(), salt=salt, **_SCRYPT)


def _checked_name(name: str) -> str:
    name = " ".join(name.split())
    if not _NAME.fullmatch(name):
        raise ReviewerError(f"reviewer name {name[:80]!r} is not valid: 1 to 64 letters, digits, spaces or . @ ' - _, "
                            f"starting with a letter or digit")
    return name


def add_reviewer(store: Store, name: str) -> tuple[Reviewer, str]:
    """Add a reviewer; the reviewer and their token (shown once: only its hash is stored)."""
    name = _checked_name(name)
    if store.value("SELECT count(*) FROM reviewers WHERE name = ?", [name]):
        raise ReviewerError(f"{name!r} is a reviewer already; `actorgraph reviewers remove {name!r}` first "
                            f"to give them a new token")
    token_id, secret, salt = secrets.token_hex(6), secrets.token_urlsafe(32), secrets.token_bytes(16)
    added = now()
    store.conn.execute("INSERT INTO reviewers VALUES (?, ?, ?, ?, ?)", [name, token_id, salt, token_hash(secret, salt), added])
    return Reviewer(name, token_id, added), f"agr_{token_id}_{secret}"


def remove_reviewer(store: Store, name: str) -> Reviewer:
    """Remove a reviewer: their token and browser sessions stop working (their decisions stay)."""
    rows = store.rows("SELECT name, token_id, added_at FROM reviewers WHERE name = ?", [" ".join(name.split())])
    if not rows:
        known = ", ".join(r.name for r in reviewers(store)) or "none"
        raise ReviewerError(f"no reviewer named {name[:80]!r}; the reviewers: {known}")
    store.conn.execute("DELETE FROM reviewers WHERE name = ?", [rows[0][0]])
    return Reviewer(*rows[0])


def reviewers(store: Store) -> list[Reviewer]:
    return [Reviewer(*r) for r in store.rows("SELECT name, token_id, added_at FROM reviewers ORDER BY name")]


def reviewer_by_token_id(store: Store, token_id: str) -> Reviewer | None:
    """The reviewer whose current token has this id (None once removed)."""
    rows = store.rows("SELECT name, token_id, added_at FROM reviewers WHERE token_id = ?", [token_id])
    return Reviewer(*rows[0]) if rows else None


def check_token(store: Store, token: str) -> Reviewer | None:
    """The reviewer this token belongs to, or None (malformed, unknown, revoked); compared in constant time."""
    found = _TOKEN.fullmatch(token.strip())
    if not found:
        return None
    token_id, secret = found.groups()
    rows = store.rows("SELECT name, token_id, added_at, salt, hash FROM reviewers WHERE token_id = ?", [token_id])
    if not rows:
        return None
    name, token_id, added, salt, stored = rows[0]
    if not hmac.compare_digest(token_hash(secret, bytes(salt)), bytes(stored)):
        return None
    return Reviewer(name, token_id, added)


def session_key(store: Store) -> bytes:
    """The key that signs browser sessions, made once per store (sessions outlive a restart of serve)."""
    key = store.value("SELECT key FROM web_keys WHERE name = 'session'")
    if key is None:
        key = secrets.token_bytes(32)
        store.conn.execute("INSERT INTO web_keys VALUES ('session', ?, ?)", [key, now()])
    return bytes(key)
