"""The actor stage on small hand-made articles, with the real spaCy model.

Mechanism tests run `find_actors` with an empty registry, so that what they show comes from
the model, the gazetteer and the article itself; registry tests go through the public API
with a registry file of their own, as a user would.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import actorgraph
from actorgraph import Settings
from actorgraph.errors import RegistryError
from actorgraph.extraction.actors import find_actors
from actorgraph.registry import Registry, load_registry
from actorgraph.model import Actor, Article

FIXTURES = Path(__file__).parent / "fixtures" / "actors"
ERBIL = (FIXTURES / "erbil-rockets.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def nlp():
    return spacy.load(Settings().model)


def actors_of(nlp, text: str, registry: Registry | None = None) -> dict[str, Actor]:
    article = Article(text=text, source="test.txt")
    found = find_actors(nlp(text), article, registry or Registry())
    return {a.name: a for a in found}


def test_every_mention_points_at_its_text(nlp):
    for actor in actors_of(nlp, ERBIL).values():
        for m in actor.mentions:
            assert ERBIL[m.start:m.end] == m.text


def test_possessive_and_surname_are_the_person_with_the_full_name(nlp):
    actors = actors_of(nlp, ERBIL)
    person = actors["Farhad Nourbakhsh"]
    assert person.type == "person"
    assert person.aliases == ["Nourbakhsh"]
    assert len(person.mentions) == 3  # the full name, "Nourbakhsh’s", "Nourbakhsh"
    assert not any("’s" in name or "Brigadier" in name for name in actors)
    assert "Nourbakhsh" not in actors and actors["Jalal Tabrizi"].aliases == ["Tabrizi"]


def test_an_acronym_defined_in_the_article_is_an_alias(nlp):
    actors = actors_of(nlp, ERBIL)
    org = actors["Northern Shield Organization"]
    assert org.type == "organization" and org.aliases == ["NSO"]
    assert [m.text for m in org.mentions] == ["Northern Shield Organization", "NSO", "NSO"]
    assert "NSO" not in actors


def test_countries_are_sovereign_states_and_cities_and_straits_are_locations(nlp):
    actors = actors_of(nlp, ERBIL)
    assert {n: actors[n].type for n in ("Iran", "Iraq", "Oman")} == dict.fromkeys(("Iran", "Iraq", "Oman"), "country")
    assert actors["Iran"].wikidata == "Q794"
    for place in ("Erbil", "Baghdad", "Amman", "Strait of Hormuz"):
        assert actors[place].type == "location", place
    # "Capturing Raqqa" is tagged as one name by the model: the verb is not part of it
    raqqa = actors["Raqqa"]
    assert raqqa.type == "location" and len(raqqa.mentions) == 2
    assert not any(name.startswith("Capturing") for name in actors)


def test_arabic_group_names_are_organizations_by_their_first_word(nlp):
    actors = actors_of(nlp, ERBIL)
    assert actors["Saraya al-Fajr"].type == "organization"
    assert actors["Kata’ib Nasr al-Mustaqbal"].type == "organization"  # the model leaves out "Kata’ib"


def test_demonyms_are_no_actors_but_a_backer_is(nlp):
    actors = actors_of(nlp, ERBIL)
    assert not {"Iraqi", "Iranian"} & set(actors)
    assert "Iranian" in [m.text for m in actors["Iran"].mentions]  # "Iranian-backed groups"


def test_names_inside_addresses_and_urls_are_not_mentions(nlp):
    actors = actors_of(nlp, ERBIL)
    url_at = ERBIL.index("https://")
    assert all(m.start < url_at for a in actors.values() for m in a.mentions)
    assert not any("@" in name or "/" in name for name in actors)


def test_the_same_surface_gets_one_type_in_an_article(nlp):
    text = ("Aleppo fell in December. Capturing Aleppo cost thousands of lives, "
            "and Aleppo is still in ruins. Fighters left Aleppo for Idlib.")
    actors = actors_of(nlp, text)
    assert actors["Aleppo"].type == "location"
    assert len(actors["Aleppo"].mentions) == 4


def test_titles_stay_out_of_names_and_title_words_are_no_actors(nlp):
    text = ("Supreme Leader Ayatollah Ali Khamenei received Sheikh Akram Zubaidi in Tehran. "
            "Defense Secretary Mark Halvorsen said Zubaidi had left Iran.")
    actors = actors_of(nlp, text)
    assert actors["Ali Khamenei"].type == "person"
    assert actors["Akram Zubaidi"].aliases == ["Zubaidi"]
    assert not {"Supreme", "Defense", "Supreme Leader"} & set(actors)


def test_names_the_article_gives_as_one_are_one_actor(nlp):
    text = ("In 2006 the Mahdi Army formed the Golden Squadrons, now known as Saraya al-Dhahab. "
            "Saraya al-Dhahab later split. The Department of Border Security said the Border Security "
            "Department had closed the crossing.")
    actors = actors_of(nlp, text)
    group = actors["Saraya al-Dhahab"]  # the name used most is the actor's name
    assert group.type == "organization" and group.aliases == ["Golden Squadrons"]
    assert len(group.mentions) == 3 and "Golden Squadrons" not in actors
    assert actors["Department of Border Security"].aliases == ["Border Security Department"]


def test_ids_are_deterministic(nlp):
    first = [a.id for a in actors_of(nlp, ERBIL).values()]
    again = [a.id for a in actors_of(nlp, ERBIL).values()]
    assert first == again and len(set(first)) == len(first)


# --- the registry, through the public API


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_users_registry_file_adds_actors_and_beats_the_model(tmp_path):
    # the model takes "Sadiqun al-Wafa" for a person; the user's registry knows better
    user = write(tmp_path / "mine.yaml", """
