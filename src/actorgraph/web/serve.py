"""Running the app: `serve()` and the `actorgraph serve` command."""
from __future__ import annotations

import argparse
import errno
import json
import socket
import sys

from ..errors import ConfigError, ServeError
from ..flags import store_flags
from ..settings import Settings


def listen(host: str, port: int) -> socket.socket:
    """A socket bound to host:port, or ServeError naming the address (bound before anything is printed)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise ServeError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
    except OSError as exc:
        sock.close()
        reason = "the port is in use (another server runs there; pick one with --port)" \
            if exc.errno == errno.EADDRINUSE else (exc.strerror or str(exc))
        raise ServeError(f"cannot listen on {host}:{port}: {reason}") from exc
    sock.set_inheritable(True)
    return sock


def serve(store_path: str, host: str = "127.0.0.1", port: int = 8000, read_only: bool = False,
          settings: Settings | None = None) -> None:
    """Serve the store until interrupted: writable when it has reviewers (and `read_only` is not asked)."""
    import uvicorn

    from ..store import SCHEMA_VERSION, Store
    from ..store.reviewers import reviewers
    from .app import LOOPBACK_HOSTS, create_app

    settings = settings or Settings.load(store=store_path)
    sock = listen(host, port)  # a port in use is named first, before seconds of loading
    try:
        with Store.open(store_path, create=False, read_only=True) as store:
            # an older schema has no reviewers yet (and create_app names the upgrade it needs)
            names = [] if read_only or store.version() != SCHEMA_VERSION else [r.name for r in reviewers(store)]
        writable = bool(names)
        if writable:
            from ..extraction import load_resources

            load_resources(settings)  # ingest needs the model: fail now, not on the first POST
        if host in ("0.0.0.0", "::"):  # every interface: the names it is reached by are not known here
            allowed = ["*"]
        else:
            allowed = list(dict.fromkeys([host if ":" not in host else f"[{host}]", *LOOPBACK_HOSTS]))
        app = create_app(store_path, writable=writable, settings=settings, allowed_hosts=allowed)
    except BaseException:
        sock.close()
        raise
    if writable:
        mode = f"read-write for {len(names)} reviewer{'s' if len(names) > 1 else ''} ({', '.join(names)}); readers need no token"
    else:
        mode = "read-only" + ("" if read_only else " (no reviewers: `actorgraph reviewers add NAME` allows writing)")
    print(f"serving {store_path} {mode} on http://{host}:{port}/", file=sys.stderr, flush=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])


def cmd_serve(args: argparse.Namespace) -> int:
    settings = Settings.load(args.config, store=args.store)
    if args.token is not None:
        print("actorgraph: error: --token is replaced by named reviewers: `actorgraph reviewers add NAME` prints a "
              "token for each; the server then lets them write", file=sys.stderr)
        return 2
    serve(settings.store, host=args.host, port=args.port, read_only=args.read_only, settings=settings)
    return 0


def cmd_reviewers(args: argparse.Namespace) -> int:
    from ..store import Store
    from ..store.reviewers import add_reviewer, remove_reviewer, reviewers

    settings = Settings.load(args.config, store=args.store)
    if args.action != "list" and not args.name:
        raise ConfigError(f"reviewers {args.action} needs a reviewer NAME")
    with Store.open(settings.store, create=False) as store:
        if args.action == "add":
            reviewer, token = add_reviewer(store, args.name)
            print(token)
            print(f"reviewer {reviewer.name} added; the token above is shown this once (only its hash is kept): "
                  f"send it as `Authorization: Bearer TOKEN` or sign in with it at /signin", file=sys.stderr)
        elif args.action == "remove":
            reviewer = remove_reviewer(store, args.name)
            print(f"reviewer {reviewer.name} removed: their token and browser sessions no longer work "
                  f"(their decisions stay)")
        else:
            rows = [{"name": r.name, "token_id": r.token_id, "added_at": str(r.added_at)[:19]} for r in reviewers(store)]
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, indent=1))
            elif not rows:
                print("no reviewers: the web app is read-only (`actorgraph reviewers add NAME` adds one)")
            for r in [] if args.json else rows:
                print(f"{r['name']}  token agr_{r['token_id']}_…  added {r['added_at']}")
    return 0


def add_serve_command(sub: argparse._SubParsersAction) -> None:
    """Add `serve` and `reviewers` to the `actorgraph` parser."""
    p = sub.add_parser("serve", help="a local web app over the store: search, profiles, network, map, articles, review",
                       description="Serve the store as web pages and a JSON API (OpenAPI at /openapi.json). Readers "
                                   "need no token. When the store has reviewers (`actorgraph reviewers add NAME`) the "
                                   "server opens it for writing: a reviewer signs in at /signin with their token, or "
                                   "sends it as `Authorization: Bearer TOKEN`, to review statements and ingest articles.")
    p.add_argument("--host", default="127.0.0.1", metavar="HOST",
                   help="address to listen on (default 127.0.0.1, this machine only; requests must name it or localhost)")
    p.add_argument("--port", type=int, default=8000, metavar="N", help="port (default 8000)")
    p.add_argument("--read-only", action="store_true",
                   help="serve read-only even when the store has reviewers (other processes may then read it too)")
    p.add_argument("--token", default=None, help=argparse.SUPPRESS)  # replaced by `actorgraph reviewers`
    store_flags(p, json_flag=False)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("reviewers", help="who may write through the web app: add, remove, list named reviewers",
                       description="Add a reviewer (prints their token once; only a salted scrypt hash is stored), "
                                   "remove one (their token and browser sessions stop working; their decisions "
                                   "stay), or list them. Stop `actorgraph serve` first: it holds the store while "
                                   "it runs.")
    p.add_argument("action", choices=("add", "remove", "list"), help="add NAME, remove NAME, or list the reviewers")
    p.add_argument("name", nargs="?", metavar="NAME", help="the reviewer's name, as their decisions will show it (add, remove)")
    store_flags(p)
    p.set_defaults(func=cmd_reviewers)
