"""HTML's named character references in a feed ("&eacute;", "&mdash;", "&nbsp;"), written as
the numbered ones XML reads. RSS 0.91 feeds declare them by Netscape's DTD, which no reader
fetches (and `feeds.without_dtd` removes every DOCTYPE); many RSS 2.0 feeds use them with no
declaration at all. XML's parser stops at the first one: feedparser then reads the feed again
with its lenient parser, which reads them right but marks the feed as broken, so every such
healthy feed was said to have "XML errors" (acc40b P6), and the second reading doubles the
parse."""

from __future__ import annotations

import re
from html.entities import html5

# A comment or a CDATA section, whose "&eacute;" is text as written, or a named reference.
# One never closed runs to the end, as XML reads it: tried for its end again at each of many
# openers, a feed of "<!--" repeated took time quadratic in its length (64 KB: 8 s).
_PIECE = re.compile(
    r"(<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z))|&([A-Za-z][A-Za-z0-9]{1,31});", re.DOTALL
)
# XML's own five, read by any parser.
_XML_NAMES = frozenset({"amp", "lt", "gt", "quot", "apos"})
_NAMED = re.compile(r"&(?!(?:amp|lt|gt|quot|apos);)[A-Za-z][A-Za-z0-9]{1,31};")


def numbered_references(text: str) -> str:
    """`text` with each HTML named reference outside comments and CDATA sections written as
    the numbered references of its characters; XML's own five, and names HTML doesn't know
    (a feed's own entity, left for the parser to refuse), as they were."""
    if _NAMED.search(text) is None:
        return text
    return _PIECE.sub(_numbered, text)


def _numbered(match: re.Match[str]) -> str:
    name = match[2]
    if name is None or name in _XML_NAMES:
        return match[0]
    characters = html5.get(f"{name};")
    if characters is None:
        return match[0]
    return "".join(f"&#{ord(character)};" for character in characters)
