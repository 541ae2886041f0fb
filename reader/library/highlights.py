"""A `Library`'s highlights: passages kept of an article (`h` in the reading view), a note on
each and on the article, and all of them read back with what cites them
(`reader highlights`)."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..codec import entry_from_dict
from ..highlights import (
    MAX_NOTE,
    ArticleHighlights,
    Highlight,
    article_text,
    cited_as,
    found_in,
    kept_as,
    marked_elsewhere,
)
from ..keys import article_key, item_address, item_of_address
from ..models import Article, Entry, FetchError
from ..text_shape import one_line
from .saving import LibrarySaving

if TYPE_CHECKING:  # the exports' reader (and the charsets it loads) only for an import
    from ..saved_exports import SavedNote


@dataclass(frozen=True)
class KeptHighlights:
    """An article's highlights as `reader highlights` writes them: the article they cite
    (its cached copy, else as it was cited when they were kept, else its headline's facts)
    and, per highlight, whether its words are still in the article's text and, when they are
    not, the earlier copy kept that holds them (None: none does)."""

    article: Article
    cached: bool
    kept: ArticleHighlights
    found: tuple[bool, ...]
    copies: tuple[Article | None, ...] = ()
    """Per highlight, the earlier copy kept of a corrected article whose text holds its words
    where the latest's doesn't (numbered: "copy 1 of 2"), to cite it to, as `y` on that copy
    after `V` does (acc33a A5); of an article no longer cached, the copy it was read in when
    that was another (`Highlight.cited`); None for one in the latest, or in no copy kept."""

    def copy_of(self, index: int) -> Article | None:
        """The earlier copy `copies` names for highlight `index` (None: the latest's)."""
        return self.copies[index] if index < len(self.copies) else None


def _kept_by(target: Entry | str) -> str:
    """The address `target`'s highlights are kept under: its article's link, else, for an
    item with no link, the item's own (`keys.item_address`); an address as it is given."""
    if isinstance(target, Entry):
        return target.link or item_address(target.id)
    return target


def _with_item(
    kept: ArticleHighlights, target: Entry | str, article: Article | None = None
) -> ArticleHighlights:
    """`kept`, of an item with no link (`target`), with its feed's address and the text its
    feed carried (`article`, as shown: `linkless_text`), kept with its highlights: its feed
    removed, its text went with its headline, and an export said "no text from the feed"
    of a note its highlights quote."""
    if not isinstance(target, Entry) or target.link:
        return kept
    text = article if article is not None else kept.text
    return replace(kept, feed=target.feed_url, text=text)


def _note(text: str) -> str:
    # One paragraph of the reader's own: its line breaks as typed would be Markdown's.
    return one_line(text)[:MAX_NOTE]


class LibraryHighlights(LibrarySaving):
    """The highlights of a `Library`'s articles."""

    def highlights(self, target: Entry | str) -> ArticleHighlights | None:
        """The highlights and note kept of `target`'s article (None: none)."""
        url = _kept_by(target)
        return self.store.highlights(url) if url else None

    def keep_highlight(
        self, target: Entry | str, article: Article, highlight: Highlight
    ) -> ArticleHighlights:
        """`highlight` kept on `target`'s `article`; one of the same words already kept is
        kept as it was (its note with it)."""

        def add(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_kept_by(target))
            if kept.same(highlight.words) is not None:
                return kept
            title = article.title or kept.title
            cited = cited_as(article)
            items = (*kept.items, highlight if highlight.cited else replace(highlight, cited=cited))
            return _with_item(replace(kept, title=title, items=items, cited=cited), target, article)

        return self.store.change_highlights(_kept_by(target), add)

    def drop_highlight(self, target: Entry | str, words: str) -> ArticleHighlights:
        """The highlight of `words` dropped from `target`'s article."""

        def drop(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_kept_by(target))
            gone = kept.same(words)
            return replace(kept, items=tuple(h for h in kept.items if h is not gone))

        return self.store.change_highlights(_kept_by(target), drop)

    def note_highlight(self, target: Entry | str, words: str, note: str) -> ArticleHighlights:
        """The note on the highlight of `words` (its old one replaced; "" drops it)."""

        def noted(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_kept_by(target))
            old = kept.same(words)
            return replace(
                kept,
                items=tuple(replace(h, note=_note(note)) if h is old else h for h in kept.items),
            )

        return self.store.change_highlights(_kept_by(target), noted)

    def note_article(self, target: Entry | str, article: Article, note: str) -> ArticleHighlights:
        """The note on `target`'s article as a whole ("" drops it)."""

        def noted(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_kept_by(target))
            title = article.title or kept.title
            noted = replace(kept, title=title, note=_note(note), cited=cited_as(article))
            return _with_item(noted, target, article)

        return self.store.change_highlights(_kept_by(target), noted)

    def highlights_in(self, target: Entry | str, article: Article) -> KeptHighlights | None:
        """The highlights and note kept of `target`'s article, each looked for in `article`
        (the copy `reader show` prints: an earlier one, or the feed's text in its place);
        None: none kept. Looked for in the latest of several copies kept, each is given the
        earlier copy it was read in (`KeptHighlights.copies`), as `reader highlights` gives it:
        an export said a quote was no longer in the text, not which copy it came from (acc40a
        M3)."""
        kept = self.highlights(target)
        if kept is None:
            return None
        found = found_in(article, kept.items)
        if article.versions:
            latest = article.version == len(article.versions) and not article.dropped
        else:  # the cached copy as an export reads it, unnumbered: the latest, if retrieved
            latest = article.fetched_at is not None and bool(
                self.store.version_times(_kept_by(target))
            )
        elsewhere = any(_other_copy(h.cited, article) is not None for h in kept.items)
        copies: tuple[Article | None, ...] = ()
        if latest and (not all(found) or elsewhere):
            earlier = self.numbered_copies(_kept_by(target))[:-1]
            copies = tuple(
                _read_in(earlier, h, in_latest)
                for h, in_latest in zip(kept.items, found, strict=True)
            )
        return KeptHighlights(article, True, kept, found, copies)

    def kept_item_text(self, address: str) -> Article | None:
        """The text the feed carried of the item with no link `address` names
        (`keys.item_address`), as kept with its highlights when they were last changed: all
        there is of it once its feed no longer lists it (None: none kept, as of highlights
        kept before it was)."""
        kept = self.highlights(address) if item_of_address(address) else None
        return kept.text if kept is not None else None

    def highlighted(self, chosen: Sequence[Entry | str]) -> list[Entry | str]:
        """Those of `chosen` whose article has highlights or a note kept, in their order."""
        keys = {article_key(url) for url in self.highlighted_links()}
        return [t for t in chosen if (url := _kept_by(t)) and article_key(url) in keys]

    def highlighted_links(self) -> list[str]:
        """The address of every article with highlights or a note kept, the one most recently
        marked first (a feed's story, a saved link, an import's article, one read by its
        address: `reader highlights` lists them all)."""
        return [kept.url for kept in self.store.every_highlights()]

    def import_highlights(
        self, target: Entry | str, notes: Sequence[SavedNote], title: str = ""
    ) -> tuple[int, int]:
        """Keep the passages marked in another app (`notes`: wallabag's annotations) as
        highlights of `target`'s article, each with its note (`marked_elsewhere`), found by
        their words in its copy cached; one quoting nothing has its note the article's (after
        the note it has). One of the same words kept already (the file imported again) stays,
        given the note when it had none. How many are not in the copy cached (kept all the
        same: "no longer in the text"; none when no copy is cached yet), and how many were
        added or given a note now: what this import did (acc51b B10: "kept 4" of none added)."""
        cached = self.store.article(_kept_by(target))
        text = article_text(cached) if cached is not None else None
        now = time.time()
        marked = [
            marked_elsewhere(n.quote, _note(n.note), n.at.timestamp() if n.at else now, text)
            for n in notes
            if n.quote
        ]
        article_notes = [_note(n.note) for n in notes if not n.quote and n.note]
        added = [0]

        def add(kept: ArticleHighlights | None) -> ArticleHighlights:
            kept = kept or ArticleHighlights(_kept_by(target))
            items = list(kept.items)
            added[0] = 0  # the store may run it again, on the record read afresh
            for highlight in marked:
                same = kept_as(items, highlight.words)
                if same is None:
                    items.append(highlight)
                    added[0] += 1
                elif not same.note and highlight.note:
                    items[items.index(same)] = replace(same, note=highlight.note)
                    added[0] += 1
            note = kept.note
            for more in article_notes:
                if more not in note:
                    note = _note(f"{note} {more}")
                    added[0] += 1
            heading = (cached.title if cached is not None else "") or kept.title or title
            return replace(kept, title=heading, note=note, items=tuple(items))

        if marked or article_notes:
            self.store.change_highlights(_kept_by(target), add)
        missing = 0 if cached is None else found_in(cached, marked).count(False)
        return missing, added[0]

    def every_highlight(self, target: Entry | str | None = None) -> list[KeptHighlights]:
        """The highlights of `target`'s article, or of every article with some (or a note),
        the most recently marked first; each with the article it cites (offline)."""
        if target is not None:
            one = self.highlights(target)
            every = [] if one is None else [one]
        else:
            every = self.store.every_highlights()
        out = []
        headlines: dict[str, Entry] | None = None
        items = self._listed_items(every)
        for kept in every:
            # Told of the copies kept and what became of the page, as `y` and `reader show`
            # cite it: the store's copy alone left "…; the copy retrieved … is kept" out
            # (acc49c C7).
            cached = self.cached_article_as_shown(kept.url) or self._item_text(kept, items)
            if cached is None:
                if kept.cited is None and headlines is None:
                    headlines = self.entries_by_key()  # read once, for every such article
                article = kept.cited or _headline_facts(kept, (headlines or {}))
                found = (True,) * len(kept.items)  # no text to look in
                read_in = tuple(_other_copy(h.cited, article) for h in kept.items)
                out.append(KeptHighlights(article, False, kept, found, read_in))
                continue
            found = found_in(cached, kept.items)
            elsewhere = any(_other_copy(h.cited, cached) is not None for h in kept.items)
            copies: tuple[Article | None, ...] = ()
            if (not all(found) or elsewhere) and (numbered := self.numbered_copies(kept.url)):
                cached = numbered[-1]  # the latest, its citation naming the copies kept
                copies = tuple(
                    _read_in(numbered[:-1], h, in_latest)
                    for h, in_latest in zip(kept.items, found, strict=True)
                )
            out.append(KeptHighlights(cached, True, kept, found, copies))
        out.sort(key=lambda k: -max((h.at for h in k.kept.items), default=0.0))
        return out

    def _listed_items(self, every: Sequence[ArticleHighlights]) -> dict[str, Entry]:
        """The items with no link the highlights of `every` are kept by (`item_address`), as
        their feeds list them now, by id: found in their feeds' lists' text, each feed read
        once, not every feed's every entry decoded (in a library of 20,000 headlines that
        took half a second at every `reader highlights`: benchmarks/highlights_scale.py).
        Those kept before their feed was noted are looked for in every feed's list (not
        decoded either)."""
        wanted: dict[str, set[str]] = {}
        for kept in every:
            if item_id := item_of_address(kept.url):
                wanted.setdefault(kept.feed, set()).add(item_id)
        if not wanted:
            return {}
        subscribed = self.store.feed_urls()
        unknown = wanted.pop("", set())
        found: dict[str, Entry] = {}
        for url in subscribed:
            ids = wanted.get(url, set()) | (unknown - found.keys())
            if ids:
                records = self.store.records_of_ids(url, ids)
                found.update((i, entry_from_dict(r)) for i, r in records.items())
        return found

    def _item_text(self, kept: ArticleHighlights, items: dict[str, Entry]) -> Article | None:
        """The text the feed carried of the item with no link `kept` is of (`item_address`,
        one of `items`), which its highlights were kept on and are looked for in; its feed
        no longer listing it (removed, the item dropped), the text kept with them
        (`ArticleHighlights.text`). None for an article's, or one with no text either (its
        highlights then cite it as they were kept)."""
        entry = items.get(item_of_address(kept.url))
        listed = self.linkless_text(entry) if entry is not None else None
        return listed or (kept.text if item_of_address(kept.url) else None)

    def copies_holding(
        self, target: Entry | str, shown: Article, highlights: Sequence[Highlight]
    ) -> list[Article | None]:
        """Per highlight of `highlights` (those the copy `shown` of `target`'s article no
        longer holds), the other copy kept that does, the one it was read in (`_holding`);
        None where none does. What the reading view's `V` goes to, to read it marked."""
        if len(shown.versions) < 2 or not highlights:
            return [None] * len(highlights)
        copies = self.numbered_copies(_kept_by(target))
        others = [copy for copy in copies if copy.version != shown.version or shown.dropped]
        return [_holding(others, highlight) for highlight in highlights]

    def numbered_copies(self, url: str) -> list[Article]:
        """Every copy kept of the article at `url`, oldest first, each numbered among them as
        `article_version` numbers it (the latest last); [] while there is one copy. A
        damaged one left out: the others still cite (and `reader export --earlier-copies`
        writes them)."""
        count = len(self.store.version_times(url)) + 1
        if count < 2:
            return []
        copies = []
        for number in range(1, count + 1):
            try:
                copies.append(self.article_version(url, number))
            except FetchError:
                continue
        return copies


def _other_copy(cited: Article | None, article: Article) -> Article | None:
    """`cited`, the copy a highlight was read in, when it is another than `article`'s (read
    before a correction, another headline or retrieval); None for the same."""
    if cited is None or (cited.fetched_at, cited.title) == (article.fetched_at, article.title):
        return None
    return cited


def _read_in(copies: list[Article], highlight: Highlight, in_latest: bool) -> Article | None:
    """Of the earlier `copies` (oldest first), the one `highlight` cites: the copy it was kept
    on (after `V`), though the latest holds its words too, as `y` on it cited it (acc34b D8);
    else, for words the latest no longer holds, the one it was read in (`_holding`); None for
    the latest."""
    if highlight.cited is not None and highlight.cited.fetched_at is not None:
        kept_on = [copy for copy in copies if copy.fetched_at == highlight.cited.fetched_at]
        if kept_on:
            # A copy the latest says word for word (an edit undone) is cited as the latest:
            # "the latest … differs" under a quote it still holds told of a change there is
            # not (acc35b F14).
            return None if kept_on[-1].version in kept_on[-1].repeats else kept_on[-1]
    return None if in_latest else _holding(copies, highlight)


def _holding(copies: list[Article], highlight: Highlight) -> Article | None:
    """Of the earlier `copies` (oldest first), the one `highlight` was read in: the last
    retrieved by the time it was kept that holds its words, else the last that holds them;
    None when none does."""
    holding = [copy for copy in copies if found_in(copy, [highlight])[0]]
    then = [
        copy
        for copy in holding
        if copy.fetched_at is not None and copy.fetched_at.timestamp() <= highlight.at
    ]
    return (then or holding or [None])[-1]


def _headline_facts(kept: ArticleHighlights, headlines: dict[str, Entry]) -> Article:
    """An article no longer cached, its highlights kept before their citation was (`cited`):
    its address and title, and the byline and date its feed's headline still gives."""
    entry = headlines.get(article_key(kept.url))
    if entry is None:
        return Article(kept.url, title=kept.title)
    return Article(
        kept.url,
        title=kept.title or entry.title,
        author=entry.author,
        published=entry.feeds_published,
        published_by_feed=entry.feeds_published is not None,
    )
