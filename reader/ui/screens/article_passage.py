"""The reading view's passage to quote: chosen by keyboard (`v`, `)` and `(`) or by the mouse,
copied (Ctrl-C), or quoted in Markdown above the article's citation (`y`, which without a
passage copies the citation alone) (see `ArticleScreen`).
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from dataclasses import replace

from textual.actions import SkipAction

from ...citation import cited_article, copied_citation
from ...models import Article, FetchError, StoreError
from ...url_display import shown_url
from ...urls import page_opened
from ..messages import PassageChanged
from ..widgets.article.article_body import ArticleBody
from ..widgets.status_bar import StatusBar
from .article_links import ArticleScreenLinks


class ArticleScreenPassage(ArticleScreenLinks):
    """The reading view's citation and passage keys (see `ArticleScreen`)."""

    def action_copy_article_address(self) -> None:
        """`c`: the article's address on the clipboard (newsraft's copy-link key), or the
        link's while one is selected (Tab), as the link list's `c` copies its link's."""
        body = self.query_one(ArticleBody)
        # Not cached: where its page is, past the feed's click tracker (`page_opened`).
        article = body.article.url if body.article else page_opened(self.headline.entry.link)
        address = shown_url(body.link_address or article)  # one line, no controls
        self.reader.copy_text(address, "Address", address)

    def action_site_feed(self) -> None:
        """`+`: the "Add a feed" line holding this article's address, whose page names its
        site's feed (`discovery`, as `reader add` finds it): Enter subscribes to that."""
        body = self.query_one(ArticleBody)
        address = body.article.url if body.article else page_opened(self.headline.entry.link)
        self.reader.ask_to_add_feed(shown_url(address) if address else "", reading=True)

    async def action_cite(self) -> None:
        """The article's citation on the clipboard, in the config's `[citation] style`: title,
        author, site, dates and address, as `reader show --format markdown` heads it, or one
        line in Chicago's or APA's style (the feed's facts, while the article isn't shown).
        With a passage selected (a drag of the mouse), the passage quoted above it: a quote
        and where it comes from, in one paste."""
        body = self.query_one(ArticleBody)
        article = cited_article(self.headline.entry, body.article, body.passage_anchor)
        style = self.reader.config.citation_style
        # Plain text unless `[citation] copy = "markdown"`: "# ", "> " and two trailing spaces
        # came out as they are in a CMS, an e-mail or a word processor (acc30a J15).
        markdown = self.reader.config.citation_copy == "markdown"
        passage = self._selected_passage()
        shown = self.query_one(ArticleBody).article
        if passage and shown is not None and shown.dropped:
            # A copy dropped since it was shown: the words quoted cited from the latest when
            # it holds them, a copy kept (acc48c C7: "no longer kept … differs" of words the
            # latest had unchanged). A read of the cache: not on the event loop.
            with suppress(FetchError, StoreError):
                lib, entry = self.reader.lib, self.headline.entry
                latest = await asyncio.to_thread(lib.latest_holding, entry, passage)
                if latest is not None:
                    article = cited_article(entry, latest)
        if passage:
            quotation = self.query_one(ArticleBody).quotation(markdown)
            citation = copied_citation(article, style, under_markdown=markdown, markdown=markdown)
            self.reader.copy_text(f"{quotation}\n\n{citation}", "Quote", passage)
        else:
            citation = copied_citation(article, style, markdown=markdown)
            self.reader.copy_text(citation, "Citation", article.title or article.url)

    async def check_newer_copy(self) -> None:
        """A sync (here or in another window) may have cached a changed copy of the article
        shown: if so, the status line says so, and the copy shown is cited as the earlier copy
        it now is ("copy 1 of 2, kept"), as `V` shows one: a quote read from it is not passed
        off as the current text. An earlier copy the user chose (`V`, `F`'s hit) is numbered
        anew, not said to be superseded unless a newer copy came since: it was not the latest
        when it was shown. A story moved to another address (a new slug) is followed there:
        its copies, `R` and `o` are the new address's (acc47b F4)."""
        body = self.query_one(ArticleBody)
        article = body.article
        if article is None or not self.loaded or self._from_feed:
            return
        chosen = 0 < article.version < len(article.versions) and self._superseded is not article
        entry = self.headline.entry
        lib = self.reader.lib

        def renumbered_at() -> tuple[Article | None, str]:
            return lib.superseded(entry, article), lib.cached_link(entry)

        try:  # a read of the cache and a decompression: not on the event loop
            renumbered, link = await asyncio.to_thread(renumbered_at)
        except (FetchError, StoreError):
            return  # said when V or a reopening reads it
        if self.headline.entry is not entry or body.article is not article:
            return  # another article (or copy) came meanwhile
        if link and link != entry.link:
            self.headlines = [*self.headlines]  # the list's own, not the one it came from
            moved = replace(entry, link=link)
            self.headlines[self.position] = replace(self.headline, entry=moved)
        if renumbered is None:
            return  # still the latest
        body.renumber(renumbered)
        if not chosen or renumbered.versions[-1:] != article.versions[-1:]:
            self._superseded = renumbered  # a newer copy came: said, whichever is shown
        self._show_position()

    def _selected_passage(self) -> str:
        """The article's words selected (never the status or key bar's, nor the quote bars
        and bullets drawn around them)."""
        return self.query_one(ArticleBody).selected_text

    def action_clear_selection(self) -> None:
        self.clear_selection()
        self._show_position()

    def action_choose_passage(self) -> None:
        """`v`: a passage to quote, chosen by keyboard: the sentence at the search's match,
        the selected link or the top of the view; `)` and `(` make it a sentence longer or
        shorter, `y` quotes it, Esc drops it."""
        why = self.query_one(ArticleBody).choose_passage()
        if why is not None:
            self.app.bell()
        self._show_position()
        if why:  # after the search's place, which it would hide
            self.query_one(StatusBar).show_note(why, warning=True)

    def action_grow_passage(self, step: int) -> None:
        body = self.query_one(ArticleBody)
        if not body.passage_sentences:
            if step > 0:  # `)` with nothing chosen yet starts as `v` does
                self.action_choose_passage()
            else:
                self.app.bell()
            return
        stopped = body.grow_passage(step)
        if stopped is not None:
            self.app.bell()
        self._show_position(stopped or "")

    def action_copy_text(self) -> None:
        """Ctrl-C with a passage selected: the passage on the clipboard, the way `y` copies
        (the desktop's clipboard tool too, and a notice)."""
        passage = self._selected_passage()
        if not passage:
            raise SkipAction()
        self.reader.copy_text(passage, "Passage", passage)

    def on_passage_changed(self, _message: PassageChanged) -> None:
        self._show_position()
