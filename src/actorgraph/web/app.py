"""The FastAPI application: pages, the JSON API behind them, security headers.

Every page is a static HTML shell plus an ES module that asks the JSON API and builds the
DOM with textContent, so article text (untrusted) is never parsed as markup. The headers
forbid inline scripts, eval, plugins, framing and foreign origins. Writing exists only when the
store has reviewers; each write names one (web.auth: Bearer token, or a signed-in session with its
CSRF token, never from another site).
"""
from __future__ import annotations

import html
import threading
from urllib.parse import parse_qs
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from pathlib import Path
from typing import Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field

from .. import __version__, query
from ..errors import (ActorgraphError, AmbiguousActorError, DecisionError, FilterError, IntakeError, ReviewError,
                      StaleReviewError, UnknownActorError, UnknownTargetError)
from ..ontology import ontology
from ..settings import Settings
from . import gazetteer, geo, highlight, network
from .auth import Gate, cross_site, local_path
from .answers import AnswerCache
from .review import add_review_routes, evidence_with_review, plain, rejected_edge
from .catalogue import actor_page, actor_relations, articles_page, search_actors
from .storage import StoreAccess, valid_id
from .writing import ingest_text

STATIC = Path(str(files("actorgraph.web") / "static"))
PAGES = {"search": "search.html", "actor": "actor.html", "network": "network.html", "map": "map.html",
         "article": "article.html", "articles": "articles.html", "changes": "changes.html", "signin": "signin.html",
         "review": "review.html"}
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "font-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class ArticleIn(BaseModel):
    """An article posted for ingest."""

    text: str = Field(min_length=1, description="the article's text (scraped text, markdown or HTML)")
    source: str | None = Field(None, max_length=500, description="where it came from (default: web:<hash>)")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="ISO date")
    url: str | None = Field(None, max_length=2000)
    format: Literal["text", "markdown", "html"] | None = Field(None, description="default: detected from the text")


def _checked(kind: str, value: str) -> str:
    if not valid_id(kind, value):
        raise HTTPException(404, f"not a valid {dict(g='actor', a='article', r='relation')[kind]} id: {value[:80]!r}")
    return value


def _list(values: list[str] | None) -> list[str] | None:
    """Repeated or comma-separated query values, blanks dropped."""
    out = [v.strip() for item in values or [] for v in item.split(",") if v.strip()]
    return out or None


# The HTTP status of each error the API lets through (the most specific class wins); the body is {"error": message}.
ERROR_STATUS: dict[type[ActorgraphError], int] = {
    UnknownActorError: 404,
    UnknownTargetError: 404,
    AmbiguousActorError: 409,
    DecisionError: 409,  # a merge or split (or its undo) that cannot be made now
    FilterError: 422,
    IntakeError: 422,
    ReviewError: 422,
    ActorgraphError: 500,
}


def _error_response(status: int):
    """An exception handler that answers {"error": message} with this status."""
    async def handler(request: Request, exc: ActorgraphError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=status)
    return handler


LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]


