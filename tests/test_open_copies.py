"""The copies of an article open in the reader follow those kept while it is open (acc47b
F4): an edit undone elsewhere (the newest copy saying what the one shown says) and a story
moved to a new address (the same guid, a new slug) renumber the copy shown, the status line
says a newer copy came, `y` cites it as the earlier copy it is, and `V` goes round the copies
as they are now.

The sites of `test_versions` and `test_moved_story` on 127.0.0.1, changed between fetches, the
real store in tmp_path, the reader driven with Pilot."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.pilot import Pilot

from reader.library import Library
from reader.ui.app import ReaderApp
from reader.ui.widgets.article.article_body import ArticleBody
from tests import test_moved_story as moved
from tests.story_site import serving
from tests.test_quoted_markdown import copied_by, copies
from tests.test_versions import (
    FIRST,
    Site,
    page,
    sync,
    sync_corrected,
)
from tests.tui_pilot import notices_raised, open_titled, screen_text, started, status, until


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


@pytest.fixture
def moved_site() -> Iterator[moved.Site]:
    with serving(moved.Site) as server:
        yield server


def header(app: ReaderApp) -> str:
    return " ".join(screen_text(app).split())


@asynccontextmanager
async def opened(
    data_dir: Path, title: str, words: str, outside_every: float = 0.2
) -> AsyncIterator[tuple[ReaderApp, Pilot[object], ArticleBody]]:
    """The reader on `data_dir`, looking for another window's changes every `outside_every`
    seconds, the article titled `title` open and its `words` on screen."""
    app = ReaderApp(data_dir, refresh_on_start=False)
    app.prefetch_limit = 0
    app.outside_every = outside_every
    async with app.run_test(size=(120, 40)) as pilot:
        await started(pilot)
        body = await open_titled(pilot, title)
        await until(pilot, lambda: words in screen_text(app), "the article")
        yield app, pilot, body


def refresh_elsewhere(directory: Path) -> str:
    """`reader show ID --refresh` in another terminal: the article's page fetched again now,
    as its feed's headline's (the dates its feed gave kept with it)."""

    async def run() -> str:
        async with Library(directory) as lib:
            return (await lib.refresh_article(lib.headlines()[0].entry)).outcome

    return asyncio.run(run())


def undo_the_edit(site: Site) -> None:
    """The page back to the words of its first copy, a second after the last fetch."""
    time.sleep(1.1)  # a retrieval time of its own, to the second
    site.title = FIRST[0]
    site.body = page(*FIRST)


def test_an_edit_undone_elsewhere_renumbers_the_earlier_copy_open(
    site: Site, data_dir: Path
) -> None:
    """Copy 1 of 2 open (`V`), another window's refresh finds the page back to copy 1's words:
    the header kept "Copy 1 of 2", no word in the status line, and `y` cited "the latest …
    differs", where `reader show --version 1` says "says the same"."""
    sync(data_dir, site)
    sync_corrected(data_dir, site)

    async def run() -> None:
        async with opened(data_dir, "bridge repairs", "2 million pounds") as (app, pilot, body):
            await pilot.press("V")
            await until(pilot, lambda: "4 million pounds" in screen_text(app), "copy 1")
            copied = copies(app)
            undo_the_edit(site)
            assert await asyncio.to_thread(refresh_elsewhere, data_dir) == "changed"
            await until(
                pilot,
                lambda: "A newer copy was just fetched: this is copy 1 of 3" in status(app),
                "the word of the copy kept by the refresh elsewhere",
            )
            await until(pilot, lambda: "Copy 1 of 3, kept" in header(app), "the header redrawn")
            await copied_by(pilot, copied, "y")
            assert "copy 1 of 3, retrieved " in copied[-1] and "says the same" in copied[-1]
            assert "differs" not in copied[-1]
            await pilot.press("V")  # from the oldest, round to the latest
            await until(
                pilot,
                lambda: body.article is not None and body.article.version == 3,
                "the latest copy",
            )

    asyncio.run(run())


