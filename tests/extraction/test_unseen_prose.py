"""Events, figures and quotes of issue 13 on invented sentences in the shapes of unseen news and
official-release prose: release dates past legal references, representatives who speak for their
group, counts of the dead an attack left. Each construction has sentences that must yield nothing."""
from __future__ import annotations

import pytest

PUBLISHED = "2024-05-10"


def _events(found, type_):
    return [(e.date, found.roles(e)) for e in found.events(type_)]


# --- the release's date ------------------------------------------------------------------------

def test_a_designation_pursuant_to_an_executive_order_takes_the_releases_date(extract):
    # spaCy labels "E.O. 13224" a DATE: a legal reference says no time and keeps the release's date
    found = extract("Omar Haddad is being designated pursuant to section 1(b) of E.O. 13224 for having "
                    "provided support for the Northern Guard.", PUBLISHED)
    assert [e.date for e in found.events("designation")] == [PUBLISHED]


@pytest.mark.parametrize("text, date", [
    ("Omar Haddad was designated pursuant to E.O. 13224 last month.", "2024-04"),
    ("Omar Haddad was designated pursuant to E.O. 13224 in the 1990s.", "199"),  # a decade
])
def test_a_time_the_sentence_gives_is_not_replaced_by_the_releases(extract, text, date):
    found = extract(text, PUBLISHED)
    assert [e.date for e in found.events("designation")] in ([date], [])
    assert PUBLISHED not in [e.date for e in found.events("designation")]


# --- a group speaks through an unnamed representative or outlet -----------------------------------

@pytest.mark.parametrize("text, speaker", [
    ('A spokesman for the Northern Guard said: "We did not fire on the convoy."', "Northern Guard"),
    ('"Nothing has changed," a senior Hezbollah official told the Associated Press.', "Hezbollah"),
    ('The Northern Guard\'s Telegram channel posted: "Our fighters hold the bridge."', "Northern Guard"),
    ('An account affiliated with the Northern Guard wrote: "The enemy will pay for this."', "Northern Guard"),
    ('A statement from the Northern Guard said: "The convoy carried weapons for the army."', "Northern Guard"),
    ('According to Amnesty International, "the militia burned three villages near the river."', "Amnesty International"),
])
def test_a_group_speaks_through_its_unnamed_representative_or_outlet(extract, text, speaker):
    found = extract(text, PUBLISHED)
    assert [found.name(q.speaker) for q in found.quotes] == [speaker]


@pytest.mark.parametrize("text, speaker", [
    # a named representative speaks for himself
    ('The Northern Guard\'s spokesman, Omar Haddad, said: "We did not fire on the convoy."', "Omar Haddad"),
])
def test_a_named_representative_speaks_himself(extract, text, speaker):
    found = extract(text, PUBLISHED)
    assert [found.name(q.speaker) for q in found.quotes] == [speaker]


@pytest.mark.parametrize("text", [
    # a representative of no named group names no speaker
    'A spokesman for the militias said: "We did not fire on the convoy."',
    'A spokesman said: "We did not fire on the convoy."',
    # a source close to a group is not the group
    '"Nothing has changed," a source close to Hezbollah told the Associated Press.',
])
def test_no_group_speaks_through_an_unowned_or_shared_voice(extract, text):
    found = extract(text, PUBLISHED)
    assert [q for q in found.quotes if found.name(q.speaker) in ("Northern Guard", "Hezbollah")] == []


# --- what an attack left ------------------------------------------------------------------------

def _figures(found):
    return sorted((found.name(f.subject), f.value, f.kind) for f in found.figures)


def test_the_dead_and_wounded_an_attack_left_count_for_its_target(extract):
    found = extract("The bombing of the Northern Guard's headquarters left 40 dead and 120 wounded.", PUBLISHED)
    assert _figures(found) == [("Northern Guard", 40.0, "killed"), ("Northern Guard", 120.0, "wounded")]


def test_the_dead_an_attack_left_among_no_named_side_count_for_its_attacker(extract):
    # the convention of the annotations: unnamed victims are counted for who caused their deaths
    found = extract("A Northern Guard raid on a village near the river, which left 25 dead, drew wide condemnation.",
                    PUBLISHED)
    assert ("Northern Guard", 25.0, "killed") in _figures(found)


@pytest.mark.parametrize("text", [
    "The bombing of the Northern Guard's headquarters left 40 vehicles behind.",
    "The Northern Guard left 40 fighters in the town.",
    "The storm left 40 dead in the valley.",   # no attack, no actor
])
def test_leaving_things_or_fighters_behind_is_no_count_of_dead(extract, text):
    found = extract(text, PUBLISHED)
    assert [f for f in found.figures if f.kind in ("killed", "wounded")] == []


def test_the_dead_of_a_raid_on_a_town_count_for_the_raiders_before_the_town(extract):
    found = extract("The Northern Guard raid on Kosti left 25 dead.", PUBLISHED)
    assert _figures(found) == [("Northern Guard", 25.0, "killed")]


# --- an event whose onset verb carries its parties, and conquest ------------------------------------

def test_clashes_that_erupted_between_two_sides_name_both(extract):
    found = extract("Heavy clashes erupted between the Northern Guard and the Southern Front on Saturday.", PUBLISHED)
    assert _events(found, "attack") == [("2024-05-04", {"Northern Guard": "other", "Southern Front": "other"})]


def test_a_meeting_that_began_among_unnamed_delegations_names_no_one(extract):
    found = extract("The meeting began between the two delegations after a delay.", PUBLISHED)
    assert found.events("meeting") == []


@pytest.mark.parametrize("text, date", [
    ("The Northern Guard recaptured Kosti in January.", "2024-01"),
    ("The Northern Guard conquered Kosti in June 2014.", "2014-06"),
])
def test_taking_back_or_conquering_a_town_is_an_attack_on_it(extract, text, date):
    found = extract(text, PUBLISHED)
    assert _events(found, "attack") == [(date, {"Northern Guard": "agent", "Kosti": "target"})]


def test_recapturing_a_person_is_a_capture(extract):
    found = extract("Police recaptured Omar Haddad on Sunday.", PUBLISHED)
    assert [(d, r.get("Omar Haddad")) for d, r in _events(found, "capture")] == [("2024-05-05", "target")]


# --- an act told in the present is of the article's day -------------------------------------------

@pytest.mark.parametrize("text", [
    "The Northern Guard has seized the town of Kosti.",
    "The Northern Guard is shelling Kosti.",
])
def test_an_undated_act_in_the_present_perfect_or_progressive_has_the_articles_date(extract, text):
    found = extract(text, PUBLISHED)
    assert [e.date for e in found.events("attack")] == [PUBLISHED]


@pytest.mark.parametrize("text, date", [
    ("The Northern Guard attacked Kosti.", None),                      # a simple past may be any day
    ("The Northern Guard had attacked Kosti before the truce.", None),  # a pluperfect is earlier
    ("The Northern Guard has attacked Kosti since October.", "2023-10"),  # the sentence's own date
])
def test_other_tenses_and_dated_sentences_keep_their_own_date(extract, text, date):
    found = extract(text, PUBLISHED)
    assert [e.date for e in found.events("attack")] == [date]
