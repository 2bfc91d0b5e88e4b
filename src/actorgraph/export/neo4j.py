"""A folder of CSV files for `neo4j-admin database import full`, and a Cypher script for LOAD CSV.

Headers follow the import tool's format: a node file has one `name:ID(Group)` column and a
`:LABEL` column; a relationship file has `:START_ID(Group)`, `:END_ID(Group)` and `:TYPE`;
other columns are `name:type` (int, double, boolean; string when untyped) and arrays
`name:string[]` joined with ";", the tool's default array delimiter. Evidence cannot hang
on a Neo4j relationship as a list of records, so each statement is a `Statement` node linked
to its actors and its article; the aggregated actor-to-actor relationship carries the counts.
"""
from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .selection import Selection, certainty_of

ARRAY_DELIMITER = ";"
TYPES = ("int", "long", "float", "double", "boolean", "byte", "short", "char", "string", "point", "date",
         "localtime", "time", "localdatetime", "datetime", "duration")


@dataclass(frozen=True)
class CsvFile:
    """One import file: its name, header and rows (values in header order)."""

    name: str
    header: tuple[str, ...]
    rows: list[tuple]
    label: str | None = None  # the node label (node files)

    @property
    def is_node_file(self) -> bool:
        return any(":ID" in h for h in self.header)


