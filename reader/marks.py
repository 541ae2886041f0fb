"""The marks a headline carries in a list, the reader's and `reader list`'s alike: one place,
so the two never say different things (the CLI doesn't import the UI, for its start-up)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reports import Headline

UNREAD_MARK = "●"
OFFLINE_MARK = "↓"
PARTIAL_MARK = "½"
"""Cached, but only part of the article: the feed's text stands in, or the page gave part."""
NOT_ARTICLE_MARK = "↗"
"""No article page to cache (a PDF, an image, audio): the link opens in a browser or player."""
UPDATED_MARK = "Δ"
"""Cached, and changed since last read: a sync found a new text (a correction); the copy
read before is kept as an earlier version."""
SAVED_MARK = "★"
ARCHIVED_MARK = "✓"
"""Saved, and archived: done with, kept (wallabag's and Pocket's archive), in the saved
mark's place."""
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
