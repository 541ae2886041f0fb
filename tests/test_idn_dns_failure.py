"""A link to an international host name that doesn't resolve fails as any host's does: the
network's (DNS), said in the sync's one "nothing answered" line, not as "its redirect names a
host that doesn't exist" (acc37b I7); a redirect to a host that doesn't exist still is."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main

_LINKS = {
    "Book fair opens": "http://bücher-nowhere.invalid/fair",
    "Example in Russian": "http://пример-nowhere.invalid/news/1",
    "Dead link": "/redir",
}


@pytest.fixture
def site(httpserver: HTTPServer) -> str:
    """A feed of `_LINKS` at /feed.xml, and /redir sending on to a host that doesn't exist."""
    base = httpserver.url_for("").rstrip("/")
    items = "".join(
        f"<item><title>{title}</title><link>{link if '://' in link else base + link}</link>"
        f"<guid>{n}</guid></item>"
        for n, (title, link) in enumerate(_LINKS.items())
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Abroad</title>{items}</channel></rss>",
        content_type="application/rss+xml",
    )
    httpserver.expect_request("/redir").respond_with_data(
        "", status=302, headers={"Location": "http://news-public.nowhere.invalid/x"}
    )
    return base


def test_an_international_host_that_doesnt_resolve_is_the_networks_failure(
    site: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--data-dir", str(data_dir), "add", f"{site}/feed.xml"]) == 0
    capsys.readouterr()
    main(["--data-dir", str(data_dir), "sync"])
    said = capsys.readouterr().err
    assert (
        f"article failed: Dead link <{site}/redir>: its redirect names a host that doesn't exist"
        " (news-public.nowhere.invalid)"
    ) in said, said
    assert said.count("its redirect names") == 1, said
    # As "cannot find the host kino-nowhere.invalid (DNS lookup failed)" is said of an ASCII
    # one; with nothing answering at all, each joins the "the network went away" line.
    assert (
        "article failed: Book fair opens <http://bücher-nowhere.invalid/fair>: cannot find the "
        "host xn--bcher-nowhere-wob.invalid (DNS lookup failed)"
    ) in said, said
    assert "cannot find the host xn---nowhere-" in said, said
