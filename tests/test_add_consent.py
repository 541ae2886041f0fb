"""`reader add` of an address a redirect sends to a cookie-consent page (YouTube's channel page,
sent to consent.youtube.com's "Before you continue to YouTube" for a visitor from the EU): the
wall named as `reader save` names it, no feed guessed at the consent host's /feed, /rss, …, no
`reader save` suggested (acc42c C15). Real parts: the site and its consent page served on
127.0.0.1, the library on disk.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.discovery import WELL_KNOWN_PATHS

# YouTube's consent page, in its shape, with words of our own.
CONSENT = """<!doctype html><html lang="en"><head><title>Before you continue to YouTube</title>
</head><body><div class="consent"><h1>Before you continue to YouTube</h1>
<p>We use cookies and data to deliver and maintain our services, track outages and protect
against spam, fraud and abuse, and measure audience engagement and site statistics.</p>
<p>If you choose to 'Accept all', we will also use cookies and data to develop and improve new
services and deliver and measure the effectiveness of ads.</p>
<form action="/save" method="POST"><input type="hidden" name="set_eom" value="true">
<button>Reject all</button></form><form action="/save" method="POST"><button>Accept all</button>
</form><a href="/more">More options</a></div></body></html>"""


def test_add_behind_a_consent_redirect_names_the_wall_and_guesses_no_feed(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    channel = httpserver.url_for("/yt/@harbourtv")
    consent = httpserver.url_for("/consent-yt") + f"?continue={channel}&gl=GB&m=0&pc=yt&hl=en"
    httpserver.expect_request("/yt/@harbourtv").respond_with_data(
        "", status=302, headers={"Location": consent}
    )
    httpserver.expect_request("/consent-yt").respond_with_data(CONSENT, content_type="text/html")

    status = main(["--data-dir", str(data_dir), "add", channel])
    out, err = capsys.readouterr()
    assert status == 1 and out == ""
    assert err.count("\n") == 1  # one line
    assert "cookie-consent page" in err and "Before you continue to YouTube" in err
    assert "reader save" not in err and "not subscribed" in err
    asked = {request.path for request, _ in httpserver.log}
    assert asked == {"/yt/@harbourtv", "/consent-yt"}
    assert not asked & set(WELL_KNOWN_PATHS)
    assert main(["--data-dir", str(data_dir), "feeds"]) == 0
    assert "127.0.0.1" not in capsys.readouterr().out  # nothing subscribed


def test_a_page_about_consent_walls_is_still_searched_for_its_feed(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A page quoting a wall's words with no choice to make: a page, its site's feed guessed.
    page = CONSENT.replace("<button>Reject all</button>", "").replace(
        "<button>Accept all</button>", ""
    )
    httpserver.expect_request("/guide").respond_with_data(page, content_type="text/html")
    httpserver.expect_request("/feed").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Guides</title>'
        "<item><title>One</title><link>http://127.0.0.1/one</link></item></channel></rss>",
        content_type="application/rss+xml",
    )
    assert main(["--data-dir", str(data_dir), "add", httpserver.url_for("/guide")]) == 0
    assert "found the feed" in capsys.readouterr().out
