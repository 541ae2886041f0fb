"""A PDF (a report, a court filing, a press release sent as a file) as an article: its text laid
out again as headings, paragraphs and lists from where each line stands on its page.

A PDF holds no paragraphs, only pieces of text placed on pages. `pypdf` gives each piece with
its position and font size; the article is read from their shape:
- pieces on one baseline, one after the other, are a line;
- a paragraph ends where the next line stands further below than lines do within one, where
  the text's size changes, or where a line ending a sentence falls short of the column;
- a line in a larger size than the body's (or all in bold) that is short is a heading;
- a line opening with a bullet or a number is a list item, the lines indented under it its own;
- a word hyphenated at a line's end is whole again ("manip-" "ulation");
- a page's running head and foot (the same line, page numbers aside, on most pages, among its
  lines first or last in the file or highest or lowest on the page) and its page number are
  not text;
- a paragraph running over a page or a column goes on;
- short lines set on no one edge or centre (a judgment's heading: citation flush right, court
  on the left, judge centred) are blocks apart, short lines set in from the margin (counsel,
  centred one a line) a paragraph of lines, a line of dashes no text;
- a court filing's caption's sides (`pdf_captions`) and a list's entries set in columns
  (`pdf_lines.in_bands`) are blocks of their own.
The file's own Title, Author, dates and language come first; else its first page's largest line
is the title.

Hostile files: `pypdf`'s inflation limits are set far below its 75 MB defaults, the pages read
are counted, and the caller runs this in a worker under the page's time limit, as any page.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
import statistics
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from ..extractor_version import EXTRACTOR
from ..models import Article, Block, BlockKind, ErrorKind, FetchError, Inline, words_of
from ..safe import safe_line, safe_text
from ..sniff import PDF_LOCKED, PDF_UNREADABLE, PDF_WITHOUT_TEXT
from .pdf_alignment import FLANKED, RULE, aligned_apart, set_as_lines
from .pdf_hyphens import Vocabulary
from .pdf_lines import Line, Pieces
from .pdf_links import PageLink, linked_inlines, listed_links, page_links
from .pdf_rows import cell_text, page_rows, tables
from .plain_text import linked_text

MAX_PDF_PAGES = 1500
"""The most pages of one PDF read: a long report's; a file of more is read to here and said cut."""
_READING_TIME = 15.0
"""CPU seconds a PDF's pages are read for, well inside a page's time limit (30 s): a long
report's first pages are the article rather than nothing."""
_INFLATED_MAX = 40 * 1024 * 1024
"""The most one stream of a PDF is inflated to (pypdf's limits default to 75 MB each)."""

