"""Stated dates are read as YYYY-MM-DD; ambiguous or partial dates give None, never a guess."""
from __future__ import annotations

import pytest

from actorgraph.intake.dates import dateline_date, iso_date


@pytest.mark.parametrize("value,expected", [
    ("2020-01-03T04:06:00+01:00", "2020-01-03"),
    ("2016-05-13 05:54:21", "2016-05-13"),
    ("Tue, 14 Mar 2024 09:12:00 +0000", "2024-03-14"),
    ("March 14, 2024", "2024-03-14"),
    ("14th March 2024", "2024-03-14"),
    ("3 mars 2021", "2021-03-03"),
    ("25/12/2023", "2023-12-25"),
    ("2023/12/25", "2023-12-25"),
    ("03/04/2020", None),  # day and month could be swapped
    ("May 13", None),  # no year
    ("2024-02-30", None),  # no such day
    ("true", None),
    (True, None),
    (None, None),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize("line,expected", [
    ("Published :2024-07-30 23:36:37", "2024-07-30"),
    ("By Nadia Karam | Published 04 March 2024, 09:15 GMT", "2024-03-04"),
    ("Published 3 March 2024 | Updated 4 March 2024", "2024-03-03"),
    ("Monday, 16 October 2017", "2017-10-16"),
    ("GMT 14:24 2017 Monday ,16 October", "2017-10-16"),
    ("He was born on 3 March 1970 in Beirut and studied law in Paris.", None),
])
def test_dateline_date(line, expected):
    assert dateline_date(line) == expected
