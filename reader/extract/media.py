"""An article's recordings and videos, as lines of text with their links.

A terminal shows no player, and a story told partly in a recording (a reading of a tale, an
interview's audio, a news report's video) loses that part without a word. Each `<audio>` and
`<video>` with a real file, and each embedded player of a video site, becomes a paragraph
"Audio (MP3)" or "Video (youtube.com)" linking to it, where the player was: the reader
sees there is something to hear or watch, and the Markdown output keeps the address.

Players with no address of their own (a `blob:` stream, a script-built player) stay dropped, as
do looping clips standing in for pictures (`autoplay muted loop`, no controls): they are
images, which the article's text doesn't show either.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from ..urls import absolute_url, site_host

# Sites whose embedded players show one video each: their address opens it in a browser.
_VIDEO_SITES = ("youtube.com", "youtube-nocookie.com", "vimeo.com", "dailymotion.com")

# Words of a title that names the player, not what it plays ("YouTube video player").
_PLAYER_WORDS = frozenset(
    {"youtube", "vimeo", "dailymotion", "video", "audio", "player", "embed", "embedded", "media"}
)

MEDIA_CLASS = "reader-media"
"""The class of the paragraphs made here: readability's clean-up spares them and their caption."""


def _file_format(url: str) -> str:
    """The format of ".../ae_0101.mp3", "MP3": whether it plays says more than a file name does."""
    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    stem, dot, extension = name.rpartition(".")
    if dot and stem and extension.isalnum() and len(extension) <= 5:
        return extension.upper()
    return site_host(url)


def _is_video_site(url: str) -> bool:
    site = site_host(url)
    return any(site == s or site.endswith("." + s) for s in _VIDEO_SITES)


def _source(el: HtmlElement, base: str) -> str:
    """The first address of a playable file: the element's `src`, else its `<source>`s'."""
    for candidate in (el, *el.iter("source")):
        url = absolute_url(base, candidate.get("src", ""))
        if url:
            return url
    return ""


def _is_picture_clip(video: HtmlElement) -> bool:
    """An animated picture made a video (a "GIF"): it plays by itself and has no controls."""
    return video.get("controls") is None and video.get("autoplay") is not None


def _media_line(el: HtmlElement, kind: str, url: str, what: str) -> HtmlElement:
    """The line naming a player: "Audio: An interview with the mayor" when the page gives it a
    title, else its kind and format, "Audio (MP3)"."""
    title = " ".join((el.get("title") or el.get("aria-label") or "").split())
    if _PLAYER_WORDS.issuperset(re.findall(r"\w+", title.lower())):
        title = ""
    line = el.makeelement("p", {"class": MEDIA_CLASS})
    link = el.makeelement("a", {"href": url})
    link.text = f"{kind}: {title}" if title else f"{kind} ({what})"
    line.append(link)
    return line


def _replace(el: HtmlElement, line: HtmlElement) -> None:
    line.tail = el.tail
    parent = el.getparent()
    if parent is not None:
        parent.replace(el, line)


def mark_media(doc: HtmlElement, base: str) -> None:
    """Replace each playable recording or video of the page by a linked line naming it."""
    for el in list(doc.iter("audio", "video", "iframe")):
        if el.getparent() is None:
            continue
        if el.tag == "iframe":
            url = absolute_url(base, el.get("src", ""))
            if url and _is_video_site(url):
                _replace(el, _media_line(el, "Video", url, site_host(url)))
            continue
        if el.tag == "video" and _is_picture_clip(el):
            continue
        url = _source(el, base)
        if not url:
            continue
        kind = "Audio" if el.tag == "audio" else "Video"
        _replace(el, _media_line(el, kind, url, _file_format(url)))
