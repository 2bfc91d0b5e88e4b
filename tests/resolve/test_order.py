"""Cross-article identity does not depend on the order articles come in (invented articles, real stores)."""
from __future__ import annotations

import itertools
import random

from graph_articles import Hand

from actorgraph import query
from actorgraph.store import Store, add_extraction, add_extractions, merge, split


def _nodes(store: Store) -> set[frozenset[tuple[str, str]]]:
    """The nodes as sets of (article, per-article name): comparable between stores."""
    nodes: dict[str, set] = {}
    for node, source, name in store.rows("SELECT aa.actor_id, a.source, aa.name FROM article_actors aa "
                                         "JOIN articles a ON a.id = aa.article_id"):
        nodes.setdefault(node, set()).add((source, name))
    return {frozenset(n) for n in nodes.values()}


def _shown(store: Store) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for shown, name in store.rows("SELECT a.name, aa.name FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
                                  "ORDER BY 2"):
        out.setdefault(shown, []).append(name)
    return out


def _store(tmp_path, hands: list[Hand], label: str, batch: bool = False) -> Store:
    store = Store.open(tmp_path / f"{label}.duckdb")
    if batch:
        add_extractions(store, [h.extraction() for h in hands])
    else:
        for h in hands:
            add_extraction(store, h.extraction())
    return store


def _articles() -> list[Hand]:
    """Invented articles whose actors joined differently by order before resolution was replayed."""
    a = Hand("a.txt", "Salami said the guards were ready.")
    a.actor("Salami", "person")
    b = Hand("b.txt", "Hossein Salami, the commander, spoke in Tehran.")
    b.actor("Hossein Salami", "person")
    b.actor("Tehran", "location")
    c = Hand("c.txt", "Hasan Hussein Salami leads the unit.")
    c.actor("Hasan Hussein Salami", "person")
    d = Hand("d.txt", "The Atlas Brigades (AB) claimed the attack near Rivertown.")
    d.actor("Atlas Brigades", "organization", "AB")
    d.actor("Rivertown", "location")
    e = Hand("e.txt", "AB fighters were seen. The Atlass Brigades denied it.")
    e.actor("AB", "organization")
    e.actor("Atlass Brigades", "organization")
    f = Hand("f.txt", "Rivertown residents fled toward al-Rivertowni.")
    f.actor("Rivertown", "location")
    f.actor("al-Rivertowni", "location")
    g = Hand("g.txt", "Gustavo Marin said the Marin Foundation would help.")
    g.actor("Gustavo Marin", "person")
    g.actor("Marin Foundation", "organization")
    h = Hand("h.txt", "Marin arrived on Tuesday; Qassem Rahimi and Qasem Rahimi are one man.")
    h.actor("Marin", "person")
    h.actor("Qassem Rahimi", "person")
    i = Hand("i.txt", "Qasem Rahimi was seen with Gustavo Marin.")
    i.actor("Qasem Rahimi", "person")
    i.actor("Gustavo Marin", "person")
    j = Hand("j.txt", "The Atlas Brigade shelled Rivertown on Sunday.")
    j.actor("Atlas Brigade", "organization")
    j.actor("Rivertown", "location")
    return [a, b, c, d, e, f, g, h, i, j]


def test_the_same_articles_in_any_order_or_batching_give_the_same_nodes(tmp_path):
    hands = _articles()
    shuffled = hands[:]
    random.Random(7).shuffle(shuffled)
    orders = {"forward": hands, "reverse": hands[::-1], "shuffled": shuffled}
    stores = {label: _store(tmp_path, order, label) for label, order in orders.items()}
    stores["batch"] = _store(tmp_path, hands[::-1], "batch", batch=True)
    try:
        first = _nodes(stores["forward"])
        for label, store in stores.items():
            assert _nodes(store) == first, label
            assert store.rows("SELECT id, name, type FROM actors ORDER BY id") == \
                stores["forward"].rows("SELECT id, name, type FROM actors ORDER BY id"), label
        shown = _shown(stores["reverse"])
        assert shown["Hossein Salami"] == ["Hossein Salami"]
        assert shown["Hasan Hussein Salami"] == ["Hasan Hussein Salami"]  # extra given names: another person
        assert shown["Salami"] == ["Salami"]  # two people carry the surname: not forced onto either
        assert sorted(shown["Atlas Brigades"]) == ["AB", "Atlas Brigade", "Atlas Brigades", "Atlass Brigades"]  # a plural is no other name
        assert sorted(shown["Rivertown"]) == ["Rivertown", "Rivertown", "Rivertown"]
        assert shown["al-Rivertowni"] == ["al-Rivertowni"]  # a derived word is not a spelling
        assert sorted(shown["Gustavo Marin"]) == ["Gustavo Marin", "Gustavo Marin", "Marin"]
        assert shown["Marin Foundation"] == ["Marin Foundation"]  # another type: never joined by the string
        names = {frozenset(n for _, n in node) for node in first}
        assert frozenset({"Qasem Rahimi", "Qassem Rahimi"}) in names  # close spellings of one person
    finally:
        for store in stores.values():
            store.close()


