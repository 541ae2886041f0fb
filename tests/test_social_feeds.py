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

from tests.cli_run import run_reader
from tests.test_platform_items import synced

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
def reader(data_dir: Path) -> Reader:
    """`reader ARGS` on the test's library: its exit status and what it printed."""

    def run(*args: str) -> tuple[int, str]:
        done = run_reader(data_dir, *args)
        return done.returncode, done.stdout

    return run


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


CHART = "Chart of the storm surge height over two days at the north pier"
SHORE = "Low tide this morning was the lowest of the year, out to the old wreck and back."


def mastodon(base: str) -> str:
    """Mastodon's RSS of an account: posts with no title, a picture as `media:content` with its
    description; one post that is only a picture (its description empty)."""

    def post(number: str, text: str) -> str:
        picture = (
            f'<media:content url="{base}/media/surge.png" type="image/png" medium="image">'
            f'<media:description type="plain">{CHART}</media:description></media:content>'
        )
        return (
            f"<item><guid isPermaLink='true'>{base}/@lena/{number}</guid>"
            f"<link>{base}/@lena/{number}</link><pubDate>Thu, 03 Dec 2026 08:00:00 +0000</pubDate>"
            f"<description>{text}</description>{picture}<category>tides</category></item>"
        )

    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
        'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>Lena Morgan</title>'
        f"<link>{base}/@lena</link>{post('1114', '')}{post('1113', f'&lt;p&gt;{SHORE}&lt;/p&gt;')}"
        "</channel></rss>"
    )


# Mastodon's page of a post to a reader without scripts: the account, an app's shell.
MASTODON_SHELL = """<!doctype html><html><head><title>Lena Morgan (@lena@social.example)</title>
<meta property="og:title" content="Lena Morgan (@lena@social.example)">
<meta property="profile:username" content="lena@social.example"></head><body>
<div id="mastodon"></div><noscript>To use the Mastodon web application, please enable
JavaScript.</noscript></body></html>"""


@pytest.fixture
def social(platforms: HTTPServer) -> HTTPServer:
    base = platforms.url_for("").rstrip("/")
    platforms.expect_request("/@lena.rss").respond_with_data(
        mastodon(base), content_type="application/rss+xml"
    )
    for number in ("1113", "1114"):
        platforms.expect_request(f"/@lena/{number}").respond_with_data(
            MASTODON_SHELL, content_type="text/html"
        )
    platforms.expect_request("/media/surge.png").respond_with_data(PNG, content_type="image/png")
    return platforms


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8"
    "cfc0f01f0005000201a5f1c1a80000000049454e44ae426082"
)


def test_a_post_that_is_only_a_picture_is_titled_and_read_by_its_description(
    social: HTTPServer, reader: Reader, data_dir: Path
) -> None:
    reader("add", social.url_for("/@lena.rss"))
    synced_now = run_reader(data_dir, "sync")
    assert synced_now.returncode == 0 and "failed:" not in synced_now.stderr
    listed = {item["link"]: item for item in json.loads(reader("list", "--json")[1])}
    post = listed[social.url_for("/@lena/1114")]
    assert post["title"] == f"Image: {CHART}"
    assert post["cached"] and not post["partial"]
    status, shown = reader("show", str(post["id"]), "--offline")
    assert status == 0
    assert shown.splitlines()[0] == f"Image: {CHART}"  # its headline, then its picture's line
    assert f"Image: {CHART}" in shown.split("Published:", 1)[1], shown
    # A post with words is titled by them still.
    assert listed[social.url_for("/@lena/1113")]["title"].startswith("Low tide this morning")
    assert reader("sync")[0] == 0  # and no later sync fails on it either


SPLICE = "How to make a long splice in three-strand rope, filmed on the quay at low water."


