"""A loopback news farm for benchmarks: many feeds and article pages on several 127.0.0.x hosts.

    uv run python benchmarks/farm.py --feeds 50 --items 40 --latency 0.05 --hosts 4 [--no-gzip]

As a library::

    with Farm(feeds=50, items=40, latency=0.05, hosts=4) as farm:
        farm.feed_urls          # one RSS 2.0 feed per feed index, spread over the hosts
        farm.stats()            # requests seen (per path, host, status), peak concurrency
        farm.reset_stats()

Each host is its own listening socket on its own loopback address (127.0.0.1, 127.0.0.2, …), so a
client's per-host connection cap applies as it would on the real web. Every response waits
`latency` seconds before it is written, without holding up other requests (one asyncio loop in a
background thread serves every host). Feeds are RSS 2.0 whose items link to article pages on the
same host; article pages are full news pages (1,000–1,500 words of generated, varied prose inside
navigation, a cookie banner, share buttons, a "Read also" box, a sidebar and a footer), so
extracting one costs what a real page costs. Every resource has an ETag and a Last-Modified and is
answered 304 to a matching conditional request; bodies are gzipped when the client asks and the
farm allows it. The farm logs nothing, listens on loopback only, and stops by itself after
`lifetime` seconds if nobody stops it first.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gzip
import hashlib
import html
import json
import os
import random
import signal
import socket
import statistics
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from types import TracebackType
from typing import Any

__all__ = [
    "Farm",
    "FarmStats",
    "RunResult",
    "checkout_python",
    "checkout_reader",
    "child_env",
    "children_json",
    "load_average",
    "loopback_hosts",
    "median",
    "reader_command",
    "run_measured",
    "runs_before_after",
    "subscribe",
    "warm_up",
]

_BASE_TIME = datetime(2024, 11, 20, 12, 0, tzinfo=UTC)
_MAX_REQUEST_HEAD = 16 * 1024
_MAX_REQUESTS_PER_CONNECTION = 100_000
_IDLE_TIMEOUT = 30.0

SECTIONS = (
    "world",
    "politics",
    "business",
    "science",
    "technology",
    "health",
    "culture",
    "sport",
    "climate",
    "opinion",
    "travel",
    "education",
)

# Common English words: the prose reads like text to an extractor (stop words, commas, lengths).
_COMMON_TEXT = """
the of and to in a is that for it as was with be by on not he this are or his from at which but
have an they you were her she there one all we their been has when who will more would if no out
so said what up its about into than them can only other new some could time these two may then
do first any my now such like our over man me even most made after also did many before must
through back years where much your way well down should because each just those people how too
little state good very make world still own see men work long get here between both life being
under never day same another know while last might us great old year off come since against go
came right used take three states himself few house use during without again place around however
home small found thought went say part once general high upon school every does got united left
number course war until always away something fact though water less public put think almost hand
enough far took head yet government system better set told nothing night end why called didn
eyes find going look asked later knew point next program city business give group toward young
days let room president side social given present several order national possible rather second
face per among form important often things looking early white case john become large big need
four within felt along children saw best church ever least power development light thing seemed
family interest want members mind country area others done turned although open god service
problem certain kind different thus began door help means sense whole matter perhaps itself york
times law human line above name example action company hands local show whether five history gave
today either act feet across taken past quite anything seen having death week experience body word
half really field am car words already themselves information tell together college shall money
period held keep sure probably free real seems behind cannot miss political air question making
office brought whose special heard major problems ago became federal study available known result
street economic boy position reason change south board individual job areas society west close turn
love community true court force full seem am wife future age wanted department voice center woman
control common necessary following front sometimes six girl clear further land run students
provide feel party able mother music education university child effect level stood military town
short morning total outside rate figure class art century washington north usually plan leave
therefore evidence top million sound black strong hard various says believe type value play surface
soon mean near table lines minister council report harbour budget ministers inquiry committee
coastal ferry network tunnel region mayor village fishermen storm engineers volunteers festival
archive library orchestra laboratory researchers vaccine drought rainfall glacier shipping
"""
_COMMON = tuple(_COMMON_TEXT.split())

_NAMES = (
    "Maria Lindqvist",
    "Tomasz Nowak",
    "Aisha Rahman",
    "Jonas Berg",
    "Chiara Rossi",
    "Daniel Okafor",
    "Hanna Virtanen",
    "Pedro Alves",
    "Sofia Petrova",
    "Liam O'Connor",
    "Yuki Tanaka",
    "Elif Demir",
)


# An inline SVG icon, as share buttons and menus carry them.
_ICON = (
    '<svg class="icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="M18 16.08c-.76 '
    "0-1.44.3-1.96.77L8.91 12.7c.05-.23.09-.46.09-.7s-.04-.47-.09-.7l7.05-4.11c.54.5 1.25.81 2.04.81 1.66 0 "
    "3-1.34 3-3s-1.34-3-3-3-3 1.34-3 3c0 .24.04.47.09.7L8.04 9.81C7.5 9.31 6.79 9 6 9c-1.66 0-3 1.34-3 3s1.34 3 "
    '3 3c.79 0 1.5-.31 2.04-.81l7.12 4.16c-.05.21-.08.43-.08.65 0 1.61 1.31 2.92 2.92 2.92s2.92-1.31 2.92-2.92-1.31-2.92-2.92-2.92z"/></svg>'
)


def loopback_hosts(count: int) -> list[str]:
    """`count` loopback addresses (127.0.0.1 …) that this machine can bind; raises OSError otherwise."""
    hosts = [f"127.0.0.{i}" for i in range(1, count + 1)]
    for host in hosts:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            probe.bind((host, 0))
    return hosts


@dataclass(frozen=True)
class Resource:
    """A rendered response: body, validators and (when worth it) a gzipped copy."""

    body: bytes
    content_type: str
    last_modified: datetime
    etag: str
    gzipped: bytes | None


@dataclass
class FarmStats:
    """What the farm saw since the last reset."""

    requests: int = 0
    by_path: Counter[str] = field(default_factory=Counter)
    by_host: Counter[str] = field(default_factory=Counter)
    by_status: Counter[int] = field(default_factory=Counter)
    bytes_sent: int = 0
    connections: int = 0
    peak_inflight: int = 0
    peak_inflight_per_host: dict[str, int] = field(default_factory=dict)
    first_asked: dict[str, float] = field(default_factory=dict)  # path: time.monotonic()

    def copy(self) -> FarmStats:
        return FarmStats(
            self.requests,
            Counter(self.by_path),
            Counter(self.by_host),
            Counter(self.by_status),
            self.bytes_sent,
            self.connections,
            self.peak_inflight,
            dict(self.peak_inflight_per_host),
            dict(self.first_asked),
        )


class _Prose:
    """Generated, varied prose: deterministic per seed, no two pages alike."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def word(self) -> str:
        return self.rng.choice(_COMMON)

    def sentence(self) -> str:
        rng = self.rng
        n = rng.randint(7, 26)
        words = rng.choices(_COMMON, k=n)
        if rng.random() < 0.3:
            words[rng.randrange(n)] = rng.choice(_NAMES).split()[1]
        if rng.random() < 0.25:
            words[rng.randrange(n)] = str(rng.randint(2, 2024))
        out = []
        for i, w in enumerate(words):
            out.append(w)
            if 2 < i < n - 2 and rng.random() < 0.09:
                out[-1] += ","
        text = " ".join(out)
        end = "." if rng.random() < 0.9 else rng.choice("?!")
        return text[0].upper() + text[1:] + end

    def paragraph(self, sentences: tuple[int, int] = (3, 7)) -> tuple[str, int]:
        parts = [self.sentence() for _ in range(self.rng.randint(*sentences))]
        text = " ".join(parts)
        return text, len(text.split())

    def title(self, lo: int = 5, hi: int = 11) -> str:
        words = self.rng.choices(_COMMON, k=self.rng.randint(lo, hi))
        return " ".join(words).capitalize()


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


