"""What an import brings besides the subscriptions, said: another reader's read marks and
starred articles applied (`reader import --read-from`), newsboat's settings the reader does not
follow, and where a file's marks are to be read from."""

from __future__ import annotations

import argparse
import shlex
from pathlib import Path
from typing import TYPE_CHECKING

from ..marks import said_path
from ..plural import plural
from ..safe import safe_line
from .common import EXIT_OK, CommandError, counted_progress, err, out

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..library import Library
    from ..library.imported_marks import MarksUnderWay
    from ..library.saved_imports import SavedImport
    from ..opml import MarksElsewhere, Subscriptions
    from ..read_marks import ReadMarks


def say_newsboat_leftovers(file: str, read: Subscriptions, marked: bool) -> None:
    """What a newsboat user's file left behind: its read marks (unless `marked`: brought with
    --read-from), the tags `newsboat -e` leaves out, its config's killfile and macros."""
    from ..newsboat_leftovers import (
        NEWSBOAT_OPML_TAGS,
        config_leftovers,
        newsboat_config,
        newsboat_marks,
    )

    opml = read.newsboat == "opml"
    if not marked and (where := newsboat_marks(file, opml)):
        say_where_marks_are(file, where)
    if opml and not any(found.tags for found in read.found):
        err(NEWSBOAT_OPML_TAGS)
    if line := config_leftovers(newsboat_config(file)):
        err(line)


def newsboat_proxy_held(args: argparse.Namespace, lib: Library, fetching: bool) -> bool:
    """Whether newsboat's config beside `args.file` fetches through a proxy the reader's own
    config does not set, said in one line: the import's fetches (`fetching`: --read-from's)
    are then not made, and a sync's would connect directly (acc50f A3)."""
    from ..newsboat_leftovers import newsboat_config, proxy_not_in_force, proxy_read_elsewhere

    found = newsboat_config(args.file)
    again = import_again(args) if fetching else ""
    if line := proxy_not_in_force(found, lib.limits.proxy, again):
        err(line)
        return True
    if fetching and not lib.limits.proxy and (line := proxy_read_elsewhere(found)):
        err(line)  # which config was read, where the file's own may be elsewhere
    return False


def say_where_marks_are(file: str, marks: MarksElsewhere) -> None:
    """Where the reader a file came from keeps its read marks, and how to bring them."""
    import shlex

    database = Path(marks.database)
    there = "" if database.is_file() else " (none there now: where it keeps one by default)"
    kept = f"read marks and {marks.stars}" if marks.stars else "read marks"
    out(
        f"{marks.source} keeps its {kept} in its database,"
        f" {safe_line(marks.database, 300)}{there}: `reader import"
        f" {safe_line(shlex.quote(file), 300)} --read-from"
        f" {safe_line(shlex.quote(marks.database), 300)}` brings them (the feeds fetched then)"
    )


def read_marks_file(path: str, flags: str = "") -> ReadMarks:
    from ..newsboat_marks import read_marks

    try:
        return read_marks(Path(path), flags)
    except OSError as error:
        raise CommandError(f"cannot read {said_path(path)}: {error.strerror or error}") from None
    except ValueError as error:
        raise CommandError(str(error)) from None


def import_again(args: argparse.Namespace) -> str:
    """The import's file and --read-from, as the command to run again takes them."""
    given = [args.file] + (["--read-from", args.read_from] if args.read_from else [])
    return " ".join(shlex.quote(safe_line(a, 300)) for a in given)


