"""Search feeds (`[[search]]` in config.toml, newsboat's query feeds over the articles' text):
a row of the feed list whose headlines are what `F` finds with its words, counted by their
unread ones, and `reader list --feed NAME` printing them. Against the demo site synced into a
real data directory; the reader driven by Textual's Pilot."""

from __future__ import annotations

import asyncio
import dataclasses
import json
from pathlib import Path

import pytest

from reader.config import Config, load_config
from reader.full_text import Hit, Query
from reader.library import Library
from reader.library.text_search import search_cached
from reader.reports import merged_newest_first
from reader.search_feeds import SearchFeed
from reader.ui.app import ReaderApp
from reader.ui.headlines import search_feed_view
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList
from reader.ui.widgets.main.headline_table import HeadlineTable
from tests.cli_run import run_reader
from tests.test_ignore_rules import config_refused
from tests.tui_pilot import running, screen_text, status, table, until

STORMS = 'storm -ferries "Storm Idris" OR gales'
NAME = "Storm watch"
CONFIG = f"""
[feeds]
refresh_on_open = false

[[search]]
name = "{NAME}"
words = '{STORMS}'

[[search]]
name = "Nothing"
words = "zzqxnonword"
"""


def found(directory: Path, words: str) -> list[Hit]:
    """What `F` from "All feeds" finds for `words`: every headline and unlisted article."""
    lib = Library(directory, workers="thread")
    try:
        listed, unlisted = lib.headlines_and_unlisted()
        rows = merged_newest_first(listed, unlisted)
        return search_cached(lib, rows, Query(words)).hits
    finally:
        lib.close()


