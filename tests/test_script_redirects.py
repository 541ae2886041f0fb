"""Google News's RSS links that send on to the story by scripts alone (a `<c-wiz>` with the
signed `data-n-a-sg`, no redirect, no meta refresh) are no article: the headline the feed gave
is kept, not "Google News", the item marked `↗` with one line saying it needs a browser, and
it is not counted "cached for offline" (acc42c C14). Real parts: the feed and the aggregator's
pages served on 127.0.0.1, the store on disk.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.extract import extract_article
from reader.extract.aggregator_pages import NEEDS_A_BROWSER
from reader.models import ErrorKind, FetchError

HEADLINES = {
    "CBMi1": "Harbour board delays dredging contract over silt costs - The Harbour Post",
    "CBMi2": "Ferry timetable cut for winter - Island Times",
}


def interstitial(code: str) -> str:
    """Google News's page for an RSS link: scripts decode where it goes."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Google News</title>'
        '</head><body><c-wiz jsrenderer="x" jsdata="deferred-i1">'
        f'<div jsname="tljFtd" data-n-a-sg="AVxyz123" data-n-a-ts="1733400000" data-n-a-id="{code}">'
        '</div></c-wiz><script nonce="abc">AF_initDataCallback({key: "ds:0", data:[]});</script>'
        '<script src="/_/DotsSplashUi/_/js/k=x"></script></body></html>'
    )


def feed(base: str) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{base}/rss/articles/{code}?oc=5</link>"
        f"<guid isPermaLink='false'>{code}</guid><pubDate>Sat, 05 Dec 2026 09:00:00 GMT</pubDate>"
        f"<description>{title.rsplit(' - ', 1)[0]}</description>"
        f"<source url='https://outlet.example'>{title.rsplit(' - ', 1)[1]}</source></item>"
        for code, title in HEADLINES.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
        f'<title>"harbour" - Google News</title><link>{base}/</link>{items}</channel></rss>'
    )


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    base = own_server.url_for("").rstrip("/")
    own_server.expect_request("/gnews/rss").respond_with_data(
        feed(base), content_type="application/rss+xml"
    )
    for code in HEADLINES:
        own_server.expect_request(f"/rss/articles/{code}").respond_with_data(
            interstitial(code), content_type="text/html"
        )
    return own_server


def test_the_interstitial_is_no_article_and_a_story_is() -> None:
    with pytest.raises(FetchError) as raised:
        extract_article(interstitial("CBMi1"), "https://news.google.com/rss/articles/CBMi1")
    assert raised.value.kind == ErrorKind.NOT_HTML and raised.value.message == NEEDS_A_BROWSER
    # A story page that happens to embed Google's markup stays a story.
    story = (
        "<html><head><title>Silt costs</title></head><body><article><h1>Silt costs</h1>"
        + "<p>The harbour board delayed the dredging contract on Monday over silt costs.</p>" * 6
        + '<c-wiz><div data-n-a-sg="x" data-n-a-ts="1"></div></c-wiz></article></body></html>'
    )
    assert extract_article(story, "https://news.example/silt").title == "Silt costs"


def test_a_sync_keeps_the_headlines_and_says_the_link_needs_a_browser(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def reader(*args: str) -> tuple[int, str, str]:
        status = main(["--data-dir", str(data_dir), *args])
        out, err = capsys.readouterr()
        return status, out, err

    reader("add", site.url_for("/gnews/rss"))
    _, out, err = reader("sync")
    assert "cached for offline" not in out + err or "0 articles cached" in out + err
    listed = json.loads(reader("list", "--json")[1])
    # The feed's headlines, the outlet its <source> names cut from their ends (acc42c C9).
    heads = {code: title.rsplit(" - ", 1)[0] for code, title in HEADLINES.items()}
    assert sorted(item["title"] for item in listed) == sorted(heads.values())
    assert all(item["not_article"] and not item["cached"] for item in listed)
    first = next(item for item in listed if item["title"] == heads["CBMi1"])
    _, text, err = reader("show", first["id"], "--offline")
    assert text.splitlines()[0] == heads["CBMi1"]  # the feed's headline, not "Google News"
    assert NEEDS_A_BROWSER in err
