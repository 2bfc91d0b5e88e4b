"""Events on hand-written sentences: every type of lang/en/events.yaml, its participants, place and date."""
from __future__ import annotations

import pytest
import yaml
from importlib import resources

PUBLISHED = "2024-03-15"  # a Friday

CASES = [
    # text, type, {actor: role}, place, date
    ("Israeli jets struck Hezbollah positions in southern Lebanon last week.",
     "attack", {"Hezbollah": "target"}, "Lebanon", "2024-W10"),
    ("The Houthis launched a missile attack on Eilat this week.",
     "attack", {"Houthis": "agent", "Eilat": "target"}, "Eilat", "2024-W11"),
    # the capture of a place is an attack on it
    ("Wagner fighters seized the city of Bakhmut in May 2023.",
     "attack", {"Wagner": "agent", "Bakhmut": "target"}, None, "2023-05"),
    ("The Taliban captured Kabul in August 2021.", "attack", {"Taliban": "agent", "Kabul": "target"}, None,
     "2021-08"),
    # arrest and capture of people
    ("Iraqi police arrested Qais al-Khazali in Basra in March 2007.",
     "capture", {"Qais al-Khazali": "target"}, "Basra", "2007-03"),
    ("Hamas abducted Hersh Goldberg-Polin on October 7, 2023.",
     "capture", {"Hamas": "agent", "Hersh Goldberg-Polin": "target"}, None, "2023-10-07"),
    # killing, with the agent of the strike that killed
    ("A US drone strike killed Qassem Soleimani near Baghdad airport in January 2020.",
     "killing", {"United States": "agent", "Qassem Soleimani": "target"}, "Baghdad airport", "2020-01"),
    ("Ismail Haniyeh was assassinated in Tehran on July 31, 2024.",
     "killing", {"Ismail Haniyeh": "target"}, "Tehran", "2024-07-31"),
    # plot
    ("Iran plotted to kill Adel al-Jubeir in Washington in 2011.",
     "plot", {"Iran": "agent", "Adel al-Jubeir": "target"}, None, "2011"),
    # meeting
    ("Hassan Nasrallah met Ali Khamenei in Tehran yesterday.",
     "meeting", {"Hassan Nasrallah": "agent", "Ali Khamenei": "other"}, "Tehran", "2024-03-14"),
    # designation and sanction
    ("The US Treasury sanctioned Kataib Hezbollah in 2009.",
     "designation", {"US Treasury": "agent", "Kataib Hezbollah": "target"}, None, "2009"),
    ("The United States designated the Houthis a terrorist organization last year.",
     "designation", {"United States": "agent", "Houthis": "target"}, None, "2023"),
    # deployment
    ("Russia deployed Wagner fighters to Mali in 2021.",
     "deployment", {"Russia": "agent", "Wagner": "other"}, "Mali", "2021"),
    ("Iran sent troops to Syria in 2013.", "deployment", {"Iran": "agent"}, "Syria", "2013"),
]


def test_the_cases_cover_every_event_type():
    data = yaml.safe_load((resources.files("actorgraph") / "lang" / "en" / "events.yaml").read_text(encoding="utf-8"))
    assert {c[1] for c in CASES} == set(data["types"])


@pytest.mark.parametrize("text, type_, roles, place, date", CASES, ids=[c[0][:50] for c in CASES])
def test_event_type_participants_place_and_date(extract, text, type_, roles, place, date):
    found = extract(text, PUBLISHED)
    events = found.events(type_)
    assert len(events) == 1, [(e.type, found.roles(e)) for e in found.ex.events]
    event = events[0]
    got = found.roles(event)
    for name, role in roles.items():
        assert got.get(found.actor(name).name) == role, got
    assert event.place == (found.actor(place).id if place else None)
    assert event.date == date
    ev = event.evidence[0]
    assert ev.sentence == text and text[ev.cue_start:ev.cue_end].strip()


def test_a_relative_date_keeps_its_words_and_no_date_without_a_published_date(extract):
    event = extract("Hassan Nasrallah met Ali Khamenei in Tehran yesterday.").events("meeting")[0]
    assert event.date is None and event.date_text == "yesterday"


@pytest.mark.parametrize("text, certainty", [
    ("The Houthis reportedly attacked Saudi Arabia.", "reported"),
    ("The Houthis are believed to have attacked Saudi Arabia.", "uncertain"),
    ("The Houthis likely attacked Saudi Arabia.", "uncertain"),
    ("Hezbollah denied that it attacked Israel.", "negated"),
    ("Hamas did not attack Israel.", "negated"),
])
def test_an_event_carries_how_sure_the_text_is(extract, text, certainty):
    events = extract(text).events("attack")
    assert [e.certainty for e in events] == [certainty]


@pytest.mark.parametrize("text", [
    "The Houthis threatened to attack Israel.",
    "Hezbollah will strike Israel if the war goes on.",
    "Iran warned it could hit American bases.",
])
def test_a_threat_or_a_future_act_is_no_attack(extract, text):
    assert extract(text).events("attack") == []


def test_the_group_behind_an_attack_is_its_agent(extract):
    found = extract("Kataib Hezbollah was behind the attack on the United States.")
    assert found.roles(found.events("attack")[0]) == {"Kataib Hezbollah": "agent", "United States": "target"}


def test_one_event_told_twice_in_a_sentence_is_one_event(extract):
    found = extract("Israel killed Fuad Shukr in a strike on Beirut, killing him in his home.")
    killings = found.events("killing")
    assert len(killings) == 1 and found.roles(killings[0])["Fuad Shukr"] == "target"


def test_a_required_word_in_a_quoted_clause_does_not_make_a_deployment(extract):
    found = extract('Michael Howard sent George Bush his congratulations, saying: "We look to the president '
                    'to be a unifying force."')
    assert found.events("deployment") == []


def test_the_units_counted_in_a_deployment_are_its_other_party(extract):
    found = extract("Russia sent hundreds of Wagner fighters to Libya.")
    event = found.events("deployment")[0]
    assert found.roles(event) == {"Russia": "agent", "Wagner": "other"}
    assert event.place == found.actor("Libya").id


def test_strikes_carried_out_on_targets_name_their_target_and_agents(extract):
    found = extract("The United States and Britain have carried out more than 400 strikes on Houthi targets in Yemen.")
    assert found.roles(found.events("attack")[0]) == {
        "United States": "agent", "United Kingdom": "agent", "Ansarallah": "target"}


def test_an_attack_on_things_is_placed_where_they_are(extract):
    found = extract("The Houthis have attacked dozens of commercial ships in the Red Sea since November.",
                    PUBLISHED)
    event = found.events("attack")[0]
    assert event.place == found.actor("Red Sea").id and event.date == "2023-11"


def test_officials_of_a_state_stand_for_it_in_a_meeting_but_one_commander_does_not(extract):
    found = extract("Abdul Haq Wasiq met Pakistani officials in Islamabad. Pakistan denied it.")
    assert found.roles(found.events("meeting")[0]) == {"Abdul Haq Wasiq": "agent", "Pakistan": "other"}
    assert extract("The Hezbollah commander was killed.").events("killing") == []


def test_who_claims_responsibility_for_an_attack_is_its_agent(extract):
    found = extract("Hamas claimed responsibility for the attack on Israel.")
    event = found.events("attack")[0]
    assert found.roles(event) == {"Hamas": "agent", "Israel": "target"} and event.certainty == "reported"