def _cell(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ARRAY_DELIMITER.join(str(v).replace(ARRAY_DELIMITER, ",") for v in value)
    return value


def _files(selection: Selection) -> list[CsvFile]:
    rows = {kind: selection.rows(kind) for kind in
            ("actors", "aliases", "articles", "relations", "evidence", "events", "event_participants",
             "quotes", "figures")}
    aliases: dict[str, list[str]] = {}
    for r in rows["aliases"]:
        aliases.setdefault(r["actor_id"], []).append(r["name"])
    mentioned = selection.store.rows(
        "SELECT aa.actor_id, aa.article_id, sum(aa.mentions)::INTEGER FROM article_actors aa "
        "JOIN x_actors x ON x.id = aa.actor_id JOIN x_articles xa ON xa.id = aa.article_id GROUP BY ALL ORDER BY 1, 2")
    ev, qu, fi = rows["events"], rows["quotes"], rows["figures"]
    return [
        CsvFile("actors.csv", ("actorId:ID(Actor)", "name", "type", "registryId", "wikidata", "aliases:string[]",
                               "articles:int", "mentions:int", ":LABEL"),
                [(a["id"], a["name"], a["type"], a["registry_id"], a["wikidata"], aliases.get(a["id"], []),
                  a["articles"], a["mentions"], f"Actor;{a['type'].capitalize()}") for a in rows["actors"]], "Actor"),
        CsvFile("articles.csv", ("articleId:ID(Article)", "source", "title", "published", "language", "url",
                                 "format", "extractor", ":LABEL"),
                [(a["id"], a["source"], a["title"], a["published"], a["language"], a["url"], a["format"],
                  a["extractor"], "Article") for a in rows["articles"]], "Article"),
        CsvFile("statements.csv", ("statementId:ID(Statement)", "relationId", "predicate", "certainty", "role",
                                   "date", "sentence", "sentStart:int", "sentEnd:int", "cueStart:int", "cueEnd:int",
                                   "extractor", "review", ":LABEL"),
                [(s["id"], s["relation_id"], s["predicate"], s["certainty"], s["role"], s["date"], s["sentence"],
                  s["sent_start"], s["sent_end"], s["cue_start"], s["cue_end"], s["extractor"], s["review"], "Statement")
                 for s in rows["evidence"]], "Statement"),
        CsvFile("events.csv", ("eventId:ID(Event)", "type", "date", "dateText", "certainty", "sentence",
                               "sentStart:int", "sentEnd:int", "extractor", ":LABEL"),
                [(e["id"], e["type"], e["date"], e["date_text"], e["certainty"], e["sentence"], e["sent_start"],
                  e["sent_end"], e["extractor"], "Event") for e in ev], "Event"),
        CsvFile("quotes.csv", ("quoteId:ID(Quote)", "text", "date", "dateText", "medium", "certainty", "sentence",
                               "extractor", ":LABEL"),
                [(q["id"], q["text"], q["date"], q["date_text"], q["medium"], q["certainty"], q["sentence"],
                  q["extractor"], "Quote") for q in qu], "Quote"),
        CsvFile("figures.csv", ("figureId:ID(Figure)", "value:double", "valueMax:double", "kind", "qualifier",
                                "certainty", "date", "dateText", "sentence", "extractor", ":LABEL"),
                [(f["id"], f["value"], f["value_max"], f["kind"], f["qualifier"], f["certainty"], f["date"],
                  f["date_text"], f["sentence"], f["extractor"], "Figure") for f in fi], "Figure"),
        # relationships
        CsvFile("relations.csv", (":START_ID(Actor)", ":END_ID(Actor)", ":TYPE", "relationId", "predicate",
                                  "certainty", "statements:int", "stories:int", "sources:int", "asserted:int", "reported:int",
                                  "uncertain:int", "negated:int", "contradicted:boolean", "firstDate", "lastDate",
                                  "roles", "review", "rejected:int"),
                [(r["subject"], r["object"], r["predicate"].upper(), r["id"], r["predicate"], certainty_of(r),
                  r["statements"], r["stories"], r["sources"], r["asserted"], r["reported"], r["uncertain"], r["negated"],
                  bool(r["contradicted"]), r["first_date"], r["last_date"], r["roles"], r["review"], r["rejected"])
                 for r in rows["relations"]]),
        CsvFile("statement_actors.csv", (":START_ID(Statement)", ":END_ID(Actor)", ":TYPE"),
                [(s["id"], s[end], end.upper()) for s in rows["evidence"] for end in ("subject", "object")]
                + [(s["id"], s["attributed_to"], "ATTRIBUTED_TO") for s in rows["evidence"] if s["attributed_to"]]),
        CsvFile("statement_articles.csv", (":START_ID(Statement)", ":END_ID(Article)", ":TYPE"),
                [(s["id"], s["article_id"], "STATED_IN") for s in rows["evidence"]]),
        CsvFile("mentioned_in.csv", (":START_ID(Actor)", ":END_ID(Article)", ":TYPE", "mentions:int"),
                [(actor, article, "MENTIONED_IN", n) for actor, article, n in mentioned]),
        CsvFile("event_participants.csv", (":START_ID(Actor)", ":END_ID(Event)", ":TYPE", "role"),
                [(p["actor_id"], p["event_id"], "PARTICIPATED_IN", p["role"]) for p in rows["event_participants"]]),
        CsvFile("event_places.csv", (":START_ID(Event)", ":END_ID(Actor)", ":TYPE"),
                [(e["id"], e["place"], "TOOK_PLACE_IN") for e in ev if e["place"]]),
        CsvFile("event_articles.csv", (":START_ID(Event)", ":END_ID(Article)", ":TYPE"),
                [(e["id"], e["article_id"], "REPORTED_IN") for e in ev]),
        CsvFile("quote_speakers.csv", (":START_ID(Actor)", ":END_ID(Quote)", ":TYPE"),
                [(q["speaker"], q["id"], "SAID") for q in qu if q["speaker"]]),
        CsvFile("quote_articles.csv", (":START_ID(Quote)", ":END_ID(Article)", ":TYPE"),
                [(q["id"], q["article_id"], "REPORTED_IN") for q in qu]),
        CsvFile("figure_actors.csv", (":START_ID(Figure)", ":END_ID(Actor)", ":TYPE"),
                [(f["id"], f["subject"], "ABOUT") for f in fi if f["subject"]]
                + [(f["id"], f["place"], "PLACE") for f in fi if f["place"]]),
        CsvFile("figure_articles.csv", (":START_ID(Figure)", ":END_ID(Article)", ":TYPE"),
                [(f["id"], f["article_id"], "REPORTED_IN") for f in fi]),
    ]


def _field(header: str) -> tuple[str, str]:
    """(property name, type) of a header column; `name:ID(Group)` is the node's id property."""
    name, _, kind = header.partition(":")
    if kind.startswith("ID"):
        return name, "string"
    return name, kind or "string"


def _value(header: str) -> str:
    name, kind = _field(header)
    cell = f"row.`{header}`"
    return {"int": f"toInteger({cell})", "long": f"toInteger({cell})", "double": f"toFloat({cell})",
            "float": f"toFloat({cell})", "boolean": f"toBoolean({cell})",
            "string[]": f"CASE WHEN {cell} <> '' THEN split({cell}, '{ARRAY_DELIMITER}') END"}.get(kind, cell)


def _group(header: str) -> str:
    return header[header.index("(") + 1:header.index(")")]


def cypher(files: Iterable[CsvFile]) -> str:
    """A Cypher script that loads the files with LOAD CSV (put them in Neo4j's import folder)."""
    files = list(files)
    id_of: dict[str, str] = {}  # group -> id property
    lines = ["// Load an actorgraph export into Neo4j with LOAD CSV: copy the CSV files into the",
             "// database's import folder, then run this script (cypher-shell -f load.cypher).", ""]
    for f in files:
        if f.is_node_file:
            id_header = next(h for h in f.header if ":ID" in h)
            id_of[_group(id_header)] = _field(id_header)[0]
            lines.append(f"CREATE CONSTRAINT IF NOT EXISTS FOR (n:{f.label}) REQUIRE n.{_field(id_header)[0]} IS UNIQUE;")
    lines.append("")
    for f in files:
        if not f.is_node_file:
            continue
        props = ", ".join(f"{_field(h)[0]}: {_value(h)}" for h in f.header if h != ":LABEL")
        lines.append(f"LOAD CSV WITH HEADERS FROM 'file:///{f.name}' AS row\nCREATE (n:{f.label} {{{props}}})")
        extra = sorted({row[-1].split(ARRAY_DELIMITER, 1)[1] for row in f.rows if ARRAY_DELIMITER in row[-1]})
        for label in extra:  # the type labels (Person, Organization, ...) the :LABEL column adds
            lines.append(f"FOREACH (_ IN CASE WHEN row.`:LABEL` ENDS WITH '{ARRAY_DELIMITER}{label}' THEN [1] ELSE [] END"
                         f" | SET n:{label})")
        lines[-1] += ";"
        lines.append("")
    for f in files:
        if f.is_node_file:
            continue
        start, end = f.header[0], f.header[1]
        props = ", ".join(f"{_field(h)[0]}: {_value(h)}" for h in f.header[3:])
        for rel_type in sorted({row[2] for row in f.rows}):
            lines.append(
                f"LOAD CSV WITH HEADERS FROM 'file:///{f.name}' AS row\nWITH row WHERE row.`:TYPE` = '{rel_type}'\n"
                f"MATCH (a:{_group(start)} {{{id_of[_group(start)]}: row.`{start}`}}), "
                f"(b:{_group(end)} {{{id_of[_group(end)]}: row.`{end}`}})\n"
                f"CREATE (a)-[:{rel_type}{(' {' + props + '}') if props else ''}]->(b);")
            lines.append("")
    return "\n".join(lines)


def _import_command(files: list[CsvFile]) -> str:
    parts = ["neo4j-admin database import full"]
    parts += [f"  --nodes={f.name}" for f in files if f.is_node_file]
    parts += [f"  --relationships={f.name}" for f in files if not f.is_node_file]
    parts += ["  --array-delimiter=';' neo4j"]
    return " \\\n".join(parts)


def write_neo4j(selection: Selection, folder: Path) -> int:
    """Write the CSV files, load.cypher and import.sh into `folder`; returns the number of rows."""
    files = _files(selection)
    n = 0
    for f in files:
        with open(folder / f.name, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(f.header)
            writer.writerows([_cell(v) for v in row] for row in f.rows)
        n += len(f.rows)
    (folder / "load.cypher").write_text(cypher(files), encoding="utf-8")
    (folder / "import.sh").write_text(
        "#!/bin/sh\n# Build a new Neo4j database from these files (run in this folder, database stopped).\n"
        + _import_command(files) + "\n", encoding="utf-8")
    return n
