"""Discussion and social pages of the makes read since the first ones (`test_discussions`): a
Bluesky post as its page holds it for readers without scripts, a new-reddit thread, a Lobsters
story and GitHub's React issue pages, each post under its author's line. Each page is a small
one of our own in the site's shape (`tests/data/discussion-*`, whole in its `.expected.md`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.extract import extract_article, to_text
from reader.models import Article, BlockKind

DATA = Path(__file__).parent / "data"


def page(case: str) -> str:
    return (DATA / f"discussion-{case}.html").read_text(encoding="utf-8")


def read(case: str, html: str | None = None) -> Article:
    return extract_article(html if html is not None else page(case), "")


def lines(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


def shown(article: Article) -> list[str]:
    """The text as printed, but for the time it was read: two reads may fall a second apart."""
    return [line for line in to_text(article).splitlines() if not line.startswith("Retrieved:")]


def test_a_bluesky_post_is_whole_and_signed_by_its_account() -> None:
    article = read("bluesky-post")
    assert (article.author, article.published, article.incomplete, article.partial) == (
        "Mousehole Lifeboat (@mouseholelifeboat.bsky.social)",
        datetime(2026, 11, 29, 21, 58, tzinfo=UTC),
        "",
        False,
    )
    # The post's own paragraphs, not the summary run together; no "JavaScript Required".
    assert lines(article) == [
        "Shout at 21:05 to a yacht dragging its anchor off St Clement's Isle. Crew of four "
        "aboard, all safe and towed into Newlyn.",
        "Thanks to the coastguard team on the cliff.",
    ]


def test_a_bluesky_post_shorter_than_its_summary_is_still_said_to_be_the_summary() -> None:
    html = page("bluesky-post").replace(
        "\n\nThanks to the coastguard team on the cliff.</p>", "</p>"
    )
    article = read("bluesky-post", html)
    assert article.incomplete.startswith("the page builds its article with scripts")


NEW_REDDIT = "https://www.reddit.com/r/Scillonia/comments/1k2pq9z/x/"


def test_a_new_reddit_thread_is_its_post_then_its_comments_each_under_its_writer() -> None:
    article = read("new-reddit-thread")
    assert (article.title, article.author, article.published) == (
        "Ferry cancelled again this morning?",
        "bryher_bee",
        datetime(2026, 11, 30, 7, 12, 45, 118000, tzinfo=UTC),
    )
    text = lines(article)
    assert text[:3] == [
        "The 09:15 sailing from Penzance is showing as cancelled on the board but nothing on "
        "the website yet.",
        "Has anyone heard whether the afternoon one is still going? I have a hospital "
        "appointment on the mainland tomorrow.",
        "Comments",
    ]
    assert text[3:5] == [
        "quayside_mo · 2026-11-30T07:31:02+00:00",
        "Swell is over three metres at the Wolf Rock buoy. They won't run the afternoon one "
        "either, I'd ring the office.",
    ]
    reply = next(b for b in article.blocks if b.text.startswith("Rang them."))
    assert (reply.kind, reply.level) == (BlockKind.QUOTE, 1)
    # A deleted comment keeps its place (its line alone): the reply below it answers it, not
    # the comment before.
    assert text[-4:-2] == ["---", "[deleted]"]
    for chrome in ("Log In", "Sort by", "Reply", "View more comments", "2.1K members", "Rules"):
        assert not any(chrome in line for line in text)


def test_a_new_reddit_comment_is_dated_only_by_a_time_it_states() -> None:
    text = lines(read("new-reddit-thread"))
    # Its tooltip's "Monday, November 30, 2026 at 2:05:40 PM UTC", not its "4 hr. ago".
    assert "bryher_bee · 2026-11-30T14:05:40+00:00" in text
    # "3 hr. ago" alone says when only with the hour the page was served: no date, no guess.
    assert "gigrower" in text
    assert not any(line.startswith("gigrower ·") for line in text)


def test_a_new_reddit_comments_own_timestamp_attribute_dates_it() -> None:
    html = page("new-reddit-thread").replace(
        'author="gigrower"', 'author="gigrower" created-timestamp="2026-11-30T09:20:00.000000+0000"'
    )
    assert "gigrower · 2026-11-30T09:20:00+00:00" in lines(read("new-reddit-thread", html))


def test_an_old_reddit_comment_is_dated_by_its_tooltip_or_not_at_all() -> None:
    html = (DATA / "discussion-old-reddit-thread.html").read_text(encoding="utf-8")
    titled = html.replace(
        '<time datetime="2026-11-20T07:40:00+00:00">',
        '<time title="Fri Nov 20 07:40:00 2026 UTC">',
    )
    assert "quaywarden · 2026-11-20T07:40:00+00:00" in lines(read("", titled))
    relative = html.replace('<time datetime="2026-11-20T07:40:00+00:00">', "<time>")
    assert "quaywarden" in lines(read("", relative))


def test_a_lobsters_story_gives_its_link_its_text_and_its_comments_nested() -> None:
    article = read("lobsters-story")
    assert (article.title, article.author, article.published, article.site_name) == (
        "Reading tide gauges over serial without a vendor library",
        "marazion",
        datetime(2026, 11, 30, 12, 45, 12, tzinfo=UTC),
        "Lobsters",
    )
    text = lines(article)
    assert text[:2] == [
        "Link: https://gauges.example.net/serial-tides",
        "I wrote up how our harbour's gauge speaks a plain ASCII protocol at 9600 baud, so you "
        "can poll it with pyserial and a dozen lines.",
    ]
    # "4 hours ago" on the page; its tooltip states the time, with the server's zone.
    first = text.index("longships · 2026-11-30T07:20:03-06:00")
    reply = next(b for b in article.blocks if b.text.startswith("An XOR byte"))
    assert (reply.kind, reply.level) == (BlockKind.QUOTE, 1)
    # The third comment answers the story, not the second: it is no quote, and a rule parts it.
    assert text[first:][-3:-1] == ["---", "pendeen · 2026-11-30T09:02:40-06:00"]
    for chrome in ("Login", "flag", "reply", "hardware", "4 comments", "Moderation Log", "archive"):
        assert not any(chrome in line for line in text)


def test_a_news_story_named_story_with_a_byline_and_comments_is_still_the_story() -> None:
    paragraphs = (
        "The lifeboat station's new boathouse opened on Saturday after two years of building, "
        "with the crew's families and half the village on the slipway to watch.",
        "The old boathouse, built in 1913, was too short for the Shannon-class boat the station "
        "received in 2022, which had been kept on a trailer in the car park since.",
        "The building cost £2.4 million, most of it raised by the village's own appeal.",
    )
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>New boathouse '
        'opens</title></head><body><article class="story"><h1>New boathouse opens</h1>'
        '<div class="byline">By <a href="/~staff/jo">Jo Trevail</a> <time title="2026-11-28 '
        '10:00:00 +0000">2 days ago</time></div>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + '</article><ol class="comments"><li><div class="comment"><div class="byline">'
        '<a href="/~bea">bea</a></div><div class="comment_text"><p>Well done all.</p></div>'
        "</div></li></ol></body></html>"
    )
    assert lines(read("", html)) == list(paragraphs)


GITHUB_ISSUE = (
    "Sync retries a 429 immediately instead of backing off",
    "gwithian",
    datetime(2026, 11, 26, 10, 4, tzinfo=UTC),
)
GITHUB_CHROME = ("Sign in", "Pull requests", "No one assigned", "added the", "Public", "Loading")


def test_a_github_react_issue_is_read_from_its_markup() -> None:
    article = read("github-react-issue")
    assert (article.title, article.author, article.published) == GITHUB_ISSUE
    text = lines(article)
    assert text.index("Steps to reproduce") < text.index("tern · 2026-11-26T15:30:00+00:00")
    assert text[-2:] == [
        "gwithian · 2026-11-29T08:12:00+00:00",
        'Tried the build from #421: the second sync now says "waiting 9 min" for that feed. '
        "Thanks!",
    ]
    # The page's markup is what it shows; its app's data is read only where the markup has
    # none (this page's differs, to tell which was read).
    assert not any("Typed rather than rendered" in line for line in text)
    for chrome in GITHUB_CHROME:
        assert not any(chrome in line for line in text), chrome


def test_a_github_issue_held_only_in_its_apps_data_is_read_from_there() -> None:
    article = read("github-issue-embedded-data")
    assert (article.title, article.author, article.published) == GITHUB_ISSUE
    text = lines(article)
    assert text[:3] == [
        "When a feed answers 429 Too Many Requests, the next reader sync asks it again straight "
        "away.",
        "Expected: the second sync skips the feed until the ten minutes are up.",
        "Comments",
    ]
    assert "tern · 2026-11-26T15:30:00+00:00" in text
    # A comment the data holds only as its Markdown source: rendered, its typed tag as text.
    assert text[-2:] == [
        "Tried the build from #421: the second sync now waits.",
        "It printed <script>alert(1)</script> in the log, oddly.",
    ]
    for chrome in GITHUB_CHROME:
        assert not any(chrome in line for line in text), chrome


def test_another_github_apps_data_is_no_thread() -> None:
    # A file's page: its app's data holds a commit, titled and signed, which is no issue.
    data = (
        '{"payload": {"blob": {"rawLines": ["x = 1"]}, "latestCommit": {"title": "Fix the '
        'backoff", "author": {"login": "tern"}, "body": "Stores Retry-After."}}}'
    )
    html = (
        "<!doctype html><html><head><title>reader/sync.py at main</title></head><body>"
        '<react-app app-name="react-code-view"><script type="application/json" '
        f'data-target="react-app.embeddedData">{data}</script></react-app>'
        "<main><p>" + "The file's view is drawn by its app. " * 12 + "</p></main></body></html>"
    )
    article = read("", html)
    assert article.author == ""
    assert not any("Stores Retry-After" in line for line in lines(article))


@pytest.mark.parametrize(
    ("case", "name", "coloured"),
    [
        ("bluesky-post", ">Mousehole Lifeboat<", ">Mouse\x1b[31mhole Lifeboat<"),
        ("new-reddit-thread", 'author="quayside_mo"', 'author="quay\x1b[31mside_mo"'),
        ("lobsters-story", ">longships</a>", ">long\x1b[31mships</a>"),
        ("github-react-issue", ">tern</a>", ">te\x1b[31mrn</a>"),
        ("github-issue-embedded-data", '"login": "tern"', '"login": "te\\u001b[31mrn"'),
    ],
)
def test_names_from_these_pages_are_text_not_control_sequences(
    case: str, name: str, coloured: str
) -> None:
    html = page(case)
    assert name in html
    # A colour code inside the name, where a terminal would obey it: taken out whole.
    article = read(case, html.replace(name, coloured))
    assert shown(article) == shown(read(case))


def test_a_github_react_comments_writer_is_found_by_their_links_hovercard() -> None:
    # A header whose author link has no test id of its own: its hovercard names a user.
    html = page("github-react-issue").replace('data-testid="comment-header-author" ', "")
    assert "tern · 2026-11-26T15:30:00+00:00" in lines(read("github-react-issue", html))


def test_a_new_reddit_link_post_gives_the_address_it_submits() -> None:
    html = page("new-reddit-thread").replace(
        'post-type="text" content-href="https://www.reddit.com/r/Scillonia/comments/1k2pq9z/'
        'ferry_cancelled_again_this_morning/"',
        'post-type="link" content-href="https://islesnews.example/ferry-cancelled"',
    )
    assert lines(read("new-reddit-thread", html))[0] == (
        "Link: https://islesnews.example/ferry-cancelled"
    )


def test_a_subreddits_page_of_posts_is_no_thread() -> None:
    html = page("new-reddit-thread")
    post = html[html.index("<shreddit-post ") : html.index("</shreddit-post>") + 16]
    listing = html.replace(post, post + post.replace("t3_1k2pq9z", "t3_1k2zz01"))
    article = read("new-reddit-thread", listing)
    assert article.author == ""
    assert not any(line.startswith("quayside_mo ·") for line in lines(article))
