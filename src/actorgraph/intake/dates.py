"""Publication dates: read a stated date as ISO YYYY-MM-DD, and tell date-like tokens apart.

Only dates with a year, a month and a day are returned, and numeric dates whose day and month
could be swapped (03/04/2020) are refused: a missing date is better than an invented one.
"""
from __future__ import annotations

import re
from datetime import date

MONTHS: dict[str, int] = {}
for _number, _names in enumerate((
    "january jan janvier enero januar gennaio janeiro",
    "february feb février fevrier febrero februar febbraio fevereiro",
    "march mar mars marzo märz marz março",
    "april apr avril abril aprile",
    "may mai mayo maggio maio",
    "june jun juin junio juni giugno junho",
    "july jul juillet julio juli luglio julho",
    "august aug août aout agosto",
    "september sep sept septembre septiembre settembre setembro",
    "october oct octobre octubre oktober ottobre outubro",
    "november nov novembre noviembre",
    "december dec décembre decembre diciembre dezember dicembre dezembro",
), start=1):
    for _name in _names.split():
        MONTHS[_name] = _number

WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday tue tues thu thur thurs fri "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split())
# Zone and half-day words that are dates only right after a clock time ("5:00 AM ET").
TIME_WORDS = frozenset("am pm a.m. p.m. gmt utc et est edt pst pdt cet cest bst ist ast".split())
# Month and weekday abbreviations that are also common words ("may", "mar", "sun").
_AMBIGUOUS = frozenset("may mar sun sat wed mon mai".split())
# Words that introduce the publication date of the page itself.
DATE_LABELS = ("published", "posted", "date", "dated", "publié", "publicado", "veröffentlicht",
               "pubblicato")

# Labels of the date a page was read, not written: citation styles' access dates (APA "Retrieved",
# MLA "Accessed", the "access-date" of wiki citations) and the fields scrapers and archives add.
ACCESS_LABELS = ("view date", "viewed", "viewed on", "accessed", "access date", "access-date", "accessdate",
                 "retrieved", "retrieval date", "crawled", "crawl date", "scraped", "scrape date",
                 "fetched", "fetch date", "downloaded", "download date", "last visited", "visited",
                 "captured", "archived")

_MONTH = r"(?P<month>[^\W\d_]{3,10})\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?"
_PATTERNS = [re.compile(p, re.IGNORECASE) for p in (
    r"(?<!\d)" + _YEAR + r"[-/.](?P<mon>[01]?\d)[-/.](?P<day>[0-3]?\d)(?!\d)",  # 2024-03-14
    r"(?<!\w)" + _DAY + r"\.?\s*(?:de\s+)?" + _MONTH + r",?\s*(?:de\s+)?" + _YEAR,  # 14 March 2024
    r"(?<!\w)" + _MONTH + r"\s+" + _DAY + r",?\s+" + _YEAR,  # March 14, 2024
    r"(?<!\d)(?P<a>[0-3]?\d)[/.](?P<b>[01]?\d)[/.]" + _YEAR + r"(?!\d)",  # 14/03/2024
    r"(?<!\d)" + _YEAR + r"\s+(?:[^\W\d_]+\s*)?,?\s*" + _DAY + r"\s+" + _MONTH + r"(?!\w)",  # 2017 Monday ,16 October
)]
_TIME = re.compile(r"^\d{1,2}:\d\d(?::\d\d)?$")
_ISO = re.compile(r"^\d{4}-\d\d-\d\d")
# Words that name a month or a weekday and nothing else (used to fold dates out of lines).
DATE_WORDS = frozenset(MONTHS).union(WEEKDAYS) - _AMBIGUOUS
_WORD_TOKENS = DATE_WORDS | {"gmt", "utc"}
_TIME_WORDS_RE = "|".join(re.escape(w) for w in sorted(TIME_WORDS))
# Numbers that are dates or times: ISO dates, 14/03/2024, years, day numbers, clock times
# with their zone words ("5:00 AM ET" is three tokens).
_NUMBER_TOKEN = re.compile(
    r"(?<![\w/.-])(?:(?:19|20)\d\d-\d\d-\d\d(?:T[\d:.+-]+Z?)?|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}"
    r"|(?:19|20)\d\d|\d{1,2})(?![\w:/-])"
    r"|(?<![\w:])\d{1,2}:\d\d(?::\d\d)?(?![\w:])(?:\s+(?:" + _TIME_WORDS_RE + r")\b){0,2}",
    re.IGNORECASE)
_LABEL = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(DATE_LABELS), re.IGNORECASE)
_ALPHA = re.compile(r"[^\W\d_]{3,9}")
_ACCESS = re.compile(r"(?<!\w)(?:%s)(?!\w)" % "|".join(re.escape(l) for l in sorted(ACCESS_LABELS, key=len, reverse=True)),
                     re.IGNORECASE)


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first full calendar date stated in the text, as YYYY-MM-DD."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            g = m.groupdict()
            year = int(g["year"])
            if g.get("mon"):
                found = _valid(year, int(g["mon"]), int(g["day"]))
            elif g.get("month"):
                month = MONTHS.get(g["month"].lower())
                found = _valid(year, month, int(g["day"])) if month else None
            else:  # day and month both numeric: only when they cannot be swapped
                a, b = int(g["a"]), int(g["b"])
                found = _valid(year, b, a) if a > 12 >= b or a == b else None
            if found:
                return found
    return None


def iso_date(value: object) -> str | None:
    """A stated date value (front matter, metadata, a corpus field) as YYYY-MM-DD, else None."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, date):
        return value.isoformat()[:10]
    text = str(value).strip()
    if _ISO.match(text):
        return _valid(int(text[:4]), int(text[5:7]), int(text[8:10]))
    return find_date(text)


def count_date_tokens(text: str) -> int:
    """How many tokens of the text are dates and times: months, weekdays, clock times, years, zones."""
    numbers = sum(len(m.split()) for m in _NUMBER_TOKEN.findall(text)) if any(c.isdigit() for c in text) else 0
    words = _ALPHA.findall(text)
    return numbers + sum(w.lower() in _WORD_TOKENS for w in words)


def dateline_date(line: str) -> str | None:
    """The date of a 'Published: ...' style line, or of a line that is little but a date; never the
    date a page was viewed or retrieved ("View Date: ...")."""
    access = _ACCESS.search(line)
    if access and find_date(line[access.end():]):
        return None
    label = _LABEL.search(line)
    if label and (found := find_date(line[label.end():])):
        return found
    found = find_date(line)
    tokens = line.split()
    return found if found and count_date_tokens(line) / len(tokens) >= 0.5 else None


# A scraper's metadata label glued before the first sentence: "date 2025-06-08 The Russian ...".
_LEADING = re.compile(r"^\s*(?:%s)\s*:?\s*(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?:T[\d:.+-]+Z?)?\s+(?=\S)"
                      % "|".join(DATE_LABELS), re.IGNORECASE)


def leading_date(text: str) -> tuple[str, int] | None:
    """The ISO date of a labelled date that opens the text ("date 2025-06-08 The ..."), and where
    the prose after it starts; None when the text does not open so."""
    m = _LEADING.match(text)
    if m is None:
        return None
    found = _valid(int(m["iso"][:4]), int(m["iso"][5:7]), int(m["iso"][8:10]))
    return (found, m.end()) if found else None
