"""Resolution across articles on a real store: spellings meet, different people stay apart."""
from __future__ import annotations

from graph_articles import Hand, chain_articles

from actorgraph.resolve import name_similarity
from actorgraph.store import Store, add_extraction


def _names(store: Store) -> dict[str, list[str]]:
    """Display name -> per-article names resolved to it."""
    out: dict[str, list[str]] = {}
    for node, name in store.rows("SELECT a.name, aa.name FROM article_actors aa JOIN actors a ON a.id = aa.actor_id "
                                 "ORDER BY aa.article_id, aa.local_id"):
        out.setdefault(node, []).append(name)
    return out


def test_spellings_of_one_actor_become_one_node_with_a_reason(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        for ex in chain_articles():
            add_extraction(store, ex)
        nodes = _names(store)
        assert sorted(nodes["Qasem Soleimani"]) == ["Qasem Soleimani", "Qassem Soleimani"]
        assert sorted(nodes["Quds Force"]) == ["IRGC-Qods Force", "Quds Force"]  # a tie: the shorter name
        assert sorted(nodes["Hezbollah"]) == ["Hezbollah", "Hizballah"]
        assert sorted(nodes["Asaib Ahl al-Haq"]) == ["Asa'ib Ahl al-Haq", "Asaib Ahl al-Haq"]
        reasons = dict(store.rows("SELECT name, reason FROM article_actors"))
        # resolved in canonical order (registry ids first), whatever order the articles came in
        assert {reasons["IRGC-Qods Force"], reasons["Quds Force"]} == {"new", "registry id"}
        assert reasons["Asa'ib Ahl al-Haq"] == "name match"  # the two spellings fold alike
        assert reasons["Qassem Soleimani"].startswith("fuzzy 0.9")  # no registry id: after the one with it
        assert reasons["Hizballah"].startswith("fuzzy 0.8")  # Hizballah/Hezbollah sound alike


def test_people_sharing_a_surname_stay_apart_and_a_lone_surname_is_not_forced(tmp_path):
    a = Hand("a.txt", "Imad Moughniyah led the operation. Jihad Moughniyah, his son, was killed.")
    a.actor("Imad Moughniyah", "person", "Moughniyah")
    a.actor("Jihad Moughniyah", "person")
    b = Hand("b.txt", "Imad Mughniyeh was killed in Damascus in 2008.")
    b.actor("Imad Mughniyeh", "person", registry_id="imad_mughniyeh")
    c = Hand("c.txt", "Moughniyah was mourned in Beirut.")
    c.actor("Moughniyah", "person")
    d = Hand("d.txt", "Soleimani flew to Moscow. Qasem Soleimani was in Baghdad.")
    d.actor("Qasem Soleimani", "person")
    e = Hand("e.txt", "Soleimani flew to Moscow.")
    e.actor("Soleimani", "person")
    f = Hand("f.txt", "Soleimani is also a city in the story.")
    f.actor("Soleimani", "location")
    with Store.open(tmp_path / "g.duckdb") as store:
        for h in (a, b, c, d, e, f):
            add_extraction(store, h.extraction())
        nodes = _names(store)
        assert sorted(nodes["Imad Mughniyeh"]) == ["Imad Moughniyah", "Imad Mughniyeh"]
        assert nodes["Jihad Moughniyah"] == ["Jihad Moughniyah"]
        assert nodes["Moughniyah"] == ["Moughniyah"]  # two persons carry the surname: not merged
        reason = store.value("SELECT reason FROM article_actors WHERE article_id = ?", [c.article.id])
        assert "ambiguous" in reason and "Jihad Moughniyah" in reason
        assert sorted(nodes["Qasem Soleimani"]) == ["Qasem Soleimani", "Soleimani"]
        assert store.value("SELECT reason FROM article_actors WHERE article_id = ?", [e.article.id]) == \
            "surname of Qasem Soleimani"
        assert store.value("SELECT type FROM actors WHERE name = 'Soleimani'") == "location"  # types must agree


def test_name_similarity_matches_word_by_word():
    assert name_similarity("Qassem Soleimani", "Qasem Soleimani") > 0.95
    assert name_similarity("Hezbollah", "Hizballah") is not None
    assert name_similarity("Jihad Moughniyah", "Imad Moughniyah") is None
    assert name_similarity("Qais al-Khazali", "Laith al-Khazali") is None
    assert name_similarity("Iran", "Iraq") is None
    assert name_similarity("al-Baghdadi", "Baghdad") is None  # a derived word, not a spelling
    assert name_similarity("Samer Akil Rada", "Amer Akil Rada") is None  # a letter more at the start
    assert name_similarity("Imad Mughniyah", "Imad Mughniya") is not None  # transliteration drops the h
    assert name_similarity("Atlas Brigade", "Atlas Brigades") is not None  # a plural


def test_a_name_that_is_also_another_actors_alias_joins_it_in_whatever_order_the_articles_come(tmp_path):
    hands = []
    for n, (name, *aliases) in enumerate([("AP",), ("Associated Press",), ("Associated Press", "AP"),
                                          ("AP",), ("AP",)]):
        h = Hand(f"{n}.txt", f"{name} reported the strike ({', '.join(aliases)}).")
        h.actor(name, "organization", *aliases)
        hands.append(h)
    for order in (hands, hands[::-1], hands[2:] + hands[:2]):
        with Store.open(tmp_path / f"g{id(order)}.duckdb") as store:
            for h in order:
                add_extraction(store, h.extraction())
            assert {k: sorted(v) for k, v in _names(store).items()} == {
                "Associated Press": ["AP", "AP", "AP", "Associated Press", "Associated Press"]}
            reasons = {r for (r,) in store.rows("SELECT reason FROM article_actors WHERE name = 'AP'")}
            assert reasons == {"alias match: 'AP' = 'AP'"}


def test_a_body_joins_only_the_same_parents_body():
    """Hezbollah's Shura Council is not Hamas's; one whose parent is not said is neither; a registry id still joins."""
    from actorgraph.resolve.replay import Signature, replay

    sigs = [Signature("s1", "Shura Council", "organization", parent="hezbollah"),
            Signature("s2", "Shura Council", "organization", parent="Q38799"),
            Signature("s3", "Shura Council", "organization", parent="hezbollah"),
            Signature("s4", "Shura Council", "organization", parent=""),
            Signature("s5", "Hezbollah Shura Council", "organization", ("Shura Council",),
                      registry_id="hezbollah_shura_council", parent="hezbollah"),
            Signature("s6", "Northern Front", "organization")]
    result = replay(sigs)
    node = {key: placed[0] for key, placed in result.placed.items()}
    assert node["s1"] == node["s3"] == node["s5"]
    assert len({node["s1"], node["s2"], node["s4"], node["s6"]}) == 4
