"""An https link to a server that speaks plain http (an old bookmark's, a feed's typo) is that
link's failure, "does not speak https", not "the network or HOST went away during the sync" at
every sync while the host's other articles came (acc35b F15). A feed and its pages on 127.0.0.1
(pytest-httpserver, plain http), one item linking to the same host over https; the CLI's own
`main` on a temp data directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.config import FetchLimits
from reader.models import ErrorKind
from tests.test_fetch import error_of
from tests.test_http2 import H2Site, h2_site  # noqa: F401 (the fixture)

PAGE = """<!doctype html><html lang="en"><head><title>{title}</title></head><body><article>
<h1>{title}</h1>
<p>The harbour board met on Tuesday to hear the dredging contractor's report on the channel,
which has silted faster than the survey of last spring predicted, the chair said.</p>
<p>Members asked for a monthly account of the work and of its cost, and for the pilots to be
heard before any change to the hours in which large ships may enter the port.</p>
<p>The board meets again in January, when the contractor is to present a revised timetable.</p>
</article></body></html>"""


def _item(link: str, title: str) -> str:
    return f"<item><title>{title}</title><link>{link}</link><guid>{link}</guid></item>"


def test_an_https_link_answered_in_plain_http_is_its_own_failure(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    base = httpserver.url_for("").rstrip("/")
    items = [_item(f"{base}/a/{n}.html", f"Board report {n}") for n in range(1, 5)]
    https = base.replace("http://", "https://") + "/a/14.html"
    items.append(_item(https, "Old bookmark"))
    feed = f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour board</title>
    <link>{base}/</link>{"".join(items)}</channel></rss>"""
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    for n in (1, 2, 3, 4, 14):
        page = PAGE.format(title=f"Board report {n}")
        httpserver.expect_request(f"/a/{n}.html").respond_with_data(
            page, content_type="text/html; charset=utf-8"
        )
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "add", f"{base}/feed.xml"]) == 0
    capsys.readouterr()

    for _ in range(2):
        code = main(["--data-dir", str(data), "sync", "-q"])
        said = capsys.readouterr().err
        assert "went away" not in said and "the network" not in said
        assert "does not speak https (its answer is not TLS): try http://" in said
        assert "Old bookmark" in said
        assert code == 1  # an article failed: the sync says so, as for a 404


def test_a_certificate_refused_is_still_the_secure_connections_failure(
    h2_site: H2Site,  # noqa: F811
) -> None:
    """Only a handshake answered in plain http is the link's: a certificate no authority trusted
    vouches for is its certificate's failure, "secure connection … failed: its certificate is
    signed by an authority this computer doesn't trust …"."""
    error = error_of(f"{h2_site.base}/ferry.html", FetchLimits(retries=0))
    assert error.kind == ErrorKind.CERTIFICATE
    assert "secure connection" in error.message and "does not speak https" not in error.message
    assert "authority this computer doesn't trust" in error.message
