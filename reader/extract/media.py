"""An article's recordings and videos, as lines of text with their links.

A terminal shows no player, and a story told partly in a recording (a reading of a tale, an
interview's audio, a news report's video) loses that part without a word. Each `<audio>` and
`<video>` with a real file, and each embedded player of a video site, becomes a paragraph
"Audio (MP3)" or "Video (youtube.com)" linking to it, where the player was: the reader
sees there is something to hear or watch, and the Markdown output keeps the address. A video
site's or a podcast's player links to the page of what it plays (YouTube's "/watch?v=ID",
"vimeo.com/ID", Spotify's "/episode/ID"), which names it and its channel as the player alone
doesn't (`embed_addresses`). A chart embedded from Datawrapper or Flourish is the same:
"Chart: <its title>", linking to it. An AMP page's players (`<amp-youtube>`, `<amp-video>`…) are
read as the frames and files they draw (`amp_embeds`).

Players with no address of their own (a `blob:` stream, a script-built player) stay dropped, as
do looping clips standing in for pictures (`autoplay muted loop`, no controls): they are
images, which the article's text doesn't show either.

Posts embedded from social networks that show a picture or a video (Instagram, TikTok,
Facebook, Mastodon) are the same kind of thing: their box says "View this post on Instagram"
and little else, and was dropped as such. Each becomes "Instagram post: Save Our Ferry
(@saveourferry)", linking to the post. (An embedded tweet is its text in a `<blockquote>`,
kept as a quotation; an AMP page's `<amp-twitter>` holds the same as its placeholder.)
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from ..text_shape import one_line
from ..url_display import shown_host
from ..urls import absolute_url, site_host
from .amp_embeds import PLAYER_TAGS, POST_TAGS, player_address, post_address, tweet_quote
from .embed_addresses import _embedded_post, _page_address, _recording_address
from .furniture import class_names, names_of, replace

# Sites whose embedded players show one video each: their address opens it in a browser.
_VIDEO_SITES = ("youtube.com", "youtube-nocookie.com", "vimeo.com", "dailymotion.com")
# Sites whose embedded players play a recording (a podcast's episode, a track).
_AUDIO_SITES = ("spotify.com", "soundcloud.com")
# AMP's elements for a playable file, read as the `<video>` and `<audio>` they draw.
_AMP_MEDIA = ("amp-video", "amp-audio")

# Sites whose embeds are a chart or a map made for the article (Datawrapper's, Flourish's): the
# story's figures are in it, and a browser shows it.
_CHART_SITES = (
    "datawrapper.dwcdn.net",
    "datawrapper.de",
    "flo.uri.sh",
    "flourish.studio",
    "infogram.com",
    "observablehq.com",
)
# A map embedded from a map site ("Map of the Port of New Orleans"): its address shows it.
_MAP_SITES = ("openstreetmap.org", "umap.openstreetmap.fr", "mapbox.com", "arcgis.com")
# Words of a title that names the player, not what it plays ("YouTube video player").
_PLAYER_WORDS = frozenset(
    {"youtube", "vimeo", "dailymotion", "video", "audio", "player", "embed", "embedded", "media"}
    | {"instagram", "facebook", "tiktok", "mastodon", "post", "content"}
    | {"datawrapper", "flourish", "infogram", "chart", "visualization", "visualisation", "map"}
    | {"interactive", "graphic", "spotify", "soundcloud", "tweet", "twitter"}
)

MEDIA_CLASS = "reader-media"
"""The class of the paragraphs made here: readability's clean-up spares them and their caption."""


def _file_format(url: str) -> str:
    """The format of ".../ae_0101.mp3", "MP3": whether it plays says more than a file name does."""
    name = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    stem, dot, extension = name.rpartition(".")
    if dot and stem and extension.isalnum() and len(extension) <= 5:
        return extension.upper()
    return shown_host(site_host(url))  # a look-alike host named by its punycode, as its address is


def _on(url: str, sites: tuple[str, ...]) -> bool:
    site = site_host(url)
    return any(site == s or site.endswith("." + s) for s in sites)


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
    title = one_line(el.get("title") or el.get("aria-label") or "")
    if _PLAYER_WORDS.issuperset(re.findall(r"\w+", title.lower())):
        title = ""
    # Datawrapper titles its frame "Chart: …" itself, Spotify "Spotify Embed: …": the line says
    # the kind once, and the player's name not at all.
    label, colon, rest = title.partition(":")
    if colon and _PLAYER_WORDS.issuperset(re.findall(r"\w+", label.lower())):
        title = rest.strip()
    line = el.makeelement("p", {"class": MEDIA_CLASS})
    link = el.makeelement("a", {"href": url})
    link.text = f"{kind}: {title}" if title else f"{kind} ({what})"
    line.append(link)
    return line


