"""What `add` says of what it made of an address (`Library.add`'s `Added`): the lines `reader add`
prints and the TUI's `a` shows one of, worded once for both.

Each line is made safe here (`safe_line`): the feed's title and the page's come from the web.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import urlsplit

from .discovery import WELL_KNOWN_PATHS, web_page_answer
from .feed_names import clean_name
from .models import FetchError
from .plural import plural
from .reports import Added
from .safe import safe_line
from .sitemap_feed import NEWEST
from .url_display import line_url

MAX_LISTED = 20
"""Feeds listed when a page names several: a section index may name dozens, a hostile page
thousands (`discovery.MAX_FEED_LINKS` are read)."""
CLI_ADD = "`reader add URL`, or every one with `reader add --all PAGE`"
"""How the command line adds a feed, as a line tells the reader to."""
CLI_KEEP = "`reader save URL` keeps that page's article for good, `reader show URL` prints it"
"""How the command line keeps an article page added by mistake (a link someone sent)."""


CLI_RETRY = (
    "check the address (its spelling, http or https); `reader add --keep URL` keeps it, to be"
    " retried at each sync"
)
"""What to do of an address where nothing answered: most often a typo, else a site down."""


def nothing_answered(failure: FetchError) -> str:
    """That nothing answered at an address added, and why ("cannot find the host …"); that no
    web server did, when a server there answered in something else (an SSH banner, plain
    http to https): "nothing answered" was untrue of it (acc47c C7)."""
    nothing = "no web server answered" if failure.connected else "nothing answered"
    return f"{nothing} at {line_url(failure.url)}: {safe_line(failure.message, 200)}"


class Said(NamedTuple):
    text: str
    error: bool = False
    """A line of the failure (the CLI's stderr), not of what was done."""
    listed: bool = False
    """One of the feeds a page names, listed under the line saying so."""


class AddAnswer(NamedTuple):
    lines: list[Said]
    failed: bool
    """Nothing (or a feed whose first fetch failed) came of it: the CLI exits 1."""

    def one_line(self) -> str:
        """The line a screen shows: why it failed (the first line of the failure), else what
        was done (its lines joined)."""
        if self.failed:
            return next(line.text for line in self.lines if line.error)
        return " · ".join(line.text for line in self.lines if not line.listed)


def add_answer(
    added: Added, name: str = "", how_to_add: str = CLI_ADD, how_to_keep: str = CLI_KEEP
) -> AddAnswer:
    """What `add` says of `added`, which was asked under the user's `name` (if any);
    `how_to_add` is how the reader adds one of a page's feeds ("`reader add URL`"), and
    `how_to_keep` how it keeps the article of a page that names none ("" for no way)."""
    if added.nothing_answered is not None:
        return AddAnswer(
            [
                Said(f"{nothing_answered(added.nothing_answered)}: not subscribed", True),
                Said(CLI_RETRY, True),
            ],
            True,
        )
    if added.page and not added.url:
        return _no_feed_chosen(added, how_to_add, how_to_keep)
    answer = _subscribed(added, name)
    if added.page and added.article_page and how_to_keep:
        # A link someone sent, whose page names its site's feed (acc31c W3): the feed is
        # subscribed to, and the article itself is for the user to keep.
        answer.lines.append(Said(f"that page is itself an article: {how_to_keep}"))
    return answer


def _subscribed(added: Added, name: str) -> AddAnswer:
    """What `add` says of the feed it subscribed to (or found subscribed already)."""
    lines: list[Said] = []
    if added.page:
        lines.append(Said(_found_line(added)))
    if added.replaced:
        lines.append(Said(f"unsubscribed: {line_url(added.replaced)} (a web page, not a feed)"))
    url = line_url(added.url)
    if added.password_changed and added.result is not None:
        # The password itself is never said: a line goes to cron mail and the journal.
        if error := added.result.error:
            changed = f"password changed for {url}, but the feed's fetch with it failed"
            lines.append(Said(f"{changed}: {error.message}", True))
            return AddAnswer(lines, failed=True)
        lines.append(Said(f"password changed for {url}"))
        return AddAnswer(lines, failed=False)
    if added.already or added.result is None:
        named = clean_name(name)
        moved = f" (it moved for good to {line_url(added.moved_to)})" if added.moved_to else ""
        if added.moved_from:
            moved = f" ({line_url(added.moved_from)} moved there for good)"
        lines.append(
            Said(f"already subscribed: {url}{moved}" + (f", now shown as {named}" if named else ""))
        )
        return AddAnswer(lines, failed=False)
    result = added.result
    if result.error:
        lines.append(
            Said(f"subscribed to {url}, but its first fetch failed: {result.error.message}", True)
        )
        lines.append(
            Said(
                "it stays subscribed and is retried on the next `reader sync` (`reader remove` drops it)",
                True,
            )
        )
        return AddAnswer(lines, failed=True)
    title = safe_line(result.feed.display_title)
    lines.append(Said(f"subscribed: {title} ({plural(result.new_entries, 'headline')})"))
    if result.feed.problem:
        # What `reader feeds` warns of, said when the user is looking: a feed cut short read
        # as "subscribed: … (0 headlines)", a clean success (acc47c C6).
        lines.append(Said(f"warning: {safe_line(result.feed.problem)}"))
    return AddAnswer(lines, failed=False)


def _found_line(added: Added) -> str:
    """Where the feed subscribed to was found (`added.page` is a web page's address)."""
    url = line_url(added.url)
    if added.found_at == "anchor":
        return f"found the feed {url} linked from that page (its head names none)"
    if added.found_at == "path":
        return f"found the feed {url} on that page's site (the page names none)"
    if added.found_at == "sitemap":
        return (
            # A plain sitemap has no titles: "P 11" from /p/11.html until a sync has the page.
            f"no feed; following its sitemap {url}: its newest {NEWEST} pages, headed by the"
            " sitemap's titles, else their addresses, until a sync caches them"
        )
    others = len(added.feeds) - 1
    if others > 0:
        return (
            f"found the feed {url} on that page (the {plural(others, 'other')} it names: "
            "comment feeds, or this one in another format)"
        )
    return f"found the feed {url} on that page"


def _no_feed_chosen(added: Added, how_to_add: str, how_to_keep: str) -> AddAnswer:
    """Nothing subscribed to on a web page: the feeds it names to choose from, or why none."""
    # A page subscribed before (an OPML file's outline) stays so: `remove` is the reader's.
    kept = "it stays subscribed (`reader remove` drops it)" if added.already else "not subscribed"
    if added.error is not None:
        message = safe_line(added.error.message)
        return AddAnswer([Said(f"found a feed on that page, but {message}: {kept}", True)], True)
    if added.feeds:
        named = f' ("{added.page_title}")' if added.page_title else ""
        lines = [
            Said(
                f"that address is a web page{named} naming {plural(len(added.feeds), 'feed')}, "
                f"none plainly its main one: add the one you want with {how_to_add}",
                True,
            )
        ]
        for link in added.feeds[:MAX_LISTED]:
            listed = f"  {line_url(link.url)}  {safe_line(link.title, 80)}".rstrip()
            lines.append(Said(listed, listed=True))
        if len(added.feeds) > MAX_LISTED:
            lines.append(Said(f"  … and {len(added.feeds) - MAX_LISTED} more", listed=True))
        return AddAnswer(lines, True)
    if added.consent_wall:
        named = f' ("{added.page_title}")' if added.page_title else ""
        line = (
            f"the site answered with a cookie-consent page{named}, not a feed: open it in a "
            f"browser, or add the feed's own address: {kept}"
        )
        return AddAnswer([Said(safe_line(line), True)], True)
    why = (
        f"it names none, and its site has none at {', '.join(WELL_KNOWN_PATHS)}, nor a sitemap"
        " listing its pages"
    )
    if added.unanswered is not None:
        problem = added.unanswered
        why = f"it names none, and its site stopped answering at {problem.url}: {problem.message}"
    line = (
        f"{web_page_answer(added.page_title)}, and no feed was found on that page either "
        f"({why}): {kept}"
    )
    if how_to_keep and not added.already and not is_home_page(added.page):
        # An article's page, most likely: a link sent. A site's home page is a list of links,
        # no article to keep (acc45 A3).
        line += f"; {how_to_keep}"
    return AddAnswer([Said(safe_line(line), True)], True)


def is_home_page(url: str) -> bool:
    """`url` is a site's home page (its root, with or without a query)."""
    return urlsplit(url).path in ("", "/")
