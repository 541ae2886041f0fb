"""`reader highlights` of a corrected article: a quotation only an earlier copy kept holds is
cited to that copy (its headline, its retrieval time, "copy 1 of 2"), as `y` cites it on that
copy after `V`, not to the latest copy, which never had its words (acc33a A5). A small news
site on 127.0.0.1 (`test_versions.Site`), the real store in tmp_path."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.cli import main
from reader.highlights import NO_LONGER_IN_TEXT, Highlight
from reader.library import Library
from tests.story_site import serving
from tests.test_versions import CORRECTED, FIRST, Site, entry_id, sync, sync_corrected
from tests.tui_pilot import notices_raised, open_titled, running, until

FIGURE_4M = (
    "The council will spend 4 million pounds on repairs to the swing bridge, its spokesman, "
    "Owen Price, told the transport committee on Thursday evening."
)
BOATS = "boat owners say the delays to the spring season will cost the marina dearly"


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


def _keep(directory: Path, words: str, number: int | None = None) -> None:
    """A highlight of `words` kept on the article as the reader keeps it, on copy `number`
    (after `V`) or the latest."""
    lib = Library(directory)
    try:
        entry = lib.headlines()[0].entry
        article = lib.article_version(entry, number) if number else lib.cached_article(entry)
        assert article is not None
        lib.keep_highlight(entry, article, Highlight(words, f"> {words}", words, time.time()))
    finally:
        lib.close()


def test_a_quote_only_an_earlier_copy_holds_is_cited_to_that_copy(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site)
    _keep(data_dir, FIGURE_4M)  # read before the correction
    sync_corrected(data_dir, site)
    _keep(data_dir, BOATS)  # in both copies: the latest's
    ident = entry_id(data_dir)
    home = ["--data-dir", str(data_dir)]
    assert main([*home, "show", ident, "--version", "1", "--format", "citation"]) == 0
    first = capsys.readouterr().out
    retrieved_1 = next(x for x in first.splitlines() if x.startswith("Retrieved: "))

    assert main([*home, "highlights", ident]) == 0
    printed = capsys.readouterr().out
    quote_4m, cited_4m = printed.index(f"> {FIGURE_4M}"), printed.index(f"# {FIRST[0]}")
    boats, cited_2m = printed.index(f"> {BOATS}"), printed.index(f"# {CORRECTED[0]}")
    assert quote_4m < cited_4m < boats < cited_2m
    under_4m = printed[cited_4m:boats]
    assert retrieved_1.strip() in under_4m and "Note: copy 1 of 2, retrieved" in under_4m
    assert "no longer in the text" not in printed  # it is in the copy it is cited to
    assert "Owen Price" not in printed[cited_2m:]  # nor is the latest said to hold it

    assert main([*home, "highlights", ident, "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert CORRECTED[0] in item["citation"]
    by_copy = {h["quote"]: (h["copy"], h["in_text"], h["citation"]) for h in item["highlights"]}
    copy, in_text, citation = by_copy[f"> {FIGURE_4M}"]
    assert (copy, in_text) == (1, False)
    assert FIRST[0] in citation and "copy 1 of 2, retrieved" in citation
    copy, in_text, citation = by_copy[f"> {BOATS}"]
    assert (copy, in_text) == (None, True) and CORRECTED[0] in citation

    # Forgotten, every copy with it: each still cited as the copy it was read in was.
    assert main([*home, "forget", ident]) == 0
    assert "its 2 highlights are kept" in capsys.readouterr().out
    assert main([*home, "highlights", ident]) == 0
    printed = capsys.readouterr().out
    quote_4m, cited_4m = printed.index(f"> {FIGURE_4M}"), printed.index(f"# {FIRST[0]}")
    boats, cited_2m = printed.index(f"> {BOATS}"), printed.index(f"# {CORRECTED[0]}")
    assert quote_4m < cited_4m < boats < cited_2m
    assert retrieved_1.strip() in printed[cited_4m:boats]


def test_a_highlight_kept_on_copy_1_after_v_is_cited_to_it(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site)
    sync_corrected(data_dir, site)
    _keep(data_dir, FIGURE_4M, number=1)  # `V`, then `v` `h` on copy 1
    assert main(["--data-dir", str(data_dir), "highlights"]) == 0
    printed = capsys.readouterr().out
    assert printed.index(f"> {FIGURE_4M}") < printed.index(f"# {FIRST[0]}")
    assert f"# {CORRECTED[0]}" not in printed  # no highlight, no note of the latest's


def test_words_both_copies_hold_kept_on_copy_1_are_cited_to_it(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Kept after `V` on the earlier copy, words the latest holds too are cited to the copy
    they were read in, as `y` cited them there (acc34b D8: under the latest's headline)."""
    sync(data_dir, site)
    sync_corrected(data_dir, site)
    _keep(data_dir, BOATS, number=1)
    assert main(["--data-dir", str(data_dir), "highlights"]) == 0
    printed = capsys.readouterr().out
    assert printed.index(f"> {BOATS}") < printed.index(f"# {FIRST[0]}")
    assert f"# {CORRECTED[0]}" not in printed and "no longer in the text" not in printed


