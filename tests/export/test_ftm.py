"""The FollowTheMoney export: valid entities that load back, with the mapping docs/interop.md states."""
from __future__ import annotations

import io

from interop_checks import load_ftm

from actorgraph.export import Filters, export_store
from actorgraph.export.ftm import PREDICATE_SCHEMA, actor_schema, write_ftm
from actorgraph.export.selection import select
from actorgraph.ontology import ontology


def _export(store, filters=Filters()) -> list:
    out = io.StringIO()
    with select(store, filters) as selection:
        write_ftm(selection, out)
    return load_ftm(out.getvalue())


def _by_name(proxies, name):
    return next(p for p in proxies if name in p.get("name"))


def test_every_line_is_a_valid_entity_whose_references_all_exist(store):
    proxies = _export(store)
    schemata = {p.schema.name for p in proxies}
    assert {"Article", "Person", "Organization", "PublicBody", "Territory", "Event"} <= schemata
    assert len([p for p in proxies if p.schema.name == "Article"]) == 4


def test_actors_keep_names_aliases_wikidata_and_their_articles_as_proof(store):
    proxies = _export(store)
    khamenei = _by_name(proxies, "Ali Khamenei")
    assert khamenei.schema.name == "Person"
    assert khamenei.get("wikidataId") == ["Q57336"]
    assert "Khamenei" in khamenei.get("alias")
    articles = {p.id: p for p in proxies if p.schema.name == "Article"}
    assert [articles[a].get("fileName") for a in khamenei.get("proof")] == [["khamenei.txt"]]
    us = _by_name(proxies, "United States")
    assert us.schema.name == "PublicBody" and us.get("country") == ["us"] and us.get("wikidataId") == ["Q30"]
    assert _by_name(proxies, "Baghdad").schema.name == "Territory"
    # the registry places the IRGC under Iran's armed forces: a state body; Hezbollah is not one
    assert _by_name(proxies, "Islamic Revolutionary Guard Corps").schema.name == "PublicBody"
    assert _by_name(proxies, "Hezbollah").schema.name == "Organization"


def test_each_relation_becomes_its_links_schema_with_predicate_certainty_sentence_and_proof(store):
    proxies = _export(store)
    ids = {p.id: p for p in proxies}
    links = [p for p in proxies if p.schema.edge and p.get("recordId")]
    assert len(links) == 9  # one per stored relation
    leads = next(p for p in links if p.get("role") and p.get("role")[0].startswith("leads")
                 and "Qasem Soleimani" in ids[p.get("director")[0]].get("name"))
    assert leads.schema.name == "Directorship"
    assert ids[leads.get("organization")[0]].get("name") == ["Quds Force"]
    assert leads.get("status") == ["asserted"]
    assert leads.get("description")[0].endswith("; 1 statement in 1 article")  # not "1 statements in 1 articles"
    assert leads.get("summary") == ["[asserted] Qassem Soleimani led the IRGC-Qods Force until 2020."]
    assert [ids[a].schema.name for a in leads.get("proof")] == ["Article"]
    member = next(p for p in links if p.get("role") == ["part_of"])
    assert member.schema.name == "Membership"
    support = next(p for p in links if p.get("role") == ["supports"])
    assert support.schema.name == "UnknownLink"
    assert support.get("status") == ["contradicted"]
    assert "1 asserted, 1 negated" in support.get("description")[0]
    assert len(support.get("proof")) == 2 and len(support.get("summary")) == 2


def test_a_link_whose_ends_do_not_fit_falls_back_to_unknown_link():
    # Membership needs an Organization at its organization end: a place is not one
    assert PREDICATE_SCHEMA["member_of"][0] == "Membership"
    assert actor_schema("location", "Beirut", "beirut") == "Territory"
    assert set(PREDICATE_SCHEMA) == set(ontology())  # every predicate has its schema


def test_based_in_a_place_is_an_unknown_link_to_the_territory(store):
    proxies = _export(store)
    ids = {p.id: p for p in proxies}
    based = next(p for p in proxies if p.get("role", quiet=True) == ["based_in"])
    assert based.schema.name == "UnknownLink"
    assert ids[based.get("object")[0]].schema.name == "Territory"


def test_events_carry_participants_place_date_and_proof(store):
    proxies = _export(store)
    ids = {p.id: p for p in proxies}
    event = next(p for p in proxies if p.schema.name == "Event")
    assert event.get("date") == ["2020-01-03"]
    assert event.get("location") == ["Baghdad"]
    assert sorted(ids[i].first("name") for i in event.get("involved")) == ["Qasem Soleimani", "United States"]
    assert [ids[i].first("name") for i in event.get("organizer")] == ["United States"]
    assert ids[event.first("proof")].first("title") == "strike.txt"
    place = next(p for p in proxies if p.get("subject", quiet=True) == [event.id])
    assert ids[place.first("object")].first("name") == "Baghdad"


def test_the_file_written_by_export_store_loads_back_with_the_same_entities(store, tmp_path):
    path = tmp_path / "graph.ftm.json"
    report = export_store(store, "ftm", str(path))
    proxies = load_ftm(path.read_text(encoding="utf-8"))
    assert report.records == len(proxies)
    assert proxies == _export(store)  # deterministic ids: the same store gives the same entities


def test_followthemoneys_own_validator_reads_the_export_unchanged(store, tmp_path):
    import json
    import subprocess
    import sys
    from pathlib import Path

    path = tmp_path / "graph.ftm.json"
    export_store(store, "ftm", str(path))
    ftm = Path(sys.executable).with_name("ftm")
    proc = subprocess.run([str(ftm), "validate", "-i", str(path), "-o", str(tmp_path / "valid.json")],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    def entities(p):  # validate adds empty `referents` and `datasets`: compare what an entity says
        return [(e["id"], e["schema"], e["properties"]) for e in map(json.loads, p.read_text(encoding="utf-8").splitlines())]

    assert entities(tmp_path / "valid.json") == entities(path)


def test_state_bodies_outside_the_registry_are_told_by_their_names():
    assert actor_schema("organization", "Ministry of Defence", None) == "PublicBody"
    assert actor_schema("organization", "Greater Manchester Police", None) == "PublicBody"
    assert actor_schema("organization", "May Department Stores", None) == "Organization"
    assert actor_schema("organization", "Economist Intelligence Unit", None) == "Organization"
    assert actor_schema("organization", "Kataib Sayyid al-Shuhada", None) == "Organization"
