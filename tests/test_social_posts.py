"""Mastodon's posts cited and exported by their opening words, not by the account's name their
pages give as their title ("Lena Morgan (@lena@social.example)" for every post), and a post's
attached picture (`media:content` with its `media:description`) an "Image: …" line (acc42c C4).
Real parts: the feed and the post pages served on 127.0.0.1, the store on disk.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from reader.extract import extract_article
from reader.feeds import parse_feed

ACCOUNT = "Lena Morgan (@lena@social.example)"
POSTS = {
    "1": "Reminder: the harbour board meets Tuesday at 7pm. Public gallery open.",
    "2": "Yes, the FOI came back with 212 cancelled sailings, which matches what islanders have "
    "been telling us all autumn about the winter timetable.",
}
AGENDA = "Photo of the agenda front page"


def feed(base: str) -> str:
    """Mastodon's RSS shape: items with no title, their text as HTML, a picture as Media RSS."""
    picture = (
        f'<media:content url="{base}/media/agenda.png" type="image/png" medium="image">'
        f'<media:description type="plain">{AGENDA}</media:description></media:content>'
    )
    items = "".join(
        f"<item><guid isPermaLink='true'>{base}/@lena/{n}</guid><link>{base}/@lena/{n}</link>"
        f"<pubDate>Sat, 05 Dec 2026 1{n}:00:00 +0000</pubDate>"
        f"<description>{html.escape(f'<p>{text}</p>')}</description>"
        f"{picture if n == '1' else ''}</item>"
        for n, text in POSTS.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Lena Morgan</title>'
        f"<link>{base}/@lena</link>{items}</channel></rss>"
    )


def post_page(base: str, number: str) -> str:
    """Mastodon's page of a post: the account as its title, the post in `og:description`,
    an app built by scripts for a body."""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{ACCOUNT}</title>
<meta property="og:site_name" content="social.example"><meta property="og:type" content="article">
<meta property="og:title" content="{ACCOUNT}">
<meta property="og:description" content="{html.escape(POSTS[number])}">
<meta property="og:url" content="{base}/@lena/{number}">
<meta property="profile:username" content="lena@social.example"></head>
<body class="app-body"><div class="app-holder" id="mastodon"><noscript><div>To use the Mastodon
web application, please enable JavaScript.</div></noscript></div></body></html>"""


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    base = own_server.url_for("").rstrip("/")
    own_server.expect_request("/@lena.rss").respond_with_data(
        feed(base), content_type="application/rss+xml"
    )
    for number in POSTS:
        own_server.expect_request(f"/@lena/{number}").respond_with_data(
            post_page(base, number), content_type="text/html"
        )
    return own_server


def test_a_posts_page_titled_by_its_account_is_titled_by_its_opening_words() -> None:
    article = extract_article(
        post_page("https://social.example", "2"), "https://social.example/@lena/2"
    )
    # Its first 20 words, as APA titles a post: cut at a word, never inside one (acc49b B4).
    assert article.title == " ".join(POSTS["2"].split()[:20]) + "…"
    assert article.author == ACCOUNT
    # A story whose title ends on a handle in brackets is not a post.
    story = (
        "<html><head><title>Ferry cuts explained (@harbourpost)</title></head><body><article>"
        + "<p>The council confirmed the cuts on Monday, after a long consultation.</p>" * 8
        + "</article></body></html>"
    )
    assert extract_article(story, "https://news.example/a").title == (
        "Ferry cuts explained (@harbourpost)"
    )


def test_a_posts_page_declaring_no_username_is_titled_by_its_opening_words_too() -> None:
    """A server's page with no `profile:username` (its author declared nowhere) titles a post
    by its account all the same: it was every post's title (acc49b B10)."""
    page = post_page("https://social.example", "1").replace(
        '<meta property="profile:username" content="lena@social.example">', ""
    )
    article = extract_article(page, "https://social.example/@lena/1")
    assert (article.title, article.author) == (POSTS["1"], ACCOUNT)


