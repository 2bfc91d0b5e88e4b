"""Extraction as a pure function of a batch of articles.

The spaCy pipeline, the registry and the extraction components are loaded once per process
and configuration (`load_resources`) and never mutated afterwards; `extract_batch` maps
articles to `Extraction` records through `nlp.pipe`, and `extract_stream` spreads batches over
worker processes. Each stage is a component (components.py) called on the parsed `Doc` in the
order of the `pipeline` setting; whatever a component raises fails that article alone, as an
`ExtractionError` naming the article, the component and the reason.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .. import __version__
from ..errors import ExtractionError, ModelError, UnsupportedLanguageError
from ..model import Article, Extraction, IntakeFailure, IntakeSkip
from ..registry import Registry, load_registry
from ..settings import Settings
from . import actors as actor_stage
from .components import Component, Context, build, records


@dataclass(frozen=True)
class Resources:
    """What extraction reads but never changes: the pipeline and the registry."""

    nlp: Language
    registry: Registry
    name: str  # "actorgraph@<version>/<model>@<model version>"
    components: tuple[Component, ...] = ()
    language: str = "en"  # the language of the components' data (lang/<code>/)


_RESOURCES: dict[tuple, Resources] = {}


def load_resources(settings: Settings) -> Resources:
    """Load the model, registry and components once per process for these settings."""
    key = (settings.model, tuple(settings.registry), settings.language, tuple(settings.pipeline))
    if key not in _RESOURCES:
        registry = load_registry(settings.registry)
        try:
            nlp = spacy.load(settings.model)
        except (OSError, ImportError) as exc:
            raise ModelError(
                f"cannot load spaCy pipeline {settings.model!r}: {exc}. Install it "
                f"(see README) or set ACTORGRAPH_MODEL / --model to an installed pipeline"
            ) from exc
        missing = {"parser", "ner"} - set(nlp.pipe_names)
        if missing:
            raise ModelError(f"spaCy pipeline {settings.model!r} lacks {', '.join(sorted(missing))}")
        add_paragraph_breaks(nlp)
        actor_stage.add_registry_patterns(nlp, registry)
        actor_stage.preload()  # the gazetteer and cue lists, before the first article rather than during it
        meta = nlp.meta
        name = f"actorgraph@{__version__}/{meta.get('lang')}_{meta.get('name')}@{meta.get('version')}"
        components = build(settings.pipeline, Context(language=settings.language, registry=registry))
        _RESOURCES[key] = Resources(nlp=nlp, registry=registry, name=name, components=tuple(components),
                                   language=settings.language)
    return _RESOURCES[key]


PARAGRAPHS = "actorgraph_paragraphs"


def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence starts after a blank line: the parser would otherwise join a paragraph to the next
    ("“... negotiations.”\n\nPhillip Smyth, a fellow ..., called ...")."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if not tok.is_space and ("\n\n" in prev.whitespace_ or prev.is_space and "\n\n" in prev.text + prev.whitespace_):
            tok.is_sent_start = True
    return doc


def add_paragraph_breaks(nlp: Language) -> None:
    """Put `paragraph_breaks` first in the pipeline (registered here, in one place, not at import)."""
    if PARAGRAPHS not in Language.factories:
        Language.component(PARAGRAPHS, func=paragraph_breaks)
    if PARAGRAPHS not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS, first=True)


def extract_doc(doc: Doc, article: Article, res: Resources) -> Extraction:
    """Everything extracted from one parsed article by the components in order.

    Raises `ExtractionError` naming the article and the component when a component raises anything,
    and `UnsupportedLanguageError` for an article in another language than the pipeline's (an
    Arabic article read with English rules would give nothing, and say nothing).
    """
    if article.language and article.language != res.language:
        raise UnsupportedLanguageError(article.source, article.language, res.language)
    doc._.ag_article = article
    for component in res.components:
        try:
            doc = component(doc)
        except Exception as exc:  # any fault of a rule is this article's failure, not the batch's
            raise ExtractionError(article.source, component.name, f"{type(exc).__name__}: {exc}") from exc
    actors, relations, events, quotes, figures = records(doc)
    return Extraction(article=article, actors=actors, relations=relations, events=events, quotes=quotes,
                      figures=figures, extractor=res.name)


def _failure(article: Article, exc: Exception) -> IntakeFailure:
    return IntakeFailure(article.source, f"extraction failed: {exc}", type(exc).__name__)


def extract_batch(articles: Sequence[Article], settings: Settings) -> list[Extraction | IntakeFailure]:
    """Extract a batch of articles through one `nlp.pipe` call; a failing article becomes a failure record.

    When spaCy itself fails inside the batch, the batch's articles are parsed again one at a
    time, so that only the article it fails on is lost.
    """
    res = load_resources(settings)
    out: list[Extraction | IntakeFailure] = []
    try:
        docs = list(res.nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
    except Exception:  # noqa: BLE001 - retried per article below, where the cause is reported
        docs = None
    for i, article in enumerate(articles):
        try:
            doc = docs[i] if docs is not None else _parse(res, article)
            out.append(extract_doc(doc, article, res))
        except ExtractionError as exc:  # one bad article must not stop the batch
            out.append(_failure(article, exc))
    return out


def _parse(res: Resources, article: Article) -> Doc:
    try:
        return res.nlp(article.text)
    except Exception as exc:
        raise ExtractionError(article.source, "spacy", f"{type(exc).__name__}: {exc}") from exc


def _batches(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _worker_init(settings: Settings) -> None:
    load_resources(settings)


def extract_stream(
    items: Iterable[Article | IntakeFailure | IntakeSkip], settings: Settings
) -> Iterator[Extraction | IntakeFailure | IntakeSkip]:
    """Extract a stream of articles in order, passing intake failures and skipped records through untouched."""

    def batches() -> Iterator[list[Article | IntakeFailure]]:
        yield from _batches(items, settings.batch_size)

    if settings.workers <= 1:
        for batch in batches():
            articles = [a for a in batch if isinstance(a, Article)]
            done = iter(extract_batch(articles, settings)) if articles else iter(())
            for item in batch:
                yield next(done) if isinstance(item, Article) else item
        return

    # Pool.imap would read the whole input ahead; a bounded window keeps memory flat.
    ctx = multiprocessing.get_context("spawn")
    window: deque = deque()
    with ctx.Pool(settings.workers, initializer=_worker_init, initargs=(settings,)) as pool:
        for batch in batches():
            articles = [a for a in batch if isinstance(a, Article)]
            window.append((batch, pool.apply_async(extract_batch, (articles, settings))))
            if len(window) > 2 * settings.workers:
                yield from _merge(*window.popleft())
        while window:
            yield from _merge(*window.popleft())


def _merge(batch: list, result) -> Iterator[Extraction | IntakeFailure]:
    done = iter(result.get())
    for item in batch:
        yield next(done) if isinstance(item, Article) else item
