"""An aggregator's pointers in an item's text (Hacker News's and Lobsters' "Comments" link,
hnrss's "Article URL:", "Comments URL:", "Points:" lines) are no text of it: an item whose link
is a file (↗) showed them as its article, "Comments[1]" and a list of links (acc49b B8); so
did the feed's text that stands in for a page that gave little. Real parts: the feed and the files served on 127.0.0.1, the reader's own commands
and cache."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.aggregator_chrome import without_aggregator_chrome
from reader.cli import main

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154"
    "78da63f8cfc0f01f0005000201a5f1c1a80000000049454e44ae426082"
)
STORY = "A scan of the harbour board's filing, which the county published on Friday."


def feed(base: str) -> str:
    comments = [f"{base}/item?id={n}" for n in (1, 2, 3)]
    items = [
        # Hacker News's own: the description is the "Comments" link alone.
        (f"{base}/img/surge.png", comments[0], f'<a href="{comments[0]}">Comments</a>'),
        # hnrss's: the two addresses and the counts.
        (
            f"{base}/files/chart.png",
            comments[1],
            f'<p>Article URL: <a href="{base}/files/chart.png">{base}/files/chart.png</a></p>'
            f'<p>Comments URL: <a href="{comments[1]}">{comments[1]}</a></p>'
            "<p>Points: 54</p><p># Comments: 12</p>",
        ),
        # Lobsters': the story's text, then its "Comments" link.
        (
            f"{base}/files/filing.png",
            comments[2],
            f'<p>{STORY}</p><p><a href="{comments[2]}">Comments</a></p>',
        ),
    ]
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quayside News</title>'
        f"<link>{base}/</link>"
        + "".join(
            f"<item><title>File {n}</title><link>{link}</link><comments>{discussion}</comments>"
            f"<guid>{discussion}</guid><description><![CDATA[{text}]]></description></item>"
            for n, (link, discussion, text) in enumerate(items, 1)
        )
        + "</channel></rss>"
    )


@pytest.fixture
def aggregator(own_server: HTTPServer) -> HTTPServer:
    base = own_server.url_for("").rstrip("/")
    own_server.expect_request("/rss").respond_with_data(
        feed(base), content_type="application/rss+xml"
    )
    for path in ("/img/surge.png", "/files/chart.png", "/files/filing.png"):
        own_server.expect_request(path).respond_with_data(PNG, content_type="image/png")
    return own_server


def test_an_items_pointers_are_not_shown_as_its_text(
    aggregator: HTTPServer,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def reader(*args: str) -> str:
        main(["--data-dir", str(data_dir), *args])
        return capsys.readouterr().out

    reader("add", aggregator.url_for("/rss"))
    reader("sync")
    ids = {item["title"]: item["id"] for item in json.loads(reader("list", "--json"))}
    for title in ("File 1", "File 2"):
        shown = reader("show", ids[title], "--format", "markdown")
        for chrome in ("Comments", "Article URL", "Points"):
            assert chrome not in shown
    shown = reader("show", ids["File 3"])
    assert STORY in shown
    assert "Comments" not in shown and "Links:" not in shown


def test_a_comments_link_to_another_page_and_the_texts_own_rule_are_kept() -> None:
    own = ("https://files.example/a.png", "https://news.example/item?id=1")
    other = '<p>Ours: <a href="https://elsewhere.example/t">Comments</a></p>'
    assert without_aggregator_chrome(other, own) == other
    ruled = "<p>Before the break.</p><hr>"
    assert without_aggregator_chrome(ruled, own) == ruled
    said = f'<p>I asked. <a href="{own[1]}">Comments</a> are open.</p>'
    assert without_aggregator_chrome(said, own) == said


def test_reddits_footer_to_the_items_own_addresses_is_dropped() -> None:
    """A Reddit link post's footer names its two addresses, the story it shares (its link) and
    its thread (its discussion): dropped from the feed's text shown in the story's place; one
    naming another page is kept (social50)."""
    story, thread = "https://files.example/crabs.png", "https://reddit.example/r/x/comments/aa1/"
    footer = (
        '&#32; submitted by &#32; <a href="https://reddit.example/user/s"> /u/s </a> <br/> '
        f'<span><a href="{story}">[link]</a></span> &#32; '
        f'<span><a href="{thread}">[comments]</a></span>'
    )
    thumb = f'<td><a href="{thread}"><img src="https://thumbs.example/a.jpg"></a></td>'
    post = f"<table><tr>{thumb}<td>{footer}</td></tr></table>"
    assert without_aggregator_chrome(post, (story, thread)) == (
        f"<table><tr>{thumb}<td></td></tr></table>"
    )
    assert without_aggregator_chrome(post, ("https://elsewhere.example/", thread)) == post


def test_an_item_linking_to_a_file_whose_feed_text_was_only_pointers_shows_its_header(
    aggregator: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader show` of Hacker News's item linking to a picture (↗), its feed's text only its
    "Comments" link: the header (its title, address, "Discussion:"), not the reason alone."""
    main(["--data-dir", str(data_dir), "add", aggregator.url_for("/rss")])
    main(["--data-dir", str(data_dir), "sync"])
    capsys.readouterr()
    main(["--data-dir", str(data_dir), "list", "--json"])
    ids = {item["title"]: item["id"] for item in json.loads(capsys.readouterr().out)}
    status = main(["--data-dir", str(data_dir), "show", ids["File 1"], "--offline"])
    shown = capsys.readouterr()
    assert status != 0  # the article itself could not be had
    lines = shown.out.splitlines()
    assert lines[0] == "File 1"
    assert f"URL: {aggregator.url_for('/img/surge.png')}" in lines
    assert f"Discussion: {aggregator.url_for('/item')}?id=1" in lines
    assert "not an article page" in shown.err and "its header alone is shown" in shown.err