# The embedded post's own box: its class, the network's name, where its address is.
_POST_BOXES = (
    ("instagram-media", "Instagram post", "data-instgrm-permalink"),
    ("tiktok-embed", "TikTok video", "cite"),
    ("fb-post", "Facebook post", "data-href"),
    ("fb-video", "Facebook video", "data-href"),
)
_POST_HINT = re.compile("|".join(name for name, _, _ in _POST_BOXES))
# "A post shared by Save Our Ferry (@saveourferry)": who posted it, in Instagram's box.
_SHARED_BY = re.compile(r"(?:post|video) shared by\s+(.+?)\s*(?:\bon\b.*)?$", re.I | re.S)
_HANDLE = re.compile(r"^@[\w.]+$")


def _poster(box: HtmlElement) -> str:
    """Who posted an embedded post, as its box names them: "Save Our Ferry (@saveourferry)"."""
    for el in box.iter("p", "a", "section"):
        shared = _SHARED_BY.search(" ".join(el.text_content().split()))
        if shared:
            return shared.group(1)
    for a in box.iter("a"):
        name = one_line(a.get("title") or a.text_content())
        if _HANDLE.match(name):
            return name
    return ""


def _post_line(box: HtmlElement, base: str) -> HtmlElement | None:
    """The line for an embedded post's box (an Instagram `<blockquote>`, a Facebook `<div>`)."""
    classes = class_names(box)
    for name, kind, attribute in _POST_BOXES:
        if name not in classes:
            continue
        url = absolute_url(base, box.get(attribute, ""))
        link = next((a.get("href", "") for a in box.iter("a") if a.get("href")), "")
        url = url or absolute_url(base, link)
        if not url:
            return None
        poster = _poster(box)
        line = box.makeelement("p", {"class": MEDIA_CLASS})
        anchor = box.makeelement("a", {"href": url})
        anchor.text = f"{kind}: {poster}" if poster else f"{kind} ({site_host(url)})"
        line.append(anchor)
        return line
    return None


# Flourish's script embed names its chart by a path ("visualisation/1234567") that its script
# turns into a frame of this site.
_FLOURISH = "https://public.flourish.studio/"
_FLOURISH_PATH = re.compile(r"^(?:visualisation|story)/\d+$")


def _flourish_line(box: HtmlElement) -> HtmlElement | None:
    """The line for Flourish's script-drawn chart (`<div class="flourish-embed" data-src=…>`)."""
    path = (box.get("data-src") or "").strip().strip("/")
    if not _FLOURISH_PATH.match(path):
        return None
    return _media_line(box, "Chart", f"{_FLOURISH}{path}/", "flourish.studio")


def _is_map(url: str) -> bool:
    """A map's frame: Google's "/maps/embed", or a map site's own."""
    parts = urlsplit(url)
    google = re.fullmatch(r"(?:www\.|maps\.)?google\.[a-z.]+", parts.hostname or "")
    return bool(google and parts.path.startswith("/maps")) or _on(url, _MAP_SITES)


# A player's wrappers: the responsive box holding its 16:9 frame (`div.video-container`,
# Bootstrap's `.ratio`, WordPress's `div.wp-block-embed__wrapper`, Datawrapper's
# `div.datawrapper-chart`). A box of one link's words reads as a row of links, and went, line
# and all; the line takes the outermost's place instead.
_WRAPPERS = frozenset({"div", "span", "p", "center"})
# What a wrapper may hold besides the player: nothing seen (a play button's empty `<div>`, the
# script that sizes it).
_SEEN = ("img", "picture", "svg", "video", "audio", "iframe", "object", "embed", "table", "ul")


def _letters(el: HtmlElement) -> int:
    return sum(len(word) for word in el.text_content().split())


def _player_box(el: HtmlElement) -> HtmlElement:
    """The outermost box holding `el` and nothing to read or see besides it."""
    inside = set(el.iter())
    words = _letters(el)
    box = el
    while True:
        outer = box.getparent()
        if outer is None or outer.tag not in _WRAPPERS or outer.getparent() is None:
            return box
        # A box the page names as the article's body is the article's, however little it holds.
        if outer.get("itemprop") or outer.get("role"):
            return box
        if _letters(outer) > words:
            return box
        if any(seen not in inside for seen in outer.iter(*_SEEN)):
            return box
        box = outer


