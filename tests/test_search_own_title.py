"""An article is found by its own title, not only by the feed's headline for it (acc36a G2): a
PDF's title (its heading in the reader, what `y` cites) and a page's heading reworded from the
feed's are searched beside the headline, as the article's author and text are.

Real parts: a loopback server (pytest-httpserver) serving the feed, a PDF written by the demo's
own writer and an HTML page; `reader sync` and `reader list --search` run as a user runs them,
the store on disk; the TUI's `F` through the library's search (`search_cached`).
"""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.demo.pdf_pages import report_pdf
from reader.full_text import Query
from reader.library import Library
from reader.library.text_search import search_cached
from tests.cli_run import run_reader
from tests.served_feed import serve_one_item, serve_pdf_item, story_page

PDF_TITLE = "Eastquay storm damage: the inspectors' report"
HEADLINE = "Airport row deepens as council meets"


def _searched(data_dir: Path, *words: str) -> str:
    done = run_reader(data_dir, "list", "--search", *words)
    assert done.returncode in (0, 1), done.stderr
    return done.stdout


def test_a_pdfs_own_title_is_searched(httpserver: HTTPServer, tmp_path: Path) -> None:
    """The feed calls the PDF "Airport row…"; the file's own title, shown as its heading, finds
    it too, a word of it or a phrase, offline, its hit saying the title it was found by; a
    word in neither title still finds nothing."""
    data_dir = tmp_path / "d"
    pdf = report_pdf(
        PDF_TITLE,
        [("p", "The boom of crane 4 had cracked along a weld made during the refit.")] * 3,
        author="Harbour Safety Board",
    )
    feed, _link = serve_pdf_item(httpserver, HEADLINE, "/files/report.pdf", pdf)
    assert run_reader(data_dir, "add", feed).returncode == 0
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    httpserver.clear_all_handlers()  # offline from here
    assert HEADLINE in _searched(data_dir, "crane")  # its text, as before
    found = _searched(data_dir, "Eastquay")
    assert HEADLINE in found
    assert f"titled “{PDF_TITLE}” · The boom of crane 4" in found  # why it was found
    assert "titled" not in _searched(data_dir, "crane")  # found by its text: said as before
    assert HEADLINE in _searched(data_dir, "storm damage")
    assert HEADLINE in _searched(data_dir, "inspectors", "airport")  # one word of each title
    assert _searched(data_dir, "lighthouse") == ""

    lib = Library(data_dir, workers="thread")
    try:  # what `F` lists, and the same without the index
        for use_index in (True, False):
            found = search_cached(lib, lib.headlines(), Query("eastquay"), use_index=use_index)
            assert [hit.headline.entry.title for hit in found.hits] == [HEADLINE]
    finally:
        lib.close()


def test_a_pages_heading_other_than_the_headline_is_searched(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A page whose own heading the site reworded from the feed's headline is found by either."""
    data_dir = tmp_path / "d"
    link = httpserver.url_for("/2026/ferry.html")
    feed = serve_one_item(httpserver, "The Gazette", "Ferry timetable changes", link)
    page = story_page("Winter sailings")  # its text has no word of either title
    page = page.replace("<h1>Winter sailings</h1>", "<h1>Holmvik loses its winter sailings</h1>")
    httpserver.expect_request("/2026/ferry.html").respond_with_data(page, content_type="text/html")
    assert run_reader(data_dir, "add", feed).returncode == 0
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    assert "Ferry timetable changes" in _searched(data_dir, "Holmvik")
    assert "Ferry timetable changes" in _searched(data_dir, "timetable")
