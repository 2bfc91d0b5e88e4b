"""Events whose triggers come from general resources (FrameNet's Attack, Killing, Arrest, Kidnapping,
Use_firearm and Hostile_encounter frames; WordNet's armed people), on invented sentences, with the
sentences that must yield nothing."""
from __future__ import annotations

import pytest

PUBLISHED = "2024-03-15"


def _events(found, type_):
    return [(e.date, found.roles(e)) for e in found.events(type_)]


def test_shot_dead_is_a_killing_by_the_gunmen_s_group(extract):
    found = extract("Northern Guard gunmen shot dead a police officer in Kosti on 3 May 2023.", PUBLISHED)
    assert ("2023-05-03", {"Northern Guard": "agent"}) in _events(found, "killing")


def test_gunned_down_is_a_killing_of_its_object(extract):
    found = extract("Masked gunmen gunned down the journalist Omar Haddad outside his home in Tripoli in 2021.", PUBLISHED)
    assert [(d, r) for d, r in _events(found, "killing") if r.get("Omar Haddad") == "target"]


def test_shot_without_dead_stays_an_attack(extract):
    found = extract("Northern Guard snipers shot at a convoy near Kosti in 2022.", PUBLISHED)
    assert found.events("killing") == []
    assert any(r.get("Northern Guard") == "agent" for _, r in _events(found, "attack"))


def test_taking_hostages_is_a_capture(extract):
    found = extract("The Northern Guard took 25 sailors hostage in the Red Sea in 2023.", PUBLISHED)
    assert ("2023", {"Northern Guard": "agent"}) in [(d, {k: v for k, v in r.items() if v == "agent"})
                                                     for d, r in _events(found, "capture")]


def test_rounding_up_members_is_their_capture(extract):
    found = extract("Police rounded up dozens of Northern Guard members in Kosti in 2020.", PUBLISHED)
    assert any(r.get("Northern Guard") == "target" for _, r in _events(found, "capture"))


def test_a_clash_between_two_sides_is_an_attack_with_both(extract):
    found = extract("Clashes between the Northern Guard and the Southern Front erupted in Kosti in April 2023.",
                    PUBLISHED)
    [(date, roles)] = _events(found, "attack")
    assert date == "2023-04" and {"Northern Guard", "Southern Front"} <= set(roles)


def test_a_counteroffensive_by_a_group_is_its_attack(extract):
    found = extract("The Southern Front launched a counteroffensive against the Northern Guard in 2022.",
                    PUBLISHED)
    assert ("2022", {"Southern Front": "agent", "Northern Guard": "target"}) in _events(found, "attack")


def test_mercenaries_sent_to_a_country_are_a_deployment(extract):
    found = extract("Russia sent Northern Guard mercenaries to Mali in 2021.", PUBLISHED)
    assert ("2021", {"Russia": "agent", "Northern Guard": "other"}) in _events(found, "deployment")


def test_rebels_and_gunmen_stand_for_their_group(extract):
    found = extract("Northern Guard rebels attacked an army base near Kosti in 2022.", PUBLISHED)
    assert any(r.get("Northern Guard") == "agent" for _, r in _events(found, "attack"))


@pytest.mark.parametrize("text", [
    "The studio will shoot a film in Tripoli next year.",           # shoot without a victim or target
    "Fans took the defeat hard in Tripoli in 2020.",                 # take without hostage
    "The director rounded up the numbers in his report in 2020.",    # no people rounded up
    "Her paintings clash with the wallpaper.",                        # no actors clash
])
def test_non_violent_senses_are_no_events(extract, text):
    found = extract(text, PUBLISHED)
    assert found.events("killing") == [] and found.events("capture") == [] and \
        all(not e.participants for e in found.events("attack"))


def test_people_killed_when_a_group_attacked_are_its_killing(extract):
    found = extract("Some 1,200 people were killed when the Northern Guard attacked Kosti on 7 October 2023.",
                    PUBLISHED)
    assert ("2023-10-07", {"Northern Guard": "agent"}) in _events(found, "killing")
    # the attack stays an event of its own
    assert ("2023-10-07", {"Northern Guard": "agent", "Kosti": "target"}) in _events(found, "attack")
    [figure] = found.figures
    assert (found.name(figure.subject), figure.value, figure.kind) == ("Kosti", 1200, "killed")


def test_people_wounded_as_a_state_shelled_a_town_are_counted_for_the_town(extract):
    found = extract("Two civilians were wounded as Russia shelled Kharkiv in 2023.", PUBLISHED)
    assert [(found.name(f.subject), f.value, f.kind) for f in found.figures] == [("Kharkiv", 2, "wounded")]


@pytest.mark.parametrize("text", [
    "Omar Haddad was killed when he was young, his family said in 2020.",   # a time, not an attack
    "Many people were killed when the bridge collapsed in Kosti in 2019.",   # no agent
])
def test_a_time_clause_without_an_attack_gives_the_killing_no_agent(extract, text):
    found = extract(text, PUBLISHED)
    assert not any("agent" in r.values() for _, r in _events(found, "killing"))


@pytest.mark.parametrize("text", [
    "Iran and Oman held talks in Muscat in 2021.",
    "Iran held talks with Oman in Muscat in 2021.",
    "Talks between Iran and Oman were held in Muscat in 2021.",
])
def test_talks_are_one_meeting_of_both_states(extract, text):
    found = extract(text, PUBLISHED)
    assert [(d, set(r)) for d, r in _events(found, "meeting")] == [("2021", {"Iran", "Oman"})]


def test_receiving_a_person_is_a_meeting(extract):
    found = extract("President Omar Haddad received the envoy Yusuf Nasser in Tripoli on 3 May 2021.", PUBLISHED)
    assert ("2021-05-03", {"Omar Haddad": "agent", "Yusuf Nasser": "other"}) in _events(found, "meeting")


def test_receiving_money_is_no_meeting(extract):
    assert extract("The Northern Guard received $7 million from Iran in 2020.", PUBLISHED).events("meeting") == []


@pytest.mark.parametrize("text, agent", [
    ("Britain proscribed the Northern Guard in 2021.", "United Kingdom"),
    ("Germany banned the Northern Guard in 2020.", "Germany"),
    ("The UN Security Council imposed an arms embargo on the Northern Guard in 2015.",
     "United Nations Security Council"),
])
def test_bans_proscriptions_and_embargoes_are_designations(extract, text, agent):
    found = extract(text, PUBLISHED)
    assert [r for _, r in _events(found, "designation")] == [{agent: "agent", "Northern Guard": "target"}]


def test_banning_a_trade_is_no_designation(extract):
    assert extract("Germany banned the import of Iranian oil in 2019.", PUBLISHED).events("designation") == []
