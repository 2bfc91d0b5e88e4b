"""A pronoun in a clause reported by an unnamed subject ("a statement", "a lawyer") that names one
fitting actor inside it stands for that actor, before the subjects of earlier sentences; two such
actors, or none, leave the older salience order. Invented sentences."""
from __future__ import annotations

import pytest

BEFORE = "Walid Aziz spoke on Monday. "


@pytest.mark.parametrize("second", [
    "A statement detailing sanctions against Karim Nasser said he had met Bashar al-Assad in Damascus.",
    "A lawyer for Karim Nasser said he had met Bashar al-Assad in Damascus.",
    "Karim Nasser's lawyer said he had met Bashar al-Assad in Damascus.",
])
def test_the_one_person_inside_the_reporting_subject(extract, second):
    found = extract(BEFORE + second)
    assert ("Karim Nasser", "met_with", "Bashar al-Assad") in found.triples()
    assert ("Walid Aziz", "met_with", "Bashar al-Assad") not in found.triples()


def test_an_organization_inside_the_reporting_subject_for_it(extract):
    found = extract(BEFORE + "A report on the Northern Guard said it had attacked Kosti.")
    assert ("Northern Guard", "targeted", "Kosti") in found.triples()


@pytest.mark.parametrize("second, meant", [
    # no actor inside the subject: the subject of the sentence before
    ("The report said he had met Bashar al-Assad in Damascus.", "Walid Aziz"),
    # two people inside the subject: neither is preferred over the older order
    ("A statement by Karim Nasser and Omar Haddad said he had met Bashar al-Assad in Damascus.", "Walid Aziz"),
])
def test_otherwise_the_earlier_subject(extract, second, meant):
    found = extract(BEFORE + second)
    assert {t for t in found.triples() if t[1] == "met_with"} == {(meant, "met_with", "Bashar al-Assad")}
