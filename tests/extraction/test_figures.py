"""Figures on hand-written sentences: number forms, qualifiers, ranges, what is counted and for whom."""
from __future__ import annotations

import pytest

CASES = [
    # text, subject, value, kind, qualifier, value_max, place
    ("Hezbollah has around 1,500 fighters in Syria.", "Hezbollah", 1500, "fighters", "about", None, "Syria"),
    ("At least 2,000 Houthi fighters were killed in the offensive.", "Houthi", 2000, "killed", "at_least", None,
     None),
    ("Over a dozen IRGC officers have been killed in Syria.", "IRGC", 12, "killed", "more_than", None, "Syria"),
    ("Hundreds of Wagner fighters were deployed to Mali.", "Wagner", 200, "deployed", "hundreds", None, "Mali"),
    ("Dozens of Hamas members were arrested.", "Hamas", 24, "captured", "dozens", None, None),
    ("Israeli strikes killed five Hezbollah commanders.", "Hezbollah", 5, "killed", "exactly", None, None),
    ("Between 14,000 and 15,000 Fatemiyoun fighters were sent to Syria.", "Fatemiyoun", 14000, "deployed", "range",
     15000, "Syria"),
    ("The Quds Force has some 5,000 members.", "Quds Force", 5000, "members", "about", None, None),
    ("Nearly 300 Wagner fighters died in Mali in 2023.", "Wagner", 300, "killed", "about", None, "Mali"),
    ("The United States offered a reward of up to $10 million for information on Hassan Nasrallah.",
     "United States", 10_000_000, "reward", "up_to", None, None),
    ("Iran gives Hezbollah $700 million a year.", "Iran", 700_000_000, "funding", "exactly", None, None),
]


@pytest.mark.parametrize("text, subject, value, kind, qualifier, value_max, place", CASES,
                         ids=[c[0][:50] for c in CASES])
def test_a_figure_and_what_it_counts(extract, text, subject, value, kind, qualifier, value_max, place):
    found = extract(text)
    assert len(found.figures) == 1, found.figures
    fig = found.figures[0]
    assert (found.name(fig.subject), fig.value, fig.kind, fig.qualifier, fig.value_max) == (
        found.actor(subject).name, value, kind, qualifier, value_max)
    assert fig.place == (found.actor(place).id if place else None)
    ev = fig.evidence[0]
    assert ev.sentence == text and any(ch.isdigit() or ch.isalpha() for ch in found.cue(fig))


@pytest.mark.parametrize("text, certainty", [
    ("Kataib Hezbollah is estimated to have 10,000 fighters.", "uncertain"),
    ("Kataib Hezbollah reportedly has 10,000 fighters.", "reported"),
    ("Kataib Hezbollah has 10,000 fighters.", "asserted"),
])
def test_a_figure_carries_how_sure_the_text_is(extract, text, certainty):
    assert [f.certainty for f in extract(text).figures] == [certainty]


@pytest.mark.parametrize("text", [
    "Hezbollah is estimated to have 100,000 rockets.",   # things, not people
    "Hezbollah was founded in 1982.",                      # a year
    "Hassan Nasrallah, 64, gave a speech.",                # an age
    "One of the Hamas leaders spoke.",                     # not a count
])
def test_numbers_that_count_no_people_are_no_figures(extract, text):
    assert extract(text).figures == []


@pytest.mark.parametrize("words, value, qualifier, value_max", [
    ("around 1,500", 1500, "about", None),
    ("at least 2,000", 2000, "at_least", None),
    ("over a dozen", 12, "more_than", None),
    ("more than 300", 300, "more_than", None),
    ("hundreds", 200, "hundreds", None),
    ("dozens", 24, "dozens", None),
    ("tens of thousands", 20000, "tens_of_thousands", None),
    ("five", 5, "exactly", None),
    ("twenty-five", 25, "exactly", None),
    ("two hundred", 200, "exactly", None),
    ("1.5 million", 1_500_000, "exactly", None),
    ("14,000 to 15,000", 14000, "range", 15000),
    ("between 20 and 30", 20, "range", 30),
    ("up to 5,000", 5000, "up_to", None),
    ("fewer than 100", 100, "less_than", None),
])
def test_number_forms(extract, words, value, qualifier, value_max):
    found = extract(f"Hezbollah has {words} fighters.")
    assert [(f.value, f.qualifier, f.value_max) for f in found.figures] == [(value, qualifier, value_max)]


# --- issue 13: figures in shapes the rules did not read ------------------------------------------

@pytest.mark.parametrize("text, subject, value, kind", [
    # a resultative verb leaves people in a state: counted for the attack's target
    ("The 1994 attack against Hamas left 40 dead and 120 wounded.", "Hamas", 40, "killed"),
    ("The 1994 attack against Hamas left 40 dead and 120 wounded.", "Hamas", 120, "wounded"),
    ("Omar Said played an active role in the 1994 attack against the Tarek Institute, the cultural center in "
     "Cairo, that left 40 dead.", "Tarek Institute", 40, "killed"),
    # a group's size in a measure compound
    ("Hamas has been run by a five-man council since 2017.", "Hamas", 5, "members"),
    ("The Houthis deployed a 3,000-strong force to Marib.", "Houthis", 3000, "deployed"),
    ("A 3,000-strong Hezbollah force crossed the border.", "Hezbollah", 3000, "members"),
    # money written in words, and vague sums of money
    ("Iran gave Hezbollah twenty-five million dollars last year.", "Iran", 25_000_000, "funding"),
    ("Karim Nasser laundered millions of dollars for Hezbollah.", "Karim Nasser", 2_000_000, "money"),
    ("Iran has given Hezbollah hundreds of millions of dollars.", "Iran", 200_000_000, "funding"),
    # a range the NER labelled together with the noun it counts
    ("Kataib Hezbollah, which has between 7,000 and 10,000 members, is backed by Iran.", "Kataib Hezbollah",
     7000, "members"),
])
def test_issue13_figure_shapes(extract, text, subject, value, kind):
    found = extract(text)
    assert (found.actor(subject).name, value, kind) in {(found.name(f.subject), f.value, f.kind) for f in found.figures}


@pytest.mark.parametrize("text", [
    "The 6-foot wall left visitors impressed.",      # a measure of a thing, a state of no harm
    "The storm left the town quiet.",
    "A 20-minute walk leads to the river.",         # a measure compound of no group
])
def test_measure_compounds_and_states_of_no_harm_are_no_figures(extract, text):
    assert extract(text).figures == []
