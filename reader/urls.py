"""URL policy: which links we follow, and the one canonical form used for cache keys."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Collection
from functools import lru_cache
from urllib.parse import SplitResult, parse_qsl, quote, unquote, urljoin, urlsplit, urlunsplit

from .safe import safe_line, without_terminal_escapes

ALLOWED_SCHEMES = frozenset({"http", "https"})
# What a browser removes from an address as it reads it (tabs and line breaks), and what it
# percent-encodes: the other control characters, C1 among them, and the bidirectional controls
# that would reorder an address as it is shown, and the characters that draw nothing (zero-width
# space, joiners, word joiner, BOM): an address holding one looks like another it is not.
_URL_SPACES = re.compile(r"[\t\n\r]")
_URL_CONTROLS = re.compile(
    "[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2060\ufeff\u061c\u202a-\u202e\u2066-\u2069]"
)
# What a browser strips from an address's ends before it reads it (WHATWG URL: C0 controls and
# space), beside the whitespace `str.strip` knows.
_URL_EDGES = re.compile(r"^[\x00-\x20\s]+|[\x00-\x20\s]+$")
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
# Tracking parameters that change nothing about the page; dropping them makes two links to one article share a cache entry.
_TRACKING_PREFIXES = ("utm_", "mc_", "fbclid", "gclid", "yclid", "_hsenc", "_hsmi")
# More that name the campaign, feed, share or app a reader came by, not the page (acc47a A4):
# BBC's "at_medium", the Guardian's "CMP", the NYT's "smid", MSN's "ocid", the Telegraph's
# "ito", Google Analytics' "_ga", Marketo's "mkt_tok", AMP's "amp_js_v" and "usqp". Left out
# of the address a citation gives and a link opens (`without_tracking`), not of the cache key
# (`canonical_url`): a key that moved would lose the articles already cached under it.
_CAMPAIGN_NAMES = frozenset(
    [
        *("at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3", "at_custom4"),
        *("at_link_id", "at_link_origin", "at_link_type", "at_ptr_name", "at_format"),
        *("at_bbc_team", "cmp", "cmpid", "smid", "smtyp", "ocid", "s_cid", "ito", "_ga", "_gl"),
        *("wt.mc_id", "mkt_tok", "igshid", "amp_js_v", "usqp", "dclid", "msclkid", "twclid"),
        *("ttclid", "li_fat_id", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname"),
        *("ns_fee", "guccounter", "guce_referrer", "guce_referrer_sig", "__twitter_impression"),
    ]
)
# Parameters tracking by their value only: "ref=rss" (a page's own "ref=4512" may be its
# story), "amp=1" and "outputType=amp" (the AMP copy of the page: the page is what is cited).
_CAMPAIGN_VALUES = {
    "ref": frozenset(["rss", "feed", "rss_feed", "share", "twitter", "facebook", "newsletter"]),
    "amp": frozenset(["", "1", "true"]),
    "outputtype": frozenset(["amp"]),
}
# Google's AMP cache serves a publisher's AMP page at its own host, the publisher's in the path:
# "https://www-example-com.cdn.ampproject.org/c/s/www.example.com/story.amp.html" ("s/" for
# https; "/v/" its viewer's form).
_AMP_CACHE = re.compile(r"/[cv]/(?P<secure>s/)?(?P<rest>[^/?#]+\.[^/?#]+(?:[/?#].*)?)")


def is_web_url(url: str) -> bool:
    """True only for absolute http(s) URLs with a host, a port in range, and no control
    character in them: the only kind we fetch or open."""
    if _URL_CONTROLS.search(url.strip()):
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.hostname:
        return False
    return not _host_or_port_problem(parts.hostname, parts)


def _host_or_port_problem(host: str, parts: SplitResult) -> str:
    """What is wrong with an address's port or host, in words; "" when nothing is. A port out
    of range ("http://host:99999/") or a malformed international name ("http://xn--/") raised
    ValueError from wherever the address was next read, ending a whole sync. A "\\" before
    the host ("http://decoy.example\\@real.example/"): a browser reads it as a "/", so the
    host is "decoy.example", where Python and httpx read "real.example"; shown one way and
    fetched the other, such an address is refused."""
    if "\\" in parts.netloc:
        return f"it reads as two hosts (a \\ before its host): {safe_line(parts.netloc, 100)}"
    try:
        parts.port  # noqa: B018 -- read only to be checked
    except ValueError:
        port = parts.netloc.rpartition(":")[2]
        if port.removeprefix("-").isdigit():
            return f"port {safe_line(port, 20)} is out of range (0 to 65535)"
        return f"its port {safe_line(port, 20)} is not a number"
    for label in host.split("."):
        if label.startswith("xn--"):
            import idna  # httpx's, which reads such a label with it as it sends the request

            try:
                idna.decode(label)
            except (idna.IDNAError, UnicodeError, ValueError):
                return f"its host name {safe_line(host, 100)} is a malformed international name"
    return ""


def web_url_problem(url: str) -> str:
    """Why an http(s) address with a host can't be fetched (its port, its host name), in words;
    "" when nothing is known to be wrong."""
    try:
        parts = urlsplit(url.strip())
        return _host_or_port_problem(parts.hostname or "", parts)
    except ValueError:
        return ""


def absolute_url(base: str, href: str) -> str:
    """Resolve `href` against `base`; returns "" for links we would never follow (javascript:, data:…).
    A control character in the address is percent-encoded, as a browser does: the address still
    works, and printed or shown it is plain text (a page's `src` holding C1's CSI, U+009B, would
    otherwise colour a terminal)."""
    href = _URL_SPACES.sub("", _URL_EDGES.sub("", href or ""))
    if not href:
        return ""
    href = _URL_CONTROLS.sub(lambda m: quote(m.group(), safe=""), href)
    try:
        url = urljoin(base, href) if base else href
    except ValueError:
        return ""
    return url if is_web_url(url) else ""


def item_link(base: str, href: str) -> str:
    """A feed item's link (or a sitemap's `<loc>`) resolved as `absolute_url` resolves a page's;
    a terminal escape sequence in it removed whole, as from a title (`safe`): the address
    around it is the one meant ("\x1b]0;T\x07https://…" is "https://…"). Percent-encoded as a
    page's link is, it read as a path under the feed's site ("/%1B]0;T%07http:/…"), whose 404
    told a live, cached story "taken down" (acc47c C3). "" when a control character (C0, DEL,
    C1) is left in it where a browser reads it (its ends stripped, tabs and line breaks
    removed): no address, as `reader add` and an import refuse one."""
    if not isinstance(href, str):
        return ""
    href = _URL_SPACES.sub("", _URL_EDGES.sub("", without_terminal_escapes(href)))
    return "" if _CONTROLS.search(href) else absolute_url(base, href)


LONGEST_ENCLOSURE = 4096
"""Characters of the longest enclosure address kept: a signed CDN address runs to 1,500; past
this most servers refuse it (8 KB of request line) and a player or a terminal line is no place
for it: a feed sending more sends no file's address."""


