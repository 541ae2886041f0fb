"""A link saved with `reader save URL` in a shell beside the open reader shows in its Saved within
seconds, as a sync elsewhere does (the save tells the store's `changed_at`, which the reader
watches), and one let go with `reader unsave` leaves it (acc31c W15: neither showed until a
restart, not even after `r`). A real page on 127.0.0.1, real stores in two event loops, the
reader driven by Pilot."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.ui.headlines import SAVED_VIEW
from tests.test_saved_links import STORY
from tests.tui_pilot import started, until


def _elsewhere(data: Path, url: str, save: bool) -> None:
    """`reader save URL` (or `unsave`) in another process: a Library of its own on the directory."""

    async def run() -> None:
        async with Library(data, workers="thread") as lib:
            if save:
                await lib.save(url)
            else:
                assert lib.unsave(url)

    asyncio.run(run())


def test_a_link_saved_in_a_shell_shows_in_the_open_readers_saved(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    from reader.ui.app import ReaderApp

    httpserver.expect_request("/storm.html").respond_with_data(STORY, content_type="text/html")
    link = httpserver.url_for("/storm.html")
    data = tmp_path / "home"
    first = httpserver.url_for("/first.html")
    httpserver.expect_request("/first.html").respond_with_data(
        STORY.replace("Harbour storm", "Quay storm"), content_type="text/html"
    )
    _elsewhere(data, first, save=True)

    def saved() -> list[str]:
        return [h.entry.link for h in app.index.view(SAVED_VIEW)]

    app = ReaderApp(data, refresh_on_start=False)
    app.prefetch_limit = 0
    app.outside_every = 0.2

    async def left_open() -> None:
        async with app.run_test(size=(120, 20)) as pilot:
            await started(pilot)
            assert saved() == [first]
            await asyncio.to_thread(_elsewhere, data, link, True)
            await until(pilot, lambda: link in saved(), "the link saved elsewhere")
            await asyncio.to_thread(_elsewhere, data, first, False)
            await until(pilot, lambda: saved() == [link], "the link let go elsewhere")

    asyncio.run(left_open())
