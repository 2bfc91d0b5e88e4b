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


# --- speakers the text names away from the quote (issue 13, class 7) ---------------------------

def test_a_title_that_runs_into_the_name_after_said_still_names_the_speaker(extract):
    found = extract("“We will cut off every channel of this money,” said Assistant Secretary for Economic "
                    "Security and Trade Policy Helen Marsh.")
    assert [(found.name(q.speaker), q.text) for q in found.quotes] == [
        ("Helen Marsh", "We will cut off every channel of this money")]


def test_said_that_then_a_name_does_not_make_that_name_the_speaker(extract):
    found = extract("Speaking in Basra, Omar Rahimi said that Tariq Nouri had changed his position.\n\n"
                    "“Tariq Nouri spoke more softly than he did last week about the militias.”")
    assert [(found.name(q.speaker), q.text[:17]) for q in found.quotes] == [("Omar Rahimi", "Tariq Nouri spoke")]


def test_a_quote_signed_after_a_dash_is_the_signers(extract):
    found = extract("“Tehran's network of proxies threatens every shipping lane in the region.” — Maria Lopez, "
                    "Senior Fellow at the Halcyon Institute")
    assert [found.name(q.speaker) for q in found.quotes] == ["Maria Lopez"]


def test_the_official_described_after_a_quote_is_the_last_speaker(extract):
    found = extract("“Washington is funding the aggression,” Karim al-Haddad was quoted as saying. "
                    "“Our fighters will respond to every strike,” the militia commander added.")
    assert [(found.name(q.speaker), q.text) for q in found.quotes] == [
        ("Karim al-Haddad", "Washington is funding the aggression"),
        ("Karim al-Haddad", "Our fighters will respond to every strike")]


def test_a_quote_opening_the_paragraph_after_reported_speech_is_that_speakers(extract):
    found = extract("Speaking from Baghdad, Zeina Haddad of Reuters said that the minister appeared to have changed his "
                    "position.\n\n“The minister spoke more softly than he did last week about the disarmament of the militias.”")
    assert [found.name(q.speaker) for q in found.quotes] == ["Zeina Haddad"]


def test_the_last_quote_of_a_cut_excerpt_may_lack_its_closing_mark(extract):
    found = extract("Samir Haddad said the talks had failed.\n\n“The government has no plan for the militias and "
                    "the people know it")
    assert [found.name(q.speaker) for q in found.quotes] == ["Samir Haddad"]


def test_an_indefinite_official_is_not_the_last_speaker(extract):
    found = extract("“Washington is funding the aggression,” Karim al-Haddad said. “Our fighters will respond to "
                    "every strike,” a militia commander said.")
    assert [q.text for q in found.quotes] == ["Washington is funding the aggression"]


@pytest.mark.parametrize("text", [
    # the sentence before is no speech: the quote has no speaker
    "Layla Mansour of Reuters reported from Baghdad.\n\n“The minister spoke more softly than he did last week.”",
    # a dash that joins clauses, not a signature
    "“The talks are over” — that was the message of the day.",
])
def test_speakers_not_named_are_not_guessed(extract, text):
    assert extract(text).quotes == []


# --- statements printed without quotation marks in official releases ------------------------------

@pytest.mark.parametrize("text, speaker, words", [
    ("Treasury will keep exposing the networks that move money for armed groups and their sponsors, said "
     "Under Secretary for Economic Security and Trade Policy Helen Marsh.",
     "Helen Marsh", "Treasury will keep exposing the networks that move money for armed groups and their sponsors"),
    ("Secretary of State Antony Blinken said: The United States will not allow Iran to fund terrorism in the region.",
     "Antony Blinken", "The United States will not allow Iran to fund terrorism in the region."),
])
def test_a_release_statement_without_marks_is_a_quote(extract, text, speaker, words):
    found = extract(text)
    assert [(found.name(q.speaker), q.text) for q in found.quotes] == [(found.actor(speaker).name, words)]


@pytest.mark.parametrize("text", [
    "Veteran actress Jane Russell, who starred in a 1943 film, said was impressed by Leonardo DiCaprio's quest.",
    "India's biggest oil firm, Oil & Natural Gas Corp, says it is in talks to buy the former assets of Yukos.",
    "Alexei Miller said: sanctions, visas and arms.",
])
def test_reported_speech_with_its_own_clause_is_no_release_quote(extract, text):
    assert extract(text).quotes == []
