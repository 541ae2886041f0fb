"""How a PDF's short lines are set (flush left, flush right, centred), and what that says of
them: a judgment's heading sets its citation flush right, its court on the left and its judge
and parties centred, between rules of dashes; read as a paragraph's lines, they ran into one
("Case No: KB-2026-000123 IN THE HIGH COURT OF JUSTICE … Before :"). `pdf_document` asks here
whether two lines are set apart, and whether a paragraph's lines are lines of their own.
"""

from __future__ import annotations

import re

from .pdf_lines import Line, line_end

RULE = re.compile(r"(?:[-–—_*=~·•]\s?){3,}")
"""A line of dashes (or underscores, stars) drawn as text: a judgment's heading's rules."""
_GOES_ON = re.compile(r"[.!?:;…,-]$|\b(?:and|or|of|the|a|to|in|for)$", re.I)
"""A line's end that the next line goes on from (a sentence's end, a comma, a word broken)."""
FLANKED = re.compile(r"[-–—]\s.*\s[-–—]")
"""A word between dashes ("- and -", between a judgment's parties): no list item's."""


def aligned_apart(before: Line, line: Line, body: float, width: int) -> bool:
    """Whether two lines, the first short, are set on no one edge or centre: a heading's
    lines set apart (a judgment's citation on the right, its court on the left, its judge
    centred), not a paragraph's."""
    if len(before.text) >= width * 0.7:
        return False  # a paragraph's full line, the next its last or indented first one
    ends = [line_end(before), line_end(line)]
    return (
        abs(before.x - line.x) > body
        and abs(ends[0] - ends[1]) > body * 3
        and abs(before.x + ends[0] - line.x - ends[1]) / 2 > body * 2
    )


def set_as_lines(run: list[Line], body: float, width: int, margin: float) -> bool:
    """Whether a paragraph's lines are lines of their own, kept apart by line breaks: short
    lines set in from the text's left `margin` (centred or flush right: counsel under a
    judgment's parties, one a line; an address), where no column's edge ends them."""
    if len(run) < 2 or any(len(line.text) >= width * 0.7 for line in run):
        return False
    if all(line.x > margin + 2 * body for line in run) and any(
        abs(line.x - run[0].x) > 1 for line in run
    ):
        return True  # centred or flush right; a column's lines start at one place
    # Flush left, each line well short of the column, none ending a sentence or a word broken
    # at its end, none after the first going on in lower case (a narrow box's sentence): an
    # address, an attorney's block, a signature's lines.
    return all(
        len(line.text) < width * 0.6
        and not _GOES_ON.search(line.text)
        and (at == 0 or not line.text[:1].islower())
        for at, line in enumerate(run)
    )
