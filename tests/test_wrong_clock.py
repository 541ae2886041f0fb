"""Times written while the machine's clock was wrong (a laptop whose clock reset, a VM resumed
from a snapshot) are bounded by what the data says once it is right: a story found gone "a year
from now" is asked again, not left for a year."""

from __future__ import annotations

import time
from pathlib import Path

from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from test_cli import reader

from reader.keys import article_key
from reader.library import Library

STORIES = [("Harbour wall finished", 9), ("Ferry timetable changes", 8)]
YEAR = 365 * 86400.0


def test_a_story_found_gone_under_a_clock_a_year_ahead_is_asked_again(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc29b T14: found 404 with the clock a year ahead, it was not asked again for a year."""
    httpserver.expect_request("/story-8.html").respond_with_data("", status=404)
    home = tmp_path / "home"
    assert reader(home, "add", serve_stories(httpserver, "Harbour", STORIES)).returncode == 0
    assert "taken down" in reader(home, "sync").stderr
    gone = httpserver.url_for("/story-8.html")
    lib = Library(home)
    try:
        (key,) = lib.store.gone()
        assert key == article_key(gone)
        # As a sync under a clock a year ahead wrote it (`Store.mark_gone`).
        lib.store._articles.set(f"gone:{key}", (time.time() + YEAR, 404))
    finally:
        lib.close()
    httpserver.clear_log()
    reader(home, "sync")
    assert [r.path for r, _ in httpserver.log].count("/story-8.html") == 1
