"""Markdown: front matter gives title, date and url; markup is stripped to plain text."""
from __future__ import annotations

import pytest

from actorgraph.errors import MalformedInputError
from actorgraph.intake import article_from_text, read_article

JEKYLL = """---
title: 'Militia leader killed in strike near Baghdad airport'
date: 2020-01-03T04:06:00+01:00
draft: false
url: /news/2020/militia-leader-killed
---
*(Archived Content)*

![](https://images.example/strike.jpg "Burning vehicles at the airport")

**BAGHDAD** – A militia commander was killed early on Friday in an *air strike* on his convoy
near Baghdad airport, a spokesman for the [Popular Mobilisation Forces](https://pmf.example) said.

### Background

The commander had led the group since 2014 and was under **U.S. sanctions** for attacks on
coalition troops, according to the `Treasury` statement.

[View identifying information on the individual.](https://treasury.example/20200103)

###
"""

WORDPRESS = """---
ID: 3586
post_title: Top commander killed in Syria
author: Staff Writer
post_date: 2016-05-13 05:54:21
published: true
permalink: >
  https://www.example.com/top-commander-killed-in-syria/
original_link:
  - >
    http://feeds.example.com/~r/topNews/~3/abc/us-mideast-crisis
---
 [ad_1]
<br><div id="articleText">
<span class="focusParagraph"><p><span class="articleLocation">BEIRUT</span> A top commander of the group has been killed in an attack in Syria, the group said on Friday, the biggest blow to it in years.</p></span><span id="midArticle_0"/><p>He was one of the highest ranking officials in the group &amp; was assessed to be responsible for its operations in Syria.</p>
<p> (Writing by Tom Perry; Editing by Samia Nakhoul)</p></div>
<br>[ad_2]
<br><a href="http://feeds.example.com/~r/topNews/~3/abc/us-mideast-crisis">Source </a>
"""

NO_FRONT_MATTER = """# Israeli strike targets a senior commander in Beirut
## The attack raises fears of a wider regional war.
- JANE DOE AND JOHN ROE | 5:00 AM ET

Published :`2024-07-30 23:36:37`

---

Israel says it has killed the group’s most senior military official in a drone strike on the
southern suburbs of Beirut, a *populous* neighbourhood.

The group has not yet confirmed the death of its commander.

---

## Vocab
- populous (adj) 人口稠密的
- commander (n) 指揮官
"""


def test_jekyll_front_matter_and_inline_markup():
    article = article_from_text(JEKYLL, "post.md")
    assert article.title == "Militia leader killed in strike near Baghdad airport"
    assert article.published == "2020-01-03"
    assert article.url == "/news/2020/militia-leader-killed"
    assert article.format == "markdown" and article.metadata["draft"] == "false"
    assert article.text.split("\n\n") == [
        "BAGHDAD – A militia commander was killed early on Friday in an air strike on his convoy "
        "near Baghdad airport, a spokesman for the Popular Mobilisation Forces said.",
        "Background",
        "The commander had led the group since 2014 and was under U.S. sanctions for attacks on "
        "coalition troops, according to the Treasury statement.",
    ]


def test_wordpress_export_with_raw_html_and_shortcodes():
    article = article_from_text(WORDPRESS, "wp.md")
    assert article.title == "Top commander killed in Syria"
    assert article.published == "2016-05-13"  # `published: true` is not a date
    assert article.url == "https://www.example.com/top-commander-killed-in-syria/"
    assert article.metadata["author"] == "Staff Writer"
    assert article.text.startswith("BEIRUT A top commander of the group has been killed")
    assert article.text.endswith("responsible for its operations in Syria.")
    assert "&amp;" not in article.text and " & was assessed" in article.text
    for clutter in ("[ad_", "<span", "Tom Perry", "Source"):
        assert clutter not in article.text


def test_markdown_without_front_matter_takes_title_and_date_from_the_page():
    article = article_from_text(NO_FRONT_MATTER, "plain.txt")  # .txt, sniffed as markdown
    assert article.format == "markdown"
    assert article.title == "Israeli strike targets a senior commander in Beirut"
    assert article.published == "2024-07-30"
    assert article.text.split("\n\n") == [
        "Israel says it has killed the group’s most senior military official in a drone strike on "
        "the southern suburbs of Beirut, a populous neighbourhood.",
        "The group has not yet confirmed the death of its commander.",
    ]


def test_no_stated_date_means_no_date():
    text = NO_FRONT_MATTER.replace("Published :`2024-07-30 23:36:37`", "")
    assert article_from_text(text, "undated.md").published is None


def test_toml_front_matter():
    page = ('+++\ntitle = "Ceasefire talks resume in Cairo"\ndate = 2024-02-11\n+++\n\n'
            "Negotiators from both sides returned to Cairo on Sunday for a new round of talks, "
            "mediators said.\n")
    article = article_from_text(page, "hugo.md")
    assert (article.title, article.published) == ("Ceasefire talks resume in Cairo", "2024-02-11")


def test_broken_front_matter_is_malformed_input():
    page = "---\ntitle: [unclosed\ndate: 2024-01-01\n---\nSome body text that would be read, he said.\n"
    with pytest.raises(MalformedInputError, match="front matter"):
        article_from_text(page, "broken.md")


def test_a_leading_rule_before_prose_is_not_front_matter():
    page = ("---\nThe talks ended without agreement: both sides blamed the other, diplomats said.\n"
            "---\nA new round is planned for next month in Doha, officials said.\n")
    article = article_from_text(page, "rules.md")
    assert article.text.startswith("The talks ended without agreement")


@pytest.mark.parametrize("markdown,plain", [
    ("The *roiling* region was **calm** again, officials said today.", "The roiling region was calm again, officials said today."),
    ("Read the [full statement](https://example.org/s) issued by the ministry on Monday.", "Read the full statement issued by the ministry on Monday."),
    ("The variable snake_case_name and 5 * 3 * 2 stay as they are in this sentence.", "The variable snake_case_name and 5 * 3 * 2 stay as they are in this sentence."),
    ("He said ***never*** and ~~always~~ at the talks in Geneva on Monday.", "He said never and always at the talks in Geneva on Monday."),
])
def test_inline_markup_is_stripped(markdown, plain):
    assert article_from_text(markdown, "inline.md").text == plain


def test_wrapped_markdown_lines_are_joined_into_paragraphs(tmp_path):
    path = tmp_path / "wrapped.md"
    path.write_text(
        "# Shelling resumes on the front line\n\n"
        "Artillery fire resumed along the southern front on Tuesday, local officials\n"
        "said, a day after both sides agreed to a short pause to evacuate the\n"
        "wounded from the villages near the river.\n\n"
        "Residents said the shelling was the heaviest in weeks and that several\n"
        "booby-\ntrapped houses had been destroyed.\n", encoding="utf-8")
    article = read_article(path)
    assert article.text.split("\n\n") == [
        "Artillery fire resumed along the southern front on Tuesday, local officials said, a day "
        "after both sides agreed to a short pause to evacuate the wounded from the villages near "
        "the river.",
        "Residents said the shelling was the heaviest in weeks and that several booby-trapped "
        "houses had been destroyed.",
    ]


def test_short_menu_lines_are_not_glued_onto_the_first_paragraph():
    page = ("# Shelling resumes on the front line\nHome\nWorld\nMiddle East\n"
            "Artillery fire resumed along the southern front on Tuesday, local officials said.\n"
            "Residents said the shelling was the heaviest in weeks.\n")
    article = article_from_text(page, "menu.md")
    assert article.text.startswith("Artillery fire resumed")
