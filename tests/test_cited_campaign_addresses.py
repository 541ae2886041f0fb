"""The address a citation gives: without the campaign, feed and share parameters news sites add,
at the publisher's address for a page read from Google's AMP cache, and in Markdown as a link
every reader of Markdown follows as written. Real parts: the page served on 127.0.0.1, the
reader's own command and cache; the cache key's function for the keys kept. acc47a A3, A4, A8."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pytest_httpserver import HTTPServer
from test_cli import reader

from reader.citation import cited_url
from reader.models import Article
from reader.urls import canonical_url, without_tracking

PATH = "/pl/2026/12/06/harbour_master_resigns.html"
PAGE = (
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
    "<title>Harbour master resigns over dredging row</title>"
    '<meta property="og:site_name" content="Pacific Ledger">'
    '<meta property="article:published_time" content="2026-12-06T10:00:00+00:00"></head>'
    "<body><article><h1>Harbour master resigns over dredging row</h1>"
    '<p class="byline">By Maren Holt</p>'
    "<p>The harbour master resigned on Sunday after a row with the board over who would pay"
    " for dredging the silted channel before the winter storms set in.</p>"
    "<p>Board members said they had asked for a second survey, and the harbour master said"
    " the delay put ships and their crews at risk every time the tide ran low.</p>"
    "<p>The board said it would name an acting harbour master by the end of the week and"
    " publish the survey it had asked for as soon as it arrived.</p>"
    "</article></body></html>"
)
SHARED = "?CMP=share_btn_url&at_medium=social&at_campaign=64&smid=url-share&ref=rss&_ga=2.1"


@pytest.fixture
def shared_link(httpserver: HTTPServer) -> str:
    httpserver.expect_request(PATH).respond_with_data(PAGE, content_type="text/html; charset=utf-8")
    return httpserver.url_for(PATH) + SHARED


def test_a_shared_link_s_campaign_parameters_are_left_out_of_the_citation(
    tmp_path: Path, shared_link: str
) -> None:
    """acc47a A4: the page giving no canonical address, "?CMP=share_btn_url&ref=rss" (the
    Guardian's, BBC's "at_medium", the NYT's "smid") stayed in every style's address."""
    address = shared_link.partition("?")[0]
    for style in ("apa", "chicago", "mla"):
        result = reader(tmp_path, "show", shared_link, "--format", "citation", "--style", style)
        assert result.returncode == 0, result.stderr
        line = result.stdout.strip()
        assert line.endswith(address.removeprefix("http://") + "."[: style != "apa"]), line
    result = reader(tmp_path, "show", shared_link, "--format", "csl-json")
    assert f'"URL": "{address}"' in result.stdout


def test_a_markdown_citation_s_address_with_underscores_links_where_it_says(
    tmp_path: Path, shared_link: str
) -> None:
    """acc47a A3: "harbour\\_master\\_resigns.html", escaped as text, was linked by GitHub's
    Markdown with its backslashes in the address; as `<…>` every reader links it as written."""
    address = shared_link.partition("?")[0]
    gfm = MarkdownIt("gfm-like")
    for style in ("apa", "chicago", "mla"):
        result = reader(tmp_path, "show", shared_link, "--format", "markdown", "--style", style)
        assert result.returncode == 0, result.stderr
        cited = next(line for line in result.stdout.splitlines() if "Holt, M" in line)
        for render in (gfm.render, MarkdownIt("commonmark").render):
            links = re.findall(r'href="([^"]+)">([^<]*)</a>', render(cited))
            # MLA's address without its scheme (MLA 5.96), linked all the same (its text was
            # escaped, "harbour\_master", and no link).
            shown = address.removeprefix("http://") if style == "mla" else address
            assert links == [(address, shown)], (style, cited, links)


def test_the_cache_key_keeps_its_form_for_the_articles_cached_under_it() -> None:
    """The parameters left out of a cited address stay in the cache key (`canonical_url`):
    an article cached under it by an older reader is found as before."""
    url = "https://news.example/a.html?id=7&CMP=fb_gu&at_medium=social&ref=rss&usqp=mq331AQA"
    assert canonical_url(url) == url
    assert without_tracking(url) == "https://news.example/a.html?id=7"
    kept = "https://news.example/story?id=4512&ref=4512&p=2&amp=0"
    assert without_tracking(kept) == kept


@pytest.mark.parametrize(
    "query",
    [
        "ocid=msedgntp",
        "cmpid=rss",
        "s_cid=x",
        "ito=792",
        "_ga=2.1.2.3",
        "WT.mc_id=tw",
        "mkt_tok=abc",
        "igshid=x1",
        "amp_js_v=0.1&usqp=mq331AQA",
        "amp=1",
        "outputType=amp",
    ],
)
def test_each_campaign_parameter_is_left_out(query: str) -> None:
    assert without_tracking(f"https://news.example/a.html?{query}") == "https://news.example/a.html"


def test_a_page_read_from_google_s_amp_cache_is_cited_at_the_publisher_s_address() -> None:
    """acc47a A8: the cache's address with its AMP parameters was cited as it was."""
    cache = (
        "https://www-harbourledger-com.cdn.ampproject.org/c/s/www.harbourledger.com/2026/12/02/"
        "rail-link.amp.html?amp_js_v=0.1&usqp=mq331AQA"
    )
    canonical = "https://www.harbourledger.com/2026/12/02/rail-link.html"
    assert cited_url(Article(cache, canonical_url=canonical)) == canonical
    assert cited_url(Article(cache)) == (
        "https://www.harbourledger.com/2026/12/02/rail-link.amp.html"
    )
    assert cited_url(Article(cache.replace("/c/s/", "/c/"))).startswith("http://www.")
    script = "https://cdn.ampproject.org/v0.js"
    assert cited_url(Article(script)) == script
