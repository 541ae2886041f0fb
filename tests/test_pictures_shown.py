"""`reader show` and the pictures kept for reading offline: it starts no picture's download (it
ends as soon as it prints, which would stop them with nothing kept). Its JSON says which are
kept; its text and Markdown leave the reading view's "✓ kept" out (`test_kept_mark_out`).

Served by real servers on 127.0.0.1 (pytest-httpserver), which count what is asked of them."""

from __future__ import annotations

import threading
from pathlib import Path

from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.cli_run import run_reader
from tests.picture_bytes import png
from tests.test_kept_pictures import page

HELD_AT_MOST = 3.0
"""Seconds the second article's page waits for the first's pictures to be asked for: they
are at once when `show` starts their download; when it does not, the page answers then."""


def test_show_asks_for_no_picture(data_dir: Path, threaded_server: HTTPServer) -> None:
    """Two articles shown, the second's page held until the first's pictures are asked for
    (at most `HELD_AT_MOST`): a download started for the first would ask while `show` waits
    for the second, whatever the machine's load; none is asked for."""
    server = threaded_server
    base = server.url_for("").rstrip("/")
    pictures_asked = threading.Event()

    def picture(_request: Request) -> Response:
        pictures_asked.set()
        return Response(png(), content_type="image/png")

    def second(_request: Request) -> Response:
        pictures_asked.wait(HELD_AT_MOST)
        html = page(base).replace("Eastquay", "Westquay").replace("/lead.png", "/other.png")
        return Response(html, content_type="text/html")

    server.expect_request("/story.html").respond_with_data(page(base), content_type="text/html")
    server.expect_request("/second.html").respond_with_handler(second)
    for name in ("lead.png", "crane.jpg", "map.svg", "chart.png", "aerial.png", "other.png"):
        server.expect_request(f"/{name}").respond_with_handler(picture)
    shown = run_reader(data_dir, "show", f"{base}/story.html", f"{base}/second.html")
    assert shown.returncode == 0, shown.stderr
    assert "Cranes stand idle at Eastquay" in shown.stdout and "Westquay" in shown.stdout
    asked = [request.path for request, _ in server.log]
    assert asked == ["/story.html", "/second.html"], asked
