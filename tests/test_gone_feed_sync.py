"""A feed gone for good (410) is said so the first time, with the `reader remove` line, and
counted apart: no failure, exit 0 (acc39b Q2). And a gone feed left unasked is no answer: with
every site down, the sync says "Nothing answered" at once, not "the network went" after a
minute's wait (acc39b Q4: 62 s where 3 s without the gone feed). Real parts: feeds on two
127.0.0.1 servers stopped mid-test, the CLI's entry point, a real data directory."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from test_cli import reader
from werkzeug import Request, Response

from tests.served_feed import story_page

GONE = {"gone": False}


def site(name: str) -> HTTPServer:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    items = "".join(
        f"<item><title>{name} story {n}</title><link>{base}/{name}-{n}.html</link>"
        f"<guid>{base}/{name}-{n}.html</guid>"
        f"<pubDate>Tue, 24 Nov 2026 {8 + n:02d}:00:00 GMT</pubDate></item>"
        for n in range(3)
    )
    server.expect_request(f"/{name}.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    for n in range(3):
        server.expect_request(f"/{name}-{n}.html").respond_with_data(
            story_page(f"{name} story {n}"), content_type="text/html; charset=utf-8"
        )

    def gone(_: Request) -> Response:
        if GONE["gone"]:
            return Response("Gone", status=410)
        return Response(
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Old desk</title>'
            "</channel></rss>",
            content_type="application/rss+xml",
        )

    server.expect_request("/gone.xml").respond_with_handler(gone)
    return server


def test_a_gone_feed_is_said_once_is_no_failure_and_is_no_answer(tmp_path: Path) -> None:
    home = tmp_path / "lib"
    harbour, marsh = site("harbour"), site("marsh")
    GONE["gone"] = False
    try:
        gone = harbour.url_for("/gone.xml")
        for url in (harbour.url_for("/harbour.xml"), marsh.url_for("/marsh.xml"), gone):
            assert reader(home, "add", url).returncode == 0
        (home / "config.toml").write_text("[network]\nnetwork_wait = 8\n", encoding="utf-8")
        first = reader(home, "sync")
        assert first.returncode == 0, first.stderr
        GONE["gone"] = True  # the desk closed: its feed's address answers 410 from now on
        said = reader(home, "sync")
        assert said.returncode == 0, said.stderr
        assert "feed failed" not in said.stderr
        assert (
            "feed gone for good: Old desk: its site says it is gone (HTTP 410); asked again"
            f" weekly; `reader remove {gone}` unsubscribes" in said.stderr
        )
        assert "synced 2 of 3 feeds (0 new headlines; 1 gone for good, asked again" in said.stderr
    finally:
        harbour.stop()
        marsh.stop()
    down = reader(home, "sync")
    assert "the network went" not in down.stderr
    assert "Nothing answered at 127.0.0.1" in down.stderr
