"""Headlines and feed titles in scripts Rich measures narrower than a terminal draws them
(Devanagari's vowel signs take a cell each in tmux, xterm, VTE's: none by Rich's measure) keep
their row: cut with "…" where the row ends on the screen, and the border after them where it
belongs.

The screen is read as a terminal draws it: each character in the cells wcwidth gives it, a
backspace stepping back one."""

from __future__ import annotations

import asyncio
import unicodedata
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.test_catch_up_keys import choose_feed
from tests.tui_pilot import running, screen_text, subscribe, until

SIZE = (60, 20)
SHORT = "Devanagari: बंदरगाह पर तूफ़ान की चेतावनी जारी"
"""41 cells in a wcwidth terminal, 34 by Rich's measure: fits a 60-column row."""
LONG = "मौसम विभाग ने तटीय जिलों में भारी बारिश और तेज़ हवाओं की चेतावनी जारी की"
"""Longer than the row in both measures."""
FEED = "दैनिक समाचार: तटीय जिलों की खबरें"
"""The feed's title: longer than the feed list's column and the headlines' source column."""


def _cells(char: str) -> int:
    """A character's cells as wcwidth counts them (the terminals' measure, not Rich's)."""
    if unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def drawn(line: str) -> list[str]:
    """`line` as a terminal draws it: one string per cell (a mark joins its letter's cell, and
    as tmux does, a character after a zero-width joiner its cell, unless ASCII)."""
    cells: list[str] = []
    at = 0
    joined = False
    for char in line:
        if char == "\b":
            at = max(0, at - 1)
            continue
        width = 0 if joined and not char.isascii() else _cells(char)
        joined = char == "\u200d"
        if width == 0 and at > 0:
            cells[at - 1] += char
            continue
        cells[at : at + 1] = [char] if at < len(cells) else [*cells[at:], char]
        cells.extend([""] * (width - 1))
        at += width
    return cells


def _feed(server: HTTPServer) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{server.url_for(f'/{n}.html')}</link>"
        f"<guid>story-{n}</guid><pubDate>Thu, 03 Dec 2026 0{n}:00:00 GMT</pubDate></item>"
        for n, title in enumerate((LONG, SHORT, "Ferry timetable changes for the winter"))
    )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{FEED}</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    return server.url_for("/feed.xml")


def test_a_devanagari_headline_keeps_its_row(tmp_path: Path, httpserver: HTTPServer) -> None:
    data = tmp_path / "data"
    subscribe(data, [_feed(httpserver)])

    def rows_shown(text: str) -> dict[str, list[str]]:
        lines = text.splitlines()
        rows = {
            title: drawn(next(line for line in lines if title[:12] in line))
            for title in (SHORT, LONG[:20], "Ferry timetable")
        }
        for title, cells in rows.items():
            # Every row is the screen's width, its border in the last column.
            assert len(cells) == SIZE[0], title
            assert cells[-1] == "│", title
        return rows

    async def run() -> None:
        async with running(data, SIZE, prefetch=False) as (app, pilot):
            # "All feeds": the feed's title cut to its 10 cells, the titles after it; cut
            # between clusters ("चा", a letter and its vowel sign, is two cells, one thing),
            # a blank where the next didn't fit.
            for cells in rows_shown(screen_text(app)).values():
                source, gap = "".join(cells[14:24]), "".join(cells[24:26])
                assert source.endswith("…") and gap == "  "
                assert FEED.startswith(source[:-1].rstrip())
            # The feed's own list, no source column: the short title has room to be whole.
            await choose_feed(pilot, 0)  # its headlines in use, once Tab's focus is in
            await pilot.pause()
            rows = rows_shown(screen_text(app))
            short = "".join(rows[SHORT])
            assert f"{SHORT}    │" in short  # whole, the blank after it as the terminal has it
            long = "".join(rows[LONG[:20]])
            assert long.removesuffix("│").rstrip().endswith("…")  # cut where the row ends
            shown = long[long.index(LONG[:12]) : long.index("…")].rstrip()
            assert LONG.startswith(shown) and len(shown) < len(LONG)

    asyncio.run(run())


def test_a_devanagari_feed_title_keeps_its_columns(tmp_path: Path, httpserver: HTTPServer) -> None:
    """At 100 columns: the feed list beside the headlines (its name cut: 30 cells, a share of
    the terminal's), and a source column in each row."""
    data = tmp_path / "data"
    subscribe(data, [_feed(httpserver)])

    async def run() -> None:
        async with running(data, (100, 20), prefetch=False) as (app, _pilot):
            lines = [drawn(line) for line in screen_text(app).splitlines()]
            assert all(len(cells) == 100 for cells in lines[:-2])  # the key bar's line apart
            feed_row = "".join(next(c for c in lines if FEED[:6] in "".join(c[:24])))
            # Cut to the feed list's column, its unread count and border where they belong.
            assert feed_row.split("│")[1].rstrip().endswith("… 3")
            for title in (SHORT, "Ferry timetable"):
                row = next(c for c in lines if title[:12] in "".join(c))
                assert row[-1] == "│" and FEED[:6] in "".join(row)

    asyncio.run(run())


def test_a_devanagari_feed_title_fits_the_border(tmp_path: Path, httpserver: HTTPServer) -> None:
    """The headlines' border title, the feed's name and its count, cut by the cells a terminal
    draws it in: Textual cut it by Rich's measure, and at 40 columns the terminal (writing what
    passes the last column over it) showed '… खबरें · 3 un╮'. Fitted again as the pane widens."""
    data = tmp_path / "data"
    subscribe(data, [_feed(httpserver)])

    async def run() -> None:
        async with running(data, (40, 20), prefetch=False) as (app, pilot):
            await choose_feed(pilot, 0)  # the feed, not all feeds, not saved

            def kept(width: int) -> str:
                # What the terminal keeps: the cells before the last one, which the fill
                # (counted by Rich's measure, so running past it) and the corner are written over.
                return "".join(drawn(screen_text(app).splitlines()[0])[: width - 1])

            # The border's title is fitted at a refresh: later than a pause on a busy machine.
            await until(pilot, lambda: kept(40).startswith(f"╭─ {FEED[:8]}"), "the feed's title")
            assert "… · 3 unread of 3 ─" in kept(40)
            shown = kept(40)[3 : kept(40).index("…")]
            assert FEED.startswith(shown) and len(shown) < len(FEED)
            await pilot.resize_terminal(60, 20)
            whole = f"╭─ {FEED} · 3 unread of 3 ─"
            await until(pilot, lambda: whole in kept(60), "the title whole again")

    asyncio.run(run())
