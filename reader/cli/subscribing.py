"""The commands that change the subscriptions one feed at a time: add, remove, rename."""

from __future__ import annotations

import argparse
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..add_answers import AddAnswer, add_answer
from ..discovery import is_comments_feed
from ..failing_feeds import failing, failing_lately, gone
from ..feed_names import folded, renamed
from ..marks import said_address
from ..models import FetchError
from ..plural import plural
from ..safe import safe_line
from ..typed_address import typed_address
from ..url_display import shown_apart, shown_url
from ..urls import not_web_url, written_address
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    err,
    given_names,
    not_subscribed,
    open_library,
    out,
    run_until_done,
)
from .feed_list import failed_lately

if TYPE_CHECKING:
    from collections.abc import Iterator

    from ..config import FetchLimits


def cmd_add(args: argparse.Namespace) -> int:
    # "feed://…" (a site's subscribe button's), "example.com" as a browser's bar takes it.
    typed = typed_address(args.url)
    if not typed.url:
        # Refused before anything is stored: bad input, as a wrong option is; with the fix
        # when one is plain ("htps://…", quotes pasted with it).
        err(typed.refusal or not_web_url(args.url))
        return EXIT_USAGE
    if typed.note:
        err(typed.note)  # "taken as https://example.com": stdout keeps the answer alone
    args.url = typed.url
    lib = open_library(args)
    lib.start_page_workers()  # a web page's address is read for its feeds: as `show` does

    if args.all and args.title:
        err("--title names one feed, --all adds several: not both")
        return EXIT_USAGE

    def said(answer: AddAnswer) -> None:
        for line in answer.lines:
            if line.error:
                err(line.text)
            else:
                out(line.text)

    async def run() -> int:
        with _said_if_long(args.url, lib.limits):
            added = await lib.add(args.url, name=args.title, keep=args.keep)
        wanted = [f for f in added.feeds if not is_comments_feed(f)] if args.all else []
        if not wanted or added.url or added.error is not None:
            answer = add_answer(added, args.title)
            said(answer)
            return EXIT_FAILED if answer.failed else EXIT_OK
        # Every feed the page names (acc45 A12), one at a time as `add` of each would: one
        # that fails is said and the rest still added.
        out(f"that page names {plural(len(wanted), 'feed')} (comment feeds aside): adding each")
        failed = False
        for feed in wanted:
            try:
                answer = add_answer(await lib.add(feed.url))
            except FetchError as error:  # its address answered 404: the next one still added
                err(safe_line(error.message))
                failed = True
                continue
            said(answer)
            failed = failed or answer.failed
        return EXIT_FAILED if failed else EXIT_OK

    return run_until_done(lib, run())


@contextmanager
def _said_if_long(url: str, limits: FetchLimits) -> Iterator[None]:
    """On a terminal, an answer from `url` still coming past the whole-request deadline (a
    slow link's, or a server's dripping without end) is said once: `reader add` sat silent for
    25 minutes (acc50a A1)."""

    # Here, not at the top: `reader feeds` and the other commands of this module start no
    # event loop (test_start_imports).
    import asyncio

    from ..outages import shown_at

    def waiting() -> None:
        if sys.stderr.isatty():
            longest = f"{limits.longest_answer:g} s at most: [network] longest_answer"
            err(f"still waiting for {shown_at(url)} after {limits.total_timeout:g} s ({longest})")

    said = asyncio.get_running_loop().call_later(limits.total_timeout, waiting)
    try:
        yield
    finally:
        said.cancel()


def cmd_remove(args: argparse.Namespace) -> int:
    if not (args.urls or args.failing or args.gone):
        raise UsageError("give a FEED, `-` (addresses on stdin, one a line), --failing or --gone")
    bulk = args.failing or args.gone or len(args.urls) > 1 or "-" in args.urls
    lib = open_library(args)
    try:
        status = EXIT_OK
        chosen: dict[str, str] = {}  # address: how its line names it
        for name in given_names(args.urls):
            url = lib.feed_named(name.strip())
            if url not in lib.store.feed_urls():
                if not bulk:
                    raise not_subscribed(lib, name)
                err(str(not_subscribed(lib, name)))  # the others still go, as `save` does
                status = EXIT_FAILED
                continue
            # One named alone as before ("unsubscribed: NAME"), an address without its
            # password; several by address.
            # One feed under two accounts: the one gone named by its user name too.
            apart = shown_apart(url, lib.store.feed_urls())
            named = apart if apart != shown_url(url) else written_address(name)
            chosen.setdefault(url, said_address(apart if bulk else named))
        lately = 0  # failing feeds left: their failure not lasted yet
        if args.failing or args.gone:
            picked = gone if args.gone else failing
            for feed in lib.feeds():
                if picked(feed) and feed.url not in chosen:
                    why = f"{feed.display_title}: {feed.last_error}"
                    chosen[feed.url] = (
                        f"{said_address(shown_url(feed.url))} ({safe_line(why, 160)})"
                    )
                elif args.failing and failing_lately(feed) and feed.url not in chosen:
                    lately += 1
        said = "would unsubscribe" if args.dry_run else "unsubscribed"
        for url, words in chosen.items():
            if not args.dry_run:
                lib.remove_feed(url)
            out(f"{said}: {words}")
    finally:
        lib.close()
    if bulk:
        which = "no feed gone for good" if args.gone else "no failing feed"
        nothing = not chosen and (args.failing or args.gone)
        # A summary on stderr, as `sync`'s: stdout keeps a line a feed, for a script.
        out(
            f"{which}: nothing unsubscribed"
            if nothing
            else f"{said} from {plural(len(chosen), 'feed')}"
            + (" (--dry-run: nothing changed)" if args.dry_run else ""),
            sys.stderr,
        )
        if lately:
            out(f"{failed_lately(lately)}, left subscribed", sys.stderr)
    return status


def cmd_rename(args: argparse.Namespace) -> int:
    lib = open_library(args)
    try:
        before = lib.feeds()
        feed = lib.rename_feed(args.url, args.name)
        if feed is None:
            raise not_subscribed(lib, args.url)
        was = next((f.display_title for f in before if f.url == feed.url), feed.display_title)
        others = [f for f in lib.feeds() if f.url != feed.url]
    finally:
        lib.close()
    out(renamed(was, feed))
    if feed.name and any(folded(f.display_title) == folded(feed.name) for f in others):
        err(
            "another feed is shown by that name too: --feed, remove and rename take neither by "
            "it (their address, as `reader feeds` shows it, names each)"
        )
    return EXIT_OK
