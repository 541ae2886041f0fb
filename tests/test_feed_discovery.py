"""`reader add` of a web page's address: the feed it names is found and subscribed to, several
are listed to choose from, and a site whose page names none is asked at a few well-known
addresses. The real command (in this process) against pages served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.demo.server import DemoServer
from reader.discovery import (
    MAX_FEED_LINKS,
    SITEMAP_PATHS,
    WELL_KNOWN_PATHS,
    FeedLink,
    main_feed,
    page_feeds,
)
from reader.library import Library

RSS = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>'
    "<link>{site}</link>"
    "<item><title>Harbour dues rise for the winter moorings</title><link>{site}dues.html</link>"
    "<guid>{site}dues.html</guid></item>"
    "<item><title>Lifeboat crew called out twice in a night</title><link>{site}lifeboat.html</link>"
    "<guid>{site}lifeboat.html</guid></item>"
    "</channel></rss>"
)


def _page(head: str, title: str = "The Harbour Gazette") -> str:
    """A news site's home page: its head (where its feeds are named) and a few headlines."""
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"{head}</head><body><header><h1>{title}</h1><nav><a href='/news/'>News</a> "
        "<a href='/sport/'>Sport</a></nav></header><main><article><h2>"
        "<a href='/dues.html'>Harbour dues rise for the winter moorings</a></h2><p>The harbour "
        "board set next year's dues on Tuesday.</p></article></main></body></html>"
    )


def _alternate(href: str, title: str = "", kind: str = "application/rss+xml") -> str:
    return f'<link rel="alternate" type="{kind}" title="{title}" href="{href}">'


def _serve_feed(server: HTTPServer, path: str, title: str = "The Harbour Gazette") -> str:
    server.expect_request(path).respond_with_data(
        RSS.format(title=title, site=server.url_for("/")), content_type="application/rss+xml"
    )
    return server.url_for(path)


def _serve_page(
    server: HTTPServer, path: str, head: str, title: str = "The Harbour Gazette"
) -> str:
    server.expect_request(path).respond_with_data(
        _page(head, title), content_type="text/html; charset=utf-8"
    )
    return server.url_for(path)


def _add(data_dir: Path, url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "add", url])
    said = capsys.readouterr()
    return code, said.out, said.err