def test_one_text_under_two_sources_joins_the_same_nodes_as_once(tmp_path):
    text = "Colonel Dario Vela of the Northern Front met the Mayor of Rivertown."
    hands = []
    for source in ("utf8/vela.txt", "cp1252/vela.txt"):
        h = Hand(source, text)
        h.actor("Dario Vela", "person", "Vela")
        h.actor("Northern Front", "organization")
        h.actor("Rivertown", "location")
        hands.append(h)
    for order in itertools.permutations(hands):
        with _store(tmp_path, list(order), "enc" + order[0].article.source.split("/")[0]) as store:
            assert store.value("SELECT count(*) FROM actors") == 3
            assert all(len(n) == 2 for n in _nodes(store))


def test_a_hand_merge_and_split_stay_when_later_articles_are_resolved_again(tmp_path):
    hands = _articles()
    with _store(tmp_path, hands[:6], "decided") as store:
        salami = query.find_actor(store, "Hossein Salami").id
        hasan = query.find_actor(store, "Hasan Hussein Salami").id
        merge(store, salami, hasan)
        brigades = query.find_actor(store, "Atlas Brigades").id
        split(store, brigades, "Atlass Brigades")
        for h in hands[6:9]:
            add_extraction(store, h.extraction())
        later = Hand("later.txt", "Hasan Hussein Salami and the Atlass Brigades were named again.")
        later.actor("Hasan Hussein Salami", "person")
        later.actor("Atlass Brigades", "organization")
        add_extraction(store, later.extraction())
        nodes = {frozenset(n for _, n in node) for node in _nodes(store)}
        assert frozenset({"Hasan Hussein Salami", "Hossein Salami"}) in nodes  # the merge holds for the later one
        assert frozenset({"Atlass Brigades"}) in nodes  # the split name stays apart, also when named again
        assert frozenset({"AB", "Atlas Brigades"}) in nodes
        assert store.value("SELECT count(*) FROM article_actors WHERE name = 'Atlass Brigades'") == 2


def test_an_alias_removed_by_hand_stays_removed_when_the_group_is_resolved_again(tmp_path):
    from actorgraph.store import remove_alias
    d = Hand("d.txt", "The Atlas Brigades (AB) claimed the attack near Rivertown.")
    d.actor("Atlas Brigades", "organization", "AB")
    e = Hand("e.txt", "AB, the Arab Bank, froze the accounts on Monday.")
    e.actor("AB", "organization")
    with _store(tmp_path, [d], "removed") as store:
        brigades = query.find_actor(store, "Atlas Brigades").id
        remove_alias(store, brigades, "AB")
        add_extraction(store, e.extraction())  # a new signature: the group is resolved again
        later = Hand("f.txt", "The Atlass Brigades shelled Rivertown again on Sunday.")
        later.actor("Atlass Brigades", "organization")
        add_extraction(store, later.extraction())
        nodes = {frozenset(n for _, n in node) for node in _nodes(store)}
        assert frozenset({"Atlas Brigades", "Atlass Brigades"}) in nodes
        assert frozenset({"AB"}) in nodes  # the Arab Bank does not come back through the removed alias
        names = {n for (n,) in store.rows("SELECT name FROM actor_names WHERE actor_id = ?", [brigades])}
        assert "AB" not in names
