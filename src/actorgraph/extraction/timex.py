"""Time: dates in an article's words, normalised to ISO 8601 with their precision.

Absolute dates ("March 20, 2007", "20 January 2007", "January 2009", "2007", "late 2019") are
normalised as written. Relative ones ("yesterday", "this week", "last year", "on Friday",
"this summer", "two months ago") are resolved against the article's published date; when that
date is unknown they keep their words and get no ISO value: a date is never invented.
Durations ("for years", "the past two decades", "five-year") are not points in time and
normalise to None.

`normalise` works on a piece of text; `dates_in` finds the dates of a sentence (spaCy's DATE
entities, plus bare years the model missed); `date_of` picks the date that a word of the
sentence (an event's trigger, a speech verb) is syntactically attached to.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.tokens import Span, Token

PRECISIONS = ("day", "week", "month", "season", "year", "decade")

MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS.update({"sept": 9})
WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}
SEASONS = {"spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn", "winter": "winter"}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
UNITS = {"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
         "months": "month", "year": "year", "years": "year"}

_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_ABSOLUTE = [  # most precise first
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("day", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("day", re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("decade", re.compile(r"\b(?P<year>(?:1[89]|20)\d0)['’]?s\b")),
    ("year", re.compile(rf"(?<![\d.,/])(?<!\d-){_YEAR}(?![\d.,/]\d|\d)")),  # also "mid-2019"
]
_MONTH_DAY = [re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)", re.I),
              re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b", re.I)]
_MONTH_ONLY = re.compile(rf"\b{_MONTH}\b", re.I)
_MODIFIER = re.compile(r"\b(early|mid|middle|late|end of|beginning of|approximately|about|around|circa|spring|summer|autumn|fall|winter)\b", re.I)
_AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?P<unit>days?|weeks?|months?|years?)\s+ago\b", re.I)
_RELATIVE_UNIT = re.compile(r"\b(?P<which>this|last|next|past|previous|coming|earlier this|later this)\s+(?P<unit>week|month|year|weekend|spring|summer|autumn|fall|winter)\b", re.I)
_BARE_SEASON = re.compile(r"^(?:in\s+|during\s+|over\s+|through\s+)?(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)$", re.I)
_WEEKDAY = re.compile(r"\b(?:(?P<which>last|next|this|on|coming)\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b", re.I)
_DEICTIC = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
            "yesterday": -1, "last night": -1, "tomorrow": 1, "the day before yesterday": -2}
_WEEKEND = re.compile(r"\b(?:the|this|last|past)\s+weekend\b", re.I)


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A point or period in time as the text gives it."""

    text: str  # the words as written
    iso: str | None  # "2007", "2007-03", "2007-03-20", "2017-W49"; None when it cannot be placed
    precision: str  # one of PRECISIONS
    modifier: str | None = None  # early | mid | late | about | spring | summer | autumn | winter
    relative: bool = False  # needs the published date ("last year", "on Friday")


def published_date(published: str | date | None) -> date | None:
    """The article's published day, from an ISO string (time part ignored); None if unknown or malformed."""
    if published is None or isinstance(published, date):
        return published
    try:
        return date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        return None


def _modifier(text: str) -> str | None:
    m = _MODIFIER.search(text)
    if not m:
        return None
    word = m.group(1).lower()
    return {"middle": "mid", "end of": "late", "beginning of": "early", "fall": "autumn",
            "approximately": "about", "around": "about", "circa": "about"}.get(word, word)


