"""Two stops a shared link makes on its way to the article (acc31c W18): a "you are leaving this
site" page naming its one target, and a refresh in `<noscript>` beside the script that goes to
the same address (t.co's answer to a browser). Both send the reader on, as a browser would; a
short story that mentions someone leaving, or a page's way to its version without scripts,
does not. `reader save` against pages served on 127.0.0.1."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.leaving_page import leaving_target
from reader.library import Library
from reader.meta_refresh import refresh_target
from reader.models import FetchError
from tests.test_library import ARTICLE

LINKEDIN = """<html><head><title>LinkedIn</title></head><body><p>This link will take you to a
page that's not on LinkedIn.</p><p>Because this is an external link, we're unable to verify it
for safety.</p><a data-tracking-control-name="external_url_click" href="{target}">{target}</a>
<a href="https://www.linkedin.com/help/linkedin/answer/a1">Learn more about external links</a>
</body></html>"""

FACEBOOK = b"""<html><head><title>Leaving Facebook</title></head><body><h2>Leaving Facebook</h2>
<p>You are about to leave Facebook. The link you clicked is taking you to a site outside of
Facebook: https://news.example/story</p><a href="https://news.example/story?fbclid=1"
role="button">Follow link</a> <a href="https://www.facebook.com/help/123">Learn more</a>
<a href="/">Go back</a></body></html>"""

TCO = """<head><meta name="referrer" content="always"><noscript><META http-equiv="refresh"
content="0;URL={target}"></noscript><title>{target}</title></head><script>window.opener = null;
location.replace("{escaped}")</script>"""


def test_a_leaving_page_names_its_one_target() -> None:
    page = LINKEDIN.format(target="https://news.example/ferry.html").encode()
    assert leaving_target(page, "https://lnkd.in/xyz") == "https://news.example/ferry.html"
    # Facebook's: the one link to another site (its help is Facebook's own).
    assert leaving_target(FACEBOOK, "https://l.facebook.com/l.php?u=x") == (
        "https://news.example/story?fbclid=1"
    )


@pytest.mark.parametrize(
    "page",
    [
        # A short story: someone leaving, one link on.
        b"<html><body><p>The harbour master is leaving after twenty years, the board said. "
        b'<a href="https://other.example/x">More</a></p></body></html>',
        # A leaving page naming two places to go: which is not for us to guess.
        b"<html><body><p>You are about to leave this site.</p>"
        b'<a href="https://a.example/1">https://a.example/1</a> '
        b'<a href="https://b.example/2">https://b.example/2</a></body></html>',
        # A link post: a title, two sentences of its author's, its link labelled as many
        # sites label one off the site (acc32b B8).
        b"<html><head><title>Linked: The harbour study - Ferry Notes</title></head><body>"
        b'<header><a href="/">Ferry Notes</a></header><article><h1>Linked: The harbour study'
        b"</h1><p>A thoughtful piece on why the harbour dredging keeps slipping; worth reading"
        b" for the second half alone. My view: the council is right to wait for the survey.</p>"
        b'<p><a href="https://other.example/study.html">other.example/study.html</a>'
        b" (external link)</p></article></body></html>",
        # An article that says "external link" in its 300 words.
        b"<html><body><p>"
        + b"The council published the report behind an external link on Monday. " * 30
        + b'<a href="https://other.example/report">report</a></p></body></html>',
    ],
)
def test_what_is_no_leaving_page(page: bytes) -> None:
    assert leaving_target(page, "https://news.example/story") is None


def test_a_page_saying_little_but_external_link_still_names_its_target() -> None:
    page = (
        b"<html><head><title>Redirect</title></head><body><p>External link:</p>"
        b'<a href="https://news.example/ferry.html">https://news.example/ferry.html</a>'
        b"</body></html>"
    )
    assert leaving_target(page, "https://forum.example/out?42") == "https://news.example/ferry.html"


def test_a_noscript_refresh_where_the_script_goes_too_is_followed() -> None:
    target = "https://news.example/features/salt-marsh.html?utm_source=twitter"
    page = TCO.format(target=target, escaped=target.replace("/", "\\\\/")).encode()
    assert refresh_target(page, "https://t.co/Ab12Cd") == target
    # A page showing nothing of its own, its script going elsewhere: the same.
    blank = page.replace(b"location.replace", b"track")
    assert refresh_target(blank, "https://t.co/Ab12Cd") == target
    # A page with text of its own, its script elsewhere: its version without scripts.
    with_text = page.replace(b"<script>", b"<body><p>Loading the story</p><script>")
    with_text = with_text.replace(b'salt-marsh.html?utm_source=twitter")', b'other")')
    assert refresh_target(with_text, "https://t.co/Ab12Cd") is None


def test_reader_save_goes_on_from_either_to_the_article(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    # The address as a link shows it: a host with dots ("localhost" is none).
    article_url = f"http://127.0.0.1:{httpserver.port}/news/2026/tides.html"
    httpserver.expect_request("/news/2026/tides.html").respond_with_data(
        ARTICLE, content_type="text/html; charset=utf-8"
    )
    httpserver.expect_request("/lnkd/xyz").respond_with_data(
        LINKEDIN.format(target=article_url), content_type="text/html"
    )
    escaped = article_url.replace("/", "\\\\/")
    httpserver.expect_request("/t/Ab12Cd").respond_with_data(
        TCO.format(target=article_url, escaped=escaped), content_type="text/html"
    )

    async def go() -> None:
        async with Library(data_dir, workers="process") as lib:
            for path in ("/lnkd/xyz", "/t/Ab12Cd"):
                link = f"http://127.0.0.1:{httpserver.port}{path}"
                await lib.save(link)
                # Saved as the story it leads to (one story, one entry in Saved), its copy
                # the story's alone: the link's own was a second story (acc33a A12).
                article = lib.cached_article(article_url)
                assert article is not None and article.url == article_url
                assert "silted more quickly" in " ".join(b.text for b in article.blocks)
                assert lib.is_saved(article_url)
                assert lib.cached_article(link) is None

    asyncio.run(go())


# A leaving page whose one link is no web page (acc32a A15): it was saved as the article.
NOWHERE = """<!DOCTYPE html><html><head><title>Leaving Harbour Gazette</title></head><body>
<h1>You are leaving this site</h1>
<p>This link will take you to a page that's not on Harbour Gazette.</p>
<p><a href="{target}">{target}</a></p><p><a href="/">Go back</a></p></body></html>"""


@pytest.mark.parametrize("target", ["javascript:alert(1)", "file:///etc/passwd"])
def test_a_leaving_page_to_no_web_page_is_refused(
    httpserver: HTTPServer, data_dir: Path, target: str
) -> None:
    httpserver.expect_request("/out").respond_with_data(
        NOWHERE.format(target=target), content_type="text/html"
    )
    link = httpserver.url_for("/out")

    async def go() -> None:
        async with Library(data_dir) as lib:
            with pytest.raises(FetchError) as caught:
                await lib.save(link)
            said = caught.value.message
            assert said.startswith("a “you are leaving this site” page leading to "), said
            assert target in said and said.endswith(", not the article")
            assert not lib.is_saved(link) and lib.cached_article(link) is None

    asyncio.run(go())
