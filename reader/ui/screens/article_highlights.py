"""The reading view's highlights: the passage selected kept on the article (`h`), marked in
its text whenever it is opened again, and dropped by `h` on it again; a note on it, or on the
article (`a`), drawn under it (at the head of the text) (see `ArticleScreen`).
`reader highlights` writes them out with the article's citation."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence

from ...highlights import NO_LONGER_IN_TEXT, ArticleHighlights, Highlight, found_in, kept_as
from ...models import Article, Entry, FetchError, StoreError
from ...plural import plural
from ..dialogs.feed_input import FeedInputScreen
from ..display import plain
from ..keymap import keymap_of
from ..widgets.article.article_body import ArticleBody
from .article_passage import ArticleScreenPassage

LISTED_BY = "reader highlights lists them"


def no_longer_found(
    count: int,
    shown: Article | None = None,
    held: Sequence[Article | None] = (),
    copies_key: str | None = None,
) -> str:
    """The notice of an article opened whose text (the copy `shown`) no longer holds `count`
    of its highlights (re-extracted, corrected): they are kept, not marked; those another
    copy kept holds (`held`, per highlight: `Library.copies_holding`) are said to be there,
    and the key that shows it (`V`: the copy before the one shown, round from the oldest)."""
    said = f"{plural(count, 'highlight')} {NO_LONGER_IN_TEXT}: kept ({LISTED_BY})"
    copies = sorted({copy.version for copy in held if copy is not None})
    if shown is None or not copies:
        return said + "."
    there = sum(copy is not None for copy in held)
    which = " or ".join(f"copy {number}" for number in copies) + f" of {len(shown.versions)}"
    if count == 1:
        who = "it is"
    elif there == count:
        who = "all are"
    else:
        who = f"{there} of them {'is' if there == 1 else 'are'}"
    said += f"; {who} in {which}"
    if copies_key:
        before = shown.version - 1 or len(shown.versions) - shown.dropped
        shows = "shows it" if copies == [before] else "goes back through the copies"
        said += f": {copies_key} {shows}"
    return said + "."


class ArticleScreenHighlights(ArticleScreenPassage):
    """The reading view's highlight key (see `ArticleScreen`)."""

    _dropped: tuple[Entry, Highlight] | None = None
    """The highlight `h` last dropped here, its note with it, and the entry it was of: `h`
    again (with no passage selected, or the same one) keeps it again as it was. One key
    must not lose a journalist's note for good (acc33a A10)."""

    def _marked_article(self) -> tuple[ArticleBody, Article, Entry] | None:
        """The body, article and entry `h` and `a` keep their marks on; None (said) when the
        article is not loaded or is the feed's text standing in for it."""
        body = self.query_one(ArticleBody)
        article = body.article
        if article is None or not self.loaded or self._from_feed:
            self._not_kept_here()
            return None
        return body, article, self.headline.entry

    async def action_highlight(self) -> None:
        """`h`: the passage selected (`v`, `)`, or a drag) kept as a highlight of the article,
        quoted as `y` quotes it; on one kept already, that highlight dropped (its note with it),
        and `h` again, with no passage selected or the same one, keeps it again as it was."""
        shown = self._marked_article()
        if shown is None or self.reader.refuses("highlight"):
            return
        body, article, entry = shown
        chosen = body.passage_to_keep()
        dropped = self._dropped
        if chosen is None and dropped is not None and dropped[0].id == entry.id:
            await self._restore(body, article, entry, dropped[1])
            return
        if chosen is None:
            self.app.bell()
            pairs = (
                ("select_sentence", "selects a sentence"),
                ("longer_passage", "makes it longer"),
            )
            said = ", ".join(
                f"{key} {does}" for action, does in pairs if (key := self.key_of(action))
            )
            how = f" ({said})" if said else ""
            self.notify(f"Select a passage to keep as a highlight first{how}.", markup=False)
            return
        words, near = chosen
        same = kept_as(body.highlights, words)
        if same is None and dropped and dropped[0].id == entry.id and kept_as([dropped[1]], words):
            await self._restore(body, article, entry, dropped[1])
            return
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
        self._dropped = (entry, same) if same is not None else None
        if self.headline.entry is not entry or body.article is not article:
            return  # another article came meanwhile: kept all the same
        self.clear_selection()
        body.show_highlights(now.items, now.note)
        self._show_position()
        count = f"{plural(len(now.items), 'highlight')} in this article"
        if same is None:
            self.notify(f"Kept as a highlight: {count} ({LISTED_BY}).", markup=False)
            return
        what, them = ("Highlight and its note", "them") if same.note else ("Highlight", "it")
        key = self.key_of("highlight")
        again = f" · {key} again restores {them}" if key else ""
        self.notify(f"{what} dropped ({count}){again}.", markup=False)

    async def _restore(
        self, body: ArticleBody, article: Article, entry: Entry, highlight: Highlight
    ) -> None:
        """The highlight `h` dropped kept again as it was: its note, when it was kept."""
        try:  # a write to the store: not on the event loop
            now = await asyncio.to_thread(self.reader.lib.keep_highlight, entry, article, highlight)
        except StoreError as error:
            self.notify(plain(error.message, max_length=300).plain, severity="error", markup=False)
            return
        self._dropped = None
        if self.headline.entry is not entry or body.article is not article:
            return
        self.clear_selection()
        body.show_highlights(now.items, now.note)
        self._show_position()
        what = "Highlight and its note" if highlight.note else "Highlight"
        count = f"{plural(len(now.items), 'highlight')} in this article"
        self.notify(f"{what} restored: {count} ({LISTED_BY}).", markup=False)

    def action_note(self) -> None:
        """`a`: a note on the passage selected (kept as a highlight too, when it was not), or
        with none selected on the article; asked in a line holding the note it has, to
        change; emptied, the note goes. Drawn under the passage (the article's at the head of
        its text), and printed by `reader highlights` under its quotation."""
        shown = self._marked_article()
        if shown is None:
            return
        # Asked all the same, Enter refusing (`FeedInputScreen`'s `refused`): the note typed
        # next is not taken for keys.
        refused = self.reader.refusal("note")
        body, article, entry = shown
        chosen = body.passage_to_keep()
        if chosen is None:
            old, question = body.article_note, "A note on this article"
        else:
            same = kept_as(body.highlights, chosen[0])
            old, question = (same.note if same else ""), "A note on the passage selected"
        # `a` adds a feed on the lists: one who pressed it here for the site's feed is told
        # where that is (acc45a A9).
        if add_key := keymap_of(self.app).key("site_feed", "an article"):
            question += f" · to add this site's feed: Esc, then {add_key}"
        quotation = (body.quotation(True), body.quotation(False)) if chosen else ("", "")

        def entered(note: str | None) -> None:
            if note is not None:
                self.run_worker(
                    self._keep_note(entry, article, chosen, quotation, note),
                    group="note",
                    exit_on_error=False,
                )

        hint = f"Enter keeps it (emptied: none) · Esc: as it was · {LISTED_BY}"
        self.app.push_screen(
            FeedInputScreen(question, value=old, hint=hint, refused=refused), entered
        )

    async def _keep_note(
        self,
        entry: Entry,
        article: Article,
        chosen: tuple[str, float] | None,
        quotation: tuple[str, str],
        note: str,
    ) -> None:
        lib = self.reader.lib

        def keep() -> ArticleHighlights:
            if chosen is None:
                return lib.note_article(entry, article, note)
            words, near = chosen
            highlight = Highlight(words, *quotation, time.time(), near)
            lib.keep_highlight(entry, article, highlight)  # one kept already stays as it was
            return lib.note_highlight(entry, words, note)

        try:  # writes to the store: not on the event loop
            now = await asyncio.to_thread(keep)
        except StoreError as error:
            self.notify(plain(error.message, max_length=300).plain, severity="error", markup=False)
            return
        dropped = self._dropped
        if chosen is not None and dropped is not None and kept_as([dropped[1]], chosen[0]):
            self._dropped = None  # kept again with a new note: that one stays, not the old
        body = self.query_one(ArticleBody)
        if self.headline.entry is not entry or body.article is not article:
            return
        self.clear_selection()
        body.show_highlights(now.items, now.note)
        self._show_position()
        what = "the article" if chosen is None else "the highlight"
        self.notify(f"Note {'kept on' if note.strip() else 'dropped from'} {what}.", markup=False)

    def _not_kept_here(self) -> None:
        self.app.bell()
        self.notify(
            "Highlights and notes are kept on the article itself: not on a notice, nor on the "
            "feed's text shown in its place.",
            markup=False,
        )

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
        lib = self.reader.lib

        def read() -> tuple[ArticleHighlights | None, list[Article | None]]:
            kept = lib.highlights(entry)
            items = kept.items if kept else ()
            lost = [
                h for h, found in zip(items, found_in(article, items), strict=True) if not found
            ]
            return kept, lib.copies_holding(entry, article, lost)

        try:  # reads of the store and searches of the text: not on the event loop
            kept, held = await asyncio.to_thread(read)
        except (StoreError, FetchError):
            return  # the article reads all the same, unmarked
        body = self.query_one(ArticleBody)
        if self.headline.entry is not entry or body.article is not article:
            return
        body.show_highlights(kept.items if kept else (), kept.note if kept else "")
        self.find_in_notes()
        if held:
            key = self.key_of("earlier_version")
            self.notify(no_longer_found(len(held), article, held, key), markup=False)
