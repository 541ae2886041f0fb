"""Feed discovery: the feeds a web page names, and which of them is the site's main feed.

`reader add` given a page's address (a news site's home page, an article) looks for its feeds
as browsers' feed buttons and feed readers do: the `<link rel="alternate" type="application/
rss+xml" href=…>` elements a page lists them with (the RSS Board's and WHATWG's
autodiscovery), and only when it lists none a few addresses sites' software publishes its feed
at. Worker-side: `page_feeds` parses the page (CPU work).

Which one to subscribe to. Browsers (Firefox's old feed button, Vivaldi's) and Miniflux list
every feed a page names and let the reader choose; SimplePie (FreshRSS, Tiny Tiny RSS) and
rawdog take the first, as the RSS Board's autodiscovery says "the first link SHOULD be the
site's main feed". A news site's home page lists its sections' feeds (World, Sport, Business),
each a main feed to someone: guessing one would subscribe many readers to what they didn't
want, unsaid. So the reader chooses, save when one feed is plainly the main one: what is left
once comment feeds (WordPress names a "Comments Feed" on every page, and each article's own) are
set aside and one feed offered in several formats (a Blogger "Posts - Atom" and "Posts - RSS")
counts once, the first listed of them (the publisher's order).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from .safe import safe_line
from .urls import absolute_url, canonical_url

if TYPE_CHECKING:
    from lxml.html import HtmlElement

# The media types of the feeds a page names that `feeds.parse_feed` reads: RSS, Atom, RDF and
# JSON Feed (`json_feed`). Not "application/json" or "text/xml": WordPress names its REST API and
# oEmbed documents so on every page.
JSON_FEED_TYPE = "application/feed+json"
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/x-rss+xml",
        JSON_FEED_TYPE,
    }
)

MAX_FEED_LINKS = 50
"""Feed links read from one page, the rest not looked at: a site names a few, a section index a
few dozen; a hostile page's 10,000 would be as many lines and (chosen among) as many requests."""

MAX_TITLE = 100

MAX_HEAD_LENGTH = 1024 * 1024
"""Characters of a page its `<body>` tag is looked for in: a head, inline scripts and styles and
all, is well under this (a big paper's is 100 to 300 KB). The links after it are not read:
autodiscovery's stand in the head."""
_BODY_TAG = re.compile(r"<body[\s>/]", re.IGNORECASE)
_HEAD_ENDS = "reader-head-ends"
"""Put before a page's `<body>` tag as it is parsed (`<?reader-head-ends?>`), to tell the head's
links from the body's in the tree: libxml2 keeps it as a comment, or in the text or the
attribute value the tag stood in (a script's, a comment's)."""

WELL_KNOWN_PATHS = ("/feed", "/rss", "/rss.xml", "/atom.xml", "/feed.xml", "/index.xml")
"""Where sites' software publishes the main feed, tried in this order when a page names none,
at the site's root: /feed WordPress (most of the web's sites), Substack and Medium; /rss Ghost
and many CMSs; /rss.xml Drupal and Gatsby; /atom.xml Hexo and Octopress; /feed.xml Jekyll;
/index.xml Hugo. Tried one at a time, stopping at the first feed (one request when a WordPress
site's theme left its link out) and at the first that doesn't answer at all (a site that times
out would time out six times); six requests at most, each through the one fetcher."""

SITEMAP_PATHS = ("/news-sitemap.xml", "/sitemap.xml")
"""Where a site with no feed at all keeps the list of its pages it gives search engines: Google
News's sitemap (its newest stories, with their headlines), and the sitemaps protocol's own
place. Asked after the `Sitemap:` lines of its robots.txt, which name them where they are."""

SITEMAP_LINES = 5
"""`Sitemap:` lines of a robots.txt asked: a site names one or two (its pages', its news'); a
hostile one could name thousands, each a request."""

_SITEMAP_LINE = re.compile(rb"^[ \t]*sitemap[ \t]*:[ \t]*(\S+)", re.IGNORECASE | re.MULTILINE)


def sitemap_lines(robots: bytes, page_url: str) -> list[str]:
    """The sitemaps a site's robots.txt names (`Sitemap: https://…`) on the page's own host, in
    its order, `SITEMAP_LINES` at most: one elsewhere is another's site (a CDN's, a stranger's)."""
    host = urlsplit(page_url).hostname
    found: list[str] = []
    for match in _SITEMAP_LINE.finditer(robots[: 512 * 1024]):
        address = absolute_url(page_url, match.group(1).decode("utf-8", "replace"))
        if address and urlsplit(address).hostname == host and address not in found:
            found.append(address)
        if len(found) == SITEMAP_LINES:
            break
    return found


