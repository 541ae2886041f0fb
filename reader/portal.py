"""A network that answers every request with a page of its own: the login page of a hotel's,
an airport's or a train's Wi-Fi (a "captive portal"), until its terms are accepted.

Such a network answers a feed's address with a web page, and every article's with that same
page, directly or after a redirect to it. Cached, the page would stand as every article fetched,
marked as cached, and no later sync would fetch them again. A real site never gives one page,
byte for byte, in answer to a feed and to an article, or to two articles that stay at addresses
of their own, titled as neither headline; a login page does nothing else. `PortalWatch`
remembers, for some minutes, a fingerprint of each web page that came back and for what it was
asked, and says when one page has answered in place of different ones: from then on that page
is not read, and the articles cached from it before it was known are taken back out.
"""

from __future__ import annotations

import hashlib
import re
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from .models import ErrorKind, FetchError
from .safe import safe_line
from .urls import page_address

# How long an answer is remembered: a sync, or the minutes a reader spends on a login page.
WINDOW = 15 * 60.0
# How long a page found to be a site's sign-in page (`PortalWatch._site_page`) is known so: the
# syncs of the next weeks ask only for its walled stories, with no free one to tell by.
SITE_PAGE_KEPT = 30 * 24 * 3600.0
# Answers remembered at most: a sync of thousands of articles must not grow without end.
_MAX_ANSWERS = 20_000


def portal_message(title: str) -> str:
    """What a sync says of a login page, named by its title (untrusted: made safe here)."""
    named = safe_line(title, 80)
    return f"the network answered with a login page{f' ({named})' if named else ''}: log in and sync again"


def portal_error(title: str, url: str = "") -> FetchError:
    return FetchError(ErrorKind.PORTAL, portal_message(title), url)


# What a network's login page changes from one answer to the next, masked before the page is
# fingerprinted: the address asked for, echoed whole or %-encoded ("?continue=http%3A%2F%2F…",
# "You asked for http://…"), or its path alone or after its host ("requested /harbour/rss.xml",
# "news.example/harbour/rss.xml", acc46b A3), a session's token in a hidden field or a line (hex,
# base64), the time of day. Hotel and train portals almost all carry one or more (acc42c C12:
# every answer differed, so none was known for one page). Two articles never differ by these
# alone (a path's mask takes a closing tag's name too: it is its opening tag's, not masked).
# A path is looked for only at a word's start, its word taken whole (`*+`: never given back a
# letter at a time to look for a "/"): so, the masking took 1.1x main's time, else 1.8x.
_CHANGING = re.compile(
    rb"://[^\s\"'<>]*"  # an address (its scheme alike in all)
    rb"|%[0-9a-f]{2}[\w.~+/=%-]*"  # an address %-encoded
    rb"|(?<![\w.-])[\w.-]*+(?::\d+)?/[\w.~+/=%-]*"  # a path, after its host (and port) or not
    rb"|[\w+/=-]{16,}"  # a token (and the longer class names: no matter)
    rb"|\b[0-9a-f]{6,15}\b"  # a short token in hex ("798b1b9e")
    rb"|\d{5,}"  # a counter, a time stamp
    rb"|\d\d?:\d\d(?::\d\d)?",  # the time of day
    re.IGNORECASE,
)
# A login page is a few kilobytes (a few tens with its styles inline); a page past this (an
# article's: 50 KB to 1 MB) is fingerprinted as it came, the masking not paid for: about half a
# microsecond a byte against blake2b's hundredth (benchmarks/portal_print.py).
_MASKED_UP_TO = 32 * 1024
# What makes a login page larger than that: its style sheet, its logo and icons inline (a CSS
# framework's 150 KB, an SVG, a picture as a `data:` address), never what it asks or tells. Left
# out of a larger page's print, which is masked when what is left is a login page's size. Found
# by `bytes.find` and a pattern opening with a literal, a few nanoseconds a byte (a regex's
# `<style.*?</style>` took 17, the masking hundreds); a page past `_REDUCED_UP_TO` (an
# article's) is printed as it came, none of it paid. Its scripts too (a framework's, its
# tracking): what a login page asks and tells is in its text and form. Found in any case
# (`<STYLE>`, `<Script>`: HTML's names are): a lower-case copy is searched, the page cut.
_INLINE_ART = ((b"<style", b"</style>"), (b"<svg", b"</svg>"), (b"<script", b"</script>"))
_DATA_ADDRESS = re.compile(rb"data:[\w/+.-]+;base64,[\w+/=]*")
_REDUCED_UP_TO = 512 * 1024


