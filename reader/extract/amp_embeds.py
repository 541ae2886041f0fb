"""AMP's players and embedded posts, read as the plain HTML embeds they stand for.

An AMP page (`<html ⚡>`, what `amp.amp_url` finds) embeds a video as `<amp-youtube
data-videoid=…>`, not as YouTube's `<iframe>`, and a tweet as `<amp-twitter data-tweetid=…>`
around the tweet's text: elements of its own that only the AMP runtime draws. Read as they were,
the video left no line at all and the tweet's words ran into one plain paragraph, its author's
name and all. Each gives here the address of the player a plain page would embed (which
`media.mark_media` then reads as it reads that player), or the post's quotation or line.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ..urls import absolute_url, site_host

# The player each AMP video element draws, from its video's id: what a plain page's `<iframe>`
# shows, so the line links to it as it does to that frame's.
_PLAYERS = {
    "amp-youtube": "https://www.youtube.com/embed/{}",
    "amp-vimeo": "https://player.vimeo.com/video/{}",
    "amp-dailymotion": "https://www.dailymotion.com/embed/video/{}",
}
_SOUNDCLOUD = "https://w.soundcloud.com/player/?url=https://api.soundcloud.com/{}/{}"
# A site's id of a video, a track or a post: letters, digits, "-" and "_"; never an address
# of its own ("javascript:…", "//elsewhere").
_ID = re.compile(r"^[\w-]{1,64}$")

PLAYER_TAGS = ("amp-iframe", *_PLAYERS, "amp-soundcloud")
"""AMP's elements for a frame: `player_address` gives the address of what they show."""
POST_TAGS = ("amp-twitter", "amp-instagram", "amp-facebook")
"""AMP's elements for a social network's post: `post_address` gives its own address."""


def _id(el: HtmlElement, attribute: str) -> str:
    value = (el.get(attribute) or "").strip()
    return value if _ID.match(value) else ""


def player_address(el: HtmlElement) -> str:
    """The address of the player an AMP element draws (`<amp-youtube data-videoid="ID">` →
    "https://www.youtube.com/embed/ID"); `<amp-iframe>`'s `src` as it is (maybe relative); ""
    when it names none."""
    if el.tag == "amp-iframe":
        return (el.get("src") or "").strip()
    if el.tag == "amp-youtube" and not el.get("data-videoid"):
        # A channel's live stream, in the player that plays it.
        channel = _id(el, "data-live-channelid")
        return f"https://www.youtube.com/embed/live_stream?channel={channel}" if channel else ""
    if el.tag in _PLAYERS:
        video = _id(el, "data-videoid")
        return _PLAYERS[el.tag].format(video) if video else ""
    if el.tag == "amp-soundcloud":
        if track := _id(el, "data-trackid"):
            return _SOUNDCLOUD.format("tracks", track)
        if playlist := _id(el, "data-playlistid"):
            return _SOUNDCLOUD.format("playlists", playlist)
    return ""


def post_address(el: HtmlElement) -> tuple[str, str] | None:
    """(kind, address) of the post an AMP post element shows, as `media` names embedded posts:
    ("Tweet", "https://twitter.com/i/status/ID") for `<amp-twitter data-tweetid="ID">`."""
    if el.tag == "amp-twitter" and (tweet := _id(el, "data-tweetid")):
        return "Tweet", f"https://twitter.com/i/status/{tweet}"
    if el.tag == "amp-instagram" and (code := _id(el, "data-shortcode")):
        return "Instagram post", f"https://www.instagram.com/p/{code}/"
    if el.tag == "amp-facebook":
        href = absolute_url("", el.get("data-href") or "")
        site = site_host(href)
        if site == "facebook.com" or site.endswith(".facebook.com"):
            video = el.get("data-embed-as") == "video" or "/videos/" in href
            return ("Facebook video" if video else "Facebook post"), href
    return None


def tweet_quote(el: HtmlElement, address: str) -> HtmlElement | None:
    """The tweet `<amp-twitter>` shows until its script runs (its `<blockquote placeholder>`,
    the words of a plain page's embedded tweet) as that quotation, linked to the tweet as
    Twitter's own markup links it by its date: "— [Coast Watch (@coastwatch)](address)" where
    the placeholder names no date. None when it holds no words."""
    quote = next((q for q in el.iter("blockquote") if q.text_content().strip()), None)
    if quote is None:
        return None
    quote.attrib.pop("placeholder", None)
    if any("/status/" in (a.get("href") or "") for a in quote.iter("a")):
        return quote
    link = quote.makeelement("a", {"href": address})
    last = quote[-1] if len(quote) else None
    run = (last.tail if last is not None else quote.text) or ""
    signed = re.match(r"^(\s*[—–-]\s*)(\S.*?)(\s*)$", run, re.S)
    if signed:
        # "— Coast Watch (@coastwatch)": the name is the link's words.
        lead, link.text, link.tail = signed.groups()
        if last is not None:
            last.tail = lead
        else:
            quote.text = lead
    else:
        link.text = "Tweet"
        link.tail = run[len(run.rstrip()) :]
        if last is not None:
            last.tail = run.rstrip() + " — "
        else:
            quote.text = run.rstrip() + " — "
    quote.append(link)
    return quote
