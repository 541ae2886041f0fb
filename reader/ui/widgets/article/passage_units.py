"""The sentences a passage chosen by keyboard takes together, or not at all (`)` in the reading
view): a table with its caption, header and rows; a block quotation with its attribution; a
quotation running on over paragraphs to its closing mark. A quote copied without its figures
or cut off mid-sentence of whoever spoke misquotes. And the sentences it never runs into from
the text: a picture's line and its caption (`figure_sentences`).

A quotation running on over a paragraph break is written, in English news style, with no
closing mark at the end of the paragraph and an opening one at the start of the next (“We were
told the audit was done. / “Nobody showed us the report.”), with curly marks or straight ones
("…", which open and close alike: `quote_marks`).
"""

from __future__ import annotations

from bisect import bisect_right

from ....models import BlockKind
from .paragraph import Paragraph, TextRun
from .quote_marks import OPENING, quotation_marks

Unit = tuple[int, int]
"""The first and last sentence of a unit."""

_FIGURE = frozenset({BlockKind.IMAGE, BlockKind.MEDIA})
"""A picture's line, a recording's: what a figure's caption sits under."""

_RUN_ON_REACH = 12
"""How many paragraphs a quotation running on is followed over: past that, an unclosed mark
is taken for a typo, not a speech."""


def passage_units(
    runs: list[TextRun],
    per_run: list[list[tuple[int, int]]],
    paragraphs: list[Paragraph],
    extents: list[range],
) -> list[Unit]:
    """Per sentence (numbered in reading order over `runs`, whose sentences are `per_run`), the
    unit it belongs to: itself alone, or the sentences that go with it."""
    before = _sentences_before(per_run)
    total = before[-1]
    of_run = _paragraph_of_runs(runs, extents)
    joins: list[Unit] = []

    def paragraph(number: int) -> Paragraph | None:
        return paragraphs[number] if 0 <= number < len(paragraphs) else None

    # Each paragraph's sentences, first and last (a table's lines are runs of their own).
    span_of: dict[int, list[int]] = {}
    for r, number in enumerate(of_run):
        if per_run[r]:
            found = span_of.setdefault(number, [before[r], before[r + 1] - 1])
            found[1] = before[r + 1] - 1
    previous_quote: tuple[int, Paragraph] | None = None
    for number, (first, last) in sorted(span_of.items()):
        shown = paragraph(number)
        if shown is None or not shown.blocks:
            previous_quote = None
            continue
        kind = shown.blocks[0].kind
        if shown.table is not None:
            # Its caption above it with it: "Payments to the contractor" alone is no quote.
            caption = span_of.get(number - 1)
            above = paragraph(number - 1)
            if caption and above and above.blocks and above.blocks[0].kind == BlockKind.CAPTION:
                first = caption[0]
            joins.append((first, last))
        elif kind == BlockKind.QUOTE:
            # Its words with its "— Name", and a quotation of several paragraphs whole.
            if previous_quote is not None and shown.blocks[0].continues(
                previous_quote[1].blocks[-1]
            ):
                first = previous_quote[0]
            joins.append((first, last))
            previous_quote = (first, shown)
            continue
        previous_quote = None
    joins += _run_on_quotations(runs, per_run, before, of_run, paragraphs)
    return _merged(joins, total)


def figure_sentences(
    runs: list[TextRun],
    per_run: list[list[tuple[int, int]]],
    paragraphs: list[Paragraph],
    extents: list[range],
) -> list[bool]:
    """Per sentence (as `passage_units` numbers them), whether it is of a figure: a picture's
    (or a recording's) line, or the caption under it with its credit ("Photograph: …"). Those
    are the desk's words, not the writer's: `)` stops at them as at a subhead, where it ran
    over a photo and its credit into the quotation (acc31c W9). A table's caption is the
    table's (`passage_units` takes them together)."""
    before = _sentences_before(per_run)
    marks = [False] * before[-1]
    for r, number in enumerate(_paragraph_of_runs(runs, extents)):
        if _in_figure(paragraphs, number):
            marks[before[r] : before[r + 1]] = [True] * (before[r + 1] - before[r])
    return marks


