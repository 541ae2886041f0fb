"""A video cited by its channel, an organisation by its name, a post's handle as written: what a
citer had to mend by hand in every reference (acc49b B4). Real parts: a YouTube-shaped feed and
its watch pages (script shells) served on 127.0.0.1, the reader's own commands and cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.citation_mla import mla
from reader.citation_styles import apa, chicago, csl_item
from reader.extract import extract_article
from reader.models import Article

CHANNEL = "Quay Crafts"


def channel_feed(base: str) -> str:
    """YouTube's feed of a channel: the channel its author, each video's description in a
    `media:group`."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns:yt="http://www.youtube.com/xml/schemas/2015" xmlns:media="http://search.yahoo.com/mrss/"
 xmlns="http://www.w3.org/2005/Atom"><id>yt:channel:UCquay</id><title>{CHANNEL}</title>
<link rel="alternate" href="{base}/channel/UCquay"/>
<author><name>{CHANNEL}</name><uri>{base}/channel/UCquay</uri></author>
<entry><id>yt:video:Vx1</id><yt:videoId>Vx1</yt:videoId><title>Splicing rope the old way</title>
<link rel="alternate" href="{base}/watch?v=Vx1"/>
<author><name>{CHANNEL}</name><uri>{base}/channel/UCquay</uri></author>
<published>2026-12-02T15:00:00+00:00</published>
<media:group><media:title>Splicing rope the old way</media:title>
<media:description>How to do a long splice in three-strand rope, filmed on the quay.
Chapters:
0:00 Intro
1:20 Unlaying the strands</media:description></media:group></entry></feed>"""


WATCH_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Splicing rope the old way - QuayTube
</title><meta property="og:type" content="video.other">
<meta property="og:title" content="Splicing rope the old way">
<meta property="og:video:url" content="{base}/embed/Vx1">
<script>var ytInitialData = {{"contents": "built by scripts"}};</script></head>
<body><div id="player"></div><noscript>Please enable JavaScript</noscript></body></html>"""


@pytest.fixture
def channel(own_server: HTTPServer) -> HTTPServer:
    base = own_server.url_for("").rstrip("/")
    own_server.expect_request("/feeds/videos.xml").respond_with_data(
        channel_feed(base), content_type="application/atom+xml"
    )
    own_server.expect_request("/watch", query_string="v=Vx1").respond_with_data(
        WATCH_PAGE.format(base=base), content_type="text/html"
    )
    return own_server


