"""The tag commands: `reader tag FEED TAG…` and `reader untag FEED TAG…` (an article's id or
address for FEED: a saved article's tags), and the tags that `--tag` names (`reader list`,
`sync`, `mark-read`, `mark-unread`)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import TYPE_CHECKING

from ..feed_names import folded
from ..feed_tags import typed_tag
from ..keys import copy_of, looks_like_entry_id
from ..models import Entry, Feed, FetchError
from ..safe import safe_line
from ..urls import is_web_url
from .common import (
    EXIT_FAILED,
    EXIT_OK,
    CommandError,
    UsageError,
    err,
    given_ids,
    not_subscribed,
    open_library,
    out,
)

if TYPE_CHECKING:
    from ..library import Library
    from ..library.stored import StoredLibrary


def _articles_first(args: argparse.Namespace) -> list[str] | None:
    """The articles' ids given before the tags (`reader tag ID ID ID paper1`), taken off
    `args.tags`; None for one feed or article. Read as tags, the ids filed the first article
    under them, unsaid (acc47a A12): no tag is spelled as an article's id is."""

    def article_id(given: str) -> str:
        # "2c62e4e2c688@1", a search's hit in a kept copy (`reader list --ids`), is its article
        # too: read as a tag, it filed the others under "2c62e4e2c688@1".
        return copy_of(given)[0].strip()

    if not looks_like_entry_id(article_id(args.url)):
        return None
    ids = [article_id(args.url)]
    while args.tags and looks_like_entry_id(article_id(args.tags[0])):
        ids.append(article_id(args.tags.pop(0)))
    if not args.tags:
        # An older reader filed an article under an id given as a tag (acc47d D9): its "#"
        # says it is one, as lists write tags.
        raise UsageError(
            f"no tag after the {len(ids)} articles' ids: `reader {args.command} ID… TAG…` (a tag"
            f" spelled as an id is written with its #: '#{ids[-1]}')"
        )
    return ids if len(ids) > 1 else None


def _many_given(args: argparse.Namespace, untag: bool) -> int | None:
    """`reader tag` (or untag) of the articles given before the tags or on stdin (`-`), done
    (`_tag_many`): its exit status; None for one feed or article, left to the command."""
    if (ids := _articles_first(args)) is not None:
        return _tag_many(args, _tags(args.tags), untag=untag, names=ids)
    if args.url == "-":
        return _tag_many(args, _tags(args.tags), untag=untag)
    return None


def cmd_tag(args: argparse.Namespace) -> int:
    if (status := _many_given(args, untag=False)) is not None:
        return status
    tags = _tags(args.tags)
    lib = open_library(args)
    try:
        feed = lib.tag_feed(args.url, tags)
        if feed is None:
            said = _tagged(lib, _article(lib, args.url), tags)
    finally:
        lib.close()
    if feed is None:
        out(said)
        return EXIT_OK
    out(f"tagged: {safe_line(feed.display_title, 60)}: {shown_tags(feed)}")
    return EXIT_OK


def cmd_untag(args: argparse.Namespace) -> int:
    if (status := _many_given(args, untag=True)) is not None:
        return status
    tags = _tags(args.tags)
    lib = open_library(args)
    try:
        before = next((f for f in lib.feeds() if f.url == lib.feed_named(args.url.strip())), None)
        feed = lib.untag_feed(args.url, tags)
        if feed is None:
            target = _article(lib, args.url)
            had_tags = lib.tags_of(target)
            now = lib.untag_article(target, tags)
            title = article_title(lib, target)
    finally:
        lib.close()
    if feed is None:
        return _untagged(title, had_tags, tags, now)
    had = {folded(tag) for tag in before.tags} if before else set()
    if missing := [tag for tag in tags if folded(tag) not in had]:
        err(f"{safe_line(feed.display_title, 60)} had no tag {_quoted(missing)}")
    # The tags taken off, then those left: "a, b" alone read as the ones taken (acc28c C3).
    asked = {folded(tag) for tag in tags}
    gone = [tag for tag in (before.tags if before else ()) if folded(tag) in asked]
    taken = ", ".join(safe_line(tag, 40) for tag in gone) or "nothing"
    out(
        f"untagged: {safe_line(feed.display_title, 60)}: {taken} (its tags now: {shown_tags(feed)})"
    )
    return EXIT_OK


def _untagged(title: str, had: tuple[str, ...], asked: list[str], now: tuple[str, ...]) -> int:
    """What `reader untag ARTICLE TAG…` says, said as of a feed."""
    had_folded = {folded(tag) for tag in had}
    if missing := [tag for tag in asked if folded(tag) not in had_folded]:
        err(f"{title} had no tag {_quoted(missing)}")
    wanted = {folded(tag) for tag in asked}
    taken = ", ".join(safe_line(tag, 40) for tag in had if folded(tag) in wanted) or "nothing"
    out(f"untagged: {title}: {taken} (its tags now: {_listed_tags(now)}; still saved)")
    return EXIT_OK


