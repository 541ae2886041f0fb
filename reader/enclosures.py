"""An item's enclosures as a feed gives them to feedparser: the files it carries for a player
(a podcast's episode), each address made absolute and checked as a link's is (`urls`).

RSS `<enclosure>` and Atom's `<link rel="enclosure">` are feedparser's `enclosures`; Media RSS's
`media:content` its `media_content`, of which only audio and video are taken: a news feed's
`media:content` is mostly the story's picture, no file to play.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote, urlsplit

from .commonmark import autolink
from .models import Enclosure, Entry, ErrorKind, FetchError
from .plural import size_text
from .safe import safe_line
from .url_display import shown_url
from .urls import enclosure_url

MAX_ENCLOSURES = 10
"""Enclosures kept for one item: a podcast's episode has one, a few formats at most; a feed
listing hundreds sends no episode."""
_PLAYED = ("audio", "video")


def _media_type(value: Any) -> str:
    """A stated media type as shown ("audio/mpeg"), "" for none or for no media type at all."""
    text = safe_line(value if isinstance(value, str) else "").lower()
    kind, slash, sub = text.partition("/")
    return text if slash and kind and sub and " " not in text and len(text) <= 100 else ""


def _length(value: Any) -> int:
    """A stated length in bytes; 0 for none, or for one no file has (negative, not a number)."""
    text = value.strip() if isinstance(value, str) else ""
    return int(text) if text.isdigit() and len(text) <= 15 else 0


def _played(media: dict[str, Any]) -> bool:
    medium = str(media.get("medium") or "").lower()
    kind = _media_type(media.get("type")).partition("/")[0]
    return medium in _PLAYED or kind in _PLAYED


def enclosures_of(item: Any, base: str) -> tuple[Enclosure, ...]:
    """The enclosures of one of feedparser's items, in its order, each address once; `base`
    resolves relative addresses."""
    found: dict[str, Enclosure] = {}
    candidates = [
        (e.get("href"), e.get("type"), e.get("length"))
        for e in item.get("enclosures") or ()
        if isinstance(e, dict)
    ] + [
        (m.get("url"), m.get("type"), m.get("filesize"))
        for m in item.get("media_content") or ()
        if isinstance(m, dict) and _played(m)
    ]
    for href, kind, length in candidates:
        url = enclosure_url(base, href) if isinstance(href, str) else ""
        if url and url not in found:
            found[url] = Enclosure(url, _media_type(kind), _length(length))
            if len(found) == MAX_ENCLOSURES:
                break
    return tuple(found.values())


# The formats a player names an enclosure by, by its stated type ("audio/mpeg" is an MP3).
_FORMATS = {
    "audio/mpeg": "MP3",
    "audio/mp3": "MP3",
    "audio/mp4": "M4A",
    "audio/x-m4a": "M4A",
    "audio/aac": "AAC",
    "audio/ogg": "OGG",
    "audio/opus": "OPUS",
    "video/mp4": "MP4",
    "video/webm": "WEBM",
}
_AUDIO_FILES = frozenset({"mp3", "m4a", "aac", "ogg", "oga", "opus", "wav", "flac"})
_VIDEO_FILES = frozenset({"mp4", "m4v", "webm", "mov", "mkv"})


def _extension(url: str) -> str:
    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    stem, dot, extension = name.rpartition(".")
    return extension.lower() if dot and stem and extension.isalnum() and len(extension) <= 5 else ""


def _kind_and_shape(enclosure: Enclosure) -> tuple[str, str]:
    """An enclosure's kind ("audio", "video", "file": by its stated type, else by its file's
    name) and what a line says of it in brackets ("MP3, 40.1 MB"; "" when nothing is known)."""
    extension = _extension(enclosure.url)
    kind = enclosure.type.partition("/")[0]
    if not kind:
        kind = (
            "audio" if extension in _AUDIO_FILES else "video" if extension in _VIDEO_FILES else ""
        )
    shape = _FORMATS.get(enclosure.type) or extension.upper()
    if not shape and enclosure.type:
        shape = enclosure.type.partition("/")[2].upper()[:20]
    size = size_text(enclosure.length) if enclosure.length else ""
    return (kind if kind in _PLAYED else "file"), ", ".join(part for part in (shape, size) if part)


def enclosure_label(enclosure: Enclosure) -> str:
    """What an enclosure's line calls it: "Audio (MP3, 40.1 MB)", "Video (MP4)", "File (PDF)",
    as a media line of an article says "Audio (MP3)" (`extract.media`)."""
    kind, shape = _kind_and_shape(enclosure)
    return f"{kind.capitalize()} ({shape})" if shape else kind.capitalize()


def episode_only(entry: Entry) -> FetchError:
    """Why an item with enclosures and no link (a podcast episode with no page of its own) has
    no article to fetch: told as a link to an MP3 is (NOT_HTML), so the feed's text stands in
    and the headline is marked ↗. Its audio is never fetched: a player's to play."""
    first = entry.enclosures[0]
    kind, shape = _kind_and_shape(first)
    what = {"audio": "audio", "video": "a video"}.get(kind, "a file")
    return FetchError(
        ErrorKind.NOT_HTML,
        f"no article page, only {what}{f' ({shape})' if shape else ''} to play; "
        "open the original link in a browser",
        first.url,
    )


def enclosure_lines(enclosures: tuple[Enclosure, ...], markdown: bool = False) -> list[str]:
    """A line each, as `reader show` prints them under an article's header: "Audio (MP3, 40.1
    MB): https://…/ep0.mp3" (the address as `<…>` in Markdown, one to copy, unescaped)."""
    lines = []
    for enclosure in enclosures:
        address = shown_url(enclosure.url)
        lines.append(f"{enclosure_label(enclosure)}: {autolink(address) if markdown else address}")
    return lines


def shown_enclosures(entry: Entry) -> tuple[Enclosure, ...]:
    """The enclosures a reader is shown an item's: all but one at the item's own link (a link
    to a PDF or an MP3 that is its enclosure too), whose address the header shows already."""
    return tuple(e for e in entry.enclosures if e.url != entry.link)
