"""A plain-text page (a press release, a transcript, a mailing-list post served as text/plain)
as an article: its paragraphs, hard-wrapped lines joined again, laid-out text kept as it is.

There is no page around the text to strip: the text is the article. What is read is its shape:
- paragraphs are parted by blank lines;
- a paragraph wrapped by hand (lines of about one length, as mail and RFC-like texts are
  wrapped at ~72 columns) is one paragraph again, its lines joined: the reading view wraps it
  to its own column;
- a paragraph of short lines (an address, a list of sailings, verse) keeps its line breaks;
- lines laid out with spaces (indented, columns, a table drawn in ASCII) are kept as they are;
- lines quoted with "> " are a quote, lines opening with "- ", "* " or "• " list items;
- addresses written in the text are links;
- a line near the top that is only a date is the text's date of publication.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..models import Article, Block, BlockKind, Inline
from ..safe import safe_text
from ..text_shape import PARAGRAPH_BREAK, joined_lines
from .written_dates import date_alone

_LAID_OUT = re.compile(r"^(?:\t| {2,})\S|\S {3,}\S|^[+|][-=+|]{3,}|[─│┌┐└┘├┤┬┴┼]")
"""A line set out with spaces: indented, in columns, or a table drawn with + - | or box lines."""
_BULLET = re.compile(r"^[-*•]\s+")
_UNDERLINE = re.compile(r"^(?:={3,}|-{3,})\s*$")
_QUOTED = re.compile(r"^>\s?")
_ADDRESS = re.compile(r"\bhttps?://[^\s<>\"]+")
_ADDRESS_END = ".,;:!?)]}'"
"""Punctuation after an address in a sentence, not of it."""


def text_article(text: str, url: str) -> Article:
    """The article a plain-text page holds (untrusted text: escapes and controls go), titled
    by its first underlined heading, else by a short first line (see `_title`)."""
    text = safe_text(text).removeprefix("\ufeff").expandtabs(8)
    chunks = [chunk.strip("\n") for chunk in PARAGRAPH_BREAK.split(text)]
    chunks = [chunk for chunk in chunks if chunk.strip()]
    lines = [line.rstrip() for chunk in chunks for line in chunk.split("\n")]
    margin = max((len(line) for line in lines), default=0)
    blocks: list[Block] = []
    for chunk in chunks:
        blocks += _blocks([line.rstrip() for line in chunk.split("\n")], margin)
    title, blocks = _title(blocks)
    published, updated = _dateline(lines)
    return Article(url, title=title, published=published, updated=updated, blocks=tuple(blocks))


_DATELINE_SEARCHED = 6
"""Lines of a text's top its dateline may stand on (under a heading, a sender's name)."""


def _dateline(lines: list[str]) -> tuple[datetime | None, datetime | None]:
    """The dates on the first line near the text's top that is only a date ("5 March 2024"
    under a press release's heading); none when no line is. A date inside a sentence may be
    any event's."""
    for line in [line for line in lines if line.strip()][:_DATELINE_SEARCHED]:
        dates = date_alone(line)
        if dates is not None and any(dates):
            return dates
    return None, None


_TITLE_SEARCHED = 3
"""Blocks an underlined title may come after (a "FOR IMMEDIATE RELEASE" line, a dateline)."""
_LONGEST_TITLE = 120


def _title(blocks: list[Block]) -> tuple[str, list[Block]]:
    """The text's title, and its blocks without it: its first heading when one of the first
    few blocks is underlined as one, else its first line when that stands alone, short, above
    more text ("" when neither)."""
    for at, block in enumerate(blocks[:_TITLE_SEARCHED]):
        if block.kind is BlockKind.HEADING:
            return block.text, blocks[:at] + blocks[at + 1 :]
    first = blocks[0].text if blocks else ""
    if (
        len(blocks) > 1
        and blocks[0].kind is BlockKind.PARAGRAPH
        and "\n" not in first
        and len(first) <= _LONGEST_TITLE
        and not first.isupper()  # "FOR IMMEDIATE RELEASE", "TRANSCRIPT"
        and not first.endswith((".", ":", ","))
    ):
        return first, blocks[1:]
    return "", blocks


def _blocks(lines: list[str], margin: int) -> list[Block]:
    if len(lines) > 1 and _UNDERLINE.match(lines[1]):
        # A heading underlined as Markdown and many plain texts do: "=" above "-".
        level = 1 if lines[1].startswith("=") else 2
        heading = Block(BlockKind.HEADING, (Inline(lines[0].strip()),), level=level)
        return [heading, *(_blocks(lines[2:], margin) if lines[2:] else [])]
    if _BULLET.match(lines[0]) and all(
        _BULLET.match(line) or line.startswith(" ") for line in lines
    ):
        return _list_items(lines)
    if any(_LAID_OUT.search(line) for line in lines):
        return [Block(BlockKind.PREFORMATTED, (Inline("\n".join(lines)),))]
    if all(_QUOTED.match(line) for line in lines):
        quoted = [_QUOTED.sub("", line, count=1) for line in lines]
        return [Block(BlockKind.QUOTE, linked_text(joined_lines(quoted, margin)))]
    return [Block(BlockKind.PARAGRAPH, linked_text(joined_lines(lines, margin)))]


def _list_items(lines: list[str]) -> list[Block]:
    """Each bulleted line, and the indented lines under it (its own, wrapped), as one item."""
    items: list[list[str]] = []
    for line in lines:
        if _BULLET.match(line) or not items:
            items.append([_BULLET.sub("", line, count=1)])
        else:
            items[-1].append(line.strip())
    return [Block(BlockKind.LIST_ITEM, linked_text(" ".join(item)), level=1) for item in items]


def _unbracketed(address: str) -> str:
    """`address` cut at a "]" no "[" of it opened: "[link=http://evil]click[/link]" (a
    forum's markup, a PDF's text) links "http://evil", not a host "evil]click[" no browser
    reads (acc35b F12); an IPv6 host's brackets ("http://[::1]:8080/") are its own."""
    depth = 0
    for at, character in enumerate(address):
        if character == "[":
            depth += 1
        elif character == "]":
            if depth == 0:
                return address[:at]
            depth -= 1
    return address


def linked_text(text: str) -> tuple[Inline, ...]:
    """`text` with the addresses written in it as links."""
    inlines: list[Inline] = []
    at = 0
    for match in _ADDRESS.finditer(text):
        address = _unbracketed(match.group()).rstrip(_ADDRESS_END)
        if match.group().endswith(")") and "(" in address:
            address += ")"  # a Wikipedia-style address: its own closing parenthesis
        if match.start() > at:
            inlines.append(Inline(text[at : match.start()]))
        inlines.append(Inline(address, href=address))
        at = match.start() + len(address)
    if at < len(text):
        inlines.append(Inline(text[at:]))
    return tuple(inlines)
