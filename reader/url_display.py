"""A link's address as the reader shows it and copies it: as where it goes, not as it looks.

The one rule for every place an address reaches the screen or a copy (the reading view's status
line, the link list and its `c`, the citation, `reader show`'s Markdown and plain text, the
feeds' list): a host name that could pass for another site's is shown as the punycode the
browser will ask for (`lookalike_hosts`), and a user name before the host ("paypal.com%2f@" in
https://paypal.com%2f@evil.example/) is left out, as Chromium and Safari leave it out of the
address bar, so the host the link goes to is the first name read. A news link has no use for
one: it only pushes the real host along the line. The link itself is not changed: Enter hands
the browser the address as the page wrote it, and the browser's own bar shows it by its own
rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote, unquote, urlsplit

from .safe import safe_line
from .urls import site_host

# The authority is read as a browser reads it: ended by "/", "?", "#" and also "\", which
# browsers take for a slash in a web address ("https://evil.example\@paypal.com" goes to
# evil.example, though Python's urlsplit names paypal.com its host).
_WEB_ADDRESS = re.compile(r"(https?)://([^/\\?#]*)(.*)", re.IGNORECASE | re.DOTALL)
_HOST_AND_PORT = re.compile(r"(.*?)(:[0-9]*)?")
# What a browser refuses in a host once percent-decoded: such an address goes nowhere.
_NOT_IN_HOST = re.compile(r"[\x00-\x20#%/:<>?@\[\\\]^|]")
# The dots IDNA reads as dots between labels.
_LABEL_DOTS = re.compile("[.\u3002\uff0e\uff61]")


def shown_url(url: str) -> str:
    """`url` as one line to show or copy: control characters gone (`safe_line`), and for a web
    address its host as `shown_host` gives it, no user name before it, and one word
    (`unbroken_url`: the link list's `c` and the status line gave a query's spaces as they
    were, and a pasted address broke at the first, or read as an address and words). Any other
    address (mailto:, tel:, a relative one) is only made safe."""
    text = safe_line(url)
    match = _WEB_ADDRESS.fullmatch(text)
    if match is None:
        return text
    scheme, authority, rest = match.groups()
    host, port = _host_and_port(authority.rpartition("@")[2])
    return unbroken_url(f"{scheme.lower()}://{shown_host(host)}{port}{rest}")


def shown_with_user(url: str) -> str:
    """`url` as `shown_url` shows it, its user name before the host ("http://ed@host/f.xml"),
    never its password: one of two subscriptions of a feed under two accounts, told apart by
    it (acc51d D3: two identical addresses, and `remove` of one took the first). The name
    percent-encoded as typed ("reporter%40paper.example"), so nothing in it reads as a host."""
    user = urlsplit(url).netloc.rpartition("@")[0].partition(":")[0]
    shown = shown_url(url)
    if not user or "://" not in shown:
        return shown
    scheme, _, rest = shown.partition("://")
    return f"{scheme}://{quote(unquote(safe_line(user)), safe='')}@{rest}"


def shown_apart(url: str, urls: Iterable[str]) -> str:
    """`url` as `shown_url` shows it, or with its user name (`shown_with_user`) when another
    of `urls` is shown the same: the feeds' list's and a question's address, which the user
    gives back to name that one."""
    shown = shown_url(url)
    if sum(shown_url(other) == shown for other in urls) > 1:
        return shown_with_user(url)
    return shown


def wire_url(url: str) -> str:
    """`url` with its host as a request names it, each label beyond ASCII in punycode
    ("http://раураl.com/feed.xml" as "http://xn--l-7sba6dbr.com/feed.xml"), the rest as
    written: the form an address takes where another program reads it (an OPML export), in
    which no look-alike letter passes for another site's (acc50a A10). Showing it to the user
    is `shown_url`'s question."""
    match = _WEB_ADDRESS.fullmatch(url)
    if match is None or url.isascii():
        return url
    scheme, authority, rest = match.groups()
    userinfo, at, host_and_port = authority.rpartition("@")
    host, port = _host_and_port(host_and_port)
    if host.isascii() or host.startswith("["):
        return url
    from .lookalike_hosts import ascii_label  # idna: a host beyond ASCII alone needs it

    labels = ".".join(ascii_label(label) for label in _LABEL_DOTS.split(host))
    return f"{scheme}://{userinfo}{at}{labels}{port}{rest}"


# A run of letters no ASCII address holds, in what follows the host.
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")


