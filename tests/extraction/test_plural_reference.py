"""Plural definite descriptions that point back to a coordination of actors ("X and Y ... these groups",
"the two militias", "both countries"), on invented sentences, with the descriptions that must not."""
from __future__ import annotations

import pytest

FIRST = "The United States sanctioned the Northern Guard and the Southern Front in 2019. "


@pytest.mark.parametrize("second", [
    "These groups are backed by Iran.",
    "The two militias are backed by Iran.",
    "Both groups are backed by Iran.",
    "These groups receive weapons from Iran.",
])
def test_a_plural_description_stands_for_every_member(extract, second):
    found = extract(FIRST + second)
    assert {("Iran", "supports", "Northern Guard"), ("Iran", "supports", "Southern Front")} <= found.triples()


def test_a_plural_description_as_object_is_every_target(extract):
    found = extract(FIRST + "Israel struck the groups in 2024.")
    [attack] = [e for e in found.events("attack") if e.date == "2024"]
    assert found.roles(attack) == {"Israel": "agent", "Northern Guard": "target", "Southern Front": "target"}


def test_both_countries_are_the_two_states_named(extract):
    found = extract("Iran and Syria signed a defence pact in 2006. Both countries oppose Israel.")
    assert {("Iran", "opposes", "Israel"), ("Syria", "opposes", "Israel")} <= found.triples()


@pytest.mark.parametrize("second", [
    "Iraqi militias are backed by Iran.",              # a modifier: a new description, not these two
    "The three militias are backed by Iran.",          # two were named, not three
    "The groups in Syria are backed by Iran.",         # a restrictive phrase: other groups
    "These countries are backed by Iran.",             # the two named are organizations, not countries
])
def test_descriptions_that_do_not_point_back_yield_nothing(extract, second):
    found = extract(FIRST + second)
    assert not {t for t in found.triples() if t[0] == "Iran"}
