"""A retraction or withdrawal over several copies, and one taken back: a feed's "Withdrawn:"
dropped again over a page unchanged left no copy or note saying it was ever said (retract47's
leftover); an earlier copy named the latest copy as where the retraction was said, not the
first copy that said it, an edit of the notice kept after it.

A news site on 127.0.0.1 changing its page and feed between syncs (`test_retractions.Site`),
the real store in tmp_path, the CLI as a user runs it."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from tests.story_site import ran, site_fixture
from tests.test_retraction_later import RETRACTED, WITHDRAWN, _retracted
from tests.test_retractions import (
    NOTICE,
    SLUG,
    STORY,
    TITLE,
    Site,
    changed_after,
    first_synced,
    page,
    retrieved,
)

site = site_fixture(Site, "site")


def _shown_at(capsys: pytest.CaptureFixture[str], data_dir: Path, ident: str) -> str:
    return retrieved(ran(capsys, data_dir, "show", ident, "--offline")[0])


def _withdrawn_by_feed(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[str, str]:
    """The story cached, then its feed's headline alone saying it was withdrawn, the page as it
    was: its id, and when the copy kept for it was retrieved."""
    ident = first_synced(site, data_dir, capsys)
    changed_after(site, STORY, title=WITHDRAWN)
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    return ident, _shown_at(capsys, data_dir, ident)


def test_a_withdrawal_the_feed_s_headline_took_back_is_said_from_when_until_when(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident, said_at = _withdrawn_by_feed(site, data_dir, capsys)
    changed_after(site, STORY, title=TITLE)  # and takes it back
    # Counted in the summary, as a takedown is (acc48d D8: "0 failed" alone).
    assert "0 failed, 1 no longer withdrawn\n" in ran(capsys, data_dir, "sync")[1]
    item = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])
    assert item["retracted"] == ""
    (ended,) = item["retracted_before"]
    assert (ended["said"], ended["by"], ended["since"]) == ("withdrawn", "feed", said_at)
    assert ended["until"] > said_at
    note = (
        f"Note: the feed's headline said the story was withdrawn from {said_at} until "
        f"{ended['until']} (the page did not), and no longer does"
    )
    # Said by every copy, the one the feed's word was kept with and the story's before it.
    for number in ("1", "2"):
        cited = ran(capsys, data_dir, "show", ident, "--version", number, "--format", "citation")
        assert note in cited[0], number
        assert "the story was later withdrawn" not in cited[0], number
    apa = ran(capsys, data_dir, "show", ident, "--format", "citation", "--style", "apa")[0]
    day = said_at[:10]
    # One day's: "on" it, from when until when that day (acc48d D8: "from D until D").
    span = f"on {day} (from {said_at[11:16]} until {ended['until'][11:16]})"
    assert f"[Withdrawn, as the feed's headline said {span}]" in apa
    # Said again, and taken back again: each time kept.
    changed_after(site, STORY, title=WITHDRAWN)
    ran(capsys, data_dir, "sync")
    changed_after(site, STORY, title=TITLE)
    ran(capsys, data_dir, "sync")
    item = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])
    assert [one["by"] for one in item["retracted_before"]] == ["feed", "feed"]


def test_a_retraction_the_page_took_back_is_said_with_the_copies_kept(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident, notice_at = _retracted(site, data_dir, capsys)
    changed_after(site, STORY)  # the story back as it was
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert f"Note: the page said the story was retracted from {notice_at} until " in shown
    # Copy 1 says nothing of a retraction standing: it stands no longer.
    first = ran(capsys, data_dir, "show", ident, "--version", "1", "--format", "citation")[0]
    assert "later retracted" not in first and "the page said the story was retracted" in first


def test_an_earlier_copy_names_the_first_copy_that_said_the_story_was_retracted(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident, notice_at = _retracted(site, data_dir, capsys)
    # The notice edited: a copy of its own, saying what copy 2 first said.
    changed_after(site, page(RETRACTED, NOTICE + " The Civic Eye has referred itself to IPSO."))
    site.title = RETRACTED
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    latest_at = _shown_at(capsys, data_dir, ident)
    assert latest_at > notice_at
    later = (
        f"the story was later retracted: the page first said so in copy 2, retrieved {notice_at}"
    )
    cited = ran(capsys, data_dir, "show", ident, "--version", "1", "--format", "citation")[0]
    assert f"Note: {later}" in cited, cited
    item = json.loads(ran(capsys, data_dir, "show", ident, "--version", "1", "--format", "json")[0])
    assert item["later_retracted_in"] == 2
    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert (
        f"the page now says the story was retracted (retrieved {latest_at}; first said in "
        f"copy 2, retrieved {notice_at})"
    ) in shown


def test_a_withdrawal_the_feed_says_over_an_edit_is_said_since_the_copy_it_was_first_in(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident, said_at = _withdrawn_by_feed(site, data_dir, capsys)
    changed_after(site, STORY.replace("Monday", "Wednesday"), title=WITHDRAWN)  # still said
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert retrieved(shown) > said_at
    assert f"the feed's headline says the story was withdrawn (since {said_at};" in shown
    cited = ran(capsys, data_dir, "show", ident, "--version", "1", "--format", "citation")[0]
    assert f"headline said so from copy 2, retrieved {said_at} (the page did not)" in cited


def test_the_reader_s_header_and_y_say_a_withdrawal_taken_back(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_quoted_markdown import copied_by, copies
    from tests.tui_pilot import reading, screen_text, until

    _, said_at = _withdrawn_by_feed(site, data_dir, capsys)
    changed_after(site, STORY, title=TITLE)
    ran(capsys, data_dir, "sync")
    said = f"he feed's headline said the story was withdrawn from {said_at} until "

    async def run() -> list[str]:
        async with reading(data_dir, "Riverside", size=(120, 50)) as (app, pilot, _):
            await until(pilot, lambda: "Riverside" in screen_text(app), "the story")
            await until(pilot, lambda: said in " ".join(screen_text(app).split()), "the note")
            copied = copies(app)
            await copied_by(pilot, copied, "y")
            return copied

    (citation,) = asyncio.run(run())
    assert f"Note: t{said}" in citation


def _one_line(err: str, head: str) -> str:
    """The sync's one line starting `head` (after "reader: "), the others naming no story."""
    (line,) = [x for x in err.splitlines() if x.removeprefix("reader: ").startswith(head)]
    return line


