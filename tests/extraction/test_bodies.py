"""A body many organizations have one of ("Shura Council") carries whose it is (extraction.bodies)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "The Northern Liberation Front said on Monday that members of the Northern Liberation Front's "
    "Shura Council met in Rivertown.",
    "The Northern Liberation Front held talks on Monday. Karim Odeh, head of the group's Shura Council, "
    "lives in Rivertown.",
])
def test_a_council_belongs_to_the_group_that_owns_it(extract, text):
    found = extract(text)
    assert found.actor("Shura Council").parent == "northern liberation front"


def test_a_council_named_with_its_owner_belongs_to_it(extract):
    found = extract("The Shura Council of the Northern Liberation Front met in Rivertown on Monday, officials said.")
    council = next(a for a in found.ex.actors if a.name.startswith("Shura Council"))
    assert council.parent == "northern liberation front"


def test_a_council_named_with_a_demonym_belongs_to_the_country(extract):
    from actorgraph.extraction.gazetteer import load_gazetteer
    found = extract("The Egyptian Political Bureau met in Cairo on Monday, officials said.")
    council = next(a for a in found.ex.actors if "Political Bureau" in a.name)
    assert council.parent == load_gazetteer().country("Egypt").qid


def test_a_council_whose_owner_the_text_does_not_name_has_an_unknown_parent(extract):
    found = extract("The Central Committee met on Friday to choose a new leader, officials said.")
    assert found.actor("Central Committee").parent == ""


def test_an_organization_that_is_no_body_has_no_parent(extract):
    found = extract("The Northern Liberation Front said on Monday that its fighters had left Rivertown.")
    assert found.actor("Northern Liberation Front").parent is None
