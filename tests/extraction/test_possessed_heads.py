"""A possessive the parser made the head of its phrase ("to the group’s Secretary General X" parsed
group <-appos- X, with "’s" a case marker of "group"): the phrase names the possessed X, not the
possessor. Invented sentences."""
from __future__ import annotations

import pytest

FIRST = "The Northern Guard confirmed the death. "


@pytest.mark.parametrize("text", [
    FIRST + "Walid Aziz was a senior military adviser to the group’s Secretary General Yusuf Karam, "
            "considered his right-hand man.",
    FIRST + "Walid Aziz was a senior military adviser to the group’s Secretary General Yusuf Karam.",
    "Walid Aziz was a senior adviser to Northern Guard leader Yusuf Karam.",
])
def test_the_adviser_of_the_named_officer_not_of_the_group(extract, text):
    found = extract(text)
    assert ("Walid Aziz", "associated_with", "Yusuf Karam") in found.triples()
    assert ("Walid Aziz", "associated_with", "Northern Guard") not in found.triples()
    assert ("Yusuf Karam", "leads", "Northern Guard") in found.triples()


def test_a_group_with_no_possessive_marker_is_still_the_group(extract):
    found = extract(FIRST + "Walid Aziz was a senior adviser to the group.")
    assert ("Walid Aziz", "associated_with", "Northern Guard") in found.triples()