# A recording's widget, by its name: NPR's `div.audio-module`, a podcast site's `div.player`.
# Besides the file it holds only its controls ("Listen · 4:12", "Playlist", "Download MP3
# (49 MB)"), which a terminal can't use: a box of short links and labels, dropped as a row of
# links, and the line inside with it.
_PLAYER_NAME = re.compile(r"audio|player|podcast|listen", re.IGNORECASE)
_CONTROLS_LETTERS = 120
_LABELLED = ("figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "cite")
# A control's words are few; a sentence of the story (or a player's description) is longer.
_CONTROL_WORDS = 6


def _is_controls(box: HtmlElement) -> bool:
    """Only a player's controls besides it: short labels and buttons, no sentence."""
    if _letters(box) > _CONTROLS_LETTERS:
        return False
    lines = (" ".join(t.split()) for t in box.itertext())
    return all(len(line.split()) <= _CONTROL_WORDS for line in lines)


def _player_widget(el: HtmlElement, box: HtmlElement) -> HtmlElement:
    """The widget of a playable file `el` (`box` holding it and nothing else): the outermost
    box named as a player and holding its controls only; `box` when there is none."""
    widget = box
    for outer in box.iterancestors():
        if outer.getparent() is None or outer.tag not in ("div", "section", "figure", "span"):
            break
        if outer.get("itemprop") or outer.get("role") == "main":
            break  # the article's own box
        if any(other is not el for other in outer.iter(*_SEEN) if other.tag != "ul"):
            break  # another player or a picture: more than one file's widget
        if not _is_controls(outer) or next(outer.iter(*_LABELLED), None) is not None:
            break  # words of its own, or a caption or title saying what it plays
        if _PLAYER_NAME.search(names_of(outer)):
            widget = outer
    return widget


def _frame_line(el: HtmlElement, base: str) -> HtmlElement | None:
    """The line for a frame (an `<iframe>`, or an AMP element drawing one) showing a player, a
    chart, a map or a post; None for any other frame."""
    src = el.get("src", "") if el.tag == "iframe" else player_address(el)
    url = absolute_url(base, src)
    if not url:
        return None
    if _on(url, _VIDEO_SITES):
        url = _page_address(url)
        return _media_line(el, "Video", url, site_host(url))
    if _on(url, _AUDIO_SITES) and (page := _recording_address(url)):
        # Named by the site, not its player's host ("w.soundcloud.com", "open.spotify.com").
        site = next(s for s in _AUDIO_SITES if _on(page, (s,)))
        return _media_line(el, "Audio", page, site)
    if _on(url, _CHART_SITES):
        return _media_line(el, "Chart", url, site_host(url))
    if _is_map(url):
        return _media_line(el, "Map", url, site_host(url))
    if post := _embedded_post(url):
        kind, target = post
        return _media_line(el, kind, target, site_host(target))
    return None


def _mark_amp_post(el: HtmlElement) -> None:
    """An AMP page's embedded post in its place: a tweet as the quotation its placeholder
    holds, any other (or a tweet whose words only its script would fetch) as a linked line."""
    post = post_address(el)
    if post is None:
        return  # no post of its own to link to: read as it was
    kind, url = post
    quote = tweet_quote(el, url) if kind == "Tweet" else None
    if quote is not None:
        replace(el, quote)
    else:
        replace(_player_box(el), _media_line(el, kind, url, site_host(url)))


def mark_media(doc: HtmlElement, base: str) -> None:
    """Replace each playable recording or video of the page, and each embedded post of a social
    network, by a linked line naming it."""
    for box in list(doc.iter("blockquote", "div")):
        hint = box.get("class")
        if not hint:
            continue
        line = _post_line(box, base) if _POST_HINT.search(hint) else None
        if line is None and "flourish-embed" in class_names(box):
            line = _flourish_line(box)
        if line is not None:
            replace(_player_box(box), line)
    for el in list(doc.iter("audio", "video", "iframe", *_AMP_MEDIA, *PLAYER_TAGS, *POST_TAGS)):
        if el.getparent() is None:
            continue
        if el.tag in POST_TAGS:
            _mark_amp_post(el)
            continue
        if el.tag == "iframe" or el.tag in PLAYER_TAGS:
            line = _frame_line(el, base)
            if line is not None:
                replace(_player_box(el), line)
            continue
        if el.tag in ("video", "amp-video") and _is_picture_clip(el):
            continue
        url = _source(el, base)
        if not url:
            continue
        kind = "Audio" if el.tag in ("audio", "amp-audio") else "Video"
        line = _media_line(el, kind, url, _file_format(url))
        replace(_player_widget(el, _player_box(el)), line)