_BULLET = re.compile(r"^\s*(?:[•◦▪▫●○■□‣⁃∙·\-–—*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_SENTENCE_END = re.compile(r"[.!?:;…][\"'”’)\]]*$")
_PAGE_NUMBER = re.compile(
    r"^\W*(?:(?:page|p\.|seite|página|pagina)\s*)?(?:\d{1,4}|[ivxlc]{1,6})"
    r"(?:\s*(?:of|/|von|de|di)\s*\d{1,4})?\W*$",
    re.I,
)
_CONTENTS_LINE = re.compile(r"(?:\s?\.){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})$", re.I)
"""A table of contents' entry: its title, dots leading to a page number."""
_CONTENTS = re.compile(
    r"^(?:(?:table of )?contents|inhalt(?:sverzeichnis)?|sommaire|table des matières|índice"
    r"|indice)$",
    re.I,
)
"""A table of contents' heading, alone on its line."""
_HYPHENATED = re.compile(r"[^\W\d_]{2}-$")
_POOR_TITLE = re.compile(
    r"^(?:untitled|microsoft (?:word|powerpoint) - .*|.*\.(?:docx?|pdf|indd|pptx?|odt|tex)|"
    r"slide \d+|document\d*|\W*)$",
    re.I,
)


_PLACEHOLDER_AUTHORS = frozenset(
    [
        *("", "user", "admin", "administrator", "owner", "unknown", "anonymous", "author"),
        *("none", "default", "n/a", "windows user", "microsoft office user"),
    ]
)
"""What a PDF's tool writes as Author when no one set one: reportlab's "anonymous" and
"(anonymous)", Word's "Windows User" and "Microsoft Office User", the account's "Administrator"
(acc35b F18: "anonymous" was cited as the author). Compared without brackets and case."""


def placeholder_author(name: str) -> bool:
    """`name` is a tool's placeholder for no author (`_PLACEHOLDER_AUTHORS`), or none."""
    return name.strip("()[]<> ").casefold() in _PLACEHOLDER_AUTHORS


def pdf_article(body: bytes, url: str = "") -> Article:
    """The article of the PDF `body`; FetchError(NOT_HTML) for one that can't be read, is
    locked, or holds no text (pictures of pages)."""
    from pypdf import apply_configuration

    # pypdf logs what it mends in a damaged file ("EOF marker not found") to stderr, over the
    # command's output and the reader's screen.
    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    with apply_configuration(**_LIMITS):
        reader = _opened(body, url)
        lines, links, cut, pictured = _read_pages(reader, url)
    declared = _declared(reader)
    # The body's size, measured once over every line: the running heads and page numbers left
    # out are too few to change it (the same on every PDF the tests and the demo read).
    body = _body_size([line for page in lines for line in page])
    kept = _without_running_lines(lines, body, pictured)
    shown_title, blocks = _blocks(kept, declared[0], body)
    blocks += listed_links(links, blocks)
    if not words_of(tuple(blocks)):
        raise _refused(url, PDF_WITHOUT_TEXT)
    title, author, published, updated, language = declared
    return Article(
        url,
        title=title or shown_title,
        author=author,
        published=published,
        updated=updated,
        language=language,
        blocks=tuple(blocks),
        incomplete=cut,
        incomplete_for_good=bool(cut),
        fetched_at=datetime.now(UTC),
        extractor=EXTRACTOR,
        document=True,
    )


_LIMITS: dict[str, Any] = {
    **dict.fromkeys(
        (
            "maximum_declared_stream_length",
            "array_based_stream_maximum_output_length",
            "jbig2_maximum_output_length",
            "lzw_maximum_output_length",
            "run_length_maximum_output_length",
            "zlib_maximum_output_length",
            "brotli_maximum_output_length",
            "image_maximum_buffer_size",
        ),
        _INFLATED_MAX,
    ),
    "jbig2dec_binary": None,  # never a program of the system's run on a page's bytes
}
"""pypdf's limits while a PDF is read: its inflation limits well under its 75 MB defaults."""


def _opened(body: bytes, url: str) -> Any:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BufferedReader(io.BytesIO(body)), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _refused(url, PDF_LOCKED)
        _ = reader.pages[0]  # a file with no page tree fails here, not later
    except FetchError:
        raise
    except Exception as error:  # pypdf raises many kinds on a damaged or hostile file
        raise _unreadable(url, error) from error
    return reader


def _read_pages(reader: Any, url: str) -> tuple[list[list[Line]], list[PageLink], str, int]:
    """Each page's lines, the links the pages carry (`pdf_links`), why pages were left
    unread ("" when none were): past `MAX_PDF_PAGES`, past `_READING_TIME`, or past a damaged
    page (those before it are read); and how many of the pages read draw a picture."""
    pages: list[list[Line]] = []
    links: list[PageLink] = []
    began = time.process_time()
    kept = pictured = 0
    try:
        count = len(reader.pages)
        for number, page in enumerate(reader.pages):
            if number >= MAX_PDF_PAGES or time.process_time() - began > _READING_TIME:
                return pages, links, f"only its first {number} of {count} pages are read", pictured
            pictured += _draws_picture(page)
            pieces = Pieces(number, page_links(page, url))
            links += pieces.links
            page.extract_text(visitor_text=pieces.add)
            pages.append(page_rows(pieces.finished()))
            kept = _pictures_let_go(reader, kept)
    except Exception as error:
        if not any(pages):
            raise _unreadable(url, error) from error
        why = safe_line(str(error), 60) or type(error).__name__
        cut = f"only its first {len(pages)} pages are read (the next is damaged: {why})"
        return pages, links, cut, pictured
    return pages, links, "", pictured


def _draws_picture(page: Any) -> bool:
    """Whether the page's resources hold a picture (an image XObject: a scan's page is one);
    its bytes are not decoded."""
    try:
        resources = page.get("/Resources")
        objects = resources.get_object().get("/XObject") if resources is not None else None
        objects = objects.get_object() if objects is not None else {}
        return any(objects[name].get_object().get("/Subtype") == "/Image" for name in objects)
    except Exception:  # a hostile resource dictionary: no picture told
        return False


def _pictures_let_go(reader: Any, since: int) -> int:
    """The pictures a page's text led pypdf to (their bytes read, never decoded: an image
    XObject is looked at only to see it is no form) let go of, of the objects it resolved
    since the first `since` it keeps; how many it keeps now. Kept, a 50 MB report's
    photographs were all held at once, beside the file itself."""
    from pypdf.generic import StreamObject

    resolved = getattr(reader, "resolved_objects", None)
    if not isinstance(resolved, dict):
        return 0
    for key, value in list(itertools.islice(resolved.items(), since, None)):
        if isinstance(value, StreamObject) and value.get("/Subtype") == "/Image":
            del resolved[key]
    return len(resolved)


def _unreadable(url: str, error: Exception) -> FetchError:
    """A PDF pypdf can't read (damaged, cut short, hostile): named as any file a link leads to
    is, its parser's words left out (they speak of xref tables and streams)."""
    return _refused(url, PDF_UNREADABLE)


def _refused(url: str, what: str) -> FetchError:
    """The PDF at `url` is no article: said as a fetch says it of any file, the link to open in
    a browser named only where there is one (not for a file `reader extract` was given)."""
    hint = "; open the original link in a browser" if url.startswith(("http:", "https:")) else ""
    return FetchError(ErrorKind.NOT_HTML, f"not an article page ({what}){hint}", url)


def _declared(reader: Any) -> tuple[str, str, datetime | None, datetime | None, str]:
    """What the file says of itself: title, author, created and modified, language."""
    title = author = language = ""
    published = updated = None
    try:
        info = reader.metadata
        if info is not None:
            title = safe_line(info.title or "", 300)
            author = safe_line(info.author or "", 200)
            published = _utc(info.creation_date)
            updated = _utc(info.modification_date)
    except Exception:  # a damaged Info dictionary or date: the text's own are read
        pass
    try:
        lang = reader.trailer["/Root"].get_object().get("/Lang", "")
        lang = lang.get_object() if hasattr(lang, "get_object") else lang  # an indirect one
        language = safe_line(str(lang), 20) if isinstance(lang, str) else ""
    except Exception:  # a damaged catalog: no language said
        language = ""
    if _POOR_TITLE.match(title):
        title = ""  # "Microsoft Word - draft3.docx", "untitled": a tool's, not the document's
    if placeholder_author(author):
        author = ""
    if updated is not None and published is not None and updated.date() <= published.date():
        updated = None
    return title, author, published, updated, language


def _utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if not 1990 <= value.year <= datetime.now(UTC).year + 1:
        return None
    return value.astimezone(UTC)


def _normal(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


_EDGE_LINES = 3
"""Lines at a page's top and at its bottom a running head or foot may be among."""


def _without_running_lines(pages: list[list[Line]], body: float, pictured: int = 0) -> list[Line]:
    """Every page's lines, in order, without its running head and foot (a line the same, its
    numbers aside, at the top or bottom of at least 40% of the pages, three at least) and its
    page number; `body` is the size of the body's text, `pictured` how many pages draw a
    picture."""
    edges: Counter[str] = Counter()
    at_edges = [_at_edge(lines) for lines in pages]
    for lines, at_edge in zip(pages, at_edges, strict=True):
        edges.update({_normal(lines[at].text) for at in at_edge})
    least = max(3, round(0.4 * len(pages)))
    running = {text for text, count in edges.items() if count >= least}
    if len(pages) == 2:
        # Two pages: a line smaller than the body's at the edge of both (a filing's footer).
        running |= {
            _normal(pages[0][at].text)
            for at in at_edges[0]
            if edges[_normal(pages[0][at].text)] == 2 and pages[0][at].size < body - 0.5
        }
    if kept := _kept_lines(pages, body, running):
        return kept
    if pictured == len(pages) and all(len(lines) <= _STAMP_LINES for lines in pages):
        # Pictures of pages, each stamped with a line or two (a court's e-filing header,
        # "Case 1:26-cv-01234 Document 12 Filed 12/03/26 Page 3 of 30"): a scan, no text.
        return []
    # Lines that are the same on every page but for a number, and nothing else (a register of
    # 3,000 pages, one entry a page): the text, not its running heads.
    return _kept_lines(pages, body, set())


_STAMP_LINES = 2
"""The most lines a scan's page may carry stamped over its picture (a court's e-filing header
and footer)."""


def _kept_lines(pages: list[list[Line]], body: float, running: set[str]) -> list[Line]:
    """The pages' lines but the `running` ones at a page's edges, page numbers and contents."""
    kept: list[Line] = []
    for lines in pages:
        if len(lines) > 1 and _alone_on_top(lines[0], lines[1], body):
            lines = lines[1:]
        at_edge = _at_edge(lines)
        for at, line in enumerate(lines):
            # A title page's big title is no running head, though the heads repeat it.
            running_line = _normal(line.text) in running and line.size <= body + 0.5
            if at in at_edge and (running_line or _PAGE_NUMBER.match(line.text)):
                continue
            if _CONTENTS_LINE.search(line.text):
                # A table of contents' line: its page numbers mean nothing here, nor its
                # heading without it.
                if kept and _CONTENTS.match(kept[-1].text):
                    kept.pop()
                continue
            kept.append(line)
    return kept


def _at_edge(lines: list[Line]) -> set[int]:
    """Which of a page's lines a running head or foot may be: the first and last
    `_EDGE_LINES` the file gives, and those on its `_EDGE_LINES` highest and lowest
    baselines (a footer of four lines, an address beside "Page 3 of 12"; a footer the file
    gives before the page's text)."""
    at_edge = {*range(min(_EDGE_LINES, len(lines))), *range(len(lines))[-_EDGE_LINES:]}
    baselines = sorted({round(line.y) for line in lines})
    edge_baselines = {*baselines[:_EDGE_LINES], *baselines[-_EDGE_LINES:]}
    return at_edge | {at for at, line in enumerate(lines) if round(line.y) in edge_baselines}


def _alone_on_top(line: Line, below: Line, body: float) -> bool:
    """A page's first line is its running head, though no other page repeats it (a report of
    two pages): smaller than the body's text and set apart above it."""
    return line.page > 0 and line.size < body - 0.5 and line.y - below.y > body * 2.5


def _blocks(lines: list[Line], declared_title: str, body: float) -> tuple[str, list[Block]]:
    """The lines as blocks, each run of lines a paragraph, heading or list item; and the title
    the first page shows (its largest line, when it is larger than the body by far), taken
    out of them, also when the file declares that title."""
    if not lines:
        return "", []
    gap = _line_gap(lines, body)
    width = _column_chars(lines, body)
    lines = tables(lines, gap)
    words = Vocabulary(line.text for line in lines)
    runs: list[list[Line]] = [[lines[0]]]
    for before, line in itertools.pairwise(lines):
        if (
            before.table
            or line.table
            or _opens_note(before, line, body)
            or _breaks(before, line, runs[-1], body, gap, width)
        ):
            runs.append([line])
        else:
            runs[-1].append(line)
    title = ""
    first_page = [run for run in runs if run[0].page == lines[0].page]
    top = max(first_page, key=lambda run: run[0].size)
    if top[0].size >= body * 1.3 and len(top) <= 3:
        shown = _joined([line.text for line in top])
        if not declared_title or shown.casefold() == declared_title.casefold():
            title = shown
            runs.remove(top)
    sizes = sorted({run[0].size for run in runs if run[0].size >= body * 1.15}, reverse=True)
    margin = Counter(round(line.x) for line in lines).most_common(1)[0][0]
    blocks = [
        block
        for above, run, below in zip([None, *runs], runs, [*runs[1:], None], strict=False)
        if (
            block := _block(
                run, body, sizes, words, width, margin, _in_text(above, run, below, gap)
            )
        )
        is not None
    ]
    return title, _listed(blocks)


_SECTION_NUMBER = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3})*\.?|[IVXLC]{1,6}\.|[A-Z]\.|\(\w{1,4}\))\s+\S"
)
"""A section head's number: "3.", "2.1", "IV.", "B.", "(a)"."""


