"""A `Library`'s highlights: passages kept of an article (`h` in the reading view), a note on
each and on the article, and all of them read back with what cites them
(`reader highlights`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..highlights import MAX_NOTE, ArticleHighlights, Highlight, found_in
from ..keys import article_key
from ..models import Article, Entry
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

    def highlights_in(self, target: Entry | str, article: Article) -> KeptHighlights | None:
        """The highlights and note kept of `target`'s article, each looked for in `article`
        (the copy `reader show` prints: an earlier one, or the feed's text in its place);
        None: none kept."""
        kept = self.highlights(target)
        if kept is None:
            return None
        return KeptHighlights(article, True, kept, found_in(article, kept.items))

    def highlighted(self, chosen: Sequence[Entry | str]) -> list[Entry | str]:
        """Those of `chosen` whose article has highlights or a note kept, in their order."""
        keys = {article_key(kept.url) for kept in self.store.every_highlights()}
        return [t for t in chosen if (url := _link(t)) and article_key(url) in keys]

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
            found = found_in(cached, kept.items) if cached else (True,) * len(kept.items)
            out.append(KeptHighlights(article, cached is not None, kept, found))
        out.sort(key=lambda k: -max((h.at for h in k.kept.items), default=0.0))
        return out
