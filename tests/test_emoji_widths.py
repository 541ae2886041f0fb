"""Emoji Rich measures wider than a wcwidth terminal draws them (a narrow sign with its emoji
selector: "❤️", "☀️", a keycap "1️⃣", the flag "🏳️‍🌈": two cells by Rich 15, one in tmux 3.3a),
and the blank Hangul fillers it gives none (tmux: "ㅤ" two): headline rows, the feed list's
column and the headlines' border keep their cells as the terminal draws them (acc30c D2, D5).

The screen is read as tmux draws it (`test_headline_widths.drawn`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cells import rich_agreeing, terminal_cells
from tests.test_headline_widths import drawn
from tests.tui_pilot import running, screen_text, subscribe

MEASURED = {
    "❤️": 1,
    "☀️": 1,
    "⚠️": 1,
    "▶️": 1,
    "©️": 1,
    "🅰️": 1,
    "1️⃣": 1,
    "#️⃣": 1,
    "🏳️\u200d🌈": 1,
    "❤️\u200d🔥": 1,
    "👩\u200d👩\u200d👧\u200d👦": 2,
    "👨\u200d💻": 2,
    "🧑🏽\u200d💻": 4,
    "👩\u200da": 3,
    "a\u200d👩": 1,
    "👩\u200d\u200d👩": 2,
    "👍🏽": 4,
    "🇫🇷": 2,
    "😀️": 2,
    "〰️": 2,
    "⌚️": 2,
    "☀︎": 1,
    "ㅤ": 2,
    "ㅤx": 3,
    "\uffa0": 1,
    "\u1160": 0,
    "\u115f": 2,
    "\u180e": 0,
    "कि": 2,
    "㉈": 2,
}
"""Each string's cells in tmux 3.3a (glibc 2.36's wcwidth), read back from the cursor's place
(`ESC [6n`) after printing it at a line's start."""


@pytest.mark.parametrize("text", MEASURED)
def test_cells_as_tmux_draws_them(text: str) -> None:
    assert terminal_cells(text) == MEASURED[text]


@pytest.mark.parametrize("text", MEASURED)
def test_rich_never_counts_more_than_the_terminal_draws(text: str) -> None:
    """What a row shows takes no more cells by Rich's measure (which Textual cuts rows by)
    than on the screen: a row can be given cells only Rich counts, not take any back."""
    from rich.cells import cell_len

    shown = rich_agreeing(text)
    assert cell_len(shown) <= terminal_cells(shown) == terminal_cells(text)


FEED = "Unicode 日本 ☀️ ❤️ feed"
TITLES = (
    "Heart ❤️ and sun ☀️ with VS16",
    "Keycap 1️⃣ 2️⃣ #️⃣ numbers",
    "Pride 🏳️\u200d🌈 flag over the harbour",
    "Family 👩\u200d👩\u200d👧\u200d👦 at the ferry",
    "Warning ⚠️ and play ▶️ buttons",
)


def _feed(server: HTTPServer) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{server.url_for(f'/{n}.html')}</link>"
        f"<guid>story-{n}</guid><pubDate>Thu, 03 Dec 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, title in enumerate(TITLES)
    )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{FEED}</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for("/feed.xml")


def _row(lines: list[list[str]], words: str) -> list[str]:
    return next(cells for cells in lines if words in "".join(cells))


def test_emoji_headlines_keep_their_rows(tmp_path: Path, httpserver: HTTPServer) -> None:
    """At 120 columns: the feed list beside the headlines, the feed's name in each row's
    source column; then the feed's own list under its name in the border."""
    data = tmp_path / "data"
    subscribe(data, [_feed(httpserver)])

    async def run() -> None:
        async with running(data, (120, 20), prefetch=False) as (app, pilot):
            lines = [drawn(line) for line in screen_text(app).splitlines()]
            assert all(len(cells) == 120 for cells in lines[:-2])  # the key bar's line apart
            for title in TITLES:
                row = _row(lines, title.split()[-1])
                assert row[-1] == "│" and row[-2] == " ", title
            feed_row = "".join(_row(lines[:-2], "Unicode"))
            assert feed_row.split("│")[1].rstrip().endswith("5")  # its count in its column
            await pilot.press("tab", "down", "down", "enter")  # the feed, not all feeds
            await pilot.pause()
            lines = [drawn(line) for line in screen_text(app).splitlines()]
            assert all(len(cells) == 120 for cells in lines[:-2])
            for title in TITLES:
                row = "".join(_row(lines, title.split()[-1]))
                # Whole, the blank after it as the terminal has it, the border in the last cell.
                assert row.endswith("  │"), title
                assert rich_agreeing(title) in row, title
            top = "".join(lines[0])
            assert "╭─ Unicode 日本 ☀ ❤ feed · 5 unread of 5 ─" in top and top.endswith("─╮")
            # The search line's prompt names the feed whole (Rich, counting two cells more
            # than the prompt was given, wrapped its last word away).
            await pilot.press("F")
            await pilot.pause()
            assert any(
                "Find in Unicode 日本 ☀ ❤ feed:" in line for line in screen_text(app).splitlines()
            )

    asyncio.run(run())


def _rule_cells(lines: list[str]) -> set[int]:
    """Where each line's first column rule ("│", "┼") is drawn, in terminal cells."""
    return {next(n for n, cell in enumerate(drawn(line)) if cell in ("│", "┼")) for line in lines}


def test_table_columns_line_up_as_the_terminal_draws_them() -> None:
    """A table's cells with a selector emoji, a keycap, the Hangul filler and a Hindi vowel
    sign: the column rule in one cell on every line of the reading view (tmux drew it at cell
    18 for the emoji, 19 for plain words, 20 for "कि", 21 for "ㅤ"). Plain text gives a table
    as records, no columns to line up (acc42a A12)."""
    from reader.extract import extract_article
    from tests.tui_pilot import view_lines

    page = (Path(__file__).parent / "data" / "emoji-table.html").read_bytes()
    article = extract_article(page, "https://news.example.com/emoji-table.html")
    lines = [line for line in view_lines(article, 80) if "│" in line or "┼" in line]
    assert len(lines) == 8 and any("ㅤ" in line for line in lines), lines
    assert len(_rule_cells(lines)) == 1, lines
