"""A short article (a council's statement, a court list, a wire flash: under the words the
extractor trusts) corrected after our copy: the sync takes the correction in like a long
story's, the copy before kept (acc40a M1: it was fetched and dropped without a word, and
`reader show --refresh` called the page "not the article"); a page giving much less than the
copy is still refused, and said so."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from tests.sign_in_site import SIGN_IN
from tests.story_site import serving
from tests.test_renewal import Site, corrected_and_synced_again, corrected_now, sync

TITLE = "Statement on the harbour deepening tender"


def statement(value: str) -> str:
    """A council's statement of 26 words, among the site's clutter."""
    return (
        f"<!DOCTYPE html><html><head><title>{TITLE} | Portmouth Council</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{TITLE}</h1><p>The council has awarded the harbour deepening tender "
        f"following a competitive process. The contract value is {value}. Works begin in "
        "the spring.</p></article><footer>© Portmouth Council</footer></body></html>"
    )


class Council(Site):
    body = statement("€4.2m")

    def feed(self) -> str:
        return super().feed().replace("Ferry timetable cut for winter", TITLE)


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


@pytest.fixture
def council() -> Iterator[Council]:
    with serving(Council) as server:
        yield server


def test_a_short_statement_corrected_is_taken_in(
    council: Council, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report, text = sync(data_dir, council.url("/feed.xml"))
    assert report.articles_fetched == 1 and "€4.2m" in text
    correction = statement("€4.6m, not €4.2m as previously stated")
    _, text = corrected_and_synced_again(council, data_dir, capsys, correction)
    assert "€4.6m, not €4.2m as previously stated" in text
    # The copy before kept: two copies to compare.
    assert main(["--data-dir", str(data_dir), "diff", council.url("/2026/12/ferry.html")]) == 0
    assert "€4.6m" in capsys.readouterr().out


def test_a_short_page_unchanged_is_said_unchanged(
    council: Council, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, council.url("/feed.xml"))
    capsys.readouterr()
    args = ["--data-dir", str(data_dir), "show", council.url("/2026/12/ferry.html"), "--refresh"]
    assert main(args) == 0
    assert "unchanged since the copy retrieved" in capsys.readouterr().err


def test_a_page_giving_much_less_than_the_copy_is_refused_and_said_so(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A long story's page answered, under its own title, with a few words (a paywall's
    "subscribe to read"): the copy stays, and the sync and `--refresh` say why."""
    feed = site.url("/feed.xml")
    _, text = sync(data_dir, feed)
    title = "Ferry timetable cut for winter"
    site.body = (
        f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
        "<p>The island ferry will sail less often this winter, the harbour office said. "
        "Subscribe today for the full story and our archive, from one pound a week.</p>"
        "</article></body></html>"
    )
    site.updated = corrected_now()
    args = ["--data-dir", str(data_dir)]
    assert main([*args, "sync"]) == 0
    said = capsys.readouterr().err
    assert f"not updated: {title}" in said and "of its own, the copy cached" in said
    again, after = sync(data_dir, feed)
    assert after == text
    # Not asked for, nor said, again by the next sync: its feed told of nothing new since
    # (acc48d D6: every sync fetched it and said the same line).
    assert again.not_renewed == [] and again.articles_fetched == 0
    assert main([*args, "show", site.url("/2026/12/ferry.html"), "--refresh"]) == 0
    said = capsys.readouterr().err
    assert "not taken for the article: the page gave" in said and "stays" in said
    # Its feed telling of a change after that: asked for again.
    site.updated = corrected_now()
    told, _ = sync(data_dir, feed)
    assert [entry.title for entry, _ in told.not_renewed] == [title]


def test_the_readers_status_line_names_a_story_not_updated() -> None:
    from reader.models import Entry
    from reader.reports import SyncReport
    from reader.ui.sync_lines import sync_summary

    entry = Entry(id="e1", feed_url="http://127.0.0.1/feed.xml", title=TITLE, link="http://x/a")
    line = sync_summary(SyncReport(not_renewed=[(entry, "the page gave 31 words of its own")]))
    assert f"1 not updated (fetched again, not taken): {TITLE}" in line