def fingerprint(body: bytes) -> bytes:
    """The print of a web page: for one a login page's size, its styles and pictures inline
    aside, the same for two answers that differ only in what a login page changes at each
    (`_CHANGING`)."""
    if len(body) <= _MASKED_UP_TO:
        body = _CHANGING.sub(b"~", body)
    elif len(body) <= _REDUCED_UP_TO:
        reduced = _without_art(body)
        if len(reduced) <= _MASKED_UP_TO:
            body = _CHANGING.sub(b"~", reduced)
    return hashlib.blake2b(body, digest_size=16).digest()


def _without_art(body: bytes) -> bytes:
    """`body` without its `<style>`, `<svg>` and `<script>` elements (their tags in any case)
    and its `data:` addresses."""
    # ASCII letters alone change case in bytes: the copy's places are the page's.
    lowered = body.lower()
    cuts: list[tuple[int, int]] = []
    for start, end in _INLINE_ART:
        at = 0
        while (opened := lowered.find(start, at)) >= 0:
            if (closed := lowered.find(end, opened)) < 0:
                break
            at = closed + len(end)
            cuts.append((opened, at))
    if cuts:
        kept, at = [], 0
        # One element inside another (an <svg> in a <script>'s string): the outer one's cut.
        for opened, closed in sorted(cuts):
            if closed <= at:
                continue
            kept.append(body[at : max(at, opened)])
            at = closed
        kept.append(body[at:])
        body = b"".join(kept)
    return _DATA_ADDRESS.sub(b"", body) if b"data:" in body else body


@dataclass(frozen=True, slots=True)
class Answer:
    """One web page that came back, and what it was asked for."""

    asked: str  # the address asked for, canonical
    ended: str  # where the redirects ended, canonical
    feed: bool  # asked for as a feed
    article: str = ""  # the link of the article it is the first page of
    unrelated: bool = False  # ...whose headline its title shares no word with
    failed_before: str = ""  # ...why it had failed to come before (put back when taken out)
    headlined: bool = False  # ...whose headline its title shares a word with: that story
    listed_by: str = ""  # ...the feed whose headline it is, "" for an address opened alone
    picture: bool = False  # asked for as an article's picture (answered by a web page)
    said: str = ""  # what a page to sign in was refused with (`login_page.sign_in_error`)
    at: float = field(default_factory=time.monotonic)


# Words a headline and an unrelated page's title may share without telling anything.
_COMMON = frozenset(
    [
        "about",
        "after",
        "also",
        "been",
        "before",
        "from",
        "have",
        "into",
        "more",
        "news",
        "over",
        "said",
        "says",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "they",
        "this",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
    ]
)
_WORD = re.compile(r"\w{4,}")


def relates(headline: str, title: str) -> bool:
    """A page titled `title` may be the story headlined `headline`: they share a word of
    four letters or more (not one of the commonest), or the headline has no such word to
    tell by (a title in a script written without spaces, one too short)."""
    wanted = {w for w in _WORD.findall(headline.casefold()) if w not in _COMMON}
    return not wanted or bool(wanted & set(_WORD.findall(title.casefold())))


def _host(url: str) -> str:
    return urlsplit(page_address(url)).netloc


def _in_place_of_others(a: Answer, b: Answer, story: bool = False) -> bool:
    """One page came back for `a` and for `b`, which a real site never does: a feed's address
    and an article's give different pages, and so do two articles at addresses of their own.
    Two links that lead to one article (a tracker's, a shortener's) end at the same address;
    two feeds of one site may both be sent to its home page. The pages of one article (its
    later pages, its AMP or one-page version) may be one page: a site ignoring "?view=all".

    Two spellings of one address are one page (`page_address`: "/story" and "/story/", one
    with a user name), and two articles are compared by their paths alone: a feed listing
    another's story twice ("http://127.0.0.1/s" and "http://localhost/s", which one server
    answers alike, under headlines of its own) lists one page. Nor do two articles tell
    anything of a page that is known to be a story (`story`: titled as another headline it
    answered for, acc37b I1): a feed naming it twice under other headlines, at two addresses a
    site serves it at ("/story/123/any-slug"), would make a login page of a paper's article;
    only a feed's address answered with it tells, as a login page answers every feed. Nor do
    two headlines of one feed: a feed's own items can't condemn a page another feed links to;
    a login page answers for every feed's, and for addresses opened alone."""
    if page_address(a.asked) == page_address(b.asked) or (a.article and a.article == b.article):
        return False
    if not (a.feed or a.unrelated) or not (b.feed or b.unrelated):
        return False  # a page titled as its headline is that story, at two addresses
    if a.feed != b.feed:
        return True
    if a.feed:
        return _host(a.asked) != _host(b.asked)
    if story or (a.listed_by and a.listed_by == b.listed_by):
        return False
    if a.picture or b.picture or _path(a.ended) == _path(b.ended):
        # A live blog's entries link to its one page, each with a query of its own
        # ("live.html?block=2"), each headlined as its entry, not as the page; a site answers
        # its missing pictures with its one error page: one page at one path, or one site's.
        # But one page that addresses on several hosts were all sent on to, on a host of its
        # own, is a network's login page (a 302 to "/login?orig=…", acc46b A4, A1).
        return _elsewhere(a, b)
    return True


