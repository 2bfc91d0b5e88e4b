"""Running the app: `serve()` and the `actorgraph serve` command."""
from __future__ import annotations

import argparse
import errno
import json
import os
import signal
import socket
import sys
import time

from ..errors import ConfigError, ServeError, StoreNotFoundError
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
          settings: Settings | None = None, processes: int = 1) -> None:
    """Serve the store until interrupted: writable when it has reviewers (and `read_only` is not asked).

    With `processes` > 1 (read-only only) the server forks that many processes, each with its
    own read-only DuckDB connection, all accepting on one listening socket (the kernel spreads
    the connections); a process that dies is started again. A writable server is one process:
    a store has one writer.
    """
    from ..store import SCHEMA_VERSION, Store
    from ..store.reviewers import reviewers

    settings = settings or Settings.load(store=store_path)
    if processes < 1:
        raise ServeError(f"--processes must be 1 or more, not {processes}")
    sock = listen(host, port)  # a port in use is named first, before seconds of loading
    try:
        with Store.open(store_path, create=False, read_only=True) as store:
            # an older schema has no reviewers yet (and create_app names the upgrade it needs)
            names = [] if read_only or store.version() != SCHEMA_VERSION else [r.name for r in reviewers(store)]
        writable = bool(names)
        if writable and processes > 1:
            raise ServeError(f"store {store_path} has reviewers, so the server writes to it, and a store has one "
                             f"writer: serve it from one process, or add --read-only to serve it from {processes}")
        if writable:
            from ..extraction import load_resources

            load_resources(settings)  # ingest needs the model: fail now, not on the first POST
        if processes == 1:
            server = _server(store_path, host, writable, settings, None)
        else:
            from .storage import StoreAccess

            StoreAccess(store_path).close()  # a store this server cannot serve is refused here, not in each process
    except BaseException:
        sock.close()
        raise
    if writable:
        mode = f"read-write for {len(names)} reviewer{'s' if len(names) > 1 else ''} ({', '.join(names)}); readers need no token"
    else:
        mode = "read-only" + ("" if read_only else " (no reviewers: `actorgraph reviewers add NAME` allows writing)")
    many = f" in {processes} processes" if processes > 1 else ""
    print(f"serving {store_path} {mode}{many} on http://{host}:{port}/", file=sys.stderr, flush=True)
    if processes == 1:
        server.run(sockets=[sock])
    else:
        memory = _memory_share(processes)
        _supervise(lambda: _server(store_path, host, False, settings, memory).run(sockets=[sock]), processes, sock)


def _server(store_path: str, host: str, writable: bool, settings: Settings, memory_mb: int | None):
    """The uvicorn server of the app over the store (`memory_mb`: DuckDB's share in this process)."""
    import uvicorn

    from .app import LOOPBACK_HOSTS, create_app

    if host in ("0.0.0.0", "::"):  # every interface: the names it is reached by are not known here
        allowed = ["*"]
    else:
        allowed = list(dict.fromkeys([host if ":" not in host else f"[{host}]", *LOOPBACK_HOSTS]))
    app = create_app(store_path, writable=writable, settings=settings, allowed_hosts=allowed, memory_mb=memory_mb)
    return uvicorn.Server(uvicorn.Config(app, log_level="warning"))


