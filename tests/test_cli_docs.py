"""Every command and option of `actorgraph` has help text and is documented; one concept, one flag.

Like datasette's documentation tests: the parser is walked, so a command or flag added without
help or without a line in README.md or docs/ fails here.
"""
from __future__ import annotations

import argparse
import importlib.util
import re
from collections import defaultdict
from pathlib import Path

import pytest

from actorgraph.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """(command words, its parser, the help line its parent gives it) for every command, depth first."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {c.dest: c.help for c in action._choices_actions}
            for name, sub in action.choices.items():
                yield (*prefix, name), sub, helps.get(name)
                yield from commands(sub, (*prefix, name))


def options(parser: argparse.ArgumentParser):
    """The visible arguments of one command (not --help, not hidden old names, not sub-commands)."""
    for a in parser._actions:
        if isinstance(a, (argparse._HelpAction, argparse._VersionAction, argparse._SubParsersAction)):
            continue
        if a.help == argparse.SUPPRESS:
            continue
        yield a


COMMANDS = list(commands(build_parser()))
LEAVES = [(words, p) for words, p, _ in COMMANDS
          if not any(isinstance(a, argparse._SubParsersAction) for a in p._actions)]


def test_the_walk_finds_the_commands():
    names = {" ".join(w) for w, _, _ in COMMANDS}
    assert {"extract", "ingest", "show", "neighbors", "evidence", "export", "serve", "registry import",
            "alias remove", "merge", "split"} <= names


@pytest.mark.parametrize("words,parser,line", COMMANDS, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_has_a_help_line_and_a_description(words, parser, line):
    assert line, f"`actorgraph {' '.join(words)}` has no help line in `actorgraph --help`"
    assert parser.description, f"`actorgraph {' '.join(words)} --help` has no description"


@pytest.mark.parametrize("words,parser", LEAVES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_argument_has_help(words, parser):
    missing = [a.metavar or a.dest for a in options(parser) if not (a.help or "").strip()]
    assert not missing, f"`actorgraph {' '.join(words)}`: no help for {', '.join(map(str, missing))}"


@pytest.mark.parametrize("words,parser", LEAVES, ids=lambda v: " ".join(v) if isinstance(v, tuple) else "")
def test_every_command_and_option_is_documented(words, parser):
    command = "actorgraph " + " ".join(words)
    assert re.search(rf"{re.escape(command)}\b", DOCS), f"`{command}` is in neither README.md nor docs/"
    for a in options(parser):
        for flag in (s for s in a.option_strings if s.startswith("--")):
            assert re.search(rf"{re.escape(flag)}\b", DOCS), f"`{command} {flag}` is in neither README.md nor docs/"


def test_one_concept_has_one_flag_everywhere():
    """A destination is spelled the same on every command; no flag means two things."""
    spellings: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    meanings: dict[str, set[str]] = defaultdict(set)
    for _, parser in LEAVES:
        for a in options(parser):
            if a.option_strings:
                spellings[a.dest].add(tuple(sorted(a.option_strings)))
                for s in a.option_strings:
                    meanings[s].add(a.dest)
    assert {d: s for d, s in spellings.items() if len(s) > 1} == {}
    assert {f: d for f, d in meanings.items() if len(d) > 1} == {}
    # how many items to print is --limit on every command that has such a bound
    assert not any(s in meanings for s in ("--items", "--max", "--top", "--count", "-n"))


def test_the_model_flag_shows_its_default_wherever_it_is():
    from actorgraph.settings import Settings
    for words, parser in LEAVES:
        for a in options(parser):
            if "--model" in a.option_strings:
                assert Settings().model in a.help, " ".join(words)


def test_every_command_that_extracts_lets_the_user_choose_the_model():
    commands = {" ".join(words): {s for a in options(parser) for s in a.option_strings} for words, parser in LEAVES}
    for name in ("extract", "ingest", "watch"):
        assert {"--model", "--registry"} <= commands[name], name


def test_an_old_flag_name_still_works_and_says_the_new_one(tmp_path, capsys):
    args = build_parser().parse_args(["show", "Hezbollah", "--items", "3"])
    assert args.limit == 3
    assert "--items is now --limit" in capsys.readouterr().err


def test_the_command_reference_is_up_to_date():
    spec = importlib.util.spec_from_file_location("cli_reference", ROOT / "scripts" / "cli_reference.py")
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    page = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    assert page == reference.render(build_parser()), "docs/cli.md is out of date: run python scripts/cli_reference.py"


def test_the_readme_says_where_the_model_comes_from_and_how_to_use_the_official_one():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "third-party re-upload" in readme and "pinned by its SHA-256 hash" in readme
    assert "--model en_core_web_sm" in readme and "en_core_web_trf" in readme
