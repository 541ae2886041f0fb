"""Which articles show a picture kept once for them all (`picture-user:SHA:KEY`, a row each):
keeping or dropping one writes as much however many show it, the bytes going with the last,
forgotten or evicted; a library a format-7 reader left (one list a picture,
`picture-users:SHA`) read as it is, upgraded, each list made rows all at once or not at all.

Served by a real server on 127.0.0.1 (pytest-httpserver); the cache a real diskcache in a
temporary data directory, read as it is on disk."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from pytest_httpserver import HTTPServer

from reader.keys import article_key
from reader.library import Library
from reader.models import StoreError
from reader.pictures import KeptPicture, digest
from reader.store import Store
from tests.cli_run import run_reader
from tests.test_pictures_eviction import kept_offline, pictures_on_disk
from tests.test_shared_pictures import LOGO, figure, synced

STORIES = 10
LOGO_SHA = digest(LOGO)


def users_on_disk(data_dir: Path) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Of the articles' cache as it is on disk: the format-7 lists of the articles showing each
    picture, and the rows of this reader's, by the hash of the picture's bytes."""
    with sqlite3.connect(data_dir / "articles" / "cache.db") as db:
        rows = db.execute("SELECT key, value FROM Cache WHERE key LIKE 'picture-user%'").fetchall()
    lists = {
        key.removeprefix("picture-users:"): json.loads(value)
        for key, value in rows
        if key.startswith("picture-users:")
    }
    users: dict[str, set[str]] = {}
    for key, _ in rows:
        if key.startswith("picture-user:"):
            sha, _, user = key.removeprefix("picture-user:").partition(":")
            users.setdefault(sha, set()).add(user)
    return lists, users


def as_format_7_kept(data_dir: Path) -> dict[str, list[str]]:
    """The articles showing each picture kept as the format-7 readers kept them: one list a
    picture, `picture-users:SHA`, in the order they came; the directory marked format 7. The
    lists."""
    _, users = users_on_disk(data_dir)
    store = Store(data_dir)
    try:
        articles = store._articles
        lists = {sha: sorted(keys) for sha, keys in users.items()}
        with articles.transact():
            for sha, keys in lists.items():
                for key in keys:
                    articles.delete(f"picture-user:{sha}:{key}")
                store._save(articles, f"picture-users:{sha}", keys)
        store._state.set("format", 7)
    finally:
        store.close()
    return lists


def shares_add_up(data_dir: Path) -> None:
    """The size limit's view, of a directory read as it is: each article's share of the
    pictures it shows adds up to what the cache holds."""
    store = Store(data_dir, upgrade=False)
    try:
        total, _ = store.cached_total()
        assert sum(a.size for a in store.cached_articles()) == total
    finally:
        store.close()


def test_many_stories_sharing_a_picture_forgotten_then_evicted_take_it_with_the_last(
    data_dir: Path, own_server: HTTPServer
) -> None:
    links = synced(data_dir, own_server, stories=STORIES)
    own_server.stop()
    keys = {article_key(link) for link in links}
    assert users_on_disk(data_dir) == (
        {},
        {LOGO_SHA: keys, **{digest(figure(n)): {article_key(links[n])} for n in range(STORIES)}},
    )  # main: one list a picture, no rows
    shares_add_up(data_dir)
    half = STORIES // 2
    for n, link in enumerate(links[:half]):
        assert run_reader(data_dir, "forget", link).returncode == 0
        assert users_on_disk(data_dir)[1][LOGO_SHA] == {article_key(k) for k in links[n + 1 :]}
        assert digest(figure(n)) not in users_on_disk(data_dir)[1]
        shares_add_up(data_dir)
    left = sum(len(figure(n)) for n in range(half, STORIES))
    assert pictures_on_disk(data_dir) == len(LOGO) + left
    assert kept_offline(data_dir, links[-1]) == {LOGO: 1, figure(STORIES - 1): 1}

    pruned = run_reader(data_dir, "cache", "prune", "--max-size", "1KB")  # evicted one by one
    assert pruned.returncode == 0, pruned.stderr + pruned.stdout
    assert pictures_on_disk(data_dir) == 0
    assert users_on_disk(data_dir) == ({}, {})


@contextmanager
def writes_of(store: Store) -> Iterator[list[str]]:
    """The statements that write `store`'s articles' cache meanwhile, as SQLite runs them (the
    values written in them), in this thread."""
    seen: list[str] = []
    con = store._articles._con

    def traced(statement: str) -> None:
        if statement.lstrip().split(" ", 1)[0].upper() in ("INSERT", "UPDATE", "DELETE"):
            seen.append(statement)

    con.set_trace_callback(traced)
    try:
        yield seen
    finally:
        con.set_trace_callback(None)


