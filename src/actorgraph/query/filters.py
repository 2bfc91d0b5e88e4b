"""The predicate, certainty and date filters on statements, one meaning for `path`, the web network and export.

    f = statement_filters(predicates, certainty, since, until)   checked; FilterError names a bad value
    cond, params = f.conditions("s", date=item_date("s"))          SQL conditions on a statements alias
    f.table                                                         the statements to read (rejected too?)

Predicates are those of the ontology, certainties those of the model; none given means all.
A date bound is an ISO date, a year-month or a year, and a partial date is a period:
`since=2024-07` is from 1 July 2024 and `until=2024-07` through 31 July 2024, both inclusive
(`since=2024` from 1 January, `until=2024` through 31 December). An item's date is its own,
else its article's publication date (`item_date`); an undated item passes no date filter. An
item dated only to a month or a year is a period too, and passes when that period overlaps the
range: dated "2024-07", it passes `until=2024-07-10` and `since=2024-07-20`.
Statements a reviewer rejected are left out (they are not in `statements`) unless
`include_rejected`, which reads `f.table` instead, each row marked `rejected`.
"""
from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from ..errors import FilterError
from ..model import CERTAINTIES
from ..ontology import ontology

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class StatementFilters:
    """Checked filter values: predicates and certainties (empty: all), the first and last day."""

    predicates: tuple[str, ...] = ()
    certainty: tuple[str, ...] = ()
    since: str | None = None  # YYYY-MM-DD, the first day kept
    until: str | None = None  # YYYY-MM-DD, the last day kept
    include_rejected: bool = False  # statements a reviewer rejected come too, marked (`rejected` column)

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until)

    @property
    def table(self) -> str:
        """SQL: the statements to read; with `include_rejected`, the rejected ones too, each row with a
        `rejected` flag (read it with `rejected_sql`). The stored edge totals count the others only."""
        return REJECTED_TOO if self.include_rejected else "statements"

    def rejected_sql(self, alias: str) -> str:
        """SQL: whether the statement `alias` was rejected by a reviewer."""
        return f"{alias}.rejected" if self.include_rejected else "false"

    def date_conditions(self, date_sql: str) -> tuple[list[str], list]:
        """SQL conditions for an item whose date is `date_sql` (YYYY, YYYY-MM or YYYY-MM-DD...).

        The item's date, cut to its own precision, is compared with each bound cut to the same
        precision: so a day is compared day by day, and a month or a year passes when it overlaps.
        """
        day = f"left({date_sql}, 10)"
        cond, params = [], []
        if self.since:
            cond.append(f"{day} >= left(?, length({day}))")
            params.append(self.since)
        if self.until:
            cond.append(f"{day} <= left(?, length({day}))")
            params.append(self.until)
        return cond, params

    def conditions(self, alias: str, *, date_sql: str | None = None,
                   predicates: bool = True) -> tuple[list[str], list]:
        """SQL conditions on the statements aliased `alias`: predicate, certainty, date (`date_sql`,
        by default the statement's own date; see `item_date` for the article's as a fallback)."""
        cond, params = [], []
        if predicates and self.predicates:
            cond.append(f"list_contains(?, {alias}.predicate)")
            params.append(list(self.predicates))
        if self.certainty:
            cond.append(f"list_contains(?, {alias}.certainty)")
            params.append(list(self.certainty))
        dated, dated_params = self.date_conditions(date_sql or f"{alias}.date")
        return cond + dated, params + dated_params


REJECTED_TOO = ("(SELECT *, false AS rejected FROM statements "
                "UNION ALL SELECT *, true AS rejected FROM rejected_statements)")


def item_date(alias: str, article: str = "a") -> str:
    """SQL: the date of an item (statement, event, quote, figure), else its article's publication date."""
    return f"coalesce({alias}.date, {article}.published)"


def article_join(alias: str, article: str = "a") -> str:
    """SQL: join the item's article, which `item_date` reads."""
    return f"JOIN articles {article} ON {article}.id = {alias}.article_id"


def _bound(name: str, value: str, last: bool) -> str:
    m = _DATE.match(value)
    if not m:
        raise FilterError(f"{name} {value!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), int(m[2] or (12 if last else 1)), m[3]
    try:
        if day is None:
            day = calendar.monthrange(year, month)[1] if last else 1
        return date(year, month, int(day)).isoformat()
    except ValueError as exc:
        raise FilterError(f"{name} {value!r} is not a calendar date ({exc})") from exc


def statement_filters(predicates: Iterable[str] | None = None, certainty: Iterable[str] | None = None,
                      since: str | None = None, until: str | None = None, *,
                      include_rejected: bool = False) -> StatementFilters:
    """The checked filters; raises FilterError naming a value that cannot be used, and the valid ones."""
    predicates, certainty = tuple(dict.fromkeys(predicates or ())), tuple(dict.fromkeys(certainty or ()))
    known = ontology()
    for p in predicates:
        if p not in known:
            raise FilterError(f"predicate {p!r} is not one of {', '.join(sorted(known))}")
    for c in certainty:
        if c not in CERTAINTIES:
            raise FilterError(f"certainty {c!r} is not one of {', '.join(CERTAINTIES)}")
    first = _bound("since", since, last=False) if since else None
    last = _bound("until", until, last=True) if until else None
    if first and last and first > last:
        raise FilterError(f"since {since!r} is after until {until!r}")
    return StatementFilters(predicates, certainty, first, last, bool(include_rejected))
