"""A host's international name and its punycode are one host (net52): one subscription, one
cache key, one article, as a browser sends either as the punycode; a library an older reader
kept under the name as written (`CANONICAL_VERSION` 1) still finds its articles, saves and
read marks. Served by pytest-httpserver on 127.0.0.1 behind the tests' SOCKS proxy, the only
one that knows the name."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.keys import ARTICLE_KEY_VERSION
from reader.store import Store
from reader.urls import canonical_url, older_canonical_url
from tests.socks_proxy import socks_proxy
from tests.test_proxy import TITLE, _reader, _site
from tests.test_stored_keys import _opened

NAME, PUNYCODE = "bücher.example", "xn--bcher-kva.example"


@pytest.fixture
def synced(httpserver: HTTPServer, tmp_path: Path) -> Iterator[tuple[Path, str, str]]:
    """The feed at the international name subscribed and synced, its article linked by that
    name, through the tests' SOCKS proxy, there while the test runs: the data directory, the
    config, and the article's address by that name."""
    base, data = f"http://{NAME}:{httpserver.port}", tmp_path / "data"
    _site(httpserver, base)
    with socks_proxy({NAME: "127.0.0.1"}) as tor:
        config = f'[network]\nproxy = "{tor.url()}"\n'
        added = _reader(data, "add", f"{base}/feed.xml", config=config)
        assert added.returncode == 0, added.stderr
        synced = _reader(data, "sync", config=config)
        assert synced.returncode == 0, synced.stderr
        yield data, config, f"{base}/ferry.html"


def _shown(data: Path, url: str, config: str) -> str:
    shown = _reader(data, "show", "--offline", "--format", "json", url, config=config)
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)["title"]


def test_a_hosts_two_forms_are_one_subscription_and_one_article(
    httpserver: HTTPServer, synced: tuple[Path, str, str]
) -> None:
    data, config, story = synced
    again = _reader(data, "add", f"http://{PUNYCODE}:{httpserver.port}/feed.xml", config=config)
    assert "already subscribed" in again.stderr + again.stdout, again
    assert len(json.loads(_reader(data, "feeds", "--json", config=config).stdout)) == 1
    for url in (story, story.replace(NAME, PUNYCODE), story.replace(NAME, "BÜCHER.example")):
        assert _shown(data, url, config) == TITLE, url


def test_an_older_readers_library_finds_what_it_kept_under_the_name_as_written(
    httpserver: HTTPServer, synced: tuple[Path, str, str]
) -> None:
    data, config, story = synced
    feed = f"http://{NAME}:{httpserver.port}/feed.xml"
    with _opened(data) as lib:
        (headline,) = lib.headlines()
        lib.set_saved(headline.entry, True)
        lib.mark_read(headline.entry)
        entry_id = headline.entry.id
    _as_version_1_kept_it(data, feed, story)

    for url in (story, story.replace(NAME, PUNYCODE)):
        assert _shown(data, url, config) == TITLE, url
    with _opened(data) as lib:
        (headline,) = lib.headlines()
        assert (headline.entry.id, headline.cached, headline.saved, headline.read) == (
            entry_id,
            True,
            True,
            True,
        )
        assert lib.cached_article(headline.entry) is not None
    store = Store(data)
    try:
        assert f"article:{older_canonical_url(story)}" not in store._articles
        assert f"article:{canonical_url(story)}" in store._articles
    finally:
        store.close()


def _as_version_1_kept_it(data: Path, feed: str, story: str) -> None:
    """`data` as a reader of `CANONICAL_VERSION` 1 left it: the article's records, its save
    and reading under its key as that version made it (the name as written), each headline's
    key so, and no mark of the keys moved since."""
    older, now = older_canonical_url(story), canonical_url(story)
    assert older != now
    store = Store(data)
    try:
        assert store._moved_records(now, older)
        store._moved_state(now, older, None)
        records = json.loads(store._state.get(f"entries:{feed}"))
        records = [
            {**r, "article_key": older, "key_version": ARTICLE_KEY_VERSION - 1} for r in records
        ]
        store._save(store._state, f"entries:{feed}", records)
        store._state.delete("keys-canonical-version")
        assert older in store.saved() and f"article:{older}" in store._articles
    finally:
        store.close()
