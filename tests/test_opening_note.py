"""What the reading view says while an article is on its way: "Opening…" for one read from the
cache (a year's 5 MB article took seconds, and "Fetching article…" sent its reader looking for a
network it never used, acc30b P1), "Fetching article…" for one asked of its site."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.store import Store
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article.article_body import ArticleBody
from tests.tui_pilot import running, table, until


def test_a_cached_article_is_opened_and_an_uncached_one_fetched(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    notices: list[str] = []
    shown = ArticleBody.show_notice

    def noted(body: ArticleBody, entry: object, message: str, *args: object, **kw: object) -> None:
        notices.append(message)
        shown(body, entry, message, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(ArticleBody, "show_notice", noted)

    async def open_row(row: int) -> list[str]:
        async with running(synced_dir, (100, 30), prefetch=False) as (app, pilot):
            notices.clear()
            table(app).cursor = row
            await pilot.press("enter")
            await until(
                pilot,
                lambda: isinstance(app.screen, ArticleScreen) and app.screen.loaded,
                "the article",
            )
            return list(notices)

    async def run() -> None:
        assert await open_row(0) == ["Opening…"]
        # The first headline's article evicted: asked of the demo site again.
        async with running(synced_dir, (100, 30), prefetch=False) as (app, _):
            key = table(app).rows[0].key
        store = Store(synced_dir)
        try:
            store.delete_article(key)
        finally:
            store.close()
        assert await open_row(0) == ["Fetching article…"]

    asyncio.run(run())
