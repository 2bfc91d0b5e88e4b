"""Running the app: `serve()` and the `actorgraph serve` command."""
from __future__ import annotations

import argparse
import errno
import socket
import sys

from ..errors import ServeError
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


def serve(store_path: str, host: str = "127.0.0.1", port: int = 8000, token: str | None = None,
          settings: Settings | None = None) -> None:
    """Serve the store until interrupted (read-only unless a token is given)."""
    import uvicorn

    from .app import LOOPBACK_HOSTS, create_app

    settings = settings or Settings.load(store=store_path)
    sock = listen(host, port)  # a port in use is named first, before seconds of loading
    try:
        if token:
            from ..extraction import load_resources

            load_resources(settings)  # ingest needs the model: fail now, not on the first POST
        if host in ("0.0.0.0", "::"):  # every interface: the names it is reached by are not known here
            allowed = ["*"]
        else:
            allowed = list(dict.fromkeys([host if ":" not in host else f"[{host}]", *LOOPBACK_HOSTS]))
        app = create_app(store_path, token=token, settings=settings, allowed_hosts=allowed)
    except BaseException:
        sock.close()
        raise
    mode = "read-write (POST /api/articles with the token)" if token else "read-only"
    print(f"serving {store_path} {mode} on http://{host}:{port}/", file=sys.stderr, flush=True)
    uvicorn.Server(uvicorn.Config(app, log_level="warning")).run(sockets=[sock])


def cmd_serve(args: argparse.Namespace) -> int:
    settings = Settings.load(args.config, store=args.store)
    token = args.token
    if token is not None and len(token) < 12:
        print("actorgraph: error: --token must be at least 12 characters", file=sys.stderr)
        return 2
    serve(settings.store, host=args.host, port=args.port, token=token, settings=settings)
    return 0


def add_serve_command(sub: argparse._SubParsersAction) -> None:
    """Add `serve` to the `actorgraph` parser."""
    p = sub.add_parser("serve", help="a local web app over the store: search, profiles, network, map, articles",
                       description="Serve the store as web pages and a JSON API (OpenAPI at /openapi.json). "
                                   "Read-only unless --token is given; then POST /api/articles ingests an "
                                   "article sent with `Authorization: Bearer TOKEN`.")
    p.add_argument("--host", default="127.0.0.1", metavar="HOST",
                   help="address to listen on (default 127.0.0.1, this machine only; requests must name it or localhost)")
    p.add_argument("--port", type=int, default=8000, metavar="N", help="port (default 8000)")
    p.add_argument("--token", default=None, metavar="SECRET",
                   help="allow ingest from the browser with this secret (12+ characters)")
    store_flags(p, json_flag=False)
    p.set_defaults(func=cmd_serve)