def _memory_share(processes: int) -> int:
    """Each process's DuckDB memory limit in MB: half the machine's memory shared out (DuckDB's default is 80% each)."""
    total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    return max(256, total // 2 // processes // 2**20)


RESTART_WINDOW = 10.0  # seconds: a process that dies sooner than this after its start counts as failing to start


def _supervise(run, processes: int, sock: socket.socket) -> None:
    """Fork `processes` children running `run`; start one again when it dies; stop them all on SIGINT/SIGTERM.

    Each child opens its own store connection after the fork (a DuckDB connection is not shared
    across processes); the parent holds none.
    """
    children: dict[int, float] = {}
    stopping = False

    def spawn() -> None:
        pid = os.fork()
        if pid == 0:  # the child serves until it is told to stop
            signal.signal(signal.SIGINT, signal.SIG_DFL)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            code = 0
            try:
                run()
            except BaseException as exc:  # noqa: BLE001 - the child reports and exits; the parent decides
                print(f"actorgraph serve: a serving process failed: {exc}", file=sys.stderr, flush=True)
                code = 1
            finally:
                os._exit(code)
        children[pid] = time.monotonic()

    def stop(signum, frame) -> None:
        nonlocal stopping
        stopping = True
        for pid in list(children):
            try:
                os.kill(pid, signal.SIGTERM)
            except ProcessLookupError:
                pass

    previous = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        for _ in range(processes):
            spawn()
        quick_deaths = 0
        while children:
            try:
                pid, status = os.wait()
            except ChildProcessError:
                break
            started = children.pop(pid, None)
            if started is None or stopping:
                continue
            quick_deaths = quick_deaths + 1 if time.monotonic() - started < RESTART_WINDOW else 0
            if quick_deaths > processes:
                stop(signal.SIGTERM, None)
                raise ServeError(f"serving processes keep failing at start (last exit status {status}); stopped")
            print(f"actorgraph serve: serving process {pid} ended (status {status}); starting another",
                  file=sys.stderr, flush=True)
            spawn()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        sock.close()


def cmd_serve(args: argparse.Namespace) -> int:
    settings = Settings.load(args.config, store=args.store)
    if args.token is not None:
        print("actorgraph: error: --token is replaced by named reviewers: `actorgraph reviewers add NAME` prints a "
              "token for each; the server then lets them write", file=sys.stderr)
        return 2
    serve(settings.store, host=args.host, port=args.port, read_only=args.read_only, settings=settings,
          processes=args.processes)
    return 0


def cmd_reviewers(args: argparse.Namespace) -> int:
    from ..store.reviewers import add_reviewer, remove_reviewer, reviewers

    settings = Settings.load(args.config, store=args.store)
    if args.action != "list" and not args.name:
        raise ConfigError(f"reviewers {args.action} needs a reviewer NAME")
    store = settings.store
    # The reviewers file beside the store, not the store itself: a running server holds the store,
    # and reads the file again when it changes.
    if not os.path.exists(store):
        raise StoreNotFoundError(f"no store at {store}; `actorgraph ingest INPUT... --store {store}` makes one")
    _upgrade_if_free(store)
    if args.action == "add":
        reviewer, token = add_reviewer(store, args.name)
        print(token)
        print(f"reviewer {reviewer.name} added; the token above is shown this once (only its hash is kept): "
              f"send it as `Authorization: Bearer TOKEN` or sign in with it at /signin", file=sys.stderr)
    elif args.action == "remove":
        reviewer = remove_reviewer(store, args.name)
        print(f"reviewer {reviewer.name} removed: their token and browser sessions no longer work, on a running "
              f"server too (their decisions stay)")
    else:
        rows = [{"name": r.name, "token_id": r.token_id, "added_at": str(r.added_at)[:19]} for r in reviewers(store)]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
        elif not rows:
            print("no reviewers: the web app is read-only (`actorgraph reviewers add NAME` adds one)")
        for r in [] if args.json else rows:
            print(f"{r['name']}  token agr_{r['token_id']}_…  added {r['added_at']}")
    return 0


def _upgrade_if_free(store_path: str) -> None:
    """Open the store once for writing when no server holds it, so a store from before the reviewers file
    moves its reviewers there first (migration `reviewers-file`); a held store was upgraded by its server."""
    from ..errors import StoreLockedError
    from ..store import SCHEMA_VERSION, Store

    try:
        with Store.open(store_path, create=False, read_only=True) as store:
            if store.version() >= SCHEMA_VERSION:
                return
        with Store.open(store_path, create=False):
            pass
    except StoreLockedError:
        return


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
    p.add_argument("--processes", type=int, default=1, metavar="N",
                   help="serve from N processes sharing the port, each reading the store (default 1); "
                        "only a read-only server: a store has one writer")
    p.add_argument("--token", default=None, help=argparse.SUPPRESS)  # replaced by `actorgraph reviewers`
    store_flags(p, json_flag=False)
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("reviewers", help="who may write through the web app: add, remove, list named reviewers",
                       description="Add a reviewer (prints their token once; only a salted scrypt hash is stored), "
                                   "remove one (their token and browser sessions stop working; their decisions "
                                   "stay), or list them. They are kept in a file beside the store (STORE.reviewers), "
                                   "so a change takes effect on a running server at its next request; a server "
                                   "started without reviewers is read-only until it is started again.")
    p.add_argument("action", choices=("add", "remove", "list"), help="add NAME, remove NAME, or list the reviewers")
    p.add_argument("name", nargs="?", metavar="NAME", help="the reviewer's name, as their decisions will show it (add, remove)")
    store_flags(p)
    p.set_defaults(func=cmd_reviewers)
