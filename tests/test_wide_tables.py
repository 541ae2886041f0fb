"""A wide table in the reading view: the terminal's width past the text column when it has it,
columns as wide as their content asks, cells wrapped between words, stacked records when even
the words don't fit (acc19b F7: eight columns squeezed into 80 cells on a 160-column terminal,
"Cancelle / d", "withdra / wn", six lines a row)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.console import Console
from rich.style import Style
from textual.pilot import Pilot

from reader.extract import extract_article
from reader.ui.widgets.article import block_paragraphs, paragraph, typeset
from reader.ui.widgets.article.find_in_article import LineMap, find
from tests.tui_pilot import marked, reading, screen_text, status, subscribe_to_page, until

HEADINGS = [
    "Year",
    "Sailings",
    "Cancelled",
    "Delayed over an hour",
    "Passengers",
    "Cars",
    "Cargo (t)",
    "Remarks",
]
ROWS = [
    ["2008", "2,310", "19", "102", "388,400", "57,100", "16,900", "Both boats running every day"],
    ["2017", "1,640", "151", "287", "301,250", "42,800", "9,730", "Evening boat withdrawn in June"],
    ["2025", "1,195", "73", "118", "176,000", "21,450", "4,100", "Winter sailings suspended"],
]


def page() -> str:
    head = "".join(f"<th>{h}</th>" for h in HEADINGS)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in ROWS)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>Island ferry in figures | Quayside Data</title></head><body><article>"
        "<h1>Island ferry in figures</h1>"
        "<p>The harbour board publishes the ferry's figures every year, and this year's report "
        "shows the fewest sailings since the service began in the nineteen-sixties.</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
        "<p>The figures for 2025 run to the end of November, the board said.</p>"
        "</article></body></html>"
    )


def laid_out(width: int, wide: int) -> paragraph.Layout:
    """The body laid out in a column `width` wide, tables up to `wide`."""
    article = extract_article(page(), "https://quayside.example/data/ferry.html")
    styles = paragraph.ArticleStyles(
        **{n: Style() for n in paragraph.ArticleStyles.__dataclass_fields__}
    )
    console = Console(width=300, color_system=None)
    return typeset.layout(
        block_paragraphs.body(article, styles), width, console, paragraph.Layout([], [], wide=wide)
    )


def view(width: int, wide: int) -> list[str]:
    return [strip.text.rstrip() for strip in laid_out(width, wide).lines]


def found_on_lines(width: int, wide: int, query: str) -> list[list[str]]:
    """Per match of `query` in the table laid out so, the words it marks on each screen line."""
    laid = laid_out(width, wide)
    matches = find(LineMap(laid.runs), query)
    assert matches is not None
    out = []
    for index in range(matches.total):
        first, last = matches.span_lines(index)
        out.append(
            [
                laid.lines[line].text[a:b]
                for line in range(first, last + 1)
                for a, b, n in matches.marks(line)
                if n == index
            ]
        )
    return out


def table_rows(lines: list[str]) -> list[str]:
    return [line for line in lines if "│" in line]


def cut_words(lines: list[str]) -> set[str]:
    """The table's words not found whole on any line: cut over two lines of their cell."""
    shown = {word for line in lines for cell in line.split("│") for word in cell.split()}
    words = {
        word for text in [*HEADINGS, *(c for row in ROWS for c in row)] for word in text.split()
    }
    return words - shown


def test_a_table_takes_the_terminals_width_when_it_has_it() -> None:
    lines = table_rows(view(80, 158))
    assert len(lines) == 1 + len(ROWS)  # a line a row: headings, then the three rows
    assert "Evening boat withdrawn in June" in lines[2]
    assert max(len(line) for line in lines) > 80


def test_cells_wrap_between_words_and_text_columns_get_the_room() -> None:
    lines = table_rows(view(80, 118))
    assert not cut_words(lines)
    widths = [len(cell) for cell in lines[0].split("│")]
    # The remarks take the room the figures don't need: each row on one line.
    assert any("Evening boat withdrawn in June" in line for line in lines)
    # A column of figures is as wide as its longest figure or heading word, not more.
    assert widths[2] - 2 == len("Cancelled")


def test_a_table_whose_words_dont_fit_is_stacked_in_the_column() -> None:
    lines = view(76, 76)
    assert not table_rows(lines)
    assert "Cancelled: 151" in lines
    assert "Remarks: Evening boat withdrawn in June" in lines
    assert max(len(line) for line in lines) <= 76