def test_the_sync_says_a_withdrawal_the_feed_s_headline_took_back(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident, said_at = _withdrawn_by_feed(site, data_dir, capsys)
    changed_after(site, STORY, title=TITLE)
    err = ran(capsys, data_dir, "sync")[1]
    line = _one_line(err, "no longer withdrawn: ")
    assert f"{TITLE} <{site.url(SLUG)}>: the feed's headline said the story was withdrawn " in line
    assert f"from {said_at} until " in line and f"(reader show {ident} notes it)" in line
    ran(capsys, data_dir, "sync")  # said once, by the sync that found it
    assert "no longer" not in ran(capsys, data_dir, "sync")[1]


def test_the_sync_says_a_retraction_the_page_took_back_in_one_line(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, notice_at = _retracted(site, data_dir, capsys)
    changed_after(site, STORY)
    err = ran(capsys, data_dir, "sync")[1]
    line = _one_line(err, "no longer retracted: ")
    assert f"the page said the story was retracted from {notice_at} until " in line
    assert "updated: " not in err and "1 updated" in err  # one line a story, counted


def test_the_sync_says_a_takedown_that_ended(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = first_synced(site, data_dir, capsys)
    site.status = 404
    changed_after(site, page("Not found", "There is nothing at this address."))
    assert "1 taken down" in ran(capsys, data_dir, "sync")[1]
    down = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])["gone_at"]
    site.status = 200
    changed_after(site, STORY)  # back at its address, as it was
    line = _one_line(ran(capsys, data_dir, "sync")[1], "back: ")
    assert f"{TITLE} <{site.url(SLUG)}>: the page gives the story again, found taken down " in line
    assert f"from {down} (answered 404) until " in line


def test_the_reader_s_status_line_names_a_story_standing_again() -> None:
    from reader.models import Entry
    from reader.reports import SyncReport
    from reader.ui.sync_lines import sync_summary

    entry = Entry(id="e1", feed_url="http://127.0.0.1/feed.xml", title=TITLE, link="http://x/a")
    said = "the feed's headline said the story was withdrawn from … until …"
    line = sync_summary(SyncReport(stands_again=[(entry, "no longer withdrawn", said)]))
    assert f" · no longer withdrawn: {TITLE}" in line
