"""The address of what an embedded player or post shows, on its own site: a YouTube, Vimeo,
Dailymotion, Spotify or SoundCloud player's video or recording as its page ("/embed/ID" →
"/watch?v=ID"), and an Instagram, Facebook or Mastodon post's frame as the post. Apart from
`media`, which turns players into linked lines, because these are each site's address rules,
read from the address alone.
"""

from __future__ import annotations

import re
from urllib.parse import SplitResult, parse_qsl, urlsplit

from ..urls import absolute_url, site_host

# Players' addresses, whose video or recording has a page of its own (`_player_page`).
_YOUTUBE_EMBED = re.compile(r"^/embed/([\w-]{6,})/?$")
_VIMEO_PLAYER = re.compile(r"^/video/(\d+)/?$")
_DAILYMOTION_PLAYER = re.compile(r"^/embed/video/([a-zA-Z0-9]+)/?$")
_SPOTIFY_PLAYER = re.compile(
    r"^/embed(?:-podcast)?/(episode|show|track|album|playlist)/([a-zA-Z0-9]+)/?$"
)
_ID = re.compile(r"^[\w-]{1,64}$")


def _embedded_post(url: str) -> tuple[str, str] | None:
    """(kind, the post's own address) for an iframe showing a post, else None."""
    parts = urlsplit(url)
    site = site_host(url)
    if site == "instagram.com" and "/embed" in parts.path:
        return "Instagram post", url.split("/embed", 1)[0] + "/"
    # A post's or a video's plugin; not the page's comments box or the site's page box.
    if site == "facebook.com" and parts.path in ("/plugins/post.php", "/plugins/video.php"):
        # Decoded from the query: its controls encoded again (lxml refuses them in a link).
        target = absolute_url("", dict(parse_qsl(parts.query)).get("href", ""))
        kind = "Facebook video" if "video" in parts.path else "Facebook post"
        return (kind, target) if target else None
    if re.search(r"/@[\w.]+/\d+/embed$", parts.path):
        return "Mastodon post", url.rsplit("/embed", 1)[0]
    return None


def _youtube_page(parts: SplitResult) -> str:
    """A YouTube player's video as its page ("/embed/ID?start=30" →
    "https://www.youtube.com/watch?v=ID&t=30"), a channel's live stream as the channel's; ""
    for a playlist's player, which has no one page."""
    query = dict(parse_qsl(parts.query))
    found = _YOUTUBE_EMBED.match(parts.path)
    if not found or found.group(1) == "videoseries":
        return ""
    if found.group(1) == "live_stream":
        channel = query.get("channel", "")
        return f"https://www.youtube.com/channel/{channel}/live" if _ID.match(channel) else ""
    start = query.get("start", "")
    at = f"&t={start}" if start.isdigit() else ""
    return f"https://www.youtube.com/watch?v={found.group(1)}{at}"


def _player_page(parts: SplitResult) -> str:
    """The page of what a player plays, as the site shows it with its title, its description
    and the way to its channel, which the player alone, full window, doesn't: Vimeo's
    "player.vimeo.com/video/ID" → "https://vimeo.com/ID", Dailymotion's "/embed/video/ID" →
    "/video/ID", Spotify's "/embed/episode/ID" → "/episode/ID", SoundCloud's player of
    "?url=https://soundcloud.com/…" → that page. "" when it has no such page."""
    site = site_host(parts.geturl())
    query = dict(parse_qsl(parts.query))
    if site in ("youtube.com", "youtube-nocookie.com"):
        return _youtube_page(parts)
    if parts.hostname == "player.vimeo.com" and (found := _VIMEO_PLAYER.match(parts.path)):
        # An unlisted video's player carries the key ("?h=…") its page needs in its path.
        key = query.get("h", "")
        return f"https://vimeo.com/{found.group(1)}" + (f"/{key}" if _ID.match(key) else "")
    if site == "dailymotion.com" and (found := _DAILYMOTION_PLAYER.match(parts.path)):
        return f"https://www.dailymotion.com/video/{found.group(1)}"
    if parts.hostname == "open.spotify.com" and (found := _SPOTIFY_PLAYER.match(parts.path)):
        return f"https://open.spotify.com/{found.group(1)}/{found.group(2)}"
    if parts.hostname == "w.soundcloud.com":
        # Only a page's address: the player's "api.soundcloud.com/tracks/ID" opens no page.
        # Decoded from the query: its controls (an ESC written "%1B") encoded again, as lxml
        # refuses them in a link and extraction stopped.
        target = absolute_url("", query.get("url", ""))
        if site_host(target) == "soundcloud.com":
            return target
    return ""


def _page_address(url: str) -> str:
    """A video's or a recording's player's address as the page of what it plays
    (`_player_page`); any other address as it is."""
    return _player_page(urlsplit(url)) or url


def _recording_address(url: str) -> str:
    """A recording's player's address as its page (`_player_page`), SoundCloud's player of a
    track with no page's address as it is; "" for any other frame of the site (Spotify's
    "Follow" button, a store's widget)."""
    parts = urlsplit(url)
    if page := _player_page(parts):
        return page
    return url if parts.hostname == "w.soundcloud.com" and parts.path.startswith("/player") else ""
