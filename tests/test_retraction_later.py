"""What an earlier copy of a retracted, withdrawn or taken-down story, and a quote from it, say
of it (acc47b): the copy the claim is in was cited, copied with `y` and quoted by `reader
highlights` with only "the latest … differs", as after a one-figure correction, and APA's line
said nothing (F1); a "Withdrawn:" only the feed's headline said was given as the page's word,
at the time of the copy before, the sync silent (F2); a story sent on to its site's front page
was recorded and cited as "answered 404" (F3); a takedown that ended was forgotten (F9).

A news site on 127.0.0.1 changing its page and feed between syncs (`test_retractions.Site`),
the real store in tmp_path, the CLI as a user runs it, the reader driven by Pilot."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.highlights import Highlight
from reader.library import Library
from tests.story_site import ran, serving
from tests.test_retractions import (
    ALLEGATION,
    FRONT,
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

RETRACTED = f"Retracted: {TITLE}"
WITHDRAWN = f"Withdrawn: {TITLE}"


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        server.pages["/paper/"] = FRONT
        yield server


def _keep_on_copy_1(data_dir: Path, words: str) -> None:
    """A highlight of `words` kept on copy 1 (`V`, then `v` `h`), as the reader keeps it."""
    lib = Library(data_dir)
    try:
        entry = lib.headlines()[0].entry
        copy = lib.article_version(entry, 1)
        lib.keep_highlight(entry, copy, Highlight(words, f"> {words}", words, time.time()))
    finally:
        lib.close()


def _retracted(site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """The story cached, then replaced by the notice: its id, and when the notice's copy was
    retrieved."""
    ident = first_synced(site, data_dir, capsys)
    changed_after(site, page(RETRACTED, NOTICE), title=RETRACTED)
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    return ident, retrieved(ran(capsys, data_dir, "show", ident, "--offline")[0])


def test_an_earlier_copy_of_a_retracted_story_is_cited_and_quoted_as_retracted_since(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident, notice_at = _retracted(site, data_dir, capsys)
    later = (
        f"the story was later retracted: the page first said so in copy 2, retrieved {notice_at}"
    )
    cited = ran(capsys, data_dir, "show", ident, "--version", "1", "--format", "citation")[0]
    assert f"Note: {later}" in cited and "Note: copy 1 of 2" in cited
    shown = ran(capsys, data_dir, "show", ident, "--version", "1")[0]
    assert ALLEGATION in shown and f"Note: {later}" in shown
    # Each line style says it in its line, not only on stderr (APA said nothing of it).
    day = notice_at[:10]
    for style in ("apa", "chicago", "mla"):
        out, err = ran(
            capsys,
            data_dir,
            "show",
            ident,
            "--version",
            "1",
            "--format",
            "citation",
            "--style",
            style,
        )
        assert f" [Later retracted, as the page said on {day}]" in out, style
        assert later in err, style
    item = json.loads(ran(capsys, data_dir, "show", ident, "--version", "1", "--format", "json")[0])
    assert (item["later_retracted"], item["later_retracted_by"]) == ("retracted", "page")
    # A quote taken from copy 1 says so where it is quoted, and under its citation.
    _keep_on_copy_1(data_dir, ALLEGATION)
    quoted = ran(capsys, data_dir, "highlights", ident)[0]
    assert f"not in the text of the latest copy, retrieved {notice_at}; {later})" in quoted
    assert f"Note: {later}" in quoted


def test_the_reader_s_copy_header_and_y_say_the_story_was_retracted_since(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.test_quoted_markdown import copied_by, copies
    from tests.tui_pilot import reading, screen_text, until

    _, notice_at = _retracted(site, data_dir, capsys)
    later = (
        f"the story was later retracted: the page first said so in copy 2, retrieved {notice_at}"
    )

    async def run() -> list[str]:
        async with reading(data_dir, "Riverside", size=(120, 50)) as (app, pilot, _):
            await until(pilot, lambda: "Editor's note" in screen_text(app), "the notice")
            await pilot.press("V")
            await until(pilot, lambda: "Copy 1 of 2" in screen_text(app), "copy 1")
            shown = " ".join(screen_text(app).split())
            assert ("T" + later[1:] + ".") in shown
            copied = copies(app)
            await copied_by(pilot, copied, "y")
            return copied

    (citation,) = asyncio.run(run())
    assert f"Note: {later}" in citation


def test_a_withdrawal_only_the_feed_s_headline_says_is_the_feed_s_word_since_it_said_it(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = first_synced(site, data_dir, capsys)
    story_at = retrieved(ran(capsys, data_dir, "show", ident, "--offline")[0])
    changed_after(site, STORY, title=WITHDRAWN)  # the page as it was
    assert "1 updated" in ran(capsys, data_dir, "sync")[1]
    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    said_at = retrieved(shown)
    assert said_at > story_at
    note = (
        f"Note: the feed's headline says the story was withdrawn (since {said_at}; the page does "
        f"not say so: its text is the same as in the copy retrieved {story_at}, which is kept)"
    )
    assert note in shown and "the page now says" not in shown
    # Said once, coherently (acc47e E9): not "said the same as this one", nor `reader diff`.
    assert "said the same as this one" not in shown and "reader diff" not in shown
    item = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])
    assert (item["retracted"], item["retracted_by"]) == ("withdrawn", "feed")
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert row["changed"] is True
    # Said again by the next sync: still since it was first said, no new copy.
    changed_after(site, STORY, title=WITHDRAWN)
    assert "updated" not in ran(capsys, data_dir, "sync")[1]
    assert note in ran(capsys, data_dir, "show", ident, "--offline")[0]
    # The story's copy says it was withdrawn since, and whose word that is.
    cited = ran(capsys, data_dir, "show", ident, "--version", "1", "--format", "citation")[0]
    assert (
        "Note: the story was later withdrawn: the feed's headline said so from copy 2, "
        f"retrieved {said_at} (the page did not)"
    ) in cited


def test_a_story_sent_on_to_its_site_s_front_page_is_cited_as_that_not_as_a_404(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = first_synced(site, data_dir, capsys)
    site.moved[SLUG] = "/paper/"
    ran(capsys, data_dir, "show", ident, "--refresh")
    how = f"sent on to its site's front page ({site.url('/paper/')}), not the story"
    cited = ran(capsys, data_dir, "show", ident, "--format", "citation")[0]
    assert "Note: the page was found taken down on " in cited
    assert f": {how} (HTTP 301); this is the copy retrieved" in cited
    assert "404" not in cited
    item = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])
    assert (item["gone_status"], item["gone_how"]) == (301, how)
    apa = ran(capsys, data_dir, "show", ident, "--format", "citation", "--style", "apa")[0]
    assert "[Taken down, the page sending the story elsewhere on " in apa and "404" not in apa


def test_a_takedown_that_ended_is_said_with_when_it_was_down(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ident = first_synced(site, data_dir, capsys)
    site.status = 404
    assert "taken down" in ran(capsys, data_dir, "show", ident, "--refresh")[1]
    down = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])["gone_at"]
    site.status = 200
    changed_after(site, STORY.replace("Monday", "Wednesday"))  # back, edited
    said = ran(capsys, data_dir, "show", ident, "--refresh")[1]
    assert "changed since" in said
    item = json.loads(ran(capsys, data_dir, "show", ident, "--format", "json")[0])
    assert "gone_at" not in item
    (ended,) = item["taken_down_before"]
    # Said by the fetch that found it back, as the sync says it.
    assert f"back: the page gives the story again, found taken down from {down} " in said
    assert (ended["since"], ended["status"]) == (down, 404) and ended["until"] > down
    shown = ran(capsys, data_dir, "show", ident, "--offline")[0]
    assert (
        f"Note: the page was found taken down from {down} (answered 404) until {ended['until']}, "
        "when it gave the story again"
    ) in shown
    # Bracketed in a line style as an ended withdrawal is (acc48d D8: nothing was said).
    span = f"on {down[:10]} (from {down[11:16]} until {ended['until'][11:16]})"
    for style in ("apa", "mla"):
        cited = ran(capsys, data_dir, "show", ident, "--format", "citation", "--style", style)[0]
        assert f"[Taken down, the page answering 404 {span}]" in cited, style


def test_a_page_sent_elsewhere_is_marked_as_an_older_reader_reads_it_and_its_marks_stay_read(
    tmp_path: Path,
) -> None:
    """The mark an older reader reads ("TIME STATUS") holds no status the page did not give
    (0: "the page was gone"), how it went beside it; a mark that reader makes again, or one
    from before, reads as its own, not with the how of another."""
    from reader.keys import article_key
    from reader.store import Store

    url, how = "https://news.example/story", "sent on to its site's front page (…), not the story"
    store = Store(tmp_path / "data")
    try:
        store.mark_gone(url, 301, how)
        assert store.gone_at(url)[1] == 0  # type: ignore[index]
        assert store.gone_how(url) == (301, how)
        # An older reader's mark, made again: the status it read, nothing of the how.
        store._articles.set(f"gone:{article_key(url)}", f"{time.time() + 1!r} 404")
        assert store.gone_at(url)[1] == 404 and store.gone_how(url) is None  # type: ignore[index]
    finally:
        store.close()


def test_lists_and_the_header_say_retracted_or_withdrawn_not_corrected(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc47e E3: `list`, `list --corrected`, `list --json` and the header's byline said
    "corrected" of a retracted story, as of any correction."""
    from tests.tui_pilot import reading, screen_text, until

    ident, _ = _retracted(site, data_dir, capsys)
    for listed in (
        ran(capsys, data_dir, "list")[0],
        ran(capsys, data_dir, "list", "--corrected")[0],
    ):
        assert "(retracted)" in listed and "(corrected)" not in listed, listed
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert (row["corrected"], row["retracted"], row["retracted_by"]) == (True, "retracted", "page")

    async def run() -> str:
        async with reading(data_dir, "Riverside", size=(120, 50)) as (app, pilot, _):
            await until(pilot, lambda: "Editor's note" in screen_text(app), "the notice")
            return screen_text(app)

    header = asyncio.run(run())
    assert "δ retracted" in header and "δ corrected" not in header, ident