def cited_form(url: str) -> str:
    """`url` as a citation gives it: as `shown_url` shows it (its host by the same rule), with
    the path, query and fragment's other letters percent-encoded in UTF-8, as a browser copies
    an address ("/新闻/地铁开通.html" as "/%E6%96%B0%E9%97%BB/…"). Decided so (acc38a J18)
    because a citation is pasted where the reader's screen is not: a plain-text e-mail's or an
    older CMS's autolinker ends the link at the first Arabic or Chinese letter, and a bidi-aware
    editor shows an Arabic slug's words in reverse order ("…/3/الثالث-الخط-افتتاح"), which a
    reader then retypes wrong. The encoded form is the address the server is asked for, and
    reads the same everywhere. The reading view, the link list and the status line show the
    address as read, to be read."""
    shown = shown_url(url)
    match = _WEB_ADDRESS.fullmatch(shown)
    if match is None or shown.isascii():
        return shown
    scheme, authority, rest = match.groups()
    encoded = _NOT_ASCII.sub(lambda run: quote(run.group(), safe=""), rest)
    return f"{scheme}://{authority}{encoded}"


# Cells of an address on one of the command line's lines: a signed CDN address fits whole.
LINE_URL_CELLS = 200


def line_url(url: str) -> str:
    """`url` as a line of the command line names it: as shown (`shown_url`), and cut in its
    middle past `LINE_URL_CELLS` as the link list cuts it, its host and its end both read and
    the reason after it too (a feed's 1 MB link was a 1 MB line of every sync's, cut before its
    reason: acc37b I2; `reextract` printed it whole)."""
    from .cells import middle_cut

    return middle_cut(shown_url(url), LINE_URL_CELLS)


def without_password(url: str) -> str:
    """`url` with the password it may hold written "***" ("https://me:***@host/feed.xml"), its
    user name kept: the address as a record meant to be read or shared gives it (`list --json`,
    `show --format json`, a proxy's failure), where a feed's own record (`feeds --json`) and an
    OPML export, which exist to move subscriptions, carry it whole (acc50a A2: the JSON export,
    the one "for a script or an archive", carried every article's feed password). The user name
    tells two subscriptions of one feed apart; the password is the user's alone."""
    parts = urlsplit(url)
    userinfo, at, host = parts.netloc.rpartition("@")
    if not at or ":" not in userinfo:
        return url
    return parts._replace(netloc=f"{userinfo.partition(':')[0]}:***@{host}").geturl()


def unbroken_url(url: str) -> str:
    """`url` with what would end it where it is pasted or written (a space, "<", ">")
    percent-encoded, as a browser sends them: one word in a line of text, a citation or a
    Markdown autolink alike."""
    return url.replace(" ", "%20").replace("<", "%3C").replace(">", "%3E")


def _host_and_port(authority: str) -> tuple[str, str]:
    if authority.startswith("["):  # an IPv6 address, its port after the "]"
        address, bracket, port = authority.partition("]")
        return address + bracket, port
    match = _HOST_AND_PORT.fullmatch(authority)
    assert match is not None  # the pattern matches any string
    return match[1], match[2] or ""


def shown_host(host: str) -> str:
    """A host name as a browser's address bar shows it: lower case, percent-escapes read, each
    label in Unicode when it can't pass for another's, else in punycode ("xn--pple-43d.com"
    for "аpple.com" with a Cyrillic "а")."""
    if host.startswith("["):
        return host.lower()
    decoded = unquote(host, errors="replace") if "%" in host else host
    if _NOT_IN_HOST.search(decoded):
        return host.lower()  # no browser goes there (a space, a "/"): shown as written
    host = decoded
    if host.isascii() and "xn--" not in host.lower():
        return host.lower()
    # Here: the rules for look-alike letters (and idna under them, ~2 ms of a start) are for
    # a host beyond ASCII, which the first screen seldom shows.
    from .lookalike_hosts import shown_label

    labels = _LABEL_DOTS.split(host)
    tld = next((label for label in reversed(labels) if label), "")
    return ".".join(shown_label(label, tld) for label in labels)


def site_named(name: str, url: str) -> str:
    """The name a site is shown and cited by: the one its page gives (`name`), else the host
    it was read at, as an address bar shows it (`shown_host`): the list's source of a saved
    page and its citation's container are one (acc40a M6: a page naming no site was listed
    under "127.0.0.1" and cited with no site at all)."""
    return name or shown_host(site_host(url))
