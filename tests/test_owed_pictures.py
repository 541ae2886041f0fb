"""The pictures a sync didn't get to (run with `--no-pictures`, stopped before them, or failed
for a reason that may pass) are owed by their articles: counted in the sync's recap, and fetched
by the next `reader sync`, which asks again for none refused for good (acc44b B4).

Served by a real server on 127.0.0.1 (pytest-httpserver), the pictures real PNG and JPEG
bytes."""

from __future__ import annotations

import json
import threading
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.cli_run import run_reader
from tests.picture_bytes import png
from tests.test_kept_pictures import SMALL_CAP, crane_while, serve

OWED = "1 article without their pictures (the next sync fetches them)"


def subscribed(data_dir: Path, feed: str) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text(f"[network]\npicture_max_bytes = {SMALL_CAP}\n")
    assert run_reader(data_dir, "add", feed).returncode == 0


def kept(data_dir: Path, link: str) -> dict[str, bool]:
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    assert shown.returncode == 0, shown.stderr
    return {p["url"].rsplit("/", 1)[1]: p["kept"] for p in json.loads(shown.stdout)["pictures"]}


def not_offline(data_dir: Path) -> list[str]:
    listed = run_reader(data_dir, "list", "--not-offline", "--ids")
    assert listed.returncode == 0, listed.stderr
    return listed.stdout.split()


def asked(server: HTTPServer, path: str) -> int:
    return sum(request.path == path for request, _ in server.log)


def test_the_sync_after_a_no_pictures_one_fetches_its_pictures(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    server = threaded_server
    feed, link = serve(server)
    subscribed(data_dir, feed)
    text_only = run_reader(data_dir, "sync", "--no-pictures")
    assert text_only.returncode == 0, text_only.stderr
    assert not any(r.path.endswith((".png", ".jpg", ".svg")) for r, _ in server.log)
    assert OWED in text_only.stdout + text_only.stderr
    assert not any(kept(data_dir, link).values())
    assert len(not_offline(data_dir)) == 1  # its text cached, its pictures not
    whole = run_reader(data_dir, "sync")
    assert whole.returncode == 0, whole.stderr
    assert asked(server, "/story.html") == 1  # its text is not fetched again
    pictures = kept(data_dir, link)
    assert pictures["lead.png"] and pictures["crane.jpg"]
    assert not pictures["map.svg"] and not pictures["aerial.png"]
    assert "without their pictures" not in whole.stdout + whole.stderr
    assert not_offline(data_dir) == []
    # Those refused for good (an SVG, an HTML page, one past its cap) are not asked again.
    refused = {path: asked(server, path) for path in ("/map.svg", "/chart.png", "/aerial.png")}
    again = run_reader(data_dir, "sync")
    assert again.returncode == 0, again.stderr
    assert {path: asked(server, path) for path in refused} == refused
    assert asked(server, "/crane.jpg") == 1


def test_a_picture_failed_for_a_reason_that_may_pass_comes_with_the_next_sync(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    server = threaded_server
    busy = threading.Event()
    busy.set()
    feed, link = serve_crane(server, crane_while(busy))
    subscribed(data_dir, feed)
    first = run_reader(data_dir, "sync")
    assert first.returncode == 0, first.stderr
    assert kept(data_dir, link) == {"lead.png": True, "crane.jpg": False}
    assert OWED in first.stdout + first.stderr
    busy.clear()
    second = run_reader(data_dir, "sync")
    assert second.returncode == 0, second.stderr
    assert kept(data_dir, link) == {"lead.png": True, "crane.jpg": True}
    assert asked(server, "/lead.png") == 1
    assert "without their pictures" not in second.stdout + second.stderr


def serve_crane(server: HTTPServer, crane: object) -> tuple[str, str]:
    """A story of two pictures, a PNG and a JPEG `crane` answers for."""
    from tests.served_feed import serve_one_item
    from tests.test_kept_pictures import TITLE, page

    base = server.url_for("").rstrip("/")
    link = f"{base}/story.html"
    feed = serve_one_item(server, "Port News", TITLE, link)
    two = page(base).split('<figure><img src="/map.svg"')[0] + "</article></body></html>"
    server.expect_request("/story.html").respond_with_data(two, content_type="text/html")
    server.expect_request("/lead.png").respond_with_data(png(), content_type="image/png")
    server.expect_request("/crane.jpg").respond_with_handler(crane)  # type: ignore[arg-type]
    return feed, link
