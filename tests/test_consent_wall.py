"""A cookie-consent wall answered in the article's place is not cached as the article.

The walls here are written in the shape of the real ones (a media group's "family of brands"
page, a German publisher's "mit Werbung oder Abo" page), with text of our own.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.extract import extract_article, to_text
from reader.library import Library
from reader.models import ErrorKind, FetchError

WALL = """<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>Quay Media is part of the Harbour family of brands</title>
<meta property="og:image" content="https://consent.quaymedia.example/logo.png"></head>
<body><div id="consent-page"><div class="wizard"><div class="wizard-body">
<h2>Quay Media is part of the Harbour family of brands</h2>
<p>The sites and apps that we own and operate, including Quay Daily and Harbour Mail, and our
advertising service, Harbour Ads.</p>
<h3>Harbour family of brands</h3>
<p>When you use our sites and apps, we use cookies to:</p>
<ul><li>provide our sites and apps to you</li><li>authenticate users and keep out spam and abuse</li>
<li>measure your use of our sites and apps</li></ul>
<p>If you click '<span>Accept all</span>', we and our partners, including 212 who are part of the
Transparency &amp; Consent Framework, will also store and/or access information on a device and use
precise location data for personalised advertising and content, and for audience research.</p>
<p>If you do not want us and our partners to use cookies for these purposes, click
'<span>Reject all</span>'. To customise your choices, click 'Manage privacy settings'.</p>
<p>You can withdraw your consent or change your choices at any time from the Privacy &amp; cookie
settings link on our sites and apps.</p></div>
<form method="post" action="/v2/collectConsent?sessionId=3_abc"><input type="hidden" name="t" value="x">
<div class="actions"><button type="submit" class="btn accept-all" name="agree" value="agree">Accept all</button>
<button type="submit" class="btn reject-all" name="reject" value="reject">Reject all</button></div>
<a class="btn manage-settings" href="/v2/partners?sessionId=3_abc">Manage privacy settings</a></form>
</div></div></body></html>"""

GERMAN_WALL = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>Hafenblatt mit Werbung oder im Abo lesen</title></head><body>
<main class="paywall-consent"><h1>Hafenblatt mit Werbung lesen</h1>
<p>Nutzen Sie das Hafenblatt wie gewohnt mit Werbung und Tracking. Mit Ihrer Zustimmung speichern
wir und unsere Partner Informationen auf Ihrem Gerät und verarbeiten personenbezogene Daten für
personalisierte Anzeigen und Inhalte.</p>
<p>Sie können Ihre Einwilligung jederzeit widerrufen. Einige Partner verarbeiten Daten auf
Grundlage von berechtigtem Interesse.</p>
<p><input type="submit" value="Zustimmen und weiter"> <a href="/abo" role="button">Werbefrei im Abo lesen</a></p>
</main></body></html>"""