def _in_text(
    above: list[Line] | None, run: list[Line], below: list[Line] | None, gap: float
) -> bool:
    """Whether the short run stands in the run of the text, emphasised, not as its heading: no
    wider space above it than between the text's lines, plain text above and under it (no
    rule, no bold line), no section number, and no capitals
    standing between a sentence's end and a sentence (a syllabus's "Held:", a party's name
    in bold, "whose kitchen…" going on under it)."""
    first = run[0]
    if above is None or below is None or _SECTION_NUMBER.match(first.text):
        return False
    last = above[-1]
    if last.page != first.page or first.y > last.y or last.y - first.y > gap * 1.4:
        return False  # a page's or column's first line, or one set apart by space
    if last.bold or below[0].bold or RULE.fullmatch(last.text) or FLANKED.fullmatch(last.text):
        return False  # among bold lines (a judgment's heading), under a rule or "- and -"
    text = " ".join(line.text for line in run)
    capitals = text.isupper() and sum(ch.isalpha() for ch in text) >= 3
    opening = below[0].text[:1]
    heads = bool(_SENTENCE_END.search(last.text)) and (opening.isupper() or opening.isdigit())
    return not (capitals and heads)


_NOTE_NUMBER = re.compile(r"\d{1,3}\s+\S")


def _opens_note(before: Line, line: Line, body: float) -> bool:
    """Whether `line` opens a footnote of its own: smaller than the body's text, opening with
    its number, under a line that ended a sentence (the notes at a page's foot, one a line)."""
    return (
        line.size < body - 0.5
        and bool(_NOTE_NUMBER.match(line.text))
        and bool(_SENTENCE_END.search(before.text))
    )