WEB_PAGE_ANSWER = "the server answered with a web page"
"""How the failure of a feed's address answered with a web page begins (`feeds.parse_feed`):
a sync that meets one never read says `reader add` looks for the page's feed."""


def web_page_answer(title: str) -> str:
    """The failure of a feed's address answered with the web page titled `title` (untrusted)."""
    title = safe_line(title, 80)
    named = f' ("{title}")' if title else ""
    return f"{WEB_PAGE_ANSWER}{named}, not a feed"


@dataclass(frozen=True, slots=True)
class FeedLink:
    """A feed a page names: its address (absolute), its title as the page gives it (made safe:
    one line, no control characters) and its media type."""

    url: str
    title: str = ""
    type: str = ""


@dataclass(frozen=True, slots=True)
class PageFeeds:
    """What `reader add` reads of a web page, from one parse of it."""

    links: tuple[FeedLink, ...]
    """The feeds the page names (see `page_feeds`)."""
    article: bool
    """The page says it is an article (`login_page.declares_article`)."""
    anchors: tuple[str, ...] = ()
    """When its head names no feed: the addresses on its own site its body links to as a feed
    (`feed_anchors`: a footer's "RSS"), to be asked before the well-known ones."""
    consent_wall: bool = False
    """The page names no feed and is a cookie-consent wall (`consent_wall_page`): where a
    redirect landed in the site's place (YouTube's "Before you continue to YouTube")."""


def page_feeds(body: bytes, page_url: str, header_charset: str | None = None) -> PageFeeds:
    """The feeds the page `body` (fetched from `page_url`, after redirects) names with the
    `<link rel="alternate">` elements of its head, in the page's order, each address once; at
    most `MAX_FEED_LINKS`. Relative addresses are read against the page's `<base href>` if it has one,
    as a browser reads them. And whether the page declares itself an article."""
    from .charset import decode_html
    from .login_page import declares_article
    from .page_parsing import MAX_TAGS, parsed_text

    text = decode_html(body, header_charset)
    opened = _BODY_TAG.search(text, 0, MAX_HEAD_LENGTH)
    if text.count("<") > MAX_TAGS:
        # Past what a page is parsed whole to (`MAX_TAGS`): its head alone, where its feed
        # links stand. Its 2.3 million list items parsed took `reader add` to 450 MB (acc47c C8).
        text = text[: opened.start() if opened else MAX_HEAD_LENGTH]
    elif opened:
        text = f"{text[: opened.start()]}<?{_HEAD_ENDS}?>{text[opened.start() :]}"
    doc = parsed_text(text)
    if doc is None:
        return PageFeeds((), False)
    base = ""
    named: list[HtmlElement] = []
    # Wherever the parser put them: libxml2 sends the rest of a head to the body after a stray
    # element in it (a <div> a script wrote there), and the publisher's link is as much the
    # page's there.
    for node in doc.iter():
        attributes = node.attrib.values() if isinstance(node.tag, str) else ()
        if _HEAD_ENDS in (node.text or "") or any(_HEAD_ENDS in v for v in attributes):
            break
        if node.tag == "base" and not base and (href := node.get("href")):
            # The first <base href> is the document's base, the rest are not read.
            base = absolute_url(page_url, href) or page_url
        elif node.tag == "link":
            named.append(node)
    links, article = _feed_links(named, page_url, base or page_url), declares_article(doc)
    anchors = () if links else feed_anchors(doc, page_url, base or page_url)
    wall = not links and not anchors and not article and consent_wall_page(doc, page_url)
    return PageFeeds(links, article, anchors, wall)


MAX_ANCHORS = 3
"""Links of a page's body to a feed asked (`feed_anchors`): a footer names one, a sidebar its
"RSS" icon again; each is a request."""
MAX_ANCHORS_READ = 5000
"""`<a>` elements of a page looked at for its feed link: a big home page has 1,000 or 2,000."""

# What a link to a feed says ("RSS", "Atom feed", "Subscribe via RSS"), or its icon's title.
_FEED_WORDS = re.compile(
    r"^(?:subscribe\s+(?:via|to|by|with)\s+|our\s+)?(?:rss|atom|feed|web\s*feed|news\s*feed)"
    r"(?:\s+(?:feed|2\.0))?(?:\s+feeds?)?$",
    re.IGNORECASE,
)
# An address that names a feed: /rss.xml, /feed/, /atom.xml, /index.rss, /feeds/all.atom.
_FEED_PATH = re.compile(
    r"(?:^|/)(?:rss|feed|feeds|atom)(?:/|\.xml|\.rss|\.atom)?$|\.(?:rss|atom)$|"
    r"(?:^|/)[\w-]*(?:rss|atom|feed)[\w-]*\.xml$",
    re.IGNORECASE,
)