def create_app(store_path: str, *, writable: bool = False, settings: Settings | None = None,
               allowed_hosts: list[str] | None = None, memory_mb: int | None = None) -> FastAPI:
    """The app over one store file; read-only unless `writable` (then its reviewers may write, see web.auth).

    `allowed_hosts` are the Host header values answered (default: the loopback names, so that a
    web page elsewhere cannot reach a local server by rebinding its own name to 127.0.0.1).
    `memory_mb` caps DuckDB's memory in this process (one of several serving processes).
    """
    access = StoreAccess(store_path, writable=writable, memory_mb=memory_mb)
    gate = Gate(access)
    settings = settings or Settings.load(store=store_path)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        access.close()

    app = FastAPI(title="actorgraph", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="The sourced actor graph of an actorgraph store: search, profiles, evidence, "
                              "network, map and articles. Readers need no token; the store's reviewers may "
                              "write (review, ingest) with a Bearer token or a signed-in session.")
    app.state.access = access
    app.state.gate = gate
    threading.Thread(target=gazetteer.warm, daemon=True).start()  # warm the map's gazetteer

    hosts = set(allowed_hosts or LOOPBACK_HOSTS)
    # a read-only store cannot change while served: its answers are kept (web.answers)
    answers = AnswerCache(settings.response_cache_mb * 2**20) if not writable and settings.response_cache_mb > 0 else None
    app.state.answers = answers

    async def _answer(request: Request, call_next) -> Response:
        """The kept answer to this request, else the app's (kept when it is a successful JSON answer)."""
        key = answers.key(request.method, request.url.path, request.url.query) if answers is not None else None
        if key is None:
            return await call_next(request)
        body = answers.get(key)
        if body is not None:
            return Response(body, media_type="application/json", headers={"X-Cache": "hit"})
        response = await call_next(request)
        if response.status_code != 200 or response.headers.get("content-type") != "application/json":
            return response
        body = b"".join([chunk async for chunk in response.body_iterator])
        answers.put(key, body)
        headers = {k: v for k, v in response.headers.items() if k != "content-length"}
        return Response(body, status_code=200, headers=headers | {"X-Cache": "miss"})

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        host = request.headers.get("host", "")
        if "*" not in hosts and _host_name(host) not in hosts:
            response = JSONResponse({"error": f"host {host[:100]!r} is not served here; start with --host to allow it"},
                                    status_code=400)
        elif request.method == "POST" and _length(request) > settings.max_bytes:
            response = JSONResponse({"error": f"request body over the limit of {settings.max_bytes} bytes"},
                                    status_code=413)
        else:
            response = await _answer(request, call_next)
        for key, value in SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    for error, status in ERROR_STATUS.items():
        app.add_exception_handler(error, _error_response(status))

    @app.exception_handler(StaleReviewError)
    async def stale(request: Request, exc: StaleReviewError):
        # the write is refused; the page shows what is there now and lets the reviewer decide again
        return JSONResponse({"error": str(exc), "current": plain(exc.current)}, status_code=409)

    # -- JSON API ------------------------------------------------------------------------

    @app.get("/api/stats", tags=["store"])
    def stats() -> dict:
        """Counts, and the most connected and most cited actors."""
        with access.reader() as store:
            return query.stats(store) | {"writable": access.writable}

    @app.get("/api/predicates", tags=["store"])
    def predicates() -> dict:
        """The relation predicates of the ontology, with what each means."""
        return {name: p.meaning for name, p in ontology().items()}

    @app.get("/api/search", tags=["search"])
    def search(q: str = Query(..., min_length=1, max_length=200), limit: int = Query(10, ge=1, le=50),
               offset: int = Query(0, ge=0)) -> dict:
        """Actors whose name or an alias contains `q` (names starting with it first)."""
        with access.reader() as store:
            return search_actors(store, q, limit=limit, offset=offset)

    @app.get("/api/search/text", tags=["search"])
    def search_text(q: str = Query(..., min_length=2, max_length=200), limit: int = Query(20, ge=1, le=100),
                    rejected: bool = Query(False)) -> dict:
        """Evidence sentences and quotes containing `q`; `rejected=1`: rejected statements too, marked."""
        with access.reader() as store:
            return query.search(store, q, limit=limit, include_rejected=rejected)

    @app.get("/api/actors/{actor_id}", tags=["actors"])
    def actor(actor_id: str, rejected: bool = Query(False)) -> dict:
        """An actor's profile: names, ids, relations by predicate (first of each, with its review state), events,
        quotes, figures, timeline. `rejected=1`: rejected statements count too (their edges marked)."""
        with access.reader() as store:
            return actor_page(store, _checked("g", actor_id), include_rejected=rejected)

    @app.get("/api/actors/{actor_id}/relations", tags=["actors"])
    def relations(actor_id: str, predicate: str = Query(..., max_length=40), offset: int = Query(0, ge=0),
                  limit: int = Query(50, ge=1, le=200)) -> dict:
        """One page of an actor's relations of one predicate."""
        with access.reader() as store:
            return actor_relations(store, _checked("g", actor_id), predicate, offset=offset, limit=limit)

    @app.get("/api/relations/{relation_id}", tags=["evidence"])
    def relation(relation_id: str, offset: int = Query(0, ge=0),
                 limit: int = Query(highlight.EVIDENCE_PAGE, ge=1, le=100), rejected: bool = Query(False)) -> dict:
        """One page of an edge's evidence: each sentence with subject, object and cue marked, and its review
        state; the edge's review state; `rejected=1`: its rejected statements too, marked."""
        with access.reader() as store:
            found = highlight.relation_evidence(store, _checked("r", relation_id), offset=offset, limit=limit)
            if not found and rejected and store.value("SELECT count(*) FROM rejected_statements WHERE relation_id = ?",
                                                      [relation_id]):
                return rejected_edge(store, relation_id)
            if not found:
                raise HTTPException(404, f"no relation {relation_id}")
            return evidence_with_review(store, found, rejected=rejected)

    @app.get("/api/network/{actor_id}", tags=["network"])
    def graph(actor_id: str, hops: int = Query(1, ge=1, le=network.MAX_HOPS),
              predicate: list[str] | None = Query(None), certainty: list[str] | None = Query(None),
              since: str | None = Query(None, max_length=10), until: str | None = Query(None, max_length=10),
              limit: int = Query(80, ge=2, le=network.MAX_NODES), rejected: bool = Query(False)) -> dict:
        """A bounded neighbourhood around the actor (at most `limit` actors), filtered; `rejected=1` also
        counts the statements reviewers rejected (each edge says its review state)."""
        with access.reader() as store:
            _exists(store, _checked("g", actor_id))
            return network.neighbourhood(store, actor_id, hops=hops, predicates=_list(predicate),
                                         certainty=_list(certainty), since=since or None, until=until or None, limit=limit,
                                         include_rejected=rejected)

    @app.get("/api/map", tags=["map"])
    def map_(actor: str | None = Query(None), rejected: bool = Query(False)) -> dict:
        """Placed operating areas, bases and targets (of one actor, or the busiest), and corridors; `rejected=1`
        also draws relations reviewers rejected."""
        with access.reader() as store:
            if actor:
                _exists(store, _checked("g", actor))
            return geo.actor_map(store, actor or None, include_rejected=rejected)

    @app.get("/api/articles", tags=["articles"])
    def articles(q: str | None = Query(None, max_length=200), offset: int = Query(0, ge=0),
                 limit: int = Query(25, ge=1, le=100)) -> dict:
        """One page of stored articles, newest first; `q` filters by title or source."""
        with access.reader() as store:
            return articles_page(store, q, offset=offset, limit=limit)

    @app.get("/api/articles/{article_id}", tags=["articles"])
    def article(article_id: str) -> dict:
        """An article's clean text in segments, with actor mentions, cues, quotes and figures marked."""
        with access.reader() as store:
            found = highlight.article_view(store, _checked("a", article_id))
        if not found:
            raise HTTPException(404, f"no article {article_id}")
        return found

    @app.get("/api/changes", tags=["changes"])
    def changes(since: str | None = Query(None, max_length=32), watched: bool = Query(False)) -> dict:
        """What is new since a date (default: the last ingest run that stored articles): new actors, edges,
        first independent confirmations, contradictions and events, each with its evidence page."""
        with access.reader() as store:
            return query.changes(store, since=since or None, watched=watched)

    @app.get("/api/watch-list", tags=["changes"])
    def watched() -> dict:
        """The watched actors (`actorgraph watch-list add NAME` adds one)."""
        from ..store.watch import watch_list
        with access.reader() as store:
            return {"actors": watch_list(store)}

    @app.get("/changes.atom", tags=["changes"])
    def changes_atom(request: Request, since: str | None = Query(None, max_length=32)) -> Response:
        """The changes for watched actors as an Atom feed; each entry links to the page of its evidence."""
        from ..store.watch import last_run
        from .changes_feed import atom_feed
        with access.reader() as store:
            answer = query.changes(store, since=since or None, watched=True)
            run = last_run(store)
        base = str(request.base_url).rstrip("/")
        body = atom_feed(answer, base, run["finished_at"] or run["started_at"] if run else None, access.path)
        return Response(body, media_type="application/atom+xml; charset=utf-8")

    @app.get("/api/articles/{article_id}/story", tags=["articles"])
    def article_story(article_id: str) -> dict:
        """The story the article belongs to: its copies across outlets (they count as one source)."""
        from ..errors import DecisionError
        from ..store import story
        with access.reader() as store:
            try:
                return story(store, _checked("a", article_id))
            except DecisionError as exc:
                raise HTTPException(404, str(exc)) from exc

    @app.post("/api/articles", tags=["articles"], status_code=201)
    def post_article(body: ArticleIn, request: Request) -> dict:
        """Ingest one article (a reviewer's write: Bearer token, or a signed-in session with its CSRF token)."""
        reviewer = gate.writer(request)
        with access.writer() as store:
            return ingest_text(store, settings, body.text, source=body.source, title=body.title,
                               published=body.published, url=body.url, format=body.format) | {"reviewer": reviewer.name}

    @app.get("/api/session", tags=["reviewers"])
    def session(request: Request) -> dict:
        """Who is signed in on this browser (null for a reader), the CSRF token their writes send, and
        whether this server lets reviewers write."""
        reviewer = gate.session(request) if writable else None
        return {"reviewer": reviewer.name if reviewer else None, "csrf": gate.csrf(request) if reviewer else None,
                "writable": writable}

    @app.post("/signin", include_in_schema=False)
    async def signin(request: Request) -> Response:
        """The sign-in form: a reviewer's token in, an HttpOnly SameSite=Strict session cookie out."""
        form = await _form(request)
        refused = cross_site(request)
        if refused:
            return _signin_page(f"Sign-in refused: {refused}.", 403)
        if not writable:
            return _signin_page("This server is read-only: nobody signs in.", 403)
        reviewer = gate.by_token(form.get("token", ""))
        if reviewer is None:
            return _signin_page("That token is not a reviewer's (mistyped, or the reviewer was removed).", 401)
        response = RedirectResponse(local_path(form.get("next")), status_code=303)
        gate.set_session(response, request, reviewer)
        return response

    @app.post("/signout", include_in_schema=False)
    async def signout(request: Request) -> Response:
        """End this browser's session (a write of its own: same origin and CSRF token required)."""
        form = await _form(request)
        gate.writer(request, form_csrf=form.get("csrf"))
        response = RedirectResponse("/", status_code=303)
        gate.end_session(response)
        return response

    # -- pages ---------------------------------------------------------------------------

    def page(name: str) -> FileResponse:
        return FileResponse(STATIC / "pages" / PAGES[name], media_type="text/html")

    @app.get("/signin", include_in_schema=False)
    def signin_html() -> Response:
        return _signin_page("", 200) if writable else _signin_page("This server is read-only: nobody signs in.", 200)

    @app.get("/", include_in_schema=False)
    def home() -> FileResponse:
        return page("search")

    @app.get("/articles", include_in_schema=False)
    def articles_html() -> FileResponse:
        return page("articles")

    @app.get("/review", include_in_schema=False)
    def review_html() -> FileResponse:
        return page("review")

    @app.get("/changes", include_in_schema=False)
    def changes_html() -> FileResponse:
        return page("changes")

    @app.get("/map", include_in_schema=False)
    def map_html() -> FileResponse:
        return page("map")

    @app.get("/actor/{actor_id}", include_in_schema=False)
    def actor_html(actor_id: str) -> FileResponse:
        _checked("g", actor_id)
        return page("actor")

    @app.get("/network/{actor_id}", include_in_schema=False)
    def network_html(actor_id: str) -> FileResponse:
        _checked("g", actor_id)
        return page("network")

    @app.get("/article/{article_id}", include_in_schema=False)
    def article_html(article_id: str) -> FileResponse:
        _checked("a", article_id)
        return page("article")

    add_review_routes(app, access, gate)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


