"""`[ui] oldest_first` (newsboat's article-sort-order date-asc): every list of headlines oldest
first, a feed opening on its oldest unread headline, `n` reading on to the newer ones, unread
only too. Real feeds on 127.0.0.1, the real store, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from tui_pilot import started, subscribe, table

from reader.config import load_config
from reader.store import Store
from reader.ui.app import ReaderApp

STORIES = [
    ("Ferry timetable changes for the winter months", 1),
    ("Lifeboat crew rescues two walkers cut off by the tide", 2),
    ("Fish market's new roof opens to traders", 3),
    ("Harbour wall repairs finish a week early", 4),
]


def hours(app: ReaderApp) -> list[int]:
    return [h.entry.published.hour for h in table(app).rows if h.entry.published]


@pytest.mark.parametrize("unread_only", [False, True])
def test_lists_oldest_first_and_n_reads_on(
    httpserver: HTTPServer, data_dir: Path, unread_only: bool
) -> None:
    url = serve_stories(httpserver, "The Harbour Gazette", STORIES)
    entries = {e.published.hour: e for e in subscribe(data_dir, [url], 4) if e.published}
    store = Store(data_dir)
    try:
        store.set_read_many(url, {entries[1].id}, True)
    finally:
        store.close()
    data_dir.joinpath("config.toml").write_text(
        f"[ui]\noldest_first = true\nunread_only = {str(unread_only).lower()}\n"
    )
    config = load_config(data_dir / "config.toml")

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False, config=config)
        app.prefetch_limit = 0
        async with app.run_test(size=(100, 30)) as pilot:
            await started(pilot)
            everything = [2, 3, 4] if unread_only else [1, 2, 3, 4]
            assert hours(app) == everything  # "All feeds"
            app.main_screen.show_feed(url)
            await pilot.pause()
            assert hours(app) == everything
            # The feed opens on its oldest unread headline, and n goes on to the next newer.
            assert table(app).current is not None
            assert table(app).current.entry.id == entries[2].id
            await pilot.press("n")
            await pilot.pause()
            assert table(app).current is not None
            assert table(app).current.entry.id == entries[3].id

    asyncio.run(run())
