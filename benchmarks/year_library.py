"""A heavy user's year of news as a data directory: `--feeds` feeds × `--items` articles, every
one cached as `reader sync` caches it, their dates spread over the last year.

    uv run python benchmarks/year_library.py OUT_DIR [--feeds 250] [--items 206] [--read 30d]
                                 [--shapes 12] [--every-page] [--hosts 8] [--processes 2]
                                 [--full-content]
    uv run python benchmarks/year_library.py OUT_DIR --serve [--full-content]

The loopback news farm (benchmarks/farm.py: full news pages of 1,000–1,500 words inside a
site's furniture, ~93 KB each) serves the feeds, each carrying all of its `--items` items
(RSS 2.0, a title and a sentence or two of summary each), dated evenly over the 365 days
before now (each feed's a few minutes from the next's). With `--full-content`, half the feeds
(the odd ones) carry each item whole instead, 5–20 KB of HTML, as blogs' feeds do, in three
ways by turns (`YearFarm.content_style`): an excerpt in `<description>` and the whole in
`<content:encoded>` (WordPress, Ghost, Substack), the whole in `<content:encoded>` alone
(Medium), the whole in `<description>` (Hugo); `--serve` must be given it too. OUT_DIR (new, or empty) is subscribed
to them, and the year is cached in three steps:

1. `reader sync --no-articles` (this checkout's CLI) keeps every headline.
2. Every article but each feed's newest is cached by the code a sync's worker runs on a page
   (`page_caching.read_page` with `extract_for_cache`: the page checked, extracted, packed and
   written with its article by `Store.put_article`), given the farm's page as the fetcher
   hands it over (still gzipped), in `--processes` processes, without the HTTP round trip.
   Extraction is most of a sync's cost (30 ms of CPU a page), so it is run once per *shape*:
   a feed's item i is served as its item `i % --shapes` with that item's title, address,
   picture and dates put in its place, and its article is that item's extraction with the
   same strings and dates put in place (`derived`). Checked: for one item of each feed
   (past its shapes) the page is extracted for real as well, and the two articles must be
   equal (the script stops otherwise). A year's texts are so `--shapes` per feed, each
   ~17 times over (the search index holds as many articles, fewer distinct words).
3. A real `reader sync` (the farm still up: every feed "not modified") fetches each feed's
   newest article through HTTP and the workers, and ends as a sync ends: the search index
   brought up to date with every article, the cache noted changed.

Then the headlines published more than `--read` ago are marked read (`reader mark-read
--before`; "" marks none): a heavy user reads most of the year. `--every-page` caches every
article by step 3 alone (a real sync of the whole year: about an hour on two loaded cores).
The defaults make acceptance test B4's year: 51,500 headlines and articles, about 1.5 GB on
disk. Every article's retrieval time is the day the script ran (a year synced at once). The
farm is gone when this ends: a reader opened on OUT_DIR finds its feeds' servers down (the
TUI's refresh on open fails at once; `refresh_on_start=False` skips it) until `--serve`
serves its feeds again, as they were, on the addresses they have (a sync where nothing changed:
every feed "not modified"; articles are served too).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import subprocess
import sys
import time
from dataclasses import fields, is_dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import Enum
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import Farm, Resource, _esc, _Prose, child_env, load_average, run_measured, subscribe

_YEAR = timedelta(days=365)
_FEED_WORDS = 1_800


class YearFarm(Farm):
    """The news farm with its items dated over the year before `now`, and a feed's item i
    served as its item `i % shapes` with i's title, address, picture and dates in their place
    (`swaps`). Article pages are rendered each time they are asked for: a year's would fill
    the memory."""

    def __init__(
        self, now: datetime, shapes: int, full_content: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(**kwargs)
        self.now = now
        self.shapes = shapes
        self.full_content = full_content
        self._shape_pages: dict[tuple[int, int], bytes] = {}
        self._shape_texts: dict[tuple[int, int], str] = {}

    def content_style(self, feed: int) -> str:
        """How a feed carries its items' text with `full_content`: "" a sentence or two in
        `<description>` (every even feed, as without it); else the article whole, 5–20 KB of
        HTML, as blogs' feeds carry it: "excerpt" (WordPress, Ghost, Substack: an excerpt in
        `<description>`, the whole in `<content:encoded>`), "encoded" (Medium: the whole in
        `<content:encoded>` alone, which feedparser takes for the summary too), "description"
        (Hugo, Blogger's RSS: the whole in `<description>`)."""
        if not self.full_content or feed % 2 == 0:
            return ""
        return ("excerpt", "encoded", "description")[(feed // 2) % 3]

    def _item_html(self, feed: int, item: int) -> str:
        """An item's whole text: its shape's paragraphs and pictures (5–20 KB a shape, drawn
        once per feed and shape) under its own title, so that no two items' texts are one.
        Never more than `_FEED_WORDS` words, a blog's pictures making up the rest: twice the
        words of its page (1,000 at the least) and the feed's text would be the article
        (`extract.body_blocks._longer_text`), unlike a blog's own."""
        shape = self.shape_of(item)
        key = (feed, shape)
        body = self._shape_texts.get(key)
        if body is None:
            rng = random.Random(f"{self.seed}:{feed}:{shape}:content")
            prose, target, parts = _Prose(rng), rng.randint(5_000, 20_000), []
            size = words = 0
            while size < target:
                if words < _FEED_WORDS and len(parts) % 4 != 3:
                    text, n = prose.paragraph()
                    parts.append(f'<p class="wp-block-paragraph">{_esc(text)}</p>')
                    words += n
                else:
                    picture = f"https://cdn.example.org/uploads/{feed}/{shape}-{len(parts)}"
                    parts.append(
                        '<figure class="wp-block-image size-large">'
                        f'<img src="{picture}-1024x683.jpg" alt="" width="1024" height="683"'
                        f' srcset="{picture}-1024x683.jpg 1024w, {picture}-300x200.jpg 300w,'
                        f' {picture}-768x512.jpg 768w" sizes="(max-width: 1024px) 100vw,'
                        ' 1024px" loading="lazy" decoding="async"/>'
                        f"<figcaption>{_esc(prose.word().capitalize())}</figcaption></figure>"
                    )
                    words += 1
                size += len(parts[-1]) + 1
            body = self._shape_texts[key] = "\n".join(parts)
        return f"<h2>{_esc(self._story_title(feed, item))}</h2>\n{body}"

    def _item_text(self, feed: int, item: int, summary: str) -> str:
        style = self.content_style(feed)
        if not style:
            return super()._item_text(feed, item, summary)
        whole = f"<![CDATA[{self._item_html(feed, item)}]]>"
        if style == "excerpt":
            return (
                f"<description>{_esc(summary)} […]</description>"
                f"<content:encoded>{whole}</content:encoded>"
            )
        if style == "encoded":
            return f"<content:encoded>{whole}</content:encoded>"
        return f"<description>{whole}</description>"

    def _rss_open(self, feed: int) -> str:
        if not self.content_style(feed):
            return super()._rss_open(feed)
        return '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'

    def _published(self, feed: int, item: int) -> datetime:
        step = _YEAR / max(1, self.n_items)
        return self.now - step * item - timedelta(minutes=7 * (feed % 200))

    def shape_of(self, item: int) -> int:
        return item % self.shapes

    def swaps(self, feed: int, item: int) -> list[tuple[str, str]]:
        """The strings of the shape's page that are its own, and item's in their place."""
        shape = self.shape_of(item)
        if shape == item:
            return []
        was, now = self._published(feed, shape).isoformat(), self._published(feed, item).isoformat()
        return [
            (self._story_title(feed, shape), self._story_title(feed, item)),
            (self.article_path(feed, shape), self.article_path(feed, item)),
            (f"/media/{feed}-{shape}.jpg", f"/media/{feed}-{item}.jpg"),
            (was, now),
            (was[:10], now[:10]),
        ]

    def dates(self, feed: int, item: int) -> dict[datetime, datetime]:
        shape = self.shape_of(item)
        return {self._published(feed, shape): self._published(feed, item)}

    def _render_article(self, feed: int, item: int) -> bytes:
        key = (feed, self.shape_of(item))
        with self._render_lock:
            page = self._shape_pages.get(key)
        if page is None:
            page = super()._render_article(*key)
            with self._render_lock:
                self._shape_pages = {k: v for k, v in self._shape_pages.items() if k[0] == feed}
                self._shape_pages[key] = page
        for old, new in self.swaps(feed, item):
            page = page.replace(old.encode(), new.encode())
        return page

    def resource(self, host: str, path: str) -> Resource | None:
        found = super().resource(host, path)
        route = self._route(host, path)
        if route is not None and route[0] == "article":
            with self._render_lock:
                self._resources.pop((host, path), None)
        return found


_INIT_FIELDS: dict[type, tuple[str, ...]] = {}


def derived(value: Any, swaps: list[tuple[str, str]], dates: dict[datetime, datetime]) -> Any:
    """`value` (an article, its blocks…) with every string's `swaps` made and `dates` moved."""
    if value is None or isinstance(value, (bool, int, float, Enum)):  # an Enum: a block's kind
        return value
    if isinstance(value, str):
        for old, new in swaps:
            if old in value:
                value = value.replace(old, new)
        return value
    if isinstance(value, datetime):
        return dates.get(value, value)
    if isinstance(value, tuple):
        return tuple([derived(v, swaps, dates) for v in value])
    if isinstance(value, list):
        return [derived(v, swaps, dates) for v in value]
    if isinstance(value, dict):
        return {derived(k, swaps, dates): derived(v, swaps, dates) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        names = _INIT_FIELDS.get(type(value))
        if names is None:
            names = _INIT_FIELDS[type(value)] = tuple(f.name for f in fields(value) if f.init)
        return replace(value, **{n: derived(getattr(value, n), swaps, dates) for n in names})
    return value


# Set in the parent before the workers fork: the farm, OUT_DIR, and every headline by feed.
_FARM: YearFarm | None = None
_OUT: Path | None = None
_ENTRIES: dict[int, list[Any]] = {}


def _response(farm: YearFarm, feed: int, item: int) -> Any:
    """The farm's page as `Fetcher.get(decode=False)` hands it to a worker: gzipped."""
    from reader.models import Response

    host = farm.host_of(feed)
    url = farm.base_url(host) + farm.article_path(feed, item)
    res = farm.resource(host, farm.article_path(feed, item))
    assert res is not None and res.gzipped is not None
    return Response(
        url=url,
        status=200,
        content_type="text/html",
        charset="utf-8",
        body=res.gzipped,
        etag=res.etag,
        last_modified=res.last_modified.strftime("%a, %d %b %Y %H:%M:%S GMT"),
        encoding="gzip",
    )


def _cache_feeds(feeds: list[int]) -> tuple[int, int]:
    """Worker: every article of `feeds` but each feed's newest cached through the sync's
    worker code, extraction run once per shape; (articles cached, derived ones checked)."""
    from reader import page_caching
    from reader.config import DEFAULT_LIMITS

    farm, out = _FARM, _OUT
    assert farm is not None and out is not None
    extract = page_caching._article_read
    shapes: dict[int, tuple[Any, str]] = {}
    current: list[tuple[int, int]] = [(0, 0)]

    def read_once(
        url: str, response: Any, fallback_html: str, rule: Any, entry: Any
    ) -> tuple[Any, str]:
        feed, item = current[0]
        article, next_page = shapes[farm.shape_of(item)]
        swaps = farm.swaps(feed, item)
        return derived(article, swaps, farm.dates(feed, item)), derived(next_page, swaps, {})

    page_caching._article_read = read_once
    cached = checked = 0
    for feed in feeds:
        shapes.clear()
        entries = {e.link: e for e in _ENTRIES[feed]}
        for shape in range(min(farm.shapes, farm.n_items)):  # extracted as the pages are
            response = page_caching._inflated(_response(farm, feed, shape), DEFAULT_LIMITS)[0]
            entry = entries[response.url]
            fallback = page_caching.store_in_worker(out).feed_html(entry)
            shapes[shape] = extract(response.url, response, fallback, None, entry)
        check = (
            random.Random(feed).randrange(farm.shapes, farm.n_items)
            if (farm.n_items > farm.shapes)
            else -1
        )
        for item in range(1, farm.n_items):  # the newest (0) is left for the real sync
            current[0] = (feed, item)
            response = _response(farm, feed, item)
            entry = entries[response.url]
            made = page_caching.read_page(
                page_caching.extract_for_cache,
                frozenset(),
                response.url,
                response,
                DEFAULT_LIMITS,
                None,
                out,
                entry,
            )
            if made.article is None or made.amp or made.next_page or made.failed:
                raise RuntimeError(f"{response.url}: not cached as one page: {made!r:.300}")
            cached += 1
            if item == check:
                inflated = page_caching._inflated(response, DEFAULT_LIMITS)[0]
                fallback = page_caching.store_in_worker(out).feed_html(entry)
                # Each stamped with the time it was made at: the retrieval's, set in its place.
                real, mine = (
                    (replace(a, fetched_at=None), page)
                    for a, page in (
                        extract(inflated.url, inflated, fallback, None, entry),
                        read_once(inflated.url, inflated, fallback, None, entry),
                    )
                )
                if real != mine:
                    raise RuntimeError(
                        f"{response.url}: derived ≠ extracted: {_unlike(mine, real)}"
                    )
                checked += 1
    return cached, checked


def _unlike(mine: Any, real: Any, where: str = "") -> str:
    """Where two values first differ, and how."""
    if type(mine) is not type(real):
        return f"{where}: {mine!r:.200} ≠ {real!r:.200}"
    if isinstance(mine, tuple) and len(mine) == len(real):
        for n, (a, b) in enumerate(zip(mine, real, strict=True)):
            if a != b:
                return _unlike(a, b, f"{where}[{n}]")
    if is_dataclass(mine) and not isinstance(mine, type):
        for f in fields(mine):
            if getattr(mine, f.name) != getattr(real, f.name):
                return _unlike(getattr(mine, f.name), getattr(real, f.name), f"{where}.{f.name}")
    return f"{where}: {mine!r:.200} ≠ {real!r:.200}"


def cache_articles(farm: YearFarm, out: Path, processes: int) -> tuple[int, int]:
    """Step 2: every article but each feed's newest cached by `processes` forked workers."""
    global _FARM, _OUT
    from reader.library import Library

    lib = Library(out, workers="thread")
    try:
        by_url = {url: n for n, url in enumerate(farm.feed_urls)}
        _ENTRIES.clear()
        for headline in lib.headlines():
            _ENTRIES.setdefault(by_url[headline.entry.feed_url], []).append(headline.entry)
    finally:
        lib.close()
    _FARM, _OUT = farm, out
    shares = [list(range(n, farm.n_feeds, processes)) for n in range(processes)]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        done = pool.map(_cache_feeds, shares, chunksize=1)
    return sum(d[0] for d in done), sum(d[1] for d in done)


def serve(out: Path, shapes: int, full_content: bool) -> int:
    """Serve the feeds of a year this script made, as they were served, on the addresses its
    feeds name, until Ctrl-C (or SIGTERM): every feed answers its ETag "not modified", for a
    sync where nothing changed (`sync_unchanged.py`)."""
    import signal
    from urllib.parse import urlsplit

    from reader.store import Store

    store = Store(out)
    try:
        urls = store.feed_urls()
        newest = store.entries(urls[0])  # feed 0's item 0 was published at the year's `now`
    finally:
        store.close()
    ports = {split.hostname or "": split.port or 0 for split in map(urlsplit, urls)}
    now = max(e.published for e in newest if e.published is not None)
    farm = YearFarm(
        now,
        shapes,
        full_content,
        feeds=len(urls),
        items=len(newest),
        latency=0.0,
        hosts=len(ports),
        lifetime=24 * 3600.0,
        ports=ports,
    )
    farm.start()
    if farm.feed_urls != urls:
        farm.stop()
        raise SystemExit(f"{out}'s feeds are not those this script serves")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"serving {out}'s {len(urls)} feeds until Ctrl-C", flush=True)
    try:
        while farm.serving:
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        farm.stop()
    return 0


def directory_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--feeds", type=int, default=250)
    parser.add_argument("--items", type=int, default=206)
    parser.add_argument("--shapes", type=int, default=12, help="pages extracted a feed")
    parser.add_argument("--every-page", action="store_true", help="a real sync of every page")
    parser.add_argument("--hosts", type=int, default=8, help="loopback addresses 127.0.0.1…N")
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument(
        "--read", default="30d", help='headlines older than this marked read ("" for none)'
    )
    parser.add_argument(
        "--full-content",
        action="store_true",
        help="every odd feed carries its items whole, 5–20 KB of HTML (also to --serve them)",
    )
    parser.add_argument(
        "--serve", action="store_true", help="serve OUT_DIR's feeds again, until Ctrl-C"
    )
    args = parser.parse_args(argv)
    out: Path = args.out_dir.resolve()
    if args.serve:
        return serve(out, args.shapes, args.full_content)
    if out.exists() and any(out.iterdir()):
        parser.error(f"{out} is not empty")
    # Not in a checkout: `python -m reader` would import the one in the working directory.
    os.chdir("/")
    here = Path(__file__).resolve().parent.parent
    reader = ["env", f"PYTHONPATH={here}", sys.executable, "-m", "reader", "--data-dir", str(out)]
    env = child_env()
    now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
    shapes = args.items if args.every_page else args.shapes
    farm = YearFarm(
        now,
        shapes,
        args.full_content,
        feeds=args.feeds,
        items=args.items,
        latency=0.0,
        hosts=args.hosts,
        lifetime=6 * 3600.0,
    )
    started = time.perf_counter()
    farm.start()
    try:
        subscribe(out, farm.feed_urls)
        print(
            f"{args.feeds} feeds × {args.items} items on {len(farm.hosts)} hosts into {out} "
            f"(load {load_average()})",
            flush=True,
        )
        if not args.every_page:
            run = run_measured([*reader, "sync", "--no-articles", "-q"], env=env, sample=False)
            if run.returncode != 0:
                raise SystemExit(f"sync --no-articles failed: {run.stderr[-2000:]}")
            print(f"headlines synced in {run.wall:.0f} s (load {load_average()})", flush=True)
            mark = time.perf_counter()
            cached, checked = cache_articles(farm, out, args.processes)
            print(
                f"{cached} articles cached in {time.perf_counter() - mark:.0f} s, "
                f"{args.feeds * min(shapes, args.items)} extracted, {checked} derived ones "
                f"checked against their extraction (load {load_average()})",
                flush=True,
            )
        farm.reset_stats()
        run = run_measured([*reader, "sync", "-q"], env=env, timeout=4 * 3600.0, sample=False)
    finally:
        farm.stop()
    served = farm.stats()
    print(
        f"sync: exit {run.returncode}, wall {run.wall:.0f} s; the farm served "
        f"{served.requests} requests (load {load_average()})",
        flush=True,
    )
    if run.stderr.strip():
        print(run.stderr.strip()[-2000:], file=sys.stderr)
    if run.returncode != 0:
        return 1
    if args.read:
        subprocess.run([*reader, "mark-read", "--before", args.read], env=env, check=True)
    listed = subprocess.run(
        [*reader, "cache"], env=env, capture_output=True, text=True, check=False
    ).stdout
    print(listed.strip())
    print(
        f"{out}: {directory_bytes(out) / 1e6:,.0f} MB on disk, made in "
        f"{time.perf_counter() - started:.0f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
