"""A `Library`'s highlights: passages kept of an article (`h` in the reading view), a note on
each and on the article, and all of them read back with what cites them
(`reader highlights`)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..highlights import (
    MAX_NOTE,
    ArticleHighlights,
    Highlight,
    article_text,
    kept_as,
    marked_elsewhere,
    still_in,
)
from ..models import Article, Entry
from ..saved_exports import SavedNote
from .discovery import LibraryDiscovery
from .resources import _link


@dataclass(frozen=True)
class KeptHighlights:
    """An article's highlights as `reader highlights` writes them: the article they cite
    (its cached copy, else its address and title as they were when kept) and, per highlight,
    whether its words are still in the article's text."""

    article: Article
    cached: bool
    kept: ArticleHighlights
    found: tuple[bool, ...]


def _note(text: str) -> str:
    # One paragraph of the reader's own: its line breaks as typed would be Markdown's.
    return " ".join(text.split())[:MAX_NOTE]


class LibraryHighlights(LibraryDiscovery):
    """The highlights of a `Library`'s articles."""

    def highlights(self, target: Entry | str) -> ArticleHighlights | None:
        """The highlights and note kept of `target`'s article (None: none)."""
        url = _link(target)
        return self.store.highlights(url) if url else None

    def keep_highlight(
        self, target: Entry | str, article: Article, highlight: Highlight
    ) -> ArticleHighlights:
        """`highlight` kept on `target`'s `article`; one of the same words already kept is
        kept as it was (its note with it)."""

        def add(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_link(target))
            if kept.same(highlight.words) is not None:
                return kept
            title = article.title or kept.title
            return replace(kept, title=title, items=(*kept.items, highlight))

        return self.store.change_highlights(_link(target), add)

    def drop_highlight(self, target: Entry | str, words: str) -> ArticleHighlights:
        """The highlight of `words` dropped from `target`'s article."""

        def drop(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_link(target))
            gone = kept.same(words)
            return replace(kept, items=tuple(h for h in kept.items if h is not gone))

        return self.store.change_highlights(_link(target), drop)

    def note_highlight(self, target: Entry | str, words: str, note: str) -> ArticleHighlights:
        """The note on the highlight of `words` (its old one replaced; "" drops it)."""

        def noted(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_link(target))
            old = kept.same(words)
            return replace(
                kept,
                items=tuple(replace(h, note=_note(note)) if h is old else h for h in kept.items),
            )

        return self.store.change_highlights(_link(target), noted)

    def note_article(self, target: Entry | str, article: Article, note: str) -> ArticleHighlights:
        """The note on `target`'s article as a whole ("" drops it)."""

        def noted(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_link(target))
            return replace(kept, title=article.title or kept.title, note=_note(note))

        return self.store.change_highlights(_link(target), noted)

    def import_highlights(
        self, target: Entry | str, notes: Sequence[SavedNote], title: str = ""
    ) -> int:
        """Keep the passages marked in another app (`notes`: wallabag's annotations) as
        highlights of `target`'s article, each with its note (`marked_elsewhere`), found by
        their words in its copy cached; one quoting nothing has its note the article's (after
        the note it has). One of the same words kept already (the file imported again) stays,
        given the note when it had none. How many are not in the copy cached (kept all the
        same: "no longer in the text"; none when no copy is cached yet)."""
        cached = self.store.article(_link(target))
        text = article_text(cached) if cached is not None else None
        now = time.time()
        marked = [
            marked_elsewhere(n.quote, _note(n.note), n.at.timestamp() if n.at else now, text)
            for n in notes
            if n.quote
        ]
        article_notes = [_note(n.note) for n in notes if not n.quote and n.note]

        def add(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_link(target))
            items = list(kept.items)
            for highlight in marked:
                same = kept_as(items, highlight.words)
                if same is None:
                    items.append(highlight)
                elif not same.note and highlight.note:
                    items[items.index(same)] = replace(same, note=highlight.note)
            note = kept.note
            for more in article_notes:
                if more not in note:
                    note = _note(f"{note} {more}")
            heading = (cached.title if cached is not None else "") or kept.title or title
            return replace(kept, title=heading, note=note, items=tuple(items))

        if marked or article_notes:
            self.store.change_highlights(_link(target), add)
        return 0 if cached is None else sum(not still_in(cached, h) for h in marked)

    def every_highlight(self, target: Entry | str | None = None) -> list[KeptHighlights]:
        """The highlights of `target`'s article, or of every article with some (or a note),
        the most recently marked first; each with the article it cites (offline)."""
        if target is not None:
            one = self.highlights(target)
            every = [] if one is None else [one]
        else:
            every = self.store.every_highlights()
        out = []
        for kept in every:
            cached = self.store.article(kept.url)
            article = cached or Article(kept.url, title=kept.title)
            found = tuple(cached is None or still_in(cached, h) for h in kept.items)
            out.append(KeptHighlights(article, cached is not None, kept, found))
        out.sort(key=lambda k: -max((h.at for h in k.kept.items), default=0.0))
        return out
