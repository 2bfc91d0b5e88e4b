"""Scraped plain text: the body is kept whole and the page clutter around and inside it goes."""
from __future__ import annotations

import pytest

from actorgraph.errors import NoArticleError
from actorgraph.intake import article_from_text, read_article

from .conftest import ARABIC, FIXTURES

CLEAN = (
    "Iraqi forces retook the town of Tal Afar on Thursday after an eight-day offensive, the "
    "prime minister said in a televised address.\n"
    "Commanders said the remaining fighters had fled towards the Syrian border, leaving behind "
    "booby-trapped buildings that engineers were still clearing.\n"
    "Aid groups warned that thousands of families who fled the fighting would need shelter for "
    "months.\n"
    "He was 55."
)


def test_scraped_page_keeps_the_body_and_drops_its_clutter():
    article = read_article(FIXTURES / "scraped-page.txt")
    assert article.text.startswith("Three soldiers were wounded early on Monday")
    assert article.text.endswith("“Each attack is a message, not an attempt to win a battle.”")
    for clutter in ("Home | World", "Share on", "Advertisement", "AP Photo", "Read more",
                    "Related articles", "US strikes militia targets", "Follow us", "©",
                    "Nadia Karam"):
        assert clutter not in article.text
    assert "A spokesman for the Iraqi government condemned the attack" in article.text
    assert article.title == "Militia drone attack wounds soldiers at Syrian border base"
    assert article.published == "2024-03-04"
    assert article.format == "text" and article.language == "en"


def test_clean_article_is_left_whole():
    article = article_from_text(CLEAN, "clean.txt")
    assert article.text.split("\n\n") == CLEAN.split("\n")


def test_dated_headline_list_and_repeated_footer_after_the_body_go():
    page = CLEAN + (
        "\nGMT 09:10 2019 Sunday ,03 March\n"
        "Militants regroup in desert hideoutsGMT 09:01 2019 Sunday ,03 March\n"
        "Militants regroup in desert hideoutsGMT 11:40 2019 Friday ,01 March\n"
        "Ceasefire talks stall in GenevaGMT 16:22 2019 Thursday ,28 February\n"
        "Developed and hosted by Example Media House.\n"
        "Copyright 2019 Example Media House\n"
        "Developed and hosted by Example Media House.\n"
    )
    article = article_from_text(page, "dated.txt")
    assert article.text.endswith("He was 55.")
    assert "Militants regroup" not in article.text and "Example Media" not in article.text


def test_a_line_glued_to_a_repeated_footer_is_dropped_with_it():
    page = CLEAN + (
        "\nFurther headlines from the regionPowered and maintained by Example Group Ltd.\n"
        "Powered and maintained by Example Group Ltd.\n"
    )
    assert "Example Group" not in article_from_text(page, "glued.txt").text


def test_wire_credit_lines_go_but_a_contributor_sentence_stays():
    credited = article_from_text(CLEAN + "\n(Reporting by Ahmed Rasheed; Editing by Peter Cooney)", "a.txt")
    assert credited.text.endswith("He was 55.")
    byline = article_from_text("By Sara Levin and Omar Haddad\n" + CLEAN, "b.txt")
    assert byline.text.startswith("Iraqi forces retook")
    contributed = "CNN’s Maya Levin, Omar Haddad and Paul P. Murphy contributed to this report."
    assert article_from_text(CLEAN + "\n" + contributed, "c.txt").text.endswith(contributed)


def test_photo_caption_inside_the_body_goes_but_prose_with_a_slash_stays():
    lines = CLEAN.split("\n")
    lines.insert(1, "FILE PHOTO: Soldiers patrol a street in Tal Afar, Iraq. REUTERS/Staff Photographer")
    lines.insert(3, "Smoke over the old city on Thursday. (AP Photo/Hussein Malla)")
    lines.append("Trade across the US/Mexico border was not affected, officials said.")
    text = article_from_text("\n".join(lines), "captions.txt").text
    assert "REUTERS" not in text and "AP Photo" not in text
    assert text.startswith("Iraqi forces retook") and "He was 55." in text
    assert text.endswith("US/Mexico border was not affected, officials said.")