def _feeds(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["--data-dir", str(data_dir), "feeds", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture(autouse=True)
def _not_found(httpserver: HTTPServer) -> None:
    """An address the site has nothing at is a 404, as on a real site."""
    httpserver.no_handler_status_code = 404


def _asked(server: HTTPServer) -> list[str]:
    return [request.path for request, _response in server.log]


def test_the_feed_a_page_names_is_subscribed_to_with_its_headlines(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = _serve_feed(httpserver, "/feeds/all.xml")
    page = _serve_page(httpserver, "/", _alternate("/feeds/all.xml", "Harbour Gazette: all"))
    code, out, err = _add(data_dir, page, capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"found the feed {feed} on that page\nsubscribed: The Harbour Gazette (2 headlines)\n"
    )
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [feed]  # not the page's address
    assert _asked(httpserver) == ["/", "/feeds/all.xml"]  # each once: the feed not asked twice


def test_a_relative_address_is_read_against_the_pages_base(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Against the `<base href>` when the page has one (as a browser reads it), else against
    where the page ended after redirects."""
    feed = _serve_feed(httpserver, "/edition/feeds/main.xml")
    httpserver.expect_request("/today").respond_with_data(
        "", status=302, headers={"Location": "/news/today.html"}
    )
    _serve_page(
        httpserver,
        "/news/today.html",
        '<base href="/edition/">' + _alternate("feeds/main.xml", "Main"),
    )
    code, out, _ = _add(data_dir, httpserver.url_for("/today"), capsys)
    assert code == 0 and out.startswith(f"found the feed {feed} on that page\n")

    other = data_dir.parent / "other"
    sport = _serve_feed(httpserver, "/news/sport.rss", "Sport")
    _serve_page(httpserver, "/news/sport.html", _alternate("sport.rss", "Sport"))
    code, out, _ = _add(other, httpserver.url_for("/news/sport.html"), capsys)
    assert code == 0 and out.startswith(f"found the feed {sport} on that page\n")


def test_several_feeds_are_listed_to_choose_from_and_none_is_subscribed(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = (
        _alternate("/news/rss.xml", "Harbour Gazette - News")
        + _alternate("/sport/rss.xml", "Harbour Gazette - Sport")
        + _alternate("/news/rss.xml", "Harbour Gazette - News, again")  # the same address
        + _alternate("/oembed?url=x", "oEmbed", "application/json+oembed")  # no feed
        + _alternate("/wp-json/wp/v2/pages/2", "", "application/json")  # nor this
    )
    page = _serve_page(httpserver, "/", head)
    code, out, err = _add(data_dir, page, capsys)
    assert code == 1
    assert err == (
        'reader: that address is a web page ("The Harbour Gazette") naming 2 feeds, none '
        "plainly its main one: add the one you want with `reader add URL`, or every one with "
        "`reader add --all PAGE`\n"
    )
    assert out == (
        f"  {httpserver.url_for('/news/rss.xml')}  Harbour Gazette - News\n"
        f"  {httpserver.url_for('/sport/rss.xml')}  Harbour Gazette - Sport\n"
    )
    assert _feeds(data_dir, capsys) == []
    assert _asked(httpserver) == ["/"]  # none of them fetched


def test_the_main_feed_is_chosen_over_comment_feeds_and_other_formats(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A WordPress article's page names the site's feed, its comments' and the article's
    comments'; a Blogger site the same feed as Atom and as RSS."""
    feed = _serve_feed(httpserver, "/feed/")
    head = (
        _alternate("/feed/", "The Harbour Gazette &raquo; Feed")
        + _alternate("/comments/feed/", "The Harbour Gazette &raquo; Comments Feed")
        + _alternate("/2026/12/dues/feed/", "The Harbour Gazette &raquo; Harbour dues Comments")
    )
    page = _serve_page(httpserver, "/2026/12/dues/", head)
    code, out, _ = _add(data_dir, page, capsys)
    assert code == 0
    assert out.splitlines()[0] == (
        f"found the feed {feed} on that page (the 2 others it names: comment feeds, or this "
        "one in another format)"
    )
    assert main_feed(
        (
            FeedLink("https://b.example/feeds/posts/default", "Tide tables - Atom", "x"),
            FeedLink("https://b.example/feeds/posts/default?alt=rss", "Tide tables - RSS", "x"),
            FeedLink("https://b.example/feeds/comments/default", "Tide tables - Atom", "x"),
        )
    ) == FeedLink("https://b.example/feeds/posts/default", "Tide tables - Atom", "x")
    # Two sections of a paper, each in two formats: the reader chooses.
    sections = tuple(
        FeedLink(f"https://p.example/{s}.{f}", f"{s} {f}", "x")
        for s in ("world", "sport")
        for f in ("rss", "atom")
    )
    assert main_feed(sections) is None


def test_a_page_naming_none_is_looked_for_at_well_known_addresses(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One at a time, stopping at the first feed; a redirect's target is the one subscribed."""
    httpserver.expect_request("/feed").respond_with_data("Not here", status=404)
    httpserver.expect_request("/rss").respond_with_data(
        "", status=301, headers={"Location": "/rss/"}
    )
    feed = _serve_feed(httpserver, "/rss/")
    page = _serve_page(httpserver, "/news/", "")
    code, out, err = _add(data_dir, page, capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"found the feed {feed} on that page's site (the page names none)\n"
        "subscribed: The Harbour Gazette (2 headlines)\n"
    )
    assert _asked(httpserver) == ["/news/", "/feed", "/rss", "/rss/"]
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [feed]


def test_an_article_naming_its_sites_feed_subscribes_and_says_how_to_keep_the_article(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader add` of a link someone sent, whose page names its site's feed (every WordPress
    post does): the feed subscribed, and the article itself neither kept nor said to be one
    (acc31c W3). A home page naming the same feed says nothing of the kind."""
    feed = _serve_feed(httpserver, "/feed.xml")
    declared = '<meta property="og:type" content="article">'
    page = _serve_page(httpserver, "/dues.html", _alternate("/feed.xml") + declared)
    code, out, err = _add(data_dir, page, capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"found the feed {feed} on that page\n"
        "subscribed: The Harbour Gazette (2 headlines)\n"
        "that page is itself an article: `reader save URL` keeps that page's article for good,"
        " `reader show URL` prints it\n"
    )
    home = _serve_page(httpserver, "/", _alternate("/feed.xml"))
    code, out, err = _add(data_dir, home, capsys)
    assert (code, err) == (0, "")
    assert out == f"found the feed {feed} on that page\nalready subscribed: {feed}\n"


def test_a_shorteners_refresh_is_followed_to_the_article_and_its_feed(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A short link whose page only sends the browser on ("Redirecting...", a meta refresh):
    its feed was looked for on the shortener's page, and its site's well-known addresses
    (acc31c W16). It is followed, as `reader save` follows it, to the article and its feed."""
    feed = _serve_feed(httpserver, "/feed.xml")
    declared = '<meta property="og:type" content="article">'
    page = _serve_page(httpserver, "/dues.html", _alternate("/feed.xml") + declared)
    httpserver.expect_request("/s/k3bX9").respond_with_data(
        f"<!DOCTYPE html><html><head><title>Redirecting...</title>"
        f'<meta http-equiv="refresh" content="0; url={page}"></head><body></body></html>',
        content_type="text/html; charset=utf-8",
    )
    code, out, err = _add(data_dir, httpserver.url_for("/s/k3bX9"), capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"found the feed {feed} on that page\nsubscribed: The Harbour Gazette")
    assert "that page is itself an article" in out
    assert _asked(httpserver) == ["/s/k3bX9", "/dues.html", "/feed.xml"]


def test_a_feed_a_shorteners_refresh_leads_to_is_subscribed_at_its_own_address(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A short link to the feed itself: subscribed under the shortener's address, which a sync
    (following no page's refresh) found to be a web page at every fetch after the first
    (acc32b B10). The feed's own address is kept; adding the short link again finds it."""
    feed = _serve_feed(httpserver, "/feed.xml")
    httpserver.expect_request("/s/pub").respond_with_data(
        f"<!DOCTYPE html><html><head><title>Redirecting...</title>"
        f'<meta http-equiv="refresh" content="0; url={feed}"></head><body></body></html>',
        content_type="text/html; charset=utf-8",
    )
    short = httpserver.url_for("/s/pub")
    code, out, err = _add(data_dir, short, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("subscribed: The Harbour Gazette")
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [feed]
    code, out, err = _add(data_dir, short, capsys)
    assert (code, out, err) == (0, f"already subscribed: {feed}\n", "")
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [feed]


def test_no_feed_anywhere_says_so_in_one_line_and_subscribes_to_nothing(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A site answering every address with its home page (a script-built one) has no feed
    # there either.
    page = _serve_page(httpserver, "/", "")
    httpserver.expect_request("/rss").respond_with_data(
        _page(""), content_type="text/html; charset=utf-8"
    )
    code, out, err = _add(data_dir, page, capsys)
    assert (code, out) == (1, "")
    assert err == (
        'reader: the server answered with a web page ("The Harbour Gazette"), not a feed, and '
        "no feed was found on that page either (it names none, and its site has none at "
        f"{', '.join(WELL_KNOWN_PATHS)}, nor a sitemap listing its pages): not subscribed\n"
    )  # a home page is a list of links: not offered to be kept as an article (acc45 A3)
    assert _asked(httpserver) == ["/", *WELL_KNOWN_PATHS, "/robots.txt", *SITEMAP_PATHS]

    httpserver.clear_log()
    other = _serve_page(httpserver, "/about.html", "", "About us")
    code, _, err = _add(data_dir, other, capsys)
    assert code == 1
    assert err.endswith(
        "no feed was found on that page either (it names none, and its site has none at "
        "/feed, /rss, /rss.xml, /atom.xml, /feed.xml, /index.xml, nor a sitemap listing its "
        "pages): not subscribed; `reader save URL` keeps that page's article for good, `reader "
        "show URL` prints it\n"
    )
    assert _feeds(data_dir, capsys) == []


def test_looking_stops_at_a_site_that_asks_to_wait(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Rate-limited for an hour: the other addresses are not asked (nor are they waited for)."""
    httpserver.expect_request("/feed").respond_with_data(
        "Slow down", status=429, headers={"Retry-After": "3600"}
    )
    page = _serve_page(httpserver, "/", "")
    code, _, err = _add(data_dir, page, capsys)
    assert code == 1
    assert err.endswith(
        f"no feed was found on that page either (it names none, and its site stopped answering "
        f"at {httpserver.url_for('/feed')}: rate-limited (HTTP 429): try again in 60 minutes): not "
        "subscribed\n"
    )
    assert _asked(httpserver) == ["/", "/feed"]


def test_a_hostile_page_costs_little_and_prints_nothing_of_its_controls(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    head = "".join(
        _alternate(f"/feeds/{n}.xml", f"Section {n}\x1b]0;owned\x07\x1b[2J&#x9b;31m\u202e")
        for n in range(10_000)
    )
    page = _serve_page(httpserver, "/", head)
    code, out, err = _add(data_dir, page, capsys)
    assert code == 1
    assert f"naming {MAX_FEED_LINKS} feeds" in err
    lines = out.splitlines()
    # The escapes gone whole; a C1 reference is windows-1252's "›", as a browser reads it.
    assert lines[0] == f"  {httpserver.url_for('/feeds/0.xml')}  Section 0›31m"
    assert len(lines) == 21 and lines[-1] == f"  … and {MAX_FEED_LINKS - 20} more"
    assert not any(c in out + err for c in "\x1b\x07\x9b\u202e")
    assert _asked(httpserver) == ["/"]  # no feed of them fetched


def test_a_feed_subscribed_already_is_not_added_twice(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = _serve_feed(httpserver, "/feed.xml")
    spelled = feed.replace("http://", "HTTP://") + "?utm_source=site"
    page = _serve_page(httpserver, "/", _alternate(spelled, "Harbour Gazette"))
    assert _add(data_dir, feed, capsys)[0] == 0
    httpserver.clear_log()
    code, out, err = _add(data_dir, page, capsys)
    assert (code, err) == (0, "")
    assert out == f"found the feed {feed} on that page\nalready subscribed: {feed}\n"
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [feed]
    assert _asked(httpserver) == ["/"]
    # A page naming none, on a site whose /feed is sent on to the feed subscribed to.
    httpserver.expect_request("/feed").respond_with_data(
        "", status=301, headers={"Location": "/feed.xml"}
    )
    about = _serve_page(httpserver, "/about.html", "", "About us")
    code, out, _ = _add(data_dir, about, capsys)
    assert code == 0
    assert out == (
        f"found the feed {feed} on that page's site (the page names none)\n"
        f"already subscribed: {feed}\n"
    )
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [feed]


def test_nothing_kept_is_lost_when_no_feed_is_found(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A library with a feed, its headlines read and an article cached: adding a page with no
    feed, or one naming a 'feed' that is a web page too, changes none of it."""
    feed = _serve_feed(httpserver, "/harbour.rss")
    httpserver.expect_request("/dues.html").respond_with_data(
        _page("", "Harbour dues rise for the winter moorings").replace(
            "<p>", "<p>" + "The harbour board met on Tuesday and set the dues. " * 20, 1
        ),
        content_type="text/html; charset=utf-8",
    )
    assert _add(data_dir, feed, capsys)[0] == 0

    async def read_one() -> None:
        async with Library(data_dir) as lib:
            headline = next(h for h in lib.headlines() if h.entry.link.endswith("dues.html"))
            await lib.article(headline.entry)
            lib.mark_read(headline.entry)

    async def kept() -> list[tuple[str, bool, bool]]:
        async with Library(data_dir) as lib:
            return [(h.entry.title, h.read, h.cached) for h in lib.headlines()]

    asyncio.run(read_one())
    before = asyncio.run(kept())
    assert ("Harbour dues rise for the winter moorings", True, True) in before
    feeds_before = _feeds(data_dir, capsys)

    nothing = _serve_page(httpserver, "/contact.html", "", "Contact the newsroom")
    looped = _serve_page(httpserver, "/sport/", _alternate("/sport/more.html", "Sport"))
    _serve_page(httpserver, "/sport/more.html", "", "More sport")
    assert _add(data_dir, nothing, capsys)[0] == 1
    code, out, err = _add(data_dir, looped, capsys)
    assert (code, out) == (1, "")
    assert err == (
        f"reader: found a feed on that page, but at {httpserver.url_for('/sport/more.html')} "
        'the server answered with a web page ("More sport"), not a feed either: not '
        "subscribed\n"
    )
    assert asyncio.run(kept()) == before
    assert _feeds(data_dir, capsys) == feeds_before


def test_the_demo_sites_pages_name_their_feeds(
    demo_server: DemoServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A publication's front page names its feed; the demo's home page all three."""
    code, out, _ = _add(data_dir, demo_server.base_url + "/", capsys)
    assert code == 1
    assert [line.split()[0] for line in out.splitlines()] == demo_server.feed_urls
    code, out, _ = _add(data_dir, demo_server.base_url + "/northwind/", capsys)
    assert code == 0
    assert out.startswith(f"found the feed {demo_server.feed_urls[1]} on that page\n")
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [demo_server.feed_urls[1]]


def test_an_imported_web_page_is_told_by_sync_and_replaced_by_its_feed_at_add(
    httpserver: HTTPServer, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`import` fetches nothing, so it can't tell an OPML outline naming a site's home page;
    the sync that meets it says so, and `add` of it then subscribes to the page's feed in its
    place (no discovery unasked: the reader sees what is subscribed to)."""
    feed = _serve_feed(httpserver, "/feeds/all.xml")
    page = _serve_page(httpserver, "/", _alternate("/feeds/all.xml", "Harbour Gazette"))
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>Subscriptions</title></head>'
        f'<body><outline type="rss" text="Harbour Gazette" xmlUrl="{page}"/></body></opml>'
    )
    assert main(["--data-dir", str(data_dir), "import", str(opml)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles"]) == 1
    said = capsys.readouterr().err
    assert (
        'feed failed: Harbour Gazette: the server answered with a web page ("The Harbour '
        f'Gazette"), not a feed (`reader add {page}` looks for its feed)'
    ) in said
    code, out, err = _add(data_dir, page, capsys)
    assert (code, err) == (0, "")
    assert out == (
        f"found the feed {feed} on that page\n"
        f"unsubscribed: {page} (a web page, not a feed)\n"
        "subscribed: The Harbour Gazette (2 headlines)\n"
    )
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [feed]
    # A feed subscribed and read is "already subscribed", asked nothing.
    httpserver.clear_log()
    assert _add(data_dir, feed, capsys)[1] == f"already subscribed: {feed}\n"
    assert _asked(httpserver) == []
    # An imported page naming no feed stays subscribed: dropping it is the reader's to do.
    about = _serve_page(httpserver, "/about.html", "", "About us")
    opml.write_text(opml.read_text().replace(page, about))
    assert main(["--data-dir", str(data_dir), "import", str(opml)]) == 0
    code, _, err = _add(data_dir, about, capsys)
    assert code == 1
    assert err.endswith("it stays subscribed (`reader remove` drops it)\n")
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [feed, about]


def test_which_links_name_a_feed() -> None:
    """As browsers' feed buttons read a page: a feed's media type (a parameter after it, any
    case) with "alternate" or HTML's "feed"; no stylesheet, no other document, no address that
    is not a web page's, not the page itself."""
    page = "https://gazette.example/news/"
    body = _page(
        _alternate("/rss.xml", "All news", "Application/RSS+XML; charset=utf-8")
        + '<link rel="feed alternate" type="application/atom+xml" href="atom.xml" title="Atom">'
        + '<link rel="alternate stylesheet" type="application/rss+xml" href="/x.xml">'
        + '<link rel="canonical" type="application/rss+xml" href="/y.xml">'
        + _alternate("javascript:alert(1)", "Script")
        + _alternate("https://GAZETTE.example/news/#top", "The page itself")
        + _alternate("/oembed.xml", "oEmbed", "text/xml+oembed")
        + _alternate("/feed.json", "JSON", "application/feed+json")
    ).replace("</head>", "<div>" + _alternate("/late.xml", "After a stray element") + "</head>")
    assert page_feeds(body.encode(), page).links == (
        FeedLink("https://gazette.example/rss.xml", "All news", "application/rss+xml"),
        FeedLink("https://gazette.example/news/atom.xml", "Atom", "application/atom+xml"),
        FeedLink("https://gazette.example/feed.json", "JSON", "application/feed+json"),
        FeedLink(
            "https://gazette.example/late.xml", "After a stray element", "application/rss+xml"
        ),
    )
    # In the body, after the head it belongs in: not read.
    in_body = _page("").replace("</main>", _alternate("/late.xml", "Late") + "</main>")
    assert page_feeds(in_body.encode(), page).links == ()
    assert page_feeds(b"", page).links == ()


def test_an_article_pages_feed_and_its_declaration_come_from_one_reading() -> None:
    """`reader add` of an article's page reads from one parse both the feed its head names and
    that it is an article, though it says so in its body (a JSON-LD script after the text,
    where many sites put it): the body's links are still not the head's."""
    page = "https://gazette.example/news/dues.html"
    declared = '<script type="application/ld+json">{"@type": "NewsArticle"}</script>'
    body = _page(_alternate("/rss.xml", "All news")).replace(
        "</main>", declared + _alternate("/late.xml", "Late") + "</main>"
    )
    read = page_feeds(body.encode(), page)
    assert read.links == (
        FeedLink("https://gazette.example/rss.xml", "All news", "application/rss+xml"),
    )
    assert read.article
    assert not page_feeds(_page(_alternate("/rss.xml")).encode(), page).article


def test_a_name_imported_for_a_web_page_goes_to_the_feed_found_on_it(
    httpserver: HTTPServer, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """newsboat's `"~Name"` given to a site's home page stays the reader's name for the feed
    `add` finds on it, as a name given with `add --title` would."""
    feed = _serve_feed(httpserver, "/feeds/all.xml")
    page = _serve_page(httpserver, "/", _alternate("/feeds/all.xml", "Harbour Gazette"))
    (tmp_path / "urls").write_text(f'{page} "~Quay desk"\n')
    assert main(["--data-dir", str(data_dir), "import", str(tmp_path / "urls")]) == 0
    code, out, _ = _add(data_dir, page, capsys)
    assert code == 0 and out.endswith(
        f"unsubscribed: {page} (a web page, not a feed)\nsubscribed: Quay desk (2 headlines)\n"
    )
    assert [(f["url"], f["name"], f["title"]) for f in _feeds(data_dir, capsys)] == [
        (feed, "Quay desk", "The Harbour Gazette")
    ]


def test_a_public_pages_feed_link_may_not_lead_to_this_computer(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """acc28a H7: `add` of a page on a public address that names a feed on 127.0.0.1 fetched
    it and subscribed to it (a blind GET into the loopback or the LAN from any page pasted),
    where a redirect there was refused. The page's link is its lead, not the user's typing:
    refused before it is sent, nothing subscribed, and the line says how to mean it."""
    from reader.address_class import Reach
    from reader.models import Response

    feed = httpserver.url_for("/admin/feed.xml")
    page_html = (
        '<html><head><title>Quay News</title><link rel="alternate" '
        f'type="application/rss+xml" href="{feed}" title="Quay"></head><body>x</body></html>'
    )
    page = Response(
        url="http://news.example/",
        status=200,
        content_type="text/html",
        charset="utf-8",
        body=page_html.encode(),
        reach=Reach.PUBLIC,
    )

    async def run() -> str:
        async with Library(tmp_path / "home") as lib:
            told = await lib._from_page("http://news.example/", page, "")
            assert not lib.feeds()
            assert told.error is not None
            return told.error.message

    message = asyncio.run(run())
    assert message.startswith("refused a page's feed link from a public address to a loopback")
    assert message.endswith("(reader add it yourself if you mean it)")
    assert not httpserver.log  # never asked


@pytest.mark.parametrize(
    ("path", "body", "ctype", "named"),
    [
        (
            "/audit.pdf",
            b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
            "application/pdf",
            "application/pdf",
        ),
        ("/crane.png", b"\x89PNG\r\n\x1a\n" + bytes(64), "image/png", "image/png"),
        (
            "/plan.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"/>',
            "image/svg+xml",
            "image/svg+xml",
        ),
        ("/q.pdf", b"%PDF-1.4 sent as", "application/octet-stream", "application/pdf"),
        # A CMS's catch-all route: named as a fetch of an article names it (before sec31,
        # "image/png" here and "image/png, sent as text/html" there).
        ("/crane", b"\x89PNG\r\n\x1a\n" + bytes(64), "text/html", "image/png, sent as text/html"),
    ],
)
def test_a_link_to_a_file_is_not_subscribed(
    httpserver: HTTPServer,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    path: str,
    body: bytes,
    ctype: str,
    named: str,
) -> None:
    """A PDF someone sent: one line naming what it is, no feed failing "for ever" after."""
    httpserver.expect_request(path).respond_with_data(body, content_type=ctype)
    code, out, err = _add(data_dir, httpserver.url_for(path), capsys)
    assert (code, out) == (1, "")
    assert err == f"reader: that address is not a feed but a file ({named}): not subscribed\n"
    assert _feeds(data_dir, capsys) == []
    # The one rule (`sniff.file_kind`) tells an article's link to a file, in the same words.
    code = main(["--data-dir", str(data_dir), "show", httpserver.url_for(path)])
    said = capsys.readouterr().err
    # A PDF is read for its text where an article is asked for: these have none to read.
    shown = f"{named}, which could not be read" if named == "application/pdf" else named
    assert code == 1 and f"not an article page ({shown}); open the original link" in said


JSON_FEED = json.dumps(
    {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Harbour Gazette",
        "home_page_url": "https://gazette.example/",
        "items": [{"id": "1", "url": "https://gazette.example/a.html", "title": "Ferry"}],
    }
)


@pytest.mark.parametrize("content_type", ["application/feed+json", "application/json"])
def test_a_json_feed_is_subscribed_to_and_read(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str], content_type: str
) -> None:
    """Given a JSON Feed's own address, `add` subscribes to it and reads its items, as
    newsraft, nom and lemon24's reader do: it said "a JSON Feed, which reader does not read"
    and kept the feed subscribed, failing at every sync (acc35a E3)."""
    httpserver.expect_request("/feed.json").respond_with_data(JSON_FEED, content_type=content_type)
    url = httpserver.url_for("/feed.json")
    code, out, err = _add(data_dir, url, capsys)
    assert (code, err) == (0, "")
    assert out.startswith("subscribed: Harbour Gazette")
    assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert (item["title"], item["link"]) == ("Ferry", "https://gazette.example/a.html")


def test_a_page_naming_its_feed_in_two_formats_is_subscribed_to_its_rss(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One feed named as JSON Feed first and RSS after: its RSS, the format read longest; a
    page naming a JSON Feed alone: that one."""
    head = _alternate("/feed.json", "Harbour Gazette JSON Feed", "application/feed+json")
    head += _alternate("/rss.xml", "Harbour Gazette RSS")
    both = _serve_page(httpserver, "/both.html", head)
    _serve_feed(httpserver, "/rss.xml")
    code, _, err = _add(data_dir, both, capsys)
    assert (code, err) == (0, "")
    assert [f["url"] for f in _feeds(data_dir, capsys)] == [httpserver.url_for("/rss.xml")]
    only = _serve_page(
        httpserver, "/json.html", _alternate("/feed.json", "Gazette", "application/feed+json")
    )
    httpserver.expect_request("/feed.json").respond_with_data(
        JSON_FEED, content_type="application/feed+json"
    )
    code, _, err = _add(data_dir, only, capsys)
    assert (code, err) == (0, "")
    assert httpserver.url_for("/feed.json") in [f["url"] for f in _feeds(data_dir, capsys)]


def test_a_page_whose_feed_link_is_dead_subscribes_nothing(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An article page naming a feed that answers 404: it was subscribed to, a feed failing at
    every sync that the user never typed (acc30d N10)."""
    page = _serve_page(httpserver, "/story.html", _alternate("/gone.xml", "Harbour Gazette"))
    httpserver.expect_request("/gone.xml").respond_with_data("Not here", status=404)
    code, out, err = _add(data_dir, page, capsys)
    assert (code, out) == (1, "")
    assert err.startswith(
        f"reader: found a feed on that page, but {httpserver.url_for('/gone.xml')} answered: "
    )
    assert "404" in err and err.rstrip().endswith("not subscribed")
    assert _feeds(data_dir, capsys) == []


def test_a_web_page_failing_as_it_comes_is_not_subscribed(tmp_path: Path) -> None:
    """A text/html answer that is a decompression bomb failed past the feed's cap, and was
    subscribed, failing at every sync: the server said it is a web page (acc50a A10)."""
    import gzip

    from tests.cli_run import run_reader
    from tests.served_feed import own_http_server

    bomb = gzip.compress(b"\0" * (21 * 2**20))
    with own_http_server() as server:
        server.expect_request("/news").respond_with_data(
            bomb, content_type="text/html", headers={"Content-Encoding": "gzip"}
        )
        url = server.url_for("/news")
        added = run_reader(tmp_path, "add", url)
    assert added.returncode == 1
    assert added.stderr.startswith(
        f"reader: {url} answered with a web page (sent as text/html), not a feed, and it failed"
        " as it came: inflates past 20 MB ("
    ), added.stderr
    assert added.stderr.rstrip().endswith("; not subscribed")
    assert json.loads(run_reader(tmp_path, "feeds", "--json").stdout) == []
