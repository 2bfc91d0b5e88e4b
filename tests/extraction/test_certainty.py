"""How sure the text is of a relation, and whom it attributes the claim to, on hand-written sentences."""
from __future__ import annotations

import pytest

CASES = [
    # asserted
    ("Iran funds Hezbollah.", ("Iran", "supports", "Hezbollah"), "asserted"),
    ("Kataib Hezbollah reports to the Quds Force.", ("Quds Force", "commands", "Kataib Hezbollah"), "asserted"),
    # reported
    ("Iran reportedly funds the Houthis.", ("Iran", "supports", "Houthis"), "reported"),
    ("Iran funds the Houthis, according to Reuters.", ("Iran", "supports", "Houthis"), "reported"),
    ("Qais al-Khazali told Iraqi media that he takes orders from Ali Khamenei.",
     ("Ali Khamenei", "commands", "Qais al-Khazali"), "reported"),
    ("The Pentagon said that Kataib Hezbollah attacked the United States.",
     ("Kataib Hezbollah", "targeted", "United States"), "reported"),
    ("Israel claims that Hezbollah operates in Syria.", ("Hezbollah", "operates_in", "Syria"), "reported"),
    ("The Houthis were reportedly trained by Hezbollah.", ("Hezbollah", "supports", "Houthis"), "reported"),
    ("“Iran arms the Houthis,” Antony Blinken said.", ("Iran", "supports", "Houthis"), "reported"),
    # uncertain
    ("Iran likely armed the Houthis.", ("Iran", "supports", "Houthis"), "uncertain"),
    ("Kataib Hezbollah is believed to take orders from the Quds Force.",
     ("Quds Force", "commands", "Kataib Hezbollah"), "uncertain"),
    ("Hezbollah is suspected of funding Hamas.", ("Hezbollah", "supports", "Hamas"), "uncertain"),
    ("Ali Musa Daqduq, the alleged leader of Kataib Hezbollah, was captured.",
     ("Ali Musa Daqduq", "leads", "Kataib Hezbollah"), "uncertain"),
    ("Hezbollah allegedly funds Hamas.", ("Hezbollah", "supports", "Hamas"), "uncertain"),
    ("The Quds Force may have trained the Houthis.", ("Quds Force", "supports", "Houthis"), "uncertain"),
    ("The Houthis could have been armed by Iran.", ("Iran", "supports", "Houthis"), "uncertain"),
    ("Iran is estimated to fund Hezbollah with $700 million a year.", ("Iran", "supports", "Hezbollah"),
     "uncertain"),
    ("It is unclear whether Iran funds the Houthis.", ("Iran", "supports", "Houthis"), "uncertain"),
    ("Iran plans to arm the Houthis.", ("Iran", "supports", "Houthis"), "uncertain"),
    # negated
    ("Iran denied arming the Houthis.", ("Iran", "supports", "Houthis"), "negated"),
    ("Iran has never funded the Houthis.", ("Iran", "supports", "Houthis"), "negated"),
    ("Hamas did not attack Israel.", ("Hamas", "targeted", "Israel"), "negated"),
    ("Hezbollah denied that it attacked Israel.", ("Hezbollah", "targeted", "Israel"), "negated"),
    ("Iran rejected claims that it supports the Houthis.", ("Iran", "supports", "Houthis"), "negated"),
]


@pytest.mark.parametrize("text, triple, certainty", CASES, ids=[c[0][:50] for c in CASES])
def test_certainty_of_a_relation(extract, text, triple, certainty):
    assert extract(text).relation(*triple).certainty == certainty


@pytest.mark.parametrize("text, triple, source", [
    ("Iran funds the Houthis, according to Reuters.", ("Iran", "supports", "Houthis"), "Reuters"),
    ("According to the Pentagon, Iran funds the Houthis.", ("Iran", "supports", "Houthis"), "Pentagon"),
    ("Qais al-Khazali told Reuters that Iran funds Asaib Ahl al-Haq.", ("Iran", "supports", "Asaib Ahl al-Haq"),
     "Qais al-Khazali"),
    ("US officials said Iran funds the Houthis.", ("Iran", "supports", "Houthis"), "US"),
    ("A Hezbollah spokesman said that Israel attacked Lebanon.", ("Israel", "targeted", "Lebanon"), "Hezbollah"),
    ("Saudi Arabia accused Iran of arming the Houthis.", ("Iran", "supports", "Houthis"), "Saudi Arabia"),
    ("“Iran arms the Houthis,” Antony Blinken said.", ("Iran", "supports", "Houthis"), "Antony Blinken"),
    ("Iran denied arming the Houthis.", ("Iran", "supports", "Houthis"), "Iran"),
])
def test_a_claim_is_attributed_to_the_source_the_text_names(extract, text, triple, source):
    found = extract(text)
    assert found.relation(*triple).attributed_to == found.actor(source).id


def test_an_unnamed_accuser_is_no_source(extract):
    found = extract("Hezbollah has been accused of attacking Israel.")
    rel = found.relation("Hezbollah", "targeted", "Israel")
    assert rel.certainty == "reported" and rel.attributed_to is None


def test_an_asserted_relation_has_no_source(extract):
    assert extract("Iran funds Hezbollah.").relation("Iran", "supports", "Hezbollah").attributed_to is None


def test_a_threatened_attack_is_hostility_not_an_attack(extract):
    found = extract("Hezbollah vowed to strike Israel.")
    assert ("Hezbollah", "targeted", "Israel") not in found.triples()
    assert found.relation("Hezbollah", "opposes", "Israel").certainty == "asserted"


def test_one_statement_with_two_certainties_in_one_sentence_keeps_the_most_guarded(extract):
    found = extract("Hezbollah, which allegedly funds Hamas, denied that it funds Hamas.")
    rels = [r for r in found.ex.relations if r.predicate == "supports"]
    assert [r.certainty for r in rels] == ["negated"]


def test_a_description_of_the_subject_is_not_under_the_subjects_verb(extract):
    found = extract("Kataib Hezbollah, an Iraqi militia backed by Iran, denied involvement in the attack.")
    assert found.relation("Iran", "supports", "Kataib Hezbollah").certainty == "asserted"


def test_a_content_clause_stays_under_its_verb(extract):
    found = extract("Iran denied reports that it funds Hezbollah.")
    assert found.relation("Iran", "supports", "Hezbollah").certainty == "negated"


@pytest.mark.parametrize("text, certainty", [
    ("The meeting between Iran and the United States was cancelled.", "negated"),
    ("Iran postponed its talks with the United States.", "negated"),
    ("A planned meeting between Iran and the United States will take place in Oman.", "uncertain"),
    ("The meeting between Iran and the United States took place in Oman.", "asserted"),
])
def test_a_meeting_named_by_a_noun_that_was_called_off_or_is_only_planned(extract, text, certainty):
    assert extract(text).relation("Iran", "met_with", "United States").certainty == certainty


def test_a_body_of_an_organization_attributes_the_claim_to_the_organization(extract):
    found = extract("According to a UN panel of experts, Iran has supplied the Houthis with drones.")
    rel = found.relation("Iran", "supports", "Houthis")
    assert rel.certainty == "reported" and rel.attributed_to == found.actor("UN").id
