"""Count the English words written into the extraction's Python code, per file.

    python scripts/count_english_words.py [--list]

Extraction should read its words from the language data (`lang/<code>/*.yaml`), not from
Python. This counts, per module of `src/actorgraph/extraction/` and `src/actorgraph/lang/`,
the distinct string constants that are English words and sit in code rather than in a
docstring or a message: in a comparison (`tok.lower_ == "said"`, `x in {"army", "navy"}`),
in a set, tuple, list or dict literal, or as a default value. Not counted, because they are
not English but identifiers of a scheme: spaCy's dependency labels, part-of-speech tags and
entity labels, and our own ontology's predicates, actor types, certainty values and event
roles and types (read from the shipped data), file and key names of the data files.

A word is a lower-case alphabetic string (apostrophes, hyphens, spaces and dots allowed:
"according to", "u.s.", "co-founder"). Prints the count per file and the total; `--list`
also prints the words.
"""
from __future__ import annotations

import argparse
import ast
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "actorgraph"
FOLDERS = (PACKAGE / "extraction", PACKAGE / "lang")

WORD = re.compile(r"^[a-z][a-z'’.\- ]*[a-z.]$|^[a-z]$")
# spaCy's English dependency labels (ClearNLP scheme) and entity labels in lower case.
DEP_LABELS = frozenset("""acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj
csubj csubjpass dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod oprd
parataxis pcomp pobj poss preconj predet prep prt punct quantmod relcl root xcomp""".split())
# Identifiers of our own schemes and of Python (not English text a rule reads).
SCHEME = frozenset("""person organization country location group asserted reported uncertain negated
utf-8 utf8 r rb w wb en yaml json""".split())


def _scheme_words() -> frozenset[str]:
    """Predicates, event types and roles and data keys named by the shipped data files."""
    import yaml

    words: set[str] = set()
    for path in [*(PACKAGE / "data").glob("*.yaml"), *(PACKAGE / "lang").rglob("*.yaml")]:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        words.add(path.stem)

        def keys(node, depth=0):
            if isinstance(node, dict):
                for k, v in node.items():
                    if isinstance(k, str) and (depth < 2 or path.stem in ("ontology",)):
                        words.add(k)
                    keys(v, depth + 1)
            elif isinstance(node, list) and depth < 1:
                pass
        keys(data)
    ontology = yaml.safe_load((PACKAGE / "data" / "ontology.yaml").read_text(encoding="utf-8"))
    for section in ontology.values():
        if isinstance(section, dict):
            words.update(k for k in section if isinstance(k, str))
            for entry in section.values():
                if isinstance(entry, dict):
                    for v in entry.values():
                        if isinstance(v, list):
                            words.update(x for x in v if isinstance(x, str))
    return frozenset(words)


class _Finder(ast.NodeVisitor):
    """String constants in comparisons, collection literals and default values."""

    def __init__(self) -> None:
        self.found: list[tuple[int, str]] = []
        self._docstrings: set[int] = set()

    def visit_Module(self, node):
        self._mark_docstring(node)
        self.generic_visit(node)

    def visit_FunctionDef(self, node):
        self._mark_docstring(node)
        for default in [*node.args.defaults, *node.args.kw_defaults]:
            if default is not None:
                self._collect(default)
        self.generic_visit(node)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, node):
        self._mark_docstring(node)
        self.generic_visit(node)

    def _mark_docstring(self, node) -> None:
        body = getattr(node, "body", [])
        if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
            self._docstrings.add(id(body[0].value))

    def visit_Compare(self, node):
        for part in [node.left, *node.comparators]:
            self._collect(part)
        self.generic_visit(node)

    def visit_Set(self, node):
        self._collect(node)
        self.generic_visit(node)

    visit_List = visit_Tuple = visit_Set

    def visit_Dict(self, node):
        for k in node.keys:
            if k is not None:
                self._collect(k)
        self.generic_visit(node)

    def visit_Call(self, node):  # frozenset("a b c".split()), ("...").split()
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "split" and isinstance(func.value, ast.Constant) \
                and isinstance(func.value.value, str) and not node.args:
            for w in func.value.value.split():
                self.found.append((node.lineno, w))
        self.generic_visit(node)

    def _collect(self, node) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in self._docstrings:
            self.found.append((node.lineno, node.value))
        elif isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            for elt in node.elts:
                if isinstance(elt, ast.Constant) and isinstance(elt.value, str):
                    self.found.append((elt.lineno, elt.value))


def count(path: Path, scheme: frozenset[str]) -> list[str]:
    finder = _Finder()
    finder.visit(ast.parse(path.read_text(encoding="utf-8")))
    words = set()
    for _, value in finder.found:
        if WORD.match(value) and value not in DEP_LABELS and value not in scheme:
            words.add(value)
    return sorted(words)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print the words of each file")
    args = parser.parse_args()
    scheme = SCHEME | _scheme_words()
    total = 0
    for folder in FOLDERS:
        for path in sorted(folder.rglob("*.py")):
            words = count(path, scheme)
            if words:
                total += len(words)
                print(f"{len(words):4d}  {path.relative_to(ROOT)}" + (f": {' '.join(words)}" if args.list else ""))
    print(f"{total:4d}  English words in Python conditions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
