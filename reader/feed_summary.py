"""A feed item's summary, HTML as the feed sent it, as one line of its words: what names an item
sent with no title, and what a search's hit shows under a headline found by its title alone
when no text of its article is cached. Never shown as markup: tags go, entities are read, and
the line is made safe (`safe_line`)."""

from __future__ import annotations

import html
import re

from .safe import safe_line

_UNSEEN = re.compile(r"<(script|style)\b.*?(?:</\1\s*>|\Z)", re.IGNORECASE | re.DOTALL)
"""Elements whose text a browser never shows (a summary's CSS was no part of its words), to
the end of a summary cut short inside one."""
_TAG = re.compile(r"</?[a-zA-Z!][^<>]*(?:>|\Z)")
"""A tag, or one cut off by the summary's end; not "a < b"."""
_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small|span"
    r"|strong|sub|sup|time|u|var)(?:\s[^<>]*)?>",
    re.IGNORECASE,
)
"""A tag of an element within a line of text, which parts no words: a Mastodon mention's
"@<a …><span>tom</span></a>" is "@tom", not "@ tom"."""


def summary_line(summary: str, max_length: int = 0) -> str:
    """The words of `summary` on one line, safe to show, cut with "…" past `max_length`
    characters (0: whole)."""
    if not summary:
        return ""
    if "<" in summary:
        text = _TAG.sub(" ", _INLINE_TAG.sub("", _UNSEEN.sub(" ", summary)))
    else:
        text = summary
    return safe_line(html.unescape(text), max_length)
