"""How text is written in CommonMark so that a parser reads it back as written: the escapes of
the article's text and of the header's fields. `reader show --format markdown` is pasted into
notes and CMSes; what their parser reads there is what the article says.
"""

from __future__ import annotations

import re

from .url_display import unbroken_url

# Characters that mean something wherever they stand in a line ("~" is GitHub's strikethrough),
# and an "&" that begins a character reference: "&amp;" written on a page about HTML would be
# read as "&". ("#" opens a heading only at a line's start: "C#" and "No. #1 seed" need no
# backslash.)
_SPECIAL = re.compile(
    r"([\\`*_\[\]<>|~]|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};))"
)
# What makes a line a list item, a heading's underline or a rule only at the start of a line:
# "- " and "+ ", "1986. " and "3) " (up to nine digits), a line of "=" or "-" alone.
_LIST_MARK = re.compile(r"^([ \t]*)([-+])(?=[ \t]|$)", re.MULTILINE)
_NUMBER_MARK = re.compile(r"^([ \t]*\d{1,9})([.)])(?=[ \t]|$)", re.MULTILINE)
# In a link's address between "<" and ">": what a parser would unescape or end the address at.
_DESTINATION_SPECIAL = re.compile(
    r"([\\<>]|&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{1,31};))"
)
_BACKTICKS = re.compile(r"`+")
# A heading's underline ("===", "---"), or a rule of "-"s with spaces between ("-- -", which a
# page's "-- " before a "-" makes): "*" and "_" rules are escaped wherever they stand.
_UNDERLINE = re.compile(r"^([ \t]*)(?=(?:=+|-+|(?:-[ \t]*){3,})[ \t]*$)", re.MULTILINE)
_HEADING_MARK = re.compile(r"^([ \t]*)(?=#{1,6}(?:[ \t]|$))", re.MULTILINE)
# A heading's closing "#"s, which a parser drops: "Ranked #" would be cited as "Ranked".
_CLOSING_HASHES = re.compile(r"(?<=[ \t])(?=#+[ \t]*$)")


def escape_inline(text: str) -> str:
    """`text` read literally wherever it stands inside a line: no emphasis, link, code or HTML."""
    return _SPECIAL.sub(r"\\\1", text)


def escape_line_starts(markdown: str) -> str:
    """`markdown`'s lines kept lines of text: a line of text beginning "1986. That year" or
    "- " is no list item, "=====" under a line no heading's underline. The backslash goes
    before the punctuation: "\\1986." would be read as a backslash and a list."""
    markdown = _LIST_MARK.sub(r"\1\\\2", markdown)
    markdown = _NUMBER_MARK.sub(r"\1\\\2", markdown)
    markdown = _HEADING_MARK.sub(r"\1\\", markdown)
    return _UNDERLINE.sub(r"\1\\", markdown)


def heading_text(markdown: str) -> str:
    """A heading's Markdown with its last "#"s kept as text, not read as a closing sequence."""
    return _CLOSING_HASHES.sub(r"\\", markdown, count=1)


def escape_markdown(text: str) -> str:
    """`text` shown literally by a Markdown renderer (no emphasis, link, list or heading)."""
    return escape_line_starts(escape_inline(text))


def link_destination(url: str) -> str:
    """`url` as a link's address, `<…>`, read back as the same address: its "<", ">", "\\" and
    an "&amp;" in it escaped (a parser would end the address at the first, unescape the others),
    spaces percent-encoded so the address copies as one word."""
    escaped = _DESTINATION_SPECIAL.sub(r"\\\1", url).replace(" ", "%20")
    return f"<{escaped}>"


def autolink(url: str) -> str:
    """`url` as an address shown as itself, `<…>`: nothing is unescaped there, and a space, "<" or
    ">" would end it, so those are percent-encoded."""
    return f"<{unbroken_url(url)}>"


def _longest_backticks(text: str) -> int:
    return max((len(run) for run in _BACKTICKS.findall(text)), default=0)


def code_span(text: str) -> str:
    """`text` as inline code, its backticks kept: the span is opened and closed by more
    backticks than any run inside it, and padded with a space where the text begins or ends
    with one (the parser takes one space off each side)."""
    ticks = "`" * (_longest_backticks(text) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") or text[:1] == text[-1:] == " " else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def code_block(text: str) -> str:
    """`text` as a fenced code block whose fence is longer than any run of backticks in it."""
    fence = "`" * max(3, _longest_backticks(text) + 1)
    return f"{fence}\n{text}\n{fence}"
