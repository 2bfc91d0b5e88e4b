"""One actor written two ways in one article is one actor; alike names of other actors are not (extraction.variants)."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, one, other", [
    ("Senior Hamas official Khalil Al Hayya met envoys in Doha. Mr Al Hayaa said the talks would go on.",
     "Khalil al-Hayya", "Al Hayaa"),
    ("Rebel commander Yusuf Al Qadiri met the envoys in the capital. Later, Mr Al Qadiry said the talks had failed.",
     "Yusuf Al Qadiri", "Al Qadiry"),
    ("Mahmoud Abbasi spoke on Monday. Mahmud Abbasi later said the talks had failed.", "Mahmoud Abbasi",
     "Mahmud Abbasi"),
    ('A channel linked to Wagner said the fighters had left. "PMC Wagner is going home," it said.',
     "PMC Wagner", "Wagner"),
    ("The Tamerlan Group said on Monday that Tamerlan fighters had left the port of Varna.",
     "Tamerlan Group", "Tamerlan"),
    ("The Varna Department of Roads said on Monday that the bridge was closed. The Department added that "
     "repairs would take weeks.", "Varna Department of Roads", "Department"),
])
def test_two_writings_of_one_actor_in_one_article_are_one_actor(extract, text, one, other):
    found = extract(text)
    assert found.actor(one) is found.actor(other)


@pytest.mark.parametrize("text, one, other", [
    ("Amer Rada and Samer Rada were arrested on Monday, police said.", "Amer Rada", "Samer Rada"),
    ("Tariq Bazzoun and Rami Bazzoun were killed in separate strikes, officials said.",
     "Tariq Bazzoun", "Rami Bazzoun"),
    ("The Islamic Army and the Islamic Movement met on Monday in the capital.", "Islamic Army", "Islamic Movement"),
    ("Hezbollah said on Monday that Kataib Hezbollah had left the town.", "Hezbollah", "Kataib Hezbollah"),
    ("The Tamerlan Group said on Monday that the Tamerlan Brigade had left the port of Varna.",
     "Tamerlan Group", "Tamerlan Brigade"),
])
def test_names_of_other_actors_alike_in_writing_stay_apart(extract, text, one, other):
    found = extract(text)
    assert found.actor(one) is not found.actor(other)


def test_a_person_and_a_place_written_alike_are_not_joined(extract):
    found = extract("Karim Haddad flew to Hadad on Monday; Haddad said the talks in Hadad had failed.")
    people = [a for a in found.ex.actors if a.type == "person"]
    assert all("Hadad" not in (a.name, *a.aliases) for a in people)


def test_a_head_noun_alone_that_two_organizations_share_joins_neither(extract):
    found = extract("The Varna Tribal Council and the Harbour Workers Council met on Monday. The Council said "
                    "the talks would go on.")
    lone = found.actor("Council")
    assert lone.name == "Council" and not lone.aliases