STORY = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Regulator orders sites to make 'Reject all' as easy as 'Accept all'</title>
<meta name="author" content="Mara Quill">
<meta property="article:published_time" content="2026-11-30T08:00:00Z"></head><body>
<div class="cookie-banner"><p>We use cookies. <button>Accept all</button> <button>Reject all</button></p></div>
<article><h1>Regulator orders sites to make 'Reject all' as easy as 'Accept all'</h1>
<p>The data protection regulator told forty news and shopping sites on Monday that a visitor must
be able to refuse tracking with a single click, in a button as large as the one that accepts it.</p>
<p>Its inspectors found that most of the sites showed an 'Accept all' button on the first screen
but hid 'Reject all' behind a 'Manage settings' link, and that several claimed a legitimate
interest in personalised advertising for which they had asked no consent.</p>
<p>The sites have three months to change their banners. The regulator said it would check again in
March and could fine those that have not.</p></article></body></html>"""


def test_a_wall_is_no_article_wherever_it_is_served() -> None:
    for url in (
        "https://consent.quaymedia.example/v2/collectConsent?sessionId=3_abc",
        "https://news.quaymedia.example/harbour-dredging-123.html",
    ):
        with pytest.raises(FetchError) as caught:
            extract_article(WALL, url)
        assert caught.value.kind == ErrorKind.CONSENT_WALL
        assert "cookie-consent page" in caught.value.message
    with pytest.raises(FetchError, match="cookie-consent page"):
        extract_article(GERMAN_WALL, "https://www.hafenblatt.example/zustimmung?url=/x")


# A small publisher's wall (acc31c W13): a title, one line of the site and its partners, the
# buttons. Its text alone says one of a wall's phrases; its buttons say two more.
SHORT_WALL = """<!doctype html><html><head><title>Before you continue | Daily Tidings</title></head>
<body><div class="consent"><h1>We value your privacy</h1><p>Daily Tidings is part of the Tidings
family of brands. We and our partners store and access information on your device, such as
cookies, to personalise ads and content.</p><button>Accept all</button> <button>Reject all</button>
<a href="/manage">Manage options</a></div></body></html>"""


def test_a_short_wall_is_told_by_its_own_buttons(httpserver: HTTPServer, data_dir: Path) -> None:
    with pytest.raises(FetchError) as caught:
        extract_article(SHORT_WALL, "https://www.dailytidings.example/walled/inner-story.html")
    assert caught.value.kind == ErrorKind.CONSENT_WALL
    # Without its buttons it offers no choice: a page of two sentences, not a wall.
    unbuttoned = SHORT_WALL.replace("<button>Accept all</button> <button>Reject all</button>", "")
    assert "Tidings family" in to_text(extract_article(unbuttoned, "https://t.example/x"))
    # `reader save` of it: refused in one line, nothing saved.
    httpserver.expect_request("/walled/inner-story.html").respond_with_data(
        SHORT_WALL, content_type="text/html"
    )
    url = httpserver.url_for("/walled/inner-story.html")

    async def run() -> None:
        lib = Library(data_dir)
        try:
            with pytest.raises(FetchError, match="cookie-consent page"):
                await lib.save(url)
            assert not lib.is_saved(url) and lib.cached_article(url) is None
        finally:
            await lib.aclose()

    asyncio.run(run())


def test_a_story_about_consent_banners_is_a_story() -> None:
    article = extract_article(STORY, "https://news.example/consent-ruling")
    assert "three months to change their banners" in to_text(article)
    assert article.author == "Mara Quill"
    # Undated and unsigned, it quotes five of a wall's phrases; but the site never speaks of
    # itself and its partners, as a wall does.
    unsigned = STORY.replace('<meta name="author" content="Mara Quill">', "").replace(
        '<meta property="article:published_time" content="2026-11-30T08:00:00Z">', ""
    )
    article = extract_article(unsigned, "https://news.example/consent-ruling")
    assert not article.author and not article.published
    assert "three months to change their banners" in to_text(article)
    # So does a guide at an address named for consent: not a wall's.
    guide = extract_article(unsigned, "https://dataoffice.example/guidance/lawful-basis/consent/")
    assert "three months to change their banners" in to_text(guide)
    # A German wall served at the article's own address is a wall too.
    with pytest.raises(FetchError, match="cookie-consent page"):
        extract_article(GERMAN_WALL, "https://www.hafenblatt.example/hafen/bagger-123.html")


def rss(base: str) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Quay Daily</title><link>{base}/</link>
<item><title>Dredging of the harbour channel to resume</title><link>{base}/story/1</link>
<guid>s1</guid><pubDate>Mon, 30 Nov 2026 09:00:00 GMT</pubDate>
<description>Dredgers return to the harbour channel in January after surveyors found it had silted
more quickly than expected over the autumn storms.</description></item>
<item><title>Lifeboat crew honoured</title><link>{base}/story/2</link><guid>s2</guid>
<pubDate>Mon, 30 Nov 2026 08:00:00 GMT</pubDate></item>
</channel></rss>"""


