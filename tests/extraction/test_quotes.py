"""Direct quotations on hand-written text: their shapes, speaker, date, medium and certainty."""
from __future__ import annotations

import pytest

PUBLISHED = "2024-03-15"  # a Friday

CASES = [
    # text, speaker, the quote's words, date, medium
    ("Hassan Nasrallah said: “We will not stop until the aggression ends.”",
     "Hassan Nasrallah", "We will not stop until the aggression ends.", None, None),
    ("“The resistance will respond at the right time,” Naim Qassem said on Sunday.",
     "Naim Qassem", "The resistance will respond at the right time", "2024-03-10", None),
    ("“We are ready for a long war,” said Abdul-Malik al-Houthi.",
     "Abdul-Malik al-Houthi", "We are ready for a long war", None, None),
    ('"Iran will never abandon its allies," Hossein Salami told reporters in Tehran.',
     "Hossein Salami", "Iran will never abandon its allies", None, "reporters"),
    ("Qais al-Khazali spoke to supporters in Baghdad. He said in 2015: “The Americans must leave Iraq now.”",
     "Qais al-Khazali", "The Americans must leave Iraq now.", "2015", None),
    ("Yahya Saree, a spokesman for the Houthis, said in a statement that “our operations will continue.”",
     "Yahya Saree", "our operations will continue.", None, "statement"),
    ("In an interview with Al Jazeera, Ismail Haniyeh said: “Hamas is open to any initiative that ends the war.”",
     "Ismail Haniyeh", "Hamas is open to any initiative that ends the war.", None, "Al Jazeera"),
    ("Ali Khamenei wrote on X that “the Zionist regime will be punished.”",
     "Ali Khamenei", "the Zionist regime will be punished.", None, "X"),
]


@pytest.mark.parametrize("text, speaker, words, date, medium", CASES, ids=[c[0][:50] for c in CASES])
def test_quote_shapes(extract, text, speaker, words, date, medium):
    found = extract(text, PUBLISHED)
    assert [(found.name(q.speaker), q.text) for q in found.quotes] == [(found.actor(speaker).name, words)]
    quote = found.quotes[0]
    assert (quote.date, quote.medium) == (date, medium)
    ev = quote.evidence[0]
    assert text[ev.start:ev.end] == ev.sentence and words in ev.sentence
    assert found.cue(quote).lower() in ("said", "say", "told", "wrote")


def test_reportedly_told_media_is_reported_with_its_medium(extract):
    quote = extract("Esmail Qaani reportedly told Iranian media: “The axis of resistance is stronger than ever.”").quotes[0]
    assert (quote.certainty, quote.medium) == ("reported", "Iranian media")


def test_a_plain_quote_is_asserted(extract):
    assert extract("Hassan Nasrallah said: “We will respond.”").quotes[0].certainty == "asserted"


def test_a_quote_without_a_speech_verb_continues_the_previous_speaker(extract):
    found = extract("“We did not carry out this attack,” Hezbollah said in a statement. “We have no connection to it.”")
    assert [(found.name(q.speaker), q.text) for q in found.quotes] == [
        ("Hezbollah", "We did not carry out this attack"), ("Hezbollah", "We have no connection to it.")]


def test_a_quoted_fragment_inside_a_report_keeps_its_speaker(extract):
    found = extract("Hezbollah leader Hassan Nasrallah said the group would “respond at the right time”.")
    assert [(found.name(q.speaker), q.text) for q in found.quotes] == [("Hassan Nasrallah", "respond at the right time")]


@pytest.mark.parametrize("text", [
    "The militia calls itself the “Islamic Resistance”.",   # a scare-quoted name
    "Officials described the strike as a “new phase”.",     # a short verbless phrase
    "“We will win,” a voice shouted from the crowd.",       # no actor speaks
])
def test_names_scare_quotes_and_unnamed_speakers_are_no_quotes(extract, text):
    assert extract(text).quotes == []


def test_a_paragraph_break_ends_a_sentence_so_he_is_the_last_paragraphs_subject(extract):
    found = extract("“They will strike back,” Reuel Marc Gerecht told us. “This ends any negotiations.”\n\n"
                    "Phillip Smyth, a fellow at the Washington Institute, called the attack decisive\n\n"
                    "“We are talking about the core leadership of a network,” he told us.")
    last = found.quotes[-1]
    assert (found.name(last.speaker), last.text) == ("Phillip Smyth", "We are talking about the core leadership of a network")
