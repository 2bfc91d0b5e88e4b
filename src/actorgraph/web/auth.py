"""Who may write: reviewer tokens, browser sessions, and the checks against cross-site requests.

A write is let through only when all of these hold:
  - the server is writable (its store has reviewers, see `actorgraph reviewers`);
  - the request is not cross-site: `Sec-Fetch-Site`, `Origin` and `Referer`, when sent, name this server;
  - it names a reviewer, by `Authorization: Bearer TOKEN` (API clients), or by the session cookie that
    /signin sets (browsers). A cookie alone is not enough: the request must also carry the session's
    CSRF token (header `X-CSRF-Token`, or form field `csrf`) and an `Origin` or `Referer` of this server.
A session is `<token id>.<issued>` signed with HMAC-SHA256 under a key kept in the store; it names the
reviewer's token id, so removing the reviewer (or giving them a new token) ends their sessions. The
cookie is HttpOnly and SameSite=Strict and lasts SESSION_HOURS.
The reviewers are read from the reviewers file beside the store (store.reviewers), again whenever
it changed: `actorgraph reviewers add|remove` take effect on a running server at its next request.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import threading
import time
from urllib.parse import urlsplit

from fastapi import HTTPException, Request
from fastapi.responses import Response

from ..store.reviewers import Reviewer, reviewer_file, session_key
from .storage import StoreAccess

COOKIE = "actorgraph_session"
SESSION_HOURS = 12
CSRF_HEADER = "x-csrf-token"
_CACHE_MAX = 1024


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


class Gate:
    """The write checks of one app over one store."""

    def __init__(self, access: StoreAccess):
        self.access = access
        self.writable = access.writable
        self.reviewers = reviewer_file(access.path)
        self._key = b""
        if self.writable:
            with access.writer() as store:
                self._key = session_key(store)
        # sha256(token) -> token id of a token scrypt already accepted: scrypt costs tens of ms by
        # design, so an API client's every request does not pay it. Revocation is still seen at once:
        # the token id is looked up in the reviewers file (read again when it changed) on each request.
        self._verified: dict[bytes, str] = {}
        self._lock = threading.Lock()

    # -- tokens and sessions -------------------------------------------------------------

    def by_token(self, token: str) -> Reviewer | None:
        """The reviewer a Bearer token belongs to (None: malformed, unknown or removed)."""
        digest = hashlib.sha256(token.strip().encode()).digest()
        with self._lock:
            token_id = self._verified.get(digest)
        if token_id is not None:
            return self.reviewers.by_token_id(token_id)
        reviewer = self.reviewers.check_token(token)
        if reviewer is not None:
            with self._lock:
                if len(self._verified) >= _CACHE_MAX:
                    self._verified.clear()
                self._verified[digest] = reviewer.token_id
        return reviewer

    def _sign(self, purpose: bytes, payload: str) -> str:
        return _b64(hmac.new(self._key, purpose + b"|" + payload.encode(), hashlib.sha256).digest())

    def session_cookie(self, reviewer: Reviewer) -> str:
        payload = f"{reviewer.token_id}.{int(time.time())}"
        return f"{payload}.{self._sign(b'session', payload)}"

    def _payload(self, request: Request) -> str | None:
        """The session payload of the request's cookie when it is signed by us and not expired."""
        value = request.cookies.get(COOKIE, "")
        payload, _, signature = value.rpartition(".")
        if not self.writable or not payload or not hmac.compare_digest(signature, self._sign(b"session", payload)):
            return None
        issued = payload.partition(".")[2]
        if not issued.isdigit() or time.time() - int(issued) > SESSION_HOURS * 3600:
            return None
        return payload

    def session(self, request: Request) -> Reviewer | None:
        """The reviewer signed in by this request's cookie (None: no cookie, forged, expired, reviewer removed)."""
        payload = self._payload(request)
        if payload is None:
            return None
        return self.reviewers.by_token_id(payload.partition(".")[0])

    def csrf(self, request: Request) -> str | None:
        payload = self._payload(request)
        return self._sign(b"csrf", payload) if payload else None

    # -- the checks ----------------------------------------------------------------------

    def writer(self, request: Request, form_csrf: str | None = None) -> Reviewer:
        """The reviewer making this write, or an HTTPException saying why it is refused."""
        if not self.writable:
            raise HTTPException(403, "writing is off: this store is served read-only; add a reviewer with "
                                     "`actorgraph reviewers add NAME` and start `actorgraph serve` again")
        refused = cross_site(request)
        if refused:
            raise HTTPException(403, f"cross-site write refused: {refused}")
        authorization = request.headers.get("authorization", "")
        if authorization:
            scheme, _, token = authorization.partition(" ")
            reviewer = self.by_token(token) if scheme.lower() == "bearer" and token.strip() else None
            if reviewer is None:
                raise HTTPException(401, "the Bearer token is not a reviewer's (unknown, mistyped or removed)",
                                    headers={"WWW-Authenticate": "Bearer"})
            return reviewer
        if request.cookies.get(COOKIE):
            reviewer = self.session(request)
            if reviewer is None:
                raise HTTPException(401, "the session has ended (expired, or the reviewer was removed): sign in "
                                         "again at /signin", headers={"WWW-Authenticate": "Bearer"})
            if not (request.headers.get("origin") or request.headers.get("referer")):
                raise HTTPException(403, "a write by session must come from a page of this server "
                                         "(no Origin or Referer header)")
            offered = request.headers.get(CSRF_HEADER) or form_csrf or ""
            expected = self.csrf(request) or ""
            if not offered or not hmac.compare_digest(offered, expected):
                raise HTTPException(403, "the CSRF token is missing or wrong: reload the page and try again")
            return reviewer
        raise HTTPException(401, "writing needs a reviewer: sign in at /signin, or send "
                                 "`Authorization: Bearer TOKEN` (`actorgraph reviewers add NAME` makes one)",
                            headers={"WWW-Authenticate": "Bearer"})

    def set_session(self, response: Response, request: Request, reviewer: Reviewer) -> None:
        response.set_cookie(COOKIE, self.session_cookie(reviewer), max_age=SESSION_HOURS * 3600, path="/",
                            httponly=True, samesite="strict", secure=request.url.scheme == "https")

    @staticmethod
    def end_session(response: Response) -> None:
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")


def own_origin(request: Request) -> str:
    return f"{request.url.scheme}://{request.headers.get('host', '')}"


def cross_site(request: Request) -> str | None:
    """Why this request comes from another site (None when nothing says it does)."""
    site = request.headers.get("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        return f"the browser says the request is {site}"
    own = own_origin(request)
    origin = request.headers.get("origin")
    if origin is not None and origin != own:
        return f"Origin {origin[:100]!r} is not this server ({own})"
    referer = request.headers.get("referer")
    if origin is None and referer:
        parts = urlsplit(referer)
        if f"{parts.scheme}://{parts.netloc}" != own:
            return f"Referer {referer[:100]!r} is not a page of this server ({own})"
    return None


def local_path(value: str | None) -> str:
    """A redirect target inside this app ('/' when `value` is not a path here)."""
    value = value or "/"
    if not value.startswith("/") or value.startswith("//") or "\\" in value or any(ord(c) < 32 for c in value):
        return "/"
    return value
