"""A Hebrew or Arabic passage inside an article in English is set as a right-to-left article
is: flush right, its quote bar on the right (acc19b F12: a quoted notice in Hebrew and a
fishermen's notice in Arabic started at the column's left edge, the bar on the left)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.cells import cell_len

from tests.tui_pilot import reading, screen_text, subscribe_to_page, until

HEBREW = [
    "המעגן ייסגר הלילה בגלל הרוחות החזקות, וכל הסירות יישארו קשורות עד הבוקר.",
    "מי שצריך לצאת לים יפנה אל מנהל הנמל לפני השעה שמונה.",
]
ARABIC = (
    "سيبقى رصيف الصيادين مغلقاً طوال يوم الغد بسبب أعمال الصيانة، ويمكن للقوارب "
    "أن ترسو عند الرصيف الشرقي حتى انتهاء الأعمال في نهاية الأسبوع."
)
ENGLISH = "The harbour office posted the notice in three languages on the quay this morning."


def page() -> str:
    quote = "".join(f"<p>{text}</p>" for text in HEBREW)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Quay closed for the storm | Quayside News</title></head><body><article>"
        "<h1>Quay closed for the storm</h1>"
        f"<p>{ENGLISH} It was written by the harbour master and read out on the radio.</p>"
        f'<blockquote lang="he" dir="rtl">{quote}</blockquote>'
        "<p>The fishermen's cooperative added its own notice in Arabic beside it, about the "
        "repairs to the fishermen's pier that start tomorrow.</p>"
        f'<p lang="ar" dir="rtl">{ARABIC}</p>'
        "<p>The quay opens again on Saturday morning if the wind drops as forecast.</p>"
        "</article></body></html>"
    )


def test_hebrew_and_arabic_passages_are_set_flush_right(tmp_path: Path) -> None:
    subscribe_to_page(tmp_path, page(), "Quayside News", "Quay closed for the storm", "/quay.html")

    async def shown() -> str:
        async with reading(tmp_path, "Quay closed", size=(100, 50)) as (app, pilot, _body):
            await until(pilot, lambda: app.screen.takes_keys, "the article drawn")
            return screen_text(app)

    lines = asyncio.run(shown()).splitlines()
    english = next(line for line in lines if line.strip().startswith("The harbour office"))
    left = len(english) - len(english.lstrip())
    right = left + 80  # the column's right edge, the column 80 cells wide
    quoted = [line for line in lines if "▐" in line or "▌" in line]
    assert quoted, "the quote's lines"
    for line in quoted:
        # The bar at the column's right edge, the words before it; none on the left.
        assert "▌" not in line
        assert line.rstrip().endswith("▐")
        assert cell_len(line.rstrip()) == right
    assert any(HEBREW[0].split()[0] in line for line in quoted)
    # The bar runs on through the blank line between the quote's two paragraphs, on the right.
    assert any(not line.replace("▐", "").strip() for line in quoted)
    arabic = [
        line
        for line in lines
        if any(word in line for word in ARABIC.split()[:3] + ARABIC.split()[-3:])
    ]
    assert len(arabic) == 2  # wrapped: both its lines end at the column's right edge
    assert all(cell_len(line.rstrip()) == right for line in arabic)  # its marks take no cell
    assert len(arabic[-1]) - len(arabic[-1].lstrip()) > left
    # The English around them still starts at the column's left edge.
    after = next(line for line in lines if line.strip().startswith("The quay opens"))
    assert len(after) - len(after.lstrip()) == left
