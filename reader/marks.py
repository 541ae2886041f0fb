"""The marks a headline carries in a list, the reader's and `reader list`'s alike: one place,
so the two never say different things (the CLI doesn't import the UI, for its start-up)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reports import Headline


def on_linux_console() -> bool:
    """Whether the terminal is the Linux console (TERM=linux): its fonts (console-setup's
    Lat15, Uni2, Uni3 and Terminus ones) hold a few hundred glyphs, not ↗ ★ ✓ Δ ⏎ ▌ ↪ nor the
    scroll bars' ▁▄▅▇, which it shows as its one replacement glyph: saved, archived and audio
    headlines looked alike (acc35a E13, from the fonts' Unicode tables)."""
    return os.environ.get("TERM") == "linux"


LINUX_CONSOLE = on_linux_console()
"""Read once, as the marks below are."""


def _mark(drawn: str, console: str) -> str:
    """`drawn`, or on the Linux console `console`: a mark in every one of its fonts (ASCII,
    Latin-1, or one of the few others they all have: → • ■ ●)."""
    return console if LINUX_CONSOLE else drawn


UNREAD_MARK = "●"
OFFLINE_MARK = "↓"
PARTIAL_MARK = "½"
"""Cached, but only part of the article: the feed's text stands in, or the page gave part."""
NOT_ARTICLE_MARK = _mark("↗", "→")
"""No article page to cache (a PDF, an image, audio): the link opens in a browser or player."""
UPDATED_MARK = _mark("Δ", "~")
"""Cached, and changed since last read: a sync found a new text (a correction); the copy
read before is kept as an earlier version."""
SAVED_MARK = _mark("★", "*")
ARCHIVED_MARK = _mark("✓", "+")
"""Saved, and archived: done with, kept (wallabag's and Pocket's archive), in the saved
mark's place."""
QUOTE_BAR = _mark("▌", "|")
"""Down the left of a quotation in the reading view (`QUOTE_BAR_RIGHT` of one set right to
left)."""
QUOTE_BAR_RIGHT = _mark("▐", "|")
FOLD_MARK = _mark("↪", "»")
"""Before the rest of a line of code folded at the column's edge, as editors mark it."""
PICTURE_MARK = _mark("▣", "■")
"""Before a picture's label in the reading view."""
KEPT_PICTURE = _mark("✓ kept", "(kept)")
"""After the label of a picture kept for reading offline (`reader.pictures`): `o` on it opens
the copy kept."""
NOTE_MARK = _mark("✎", "»")
"""Before a note of the reader's in the reading view: not the article's words."""
ENTER_KEY = _mark("⏎", "Enter")
"""The Enter key as the key bar names it (Textual's ⏎)."""
TAKEN_DOWN_MARK = "⊘"
"""Cached, and its page since taken down (404, 410): the copy is all that is left of it."""
TAKEN_DOWN = "taken down"
"""The word for a story whose page its site has since taken down (404, 410): `reader list`
ends a cached one's line with it, the article's header note says it (`citation.gone_note`)."""


def saved_mark(headline: Headline) -> str:
    """What the saved column shows of a headline: archived, saved, or neither (a space)."""
    if not headline.saved:
        return " "
    return ARCHIVED_MARK if headline.archived else SAVED_MARK


def offline_mark(headline: Headline) -> str:
    """What the offline column shows of a headline: all of its article cached, part, none,
    changed since it was read (cached too: the change is the news), or that its link is no
    article page (so "not synced yet" is never what a PDF seems)."""
    if not headline.cached:
        return NOT_ARTICLE_MARK if headline.not_article else " "
    if headline.taken_down:  # the reader's list marked it as `reader list` did (acc28c C10)
        return TAKEN_DOWN_MARK
    if headline.updated:
        return UPDATED_MARK
    return PARTIAL_MARK if headline.partial else OFFLINE_MARK
