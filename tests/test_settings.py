"""Settings: defaults < settings file < environment < flags, with clear errors."""
from __future__ import annotations

import pytest

from actorgraph.errors import ConfigError
from actorgraph.settings import Settings


def test_precedence_defaults_file_environment_flags(tmp_path, monkeypatch):
    monkeypatch.delenv("ACTORGRAPH_BATCH_SIZE", raising=False)
    monkeypatch.delenv("ACTORGRAPH_WORKERS", raising=False)
    monkeypatch.chdir(tmp_path)
    assert Settings.load().batch_size == 32
    config = tmp_path / "ag.toml"
    config.write_text('batch_size = 8\nworkers = 3\nmodel = "en_core_web_trf"\n', encoding="utf-8")
    s = Settings.load(config)
    assert (s.batch_size, s.workers, s.model) == (8, 3, "en_core_web_trf")
    monkeypatch.setenv("ACTORGRAPH_WORKERS", "2")
    s = Settings.load(config)
    assert (s.batch_size, s.workers) == (8, 2)
    s = Settings.load(config, workers=4, batch_size=None)
    assert (s.batch_size, s.workers) == (8, 4)


def test_bad_values_name_the_setting(tmp_path):
    with pytest.raises(ConfigError, match="workers"):
        Settings.load(workers="many")
    with pytest.raises(ConfigError, match="batch_size"):
        Settings.load(batch_size=0)
    bad = tmp_path / "ag.toml"
    bad.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="colour"):
        Settings.load(bad)
    with pytest.raises(ConfigError, match="nowhere.toml"):
        Settings.load(tmp_path / "nowhere.toml")
