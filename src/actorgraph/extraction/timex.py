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

from ..errors import ConfigError
from ..lang import lexicon, mapping, strings, words

PRECISIONS = ("day", "week", "month", "season", "year", "decade")

_WHERE = "lang/en/time.yaml"
_TIME = lexicon("en", "time")
_NUMBERS = lexicon("en", "numbers")


def _table(data: dict, key: str, where: str = _WHERE) -> dict:
    return {str(k).lower(): v for k, v in mapping(data, key, where).items()}


def _entry(table: dict, key: str):
    """The value `table` gives to the word written under `key`."""
    word = str(_TIME.get(key, "")).lower()
    if word not in table:
        raise ConfigError(f"{_WHERE}: key {key!r} must name one of {sorted(table)}")
    return table[word]


def _integer(key: str) -> int:
    if not isinstance(_TIME.get(key), int):
        raise ConfigError(f"{_WHERE}: key {key!r} must be a whole number")
    return _TIME[key]


def _alt(phrases) -> str:
    """A regular-expression alternation of literal phrases, the longest first."""
    return "|".join(re.escape(p) for p in sorted(phrases, key=lambda p: (-len(p), p)))


MONTHS = _table(_TIME, "months") | _table(_TIME, "month_abbreviations")
WEEKDAYS = _table(_TIME, "weekdays")
SEASONS = _table(_TIME, "seasons")
NUMBER_WORDS = {w: v for w, v in (_table(_NUMBERS, "articles", "lang/en/numbers.yaml")
                                  | _table(_NUMBERS, "cardinals", "lang/en/numbers.yaml")).items()
                if 1 <= v <= _integer("ago_largest_count")}
UNITS = _table(_TIME, "units")
_MODIFIERS = _table(_TIME, "modifiers") | SEASONS
_RELATIVE = _table(_TIME, "relative_cues")
_WEEKDAY_CUES = _table(_TIME, "weekday_cues")
_DEICTIC = _table(_TIME, "deictic")
_AMBIGUOUS_MONTHS = words(_TIME, "ambiguous_months", _WHERE)
_WEEKEND_PAST = strings(_TIME, "weekend_past", _WHERE)
_WEEKEND_START = _entry(WEEKDAYS, "weekend_start")

