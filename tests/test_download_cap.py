"""A cap on what one sync downloads (`[network] max_download`, `reader sync --max-download`):
on a metered link, once its bytes reach the cap no article or picture is started, those under
way finish, "stopped at the 250 KB cap …: 3 articles left for the next sync" is said, the exit
is 0, and the next sync carries on where it stopped (acc45 item 2).

Served by a real server on 127.0.0.1 (pytest-httpserver), one connection to it at a time
(`per_host = 1`) so that which articles come before the cap is known."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.reports import SyncReport
from tests.cli_run import run_reader
from tests.picture_bytes import png
from tests.served_feed import story_page

STORIES = 6
PAGE = story_page("Harbour dues", times=150)  # ~100 KB
PICTURE = png(130, 130, noise=True)  # ~50 KB, as large compressed as its pixels


def served(server: HTTPServer) -> str:
    """A feed of `STORIES` stories of ~100 KB each, at /story-N.html; the feed's address."""
    base = server.url_for("").rstrip("/")
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/story-{n}.html</link>"
        f"<guid>{base}/story-{n}.html</guid></item>"
        for n in range(STORIES)
    )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    for n in range(STORIES):
        server.expect_request(f"/story-{n}.html").respond_with_data(
            PAGE.replace("Harbour dues", f"Story {n}"), content_type="text/html"
        )
    return server.url_for("/feed.xml")


def subscribed(data_dir: Path, feed: str, config: str = "") -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text(f"[network]\nper_host = 1\n{config}")
    assert run_reader(data_dir, "add", feed).returncode == 0


def pages_asked(server: HTTPServer) -> list[str]:
    return [r.path for r, _ in server.log if r.path.startswith("/story-")]


def test_a_sync_stops_at_its_cap_and_the_next_carries_on(
    data_dir: Path, own_server: HTTPServer
) -> None:
    assert len(PAGE) > 90 * 1024
    subscribed(data_dir, served(own_server))
    capped = run_reader(data_dir, "sync", "--max-download", "250k")
    assert capped.returncode == 0, capped.stderr
    # The feed and two pages under the cap, the third begun under it and let finish.
    assert len(pages_asked(own_server)) == 3
    said = "stopped at the 250 KB cap ([network] max_download): 3 articles left for the next sync"
    assert said in capped.stderr
    assert "3 articles cached for offline, 0 already cached, 0 failed" in capped.stderr
    assert len(run_reader(data_dir, "list", "--not-offline", "--ids").stdout.split()) == 3
    carried = run_reader(data_dir, "sync")
    assert carried.returncode == 0, carried.stderr
    assert "3 articles cached for offline, 3 already cached, 0 failed" in carried.stderr
    assert "cap" not in carried.stderr
    # Each page asked once: the next sync fetched only those left.
    assert sorted(pages_asked(own_server)) == sorted(f"/story-{n}.html" for n in range(STORIES))


def test_the_config_caps_every_sync_and_a_bare_number_is_refused(
    data_dir: Path, own_server: HTTPServer
) -> None:
    subscribed(data_dir, served(own_server), 'max_download = "150KB"\n')
    capped = run_reader(data_dir, "sync")
    assert capped.returncode == 0, capped.stderr
    assert len(pages_asked(own_server)) == 2
    assert "stopped at the 150 KB cap" in capped.stderr
    (data_dir / "config.toml").write_text("[network]\nmax_download = 50\n")
    refused = run_reader(data_dir, "sync")
    assert refused.returncode == 78
    assert 'network.max_download = 50 needs its unit, in quotes: max_download = "50MB"?' in (
        refused.stderr
    )
    wrong = run_reader(data_dir, "sync", "--max-download", "lots")
    assert wrong.returncode == 2
    assert "--max-download: not a size: 'lots'" in wrong.stderr


