"""Text fitted to a row of cells as a terminal draws it, where Textual cuts lines by Rich's
measure: the measure itself is `reader.cells` (no `textual` there: the command line's search
snippets are measured by it too)."""

from __future__ import annotations

from ..cells import (
    as_written,
    cluster_cells,
    cluster_starts,
    clusters,
    cut_to_cells,
    fold_to_cells,
    rich_agreeing,
    terminal_cells,
    uncounted_cells,
)

__all__ = [
    "as_written",
    "cluster_cells",
    "cluster_starts",
    "clusters",
    "cut_to_cells",
    "fit_to_cells",
    "fold_to_cells",
    "rich_agreeing",
    "rich_only_cells",
    "terminal_cells",
    "uncounted_cells",
]


def rich_only_cells(count: int) -> str:
    """`count` cells by Rich's measure that take none on the screen: a blank, then a backspace
    back over it, each. Put before a text Rich undercounts by `count` (`uncounted_cells`), in
    a row whose blank is measured as the terminal draws it, the two measures agree again where
    the row ends: Textual cuts each line at its widgets' edges by Rich's measure, and a row
    ending `count` cells later on the screen than by Rich's pushed the border or the scroll bar
    after it off the screen (or wrote blanks over it)."""
    return " \b" * count


def fit_to_cells(text: str, cells: int) -> tuple[str, str, str]:
    """`text` fitted to a row's `cells` as a terminal draws it: (the `rich_only_cells` to put
    before it, the text, cut with "…" when it is longer, the blank after it). The three take
    `cells` cells on the screen and by Rich's measure alike: the text is shown without the
    emoji selectors Rich counts a cell for and the terminal doesn't (`rich_agreeing`)."""
    if cells < 1:
        return "", "", ""
    shown = text = rich_agreeing(text)
    if terminal_cells(text) > cells:
        cut = cut_to_cells(text, cells - 1)  # a wide letter that doesn't fit leaves a blank
        shown = cut + " " * (cells - 1 - terminal_cells(cut)) + "…"
    return rich_only_cells(uncounted_cells(shown)), shown, " " * (cells - terminal_cells(shown))
