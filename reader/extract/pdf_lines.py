"""A PDF page's pieces of text joined into lines (`Pieces`), as `pypdf` gives them: where each
stands and its size, the pieces a link annotation covers (`pdf_links`), and the columns of a page
set side by side whose lines the file gives interleaved (a line of the left column, then the line
beside it in the right one: `columns_apart`, only where the columns stand: `in_bands`). What
the lines make (paragraphs, headings) is
`pdf_document`'s.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any

from ..safe import safe_line
from ..text_shape import one_line
from .math import RAISED_DIGITS
from .pdf_links import PageLink


@dataclass
class Line:
    page: int
    x: float
    y: float
    size: float
    text: str
    bold: bool = True
    links: list[tuple[str, str]] = field(default_factory=list)
    """The pieces of the line a link annotation covers: their words, and the address."""
    joins: list[tuple[float, int]] = field(default_factory=list)
    """Where each piece after the line's first begins: its x, and where its text starts in
    the line's."""
    sizes: list[float] = field(default_factory=list)
    """The size of each piece, the line's first and those of `joins`."""
    pieces: list[tuple[float, str, float]] = field(default_factory=list)
    """The pieces the line is put together from, once finished: where each starts, its text
    and size (`pdf_rows` joins a row's and tells its cells by them)."""
    cells: tuple[tuple[float, str], ...] = ()
    """Where each of the row's pieces set apart starts, and its text: a table's cells, a label
    and its amount (`pdf_rows`); none for a line of one piece."""
    table: int = 0
    """The number of the table the line is a row of (from 1), 0 for none."""
    header: bool = False
    """The row heads its table's columns."""
    entry: bool = False
    """The line is an entry of a list set in columns (a council's attendance, one name a line):
    a block of its own (`in_bands`)."""
    caption: str = ""
    """The side of a court filing's caption the line is on ("left": the parties, "right": the
    case number and the document's name, each line a block of its own), "" for none
    (`pdf_captions`)."""