def test_the_reading_view_says_v_shows_the_copy_holding_a_highlight_no_longer_in_the_text(
    site: Site, data_dir: Path
) -> None:
    """A quotation read before the correction is in copy 1 only: the latest copy opened says
    it is no longer in its text and that `V` shows the copy holding it, where it is marked;
    there, one read in the latest is said to be in it, `V` going round to it; one in no copy
    is only said no longer in the text."""
    sync(data_dir, site)
    _keep(data_dir, FIGURE_4M)  # read before the correction
    _keep(data_dir, "words no copy of the story holds")
    sync_corrected(data_dir, site)
    _keep(data_dir, CORRECTED[1])  # in the latest only

    async def run() -> None:
        async with running(data_dir, (120, 40), prefetch=False) as (app, pilot):
            raised = notices_raised(app)
            body = await open_titled(pilot, CORRECTED[0])
            await until(pilot, lambda: any(NO_LONGER_IN_TEXT in n for n in raised), "the notice")
            (said,) = [n for n in raised if NO_LONGER_IN_TEXT in n]
            assert said == (
                "2 highlights no longer in the text: kept (reader highlights lists them);"
                " 1 of them is in copy 1 of 2: V shows it."
            )
            raised.clear()
            await pilot.press("V")
            await until(pilot, lambda: body.article is not None and body.article.version == 1, "V")
            await until(pilot, lambda: len(body.highlights) == 3, "the highlights marked")
            await pilot.pause()
            (said,) = [n for n in raised if NO_LONGER_IN_TEXT in n]
            assert said == (  # the latest's, from copy 1: V goes round to it
                "2 highlights no longer in the text: kept (reader highlights lists them);"
                " 1 of them is in copy 2 of 2: V shows it."
            )

    asyncio.run(run())


def test_each_quote_says_whether_the_latest_copy_still_holds_it(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two quotes read in copy 1, one the correction reworded and one it left alone, were
    printed alike under copy 1's citation; an export said only "no longer in the text" of
    the first, not which copy it came from (acc40a M3). Each now says both."""
    sync(data_dir, site)
    sync_corrected(data_dir, site)
    _keep(data_dir, FIGURE_4M, number=1)
    _keep(data_dir, BOATS, number=1)
    home = ["--data-dir", str(data_dir)]
    ident = entry_id(data_dir)
    assert main([*home, "show", ident, "--version", "1", "--format", "citation"]) == 0
    first = capsys.readouterr().out
    retrieved_1 = next(x for x in first.splitlines() if x.startswith("Retrieved: "))[11:]
    from_copy_1 = f"(quoted from copy 1 of 2, retrieved {retrieved_1.strip()}; "

    assert main([*home, "highlights", ident]) == 0
    printed = capsys.readouterr().out
    quote_4m, boats = printed.index(f"> {FIGURE_4M}"), printed.index(f"> {BOATS}")
    said_4m = printed[quote_4m:boats] if quote_4m < boats else printed[quote_4m:]
    said_boats = printed[boats:quote_4m] if boats < quote_4m else printed[boats:]
    assert f"{from_copy_1}not in the text of the latest copy, retrieved " in said_4m
    assert f"{from_copy_1}still in the text of the latest copy, retrieved " in said_boats

    book = tmp_path / "hl.md"
    assert main([*home, "export", "--format", "markdown", "--highlighted", "-o", str(book)]) == 0
    capsys.readouterr()
    exported = book.read_text(encoding="utf-8")
    assert f"{from_copy_1}not in the text of the latest copy, retrieved " in exported
    assert f"{from_copy_1}still in the text of the latest copy, retrieved " in exported
    assert NO_LONGER_IN_TEXT not in exported  # it is in the copy it is said to come from


@pytest.mark.parametrize("style", ["block", "apa"])
def test_a_quote_of_an_earlier_copy_and_the_articles_note_are_cited_once(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str], style: str
) -> None:
    """A quote read before the correction, and a note on the article: the quote under its
    copy's citation, the note above it; not the note under the latest copy's citation again
    (acc45a A8: "copy 1 of 2 … differs" under the quote, the article cited once more after
    the note)."""
    sync(data_dir, site)
    _keep(data_dir, BOATS)  # read before the correction, in both copies
    lib = Library(data_dir)
    try:
        entry = lib.headlines()[0].entry
        article = lib.cached_article(entry)
        assert article is not None
        lib.note_article(entry, article, "Lead item for the digest")
    finally:
        lib.close()
    sync_corrected(data_dir, site)
    home = ["--data-dir", str(data_dir)]
    assert main([*home, "highlights", "--style", style, entry_id(data_dir)]) == 0
    printed = capsys.readouterr().out
    assert printed.count(site.url("/2026/11/21/bridge-repairs.html")) == 1, printed
    quote, note = printed.index(f"> {BOATS}"), printed.index("Note on the article: Lead item")
    cited = printed.index(site.url("/2026/11/21/bridge-repairs.html"))
    assert quote < note < cited
    assert "copy 1 of 2" in printed[note:]  # the copy the quote was read in
