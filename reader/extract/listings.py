"""Code listings as one code block each, without their line numbers.

Highlighters lay code out for the eye: Pygments puts the line numbers in a table column of
their own (copied with the code, they break it), GitHub's embedded gists and highlight.js's
line-number plug-in put each line in a table row. Read as they come, the numbers became a code
block of their own ("1 2 3 4") and a gist's lines became paragraphs, their indentation lost.
Here a listing becomes the `<pre>` its author wrote.
"""

from __future__ import annotations

from lxml.html import HtmlElement

from .block_elements import pre_text
from .furniture import class_names, drop, replace

# Classes of line numbers: Pygments's column and inline numbers, Hexo's and Jekyll's column,
# GitHub's and highlight.js's cells. Only in a listing: "gutter" is also a layout's spacing.
_GUTTERS = frozenset(
    {"linenos", "linenodiv", "lineno", "gutter", "blob-num", "hljs-ln-numbers", "line-number"}
)
# Classes of the cells that hold a listing's code.
_CODE_CELLS = frozenset({"code", "blob-code", "blob-code-inner", "hljs-ln-code"})


def _cells(row: HtmlElement) -> list[HtmlElement]:
    return [c for c in row if c.tag in ("td", "th")]


def _code(cell: HtmlElement) -> str | None:
    """The code a table cell holds, or None when it holds something else: a `<pre>` and
    nothing more (Pygments), or a line of a listing (GitHub, highlight.js)."""
    pre = cell.find(".//pre")
    if pre is not None:
        # A page laid out in one cell holds a listing among its paragraphs: not a listing.
        text = pre_text(pre)
        return text.rstrip("\n") if text.strip() == cell.text_content().strip() else None
    return cell.text_content() if class_names(cell) & _CODE_CELLS else None


def _listing_lines(table: HtmlElement) -> list[str] | None:
    """The lines of code a table lays out, or None when it is not a listing: each row one
    code cell, besides its line number."""
    lines: list[str] = []
    rows = table.xpath("./tr | ./tbody/tr | ./thead/tr")
    for row in rows:
        cells = [c for c in _cells(row) if not class_names(c) & _GUTTERS]
        code = _code(cells[0]) if len(cells) == 1 else None
        if code is None:
            return None
        lines.append(code)
    return lines if rows else None


def mark_listings(doc: HtmlElement) -> None:
    """Drop the line numbers of code listings and make each listing laid out as a table one
    `<pre>`."""
    for pre in list(doc.iter("pre")):
        for number in [el for el in pre.iter() if class_names(el) & _GUTTERS]:
            drop(number)
    for table in list(doc.iter("table")):
        lines = _listing_lines(table)
        if lines is not None:
            pre = table.makeelement("pre", {})
            pre.text = "\n".join(lines)
            replace(table, pre)
