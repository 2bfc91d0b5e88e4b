"""Language files (`lang/<code>/*.yaml`): a malformed file raises ConfigError naming the file and the key.

Each test copies the shipped English files into a temporary root, breaks one of them and reads
it through the loader's `root` parameter, so the shipped files and the process caches stay as they are.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from actorgraph.errors import ConfigError
from actorgraph.extraction.cues import load_cues
from actorgraph.extraction.patterns import lexicon as relation_lexicon
from actorgraph.extraction.quotes import lexicon as quote_lexicon
from actorgraph.lang import lexicon, words

FILES = ("roles", "relations", "certainty", "speech", "actors")


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the shipped English files under `tmp_path/en/`."""
    (tmp_path / "en").mkdir()
    for name in FILES:
        src = resources.files("actorgraph") / "lang" / "en" / f"{name}.yaml"
        (tmp_path / "en" / f"{name}.yaml").write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_copies_read_as_the_shipped_files(root: Path) -> None:
    assert quote_lexicon("en", str(root)) == quote_lexicon()
    assert load_cues("en", str(root)) == load_cues()
    assert relation_lexicon("en", str(root)).roles == relation_lexicon().roles


def test_a_key_that_is_not_a_list_names_file_and_key(root: Path) -> None:
    path = root / "en" / "speech.yaml"
    _replace(path, "speech_verbs: [", "speech_verbs: say\nunused: [")
    with pytest.raises(ConfigError, match=r"speech\.yaml.*speech_verbs"):
        quote_lexicon("en", str(root))


def test_a_missing_key_names_file_and_key(root: Path) -> None:
    path = root / "en" / "actors.yaml"
    _replace(path, "particles:", "unused_particles:")
    with pytest.raises(ConfigError, match=r"actors\.yaml.*particles"):
        load_cues("en", str(root))


def test_a_function_word_list_of_another_shape_names_file_and_key(root: Path) -> None:
    path = root / "en" / "roles.yaml"
    _replace(path, "membership_preps: [at]", "membership_preps: at")
    with pytest.raises(ConfigError, match=r"roles\.yaml.*function_words\.membership_preps"):
        relation_lexicon("en", str(root))


def test_a_bare_yaml_boolean_names_file_and_key(root: Path) -> None:
    path = root / "en" / "certainty.yaml"
    _replace(path, 'non_negating_adverbs: ["no"]', "non_negating_adverbs: [no]")
    with pytest.raises(ConfigError, match=r"certainty\.yaml.*non_negating_adverbs.*boolean"):
        relation_lexicon("en", str(root))


def test_invalid_yaml_names_the_file(root: Path) -> None:
    (root / "en" / "speech.yaml").write_text("speech_verbs: [say, tell\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"speech\.yaml.*not valid YAML"):
        lexicon("en", "speech", str(root))


def test_a_missing_file_names_the_file(root: Path) -> None:
    (root / "en" / "speech.yaml").unlink()
    with pytest.raises(ConfigError, match=r"speech\.yaml"):
        lexicon("en", "speech", str(root))


def test_words_names_file_and_key() -> None:
    with pytest.raises(ConfigError, match=r"lang/en/speech\.yaml.*'media_nouns'"):
        words({"media_nouns": "press"}, "media_nouns", "lang/en/speech.yaml")


def test_release_verbs_must_be_speech_verbs(root: Path) -> None:
    _replace(root / "en" / "speech.yaml", "release_verbs: [say,", "release_verbs: [shout, say,")
    with pytest.raises(ConfigError, match=r"speech\.yaml.*release_verbs.*shout"):
        quote_lexicon("en", str(root))
