"""What a page's clutter must not become: a title, a publication date, a hidden name or lost cells.

Every input here is invented; each case is one a user met on real pages (skip links, section
labels and breadcrumb trails above a scraped text, a scraper's view date, zero-width and
direction characters, Arabic names beside their English forms, markdown tables).
"""
from __future__ import annotations

import pytest

from actorgraph.intake import article_from_bytes, article_from_record, article_from_text
from actorgraph.intake.dates import dateline_date
from actorgraph.intake.decode import normalise
from actorgraph.intake.shape import furniture, is_breadcrumb, measure

BODY = (
    "Rockets were fired at a northern town on Monday night, the army said in a statement issued shortly after midnight.\n"
    "Residents said they had spent several hours in shelters while interceptors were launched over the hills.\n"
    "A local official said that two houses had been damaged and that nobody had been hurt in the attack.\n"
)


@pytest.mark.parametrize("clutter", [
    "Skip to main content\nArab & International\nCurrent:Home > My News > Arab & International\n",
    "Skip to main content\nJump to navigation\nHome > News > Middle East\n",
    "Arab & International\n",
])
def test_a_text_files_title_is_never_page_clutter(clutter):
    article = article_from_text(clutter + BODY, "page.txt")
    assert article.title is None
    assert article.text.startswith("Rockets were fired")


def test_the_headline_below_the_clutter_is_the_title():
    page = ("Skip to main content\nArab & International\nCurrent:Home > My News > Arab & International\n"
            "Rockets hit northern town as residents take shelter\n" + BODY)
    assert article_from_text(page, "page.txt").title == "Rockets hit northern town as residents take shelter"


@pytest.mark.parametrize("line", ["Current:Home > My News > Arab & International", "Home > News",
                                  "You are here: Home / World / Middle East", "Home | World | Middle East | Video"])
def test_breadcrumb_trails_are_furniture(line):
    assert is_breadcrumb(line) and furniture(line, measure(line)) == "breadcrumb"


@pytest.mark.parametrize("line", ["Talks resume in Cairo | Example News", "Israel and/or Hamas / talks",
                                  "Prices rose > 40 per cent in the year to March, the bank said."])
def test_headlines_and_sentences_with_a_separator_are_not_breadcrumbs(line):
    assert not is_breadcrumb(line)


@pytest.mark.parametrize("line", ["View Date: 2024-03-02 10:15", "Accessed 5 March 2024", "Retrieved: 2023-11-02",
                                  "Crawl date 2024-01-09"])
def test_the_date_a_page_was_read_is_not_its_publication_date(line):
    assert dateline_date(line) is None


def test_a_view_date_line_gives_no_second_date():
    page = "View Date: 2024-03-09 10:15\nPublished: 2 March 2024\n" + BODY
    assert article_from_text(page, "page.txt").published == "2024-03-02"
    assert article_from_text("View Date: 2024-03-09 10:15\n" + BODY, "page.txt").published is None
    assert dateline_date("Published: 2 March 2024") == "2024-03-02"  # a real dateline still counts


@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"])
def test_zero_width_characters_inside_a_name_are_removed(char):
    text = f"Fighters of Hez{char}bollah fired rockets at a northern town on Monday, the army said in a statement."
    article = article_from_text(text, "zw.txt")
    assert "Hezbollah" in article.text and char not in article.text


@pytest.mark.parametrize("char", ["\u202e", "\u202d", "\u202a", "\u202b", "\u202c", "\u2066", "\u2067",
                                  "\u2068", "\u2069", "\u200e", "\u200f", "\u061c"])
def test_direction_controls_never_reach_the_stored_text(char):
    text = f"The commander of {char}Hezbollah{char} said on Monday that the group would respond to the strike."
    for article in (article_from_text(text, "bidi.txt"), article_from_bytes(text.encode("utf-8"), "bidi.txt"),
                    article_from_record({"text": text, "title": f"Title {char}reversed"}, "c.jsonl#1")):
        assert char not in article.text and "of Hezbollah said on Monday" in article.text
    assert char not in (article.title or "")


def test_joiners_that_shape_a_joining_script_are_kept():
    persian = "می\u200cخواهم"  # Persian writes the zero-width non-joiner inside words
    assert normalise(persian) == persian
    assert normalise("Hez\u200cbollah") == "Hezbollah"


def test_offsets_point_into_the_stored_text():
    text = "Fighters of Hez\u200bbol\u202elah fired rockets at a northern town on Monday, the army said in a statement."
    article = article_from_text(text, "zw.txt")
    start = article.text.index("Hezbollah")
    assert article.text[start:start + len("Hezbollah")] == "Hezbollah"


@pytest.mark.parametrize("text", [
    "Hezbollah (حزب الله) leader Hassan Nasrallah (حسن نصر الله) said the Islamic Resistance "
    "(المقاومة الإسلامية) would respond.",
    "The Houthis (الحوثيون), who call themselves Ansar Allah (أنصار الله), said on Monday they had fired "
    "missiles at a ship (سفينة) in the Red Sea (البحر الأحمر).",
])
def test_an_english_sentence_with_arabic_names_beside_is_prose(text):
    assert article_from_text(text, "mixed.txt").text == text


def test_a_line_in_another_script_is_still_dropped_from_an_english_page():
    page = BODY + "اقرأ أيضا: أخبار اليوم من المنطقة العربية والعالم\n"
    assert "اقرأ" not in article_from_text(page, "page.txt").text


TABLE = """\
| Group | Leader | Area |
|:------|:------:|-----:|
| Kataib Hezbollah | Abu Fadak al-Mohammadawi | Jurf al-Sakhar |
| Asaib Ahl al-Haq | Qais al-Khazali | Basra |
"""
PROSE = ("Several armed groups have been active in the southern provinces over the past year, according to a "
         "report published on Tuesday by a monitoring group.\n\n"
         "The report said the groups had expanded their presence since coalition forces withdrew from several bases.\n")


@pytest.mark.parametrize("page", [PROSE + "\n" + TABLE, TABLE + "\n" + PROSE,
                                  PROSE.replace("\n\nThe", "\n\n" + TABLE + "\nThe")])
def test_markdown_table_cells_are_kept_as_text(page):
    article = article_from_text("# Armed groups in the south\n\n" + page, "table.md")
    for cell in ("Kataib Hezbollah", "Abu Fadak al-Mohammadawi", "Jurf al-Sakhar", "Qais al-Khazali", "Basra"):
        assert cell in article.text
    assert "Kataib Hezbollah | Abu Fadak al-Mohammadawi | Jurf al-Sakhar" in article.text  # cells kept apart
    assert "---" not in article.text and "monitoring group." in article.text
