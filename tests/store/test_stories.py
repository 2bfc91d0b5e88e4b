"""Stories: copies of one article across outlets count as one independent source; splits and joins by hand."""
from __future__ import annotations

import newsite
from graph_articles import Hand

from actorgraph import query
from actorgraph.query.render import render_evidence, render_show
from actorgraph.resolve.copies import assign_story
from actorgraph.store import Store, add_extractions, join_stories, split_story, story, story_decisions

SENTENCE = "The ministry said the militia is backed by the Islamic Revolutionary Guard Corps and had received drones " \
           "from it last year."


def wire(source: str, paragraphs: list[str], published: str = "2026-12-06"):
    h = Hand(source, "\n\n".join(paragraphs), published)
    militia = h.actor("Liwa al-Sabireen", "organization")
    irgc = h.actor("Islamic Revolutionary Guard Corps", "organization", registry_id="irgc")
    h.relation(irgc, "supports", militia, SENTENCE)
    return h.extraction()


def own_report():
    text = ("A United Nations panel of experts said in a report on Friday that the Islamic Revolutionary Guard "
            "Corps trained fighters of Liwa al-Sabireen at a camp near the Syrian border. " + SENTENCE +
            " The panel said it had seen shipping records and photographs of the drones.")
    h = Hand("un/panel-report.txt", text, "2026-12-10")
    militia = h.actor("Liwa al-Sabireen", "organization")
    irgc = h.actor("Islamic Revolutionary Guard Corps", "organization", registry_id="irgc")
    h.relation(irgc, "supports", militia, SENTENCE)
    return h.extraction()


def build(tmp_path) -> Store:
    store = Store.open(tmp_path / "g.duckdb")
    add_extractions(store, [wire("http://a.test/news/militia-attack", newsite.WIRE)])
    add_extractions(store, [wire("http://b.test/wire/iraq-police-attack", newsite.COPY_1),
                            wire("http://c.test/syndicated/tal-kaif", newsite.COPY_2)])
    add_extractions(store, [own_report()])
    return store


def test_copies_across_outlets_count_as_one_source(tmp_path):
    with build(tmp_path) as store:
        copies = story(store, "http://b.test/wire/iraq-police-attack")
        assert [a["source"] for a in copies["articles"]] == ["http://a.test/news/militia-attack",
                                                             "http://b.test/wire/iraq-police-attack",
                                                             "http://c.test/syndicated/tal-kaif"]
        assert [a["how"] for a in copies["articles"]] == ["first", "copy", "copy"]
        assert len(story(store, "un/panel-report.txt")["articles"]) == 1
        shown = query.show(store, "Liwa al-Sabireen")
        edge = shown["relations"]["supports"][0]
        assert (edge["stories"], edge["sources"]) == (2, 4)
        assert "2 independent sources (4 articles)" in render_show(shown)
        ev = query.evidence(store, "Islamic Revolutionary Guard Corps", "supports", "Liwa al-Sabireen")
        assert (ev["stories"], ev["sources"]) == (2, 4)
        text = render_evidence(ev)
        assert "from 2 independent sources (4 articles)" in text
        assert "a copy of http://a.test/news/militia-attack" in text


def test_a_story_split_and_joined_by_hand_is_counted_so_and_kept(tmp_path):
    with build(tmp_path) as store:
        d = split_story(store, "http://c.test/syndicated/tal-kaif", note="a rewrite with its own reporting")
        assert query.neighbors(store, "Liwa al-Sabireen")["neighbors"][0]["stories"] == 3
        assert len(story(store, "http://a.test/news/militia-attack")["articles"]) == 2
        assert story(store, "http://c.test/syndicated/tal-kaif")["pinned"]
        join_stories(store, "http://a.test/news/militia-attack", "un/panel-report.txt")
        assert query.neighbors(store, "Liwa al-Sabireen")["neighbors"][0]["stories"] == 2
        kept = story_decisions(store)
        assert [(x.kind, x.other) for x in kept] == [("split-story", d.other), ("join-stories", kept[1].other)]
        assert kept[0].note == "a rewrite with its own reporting"
        # a later copy of the split article joins its story, and does not bridge it back
        add_extractions(store, [wire("http://d.test/copy-of-c", newsite.COPY_2 + ["One more line from d."])])
        assert len(story(store, "http://d.test/copy-of-c")["articles"]) == 2
        assert d.story_id == story(store, "http://d.test/copy-of-c")["story"]


def test_a_bridge_joins_the_stories_of_every_copy_but_not_a_pinned_one():
    story_of = {"a": "s1", "b": "s2", "c": "s3"}
    assert assign_story([("a", 0.9), ("b", 0.7), ("c", 0.6)], story_of, set()) == ("s1", ["s2", "s3"])
    assert assign_story([("a", 0.9), ("b", 0.7)], story_of, {"s2"}) == ("s1", [])
    assert assign_story([], story_of, set()) == (None, [])


def _words(lo: int, hi: int) -> str:
    """Invented words number lo to hi-1, one sentence: distinct words, no other text shared."""
    letters = "bcdfghjklmnpqrstvwz"
    return " ".join("ka" + letters[i // len(letters)] + "o" + letters[i % len(letters)] for i in range(lo, hi)) + "."


# A and B share 40 of 100 words (Jaccard 0.4: no copy); C holds all 100 (0.7 with each: a copy of both)
A, B, C = _words(0, 70), _words(30, 100), _words(0, 100)


def _sources(store: Store, source: str) -> list[str]:
    return [a["source"] for a in story(store, source)["articles"]]


def test_an_article_copying_two_stories_of_its_batch_bridges_them_into_one(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        add_extractions(store, [Hand(f"hand/{n}.txt", text).extraction() for n, text in (("a", A), ("b", B), ("c", C))])
        assert _sources(store, "hand/b.txt") == ["hand/a.txt", "hand/b.txt", "hand/c.txt"]


def test_an_article_copying_two_stored_stories_bridges_them_into_one(tmp_path):
    with Store.open(tmp_path / "g.duckdb") as store:
        add_extractions(store, [Hand("hand/a.txt", A).extraction(), Hand("hand/b.txt", B).extraction()])
        assert _sources(store, "hand/b.txt") == ["hand/b.txt"]  # no copies of each other
        add_extractions(store, [Hand("hand/c.txt", C).extraction()])
        assert _sources(store, "hand/b.txt") == ["hand/a.txt", "hand/b.txt", "hand/c.txt"]
        assert _sources(store, "hand/a.txt") == ["hand/a.txt", "hand/b.txt", "hand/c.txt"]