def enclosure_url(base: str, href: str) -> str:
    """The address of a file an item carries (a podcast's MP3), as `absolute_url` makes a
    link's, or "" (a javascript: one, one past `LONGEST_ENCLOSURE`)."""
    if not isinstance(href, str) or len(href) > LONGEST_ENCLOSURE:
        return ""
    url = absolute_url(base, href)
    return url if len(url) <= LONGEST_ENCLOSURE else ""


# The links of an article that write or call to someone: "mailto:editor@example.org" (its
# "?subject=…" left off: the address is what the reader needs) and "tel:+44-1736-000000".
_MAILTO = re.compile(r"mailto:([^\s@<>()\[\]\\,;:\"/?#%]+@[\w.-]+\.\w+)(?:\?[^\s<>\"]*)?", re.I)
_TEL = re.compile(r"tel:(\+?[0-9][0-9().\-]*[0-9])", re.I)


def contact_url(href: str) -> str:
    """A link's e-mail address ("mailto:…") or telephone number ("tel:…"), as "mailto:ADDRESS" or
    "tel:NUMBER"; "" for any other address. Such a link names how to reach the newsroom or the
    writer: kept, to be read and copied, never fetched or opened (`is_web_url` is False)."""
    href = (href or "").strip()
    if _URL_SPACES.search(href) or _URL_CONTROLS.search(href):
        return ""
    if (mail := _MAILTO.fullmatch(href)) is not None:
        return f"mailto:{mail[1]}"
    # A number is often written spaced as it is read ("tel:+44 1736 000000").
    if (tel := _TEL.fullmatch(href.replace(" ", "").replace("%20", ""))) is not None:
        return f"tel:{tel[1]}"
    return ""


