"""PDF files written from text, as a word processor sets them: the demo site's reports, and the
tests' PDFs. Stdlib only, like the rest of the demo.

`report_pdf` sets a document's title, paragraphs, headings and lists on A4 pages in Helvetica,
wrapped to the column, with a running head and a page number at each page's foot, and says in
its Info dictionary what it is (title, author, date). `pdf_of_lines` places each line where it
is told, for tests of layouts a report doesn't have (two columns, a drawn page with no text),
and draws a link annotation over a line given one.
Text is written in WinAnsiEncoding (windows-1252), the encoding the standard fonts use.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass
from datetime import datetime

_PAGE_WIDTH, _PAGE_HEIGHT = 595, 842  # A4, in points
_LEFT, _TOP, _BOTTOM = 72, 770, 90
_COLUMN = _PAGE_WIDTH - 2 * _LEFT
_AVERAGE_WIDTH = 0.5
"""Helvetica's average character width, in ems: enough to wrap a column as a word processor
would, near enough."""


@dataclass(frozen=True)
class Placed:
    """One line of text on a page (or a piece of one): where its baseline starts, its size,
    its font, and the address a link annotation over it leads to ("": none). A link with no
    text is drawn over the place alone (a picture's, 100 by 50 points)."""

    text: str
    x: float
    y: float
    size: float = 11.0
    bold: bool = False
    link: str = ""
    typed: bool = False
    """Set in Courier, a typewriter's fixed width (a caption padded to its column with spaces)."""

    def link_area(self) -> tuple[float, float, float, float]:
        """The rectangle a word processor draws a link over: the words' box."""
        if not self.text:
            return (self.x, self.y, self.x + 100, self.y + 50)
        width = len(self.text) * self.size * _AVERAGE_WIDTH
        return (self.x, self.y - self.size * 0.25, self.x + width, self.y + self.size * 0.9)


def _escaped(text: str) -> bytes:
    raw = text.encode("cp1252", "replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _date(when: datetime) -> str:
    return when.strftime("D:%Y%m%d%H%M%S") + ("Z" if when.utcoffset() is not None else "")


def pdf_of_drawings(pages: list[list[tuple[float, float, float, float]]], title: str = "") -> bytes:
    """A PDF of pages that are pictures only (a scan's), each its bars (x, y, width, height)
    filled in grey: no text in it."""
    streams = [
        b"".join(b"0.25 g %.1f %.1f %.1f %.1f re f\n" % bar for bar in bars) for bars in pages
    ]
    return _pdf(streams, title, "", None, compress=True)


def pdf_of_lines(
    pages: list[list[Placed]],
    title: str = "",
    author: str = "",
    created: datetime | None = None,
    compress: bool = True,
    pictures: list[bytes] | None = None,
    line_ends: bool = False,
) -> bytes:
    """A PDF of `pages`, each its lines placed as given; an Info dictionary of what is given.
    `pictures`, one for each page, are photographs' bytes (JPEG, as a scanner or a camera
    writes them) drawn under the page's text, as a report's pages carry them. With
    `line_ends`, each piece ends its line (T*), as reportlab's `drawString` writes it."""
    end, lead = (b" T*", b" 14 TL") if line_ends else (b"", b"")  # T* moves down by TL
    streams = [
        b"".join(
            b"BT /F%d %.1f Tf%s %.2f %.2f Td (%s) Tj%s ET\n"
            % (
                3 if line.typed else 2 if line.bold else 1,
                line.size,
                lead,
                line.x,
                line.y,
                _escaped(line.text),
                end,
            )
            for line in lines
        )
        for lines in pages
    ]
    links = [[(line.link, line.link_area()) for line in lines if line.link] for lines in pages]
    return _pdf(streams, title, author, created, compress, pictures, links)


def _pdf(
    streams: list[bytes],
    title: str,
    author: str,
    created: datetime | None,
    compress: bool,
    pictures: list[bytes] | None = None,
    links: list[list[tuple[str, tuple[float, float, float, float]]]] | None = None,
) -> bytes:
    """A PDF of one page for each content stream, in Helvetica (regular as F1, bold as F2; Courier as F3),
    each page's picture (`pdf_of_lines`) drawn first as its /Im1."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    regular = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                  b"/Encoding /WinAnsiEncoding >>")  # fmt: skip
    bold = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold "
               b"/Encoding /WinAnsiEncoding >>")  # fmt: skip
    typed = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    pages_at = len(objects) + 1
    add(b"")  # the page tree, written once its pages are numbered
    kids = []
    for number, stream in enumerate(streams):
        images = b""
        if pictures:
            picture = add(
                b"<< /Type /XObject /Subtype /Image /Width 1200 /Height 900 /ColorSpace "
                b"/DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\n"
                b"stream\n%s\nendstream" % (len(pictures[number]), pictures[number])
            )
            images = b" /XObject << /Im1 %d 0 R >>" % picture
            stream = b"q 451 0 0 338 72 300 cm /Im1 Do Q\n" + stream
        filters = b""
        if compress:
            stream, filters = zlib.compress(stream), b" /Filter /FlateDecode"
        content = add(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), filters, stream))
        annotations = [
            add(
                b"<< /Type /Annot /Subtype /Link /Rect [%.1f %.1f %.1f %.1f] /Border [0 0 0] "
                b"/A << /S /URI /URI (%s) >> >>" % (*area, _escaped(address))
            )
            for address, area in (links[number] if links else [])
        ]
        annots = b" /Annots [%s]" % b" ".join(b"%d 0 R" % n for n in annotations)
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                b"/Resources << /Font << /F1 %d 0 R /F2 %d 0 R /F3 %d 0 R >>%s >>%s >>"
                % (
                    pages_at,
                    _PAGE_WIDTH,
                    _PAGE_HEIGHT,
                    content,
                    regular,
                    bold,
                    typed,
                    images,
                    annots if annotations else b"",
                )
            )
        )
    objects[pages_at - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R /Lang (en-GB) >>" % pages_at)
    info_fields = [b"/Producer (reader demo)"]
    if title:
        info_fields.append(b"/Title (%s)" % _escaped(title))
    if author:
        info_fields.append(b"/Author (%s)" % _escaped(author))
    if created is not None:
        info_fields.append(b"/CreationDate (%s)" % _date(created).encode())
    info = add(b"<< %s >>" % b" ".join(info_fields))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        info,
        xref,
    )
    return bytes(out)


def _wrapped(text: str, size: float, width: float) -> list[str]:
    most = max(int(width / (size * _AVERAGE_WIDTH)), 10)
    lines: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > most:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    return [*lines, line] if line else lines


def report_pdf(
    title: str,
    blocks: list[tuple[str, str]],
    author: str = "",
    created: datetime | None = None,
    running_head: str = "",
    picture_bytes: int = 0,
) -> bytes:
    """A report set on A4 pages: its title large on the first, then `blocks`, each ("p",
    text), ("h", heading) or ("li", list item), wrapped to the column; every page with
    `running_head` at its top (from the second) and its number at its foot. With
    `picture_bytes`, each page carries a photograph of about that many bytes (JPEG's, which
    do not compress: a council's report of photographs of the site is 10 to 60 MB)."""
    pages: list[list[Placed]] = [[]]
    y = _TOP

    def place(text: str, x: float, size: float, bold: bool = False, before: float = 0) -> None:
        nonlocal y
        y -= before
        if y < _BOTTOM:
            pages.append([])
            y = _TOP
        pages[-1].append(Placed(text, x, y, size, bold))
        y -= size * 1.3

    place(title, _LEFT, 22, bold=True)
    y -= 12
    for kind, text in blocks:
        if kind == "h":
            place(text, _LEFT, 15, bold=True, before=10)
            y -= 2
        elif kind == "li":
            for at, line in enumerate(_wrapped(text, 11, _COLUMN - 18)):
                place(("\u2022 " if at == 0 else "") + line, _LEFT + (0 if at == 0 else 9), 11)
        else:
            for line in _wrapped(text, 11, _COLUMN):
                place(line, _LEFT, 11)
            y -= 8  # the space between paragraphs
    for number, lines in enumerate(pages, 1):
        lines.append(Placed(str(number), _PAGE_WIDTH / 2, 50, 9))
        if running_head and number > 1:
            lines.insert(0, Placed(running_head, _LEFT, 805, 9))
    pictures = None
    if picture_bytes:
        noise = random.Random(len(pages))
        pictures = [b"\xff\xd8\xff\xe0" + noise.randbytes(picture_bytes) for _ in pages]
    return pdf_of_lines(pages, title=title, author=author, created=created, pictures=pictures)