def test_a_video_is_cited_by_its_channel_as_named_not_as_a_persons_name(
    channel: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    def reader(*args: str) -> str:
        main(["--data-dir", str(data_dir), *args])
        return capsys.readouterr().out

    reader("add", channel.url_for("/feeds/videos.xml"))
    reader("sync")
    [video] = json.loads(reader("list", "--json"))

    def cited(style: str) -> str:
        return reader("show", video["id"], "--format", "citation", "--style", style)

    # Said to be a video where the style asks it (social50): APA's "[Video]" after the title
    # in italics, the platform in roman; Chicago's medium, "QuayTube video"; MLA none.
    apa_cited = f"{CHANNEL}. (2026, December 2). Splicing rope the old way [Video]. QuayTube. http"
    assert cited("apa").startswith(apa_cited)
    assert cited("chicago").startswith(
        f'{CHANNEL}. "Splicing Rope the Old Way." QuayTube video, December 2, 2026. Accessed'
    )
    assert cited("mla").startswith(f'{CHANNEL}. "Splicing Rope the Old Way." QuayTube, 2 Dec.')
    # The records a reference manager takes in: a video its platform publishes, not a
    # newspaper's article with QuayTube the newspaper.
    [item] = json.loads(reader("show", video["id"], "--format", "csl-json"))
    assert (item["type"], item["publisher"], item["medium"]) == (
        "motion_picture",
        "QuayTube",
        "Video",
    )
    assert "container-title" not in item
    # The reader's own remark on what stands in for the video's text is not the record's.
    assert "description its feed carried" not in item.get("note", ""), item
    bibtex = reader("show", video["id"], "--format", "bibtex")
    assert bibtex.startswith("@misc{") and "howpublished = {QuayTube video}" in bibtex, bibtex
    assert "journal" not in bibtex
    ris = reader("show", video["id"], "--format", "ris")
    assert ris.startswith("TY  - VIDEO") and "PB  - QuayTube" in ris and "T2  -" not in ris, ris


def test_a_video_is_labelled_so_in_markdown_too() -> None:
    from datetime import UTC, datetime

    from reader.models import VIDEO_PAGE

    video = Article(
        url="https://tube.example/watch?v=Vx1",
        title="Why splice rope?",
        author=CHANNEL,
        corporate_author=True,
        site_name="QuayTube",
        published=datetime(2026, 12, 2, 15, tzinfo=UTC),
        partial=True,
        stood_in_for=VIDEO_PAGE,
    )
    assert apa(video, markdown=True).startswith(
        f"{CHANNEL}. (2026, December 2). *Why splice rope?* [Video]. QuayTube. <https"
    )
    assert '"Why Splice Rope?" QuayTube video, December 2, 2026.' in chicago(video, markdown=True)
    assert "Video" not in mla(video) and "*QuayTube*, 2 Dec. 2026" in mla(video, markdown=True)


ORGANIZATION_PAGE = (
    """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Tide tables for the winter</title><meta property="og:site_name" content="Harbour Notes">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
"headline": "Tide tables for the winter", "datePublished": "2026-12-01T09:00:00Z",
"author": {"@type": "Organization", "name": "Quay Crafts"}}</script></head><body><article>
<h1>Tide tables for the winter</h1>"""
    + (
        "<p>The winter tide tables are out, and the spring tides in February run higher than in any"
        " year since the harbour wall was raised, so moorings on the north side need checking.</p>"
        * 4
    )
    + "</article></body></html>"
)


def test_an_author_declared_an_organization_is_cited_as_named() -> None:
    article = extract_article(ORGANIZATION_PAGE.encode(), "https://notes.example/tides")
    assert article.author == "Quay Crafts"
    assert apa(article).startswith("Quay Crafts. (2026, December 1).")
    assert chicago(article).startswith('Quay Crafts. "Tide Tables for the Winter."')
    assert mla(article).startswith('Quay Crafts. "Tide Tables for the Winter."')
    assert csl_item(article, "a")["author"] == [{"literal": "Quay Crafts"}]
    # A person the page declares is turned round still.
    person = ORGANIZATION_PAGE.replace(
        '"Organization", "name": "Quay Crafts"', '"Person", "name": "Maren Holt"'
    )
    assert apa(extract_article(person.encode(), "https://notes.example/t")).startswith("Holt, M.")


def test_a_handle_a_hashtag_and_an_address_in_a_title_keep_their_case() -> None:
    """A post titled by its words, or by its account, is set in headline case with every
    handle as its server writes it: "@Lena@social.example" is no account."""
    post = Article(
        "https://social.example/@lena/1112",
        title="reading https://notes.example/tides and now @tom@social.example wants #tides too",
        author="Lena Morgan (@lena@social.example)",
        site_name="social.example",
        language="en",
    )
    for citation in (chicago(post), mla(post)):
        assert (
            '"Reading https://notes.example/tides and Now @tom@social.example Wants #tides Too."'
            in citation
        )
        assert citation.startswith("Lena Morgan (@lena@social.example).")


def test_a_posts_title_cut_at_its_first_words_takes_no_period_after_its_ellipsis() -> None:
    post = Article(
        "https://social.example/@lena/1113",
        title="Low tide this morning was the lowest of the year. Walked out to the old wreck for"
        " the first time…",
        author="Lena Morgan (@lena@social.example)",
        site_name="social.example",
        language="en",
    )
    assert '"Low Tide This Morning Was the Lowest of the Year. Walked Out to the Old Wreck' in (
        chicago(post)
    )
    for citation in (chicago(post), mla(post), apa(post)):
        assert "First Time…" in citation or "first time…" in citation
        assert "…." not in citation