def contact_address(url: str) -> str:
    """The address or number of a `contact_url` ("editor@example.org", "+441736000000"), else
    ""."""
    scheme, _colon, address = url.partition(":")
    return address if scheme in ("mailto", "tel") and contact_url(url) == url else ""


def link_url(base: str, href: str) -> str:
    """The address a link of the article keeps: a web address resolved against `base`
    (`absolute_url`), or an e-mail address or a telephone number (`contact_url`); "" for the
    rest (javascript:, data:, file:…)."""
    return absolute_url(base, href) or contact_url(href)


def site_host(url: str) -> str:
    """The host a reader names a site by: "youtube.com" for https://www.youtube.com/embed/x."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


def _port_named(scheme: str, port: int | None) -> bool:
    """`port` is one an address must name: not its scheme's own (80 for http, 443 for https)."""
    return bool(port) and (scheme, port) not in (("http", 80), ("https", 443))


def host_named(url: str) -> str:
    """The host of `url` with its port when that is not its scheme's own: "127.0.0.1:8462",
    "example.org" (two sites on one host are two names); "" for one with no host."""
    try:
        parts = urlsplit(url)
        host, port = parts.hostname or "", parts.port
    except ValueError:  # "http://[x", a port past 65535
        return ""
    return f"{host}:{port}" if host and _port_named(parts.scheme.lower(), port) else host


def site_of(url: str) -> str:
    """The site an address belongs to: its host's last two labels ("nytimes.com" for
    www.nytimes.com), three under a country's second level ("bbc.co.uk"), so a paper's sections
    on their own subdomains are the paper's. "" for a relative or malformed address."""
    try:
        labels = (urlsplit(url).hostname or "").split(".")
    except ValueError:  # "http://[x": no host
        return ""
    keep = 3 if len(labels) > 2 and len(labels[-2]) <= 3 and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


CANONICAL_VERSION = 1
"""Raised with any change to what `canonical_url` gives for some address: the article keys
stored with each headline (`keys.ARTICLE_KEY_VERSION`) are then computed again, not misread."""


