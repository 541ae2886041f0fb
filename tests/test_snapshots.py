"""Pictures of the screens a user sees, compared with the SVGs in `tests/__snapshots__/`.

The app runs on a copy of the synced demo data without refreshing, so nothing depends on the
network or the clock (the demo's dates are fixed, TZ is UTC). No picture shows an article's
URL, which carries the demo server's random port.
Update after an intended change: `uv run pytest tests/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from reader.store import Store
from reader.ui.app import ReaderApp

SIZE = (120, 40)


async def headlines_shown(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await app.ready.wait()
    await pilot.pause()


def test_main_screen(snap_compare: Any, synced_dir: Path) -> None:
    app = ReaderApp(synced_dir, refresh_on_start=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=headlines_shown)


def at_fixed_sync_time(directory: Path) -> Path:
    """Date the feeds' last sync to a fixed moment: the panel under the headlines shows it."""
    store = Store(directory)
    try:
        for feed in store.feeds():
            store.put_feed(replace(feed, last_success=datetime(2026, 11, 24, 18, 5, tzinfo=UTC)))
    finally:
        store.close()
    return directory


def test_one_feed_with_a_headline_read(snap_compare: Any, synced_dir: Path) -> None:
    """The Russian feed selected (Cyrillic titles), its second headline marked read."""
    app = ReaderApp(at_fixed_sync_time(synced_dir), refresh_on_start=False)
    keys = ["tab", "j", "j", "j", "j", "tab", "j", "m"]  # past "Saved" to the fourth feed
    assert snap_compare(app, press=keys, terminal_size=SIZE, run_before=headlines_shown)


def test_a_feed_with_articles_not_offline(snap_compare: Any, synced_dir: Path) -> None:
    """Two articles of the second feed no longer cached (as if a refresh had brought them):
    its row in the feed list marked, the other feeds' not, its headlines without ↓."""
    store = Store(synced_dir)
    try:
        second = store.feed_urls()[1]
        for entry in store.entries(second)[:2]:
            store.forget_article(entry.link)
    finally:
        store.close()
    app = ReaderApp(synced_dir, refresh_on_start=False)
    assert snap_compare(app, terminal_size=SIZE, run_before=headlines_shown)


def test_feeds_in_folders(snap_compare: Any, synced_dir: Path) -> None:
    """The feeds filed in folders as an OPML import files them (the first in News › Local, the
    second in News and in Tech, the third in none), the folder Tech folded (`z`) and the
    cursor on News: its feeds' headlines together."""
    store = Store(synced_dir)
    try:
        first, second = store.feed_urls()[:2]
        paths = {first: (("News", "Local"),), second: (("News",), ("Tech",))}
        wanted = [(url, "", "", tuple(n for p in ps for n in p), ps) for url, ps in paths.items()]
        store.add_feeds(wanted)
    finally:
        store.close()
    app = ReaderApp(at_fixed_sync_time(synced_dir), refresh_on_start=False)
    keys = ["tab", "j", "j", "j", "j", "j", "j", "z", "k", "k", "k", "k"]
    assert snap_compare(app, press=keys, terminal_size=SIZE, run_before=headlines_shown)


def test_help_screen(snap_compare: Any, synced_dir: Path) -> None:
    app = ReaderApp(synced_dir, refresh_on_start=False)
    assert snap_compare(
        app, press=["question_mark"], terminal_size=SIZE, run_before=headlines_shown
    )


def test_a_count_typed_at_80_columns(snap_compare: Any, synced_dir: Path) -> None:
    """`3j`, then `12` typed: the cursor three rows down, the count at the status line's end."""
    app = ReaderApp(synced_dir, refresh_on_start=False)
    keys = ["3", "j", "1", "2"]
    assert snap_compare(app, press=keys, terminal_size=(80, 24), run_before=headlines_shown)


def test_unread_only_at_80_columns(snap_compare: Any, synced_dir: Path) -> None:
    """Two headlines read, then `L`: "All feeds" unread only, the feed named in 10 cells; the
    one read after it (`m`) stays, marked read."""
    app = ReaderApp(synced_dir, refresh_on_start=False)
    keys = ["m", "j", "m", "j", "L", "m"]
    assert snap_compare(app, press=keys, terminal_size=(80, 24), run_before=headlines_shown)


def test_changes_between_two_copies(snap_compare: Any, tmp_path: Path) -> None:
    """`d`'s view of a correction: the copies' times, the headline changed, a figure changed
    in one paragraph, a sentence in another, a paragraph added; the copies' times fixed."""
    from reader.copy_changes import changes_between
    from reader.models import Article, Block, BlockKind, Inline
    from reader.ui.dialogs.changes import ChangesScreen, ChangesText

    retrieved = (
        datetime(2026, 12, 4, 21, 34, 21, tzinfo=UTC),
        datetime(2026, 12, 5, 8, 2, tzinfo=UTC),
    )

    def copy(version: int, title: str, *paragraphs: str) -> Article:
        blocks = tuple(Block(BlockKind.PARAGRAPH, (Inline(p),)) for p in paragraphs)
        return Article(
            url="https://example.org/harbour",
            title=title,
            blocks=blocks,
            fetched_at=retrieved[version - 1],
            versions=retrieved,
            version=version,
        )

    rest = "Dredging of the inner harbour began in March and went on through the summer."
    old = copy(
        1,
        "Port paid dredger £3m",
        "The port authority paid the dredging firm £3m last spring, the accounts show.",
        rest,
        "The harbour master said the channel would be clear by Easter.",
    )
    new = copy(
        2,
        "Port paid dredger £4m",
        "The port authority paid the dredging firm £4m last spring, the accounts show.",
        rest,
        "The harbour master declined to say when the channel would be clear.",
        "This article was amended on 5 December.",
    )

    async def changes_shown(pilot: Pilot[Any]) -> None:
        await headlines_shown(pilot)
        await pilot.app.push_screen(ChangesScreen(changes_between(old, new)))
        while not pilot.app.screen.query_one(ChangesText).shown:  # set out in a thread
            await pilot.pause(0.05)

    # No feeds behind: nothing of the demo's (its port) shows through.
    app = ReaderApp(tmp_path / "empty", refresh_on_start=False)
    assert snap_compare(app, terminal_size=(100, 30), run_before=changes_shown)
