"""The data model: plain typed records that flow from intake to extraction to export.

This module imports nothing else of the package. Every record that states something about
the world (relation, event, quote, figure) carries its `Evidence` as a required field.
"""
from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field

ENTITY_TYPES = ("person", "organization", "country", "location")
CERTAINTIES = ("asserted", "reported", "uncertain", "negated")


def content_id(*parts: str, prefix: str = "", length: int = 16) -> str:
    """A deterministic id: the hash of NFC-normalised, whitespace-folded parts."""
    h = hashlib.sha256()
    for part in parts:
        norm = " ".join(unicodedata.normalize("NFC", part or "").split())
        h.update(norm.encode("utf-8"))
        h.update(b"\x1f")
    return prefix + h.hexdigest()[:length]


def actor_keys(registry_id: str | None, wikidata: str | None) -> list[str]:
    """The id keys an actor is found under ("registry:<id>", "wikidata:<QID>"), in resolution and in the store."""
    return [k for k in (registry_id and f"registry:{registry_id}", wikidata and f"wikidata:{wikidata}") if k]


@dataclass(frozen=True, slots=True)
class Article:
    """One article's clean body and what is known about it."""

    text: str
    source: str  # file path, path#line for corpora, or URL
    title: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD) when known
    language: str | None = None  # ISO 639-1 code
    url: str | None = None
    format: str = "text"  # text | html | markdown | jsonl | warc
    encoding: str | None = None  # detected encoding of the source bytes
    metadata: dict[str, str] = field(default_factory=dict, compare=False, hash=False)
    # What intake doubts about the input though it read an article ("HTML is cut off ..."); stored with it.
    warnings: tuple[str, ...] = field(default=(), compare=False, hash=False)

    @property
    def id(self) -> str:
        """Identity from normalised content plus source: the same article twice is one."""
        return content_id(self.source, self.text, prefix="a")


@dataclass(frozen=True, slots=True)
class IntakeFailure:
    """An input that could not be read as an article, and why."""

    source: str
    reason: str
    error: str  # the error class name, e.g. "EmptyInputError"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True, slots=True)
class IntakeSkip:
    """A record of an input that holds no article by design (a WARC request, a PDF response), and why.

    Not a failure: reading it again gives the same answer, so it is counted and recorded, not retried.
    """

    source: str  # where the record is: path#offset for a WARC record
    reason: str
    kind: str  # what kind of record it is, e.g. "request", "not-html", "truncated"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"

    @property
    def structural(self) -> bool:
        """Whether the record is never a page (a crawl holds a request per page): counted, not listed one by one."""
        return self.kind in STRUCTURAL_RECORDS


# WARC record types that are never pages.
STRUCTURAL_RECORDS = ("warcinfo", "request", "metadata", "conversion", "continuation")


@dataclass(frozen=True, slots=True)
class Span:
    """A character span in an article's text."""

    start: int
    end: int
    text: str


@dataclass(slots=True)
class Actor:
    """One real-world actor in one article: its name, type, aliases and every mention."""

    id: str
    name: str
    type: str  # one of ENTITY_TYPES
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)
    registry_id: str | None = None  # key in the actor registry, when resolved there
    wikidata: str | None = None  # Wikidata QID, e.g. "Q794"
    source: str = "model"  # what found it: "registry", "model", "document"
    typed_by: str = ""  # what gave its type: "registry", "state", "name: 'Brigades'", "context: 'group'", ...
    type_confidence: float = 1.0  # how sure that type is, 0-1 (actorgraph.extraction.typing.CONFIDENCE)
    # a body many have one of ("Shura Council"): the key of whose it is, "" when the article does not say
    parent: str | None = None  # (actorgraph.extraction.bodies); resolution joins such names under one parent only


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a statement comes from: the sentence and the span of its cue words."""

    article: str  # Article.source
    sentence: str
    start: int  # sentence offsets in Article.text
    end: int
    cue_start: int | None = None
    cue_end: int | None = None
    extractor: str = ""  # name@version of the extractor or pattern


@dataclass(slots=True)
class Relation:
    """A directed, sourced statement: subject predicate object."""

    subject: str  # Actor.id
    predicate: str
    object: str  # Actor.id
    certainty: str  # one of CERTAINTIES
    evidence: list[Evidence]
    role: str | None = None  # the role word: "supreme leader", "co-founder", ...
    date: str | None = None
    attributed_to: str | None = None  # Actor.id of whom the claim is attributed to


@dataclass(slots=True)
class Participant:
    entity: str  # Actor.id
    role: str  # agent | target | other


@dataclass(slots=True)
class Event:
    type: str
    participants: list[Participant]
    evidence: list[Evidence]
    certainty: str = "asserted"
    date: str | None = None  # ISO 8601 ("2007", "2007-03", "2007-03-20", "2017-W49"), None when unplaced
    place: str | None = None  # Actor.id of a location or country
    date_text: str | None = None  # the date's words as written ("last year", "on Friday")


@dataclass(slots=True)
class Quote:
    speaker: str | None  # Actor.id
    text: str
    evidence: list[Evidence]
    date: str | None = None
    certainty: str = "asserted"
    date_text: str | None = None  # the date's words as written
    medium: str | None = None  # where or to whom it was said: "Iranian media", "Reuters", "a statement"


@dataclass(slots=True)
class Figure:
    subject: str | None  # Actor.id
    value: float
    kind: str  # killed | wounded | captured | deployed | fighters | members | money | ...
    evidence: list[Evidence]
    qualifier: str | None = None  # about | at_least | more_than | ...
    certainty: str = "asserted"
    value_max: float | None = None  # the upper end of a range ("14,000 to 15,000")
    place: str | None = None  # Actor.id of a location or country
    date: str | None = None  # ISO 8601, as for events
    date_text: str | None = None


@dataclass(slots=True)
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    extractor: str = ""  # actorgraph version and model name

    def actor(self, actor_id: str) -> Actor:
        """The actor with this id."""
        for a in self.actors:
            if a.id == actor_id:
                return a
        raise KeyError(actor_id)