def _elsewhere(a: Answer, b: Answer) -> bool:
    """`a` and `b` were asked of two hosts, and neither answered it itself: both were sent on
    to where it came from (or, for pictures, it came from both)."""
    if _host(a.asked) == _host(b.asked):
        return False
    if a.picture or b.picture:
        return True
    return _host(a.ended) not in (_host(a.asked), _host(b.asked))


def _tells_story(answer: Answer) -> bool:
    """`answer` is an article of its host's own: titled as its headline, not sent on to
    another host. No network's login page is."""
    return (
        answer.headlined
        and not (answer.feed or answer.picture)
        and _host(answer.asked) == _host(answer.ended)
    )


def _path(url: str) -> str:
    """The path of `url` as `page_address` reads it, without its host and query: the page a
    site serves whatever the query asks of it, under whichever of its names."""
    return urlsplit(page_address(url)).path


class PortalWatch:
    """The web pages answered in the last minutes (`WINDOW`), and those known to be a login
    page answering for every address."""

    def __init__(self, window: float = WINDOW) -> None:
        self.window = window
        self._answers: dict[bytes, list[Answer]] = {}
        self._count = 0
        self._pruned_at = 0.0  # the cutoff past which answers are looked at again
        self._portals: dict[bytes, tuple[str, float]] = {}  # fingerprint: (title, last seen)
        self._by_address: dict[str, bytes] = {}  # the fingerprint a portal answered an address with
        # When each host last gave an article of its own (`_tells_story`), and the answers of
        # each login page known so, a site's found in the network's place after (`_cleared`).
        self._stories: dict[str, float] = {}
        self._declared_by: dict[bytes, list[Answer]] = {}
        self._cleared: dict[str, Answer] = {}
        self._by_words: set[bytes] = set()  # known by `login_page` (`answered`)
        self.cleared_prints: list[bytes] = []
        """Those taken for a network's login page and found to be a site's since last looked
        at (the caller forgets them where it kept them)."""
        self._site_pages: set[bytes] = set()
        self.site_pages_found: list[bytes] = []
        """The pages found to be a site's sign-in page since last looked at (the caller keeps
        them for the runs of the next days: `recall_site_page`)."""
        self.last_seen = 0.0
        """When a login page was last answered (`time.monotonic`), 0 for never."""

    def recall(self, print_: bytes, title: str, age: float) -> None:
        """A page found for a login page `age` seconds ago, by an earlier run (a sync): known
        for one again, for what is left of the window."""
        if 0 <= age < self.window:
            self._portals[print_] = (title, time.monotonic() - age)

    def recall_site_page(self, print_: bytes) -> None:
        """A page an earlier run found to be a site's sign-in page (`_site_page`): its walled
        stories, the only ones a later sync asks for again (the free ones cached), never make
        it the network's, which that sync took it for on their two hosts alone (acc47e E1)."""
        self._site_pages.add(print_)

    def title(self, print_: bytes) -> str | None:
        """The title of the login page of this fingerprint, None when it is no such page."""
        known = self._portals.get(print_)
        if known is None or time.monotonic() - known[1] > self.window:
            return None
        return known[0]

    def known(self) -> frozenset[bytes]:
        """The fingerprints of the pages known for a login page (`title` says so of each)."""
        return frozenset(p for p in self._portals if self.title(p) is not None)

    def answered_by_portal(self, url: str) -> str | None:
        """The title of the login page that last answered `url` (canonical), or None."""
        print_ = self._by_address.get(url)
        return None if print_ is None else self.title(print_)

    def answered(
        self, print_: bytes, answer: Answer, title: str, login_page: bool = False
    ) -> list[Answer] | None:
        """Record that the page of fingerprint `print_` (titled `title`) answered `answer`.
        None when, as far as is known, it is a page of its own; otherwise it is a login page
        (or `login_page` says it is one: `login_page.login_page_elsewhere`): the answers of
        the articles cached from it before that was known, to be taken out."""
        now = answer.at
        self._forget_before(now - self.window)
        if _tells_story(answer):
            self._stories[_host(answer.asked)] = now
            self._clear_for(_host(answer.asked))
        earlier = self._answers.setdefault(print_, [])
        known = self._portals.get(print_)
        story = any(e.headlined for e in (*earlier, answer))
        if (
            known is None
            and not login_page
            and not any(self._in_place(print_, answer, e, story) for e in earlier)
        ):
            earlier.append(answer)
            self._count += 1
            return None
        self._portals[print_] = (known[0] if known else title, now)
        self.last_seen = now
        declared = self._declared_by.setdefault(print_, [])
        if login_page:  # known by its words and where it was sent from: never a site's
            self._by_words.add(print_)
        for each in (*earlier, answer):
            self._by_address[each.asked] = print_
            declared.append(each)
        taken = [e for e in earlier if e.article]
        self._answers[print_] = [answer]
        return taken

    def _in_place(self, print_: bytes, a: Answer, b: Answer, story: bool) -> bool:
        """`_in_place_of_others`, but for two articles of hosts one of which gave an article
        of its own minutes ago: a network's login page answers for every address of a host,
        a publisher group's sign-in page (one for all its papers) for the walled stories
        alone, the free ones read as ever beside them. So found, the page is known for a
        site's (`_site_page`), here and in the runs of the next days."""
        if not _in_place_of_others(a, b, story):
            return False
        if a.feed or b.feed or a.picture or b.picture:
            return True
        if print_ in self._site_pages:
            return False
        if self._told(_host(a.asked), a.at) or self._told(_host(b.asked), a.at):
            self._site_page(print_)
            return False
        return True

    def _site_page(self, print_: bytes) -> None:
        if print_ and print_ not in self._site_pages:
            self._site_pages.add(print_)
            self.site_pages_found.append(print_)

    def _told(self, host: str, now: float) -> bool:
        at = self._stories.get(host)
        return at is not None and now - at < self.window

    def _clear_for(self, host: str) -> None:
        """`host` gave an article of its own: a login page taken for the network's from
        articles of its (never a feed's: a site's sign-in page answers none) is its own."""
        for print_, answers in list(self._declared_by.items()):
            if (
                print_ in self._by_words
                or any(a.feed for a in answers)
                or all(_host(a.asked) != host for a in answers)
            ):
                continue
            self._portals.pop(print_, None)
            self._site_page(print_)
            del self._declared_by[print_]
            for each in answers:
                self._by_address.pop(each.asked, None)
                self._cleared[each.asked] = each
            self.cleared_prints.append(print_)

    def cleared(self, url: str) -> Answer | None:
        """The answer for `url` (canonical) of a page taken for the network's login page
        and found to be a site's (`_clear_for`), None for any other."""
        return self._cleared.get(url)

    def _forget_before(self, cutoff: float) -> None:
        """Drop answers older than `cutoff`: looked at once a minute, or when too many."""
        if self._count < _MAX_ANSWERS and cutoff < self._pruned_at:
            return
        if self._count >= _MAX_ANSWERS:
            cutoff = max(cutoff, time.monotonic() - self.window / 4)
        kept = {p: [a for a in answers if a.at >= cutoff] for p, answers in self._answers.items()}
        self._answers = {p: answers for p, answers in kept.items() if answers}
        self._cleared = {url: a for url, a in self._cleared.items() if a.at >= cutoff}
        self._declared_by = {
            p: a for p, a in self._declared_by.items() if self.title(p) is not None
        }
        self._by_words = {p for p in self._by_words if self.title(p) is not None}
        self._count = sum(len(a) for a in self._answers.values())
        self._pruned_at = cutoff + 60.0


def page_print(body: bytes) -> tuple[bytes, str] | None:
    """The fingerprint and the title of the web page `body` (inflated), None when it is no
    whole web page (a feed, a PDF, a fragment)."""
    from .sniff import html_title, is_html_document

    if not is_html_document(body):
        return None
    return fingerprint(body), html_title(body)