def test_a_story_withdrawn_by_its_feed_is_listed_withdrawn(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc47e E3: the feed's "Withdrawn:" alone, listed as its word, and whose it is."""
    first_synced(site, data_dir, capsys)
    changed_after(site, STORY, title=WITHDRAWN)
    ran(capsys, data_dir, "sync")
    assert "(withdrawn)" in ran(capsys, data_dir, "list", "--corrected")[0]
    [row] = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert (row["retracted"], row["retracted_by"]) == ("withdrawn", "feed")


def test_reader_highlights_cites_the_latest_copy_as_y_and_show_cite_it(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # acc49c C7: `reader highlights` cited the latest copy of a retracted story without the
    # copy kept ("…; the copy retrieved … is kept"), which `y` and `show --format citation` say.
    ident, _ = _retracted(site, data_dir, capsys)
    words = "could not verify the documents it relied on"
    lib = Library(data_dir)
    try:
        entry = lib.headlines()[0].entry
        latest = lib.cached_article_as_shown(entry)
        assert latest is not None
        lib.keep_highlight(entry, latest, Highlight(words, f"> {words}", words, time.time()))
    finally:
        lib.close()
    cited = ran(capsys, data_dir, "show", ident, "--format", "citation")[0]
    notes = [line for line in cited.splitlines() if line.startswith("Note: ")]
    assert any(line.endswith("is kept") for line in notes)
    quoted = ran(capsys, data_dir, "highlights", ident)[0]
    assert [line.rstrip() for line in quoted.splitlines() if line.startswith("Note: ")] == notes
    item = json.loads(ran(capsys, data_dir, "highlights", ident, "--format", "json")[0])
    assert item[0]["citation"] == cited.rstrip("\n")
