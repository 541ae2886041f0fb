"""A refresh's status line, as a phone over ssh pays for it: each step of its progress repaints
that line, not the whole screen (one `r` bringing nothing wrote 80-135 KB at 80x24, a full
repaint of ~13 KB for each step, acc40c R2); and on a narrow line the count of feeds that
failed comes before what is cut (acc40c R4)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from textual._compositor import Compositor
from textual.geometry import Region

from reader.library import Library
from tests.test_library import ARTICLE, feed_xml
from tests.tui_pilot import running, screen_text, until

FEEDS = 6


@pytest.fixture
def site(threaded_server: HTTPServer) -> HTTPServer:
    base = threaded_server.url_for("").rstrip("/")
    for n in range(FEEDS):
        threaded_server.expect_request(f"/f{n}.xml").respond_with_data(
            feed_xml(base, [(f"Harbour story {n}", f"/a{n}.html", f"g{n}")]),
            content_type="application/rss+xml",
        )
        threaded_server.expect_request(f"/a{n}.html").respond_with_data(
            ARTICLE.replace("Tide tables revised", f"Harbour story {n}"), content_type="text/html"
        )
    return threaded_server


def _synced(directory: Path, urls: list[str]) -> None:
    async def go() -> None:
        async with Library(directory, workers="thread") as lib:
            for url in urls:
                lib.add_feed(url)
            await lib.sync()

    asyncio.run(go())


def synced_then_moved(site: HTTPServer, directory: Path, moved: int) -> None:
    """`directory` synced with the site's feeds, of which the last `moved` have gone since
    (404)."""
    _synced(directory, [site.url_for(f"/f{n}.xml") for n in range(FEEDS)])
    site.clear()
    for n in range(FEEDS - moved):
        site.expect_request(f"/f{n}.xml").respond_with_data(
            feed_xml(
                site.url_for("").rstrip("/"), [(f"Harbour story {n}", f"/a{n}.html", f"g{n}")]
            ),
            content_type="application/rss+xml",
        )


def test_a_refresh_bringing_nothing_repaints_the_status_line_not_the_screen(
    site: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _synced(data_dir, [site.url_for(f"/f{n}.xml") for n in range(FEEDS)])
    painted: list[Region] = []
    real = Compositor.render_update

    def counted(self: Compositor, *args: object, **kwargs: object) -> object:
        painted.extend(self.size.region if kwargs.get("full") else self._dirty_regions)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    async def go() -> None:
        async with running(data_dir, (80, 24)) as (started_app, pilot):
            nonlocal app
            app = started_app
            await until(pilot, lambda: "Harbour story" in screen_text(app), "the headlines")
            monkeypatch.setattr(Compositor, "render_update", counted)
            await pilot.press("r")
            await until(pilot, lambda: "Refreshed" in screen_text(app), "the refresh's summary")
            assert "0 new" in app.status
            # Every step of the progress and the summary reached the screen, each as lines
            # repainted: before, each was the whole screen (the app's `status` a reactive), and
            # the end of the refresh repainted the feed list and the headlines, unchanged.
            assert painted
            tall = [region for region in painted if region.height > 1]
            assert tall == [], tall

    app = None  # type: ignore[assignment]
    asyncio.run(go())


def test_on_a_narrow_line_the_count_of_feeds_failing_comes_before_what_is_cut(
    site: HTTPServer, data_dir: Path
) -> None:
    synced_then_moved(site, data_dir, 2)

    async def go() -> None:
        async with running(data_dir, (45, 15)) as (app, pilot):
            await pilot.press("r")
            await until(pilot, lambda: "Refreshed" in screen_text(app), "the refresh's summary")
            line = next(row for row in screen_text(app).splitlines() if "Refreshed" in row)
            assert f"Refreshed {FEEDS - 2} of {FEEDS} feeds, 2 failed (!)" in line, line

    asyncio.run(go())
