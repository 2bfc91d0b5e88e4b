"""The accused acts: "X accused the militia of smuggling weapons for Y" with "of" hung on the object
noun makes the militia (resolved as a description) the smuggler, not the accuser; a noun that is not
the object of a verb of blaming keeps the clause's subject as the agent. Invented sentences."""
from __future__ import annotations

FIRST = "The United States sanctioned the Northern Guard in 2019. "


def test_a_described_accused_is_the_agent(extract):
    found = extract(FIRST + "Washington accused the militia of smuggling weapons for Iran.")
    assert ("Northern Guard", "supports", "Iran") in found.triples()
    assert ("United States", "supports", "Iran") not in found.triples()


def test_a_named_accused_is_the_agent(extract):
    found = extract("Israel accused Hamas of smuggling weapons to Hezbollah.")
    assert {t for t in found.triples() if t[1] == "supports"} == {("Hamas", "supports", "Hezbollah")}


def test_the_subject_acts_when_the_noun_is_no_accused(extract):
    found = extract("Hezbollah played the role of coordinating attacks on Israel.")
    assert ("Hezbollah", "targeted", "Israel") in found.triples()
