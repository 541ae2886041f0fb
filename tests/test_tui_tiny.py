"""The reader on a very narrow or short terminal (a low-vision reader's huge font leaves 40
columns, or 20, and a few rows), driven with Pilot on the synced demo data: the reading view
and the dialogs wrap their text to the width there is, never cutting a letter off; the
dialogs give their rows to text, not padding; under 60 columns the feed list takes the whole
width while it is in use (acc42a A7, A15, A19)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widget import Widget

from reader.models import BlockKind
from reader.ui.app import ReaderApp
from reader.ui.widgets.article.article_body import ArticleBody
from tests.tui_pilot import keys_handled, reading, resize

STORM = "Storm Idris live"


def shown_in(app: ReaderApp, widget: Widget) -> list[str]:
    """The lines of `widget`'s content region as the terminal shows them (its scrollbar
    left out)."""
    region = widget.scrollable_content_region
    strips = app.screen._compositor.render_strips()
    return [strips[y].text[region.x : region.right] for y in range(region.y, region.bottom)]


def first_paragraph(body: ArticleBody) -> str:
    assert body.article is not None
    first = next(b for b in body.article.blocks if b.kind == BlockKind.PARAGRAPH)
    return " ".join(first.text.split())


@pytest.mark.parametrize("width", [21, 20, 16])
def test_under_22_columns_the_article_s_text_is_wrapped_to_the_room_there_is(
    synced_dir: Path, width: int
) -> None:
    """At 20 columns the text column stayed 20 cells wide where the scrollbar left 18: the
    last letters of every long line were under it ("No crossings befor / Thursday"). Now the
    first paragraph reads whole under the header's rule, each word on a line of its own."""

    async def run() -> None:
        async with reading(synced_dir, STORM, (100, 40)) as (app, pilot, body):
            await resize(pilot, width, 40)
            await keys_handled(pilot)
            lines = shown_in(app, body)
            rule = next(n for n, line in enumerate(lines) if line.strip().startswith("────"))
            text = " ".join(" ".join(lines[rule + 1 :]).split())
            paragraph = first_paragraph(body)
            assert text.startswith(paragraph), (paragraph, lines)

    asyncio.run(run())
