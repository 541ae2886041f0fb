"""The reader's own notes found by the search of cached articles (acc45 C5): a plain word finds
an article whose note (✎, its own or a highlight's) holds it, the hit saying "in your note";
`note:WORD` looks in the notes alone, `-note:WORD` leaves out what a note holds. Through the
index, as `reader list --search` and `F` search."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.library import Library
from tests.test_highlights import SENTENCE, TITLE, highlight


def _noted(data: Path) -> str:
    """The budget story given a note and a highlight's note; its entry's id."""
    lib = Library(data)
    try:
        entry = next(h.entry for h in lib.headlines() if TITLE in h.entry.title)
        article = lib.cached_article(entry)
        assert article is not None
        lib.note_article(entry, article, "Subpoena the councillors' emails")
        lib.keep_highlight(entry, article, highlight(SENTENCE))
        lib.note_highlight(entry, SENTENCE, "Check the abstention with Pemberton-Quill")
        return entry.id
    finally:
        lib.close()


def _listed(data: Path, capsys: pytest.CaptureFixture[str], *query: str) -> list[str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data), "list", "--search", *query])
    assert code == 0
    return capsys.readouterr().out.splitlines()


def test_a_word_of_a_note_finds_its_article_and_says_so(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _listed(synced_dir, capsys, "subpoena") == []  # nothing holds it yet
    _noted(synced_dir)
    for query in (("subpoena",), ("note:subpoena",), ("pemberton",), ("budget", "abstention")):
        lines = _listed(synced_dir, capsys, *query)
        assert len(lines) == 2, (query, lines)
        assert TITLE in lines[0] and "in your note:" in lines[1], (query, lines)
    assert "Subpoena the councillors" in _listed(synced_dir, capsys, "subpoena")[1]
    # A note's word is looked for in the notes alone with `note:`, and left out with `-note:`.
    assert _listed(synced_dir, capsys, "note:substantive") == []
    assert not any(
        TITLE in line for line in _listed(synced_dir, capsys, "budget", "-note:subpoena")
    )
    budget = _listed(synced_dir, capsys, "budget")
    assert any(TITLE in line for line in budget)
    # Found by its text, a word its note doesn't hold: the line says nothing of the note.
    assert not any("in your note" in line for line in budget)


def test_f_in_the_reader_finds_a_note_and_its_hit_says_so(synced_dir: Path) -> None:
    """`F` searches as `reader list --search` does: the hit's line under its row quotes the
    note."""
    import asyncio

    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from tests.tui_pilot import running, screen_text, table, until

    _noted(synced_dir)

    async def run() -> tuple[list[str], str]:
        async with running(synced_dir, (120, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            await pilot.press("F", *"pemberton", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await until(pilot, lambda: "in your note" in screen_text(app), "the hit's line")
            return [h.entry.title for h in table(app).rows], screen_text(app)

    titles, shown = asyncio.run(run())
    assert len(titles) == 1 and TITLE in titles[0]
    line = next(line for line in shown.splitlines() if "in your note:" in line)
    assert "Pemberton-Quill" in line, line


def test_a_hit_found_by_its_note_marks_the_note_s_words(synced_dir: Path) -> None:
    """Opened from a hit its note alone found (search46), the reading view marks the words in
    the note, as it marks an article's, and `n` steps through them: it found nothing to step
    through, the note's words being drawn only. `/` finds a note's word too; a passage (`v`)
    still never quotes a note."""
    import asyncio

    from reader.ui.screens.main_full_text import SEARCH_VIEW
    from tests.tui_pilot import keys_handled, marked, open_row, running, status, until

    _noted(synced_dir)

    async def run() -> tuple[str, list[str], str, list[str], str]:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, pilot):
            screen = app.screen
            await pilot.press("F", *"pemberton", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await open_row(pilot, 0)
            await until(pilot, lambda: "Match 1 of" in status(app), "the note's match")
            opened, lit = status(app), marked(app)
            await pilot.press("escape", "slash", *"subpoena", "enter")
            await keys_handled(pilot)
            await until(pilot, lambda: "Match 1 of" in status(app), "the typed word's match")
            typed, lit_typed = status(app), marked(app)
            await pilot.press("escape", "v")
            await keys_handled(pilot)
            return opened, lit, typed, lit_typed, status(app)

    opened, lit, typed, lit_typed, passage = asyncio.run(run())
    assert "Match 1 of 1" in opened, opened
    assert [word.casefold() for word in lit] == ["pemberton"], lit
    assert "Match 1 of 1" in typed and [w.casefold() for w in lit_typed] == ["subpoena"]
    assert "Subpoena" not in passage and "Pemberton" not in passage, passage
