"""A site with no feed but a sitemap (acc45 A3): `reader add` of its home page follows the sitemap
as a feed of its newest pages, says so, and never offers to keep the home page as an article.
The real command against a site served on 127.0.0.1."""

from __future__ import annotations

import asyncio
import gzip
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.feeds import parse_feed
from reader.models import FetchError
from reader.sitemap_feed import INDEX_SITEMAPS, NEWEST, slug_headline
from reader.store import Store
from reader.ui.screens.main import MainScreen
from tests.test_feed_editing import ask
from tests.tui_pilot import running, until

HOME = (
    "<!DOCTYPE html><html><head><title>The Harbour Gazette</title></head><body><nav>"
    "<a href='/news/'>News</a> <a href='/sport/'>Sport</a></nav><main><ul>"
    "<li><a href='/news/harbour-dues-rise.html'>Harbour dues rise</a></li></ul></main>"
    "</body></html>"
)
URLSET = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
)


def _url(loc: str, lastmod: str = "", title: str = "") -> str:
    dated = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
    news = (
        "<news:news><news:publication><news:name>The Harbour Gazette</news:name>"
        f"<news:language>en</news:language></news:publication><news:title>{title}</news:title>"
        "</news:news>"
        if title
        else ""
    )
    return f"<url><loc>{loc}</loc>{dated}{news}</url>"


@pytest.fixture(autouse=True)
def _not_found(httpserver: HTTPServer) -> None:
    httpserver.no_handler_status_code = 404


def _serve_home(server: HTTPServer) -> str:
    server.expect_request("/").respond_with_data(HOME, content_type="text/html; charset=utf-8")
    return server.url_for("/")


def _add(data_dir: Path, url: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), "add", url])
    said = capsys.readouterr()
    return code, said.out, said.err