class Farm:
    """N feeds × M article pages served on `hosts` loopback addresses, each after `latency` s."""

    def __init__(
        self,
        feeds: int = 50,
        items: int = 40,
        latency: float = 0.05,
        hosts: int = 4,
        gzip: bool = True,
        seed: int = 1,
        words: tuple[int, int] = (1000, 1500),
        lifetime: float = 3600.0,
        weight: float = 1.0,
        validators: bool = True,
        ports: dict[str, int] | None = None,
    ) -> None:
        if not 1 <= hosts <= 254:
            raise ValueError("hosts must be between 1 and 254")
        self.n_feeds = feeds
        self.n_items = items
        self.latency = latency
        # Seconds more that a feed's answer takes, by the feed's index (a slow server).
        self.feed_delay: dict[int, float] = {}
        self.hosts = loopback_hosts(hosts)
        self.gzip = gzip
        self.seed = seed
        self.words = words
        self.lifetime = lifetime
        # False: no ETag nor Last-Modified, every request answered whole (many real feeds' servers).
        self.validators = validators
        # Page furniture, scaled by `weight`: 1.0 makes pages of ~100 KB, the median of real ones.
        self.menu_links = max(1, round(24 * weight))
        self.css_rules = max(1, round(300 * weight))
        self.state_items = max(1, round(80 * weight))
        self.ports: dict[str, int] = {}
        # The port each host listens on (a data directory's feeds name them); any free one else.
        self._fixed_ports = dict(ports or {})
        self._resources: dict[tuple[str, str], Resource] = {}
        self._render_lock = threading.Lock()
        self._furniture: dict[int, tuple[str, str]] = {}
        self._stats = FarmStats()
        self._inflight: Counter[str] = Counter()
        self._inflight_total = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()
        self._error: BaseException | None = None

    # -- addresses -----------------------------------------------------------------------------
    def host_of(self, feed: int) -> str:
        return self.hosts[feed % len(self.hosts)]

    def base_url(self, host: str) -> str:
        return f"http://{host}:{self.ports[host]}"

    def feed_path(self, feed: int) -> str:
        return f"/feeds/{feed:03d}.xml"

    def article_path(self, feed: int, item: int) -> str:
        section = SECTIONS[feed % len(SECTIONS)]
        return f"/{section}/{feed:03d}/story-{item:03d}.html"

    @property
    def feed_urls(self) -> list[str]:
        return [self.base_url(self.host_of(f)) + self.feed_path(f) for f in range(self.n_feeds)]

    @property
    def article_urls(self) -> list[str]:
        return [
            self.base_url(self.host_of(f)) + self.article_path(f, i)
            for f in range(self.n_feeds)
            for i in range(self.n_items)
        ]

    @property
    def expected_requests(self) -> int:
        """One request per feed and per article: what a full first sync needs at the least."""
        return self.n_feeds * (1 + self.n_items)

    # -- content -------------------------------------------------------------------------------
    def _published(self, feed: int, item: int) -> datetime:
        return _BASE_TIME - timedelta(minutes=37 * item + 3 * feed)

    def _route(self, host: str, path: str) -> tuple[str, int, int] | None:
        """("feed"|"article"|"index", feed, item) for a path this host serves."""
        if path == "/":
            return ("index", -1, -1)
        parts = path.strip("/").split("/")
        try:
            if len(parts) == 2 and parts[0] == "feeds" and parts[1].endswith(".xml"):
                feed = int(parts[1][:-4])
                if 0 <= feed < self.n_feeds and self.host_of(feed) == host:
                    return ("feed", feed, -1)
            if len(parts) == 3 and parts[2].startswith("story-") and parts[2].endswith(".html"):
                feed, item = int(parts[1]), int(parts[2][6:-5])
                if (
                    0 <= feed < self.n_feeds
                    and 0 <= item < self.n_items
                    and self.host_of(feed) == host
                    and path == self.article_path(feed, item)
                ):
                    return ("article", feed, item)
        except ValueError:
            return None
        return None

    def resource(self, host: str, path: str) -> Resource | None:
        """The rendered resource at `path` on `host` (rendered on first use, then kept)."""
        key = (host, path)
        found = self._resources.get(key)
        if found is not None:
            return found
        route = self._route(host, path)
        if route is None:
            return None
        kind, feed, item = route
        if kind == "feed":
            body, ctype = self._render_feed(feed), "application/rss+xml; charset=utf-8"
            modified = self._published(feed, 0)
        elif kind == "article":
            body, ctype = self._render_article(feed, item), "text/html; charset=utf-8"
            modified = self._published(feed, item) + timedelta(minutes=5)
        else:
            body, ctype = self._render_index(host), "text/html; charset=utf-8"
            modified = _BASE_TIME
        res = Resource(
            body=body,
            content_type=ctype,
            last_modified=modified,
            etag='"' + hashlib.sha256(body).hexdigest()[:24] + '"',
            gzipped=gzip.compress(body, 6, mtime=0) if self.gzip and len(body) > 512 else None,
        )
        with self._render_lock:
            self._resources[key] = res
        return res

    def page(self, url_or_path: str) -> bytes:
        """The body of an article page (for measuring extraction without the network)."""
        if url_or_path.startswith("http://"):
            rest = url_or_path[len("http://") :]
            hostport, _, path = rest.partition("/")
            host = hostport.split(":")[0]
            path = "/" + path
        else:
            path = url_or_path
            route = [
                (f, i)
                for f in range(self.n_feeds)
                for i in range(self.n_items)
                if self.article_path(f, i) == path
            ]
            if not route:
                raise KeyError(path)
            host = self.host_of(route[0][0])
        res = self.resource(host, path)
        if res is None:
            raise KeyError(url_or_path)
        return res.body

    def prerender(self) -> None:
        """Render (and gzip) every feed and page now, so serving costs no CPU during a measurement."""
        for f in range(self.n_feeds):
            host = self.host_of(f)
            self.resource(host, self.feed_path(f))
            for i in range(self.n_items):
                self.resource(host, self.article_path(f, i))

    def _render_index(self, host: str) -> bytes:
        links = "\n".join(
            f'<li><a href="{self.feed_path(f)}">Feed {f}</a></li>'
            for f in range(self.n_feeds)
            if self.host_of(f) == host
        )
        return f"<!doctype html><html><body><h1>News farm {host}</h1><ul>{links}</ul></body></html>".encode()

    def _feed_title(self, feed: int) -> str:
        section = SECTIONS[feed % len(SECTIONS)]
        return f"The {section.capitalize()} Desk {feed:03d}"

    def _story_title(self, feed: int, item: int) -> str:
        return _Prose(random.Random(f"{self.seed}:{feed}:{item}:title")).title()

    def _render_feed(self, feed: int) -> bytes:
        base = self.base_url(self.host_of(feed))
        rng = random.Random(f"{self.seed}:{feed}:feed")
        prose = _Prose(rng)
        items = []
        for i in range(self.n_items):
            link = base + self.article_path(feed, i)
            summary, _ = prose.paragraph((1, 2))
            items.append(
                "<item>"
                f"<title>{_esc(self._story_title(feed, i))}</title>"
                f"<link>{_esc(link)}</link>"
                f'<guid isPermaLink="true">{_esc(link)}</guid>'
                f"<pubDate>{format_datetime(self._published(feed, i), usegmt=True)}</pubDate>"
                f"<author>desk@example.org ({_esc(rng.choice(_NAMES))})</author>"
                f"<category>{SECTIONS[feed % len(SECTIONS)]}</category>"
                f"{self._item_text(feed, i, summary)}</item>"
            )
        return (
            '<?xml version="1.0" encoding="utf-8"?>\n'
            f"{self._rss_open(feed)}<channel>"
            f"<title>{_esc(self._feed_title(feed))}</title>"
            f"<link>{base}/</link>"
            f"<description>Generated news for benchmarks, feed {feed}</description>"
            f"<lastBuildDate>{format_datetime(self._published(feed, 0), usegmt=True)}</lastBuildDate>"
            + "".join(items)
            + "</channel></rss>\n"
        ).encode()

    def _item_text(self, feed: int, item: int, summary: str) -> str:
        """What an item says of its story: a sentence or two of summary."""
        return f"<description>{_esc(summary)}</description>"

    def _rss_open(self, feed: int) -> str:
        return '<rss version="2.0">'

    def _site_furniture(self, feed: int) -> tuple[str, str]:
        """The mega-menu and the inline style sheet: the same on every page of one site."""
        found = self._furniture.get(feed)
        if found is not None:
            return found
        rng = random.Random(f"{self.seed}:{feed}:site")
        prose = _Prose(rng)
        base = self.base_url(self.host_of(feed))

        def menu(section: str) -> str:
            lis = "".join(
                f'<li><a href="{base}/{section}/{prose.word()}-{j}" data-track="menu">'
                f"{_esc(prose.title(1, 3))}</a></li>"
                for j in range(self.menu_links)
            )
            return f'<ul class="sub-menu">{lis}</ul>'

        nav = "".join(
            f'<li class="menu-item has-children"><a href="{base}/{s}/" data-track="nav-{s}">'
            f"{s.capitalize()}</a>{_ICON}"
            f'<div class="mega-menu"><div class="menu-col">{menu(s)}</div></div></li>'
            for s in SECTIONS
        )
        style = "".join(
            f".c-{rng.randrange(10**6):06d} .x-{i}{{margin:{i % 7}px {i % 5}px;color:#{rng.randrange(16**6):06x};"
            f"font:{12 + i % 9}px/1.4 Georgia,serif;display:{'flex' if i % 2 else 'block'}}}\n"
            for i in range(self.css_rules)
        )
        self._furniture[feed] = (nav, style)
        return nav, style

    def _render_article(self, feed: int, item: int) -> bytes:
        rng = random.Random(f"{self.seed}:{feed}:{item}:page")
        prose = _Prose(rng)
        base = self.base_url(self.host_of(feed))
        section = SECTIONS[feed % len(SECTIONS)]
        title = self._story_title(feed, item)
        author = rng.choice(_NAMES)
        published = self._published(feed, item).isoformat()
        site = self._feed_title(feed)

        def link_list(n: int, cls: str) -> str:
            lis = []
            for _ in range(n):
                f, i = rng.randrange(self.n_feeds), rng.randrange(self.n_items)
                href = self.base_url(self.host_of(f)) + self.article_path(f, i)
                lis.append(f'<li><a href="{href}">{_esc(prose.title(4, 9))}</a></li>')
            return f'<ul class="{cls}">' + "".join(lis) + "</ul>"

        nav, style = self._site_furniture(feed)
        target = rng.randint(*self.words)
        body: list[str] = []
        words = 0
        paragraphs = 0
        while words < target:
            if paragraphs and paragraphs % 5 == 0 and rng.random() < 0.7:
                body.append(f"<h2>{_esc(prose.title(3, 7))}</h2>")
            if paragraphs == 3:
                body.append(
                    '<aside class="read-also"><h3>Read also</h3>'
                    + link_list(3, "related")
                    + "</aside>"
                )
            if paragraphs == 6:
                quote, n = prose.paragraph((1, 2))
                body.append(f"<blockquote><p>{_esc(quote)}</p></blockquote>")
                words += n
            if paragraphs == 9:
                lis = []
                for _ in range(rng.randint(3, 5)):
                    s = prose.sentence()
                    lis.append(f"<li>{_esc(s)}</li>")
                    words += len(s.split())
                body.append("<ul>" + "".join(lis) + "</ul>")
            if paragraphs == 2:
                body.append(
                    f'<figure><img src="{base}/media/{feed}-{item}.jpg" alt="{_esc(prose.title(3, 6))}" '
                    f'width="800" height="450"><figcaption>{_esc(prose.sentence())} '
                    f"Photo: {_esc(rng.choice(_NAMES))}</figcaption></figure>"
                )
            if paragraphs and paragraphs % 4 == 0:
                body.append(
                    f'<div class="ad-slot" data-ad-unit="/{rng.randrange(10**8)}/{section}/inline-{paragraphs}" '
                    'data-sizes="[[300,250],[728,90]]"><span class="ad-label">Advertisement</span></div>'
                )
            text, n = prose.paragraph()
            body.append(
                f'<div class="text-block" data-component="paragraph" data-index="{paragraphs}">'
                f'<p class="story-paragraph">{_esc(text)}</p></div>'
            )
            words += n
            paragraphs += 1
        footer_cols = "".join(
            f'<div class="col"><h4>{_esc(prose.title(1, 2))}</h4>{link_list(6, "footer-links")}</div>'
            for _ in range(4)
        )
        state = json.dumps(
            {
                "props": {
                    "page": {"headline": title, "section": section, "author": author},
                    "related": [prose.title(4, 9) for _ in range(self.state_items)],
                    "body": [prose.sentence() for _ in range(self.state_items)],
                }
            }
        ).replace("</", "<\\/")
        script = (
            "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}"
            f"gtag('js',new Date());gtag('config','UA-{rng.randint(10000, 99999)}-1');"
            + "var consent={necessary:true,analytics:false,ads:false};"
            * 8
        )
        page = f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{_esc(title)} | {_esc(site)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{_esc(prose.sentence())}">
<meta name="author" content="{_esc(author)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{_esc(title)}">
<meta property="og:site_name" content="{_esc(site)}">
<meta property="og:image" content="{base}/media/{feed}-{item}.jpg">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{base}{self.article_path(feed, item)}">
<link rel="stylesheet" href="{base}/static/site.css">
<style>{style}</style>
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle","headline":"{_esc(title)}","datePublished":"{published}","author":{{"@type":"Person","name":"{_esc(author)}"}}}}</script>
<script>{script}</script>
</head>
<body class="article-page">
<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience and to
measure our audience. <a href="{base}/privacy">Privacy policy</a></p><button>Accept all</button>
<button>Refuse</button></div>
<header class="site-header"><a class="logo" href="{base}/">{_esc(site)}</a>
<nav class="main-nav"><ul>{nav}</ul></nav>
<form class="search" action="{base}/search"><input name="q" placeholder="Search"><button>Search</button></form>
<a class="subscribe" href="{base}/subscribe">Subscribe</a> <a href="{base}/login">Sign in</a></header>
<div class="breadcrumb"><a href="{base}/">Home</a> › <a href="{base}/{section}/">{section.capitalize()}</a></div>
<main id="content">
<article class="story">
<header><h1 class="headline">{_esc(title)}</h1>
<p class="byline">By <a rel="author" href="{base}/authors/{rng.randint(1, 99)}">{_esc(author)}</a>
· <time datetime="{published}">{published[:10]}</time></p>
<ul class="share"><li><a href="#">{_ICON}Share on Facebook</a></li><li><a href="#">{_ICON}Share on X</a></li>
<li><a href="#">{_ICON}Email</a></li><li><a href="#">{_ICON}Copy link</a></li></ul></header>
<div class="story-body" itemprop="articleBody">
{"".join(body)}
</div>
<div class="tags">Topics: <a href="{base}/{section}/">{section}</a> <a href="{base}/tag/{prose.word()}">{prose.word()}</a></div>
<section class="comments-teaser"><h3>Comments</h3><p>Join the conversation: {rng.randint(3, 400)} comments.</p>
<a href="{base}/login">Sign in to comment</a></section>
</article>
<aside class="sidebar"><h3>Most read</h3>{link_list(10, "most-read")}
<div class="newsletter"><h3>Newsletter</h3><p>The day's news in your inbox every morning.</p>
<form><input type="email" placeholder="Your email"><button>Sign up</button></form></div>
<div class="ad">Advertisement</div></aside>
</main>
<footer class="site-footer">{footer_cols}
<p class="copyright">© 2024 {_esc(site)}. All rights reserved. <a href="{base}/terms">Terms</a>
<a href="{base}/privacy">Privacy</a> <a href="{base}/contact">Contact</a></p></footer>
<script id="__NEXT_DATA__" type="application/json">{state}</script>
<script src="{base}/static/app.js" defer></script>
</body>
</html>
"""
        return page.encode()

    # -- statistics ----------------------------------------------------------------------------
    def stats(self) -> FarmStats:
        """A snapshot of what the farm saw since start or the last `reset_stats`."""
        with self._render_lock:
            return self._stats.copy()

    def reset_stats(self) -> None:
        with self._render_lock:
            self._stats = FarmStats()

    # -- serving -------------------------------------------------------------------------------
    def _answer(
        self, host: str, method: str, path: str, headers: dict[str, str]
    ) -> tuple[bytes, int]:
        res = self.resource(host, path.split("?")[0])
        if res is None:
            body = b"not found\n"
            return (
                b"HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: "
                + str(len(body)).encode()
                + b"\r\n\r\n"
                + (body if method != "HEAD" else b"")
            ), 404
        last_modified = format_datetime(res.last_modified, usegmt=True)
        common = f"ETag: {res.etag}\r\nLast-Modified: {last_modified}\r\nCache-Control: max-age=60\r\nVary: Accept-Encoding\r\n"
        if not self.validators:
            common = "Vary: Accept-Encoding\r\n"
        elif _not_modified(headers, res):
            return (f"HTTP/1.1 304 Not Modified\r\n{common}\r\n".encode(), 304)
        body = res.body
        encoding = ""
        if res.gzipped is not None and "gzip" in headers.get("accept-encoding", ""):
            body, encoding = res.gzipped, "Content-Encoding: gzip\r\n"
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: {res.content_type}\r\n{common}{encoding}"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        return (head + (body if method != "HEAD" else b""), 200)

    async def _handle(
        self, host: str, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
    ) -> None:
        with self._render_lock:
            self._stats.connections += 1
        try:
            for _ in range(_MAX_REQUESTS_PER_CONNECTION):
                try:
                    head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), _IDLE_TIMEOUT)
                except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, TimeoutError):
                    return
                lines = head.decode("latin-1").split("\r\n")
                parts = lines[0].split()
                if len(parts) != 3:
                    return
                method, target, version = parts
                headers = {}
                for line in lines[1:]:
                    name, sep, value = line.partition(":")
                    if sep:
                        headers[name.strip().lower()] = value.strip()
                length = headers.get("content-length", "0")
                if length.isdigit() and int(length):
                    await reader.readexactly(min(int(length), _MAX_REQUEST_HEAD))
                path = target.split("://", 1)[1].partition("/")[2] if "://" in target else target
                path = "/" + path.lstrip("/")
                response, status = b"", 0
                self._enter(host, path)
                try:
                    delay = self.latency + sum(
                        d for f, d in self.feed_delay.items() if path == self.feed_path(f)
                    )
                    if delay > 0:
                        await asyncio.sleep(delay)
                    response, status = self._answer(host, method, path, headers)
                    writer.write(response)
                    await writer.drain()
                finally:
                    self._leave(host, path, status, response)
                close = headers.get("connection", "").lower() == "close" or version == "HTTP/1.0"
                if close:
                    return
        except (ConnectionError, OSError):
            return
        finally:
            writer.close()

    def _enter(self, host: str, path: str) -> None:
        with self._render_lock:
            self._stats.first_asked.setdefault(path, time.monotonic())
            self._inflight[host] += 1
            self._inflight_total += 1
            s = self._stats
            s.peak_inflight = max(s.peak_inflight, self._inflight_total)
            s.peak_inflight_per_host[host] = max(
                s.peak_inflight_per_host.get(host, 0), self._inflight[host]
            )

    def _leave(self, host: str, path: str, status: int, response: bytes) -> None:
        with self._render_lock:
            self._inflight[host] -= 1
            self._inflight_total -= 1
            s = self._stats
            s.requests += 1
            s.by_path[path] += 1
            s.by_host[host] += 1
            s.by_status[status] += 1
            s.bytes_sent += len(response)

    async def _serve(self) -> None:
        self._stopping = asyncio.Event()
        servers = []
        try:
            for host in self.hosts:
                server = await asyncio.start_server(
                    lambda r, w, h=host: self._handle(h, r, w),
                    host,
                    self._fixed_ports.get(host, 0),
                    limit=_MAX_REQUEST_HEAD,
                    backlog=512,
                )
                self.ports[host] = server.sockets[0].getsockname()[1]
                servers.append(server)
        except BaseException as exc:
            self._error = exc
            self._ready.set()
            for server in servers:
                server.close()
            return
        self._ready.set()
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), self.lifetime)
        for server in servers:
            server.close()  # not wait_closed(): idle keep-alive clients would hold it up
        # Drop lingering connections: cancel their handlers.
        current = asyncio.current_task()
        for task in asyncio.all_tasks():
            if task is not current:
                task.cancel()

    def start(self, prerender: bool = False) -> Farm:
        """Listen on every host (and render every resource first when `prerender`)."""
        if self._thread is not None:
            raise RuntimeError("already started")

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(self._serve())
            finally:
                loop.run_until_complete(asyncio.sleep(0))
                loop.close()

        self._thread = threading.Thread(target=run, name="news-farm", daemon=True)
        self._thread.start()
        if not self._ready.wait(10) or self._error is not None:
            raise RuntimeError(f"the farm did not start: {self._error!r}")
        if prerender:
            self.prerender()
        return self

    @property
    def serving(self) -> bool:
        """True from `start` until `stop` or the end of the lifetime."""
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        """Stop listening, drop open connections and join the serving thread."""
        if self._thread is None:
            return
        loop, stopping = self._loop, self._stopping
        if loop is not None and stopping is not None and not loop.is_closed():
            with contextlib.suppress(RuntimeError):  # the loop already ended (lifetime reached)
                loop.call_soon_threadsafe(stopping.set)
        self._thread.join(10)
        self._thread = None

    def __enter__(self) -> Farm:
        return self.start(prerender=True)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()


def _not_modified(headers: dict[str, str], res: Resource) -> bool:
    inm = headers.get("if-none-match")
    if inm is not None:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or res.etag in tags
    ims = headers.get("if-modified-since")
    if ims:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return res.last_modified.replace(microsecond=0) <= since
    return False


# -- helpers for the benchmark scripts ---------------------------------------------------------
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


@dataclass
class RunResult:
    """One measured run of a command."""

    wall: float
    returncode: int
    stdout: str
    stderr: str
    cpu: float = 0.0  # user + sys of the process and the descendants it waited for
    peak_rss: int = 0  # bytes, summed over the process tree, sampled
    peak_processes: int = 0
    main_cpu: float = 0.0  # user + sys of the top process alone, last sample before it exited
    others_cpu: float = 0.0  # the same, summed over its descendants (workers)

    @property
    def cpu_utilisation(self) -> float:
        """CPU seconds per wall second: 2.0 means both cores of this machine were busy."""
        return self.cpu / self.wall if self.wall else 0.0


def _process_tree(root: int) -> list[int]:
    """`root` and its descendants, from /proc (the kernel here has no /proc/PID/task/*/children)."""
    parents: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                stat = fh.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(b")") + 2 :].split()[1])
        parents.setdefault(ppid, []).append(int(name))
    tree, todo = [], [root]
    while todo:
        pid = todo.pop()
        tree.append(pid)
        todo.extend(parents.get(pid, ()))
    return tree


def _cpu(pid: int) -> float:
    """user + sys seconds of one process so far (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / _TICKS
    except (OSError, IndexError, ValueError):
        return 0.0


def _rss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE
    except (OSError, IndexError, ValueError):
        return 0


def run_measured(
    cmd: list[str],
    env: dict[str, str] | None = None,
    timeout: float = 600.0,
    sample_every: float = 0.05,
    sample: bool = True,
) -> RunResult:
    """Run `cmd` to completion: wall time, CPU time (rusage of the process and its reaped children)
    and, when `sample`, the peak RSS of the whole process tree sampled every `sample_every` s."""
    import resource
    import subprocess

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak = [0, 0]
    cpu_seen: dict[int, float] = {}
    done = threading.Event()
    started = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )

    def sampler() -> None:
        deadline = time.monotonic() + timeout
        while not done.is_set() and time.monotonic() < deadline:
            pids = _process_tree(proc.pid)
            peak[0] = max(peak[0], sum(_rss(p) for p in pids))
            peak[1] = max(peak[1], len(pids))
            for pid in pids:
                cpu_seen[pid] = max(cpu_seen.get(pid, 0.0), _cpu(pid))
            done.wait(sample_every)

    thread = threading.Thread(target=sampler, daemon=True) if sample else None
    if thread:
        thread.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except BaseException:
        proc.kill()
        proc.communicate()
        raise
    finally:
        wall = time.perf_counter() - started
        done.set()
        if thread:
            thread.join(5)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    main_cpu = cpu_seen.pop(proc.pid, 0.0)
    return RunResult(
        wall, proc.returncode, out, err, cpu, peak[0], peak[1], main_cpu, sum(cpu_seen.values())
    )


def checkout_python(checkout: Path) -> Path:
    """The Python to run `checkout`'s reader with: its own `.venv`'s (as `uv sync` makes it),
    else this one (a worktree has no `.venv`)."""
    python = checkout / ".venv" / "bin" / "python"
    return python if python.is_file() else Path(sys.executable)


def checkout_reader(checkout: Path) -> list[str]:
    """The `reader` command of the checkout whose root is `checkout`, whatever the environment
    installed: `python -m reader` with that root alone on `PYTHONPATH`, and `-P` so the working
    directory (another checkout, perhaps) comes before it on no path. The console script of an
    environment may be another checkout's (an editable install of main's, at another data
    format than this checkout's code writes), and an inherited `PYTHONPATH` would win over it."""
    root = checkout.resolve()
    return ["env", f"PYTHONPATH={root}", str(checkout_python(root)), "-P", "-m", "reader"]


def reader_command() -> list[str]:
    """This checkout's `reader` command (`checkout_reader`)."""
    return checkout_reader(Path(__file__).resolve().parent.parent)


def subscribe(data_dir: Path, urls: list[str]) -> None:
    """Subscribe a data directory to `urls` without fetching anything (not part of a measurement)."""
    root = str(Path(__file__).resolve().parent.parent)
    if root not in sys.path:
        sys.path.insert(0, root)
    from reader.library import Library

    lib = Library(data_dir)
    try:
        for url in urls:
            lib.add_feed(url)
    finally:
        lib.close()


def child_env(**extra: str) -> dict[str, str]:
    """The environment for measured Python children: this one, with the bytecode cache allowed.

    This machine sets PYTHONDONTWRITEBYTECODE=1, so every Python process would compile every module
    it imports from source (~0.5 s for `reader sync`); a user's installed copy has its .pyc files.
    Run a warm-up first so they exist.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(extra)
    return env


def children_json(code: str, argv: list[str], before: Path | None) -> dict[str, Any]:
    """`code` run by a Python child with this checkout's reader as "after", and with the
    checkout `before`'s first as "before" when given, one after the other at the same load:
    what each printed, read as JSON, by name."""
    import subprocess

    here = Path(__file__).resolve().parent.parent
    readers = {"before": before.resolve(), "after": here} if before else {"after": here}
    found: dict[str, Any] = {}
    for name, checkout in readers.items():
        # -P: not the working directory's reader first, PYTHONPATH's.
        done = subprocess.run(
            [sys.executable, "-P", "-c", code, *argv],
            env={**child_env(), "PYTHONPATH": str(checkout)},
            cwd=checkout,
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise SystemExit(f"{name}: {done.stderr[-500:]}")
        found[name] = json.loads(done.stdout)
    return found


def runs_before_after(
    doc: str, child: str, argv: list[str] | None
) -> tuple[argparse.Namespace, str, dict[str, Any]]:
    """A `--runs N [--before DIR]` benchmark (its docstring `doc`): its arguments, the load
    as it starts, and what `child` printed given N, in each checkout (`children_json`)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    args = parser.parse_args(argv)
    load = load_average()
    return args, load, children_json(child, [str(args.runs)], args.before)


def warm_up() -> None:
    """Run the CLI once, untimed, so its .pyc files exist (see `child_env`)."""
    import subprocess

    code = (
        "import reader.cli, reader.library, reader.fetch, reader.feeds, reader.extract, "
        "reader.store, httpx, feedparser, concurrent.futures.process"
    )
    subprocess.run([sys.executable, "-c", code], env=child_env(), check=True, timeout=120)


def load_average() -> str:
    """The 1-minute load average: other work on the machine shows up here."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def iter_lines(farm: Farm) -> Iterator[str]:
    """What the CLI prints on start: a summary and the feed URLs."""
    yield (
        f"news farm: {farm.n_feeds} feeds × {farm.n_items} items on {len(farm.hosts)} hosts "
        f"({', '.join(farm.base_url(h) for h in farm.hosts)}), latency {farm.latency * 1000:g} ms, "
        f"gzip {'on' if farm.gzip else 'off'}"
    )
    yield from farm.feed_urls


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds before each answer")
    parser.add_argument("--hosts", type=int, default=4, help="loopback addresses 127.0.0.1…N")
    parser.add_argument("--no-gzip", action="store_true")
    parser.add_argument("--lifetime", type=float, default=3600.0, help="stop after this many s")
    parser.add_argument("--urls", metavar="FILE", help="also write the feed URLs to FILE")
    args = parser.parse_args(argv)
    farm = Farm(
        feeds=args.feeds,
        items=args.items,
        latency=args.latency,
        hosts=args.hosts,
        gzip=not args.no_gzip,
        lifetime=args.lifetime,
    )
    started = time.perf_counter()
    with farm:
        for line in iter_lines(farm):
            print(line, flush=True)
        if args.urls:
            with open(args.urls, "w", encoding="utf-8") as fh:
                fh.write("\n".join(farm.feed_urls) + "\n")
        print(
            f"ready in {time.perf_counter() - started:.1f} s; serving until Ctrl-C "
            f"or {args.lifetime:g} s",
            flush=True,
        )
        signal.signal(signal.SIGTERM, _interrupt)  # `kill PID` stops it as cleanly as Ctrl-C
        with contextlib.suppress(KeyboardInterrupt):
            while farm.serving:
                time.sleep(0.2)
        stats = farm.stats()
        print(f"served {stats.requests} requests", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