def test_pictures_count_and_those_left_come_with_the_next_sync(
    data_dir: Path, own_server: HTTPServer
) -> None:
    server = own_server
    base = server.url_for("").rstrip("/")
    link = f"{base}/story.html"
    figures = "".join(
        f'<p>{sentence}</p><figure><img src="/photo-{n}.png" alt="Photo {n}"><figcaption>Photo'
        f" {n} of the quay.</figcaption></figure>"
        for n, sentence in enumerate(story_page("Cranes").split("</p>")[:3])
    )
    server.expect_request("/story.html").respond_with_data(
        f"<html><head><title>Cranes</title></head><body><article><h1>Cranes</h1>{figures}"
        "</article></body></html>",
        content_type="text/html",
    )
    for n in range(3):
        server.expect_request(f"/photo-{n}.png").respond_with_data(
            PICTURE, content_type="image/png"
        )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title><item>'
        f"<title>Cranes</title><link>{link}</link><guid>{link}</guid></item></channel></rss>",
        content_type="application/rss+xml",
    )
    subscribed(data_dir, server.url_for("/feed.xml"))
    capped = run_reader(data_dir, "sync", "--max-download", "80k")
    assert capped.returncode == 0, capped.stderr
    said = "stopped at the 80 KB cap ([network] max_download): the rest of the pictures left"
    assert said in capped.stderr
    assert "1 article without their pictures (the next sync fetches them)" in capped.stderr
    asked = [r.path for r, _ in server.log if r.path.endswith(".png")]
    assert len(asked) == 2  # the second begun under the cap
    carried = run_reader(data_dir, "sync")
    assert carried.returncode == 0, carried.stderr
    shown = run_reader(data_dir, "show", "--offline", "--format", "json", link)
    assert [p["kept"] for p in json.loads(shown.stdout)["pictures"]] == [True, True, True]
    assert len([r for r, _ in server.log if r.path.endswith(".png")]) == 3


def test_a_download_that_would_go_far_past_the_cap_is_cut(
    data_dir: Path, threaded_server: HTTPServer
) -> None:
    """A 3 MB page begun under a 1 MB cap: cut at 1 MB past it (`FAR_PAST_LEAST`), not let
    run to its end; left for the next sync with the page not begun. A server answering each
    request in a thread, as a site does: a one-thread server's handler, still writing the page
    the reader cut, would hold any other request (the sync ran past 120 s once in a batch at
    load 20, not seen again in 7 runs; this is the one cause found by reading)."""
    server = threaded_server
    base = server.url_for("").rstrip("/")
    huge = story_page("Tonnage", times=5000)
    assert len(huge) > 3 * 1024 * 1024
    items = "".join(
        f"<item><title>Story {n}</title><link>{base}/story-{n}.html</link>"
        f"<guid>{base}/story-{n}.html</guid></item>"
        for n in range(2)
    )
    server.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Port News</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    server.expect_request("/story-0.html").respond_with_data(huge, content_type="text/html")
    server.expect_request("/story-1.html").respond_with_data(PAGE, content_type="text/html")
    subscribed(data_dir, server.url_for("/feed.xml"))
    capped = run_reader(data_dir, "sync", "--max-download", "1M")
    assert capped.returncode == 0, capped.stderr
    assert "stopped at the 1 MB cap ([network] max_download): 2 articles left" in capped.stderr
    (line,) = [s for s in capped.stderr.splitlines() if s.startswith("downloaded ")]
    assert line.endswith(" MB")
    assert 2.0 <= float(line.split()[1]) < 2.5  # cut at 2 MB, a chunk or so past
    assert pages_asked(server) == ["/story-0.html"]


def test_the_readers_sync_line_says_where_it_stopped(
    data_dir: Path, own_server: HTTPServer
) -> None:
    """The reader's S, under the config's cap, says it on its status line."""
    from reader.config import FetchLimits
    from reader.library import Library
    from reader.ui.app_sync import sync_summary

    subscribed(data_dir, served(own_server))

    async def synced() -> SyncReport:
        lib = Library(data_dir, limits=FetchLimits(per_host=1, max_download=250 * 1024))
        try:
            return await lib.sync()
        finally:
            await lib.aclose()

    line = sync_summary(asyncio.run(synced()))
    assert "stopped at the 250 KB cap ([network] max_download): 3 articles left" in line
