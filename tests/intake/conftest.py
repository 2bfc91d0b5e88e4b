"""Shared inputs for the intake tests: fixture files, the dev articles, and sample texts."""
from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev"
BBC = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpora" / "bbc-news-2095.jsonl.gz"

ARABIC = (
    "أعلنت وزارة الدفاع اليمنية أن قواتها اعترضت طائرة مسيرة فوق البحر الأحمر صباح الأربعاء، "
    "وقال متحدث باسم الحكومة إن الهجوم استهدف سفينة تجارية كانت متجهة إلى ميناء عدن.\n"
    "وأضاف المتحدث أن طاقم السفينة لم يصب بأذى، وأن السلطات فتحت تحقيقا لمعرفة الجهة التي "
    "أطلقت الطائرة."
)
ENGLISH = (
    "The minister’s statement – issued on Friday – said “no decision” had been taken about the "
    "talks in Genève, according to two diplomats who attended the meeting.\n"
    "Officials in Beirut said the café near the embassy had been closed since the strike, and "
    "that residents were told to stay away from the area."
)


@pytest.fixture
def write(tmp_path):
    """Write bytes or text to a file under tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
        return path

    return _write


def paragraphs(text: str) -> str:
    """Text with its lines as the intake returns them: paragraphs separated by a blank line."""
    return "\n\n".join(line for line in text.split("\n") if line.strip())
