"""A feed that empties itself says so (acc39b Q6): read whole with no item, it looked healthy
for good, its old headlines still listed. The feed's warning, in `reader feeds` and its row,
names what is kept; it goes when items come back. Real parts: a feed on 127.0.0.1, the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from pytest_httpserver import HTTPServer
from test_cli import reader
from werkzeug import Request, Response

ITEMS = "".join(
    f"<item><title>Quay story {n}</title><link>http://127.0.0.1:9/q-{n}.html</link>"
    f"<guid>q-{n}</guid></item>"
    for n in range(3)
)


def test_an_emptied_feed_says_so_until_its_items_come_back(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    home = tmp_path / "lib"
    shown = {"items": ITEMS}

    def feed(_: Request) -> Response:
        return Response(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>'
            f"{shown['items']}</channel></rss>",
            content_type="application/rss+xml",
        )

    httpserver.expect_request("/quay.xml").respond_with_handler(feed)
    assert reader(home, "add", httpserver.url_for("/quay.xml")).returncode == 0

    def warning() -> str | None:
        done = reader(home, "feeds", "--json")
        assert done.returncode == 0, done.stderr
        (only,) = json.loads(done.stdout)
        return only["problem"]

    assert warning() is None
    shown["items"] = ""
    assert reader(home, "sync", "--no-articles").returncode == 0
    assert warning() == "it lists no items now (kept: the 3 headlines it listed before)"
    listed = reader(home, "feeds").stdout
    assert "warning: it lists no items now (kept: the 3 headlines it listed before)" in listed
    assert len(json.loads(reader(home, "list", "--json").stdout)) == 3
    shown["items"] = ITEMS
    assert reader(home, "sync", "--no-articles").returncode == 0
    assert warning() is None
