"""The reading view's links: Tab / Shift-Tab select one, Enter follows it (to its note when it
is one within the article, where Esc comes back from), `L` lists them all; and `z`, the note
folded at the head of a story on a low terminal shown whole (see `ArticleScreen`).
"""

from __future__ import annotations

from ...citation import with_cited_links
from ..dialogs.links import LinksScreen, article_links
from ..messages import NotesFolded
from ..widgets.article.article_body import ArticleBody
from .article_search import ArticleScreenSearch


class ArticleScreenLinks(ArticleScreenSearch):
    """The reading view's link keys (see `ArticleScreen`)."""

    def action_next_link(self) -> None:
        self._step_link(1)

    def action_previous_link(self) -> None:
        self._step_link(-1)

    def _step_link(self, step: int) -> None:
        body = self.query_one(ArticleBody)
        if not body.link_count:
            self.notify("This article has no links to select.", timeout=2)
        elif body.step_link(step):
            where = "first" if step > 0 else "last"
            self.notify(f"Round to the {where} link.", timeout=2, markup=False)
        self._show_position()

    def action_open_link(self) -> None:
        """The selected link: to its note when it is one within the article (Esc comes back to
        it); read here when a feed has its article, else in the browser by the rule of `o`
        (http and https only). Esc comes back to this article."""
        body = self.query_one(ArticleBody)
        note = body.target_of(body.link_address)
        if note is not None:
            body.follow(note)
            self._show_position()
            return
        article = body.article
        kept = article.kept_pictures if article is not None else frozenset()
        if body.link_address in kept and self.reader.open_picture(
            self.headline.entry, article, body.link_address
        ):
            return  # the copy kept, offline too
        self.reader.open_link(body.link_address, self.headline.entry)

    def action_go_back(self) -> None:
        """Esc after a link within the article was followed: back to it."""
        self.query_one(ArticleBody).go_back()
        self._show_position()

    def action_unfold_notes(self) -> None:
        """`z`, on a low terminal: the editor's note folded at the head of the story, whole."""
        self.query_one(ArticleBody).unfold_notes()

    def action_list_links(self) -> None:
        body = self.query_one(ArticleBody)
        # A link within the page at the address the citation gives (`c` copied the feed's
        # "?utm_source=rss" with a note's "#fn2"), as a quote's links are.
        article = body.article
        links = article_links(with_cited_links(article) if article else None, self.headline.entry)
        within = frozenset(
            link.address for link in links if body.target_of(link.address) is not None
        )
        self.app.push_screen(LinksScreen(links, self.headline.entry, within), self._follow)

    def _follow(self, address: str | None) -> None:
        """The link list closed on a link within the article: to its note, as Enter goes."""
        body = self.query_one(ArticleBody)
        note = body.target_of(address) if address else None
        if note is not None:
            body.follow(note)
            self._show_position()

    def action_clear_link(self) -> None:
        self.query_one(ArticleBody).clear_link()
        self._show_position()

    def on_notes_folded(self, _message: NotesFolded) -> None:
        self._show_position()
