"""A verb of inclusion whose subject names an actor's people or units lists members or parts of that
actor; a plural demonstrative subject ("These include ...") stands for the plural phrase named just
before. Invented sentences, with ones that must yield nothing."""
from __future__ import annotations

import pytest

KILLED = "Around 300 Northern Guard fighters were killed last year. "


@pytest.mark.parametrize("text, members", [
    (KILLED + "These included commanders Omar Haddad and Ayman Nofal.", ("Omar Haddad", "Ayman Nofal")),
    (KILLED + "These include Omar Haddad and Ayman Nofal, the son of Karim Nasser.", ("Omar Haddad", "Ayman Nofal")),
    ("The Northern Guard members killed in the raid included Omar Haddad.", ("Omar Haddad",)),
])
def test_the_people_listed_are_members(extract, text, members):
    found = extract(text)
    for name in members:
        found.relation(name, "member_of", "Northern Guard")


def test_a_son_named_in_apposition_is_not_listed(extract):
    found = extract(KILLED + "These include Omar Haddad and Ayman Nofal, the son of Karim Nasser.")
    assert ("Karim Nasser", "member_of", "Northern Guard") not in found.triples()


@pytest.mark.parametrize("text", [
    # the nearest plural phrase is other people (a demonym names people, not the state's members)
    "Northern Guard fighters met Kenyan officials. These included Omar Haddad.",
    # things, not people
    "Northern Guard fighters carry rifles. These include weapons made by Omar Haddad.",
    "Israel struck Northern Guard targets. These included Omar Haddad's house.",
    # a plural phrase with no actor of its own
    "Many people were killed in Kosti last year. These included Omar Haddad.",
])
def test_nothing_when_the_group_is_not_an_actor_s_people(extract, text):
    assert not {t for t in extract(text).triples() if t[1] == "member_of"}
