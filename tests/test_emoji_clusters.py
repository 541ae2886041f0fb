"""What a terminal draws as one (a family joined by zero-width joiners, a flag's two letters, an
emoji with its skin tone, a letter with its accent) is never cut apart where the reader folds
a line or cuts a row; and an emoji's selector Rich counts a cell for and tmux doesn't ("❤️")
leaves no line of an article short of the column (acc30d N4, acc30c).

The screen is read as tmux draws it (`test_headline_widths.drawn`)."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from reader.cells import (
    as_written,
    cluster_starts,
    cut_to_cells,
    fold_to_cells,
    rich_agreeing,
    terminal_cells,
)
from reader.models import Article, Block, BlockKind, Inline
from reader.ui.widgets.article.line_breaks import wrap_for_terminal
from tests.test_headline_widths import drawn
from tests.tui_pilot import reading, screen_text, subscribe_to_page, view_lines

FAMILY = "👨\u200d👩\u200d👧\u200d👦"
FLAG = "🇬🇧"
THUMB = "👍🏽"
CONSOLE = Console(width=200, color_system=None)


def _pieces(text: str) -> list[str]:
    starts = cluster_starts(text)
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


def test_clusters_are_what_a_terminal_draws_as_one() -> None:
    assert _pieces(f"{FAMILY}{FLAG}a") == [FAMILY, FLAG, "a"]
    assert _pieces("🇫🇷🇩🇪🇬") == ["🇫🇷", "🇩🇪", "🇬"]  # paired from the first of a run
    assert _pieces(f"x{THUMB}e\u0301") == ["x", THUMB, "e\u0301"]
    assert _pieces("❤️\u200d🔥 1️⃣") == ["❤️\u200d🔥", " ", "1️⃣"]
    assert _pieces("कि") == ["कि"]
    assert _pieces("👩\u200da") == ["👩\u200d", "a"]  # tmux draws an ASCII letter apart


@pytest.mark.parametrize("cells", range(1, 12))
def test_a_row_is_cut_between_clusters(cells: int) -> None:
    text = f"ab{THUMB}{FAMILY}{FLAG}e\u0301"
    cut = cut_to_cells(text, cells)
    assert terminal_cells(cut) <= cells
    assert len(cut) in {*cluster_starts(text), len(text)}, cut


def test_a_line_folded_by_cells_keeps_its_clusters() -> None:
    text = (FAMILY + THUMB + FLAG) * 4
    for cells in range(1, 12):
        pieces = fold_to_cells(text, cells)
        assert "".join(pieces) == text
        assert all(_pieces(piece)[0] in (FAMILY, THUMB, FLAG) for piece in pieces), pieces
        assert all(terminal_cells(piece) <= max(cells, 4) for piece in pieces)


@pytest.mark.parametrize("width", range(8, 30))
def test_a_word_of_emoji_wider_than_the_line_folds_between_them(width: int) -> None:
    """A paragraph's run of families, skin tones and flags with no space in it, folded at
    the column's edge: each line whole clusters (Rich's folding cut a skin tone from its
    thumb, and the reading view's a family after a joiner)."""
    word = (FAMILY + THUMB + FLAG + "❤️") * 6
    lines = wrap_for_terminal(Text(f"Seen: {word} at the ferry"), CONSOLE, width)
    assert "".join(line.plain for line in lines).replace(" ", "") == (f"Seen:{word}attheferry")
    for line in lines:
        assert terminal_cells(line.plain) <= width
        assert not line.plain.rstrip().endswith("\u200d"), lines
        first = _pieces(line.plain)[0]
        assert first[0] not in "\u200d\ufe0f\U0001f3fd", lines
        assert first != "🇧", lines


TABLE = f"""<html><head><title>Zalgo council meets</title></head><body><article>
<h1>Zalgo council meets</h1>
<p>The council met on Tuesday to talk about the harbour and its ferries, and about the vote
that comes next week on the new pier at the north end of the bay.</p>
<p>Another paragraph of ordinary words, so that the page reads as an article with a table.</p>
<table><tr><th>Team</th><th>Emoji</th><th>Score</th></tr>
<tr><td>Reds</td><td>{FAMILY}{FLAG}</td><td>12</td></tr>
<tr><td>Blues</td><td>x</td><td>3</td></tr></table>
</article></body></html>"""


