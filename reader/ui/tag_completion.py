"""The completion of a tag being typed in the tag key's line (`#`): the last tag of the line
(after its last comma, a "#" before it the tag's mark) completed from the tags in use, feeds' and
articles', as they are spelled; the right arrow (or End) takes it."""

from __future__ import annotations

from collections.abc import Iterable

from textual.suggester import Suggester

from ..feed_names import folded
from ..feed_tags import TAG_MARK, typed_tag


class TagCompletion(Suggester):
    """Completes the tag typed last from `tags`, those already on the line left out."""

    def __init__(self, tags: Iterable[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.tags = list(tags)

    async def get_suggestion(self, value: str) -> str | None:
        before, _, typed = value.rpartition(",")
        # Typed with its mark ("#ur"), as lists write tags: the name after it completed.
        start = typed.lstrip().removeprefix(TAG_MARK)
        if not start:
            return None
        given = {folded(typed_tag(tag)) for tag in before.split(",")}
        for tag in self.tags:
            if (
                len(tag) > len(start)
                and tag.casefold().startswith(start.casefold())
                and folded(tag) not in given
            ):
                return value + tag[len(start) :]
        return None
