"""The text a wallabag export kept of each article (`content`, extracted when the page was
alive), taken as the article when its page doesn't come at import (a 404, a PDF, the site
down): cached, readable offline, said to be wallabag's copy and of when (acc32a A4: the dead
links of a years-old library kept only their titles). Real pages on 127.0.0.1, a real store,
the CLI's own `main`, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.library import Library
from reader.ui.headlines import SAVED_VIEW
from tests.test_saved_links import STORY, cli
from tests.tui_pilot import open_row, running, screen_text, table, until

KEPT = "<p>The {name} text wallabag kept: the ferry sailed at dawn, the harbour master said.</p>"
HOSTILE = (
    "<p>Quiet \x1b]52;c;aGVsbG8=\x07words\x1b[31m here.</p><script>alert('script ran')</script>"
    "<iframe src='http://127.0.0.1:9/x'></iframe><p onclick='x()'>[bold red]not markup[/]</p>"
)


def _entry(url: str, title: str, content: str) -> dict[str, object]:
    return {
        "id": 1,
        "url": url,
        "title": title,
        "content": content,
        "created_at": "2025-12-01T07:00:00+01:00",
        "published_by": ["Kerensa Vosper"],
        "is_archived": 0,
        "tags": [],
        "annotations": [],
    }


def _export(tmp_path: Path, server: HTTPServer) -> tuple[Path, dict[str, str]]:
    server.expect_request("/alive.html").respond_with_data(STORY, content_type="text/html")
    server.expect_request("/gone.html").respond_with_data("Not found", status=404)
    server.expect_request("/report.pdf").respond_with_data(
        b"%PDF-1.4 ...", content_type="application/pdf"
    )
    server.expect_request("/down.html").respond_with_data("down", status=503)
    server.expect_request("/hostile.html").respond_with_data("Not found", status=410)
    server.expect_request("/bare.html").respond_with_data("Not found", status=404)
    urls = {
        name: server.url_for(path)
        for name, path in (
            ("alive", "/alive.html"),
            ("gone", "/gone.html"),
            ("pdf", "/report.pdf"),
            ("down", "/down.html"),
            ("hostile", "/hostile.html"),
            ("bare", "/bare.html"),
        )
    }
    entries = [
        _entry(urls["alive"], "Alive", KEPT.format(name="alive page's")),
        _entry(urls["gone"], "Gone page", KEPT.format(name="gone page's")),
        _entry(urls["pdf"], "A report", KEPT.format(name="report's")),
        _entry(urls["down"], "Site down", KEPT.format(name="down site's")),
        _entry(urls["hostile"], "Hostile copy", HOSTILE),
        _entry(urls["bare"], "Bare link", ""),
    ]
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps(entries), encoding="utf-8")
    return export, urls


def test_a_page_that_does_not_come_is_saved_as_the_text_wallabag_kept(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    export, urls = _export(tmp_path, httpserver)
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    # The 4 copies counted on the first line, which then covers all 6 (acc33a A1).
    assert (
        "6 links from a wallabag export: 1 saved for offline reading, 4 saved as the text"
        " wallabag kept, 0 saved as links not fetched yet, 1 kept as a link with no article"
        " there now, 0 already saved"
    ) in printed
    assert "4 links whose page did not come (a 404, a PDF, the site down) saved with the text" in (
        printed
    )
    assert "bare.html" in said and "gone.html" not in said  # only the one with no copy failed

    httpserver.clear()  # offline from here: each copy is read from the cache
    for name in ("gone", "pdf", "down"):
        code, shown, said = cli(capsys, data, "show", "--offline", urls[name])
        assert code == 0, said
        assert "text wallabag kept: the ferry sailed at dawn" in shown, shown
        assert (
            "Note: this is the text wallabag kept, retrieved 2025-12-01T07:00:00+01:00: the page"
            " did not come when it was imported"
        ) in shown, shown
        assert "Author: Kerensa Vosper" in shown and "Retrieved: 2025-12-01T07:00:00+01:00" in shown
    code, shown, _ = cli(capsys, data, "show", "--offline", "--format", "json", urls["gone"])
    assert json.loads(shown)["kept_by"] == "wallabag"

    # The page that came is the page's own text, not wallabag's.
    code, shown, _ = cli(capsys, data, "show", "--offline", urls["alive"])
    assert "Harbour storm closes the ferry" in shown and "wallabag" not in shown

    # Untrusted as any page: no escape, no script, no markup read.
    code, shown, _ = cli(capsys, data, "show", "--offline", urls["hostile"])
    assert "Quiet" in shown and "words here." in shown
    assert "\x1b" not in shown and "\x07" not in shown and "script ran" not in shown
    assert "[bold red]not markup[/]" in shown

    # Extracted again from its kept page (an upgrade, `reader reextract`), it stays wallabag's.
    code, _, said = cli(capsys, data, "reextract", "--all")
    assert code == 0, said
    code, shown, _ = cli(capsys, data, "show", "--offline", urls["pdf"])
    assert (
        "report's text wallabag kept" in shown and "Note: this is the text wallabag kept" in shown
    )


def test_the_copy_is_read_in_the_reader_with_its_note(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PDF link's copy is read in the reader, not sent to the browser as the PDF was."""
    export, urls = _export(tmp_path, httpserver)
    data = tmp_path / "data"
    assert cli(capsys, data, "import", "--fetch-local", str(export))[0] == 0
    httpserver.clear()

    async def run() -> None:
        async with running(data, (120, 40), prefetch=False) as (app, pilot):
            app.main_screen.show_feed(SAVED_VIEW)
            await pilot.pause()
            rows = table(app).rows
            position = next(n for n, row in enumerate(rows) if row.entry.title == "A report")
            await open_row(pilot, position)
            await until(pilot, lambda: "report's text wallabag kept" in screen_text(app), "it")
            text = " ".join(screen_text(app).split())
            assert "This is the text wallabag kept, retrieved 2025-12-01T07:00:00+01:00" in text

    asyncio.run(run())
    del urls


def test_the_copy_is_no_part_of_an_export_whose_links_all_come(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """Nothing of it when the page comes: the summary counts none, the store holds the page's."""
    httpserver.expect_request("/alive.html").respond_with_data(STORY, content_type="text/html")
    url = httpserver.url_for("/alive.html")
    from reader.library.saved_imports import import_saved
    from reader.saved_exports import read_saved_export

    export = read_saved_export(json.dumps([_entry(url, "Alive", KEPT)]).encode())
    assert export is not None and export.links[0].kept_text

    async def run() -> None:
        async with Library(tmp_path / "data", workers="thread") as lib:
            done = await import_saved(lib, export.links, fetch_local=True)
            assert (done.fetched, done.copied) == (1, 0)
            article = lib.store.article(url)
            assert article is not None and article.kept_by == ""

    asyncio.run(run())


def test_wallabag_s_publication_date_and_language_stay_with_its_copy(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc43a A7: wallabag's `published_at` (the one date a researcher cites) and `language`
    were dropped: its copy cited with no publication date."""
    httpserver.expect_request("/gone.html").respond_with_data("Not found", status=404)
    url = httpserver.url_for("/gone.html")
    entry = _entry(url, "Gone page", KEPT.format(name="gone page's"))
    entry |= {"published_at": "2024-12-01T07:00:00+00:00", "language": "en"}
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps([entry]), encoding="utf-8")
    data = tmp_path / "data"
    code, _, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    code, shown, said = cli(capsys, data, "show", "--offline", "--format", "json", url)
    assert code == 0, said
    article = json.loads(shown)
    assert article["published"].startswith("2024-12-01T07:00:00")
    assert article["language"] == "en"