def test_v_goes_round_the_copies_kept_now_before_the_word_of_them_came(
    site: Site, data_dir: Path
) -> None:
    """`V` pressed on copy 1 of 2 after a third copy was kept elsewhere, before the reader
    looked (its look at the store is every few seconds): it went to "Copy 2 of 3", not round to
    the latest, as the copies were numbered when copy 1 was shown."""
    sync(data_dir, site)
    sync_corrected(data_dir, site)

    async def run() -> None:
        # No look at the store meanwhile.
        async with opened(data_dir, "bridge repairs", "2 million pounds", 3600) as (
            app,
            pilot,
            body,
        ):
            await pilot.press("V")
            await until(pilot, lambda: "4 million pounds" in screen_text(app), "copy 1")
            undo_the_edit(site)
            assert await asyncio.to_thread(refresh_elsewhere, data_dir) == "changed"
            assert body.article is not None and len(body.article.versions) == 2
            await pilot.press("V")
            await until(
                pilot,
                lambda: body.article is not None and len(body.article.versions) == 3,
                "a copy of the copies kept now",
            )
            assert body.article is not None and body.article.version == 3
            assert "Copy 2 of 3" not in header(app)

    asyncio.run(run())


def test_a_story_moved_to_a_new_slug_while_open_is_followed_there(
    moved_site: moved.Site, data_dir: Path
) -> None:
    """The latest copy open while a sync elsewhere reads the story at its new address (the
    same guid): the header still called it the latest, and `y` cited the old address's copy
    as current, though it was now copy 1 of 2."""
    site = moved_site

    def synced() -> None:
        async def run() -> None:
            async with Library(data_dir) as lib:
                lib.add_feed(site.url("/feed.xml"))
                await lib.sync()

        asyncio.run(run())

    synced()

    async def run() -> None:
        async with opened(data_dir, "O'Brien paid", "Zelbet-Port while") as (app, pilot, body):
            copied = copies(app)
            time.sleep(1.1)  # a retrieval time of its own, to the second
            site.title, site.path = moved.NEW_TITLE, moved.NEW
            site.body = moved.page(moved.NEW_TITLE, moved.CORRECTION)
            site.moved[moved.OLD] = moved.NEW
            await asyncio.to_thread(synced)  # `reader sync` in another window
            await until(
                pilot,
                lambda: "A newer copy was just fetched: this is copy 1 of 2" in status(app),
                "the word of the copy at the new address",
            )
            assert "Zelbet-Port while" in screen_text(app)  # nothing redrawn under the eyes
            await copied_by(pilot, copied, "y")
            assert "copy 1 of 2, retrieved " in copied[-1] and "differs" in copied[-1]
            await pilot.press("V")  # on to the latest, at the new address
            await until(
                pilot, lambda: "Bank records show" in screen_text(app), "the copy at the new slug"
            )
            assert body.article is not None and body.article.version == 2
            assert body.article.url == site.url(moved.NEW)

    asyncio.run(run())


def test_r_says_the_copy_it_dropped(site: Site, data_dir: Path) -> None:
    """`R` past the cap on copies kept: the sync and `reader show --refresh` say "copy
    dropped: …", `R` said only "kept as copy 3"."""
    sync(data_dir, site)

    async def run() -> None:
        async with opened(data_dir, "bridge repairs", "4 million pounds") as (app, pilot, _body):
            raised = notices_raised(app)
            said = []
            for n in (5, 6, 7, 8):
                time.sleep(1.1)  # a retrieval time of its own, to the second
                site.body = page(FIRST[0], f"{n} million pounds", "Owen Price")
                raised.clear()
                await pilot.press("R")
                await until(pilot, lambda: any("changed since" in x for x in raised), "R's word")
                said += [x for x in raised if "changed since" in x]
            assert len(said) == 4 and not [x for x in said[:3] if "copy dropped" in x]
            assert "; copy dropped: copy 2 of 5, retrieved " in said[3]

    asyncio.run(run())
