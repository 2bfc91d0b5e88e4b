"""A body many organizations have one of ("Shura Council") is one node only within one parent, in any order
(real intake, extraction and store)."""
from __future__ import annotations

import pytest

from actorgraph import Settings
from actorgraph.store import Store, ingest

ARTICLES = {
    "front.txt": "The Northern Liberation Front said on Monday that members of the Northern Liberation Front's "
                 "Shura Council met in Rivertown.\n",
    "front-again.txt": "The Northern Liberation Front held talks on Friday. Karim Odeh, head of the group's Shura "
                       "Council, spoke in Rivertown.\n",
    "movement.txt": "The Eastern Resistance Movement said on Tuesday that its Shura Council had chosen a new leader "
                    "in Lakeville.\n",
    "nobody.txt": "The Shura Council met on Friday to choose a new leader, officials said.\n",
}


def _councils(path) -> list[set[str]]:
    """The stored articles of each node that holds a Shura Council."""
    with Store.open(path, create=False) as store:
        rows = store.rows("""SELECT aa.actor_id, a.source FROM article_actors aa JOIN articles a ON a.id = aa.article_id
                             WHERE aa.name ILIKE '%shura council%'""")
    nodes: dict[str, set[str]] = {}
    for node, source in rows:
        nodes.setdefault(node, set()).add(source.rsplit("/", 1)[-1])
    return sorted(nodes.values(), key=sorted)


@pytest.mark.parametrize("order", [list(ARTICLES), list(reversed(ARTICLES))])
def test_two_groups_councils_are_two_nodes_and_one_groups_council_is_one(tmp_path, order):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    with Store.open(tmp_path / "store.duckdb") as store:
        for name in order:
            assert ingest([str(tmp_path / name)], Settings(), store).failed == 0
    assert _councils(tmp_path / "store.duckdb") == [{"front-again.txt", "front.txt"}, {"movement.txt"},
                                                    {"nobody.txt"}]
