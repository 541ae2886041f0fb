"""The reader on a small terminal (40×12, 60×15), as a keyboard user sees it, driven with Pilot
on the synced demo data: the reading view's header makes room for the article's text; what a
notice says is said once; the key bar shows the keys of what is open, each one whole."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.models import BlockKind
from reader.ui.display import long_date
from reader.ui.widgets.article.article_body import ArticleBody
from tests.tui_pilot import reading, screen_text, until

STORM = "Storm Idris live"


def first_words(body: ArticleBody, count: int = 4) -> str:
    """The first words of the article's text (its first paragraph, under the header)."""
    assert body.article is not None
    first = next(b for b in body.article.blocks if b.kind == BlockKind.PARAGRAPH)
    return " ".join(first.text.split()[:count])


def header_lines(body: ArticleBody) -> list[str]:
    """The header's lines, down to the rule under it."""
    rule = next(i for i, line in enumerate(body.lines) if line.strip().startswith("────"))
    return body.lines[: rule + 1]


@pytest.mark.parametrize("size", [(40, 12), (60, 15)])
def test_on_a_small_terminal_the_first_screen_shows_the_article_s_text(
    synced_dir: Path, size: tuple[int, int]
) -> None:
    """At 40×12 the first screen was title, byline, two dates and the address over two lines:
    not a word of the article without scrolling. Now the title, one line of source and date,
    then the text."""

    async def run() -> None:
        async with reading(synced_dir, STORM, size) as (app, _pilot, body):
            shown = " ".join(screen_text(app).split())
            assert first_words(body) in shown, shown
            assert "Storm Idris live" in shown
            assert app.screen.headline.entry.feed_title in shown
            head = header_lines(body)
            assert len(head) <= body.scrollable_content_region.height // 2, head
            assert not any("http" in line for line in head)  # `o` and `y` still have it

    asyncio.run(run())


def test_at_80x24_the_header_is_whole_and_comes_back_whole_after_a_small_size(
    synced_dir: Path,
) -> None:
    """The address, both dates and the length at 80×24; the compact header at 40×12; whole
    again at 80×24, with the same place in the text at the top of the view throughout."""

    async def run() -> None:
        async with reading(synced_dir, STORM, (80, 24)) as (app, pilot, body):
            entry = app.screen.headline.entry
            assert entry.published is not None
            whole = header_lines(body)
            joined = " ".join(" ".join(whole).split())
            for part in (entry.link, long_date(entry.published), "words"):
                assert part in joined, (part, whole)
            await pilot.press("right_square_bracket")  # into the text
            place = body.reading_place
            assert place is not None
            for size, compact in (((40, 12), True), ((80, 24), False)):
                await pilot.resize_terminal(*size)
                await until(
                    pilot, lambda c=compact: (entry.link in body.text) != c, f"the header at {size}"
                )
                await pilot.pause()
                assert body.reading_place == place, size
            assert header_lines(body) == whole

    asyncio.run(run())