@lru_cache(maxsize=65536)
def canonical_url(url: str) -> str:
    """The form of a URL used as a cache key: lower-case scheme and host, no default port,
    no fragment, no tracking parameters."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    netloc = host
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    if _port_named(scheme, port):
        netloc = f"{netloc}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", _untracked(parts.query), ""))


@lru_cache(maxsize=65536)
def page_address(url: str) -> str:
    """The address of the page `url` names, for telling whether two addresses are one page:
    `canonical_url` without a user name (which the reader leaves out where it shows and cites
    an address: `url_display`), its path read as a server reads it ("%63" is "c", "/a/./b" and
    "/a//b" are "/a/b", one trailing "/" or an index file's name changes nothing) and in one
    case (a Windows server's paths are any case). Not a cache key: two of these may still be
    two pages on some site, which is why it serves only to say two addresses may be one."""
    canonical = canonical_url(url)
    try:
        parts = urlsplit(canonical)
    except ValueError:
        return canonical
    path = _INDEX_FILE.sub("", unquote(parts.path).casefold())
    path = posixpath.normpath("/" + path.lstrip("/"))
    return urlunsplit((parts.scheme, parts.netloc.rpartition("@")[2], path, parts.query, ""))


# A directory's own page, named or not ("/news/" and "/news/index.html").
_INDEX_FILE = re.compile(r"(?<=/)(?:index|default)\.(?:html?|php|aspx?)$")


def _untracked(query: str) -> str:
    return "&".join(
        p for p in query.split("&") if p and not p.lower().startswith(_TRACKING_PREFIXES)
    )


def _campaign(parameter: str) -> bool:
    name, _eq, value = parameter.partition("=")
    name = unquote(name).casefold()
    return name in _CAMPAIGN_NAMES or unquote(value).casefold() in _CAMPAIGN_VALUES.get(name, ())


def off_amp_cache(url: str) -> str:
    """The publisher's address of a page read from Google's AMP cache (`_AMP_CACHE`), which a
    link shared from a phone gives; any other `url` as it is (acc47a A8)."""
    try:
        parts = urlsplit(url)
        host = (parts.hostname or "").lower()
    except ValueError:
        return url
    if not host.endswith(".cdn.ampproject.org"):
        return url
    served = _AMP_CACHE.fullmatch(urlunsplit(("", "", parts.path, parts.query, parts.fragment)))
    if served is None:
        return url
    publisher = f"{'https' if served['secure'] else 'http'}://{served['rest']}"
    return publisher if is_web_url(publisher) else url


def without_tracking(url: str) -> str:
    """`url` without its tracking parameters ("?utm_source=rss") and the campaign's, feed's or
    share's (`_CAMPAIGN_NAMES`: "?CMP=share_btn_url&ref=rss"), at the publisher's address
    where it is read from Google's AMP cache (`off_amp_cache`); otherwise as written: the
    address a citation gives and a link opens."""
    return without_tracking_parameters(off_amp_cache(url))


def without_tracking_parameters(url: str) -> str:
    """`url` without its tracking parameters and the campaign's (`without_tracking`), its host
    and path as they are: the address a page is asked for, so that a Mailchimp "mc_cid" or a
    reader's own id in a feed's link goes to no site (acc48a A5). Its cache key is the same
    (`canonical_url` leaves the tracking parameters out)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    if not parts.query:
        return url
    query = "&".join(p for p in _untracked(parts.query).split("&") if not _campaign(p))
    return urlunsplit(parts._replace(query=query))


def untracked_hop(target: str, asked: Collection[str]) -> str:
    """The address to ask where a redirect or a page's refresh sends on to `target`: without
    its tracking parameters (`without_tracking_parameters`: a click tracker's 302 to
    "story?utm_source=rss&fbclid=…" asks the publisher's page clean, acc48a A5); as sent when
    the clean address is one of those `asked` already in this chain: a site that sends on
    until its parameter is there would otherwise send us round till the hop limit ("more
    than 5 redirects"), by HTTP redirects or by meta refreshes alike."""
    clean = without_tracking_parameters(target)
    return target if clean != target and clean in asked else clean


# The query parameters a click tracker carries its link's destination in, whole
# ("https://t.example/click?u=https%3A%2F%2Fnews.example%2Fstory"): ClearURLs' redirections
# read Google's "url"/"q" and Facebook's "u" so; "redirect", "target", "dest" and "to" are the
# mailers' and ad servers' own names. "q" is left out: elsewhere it is a search's words.
_DESTINATION_NAMES = frozenset(["url", "u", "redirect", "target", "dest", "to"])
_ENCODED_WEB = re.compile(r"https?%3a%2f%2f", re.IGNORECASE)
_GOOGLE_REDIRECT = re.compile(r"(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?", re.IGNORECASE)
"""Google's own hosts, whose "/url?q=…" is the link every Gmail message and Google Doc gives
(acc49c C6): "q" is its destination there, and a search's words everywhere else."""


def click_destination(url: str) -> str:
    """The address a click tracker's `url` sends on to, read from its query: the one parameter
    of `_DESTINATION_NAMES` whose value decodes to a whole http(s) address (twice encoded, as
    some mailers write it, too); "" when none does, or when two name different ones."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    names = _DESTINATION_NAMES
    if parts.path == "/url" and _GOOGLE_REDIRECT.fullmatch(parts.hostname or ""):
        names = names | {"q"}
    found = set()
    for name, value in parse_qsl(parts.query, keep_blank_values=True):
        if name.casefold() not in names:
            continue
        if _ENCODED_WEB.match(value):
            value = unquote(value)
        if value[:8].lower().startswith(("http://", "https://")) and is_web_url(value):
            found.add(value)
    return found.pop() if len(found) == 1 else ""


def past_click_trackers(url: str, own_hosts: Collection[str] = ()) -> str:
    """`url` at the address it carries whole in its query (`click_destination`: a mailer's
    "https://t.example/click?u=https%3A%2F%2F…"), a tracker's link to another a few deep: the
    tracker learns nothing of a link followed or written past it. Not past a host of
    `own_hosts` (an article's own, whose sign-in page's "?redirect=" is its business), nor to
    an address on the tracker's own host (a site's sign-in or search page sending back)."""
    for _depth in range(3):
        host = host_named(url)
        destination = "" if host in own_hosts else click_destination(url)
        if not destination or host_named(destination) == host:
            break
        url = destination
    return url


def page_asked(link: str) -> str:
    """The address an article's page is asked at for the headline's `link`: past the click
    tracker it goes through (`past_click_trackers`: Google Alerts' "google.com/url?url=…", a
    newsletter's "t.example/click?u=…"), without the tracking parameters
    (`without_tracking_parameters`). Its cache key stays `link`'s (`keys.article_key`): the
    records cached under a tracked address are found as before."""
    return without_tracking_parameters(past_click_trackers(link))


def page_opened(link: str) -> str:
    """The address a headline's page is opened in the browser, copied and cited at by its
    `link` while no article of it is cached: where it is asked (`page_asked`: past the click
    tracker it goes through, without the tracking parameters), at the publisher's where
    Google's AMP cache serves it (`without_tracking`). `o` on a headline of Google Alerts
    opened "google.com/url?url=…", the tracker counting the click its download never gave it."""
    return without_tracking(page_asked(link))


# "www.example.org/news/story", "127.0.0.1:8771/feed.xml": an address with its scheme left off.
_SCHEMELESS = re.compile(
    r"(?:localhost|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}|\d{1,3}(?:\.\d{1,3}){3})(?::\d{1,5})?"
    r"(?:[/?#]\S*)?",
    re.IGNORECASE,
)


_FEED_SCHEME = re.compile(r"feed:(?://|(?=https?://))", re.IGNORECASE)


def from_feed_scheme(text: str) -> str:
    """`text` with the feed: scheme some sites' "subscribe" buttons still give read as the web
    address it stands for: "feed://host/x" as "http://host/x", "feed:https://host/x" as
    "https://host/x"; any other text as it is."""
    text = text.strip()
    match = _FEED_SCHEME.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    return rest if match.group().lower() == "feed:" else "http://" + rest


def with_scheme(text: str) -> str:
    """`text` as the web address it is short for, when it is one written without its scheme
    ("https://" before a name, "http://" before a local address or an onion service's); else
    ""."""
    if not _SCHEMELESS.fullmatch(text):
        return ""
    host, slash, _path = text.partition("/")
    name = host.split(":", 1)[0].lower()
    local = name == "localhost" or name.replace(".", "").isdigit()
    # "story.html" is a file's name as much as a host's: only an address that says it is one.
    if not (slash or ":" in host or local or name.startswith("www.") or is_onion(name)):
        return ""
    # An onion service is plain http as a rule (Tor encrypts it end to end, its address is its
    # key): taken as https, one timed out or was refused for a self-signed certificate (acc50f
    # A11). Typed with https://, it stays https.
    return ("http://" if local or is_onion(name) else "https://") + text


def is_onion(host: str) -> bool:
    """Whether `host` names a Tor onion service."""
    return host.lower().rstrip(".").endswith(".onion")


def address_controls(text: str) -> str:
    """The control characters in `text`, written as escapes ("\\x1b, \\x07"); "" when it
    holds none."""
    return ", ".join(dict.fromkeys(_escaped(c) for c in _URL_CONTROLS.findall(text)))


def _escaped(char: str) -> str:
    return f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}"


def _controls_written(text: str) -> str:
    return _URL_CONTROLS.sub(lambda m: _escaped(m.group()), text)


# The name and password before an address's host, up to its last "@" there (as `url_display`
# reads an authority: ended by "/", "\\", "?" or "#").
_USER_INFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/\\?#]*@")


def written_address(text: str, most: int = 200) -> str:
    """`text`, an address given, as one line shows it: its control characters written as
    escapes (shown without them, it would look like another, real address), and no name and
    password before its host, as `url_display.shown_url` leaves them out of every line (an
    import's lines gave a feed's password to cron mail: acc51a A3)."""
    return safe_line(_controls_written(_USER_INFO.sub(r"\1", text.strip())), most)


def not_web_url(text: str) -> str:
    """The one line saying `text` is no http(s) address, with the address it may be short for.

    One holding control characters is written with them as escapes: shown as a terminal shows
    it (without them) it would look like a real address, and one the user could not tell from
    the one they meant."""
    text = text.strip()
    if controls := address_controls(text):
        written = safe_line(_controls_written(text), 240)
        return f"not a web address: it holds control characters ({controls}): {written}"
    if problem := web_url_problem(text):
        return f"not a web address: {problem}: {safe_line(text, 200)}"
    line = f"not an http(s) URL: {safe_line(text, 200)}"
    guess = with_scheme(text)
    return f"{line} (did you mean {safe_line(guess, 210)}?)" if guess else line


def without_credentials(url: str) -> str:
    """`url` without the name and password it may hold (`https://user:pw@host/`): a link from a
    file sent them as Basic auth to whatever the host is (acc32b B1); browsers ask first."""
    parts = urlsplit(url)
    if "@" not in parts.netloc:
        return url
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


def password_apart(url: str) -> tuple[str, str]:
    """`url` without the password it may hold, its user name kept (two accounts of one feed are
    two subscriptions), and that password ("" for none): a subscription is kept under the
    first, so a password changed since (`Feed.password`) leaves no old one in its keys."""
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    user, colon, password = userinfo.partition(":")
    if not at or not colon or not user:  # no user: `with_password` would have none to add it to
        return url, ""
    return urlunsplit(parts._replace(netloc=f"{user}@{host}")), password


def with_password(url: str, password: str) -> str:
    """`url` with `password` (as an address writes it, percent-encoded) for the password its
    user name holds ("" leaves it as it is); `url` itself when it names no user."""
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    if not password or not at:
        return url
    user = userinfo.partition(":")[0]
    return urlunsplit(parts._replace(netloc=f"{user}:{password}@{host}"))


def hop_credentials(target: str, asked: str) -> str:
    """A redirect's `target` with no name and password but those of `asked`, the address the
    user gave, and only at its own origin: a name and password a redirect names are the
    server's, not the user's, and were sent as Basic auth to the host they named (acc50a A4:
    "http://admin:hunter2@other.host/"); a feed's own, given by the user, go on with it to
    its new path on the same host, as httpx would send them."""
    parts, own = urlsplit(target), urlsplit(asked)
    host = parts.netloc.rpartition("@")[2]
    same = (parts.scheme, parts.hostname, parts.port) == (own.scheme, own.hostname, own.port)
    credentials = own.netloc.rpartition("@")[0] if same and "@" in own.netloc else ""
    netloc = f"{credentials}@{host}" if credentials else host
    return target if netloc == parts.netloc else urlunsplit(parts._replace(netloc=netloc))
