"""The benchmark farm (benchmarks/farm.py) serves what the benchmarks rely on, and a benchmark runs.

Quick and timing-free: the benchmarks print their numbers, nothing here asserts a duration.
"""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from farm import Farm  # noqa: E402


@pytest.fixture(scope="module")
def farm() -> Iterator[Farm]:
    with Farm(feeds=4, items=3, latency=0.0, hosts=2) as running:
        yield running


def test_feeds_and_pages_on_two_loopback_hosts(farm: Farm) -> None:
    hosts = {httpx.URL(url).host for url in farm.feed_urls}
    assert hosts == {"127.0.0.1", "127.0.0.2"}
    with httpx.Client(trust_env=False) as client:
        for url in farm.feed_urls:
            feed = client.get(url)
            assert feed.status_code == 200
            assert feed.headers["content-type"].startswith("application/rss+xml")
            assert feed.text.count("<item>") == 3
            links = [part.split("</link>")[0] for part in feed.text.split("<link>")[2:]]
            assert len(links) == 3
            assert {httpx.URL(link).host for link in links} == {httpx.URL(url).host}
        page = client.get(links[0])
        assert page.status_code == 200
        assert page.headers["content-encoding"] == "gzip"  # httpx asks for it; bodies compress
        assert "<article" in page.text and "<nav" in page.text and "<footer" in page.text
        assert client.get(f"{farm.base_url('127.0.0.1')}/nothing-here").status_code == 404
    # A request is counted once its response is written out: the client may have read the
    # last one before the farm's loop comes back to count it (5 of 6, once, under load).
    deadline = time.monotonic() + 5
    while farm.stats().requests < 6 and time.monotonic() < deadline:
        time.sleep(0.01)
    stats = farm.stats()
    assert stats.requests >= 6
    assert stats.by_path[httpx.URL(links[0]).path] >= 1
    assert set(stats.by_host) == {"127.0.0.1", "127.0.0.2"}


def test_article_pages_are_long_and_varied(farm: Farm) -> None:
    first, second = farm.article_urls[:2]
    body = farm.page(first).decode()
    assert body != farm.page(second).decode()
    text = body.split('itemprop="articleBody">')[1].split('</div>\n<div class="tags">')[0]
    words = len(" ".join(part.split(">")[-1] for part in text.split("<")).split())
    assert 1000 <= words <= 1800


def test_conditional_requests_get_304(farm: Farm) -> None:
    url = farm.feed_urls[1]
    with httpx.Client(trust_env=False) as client:
        first = client.get(url)
        etag, modified = first.headers["etag"], first.headers["last-modified"]
        assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
        assert client.get(url, headers={"If-Modified-Since": modified}).status_code == 304
        assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    assert farm.stats().by_status[304] >= 2


def test_refresh_benchmark_runs_and_prints_its_table() -> None:
    script = BENCHMARKS / "sync_refresh.py"
    args = ["--feeds", "3", "--items", "3", "--latency", "0", "--runs", "1", "--no-newsboat"]
    proc = subprocess.run(
        [sys.executable, str(script), *args], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "| client | median s |" in proc.stdout
    assert "| reader sync --no-articles |" in proc.stdout
    assert "| sequential httpx + feedparser |" in proc.stdout
    assert "ratio reader/sequential:" in proc.stdout