def test_link_lines_and_bare_url_footers_go():
    page = CLEAN + "\nfrom Example Feed https://t.example/2ufCM1N\nhttps://example.org/share?id=1"
    text = article_from_text(page, "links.txt").text
    assert text.endswith("He was 55.")


def test_key_value_block_with_glued_fields_goes():
    page = CLEAN + ("\nIdentifying Information Name: Ali Hassan AKA: Abu HassanAKA: Ali al-HassaniNationality: "
                    "IraqiDOB: 1 March 1970POB: Basra, Iraq")
    assert "AKA" not in article_from_text(page, "fields.txt").text


def test_hard_wrapped_text_is_joined_into_paragraphs():
    wrapped = (
        "Iraqi forces retook the town of Tal Afar on Thursday after an eight-day\n"
        "offensive, the prime minister said in a televised address to the nation\n"
        "on Thursday evening.\n\n"
        "Commanders said the remaining fighters had fled towards the Syrian border,\n"
        "leaving behind booby-trapped buildings that engineers were still clearing\n"
        "in the old city.\n\n"
        "Aid groups warned that thousands of families who fled the fighting would\n"
        "need shelter for months, and that the winter would make matters worse.\n"
    )
    paragraphs = article_from_text(wrapped, "wrapped.txt").text.split("\n\n")
    assert len(paragraphs) == 3
    assert paragraphs[0] == ("Iraqi forces retook the town of Tal Afar on Thursday after an eight-day "
                             "offensive, the prime minister said in a televised address to the nation "
                             "on Thursday evening.")


def test_arabic_prose_is_kept_and_its_footer_dropped():
    page = ARABIC + "\nجميع الحقوق محفوظة © 2024 الشبكة الإخبارية\n"
    article = article_from_text(page, "ar.txt")
    assert article.text.split("\n\n") == ARABIC.split("\n")
    assert article.language == "ar"


def test_glossary_in_another_script_after_the_body_goes():
    page = CLEAN + "\n## Vocab\n- offensive (n) 攻勢，進攻\n- shelter (n) 庇護所，避難處\n"
    assert article_from_text(page, "vocab.md").text.endswith("He was 55.")


def test_one_short_paragraph_is_an_article():
    article = article_from_text("Hezbollah leader Hassan Nasrallah said the group would respond", "<text>")
    assert article.text == "Hezbollah leader Hassan Nasrallah said the group would respond"


def test_a_page_of_headlines_only_has_no_article():
    page = "World\nMiddle East\nIran warns Israel over strikes\nUS sends carrier to the Gulf\nMore stories"
    with pytest.raises(NoArticleError, match="no running prose"):
        article_from_text(page, "index.txt")


@pytest.mark.parametrize("caption, dropped", [
    ("Smoke rises over the port of Hodeidah after the strike on Monday. EPA", True),
    ("Fighters gather outside the ministry in Khartoum. AFP via Getty Images", True),
    ("A woman walks past a mural in the old city of Aleppo. Reuters", True),
    # prose that ends in an acronym, or a long paragraph, is not a caption
    ("The strike was condemned on Monday by the head of the UN nuclear watchdog, the IAEA.", False),
])
def test_a_caption_ending_in_a_bare_agency_credit_is_dropped(caption, dropped):
    first, rest = CLEAN.split("\n", 1)
    article = article_from_text(f"{first}\n{caption}\n{rest}", "cap.txt")
    assert (caption not in article.text) == dropped
    assert article.text.startswith("Iraqi forces retook") and article.text.endswith("He was 55.")


def test_a_labelled_date_glued_before_the_first_sentence_is_the_date_not_body():
    article = article_from_text(f" date 2025-06-08 {CLEAN}", "dated.txt")
    assert article.published == "2025-06-08" and article.text.startswith("Iraqi forces retook")
    article = article_from_text(f"The date 2025-06-08 was set for talks. {CLEAN}", "not-a-label.txt")
    assert article.published is None and article.text.startswith("The date 2025-06-08")
