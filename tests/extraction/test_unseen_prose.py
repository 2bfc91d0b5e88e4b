"""Events, figures and quotes of issue 13 on invented sentences in the shapes of unseen news and
official-release prose: release dates past legal references, representatives who speak for their
group, counts of the dead an attack left. Each construction has sentences that must yield nothing."""
from __future__ import annotations

import pytest

PUBLISHED = "2024-05-10"


def _events(found, type_):
    return [(e.date, found.roles(e)) for e in found.events(type_)]


# --- the release's date ------------------------------------------------------------------------

def test_a_designation_pursuant_to_an_executive_order_takes_the_releases_date(extract):
    # spaCy labels "E.O. 13224" a DATE: a legal reference says no time and keeps the release's date
    found = extract("Omar Haddad is being designated pursuant to section 1(b) of E.O. 13224 for having "
                    "provided support for the Northern Guard.", PUBLISHED)
    assert [e.date for e in found.events("designation")] == [PUBLISHED]


@pytest.mark.parametrize("text, date", [
    ("Omar Haddad was designated pursuant to E.O. 13224 last month.", "2024-04"),
    ("Omar Haddad was designated pursuant to E.O. 13224 in the 1990s.", "199"),  # a decade
])
def test_a_time_the_sentence_gives_is_not_replaced_by_the_releases(extract, text, date):
    found = extract(text, PUBLISHED)
    assert [e.date for e in found.events("designation")] in ([date], [])
    assert PUBLISHED not in [e.date for e in found.events("designation")]
