"""The links in a table's cells: marked on the cells' spans when the table is built, found
again on each line once its cells are wrapped and set side by side.
"""

from __future__ import annotations

from itertools import count

from rich.style import Style
from rich.text import Text

from .paragraph import Links, Paragraph

# A table's cells are wrapped each in its column and set side by side: their links are found
# again, line by line, by this mark on their spans (which wrapping keeps, and nothing draws).
_LINK_META = "reader-link"


# Each link of a table is numbered apart, so its pieces on the lines it is wrapped onto are
# known for one link.
_LINK_KEYS = count()


def _linked(text: Text, links: Links) -> Text:
    for start, end, href in links:
        text.stylize(Style(meta={_LINK_META: (next(_LINK_KEYS), href)}), start, end)
    return text


def _line_links(line: Text, shift: int) -> tuple[Links, tuple[int, ...]]:
    """The links marked by `_linked` on a laid-out line, as (start, end, address) in the line
    drawn behind a prefix of `shift` characters, and the key of each."""
    found: list[tuple[int, int, str]] = []
    keys: list[int] = []
    for span in sorted(line.spans, key=lambda span: span.start):
        style = span.style
        mark = style.meta.get(_LINK_META) if isinstance(style, Style) else None
        if not mark or not line.plain[span.start : span.end].strip():
            continue
        key, href = mark
        start, end = span.start + shift, span.end + shift
        if found and keys[-1] == key and found[-1][1] >= start:
            found[-1] = (found[-1][0], max(end, found[-1][1]), href)
        else:
            found.append((start, end, href))
            keys.append(key)
    return tuple(found), tuple(keys)


def has_links(paragraph: Paragraph) -> bool:
    """`paragraph` has a link, as its runs will once it is laid out: told without laying it out."""
    if paragraph.table is None:
        return bool(paragraph.links)
    return any(
        isinstance(span.style, Style) and span.style.meta.get(_LINK_META)
        for row in paragraph.table.rows
        for cell in row
        for span in cell.spans
    )
