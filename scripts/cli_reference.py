"""Write docs/cli.md, the reference of every `actorgraph` command and argument, from the parser.

    python scripts/cli_reference.py [--check]

The page is rendered from `actorgraph.cli.build_parser()` (each command's description, then a
table of its arguments with their help), not from argparse's own help layout, so it reads the
same on every Python version. tests/test_cli_docs.py fails when the page is out of date, as
datasette's tests do for its CLI reference; `--check` exits 1 then too.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "cli.md"

HEAD = """# Command reference

Every command of `actorgraph` and its arguments, as `actorgraph COMMAND --help` gives them.
This page is written from the parser by `python scripts/cli_reference.py`; a test fails when it
is out of date. The [README](../README.md) says what the commands are for and how they fit
together. Exit status: 0 done, 1 some inputs failed (the rest was done), 2 a usage or setup
error (named on one line), 141 the reader of the output stopped early (`| head`).
"""


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    return [(name, sub) for a in parser._actions if isinstance(a, argparse._SubParsersAction)
            for name, sub in a.choices.items()]


def _argument(a: argparse.Action) -> str:
    if not a.option_strings:
        name = a.metavar or a.dest
        return f"`{name}...`" if a.nargs in ("*", "+") else f"`{name}`"
    takes = "" if a.nargs == 0 else " " + (a.metavar or "{" + ",".join(map(str, a.choices or ())) + "}")
    return ", ".join(f"`{s}{takes}`" for s in a.option_strings)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|").replace("<", "\\<")


def render(parser: argparse.ArgumentParser | None = None) -> str:
    """The page's text."""
    if parser is None:
        sys.path.insert(0, str(ROOT / "src"))
        from actorgraph.cli import build_parser
        parser = build_parser()
    out = [HEAD]

    def walk(p: argparse.ArgumentParser, words: list[str]) -> None:
        for name, sub in _subcommands(p):
            path = [*words, name]
            children = _subcommands(sub)
            out.append(f"\n## actorgraph {' '.join(path)}\n\n{_cell(sub.description or '')}\n")
            args = [a for a in sub._actions if a.help != argparse.SUPPRESS
                    and not isinstance(a, (argparse._HelpAction, argparse._SubParsersAction))]
            if args:
                out.append("| argument | meaning |\n|---|---|")
                out.extend(f"| {_argument(a)} | {_cell(a.help or '')} |" for a in args)
            if children:
                out.append("Commands: " + ", ".join(f"`actorgraph {' '.join([*path, c])}`" for c, _ in children) + ".")
            walk(sub, path)

    walk(parser, [])
    return "\n".join(out) + "\n"


def main() -> int:
    check = "--check" in sys.argv[1:]
    text = render()
    if check:
        if not PAGE.is_file() or PAGE.read_text(encoding="utf-8") != text:
            print(f"{PAGE} is out of date: run python scripts/cli_reference.py", file=sys.stderr)
            return 1
        return 0
    PAGE.write_text(text, encoding="utf-8")
    print(f"wrote {PAGE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
