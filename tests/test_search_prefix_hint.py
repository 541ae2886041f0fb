"""A search that finds nothing because a word is found whole (`bin lorry`, the story saying
"bins") tries its words as prefixes once and says what that finds: "bin* lorry* finds 1", on
`reader list --search`'s stderr and in the reader's status line after `F` (acc45a A6); one
that finds nothing for a plural (`lorries`, the story saying "lorry") tries its singular, whole,
and says "lorry finds 1" (acc51b B12), the search itself still of whole words. A search that
finds something, or nothing either way, says no more.

Two stories on 127.0.0.1 (`StorySite`) synced into the real store (and its search index), the
reader under Pilot."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from reader.search_query import Query
from reader.search_widening import prefixed, singular, singular_of, widened_note
from reader.ui.screens.main_full_text import SEARCH_VIEW
from tests.story_site import StorySite, ran, serving
from tests.tui_pilot import running, status, table, until

BINS = "Why the bins in Ward Five were late again"
STORIES = {
    "/bins.html": (
        BINS,
        "The bins in Ward Five were collected two days late this week because the lorry that "
        "serves Alder Road broke down on Monday and the depot had no spare driver.",
    ),
    "/quay.html": (
        "Quay repairs start in March",
        "Work on the north quay wall starts in March, the harbour board said, and will close "
        "the slipway to boats for six weeks while the stones are reset.",
    ),
}


class Site(StorySite):
    def feed(self) -> str:
        items = "".join(
            self.item(title, path, "Sun, 06 Dec 2026 09:00:00 GMT", guid=path)
            for path, (title, _) in STORIES.items()
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Ward Five Watch</title>'
            f"<link>{self.url('/')}</link>{items}</channel></rss>"
        )


def page(title: str, text: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><article>"
        f"<h1>{title}</h1>" + f"<p>{text}</p>" * 3 + "</article></body></html>"
    )


@pytest.fixture
def synced(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Path]:
    with serving(Site) as site:
        site.pages = {path: page(*story) for path, story in STORIES.items()}
        ran(capsys, data_dir, "add", site.url("/feed.xml"))
        ran(capsys, data_dir, "sync")
        yield data_dir


def test_what_a_query_s_words_as_prefixes_are() -> None:
    widened = prefixed(Query("bin lorry"))
    assert widened is not None and widened.text == "bin* lorry*"
    assert prefixed(Query('"bin lorry" ward -late by:anna OR of 2026 tag:news')) is not None
    assert (
        prefixed(Query('"bin lorry" ward -late by:anna OR of 2026')).text  # type: ignore[union-attr]
        == '"bin lorry" ward* -late by:anna OR of 2026'
    )
    assert prefixed(Query("bin* of")) is None  # a prefix already, and a short word
    assert widened_note(Query("bin lorry"), lambda _wider: 0) == ""


def test_what_a_query_s_plurals_singular_are() -> None:
    assert [singular_of(word) for word in ("keyboards", "lorries", "boxes", "churches")] == [
        "keyboard",
        "lorry",
        "box",
        "church",
    ]
    # No plural: a word in -ss, -us or -is, a short one, a number, one with an apostrophe,
    # one in s whose s makes no plural ("news" said "new finds 1").
    no_plurals = ("class", "bus", "analysis", "its", "1990s", "Anna's", "news", "News")
    assert [singular_of(word) for word in no_plurals] == [None] * len(no_plurals)
    assert singular(Query("keyboards")).text == "keyboard"  # type: ignore[union-attr]
    assert singular(Query("split keyboards")).text == "split* keyboard"  # type: ignore[union-attr]
    assert singular(Query('"split keyboards" -mice')) is None  # a phrase's, an excluded word
    assert singular(Query("bin lorry")) is None
    # The prefixes first; the singular only when they find nothing.
    counts = {"lorries*": 0, "lorry": 2}
    note = widened_note(Query("lorries"), lambda wider: counts[wider.text])
    assert note == "; lorry finds 2 (a word is found whole: a plural does not find its singular)"


def test_a_plural_s_singular_is_guessed_only_in_english_or_no_language_said() -> None:
    """English's singulars are not tried on another language's words (acc51b): "les maisons"
    reads as French, "países" is no English word ("paíse" found nothing and sent the user
    after it). English words, and those saying nothing of their language, still are."""
    assert singular(Query("les maisons")) is None
    assert singular(Query("die Autos der Stadt")) is None
    assert singular_of("países") is None and singular(Query("países")) is None
    assert singular(Query("the lorries")).text == "the* lorry"  # type: ignore[union-attr]
    assert singular(Query("maisons")).text == "maison"  # type: ignore[union-attr]
    counts = {"les* maisons*": 0}
    assert widened_note(Query("les maisons"), lambda wider: counts[wider.text]) == ""


def test_reader_list_search_says_what_the_words_as_prefixes_find(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, err = ran(capsys, synced, "list", "--search", "bin", "lorry")
    assert out == ""
    assert err.strip().splitlines()[-1] == (
        "reader: no headline or cached article holds every one of: bin lorry; bin* lorry* finds 1"
        " (a word is found whole, unless it ends in *)"
    )
    out, err = ran(capsys, synced, "list", "--search", "bins", "lorry")
    assert BINS in out and "finds" not in err
    out, err = ran(capsys, synced, "list", "--search", "zqxv", "lorry")
    assert out == "" and "finds" not in err  # nothing either way: nothing more said


def test_reader_list_search_says_what_a_plural_s_singular_finds(
    synced: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, err = ran(capsys, synced, "list", "--search", "lorries")
    assert out == ""  # whole words: the search itself is not stemmed
    assert err.strip().splitlines()[-1] == (
        "reader: no headline or cached article holds “lorries”; lorry finds 1 (a word is found"
        " whole: a plural does not find its singular)"
    )


def test_F_says_in_the_status_what_the_words_as_prefixes_find(synced: Path) -> None:
    async def run() -> None:
        async with running(synced, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            await pilot.press("F", *"bin", "space", *"lorry", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the empty hits")
            await until(pilot, lambda: "finds 1" in status(app), "the hint")
            assert table(app).rows == []
            assert "bin* lorry* finds 1" in status(app)
            assert "bin* lorry* finds 1" in str(table(app).empty_text)

    asyncio.run(run())


def test_F_says_in_the_status_what_a_plural_s_singular_finds(synced: Path) -> None:
    async def run() -> None:
        async with running(synced, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            await pilot.press("F", *"lorries", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the empty hits")
            await until(pilot, lambda: "finds 1" in status(app), "the hint")
            assert table(app).rows == []
            assert "lorry finds 1" in status(app)

    asyncio.run(run())


def test_a_prefix_is_named_with_its_star() -> None:
    """ "nothing holds “dont”" for `dont*` read as if the words starting so were not looked for
    (acc50d D4's note)."""
    from reader.search_query import Query

    assert Query("dont*").described() == "“dont*”"
    assert Query("port* by:ann*").described() == "every one of: port* by:ann*"