async def searched(pilot: Pilot[object], query: str) -> None:
    """`query` searched for (`/`), until the status line says what came of it ("Match 1 of
    1 for “…”", "No match for “…”"): the search waits for the text laid out, and a fixed
    0.2 s was a race on a busy machine."""
    await pilot.press("slash", *query, "enter")
    await until(pilot, lambda: f"for “{query}”" in status(pilot.app), f"the search {query!r}")


def test_the_reading_view_at_160_120_and_80_columns(tmp_path: Path) -> None:
    subscribe_to_page(tmp_path, page(), "Quayside Data", "Island ferry in figures", "/ferry.html")

    async def at(width: int) -> tuple[str, str, list[str]]:
        async with reading(tmp_path, "Island ferry", size=(width, 40)) as (app, pilot, _body):
            await until(pilot, lambda: app.screen.takes_keys, "the article drawn")
            shown = screen_text(app)
            await searched(pilot, "withdrawn")
            return shown, status(app), marked(app)

    shown, found, match = asyncio.run(at(160))
    lines = shown.splitlines()
    row = next(line for line in lines if "2017" in line and "│" in line)
    prose = next(line for line in lines if line.strip().startswith("The harbour board"))
    assert row.rstrip().endswith("Evening boat withdrawn in June")
    # Centred on the column, out into its margins on both sides.
    column_start = len(prose) - len(prose.lstrip())
    row_start = len(row) - len(row.lstrip())
    assert row_start < column_start
    assert len(row.rstrip()) > column_start + 80
    assert "Match 1 of 1" in found and match == ["withdrawn"]

    shown, found, match = asyncio.run(at(120))
    assert not cut_words([line for line in shown.splitlines() if "│" in line])
    assert "Match 1 of 1" in found and match == ["withdrawn"]

    shown, found, match = asyncio.run(at(80))
    assert "Remarks: Evening boat withdrawn in June" in shown
    assert "Match 1 of 1" in found and match == ["withdrawn"]


def test_a_phrase_a_cell_wraps_over_lines_is_found_whole() -> None:
    # acc19b F17: at 100 columns the heading is "Delayed / over an / hour" and the remark
    # "Evening boat withdrawn in / June"; `/` said "No match" for either phrase, as the
    # table's lines were searched one by one.
    assert view(80, 98)[4:7] == [
        "Year │ Sailings │ Cancelled │ Delayed │ Passengers │   Cars │  Cargo │ Remarks",
        "     │          │           │ over an │            │        │    (t) │",
        "     │          │           │    hour │            │        │        │",
    ]
    assert found_on_lines(80, 98, "Delayed over an hour") == [["Delayed", "over an", "hour"]]
    assert found_on_lines(80, 98, "withdrawn in June") == [["withdrawn in", "June"]]
    # A word still found alone, in its own cell only (the heading's "hour" is no remark's).
    assert found_on_lines(80, 98, "over") == [["over"]]
    assert found_on_lines(80, 98, "Cancelled 19") == []  # two cells are no phrase
    # Stacked records too: "Remarks: Both boats running every" / "day" at 36 columns.
    assert found_on_lines(36, 36, "running every day") == [["running every", "day"]]
    assert found_on_lines(36, 36, "Remarks: Evening") == [["Remarks: Evening"]]


def test_the_reading_view_finds_a_phrase_over_a_wrapped_cell(tmp_path: Path) -> None:
    subscribe_to_page(tmp_path, page(), "Quayside Data", "Island ferry in figures", "/ferry.html")

    async def run() -> list[tuple[str, list[str], list[str]]]:
        out = []
        async with reading(tmp_path, "Island ferry", size=(100, 40)) as (app, pilot, _body):
            for query in ("Delayed over an hour", "Evening boat withdrawn in June"):
                await searched(pilot, query)
                out.append((status(app), marked(app), marked(app, "article-body--match")))
                await pilot.press("escape")
        return out

    (heading, marks, others), (remark, lit, _others) = asyncio.run(run())
    assert "Match 1 of 1" in heading
    # The whole phrase lit as the current match, a piece on each of its lines; nothing else.
    assert marks == ["Delayed", "over an", "hour"] and others == []
    assert "Match 1 of 1" in remark and lit == ["Evening boat withdrawn in", "June"]
