"""The bundled demo news site: content manifest, feeds, pages and server behaviour."""

from __future__ import annotations

import ast
import gzip
import html
import json
import re
import signal
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from http.client import HTTPMessage
from pathlib import Path

import pytest

from reader.demo.content import (
    NON_ARTICLE_PATHS,
    DemoArticle,
    boilerplate_phrases,
    latest_headlines,
    load_articles,
    read_also,
)
from reader.demo.server import DemoServer, earlier_demo_feeds, start_demo_server

ARTICLES = load_articles()
BY_SITE = {
    site: [a for a in ARTICLES if a.site == site] for site in ("gazette", "northwind", "vestnik")
}
ATOM = "{http://www.w3.org/2005/Atom}"
DEMO_DIR = Path(__file__).resolve().parents[1] / "reader" / "demo"


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    demo = start_demo_server()
    yield demo
    demo.stop()


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, HTTPMessage, bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def page_html(server: DemoServer, article: DemoArticle) -> str:
    status, _, body = get(server.base_url + article.path)
    assert status == 200
    return body.decode(article.charset)


def page_text(server: DemoServer, article: DemoArticle) -> str:
    """The served page decoded as a browser would, with character references resolved."""
    return html.unescape(page_html(server, article))


def own_text(article: DemoArticle) -> str:
    return "\n".join([article.title, article.summary, article.body_text]).casefold()


# --------------------------------------------------------------------------- the manifest


def test_manifest_shape() -> None:
    assert 24 <= len(ARTICLES) <= 36
    assert {site: len(items) for site, items in BY_SITE.items()} == {
        "gazette": 11,
        "northwind": 10,
        "vestnik": 6,
    }
    assert len({a.path for a in ARTICLES}) == len(ARTICLES)
    assert len({(a.site, a.slug) for a in ARTICLES}) == len(ARTICLES)
    assert not set(NON_ARTICLE_PATHS) & {a.path for a in ARTICLES}
    low, high = (
        datetime.fromisoformat("2026-11-20T00:00+00:00"),
        datetime.fromisoformat("2026-11-25T00:00+00:00"),
    )
    for article in ARTICLES:
        assert article.published.tzinfo is not None
        assert low <= article.published < high
        assert article.updated is None or article.updated > article.published
        assert article.paragraphs and article.title and article.author and article.summary
        assert article.tags
        assert not any("*" in p or "](" in p for p in article.paragraphs), "markup leaked"
    for items in BY_SITE.values():
        dates = [a.published for a in items]
        assert dates == sorted(dates, reverse=True), "newest first within a site"


def test_bodies_have_real_structure() -> None:
    assert sum(bool(a.headings) for a in ARTICLES) >= 20
    assert sum(bool(a.quotes) for a in ARTICLES) >= 20
    assert sum(bool(a.list_items) for a in ARTICLES) >= 15
    assert sum(bool(a.captions) for a in ARTICLES) >= 3
    assert sum(len(a.paragraphs) <= 3 for a in ARTICLES) >= 2, "a couple of short flashes"
    assert any(b.kind == "h3" for a in ARTICLES for b in a.blocks)
    assert any(b.kind == "ol" for a in ARTICLES for b in a.blocks)
    assert any(b.kind == "table" and b.header and b.cite for a in ARTICLES for b in a.blocks)


def test_exactly_one_long_read() -> None:
    long_reads = [a for a in ARTICLES if a.word_count >= 10_000]
    assert len(long_reads) == 1
    (long,) = long_reads
    assert len(long.body_text.split()) >= 10_000
    assert sum(len(p.split()) for p in long.paragraphs) >= 10_000
    assert len([h for b in long.blocks if b.kind == "h2" for h in b.lines]) >= 10
    assert len(long.quotes) >= 5 and len(long.list_items) >= 10
    # Genuinely varied prose: no paragraph is repeated.
    assert len(set(long.paragraphs)) == len(long.paragraphs)
    assert all(a.word_count < 2_000 for a in ARTICLES if a is not long)


def test_charsets() -> None:
    charsets = {a.charset for a in BY_SITE["vestnik"]}
    assert charsets == {"windows-1251", "koi8-r"}
    assert {a.charset for a in ARTICLES if a.site != "vestnik"} == {"utf-8"}
    styles = {a.meta_charset_style for a in BY_SITE["vestnik"] if a.charset == "windows-1251"}
    assert styles == {"charset", "http-equiv"}


