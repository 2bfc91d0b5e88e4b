"""One meaning for the date, predicate and certainty filters: `path`, the web network and export
keep the same statements for a year, a month and a day bound, on the bound and the day after."""
from __future__ import annotations

import pytest
from graph_articles import Hand

from actorgraph import query
from actorgraph.errors import ExportError, FilterError
from actorgraph.export import Filters
from actorgraph.export.selection import select
from actorgraph.query.filters import statement_filters
from actorgraph.store import Store, add_extraction
from actorgraph.web import network

# Karim Haddad leads each unit; the statement that says so is dated as given (None: undated,
# so its article's publication date counts).
DATED = {
    "Alpha Brigade": "2024-07-31",
    "Bravo Battalion": "2024-08-01",
    "Charlie Company": "2024-12-31",
    "Echo Regiment": "2025-01-01",
    "Foxtrot Militia": "2024-07",  # dated to a month only
    "Golf Division": None,  # its article is published on 2024-08-01
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("filters") / "g.duckdb"
    with Store.open(path) as s:
        for i, (unit, date) in enumerate(DATED.items()):
            sentence = f"Karim Haddad leads the {unit}."
            d = Hand(f"hand/unit{i}.txt", sentence, "2024-08-01" if date is None else "2023-01-01")
            d.relation(d.actor("Karim Haddad", "person"), "leads", d.actor(unit, "organization"), sentence, date=date)
            add_extraction(s, d.extraction())
        yield s


def _by_path(store, **bounds) -> set[str]:
    return {unit for unit in DATED if query.path(store, "Karim Haddad", unit, **bounds)["chains"]}


def _by_network(store, **bounds) -> set[str]:
    centre = query.find_actor(store, "Karim Haddad").id
    found = network.neighbourhood(store, centre, **bounds)
    names = {n["id"]: n["name"] for n in found["nodes"]}
    return {names[e["target"]] for e in found["edges"]}


def _by_export(store, **bounds) -> set[str]:
    with select(store, Filters(**bounds)) as s:
        names = {a["id"]: a["name"] for a in s.rows("actors")}
        return {names[r["object"]] for r in s.rows("relations")}


@pytest.mark.parametrize("bounds,kept", [
    # until: through the last day of the year, month or day given
    ({"until": "2024"}, {"Alpha Brigade", "Bravo Battalion", "Charlie Company", "Foxtrot Militia", "Golf Division"}),
    ({"until": "2024-07"}, {"Alpha Brigade", "Foxtrot Militia"}),
    ({"until": "2024-07-31"}, {"Alpha Brigade", "Foxtrot Militia"}),
    ({"until": "2024-12-31"}, {"Alpha Brigade", "Bravo Battalion", "Charlie Company", "Foxtrot Militia",
                               "Golf Division"}),
    # since: from the first day of the year, month or day given
    ({"since": "2025"}, {"Echo Regiment"}),
    ({"since": "2024-08"}, {"Bravo Battalion", "Charlie Company", "Echo Regiment", "Golf Division"}),
    ({"since": "2024-08-01"}, {"Bravo Battalion", "Charlie Company", "Echo Regiment", "Golf Division"}),
    ({"since": "2024-12-31"}, {"Charlie Company", "Echo Regiment"}),
    # both: a month, and a statement dated to that month overlaps any day of it
    ({"since": "2024-07", "until": "2024-07"}, {"Alpha Brigade", "Foxtrot Militia"}),
    ({"since": "2024-07-15", "until": "2024-07-15"}, {"Foxtrot Militia"}),
    ({"since": "2024-08", "until": "2024-08"}, {"Bravo Battalion", "Golf Division"}),
])
def test_path_network_and_export_keep_the_same_statements(store, bounds, kept):
    assert _by_path(store, **bounds) == kept
    assert _by_network(store, **bounds) == kept
    assert _by_export(store, **bounds) == kept


def test_predicate_and_certainty_filters_agree_too(store):
    for bounds, kept in (({"predicates": ["leads"]}, set(DATED)), ({"predicates": ["commands"]}, set()),
                         ({"certainty": ["negated"]}, set())):
        assert _by_path(store, **bounds) == kept
        assert _by_network(store, **bounds) == kept
        assert _by_export(store, **{k: tuple(v) for k, v in bounds.items()}) == kept


@pytest.mark.parametrize("bounds,named", [
    ({"until": "2024-13"}, "until '2024-13'"),
    ({"since": "2024-02-30"}, "since '2024-02-30'"),
    ({"since": "July 2024"}, "since 'July 2024'"),
    ({"since": "2024-08", "until": "2024-07"}, "since '2024-08' is after until '2024-07'"),
    ({"predicates": ["funds"]}, "predicate 'funds'"),
    ({"certainty": ["likely"]}, "certainty 'likely'"),
])
def test_a_bad_value_is_named_by_all_three(store, bounds, named):
    with pytest.raises(FilterError, match=named):
        statement_filters(**bounds)
    with pytest.raises(FilterError, match=named):
        query.path(store, "Karim Haddad", "Alpha Brigade", **bounds)
    with pytest.raises(FilterError, match=named):
        network.neighbourhood(store, query.find_actor(store, "Karim Haddad").id, **bounds)
    with pytest.raises(ExportError, match=f"--{named}"):
        select(store, Filters(**{k: tuple(v) if isinstance(v, list) else v for k, v in bounds.items()}))


def test_a_partial_bound_is_its_first_or_last_day():
    f = statement_filters(since="2024-02", until="2024-02")
    assert (f.since, f.until) == ("2024-02-01", "2024-02-29")
    f = statement_filters(since="2023", until="2023")
    assert (f.since, f.until) == ("2023-01-01", "2023-12-31")
