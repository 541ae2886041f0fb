"""`*` on `F`'s hits files every hit under the tags asked (acc45 C16): each saved and tagged
as `#` tags one; from `CONFIRM_FROM` hits a yes is asked first, `n` tagging none. The demo's
synced cache, the reader driven by Pilot, the real store read back by a `Library`."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.library import Library
from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.dialogs.feed_input import FeedInputScreen
from reader.ui.screens import main_hit_tags
from reader.ui.screens.main_full_text import SEARCH_VIEW
from tests.tui_pilot import notices_raised, on_top, running, screen_text, table, until


def _tagged(data: Path, tag: str) -> set[str]:
    """The ids of the headlines whose article is filed under `tag`."""
    lib = Library(data)
    try:
        return {h.entry.id for h in lib.headlines() if tag in h.tags}
    finally:
        lib.close()


def test_star_files_every_hit_under_a_tag_asking_first_for_many(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(main_hit_tags, "CONFIRM_FROM", 3)

    async def run() -> tuple[set[str], str]:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            # Before any search: said what it is for, nothing asked.
            raised = notices_raised(app)
            await pilot.press("asterisk")
            await until(pilot, lambda: any("No hits to tag" in n for n in raised), "the note")
            await pilot.press("F", *"council", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await until(pilot, lambda: bool(table(app).rows), "the hits")
            hits = {h.entry.id for h in table(app).rows if h.entry.link}
            assert len(hits) >= 3
            # Many: asked first; n tags none.
            await pilot.press("asterisk")
            await on_top(pilot, FeedInputScreen, "the tags asked")
            await pilot.press(*"dossier", "enter")
            confirm = await on_top(pilot, ConfirmScreen, "the question")
            assert f"File all {len(hits)} hits of “council” under #dossier" in confirm.question
            await pilot.press("n")
            await until(pilot, lambda: app.screen is screen, "back to the hits")
            await pilot.pause()
            assert not any("dossier" in h.tags for h in table(app).rows)
            # y: every hit tagged, shown in the rows at once.
            await pilot.press("asterisk")
            await on_top(pilot, FeedInputScreen, "the tags asked")
            await pilot.press(*"dossier", "enter")
            await on_top(pilot, ConfirmScreen, "the question")
            await pilot.press("y")
            await until(
                pilot,
                lambda: all("dossier" in h.tags for h in table(app).rows if h.entry.link),
                "the rows tagged",
            )
            await until(pilot, lambda: "Filed " in screen_text(app), "the note")
            return hits, screen_text(app)

    hits, shown = asyncio.run(run())
    assert f"Filed {len(hits)} hits under #dossier" in shown
    # Kept in the store: every hit filed under it (and saved), nothing else.
    assert _tagged(synced_dir, "dossier") >= hits