def _week(day: date) -> str:
    y, w, _ = day.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(day: date, months: int) -> date:
    n = day.year * 12 + day.month - 1 + months
    return date(n // 12, n % 12 + 1, 1)


def _year_for(month: int, day: int, anchor: date, future: bool) -> int:
    """The year of a month (and day) given without one: the nearest past one, or next one for future tense."""
    try:
        candidate = date(anchor.year, month, min(day, 28) if day else 1)
    except ValueError:
        return anchor.year
    if future:
        return anchor.year + 1 if candidate < anchor - timedelta(days=7) else anchor.year
    return anchor.year - 1 if candidate > anchor + timedelta(days=7) else anchor.year


def _weekday(weekday: int, which: str, anchor: date, future: bool) -> date:
    """The named weekday nearest the anchor: the last one on or before it, or the next one for future tense."""
    if which == "next" or future:
        delta = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=delta + (7 if which == "next" else 0))
    delta = (anchor.weekday() - weekday) % 7
    if which == "last" and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def normalise(text: str, published: str | date | None = None, *, future: bool = False) -> TimeValue | None:
    """The time a date expression names, resolved against `published` when relative; None for durations and non-dates."""
    s = " ".join(text.split())
    low = s.lower()
    anchor = published_date(published)
    mod = _modifier(low)
    if re.search(r"\b(for|past|last|next|over the (?:past|last))\s+(?:\w+\s+)?(?:several\s+|few\s+|\d+\s+)?(decades|years|months|weeks|days)\b", low) \
            and not _AGO.search(low):
        return None  # "for years", "the past two decades", "the last five years"
    for precision, rx in _ABSOLUTE:
        m = rx.search(s)
        if not m:
            continue
        year = int(m.group("year"))
        if precision == "day":
            month = MONTHS.get(m.group("month").lower().rstrip("."), None) if not m.group("month").isdigit() else int(m.group("month"))
            try:
                value = date(year, month or 0, int(m.group("day")))
            except (ValueError, TypeError):
                continue
            return TimeValue(s, value.isoformat(), "day", mod)
        if precision == "month":
            month = MONTHS[m.group("month").lower().rstrip(".")]
            return TimeValue(s, f"{year:04d}-{month:02d}", "month", mod)
        if precision == "decade":
            return TimeValue(s, f"{year:04d}", "decade", mod)
        season = next((SEASONS[w] for w in re.findall(r"[a-z]+", low) if w in SEASONS), None)
        return TimeValue(s, f"{year:04d}", "season" if season else "year", season or mod)
    if re.search(r"\b\d{5,}\b", s) or re.fullmatch(r"[\d\s.,-]+", s):
        return None  # "13224" (an order number), "55" (an age)
    return _relative(s, low, anchor, mod, future)


def _relative(s: str, low: str, anchor: date | None, mod: str | None, future: bool) -> TimeValue | None:
    """Expressions that need the published date; without it they keep their words and no ISO value."""
    def value(iso: str | None, precision: str, modifier: str | None = mod) -> TimeValue:
        return TimeValue(s, iso if anchor else None, precision, modifier, relative=True)

    for words, offset in sorted(_DEICTIC.items(), key=lambda kv: -len(kv[0])):  # "the day before yesterday" first
        if re.search(rf"\b{words}\b", low):
            return value(anchor and (anchor + timedelta(days=offset)).isoformat(), "day")
    m = _AGO.search(low)
    if m:
        n = int(m.group("n")) if m.group("n").isdigit() else NUMBER_WORDS[m.group("n")]
        unit = UNITS[m.group("unit")]
        if anchor is None:
            return value(None, unit)
        if unit == "day":
            return value((anchor - timedelta(days=n)).isoformat(), "day")
        if unit == "week":
            return value(_week(anchor - timedelta(weeks=n)), "week")
        if unit == "month":
            return value(_shift_month(anchor, -n).strftime("%Y-%m"), "month")
        return value(str(anchor.year - n), "year")
    if _WEEKEND.search(low):
        saturday = _weekday(5, "last" if "last" in low else "", anchor, future) if anchor else None
        return value(saturday and _week(saturday), "week")
    m = _RELATIVE_UNIT.search(low)
    if m:
        which, unit = m.group("which"), m.group("unit")
        step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(which, 0)
        if unit in SEASONS:
            season = SEASONS[unit]
            if anchor is None:
                return value(None, "season", season)
            year = anchor.year + step
            return value(str(year), "season", season)
        if anchor is None:
            return value(None, unit)
        if unit == "week":
            return value(_week(anchor + timedelta(weeks=step)), "week")
        if unit == "month":
            return value(_shift_month(anchor, step).strftime("%Y-%m"), "month")
        return value(str(anchor.year + step), "year")
    m = _BARE_SEASON.match(low)
    if m:
        season = SEASONS[m.group("season")]
        return value(anchor and str(anchor.year), "season", season)
    for rx in _MONTH_DAY:
        m = rx.search(s)
        if m and MONTHS.get(m.group("month").lower().rstrip(".")):
            month, day = MONTHS[m.group("month").lower().rstrip(".")], int(m.group("day"))
            if not 1 <= day <= 31:
                continue
            if anchor is None:
                return value(None, "day")
            try:
                iso = date(_year_for(month, day, anchor, future), month, day).isoformat()
            except ValueError:
                continue
            return value(iso, "day")
    m = _WEEKDAY.search(low)
    if m:
        which = (m.group("which") or "").lower()
        day = _weekday(WEEKDAYS[m.group("weekday")], which, anchor, future) if anchor else None
        return value(day and day.isoformat(), "day")
    m = _MONTH_ONLY.search(s)
    if m and m.group("month").lower() == "may" and not (
            m.group("month")[0].isupper() and (low == "may" or re.search(r"\b(in|early|late|mid|since|until|by|from|last|next|this|of)\s+may\b", low))):
        m = None  # "may" the modal, not the month
    if m and (m.group("month")[0].isupper() or low == m.group("month").lower()):
        month = MONTHS[m.group("month").lower().rstrip(".")]
        if anchor is None:
            return value(None, "month")
        return value(f"{_year_for(month, 0, anchor, future):04d}-{month:02d}", "month")
    return None


