"""Find the article body among a page's lines and drop the page clutter around and inside it.

Each line is judged by its shape (`shape.py`) and by its place in the document: a line that
occurs twice (give or take dates and numbers) is furniture, and so is a line in another
writing system than the page. Prose lines score their length, furniture and weak lines
(headings, lists, headlines) score below zero, and the body is the run of lines with the
highest total (a maximum-sum segment, as in Finn's Body Text Extraction). Furniture lines
inside that run (photo captions, credit lines, link lines) are then dropped; weak lines
inside it, such as section headings, stay.

Before judging, glued seams are opened (`shape.mend`: emphasis markers and sentence stops glued
to the next word) and an identifier block glued to a prose line's end is cut off, so that the
prose is judged on its own. After it, the last line of a cut excerpt (a sentence stopped on a
word no sentence ends with) joins the body it follows.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from .language import foreign_share, in_script, scripts
from .shape import (CUT_ENDINGS, Shape, ends_sentence, furniture, glued_parts, is_prose, measure, mend,
                    near_key, only_url, split_identifier_tail)

# Line kinds that are never running prose even when they end with a full stop.
NOT_PROSE_KINDS = frozenset({"heading", "rule", "code", "table"})
# Scores: how much a weak or a furniture line costs when the body has to span it.
WEAK_COST = (5, 0.25)  # constant, per character
FURNITURE_COST = (30, 0.5)
# A glued piece must be this many words long to count as a repeat ("WorldCom" is not two lines).
MIN_PIECE_WORDS = 4
# Words in the page's own script that a line with another script's words beside them must have
# to be judged as prose of the page (shorter lines are labels and captions).
MIN_BESIDE_WORDS = 8


@dataclass(frozen=True, slots=True)
class Line:
    """One line (or paragraph) of a page with the little markup that survives as kind."""

    text: str
    kind: str = "text"  # text | heading | item | quote | rule | code | table
    link_chars: int = 0  # characters of `text` that were link text
    new_block: bool = True  # a blank line (or a block element) came before it


@dataclass(frozen=True, slots=True)
class Verdict:
    """A line with what the clutter pass made of it."""

    line: Line
    shape: Shape
    role: str  # prose | weak | furniture
    reason: str = ""


@dataclass(slots=True)
class Body:
    """The selected body paragraphs and the lines before it (where titles and dates sit)."""

    paragraphs: list[str] = field(default_factory=list)
    header: list[Verdict] = field(default_factory=list)
    verdicts: list[Verdict] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The body as one string, paragraphs separated by a blank line."""
        return "\n\n".join(self.paragraphs)


def split_lines(text: str) -> list[Line]:
    """Plain text as lines, spaces folded, blank lines turned into block breaks."""
    lines: list[Line] = []
    blank = True
    for raw in text.split("\n"):
        folded = " ".join(raw.split())
        if not folded:
            blank = True
            continue
        lines.append(Line(folded, new_block=blank))
        blank = False
    return lines


def unwrap(lines: list[Line], markdown: bool = False) -> list[Line]:
    """Join wrapped lines back into paragraphs.

    In markdown a line that stops mid-sentence continues on the next line of its block. In
    plain text lines are joined only when the whole page is wrapped at a fixed width, since
    scraped pages put one paragraph (or one clutter item) per line with no blank between.
    """
    lengths = sorted(len(l.text) for l in lines if l.kind in ("text", "quote"))
    if not lengths:
        return lines
    width = lengths[int(0.9 * (len(lengths) - 1))]
    if markdown:  # a wrapped line is near the wrap width, or its sentence goes on in lowercase
        return _join(lines, lambda prev, line: not ends_sentence(prev.text) and (
            len(prev.text) >= 0.6 * width or line.text[:1].islower()))
    if len(lengths) < 6:
        return lines
    long = [l for l in lines if l.kind in ("text", "quote") and len(l.text) >= 0.6 * width]
    open_ended = sum(not ends_sentence(l.text) for l in long)
    if width > 100 or len(long) < 0.5 * len(lengths) or open_ended < 0.4 * len(long):
        return lines
    return _join(lines, lambda prev, line: len(prev.text) >= 0.6 * width)


def _join(lines: list[Line], continues) -> list[Line]:
    out: list[Line] = []
    last_piece = ""  # the previous input line, which `continues` judges (not the joined paragraph)
    for line in lines:
        prev = out[-1] if out else None
        if (prev is not None and not line.new_block and line.kind == prev.kind
                and line.kind in ("text", "quote") and not only_url(last_piece) and not only_url(line.text)
                and continues(Line(last_piece, prev.kind), line)):
            hyphenated = prev.text.endswith("-") and prev.text[-2:-1].isalpha()  # "booby-" + "trapped"
            joined = prev.text + ("" if hyphenated else " ") + line.text
            out[-1] = Line(joined, prev.kind, prev.link_chars + line.link_chars, prev.new_block)
        else:
            out.append(line)
        last_piece = line.text
    return out


