"""A search feed's row and the feed list's keys: its hits marked read (`A`), and its unread
ones counted the same everywhere: its row in the reader, `reader feeds` and `reader list --feed
NAME --unread`, cached articles no feed lists any more (their feed removed) among them; `R`
renaming it. Against the demo site synced into a real data directory; the reader driven by
Textual's Pilot, the commands through `reader`'s entry point."""

from __future__ import annotations

import asyncio
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from reader.config import load_config
from reader.library import Library, text_search
from reader.store.shown_ids import UNLISTED
from reader.ui.app import ReaderApp
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.headlines import search_feed_view
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList
from tests.cli_run import run_reader
from tests.test_search_feeds import _row_count, found
from tests.tui_pilot import (
    notices_raised,
    on_top,
    running,
    screen_text,
    status,
    table,
    until,
)

NAME = "Storm"
STORMS = "storm -ferries"
"""Found in two feeds of the demo: one removed, the other's hit stays a headline."""
CONFIG = f"""
[feeds]
refresh_on_open = false

[[search]]
name = "{NAME}"
words = '{STORMS}'
"""


def _feedless(directory: Path) -> tuple[int, int]:
    """The feed of the first storm story removed: its cached articles are hits no feed lists.
    How many hits there are, and how many of them are of no feed."""
    hits = found(directory, STORMS)
    lib = Library(directory, workers="thread")
    try:
        assert lib.remove_feed(hits[0].headline.entry.feed_url)
    finally:
        lib.close()
    hits = found(directory, STORMS)
    loose = sum(h.headline.entry.feed_url == UNLISTED for h in hits)
    assert 0 < loose < len(hits), "some hits of the removed feed, some of another"
    return len(hits), loose


def _count(app: ReaderApp) -> str | None:
    """The count on the search feed's row (None: no row drawn yet)."""
    return _row_count(app, NAME) if f"⌕ {NAME}" in screen_text(app) else None


def _unread_said(directory: Path) -> tuple[str, list[str]]:
    """The search feed's line of `reader feeds`, and the ids `reader list --feed NAME
    --unread` lists."""
    feeds = run_reader(directory, "feeds").stdout.splitlines()
    line = next(line for line in feeds if line.startswith(f"⌕ {NAME}"))
    listed = run_reader(directory, "list", "--feed", NAME, "--unread", "--ids")
    return line, listed.stdout.split()