_TEASER = (
    "<html><head><title>Ferry timetable cut for winter</title></head><body><article>"
    "<h1>Ferry timetable cut for winter</h1><p>The island ferry will sail less often this "
    "winter, the harbour office said. Subscribe today for the full story and our archive, from "
    "one pound a week.</p></article></body></html>"
)
_SIGN_IN = SIGN_IN.format(next="/2026/12/ferry.html")


@pytest.mark.parametrize(
    ("refused", "why"),
    [
        (_TEASER, "not taken for the article: the page gave "),
        (_SIGN_IN, "not taken for the article: the site asks you to sign in"),
        (
            "<html><head><title>Ferry timetable cut for winter</title></head><body></body></html>",
            "not taken for the article: no article text found on the page",
        ),
    ],
)
def test_a_page_not_taken_for_the_copy_is_noted_with_the_copy(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], refused: str, why: str
) -> None:
    """A re-read refused (the page much shorter than the copy, or one to sign in) left no
    trace: the copy's header, citation and JSON said nothing of the page having changed."""
    from tests.story_site import ran
    from tests.test_retractions import retrieved

    sync(data_dir, site.url("/feed.xml"))
    url = site.url("/2026/12/ferry.html")
    kept_at = retrieved(ran(capsys, data_dir, "show", url, "--offline")[0])
    site.body, site.updated = refused, corrected_now()
    said = ran(capsys, data_dir, "sync")[1]
    # Said by the sync but for a page to sign in, which a wall gives for every story.
    assert ("not updated: Ferry timetable cut for winter" in said) is (refused != _SIGN_IN)
    shown = ran(capsys, data_dir, "show", url, "--offline")[0]
    (note,) = [x for x in shown.splitlines() if x.startswith("Note: the page fetched again on ")]
    assert why in note and note.endswith(f"; this is the copy retrieved {kept_at}")
    assert "twice a day" in shown  # the copy, as it was
    item = json.loads(ran(capsys, data_dir, "show", url, "--format", "json")[0])
    (one,) = item["refused_reads"]
    assert one["at"] in note and one["why"] in note
    assert note in ran(capsys, data_dir, "show", url, "--format", "citation")[0]
    # Refused again by `--refresh` (a page to sign in a failure of its own there): counted.
    main(["--data-dir", str(data_dir), "show", url, "--refresh"])
    shown = ran(capsys, data_dir, "show", url, "--offline")[0]
    assert "(not taken 2 times since it was retrieved)" in shown
    # The page gives the story again: the note says so, in the past (acc48d D8: worded as
    # current after "Checked …, unchanged").
    site.body = Site.body
    assert "unchanged since" in ran(capsys, data_dir, "show", url, "--refresh")[1]
    shown = ran(capsys, data_dir, "show", url, "--offline")[0]
    (note,) = [x for x in shown.splitlines() if x.startswith("Note: the page fetched again on ")]
    assert "this is the copy" not in note
    assert f"it gave the story of the copy retrieved {kept_at} again" in note


def test_the_reader_s_header_says_the_page_was_not_taken(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import asyncio

    from tests.tui_pilot import reading, screen_text, until

    sync(data_dir, site.url("/feed.xml"))
    site.body, site.updated = _TEASER, corrected_now()
    assert main(["--data-dir", str(data_dir), "sync"]) == 0
    said = "The page fetched again on "

    async def run() -> str:
        async with reading(data_dir, "Ferry timetable", size=(120, 50)) as (app, pilot, _):
            await until(pilot, lambda: said in " ".join(screen_text(app).split()), "the note")
            return " ".join(screen_text(app).split())

    shown = asyncio.run(run())
    assert "was not taken for the article: the page gave " in shown
