"""A `Library`'s cached articles read back: the article, its text and byline as a search
reads them, and whether a site rule's body selector still finds the article on the page kept."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime
from urllib.parse import urldefrag

from ..anchored_entries import item_changed, points_into
from ..article_fallbacks import feed_text_of
from ..article_sources import read_from
from ..citation import cited_address
from ..config import site_rule_for
from ..keys import article_key, item_of_address
from ..models import Article, Entry, TextMarks
from ..store.saved import HELD
from .archiving import LibraryArchiving
from .resources import _link


class LibraryKeptArticles(LibraryArchiving):
    """The articles a `Library` keeps, read back (offline)."""

    def cached_article(self, target: Entry | str) -> Article | None:
        url = _link(target)
        return self.store.article(url) if url else None

    def cached_article_as_shown(self, target: Entry | str) -> Article | None:
        """The cached article told when its page was found taken down and of the earlier
        copies kept (`_told`), as `reader show` prints it: an export of it left the notes out
        (acc33a A3; acc44c C3, a dossier's correction unsaid)."""
        url = _link(target)
        article = self.store.article(url) if url else None
        return self._told(url, article) if article is not None else None

    def _told(self, url: str, latest: Article) -> Article:
        """The latest copy of `url`'s article told of its page found taken down since
        (`gone_at`), and of the earlier copies kept (`versions`): not the copies themselves,
        each read asks for its own."""
        latest = self._with_gone(url, _as_item(latest, url))
        earlier, repeats = self.store.version_times_and_repeats(url)
        if not earlier:
            return latest
        times = (*earlier, latest.fetched_at)
        # One line of those dropped, not one a copy (acc48c C4).
        dropped = tuple(filter(None, [self.store.copies_not_kept(url)]))
        first = self.store.retraction_first_said(url) if latest.retracted else 0
        return replace(
            latest,
            versions=times,
            version=len(times),
            repeats=repeats,
            copies_dropped=dropped,
            retracted_first=first,
            grown=self.store.grown(url),
            first_retrieved_over=self.store.first_retrieved_over(url),
            first_copy_by=self.store.first_copy_by(url) if len(times) > 2 else "",
            # An item pointing into one entry: corrected when that entry was (its row's δ).
            other_entries_corrected=(
                points_into(url) and not item_changed(url, self.store.corrected_entries(url))
            ),
        )

    def _with_gone(self, url: str, copy: Article) -> Article:
        """A cached copy of `url`'s article told when its page was last found taken down,
        with what status and how (`Store.gone_how`), of the takedowns and the retractions
        that ended, and of its page fetched again and not taken (`Store.refused_reads`)."""
        if ended := tuple(self.store.takedowns_ended(url)):
            copy = replace(copy, takedowns=ended)
        if unsaid := tuple(self.store.retractions_ended(url)):
            copy = replace(copy, retractions_ended=unsaid)
        if refused := tuple(self.store.refused_reads(url)):
            copy = replace(copy, refused_reads=refused)
        gone = self.store.gone_at(url)
        if gone is None:
            return copy
        at, status = gone
        status, how = self.store.gone_how(url) or (status, "")
        return replace(
            copy, gone_at=datetime.fromtimestamp(at, UTC), gone_status=status, gone_how=how
        )

    def cached_heading(self, target: Entry | str) -> Article | None:
        """The cached article without its text (`Store.article_heading`): its title, site and
        language, without rebuilding every paragraph; None when it is not cached."""
        url = _link(target)
        return self.store.article_heading(url) if url else None

    def linkless_heading(self, entry: Entry) -> Article | None:
        """Of an item with no link, what the contents of an export list it by (its title,
        its feed's name and its dates), its feed's text not read; None when its feed carried
        no text (nothing to export)."""
        if entry.link or not self.store.feed_html(entry).strip():
            return None
        return Article(
            "",
            title=entry.title,
            site_name=entry.source_name,
            published=entry.published,
            updated=entry.updated,
        )

    def linkless_text(self, entry: Entry) -> Article | None:
        """The text the feed carried of an item with no link: all there is of it, its article
        (`Library.article` reads it so too), read offline from the headline kept; None for one
        with a link, or whose feed carried no text. Read in this process: for an export and
        `reader highlights`, never the reading view (which reads it in a worker)."""
        html = "" if entry.link else self.store.feed_html(entry)
        return feed_text_of(entry, html) if html.strip() else None

    def uncached_kinds(self, links: Iterable[str]) -> Counter[str]:
        """Why the articles of `links` (none cached) are not, counted: "taken_down" (the site
        answered 404 or 410), "not_page" (a PDF, a feed, no link at all), "held" (a saved
        link to this computer or its network, fetched when opened), "left_out" (by the size
        limit), "no_text" (an item with no link whose feed carried no text: `item_address`),
        "unlisted_item" (one no feed lists now, its text not kept with its highlights),
        else "to_fetch": what the next sync fetches. The first five no sync brings,
        and a hint to sync first misled about them (acc33a A15)."""
        store = self.store
        gone, not_pages = store.gone_keys(), store.not_article_keys()
        left_out, saved = store.left_out_keys(), store.saved()
        kinds: Counter[str] = Counter()
        links = list(links)
        listed = self._items_listed({item_of_address(link) for link in links} - {""})
        for link in links:
            key = article_key(link) if link else ""
            if item := item_of_address(link):
                # An item with no link: its feed's text is its article, or, no feed listing
                # it now, what was kept of it with its highlights (nothing, before that was).
                kinds["no_text" if item in listed else "unlisted_item"] += 1
            elif not key or key in not_pages:
                kinds["not_page"] += 1
            elif key in gone:
                kinds["taken_down"] += 1
            elif isinstance(record := saved.get(key), dict) and record.get(HELD):
                kinds["held"] += 1
            elif key in left_out:
                kinds["left_out"] += 1
            else:
                kinds["to_fetch"] += 1
        return kinds

    def _items_listed(self, ids: set[str]) -> set[str]:
        """Of `ids` (items with no link), those a feed lists: found in the lists' text."""
        found: set[str] = set()
        for url in self.store.feed_urls() if ids else ():
            found |= self.store.records_of_ids(url, ids - found).keys()
        return found

    def cached_text(self, target: Entry | str) -> str | None:
        """The cached article's text as a search reads it, a block a line (None: not cached)."""
        url = _link(target)
        return self.store.article_text(url) if url else None

    def searched(self, target: Entry | str) -> tuple[str, str, Callable[[], TextMarks], str] | None:
        """The cached article's text and byline as a search reads them (`full_text.search`),
        where its struck-through runs and headings are in the text, and its own title (a PDF's, a page's
        heading: "" for none); None when it is not cached."""
        url = _link(target)
        found = self.store.searched_by_key(article_key(url)) if url else None
        return None if found is None else (found[2], found[1], found[3], found[0])

    def cited_address(self, entry: Entry) -> str:
        """The address `entry`'s page is cited and opened by (`citation.cited_address`): its
        cached article's, the canonical one untracked, else its link untracked. A read of the
        cache: not on the reader's event loop."""
        heading = self.store.article_heading(entry.link) if entry.link else None
        return cited_address(entry.address, heading)

    def unmatched_body_rule(self, target: Entry | str, article: Article) -> str:
        """The body selector of the site rule for `target`'s cached `article` when it matches
        nothing on the page kept (the page was read as any other), else ""."""
        url = _link(target)
        if not url or not self.site_rules:
            return ""
        rule = site_rule_for(self.site_rules, read_from(article, url))
        raw = self.store.raw_page(url) if rule is not None and rule.body else None
        if raw is None:
            return ""
        # Here, past the checks: the extraction pipeline takes longer to import than printing
        # a cached article does (`reader show --offline`, many of them in a row); only a page
        # of a site with a body rule is read again with it.
        from ..charset_labels import charset_from_content_type
        from ..extract import body_rule_misses

        body, content_type = raw
        missed = body_rule_misses(body, rule, charset_from_content_type(content_type))
        return rule.body if missed and rule is not None else ""


def _as_item(article: Article, link: str) -> Article:
    """`article` as the item linking to `link` reads it. A page several items point into (a
    live blog's entries, `page#block-3`) is cached once, under the address of the item that
    fetched it first, and every item showed and cited that one's anchor (acc50c C2: Update 1's
    header and citation sent readers to Update 3); each its own now, the blog's own none."""
    anchor = urldefrag(link).fragment
    if not article.url or urldefrag(article.url).fragment == anchor:
        return article
    page = urldefrag(article.url).url
    return replace(article, url=f"{page}#{anchor}" if anchor else page)
