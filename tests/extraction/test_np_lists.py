"""Noun-phrase variants and lists, on invented sentences: a role before the name with a comma,
coordinated role nouns, possessives with a bare (curly) apostrophe, "-backed" next to a role noun,
and one relation or event spread over every member of a list (conjuncts, "A, B and C" parsed as
appositions, a colon list, a bulleted list). Each shape has sentences that must yield nothing.
"""
from __future__ import annotations

import pytest

POSITIVE = [
    # a role before the name, with commas
    ("The leader of the Badr Organization, Hadi al-Amiri, met Iraqi officials.",
     "Hadi al-Amiri", "leads", "Badr Organization"),
    ("The spokesman for the Houthis, Mohammed Abdulsalam, said the attack was justified.",
     "Mohammed Abdulsalam", "member_of", "Houthis"),
    # coordinated role nouns share the phrase after the last one, and the bearer of the first
    ("Walid Aziz, the founder and leader of Hezbollah, said the talks failed.", "Walid Aziz", "leads", "Hezbollah"),
    ("Walid Aziz, the founder and leader of Hezbollah, said the talks failed.", "Walid Aziz", "founded", "Hezbollah"),
    ("Walid Aziz, a lawmaker and senior member of Hezbollah, said the talks failed.",
     "Walid Aziz", "member_of", "Hezbollah"),
    ("Walid Aziz, an analyst and former adviser to Hezbollah, said the talks failed.",
     "Walid Aziz", "associated_with", "Hezbollah"),
    ("Walid Aziz is a lawyer and the leader of Hezbollah.", "Walid Aziz", "leads", "Hezbollah"),
    ("Hezbollah is a powerful group and an ally of Hamas.", "Hezbollah", "allied_with", "Hamas"),
    # a possessive with a bare apostrophe, parsed nmod + punct instead of poss
    ("Hamas’ leader Ismail Haniyeh travelled to Qatar.", "Ismail Haniyeh", "leads", "Hamas"),
    ("Hamas' political chief Ismail Haniyeh travelled to Qatar.", "Ismail Haniyeh", "leads", "Hamas"),
    ("Hamas’ military wing, the Qassam Brigades, fired rockets.", "Qassam Brigades", "part_of", "Hamas"),
    # "-backed" before an organization and a role noun: the organization is backed
    ("The Iran-backed Hezbollah commander Karim Nasser was killed on Monday.", "Iran", "supports", "Hezbollah"),
    # one relation over every member of a list
    ("Karim Nasser and Walid Aziz, two commanders of Hamas, were killed.", "Walid Aziz", "member_of", "Hamas"),
    ("Karim Nasser, Walid Aziz and Samir Haddad, all members of Hezbollah, were sanctioned.",
     "Samir Haddad", "member_of", "Hezbollah"),
    ("Karim Nasser, Walid Aziz and Samir Haddad, all members of Hezbollah, were sanctioned.",
     "Walid Aziz", "member_of", "Hezbollah"),
    ("Iran backs groups such as Hezbollah, Hamas and the Houthis.", "Iran", "supports", "Houthis"),
    ("Iran backs three groups: Hezbollah, Hamas and the Houthis.", "Iran", "supports", "Hamas"),
    ("Iran backs three groups: Hezbollah, Hamas and the Houthis.", "Iran", "supports", "Houthis"),
    ("Iran funds several groups:\n- Hezbollah\n- Hamas\n- the Houthis\n", "Iran", "supports", "Hezbollah"),
    ("Iran funds several groups:\n- Hezbollah\n- Hamas\n- the Houthis\n", "Iran", "supports", "Houthis"),
    ("The Treasury designated three Hezbollah officials: Karim Nasser, Walid Aziz and Samir Haddad.",
     "Samir Haddad", "member_of", "Hezbollah"),
]


@pytest.mark.parametrize("text, subject, predicate, obj", POSITIVE, ids=[f"{c[0][:40]}-{c[2]}" for c in POSITIVE])
def test_relation(extract, text, subject, predicate, obj):
    found = extract(text)
    found.relation(subject, predicate, obj)


NEGATIVE = [
    # a role of a thing, not of an actor
    ("The head of the table, Yusuf Karam, said on Monday.", None),
    # a coordinated noun that is no role
    ("Walid Aziz, a writer and longtime critic of Hezbollah, said the talks failed.", None),
    # "such as" / a colon list of things, not actors
    ("Iran backs projects such as roads and schools.", None),
    ("Iran backs three projects: roads, schools and clinics.", None),
    # "-backed" before a named organization and a role noun: not the officer
    ("The Iran-backed Hezbollah commander Karim Nasser was killed on Monday.",
     {("Iran", "supports", "Hezbollah"), ("Karim Nasser", "member_of", "Hezbollah")}),
    # a quoted name, not a possessive
    ("He called them ‘Hamas’ leaders in the interview.", None),
    # a name and its description are not a list
    ("Hezbollah's leader, Hassan Nasrallah, spoke on Monday.", ("Hassan Nasrallah", "leads", "Hezbollah")),
    # a colon that is not followed by a list of names
    ("Iran funds several groups: it has done so for decades.", None),
]


@pytest.mark.parametrize("text, only", NEGATIVE, ids=[c[0][:48] for c in NEGATIVE])
def test_nothing_else(extract, text, only):
    found = extract(text)
    want = only if isinstance(only, set) else {only} if only else set()
    assert found.triples() == want


def test_designation_of_a_colon_list(extract):
    found = extract("The Treasury designated three Hezbollah officials: Karim Nasser, Walid Aziz and Samir Haddad.")
    [event] = found.events("designation")
    roles = found.roles(event)
    assert all(roles.get(n) == "target" for n in ("Karim Nasser", "Walid Aziz", "Samir Haddad"))


def test_designation_of_a_list_with_its_apposition(extract):
    found = extract("Karim Nasser, Walid Aziz and Samir Haddad, all members of Hezbollah, were sanctioned.")
    [event] = found.events("designation")
    roles = found.roles(event)
    assert all(roles.get(n) == "target" for n in ("Karim Nasser", "Walid Aziz", "Samir Haddad"))


def test_designation_of_a_bulleted_list(extract):
    found = extract("The Treasury sanctioned the following individuals:\n- Walid Aziz, a Hamas official;\n"
                    "- Samir Haddad, a Hezbollah official.\n")
    [event] = found.events("designation")
    roles = found.roles(event)
    assert roles.get("Walid Aziz") == "target" and roles.get("Samir Haddad") == "target"
    assert found.relation("Samir Haddad", "member_of", "Hezbollah")


def test_bullets_stop_at_a_line_without_one(extract):
    found = extract("Iran funds several groups:\n- Hezbollah\n- Hamas\n\nIsrael attacked the Houthis on Monday.")
    assert ("Iran", "supports", "Houthis") not in {(s, p, o) for s, p, o in found.triples()}
    assert not any(p == "supports" and o in ("Houthis", "Ansarallah") for s, p, o in found.triples())
