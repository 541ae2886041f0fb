"""`s`, then `s` again, in "Saved" on links an import kept though their page is no article (a
PDF) or gone (a 404): the second puts back the saved record as it was — when saved, its title,
its tags — with no fetch, where it refetched with `reader save`'s rules, was refused, and the
link was lost for good (acc32a A5). A wallabag export imported by the real `reader import`,
pages on 127.0.0.1, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.ui.headlines import SAVED_VIEW
from tests.test_saved_links import cli
from tests.tui_pilot import notices_raised, running, table, until


def _entry(n: int, url: str, title: str) -> dict[str, object]:
    return {
        "is_archived": 0,
        "is_starred": 1,
        "tags": [],
        "id": n,
        "title": title,
        "url": url,
        "content": "<p>What wallabag kept.</p>",
        "created_at": "2025-12-01T07:00:00+01:00",
        "mimetype": "text/html",
    }


def _records(data: Path) -> dict[str, dict[str, object]]:
    async def run() -> dict[str, dict[str, object]]:
        lib = Library(data)
        try:
            return lib.store.saved()
        finally:
            await lib.aclose()

    return asyncio.run(run())


def _tag(data: Path, url: str, tag: str) -> None:
    async def run() -> None:
        lib = Library(data)
        try:
            lib.tag_article(url, [tag])
        finally:
            await lib.aclose()

    asyncio.run(run())


def test_s_twice_puts_back_a_pdf_and_a_404_an_import_kept(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    httpserver.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.4 not an article", content_type="application/pdf"
    )
    httpserver.expect_request("/gone.html").respond_with_data("gone", status=404)
    pdf, gone = httpserver.url_for("/report.pdf"), httpserver.url_for("/gone.html")
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps([_entry(1, pdf, "PDF report"), _entry(2, gone, "Gone page")]))
    cli(capsys, data, "import", str(export))
    _tag(data, pdf, "papers")
    before = _records(data)
    assert len(before) == 2
    asked = len(httpserver.log)

    async def run() -> None:
        async with running(data, (120, 30), prefetch=False, notifications=True) as (app, pilot):
            app.main_screen.show_feed(SAVED_VIEW)
            await pilot.pause()
            titles = [h.entry.title for h in table(app).rows]
            assert sorted(titles) == ["Gone page", "PDF report"]
            for row in range(2):
                table(app).cursor = row
                headline = table(app).rows[row]
                await pilot.press("s")
                entry = headline.entry
                await until(pilot, lambda e=entry: not app.lib.is_saved(e), "unsaved")
                raised = notices_raised(app)  # kept past the toast's own timeout, at any load
                await pilot.press("s")
                await until(pilot, lambda e=entry: app.lib.is_saved(e), "saved again")
                said = f"Saved again: {entry.title}"
                await until(pilot, lambda s=said, r=raised: any(s in n for n in r[-1:]), "said")
                await until(pilot, lambda r=row: table(app).rows[r].saved, "starred again")
            # Back where they stood (their times saved put back), the PDF with its tags: the
            # one it was given here and wallabag's star (acc43a A7).
            assert [h.entry.title for h in table(app).rows] == titles
            assert table(app).rows[titles.index("PDF report")].tags == ("starred", "papers")

    asyncio.run(run())
    assert _records(data) == before
    assert len(httpserver.log) == asked  # nothing fetched again
