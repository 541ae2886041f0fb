"""`reader list`'s one line on stderr when it lists nothing: what was asked for, and why there
is none when it is that the feeds have no headlines yet. 9,550 feeds imported from an OPML
file and never synced, `reader list` printed nothing and said nothing, exit 0 (acc43a A19):
a script sees the empty output, a person wonders whether it hung or broke.

Nothing listed is no failure (the README's Exit status: 0, said on stderr, stdout empty), as a
search that finds nothing is; a search says its own line (`search_said`)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..feed_tags import hashed_tags
from ..models import Feed
from ..plural import plural


def nothing_listed(args: argparse.Namespace, scope: Sequence[Feed], tags: Sequence[str]) -> str:
    """The line for a `reader list` with `args` that printed nothing; `scope`: the feeds it
    listed (those `--feed` or `--tag` name, else every one), `tags`: those `--tag` named."""
    noun = "archived article" if args.archived else "saved article" if args.saved else "headline"
    unread = "unread " if args.unread else ""
    offline = " not readable offline" if args.not_offline else ""
    corrected = " corrected since first retrieved" if getattr(args, "corrected", False) else ""
    said = f"no {unread}{noun}{offline}{corrected} to list"
    if args.feed:
        said += f" in {args.feed}"
    elif tags:
        said += f" filed under {hashed_tags(tags)}"
    for option, when in (("since", args.since), ("before", args.before)):
        if when is not None:
            said += f" {option} {when}"
    if args.read_since is not None:
        said += f" opened since {args.read_since}"
    if args.saved_since is not None:
        said += f" saved since {args.saved_since}"
    return f"{said}{_why(args, scope)}"


def _why(args: argparse.Namespace, scope: Sequence[Feed]) -> str:
    """Why there is none, where the feeds tell: none subscribed, or none synced yet."""
    if args.saved or args.archived:
        return ""  # saved articles come from any feed's past, or from no feed
    if not scope:
        return ": no feed subscribed yet (`reader add URL` or `reader import FILE`)"
    if any(feed.last_success is not None for feed in scope):
        return ""
    feeds = (
        "the feed has not" if len(scope) == 1 else f"none of the {plural(len(scope), 'feed')} has"
    )
    if any(feed.last_error for feed in scope):
        return f": {feeds} answered a sync yet (`reader feeds` says why)"
    return f": {feeds} been synced yet (`reader sync` fetches the headlines)"