def test_sidebar_and_read_also_link_other_articles() -> None:
    for article in ARTICLES:
        sidebar, related = latest_headlines(article), read_also(article)
        assert len(sidebar) >= 4 and 2 <= len(related) <= 3
        for other in sidebar + related:
            assert other.slug != article.slug and other.site == article.site
            assert other.title.casefold() not in own_text(article)


def test_boilerplate_phrases_are_outside_the_body() -> None:
    for article in ARTICLES:
        phrases = boilerplate_phrases(article)
        shell = article.built_by_script or article.amp_only
        assert len(phrases) >= 20 or (shell and not phrases), article.slug
        for phrase in phrases:
            assert phrase.casefold() not in own_text(article), (article.slug, phrase)
            assert not any(phrase in p for p in article.paragraphs + article.headings)


def test_demo_package_is_self_contained() -> None:
    """The demo must import nothing from the rest of `reader` (and only the stdlib)."""
    for path in DEMO_DIR.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                assert top in sys.stdlib_module_names or top == "__future__", (path.name, name)


# --------------------------------------------------------------------------- feeds


def test_rss_feeds_list_absolute_links(server: DemoServer) -> None:
    for url, site in ((server.feed_urls[0], "gazette"), (server.feed_urls[2], "vestnik")):
        status, headers, body = get(url)
        assert status == 200 and "xml" in headers["Content-Type"]
        channel = ET.fromstring(body).find("channel")
        assert channel is not None and channel.findtext("title")
        assert channel.findtext("description") and channel.findtext("link")
        items = channel.findall("item")
        expected = {a.title for a in BY_SITE[site]}
        if site == "gazette":
            expected.add("Full council budget report (PDF)")
        assert {i.findtext("title") for i in items} == expected
        dates = [parsedate_to_datetime(i.findtext("pubDate") or "") for i in items]
        assert dates == sorted(dates, reverse=True)
        for item in items:
            assert (item.findtext("link") or "").startswith(server.base_url + "/")
            assert item.findtext("guid") and item.findtext("description")
            assert item.findtext("{http://purl.org/dc/elements/1.1/}creator")
            assert item.findall("category")


