"""An article whose text changed after it was first retrieved ("corrected": earlier copies
kept) stays marked so once read (acc45): δ in the headline list's offline column (`r` in the
plain layout), "δ corrected" in the reading view's byline, and found by the search's
`is:corrected` (`-is:corrected` leaves it out), as `reader list --corrected` lists it.

The small news site of tests/test_versions.py on 127.0.0.1, the real store, the CLI and the
reader driven by Pilot."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.marks import CORRECTED_MARK, OFFLINE_MARK, as_letter
from reader.store import Store
from tests.story_site import ran, serving
from tests.test_saved_copies import edited
from tests.test_versions import Site
from tests.tui_pilot import open_row, running, screen_text, table, until


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


def _searched(capsys: pytest.CaptureFixture[str], data_dir: Path, query: str) -> list[str]:
    return ran(capsys, data_dir, "list", "--search", query)[0].splitlines()


def test_a_corrected_article_is_marked_and_searched_so_once_read(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert _searched(capsys, data_dir, "is:corrected") == []
    assert len(_searched(capsys, data_dir, "bridge -is:corrected")) == 2
    edited(site, 1)
    ran(capsys, data_dir, "sync")
    store = Store(data_dir)
    try:  # opened in the reader: Δ, the change as news, goes
        store.touch_article(site.url("/2026/11/21/bridge-repairs.html"))
    finally:
        store.close()
    # The search: `is:corrected` alone lists it, with a word narrows to it, `-is:` leaves it out.
    for query in ("is:corrected", "bridge is:corrected", "IS:corrected bridge"):
        lines = _searched(capsys, data_dir, query)
        assert lines and row["id"] in lines[0], (query, lines)
    assert _searched(capsys, data_dir, "bridge -is:corrected") == []
    # `reader list`'s marks: δ where ↓ was, read or not.
    line = ran(capsys, data_dir, "list")[0].splitlines()[0]
    marks = line.split()[3]
    assert CORRECTED_MARK in marks and OFFLINE_MARK not in marks, line

    async def run() -> tuple[str, str, str]:
        async with running(data_dir, (110, 30)) as (app, pilot):
            listed = screen_text(app)
            shown_table = table(app)
            shown_table.plain = True  # the plain layout's (`[ui] plain`), for its letters
            letters = shown_table._marks(shown_table.rows[0])
            shown_table.plain = False
            screen = await open_row(pilot, 0)
            await until(pilot, lambda: "corrected" in screen_text(app), "the header")
            del screen
            return listed, "".join(letters), screen_text(app)

    listed, letters, header = asyncio.run(run())
    row_line = next(line for line in listed.splitlines() if "bridge repairs" in line)
    assert CORRECTED_MARK in row_line, row_line
    assert as_letter(CORRECTED_MARK) == "r" and "r" in letters
    assert f"{CORRECTED_MARK} corrected" in header