def _listed(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_site_with_only_a_sitemap_is_followed_as_a_feed_of_its_newest_pages(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _serve_home(httpserver)
    # 70 pages in no order, the home page among them (no story): the newest 50 are kept.
    pages = [
        _url(
            httpserver.url_for(f"/news/2026/story-number-{n:02d}.html"),
            f"2026-10-{n % 30 + 1:02d}T{n % 24:02d}:00:00Z",
        )
        for n in range(70)
    ]
    urls = _url(home, "2026-12-06") + "".join(reversed(pages))
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        URLSET.format(urls=urls), content_type="application/xml"
    )
    code, out, err = _add(data_dir, home, capsys)
    sitemap = httpserver.url_for("/sitemap.xml")
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == (
        f"no feed; following its sitemap {sitemap}: its newest {NEWEST} pages, headed by the "
        "sitemap's titles, else their addresses, until a sync caches them"
    )
    listed = _listed(data_dir, capsys)
    assert len(listed) == NEWEST
    links = [item["link"] for item in listed]
    assert home not in links
    # Newest first by <lastmod>, not the sitemap's order: the 30th at 11:00 (n = 59), at 05:00
    # (n = 29), then the 29th at 10:00 (n = 58).
    assert links[:3] == [
        httpserver.url_for(f"/news/2026/story-number-{n}.html") for n in (59, 29, 58)
    ]
    assert [item["title"] for item in listed[:2]] == ["Story number 59", "Story number 29"]


def test_robots_txt_names_the_sitemap_and_a_news_sitemap_gives_the_headlines(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _serve_home(httpserver)
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /admin/\n"
        "Sitemap: https://cdn.elsewhere.example/sitemap.xml\n"
        f"Sitemap: {httpserver.url_for('/sitemaps/pages.xml')}\n"
        "sitemap: /sitemaps/news.xml\n",
        content_type="text/plain",
    )
    httpserver.expect_request("/sitemaps/pages.xml").respond_with_data(
        URLSET.format(urls=_url(httpserver.url_for("/about-us.html"), "2020-01-01")),
        content_type="application/xml",
    )
    story = httpserver.url_for("/n/48213")
    httpserver.expect_request("/sitemaps/news.xml").respond_with_data(
        URLSET.format(urls=_url(story, "2026-12-06T08:00:00Z", "Ferry &amp; tide times change")),
        content_type="application/xml",
    )
    code, out, err = _add(data_dir, home, capsys)
    assert (code, err) == (0, "")
    assert out.splitlines()[0].startswith(
        f"no feed; following its sitemap {httpserver.url_for('/sitemaps/news.xml')}: "
    )
    listed = _listed(data_dir, capsys)
    assert [(item["title"], item["link"]) for item in listed] == [
        ("Ferry & tide times change", story)
    ]
    asked = [request.path for request, _ in httpserver.log]
    assert "/sitemaps/pages.xml" not in asked  # the news one first, and it was one
    assert asked.index("/robots.txt") > asked.index("/index.xml")  # feeds first


def test_a_sitemap_index_is_no_feed() -> None:
    index = (
        b'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        b"<sitemap><loc>http://127.0.0.1/sitemap-1.xml</loc></sitemap></sitemapindex>"
    )
    with pytest.raises(FetchError):
        parse_feed(index, "http://127.0.0.1/sitemap.xml")


@pytest.mark.parametrize(
    ("url", "headline"),
    [
        ("https://example.org/news/harbour-fees-rise.html", "Harbour fees rise"),
        ("https://example.org/2026/12/07/ferry_strike_ends/", "Ferry strike ends"),
        ("https://example.org/story/caf%C3%A9-reopens/48213", "Café reopens"),
        ("https://example.org/", ""),
        # Numbered pages under a folder: each its own headline, not the folder's (acc46d D4).
        ("http://127.0.0.1:8462/p/11.html", "P 11"),
        ("https://example.org/story/48213", "Story 48213"),
        ("https://example.org/news/2026/12/07/", "News"),
    ],
)
def test_a_plain_sitemaps_headline_reads_as_its_address(url: str, headline: str) -> None:
    assert slug_headline(url) == headline


def test_a_plain_sitemaps_headline_becomes_its_pages_title_once_the_article_is_cached(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = _serve_home(httpserver)
    story = httpserver.url_for("/news/harbour-dues-rise.html")
    other = httpserver.url_for("/news/lifeboat-crew-called-out.html")
    urls = [_url(story, "2026-12-06T08:00:00Z")]
    httpserver.expect_request("/sitemap.xml").respond_with_handler(
        lambda _: Response(URLSET.format(urls="".join(urls)), content_type="application/xml")
    )
    httpserver.expect_request("/news/harbour-dues-rise.html").respond_with_data(
        "<!DOCTYPE html><html><head><title>Harbour dues rise for the winter moorings | The "
        "Harbour Gazette</title><meta property='og:title' content='Harbour dues rise for the "
        "winter moorings'></head><body><article><h1>Harbour dues rise for the winter "
        "moorings</h1>"
        + "<p>The harbour board set next year's dues on Tuesday, raising the winter rate for "
        "moorings by a tenth after a year of storm repairs to the outer wall.</p>"
        * 6
        + "</article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    assert _add(data_dir, home, capsys)[0] == 0
    assert [item["title"] for item in _listed(data_dir, capsys)] == ["Harbour dues rise"]
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    capsys.readouterr()
    # Headed by its page's title by the sync that cached it, the sitemap as it was.
    titles = [item["title"] for item in _listed(data_dir, capsys)]
    assert titles == ["Harbour dues rise for the winter moorings"]
    # Its next refresh (the sitemap names one page more) heads it with its page's title, for
    # good; it is not the item told anew (nothing fetched again for it).
    urls.append(_url(other, "2026-12-06T09:00:00Z"))
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles"]) == 0
    capsys.readouterr()
    titles = {item["link"]: item["title"] for item in _listed(data_dir, capsys)}
    assert titles == {
        story: "Harbour dues rise for the winter moorings",
        other: "Lifeboat crew called out",
    }
    store = Store(data_dir)
    try:
        assert store.told() == {}
    finally:
        store.close()


def test_a_in_the_reader_offers_no_home_page_as_an_article(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    """A site with neither feed nor sitemap: `a` says so, and asks nothing (its home page is a
    list of links, no article to save and read)."""
    home = _serve_home(httpserver)

    async def run() -> None:
        async with running(data_dir, (120, 30), prefetch=False) as (app, pilot):
            await ask(pilot, "a", home)
            await until(pilot, lambda: "not subscribed" in app.status, "the answer")
            assert "nor a sitemap listing its pages" in app.status
            await pilot.pause()
            assert isinstance(app.screen, MainScreen)
            assert not app.screen_stack[1:]  # no question pushed

    asyncio.run(run())


def test_a_feeds_own_headline_that_reads_as_its_address_stays_the_feeds(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A blog's item titled as its address's words ("Harbour dues rise" at
    /harbour-dues-rise.html) is the feed's headline, not a sitemap's stand-in: its page's
    title (with the blog's name) does not replace it."""
    story = httpserver.url_for("/2026/12/harbour-dues-rise.html")
    items = [
        f"<item><title>Harbour dues rise</title><link>{story}</link><guid>{story}</guid></item>"
    ]
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Blog</title>'
        "<link>{site}</link>{items}</channel></rss>"
    )
    httpserver.expect_request("/feed.xml").respond_with_handler(
        lambda _: Response(
            rss.format(site=httpserver.url_for("/"), items="".join(items)),
            content_type="application/rss+xml",
        )
    )
    httpserver.expect_request("/2026/12/harbour-dues-rise.html").respond_with_data(
        "<!DOCTYPE html><html><head><title>Harbour dues rise for the winter moorings - Quay "
        "Blog</title></head><body><article><h1>Harbour dues rise for the winter moorings</h1>"
        + "<p>The harbour board set next year's dues on Tuesday, raising the winter rate for "
        "moorings by a tenth after a year of storm repairs to the outer wall.</p>"
        * 6
        + "</article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    assert main(["--data-dir", str(data_dir), "add", httpserver.url_for("/feed.xml")]) == 0
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    later = httpserver.url_for("/2026/12/ferry-late.html")
    items.append(f"<item><title>Ferry late</title><link>{later}</link><guid>{later}</guid></item>")
    assert main(["--data-dir", str(data_dir), "sync", "--no-articles"]) == 0
    capsys.readouterr()
    titles = {item["link"]: item["title"] for item in _listed(data_dir, capsys)}
    assert titles == {story: "Harbour dues rise", later: "Ferry late"}


def _index(server: HTTPServer, sitemaps: list[tuple[str, str]]) -> str:
    listed = "".join(
        f"<sitemap><loc>{server.url_for(path)}</loc>"
        + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
        + "</sitemap>"
        for path, lastmod in sitemaps
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{listed}</sitemapindex>'
    )


def test_a_sitemap_index_is_followed_to_its_newest_sitemaps_gzipped_or_not(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A news site's sitemap.xml is an index of daily sitemaps, in no order, the newest gzip'd
    (served as a file): its newest `INDEX_SITEMAPS` by their <lastmod> are read, no older one
    asked for, another host's never."""
    home = _serve_home(httpserver)
    days = [f"2026-12-0{d}" for d in range(1, 7)]
    paths = [f"/sitemaps/{day}.xml" for day in days[:5]] + ["/sitemaps/2026-12-06.xml.gz"]
    dated = [(path, f"{day}T23:00:00Z") for path, day in zip(paths, days, strict=True)]
    index = _index(httpserver, [dated[2], dated[5], ("/sitemaps/undated.xml", ""), *dated[:2]])
    index = index.replace(
        "</sitemapindex>",
        "<sitemap><loc>https://cdn.elsewhere.example/s.xml</loc><lastmod>2026-12-07</lastmod>"
        f"</sitemap><sitemap><loc>{httpserver.url_for(paths[4])}</loc>"
        f"<lastmod>{dated[4][1]}</lastmod></sitemap>"
        f"<sitemap><loc>{httpserver.url_for(paths[3])}</loc></sitemap>"
        f"<sitemap><loc>{httpserver.url_for(paths[3])}</loc><lastmod>{dated[3][1]}</lastmod>"
        "</sitemap></sitemapindex>",
    )
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        index, content_type="application/xml"
    )
    for n, (path, day) in enumerate(zip(paths, days, strict=True)):
        story = httpserver.url_for(f"/news/{day}/story-of-day-{n + 1}.html")
        body = URLSET.format(urls=_url(story, f"{day}T08:00:00Z")).encode()
        gzipped = path.endswith(".gz")
        httpserver.expect_request(path).respond_with_data(
            gzip.compress(body) if gzipped else body,
            content_type="application/x-gzip" if gzipped else "application/xml",
        )
    code, out, err = _add(data_dir, home, capsys)
    assert (code, err) == (0, "")
    assert out.startswith(f"no feed; following its sitemap {httpserver.url_for('/sitemap.xml')}")
    listed_items = _listed(data_dir, capsys)
    assert [item["title"] for item in listed_items] == [
        "Story of day 6",
        "Story of day 5",
        "Story of day 4",
    ]
    asked = {request.path for request, _ in httpserver.log}
    assert INDEX_SITEMAPS == 3
    # Day 4 is listed undated once and dated once: read by its date.
    assert {paths[2], "/sitemaps/undated.xml"}.isdisjoint(asked)


def test_a_sitemap_index_reads_no_more_than_the_feeds_size_limit(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The index and its sitemaps are read to the feed's one size limit together: a sitemap
    that would take them past it is not read, said; an older one that fits is (acc47c C4)."""
    (data_dir / "config.toml").parent.mkdir(parents=True, exist_ok=True)
    (data_dir / "config.toml").write_text("[network]\nfeed_max_bytes = 3000\n")
    home = _serve_home(httpserver)
    index = [
        ("/s/new.xml", "2026-12-06"),
        ("/s/big.xml", "2026-12-05"),
        ("/s/old.xml", "2026-12-04"),
    ]
    httpserver.expect_request("/sitemap.xml").respond_with_data(
        _index(httpserver, index), content_type="application/xml"
    )
    new = httpserver.url_for("/news/harbour-dues-rise.html")
    httpserver.expect_request("/s/new.xml").respond_with_data(
        URLSET.format(urls=_url(new, "2026-12-06")), content_type="application/xml"
    )
    many = "".join(_url(httpserver.url_for(f"/news/old-{n}.html"), "2026-12-05") for n in range(40))
    httpserver.expect_request("/s/big.xml").respond_with_data(
        URLSET.format(urls=many), content_type="application/xml"
    )
    old = httpserver.url_for("/news/ferry-timetable.html")
    httpserver.expect_request("/s/old.xml").respond_with_data(
        URLSET.format(urls=_url(old, "2026-12-04")), content_type="application/xml"
    )
    code, out, err = _add(data_dir, home, capsys)
    assert (code, err) == (0, "")
    assert [item["link"] for item in _listed(data_dir, capsys)] == [new, old]
    big = httpserver.url_for("/s/big.xml")
    assert f"a sitemap of its index passed over: {big} (larger than the " in out


def _numbered_pages(server: HTTPServer, count: int) -> list[str]:
    """A site of `count` pages at /p/N.html, "Valley Notes N: walking the ridge", its sitemap
    at /sitemap.xml answering 304 to its own ETag: an older reader's library is never read
    again whole unless asked to."""
    pages = [server.url_for(f"/p/{n}.html") for n in range(count)]
    sitemap = URLSET.format(urls="".join(_url(p, f"2026-12-0{n + 1}") for n, p in enumerate(pages)))

    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"s1"':
            return Response(status=304, headers={"ETag": '"s1"'})
        return Response(sitemap, content_type="application/xml", headers={"ETag": '"s1"'})

    server.expect_request("/sitemap.xml").respond_with_handler(answer)
    for n in range(count):
        title = f"Valley Notes {n}: walking the ridge"
        server.expect_request(f"/p/{n}.html").respond_with_data(
            f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
            f"<h1>{title}</h1>"
            + "<p>The path climbs from the chapel past the old quarry, then follows the wall "
            "along the ridge to the cairn, where the whole valley opens below.</p>"
            * 6
            + "</article></body></html>",
            content_type="text/html; charset=utf-8",
        )
    return pages


def test_a_sitemaps_pages_an_older_reader_headed_with_their_folder_get_their_titles(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc46d D4: an older reader headed /p/0.html … /p/2.html alike ("P") and cached them;
    the first sync after the upgrade heads each with its page's title, its sitemap unchanged
    (a 304 at every refresh), and later syncs keep doing so for the pages it caches."""
    home = _serve_home(httpserver)
    pages = _numbered_pages(httpserver, 3)
    assert _add(data_dir, home, capsys)[0] == 0
    assert [i["title"] for i in _listed(data_dir, capsys)] == ["P 2", "P 1", "P 0"]
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    sitemap = httpserver.url_for("/sitemap.xml")
    store = Store(data_dir)
    try:  # as an older reader left it: headed "P", the feed read whole by it, no mark
        records = store._load(store._state, f"entries:{sitemap}")
        store._save(store._state, f"entries:{sitemap}", [{**r, "title": "P"} for r in records])
        kept = store._load(store._state, f"feed:{sitemap}")
        store._save(
            store._state, f"feed:{sitemap}", {**kept, "read_with": 4, "title": httpserver.host}
        )
        store._state.delete(f"page-titled:{sitemap}")
    finally:
        store.close()
    assert [i["title"] for i in _listed(data_dir, capsys)] == ["P"] * 3
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    titles = {i["link"]: i["title"] for i in _listed(data_dir, capsys)}
    assert titles == {p: f"Valley Notes {n}: walking the ridge" for n, p in enumerate(pages)}
    store = Store(data_dir)
    try:
        assert store.told() == {}  # headed anew, not told anew
        assert store._state.get(f"page-titled:{sitemap}") is not None
        assert getattr(store.feed(sitemap), "title", "") == f"{httpserver.host}:{httpserver.port}"
    finally:
        store.close()


def test_two_sitemap_sites_on_one_host_are_named_apart(
    httpserver: HTTPServer,
    own_server: HTTPServer,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """acc46d D10: two sites of no feed on one host, at two ports, were both "127.0.0.1"."""
    for server in (httpserver, own_server):
        server.no_handler_status_code = 404
        _numbered_pages(server, 1)
        assert _add(data_dir, _serve_home(server), capsys)[0] == 0
    assert main(["--data-dir", str(data_dir), "feeds", "--json"]) == 0
    named = sorted(feed["title"] for feed in json.loads(capsys.readouterr().out))
    assert named == sorted(f"{s.host}:{s.port}" for s in (httpserver, own_server))
