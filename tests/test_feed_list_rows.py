"""A feed list row is drawn without a Rich table (`feed_rows.FeedRow`, ~7× cheaper: the first
screen draws every row at once), and draws just what the table did (`feed_grid`): every cell, its
style, and the table's own collapse where the row has no room."""

from __future__ import annotations

import pytest
from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

from reader.ui.cell_width import NamesApart
from reader.ui.display import plain
from reader.ui.widgets.main.feed_rows import FeedRow, FeedTitle, feed_grid

TITLES = [
    "The Harbour Gazette",
    "A",
    "x" * 60,
    "日本語のニュース速報サイト",
    "أخبار الميناء اليومية",
    "The Harbour Gazette — Business and Markets Section",
]
MARKS = [
    Text(" "),
    Text("!", style=Style(color="red", bold=True)),
    Text("⇣", "dim"),
    Text("d", "dim"),
]


def _drawn(row: object, width: int) -> list[list[Segment]]:
    console = Console(width=width, color_system="truecolor", force_terminal=True)
    lines = console.render_lines(row, console.options.update_width(width), pad=True)
    return [list(Segment.simplify(line)) for line in lines]


@pytest.mark.parametrize("width", [1, 3, 5, 8, 10, 22, 23, 30, 40, 119])
def test_a_row_draws_what_the_table_drew(width: int) -> None:
    for title in TITLES:
        for mark in MARKS:
            for unread in (0, 5, 125, 123456):
                count = Text(str(unread) if unread else "", style="dim")
                table = feed_grid(FeedTitle(plain(title), NamesApart()), count, mark)
                row = FeedRow(FeedTitle(plain(title), NamesApart()), unread, mark)
                assert _drawn(row, width) == _drawn(table, width), (title, mark, unread)
        for unread in (0, 4998):  # "All feeds", "Saved": a bold title, cut with an ellipsis
            count = Text(str(unread) if unread else "", style="dim")
            table = feed_grid(Text(title, style="bold"), count, Text(" "))
            row = FeedRow(Text(title, style="bold"), unread, Text(" "))
            assert _drawn(row, width) == _drawn(table, width), (title, unread)