async def apply_marks_said(
    lib: Library,
    urls: list[str],
    marks: ReadMarks,
    args: argparse.Namespace,
    state: MarksUnderWay | None = None,
    did: tuple[set[str], dict[str, list[str]]] = (set(), {}),
) -> int:
    """`imported_marks.apply_marks`, said: the feeds fetched, the headlines marked read, the
    starred articles saved, and what was not brought across of what the import brought (`did`:
    the feeds it subscribed to, and the tags it filed each under)."""
    from ..lemon24_library import left_out
    from ..library.imported_marks import apply_marks

    source = marks.source
    show, finish = counted_progress(f"saving {source}'s {marks.star} articles")
    # The feeds' fetch took half a minute with nothing shown (acc43a A11): a bar on a terminal.
    fetching, fetched = counted_progress(f"fetching the feeds for {source}'s read marks")
    try:
        done = await apply_marks(lib, urls, marks, show, _ended(fetching, fetched), state)
    finally:
        fetched()
        finish()
    out(
        f"fetched {plural(done.fetched, 'feed')} ({plural(done.headlines, 'headline')}): "
        f"{done.marked} marked read as {source} had them ({len(marks)} read in {source}'s"
        " list)"
    )
    if marks.deleted:
        out(f"{plural(marks.deleted, 'article')} deleted unread in newsboat: marked read here")
    if done.kept_unread:
        out(
            f"{plural(done.kept_unread, 'headline')} an import marked read before and you marked"
            " unread since: left unread"
        )
    if done.saved is not None:
        out(_stars_saved(done.saved, marks))
    if done.failed:
        names = ", ".join(safe_line(feed.display_title, 40) for feed in done.failed[:3])
        more = f" and {len(done.failed) - 3} more" if len(done.failed) > 3 else ""
        again = import_again(args)
        # Why, by kind (acc43a A8): a 404 or 410 will not "answer" later, and a slow site is
        # a setting away.
        why = []
        if done.taken_down:
            why.append(f"{len(done.taken_down)} answered 404 or 410 (`reader remove` one gone)")
        if done.timed_out:
            why.append(
                f"{len(done.timed_out)} timed out (a slow site: `[network] read_timeout`,"
                f" {lib.limits.read_timeout:g} s now)"
            )
        err(
            f"{plural(len(done.failed), 'feed')} could not be fetched ({names}{more}"
            f"{': ' + '; '.join(why) if why else ''}): their read marks are not applied;"
            f" `reader import {again}` again applies them once they answer"
        )
    if marks.flagged:
        letters = marks.flag_letters or "s"
        again = import_again(args)
        err(
            f"newsboat's flags on {plural(marks.flagged, 'article')} are not carried over"
            f" (flags mean what each user gives them; theirs: {safe_line(letters, 52)}):"
            f" `reader import {again} --saved-flags {'s' if 's' in letters else letters[:1]}`"
            " saves those flagged so, `s` in the reader one for good"
        )
    tagged_now = done.saved.tagged_now if done.saved is not None else ()
    for line in left_out(marks, *did, tagged_now):
        err(f"left out: {line}")
    if marks.unlinked_stars:
        err(
            f"left out {plural(marks.unlinked_stars, 'article')} {source} marked {marks.star}"
            " with no web address: nothing to save"
        )
    return EXIT_OK


def _ended(
    update: Callable[[int, int], None], finish: Callable[[], None]
) -> Callable[[int, int], None]:
    """`update`, and `finish` once every item is in: the next bar starts on a clean line."""

    def told(seen: int, total: int) -> None:
        update(seen, total)
        if seen >= total:
            finish()

    return told


def _links(count: int) -> str:
    return "a link" if count == 1 else "links"


def _stars_saved(saved: SavedImport, marks: ReadMarks) -> str:
    """The line of the starred articles saved: how many, and how each was kept."""
    parts = [f"{saved.fetched} for offline reading"] if saved.fetched else []
    if saved.kept:  # the site down or busy now
        unasked = (
            f" ({saved.unasked} not asked: the network did not answer)" if saved.unasked else ""
        )
        parts.append(
            f"{saved.kept} as {_links(saved.kept)} the next `reader sync` fetches{unasked}"
        )
    if saved.failed:
        parts.append(f"{len(saved.failed)} as {_links(len(saved.failed))}, no article there now")
    if saved.local:  # as an export's links are (`saved_imports.import_saved`)
        parts.append(
            f"{saved.local} as {_links(saved.local)} to this computer or its network, not"
            " fetched (open one to fetch it)"
        )
    if saved.copied:  # its page not coming: the text the database held (lemon24's reader's)
        parts.append(f"{saved.copied} with the text {marks.source} kept, its page not fetched")
    if saved.already:
        parts.append(f"{saved.already} saved before")
    if saved.unsaved_since:  # what this import did, not what the database holds (acc51b B10)
        parts.append(f"{saved.unsaved_since} you unsaved since: left as you left them")
    if saved.feeds:
        parts.append(f"{saved.feeds} left out (a feed)")
    marked = f"marked {marks.star}"
    if marks.tagged_alone:
        marked += f" or tagged ({marks.tagged_alone} tagged alone)"
    done = saved.total - saved.already - saved.unsaved_since - saved.feeds
    count = (
        plural(saved.total, "article")
        if done == saved.total
        else f"{done} of the {plural(saved.total, 'article')}"
    )
    tags = (
        f"; filed under {plural(len(saved.tagged_now), 'tag')} it gave them: "
        f"{', '.join(safe_line(t, 40) for t in saved.tagged_now[:8])}"
        if saved.tagged_now
        else ""
    )
    return (
        f"saved {count} {marks.source} {marked} (`reader list --saved`):"
        f" {', '.join(parts) or 'none fetched'}{tags}"
    )