def test_an_article_kept_or_dropped_writes_as_much_however_many_show_its_picture(
    tmp_path: Path,
) -> None:
    """A site's logo on each of a year's stories: each story's put read and rewrote the list of
    every story showing it (pics46: 3.0× a put's time at 100), a sync's puts O(n²). Written
    here, SQLite's statements' text with their values, alike at 2 stories and at 300 (a float
    of diskcache's times may take a few characters more)."""
    store = Store(tmp_path / "data")
    logo = os.urandom(30_000)
    spent: dict[str, list[int]] = {"put": [], "dropped": []}

    def url(n: int) -> str:
        return f"https://news.example/{n:04}.html"

    def put(n: int) -> None:
        store._articles.set(f"article:{article_key(url(n))}", b"{}")
        shown = KeptPicture("https://news.example/logo.png", digest(logo), "image/png", len(logo))
        store.put_pictures(url(n), [shown], {shown.url: logo})

    try:
        for n in range(300):
            if n in (1, 299):
                with writes_of(store) as seen:
                    put(n)
                spent["put"].append(sum(map(len, seen)))
            else:
                put(n)
        for n in (298, 1):  # among 300, then among 2
            with writes_of(store) as seen:
                store.delete_article(article_key(url(n)))
            spent["dropped"].append(sum(map(len, seen)))
        for kind, (one, other) in spent.items():
            assert abs(one - other) < 100, (kind, one, other)  # main: put 4.4 KB, 34 KB at 300
        assert store.picture_bytes(url(0), "https://news.example/logo.png") is not None
    finally:
        store.close()


def test_a_library_a_format_7_reader_left_is_read_as_it_is_then_upgraded(
    data_dir: Path, own_server: HTTPServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its lists read as they are (`reader cache`, the size limit's shares), each made rows
    as its picture is next kept or dropped, the rest by `reader repair`; a format-7 reader
    then refuses the directory: making a list anew of its own articles only, its eviction of
    the last of them would drop the logo the other stories still show."""
    links = synced(data_dir, own_server, stories=STORIES)
    own_server.stop()
    lists = as_format_7_kept(data_dir)
    held = json.loads(run_reader(data_dir, "cache", "--json").stdout)
    mine = sum(len(figure(n)) for n in range(STORIES))
    assert (held["pictures_bytes"], held["pictures_articles"]) == (len(LOGO) + mine, STORIES)
    shares_add_up(data_dir)  # read as it is: format 7

    forgot = run_reader(data_dir, "forget", links[0])
    assert forgot.returncode == 0 and "upgraded from format 7 to 8" in forgot.stderr, forgot
    listed, rows = users_on_disk(data_dir)
    assert rows == {LOGO_SHA: {article_key(link) for link in links[1:]}}  # touched: made rows
    gone = {LOGO_SHA, digest(figure(0))}  # figure 0's went with its story
    assert listed == {sha: keys for sha, keys in lists.items() if sha not in gone}  # untouched
    shares_add_up(data_dir)
    monkeypatch.setattr("reader.store.directory.DATA_FORMAT", 7)
    with pytest.raises(
        StoreError, match=r"written by a newer reader \(format 8, this one reads 7\)"
    ):
        Store(data_dir)
    monkeypatch.undo()

    mended = run_reader(data_dir, "repair")
    assert mended.returncode == 0, mended
    assert users_on_disk(data_dir) == (
        {},
        {
            LOGO_SHA: {article_key(link) for link in links[1:]},
            **{digest(figure(n)): {article_key(links[n])} for n in range(1, STORIES)},
        },
    )
    for n, link in enumerate(links[1:], 1):
        assert kept_offline(data_dir, link) == {LOGO: 1, figure(n): 1}
        assert run_reader(data_dir, "forget", link).returncode == 0
    assert pictures_on_disk(data_dir) == 0
    assert users_on_disk(data_dir) == ({}, {})


def test_a_list_is_made_rows_in_one_transaction(data_dir: Path, own_server: HTTPServer) -> None:
    """Ctrl-C amid a format-7 list's rows (the logo's, of 10 stories) undoes them all: the list
    kept whole, no story counted twice nor left out, and the logo goes with the last story."""
    links = synced(data_dir, own_server, stories=STORIES)
    own_server.stop()
    lists = as_format_7_kept(data_dir)
    lib = Library(data_dir)
    try:
        articles = lib.store._articles
        real_set = articles.set
        rows: list[str] = []

        def interrupted(key: str, value: Any, *args: Any, **kwargs: Any) -> bool:
            if key.startswith("picture-user:"):
                rows.append(key)
                if len(rows) == STORIES // 2:
                    raise KeyboardInterrupt
            return real_set(key, value, *args, **kwargs)

        articles.set = interrupted  # type: ignore[method-assign]
        with pytest.raises(KeyboardInterrupt):  # main: no rows made, nothing interrupted
            lib.store.forget_article(links[0])
    finally:
        lib.close()
    assert users_on_disk(data_dir) == (lists, {})
    assert kept_offline(data_dir, links[0]) == {LOGO: 1, figure(0): 1}
    for link in links:
        assert run_reader(data_dir, "forget", link).returncode == 0
    assert pictures_on_disk(data_dir) == 0
    assert users_on_disk(data_dir) == ({}, {})