def test_a_sync_behind_a_wall_keeps_the_feeds_text_and_caches_no_wall(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(base), content_type="application/rss+xml"
    )
    for n in (1, 2):
        httpserver.expect_request(f"/story/{n}").respond_with_data(
            "", status=302, headers={"Location": f"/v2/collectConsent?sessionId={n}"}
        )
    httpserver.expect_request("/v2/collectConsent").respond_with_data(
        WALL, content_type="text/html; charset=utf-8"
    )

    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(httpserver.url_for("/feed.xml"))
            report = await lib.sync()
            summary = lib.cached_article(f"{base}/story/1")
            assert summary is not None and summary.partial
            # What the wall's page didn't say, the feed did: a citation has it all.
            assert summary.title == "Dredging of the harbour channel to resume"
            assert summary.site_name == "Quay Daily" and summary.published is not None
            assert "silted more quickly" in to_text(summary)
            assert "cookies" not in to_text(summary) and not summary.image_url
            # Nothing to show but the wall: nothing cached, and the reason in one line.
            assert lib.cached_article(f"{base}/story/2") is None
            (failure,) = report.article_failures
            assert failure[1].message.startswith("the site answered with a cookie-consent page")

    asyncio.run(run())


def test_a_wall_an_older_version_cached_goes_when_opened(data_dir: Path) -> None:
    """Before walls were known, a wall's text was cached as the article: opening it after the
    upgrade says what it was and drops it, so the next sync fetches the page again."""
    from dataclasses import replace

    from reader.raw_pages import pack_raw_page
    from reader.store import Store

    url = "https://news.quaymedia.example/harbour-dredging-123.html"
    with pytest.raises(FetchError):
        extract_article(WALL, url)
    old = extract_article(WALL.replace("<button", "<span").replace("</button>", "</span>"), url)
    assert "we and our partners" in to_text(old)  # what was cached, without the buttons' test
    store = Store(data_dir)
    store.put_article(url, replace(old, extractor=15), pack_raw_page(WALL.encode(), "text/html"))
    store.close()

    async def run() -> None:
        async with Library(data_dir) as lib:
            with pytest.raises(FetchError) as caught:
                await lib.article(url, offline=True)
            assert caught.value.kind == ErrorKind.CONSENT_WALL
            assert lib.cached_article(url) is None
            # Saved, it is the reader's: kept as it was.
            kept = "https://news.quaymedia.example/kept.html"
            lib.store.put_article(
                kept,
                replace(old, url=kept, extractor=15),
                pack_raw_page(WALL.encode(), "text/html"),
            )
            lib.set_saved(kept, True)
            assert (await lib.article(kept, offline=True)).blocks == old.blocks

    asyncio.run(run())


# A wall whose box cleanup drops as a cookie banner's, its <title> the site's (acc32a A1, A15):
# taken for a page with no text, its title the feed's text's.
BOXED_WALL = """<!DOCTYPE html><html><head><title>Harbour Gazette</title></head><body>
<div class="consent"><h2>We value your privacy</h2><p>We and our partners store and access
information on your device, such as cookies, and process personal data to personalise ads and
content.</p><button>Accept all</button><button>Reject all</button>
<a href="/privacy">Manage options</a></div></body></html>"""


def test_a_wall_in_a_box_is_named_and_its_title_is_not_the_articles(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    with pytest.raises(FetchError) as caught:
        extract_article(BOXED_WALL, "https://www.harbourgazette.example/world/story-14.html")
    assert caught.value.kind == ErrorKind.CONSENT_WALL
    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        rss(base), content_type="application/rss+xml"
    )
    for n in (1, 2):
        httpserver.expect_request(f"/story/{n}").respond_with_data(
            BOXED_WALL, content_type="text/html; charset=utf-8"
        )

    async def run() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(httpserver.url_for("/feed.xml"))
            await lib.sync()
            summary = lib.cached_article(f"{base}/story/1")
            assert summary is not None and summary.partial
            assert summary.title == "Dredging of the harbour channel to resume"
            # `reader save` of it says what it is.
            with pytest.raises(FetchError, match="the site answered with a cookie-consent page"):
                await lib.save(f"{base}/story/2")

    asyncio.run(run())
