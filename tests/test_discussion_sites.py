"""Discussion and social pages of the makes read since the first ones (`test_discussions`): a
Bluesky post as its page holds it for readers without scripts, a new-reddit thread, a Lobsters
story and GitHub's React issue pages, each post under its author's line. Each page is a small
one of our own in the site's shape (`tests/data/discussion-*`, whole in its `.expected.md`)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from reader.extract import extract_article
from reader.models import Article

DATA = Path(__file__).parent / "data"


def page(case: str) -> str:
    return (DATA / f"discussion-{case}.html").read_text(encoding="utf-8")


def read(case: str, html: str | None = None) -> Article:
    return extract_article(html if html is not None else page(case), "")


def lines(article: Article) -> list[str]:
    return [b.text for b in article.blocks]


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
