"""`reader sync` on a 40-column terminal (a pty of that size, the demo site's feeds): the
progress keeps each phase's words and counts whole, the report's lines are wrapped at words to
the width, and the progress is redrawn a few times a second, not ten (acc42a A11)."""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import pytest

from reader.cells import terminal_cells
from reader.cli.sync_terminal import REDRAWS_PER_SECOND
from reader.demo.server import DemoServer
from reader.library import Library
from reader.word_wrap import at_words
from tests.failing_site import FailingSite
from tests.pty_reader import stderr_on_a_terminal

COLUMNS = 40
ESCAPE = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
COLOUR = re.compile(r"\x1b\[[0-9;]*m")
ROW = re.compile(r"(feeds|articles) +\d+/\d+")


def _subscribed(home: Path, feed_urls: list[str]) -> None:
    async def run() -> None:
        async with Library(home, workers="thread") as lib:
            for url in feed_urls:
                lib.add_feed(url)

    asyncio.run(run())


def _sync_on_a_terminal(home: Path, exported: dict[str, str] | None = None) -> tuple[str, float]:
    """What `reader sync` on `home` wrote to a terminal `COLUMNS` wide (escapes and all), and
    the seconds it ran. `exported`: variables its shell gave it (a stale COLUMNS)."""
    drawn, seconds = stderr_on_a_terminal(
        ["sync"], {**os.environ, "READER_HOME": str(home), **(exported or {})}, COLUMNS
    )
    return drawn.decode(errors="replace"), seconds


def _rows(progress: str) -> list[str]:
    """The progress's rows as drawn, one by one: colours taken out, the cursor's moves between
    rows (and redraws) as line ends."""
    return ESCAPE.sub("\n", COLOUR.sub("", progress).replace("\r", "\n")).split("\n")


def _phases(rows: list[str]) -> list[str]:
    return [row for row in rows if row.lstrip().startswith(("feeds ", "articles "))]


@pytest.mark.parametrize(
    "exported", [{}, {"COLUMNS": "200", "LINES": "60"}], ids=["", "a-stale-COLUMNS"]
)
def test_a_sync_at_40_columns_keeps_its_counts_and_words_whole(
    demo_server: DemoServer, tmp_path: Path, exported: dict[str, str]
) -> None:
    """At 40 columns the bar, the rate and the time cut the counts to "15…" and "2…", and the
    terminal broke the summary mid-word ("al / ready cached"). Now each row is "articles
    2/180 0 failed 0:00:05", and each line of the report fits, broken at its spaces. So with a
    COLUMNS a shell rc exported, stale once the window was resized: each row was drawn 200
    wide, wrapped and scrolled on every redraw (acc51a A10)."""
    home = tmp_path / "home"
    home.mkdir()
    _subscribed(home, demo_server.feed_urls)
    drawn, _seconds = _sync_on_a_terminal(home, exported)
    progress, _, report = drawn.rpartition("\x1b[?25h")  # the cursor shown again as it ends
    assert progress and report.strip(), drawn[-2000:]
    rows = _rows(progress)
    phases = _phases(rows)
    assert any(row.lstrip().startswith("articles") for row in phases), phases
    for row in phases:
        assert ROW.search(row) and "…" not in row, row
    for row in rows:
        assert terminal_cells(row.rstrip()) <= COLUMNS, row
    said = [line.rstrip() for line in ESCAPE.sub("", report).replace("\r", "").split("\n")]
    said = [line for line in said if line]
    for line in said:  # a word longer than a line (an address) alone on one of its own
        assert terminal_cells(line) <= COLUMNS or " " not in line, said
    summary = " ".join(said)
    assert re.search(r"synced \d+ of \d+ feeds \(", summary), said
    assert re.search(r"\d+ articles cached for offline, \d+ already cached", summary), said


def test_a_sync_waiting_at_40_columns_says_so_in_words_and_draws_a_few_times_a_second(
    tmp_path: Path,
) -> None:
    """A sync whose last pages stall: the line saying what it waits for was cut ("waiting for
    the last 1…"), and the progress was drawn ten times a second meanwhile, each time a line
    a screen reader may read again. Now the line is whole, over lines of its own, and the
    progress is drawn `REDRAWS_PER_SECOND` times a second (an upper bound: a loaded machine
    draws it less often, never more)."""
    site = FailingSite(stories=3, mode="stall")
    try:
        home = tmp_path / "home"
        home.mkdir()
        (home / "config.toml").write_text(
            "[network]\nread_timeout = 5.0\ntotal_timeout = 15.0\nretries = 0\nper_host = 4\n"
        )
        _subscribed(home, [site.base + "/feed.xml"])
        drawn, seconds = _sync_on_a_terminal(home)
    finally:
        site.close()
    progress = drawn.rpartition("\x1b[?25h")[0]
    rows = _rows(progress)
    for row in rows:
        assert terminal_cells(row.rstrip()) <= COLUMNS, row
    waits = f"waiting for the last 3 articles, at {site.base.removeprefix('http://')}"
    # Its lines, as drawn in one redraw (the rows between two of the articles' row).
    drawn_lines = "\n".join(rows).split("articles ")
    assert any(waits in " ".join(lines.split()) for lines in drawn_lines), rows[-12:]
    # Each redraw goes back over what was drawn: to the start of its last row, erased.
    redraws = progress.count("\r\x1b[2K")
    assert redraws <= REDRAWS_PER_SECOND * seconds + 4, (redraws, seconds)


def test_a_report_line_is_wrapped_at_words_by_the_cells_they_take() -> None:
    """A Japanese feed's name takes two cells a letter: counted by letters, its line passed
    the terminal's edge. An address longer than a line stays whole, on a line of its own; the
    name, wider than a line of 12, is broken between its characters, as Japanese is (narrow46:
    kept whole, the terminal broke it anywhere)."""
    address = "http://127.0.0.1:8650/gazette/files/budget-report.pdf"
    line = f"feed failed: 夕刊ニュース速報: not cached <{address}>: HTTP 404"
    for width in (12, 20, 40):
        lines = at_words(line, width).split("\n")
        assert "".join(lines).replace(" ", "") == line.replace(" ", "")
        assert {word for shown in lines for word in shown.split()} >= {
            word for word in line.split() if word.isascii()
        }
        for shown in lines:
            assert terminal_cells(shown) <= width or " " not in shown, (width, lines)
        assert any(f"<{address}>:" == shown for shown in lines), lines
    assert at_words(line, None) == line
