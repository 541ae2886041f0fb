"""The pictures a micro-post carries (Mastodon's RSS: `media:content` with its
`media:description`), as HTML put after its text, so that the reader shows an "Image: …" line
where the post's attachment was: its page is scripts only, and the feed's text is all there is
of the post (acc42c C4).

feedparser keeps no `media:description` with its `media:content`: it reads each as one of the
item's `content` values of type text/plain, in the feed's order. Paired with the pictures only
when there are as many of them; not the item's content either (`described`): "Photo of the
agenda front page" was no text of the post.
"""

from __future__ import annotations

import html
from typing import Any

from .models import picture_label
from .safe import safe_line
from .urls import enclosure_url, is_web_url

MAX_PICTURES = 4
"""Pictures a post carries at most (Mastodon's limit); a feed listing more sends no post."""


def _picture(media: Any) -> bool:
    if not isinstance(media, dict):
        return False
    kind = str(media.get("type") or "").lower()
    return str(media.get("medium") or "").lower() == "image" or kind.startswith("image/")


def _pictures(item: Any) -> list[Any]:
    return [m for m in item.get("media_content") or () if _picture(m)]


def described(item: Any) -> list[str]:
    """The descriptions of the item's pictures (`media:content`), which feedparser read as its
    text/plain content: none unless there are as many as pictures (a feed's own plain text
    beside a picture is its text)."""
    pictures = _pictures(item)
    if not pictures:
        return []
    texts = [
        part["value"]
        for part in item.get("content") or ()
        if isinstance(part, dict)
        and part.get("type") == "text/plain"
        and isinstance(part.get("value"), str)
    ]
    return texts if len(texts) == len(pictures) else []


def pictures_html(item: Any, base: str) -> str:
    """`<p><img></p>` for each picture of one of feedparser's items, its description as its
    text (none when the pictures and descriptions can't be paired); "" when it carries none."""
    pictures = _pictures(item)
    texts = described(item) or [""] * len(pictures)
    out = []
    for media, text in list(zip(pictures, texts, strict=True))[:MAX_PICTURES]:
        href = media.get("url")
        url = enclosure_url(base, href) if isinstance(href, str) else ""
        if url and is_web_url(url):
            alt = html.escape(safe_line(text, 300), quote=True)
            out.append(f'<p><img src="{html.escape(url, quote=True)}" alt="{alt}"></p>')
    return "".join(out)


def picture_title(item: Any, length: int) -> str:
    """The headline of a post that is only pictures, as its first picture's line reads:
    "Image: Chart of the storm surge" (cut to `length`), "Image" for one not described; ""
    when it carries none."""
    if not _pictures(item):
        return ""
    texts = described(item)
    return picture_label(safe_line(texts[0], length - 7) if texts else "")
