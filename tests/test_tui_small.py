"""The reader on a small terminal (40×12, 60×15), as a keyboard user sees it, driven with Pilot
on the synced demo data: the reading view's header makes room for the article's text; what a
notice says is said once; the key bar shows the keys of what is open, each one whole."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets._footer import FooterKey

from reader.models import BlockKind
from reader.ui.app import ReaderApp
from reader.ui.dialogs.help import HelpScreen
from reader.ui.dialogs.links import LinksScreen
from reader.ui.display import long_date
from reader.ui.widgets.article.article_body import ArticleBody
from tests.tui_pilot import keys_handled, open_titled, reading, running, screen_text, until

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
            # The byline whole; the source, when the line is short of room, cut with "…".
            source = app.screen.headline.entry.feed_title
            cuts = [f"{source[:n].rstrip()}…" for n in range(3, len(source))]
            assert source in shown or any(cut in shown for cut in cuts), shown
            assert body.article is not None and body.article.author in shown
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


def key_bar(app: ReaderApp) -> str:
    """The key bar's line as the terminal shows it."""
    return screen_text(app).splitlines()[-1]


def cut_keys(app: ReaderApp) -> list[str]:
    """The keys of the screen's key bar drawn only in part, cut at the terminal's edge."""
    width = app.size.width
    return [
        f"{key.key_display} {key.description}"
        for key in app.screen.query(FooterKey)
        if key.display and key.region.x < width < key.region.right
    ]


BUDGET = "Council approves"


@pytest.mark.parametrize("size", [(40, 12), (100, 30)])
def test_the_link_list_has_its_keys_in_the_key_bar(synced_dir: Path, size: tuple[int, int]) -> None:
    """With the list open the key bar showed the article's keys (esc Back, n Next, p
    Previous…), none of which worked there: now the list's, and the article's once it closes."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, size) as (app, pilot, _body):
            await until(pilot, lambda: "esc Back" in key_bar(app), "the article's keys")
            await pilot.press("L")
            await until(pilot, lambda: isinstance(app.screen, LinksScreen), "the list")
            # The list's key bar is drawn a refresh after it shows: later on a busy machine.
            await until(pilot, lambda: "esc Close" in key_bar(app), "the list's keys")
            keys = key_bar(app)
            for key in ("⏎ Open", "c Copy address", "esc Close"):
                assert key in keys, keys
            assert ("↑↓ Move" in keys) == (size[0] >= 60), keys
            for key in ("Back", "Next", "Previous", "Search"):
                assert key not in keys, keys
            assert not cut_keys(app)
            await pilot.press("escape")
            await until(pilot, lambda: "esc Back" in key_bar(app), "the article's keys")
            assert "Close" not in key_bar(app)

    asyncio.run(run())


def test_at_40_columns_no_key_bar_cuts_a_key_and_help_stays_in_sight(synced_dir: Path) -> None:
    """The headlines' bar ended "q Quit  ?", its help cut after the key; the help screen's
    was the headlines' under it. Every bar now shows whole keys only, `? Help` among them where
    it works, and the help screen its own keys; the help's descriptions are set under their
    keys, not squeezed into nine columns beside the widest."""

    async def run() -> None:
        async with running(synced_dir, (40, 12)) as (app, pilot):
            # Fitted to the width a refresh after the first draw: later on a busy machine.
            await until(pilot, lambda: "? Help" in key_bar(app), "the headlines' keys fitted")
            assert "⏎ Open" in key_bar(app)
            assert not cut_keys(app), key_bar(app)
            await pilot.press("question_mark")
            await until(pilot, lambda: isinstance(app.screen, HelpScreen), "the help")
            # The help's key bar is drawn a refresh after it shows: later on a busy machine.
            await until(pilot, lambda: "esc Close" in key_bar(app), "the help's keys")
            keys = key_bar(app)
            assert "Open" not in keys, keys
            assert not cut_keys(app), keys
            shown = screen_text(app)
            assert "refresh every feed" in shown, shown
            await pilot.press("escape")
            await until(pilot, lambda: "? Help" in key_bar(app), "the headlines' keys")
            await open_titled(pilot, STORM)
            await pilot.pause()
            for keys_pressed in ((), ("tab",), ("escape", "slash", "x", "enter"), ("v",)):
                await pilot.press(*keys_pressed)
                await keys_handled(pilot)
                await until(pilot, lambda: "? Help" in key_bar(app), f"? Help, {keys_pressed}")
                assert not cut_keys(app), (keys_pressed, key_bar(app))

    asyncio.run(run())