def _in_figure(paragraphs: list[Paragraph], number: int) -> bool:
    if not 0 <= number < len(paragraphs) or not paragraphs[number].blocks:
        return False
    kind = paragraphs[number].blocks[0].kind
    if kind == BlockKind.CAPTION:  # a table's is above it
        below = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        return below is None or below.table is None
    return kind in _FIGURE


def _sentences_before(per_run: list[list[tuple[int, int]]]) -> list[int]:
    """How many sentences come before each run (and, last, the total)."""
    before = [0]
    for spans in per_run:
        before.append(before[-1] + len(spans))
    return before


def _paragraph_of_runs(runs: list[TextRun], extents: list[range]) -> list[int]:
    """The paragraph each run is of (its first line's, by the paragraphs' line `extents`)."""
    starts = [extent.start for extent in extents]
    return [bisect_right(starts, run.pieces[0][0]) - 1 for run in runs]


def _run_on_quotations(
    runs: list[TextRun],
    per_run: list[list[tuple[int, int]]],
    before: list[int],
    of_run: list[int],
    paragraphs: list[Paragraph],
) -> list[Unit]:
    """A quotation left open at a paragraph's end, the next paragraph opening with a mark: from
    the sentence it opens in to the one it closes in, paragraphs on."""
    joins: list[Unit] = []
    texts = [r for r in range(len(runs)) if per_run[r]]
    for k, r in enumerate(texts):
        if not _running_text(paragraphs, of_run[r]):
            continue
        opened = _left_open(runs[r].text)
        if opened is None:
            continue
        for later in texts[k + 1 : k + 1 + _RUN_ON_REACH]:
            text = runs[later].text
            if not _running_text(paragraphs, of_run[later]) or not text.lstrip().startswith(
                OPENING
            ):
                break  # the quotation was never closed, not run on
            closed = _closed_at(text)
            if closed is not None:
                opens = _sentence_at(per_run, before, r, opened)
                joins.append((opens, _sentence_at(per_run, before, later, closed)))
                break
    return joins


def _running_text(paragraphs: list[Paragraph], number: int) -> bool:
    """Paragraph `number` is of the article's running text (not a heading, table, quote…)."""
    return (
        0 <= number < len(paragraphs)
        and bool(paragraphs[number].blocks)
        and paragraphs[number].blocks[0].kind == BlockKind.PARAGRAPH
    )


def _left_open(text: str) -> int | None:
    """Where the quotation left open at the end of `text` opens (None: none is)."""
    opened: list[int] = []
    for at, opens in quotation_marks(text):
        if opens:
            opened.append(at)
        elif opened:
            opened.pop()
    return opened[0] if opened else None


def _closed_at(text: str) -> int | None:
    """Where the quotation `text` opens with closes (None: it runs on to the next paragraph)."""
    depth = 0
    for at, opens in quotation_marks(text):
        if opens:
            depth += 1
        elif depth:
            depth -= 1
            if not depth:
                return at
    return None


def _sentence_at(per_run: list[list[tuple[int, int]]], before: list[int], run: int, at: int) -> int:
    """The sentence of `run` holding character `at` (the last starting before it)."""
    spans = per_run[run]
    return before[run] + max(0, bisect_right([s for s, _ in spans], at) - 1)


def _merged(joins: list[Unit], total: int) -> list[Unit]:
    """Per sentence of `total`, its unit: the overlapping `joins` made one."""
    units = [(n, n) for n in range(total)]
    merged: list[list[int]] = []
    for first, last in sorted(joins):
        if merged and first <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], last)
        else:
            merged.append([first, last])
    for first, last in merged:
        for n in range(first, min(last, total - 1) + 1):
            units[n] = (first, last)
    return units
