"""Event types are language data: a new type is a new entry in an events file, and a malformed
language file is a ConfigError that names the file and the key."""
from __future__ import annotations

import copy

import pytest

from actorgraph import Settings
from actorgraph.errors import ConfigError
from actorgraph.extraction import extract_doc, load_resources
from actorgraph.extraction.events import build_lexicon, find_events
from actorgraph.lang import lexicon as language_file
from actorgraph.model import Article


def _events(text: str, lex, published: str | None = None):
    """The events of a hand-written article found with the lexicon `lex` (the parse and actors as shipped)."""
    res = load_resources(Settings())
    article = Article(text=text, source="hand-written.txt", published=published)
    doc = res.nlp(text)
    actors = extract_doc(doc, article, res).actors
    return actors, find_events(doc, article, actors, lex=lex)


def test_a_new_event_type_needs_only_an_entry_in_the_events_file():
    data = copy.deepcopy(language_file("en", "events"))
    data["types"]["evacuation"] = {"plover": "MOBILIZE", "verbs": ["evacuate"], "nouns": ["evacuation"],
                                   "preposition_roles": {"destination": "place"}}
    lex = build_lexicon(data)
    actors, events = _events("Israel evacuated Kiryat Shmona in October 2023.", lex)
    names = {a.id: a.name for a in actors}
    found = [e for e in events if e.type == "evacuation"]
    assert len(found) == 1, [(e.type, e.participants) for e in events]
    roles = {names[p.entity]: p.role for p in found[0].participants}
    assert roles["Israel"] == "agent" and roles["Kiryat Shmona"] == "target"
    assert found[0].date == "2023-10"
    # the shipped lexicon has no such type
    assert not [e for e in _events("Israel evacuated Kiryat Shmona in October 2023.", None)[1]
                if e.type == "evacuation"]


def test_a_new_type_takes_its_attributes_from_the_data():
    data = copy.deepcopy(language_file("en", "events"))
    data["types"]["evacuation"] = {"verbs": ["evacuate"], "object": "other"}
    lex = build_lexicon(data)
    actors, events = _events("Israel evacuated Kiryat Shmona in October 2023.", lex)
    names = {a.id: a.name for a in actors}
    roles = {names[p.entity]: p.role for e in events if e.type == "evacuation" for p in e.participants}
    assert roles.get("Kiryat Shmona") == "other"


@pytest.mark.parametrize("change, key", [
    (lambda d: d.pop("type_defaults"), "type_defaults"),
    (lambda d: d["types"]["attack"].update(colour="red"), "types.attack"),
    (lambda d: d["types"]["killing"].update(means=["bombardment"]), "types.killing"),
    (lambda d: d["types"]["meeting"].update(preposition_roles={"beside": "other"}), "types.meeting.preposition_roles"),
    (lambda d: d.update(agentless="death"), "agentless"),
])
def test_a_malformed_events_file_names_the_file_and_the_key(change, key):
    data = copy.deepcopy(language_file("en", "events"))
    change(data)
    with pytest.raises(ConfigError) as err:
        build_lexicon(data)
    assert "lang/en/events.yaml" in str(err.value) and key in str(err.value)


def test_a_missing_language_file_is_a_config_error():
    with pytest.raises(ConfigError, match=r"lang/xx/numbers.yaml: no such language file"):
        build_lexicon({"type_defaults": {}, "types": {}}, lang="xx")