def feed_anchors(doc: HtmlElement, page_url: str, base: str) -> tuple[str, ...]:
    """The addresses on the page's own host that the `<a href>` links of its body point to as
    a feed, in its order, `MAX_ANCHORS` at most: a link whose words (its text, its `title`, its
    icon's `alt` or `title`) are a feed's ("RSS", "Atom feed", "Subscribe via RSS"), or whose
    address is one's (/rss.xml, /feed/). A theme that leaves the `<link rel="alternate">` out
    keeps its footer's "RSS" (acc45 A20). Another host's is no feed of this site's."""
    host = urlsplit(page_url).hostname
    found: dict[str, str] = {}
    for count, anchor in enumerate(doc.iter("a")):
        if count == MAX_ANCHORS_READ:
            break
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith("#"):
            continue
        url = absolute_url(base, href)
        if not url or urlsplit(url).hostname != host:
            continue
        if canonical_url(url) == canonical_url(page_url) or canonical_url(url) in found:
            continue
        words = [anchor.text_content(), anchor.get("title") or "", anchor.get("aria-label") or ""]
        for icon in anchor.iter("img", "svg"):
            words += [icon.get("alt") or "", icon.get("title") or ""]
        said = any(_FEED_WORDS.match(" ".join(w.split())) for w in words)
        if said or _FEED_PATH.search(urlsplit(url).path):
            found[canonical_url(url)] = url
            if len(found) == MAX_ANCHORS:
                break
    return tuple(found.values())


def consent_wall_page(doc: HtmlElement, page_url: str) -> bool:
    """The page `doc` (at `page_url`) is a cookie-consent wall as `reader save` tells one: a
    consent choice to make, a wall's few words, in a wall's phrases (`extract.consent`)."""
    from .extract.consent import consent_choices, page_text, speaks_as_a_wall

    choices = consent_choices(doc)
    shown = page_text(doc, choices)
    return bool(shown) and speaks_as_a_wall(" ".join([shown, *choices]), page_url)


def _feed_links(named: list[HtmlElement], page_url: str, base: str) -> tuple[FeedLink, ...]:
    found: dict[str, FeedLink] = {}
    for element in named:
        rel = (element.get("rel") or "").lower().split()
        kind = (element.get("type") or "").split(";")[0].strip().lower()
        # "alternate" (every site), or HTML's "feed" (a few); "alternate stylesheet" is a theme.
        if not {"alternate", "feed"} & set(rel) or "stylesheet" in rel:
            continue
        if kind not in FEED_TYPES:
            continue
        url = absolute_url(base, element.get("href") or "")
        if not url or canonical_url(url) == canonical_url(page_url):
            continue
        found.setdefault(
            canonical_url(url), FeedLink(url, safe_line(element.get("title"), MAX_TITLE), kind)
        )
        if len(found) == MAX_FEED_LINKS:
            break
    return tuple(found.values())


# A comment feed says so in its title ("Comments Feed", "Comments on: Harbour fees") or its
# address (WordPress's /comments/feed/, "?feed=comments-rss2", Blogger's /feeds/comments/).
_COMMENTS = re.compile(
    r"\b(?:comments?|kommentare|commentaires|comentarios|commenti)\b", re.IGNORECASE
)
_COMMENTS_PATH = re.compile(r"(?<![a-z])comments?(?:[/_.-]|rss|feed|$)", re.IGNORECASE)
# The words a title names a feed's format with: "Harbour Gazette - Atom", "… RSS 2.0 Feed".
_FORMAT_WORDS = re.compile(r"\b(?:rss|atom|rdf|json|xml|feeds?|[0-9](?:\.[0-9])?)\b", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")


def is_comments_feed(link: FeedLink) -> bool:
    path = link.url.split("://", 1)[-1].partition("/")[2]
    return bool(_COMMENTS.search(link.title) or _COMMENTS_PATH.search(path))


def _format_blind(link: FeedLink) -> str:
    """What names the feed once the words of its format are left out of its title ("harbour
    gazette" for "Harbour Gazette » Atom"); "" for a title that names nothing else."""
    return _NOT_WORD.sub(" ", _FORMAT_WORDS.sub(" ", link.title)).strip().casefold()


def main_feed(links: tuple[FeedLink, ...]) -> FeedLink | None:
    """The feed among `links` that is plainly the site's main feed (see the module's note), or
    None when the reader is to choose among several. Of one feed in several formats, its RSS
    or Atom over its JSON Feed: the formats every reader has read longest."""
    kept = [link for link in links if not is_comments_feed(link)]
    names = {_format_blind(link) for link in kept}
    if len(kept) == 1 or (len(names) == 1 and "" not in names):
        return min(kept, key=lambda link: link.type == JSON_FEED_TYPE)
    return None