def _body_size(lines: list[Line]) -> float:
    """The size most of the text is set in, by its characters (0 for no text)."""
    counts: Counter[float] = Counter()
    for line in lines:
        counts[line.size] += len(line.text)
    return counts.most_common(1)[0][0] if counts else 0.0


def _line_gap(lines: list[Line], body: float) -> float:
    """How far below one line of the body the next stands, within a paragraph: the commonest."""
    drops = [
        round(before.y - line.y, 1)
        for before, line in itertools.pairwise(lines)
        if before.page == line.page
        and before.size == line.size == body
        and line.y < before.y
        # A caption's lines stand as its rows do, each side's its own: no paragraph's.
        and not (before.caption or line.caption)
    ]
    drops = [drop for drop in drops if drop < body * 3]
    return statistics.median_low(drops) if drops else body * 1.2


def _column_chars(lines: list[Line], body: float) -> int:
    """How many characters a full line of the body holds: the longest lines' length."""
    lengths = sorted(len(line.text) for line in lines if line.size == body)
    return lengths[int(len(lengths) * 0.9)] if lengths else 80


def _breaks(before: Line, line: Line, run: list[Line], body: float, gap: float, width: int) -> bool:
    """Whether `line` begins a block of its own after `before`, the last of `run`."""
    if abs(line.size - before.size) >= 1 or (line.bold != before.bold and len(run) == 1):
        return True
    ended = bool(_SENTENCE_END.search(before.text))
    if line.bold and not before.bold and ended and len(line.text) < width * 0.5:
        return True  # a bold short line after a sentence's end ("Held:") is none of it
    if RULE.fullmatch(line.text) or RULE.fullmatch(before.text):
        return True
    if line.entry or before.entry:
        return True  # a list set in columns: one name, one entry
    if line.caption != before.caption or line.caption == "right":
        return True  # a caption's sides apart, its case number apart from the document's name
    if _BULLET.match(line.text):
        return True
    if _BULLET.match(run[0].text) and line.x <= run[0].x + 1:
        return True  # under a list item, flush with its bullet: the list has ended
    if line.page != before.page or line.y > before.y + 1:
        # A new page or column: the paragraph goes on unless the last line ended it short.
        return ended and len(before.text) < width * 0.8
    if before.y - line.y > gap * 1.4 or aligned_apart(before, line, body, width):
        return True
    if ended and len(before.text) < width * 0.8 and len(run) > 1:
        return True  # a paragraph's short last line, the next set flush under it
    # An indented first line, under a full one that ended a sentence.
    return ended and line.x > run[0].x + body and len(run) > 1