def video_channel(base: str) -> str:
    """YouTube's Atom of a channel: each video's description in its `media:group`."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
        'xmlns:yt="http://www.youtube.com/xml/schemas/2015" '
        'xmlns:media="http://search.yahoo.com/mrss/"><id>yt:channel:UCquay</id>'
        f'<title>Quay Crafts</title><link rel="alternate" href="{base}/channel/UCquay"/>'
        "<entry><id>yt:video:Vx1aB2cD3eF</id><yt:videoId>Vx1aB2cD3eF</yt:videoId>"
        f'<title>Splicing rope the old way</title><link rel="alternate" href="{base}/watch?v=Vx1"/>'
        "<author><name>Quay Crafts</name></author>"
        "<published>2026-12-02T15:00:00+00:00</published>"
        "<media:group><media:title>Splicing rope the old way</media:title>"
        f'<media:thumbnail url="{base}/media/surge.png" width="480" height="360"/>'
        f"<media:description>{SPLICE}\nChapters:\n0:00 Intro\n1:20 Unlaying the strands"
        "</media:description></media:group></entry></feed>"
    )


# A video's page to a reader without scripts: its player's shell, declared a video.
WATCH_PAGE = """<!doctype html><html lang="en"><head><title>Splicing rope the old way - QuayTube
</title><meta property="og:type" content="video.other"><meta property="og:title"
content="Splicing rope the old way"><meta property="og:video:url" content="/embed/Vx1">
<script>var ytInitialData = {"contents": "lots of json here"};</script></head><body>
<div id="player"></div><noscript>Please enable JavaScript</noscript></body></html>"""


def test_a_video_is_said_to_be_one_its_description_the_text(
    platforms: HTTPServer, reader: Reader
) -> None:
    from reader.ui.widgets.article.article_header import little_given

    platforms.expect_request("/videos.xml").respond_with_data(
        video_channel(platforms.url_for("").rstrip("/")), content_type="application/atom+xml"
    )
    platforms.expect_request("/watch").respond_with_data(WATCH_PAGE, content_type="text/html")
    (video,) = synced(reader, platforms.url_for("/videos.xml")).values()
    assert video["cached"] and not video["partial"]  # all the text there is: ↓, not ½
    assert reader("list", "--not-offline", "--ids")[1].split() == []
    status, shown = reader("show", str(video["id"]), "--offline")
    assert status == 0 and SPLICE in shown
    assert "Note: a video, no article: this is the description its feed carried" in shown
    assert "this is the text the feed carried, not the page's" not in shown
    note = little_given("o", "video")
    assert note.startswith("A video, no article") and "paywall" not in note


def lobsters(base: str) -> str:
    """Lobsters' RSS: each story's tags as `<category>`s, its thread as `<comments>`."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Pebbles'
        f"</title><link>{base}/</link><item><title>{SHARED}</title>"
        f"<link>{base}/notes/crabs.html</link><guid isPermaLink='false'>{base}/s/abc123</guid>"
        f"<comments>{base}/s/abc123</comments><category>biology</category>"
        "<category>fieldwork</category><category>Biology</category>"
        "<pubDate>Thu, 03 Dec 2026 08:00:00 +0000</pubDate></item></channel></rss>"
    )


def test_an_items_categories_are_kept_and_shown(platforms: HTTPServer, reader: Reader) -> None:
    platforms.expect_request("/lobsters.rss").respond_with_data(
        lobsters(platforms.url_for("").rstrip("/")), content_type="application/rss+xml"
    )
    (story,) = synced(reader, platforms.url_for("/lobsters.rss")).values()
    assert story["categories"] == ["biology", "fieldwork"]  # each once, in the feed's order
    assert story["tags"] == []  # the user's own tags stay theirs
    _, shown = reader("show", str(story["id"]), "--offline")
    assert "Categories: biology, fieldwork" in shown.splitlines()
    _, markdown = reader("show", str(story["id"]), "--offline", "--format", "markdown")
    assert "Categories: biology, fieldwork  " in markdown.splitlines()
    _, as_json = reader("show", str(story["id"]), "--offline", "--format", "json")
    assert json.loads(as_json)["categories"] == ["biology", "fieldwork"]
    # A subreddit's category: its label where the feed gives one.
    from reader.feeds import parse_feed

    atom = (
        reddit("https://reddit.example")
        .replace(
            "<title>rock pools</title>",
            '<title>rock pools</title><category term="x"/>',
        )
        .replace("<entry>", '<entry><category term="rockpools" label="r/rockpools"/>')
    )
    entries = parse_feed(atom.encode(), "https://reddit.example/r/rockpools/.rss").entries
    assert [entry.categories for entry in entries] == [("r/rockpools",), ("r/rockpools",)]


def test_a_link_post_whose_thread_was_cached_as_its_article_reads_its_story_anew(
    platforms: HTTPServer, reader: Reader
) -> None:
    """A reader from before link posts were read so cached the thread as the post's article:
    that copy stays the thread's, not moved to the story's address as a story's copy whose
    address changed is (the story read as a correction of the thread)."""
    base = platforms.url_for("").rstrip("/")
    thread = f"{base}/r/rockpools/comments/aa1/crabs/"
    as_before = reddit(base).replace(f"{base}/notes/crabs.html", thread)  # as it was read
    for _ in ("add", "sync"):
        platforms.expect_oneshot_request("/r/rockpools/.rss").respond_with_data(
            as_before, content_type="application/atom+xml"
        )
    reader("add", platforms.url_for("/r/rockpools/.rss"))
    reader("sync")
    listed = {item["title"]: item for item in json.loads(reader("list", "--json")[1])}
    assert listed[SHARED]["link"] == thread and listed[SHARED]["cached"]
    reader("sync")  # the feed as it is: the post's link the story, fetched by the next sync
    post = {item["title"]: item for item in json.loads(reader("list", "--json")[1])}[SHARED]
    assert post["link"] == platforms.url_for("/notes/crabs.html") and not post["cached"]
    reader("sync")
    post = {item["title"]: item for item in json.loads(reader("list", "--json")[1])}[SHARED]
    assert post["cached"] and not post["changed"]
    _, shown = reader("show", str(post["id"]), "--offline", "--format", "json")
    article = json.loads(shown)
    assert STORY_WORDS in article["text"] and "versions" not in article
    _, thread_shown = reader("show", thread, "--offline")
    assert "The north side of the bay" in thread_shown  # the thread's copy kept as it was


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154"
    "78da63f8cfc0f01f0005000201a5f1c1a80000000049454e44ae426082"
)