def test_a_posts_headline_is_cut_at_a_word() -> None:
    """The headline of a title-less item is its first 20 words, not 80 characters cut
    inside a word ("…count cr…")."""
    base = "https://social.example"
    second = parse_feed(feed(base).encode(), f"{base}/@lena.rss").entries[1]
    assert second.title == " ".join(POSTS["2"].split()[:20]) + "…"


def test_a_posts_picture_is_kept_with_its_description_and_is_not_its_text() -> None:
    base = "https://social.example"
    first, second = parse_feed(feed(base).encode(), f"{base}/@lena.rss").entries
    assert first.title == POSTS["1"]
    assert f'<img src="{base}/media/agenda.png" alt="{AGENDA}">' in first.summary
    # Its text is all of it (read offline whole), never the picture's description alone.
    assert first.content == first.summary
    assert "<img" not in second.summary


def test_posts_are_cited_and_exported_apart_with_their_picture(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    def reader(*args: str) -> tuple[int, str]:
        status = main(["--data-dir", str(data_dir), *args])
        return status, capsys.readouterr().out

    reader("add", site.url_for("/@lena.rss"))
    assert reader("sync")[0] == 0
    listed = {
        item["link"].rsplit("/", 1)[1]: item for item in json.loads(reader("list", "--json")[1])
    }
    cited = {n: reader("show", listed[n]["id"], "--format", "citation")[1] for n in POSTS}
    assert cited["1"] != cited["2"]
    assert cited["1"].startswith(POSTS["1"]) and ACCOUNT in cited["1"]
    assert cited["2"].startswith("Yes, the FOI came back") and ACCOUNT in cited["2"]
    _, text = reader("show", listed["1"]["id"])
    assert f"Image: {AGENDA}" in text
    out = tmp_path / "posts.md"
    assert reader("export", "--format", "markdown", "-o", str(out))[0] == 0
    headings = [
        line for line in out.read_text(encoding="utf-8").splitlines() if line.startswith("# ")
    ][1:]  # the file's own title, over its contents, first
    assert len(headings) == 2 and len(set(headings)) == 2
    assert f"# {ACCOUNT}" not in headings


def test_a_headline_an_older_reader_cut_at_80_characters_is_read_as_its_opening_words(
    site: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title-less post's headline kept by a reader from before titles were opening words
    (its text cut at 80 characters, mid-word) is listed and cited by its first 20 words at
    once, not once its feed changes; the feed read again unchanged tells no change of it, and
    a feed titling its items so reads the same (social50)."""
    from reader.safe import safe_line
    from reader.store import Store

    def reader(*args: str) -> str:
        main(["--data-dir", str(data_dir), *args])
        return capsys.readouterr().out

    url = site.url_for("/@lena.rss")
    reader("add", url)
    reader("sync")
    old_title = safe_line(POSTS["2"], 80)
    assert old_title.endswith(" islander…")  # cut inside a word
    store = Store(data_dir)
    try:
        key = f"entries:{url}"
        records = json.loads(store._state.get(key))
        for record in records:
            if record["title"].startswith("Yes, the FOI"):
                record["title"] = old_title  # as an older reader kept it
        store._state.set(key, json.dumps(records))
    finally:
        store.close()
    opening = " ".join(POSTS["2"].split()[:20]) + "…"
    listed = {i["link"].rsplit("/", 1)[1]: i for i in json.loads(reader("list", "--json"))}
    assert listed["2"]["title"] == opening
    reader("sync")
    listed = {i["link"].rsplit("/", 1)[1]: i for i in json.loads(reader("list", "--json"))}
    assert listed["2"]["title"] == opening and not listed["2"]["changed"]
    # A feed giving its item the text cut so for a title: read as its opening words too.
    cut_title = feed("https://social.example").replace(
        "<item><guid isPermaLink='true'>https://social.example/@lena/2</guid>",
        f"<item><title>{old_title}</title><guid isPermaLink='true'>"
        "https://social.example/@lena/2</guid>",
    )
    parsed = parse_feed(cut_title.encode(), "https://social.example/@lena.rss").entries[1]
    assert parsed.title == opening
