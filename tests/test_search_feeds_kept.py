"""Search feeds kept in the data directory (`reader search-feed add/remove/list`, the reader's
`S` after `F` and its unsubscribe key on a search feed's row), beside the config's
`[[search]]` tables. Against the demo site synced into a real data directory, the commands
through `reader`'s entry point, the reader driven by Textual's Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.widgets import Input

from reader.config import load_config
from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.headlines import search_feed_view
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.main.feed_list import FeedList
from tests.cli_run import run_reader
from tests.test_search_feeds import CONFIG, NAME, STORMS, _row_count, found
from tests.tui_pilot import on_top, running, status, table, until


def test_search_feed_add_keeps_one_that_list_and_feeds_show(synced_dir: Path) -> None:
    hits = found(synced_dir, STORMS)
    added = run_reader(synced_dir, "search-feed", "add", "Storms", *STORMS.split(" ", 2))
    assert added.returncode == 0, added.stderr
    assert added.stdout == f"search feed added: ⌕ Storms, for {STORMS}\n"
    # The config (made with its commented defaults) is not written: the data directory keeps it.
    assert "Storms" not in (synced_dir / "config.toml").read_text(encoding="utf-8")
    listed = run_reader(synced_dir, "search-feed", "list")
    assert listed.stdout == f"⌕ Storms  (kept here)\n    a search: {STORMS}\n"
    feeds = run_reader(synced_dir, "feeds").stdout.splitlines()
    assert feeds[-2:] == [
        f"⌕ Storms  ({len(hits)} unread of {len(hits)})",
        f"    a search: {STORMS}",
    ]
    # `reader list --feed` takes it by its name, as a search of its words.
    named = run_reader(synced_dir, "list", "--feed", "storms")
    assert named.returncode == 0, named.stderr
    assert named.stdout == run_reader(synced_dir, "list", "--search", STORMS).stdout
    # Added again by its name: its words changed, not a second one.
    again = run_reader(synced_dir, "search-feed", "add", "STORMS", "gales")
    assert again.stdout == f"search feed STORMS: now for gales (was {STORMS})\n"
    assert run_reader(synced_dir, "search-feed", "list").stdout.count("⌕") == 1
    removed = run_reader(synced_dir, "search-feed", "remove", " storms ")
    assert (removed.returncode, removed.stdout) == (
        0,
        "search feed removed: STORMS (it searched gales)\n",
    )
    assert "⌕" not in run_reader(synced_dir, "feeds").stdout
    gone = run_reader(synced_dir, "search-feed", "remove", "storms")
    assert gone.returncode == 1
    assert (
        gone.stderr
        == "reader: no search feed is named 'storms': `reader search-feed list` lists them\n"
    )
    none = run_reader(synced_dir, "search-feed", "list")
    assert none.stdout.startswith("no search feeds yet")


def test_the_configs_search_wins_a_clash_and_is_not_removed_here(synced_dir: Path) -> None:
    kept = run_reader(synced_dir, "search-feed", "add", NAME, "gales")
    assert kept.returncode == 0, kept.stderr
    (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
    listed = run_reader(synced_dir, "search-feed", "list")
    assert listed.stdout.splitlines()[:2] == [
        f"⌕ {NAME}  (the config's)",
        f"    a search: {STORMS}",
    ]
    assert listed.stdout.count("⌕") == 2  # the config's two, not the one it hides
    assert f"{NAME}, kept here for gales, is hidden by the config's search" in listed.stderr
    # `list --feed` searches the config's words.
    named = run_reader(synced_dir, "list", "--feed", NAME, "--ids")
    assert named.stdout == run_reader(synced_dir, "list", "--search", STORMS, "--ids").stdout
    # One the config has can't be added; removing takes the hidden one, then refuses.
    refused = run_reader(synced_dir, "search-feed", "add", NAME.upper(), "storm")
    assert refused.returncode == 1
    assert f"the config has a search named '{NAME.upper()}'" in refused.stderr
    assert run_reader(synced_dir, "search-feed", "remove", NAME).returncode == 0
    assert run_reader(synced_dir, "search-feed", "list").stderr == ""
    configs = run_reader(synced_dir, "search-feed", "remove", NAME)
    assert configs.returncode == 1
    assert "is the config's: its [[search]] table there takes it away" in configs.stderr


def test_words_or_a_name_it_cant_take_are_one_line_and_exit_2(tmp_path: Path) -> None:
    # `-word` is a word to leave out, as `reader list --search` takes it, not an option.
    assert (
        run_reader(tmp_path, "search-feed", "add", "Strike", "strike", "-football").returncode == 0
    )
    for args, said in [
        (("Only out", "-football"), "a search feed's words are what to look for"),
        (("   ", "strike"), "a search feed's name is what the feed list calls it"),
        (("x" * 101, "strike"), "a search feed's name is what the feed list calls it"),
    ]:
        refused = run_reader(tmp_path, "search-feed", "add", *args)
        assert refused.returncode == 2
        (line,) = refused.stderr.splitlines()
        assert said in line
    assert run_reader(tmp_path, "search-feed", "list").stdout.count("⌕") == 1


def _kept(directory: Path) -> list[tuple[str, str]]:
    lib = Library(directory, workers="thread")
    try:
        return [(feed.name, feed.words) for feed in lib.search_feeds()]
    finally:
        lib.close()


def test_plus_keeps_Fs_search_as_a_row_and_D_takes_it_away(synced_dir: Path) -> None:
    hits = found(synced_dir, "storm")
    assert hits, "the demo holds stories of the storm"
    unread = sum(not h.headline.read for h in hits)

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            feeds = screen.query_one(FeedList)
            await pilot.press("plus")  # no search's hits: nothing to keep, said
            await until(pilot, lambda: "No search to keep: F finds" in _notes(app), "said")
            assert not isinstance(app.screen, FeedInputScreen)
            await pilot.press("F", *"storm", "enter")
            await until(pilot, lambda: len(table(app).rows) == len(hits), "the hits")
            await pilot.press("plus")
            asked = await on_top(pilot, FeedInputScreen, "its name asked")
            line = asked.query_one(Input)
            assert line.value == "storm"  # the words offered as its name
            await pilot.press("ctrl+u", *"Storms", "enter")
            await until(pilot, lambda: "⌕ Storms" in feeds.names, "its row")
            await until(pilot, lambda: _row_count(app, "Storms") == str(unread), "its count")
            assert "Kept as ⌕ Storms in the feed list" in status(app)
            # Chosen, it lists what its words find; D asks, y takes it away: All feeds again.
            await pilot.press("escape", "tab")
            await until(pilot, lambda: screen.focused is feeds, "the feed list")
            await pilot.press(*"j" * feeds.names.index("⌕ Storms"))
            await until(pilot, lambda: screen.feed_url == search_feed_view("Storms"), "chosen")
            await until(pilot, lambda: len(table(app).rows) == len(hits), "its hits")
            await pilot.press("D")
            await on_top(pilot, ConfirmScreen, "asked")
            await pilot.press("y")
            await until(pilot, lambda: "⌕ Storms" not in feeds.names, "its row gone")
            assert screen.feed_url is None
            assert "Removed: ⌕ Storms" in status(app)

    _kept(synced_dir)  # the data directory's config made, as the reader's start makes it
    assert _kept(synced_dir) == []
    asyncio.run(run())
    assert _kept(synced_dir) == []


def test_a_search_feed_kept_in_the_reader_stays_for_its_next_start(synced_dir: Path) -> None:
    hits = found(synced_dir, "storm")

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            await pilot.press("F", *"storm", "enter")
            await until(pilot, lambda: len(table(app).rows) == len(hits), "the hits")
            await pilot.press("plus")
            await on_top(pilot, FeedInputScreen, "its name asked")
            await pilot.press("enter")  # the words as its name
            feeds = app.screen.query_one(FeedList)
            await until(pilot, lambda: "⌕ storm" in feeds.names, "its row")
        # The config's search (another name) shows above it; D on the config's one says how.
        (synced_dir / "config.toml").write_text(CONFIG, encoding="utf-8")
        config = load_config(synced_dir / "config.toml")
        async with running(synced_dir, (120, 30), prefetch=False, config=config) as (app, pilot):
            feeds = app.screen.query_one(FeedList)
            await until(pilot, lambda: "⌕ storm" in feeds.names, "kept")
            assert feeds.names.index(f"⌕ {NAME}") < feeds.names.index("⌕ storm")
            await pilot.press("tab", *"j" * feeds.names.index(f"⌕ {NAME}"))
            await until(pilot, lambda: app.screen.feed_url == search_feed_view(NAME), "chosen")
            await pilot.press("D")
            await until(pilot, lambda: "config.toml takes it away" in _notes(app), "said")
            assert not isinstance(app.screen, ConfirmScreen)

    asyncio.run(run())
    assert _kept(synced_dir) == [("storm", "storm")]


def _notes(app: ReaderApp) -> str:
    return " ".join(n.message for n in app._notifications)
