"""`[feeds] max_items`, newsboat's max-items: each feed keeps its newest headlines, read or not,
but saved ones; those past it go at each refresh, their cached articles stay, a sync fetches
none for them, and an item the feed still carries doesn't come back."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from served_feed import serve_stories, story_page
from werkzeug import Request, Response

from reader.cli import main
from reader.store import Store

# The Harbour Gazette's stories of 24 November 2026, by the hour they were published.
STORIES = [
    ("Ferry timetable changes for the winter months", 1),
    ("Lifeboat crew rescues two walkers cut off by the tide", 2),
    ("Fish market's new roof opens to traders", 3),
    ("Harbour wall repairs finish a week early", 4),
    ("Council approves the marina's second pontoon", 5),
    ("Storm warning for the coast road tonight", 6),
]


def run(directory: Path, *argv: str) -> int:
    return main(["--data-dir", str(directory), *argv])


def listed(directory: Path, capsys: pytest.CaptureFixture[str]) -> dict[int, dict[str, object]]:
    """Every headline `reader list` gives, by its story's hour."""
    capsys.readouterr()
    assert run(directory, "list", "--json") == 0
    found = json.loads(capsys.readouterr().out)
    return {int(str(h["link"]).rsplit("-", 1)[1].removesuffix(".html")): h for h in found}


def pages_asked(server: HTTPServer) -> list[int]:
    return sorted(
        int(request.path.rsplit("-", 1)[1].removesuffix(".html"))
        for request, _ in server.log
        if request.path.startswith("/story-")
    )


