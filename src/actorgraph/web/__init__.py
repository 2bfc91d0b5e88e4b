"""`actorgraph serve`: a local web app over a graph store, for analysts.

    create_app(store_path, token=None)   the FastAPI app: pages + JSON API (+ /openapi.json)
    serve(store_path, host, port, token) run it with uvicorn

Pages: search with type-ahead, actor profile with expandable evidence, network (cytoscape.js),
map (Leaflet over Natural Earth shapes, offline), article with highlights. Everything is served
from the package (static/vendor holds the vendored libraries, see scripts/vendor-web.sh).
"""
from __future__ import annotations

from typing import Any

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    # FastAPI is imported only when the app is wanted, so that `actorgraph extract` starts fast.
    if name == "create_app":
        from .app import create_app
        return create_app
    if name == "serve":
        from .serve import serve
        return serve
    raise AttributeError(name)
