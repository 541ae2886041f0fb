"""A `Library`'s tags: the feeds filed under each (`feed_tags`), given and taken away, and the
saved articles filed under each (given in `article_tags`)."""

from __future__ import annotations

from collections.abc import Collection, Iterable

from ..collation import by_title
from ..feed_names import folded, named_by
from ..feed_tags import all_tags, saved_tags, tagged
from ..models import Feed
from .subscribed import LibrarySubscribed


class LibraryTags(LibrarySubscribed):
    """The tags of a `Library`'s feeds."""

    def tags(self) -> list[str]:
        """Every tag a feed or a saved article is filed under, once each, in the order of the
        feed list by name (`collation.by_title`; a feed's spelling first)."""
        found = {folded(tag): tag for tag in self.article_tags()}
        found.update((folded(tag), tag) for tag in all_tags(self.store.feeds()))
        return by_title(found.values())

    def article_tags(self) -> list[str]:
        """Every tag a saved article is filed under, once each, in the order of the feed list by
        name (`collation.by_title`)."""
        found: dict[str, str] = {}
        for record in self.store.saved().values():
            for tag in saved_tags(record):
                found.setdefault(folded(tag), tag)
        return by_title(found.values())

    def tagged_keys(self, tags: Collection[str]) -> set[str]:
        """The article keys of the saved articles filed under one of `tags` or more."""
        wanted = {folded(tag) for tag in tags}
        return {
            key
            for key, record in self.store.saved().items()
            if any(folded(tag) in wanted for tag in saved_tags(record))
        }

    def tag_named(self, tag: str) -> str | None:
        """The tag `tag` names (case and spaces aside), as the feeds spell it; None when no
        feed is filed under it."""
        there = self.tags()
        found = named_by(tag, there)  # accents aside when it types none, as `tag:` (C11)
        return there[found[0]] if found else None

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
