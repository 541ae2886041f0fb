"""The reader app's subscriptions, changed from the feed list: a feed added by its address or a
site's (`Library.add`, discovery and all, in a worker: the screen never waits on the network),
renamed, removed. Each says what came of it in the status line, in the words `reader add`,
`rename` and `remove` use (`add_answers`, `feed_names.renamed`)."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..feed_names import renamed
from ..keys import link_key
from ..models import FetchError
from ..plural import plural
from ..sentence_start import sentence
from .app_sync import ReaderAppSync
from .display import plain
from .headlines import SAVED_VIEW

if TYPE_CHECKING:
    from ..discovery import FeedLink


class ReaderAppFeeds(ReaderAppSync):
    """The reader app's subscriptions added, renamed and removed (see `ReaderApp`)."""

    # -- add -----------------------------------------------------------------------------------
    def ask_to_add_feed(self, value: str = "", reading: bool = False) -> None:
        """The "Add a feed" line, holding `value` (an address pasted on the lists; `reading`:
        the address of the article read, whose page names its site's feed). `a` is this on
        the lists and a note in an article: each line's title says how to reach the other
        (acc45a A9: one pressed `a` in an article for its site's feed, and got a note)."""
        from .dialogs.feed_input import FeedInputScreen  # here: the start adds no feed
        from .keymap import keymap_of

        note_key = keymap_of(self).key("note", "an article")
        if reading:
            question = "Add this site's feed: the feed this article's page names"
            other = f" · a note on this article: Esc, then {note_key}" if note_key else ""
        else:
            question = "Add a feed: paste a news site's address (or its feed's)"
            other = f" · a note on an article: open it, then {note_key}" if note_key else ""

        def entered(line: str | None) -> None:
            if line is not None:
                self.add_feed(line, reading=reading)  # an empty line adds nothing

        from ..typed_address import typed_address  # here: the first screen adds no feed

        def check(line: str) -> str:
            # An address refused is said under the line, which keeps it to mend (acc44a A2).
            return sentence(typed_address(line).refusal)

        hint = "Enter adds it (a page's feed is found) · Esc: nothing added"
        # Asked all the same on a store that keeps nothing, Enter refusing: a pasted address
        # is not taken for keys.
        refused = self.refusal("add")
        dialog = FeedInputScreen(
            question + other, value=value, hint=hint, check=check, refused=refused
        )
        self.push_screen(dialog, entered)

    def add_feed(self, address: str, reading: bool = False) -> None:
        """Subscribe to the feed at `address`, or to the one found on the web page there, as
        `reader add` does; its headlines fetched, it is shown (`reading`: from an article, the
        lists left as they are under it, said in the status line). Nothing changes on a
        failure."""
        from ..typed_address import typed_address  # here: the first screen adds no feed

        # "feed://…" (a site's subscribe button's), "example.com" as a browser's bar takes it.
        typed = typed_address(address)
        if not address.strip() or self.refuses("add"):
            return
        if not typed.url:
            self.status = sentence(typed.refusal)
            return
        self.status = f"Adding {plain(typed.url, max_length=200).plain}…"
        self._run(self._add(typed.url, typed.note, reading=reading), "add")

    async def _add(
        self, address: str, note: str = "", keep: bool = False, reading: bool = False
    ) -> None:
        """`note`: how what was typed was read ("taken as https://…"), said before the answer;
        `keep`: subscribed even if nothing answers there (the user said to keep it); `reading`:
        asked from the article at `address`, which is not offered to be kept (it is read)."""
        try:
            added = await self.lib.add(address, keep=keep)
        except FetchError as error:
            self.status = sentence(f"{note}; {error.message}" if note else error.message)
            return
        if added.nothing_answered is not None:
            self._offer_to_retry(address, added.nothing_answered, note)
            return
        keys = getattr(self, "keymap", None)
        key = keys.shown("add_feed", "a") if keys else "a"
        # A page naming no feed is most likely an article's, a link someone sent: offered to
        # be kept and read here, where the line ended in "not subscribed" (acc30a J29).
        from ..add_answers import add_answer, is_home_page  # here: the start adds no feed

        # A site's home page is a list of links, no article to keep (acc45 A3).
        article_page = (
            bool(added.page and not added.url and not added.feeds and added.error is None)
            and not added.already
            and not is_home_page(added.page)
            and not reading
        )

        answer = add_answer(
            added, how_to_add=f"{key} and its address, or Enter on it here", how_to_keep=""
        )
        line = sentence(f"{note}; {answer.one_line()}" if note else answer.one_line())
        if article_page and not self.refuses("save"):
            self.status = line
            self._offer_to_keep(added.page, f"{line}.")
            return
        if added.feeds and not added.url and added.error is None:
            # A page naming several feeds (a paper's sections): chosen from a list, by keys.
            self.status = line
            self._choose_feed(added.feeds, added.page)
            return
        if answer.failed and not added.url:
            # The status line cuts a long answer before its end ("…: not subscribed", the
            # addresses tried): whole, wrapped, in a notice too (acc27b B14).
            self.notify(line, severity="warning", markup=False, timeout=20)
        if added.url:
            self._changed_seen = self.lib.store.changed_at()  # the add's own, read in now
            await self.reload(freeze=False)
        if not reading and added.url and any(f.url == added.url for f in self.index.feeds):
            # After the list has the feed (`reload` posted it): shown, then the line said.
            self.main_screen.call_later(self._show_added, added.url, line)
        else:
            self.status = line
        if not reading and added.url and added.article_page and not self.refuses("save"):
            # A link someone sent, whose page names its site's feed (every WordPress post):
            # subscribing alone left the article itself neither kept nor listed (acc31c W3).
            self._offer_to_keep(added.page, "That page is itself an article.")

    async def _add_each(self, urls: list[str]) -> None:
        """The feeds marked in a page's list (`FeedChoiceScreen`) added one after another, as
        `a` adds one; said in one line at the end: how many were added, and why any was not."""
        from ..add_answers import add_answer  # here: the start adds no feed

        added_urls: list[str] = []
        failures: list[str] = []
        for number, url in enumerate(urls, 1):
            self.status = f"Adding {number} of {len(urls)}: {plain(url, max_length=200).plain}…"
            try:
                added = await self.lib.add(url)
            except FetchError as error:
                failures += [error.message]  # said through `sentence` and a notice without markup
                continue
            answer = add_answer(added, how_to_keep="")
            if answer.failed:
                failures += [answer.one_line()]
            if added.url:
                added_urls += [added.url]
        if added_urls:
            self._changed_seen = self.lib.store.changed_at()
            await self.reload(freeze=False)
        line = f"Subscribed to {len(added_urls)} of {plural(len(urls), 'feed')}"
        self.status = sentence(f"{line}; {failures[0]}" if failures else line)
        if failures:
            self.notify(sentence("; ".join(failures)), severity="warning", markup=False, timeout=20)

    def _offer_to_retry(self, address: str, failure: FetchError, note: str) -> None:
        """Nothing answered at `address` (most often a typo): kept only when the user says so,
        as the first answer in the reader's words (acc44a A1)."""
        from ..add_answers import nothing_answered

        said = sentence(
            f"{note}; {nothing_answered(failure)}" if note else nothing_answered(failure)
        )
        self.status = f"{said}: not subscribed"

        def answered(yes: bool | None) -> None:
            if yes:
                self.status = f"Adding {plain(address, max_length=200).plain} to retry…"
                self._run(self._add(address, keep=True), "add")

        from .dialogs.confirm import ConfirmScreen  # here: the start shows no dialog

        question = (
            f"{said}.\n\nKeep it, to retry at each sync? y/n"
            " (Enter: no; check the address and add it again)"
        )
        self.push_screen(ConfirmScreen(question, default=False), answered)

    def _choose_feed(self, feeds: Sequence[FeedLink], page: str) -> None:
        """Offer the feeds the page at `page` names; the one chosen is added as `a` adds one."""

        def chosen(urls: list[str] | None) -> None:
            if urls and len(urls) == 1:
                self.add_feed(urls[0])
            elif urls and not self.refuses("add"):
                self._run(self._add_each(urls), "add")

        from .dialogs.feed_choice import FeedChoiceScreen  # here: the start shows no dialog

        self.push_screen(FeedChoiceScreen(feeds, page), chosen)

    def _offer_to_keep(self, page: str, said: str) -> None:
        """Ask whether to save the article of the page at `page` for good, and read it."""

        def answered(yes: bool | None) -> None:
            if yes:
                self._run(self._keep_page(page), "save")

        # The question first: what led to it (the feeds looked for) can be long.
        question = f"Save the article of that page for good (in Saved), and read it?\n\n{said}"
        from .dialogs.confirm import ConfirmScreen  # here: the start shows no dialog

        self.push_screen(ConfirmScreen(question), answered)

    async def _keep_page(self, url: str) -> None:
        """The article of the page at `url` cached and saved for good, as `reader save URL`
        keeps it, then opened (it is in Saved, under its site's name)."""
        self.status = f"Saving {plain(url, max_length=200).plain}…"
        try:
            target = await asyncio.to_thread(self.lib.resolve, url)
            outcome = await self.lib.save_or_keep(target)
        except FetchError as error:
            self.status = sentence(error.message)
            return
        self._changed_seen = self.lib.store.changed_at()  # the save's own, read in now
        await self.reload(freeze=False)
        if (article := outcome.article) is None:
            why = outcome.failure.message if outcome.failure else ""
            self.status = sentence(
                f"Saved as a link, not fetched yet ({why}): the next sync fetches it"
            )
            return
        title = plain(article.title or article.url, max_length=120).plain
        # A notice: the article opened over the list, which says its own line.
        self.notify(f"Saved for good (in Saved): {title}", markup=False)
        # Where it is saved: a short link's story is where it led (acc31c W4).
        link = outcome.link
        saved = self.index.view(SAVED_VIEW)
        headline = next(
            (
                h
                for h in saved
                if link_key(link) in (link_key(h.entry.link), link_key(h.entry.address))
            ),
            None,
        )
        if headline is not None:
            from .screens.article import ArticleScreen

            self.push_screen(ArticleScreen([headline], 0, None))

    def _show_added(self, url: str, line: str) -> None:
        self.main_screen.show_feed(url)
        self.status = line

    # -- rename and remove ---------------------------------------------------------------------
    def rename_feed(self, url: str, name: str) -> None:
        """Show the feed at `url` by the user's `name` ("": by its own title again)."""
        if not self.refuses("rename"):
            self._run(self._rename(url, name), "rename")

    async def _rename(self, url: str, name: str) -> None:
        was = next((f.display_title for f in self.index.feeds if f.url == url), url)
        feed = await asyncio.to_thread(self.lib.rename_feed, url, name)
        if feed is None:
            self.status = sentence(f"not subscribed: {plain(url).plain}")
            return
        await self.reload(freeze=False)
        self.status = sentence(renamed(was, feed))

    def remove_feed(self, url: str, then_show: str | None) -> None:
        """Unsubscribe from the feed at `url`, as `reader remove` does: its headlines and read
        marks go, the articles cached and saved stay. `then_show`: the feed shown after it.
        During a refresh or a sync too: it lets the feed go (`Library.stop_refreshing`)."""
        if not self.refuses("remove"):
            self._run(self._remove([url], then_show, during=bool(self._busy)), "remove")

    def remove_feeds(self, urls: list[str], noun: str) -> None:
        """Unsubscribe from the feeds at `urls` (`noun`: what they are, "failing feed"), as
        `remove_feed` does each, said in one line ("Unsubscribed from 45 failing feeds")."""
        if not self.refuses("remove"):
            self._run(self._remove(urls, None, during=bool(self._busy), noun=noun), "remove")

    async def _remove(
        self, urls: list[str], then_show: str | None, during: bool, noun: str = ""
    ) -> None:
        titles = {f.url: f.display_title for f in self.index.feeds}
        saved = sum(h.saved for url in urls for h in self.index.view(url))
        removed = await asyncio.to_thread(lambda: [u for u in urls if self.lib.remove_feed(u)])
        if not removed:
            self.status = sentence(f"not subscribed: {plain(urls[0]).plain}")
            return
        for url in removed:
            self.lib.stop_refreshing(url)  # the job running neither waits for it nor keeps it
        self._changed_seen = self.lib.store.changed_at()  # the removal's own, read in now
        await self.reload(freeze=False)
        if noun:
            line = f"Unsubscribed from {plural(len(removed), noun)}"
        else:
            line = f"Unsubscribed: {plain(titles.get(urls[0], urls[0]), max_length=60).plain}"
        if saved:
            line += f" ({plural(saved, 'saved article')} kept in Saved)"
        if then_show:
            self.main_screen.call_later(self.main_screen.show_feed, then_show)
        if during:
            # The status line is the job's (its progress, then what came of it, which may be
            # at once: the feed let go was the last it waited for); the removal is told apart.
            self.main_screen.call_later(self.notify, line, markup=False)
        else:
            self.main_screen.call_later(setattr, self, "status", line)
