"""A note (`a`) or tags (`#`) asked for on a store that keeps nothing (a full disk found so at
the start): refused at once, with no question, the note typed next ran as keys ("pack the
charger": `p` went to another article, `c` copied its address, Enter opened one; acc49a A10).
Now the question opens all the same, says under its line that nothing is kept, and Enter
refuses it, the line kept to copy. The real store on a small real disk (a tmpfs), filled."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from test_travel import fill, tiny_disk  # noqa: F401  (a fixture)
from textual.widgets import Input, Static

from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.screens.article import ArticleScreen
from tests.tui_pilot import running, table, until

REFUSED = "the disk is full, so nothing new can be kept"


@pytest.fixture
def full_home(tiny_disk: Path, synced_master: Path) -> Path:  # noqa: F811
    """A synced library on a disk filled before the reader opens it."""
    shutil.copytree(synced_master, tiny_disk / "home")
    fill(tiny_disk)
    return tiny_disk / "home"


def test_a_note_typed_on_a_full_disk_stays_in_its_line(full_home: Path) -> None:
    home = full_home

    async def run() -> None:
        async with running(home, (120, 30), prefetch=False) as (app, pilot):
            main = app.screen
            # Tags on the list: typed into the question, refused at Enter, the list unmoved.
            cursor = table(app).cursor
            await pilot.press("number_sign")
            await until(pilot, lambda: isinstance(app.screen, FeedInputScreen), "the tags' line")
            await pilot.press(*"trip", "enter")
            dialog = app.screen
            assert isinstance(dialog, FeedInputScreen)
            assert dialog.query_one(Input).value == "trip"
            said = str(dialog.query_one("#feed-input-refusal", Static).render())
            assert said == f"No tags: {REFUSED}: what is typed stays here to copy"
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is main, "the list again")
            assert table(app).cursor == cursor
            # A note in an article: every key of it in the line, none run as a command.
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the article")
            article = app.screen
            assert isinstance(article, ArticleScreen)
            reading = article.headline.entry.id
            await pilot.press("a")
            await until(pilot, lambda: isinstance(app.screen, FeedInputScreen), "the note's line")
            hint = str(app.screen.query_one("#feed-input-hint", Static).render())
            assert hint == f"No note: {REFUSED} · Esc closes this"
            await pilot.press(*"pack the charger", "enter")
            dialog = app.screen
            assert isinstance(dialog, FeedInputScreen)
            assert dialog.query_one(Input).value == "pack the charger"
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is article, "the article again")
            assert article.headline.entry.id == reading  # no `p` ran: the same article
            assert not any("copied" in n.message for n in app._notifications)
            # A feed's new name (`R`), likewise.
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is main, "the list again")
            app.main_screen.show_feed(app.index.feeds[0].url)
            await pilot.pause()
            await pilot.press("R")
            await until(pilot, lambda: isinstance(app.screen, FeedInputScreen), "the name's line")
            await pilot.press("ctrl+u", *"Harbour", "enter")
            said = str(app.screen.query_one("#feed-input-refusal", Static).render())
            assert said == f"No rename: {REFUSED}: what is typed stays here to copy"

    asyncio.run(run())