async def _form(request: Request) -> dict[str, str]:
    """The fields of a form posted as application/x-www-form-urlencoded (the first value of each)."""
    if request.headers.get("content-type", "").split(";")[0].strip() != "application/x-www-form-urlencoded":
        raise HTTPException(415, "send the form as application/x-www-form-urlencoded")
    fields = parse_qs((await request.body()).decode("utf-8", "replace"), max_num_fields=20)
    return {k: v[0] for k, v in fields.items()}


def _signin_page(message: str, status: int) -> HTMLResponse:
    """The sign-in page; `message` is one of the fixed sentences above (never request data)."""
    page = (STATIC / "pages" / "signin.html").read_text(encoding="utf-8")
    shown = f'<p class="error" role="alert">{html.escape(message)}</p>' if message else ""
    return HTMLResponse(page.replace("<!--message-->", shown), status_code=status)


def _length(request: Request) -> int:
    value = request.headers.get("content-length", "")
    return int(value) if value.isdigit() else 0


def _host_name(host: str) -> str:
    """The name part of a Host header: 'localhost:8000' -> 'localhost', '[::1]:8000' -> '[::1]'."""
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0]


def _exists(store, actor_id: str) -> None:
    if not store.value("SELECT count(*) FROM actors WHERE id = ?", [actor_id]):
        raise HTTPException(404, f"no actor {actor_id}")
