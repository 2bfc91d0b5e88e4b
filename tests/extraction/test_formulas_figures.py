"""Official formulas of sanctions releases, and figure forms: invented sentences only.

The designation formula is the wording of US sanctions law (Executive Order 13224 section 1(d),
31 CFR 594.201): "to have materially assisted, sponsored, or provided financial, material, or
technological support for, or goods or services to or in support of" a designated person.
"""
from __future__ import annotations

import pytest

FORMULA = ("materially assisted, sponsored, or provided financial, material, or technological support for, "
           "or goods or services to or in support of")


# --- designations -------------------------------------------------------------------------------

def test_the_support_formula_makes_a_supports_relation_and_a_designation(extract):
    found = extract(f"Farid Kessler is being designated pursuant to E.O. 13224 for having {FORMULA}, "
                    "the Crimson Hand.", published="2021-03-04")
    assert ("Farid Kessler", "supports", "Crimson Hand") in found.triples()
    events = found.events("designation")
    assert any("Farid Kessler" in found.roles(e) for e in events)
    assert any(e.date == "2021-03-04" for e in events if "Farid Kessler" in found.roles(e))


def test_the_support_formula_with_today(extract):
    found = extract(f"Hamid Sattari was designated today for having {FORMULA}, the Crimson Hand.",
                    published="2022-05-10")
    assert ("Hamid Sattari", "supports", "Crimson Hand") in found.triples()


def test_a_current_designation_without_today_takes_the_release_date(extract):
    found = extract("The Treasury Department designated Karim Velasco, a financier of the Red Crescent Brigade.",
                    published="2020-11-02")
    events = [e for e in found.events("designation") if "Karim Velasco" in found.roles(e)]
    assert events and events[0].date == "2020-11-02"


def test_a_designation_with_its_own_date_keeps_it(extract):
    found = extract("The Red Crescent Brigade was designated by the Department of State in March 2009.",
                    published="2020-11-02")
    events = [e for e in found.events("designation") if "Red Crescent Brigade" in found.roles(e)]
    assert events and events[0].date == "2009-03"


def test_two_designations_with_two_dates_are_two_events(extract):
    found = extract("Tomas Brenner was designated by the Department as an SDGT on June 3, 2016, "
                    "and by the UN Sanctions Committee on May 9, 2012.", published="2020-11-02")
    dates = sorted(e.date for e in found.events("designation") if "Tomas Brenner" in found.roles(e))
    assert dates == ["2012-05-09", "2016-06-03"]


def test_a_past_designation_in_a_background_clause_is_not_dated_to_the_release(extract):
    found = extract("Karim Velasco was designated years ago and remains on the list.", published="2020-11-02")
    assert all(e.date != "2020-11-02" for e in found.events("designation"))


def test_the_support_formula_without_an_actor_gives_no_relation(extract):
    found = extract(f"Nobody is accused of having {FORMULA}, anything at all.")
    assert not any(p == "supports" for _, p, _ in found.triples())


# --- figures ------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("Iran gave the Crimson Hand U.S. $200 million dollars.", 200_000_000),
    ("Iran gave the Crimson Hand USD 5 million.", 5_000_000),
    ("Iran gave the Crimson Hand €3m.", 3_000_000),
    ("Iran gave the Crimson Hand $45,000.", 45_000),
])
def test_money_forms(extract, text, value):
    found = extract(text)
    assert [(found.name(f.subject), f.value) for f in found.figures] == [("Iran", value)]


@pytest.mark.parametrize("words, value, qualifier, value_max", [
    ("twenty-five", 25, "exactly", None),
    ("one hundred and twenty", 120, "exactly", None),
    ("between 300 and 400", 300, "range", 400),
    ("300 to 400", 300, "range", 400),
])
def test_written_numbers_and_ranges(extract, words, value, qualifier, value_max):
    found = extract(f"The Crimson Hand has {words} fighters.")
    assert [(f.value, f.qualifier, f.value_max) for f in found.figures] == [(value, qualifier, value_max)]


