"""An article its feed says was updated after our copy (a correction, a live blog) is fetched
again by the next sync; a copy the site can't give again, or gives as something else, stays."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from reader.reports import SyncReport
from tests.story_site import StorySite, serving

PUBLISHED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
TITLE = "Ferry timetable cut for winter"


def page(sailings: str) -> str:
    paragraphs = "".join(
        f"<p>The island ferry will sail {sailings} from the first of the month, the harbour office "
        f"said on {day}, after a winter of cancelled crossings and a shortage of deck crew.</p>"
        for day in ("Monday", "Tuesday", "Friday")
    )
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE} | Quay Gazette</title></head><body>"
        f"<article><h1>{TITLE}</h1>{paragraphs}</article></body></html>"
    )


class Site(StorySite):
    """An Atom feed of one story, its page, and what the test changes between syncs."""

    updated = PUBLISHED
    body = page("twice a day")
    stories = ("/2026/12/ferry.html",)
    feed_type = "application/atom+xml"

    def feed(self) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>Quay Gazette</title><id>{self.url('/')}</id>"
            f"<updated>{self.updated.isoformat()}</updated>"
            + "".join(
                f"<entry><title>{TITLE}</title><id>tag:quay,2026:{path}</id>"
                f'<link href="{self.url(path)}"/>'
                f"<published>{PUBLISHED.isoformat()}</published>"
                f"<updated>{self.updated.isoformat()}</updated></entry>"
                for path in self.stories
            )
            + "</feed>"
        )


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


def corrected_now() -> datetime:
    """A time of update later than the copy cached a moment ago (a feed's times are to the
    second), and earlier than the next download."""
    time.sleep(1.1)
    return datetime.now(UTC).replace(microsecond=0)


def sync(directory: Path, feed: str) -> tuple[SyncReport, str]:
    """A sync, and the cached article's text after it."""

    async def run() -> tuple[SyncReport, str]:
        async with Library(directory) as lib:
            lib.add_feed(feed)
            report = await lib.sync()
            article = lib.cached_article(lib.headlines()[0].entry)
            assert article is not None
            return report, " ".join(block.text for block in article.blocks)

    return asyncio.run(run())


def corrected_and_synced_again(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], body: str = ""
) -> tuple[SyncReport, str]:
    """The story corrected on `site` after our copy (to `body`, by default the ferry's "three
    times a day"): `reader sync` says it updated one (and failed none); then another sync,
    asking only for the feed (`site.asked` from there), and the cached text after it."""
    site.body = body or page("three times a day")
    site.updated = corrected_now()
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    assert "0 failed, 1 updated" in capsys.readouterr().err
    site.asked.clear()
    return sync(data_dir, site.url("/feed.xml"))


def test_an_article_updated_after_our_copy_is_fetched_again(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    feed = site.url("/feed.xml")
    report, text = sync(data_dir, feed)
    assert report.articles_fetched == 1 and "sail twice a day" in text

    # Unchanged: not asked for again.
    site.asked.clear()
    sync(data_dir, feed)
    assert site.asked == ["/feed.xml"]

    # Corrected after our copy: the next sync has the correction, and says so; once.
    report, text = corrected_and_synced_again(site, data_dir, capsys)
    assert "sail three times a day" in text and "twice" not in text
    assert site.asked == ["/feed.xml"] and report.articles_updated == 0


@pytest.mark.parametrize("answer", ["server error", "another page"])
def test_an_updated_article_the_site_cant_give_again_keeps_its_copy(
    site: Site, data_dir: Path, answer: str
) -> None:
    feed = site.url("/feed.xml")
    sync(data_dir, feed)
    site.updated = corrected_now()
    if answer == "server error":
        site.status, site.body = 503, "<html><body>Service unavailable</body></html>"
    else:  # a network's login page in the story's place, or the site's front page
        site.body = page("twice a day").replace(TITLE, "Welcome to Marina Guest Internet")
    site.asked.clear()
    report, text = sync(data_dir, feed)
    assert "/2026/12/ferry.html" in site.asked  # it did ask
    assert report.articles_updated == 0
    assert "sail twice a day" in text  # the copy there stays


def test_a_feed_stamping_its_build_time_on_every_item_is_no_update(
    site: Site, data_dir: Path
) -> None:
    """Most of a feed's items "updated" at one second, at each fetch: its own time, not
    theirs; fetching every copy again at each sync would be all a sync did."""
    site.stories = ("/2026/12/ferry.html", "/2026/12/school.html", "/2026/12/lifeboat.html")
    feed = site.url("/feed.xml")
    report, _ = sync(data_dir, feed)
    assert report.articles_fetched == 3
    site.updated = corrected_now()
    site.asked.clear()
    report, _ = sync(data_dir, feed)
    assert site.asked == ["/feed.xml"] and report.articles_updated == 0


@pytest.mark.parametrize("edit", ["headline", "byline"])
def test_a_headline_or_byline_changed_alone_keeps_the_copy_before(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], edit: str
) -> None:
    """acc28c C8: a page whose headline or byline changed, its text the same, was "unchanged":
    the copy's old headline or byline was overwritten, no copy kept, and `reader diff` said
    there was one copy. Now it is a change, the copy before kept, the field's change shown."""
    site.body = page("twice a day").replace("<h1>", '<p class="byline">By Ana Ruiz</p><h1>')
    feed = site.url("/feed.xml")
    sync(data_dir, feed)
    if edit == "headline":
        site.body = site.body.replace(TITLE, TITLE + ", and fares rise")
    else:
        site.body = site.body.replace("Ana Ruiz", "Maria Okafor")
    args = ["--data-dir", str(data_dir)]
    assert main([*args, "show", site.url("/2026/12/ferry.html"), "--refresh"]) == 0
    assert "changed since the copy retrieved" in capsys.readouterr().err
    assert main([*args, "diff", site.url("/2026/12/ferry.html")]) == 0
    shown = capsys.readouterr().out
    assert ("Maria Okafor" if edit == "byline" else "and fares rise") in shown
    assert "No changes in the text" in shown


class UpdatedOnly(Site):
    """An Atom feed dating its entry by `<updated>` alone, as RFC 4287 allows and many feeds
    do (no `<published>`)."""

    def feed(self) -> str:
        return re.sub(r"<published>[^<]*</published>", "", super().feed())


def test_an_entry_dated_by_its_update_alone_is_fetched_again_and_keeps_its_place(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its one date moving past our copy is a correction (acc34a C3): fetched again, said so,
    and the story keeps its first date (it came first of every list as if new, the old copy
    shown)."""
    with serving(UpdatedOnly) as site:
        feed = site.url("/feed.xml")
        report, text = sync(data_dir, feed)
        assert report.articles_fetched == 1 and "sail twice a day" in text
        report, text = corrected_and_synced_again(site, data_dir, capsys)
        assert "sail three times a day" in text and site.asked == ["/feed.xml"]

    async def dates() -> tuple[datetime | None, datetime | None]:
        async with Library(data_dir) as lib:
            entry = lib.headlines()[0].entry
            return entry.published, entry.updated

    published, updated = asyncio.run(dates())
    assert published == PUBLISHED and updated == site.updated
