"""`c` in the reading view copies the article's address, the key newsraft (and many readers)
copy a link with; it said "c: no such key here" (acc35a E8). With a link selected (Tab), the
link's, as the link list's `c` copies the link it shows. Pilot on the synced demo data."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.ui.widgets.article.article_body import ArticleBody
from reader.url_display import shown_url
from tests.test_article_links import BUDGET, copies
from tests.tui_pilot import open_titled, running, until


def test_c_copies_the_article_address_or_the_selected_link(synced_dir: Path) -> None:
    async def run() -> None:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            await open_titled(pilot, BUDGET)
            body = app.screen.query_one(ArticleBody)
            assert body.article is not None
            copied = copies(app)
            await pilot.press("c")
            await until(pilot, lambda: bool(copied), "the copy")
            assert copied == [shown_url(body.article.url)]
            await pilot.press("tab")
            await pilot.pause()
            link = body.link_address
            assert link and link != body.article.url
            await pilot.press("c")
            await until(pilot, lambda: len(copied) == 2, "the second copy")
            assert copied[-1] == shown_url(link)

    asyncio.run(run())
