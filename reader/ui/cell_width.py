"""Text fitted to a row of cells as a terminal draws it, where Textual cuts lines by Rich's
measure: the measure itself is `reader.cells` (no `textual` there: the command line's search
snippets are measured by it too)."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable

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
from ..marks import CUT_CELL, CUT_MARK

__all__ = [
    "NamesApart",
    "as_written",
    "cluster_cells",
    "cluster_starts",
    "clusters",
    "cut_to_cells",
    "fit_apart",
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
        # "…", or "..." where it can't be drawn (the Linux console, ASCII: `marks.CUT_MARK`)
        mark = CUT_MARK if cells > 2 * len(CUT_MARK) else CUT_CELL
        cut = cut_to_cells(text, cells - len(mark))  # a wide letter that doesn't fit: a blank
        shown = cut + " " * (cells - len(mark) - terminal_cells(cut)) + mark
    return rich_only_cells(uncounted_cells(shown)), shown, " " * (cells - terminal_cells(shown))


def fit_apart(names: Iterable[str], cells: int) -> dict[str, str]:
    """Each of `names` too long for `cells` cells, as a list shows it so that names cut alike
    still differ: those whose cut starts are the same ("Harbour Times — B…" for "… Business"
    and "… Budget", eleven "Harbour Time…" of one publisher, acc35a E5) keep their start up to
    the words they share, then "…", then what tells them apart ("Harbour…Business",
    "Harbour…Budget"), as the end of "BBC News - World" and "BBC News - UK" is what matters.
    Those that fit, or whose cut differs from every other's, are left out: `fit_to_cells`
    cuts them at the end. What it gives takes at most `cells` cells."""
    if cells < 5:  # no room for a start, "…" and a part
        return {}
    groups: defaultdict[str, set[str]] = defaultdict(set)
    for name in names:
        # A cell an ASCII character: measured by length where it can be (500 names of one
        # feed list, each cut by halves for its start: ~100 ms of the event loop at load 30).
        if len(name) <= cells // 2 or (len(name) <= cells and name.isascii()):
            continue
        if name.isascii() or terminal_cells(name) > cells:
            start = name[: cells - 1]
            groups[start if start.isascii() else cut_to_cells(name, cells - 1)].add(name)
    fitted: dict[str, str] = {}
    for alike in groups.values():
        if len(alike) < 2:
            continue
        shared = _shared_words(alike)
        owns = {name: name[len(shared) :].lstrip() for name in alike}
        # One start for the group, so that their own parts line up: as long as the longest
        # own part leaves, a third of the cells at least (else own parts are cut too).
        longest = max(terminal_cells(own) for own in owns.values())
        head_cells = max(min(terminal_cells(shared), max(1, cells // 3)), cells - 1 - longest)
        # Within the shared start: a name is longer than `cells`, so its own part leaves it
        # fewer cells than the start takes. Cut once for the group.
        head = cut_to_cells(shared, head_cells).rstrip()
        room = cells - 1 - terminal_cells(head)  # for its own part, after "…"
        for name, own in owns.items():
            if not own:
                continue  # the shared start is the whole name: cut at the end as before
            if terminal_cells(own) > room:
                own = cut_to_cells(own, room - 1) + "…"
            fitted[name] = f"{head}…{own}"
    return fitted


def _shared_words(names: set[str]) -> str:
    """The start `names` share, back to the end of a word (a space, a dash or a colon after
    it): "Harbour Times — " of "Harbour Times — Tech" and "… Transport", not "Harbour Times —
    T". The whole shared start when no word ends in it."""
    first, last = min(names), max(names)
    length = 0
    while length < min(len(first), len(last)) and first[length] == last[length]:
        length += 1
    shared = first[:length]
    for end in range(len(shared), 0, -1):
        if shared[end - 1].isspace() or unicodedata.category(shared[end - 1])[0] == "P":
            return shared[:end]
    return shared


class NamesApart:
    """The names a list shows (the feed list's rows, the headlines' sources), and how each is
    cut at a width so that it differs from the others (`fit_apart`): made once per width, for
    every row."""

    def __init__(self) -> None:
        self._names: set[str] = set()
        self._fitted: dict[int, dict[str, str]] = {}

    def clear(self) -> None:
        self._names.clear()
        self._fitted.clear()

    def add(self, name: str) -> None:
        if name not in self._names:
            self._names.add(name)
            self._fitted.clear()

    def fit(self, name: str, cells: int) -> str:
        """`name` as its row shows it in `cells` cells (cut at the end still by the caller)."""
        fitted = self._fitted.get(cells)
        if fitted is None:
            fitted = self._fitted[cells] = fit_apart(self._names, cells)
        return fitted.get(name, name)
