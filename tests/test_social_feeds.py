"""Link aggregators' and social platforms' feeds read for what they share (acc49b): a Reddit link
post's article is the story it links to, its thread the discussion (B1), a self-post no "Link:"
to itself (B7). Real parts: the feeds and pages served on 127.0.0.1 in the platforms' shapes,
the store on disk.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main

SHARED = "Counting shore crabs for a week in one rock pool"
ASKED = "Where do you walk at the lowest tide of the year?"
STORY_WORDS = "the shore crabs outnumbered every other animal in the pool by four to one"
SELF_WORDS = "Mine is the causeway at dawn, when the oystercatchers come down to feed."


def footer(story: str, thread: str) -> str:
    """Reddit's footer of a post as its Atom feed gives it (a link post's in the table beside
    its thumbnail)."""
    return (
        '&#32; submitted by &#32; <a href="/user/saltmarsh"> /u/saltmarsh </a> <br/> '
        f'<span><a href="{story}">[link]</a></span> &#32; '
        f'<span><a href="{thread}">[comments]</a></span>'
    )


def reddit(base: str) -> str:
    shared, asked = (
        f"{base}/r/rockpools/comments/aa1/crabs/",
        f"{base}/r/rockpools/comments/aa3/walk/",
    )
    posts = (
        (
            "t3_aa1",
            SHARED,
            shared,
            f"<table><tr><td>{footer(f'{base}/notes/crabs.html', shared)}</td></tr></table>",
        ),
        (
            "t3_aa3",
            ASKED,
            asked,
            f'<div class="md"><p>{SELF_WORDS}</p></div> {footer(asked, asked)}',
        ),
    )
    entries = "".join(
        f"<entry><author><name>/u/saltmarsh</name></author><id>{code}</id>"
        f'<content type="html">{html.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")}'
        f'</content><link href="{link}"/><updated>2026-12-03T10:00:00+00:00</updated>'
        f"<title>{title}</title></entry>"
        for code, title, link, html in posts
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<id>/r/rockpools/.rss</id><title>rock pools</title>"
        f"<updated>2026-12-03T10:00:00+00:00</updated>{entries}</feed>"
    )


def old_reddit_thread(title: str, href: str, text: str) -> str:
    """old.reddit's page of a thread: the post (its title's link relative, to itself for a
    self-post) and one comment."""
    return f"""<!doctype html><html><head><title>{title} : rockpools</title></head><body>
<div class="side">Subscribe · rules</div><div class="content"><div class="sitetable linklisting">
<div class="thing link" data-author="saltmarsh"><p class="title"><a class="title" href="{href}">
{title}</a></p><p class="tagline">submitted <time datetime="2026-12-03T10:00:00+00:00">4 hours
ago</time> by <a class="author" href="/user/saltmarsh">saltmarsh</a></p>{text}</div></div>
<div class="commentarea"><div class="sitetable nestedlisting"><div class="thing comment"
data-author="rockpooler"><div class="entry"><p class="tagline"><a class="author"
href="/user/rockpooler">rockpooler</a> <time datetime="2026-12-03T11:00:00+00:00">3 hours
ago</time></p><form class="usertext"><div class="usertext-body"><div class="md"><p>The north side
of the bay gave me the same counts.</p></div></div></form></div></div></div></div></div>
</body></html>"""


def notes_page(title: str, words: str) -> str:
    paragraphs = "".join(
        f"<p>Day {day} of the diary: {words}, and the tide came in an hour later than the table "
        "said it would, which the harbour master put down to the wind.</p>"
        for day in range(1, 7)
    )
    return (
        f"<!doctype html><html><head><title>{title} | Shore Notes</title></head><body>"
        f"<article><h1>{title}</h1>{paragraphs}</article></body></html>"
    )


@pytest.fixture
def platforms() -> Iterator[HTTPServer]:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    base = server.url_for("").rstrip("/")
    feeds = {"/r/rockpools/.rss": reddit}
    for path, feed in feeds.items():
        server.expect_request(path).respond_with_data(
            feed(base), content_type="application/atom+xml"
        )
    self_text = f'<form class="usertext"><div class="md"><p>{SELF_WORDS}</p></div></form>'
    pages = {
        "/notes/crabs.html": notes_page(SHARED, STORY_WORDS),
        "/r/rockpools/comments/aa1/crabs/": old_reddit_thread(
            SHARED, f"{base}/notes/crabs.html", ""
        ),
        "/r/rockpools/comments/aa3/walk/": old_reddit_thread(
            ASKED, "/r/rockpools/comments/aa3/walk/", self_text
        ),
    }
    for path, page in pages.items():
        server.expect_request(path).respond_with_data(page, content_type="text/html")
    yield server
    server.clear()
    server.stop()


Reader = Callable[..., tuple[int, str]]


@pytest.fixture
def reader(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Reader:
    def run(*args: str) -> tuple[int, str]:
        status = main(["--data-dir", str(data_dir), *args])
        return status, capsys.readouterr().out

    return run


def synced(reader: Reader, feed: str) -> dict[str, dict[str, object]]:
    """The headlines of `feed` once subscribed and synced, by title."""
    reader("add", feed)
    reader("sync")
    return {item["title"]: item for item in json.loads(reader("list", "--json")[1])}


def test_a_reddit_link_post_is_read_as_the_story_it_shares_its_thread_the_discussion(
    platforms: HTTPServer, reader: Reader
) -> None:
    listed = synced(reader, platforms.url_for("/r/rockpools/.rss"))
    post = listed[SHARED]
    thread = platforms.url_for("/r/rockpools/comments/aa1/crabs/")
    assert post["link"] == platforms.url_for("/notes/crabs.html")
    assert post["comments"] == thread
    assert post["cached"] and not post["partial"]
    status, shown = reader("show", str(post["id"]), "--offline")
    assert status == 0
    assert STORY_WORDS in shown  # the story, cached by the sync, not the thread
    assert "The north side of the bay" not in shown
    assert f"Discussion: {thread}" in shown.splitlines()


def test_a_reddit_self_post_is_its_thread_with_no_link_to_itself(
    platforms: HTTPServer, reader: Reader
) -> None:
    post = synced(reader, platforms.url_for("/r/rockpools/.rss"))[ASKED]
    assert post["link"] == platforms.url_for("/r/rockpools/comments/aa3/walk/")
    assert post["comments"] is None
    status, shown = reader("show", str(post["id"]), "--offline")
    assert status == 0 and SELF_WORDS in shown
    assert "The north side of the bay" in shown  # the thread, its comment with it
    assert "Link:" not in shown  # B7: its title links to its own thread