def test_a_feed_keeps_its_newest_headlines(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = serve_stories(httpserver, "The Harbour Gazette", STORIES)
    assert run(data_dir, "add", url) == 0
    assert run(data_dir, "sync", "-q") == 0
    headlines = listed(data_dir, capsys)
    assert set(headlines) == {1, 2, 3, 4, 5, 6}
    # The oldest story saved, the second oldest read: the first stays, the second goes.
    assert run(data_dir, "save", str(headlines[1]["id"])) == 0
    store = Store(data_dir)
    try:
        store.set_read_many(url, {str(headlines[2]["id"])}, True)
    finally:
        store.close()

    data_dir.joinpath("config.toml").write_text("[feeds]\nmax_items = 3\n", encoding="utf-8")
    httpserver.clear_log()
    assert run(data_dir, "sync", "-q") == 0
    assert set(listed(data_dir, capsys)) == {1, 4, 5, 6}
    assert pages_asked(httpserver) == []  # every one cached before
    capsys.readouterr()
    assert run(data_dir, "cache") == 0
    assert "(4 headlines; each feed's newest 3 kept)" in capsys.readouterr().out
    # Their cached articles stay: searched, and shown by address.
    capsys.readouterr()
    assert run(data_dir, "list", "--search", "lifeboat crew") == 0
    assert "Lifeboat crew rescues two walkers" in capsys.readouterr().out
    assert run(data_dir, "show", str(headlines[3]["link"])) == 0
    assert "Fish market's new roof opens to traders" in capsys.readouterr().out

    # The feed still carries them: they don't come back, new or unread.
    assert run(data_dir, "sync", "-q") == 0
    assert set(listed(data_dir, capsys)) == {1, 4, 5, 6}

    # A new story: the oldest of the three goes, and an uncached one past the cap is not fetched.
    httpserver.clear()
    url = serve_stories(httpserver, "The Harbour Gazette", [*STORIES, ("Pier lights up", 7)])
    httpserver.clear_log()
    assert run(data_dir, "sync", "-q") == 0
    assert set(listed(data_dir, capsys)) == {1, 5, 6, 7}
    assert pages_asked(httpserver) == [7]


def test_a_new_feed_past_the_limit_fetches_only_its_newest(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    data_dir.joinpath("config.toml").write_text("[feeds]\nmax_items = 2\n", encoding="utf-8")
    url = serve_stories(httpserver, "The Harbour Gazette", STORIES)
    assert run(data_dir, "add", url) == 0
    assert run(data_dir, "sync", "-q") == 0
    headlines = listed(data_dir, capsys)
    assert set(headlines) == {5, 6}
    assert all(h["cached"] for h in headlines.values())
    assert pages_asked(httpserver) == [5, 6]
    assert run(data_dir, "sync", "-q") == 0
    assert pages_asked(httpserver) == [5, 6]


@pytest.mark.parametrize("value", ["-1", '"10"', "2001", "true", "1.5"])
def test_a_bad_max_items_is_one_line(
    data_dir: Path, capsys: pytest.CaptureFixture[str], value: str
) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    data_dir.joinpath("config.toml").write_text(f"[feeds]\nmax_items = {value}\n", "utf-8")
    capsys.readouterr()
    assert run(data_dir, "list") == 78
    said = capsys.readouterr().err.strip().splitlines()
    assert said[-1].endswith(
        "feeds.max_items must be a whole number from 1 to 2,000, or 0 for every item"
    )


def _serve_with_etag(server: HTTPServer) -> str:
    """The Gazette's feed answering 304 to its ETag (most feeds, most refreshes), and its pages."""
    base = server.url_for("").rstrip("/")
    items = "".join(
        f"<item><title>{title}</title><link>{base}/story-{hour}.html</link>"
        f"<guid>{base}/story-{hour}.html</guid>"
        f"<pubDate>Tue, 24 Nov 2026 {hour:02d}:00:00 GMT</pubDate></item>"
        for title, hour in STORIES
    )
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>G</title>{items}</channel></rss>'
    )

    def answer(request: Request) -> Response:
        if request.headers.get("If-None-Match") == '"v1"':
            return Response(status=304, headers={"ETag": '"v1"'})
        return Response(feed, content_type="application/rss+xml", headers={"ETag": '"v1"'})

    server.expect_request("/feed.xml").respond_with_handler(answer)
    for title, hour in STORIES:
        server.expect_request(f"/story-{hour}.html").respond_with_data(
            story_page(title), content_type="text/html; charset=utf-8"
        )
    return server.url_for("/feed.xml")


def test_set_on_a_feed_that_answers_not_modified_it_holds_at_the_next_sync(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Set after the headlines came, on a feed answering 304: the sync kept all 300 and fetched
    every article past it, until the feed changed (acc30d N1). Now the next sync keeps the newest
    and fetches only theirs, as an `[[ignore]]` rule's items left out are not fetched either."""
    url = _serve_with_etag(httpserver)
    assert run(data_dir, "add", url) == 0
    assert run(data_dir, "sync", "-q", "--no-articles") == 0
    assert set(listed(data_dir, capsys)) == {1, 2, 3, 4, 5, 6}
    data_dir.joinpath("config.toml").write_text(
        '[feeds]\nmax_items = 3\n[[ignore]]\ntitle = "^Harbour wall"\n', encoding="utf-8"
    )
    httpserver.clear_log()
    assert run(data_dir, "sync", "-q") == 0
    asked = [request.path for request, _ in httpserver.log]
    assert "/feed.xml" in asked  # answered 304
    # 4 is ignored, and of the others the three newest stay: an ignored item takes no place.
    assert set(listed(data_dir, capsys)) == {3, 5, 6}
    assert pages_asked(httpserver) == [3, 5, 6]


def test_cache_prune_alone_applies_it_now(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Set after a sync, with no sync since: `reader cache prune` said "say what to prune", as
    if the config set nothing it applies (acc30d N5's note). It applies max_items now, as a
    sync would, a dry run first saying what would go."""
    url = serve_stories(httpserver, "The Harbour Gazette", STORIES)
    assert run(data_dir, "add", url) == 0
    assert run(data_dir, "sync", "-q") == 0
    headlines = listed(data_dir, capsys)
    assert run(data_dir, "save", str(headlines[2]["id"])) == 0
    capsys.readouterr()
    assert run(data_dir, "cache", "prune") == 2  # nothing set: each setting by its section
    said = "(or set the config's [cache] max_size, [feeds] drop_read_after or max_items)"
    assert said in capsys.readouterr().err
    data_dir.joinpath("config.toml").write_text("[feeds]\nmax_items = 4\n", encoding="utf-8")

    capsys.readouterr()
    assert run(data_dir, "cache", "prune", "--dry-run") == 0
    said = capsys.readouterr().out
    assert "would drop 1 headline past each feed's newest 4 ([feeds] max_items), of 1 feed" in said
    assert "saved ones kept: 1" in said
    assert set(listed(data_dir, capsys)) == {1, 2, 3, 4, 5, 6}

    assert run(data_dir, "cache", "prune", "--json") == 0
    done = json.loads(capsys.readouterr().out)
    assert done["past_max_items"] == {
        "max_items": 4,
        "dropped": 1,
        "ids": [headlines[1]["id"]],
        "by_feed": {url: 1},
        "remaining": 5,
        "kept_saved": 1,
    }
    assert done["headlines"] is None and done["articles"] is None
    assert set(listed(data_dir, capsys)) == {2, 3, 4, 5, 6}
    # Its cached article stays, found by address; the next sync doesn't bring the headline back.
    assert run(data_dir, "show", str(headlines[1]["link"])) == 0
    assert "Ferry timetable changes" in capsys.readouterr().out
    assert run(data_dir, "sync", "-q") == 0
    assert set(listed(data_dir, capsys)) == {2, 3, 4, 5, 6}