def _block(
    run: list[Line],
    body: float,
    sizes: list[float],
    words: Vocabulary,
    width: int,
    margin: float,
    in_text: bool = False,
) -> Block | None:
    text = _joined([line.text for line in run], words)
    if not text or RULE.fullmatch(text):
        return None
    marks = [mark for line in run for mark in line.links]
    if run[0].table:
        return _table_row(run[0], marks)
    size = run[0].size
    short = len(text) <= 200 and len(run) <= 3 and not text.endswith((".", ","))
    if short and size >= body * 1.15:
        level = min(2 + sizes.index(size), 6) if size in sizes else 3
        return Block(BlockKind.HEADING, linked_inlines(text, marks, _unlinked), level=level)
    if (
        short
        and run[0].bold
        and all(line.bold for line in run)
        and size >= body - 0.5
        and not (in_text and abs(size - body) < 0.5)
    ):
        level = min(2 + len(sizes), 6)
        return Block(BlockKind.HEADING, linked_inlines(text, marks, _unlinked), level=level)
    # A caption's "v." is no item, nor "- and -" between a judgment's parties.
    if (match := _BULLET.match(text)) and not (run[0].caption or FLANKED.fullmatch(text)):
        item = linked_inlines(text[match.end() :], marks, linked_text)
        ordinal, numbering = _item_number(match.group())
        return Block(BlockKind.LIST_ITEM, item, level=1, ordinal=ordinal, numbering=numbering)
    if set_as_lines(run, body, width, margin):
        text = "\n".join(_joined([line.text]) for line in run)
    return Block(BlockKind.PARAGRAPH, linked_inlines(text, marks, linked_text))


