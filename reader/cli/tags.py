"""The tag commands: `reader tag FEED TAG…` and `reader untag FEED TAG…`, and the tags that
`--tag` names (`reader list`, `sync`, `mark-read`, `mark-unread`)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..feed_names import folded
from ..feed_tags import clean_tag
from ..models import Feed
from ..safe import safe_line
from .common import (
    EXIT_OK,
    CommandError,
    UsageError,
    err,
    not_subscribed,
    open_library,
    out,
)

if TYPE_CHECKING:
    from ..library import Library


def cmd_tag(args: argparse.Namespace) -> int:
    tags = _tags(args.tags)
    lib = open_library(args)
    try:
        feed = lib.tag_feed(args.url, tags)
        if feed is None:
            raise not_subscribed(lib, args.url)
    finally:
        lib.close()
    out(f"tagged: {safe_line(feed.display_title, 60)}: {shown_tags(feed)}")
    return EXIT_OK


def cmd_untag(args: argparse.Namespace) -> int:
    tags = _tags(args.tags)
    lib = open_library(args)
    try:
        before = next((f for f in lib.feeds() if f.url == lib.feed_named(args.url.strip())), None)
        feed = lib.untag_feed(args.url, tags)
        if feed is None:
            raise not_subscribed(lib, args.url)
    finally:
        lib.close()
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


def shown_tags(feed: Feed) -> str:
    """A feed's tags as a line shows them ("news, local"; "no tags")."""
    return ", ".join(safe_line(tag, 40) for tag in feed.tags) or "no tags"


def named_tags(lib: Library, given: list[str] | None) -> list[str]:
    """The tags `--tag` names, given once or more, or several in one ("news,sport"), as the
    feeds spell them ([] when not given); else a CommandError naming those there are."""
    if not given:
        return []
    asked = [tag for one in given for tag in (clean_tag(t) for t in one.split(",")) if tag]
    if not asked:
        raise UsageError("--tag needs a tag: `reader feeds` lists each feed's tags")
    found = {tag: lib.tag_named(tag) for tag in asked}
    if missing := [tag for tag, named in found.items() if named is None]:
        raise _unknown(lib, missing)
    return list(dict.fromkeys(named for named in found.values() if named is not None))


def _unknown(lib: Library, missing: list[str]) -> CommandError:
    """What to say of tags no feed is filed under: those there are, as an unknown feed is
    said (`not_subscribed`)."""
    there = lib.tags()
    if not there:
        return CommandError(
            f"no feed is tagged {_quoted(missing)}: none has a tag yet (`reader tag FEED TAG`"
            " gives one)"
        )
    named = ", ".join(safe_line(t, 30) for t in there[:10]) + (" …" if len(there) > 10 else "")
    return CommandError(f"no feed is tagged {_quoted(missing)} (the tags: {named})")


def tags_named(tags: list[str]) -> str:
    """The tags a command was given, as its line names them ("news", "news or sport")."""
    return " or ".join(safe_line(tag, 40) for tag in tags)


def _tags(given: list[str]) -> list[str]:
    """The tags given, cleaned (`clean_tag`); a UsageError for one that is none once cleaned."""
    tags = [clean_tag(tag) for one in given for tag in one.split(",")]  # "a,b": two
    if not all(tags):
        raise UsageError("a tag is a word or words: an empty one (or control characters) is none")
    return tags


def _quoted(tags: list[str]) -> str:
    return ", ".join(f"“{safe_line(tag, 40)}”" for tag in tags)
