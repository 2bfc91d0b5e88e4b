"""One text under two encodings and in either order gives the same nodes (real intake, extraction and store)."""
from __future__ import annotations

from actorgraph import Settings
from actorgraph.store import Store, ingest

TEXT = ("Colonel Dario Velkan of the Northern Liberation Front met Hossein Salami in Tehran on Monday. "
        "Velkan said the Northern Liberation Front would keep its positions near Rivertown, officials said.\n")


def _nodes(path) -> set[frozenset[str]]:
    with Store.open(path, create=False) as store:
        nodes: dict[str, set[str]] = {}
        for node, name in store.rows("SELECT actor_id, name FROM article_actors"):
            nodes.setdefault(node, set()).add(name)
    return {frozenset(n) for n in nodes.values()}


def test_one_text_under_two_encodings_in_either_order_gives_the_same_nodes(tmp_path):
    utf8, utf16 = tmp_path / "utf8" / "report.txt", tmp_path / "utf16" / "report.txt"
    for path, encoding in ((utf8, "utf-8"), (utf16, "utf-16")):
        path.parent.mkdir()
        path.write_bytes(TEXT.encode(encoding))
    results = []
    for order in ((utf8, utf16), (utf16, utf8)):
        store_path = tmp_path / f"{order[0].parent.name}-first.duckdb"
        with Store.open(store_path) as store:
            for path in order:
                report = ingest([str(path)], Settings(), store)
                assert report.failed == 0
        results.append(_nodes(store_path))
    assert results[0] == results[1]
    with Store.open(tmp_path / "utf8-first.duckdb", create=False) as store:
        assert store.article_count() == 2
        # every node holds the actor of both copies: nothing was split by the encoding
        assert all(n == 2 for (n,) in store.rows("SELECT count(*) FROM article_actors GROUP BY actor_id"))