def _item_number(mark: str) -> tuple[int, str]:
    """A list item's number and numbering by its mark: (3, "") for "3." or "(3)", (2, "a")
    for "b)"; (0, "") for a bullet."""
    mark = mark.strip(" ().")
    if mark.isdigit():
        return int(mark), ""
    if len(mark) == 1 and "a" <= mark <= "z":
        return ord(mark) - ord("a") + 1, "a"
    return 0, ""


def _table_row(line: Line, marks: list[tuple[str, str]]) -> Block:
    """A row of a table the page sets in columns: its cells apart, dot leaders left out."""
    cells = tuple(linked_inlines(cell_text(text), marks, linked_text) for _, text in line.cells)
    return Block(BlockKind.TABLE_ROW, (), 1, line.table, cells, line.header)


def _unlinked(text: str) -> tuple[Inline, ...]:
    return (Inline(text),)


def _joined(lines: list[str], words: Vocabulary | None = None) -> str:
    """One block's lines as its text: a word hyphenated at a line's end whole again, a
    compound's hyphen kept (`pdf_hyphens`: by the document's `words`)."""
    text = ""
    for line in lines:
        if not text:
            text = line
        elif _HYPHENATED.search(text):
            text = (words or Vocabulary(())).joined(text, line)
        else:
            text += " " + line
    return safe_text(text).strip()


def _listed(blocks: list[Block]) -> list[Block]:
    """List items with the first of each run marked as starting its list."""
    out = []
    for at, block in enumerate(blocks):
        if block.kind is BlockKind.LIST_ITEM and (
            at == 0 or blocks[at - 1].kind is not BlockKind.LIST_ITEM
        ):
            block = replace(block, starts_list=True)
        out.append(block)
    return out
