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

from reader.extract import extract_article
from reader.models import Article, BlockKind
from reader.ui.app import ReaderApp
from reader.ui.dialogs.help import HelpScreen
from reader.ui.dialogs.links import LinksScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.tui_pilot import keys_handled, on_top, reading, resize, running, screen_text, showing

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


LINK_TEXT = "Councillors approved the extraordinary appropriation"
LONG_WORDS = f"""<html><head><title>Budget</title></head><body><article><h1>Budget</h1>
<p>The <a href="http://127.0.0.1:8/a.html">{LINK_TEXT}</a> after a long debate, and the committee's report was published today for every
resident of the town to read in full.</p>
<p>A second paragraph of some length, so that the page reads as an article and is kept whole by
the extraction of its text.</p></article></body></html>"""


def page(html: str) -> Article:
    return extract_article(html, "http://127.0.0.1:8/story.html")


def panel_rows(app: ReaderApp, title: str) -> list[str]:
    """The rows inside the border of the dialog's panel titled `title`, the border left out."""
    rows = screen_text(app).splitlines()
    top = next(n for n, row in enumerate(rows) if f"╭─ {title}" in row)
    bottom = next(n for n in range(top + 1, len(rows)) if "╰" in rows[n])
    return [row.strip().strip("│") for row in rows[top + 1 : bottom]]


@pytest.mark.parametrize("size", [(40, 15), (20, 8)])
def test_on_a_short_terminal_the_help_s_first_row_is_a_key_not_padding(
    synced_dir: Path, size: tuple[int, int]
) -> None:
    """At 40x15 the help gave 2 of its 10 rows to blank padding, at 20x8 2 of its 4: now the
    first row inside its border is its first heading, and the last one holds a key's text."""

    async def run() -> None:
        async with running(synced_dir, size, prefetch=False) as (app, pilot):
            await pilot.press("question_mark")
            await on_top(pilot, HelpScreen, "the help")
            await keys_handled(pilot)
            rows = panel_rows(app, "Keys")
            assert rows[0].strip() == "Everywhere", rows
            assert rows[-1].strip(), rows

    asyncio.run(run())


def test_at_20_columns_a_link_s_text_is_wrapped_at_its_words(synced_dir: Path) -> None:
    """At 20 columns a link's text had 9 cells of the panel's 18 (padding, a scrollbar of 2):
    "Councillors" was cut ("Councillo / rs"). Now each of its words is whole on a line."""

    async def run() -> None:
        async with showing(synced_dir, "Council approves", page(LONG_WORDS), (100, 30)) as (
            app,
            pilot,
            _body,
        ):
            await resize(pilot, 20, 12)
            await pilot.press("L")
            await on_top(pilot, LinksScreen, "the link list")
            await keys_handled(pilot)
            shown = " ".join(panel_rows(app, "Links")).split()
            for word in LINK_TEXT.split():
                assert word in shown, (word, panel_rows(app, "Links"))

    asyncio.run(run())


@pytest.mark.parametrize("back", ["tab", "enter", "escape", "l"])
def test_under_60_columns_the_feed_list_in_use_takes_the_whole_width(
    synced_dir: Path, back: str
) -> None:
    """At 40 columns Tab showed the feed list beside the headlines, 18 cells each: a feed's
    name was cut at 12 letters. Now it takes the headlines' place, every name whole, and
    Tab, Enter, l or Esc goes back to the headlines, the whole width again."""

    async def run() -> None:
        async with running(synced_dir, (40, 15), prefetch=False) as (app, pilot):
            feeds = app.screen.query_one(FeedList)
            headlines = app.screen.query_one(HeadlineTable)
            await pilot.press("tab")
            await keys_handled(pilot)
            assert app.screen.focused is feeds
            assert feeds.size.width >= 36 and not headlines.display
            shown = screen_text(app)
            names = [f.display_title for f in app.index.feeds]
            assert names and all(name in shown for name in names), shown
            await pilot.press("j", "j", back)  # past "Saved", to the first feed
            await keys_handled(pilot)
            assert app.screen.focused is headlines and not feeds.display
            assert headlines.size.width >= 36

    asyncio.run(run())


def test_at_60_columns_the_feed_list_in_use_is_still_beside_the_headlines(
    synced_dir: Path,
) -> None:
    """From 60 columns on there is room for both: Tab shows the feed list beside them, and
    Esc in it leaves it where it is (it clears a search there, and nothing else)."""

    async def run() -> None:
        async with running(synced_dir, (60, 15), prefetch=False) as (app, pilot):
            feeds = app.screen.query_one(FeedList)
            headlines = app.screen.query_one(HeadlineTable)
            await pilot.press("tab", "escape")
            await keys_handled(pilot)
            assert app.screen.focused is feeds and headlines.display
            assert feeds.size.width < 40

    asyncio.run(run())
