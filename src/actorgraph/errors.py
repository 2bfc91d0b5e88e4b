"""Every error actorgraph raises, in one tree.

    ActorgraphError
    ├── ConfigError            a setting has a bad value, or a settings file cannot be read
    ├── ModelError             the spaCy pipeline named in the settings cannot be loaded
    ├── RegistryError          an actor registry file is malformed (names the file and entry)
    └── IntakeError            an input cannot be read as an article (names the input)
        ├── InputNotFoundError     the path does not exist or cannot be opened
        ├── EmptyInputError        the file (or record) has no text
        ├── InputTooLargeError     the file is over the size limit
        ├── BinaryInputError       the bytes are not text (images, archives, executables)
        ├── DecodingError          the text's encoding cannot be detected or decoded
        ├── MalformedInputError    HTML, front matter, a JSON record or a WARC file is broken beyond use
        ├── NoArticleError         nothing that looks like an article body was found
        ├── NoArticlesInFolderError  a folder holds no file actorgraph can read
        └── FetchError             a feed or page cannot be fetched (names the URL)
            ├── DNSError               the host name does not resolve
            ├── TLSError               the TLS handshake or certificate check failed
            ├── ConnectionFailedError  the host refused or dropped the connection
            ├── FetchTimeoutError      no answer (or not the whole answer) within the timeout
            ├── HTTPStatusError        the server answered 4xx or 5xx (carries `status`)
            ├── RedirectLoopError      redirects come back to a URL already visited, or never end
            ├── RobotsDisallowedError  the site's robots.txt forbids the URL to our User-Agent
            ├── NotHTMLError           the page is not HTML (names its content type)
            ├── ResponseTooLargeError  the feed or page is over its size limit
            └── FeedError              the feed is not RSS, Atom or JSON Feed
    └── StoreError             the graph store cannot be opened, written or asked (names the file)
        ├── StoreNotFoundError     no store file at the path (run `actorgraph ingest` first)
        ├── StoreLockedError       another process holds the store open (a single writer)
        ├── SchemaVersionError     the store was written by a newer actorgraph
        ├── EmptyStoreError        the store holds no article yet
        ├── UnknownActorError      no actor has this name, alias or id
        ├── AmbiguousActorError    several actors have this name (carries the candidates)
        ├── DecisionError          a merge or split cannot be made (same actor, no such name)
        ├── ReviewerError          a reviewer cannot be added or removed (bad or taken name, no such reviewer)
        └── ReviewError            a review cannot be made: empty reviewer or reason, bad predicate, type, id
            ├── UnknownTargetError     no statement, edge, actor or review decision has this id
            └── StaleReviewError       the target changed since the caller loaded it (carries the current state)
    └── ExportError            an export cannot be made: unknown format, bad filter, unwritable output
    └── ServeError             the web app cannot listen on its address (the port is taken, the host unknown)

Raise the most specific class; catch at the boundary (the CLI exit status, a per-article
failure record in a batch). Store errors end a query command with exit status 2. Intake errors are turned into `IntakeFailure` records so the
rest of a batch goes on.
"""
from __future__ import annotations

from .wording import counted


class ActorgraphError(Exception):
    """Base of all actorgraph errors."""


class ConfigError(ActorgraphError):
    """A setting has a bad value, or a settings file cannot be read."""