@dataclass
class Pieces:
    """The pieces of text one page gives, joined into lines as they come."""

    page: int
    links: list[PageLink] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)

    def add(self, text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text or not text.strip(" \n"):
            if text.endswith("\n") and self.lines:
                self.lines[-1].text += "\n"
            return
        # The piece's place and size on the page: its text matrix under the page's transform.
        a = tm[0] * cm[0] + tm[1] * cm[2]
        b = tm[0] * cm[1] + tm[1] * cm[3]
        c = tm[2] * cm[0] + tm[3] * cm[2]
        d = tm[2] * cm[1] + tm[3] * cm[3]
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = (c * c + d * d) ** 0.5 or (a * a + b * b) ** 0.5 or 1.0
        height = round(size * scale * 2) / 2
        padded = _PADDED_DIVIDER.search(text) if ")" in text or "§" in text else None
        if padded:
            self._divider_apart(text, padded, cm, tm, font, size)
            return
        bold = _is_bold(font)
        text = _winansi_bullets(text, font)
        last = self.lines[-1] if self.lines else None
        if (
            last is not None
            and not last.text.endswith("\n")
            and abs(last.y - y) < max(height, last.size) * 0.5
        ):
            if _NOTE_MARK.fullmatch(text) and _note_mark(last, height, y):
                # A note's mark, raised and smaller: set raised as the HTML extractor sets a
                # <sup>, so "members.¹ Councillor" ends its sentence at "members.".
                text = text.strip().translate(RAISED_DIGITS)
            else:
                last.joins.append((x, len(last.text)))
                last.sizes.append(height)
            last.text += text
            last.bold = last.bold and bold
            # The line's size is its body's: a footnote's mark or a bullet is smaller.
            if height > last.size and len(text.strip()) > 2:
                last.size = height
            self._mark_link(last, text, x, y, height)
            return
        if last is not None and last.text.endswith("\n"):
            last.text = last.text.rstrip("\n")
        self.lines.append(Line(self.page, x, y, height, text, bold, sizes=[height]))
        self._mark_link(self.lines[-1], text, x, y, height)

    def _divider_apart(
        self,
        text: str,
        padded: re.Match[str],
        cm: list[float],
        tm: list[float],
        font: Any,
        size: float,
    ) -> None:
        """Add a run typed with a caption's divider inside it ("ACME CORP.,     )   Case No. 1"),
        the spaces padding it to its column, as the text before it, the divider and the text
        after it, each where the font's advance puts it (`pdf_captions` finds the column by
        where its dividers stand)."""
        at, after = padded.start(1), padded.end()
        for start, part in ((0, text[:at]), (at, padded[1]), (after, text[after:])):
            if part.strip(" \t\n") or (part and start == after and part.endswith("\n")):
                shift = _advance(text[:start], font) * size
                moved = [*tm[:4], tm[4] + shift * tm[0], tm[5] + shift * tm[1]]
                self.add(part, cm, moved, font, size)

    def _mark_link(self, line: Line, text: str, x: float, y: float, height: float) -> None:
        """Note the piece `text` as a link's when a link annotation of the page covers it."""
        words = one_line(safe_line(text))
        for link in self.links:
            if words and link.covers(x, y, len(words) * height * 0.5):
                line.links.append((words, link.url))
                return

    def finished(self) -> list[Line]:
        lines = []
        for line in columns_apart(self.lines):
            text = one_line(safe_line(line.text))
            if text:
                lines.append(replace(line, text=text, pieces=_pieces(line)))
        return lines


_DIVIDERS = ")§"
_PADDED_DIVIDER = re.compile(r"(?:^|(?<=\S))(?:[ \t]{2,}|\t)([)§])(?=[ \t\n]|$)")
"""A caption's divider typed inside a run, after the spaces (or a tab) padding the parties'
text, or nothing, to its column, and before a space or the run's end. (pypdf gives a run set
apart on its line after one space of its own: " )" is a run of its own.)"""


def _advance(text: str, font: Any) -> float:
    """How far `text` moves the pen, in ems of its font: by the font's own widths where it
    gives them, a fixed width's 0.6 (Courier, a typewriter's caption), else an average."""
    try:
        widths = font.get("/Widths") if font is not None else None
        first = int(font.get("/FirstChar", 0)) if widths is not None else 0
        widths = [float(width) for width in widths.get_object()] if widths is not None else None
        name = str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:  # a hostile font dictionary: an average width
        widths, name = None, ""
    if widths:
        known = [w for w in widths if w > 0] or [500.0]
        average = sum(known) / len(known)
        return (
            sum(
                widths[ord(ch) - first] if 0 <= ord(ch) - first < len(widths) else average
                for ch in text
            )
            / 1000
        )
    fixed = re.search(r"courier|mono", name, re.I)
    return len(text) * (0.6 if fixed else 0.5)


def _pieces(line: Line) -> list[tuple[float, str, float]]:
    """The line's pieces, by where each after the first was joined: place, text and size."""
    starts = [(line.x, 0), *line.joins]
    ends = [at for _, at in line.joins] + [len(line.text)]
    # Split off a line set in columns, a part's pieces are of the size of its line.
    sizes = line.sizes if len(line.sizes) == len(starts) else [line.size] * len(starts)
    pieces = []
    for (x, begin), end, size in zip(starts, ends, sizes, strict=False):
        text = one_line(safe_line(line.text[begin:end]))
        if text:
            pieces.append((x, text, size))
    return pieces


_NOTE_MARK = re.compile(r"\s*\d{1,3}\s*")


def _note_mark(line: Line, height: float, y: float) -> bool:
    """Whether figures of `height` at `y` added to `line` are a note's mark: smaller, not
    lowered, right after a word or its full stop (a chemical formula's "CO2" is no note)."""
    before = line.text.rstrip("\n")[-1:]
    return (
        height < line.size * 0.85
        and y >= line.y - 0.5
        and (before.islower() or before in ".,;:)\"'”’")
    )


def _winansi_bullets(text: str, font: Any) -> str:
    """The text with WinAnsiEncoding's unused code 127 (that the PDF standard says shows a
    bullet, and that reportlab writes its bullets with) as the bullet it shows."""
    if "\x7f" not in text:
        return text
    try:
        encoding = font.get("/Encoding") if font is not None else None
        encoding = encoding.get_object() if hasattr(encoding, "get_object") else encoding
        if hasattr(encoding, "get"):
            encoding = encoding.get("/BaseEncoding")
    except Exception:  # a hostile font dictionary: the code is dropped as a control's
        return text
    return text.replace("\x7f", "•") if str(encoding) == "/WinAnsiEncoding" else text


def _is_bold(font: Any) -> bool:
    try:
        name = str(font.get("/BaseFont", "")) if font is not None else ""
    except Exception:  # a hostile font dictionary: not bold
        return False
    return bool(re.search(r"bold|black|heavy|semibold", name, re.I))


_BESIDE = 3
"""Lines of a column that start beside another's on their baseline, at one place, that tell a
page set in columns whose lines the file gives interleaved."""
_LONG = 15
"""Characters on either side of such a start: a column's line, not a table's cell or a word."""
_SAME_PLACE = 4.0
"""Points apart two lines' starts may be and be one column's."""


def columns_apart(lines: list[Line]) -> list[Line]:
    """`lines`, their pieces that start a column beside another on the same baseline (the file
    gives a line of the left column, then the line beside it in the right one) taken apart
    into lines of their own, column after column; `lines` as they are on any other page (its
    columns given one after the other are already apart: each starts higher than the last
    line before it)."""
    starts = Counter(
        round(x / _SAME_PLACE)
        for line in lines
        for x, at in _moved_on(line)
        if len(line.text[:at].strip()) >= _LONG
        and len(line.text[at:].strip()) >= _LONG
        # A caption's column of ")" typed in the parties' runs, and the case number right of
        # it: no column of text (pdf_captions takes the caption apart).
        and line.text[at:].lstrip()[:1] not in _DIVIDERS
        and line.text[:at].rstrip()[-1:] not in _DIVIDERS
    )
    columns = sorted(key * _SAME_PLACE for key, count in starts.items() if count >= _BESIDE)
    if not columns:
        return lines
    parts: list[list[Line]] = []
    for line in lines:
        cuts = [(x, at) for x, at in _moved_on(line) if _column_of(x, columns, exact=True)]
        parts.append([])
        begin, x = 0, line.x
        for after, at in [*cuts, (0.0, len(line.text))]:
            part = line.text[begin:at]
            if part.strip():
                words = one_line(part)
                links = [mark for mark in line.links if mark[0] in words]
                parts[-1].append(replace(line, x=x, text=part, links=links, joins=[]))
            begin, x = at, after
    return in_bands(parts, columns)


def in_bands(parts: list[list[Line]], columns: list[float]) -> list[Line]:
    """The parts of a page's lines (each line's, several for one taken apart at `columns`'
    starts) in reading order: in each band of lines set in columns (from a line taken apart
    to the last under it within one column) column after column, each column's lines in the
    file's order; the lines above and below a band where they stand (a council's minutes'
    "Present:" and the item under its two columns of names). A band whose columns' lines all
    stop well short of the next column, none going on in lower case, is a list set in
    columns: each part an `entry`."""
    out: list[Line] = []
    band: list[list[Line]] = []
    for line in parts:
        if band and not _band_goes_on(band[-1][0], line, columns):
            out += _read_across(band, columns)
            band = []
        if len(line) > 1 or band:
            band.append(line)
        else:
            out += line
    return out + _read_across(band, columns)


def _band_goes_on(above: Line, line: list[Line], columns: list[float]) -> bool:
    """Whether `line` is in the band `above` is in: taken apart too, or within one column and
    right under it (a column's last line, the column beside it ended)."""
    if len(line) > 1:
        return True
    (only,) = line
    crosses = any(
        only.x < start - _SAME_PLACE < line_end(only) - 3 * only.size for start in columns
    )
    return only.page == above.page and not crosses and 0 < above.y - only.y <= 2 * only.size


def _read_across(band: list[list[Line]], columns: list[float]) -> list[Line]:
    lines = sorted((part for line in band for part in line), key=lambda p: _column_of(p.x, columns))
    short = all(
        line_end(line) < columns[column] - 4 * line.size
        for line in lines
        if (column := _column_of(line.x, columns)) < len(columns)
    )
    # A column of prose goes on from line to line in lower case; names and items do not.
    entries = short and not any(line.text.strip()[:1].islower() for line in lines)
    return [replace(line, entry=True) for line in lines] if entries else lines


def line_end(line: Line) -> float:
    """Where the line ends on the page, about: a character is half an em wide."""
    return line.x + len(line.text.strip()) * line.size * 0.5


def _moved_on(line: Line) -> list[tuple[float, int]]:
    """The line's joins that start right of where it starts: `pypdf` gives the pieces of one
    text object (a bold word, a run after an escape code) at the object's start, which is no
    column's."""
    return [(x, at) for x, at in line.joins if x > line.x + _SAME_PLACE]


def _column_of(x: float, columns: list[float], exact: bool = False) -> int:
    """Which column a line starting at `x` is in (0: left of the first start found, 1 from
    it…); with `exact`, whether `x` is one of the starts (0 when not)."""
    if exact:
        return int(any(abs(x - start) <= _SAME_PLACE for start in columns))
    return sum(x >= start - _SAME_PLACE for start in columns)
