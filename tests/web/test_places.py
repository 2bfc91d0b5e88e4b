"""Places: the map's gazetteer (continents, regions, features from packaged GeoNames data) and the
places an actor's sentences name when no relation places it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from graph_articles import Hand  # noqa: E402

from actorgraph import query  # noqa: E402
from actorgraph.store import Store, add_extraction  # noqa: E402
from actorgraph.web import geo  # noqa: E402
from actorgraph.web.gazetteer import bare_name  # noqa: E402


def test_a_continent_is_a_continent_not_a_town_that_once_bore_its_name():
    africa = geo.locate(["Africa"], "location")
    assert africa["kind"] == "continent" and africa["country"] != "TN"
    assert -10 < africa["lat"] < 20 and 0 < africa["lon"] < 40


def test_a_country_name_typed_as_a_location_is_the_country_not_a_town_named_after_it():
    assert geo.locate(["Lebanon"], "location") == {"iso": "422"}  # not Lebanon, Pennsylvania


@pytest.mark.parametrize("names, country, found_in, lat, lon", [
    (["Bekaa Valley", "Bekaa"], "lb", "LB", 33.8, 35.9),   # a valley: its governorate
    (["Diyala Province"], "iq", "IQ", 34.0, 45.0),        # a province
    (["Anbar Province"], None, "IQ", 33.5, 42.5),
    (["Idlib Governorate"], None, "SY", 35.9, 36.6),      # a governorate
    (["Rafah crossing"], None, "PS", 31.3, 34.25),        # a crossing: the town it is at
    (["Majdal Shams"], None, "SY", 33.27, 35.77),         # a town of 11,000 people, GeoNames cities500
])
def test_regions_and_features_are_placed_from_the_packaged_gazetteer(names, country, found_in, lat, lon):
    where = geo.locate(names, "location", country)
    assert where is not None and where["country"] == found_in
    assert abs(where["lat"] - lat) < 1.0 and abs(where["lon"] - lon) < 1.0


@pytest.mark.parametrize("name", ["Golan", "West", "Red Sea", "South Lebanon"])
def test_a_short_or_shared_name_without_a_country_is_not_placed_on_a_far_namesake(name):
    # a village in Iran, a region of Cameroon, a state of Sudan (and a governorate of Egypt), a US town
    where = geo.locate([name], "location")
    assert where is None or where.get("country") not in ("IR", "CM", "SD", "US")


@pytest.mark.parametrize("names, country, found_in, lat, lon", [
    (["Qamishli"], "sy", "SY", 37.05, 41.2),      # GeoNames writes "Al Qamishli"
    (["Qamishli"], None, "SY", 37.05, 41.2),      # one place bears it: placed without the registry's country
    (["El-Qamishli"], "sy", "SY", 37.05, 41.2),   # another spelling of the article
])
def test_a_name_is_found_whatever_arabic_article_it_is_written_with(names, country, found_in, lat, lon):
    where = geo.locate(names, "location", country)
    assert where is not None and where["country"] == found_in
    assert abs(where["lat"] - lat) < 0.3 and abs(where["lon"] - lon) < 0.3


@pytest.mark.parametrize("name", ["Al Zzzqq", "El-Qqqqqqx", "Caspian Sea"])
def test_an_arabic_article_alone_does_not_place_a_name_nothing_bears(name):
    # made-up names: the article is no licence to match; nor is "Caspian" (a town in Michigan) a sea
    where = geo.locate([name], "location")
    assert where is None or where["country"] != "US"


@pytest.mark.parametrize("name, bare", [("Bekaa Valley", "Bekaa"), ("the Golan Heights", "Golan"),
                                        ("Kerem Shalom border crossing", "Kerem Shalom"),
                                        ("Ain al-Asad Air Base", "Ain al-Asad"), ("Gaza Strip", "Gaza")])
def test_generic_feature_words_come_off(name, bare):
    assert bare_name(name) == bare


@pytest.fixture
def store(tmp_path):
    a = Hand("hand/wagner.txt", "The Russian paramilitary group Wagner said it had left Mali after three years. "
             "Its fighters were replaced by the Africa Corps.", "2025-06-08")
    a.actor("Wagner", "organization")
    a.actor("Mali", "country")
    a.actor("Africa Corps", "organization")
    b = Hand("hand/houthis.txt", "The Houthis, who control much of Yemen, said they fired drones. "
             "Officials in Riyadh said nothing.", "2024-01-02")
    b.actor("Houthis", "organization")
    b.actor("Yemen", "country")
    b.actor("Riyadh", "location")
    with Store.open(tmp_path / "p.duckdb") as s:
        for ex in (a.extraction(), b.extraction()):
            add_extraction(s, ex)
        yield s


def test_an_actor_no_relation_places_is_placed_where_its_sentences_name_it(store):
    wagner = query.where(store, "Wagner")["places"]
    assert [(p["place"]["name"], p["how"]) for p in wagner] == [("Mali", "named with")]
    assert "left Mali" in wagner[0]["sentence"]
    houthis = [p["place"]["name"] for p in query.where(store, "Houthis")["places"]]
    assert houthis == ["Yemen"]  # Riyadh is in another sentence
    assert query.where(store, "Africa Corps")["places"] == []  # no place in its sentence


def test_the_actor_map_shows_the_places_its_sentences_name(store):
    wagner = query.find_actor(store, "Wagner")
    m = geo.actor_map(store, wagner.id)
    assert [(p["name"], p["links"][0]["how"]) for p in m["places"]] == [("Mali", "named with")]


@pytest.fixture
def golan(tmp_path):
    a = Hand("hand/golan.txt", "Israeli forces based in the Golan Heights shelled positions near the Red Sea coast. "
             "The Northern Shield Brigade is based in the Golan Heights.", "2025-06-08")
    brigade = a.actor("Northern Shield Brigade", "organization")
    heights = a.actor("Golan Heights", "location", "Golan", registry_id="golan_heights")
    a.relation(brigade, "based_in", heights, "The Northern Shield Brigade is based in the Golan Heights.")
    with Store.open(tmp_path / "g.duckdb") as s:
        add_extraction(s, a.extraction())
        yield s


def test_a_place_no_gazetteer_holds_is_drawn_among_the_places_the_registry_puts_it_near(golan):
    # GeoNames has a village "Golan" in Iran and no "Golan Heights"; the registry says the plateau lies
    # among Katzrin, Majdal Shams and Quneitra, which GeoNames places
    brigade = golan.value("SELECT id FROM actors WHERE name = 'Northern Shield Brigade'")
    drawn = geo.actor_map(golan, brigade)
    (place,) = drawn["places"]
    assert place["name"] == "Golan Heights" and drawn["unplaced"] == []
    assert 32.9 < place["lat"] < 33.3 and 35.6 < place["lon"] < 35.9 and place["country"] is None


def test_every_place_the_registry_puts_near_others_is_drawn():
    # a `near` name the gazetteer cannot place (or places in another country) leaves its place off the map
    from actorgraph.registry import load_registry
    near = {a.id for a in load_registry().actors.values() if a.near}
    assert len(near) >= 30 and near <= set(geo._registry_positions())


@pytest.mark.parametrize("name, country, found, lat, lon", [
    ("Al Udeid Air Base", "qa", "Al Udeid Air Base", 25.1, 51.3),
    ("Ben Gurion Airport", None, "Ben Gurion International Airport", 32.0, 34.9),
    ("Baghdad International Airport", None, "Baghdad International Airport", 33.26, 44.23),
])
def test_airports_and_air_bases_are_placed_from_the_packaged_airfield_list(name, country, found, lat, lon):
    where = geo.locate([name], "location", country)
    assert where["kind"] == "airfield" and where["found"] == found
    assert abs(where["lat"] - lat) < 0.1 and abs(where["lon"] - lon) < 0.1


@pytest.mark.parametrize("name, country", [("Abadan", "IR"), ("Nazareth", "IL"), ("Tyre", "LB"), ("Sur", "OM")])
def test_a_citys_own_name_beats_another_citys_alternate_name_and_a_country_code(name, country):
    # GeoNames lists "Abadan" among Ibadan's names and "Nazareth" among Adama's; "SUR" is Suriname's code
    assert geo.locate([name], "location")["country"] == country
