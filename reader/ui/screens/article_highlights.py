"""The reading view's highlights: the passage selected kept on the article (`h`), marked in
its text whenever it is opened again, and dropped by `h` on it again (see `ArticleScreen`).
`reader highlights` writes them out with the article's citation."""

from __future__ import annotations

import asyncio
import time

from ...highlights import NO_LONGER_IN_TEXT, ArticleHighlights, Highlight, still_in
from ...models import Article, Entry, StoreError
from ...plural import plural
from ..display import plain
from ..widgets.article.article_body import ArticleBody
from .article_passage import ArticleScreenPassage

LISTED_BY = "reader highlights lists them"


def no_longer_found(count: int) -> str:
    """The notice of an article opened whose text no longer holds `count` of its highlights
    (re-extracted, corrected): they are kept, not marked."""
    return f"{plural(count, 'highlight')} {NO_LONGER_IN_TEXT}: kept ({LISTED_BY})."


class ArticleScreenHighlights(ArticleScreenPassage):
    """The reading view's highlight key (see `ArticleScreen`)."""

    async def action_highlight(self) -> None:
        """`h`: the passage selected (`v`, `)`, or a drag) kept as a highlight of the article,
        quoted as `y` quotes it; on one kept already, that highlight dropped."""
        body = self.query_one(ArticleBody)
        article, entry = body.article, self.headline.entry
        chosen = body.passage_to_keep()
        if article is None or not self.loaded or chosen is None:
            self.app.bell()
            keys = [k for k in (self.key_of("select_sentence"), self.key_of("longer_passage")) if k]
            how = f" ({' then '.join(keys)} to make it longer)" if keys else ""
            self.notify(f"Select a passage to keep as a highlight first{how}.", markup=False)
            return
        words, near = chosen
        kept = body.highlights
        same = ArticleHighlights("", items=kept).same(words)
        lib = self.reader.lib
        try:  # a write to the store: not on the event loop
            if same is not None:
                now = await asyncio.to_thread(lib.drop_highlight, entry, words)
            else:
                highlight = Highlight(
                    words, body.quotation(True), body.quotation(False), time.time(), near
                )
                now = await asyncio.to_thread(lib.keep_highlight, entry, article, highlight)
        except StoreError as error:
            self.notify(plain(error.message, max_length=300).plain, severity="error", markup=False)
            return
        if self.headline.entry is not entry or body.article is not article:
            return  # another article came meanwhile: kept all the same
        self.clear_selection()
        body.show_highlights(now.items)
        self._show_position()
        done = "Highlight dropped" if same is not None else "Kept as a highlight"
        self.notify(f"{done}: {plural(len(now.items), 'highlight')} in this article ({LISTED_BY}).")

    def show_highlights(self) -> None:
        """Mark the highlights kept of the article shown, once it is."""
        body = self.query_one(ArticleBody)
        if body.article is None or self._from_feed:
            body.show_highlights(())
            return
        self.run_worker(
            self._highlights(self.headline.entry, body.article),
            group="highlights",
            exclusive=True,
            exit_on_error=False,
        )

    async def _highlights(self, entry: Entry, article: Article) -> None:
        def read() -> tuple[ArticleHighlights | None, int]:
            kept = self.reader.lib.highlights(entry)
            items = kept.items if kept else ()
            return kept, sum(not still_in(article, h) for h in items)

        try:  # a read of the store and a search of the text: not on the event loop
            kept, lost = await asyncio.to_thread(read)
        except StoreError:
            return  # the article reads all the same, unmarked
        body = self.query_one(ArticleBody)
        if self.headline.entry is not entry or body.article is not article:
            return
        body.show_highlights(kept.items if kept else ())
        if lost:
            self.notify(no_longer_found(lost), markup=False)
