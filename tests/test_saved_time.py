"""A saved article's time saved is kept and shown, and orders "Saved" (acc43a A14): a
read-it-later import's time added for every link, fetched or not (the fetched ones were dated
and ordered by their pages' dates, the others by their time added: two clocks in one list), the
user's own `s` for one saved here. `reader list --saved` orders by it, last saved first, dates
each line "saved 2023-11-14" and gives JSON's `saved_at`; the TUI's Saved shows the same order
and dates (`[ui] oldest_first` turns it round: the first saved first). Real pages on
127.0.0.1, a real store, the CLI's own `main`, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.config import load_config
from reader.ui.headlines import SAVED_VIEW
from tests.served_feed import serve_stories
from tests.test_saved_links import cli
from tests.tui_pilot import running, screen_text, subscribe, table, until

# Each page's own date, and the time Pocket says it was added: the newest page was saved first.
PAGES = {
    "quay": ("2026-11-20T08:00:00+00:00", 1_690_000_000),
    "ferry": ("2025-05-01T08:00:00+00:00", 1_700_000_000),
    "tide": ("2024-01-10T08:00:00+00:00", 1_710_000_000),
}
SAVED_ORDER = ["Tide", "Ferry", "Quay"]  # the last saved first


def _page(name: str, published: str) -> str:
    return (
        f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{name.title()}</title>'
        f'<meta property="article:published_time" content="{published}"></head><body><article>'
        f"<h1>{name.title()}</h1>"
        + "".join(
            f"<p>The {name} story, paragraph {n}: the harbour master spoke of the weather and"
            " of the boats that stayed in, and of the long road round the estuary.</p>"
            for n in range(4)
        )
        + "</article></body></html>"
    )


def _day(epoch: float) -> str:
    """The local day of `epoch`, as the reader shows dates."""
    return datetime.fromtimestamp(epoch, UTC).astimezone().strftime("%Y-%m-%d")


def _library(tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]) -> Path:
    rows = []
    for name, (published, added) in PAGES.items():
        server.expect_request(f"/{name}.html").respond_with_data(
            _page(name, published), content_type="text/html"
        )
        rows.append(f"{name.title()},{server.url_for(f'/{name}.html')},{added},,,unread\n")
    export = tmp_path / "pocket.csv"
    export.write_text("title,url,time_added,cursor,tags,status\n" + "".join(rows), "utf-8")
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert printed.startswith("3 links from a Pocket export: 3 saved for offline reading")
    return data


def test_list_saved_orders_and_dates_by_the_time_saved(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _library(tmp_path, httpserver, capsys)
    code, listed, said = cli(capsys, data, "list", "--saved", "--json")
    assert code == 0, said
    rows = json.loads(listed)
    assert [row["title"] for row in rows] == SAVED_ORDER
    for row in rows:
        published, added = PAGES[row["title"].lower()]
        assert datetime.fromisoformat(row["saved_at"]).timestamp() == added
        assert datetime.fromisoformat(row["published"]) == datetime.fromisoformat(published)
    code, lines, said = cli(capsys, data, "list", "--saved")
    assert code == 0, said
    for line, title in zip(lines.splitlines(), SAVED_ORDER, strict=True):
        assert f"  saved {_day(PAGES[title.lower()][1])}  " in line, line
        assert title in line
    # One saved here, by hand, is the last saved: first, at its own time.
    httpserver.expect_request("/storm.html").respond_with_data(
        _page("storm", "2020-01-01T08:00:00+00:00"), content_type="text/html"
    )
    code, _, said = cli(capsys, data, "save", httpserver.url_for("/storm.html"))
    assert code == 0, said
    code, listed, said = cli(capsys, data, "list", "--saved", "--json")
    assert code == 0, said
    rows = json.loads(listed)
    assert [row["title"] for row in rows] == ["Storm", *SAVED_ORDER]
    assert datetime.fromisoformat(rows[0]["saved_at"]).timestamp() > PAGES["tide"][1]


@pytest.mark.parametrize("oldest_first", [False, True])
def test_the_reader_s_saved_list_is_ordered_and_dated_by_the_time_saved(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str], oldest_first: bool
) -> None:
    data = _library(tmp_path, httpserver, capsys)
    config = data / "config.toml"
    config.write_text(f"[ui]\noldest_first = {str(oldest_first).lower()}\n", encoding="utf-8")

    async def run() -> None:
        async with running(data, (120, 30), prefetch=False, config=load_config(config)) as (
            app,
            pilot,
        ):
            app.main_screen.show_feed(SAVED_VIEW)
            await until(pilot, lambda: len(table(app).rows) == 3, "Saved's rows")
            order = [row.entry.title for row in table(app).rows]
            assert order == (SAVED_ORDER[::-1] if oldest_first else SAVED_ORDER)
            shown = screen_text(app)
            for title in SAVED_ORDER:
                (line,) = [line for line in shown.splitlines() if f" {title} " in f"{line} "]
                assert _day(PAGES[title.lower()][1]) in line, line

    asyncio.run(run())


def test_s_in_the_reader_saves_an_article_at_its_own_time(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """Saved here, an article is the last saved: first in Saved, dated now, before the
    imported ones whose pages are newer."""
    data = _library(tmp_path, httpserver, capsys)
    subscribe(data, [serve_stories(httpserver, "Harbour Ledger", [("Pilchard boats laid up", 8)])])

    async def run() -> None:
        async with running(data, (120, 30), prefetch=False) as (app, pilot):
            await until(pilot, lambda: len(table(app).rows) == 1, "the feed's headline")
            await pilot.press("s")
            await until(pilot, lambda: table(app).rows[0].saved, "saved")
            app.main_screen.show_feed(SAVED_VIEW)
            await until(pilot, lambda: len(table(app).rows) == 4, "Saved's rows")
            order = [row.entry.title for row in table(app).rows]
            assert order == ["Pilchard boats laid up", *SAVED_ORDER]
            (line,) = [line for line in screen_text(app).splitlines() if "Pilchard" in line]
            # Saved today, shown by its time, as a headline of today is: no day of 2026's.
            assert "2026-11-24" not in line and re.search(r"\s\d\d:\d\d\s", line), line

    asyncio.run(run())