class ModelError(ActorgraphError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class RegistryError(ActorgraphError):
    """An actor registry file is malformed."""


class IntakeError(ActorgraphError):
    """An input cannot be read as an article."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class InputNotFoundError(IntakeError):
    """The path does not exist or cannot be opened."""


class EmptyInputError(IntakeError):
    """The file or record has no text."""


class InputTooLargeError(IntakeError):
    """The file is over the size limit."""


class BinaryInputError(IntakeError):
    """The bytes are not text."""


class DecodingError(IntakeError):
    """The text's encoding cannot be detected or decoded."""


class MalformedInputError(IntakeError):
    """HTML, front matter, a JSON record or a WARC file is broken beyond use."""


class NoArticleError(IntakeError):
    """Nothing that looks like an article body was found."""


class NoArticlesInFolderError(IntakeError):
    """A folder holds no file actorgraph can read."""


class FetchError(IntakeError):
    """A feed or page cannot be fetched; `source` is the URL."""


class DNSError(FetchError):
    """The host name does not resolve."""


class TLSError(FetchError):
    """The TLS handshake or certificate check failed."""


class ConnectionFailedError(FetchError):
    """The host refused or dropped the connection."""


class FetchTimeoutError(FetchError):
    """No answer, or not the whole answer, within the timeout."""


class HTTPStatusError(FetchError):
    """The server answered with a 4xx or 5xx status."""

    def __init__(self, source: str, status: int, reason: str):
        super().__init__(source, reason)
        self.status = status


class RedirectLoopError(FetchError):
    """Redirects come back to a URL already visited, or go on past the limit."""


class RobotsDisallowedError(FetchError):
    """The site's robots.txt forbids the URL to actorgraph's User-Agent."""


class NotHTMLError(FetchError):
    """The page's content type is not HTML."""


class ResponseTooLargeError(FetchError):
    """The feed or page is over its size limit."""


class FeedError(FetchError):
    """The feed is not RSS, Atom or JSON Feed."""


class ExtractionError(ActorgraphError):
    """A component failed on one article; the article is recorded as failed and the batch goes on."""

    def __init__(self, source: str, component: str, reason: str):
        super().__init__(f"{source}: component {component!r} failed: {reason}")
        self.source = source
        self.component = component
        self.reason = reason


class UnsupportedLanguageError(ExtractionError):
    """The article is in a language the pipeline has no language data or model for."""

    def __init__(self, source: str, language: str, supported: str):
        super().__init__(source, "language", f"the article is in {language!r}, which this pipeline does not "
                                             f"read (its language is {supported!r}; set `language` and `model` "
                                             f"for another one)")
        self.language = language


class StoreError(ActorgraphError):
    """The graph store cannot be opened, written or asked."""


class StoreNotFoundError(StoreError):
    """No store file at the path."""


class StoreLockedError(StoreError):
    """Another process holds the store open; a store has a single writer."""


class SchemaVersionError(StoreError):
    """The store was written by a newer actorgraph than this one."""


class EmptyStoreError(StoreError):
    """The store holds no article yet."""


class UnknownActorError(StoreError):
    """No actor has this name, alias or id."""


class AmbiguousActorError(StoreError):
    """Several actors have this name; `candidates` lists them as (id, name, type, articles)."""

    def __init__(self, name: str, candidates: list[tuple[str, str, str, int]], near: bool = False):
        lines = "\n".join(f"  {c[1]} ({c[2]}, {counted(c[3], 'article')}, id {c[0]})" for c in candidates)
        if near:  # one actor has the name; the others have near-duplicate spellings of it
            head = (f"{name!r} is close to the names of {len(candidates)} actors, kept apart (other types, "
                    f"ids or people); say which, by id")
        else:
            head = f"{name!r} names {len(candidates)} actors; say which"
        super().__init__(f"{head}:\n{lines}")
        self.name = name
        self.candidates = candidates
        self.near = near  # True: one actor has the name, the others near-duplicate spellings of it


class DecisionError(StoreError):
    """A merge or split cannot be made."""


class ReviewerError(StoreError):
    """A reviewer cannot be added or removed: the name is malformed or taken, or no reviewer has it."""


class ReviewError(StoreError):
    """A review cannot be made: empty reviewer or reason, unknown predicate, type or certainty, bad id."""


class UnknownTargetError(ReviewError):
    """No statement, edge, actor or review decision has this id."""


class StaleReviewError(ReviewError):
    """The target changed since the caller loaded it: the write is refused; `current` is the state now."""

    def __init__(self, target_id: str, expected: object, current_version: object, current: object):
        state = getattr(current, "review", None) or getattr(current, "state", None)
        who = getattr(current, "reviewer", None)
        now = (f"; it is {state}" + (f" by {who}: {getattr(current, 'reason', '')}" if who else "")) if state else ""
        super().__init__(f"{target_id} changed since it was loaded (version {expected}, now {current_version}){now}; "
                         f"load it again and decide on its current state")
        self.target_id = target_id
        self.expected = expected
        self.current_version = current_version
        self.current = current


class FilterError(StoreError):
    """A predicate, certainty or date filter value that cannot be used; the message names it."""


class ExportError(ActorgraphError):
    """An export cannot be made: an unknown format, a bad filter value, an output that cannot be written."""


class ServeError(ActorgraphError):
    """The web app cannot listen on its address: the port is taken, or the host is not this machine's."""
