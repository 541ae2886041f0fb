"""A `Library`'s saved articles filed under tags (`reader tag ARTICLE TAG…`, the reader's tag
key, a wallabag or Pocket export's tags): a tag files an article in the library, so tagging one
saves it, as wallabag and Pocket keep every article they tag."""

from __future__ import annotations

from collections.abc import Iterable

from ..feed_tags import saved_tags
from ..keys import article_key
from ..models import Entry
from .flags import LibraryFlags
from .resources import _link


class LibraryArticleTags(LibraryFlags):
    """The tags of a `Library`'s saved articles."""

    def tag_article(self, target: Entry | str, tags: Iterable[str]) -> tuple[str, ...]:
        """File the article of `target` under `tags` too, after its own, saving it if it
        isn't (flagged only: a sync caches one not cached yet); its tags now."""
        if not self.is_saved(target):
            self.set_saved(target, True)
        return self._retag(target, add=tags)

    def untag_article(self, target: Entry | str, tags: Iterable[str]) -> tuple[str, ...]:
        """The article of `target` no longer filed under `tags` (it stays saved); its tags
        now, () for one not saved."""
        return self._retag(target, remove=tags)

    def tags_of(self, target: Entry | str) -> tuple[str, ...]:
        """The tags the article of `target` is filed under, () for none (or not saved)."""
        url = _link(target)
        return saved_tags(self.store.saved().get(article_key(url))) if url else ()

    def _retag(
        self, target: Entry | str, add: Iterable[str] = (), remove: Iterable[str] = ()
    ) -> tuple[str, ...]:
        url = _link(target)
        tags = self.store.tag_saved(url, add, remove) if url else None
        # A reader open in another window shows them (as a save from a shell: acc31c W15).
        self.store.note_changed()
        return tags or ()
