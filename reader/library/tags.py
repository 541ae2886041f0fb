"""A `Library`'s tags: the feeds filed under each (`feed_tags`), given and taken away."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..feed_names import folded
from ..feed_tags import all_tags, tagged
from ..models import Feed
from .subscribed import LibrarySubscribed


class LibraryTags(LibrarySubscribed):
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

    def tagged_urls(self, tags: Collection[str]) -> list[str]:
        """The addresses of the feeds filed under one of `tags` or more (case aside), in the
        feeds' order."""
        return [feed.url for feed in tagged(self.store.feeds(), *tags)]
