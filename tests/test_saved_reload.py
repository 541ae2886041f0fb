"""`s` in "Saved", then a save in another window (`reader save`, a sync, an import): the list
drawn again keeps the row just unsaved, a link no feed lists, and the cursor on it, so that `s`
again keeps that article, not another (acc32a A20). Driven with Pilot on the synced demo data
and pages served on 127.0.0.1."""

from __future__ import annotations

import asyncio
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.library import Library
from tests.tui_pilot import running, table, until


def _page(title: str) -> str:
    words = " ".join(f"The {title.lower()} story goes on, line {n} of it." for n in range(30))
    return (
        f"<!doctype html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1><p>{words}</p><p>{words}</p></article></body></html>"
    )


def _save_elsewhere(data: Path, *urls: str) -> None:
    """Save `urls` as another process would: a library of its own on the directory."""

    async def run() -> None:
        lib = Library(data)
        try:
            for url in urls:
                await lib.save(url)
        finally:
            await lib.aclose()

    asyncio.run(run())


def test_a_save_elsewhere_keeps_the_row_unsaved_and_the_cursor_on_it(
    synced_dir: Path, httpserver: HTTPServer
) -> None:
    for name in ("alpha", "beta", "gamma", "delta"):
        httpserver.expect_request(f"/{name}.html").respond_with_data(
            _page(name.capitalize()), content_type="text/html"
        )
    first = [httpserver.url_for(f"/{name}.html") for name in ("alpha", "beta", "gamma")]
    _save_elsewhere(synced_dir, *first)

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            await pilot.press("tab", "j", "tab")
            await pilot.pause()
            rows = [h.entry.title for h in table(app).rows]
            assert sorted(rows) == ["Alpha", "Beta", "Gamma"]
            # The second row unsaved: kept, unstarred.
            await pilot.press("j", "s")
            unsaved = table(app).rows[1]
            await until(pilot, lambda: not app.lib.is_saved(unsaved.entry), "unsaved")
            # Another window saves one more; the reader reads the change in.
            await asyncio.to_thread(_save_elsewhere, synced_dir, httpserver.url_for("/delta.html"))
            app._outside_changes()
            await until(pilot, lambda: len(table(app).rows) == 4, "the new save listed")
            current = table(app).current
            assert current is not None and current.entry.id == unsaved.entry.id
            assert not current.saved
            # `s` again keeps that one; every other stays saved.
            await pilot.press("s")
            await until(pilot, lambda: app.lib.is_saved(unsaved.entry), "saved again")
            assert all(app.lib.is_saved(h.entry) for h in table(app).rows)

    asyncio.run(run())


def test_a_save_elsewhere_keeps_the_cursor_on_the_first_row_unsaved(
    synced_dir: Path, httpserver: HTTPServer
) -> None:
    for name in ("alpha", "beta"):
        httpserver.expect_request(f"/{name}.html").respond_with_data(
            _page(name.capitalize()), content_type="text/html"
        )
    _save_elsewhere(synced_dir, httpserver.url_for("/alpha.html"))

    async def run() -> None:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            await pilot.press("tab", "j", "tab")
            await pilot.pause()
            (alpha,) = table(app).rows
            await pilot.press("s")  # the cursor never moved: on the first row
            await until(pilot, lambda: not app.lib.is_saved(alpha.entry), "unsaved")
            await asyncio.to_thread(_save_elsewhere, synced_dir, httpserver.url_for("/beta.html"))
            app._outside_changes()
            await until(pilot, lambda: len(table(app).rows) == 2, "the new save listed")
            current = table(app).current
            assert current is not None and current.entry.id == alpha.entry.id
            await pilot.press("s")
            await until(pilot, lambda: app.lib.is_saved(alpha.entry), "saved again")
            assert all(app.lib.is_saved(h.entry) for h in table(app).rows)

    asyncio.run(run())
