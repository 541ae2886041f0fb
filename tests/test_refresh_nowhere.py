"""A page sending the browser on (`<meta http-equiv="refresh">`) to a name that is nowhere, or
to a host refusing connections, fails that article, as a redirect to nowhere does: its site
answered. Taken for the page's host failing, two such made the network "gone", a probe of the
host found it back, and every such page was asked again, about nine times a second, the sync
never ending (acc52a: a cron sync running for ever, 350 requests a page in five minutes). Real
sites on 127.0.0.1; the sync run as the command is, in a process of its own."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.test_cli import reader


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def at(httpserver: HTTPServer, path: str) -> str:
    """The address of `path`, its host by number (as in acc52a's run: by name, no loop)."""
    return httpserver.url_for(path).replace("//localhost:", "//127.0.0.1:")


def _synced(httpserver: HTTPServer, data_dir: Path) -> subprocess.CompletedProcess[str]:
    """`reader sync` of `data_dir` run as the command is, the site's log of it alone kept."""
    httpserver.clear_log()
    try:
        return subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "sync"],
            capture_output=True,
            text=True,
            timeout=300,  # it never ended: a hang's guard, not a measure of speed
        )
    except subprocess.TimeoutExpired as hung:
        raise AssertionError(f"the sync never ended; {len(httpserver.log)} requests") from hung


def _page(title: str, to: str) -> str:
    return (
        f'<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<article><h1>{title}</h1><p>The harbour board met on Monday to discuss the dredging"
        f' contract, now two years late.</p><meta http-equiv="refresh" content="0;url={to}">'
        "</article></body></html>"
    )


def _feed(items: list[tuple[str, str]]) -> str:
    rows = "".join(
        f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid></item>"
        for title, link in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Sent on</title>'
        f"{rows}</channel></rss>"
    )


def test_pages_sending_on_to_nowhere_fail_and_the_sync_ends(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    refused = f"http://127.0.0.1:{_closed_port()}/"
    pages = []
    for n in range(6):
        to = "http://nowhere-sent.invalid/" if n % 2 else refused
        httpserver.expect_request(f"/p/{n}.html").respond_with_data(
            _page(f"Story {n}", to), content_type="text/html"
        )
        pages.append((f"Story {n}", at(httpserver, f"/p/{n}.html")))
    httpserver.expect_request("/sent.xml").respond_with_data(
        _feed(pages), content_type="application/rss+xml"
    )
    # Headlines linking to hosts that are nowhere: hosts failing beside the page's.
    elsewhere = [(f"Far {n}", f"http://far-{n}.nowhere.invalid/news") for n in range(3)]
    elsewhere.append(("A name before an @", "https://far.example%2f@far-3.nowhere.invalid/n"))
    httpserver.expect_request("/whole.html").respond_with_data(
        _page("A whole story", "").replace('<meta http-equiv="refresh" content="0;url=">', ""),
        content_type="text/html",
    )
    elsewhere.append(("A whole story", at(httpserver, "/whole.html")))
    httpserver.expect_request("/far.xml").respond_with_data(
        _feed(elsewhere), content_type="application/rss+xml"
    )
    for path in ("/sent.xml", "/far.xml"):
        assert reader(data_dir, "add", at(httpserver, path)).returncode == 0
    synced = _synced(httpserver, data_dir)
    asked = [request.path for request, _ in httpserver.log]
    for _, link in pages:
        path = link.removeprefix(at(httpserver, ""))
        assert asked.count(path) <= 2, (path, asked.count(path))
    assert "went away" not in synced.stderr, synced.stderr
    assert (
        "its page's refresh names a host that doesn't exist (nowhere-sent.invalid)" in synced.stderr
    ), synced.stderr
    assert f"its page's refresh sends on to a host refusing connections ({refused[7:-1]})" in (
        synced.stderr
    ), synced.stderr


def test_a_refresh_to_nowhere_beside_a_link_that_is_no_address_ends(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """acc52a's smallest case: the page sending on to a name that is nowhere, and a headline
    whose host is written in full-width letters (no address at all); either alone ended."""
    httpserver.expect_request("/sent.html").respond_with_data(
        _page("Sent on", "http://nowhere-sent.invalid/"), content_type="text/html"
    )
    items = [("Sent on", at(httpserver, "/sent.html")), ("Wide", "https://ｐａｙｐａｌ.com/news")]
    httpserver.expect_request("/two.xml").respond_with_data(
        _feed(items), content_type="application/rss+xml"
    )
    assert reader(data_dir, "add", at(httpserver, "/two.xml")).returncode == 0
    synced = _synced(httpserver, data_dir)
    assert [r.path for r, _ in httpserver.log].count("/sent.html") == 1
    assert "2 failed" in synced.stderr, synced
