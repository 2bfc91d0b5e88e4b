"""A parenthetical between a subject and its verb ("after Uganda, under the leadership of Idi Amin,
invaded the country") that the parser read as a verb coordinated without "and" to the main clause:
the verb's subject is the name before the parenthetical, never the main clause's subject. A verb
joined by "and" still shares its subject. Invented sentences."""
from __future__ import annotations

FIRST = "Omar Haddad was jailed in Kenya. "


def test_the_name_before_the_parenthetical_is_the_subject(extract):
    found = extract(FIRST + "He escaped from prison in Kenya after Uganda, under the leadership of Idi Amin, "
                            "invaded the country in 1978.")
    assert ("Uganda", "targeted", "Kenya") in found.triples()
    assert ("Idi Amin", "leads", "Uganda") in found.triples()
    assert ("Omar Haddad", "targeted", "Kenya") not in found.triples()


def test_a_verb_joined_by_and_shares_the_subject(extract):
    found = extract("Uganda invaded Kenya in 1978 and attacked Tanzania in 1979.")
    assert {("Uganda", "targeted", "Kenya"), ("Uganda", "targeted", "Tanzania")} <= found.triples()
