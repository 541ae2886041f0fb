"""Articles cached by a reader from before the `pictures-owed:` marks (sync44's), whose pictures
were never fetched, owe them all the same: the first sync after marks them, once a directory
(not every article read at every sync), and fetches their pictures; a `--no-pictures` sync
fetches none (acc45 item 3).

Served by a real server on 127.0.0.1 (pytest-httpserver); the library such a reader left is
made by a sync without pictures whose marks are then taken out of the real store, as that
reader never wrote them."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.keys import article_key
from reader.store import Store
from reader.store.articles import PICTURES_OWED
from tests.cli_run import run_reader
from tests.test_kept_pictures import serve
from tests.test_owed_pictures import OWED, asked, kept, subscribed

MARKED = "pictures-owed-marked"  # the state's record of the pass over the articles


def cached_by_an_older_reader(data_dir: Path, link: str) -> None:
    """The article of `link` as a reader from before the marks left it: cached, its pictures
    neither fetched nor owed, and no pass over the articles made."""
    store = Store(data_dir)
    try:
        assert store._articles.delete(PICTURES_OWED + article_key(link))
        store._state.delete(MARKED)
    finally:
        store.close()


def test_an_article_cached_before_the_marks_gets_its_pictures(
    data_dir: Path, own_server: HTTPServer
) -> None:
    feed, link = serve(own_server)
    subscribed(data_dir, feed)
    assert run_reader(data_dir, "sync", "--no-pictures").returncode == 0
    cached_by_an_older_reader(data_dir, link)
    text_only = run_reader(data_dir, "sync", "--no-pictures")
    assert text_only.returncode == 0, text_only.stderr
    assert not any(kept(data_dir, link).values())  # marked owed, not fetched
    assert OWED in text_only.stdout + text_only.stderr
    whole = run_reader(data_dir, "sync")
    assert whole.returncode == 0, whole.stderr
    assert asked(own_server, "/story.html") == 1  # its text not fetched again
    pictures = kept(data_dir, link)
    assert pictures["lead.png"] and pictures["crane.jpg"]
    assert "without their pictures" not in whole.stdout + whole.stderr


def test_the_pass_over_the_articles_is_made_once(data_dir: Path, own_server: HTTPServer) -> None:
    feed, link = serve(own_server)
    subscribed(data_dir, feed)
    assert run_reader(data_dir, "sync", "--no-pictures").returncode == 0
    cached_by_an_older_reader(data_dir, link)
    assert run_reader(data_dir, "sync").returncode == 0
    assert kept(data_dir, link)["crane.jpg"]
    store = Store(data_dir)
    try:
        assert store._state.get(MARKED) is not None  # not made again
        # An article left unmarked after it (as no reader since leaves one) is not looked for.
        assert store.mark_pictures_owed_before({}) == 0
    finally:
        store.close()