def test_atom_feed_lists_absolute_links(server: DemoServer) -> None:
    status, headers, body = get(server.feed_urls[1])
    assert status == 200 and headers["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(body)
    assert feed.findtext(f"{ATOM}title") == "Northwind Tech Review"
    assert feed.findtext(f"{ATOM}subtitle")
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == len(BY_SITE["northwind"])
    for entry in entries:
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link is not None and link.get("href", "").startswith(server.base_url + "/")
        for tag in ("id", "title", "published", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{tag}"), tag
        assert entry.findtext(f"{ATOM}author/{ATOM}name")


def test_feeds_parse_cleanly_with_feedparser(server: DemoServer) -> None:
    feedparser = pytest.importorskip("feedparser")
    for url, site in zip(server.feed_urls, ("gazette", "northwind", "vestnik"), strict=True):
        parsed = feedparser.parse(get(url)[2])
        assert not parsed.bozo, parsed.get("bozo_exception")
        by_link = {e.link: e for e in parsed.entries}
        for article in BY_SITE[site]:
            entry = by_link[server.base_url + article.path]
            assert entry.title == article.title and entry.author == article.author
            assert entry.summary == article.summary
            assert [t.term for t in entry.tags] == list(article.tags)


def test_feed_conditional_requests(server: DemoServer) -> None:
    status, headers, _ = get(server.feed_urls[0])
    etag, last_modified = headers["ETag"], headers["Last-Modified"]
    assert status == 200 and etag and last_modified
    assert get(server.feed_urls[0], {"If-None-Match": etag})[0] == 304
    assert get(server.feed_urls[0], {"If-None-Match": f'W/{etag}, "other"'})[0] == 304
    assert get(server.feed_urls[0], {"If-Modified-Since": last_modified})[0] == 304
    assert get(server.feed_urls[0], {"If-None-Match": '"stale"'})[0] == 200
    assert (
        get(server.feed_urls[0], {"If-Modified-Since": "Sun, 01 Nov 2026 00:00:00 GMT"})[0] == 200
    )


# --------------------------------------------------------------------------- pages


def test_every_article_page_has_its_title_and_meta(server: DemoServer) -> None:
    for article in ARTICLES:
        text = page_text(server, article)
        assert f'<meta property="og:title" content="{article.title}">' in text
        assert '<meta property="og:type" content="article">' in text
        assert f'<link rel="canonical" href="{server.base_url}{article.path}">' in text
        assert f'content="{article.published.isoformat()}"' in text
        if article.built_by_script or article.amp_only:
            continue
        assert f">{article.title}</h1>" in text
        assert f'<time datetime="{article.published.isoformat()}">' in text
        assert text.count("<h1") == 1
    assert sum('"@type": "NewsArticle"' in page_text(server, a) for a in ARTICLES) >= 5


def test_legacy_charset_pages(server: DemoServer) -> None:
    for article in BY_SITE["vestnik"]:
        status, headers, body = get(server.base_url + article.path)
        assert status == 200
        assert headers["Content-Type"] == "text/html"  # no charset: only the <meta> says
        head = body[:1024].decode("ascii", errors="replace").lower()
        assert f"charset={article.charset}" in head or f'charset="{article.charset}"' in head
        assert article.title in body.decode(article.charset)
        with pytest.raises(UnicodeDecodeError):
            body.decode("utf-8")


def shell_head(server: DemoServer, article: DemoArticle) -> str:
    """The `<head>` of a page a script fills, having checked its body shows none of the text."""
    head, _, body = page_html(server, article).partition("<body>")
    assert "Loading" in body and article.paragraphs[0][:40] not in html.unescape(body)
    return head


def test_a_page_built_by_script_has_its_text_only_in_its_json_ld(server: DemoServer) -> None:
    built = [a for a in ARTICLES if a.built_by_script]
    assert built, "the demo must have a page built by script"
    for article in built:
        head = shell_head(server, article)
        script = re.search(r'<script type="application/ld\+json">(.*?)</script>', head, re.S)
        assert script is not None
        assert json.loads(script.group(1))["articleBody"] == article.body_text


def test_a_page_built_by_script_with_an_amp_version_has_its_text_only_there(
    server: DemoServer,
) -> None:
    built = [a for a in ARTICLES if a.amp_only]
    assert built, "the demo must have a page whose text is only in its AMP version"
    for article in built:
        head = shell_head(server, article)
        assert "articleBody" not in head
        assert f'<link rel="amphtml" href="{server.base_url}{article.amp_path}">' in head
        status, headers, amp = get(server.base_url + article.amp_path)
        assert status == 200 and headers["Content-Type"] == "text/html; charset=utf-8"
        amp_text = html.unescape(amp.decode())
        assert "<html amp" in amp_text and "<amp-img " in amp_text and "<img " not in amp_text
        assert f'<link rel="canonical" href="{server.base_url}{article.path}">' in amp_text
        assert all(p in re.sub(r"<[^>]+>", "", amp_text) for p in article.paragraphs)


def test_boilerplate_is_on_the_page_and_read_also_is_mid_body(server: DemoServer) -> None:
    for article in ARTICLES:
        if article.built_by_script or article.amp_only:
            continue
        markup = page_html(server, article)
        text = html.unescape(markup)
        for phrase in boilerplate_phrases(article):
            assert phrase in text, (article.slug, phrase)
        # The "Read also" box sits between the first and the last body paragraph (of the
        # first page, for an article over several).
        shown = article.on_page(1) if article.pages else article
        paragraphs = [part for b in shown.blocks if b.kind == "p" for part in b.text_parts()]
        plain = html.unescape(re.sub(r"<[^>]+>", "", markup))
        box = plain.index(read_also(article)[0].title)
        assert plain.index(paragraphs[0]) < box < plain.rindex(paragraphs[-1])


def test_body_links_resolve(server: DemoServer) -> None:
    hrefs = {
        href
        for article in ARTICLES
        for block in article.blocks
        for line in block.lines
        for href in re.findall(r"\]\((/[^)]+)\)", line)
    }
    hrefs |= {b.src for a in ARTICLES for b in a.blocks if b.kind in ("figure", "audio")}
    assert len(hrefs) >= 5
    for href in hrefs:
        assert get(server.base_url + href)[0] == 200, href


def test_site_has_no_broken_links(server: DemoServer) -> None:
    """Crawl everything reachable from / and the feeds: every local link answers 200."""
    todo = ["/"] + [url.removeprefix(server.base_url) for url in server.feed_urls]
    seen: set[str] = set()
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        status, headers, body = get(server.base_url + path)
        assert status == 200, path
        if "html" in headers["Content-Type"] or "xml" in headers["Content-Type"]:
            text = body.decode("utf-8", errors="replace")
            links = re.findall(r'(?:href|src)="([^"#]+)"', text)
            links += re.findall(r"<link>([^<]+)</link>", text)
            for link in map(html.unescape, links):
                link = link.removeprefix(server.base_url)
                if link.startswith("/"):
                    todo.append(link)
    assert len(seen) > 100


def test_pdf_index_and_not_found(server: DemoServer) -> None:
    status, headers, body = get(server.base_url + NON_ARTICLE_PATHS[0])
    assert status == 200 and headers["Content-Type"] == "application/pdf"
    assert body.startswith(b"%PDF-1.4") and body.rstrip().endswith(b"%%EOF")

    status, _, body = get(server.base_url + "/")
    index = body.decode()
    assert status == 200 and all(url in index for url in server.feed_urls)
    assert all(a.path in index for a in ARTICLES)

    status, headers, body = get(server.base_url + "/no/such/page.html")
    assert status == 404 and headers["Content-Type"].startswith("text/html")
    assert b"404" in body


def test_head_redirect_and_gzip(server: DemoServer) -> None:
    article = BY_SITE["northwind"][1]
    request = urllib.request.Request(server.base_url + article.path, method="HEAD")
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200 and response.read() == b""
        assert int(response.headers["Content-Length"]) > 1000
    # /northwind/.../slug without its trailing slash redirects to the canonical URL.
    status, _, body = get(server.base_url + article.path.rstrip("/"))
    assert status == 200 and article.title.encode() in body
    status, headers, body = get(server.base_url + article.path, {"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip"
    assert article.title.encode() in gzip.decompress(body)


# --------------------------------------------------------------------------- server lifecycle


def test_quiet_disconnects_latency_and_stop(capfd: pytest.CaptureFixture[str]) -> None:
    demo = DemoServer(latency=0.05).start()
    host, port = "127.0.0.1", int(demo.base_url.rsplit(":", 1)[1])
    assert demo.base_url == f"http://{host}:{port}"
    started = time.monotonic()
    assert get(demo.feed_urls[1])[0] == 200
    assert time.monotonic() - started >= 0.05
    # Clients that hang up early (mid-request, or before reading the long-read) are ignored.
    with socket.create_connection((host, port)) as sock:
        sock.sendall(b"GET /gazette/rss")
    long = max(ARTICLES, key=lambda a: a.word_count)
    with socket.create_connection((host, port)) as sock:
        # Linger 0: close() sends a reset, the rudest way to disconnect.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.sendall(f"GET {long.path} HTTP/1.0\r\n\r\n".encode())
    time.sleep(0.15)
    demo.stop()
    demo.stop()  # idempotent
    with pytest.raises(OSError):
        socket.create_connection((host, port), timeout=1).close()
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


def test_context_manager() -> None:
    with DemoServer() as demo:
        assert get(demo.base_url + "/")[0] == 200
        port = int(demo.base_url.rsplit(":", 1)[1])
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()


def test_a_taken_port_is_an_error_or_a_free_one_when_asked(server: DemoServer) -> None:
    """`reader demo` tries its fixed port first; another server there must not stop the demo."""
    port = int(server.base_url.rsplit(":", 1)[1])
    with pytest.raises(OSError):
        start_demo_server(port=port)
    with start_demo_server(port=port, fall_back=True) as other:
        assert other.base_url != server.base_url
        assert get(other.feed_urls[0])[0] == 200
    assert get(server.feed_urls[0])[0] == 200  # the first one is untouched


def test_earlier_demo_feeds_are_the_demo_paths_on_another_port() -> None:
    now = [f"http://127.0.0.1:8650{path}" for path in ("/gazette/rss.xml", "/northwind/atom.xml")]
    subscribed = [
        "http://127.0.0.1:41234/gazette/rss.xml",  # an earlier demo
        "http://127.0.0.1:41234/vestnik/rss.xml",
        "http://127.0.0.1/northwind/atom.xml",
        *now,  # this demo
        "http://127.0.0.1:41234/my/own.xml",  # not a demo path
        "http://example.org:41234/gazette/rss.xml",  # not the demo's host
        "https://127.0.0.1:41234/gazette/rss.xml",
        "http://127.0.0.1:99999/gazette/rss.xml",  # no such port
    ]
    assert earlier_demo_feeds(subscribed, now) == subscribed[:3]
    assert earlier_demo_feeds(subscribed, []) == []


def test_python_dash_m_prints_feeds_and_stops_cleanly() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "reader.demo", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=DEMO_DIR.parents[1],
    )
    try:
        assert process.stdout is not None
        urls = [process.stdout.readline().strip() for _ in range(3)]
        assert [u.rsplit("/", 2)[1:] for u in urls] == [
            ["gazette", "rss.xml"],
            ["northwind", "atom.xml"],
            ["vestnik", "rss.xml"],
        ]
        assert get(urls[0])[0] == 200
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=5)
    finally:
        process.kill()
    assert process.returncode == 0
    assert "Traceback" not in err
