"""A real store built from hand-made extractions: relations, events, quotes and figures."""
from __future__ import annotations

import pytest
from graph_articles import Hand, chain_articles

from actorgraph.model import Event, Evidence, Figure, Participant, Quote
from actorgraph.store import Store, add_extraction


def _evidence(hand: Hand, sentence: str) -> list[Evidence]:
    start = hand.article.text.index(sentence)
    return [Evidence(hand.article.source, sentence, start, start + len(sentence), extractor="hand@1")]


def strike_article():
    """A dated strike with an agent, a target and a place, a quote and a casualty figure."""
    h = Hand("hand/strike.txt",
             "The United States killed Qasem Soleimani in a strike in Baghdad on 3 January 2020. "
             "\"This ends any possibility of talks,\" said Mohammad Javad Zarif. "
             "Ten people were killed in Baghdad.", "2020-01-04")
    us = h.actor("United States", "country", "U.S.", wikidata="Q30")
    qs = h.actor("Qasem Soleimani", "person", registry_id="qasem_soleimani")
    bg = h.actor("Baghdad", "location", registry_id="baghdad")
    zf = h.actor("Mohammad Javad Zarif", "person", "Zarif")
    h.relation(us, "targeted", qs, "The United States killed Qasem Soleimani in a strike in Baghdad on 3 January 2020.",
               date="2020-01-03")
    ex = h.extraction()
    first = "The United States killed Qasem Soleimani in a strike in Baghdad on 3 January 2020."
    ex.events.append(Event("killing", [Participant(us, "agent"), Participant(qs, "target")],
                           _evidence(h, first), date="2020-01-03", place=bg))
    quote = "\"This ends any possibility of talks,\" said Mohammad Javad Zarif."
    ex.quotes.append(Quote(zf, "This ends any possibility of talks,", _evidence(h, quote), date="2020-01-04"))
    ex.figures.append(Figure(None, 10.0, "killed", _evidence(h, "Ten people were killed in Baghdad."), place=bg))
    return ex


@pytest.fixture
def store_path(tmp_path):
    """A store file holding the chain articles (2019-2020, one denial) and the strike article."""
    path = tmp_path / "g.duckdb"
    with Store.open(path) as store:
        for ex in [*chain_articles(), strike_article()]:
            add_extraction(store, ex)
    return path


@pytest.fixture
def store(store_path):
    with Store.open(store_path, create=False) as st:
        yield st