def _tag_many(
    args: argparse.Namespace, tags: list[str], untag: bool, names: list[str] | None = None
) -> int:
    """`reader tag - TAG…` (or untag): the articles whose ids or addresses stdin gives, one a
    line, as `reader list --ids` prints them (or `names`, given before the tags); each said in
    a line as one given alone, one that names no article said and passed over (acc33b B2:
    thousands took a process each). The ids given before the tags are each looked up first:
    one naming no article, and none is changed (acc47e E13: the first tagged, then a failure,
    the change half made)."""
    named = names is not None
    names = given_ids(["-"]) if names is None else names
    if not names:  # a search that found none piped in: nothing to do, no failure
        return EXIT_OK
    status = EXIT_OK
    lib = open_library(args)
    try:
        resolve = lib.resolver()
        targets: list[Entry | str] = []
        for name in names:
            try:
                targets.append(_article(lib, name, resolve, feeds=False))
            except CommandError as error:
                err(str(error))
                status = EXIT_FAILED
        if named and status != EXIT_OK:
            err(f"nothing {'untagged' if untag else 'tagged'}: check the ids and try again")
            return status
        for target in targets:
            if untag:
                had_tags = lib.tags_of(target)
                now = lib.untag_article(target, tags)
                _untagged(article_title(lib, target), had_tags, tags, now)
                continue
            out(_tagged(lib, target, tags))
    finally:
        lib.close()
    return status


def _tagged(lib: Library, target: Entry | str, tags: list[str]) -> str:
    """The article `target` filed under `tags`: the line saying so."""
    was_saved = lib.is_saved(target)
    now = lib.tag_article(target, tags)
    saved = "" if was_saved else " (saved for good: a tag files it in Saved)"
    return f"tagged: {article_title(lib, target)}: {_listed_tags(now)}{saved}"


def _article(
    lib: Library,
    given: str,
    resolve: Callable[[str], Entry | str] | None = None,
    feeds: bool = True,
) -> Entry | str:
    """The article `given` names (its id, or the address of one a feed lists, cached or
    saved) when it names no feed; else the CommandError a feed not subscribed gets (with
    `feeds` False, given from a list of articles: that it names none). An address known
    nowhere is not taken for one: a feed's address mistyped would be saved. `resolve`:
    `Library.resolver`'s, for many."""
    text = copy_of(given)[0].strip()  # a kept copy's id ("…@1") names its article
    if not (looks_like_entry_id(text) or is_web_url(text)):
        if not feeds:
            raise CommandError(f"not an article's id or address: {safe_line(given, 200)}")
        raise not_subscribed(lib, given)
    if feeds and len(lib.feeds_titled(text)) > 1:
        raise not_subscribed(lib, given)
    try:
        target = (resolve or lib.resolve)(text)
    except FetchError as error:
        raise CommandError(
            f"no feed or article {safe_line(given, 200)} (`reader feeds` lists the feeds,"
            " `reader list` the articles' ids)"
        ) from error
    if isinstance(target, str) and not (lib.is_saved(target) or lib.store.has_article(target)):
        raise CommandError(
            f"not subscribed, and no article at {safe_line(given, 200)} is listed, cached or"
            " saved: `reader save` it first"
        )
    return target


def article_title(lib: StoredLibrary, target: Entry | str) -> str:
    """The article's title as a line names it: its cached one, its headline's, its address."""
    url = target.link if isinstance(target, Entry) else target
    heading = lib.store.article_heading(url) if url else None
    title = (heading.title if heading else "") or (
        target.title if isinstance(target, Entry) else ""
    )
    return safe_line(title or url, 60)


def _listed_tags(tags: tuple[str, ...]) -> str:
    return ", ".join(safe_line(tag, 40) for tag in tags) or "no tags"


def shown_tags(feed: Feed) -> str:
    """A feed's tags as a line shows them ("news, local"; "no tags")."""
    return ", ".join(safe_line(tag, 40) for tag in feed.tags) or "no tags"


def named_tags(lib: StoredLibrary, given: list[str] | None) -> list[str]:
    """The tags `--tag` names, given once or more, or several in one ("news,sport"), as the
    feeds spell them ([] when not given); else a CommandError naming those there are."""
    if not given:
        return []
    asked = [tag for one in given for tag in (typed_tag(t) for t in one.split(",")) if tag]
    if not asked:
        raise UsageError("--tag needs a tag: `reader feeds` lists each feed's tags")
    found = {tag: lib.tag_named(tag) for tag in asked}
    if missing := [tag for tag, named in found.items() if named is None]:
        raise _unknown(lib, missing)
    return list(dict.fromkeys(named for named in found.values() if named is not None))


def _unknown(lib: StoredLibrary, missing: list[str]) -> CommandError:
    """What to say of tags no feed or article is filed under: those there are, as an unknown
    feed is said (`not_subscribed`)."""
    there = lib.tags()
    if not there:
        return CommandError(
            f"nothing is tagged {_quoted(missing)}: no feed or article has a tag yet (`reader"
            " tag FEED TAG` gives a feed one, `reader tag ID TAG` an article)"
        )
    named = ", ".join(safe_line(t, 30) for t in there[:10]) + (" …" if len(there) > 10 else "")
    return CommandError(f"nothing is tagged {_quoted(missing)} (the tags: {named})")


def tags_named(tags: list[str]) -> str:
    """The tags a command was given, as its line names them ("news", "news or sport")."""
    return " or ".join(safe_line(tag, 40) for tag in tags)


def _tags(given: list[str]) -> list[str]:
    """The tags given, as kept (`typed_tag`); a UsageError for one that is none so."""
    tags = [typed_tag(tag) for one in given for tag in one.split(",")]  # "a,b": two
    if not all(tags):
        raise UsageError("a tag is a word or words: an empty one (or control characters) is none")
    return tags


def _quoted(tags: list[str]) -> str:
    return ", ".join(f"“{safe_line(tag, 40)}”" for tag in tags)
