"""`n` held down in an article (acc34a C6): each `n` of a burst waited for the article before
it to be read from the cache, laid out, drawn and collected, ~0.6 s an article at load (20 `n`:
12 s; newsboat 0.12 s). A key that shows another article of the list acts as it comes, while
the one before is still on its way: that one is dropped, never drawn nor marked read."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

import reader.ui.app as app_module
from reader.ui.screens.article import ArticleScreen
from tests.tui_pilot import burst, open_row, running, until


def test_a_burst_of_n_goes_on_without_waiting_for_the_articles_it_passes(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Keys held for the articles before them would otherwise go on after 2 s anyway: never
    # here, so that only keys that need not wait reach the last article while reading is held.
    monkeypatch.setattr(app_module, "_HELD_AT_MOST", 10_000.0)

    async def run() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            screen = await open_row(pilot, 0)
            await until(pilot, lambda: screen._drawn, "the first article drawn")
            assert isinstance(screen, ArticleScreen) and len(screen.headlines) > 5
            lib = app.lib
            read = lib.article
            gate = asyncio.Event()
            asked: list[str] = []

            async def held(entry: Any, *args: Any, **kwargs: Any) -> Any:
                asked.append(entry.id)
                await gate.wait()  # every article read from the cache held till the burst is in
                return await read(entry, *args, **kwargs)

            lib.article = held  # type: ignore[method-assign]
            passed = [h.entry.id for h in screen.headlines[1:4]]
            last = screen.headlines[4].entry.id
            index = app.index
            assert not any(index.get(i).read for i in [*passed, last])  # type: ignore[union-attr]
            burst(app, "nnnn")
            await until(pilot, lambda: screen.position == 4, "the fourth n's article")
            # Its text is asked for by a worker once the view has moved to it: not at once.
            await until(pilot, lambda: bool(asked) and asked[-1] == last, "the last one asked")
            gate.set()
            await until(pilot, lambda: screen._drawn, "the last article drawn")
            await pilot.pause()
            assert screen.headline.entry.id == last
            assert index.get(last).read  # type: ignore[union-attr]
            assert not any(index.get(i).read for i in passed)  # type: ignore[union-attr]

    asyncio.run(run())