def _fold(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def judge(lines: list[Line], title: str | None = None) -> list[Verdict]:
    """Each line's role (prose, weak or furniture) in the context of the whole page."""
    keys = [near_key(l.text) for l in lines]
    whole = Counter(k for k in keys if k)
    pieces: dict[int, list[str]] = {}  # glued lines: their pieces that are whole lines elsewhere
    for i, line in enumerate(lines):
        parts = glued_parts(line.text)
        if len(parts) > 1:
            pieces[i] = [k for p in parts if (k := near_key(p)).count(" ") >= MIN_PIECE_WORDS - 1]
    glued_in = {k for ks in pieces.values() for k in ks}
    page_scripts = scripts(" ".join(l.text for l in lines))
    main_script = page_scripts.most_common(1)[0][0] if page_scripts else "LATIN"
    folded_title = _fold(title) if title else None
    verdicts = []
    for i, (line, key) in enumerate(zip(lines, keys)):
        shape = measure(line.text)
        # a table row is data whatever its shape: only a row repeated elsewhere on the page is clutter
        reason = furniture(line.text, shape, line.link_chars) if line.kind != "table" else None
        if reason is None:
            if line.kind == "rule":
                reason = "rule"
            elif key and (whole[key] > 1 or key in glued_in or any(whole[k] for k in pieces.get(i, ()))):
                reason = "repeated"
            elif folded_title and _fold(line.text) == folded_title:
                reason = "title"
            elif foreign_share(line.text, main_script) >= 0.3 and not _prose_beside(line.text, main_script):
                reason = "other script"
        if reason:
            verdicts.append(Verdict(line, shape, "furniture", reason))
        elif line.kind not in NOT_PROSE_KINDS and is_prose(shape):
            verdicts.append(Verdict(line, shape, "prose"))
        else:
            verdicts.append(Verdict(line, shape, "weak"))
    return verdicts


def _prose_beside(text: str, main_script: str) -> bool:
    """Whether the line is running prose in the page's script with words of another beside it
    (an English sentence that gives Arabic names next to their English forms)."""
    own = measure(in_script(text, main_script))
    return own.words >= MIN_BESIDE_WORDS and is_prose(own)


def is_cut_fragment(v: Verdict) -> bool:
    """A sentence stopped short: running lowercase text that ends on a word no sentence ends with."""
    words = v.line.text.split()
    return (v.role == "weak" and v.line.kind == "text" and not v.shape.terminal and len(words) >= 3
            and v.shape.lower_ratio >= 0.5 and v.shape.open_lower >= 2
            and (words[-1].lower() in CUT_ENDINGS or words[-1][-1] in ",–—-"))


def _table_row(v: Verdict) -> bool:
    return v.line.kind == "table" and v.role != "furniture"


def _score(v: Verdict) -> float:
    if v.role == "prose":
        return v.shape.chars
    base, per_char = FURNITURE_COST if v.role == "furniture" else WEAK_COST
    return -(base + per_char * v.shape.chars)


def mend_lines(lines: list[Line]) -> list[Line]:
    """Lines with glued seams opened (shape.mend) and identifier blocks cut off their prose."""
    out = []
    for line in lines:
        text = mend(line.text)
        if line.kind in ("text", "quote") and (cut := split_identifier_tail(text)):
            text = cut[0]
        out.append(line if text == line.text else replace(line, text=text))
    return out


def select_body(lines: list[Line], title: str | None = None) -> Body:
    """The body: the best-scoring run of lines, without the furniture inside it."""
    verdicts = judge(mend_lines(lines), title)
    best, best_span = 0.0, None
    running, start = 0.0, 0
    for i, v in enumerate(verdicts):  # maximum-sum segment (Kadane)
        if running <= 0:
            running, start = 0.0, i
        running += _score(v)
        if running > best:
            best, best_span = running, (start, i)
    if best_span is None:
        candidates = [v for v in verdicts if v.role != "furniture"]
        if len(candidates) != 1:  # a lone short paragraph is an article; a list of headings is not
            return Body(header=verdicts, verdicts=verdicts)
        best_span = (verdicts.index(candidates[0]),) * 2
    first, last = best_span
    while first > 0 and _table_row(verdicts[first - 1]):  # a table next to the body is part of it
        first -= 1
    while last < len(verdicts) - 1 and _table_row(verdicts[last + 1]):
        last += 1
    if last == len(verdicts) - 2 and verdicts[last].role == "prose" and is_cut_fragment(verdicts[-1]):
        last += 1  # a stored excerpt cut off mid-sentence: its last fragment is body
    kept = [v.line.text for v in verdicts[first:last + 1] if v.role != "furniture"]
    return Body(paragraphs=kept, header=verdicts[:first], verdicts=verdicts)