def test_feeds_and_list_unread_count_a_removed_feeds_hits_alike(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    total, _loose = _feedless(synced_dir)
    line, unread = _unread_said(synced_dir)
    assert line == f"⌕ {NAME}  ({total} unread of {total})"
    assert len(unread) == total
    lib = Library(synced_dir, workers="thread")
    try:
        lib.mark_many_read(h.headline.entry for h in found(synced_dir, STORMS))
    finally:
        lib.close()
    assert _unread_said(synced_dir) == (f"⌕ {NAME}  (0 unread of {total})", [])
    # None unread is said so: the words are found, their articles read.
    listed = run_reader(synced_dir, "list", "--feed", NAME, "--unread")
    assert listed.returncode == 0  # nothing matched: no failure
    assert listed.stderr.startswith("reader: no unread headline or cached article holds storm")


def test_mark_read_feed_marks_a_search_feeds_hits_as_A_on_its_row(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    total, _loose = _feedless(synced_dir)
    hits = found(synced_dir, STORMS)
    dates = sorted(h.headline.entry.published for h in hits if h.headline.entry.published)
    before = dates[-1].strftime("%Y-%m-%d")  # the newest's day: not it
    older = sum(
        h.headline.entry.published < dates[-1].replace(hour=0, minute=0, second=0, microsecond=0)
        for h in hits
    )
    assert 0 < older < total
    marked = run_reader(synced_dir, "mark-read", "--feed", NAME.lower(), "--before", before)
    assert (marked.returncode, marked.stdout) == (
        0,
        f"Marked {older} headline{'s' * (older != 1)} of ⌕ {NAME} read.\n",
    )
    assert _unread_said(synced_dir)[0] == f"⌕ {NAME}  ({total - older} unread of {total})"
    marked = run_reader(synced_dir, "mark-read", "--feed", NAME)
    assert marked.stdout == (
        f"Marked {total - older} headline{'s' * (total - older != 1)} of ⌕ {NAME} read"
        f" ({older} {'were' if older != 1 else 'was'} already).\n"  # those marked before
    )
    assert _unread_said(synced_dir) == (f"⌕ {NAME}  (0 unread of {total})", [])
    # Those alone: the other feeds' headlines are unread still.
    assert "(0 unread" not in run_reader(synced_dir, "feeds").stdout.splitlines()[0]
    again = run_reader(synced_dir, "mark-unread", "--feed", NAME)
    assert again.stdout == f"Marked {total} headlines of ⌕ {NAME} unread.\n"
    assert len(_unread_said(synced_dir)[1]) == total
    # A feed's command given a search feed's name says what it is, in one line.
    for command in (["tag", NAME, "news"], ["rename", NAME, "x"], ["remove", NAME]):
        refused = run_reader(synced_dir, *command)
        assert refused.returncode == 1
        assert refused.stderr == (
            f"reader: not subscribed: {NAME} is a search feed ({STORMS}):"
            " `reader search-feed` renames or removes it\n"
        )


def test_A_on_a_search_feed_marks_every_hit_read_those_of_no_feed_too(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")  # the commands' too
    total, loose = _feedless(synced_dir)

    async def run() -> None:
        config = load_config(synced_dir / "config.toml")
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await until(pilot, lambda: _count(app) == str(total), "its count")
            await pilot.press("tab", "g", "j", "j")  # All feeds, Saved, the search feed
            await until(pilot, lambda: screen.feed_url == search_feed_view(NAME), "its row")
            await until(pilot, lambda: len(table(app).rows) == total, "its hits")
            await pilot.press("A")  # on its row in the feed list, as on a feed's
            said = f"Marked {total} headlines of ⌕ {NAME} read"
            await until(pilot, lambda: said in status(app), "said")
            await until(pilot, lambda: _count(app) == "", "no unread hit")
            await until(pilot, lambda: all(h.read for h in table(app).rows), "shown read")
            await until(pilot, lambda: not app._unkept, "the marks kept")
            # As the commands count them, while the reader is open.
            assert _unread_said(synced_dir) == (f"⌕ {NAME}  (0 unread of {total})", [])
            await pilot.press("U")
            await until(pilot, lambda: _count(app) == str(total), "unread again")
            await until(pilot, lambda: not app._unkept, "the marks kept")
            line, unread = _unread_said(synced_dir)
            assert (line, len(unread)) == (f"⌕ {NAME}  ({total} unread of {total})", total)
            # One of no feed, read with `m` in the hits: counted one fewer, here and there.
            await pilot.press("enter")  # to the hits
            table(app).cursor = next(
                i for i, h in enumerate(table(app).rows) if h.entry.feed_url == UNLISTED
            )
            await pilot.press("m")
            await until(pilot, lambda: _count(app) == str(total - 1), "one read")
            await until(pilot, lambda: not app._unkept, "the mark kept")
            line, unread = _unread_said(synced_dir)
            assert (line, len(unread)) == (f"⌕ {NAME}  ({total - 1} unread of {total})", total - 1)
        assert loose

    asyncio.run(run())


def test_R_on_a_search_feeds_row_renames_it_or_says_the_config_names_it(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    kept = run_reader(synced_dir, "search-feed", "add", "Gales", "gales")
    assert kept.returncode == 0, kept.stderr
    gales = found(synced_dir, "gales")

    async def run() -> None:
        config = load_config(synced_dir / "config.toml")
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            raised = notices_raised(app)
            screen = app.screen
            assert isinstance(screen, MainScreen)
            feeds = screen.query_one(FeedList)
            await pilot.press("tab", "g", "j", "j")  # All feeds, Saved, the config's
            await until(pilot, lambda: screen.feed_url == search_feed_view(NAME), "its row")
            await pilot.press("R")
            said = f"⌕ {NAME} is the config's: its [[search]] table in config.toml names it."
            await until(pilot, lambda: said in raised, "said")
            assert not isinstance(app.screen, FeedInputScreen)
            await pilot.press("j")  # the one kept in the data directory
            await until(pilot, lambda: screen.feed_url == search_feed_view("Gales"), "its row")
            await until(pilot, lambda: len(table(app).rows) == len(gales), "its hits")
            await pilot.press("R")
            asked = await on_top(pilot, FeedInputScreen, "its name asked")
            assert asked.query_one(Input).value == "Gales"
            await pilot.press("ctrl+u", *"Gale warnings", "enter")
            renamed = search_feed_view("Gale warnings")
            await until(pilot, lambda: "Renamed: ⌕ Gale warnings" in status(app), "renamed")
            assert screen.feed_url == renamed
            assert "⌕ Gale warnings" in feeds.names and "⌕ Gales" not in feeds.names
            assert feeds.selected_url == renamed and screen.focused is feeds
            await until(pilot, lambda: "⌕ Gale warnings" in str(table(app).border_title), "title")
            assert len(table(app).rows) == len(gales)
            # Another's name is refused in one line, nothing renamed.
            await pilot.press("R")
            await on_top(pilot, FeedInputScreen, "its name asked")
            await pilot.press("ctrl+u", *NAME.lower(), "enter")
            await until(pilot, lambda: "Not renamed:" in status(app), "refused")
            assert screen.feed_url == renamed

    asyncio.run(run())
    listed = run_reader(synced_dir, "search-feed", "list").stdout
    assert "⌕ Gale warnings  (kept here)\n    a search: gales" in listed
    assert run_reader(synced_dir, "list", "--feed", "gale warnings").stdout == (
        run_reader(synced_dir, "list", "--search", "gales").stdout
    )


def test_search_feed_rename_names_a_kept_one_otherwise(synced_dir: Path) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    run_reader(synced_dir, "search-feed", "add", "Gales", "gales")
    run_reader(synced_dir, "search-feed", "add", "Ferries", "ferries")
    renamed = run_reader(synced_dir, "search-feed", "rename", " gales ", "Gale warnings")
    assert (renamed.returncode, renamed.stdout) == (
        0,
        "search feed renamed: ⌕ Gale warnings, for gales\n",
    )
    # Its place kept among them; its words too.
    assert run_reader(synced_dir, "search-feed", "list").stdout.splitlines()[2::2] == [
        "⌕ Gale warnings  (kept here)",
        "⌕ Ferries  (kept here)",
    ]
    for name, said in [
        ("Ferries", "reader: another search feed is named 'Ferries'\n"),
        (NAME, f"reader: another search feed is named {NAME!r}\n"),
        ("", "reader: a search feed's name is what the feed list calls it"),
    ]:
        refused = run_reader(synced_dir, "search-feed", "rename", "gale warnings", name)
        assert refused.returncode == 2 and refused.stderr.startswith(said), refused.stderr
    config = run_reader(synced_dir, "search-feed", "rename", NAME, "Mine")
    assert config.returncode == 1
    assert "is the config's: its [[search]] table there names it" in config.stderr
    none = run_reader(synced_dir, "search-feed", "rename", "nothing", "x")
    assert none.returncode == 1 and "no search feed is named 'nothing'" in none.stderr


def test_A_while_a_search_feeds_hits_are_searched_says_so_and_marks_none(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    total = len(found(synced_dir, STORMS))
    gate = threading.Event()
    search = text_search.search_cached

    def held(*args: Any, **kwargs: Any) -> Any:  # a year's archive, searched for a while
        gate.wait()
        return search(*args, **kwargs)

    monkeypatch.setattr(text_search, "search_cached", held)

    async def run() -> None:
        config = load_config(synced_dir / "config.toml")
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            try:
                screen = app.screen
                assert isinstance(screen, MainScreen)
                await pilot.press("tab", "g", "j", "j")
                await until(pilot, lambda: screen.feed_url == search_feed_view(NAME), "its row")
                await until(pilot, lambda: "Searching…" in str(table(app).empty_text), "held")
                await pilot.press("A")
                said = f"Still searching: A marks ⌕ {NAME}'s hits once all found."
                await until(pilot, lambda: said in status(app), "said")
                assert not any(h.read for h in app.index.headlines)
            finally:
                gate.set()
            await until(pilot, lambda: len(table(app).rows) == total, "its hits")
            await pilot.press("A")
            await until(pilot, lambda: f"Marked {total} headlines" in status(app), "marked")

    asyncio.run(run())