def test_a_range_of_people_killed_in_a_place(extract):
    found = extract("In Port Aldan, between 2,000 and 3,000 people were killed by the Crimson Hand.")
    assert [(f.value, f.value_max, f.kind) for f in found.figures] == [(2000, 3000, "killed")]


def test_one_of_a_written_count(extract):
    found = extract("The Crimson Hand killed one U.S. Army soldier in the raid.")
    assert [(found.name(f.subject), f.value, f.kind) for f in found.figures] == [("U.S. Army", 1, "killed")]


@pytest.mark.parametrize("text, subject", [
    ("Kataib Hezbollah killed five Iraqi Kataib Sayyid al-Shuhada fighters.", "Kataib Sayyid al-Shuhada"),
    ("Five Iraqi soldiers of the Golden Division were killed near Mosul.", "Golden Division"),
])
def test_the_named_group_counted_wins_over_the_demonym(extract, text, subject):
    found = extract(text)
    assert [found.name(f.subject) for f in found.figures] == [found.actor(subject).name]


@pytest.mark.parametrize("text, subject", [
    ("Gunmen killed 12 people in Kirkuk.", "Kirkuk"),                    # the place
    ("Twelve civilians were killed by Kataib Hezbollah.", "Kataib Hezbollah"),  # who killed them
])
def test_people_of_no_side_are_counted_for_who_harmed_them_or_where(extract, text, subject):
    found = extract(text)
    assert [found.name(f.subject) for f in found.figures] == [found.actor(subject).name]


def test_the_relatives_someone_lost_are_counted_for_him(extract):
    found = extract("An airstrike killed nearly 30 of Omar Haddad's relatives.")
    assert [(found.name(f.subject), f.value, f.kind) for f in found.figures] == [("Omar Haddad", 30, "killed")]


@pytest.mark.parametrize("text", [
    "The Crimson Hand was founded in 2015.",                         # a year
    "One of the leaders of the Crimson Hand spoke on Monday.",       # not a count
    "The council passed Resolution 2231 against the Crimson Hand.",  # a document's number
    "Farid Kessler is being designated pursuant to E.O. 13224.",      # an order's number
    "The Crimson Hand lost one of its commanders.",                  # not a count
])
def test_numbers_that_are_no_figures(extract, text):
    assert extract(text).figures == []


def test_two_attacks_with_two_dates_keep_their_own_targets(extract):
    found = extract("Hezbollah attacked Haifa on May 3, 2006, and Tyre on June 5, 2007.")
    got = sorted((e.date, found.roles(e).get("Haifa"), found.roles(e).get("Tyre"), found.roles(e).get("Hezbollah"))
                 for e in found.events("attack"))
    assert got == [("2006-05-03", "target", None, "agent"), ("2007-06-05", None, "target", "agent")]


def test_one_date_range_is_one_event(extract):
    found = extract("Hezbollah occupied Haifa from May 2006 to June 2007.")
    assert len(found.events("attack")) <= 1


def test_money_received_from_a_source_is_the_sources_funding(extract):
    found = extract("Hezbollah receives an estimated $700 million annually from Iran.")
    assert [(found.name(f.subject), f.value, f.kind) for f in found.figures] == [("Iran", 700_000_000, "funding")]


def test_money_a_group_raises_itself_stays_its_own(extract):
    found = extract("Hezbollah raises another $300 million a year.")
    assert [found.name(f.subject) for f in found.figures] == ["Hezbollah"]


def test_a_resultative_leave_counts_the_dead(extract):
    found = extract("The RSF has left 5,000 civilians dead since April 2023.")
    assert [(found.name(f.subject), f.value, f.kind) for f in found.figures] == [("RSF", 5000, "killed")]


def test_leaving_people_without_a_state_is_no_figure(extract):
    assert extract("The RSF has left 5,000 civilians in the camp.").figures == []
