"""Events of issue 13's general classes on invented sentences: imprisonment, FrameNet's Killing
words, violent deaths, killings whose victims are no actors, attacks attributed or blamed,
designations with two dates, "after talks with", and a count of targets named in the next sentence."""
from __future__ import annotations

import pytest

PUBLISHED = "2024-03-15"


def _events(found, type_):
    return [(e.date, found.roles(e)) for e in found.events(type_)]


def test_imprisonment_by_a_state_is_a_capture(extract):
    found = extract("Kareem Nasser was imprisoned by Israel for three years in 1992.", PUBLISHED)
    assert _events(found, "capture") == [("1992", {"Kareem Nasser": "target", "Israel": "agent"})]


def test_a_massacre_is_a_killing(extract):
    found = extract("Government troops massacred dozens of villagers near Kosti in May 2023.", PUBLISHED)
    assert [e.date for e in found.events("killing")] == ["2023-05"]


def test_a_violent_death_is_a_killing_of_who_died(extract):
    found = extract("Yusuf Karam died in an airstrike on his convoy in August 2023.", PUBLISHED)
    assert ("2023-08", {"Yusuf Karam": "target"}) in _events(found, "killing")


@pytest.mark.parametrize("text", [
    "Omar Haddad died of cancer in Beirut in 2019.",     # a death, not a killing
    "The talks died after a week.",                      # no person
    "The economy was imprisoned in a vicious circle.",   # no one imprisoned
])
def test_deaths_without_violence_and_figurative_prisons_are_no_events(extract, text):
    found = extract(text, PUBLISHED)
    assert found.events("killing") == [] and found.events("capture") == []


def test_a_killing_of_unnamed_people_is_kept_at_its_place(extract):
    found = extract("In Kosti alone, between 2,000 and 3,000 people were killed.", PUBLISHED)
    assert _events(found, "killing") == [(None, {"Kosti": "other"})]


def test_a_killing_of_things_is_no_killing_at_its_place(extract):
    assert extract("In eastern Ethiopia, a long drought has killed crops.", PUBLISHED).events("killing") == []


@pytest.mark.parametrize("text", [
    "The bombing was blamed on Hezbollah.",
    "Analysts attributed the bombing to Hezbollah.",
])
def test_who_an_attack_is_blamed_on_or_attributed_to_is_its_uncertain_agent(extract, text):
    found = extract(text, PUBLISHED)
    [attack] = found.events("attack")
    assert found.roles(attack) == {"Hezbollah": "agent"} and attack.certainty == "uncertain"


def test_attempts_attributed_to_a_state_have_it_as_agent(extract):
    found = extract("He survived several assassination attempts attributed to Israel.", PUBLISHED)
    assert any(found.roles(e).get("Israel") == "agent" for e in found.ex.events)


def test_a_quotation_attributed_to_a_person_is_no_event(extract):
    assert extract("The remark was attributed to Winston Churchill.", PUBLISHED).ex.events == []


def test_two_designations_with_two_dates_in_one_sentence_are_two_events(extract):
    found = extract("Ahmed Karimi was designated as a Specially Designated Global Terrorist on May 4, 2019, and "
                    "as a member of Hezbollah on June 6, 2021.", PUBLISHED)
    assert sorted(_events(found, "designation")) == [("2019-05-04", {"Ahmed Karimi": "target"}),
                                                     ("2021-06-06", {"Ahmed Karimi": "target"})]


def test_one_date_is_one_designation(extract):
    found = extract("Ahmed Karimi was designated as a Specially Designated Global Terrorist and as a member of "
                    "Hezbollah on May 4, 2019.", PUBLISHED)
    assert [e.date for e in found.events("designation")] == ["2019-05-04"]


def test_who_spoke_after_talks_with_an_official_met_him(extract):
    found = extract("Ali Larijani arrived in Beirut on Wednesday. “Any decision is respected by us,” he said after "
                    "separate talks with the president of Parliament Omar Haddad, whose party is an ally of Hezbollah.",
                    PUBLISHED)
    assert any(set(found.roles(e)) == {"Ali Larijani", "Omar Haddad"} for e in found.events("meeting"))


def test_a_counted_target_named_in_the_next_sentence(extract):
    found = extract("The Treasury on Tuesday sanctioned three people linked to Hezbollah. The targets included "
                    "brothers Karim Nasser and Fadi Nasser, alongside Karim's son, Ali Nasser Hamdan.", PUBLISHED)
    roles = [found.roles(e) for e in found.events("designation")]
    assert {"Karim Nasser", "Fadi Nasser", "Ali Nasser Hamdan"} <= {n for r in roles for n, role in r.items()
                                                                  if role == "target"}


def test_a_count_that_the_next_sentence_does_not_match_names_no_target(extract):
    found = extract("The Treasury on Tuesday sanctioned three people linked to Hezbollah. The targets included "
                    "Karim Nasser and Fadi Nasser.", PUBLISHED)
    assert all(set(found.roles(e)) == {found.actor("Treasury").name} for e in found.events("designation"))


# --- official releases and who an attack is blamed on ---------------------------------------------

def test_sanctions_imposed_on_a_listed_count_name_each_target_and_the_releases_date(extract):
    found = extract("Today, the Department of the Treasury is imposing sanctions on three Hezbollah financiers: "
                    "Karim Nasser, Fadi Nasser and Ali Hamdan.", PUBLISHED)
    [event] = found.events("designation")
    assert event.date == PUBLISHED and found.roles(event) == {
        found.actor("Department of the Treasury").name: "agent", "Karim Nasser": "target",
        "Fadi Nasser": "target", "Ali Hamdan": "target"}


def test_a_releases_dateline_is_no_designator(extract):
    found = extract("Washington, D.C. -- The Office of Foreign Assets Control sanctioned two individuals involved "
                    "in financing Hezbollah.", PUBLISHED)
    assert all(found.name(p.entity) != "Washington, D.C." for e in found.events("designation") for p in e.participants)


def test_added_to_a_terrorist_list_is_a_designation(extract):
    found = extract("The European Union has added Karim Nasser to its terrorist list.", PUBLISHED)
    assert [found.roles(e) for e in found.events("designation")] == [
        {"European Union": "agent", "Karim Nasser": "target"}]


@pytest.mark.parametrize("text", [
    "She added a new chapter to her list of books.",
    "He added that terrorist groups were active.",
    "The European Commission said it would not impose sanctions on Hungary.",   # a future act
    "Hezbollah will carry out attacks on Israel.",
])
def test_other_additions_and_future_acts_are_no_events(extract, text):
    assert extract(text, PUBLISHED).ex.events == []


def test_who_an_attack_is_blamed_on_is_not_its_target(extract):
    found = extract("The Pentagon blamed the attack on Kataib Hezbollah.", PUBLISHED)
    assert [found.roles(e) for e in found.events("attack")] == [{"Kataib Hezbollah": "agent"}]


def test_missiles_launched_at_a_place_are_an_attack_on_it(extract):
    found = extract("The Houthis launched ballistic missiles at Eilat, the group's spokesman Yahya Saree said.",
                    PUBLISHED)
    assert [found.roles(e) for e in found.events("attack")] == [
        {found.actor("Houthis").name: "agent", "Eilat": "target"}]


def test_launching_a_campaign_or_a_product_is_no_attack(extract):
    assert extract("Hezbollah launched a new campaign on social media.", PUBLISHED).events("attack") == []
