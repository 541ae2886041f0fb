"""newsraft's items named by a hash of their text: how its database is read for them.

newsraft names an item by its GUID, else its link, else its title, else by a hash of its
content (its src/insert_feed/insert-item-data.c: `newsraft_simple_hash`, in src/string.c, of
the item's content as its `items.content` column keeps it): a micro-post with no title or link.
The reader names such an item by the start of its text (`feeds.parse_feed`), so the GUID
newsraft kept can't find it; its text can. A content as newsraft keeps it (src/string-serialize.c)
is a run of fields, each opened by its first character (ASCII 31): "^" begins a part (a
description, a content:encoded, an Atom summary), "type=" gives its type and "text=" its text.
"""

from __future__ import annotations

from .feed_summary import summary_line

_MASK = (1 << 64) - 1
_PRIME = 1099511628211
_BASIS = 14695981039346656037
TEXT_COMPARED = 500
"""Characters of an item's text (its words, one space apart) compared: a headline's record
holds only a long summary's start, and the feed's text may since have been cut (20,000)."""


def newsraft_hashes(content: bytes) -> set[str]:
    """The name `newsraft_simple_hash` gives an item whose content is `content` (its column's
    bytes), with C's `char` signed (x86, where newsraft mostly runs) and unsigned (ARM): they
    differ only where the text is not ASCII."""
    names = {_hash(content, signed=True)}
    if any(byte >= 0x80 for byte in content):
        names.add(_hash(content, signed=False))
    return names


def _hash(content: bytes, signed: bool) -> str:
    value = _BASIS
    for byte in content.split(b"\0", 1)[0]:  # a C string: up to its first NUL
        char = byte - 256 if signed and byte >= 0x80 else byte
        value = ((value ^ (char & _MASK)) * _PRIME) & _MASK
    out = []
    for _ in range(64):
        out.append(chr(32 + value % 95))
        value = ((value ^ (((value << 39) & _MASK) | (value >> 25))) * _PRIME) & _MASK
    return "".join(out)


def content_texts(content: bytes) -> set[str]:
    """The texts of the parts of an item's content as newsraft keeps it, each as `item_text`
    makes it."""
    text = content.decode("utf-8", errors="replace")
    if not text:
        return set()
    found: set[str] = set()
    kind = ""
    for field in text[1:].split(text[0]):
        if field == "^":
            kind = ""
        elif field.startswith("type="):
            kind = field.removeprefix("type=")
        elif field.startswith("text="):
            found.add(item_text(field.removeprefix("text="), plain=kind == "text/plain"))
    found.discard("")
    return found


def item_text(text: str, plain: bool = False) -> str:
    """An item's text compared across readers: its words (tags and entities read as a
    headline's summary line reads them, `plain` text as it is), one space apart, the first
    `TEXT_COMPARED` characters."""
    words = text if plain else summary_line(text)
    return " ".join(words.split())[:TEXT_COMPARED]
