"""Actor identity on invented sentences: a false merge looks authoritative and is worse than a
missed relation.

1. Whole-name matching: a registry name written inside a longer name (more given names or a
   patronymic before a person, a qualifier before an organization, name words after a place)
   is not the registry's actor; the name alone still is.
2. Other names the article defines: a parenthesised acronym or labelled abbreviation, a
   translation with its own acronym, "known as", "alias", "known by its ... acronym", a quoted
   nickname after a person's name; a news agency in a dateline defines nothing.
"""
from __future__ import annotations

import pytest


def _names(found) -> set[str]:
    return {a.name for a in found.ex.actors}


def _registry_ids(found) -> set[str]:
    return {a.registry_id for a in found.ex.actors if a.registry_id}


# 1. Whole-name matching -------------------------------------------------------------------

def test_a_longer_person_name_is_not_the_registry_person(extract):
    found = extract("The head of the militia's southern unit, Hasan Hussein Salami, was wounded in an "
                    "air strike near the border on Tuesday.")
    assert "hossein_salami" not in _registry_ids(found)
    person = found.actor("Hasan Hussein Salami")
    assert person.type == "person" and person.registry_id is None


def test_the_registry_person_by_full_name_or_surname_still_resolves(extract):
    found = extract("Hossein Salami toured the base on Sunday. Salami said the guards were ready.")
    person = found.actor("Hossein Salami")
    assert person.registry_id == "hossein_salami"
    assert found.actor("Salami").id == person.id


def test_a_title_before_a_registry_person_is_no_given_name(extract):
    found = extract("Officials said Supreme Leader Ali Khamenei and Foreign Minister Abbas Araghchi met "
                    "the delegation.")
    assert {"ali_khamenei", "abbas_araghchi"} <= _registry_ids(found)
    assert not any(n.startswith(("Leader", "Minister")) for n in _names(found))


def test_a_qualified_council_is_not_the_security_council(extract):
    found = extract("National Security Council spokeswoman Maria Olsen said the envoy would travel "
                    "on Thursday.")
    assert "un_security_council" not in _registry_ids(found)
    assert found.actor("National Security Council").registry_id is None


def test_the_security_council_alone_is_the_un_body(extract):
    found = extract("The Security Council voted on the draft resolution late on Friday.")
    assert found.actor("Security Council").registry_id == "un_security_council"


def test_a_common_word_opening_a_sentence_is_no_qualifier(extract):
    found = extract("New EU tariffs start in March. The new tariffs cover steel.")
    assert "european_union" in _registry_ids(found)
    assert not any(n.startswith("New") for n in _names(found))


def test_a_news_outlet_named_after_a_region_is_not_the_region(extract):
    found = extract("Middle East Eye reported that the negotiators had left the capital.")
    assert "middle_east" not in _registry_ids(found)
    assert found.actor("Middle East Eye").type == "organization"


def test_the_region_alone_is_still_the_region(extract):
    found = extract("Shipping costs rose across the Middle East after the attacks.")
    assert found.actor("Middle East").registry_id == "middle_east"


def test_a_title_after_a_country_does_not_make_a_longer_name(extract):
    found = extract("The talks were joined by Israel Defense Minister Israel Katz on Monday.")
    assert not any(n.startswith("Israel Defense") for n in _names(found))


def test_a_title_case_headline_grows_no_name(extract):
    found = extract("Treasury Sanctions Militia Leaders Who Fired On Protesters\n\n"
                    "The Treasury said the leaders had ordered the shootings.")
    assert not {"Treasury Sanctions", "Treasury Sanctions Militia", "Treasury Sanctions Militia Leaders"} & _names(found)


# 2. Other names the article defines --------------------------------------------------------

@pytest.mark.parametrize("text, full, short", [
    ("Bogota blamed the Free Peasant Army, known by its Spanish acronym EPC, for the blast. The EPC denied it.",
     "Free Peasant Army", "EPC"),
    ("Police raided the Sierra Madre Cartel (Spanish abbr: CSM) in May. CSM gunmen escaped.",
     "Sierra Madre Cartel", "CSM"),
    ("The army fought the Rapid Support Forces (RSF) in the capital. The RSF said it held the airport.",
     "Rapid Support Forces", "RSF"),
    ("Baghdad said al-Quwwat al-Shaabiya (Popular Defence Units-PDU) would stay. The PDU agreed.",
     "Popular Defence Units", "PDU"),
])
def test_an_organization_and_the_other_name_the_article_gives_it_are_one(extract, text, full, short):
    found = extract(text)
    org = found.actor(full)
    assert found.actor(short).id == org.id
    assert org.type == "organization"


def test_a_translation_in_parentheses_joins_the_original_name(extract):
    found = extract("Baghdad said al-Quwwat al-Shaabiya (Popular Defence Units-PDU) would stay.")
    assert found.actor("al-Quwwat al-Shaabiya").id == found.actor("PDU").id


@pytest.mark.parametrize("text, full, nickname", [
    ("Soldiers hunted Ramiro Ortega, alias El Tigre, in the hills. El Tigre escaped again.",
     "Ramiro Ortega", "El Tigre"),
    ('The militia is led by Ahmed Musa Tahir, known as "Zoolo". Zoolo said he would fight on.',
     "Ahmed Musa Tahir", "Zoolo"),
    ('Ahmed Musa Tahir "Zoolo" said the talks had failed.', "Ahmed Musa Tahir", "Zoolo"),
])
def test_a_person_and_a_nickname_the_article_gives_are_one_person(extract, text, full, nickname):
    found = extract(text)
    person = found.actor(full)
    assert found.actor(nickname).id == person.id
    assert person.type == "person"


@pytest.mark.parametrize("text", [
    "BEIRUT (AP) — Rockets struck a village in the south on Monday, officials said.",
    "LONDON (Reuters) - The minister said on Monday that ships would sail.",
])
def test_a_news_agency_in_a_dateline_is_no_alias(extract, text):
    found = extract(text)
    for actor in found.ex.actors:
        assert not {"AP", "Reuters"} & set(actor.aliases), (actor.name, actor.aliases)


def test_no_alias_without_a_name_after_the_cue(extract):
    found = extract("The Free Peasant Army, known for its attacks on pipelines, denied the claim.")
    army = found.actor("Free Peasant Army")
    assert army.aliases == []


def test_a_quoted_phrase_after_a_person_is_no_nickname(extract):
    found = extract('Ahmed Musa Tahir "will not attend" the talks, his office said.')
    assert found.actor("Ahmed Musa Tahir").aliases == []
