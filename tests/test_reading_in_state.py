"""Reading writes only the user's state: when an article was last read (the size limit's order),
when last opened (a change a sync found in it is news until then) and where the reader left it
are kept in `state/`, which every read mark changes anyway. The article cache (10 MB and more)
is written only by what caches: on a library kept in a file-sync tool, reading offline on the
laptop while the desktop synced made the tool leave a conflict copy of it each round (acc42b
B13). A library of an earlier version, its times and places in the article cache, reads as it
did."""

from __future__ import annotations

import asyncio
import hashlib
import time
from contextlib import closing
from pathlib import Path

from test_cli import reader
from test_travel import listed
from test_versions import Site, correct, page, site, sync  # noqa: F401  (`site` is a fixture)

from reader.keys import article_key
from reader.library import Library
from reader.store import Store
from reader.store.reading_times import PLACE, READ_AT
from tests.tui_pilot import reading, running, screen_text, until

TITLE = "Silt Ledger"


def article_cache(directory: Path) -> dict[str, str]:
    """The article cache's files as a file-sync tool compares them (SQLite's shared-memory
    index aside: rewritten by every program that opens the file, and no part of it)."""
    folder = directory / "articles"
    return {
        p.name: hashlib.md5(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.name.endswith("-shm")
    }


def read_and_left(directory: Path, words: str) -> None:
    """`words`' article opened in the reader, read a few lines down, left with Esc, the
    reader quit."""

    async def run() -> None:
        async with reading(directory, words) as (app, pilot, body):
            await until(pilot, lambda: body.article is not None, "the article")
            await pilot.press(*["right_square_bracket"] * 3, "j", "j")
            await until(pilot, lambda: body.top_line > 0, "the text scrolled")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is app.screen_stack[0], "the list again")

    asyncio.run(run())


def test_reading_offline_leaves_the_article_cache_as_it_was(synced_dir: Path) -> None:
    # The copy's -wal (the fixture's library copied open, as a full run has it) emptied into
    # its file first, as the reader's first close does: that is no write of reading's.
    assert reader(synced_dir, "list").returncode == 0
    before = article_cache(synced_dir)
    shown = listed(synced_dir)[-1]
    assert reader(synced_dir, "show", shown["id"], "--offline").returncode == 0
    assert article_cache(synced_dir) == before
    read_and_left(synced_dir, TITLE)
    assert article_cache(synced_dir) == before

    # What the reads did is kept all the same: in the user's state.
    with closing(Library(synced_dir)) as lib:
        key = article_key(shown["link"])
        times = {a.key: (a.cached_at, a.last_used) for a in lib.store.cached_articles()}
        assert times[key][1] > times[key][0]  # used since it was cached
        entry = next(h.entry for h in lib.headlines() if TITLE in h.entry.title)
        article = lib.cached_article(entry)
        assert article is not None and lib.reading_place(entry, article) is not None
        state = lib.store._state
        assert (
            READ_AT + article_key(entry.link) in state and PLACE + article_key(entry.link) in state
        )


def test_a_change_read_in_the_reader_is_no_longer_news_and_the_next_one_is(
    site: Site,  # noqa: F811
    data_dir: Path,
) -> None:
    sync(data_dir, site)
    correct(site)
    sync(data_dir, site)
    before = article_cache(data_dir)

    def marked() -> bool:
        async def run() -> bool:
            async with running(data_dir, (120, 30)) as (app, _pilot):
                return "Δ" in screen_text(app)

        return asyncio.run(run())

    assert marked()
    read_and_left(data_dir, "bridge repairs")
    assert not marked()
    assert article_cache(data_dir) == before
    # Printed by a command, it is still news to the reader.
    time.sleep(0.01)
    site.title = "Council to spend 3m on bridge repairs"
    site.body = page(site.title, "3 million pounds", "Ruth Ellis")
    sync(data_dir, site)
    assert marked()
    with closing(Library(data_dir)) as lib:
        entry = lib.headlines()[0].entry
    assert reader(data_dir, "show", entry.id, "--offline").returncode == 0
    assert marked()


def test_an_earlier_version_s_times_and_places_in_the_article_cache_still_count(
    synced_dir: Path,
) -> None:
    """As an earlier version kept them: the records moved into the article cache."""
    items = [i for i in listed(synced_dir) if i["cached"]]
    with closing(Library(synced_dir)) as lib:
        for headline in lib.headlines():
            lib.mark_read(headline.entry)  # read all: the least recently read go first
    read = next(i for i in items[::-1] if TITLE not in i["title"])
    read_and_left(synced_dir, TITLE)
    assert reader(synced_dir, "show", read["id"], "--offline").returncode == 0  # the last read
    store = Store(synced_dir)
    try:
        moved = [k for k in store._state.iterkeys() if str(k).startswith((READ_AT, PLACE))]
        for key in moved:
            store._articles.set(key, store._state.get(key))
            store._state.delete(key)
        assert len(moved) == 3  # two read, one left at a place
    finally:
        store.close()

    with closing(Library(synced_dir)) as lib:
        entry = next(h.entry for h in lib.headlines() if TITLE in h.entry.title)
        article = lib.cached_article(entry)
        assert article is not None and lib.reading_place(entry, article) is not None
        lib.remember_place(entry, article, None)  # left at its top: the old place no more
        assert lib.reading_place(entry, article) is None
        size = next(
            a.size for a in lib.store.cached_articles() if a.key == article_key(read["link"])
        )
    assert reader(synced_dir, "cache", "prune", "--max-size", f"{size}B").returncode == 0
    assert [i["id"] for i in listed(synced_dir) if i["cached"]] == [read["id"]]
    # Evicted, an article's reading goes with it, wherever it was kept.
    with closing(Library(synced_dir)) as lib:
        for cache in (lib.store._state, lib.store._articles):
            kept = {str(k) for k in cache.iterkeys() if str(k).startswith((READ_AT, PLACE))}
            assert kept <= {READ_AT + article_key(read["link"])}