def test_a_table_cell_keeps_a_family_whole() -> None:
    """A family and a flag in a cell under "Emoji": on one line of the column, with room to
    spare or none (it was folded into "👨‍👩‍" / "👧‍👦" / "🇬🇧", the first line ending in a
    joiner, at 80 and 120 columns alike)."""
    from reader.extract import extract_article

    article = extract_article(TABLE.encode(), "https://news.example.com/z.html")
    for width in (30, 80, 120):
        lines = [line for line in view_lines(article, width) if "│" in line]
        row = next(line for line in lines if line.startswith("Reds"))
        assert f"│ {FAMILY}{FLAG}" in row, lines
        assert len(lines) == 3, lines  # the heading, the two rows: none wrapped


HEARTS = """<html><head><title>Harbour festival</title></head><body><article>
<h1>Harbour festival</h1>
<p>Warning ⚠️ the pier is closed, but the crowd ❤️ the fireworks ☀️ and the music ▶️ went
on past midnight on the quay, where the boats were lit from end to end for the whole night.</p>
<p>Keycaps 1️⃣ 2️⃣ 3️⃣ 4️⃣ #️⃣ counted the bands, and every one of them ❤️ ❤️ ❤️ was loved by
the people who came down to the water to hear them play until the early hours.</p>
</article></body></html>"""


def test_an_article_s_selectors_leave_no_line_short(tmp_path: Path) -> None:
    """Each screen line of an article with ❤️ ⚠️ 1️⃣ takes the whole width as tmux draws it
    (Rich counted each two cells, tmux one: the line ended a cell short per emoji, the scroll
    bar's cell drawn inside the text); and a passage copied keeps the page's selectors."""
    data = tmp_path / "data"
    subscribe_to_page(data, HEARTS, "Harbour Post", "Harbour festival")

    async def run() -> None:
        async with reading(data, "Harbour festival", (80, 24)) as (app, pilot, body):
            lines = screen_text(app).splitlines()
            assert any("⚠" in line for line in lines) and any("#" in line for line in lines)
            short = [line for line in lines[:-1] if len(drawn(line)) != 80]
            assert not short, short
            await pilot.press("v")
            await pilot.pause()
            assert "⚠️" in body.selected_text or "❤️" in body.selected_text

    asyncio.run(run())


@pytest.mark.parametrize("text", ["❤️ ☀️ 1️⃣", "👩\u200d\u200d👩", "a\ufe0f", "❤︎ x ❤️"])
def test_kept_length_agrees_and_is_written_back(text: str) -> None:
    shown = rich_agreeing(text, keep_length=True)
    assert len(shown) == len(text)
    assert cell_len(shown) == terminal_cells(shown)
    if text != "❤︎ x ❤️":  # a page's own VS15 after a heart is copied as VS16
        assert as_written(shown) == text


def test_an_article_keeps_its_words_after_the_swap() -> None:
    """The reading view's text is the article's, but for the selectors (as long as it)."""
    article = Article(
        "https://news.example/h.html",
        title="H",
        blocks=(Block(BlockKind.PARAGRAPH, (Inline("The crowd ❤️ the fireworks."),)),),
    )
    (line,) = [line for line in view_lines(article, 80) if line]
    assert line == "The crowd ❤\ufe0e the fireworks."


def test_a_heart_typed_with_its_selector_finds_the_heart_shown() -> None:
    """An emoji picker types "❤️": found in the reading view's "❤︎", in a page's "❤️" and "❤"."""
    from reader.text_find import pattern

    article = Article(
        "https://news.example/h.html",
        title="H",
        blocks=(Block(BlockKind.PARAGRAPH, (Inline("The crowd ❤️ the fireworks."),)),),
    )
    (line,) = [line for line in view_lines(article, 80) if line]
    found = pattern("crowd ❤️ the")
    assert found is not None
    for text in (line, "The crowd ❤️ the fireworks.", "The crowd ❤ the fireworks."):
        assert found.search(text), text
