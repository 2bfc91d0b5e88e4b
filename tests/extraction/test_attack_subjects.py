"""An attack noun as the subject of an attack verb (VerbNet's instrument-subject alternation): the
noun's own attacker (a demonym, a name before it, a possessor) targeted the verb's object and the place
the verb names. Invented sentences, with ones that must yield nothing."""
from __future__ import annotations

import pytest

POSITIVE = [
    ("Israel denied the report. An Israeli strike in Beirut killed Fuad Shukr on Monday.",
     ("Israel", "targeted", "Fuad Shukr")),
    ("Israel denied the report. Hamas said Israeli strikes killed Ahmed Ghandour in Gaza.",
     ("Israel", "targeted", "Ahmed Ghandour")),
    ("Russia denied it. Russian shelling destroyed a school in Kharkiv on Monday.",
     ("Russia", "targeted", "Kharkiv")),
    # the attacker modifies the weapon word that modifies the attack noun
    ("The RSF denied it. An RSF drone attack killed five civilians in El Fasher.",
     ("RSF", "targeted", "El Fasher")),
    ("Hamas denied it. A Hamas rocket attack on Sderot wounded two people.", ("Hamas", "targeted", "Sderot")),
]


@pytest.mark.parametrize("text, triple", POSITIVE, ids=[c[0][20:60] for c in POSITIVE])
def test_the_attack_noun_s_attacker_targets_the_verb_s_object(extract, text, triple):
    assert triple in extract(text).triples()


@pytest.mark.parametrize("text", [
    # no attacker in the noun phrase
    "Israel denied the report. The strike killed Ahmed Ghandour, the ministry said.",
    # the attack noun is the subject of a verb that is no attack
    "Israel denied the report. An Israeli strike worried Hamas.",
    # a passive: the by-phrase names who condemned it, not a target
    "Israel denied the report. An Israeli strike was condemned by Hamas.",
])
def test_no_target_without_an_attacker_or_an_attack_verb(extract, text):
    assert not {t for t in extract(text).triples() if t[1] == "targeted"}
