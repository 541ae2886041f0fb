"""A `Library`'s tags: the feeds filed under each (`feed_tags`), given and taken away."""

from __future__ import annotations

from collections.abc import Iterable

from ..feed_names import folded
from ..feed_tags import all_tags
from ..models import Feed
from .queries import LibraryQueries


class LibraryTags(LibraryQueries):
    """The tags of a `Library`'s feeds."""

    def tags(self) -> list[str]:
        """Every tag a feed is filed under, once each (`feed_tags.all_tags`)."""
        return all_tags(self.store.feeds())

    def tag_named(self, tag: str) -> str | None:
        """The tag `tag` names (case and spaces aside), as the feeds spell it; None when no
        feed is filed under it."""
        wanted = folded(tag)
        return next((own for own in self.tags() if folded(own) == wanted), None)

    def tag_feed(self, feed: str, tags: Iterable[str]) -> Feed | None:
        """File the feed `feed` names (as `feed_named` takes it) under `tags` too, after its
        own; None when no feed is subscribed so."""
        return self.store.tag_feed(self.feed_named(feed.strip()), add=tags)

    def untag_feed(self, feed: str, tags: Iterable[str]) -> Feed | None:
        """The feed `feed` names no longer filed under `tags`; None when none is subscribed
        so."""
        return self.store.tag_feed(self.feed_named(feed.strip()), remove=tags)
