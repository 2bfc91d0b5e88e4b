"""The language guess: writing system first, then common words."""
from __future__ import annotations

import pytest

from actorgraph.intake.language import detect_language

from .conftest import ARABIC, ENGLISH


@pytest.mark.parametrize("text,code", [
    (ENGLISH, "en"),
    (ARABIC, "ar"),
    ("گزارش‌ها حاکی است که نیروهای سپاه پاسداران در این عملیات شرکت داشتند و چند نفر کشته شدند.", "fa"),
    ("Les forces armées ont annoncé que la ville avait été reprise après une semaine de combats.", "fr"),
    ("Las fuerzas del gobierno dijeron que la ciudad fue tomada por los rebeldes en la noche.", "es"),
    ("Die Armee teilte mit, dass die Stadt nach einer Woche der Kämpfe wieder unter Kontrolle ist.", "de"),
    ("Вооруженные силы заявили, что город был освобожден после недели боев.", "ru"),
    ("军方表示，经过一周的战斗，该城市已被收复。", "zh"),
    ("12 345 678", None),
])
def test_detect_language(text, code):
    assert detect_language(text) == code
