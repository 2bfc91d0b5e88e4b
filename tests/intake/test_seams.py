"""Glued seams of scraped text: emphasis and sentences glued to their neighbours, identifier blocks
glued to prose, link-pointer closing lines, forum chrome and URL lines, cut-off excerpts.

All text here is invented.
"""
from __future__ import annotations

import pytest

from actorgraph.intake import article_from_text
from actorgraph.intake.shape import is_identifier_block, mend, split_identifier_tail

LEAD = ("Gunmen attacked a checkpoint on the road to Tikrit on Monday, killing three soldiers and "
        "wounding four others, provincial officials said.")
MIDDLE = ("The group said it carried out the raid in revenge for arrests made last week in the north "
          "of the country, and promised further attacks.")


def body(*lines: str, name: str = "page.txt") -> str:
    return article_from_text("\n\n".join(lines), name).text


@pytest.mark.parametrize("glued, mended", [
    ("the ministry listed**Farid Nasser**for his role", "the ministry listed Farid Nasser for his role"),
    ("named with__Dalia Mansour__and two others", "named with Dalia Mansour and two others"),
    ("the*Harbour Trading Company*in Sidon", "the Harbour Trading Company in Sidon"),
    ("**Update:** The convoy left", "Update: The convoy left"),
    ("near the port of Latakia.Officials said", "near the port of Latakia. Officials said"),
    ("he told them.”The army", "he told them.” The army"),
    ("in the border town.A spokesman", "in the border town. A spokesman"),
])
def test_glued_seams_are_opened(glued, mended):
    assert mend(glued) == mended


@pytest.mark.parametrize("text", [
    "talks between the U.S. and its allies", "the U.S.Embassy", "forces, e.g. Iraqi units",
    "Resolution No.5 of the council", "damage put at 3.5 million", "according to example.com",
    "the author J.R.R. Tolkien", "see www.example.org/Reports.Annual", "a snake_case__Name__var",
    "2*3*4", "an *emphasised* word", "the fan site Forum.Rebels.Net, which", "the provider Zen.Tel, which",
    "at 3.5pm.The",
])
def test_what_is_not_a_glued_seam_is_left_alone(text):
    assert mend(text) == text


def test_markdown_emphasis_glued_to_names_does_not_fuse_them():
    text = body("# Network listed",
                f"The ministry listed**Farid Nasser**for his role in moving money, {MIDDLE[4:]}",
                "He was named with__Dalia Mansour__and the*Harbour Trading Company*in the same order, "
                "the statement added.", name="page.md")
    assert "listed Farid Nasser for his" in text
    assert "with Dalia Mansour and the Harbour Trading Company in the same" in text
    assert "*" not in text and "__" not in text


def test_a_sentence_glued_to_the_next_is_split_but_abbreviations_stay():
    text = body(LEAD, "The convoy was hit near the port of Latakia.Officials said the U.S. had been told, "
                      "e.g. through the embassy, and put the damage at 3.5 million dollars.")
    assert "Latakia. Officials said the U.S. had been told, e.g. through" in text
    assert "3.5 million" in text


@pytest.mark.parametrize("line, prose", [
    ("The group was listed on Wednesday. Entity: XYZ Holdings; DOB 02 Feb 1975; nationality Jordan; "
     "Passport 55501", "The group was listed on Wednesday."),
    ("The spokesman said the decision followed a long review of the file.Case: 11873 | Ref 2023/07",
     "The spokesman said the decision followed a long review of the file."),
])
def test_prose_with_an_identifier_block_glued_to_its_end_keeps_the_prose(line, prose):
    assert split_identifier_tail(line) == (prose, line[len(prose):].strip())
    text = body(LEAD, line, MIDDLE)
    assert prose in text and MIDDLE in text
    assert "Passport" not in text and "11873" not in text


def test_a_prose_list_separated_by_semicolons_is_not_an_identifier_block():
    line = ("The plan aims to weaken the militias; restore order in the provinces by the end of 2025; "
            "and rebuild the courts.")
    assert split_identifier_tail(line) is None
    assert not is_identifier_block("restore order in the provinces by the end of 2025; and rebuild the courts")
    assert line in body(LEAD, line, MIDDLE)


@pytest.mark.parametrize("closing", [
    "View the full list here", "Read the designation here.", "See the full statement [here](https://x.example/s).",
    "Download the report here", "Click on this link",
])
def test_closing_link_pointer_lines_are_dropped(closing):
    text = body("# Listed", LEAD, MIDDLE, closing, name="page.md")
    assert text.endswith(MIDDLE)


def test_a_sentence_that_only_ends_in_here_stays():
    last = "The minister said the fighting would not stop here."
    assert body(LEAD, MIDDLE, last).endswith(last)


@pytest.mark.parametrize("chrome", [
    "https://news.example.com/2024/03/04/gunmen-attack-checkpoint-on-the-road-to-tikrit",
    "Posted by admin » Tue",
    "Reply #3 on: March 05, 2024, 10:14:22 AM",
    "Quote from: abu_karim on Tue, the army said.",
    "Re: Checkpoint attack",
])
def test_url_lines_and_forum_chrome_are_not_the_first_line(chrome):
    for separator in ("\n", "\n\n"):
        for name in ("page.txt", "page.md"):
            text = article_from_text(chrome + separator + LEAD + "\n\n" + MIDDLE, name).text
            assert text.startswith(LEAD), (name, separator, text[:80])


def test_a_cut_excerpts_last_fragment_is_body():
    cut = "The army said more troops would be sent to the"
    assert body(LEAD, MIDDLE, cut).endswith(cut)
    assert article_from_text(LEAD + "\n" + MIDDLE + "\n" + cut, "page.txt").text.endswith(cut)


@pytest.mark.parametrize("last", ["No one was hurt.", "The talks resume on Friday."])
def test_a_short_last_sentence_stays(last):
    assert body(LEAD, MIDDLE, last).endswith(last)


def test_a_headline_after_the_body_is_not_a_cut_fragment():
    assert body(LEAD, MIDDLE, "Militia Leaders Meet In Baghdad").endswith(MIDDLE)
