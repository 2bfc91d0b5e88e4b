"""Export filters: an actor's neighbourhood, predicates, certainty and dates; bad values are named."""
from __future__ import annotations

import pytest

from actorgraph.errors import ExportError, UnknownActorError
from actorgraph.export import Filters
from actorgraph.export.selection import select


def _names(store, filters):
    with select(store, filters) as s:
        names = {a["id"]: a["name"] for a in s.rows("actors")}
        edges = {(names[r["subject"]], r["predicate"], names[r["object"]]) for r in s.rows("relations")}
        return set(names.values()), edges, s.counts


def test_the_neighbourhood_grows_with_hops_and_keeps_only_edges_inside_it(store):
    one, edges, _ = _names(store, Filters(actor="Khamenei", hops=1))
    assert one == {"Ali Khamenei", "Islamic Revolutionary Guard Corps"}
    assert edges == {("Ali Khamenei", "commands", "Islamic Revolutionary Guard Corps")}
    two, edges, _ = _names(store, Filters(actor="Ali Khamenei", hops=2))
    assert two == {"Ali Khamenei", "Islamic Revolutionary Guard Corps", "Quds Force"}
    assert ("Quds Force", "part_of", "Islamic Revolutionary Guard Corps") in edges
    three, _, _ = _names(store, Filters(actor="Ali Khamenei", hops=3))
    assert {"Qasem Soleimani", "Asaib Ahl al-Haq"} <= three and "Beirut" not in three


def test_an_actors_events_and_quotes_come_with_it(store):
    names, edges, counts = _names(store, Filters(actor="United States", hops=1))
    assert edges == {("United States", "targeted", "Qasem Soleimani")}
    assert counts["events"] == 1 and counts["quotes"] == 0
    assert "Baghdad" in names  # the event's place is exported with it


def test_predicates_certainty_and_dates_narrow_the_relations(store):
    _, edges, _ = _names(store, Filters(predicates=("leads", "met_with")))
    assert {p for _, p, _ in edges} == {"leads", "met_with"}
    _, edges, _ = _names(store, Filters(certainty=("negated",)))
    assert edges == {("Hezbollah", "supports", "Asaib Ahl al-Haq")}
    _, edges, counts = _names(store, Filters(since="2020-01-06"))
    # "led ... until 2020" is dated to the year 2020, which overlaps the range: it is kept
    assert {p for _, p, _ in edges} == {"supports", "met_with", "based_in", "leads"}
    assert counts["events"] == 0 and counts["articles"] == 2  # the articles of the kept statements
    _, edges, _ = _names(store, Filters(until="2019-12-31"))
    assert edges == {("Ali Khamenei", "commands", "Islamic Revolutionary Guard Corps"),
                     ("Quds Force", "part_of", "Islamic Revolutionary Guard Corps")}


def test_counts_on_a_filtered_edge_are_recounted_from_its_kept_statements(store):
    with select(store, Filters(certainty=("negated",))) as s:
        (support,) = s.rows("relations")
    assert (support["statements"], support["negated"], support["asserted"], support["contradicted"]) == (1, 1, 0, False)


@pytest.mark.parametrize("filters,named", [
    (Filters(predicates=("funds",)), "'funds'"),
    (Filters(certainty=("likely",)), "'likely'"),
    (Filters(since="last year"), "'last year'"),
    (Filters(actor="Khamenei", hops=-1), "-1"),
])
def test_a_bad_filter_value_is_named(store, filters, named):
    with pytest.raises(ExportError, match=named):
        select(store, filters)


def test_an_unknown_actor_is_named(store):
    with pytest.raises(UnknownActorError, match="Nobody Atall"):
        select(store, Filters(actor="Nobody Atall"))


@pytest.mark.parametrize("filters", [
    Filters(actor="Soleimani", hops=1), Filters(predicates=("supports",)), Filters(certainty=("negated",)),
    Filters(since="2020-01-04"), Filters(actor="United States", hops=2, until="2020-01-31"),
])
def test_every_filtered_ftm_export_refers_only_to_entities_it_holds(store, filters):
    import io

    from interop_checks import load_ftm

    from actorgraph.export.ftm import write_ftm

    out = io.StringIO()
    with select(store, filters) as selection:
        write_ftm(selection, out)
    proxies = load_ftm(out.getvalue())  # raises on a dangling reference
    assert any(p.schema.edge for p in proxies)