def test_a_link_posts_feed_text_shown_in_its_storys_place_has_no_reddit_footer(
    platforms: HTTPServer, reader: Reader
) -> None:
    """A link post sharing a picture (↗: the reader has no article of it) shows what its feed
    carried: its thumbnail, not "submitted by /u/… [link] [comments]", which the header's
    address and "Discussion:" line say already (social50)."""
    base = platforms.url_for("").rstrip("/")
    thread = f"{base}/r/rockpools/comments/aa1/crabs/"
    thumbnail = (
        f'<td><a href="{thread}"><img src="{base}/thumbs/crabs.jpg" alt="{SHARED}" '
        f'title="{SHARED}" /></a></td><td>'
    )
    feed = (
        reddit(base)
        .replace(f"{base}/notes/crabs.html", f"{base}/img/crabs.png")
        .replace(
            "&lt;table&gt;&lt;tr&gt;&lt;td&gt;",
            "&lt;table&gt;&lt;tr&gt;"
            + (thumbnail.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")),
        )
    )
    platforms.expect_request("/shares.rss").respond_with_data(
        feed, content_type="application/atom+xml"
    )
    platforms.expect_request("/img/crabs.png").respond_with_data(PNG, content_type="image/png")
    post = synced(reader, platforms.url_for("/shares.rss"))[SHARED]
    assert post["link"] == f"{base}/img/crabs.png" and post["comments"] == thread
    for form in ("text", "markdown"):
        _, shown = reader("show", str(post["id"]), "--offline", "--format", form)
        assert SHARED in shown.splitlines()[0] and thread in shown  # its header, "Discussion:"
        for footer_word in ("submitted by", "[link]", "[comments]"):
            assert footer_word not in shown


def test_an_items_categories_are_searched_by_category_and_shown_in_its_header(
    platforms: HTTPServer, reader: Reader, data_dir: Path
) -> None:
    """`category:NAME` finds the items their feed files under it (Lobsters' tags), any case,
    `-category:NAME` leaves them out, in `reader list --search` and the reader's `F` alike;
    the reading view's header says them, as `reader show` does (social50)."""
    import asyncio

    from reader.ui.screens.main import MainScreen
    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from reader.ui.widgets.main.headline_table import HeadlineTable
    from tests.tui_pilot import on_top, open_titled, running, until

    platforms.expect_request("/lobsters.rss").respond_with_data(
        lobsters(platforms.url_for("").rstrip("/")), content_type="application/rss+xml"
    )
    (story,) = synced(reader, platforms.url_for("/lobsters.rss")).values()

    def found(*words: str) -> list[str]:
        return reader("list", "--ids", "--search", *words)[1].split()

    assert found("category:fieldwork") == [story["id"]]
    assert found("category:FieldWork") == [story["id"]]
    assert found("crabs", "category:biology") == [story["id"]]
    assert found("crabs", "-category:biology") == []
    assert found("category:databases") == []
    status, _ = reader("list", "--search", "categories:biology")
    assert status != 0  # a slip of the operator's name is said, not searched as a word

    async def run() -> None:
        async with running(data_dir, (120, 40)) as (_app, pilot):
            body = await open_titled(pilot, SHARED)
            await until(pilot, lambda: "Categories:" in body.text, "the header")
            assert "Categories: biology, fieldwork" in body.text.splitlines()
            await pilot.press("escape")
            screen = await on_top(pilot, MainScreen, "the headlines")
            await pilot.press("F", *"category:fieldwork", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            table = screen.query_one(HeadlineTable)
            await until(pilot, lambda: bool(table.rows), "the hit")
            assert [row.entry.title for row in table.rows] == [SHARED]

    asyncio.run(run())


def test_a_subreddits_posts_are_found_by_its_name(platforms: HTTPServer, reader: Reader) -> None:
    """Reddit's feed files each post under its subreddit, labelled "r/rockpools":
    `category:rockpools`, the name a reporter types, found nothing (acc50c C4)."""
    base = platforms.url_for("").rstrip("/")
    labelled = reddit(base).replace(
        "<entry>", '<entry><category term="rockpools" label="r/rockpools"/>'
    )
    platforms.expect_request("/r/rockpools/labelled.rss").respond_with_data(
        labelled, content_type="application/atom+xml"
    )
    listed = synced(reader, platforms.url_for("/r/rockpools/labelled.rss"))
    for name in ("rockpools", "r/rockpools", "R/RockPools"):
        code, found = reader("list", "--search", f"category:{name}", "--json")
        assert code == 0 and len(json.loads(found)) == len(listed), (name, found)