actors:
  - id: sadiqun_al_wafa_test
    name: Sadiqun al-Wafa
    type: organization
    aliases: [Ashab al-Wafa]
    wikidata: Q999999901
""")
    ex = actorgraph.extract_text(ERBIL + "\nAshab al-Wafa later withdrew the claim.",
                                 source="erbil.txt", settings=Settings(registry=(user,)))
    actors = {a.name: a for a in ex.actors}
    group = actors["Sadiqun al-Wafa"]
    assert (group.type, group.registry_id, group.wikidata, group.source) == (
        "organization", "sadiqun_al_wafa_test", "Q999999901", "registry")
    assert group.aliases == ["Ashab al-Wafa"] and len(group.mentions) == 3


def test_a_registry_surname_inside_another_persons_name_is_that_person(tmp_path):
    user = write(tmp_path / "people.yaml", """
actors:
  - {id: karim_jaberi_test, name: Karim Nasser al-Jaberi, type: person, aliases: [al-Jaberi, Jaberi]}
""")
    text = ("Karim Nasser al-Jaberi met militia leaders in Basra. A photograph by Thaier al-Jaberi "
            "showed the meeting. Jaberi later denied any deal.")
    ex = actorgraph.extract_text(text, settings=Settings(registry=(user,)))
    actors = {a.name: a for a in ex.actors}
    known = actors["Karim Nasser al-Jaberi"]
    assert known.registry_id == "karim_jaberi_test"
    assert [m.text for m in known.mentions] == ["Karim Nasser al-Jaberi", "Jaberi"]
    assert actors["Thaier al-Jaberi"].registry_id is None and actors["Thaier al-Jaberi"].type == "person"


def test_a_users_file_can_add_aliases_to_its_own_actor(tmp_path):
    first = write(tmp_path / "a.yaml", "actors:\n  - {id: nso_test, name: Northern Shield Organization, type: organization}\n")
    second = write(tmp_path / "b.json", '{"actors": [{"id": "nso_test", "name": "Northern Shield Organization",'
                                        ' "type": "organization", "aliases": ["Northern Shield"]}]}')
    registry = load_registry((first, second))
    assert registry.get("nso_test").aliases == ("Northern Shield",)
    assert registry.index.ids("the northern shield") == ("nso_test",)


@pytest.mark.parametrize("content, says", [
    ("actors:\n  - {id: x_test, name: X, type: militia}\n", "'type' 'militia' is not one of"),
    ("actors:\n  - {id: Bad Id, name: X, type: person}\n", "'id' must be a slug"),
    ("actors: [unclosed\n", "not valid YAML"),
    ("people: []\n", "expected a mapping with an 'actors:' list"),
    ("actors:\n  - {id: x_test, name: X, type: location, near: [Katzrin]}\n", "is not \"Place, CC\""),
    ("actors:\n  - {id: x_test, name: X, type: location, near: [\"Katzrin, Israel\"]}\n", "is not \"Place, CC\""),
    ("actors:\n  - {id: x_test, name: X, type: location, near: north}\n", "'near' must be a list"),
])
def test_a_bad_registry_file_is_an_error_naming_the_file(tmp_path, content, says):
    bad = write(tmp_path / "broken.yaml", content)
    with pytest.raises(RegistryError) as err:
        actorgraph.extract_text("Hezbollah fired rockets.", settings=Settings(registry=(bad,)))
    assert str(tmp_path / "broken.yaml") in str(err.value) and says in str(err.value)


def test_a_missing_registry_file_is_an_error_naming_it(tmp_path):
    with pytest.raises(RegistryError, match="nowhere.yaml"):
        load_registry((str(tmp_path / "nowhere.yaml"),))


def test_a_title_word_opening_an_organization_name_is_kept(nlp):
    actors = actors_of(nlp, "The Taliban appointed Abdul Haq Wasiq as head of the General Directorate of Intelligence.")
    assert actors["General Directorate of Intelligence"].type == "organization"