# --- dates in a parsed sentence -------------------------------------------------------------

_YEAR_WORD = re.compile(r"^(?:1[89]|20)\d\d$")
_YEAR_CONTEXT = {"in", "since", "of", "by", "until", "till", "from", "through", "early", "late", "mid",
                 "the", "during", "before", "after", "around", "circa", "approximately", "as"}
_CLAUSAL = {"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "csubj", "csubjpass",
            "appos", "dobj", "nsubj", "nsubjpass", "attr"}
_ATTACH = {"prep", "pobj", "npadvmod", "tmod", "advmod", "nummod", "compound", "amod", "nmod", "pcomp", "obl"}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in a sentence: the tokens that say it and what they mean."""

    span: Span
    value: TimeValue


def dates_in(sent: Span, published: str | date | None) -> list[DateMention]:
    """The dates a sentence gives: its DATE entities and bare years, normalised; durations left out."""
    found: list[DateMention] = []
    covered: set[int] = set()
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        value = normalise(ent.text, published, future=_future(ent.root))
        if value is not None:
            found.append(DateMention(ent, value))
            covered.update(range(ent.start, ent.end))
    for tok in sent:
        if tok.i in covered or tok.ent_type_ not in ("", "DATE", "CARDINAL") or not _YEAR_WORD.match(tok.text):
            continue
        prev = tok.doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        if prev in _YEAR_CONTEXT or tok.dep_ in ("nummod", "compound") and tok.head.pos_ == "NOUN":
            found.append(DateMention(sent.doc[tok.i:tok.i + 1], TimeValue(tok.text, tok.text, "year")))
    return found


def _future(tok: Token) -> bool:
    """Whether the clause a date belongs to speaks of the future ("will be buried on Friday")."""
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in verb.children)


def date_of(tok: Token, dates: list[DateMention]) -> DateMention | None:
    """The date attached to a word: among its own modifiers first, then its governors' (not other clauses')."""
    if not dates:
        return None
    by_token = {i: d for d in dates for i in range(d.span.start, d.span.end)}
    came_from: Token | None = None
    node = tok
    for _ in range(8):
        if node.i in by_token:
            return by_token[node.i]
        found: list[DateMention] = []
        for child in node.children:
            if (came_from is None or child.i != came_from.i) and child.dep_ in _ATTACH:
                _dates_below(child, by_token, 3, found)
        if found:  # the one that can be placed, then the most precise
            return max(found, key=lambda d: (d.value.iso is not None, len(d.value.iso or "")))
        if node.head.i == node.i:
            break
        came_from, node = node, node.head
    return None


def _dates_below(tok: Token, by_token: dict[int, DateMention], depth: int, found: list[DateMention]) -> None:
    if tok.i in by_token:
        if by_token[tok.i] not in found:
            found.append(by_token[tok.i])
    if depth == 0:
        return
    for child in tok.children:
        if child.dep_ not in _CLAUSAL or child.dep_ == "conj" and tok.i in by_token:
            _dates_below(child, by_token, depth - 1, found)


def sentence_date(sent: Span, published: str | date | None) -> TimeValue | None:
    """The first point in time a sentence gives, if any (for statements without a trigger word)."""
    dates = dates_in(sent, published)
    return dates[0].value if dates else None
