"""Dates: absolute ones normalised as written, relative ones placed against the published date,
and never an invented date when the article has none. Sentence tests use the real model."""
from __future__ import annotations

import pytest
import spacy

from actorgraph import Settings
from actorgraph.extraction.timex import date_of, dates_in, normalise, sentence_date

PUBLISHED = "2021-06-15"  # a Tuesday


@pytest.mark.parametrize("text, iso, precision", [
    ("March 20, 2007", "2007-03-20", "day"),
    ("20 January 2007", "2007-01-20", "day"),
    ("on 4 July, 1998", "1998-07-04", "day"),
    ("January 2009", "2009-01", "month"),
    ("in 2007", "2007", "year"),
    ("the 1990s", "199", "decade"),  # ISO 8601 decade: 1990-1999
])
def test_absolute_dates_are_normalised_with_their_precision(text, iso, precision):
    value = normalise(text)
    assert (value.iso, value.precision, value.relative) == (iso, precision, False)
    assert value.text == text


def test_early_and_late_are_kept_as_a_modifier():
    assert normalise("late 2019").modifier == "late"
    value = normalise("early October 2019")
    assert (value.iso, value.precision, value.modifier) == ("2019-10", "month", "early")


@pytest.mark.parametrize("text, iso, precision", [
    ("yesterday", "2021-06-14", "day"),
    ("today", "2021-06-15", "day"),
    ("on Friday", "2021-06-11", "day"),
    ("late Sunday night", "2021-06-13", "day"),
    ("this week", "2021-W24", "week"),
    ("last week", "2021-W23", "week"),
    ("last month", "2021-05", "month"),
    ("last year", "2020", "year"),
    ("about three months ago", "2021-03", "month"),
    ("over the weekend", "2021-W23", "week"),
    ("in early May", "2021-05", "month"),
    ("August 9", "2020-08-09", "day"),  # a past-tense report: the last August 9
])
def test_relative_dates_are_placed_against_the_published_date(text, iso, precision):
    value = normalise(text, PUBLISHED)
    assert (value.iso, value.precision, value.relative) == (iso, precision, True)


def test_seasons_keep_the_season_and_the_year():
    value = normalise("this summer", "2017-10-16")
    assert (value.iso, value.precision, value.modifier) == ("2017", "season", "summer")


def test_a_weekday_in_the_future_tense_is_the_next_one():
    assert normalise("on Friday", PUBLISHED, future=True).iso == "2021-06-18"
    assert normalise("August 9", PUBLISHED, future=True).iso == "2021-08-09"


@pytest.mark.parametrize("text", ["yesterday", "last year", "this week", "on Friday", "this summer", "July 13"])
def test_without_a_published_date_relative_dates_keep_their_words_and_no_iso(text):
    value = normalise(text, None)
    assert value is not None and value.iso is None and value.relative and value.text == text


@pytest.mark.parametrize("text", ["for years", "the past two decades", "five-year", "55", "13224", "decades"])
def test_durations_ages_and_order_numbers_are_not_dates(text):
    assert normalise(text, PUBLISHED) is None


def test_a_published_date_with_a_time_or_garbage_is_handled():
    assert normalise("yesterday", "2021-06-15T08:30:00+02:00").iso == "2021-06-14"
    assert normalise("yesterday", "June 2021").iso is None


@pytest.fixture(scope="module")
def nlp():
    return spacy.load(Settings().model)


def test_each_verb_gets_the_date_of_its_own_clause(nlp):
    doc = nlp("In 2014 the group seized Mosul, and two years later, in June 2016, it lost Fallujah.")
    dates = dates_in(next(doc.sents), None)
    seized = next(t for t in doc if t.lemma_ == "seize")
    lost = next(t for t in doc if t.lower_ == "lost")
    assert date_of(seized, dates).value.iso == "2014"
    assert date_of(lost, dates).value.iso == "2016-06"


def test_a_noun_takes_the_year_that_modifies_it(nlp):
    doc = nlp("Investigators linked him to the 2005 bombing and to a 2011 plot.")
    dates = dates_in(next(doc.sents), None)
    bombing = next(t for t in doc if t.lower_ == "bombing")
    plot = next(t for t in doc if t.lower_ == "plot")
    assert date_of(bombing, dates).value.iso == "2005"
    assert date_of(plot, dates).value.iso == "2011"


def test_sentence_date_resolves_against_the_article_date_or_keeps_the_words(nlp):
    sent = next(nlp("The commander met the delegation on Wednesday.").sents)
    assert sentence_date(sent, PUBLISHED).iso == "2021-06-09"
    undated = sentence_date(sent, None)
    assert undated.iso is None and undated.text == "Wednesday"


def test_order_numbers_and_ages_in_a_sentence_are_not_dates(nlp):
    sent = next(nlp("Badran, 54, was designated under Executive Order 13224.").sents)
    assert dates_in(sent, PUBLISHED) == []


@pytest.mark.parametrize("text, iso, precision, modifier", [
    ("Sept. 11, 2001", "2001-09-11", "day", None),
    ("31st December 2019", "2019-12-31", "day", None),
    ("2020-03-03", "2020-03-03", "day", None),
    ("mid-2019", "2019", "year", "mid"),
    ("in late 2015", "2015", "year", "late"),
    ("spring 2016", "2016", "season", "spring"),
    ("the early 1980s", "198", "decade", "early"),
])
def test_more_absolute_forms_keep_their_precision_and_modifier(text, iso, precision, modifier):
    value = normalise(text, PUBLISHED)
    assert (value.iso, value.precision, value.modifier, value.relative) == (iso, precision, modifier, False)


@pytest.mark.parametrize("text, iso, precision", [
    ("two days ago", "2021-06-13", "day"),
    ("10 days ago", "2021-06-05", "day"),
    ("last night", "2021-06-14", "day"),
    ("the day before yesterday", "2021-06-13", "day"),
    ("tomorrow", "2021-06-16", "day"),
    ("last Tuesday", "2021-06-08", "day"),
    ("on Monday morning", "2021-06-14", "day"),
    ("earlier this week", "2021-W24", "week"),
    ("two weeks ago", "2021-W22", "week"),
    ("next week", "2021-W25", "week"),
    ("earlier this month", "2021-06", "month"),
    ("this year", "2021", "year"),
    ("three years ago", "2018", "year"),
    ("on Jan. 3", "2021-01-03", "day"),
])
def test_more_relative_forms_are_placed_against_the_published_date(text, iso, precision):
    value = normalise(text, PUBLISHED)
    assert (value.iso, value.precision, value.relative) == (iso, precision, True)


def test_late_last_year_keeps_both_the_year_and_the_modifier():
    value = normalise("late last year", PUBLISHED)
    assert (value.iso, value.precision, value.modifier) == ("2020", "year", "late")