_MONTH = rf"(?P<month>{_alt(MONTHS)})\.?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_DAY = rf"(?P<day>[0-3]?\d)(?:{_alt(words(_TIME, 'ordinal_suffixes', _WHERE))})?"
_OF = rf"(?:(?:{_alt(words(_TIME, 'date_of', _WHERE))})\s+)?"
_ABSOLUTE = [  # most precise first
    ("day", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("day", re.compile(rf"\b{_DAY}\s+{_OF}{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("day", re.compile(rf"\b{_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("month", re.compile(rf"\b{_MONTH},?\s+{_OF}{_YEAR}\b", re.I)),
    ("decade", re.compile(r"\b(?P<year>(?:1[89]|20)\d0)['’]?s\b")),
    ("year", re.compile(rf"(?<![\d.,/])(?<!\d-){_YEAR}(?![\d.,/]\d|\d)")),  # also "mid-2019"
]
_MONTH_DAY = [re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+\d)", re.I),
              re.compile(rf"\b{_DAY}\s+{_OF}{_MONTH}\b", re.I)]
_MONTH_ONLY = re.compile(rf"\b{_MONTH}\b", re.I)
_MONTH_CUE = rf"\b(?:{_alt(words(_TIME, 'month_cues', _WHERE))})\s+"
_MODIFIER = re.compile(rf"\b({_alt(_MODIFIERS)})\b", re.I)
_AGO = re.compile(rf"\b(?P<n>\d+|{_alt(NUMBER_WORDS)})\s+(?P<unit>{_alt(UNITS)})\s+(?:{_alt(words(_TIME, 'ago', _WHERE))})\b", re.I)
_RELATIVE_UNIT = re.compile(rf"\b(?P<which>{_alt(_RELATIVE)})\s+(?P<unit>{_alt(words(_TIME, 'relative_units', _WHERE) | set(SEASONS))})\b", re.I)
_BARE_SEASON = re.compile(rf"^(?:(?:{_alt(words(_TIME, 'season_prepositions', _WHERE))})\s+)?"
                          rf"(?:(?:{_alt(words(_TIME, 'season_articles', _WHERE))})\s+)?(?P<season>{_alt(SEASONS)})$", re.I)
_WEEKDAY = re.compile(rf"\b(?:(?P<which>{_alt(_WEEKDAY_CUES)})\s+)?(?P<weekday>{_alt(WEEKDAYS)})s?\b", re.I)
_WEEKEND = re.compile(rf"\b(?:{_alt(words(_TIME, 'weekend_cues', _WHERE))})\s+(?:{_alt(words(_TIME, 'weekend', _WHERE))})\b", re.I)
_DURATION = re.compile(rf"\b({_alt(words(_TIME, 'duration_openers', _WHERE))})\s+(?:\w+\s+)?"
                       rf"(?:(?:{_alt(words(_TIME, 'duration_counts', _WHERE))})\s+|\d+\s+)?({_alt(words(_TIME, 'duration_units', _WHERE))})\b")


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
    return _MODIFIERS[m.group(1).lower()]


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


def _weekday(weekday: int, step: int, anchor: date, future: bool) -> date:
    """The named weekday nearest the anchor: the last one on or before it, or the next one for future tense;
    `step` -1 is the last one strictly before it, 1 the one in the next week."""
    if step > 0 or future:
        delta = (weekday - anchor.weekday()) % 7
        return anchor + timedelta(days=delta + (7 if step > 0 else 0))
    delta = (anchor.weekday() - weekday) % 7
    if step < 0 and delta == 0:
        delta = 7
    return anchor - timedelta(days=delta)


def normalise(text: str, published: str | date | None = None, *, future: bool = False) -> TimeValue | None:
    """The time a date expression names, resolved against `published` when relative; None for durations and non-dates."""
    s = " ".join(text.split())
    low = s.lower()
    anchor = published_date(published)
    mod = _modifier(low)
    if _DURATION.search(low) and not _AGO.search(low):
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
        if precision == "decade":  # ISO 8601's reduced precision: "199" is 1990-1999, not the year 1990
            return TimeValue(s, f"{year // 10:03d}", "decade", mod)
        season = next((SEASONS[w] for w in re.findall(r"[a-z]+", low) if w in SEASONS), None)
        return TimeValue(s, f"{year:04d}", "season" if season else "year", season or mod)
    if re.search(r"\b\d{5,}\b", s) or re.fullmatch(r"[\d\s.,-]+", s):
        return None  # "13224" (an order number), "55" (an age)
    return _relative(s, low, anchor, mod, future)


def _relative(s: str, low: str, anchor: date | None, mod: str | None, future: bool) -> TimeValue | None:
    """Expressions that need the published date; without it they keep their words and no ISO value."""
    def value(iso: str | None, precision: str, modifier: str | None = mod) -> TimeValue:
        return TimeValue(s, iso if anchor else None, precision, modifier, relative=True)

    for phrase, offset in sorted(_DEICTIC.items(), key=lambda kv: -len(kv[0])):  # "the day before yesterday" first
        if re.search(rf"\b{re.escape(phrase)}\b", low):
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
        past = any(w in low for w in _WEEKEND_PAST)
        start = _weekday(_WEEKEND_START, -1 if past else 0, anchor, future) if anchor else None
        return value(start and _week(start), "week")
    m = _RELATIVE_UNIT.search(low)
    if m:
        which, unit = m.group("which"), m.group("unit")
        step = _RELATIVE.get(which.lower(), 0)
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
        step = _WEEKDAY_CUES.get((m.group("which") or "").lower(), 0)
        day = _weekday(WEEKDAYS[m.group("weekday")], step, anchor, future) if anchor else None
        return value(day and day.isoformat(), "day")
    m = _MONTH_ONLY.search(s)
    if m and m.group("month").lower() in _AMBIGUOUS_MONTHS and not (
            m.group("month")[0].isupper() and (low == m.group("month").lower()
                                               or re.search(rf"{_MONTH_CUE}{re.escape(m.group('month').lower())}\b", low))):
        m = None  # "may" the modal, not the month
    if m and (m.group("month")[0].isupper() or low == m.group("month").lower()):
        month = MONTHS[m.group("month").lower().rstrip(".")]
        if anchor is None:
            return value(None, "month")
        return value(f"{_year_for(month, 0, anchor, future):04d}-{month:02d}", "month")
    return None


# --- dates in a parsed sentence -------------------------------------------------------------

_YEAR_WORD = re.compile(r"^(?:1[89]|20)\d\d$")
_YEAR_CONTEXT = words(_TIME, "year_cues", _WHERE)
_FUTURE = words(_TIME, "future_auxiliaries", _WHERE)
_CLAUSAL = {"ccomp", "advcl", "relcl", "acl", "xcomp", "parataxis", "conj", "csubj", "csubjpass",
            "appos", "dobj", "nsubj", "nsubjpass", "attr"}
# Dependencies that hang a description on a noun ("the IRGC, part of Iran's forces, ...", "X, which is
# part of Y, ..."): what such a description states is not dated by the clause around the noun.
DESCRIBING = frozenset({"appos", "relcl", "acl"})
ATTACH = _ATTACH = {"prep", "pobj", "npadvmod", "tmod", "advmod", "nummod", "compound", "amod", "nmod", "pcomp", "obl"}


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
        if value is None and len(ent) > 1 and tells_time(ent):
            # the parser runs a number before a date into it ("E.O. 13224 last month"): the date is its tail
            ent, value = next(((ent[k:], v) for k in range(1, len(ent))
                               if (v := normalise(ent[k:].text, published, future=_future(ent.root))) is not None),
                              (ent, None))
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


_TIME_WORDS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(SEASONS) | frozenset(UNITS) \
    | words(_TIME, "weekend", _WHERE) | words(_TIME, "duration_units", _WHERE) \
    | frozenset(phrase.split()[-1] for phrase in _DEICTIC)  # today, yesterday, night, morning
_DECADE_WORD = re.compile(r"^(?:1[89]|20)\d0['’]?s$")


def tells_time(span: Span) -> bool:
    """Whether a span the parser labels DATE says a time at all: it has a calendar, unit or deictic
    word or a year ("last month", "the 1990s"), not a legal reference the parser mislabels
    ("E.O. 13224", "section 1(b)")."""
    return any(t.lower_.rstrip(".") in _TIME_WORDS or _YEAR_WORD.match(t.text) or _DECADE_WORD.match(t.text)
               for t in span)


def _future(tok: Token) -> bool:
    """Whether the clause a date belongs to speaks of the future ("will be buried on Friday")."""
    verb = tok
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)


def date_of(tok: Token, dates: list[DateMention], stop: frozenset[str] = frozenset()) -> DateMention | None:
    """The date attached to a word: among its own modifiers first, then its governors' (not other clauses');
    the climb ends at a word attached by one of the `stop` dependencies."""
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
        if node.head.i == node.i or node.dep_ in stop:
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
