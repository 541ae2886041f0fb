"""A live blog's entry headings as the extractor writes them (`extract.live_blog`): the entry's
time, then its own heading ("11:33 · Update 38: Fenwick on east quay", "2026-12-07 11:35 · …",
"23.48 GMT"). What tells one from any other heading, for a diff naming a changed paragraph by
its entry (`copy_changes`) and a search hit naming the entry its match is in (`full_text`)."""

from __future__ import annotations

import re

_TIMED = re.compile(r"\d{1,4}[-:.]\d{2}")
"""How a live blog's entry heading starts: its time."""
ENTRY_HEADING_CHARS = 80
"""An entry heading naming a change, or a search hit's entry, is cut to this many characters."""


def is_entry_heading(text: str) -> bool:
    """Whether the heading `text` starts with a time, as a live blog's entry heading does."""
    return _TIMED.match(text) is not None