def test_reader_list_feed_names_a_search_feed_and_prints_its_hits(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    hits = found(synced_dir, STORMS)
    assert hits, "the demo holds stories of the storm"
    assert all("ferries" not in h.headline.entry.title.casefold() for h in hits)
    searched = run_reader(synced_dir, "list", "--search", STORMS)
    named = run_reader(synced_dir, "list", "--feed", "storm  WATCH")  # case and spaces aside
    assert named.returncode == searched.returncode == 0, named.stderr
    assert named.stdout == searched.stdout
    ids = [line.split()[0] for line in named.stdout.splitlines() if not line.startswith(" ")]
    assert ids == [h.headline.entry.id for h in hits]
    # More words narrow it, as typed after the search feed's own.
    narrowed = run_reader(synced_dir, "list", "--feed", NAME, "--search", "Atlantic")
    assert narrowed.stdout == run_reader(synced_dir, "list", "--search", STORMS, "Atlantic").stdout
    nothing = run_reader(synced_dir, "list", "--feed", "Nothing")
    assert (nothing.returncode, nothing.stdout) == (0, "")


def test_a_feed_of_the_same_name_is_listed_over_a_search_feed(synced_dir: Path) -> None:
    gazette = "The Harbour Gazette"
    config = CONFIG.replace(f'name = "{NAME}"', f'name = "{gazette}"')
    (synced_dir / "config.toml").write_text(config, encoding="utf-8")
    listed = run_reader(synced_dir, "list", "--feed", gazette)
    assert listed.returncode == 0, listed.stderr
    assert len(listed.stdout.splitlines()) == 12  # the feed's twelve, no search's lines


@pytest.mark.parametrize(
    ("tables", "said"),
    [
        ('[[search]]\nname = "x"\n', "search (1): words are what to look for"),
        ('[[search]]\nwords = "x"\n', "search (1): name is what the feed list calls it"),
        ('[[search]]\nname = "x"\nwords = "-y"\n', "search (1): words are what to look for"),
        (
            '[[search]]\nname = "x"\nwords = "a"\n[[search]]\nname = " X "\nwords = "b"\n',
            "search (2): another search is named 'X'",
        ),
        ('[[search]]\nname = "x"\nwords = "a"\nfeed = "y"\n', "unknown setting feed in search"),
        ('search = "x"\n', "search: write each as a table"),
    ],
)
def test_a_wrong_search_feed_is_one_line_naming_it(tmp_path: Path, tables: str, said: str) -> None:
    assert said in config_refused(tmp_path, tables)
    shown = run_reader(tmp_path, "list")
    assert shown.returncode != 0
    (line,) = shown.stderr.strip().splitlines()
    assert said in line


def test_the_default_config_shows_how_to_write_one(tmp_path: Path) -> None:
    shown = run_reader(tmp_path, "config")
    assert "# [[search]]\n# name = " in shown.stdout
    # Its example, uncommented, is a search the reader takes.
    example = [
        line[2:]
        for line in shown.stdout.split("# [[search]]", 1)[1].splitlines()[:3]
        if line.startswith("# ") and "=" in line
    ]
    path = tmp_path / "mine.toml"
    path.write_text("[[search]]\n" + "\n".join(example) + "\n", encoding="utf-8")
    assert [s.name for s in load_config(path).searches] == ["Harbour strike"]


def _config(directory: Path) -> Config:
    searches = (SearchFeed(NAME, STORMS), SearchFeed("Nothing", "zzqxnonword"))
    return dataclasses.replace(Config(directory / "config.toml"), searches=searches)


def _row_count(app: ReaderApp, name: str) -> str:
    """The count the feed list shows on a search feed's row ("" for none)."""
    lines = (line.split("││", 1)[0] for line in screen_text(app).splitlines())
    row = next(line for line in lines if line.startswith("│") and f"⌕ {name}" in line)
    return row.split(f"⌕ {name}", 1)[1].strip(" │")


def test_a_search_feed_is_a_row_listing_its_hits_with_their_unread_count(
    synced_dir: Path,
) -> None:
    hits = found(synced_dir, STORMS)
    titles = [h.headline.entry.title for h in hits]

    async def run() -> None:
        config = _config(synced_dir)
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            feeds = screen.query_one(FeedList)
            assert feeds.names[2:4] == [f"⌕ {NAME}", "⌕ Nothing"]  # above the feeds
            await until(pilot, lambda: _row_count(app, NAME) == str(len(hits)), "its count")
            await pilot.press("tab")
            assert screen.focused is feeds
            await pilot.press("j", "j")  # All feeds, Saved, then the search feed
            await until(pilot, lambda: [h.entry.title for h in table(app).rows] == titles, "hits")
            assert screen.feed_url == search_feed_view(NAME)
            assert screen.focused is feeds  # chosen as a feed is: the cursor stays
            assert f"⌕ {NAME}" in str(table(app).border_title)
            # One read: the row counts one fewer.
            await pilot.press("enter")
            assert isinstance(screen.focused, HeadlineTable)
            await pilot.press("m")
            await until(pilot, lambda: _row_count(app, NAME) == str(len(hits) - 1), "one read")
            # q goes back to the feeds, as from a feed's list, the hits still shown.
            await pilot.press("q")
            assert screen.focused is feeds
            assert [h.entry.title for h in table(app).rows] == titles
            await pilot.press("j")
            await until(pilot, lambda: "holds" in str(table(app).empty_text), "no hits")
            assert "zzqxnonword" in str(table(app).empty_text)
            await pilot.press("j")  # a feed: its headlines
            await until(
                pilot, lambda: screen.feed_url not in (None, search_feed_view("Nothing")), "a feed"
            )
            assert table(app).rows and all(
                h.entry.feed_url == screen.feed_url for h in table(app).rows
            )

    asyncio.run(run())


def test_the_reader_reopens_on_a_search_feed_and_searches_it_again(synced_dir: Path) -> None:
    hits = found(synced_dir, STORMS)

    async def run() -> None:
        config = _config(synced_dir)
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            await pilot.press("tab", "j", "j")
            await until(pilot, lambda: len(table(app).rows) == len(hits), "the hits")
            await app.action_quit()
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await until(pilot, lambda: screen.feed_url == search_feed_view(NAME), "reopened")
            await until(pilot, lambda: len(table(app).rows) == len(hits), "found again")
        # A search feed gone from the config: "All feeds".
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            assert app.screen.feed_url is None  # type: ignore[attr-defined]

    asyncio.run(run())


def test_A_in_a_search_feed_marks_its_hits_read_and_U_unread_again(synced_dir: Path) -> None:
    hits = found(synced_dir, STORMS)
    ids = {h.headline.entry.id for h in hits}

    async def run() -> None:
        config = _config(synced_dir)
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            every = len(app.index.headlines)
            await pilot.press("tab", "j", "j", "enter")
            await until(pilot, lambda: len(table(app).rows) == len(hits), "the hits")
            await pilot.press("A")
            await until(pilot, lambda: _row_count(app, NAME) == "", "no unread hit")
            assert f"Marked {len(hits)} headlines of ⌕ {NAME} read" in status(app)
            # Those alone: every other headline is unread still.
            read = {h.entry.id for h in app.index.headlines if h.read}
            assert read == ids and len(read) < every
            await pilot.press("U")
            await until(pilot, lambda: _row_count(app, NAME) == str(len(hits)), "unread again")

    asyncio.run(run())


def test_reader_feeds_lists_the_search_feeds_after_the_feeds(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    hits = found(synced_dir, STORMS)
    lines = run_reader(synced_dir, "feeds").stdout.splitlines()
    assert lines[-4:] == [
        f"⌕ {NAME}  ({len(hits)} unread of {len(hits)})",
        f"    a search: {STORMS}",
        "⌕ Nothing  (0 unread of 0)",
        "    a search: zzqxnonword",
    ]
    # As the reader's row counts them: those read are not.
    lib = Library(synced_dir, workers="thread")
    try:
        lib.mark_read(hits[0].headline.entry)
    finally:
        lib.close()
    lines = run_reader(synced_dir, "feeds").stdout.splitlines()
    assert lines[-4] == f"⌕ {NAME}  ({len(hits) - 1} unread of {len(hits)})"
    assert lines[0].startswith("The Harbour Gazette")
    # Not among the failing feeds.
    assert "⌕" not in run_reader(synced_dir, "feeds", "--failing").stdout
    assert run_reader(synced_dir, "feeds", "--failing", "--json").stdout.strip() == "[]"


def test_reader_feeds_json_lists_the_search_feeds_as_its_text_does(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    kept = run_reader(synced_dir, "search-feed", "add", "Gales", "gales")
    assert kept.returncode == 0, kept.stderr
    lib = Library(synced_dir, workers="thread")
    try:
        lib.mark_read(found(synced_dir, STORMS)[0].headline.entry)
    finally:
        lib.close()
    text = run_reader(synced_dir, "feeds").stdout.splitlines()
    rows = json.loads(run_reader(synced_dir, "feeds", "--json").stdout)
    feeds = [row for row in rows if row["kind"] == "feed"]
    searches = [row for row in rows if row["kind"] == "search"]
    assert rows == feeds + searches  # the feeds first, as the text lists them
    # The same feeds and search feeds, with the same counts, in the same order.
    named = [line for line in text if not line.startswith(" ")]
    assert named == [
        *(
            f"{row['name'] or row['title']}  ({row['unread']} unread of {row['entries']})"
            for row in feeds
        ),
        *(f"⌕ {row['name']}  ({row['unread']} unread of {row['entries']})" for row in searches),
    ]
    assert [(row["name"], row["words"], row["kept"]) for row in searches] == [
        (NAME, STORMS, False),
        ("Nothing", "zzqxnonword", False),
        ("Gales", "gales", True),
    ]
    assert searches[0]["unread"] == searches[0]["entries"] - 1 > 0
    # A script reading a feed's row reads a search feed's: every key, of the same type.
    for row in searches:
        assert set(feeds[0]) <= set(row)
        for key, value in feeds[0].items():
            if value is not None and row[key] is not None:
                assert type(row[key]) is type(value), key
        assert (row["url"], row["tags"]) == ("", [])
