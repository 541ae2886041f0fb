"""The reader app's articles: read (from the cache, else downloaded in a task of the app's own
that a worker giving up doesn't cancel), saved, fetched ahead of the reader, their places kept; a
link followed here or in the browser; text copied to the clipboard."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from contextlib import suppress
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import Unwritable
from ..feed_tags import saved_tags
from ..keys import article_key
from ..models import Article, Entry, ErrorKind, FetchError, StoreError
from ..reports import Headline, saved_time
from ..sentence_start import sentence
from ..url_display import shown_url
from ..urls import contact_address, is_web_url, without_tracking
from .app_marks import ReaderAppMarks
from .browser import (
    NO_BROWSER_HINT,
    open_in_browser_heard,
    open_in_text_browser,
    opens_in_terminal,
)
from .clipboard import clipboard_commands, copy_with_tools
from .display import plain
from .keymap import keymap_of
from .store_changes import ARCHIVE, TAGS

if TYPE_CHECKING:
    from ..pictures import KeptPicture
    from .widgets.article.reading_place import Place


def _consume(future: asyncio.Future[object]) -> None:
    """Mark a finished future's error as seen (the waiter that wanted it has gone)."""
    if not future.cancelled():
        future.exception()


UNKEPT_DISCUSSION = (
    "Offline, and the reader keeps no copy of the discussion: handed to your browser, which may"
    " not load it"
)
"""What Enter on an article's "Discussion:" line says while nothing answers (`nothing_answers`):
a sync caches the story, not its thread, so there is nothing here to read (acc49b B2)."""


class ReaderAppArticles(ReaderAppMarks):
    """The reader app's articles, read, saved and fetched ahead (see `ReaderApp`)."""

    nothing_answers = False
    """Nothing answered the last refresh or sync (`reports.nothing_answered`: no network, as
    its line said) and no other process's since (`ReaderAppSync`): a link the reader keeps no
    copy of is handed to the browser saying so, not "Opened" as if it were there to read."""

    # -- articles ------------------------------------------------------------------------------
    def check_open_articles(self) -> None:
        """A sync cached articles (here, or in another window): each article open looks
        whether a changed copy of it came (`ArticleScreen.check_newer_copy`)."""
        # No article screen is open unless its module was imported (as in `exit`).
        article = sys.modules.get(f"{__package__}.screens.article")
        if article is None or self._quitting:
            return
        for screen in self.screen_stack:
            if isinstance(screen, article.ArticleScreen):
                screen.run_worker(screen.check_newer_copy, group="newer", exit_on_error=False)

    def pictures_kept(self, url: str, pictures: list[KeptPicture]) -> None:
        """The library kept the pictures of the article at `url` (`Library.pictures_kept`:
        after its text, of an article opened, fetched ahead or synced): the article open
        marks them at once (`ArticleScreen.show_kept_pictures`), not at its next opening."""
        article = sys.modules.get(f"{__package__}.screens.article")
        if article is None or self._quitting:
            return
        for screen in self.screen_stack:
            # One not mounted yet reads the article, and what is kept of it, as it opens.
            if isinstance(screen, article.ArticleScreen) and screen.is_mounted:
                screen.show_kept_pictures(url, pictures)

    def toggle_saved(self, entry: Entry) -> None:
        """Keep an article for good (fetching it first if needed), or let it go again. Not on
        a read-only data directory, which no later moment makes writable (a full disk's saves
        wait for room): it fetched the article to keep nothing, and said "Saved for good", or
        "Saved, not fetched yet … the next sync fetches it" offline, of what no sync would."""
        tag = self.library.read_only_tag if self.library is not None else ""
        if tag in (Unwritable.READ_ONLY, Unwritable.OLDER_FORMAT):
            now = self.index.get(entry.id)
            what = "unsave" if now is not None and now.saved else "save"
            self.status = f"No {what}: {tag}, so nothing new can be kept"
            return
        self._run(self._toggle_saved(entry), "save")

    async def _toggle_saved(self, entry: Entry) -> None:
        title = plain(entry.title or shown_url(entry.link), max_length=120).plain
        # As shown, not as the store says: a change made a moment ago may still wait for it
        # (another program holding it), and `s` again must undo what the list shows.
        now = self.index.get(entry.id)
        saved = now.saved if now is not None else await asyncio.to_thread(self.lib.is_saved, entry)
        if saved:
            # What `s` again puts back: as shown now, until the store's record is read as it
            # is unsaved (in its turn, behind the changes waiting).
            shown = (
                {"tags": list(now.tags), "archived": now.archived, "at": now.saved_at}
                if now
                else {}
            )
            self._unsaved[entry.id] = shown
            self.keep_saved(partial(self._unsave, entry), partial(self._unsaved_as, entry.id))
            self._changed(self.index.set_saved(entry.id, False))
            tags = saved_tags(shown)
            # Named, with the way back: in "Saved" the row stays till the list is left, and
            # a row off the screen's part looked at was gone unnamed (acc31c W20).
            key = keymap_of(self).key("save", "the headlines")
            again = f" · {key} again keeps it" + (" and its tags" if tags else "") if key else ""
            self.notify(f"Unsaved: {title}{again}", markup=False)
            self.show_counts()  # one fewer saved: a line with no feed counts them
            return
        if entry.id in self._unsaved:
            # Put back as it was: refetched, a PDF or a 404 an import kept was refused, and the
            # link lost for good (acc32a A5).
            record = self._unsaved[entry.id]
            self.keep_saved(partial(self._restore_saved, entry))
            # Its time saved too: put back where it stood in "Saved", not saved now.
            changed = self.index.set_tags(entry.id, saved_tags(record), at=saved_time(record))
            if record.get("archived"):
                changed += self.index.set_archived(entry.id, True)
            self._changed(changed)
            self.notify(f"Saved again: {title}", markup=False)
            self.show_counts()
            return
        try:
            article = await self._download(entry)
        except FetchError as error:
            if self.lib.saves_unfetched(error):
                # Offline, or the site down: kept, for the next sync to fetch (acc31c W8).
                self.keep_saved(partial(self.lib.set_saved, entry, True))
                self._changed(self.index.set_saved(entry.id, True))
                shown = f"Saved, not fetched yet ({error.message}): the next sync fetches it."
                self.notify(plain(shown, max_length=300).plain, markup=False)
                return
            if error.taken_down:
                # Its headline and the feed's text kept, as `#` keeps one (acc41a A7: `s`
                # refused what `#` saved); a sync asks for the page again now and then.
                self.keep_saved(partial(self.lib.set_saved, entry, True))
                self._changed(self.index.set_saved(entry.id, True))
                shown = f"Saved, its page gone ({error.message}): its feed's text is what it has."
                self.notify(plain(shown, max_length=300).plain, markup=False)
                self.show_counts()
                return
            shown = plain(f"Not saved: {error.message}", max_length=300).plain
            self.notify(shown, severity="error", markup=False)
            return
        self.keep_saved(partial(self.lib.set_saved, entry, True))
        self._changed(
            [
                self.index.set_cached(entry.id, partial=article.in_part),
                *self.index.set_saved(entry.id, True),
            ]
        )
        self.notify(f"Saved for good: {title}", markup=False)
        self.show_counts()

    def _unsave(self, entry: Entry) -> dict[str, Any] | None:
        """In a thread, in its turn: unsave `entry`; the record it had, for `s` again."""
        record = self.lib.saved_record(entry)
        self.lib.unsave(entry)
        return record

    def _unsaved_as(self, entry_id: str, record: dict[str, Any] | None) -> None:
        """The store's record of an article unsaved, once read, for `s` again to put back."""
        if record is not None and entry_id in self._unsaved:
            self._unsaved[entry_id] = record

    def _restore_saved(self, entry: Entry) -> None:
        """In a thread, in its turn: `entry` saved again as its unsaving found it."""
        record = self._unsaved.pop(entry.id, None)
        if record is None or "url" not in record:  # none in the store (another window unsaved it)
            self.lib.set_saved(entry, True)
        else:
            self.lib.restore_saved(entry, record)

    def toggle_archived(self, entry: Entry) -> None:
        """Archive the article of `entry` (done with, kept: saved if it wasn't, marked read),
        or take it out of the archive, back in Saved (still read)."""
        if not entry.link:
            self.notify("No article to archive: this headline links nowhere.", severity="warning")
            return
        now = self.index.get(entry.id)  # as shown (see `_toggle_saved`)
        archived = not (now.archived if now is not None else self.lib.is_archived(entry))
        self.keep_saved(partial(self.lib.archive, entry, archived), kind=ARCHIVE)
        self._changed(self.index.set_archived(entry.id, archived))
        title = plain(entry.title or shown_url(entry.link), max_length=120).plain
        key = keymap_of(self).key("archive", "the headlines")
        again = f" · {key} again takes it back" if key else ""
        said = f"Archived: {title}{again}" if archived else f"Back in Saved: {title}"
        self.notify(said, markup=False)
        if not self._busy:
            self.status = self.summary()

    def edit_tags(self, entry: Entry) -> None:
        """Ask for the tags the article of `entry` is filed under (those it has, to change;
        the tags in use completed), and file it under those given: a tag saves it, none
        leaves it saved, untagged."""
        from ..feed_tags import typed_tag, with_tags
        from .dialogs.feed_input import FeedInputScreen
        from .tag_completion import TagCompletion

        if not entry.link:
            self.notify("No article to tag: this headline links nowhere.", severity="warning")
            return
        # Asked all the same, Enter refusing (`FeedInputScreen`'s `refused`): the tags typed
        # next are not taken for keys.
        refused = self.refusal("tags")
        now = self.index.get(entry.id)
        had = now.tags if now is not None else ()
        title = plain(entry.title or shown_url(entry.link), max_length=80).plain

        def answered(line: str | None) -> None:
            if line is not None:
                typed = [typed_tag(tag) for tag in line.split(",")]
                self._run(self._retag(entry, had, with_tags((), typed)), "tag")

        in_use = [tag for tag, _count in self.index.tags()]
        self.push_screen(
            FeedInputScreen(
                f"Tags of “{title}”",
                # Ending in ", ": a tag typed after those it has is one more, not the last
                # one's end ("Überwachungweek49" filed 5 stories of 20 wrongly, acc35b F7).
                "".join(f"{tag}, " for tag in had),
                "A comma between two; → takes the tag offered · Enter files it (saved) under"
                " them; none: untagged · Esc: as it was",
                TagCompletion(in_use),
                refused=refused,
            ),
            answered,
        )

    async def _retag(self, entry: Entry, had: tuple[str, ...], wanted: tuple[str, ...]) -> None:
        from ..feed_tags import with_tags, without_tags

        if not had and not wanted:
            return
        now = self.index.get(entry.id)  # as shown (see `_toggle_saved`)
        was_saved = now.saved if now is not None else self.lib.is_saved(entry)
        gone = without_tags(had, wanted)
        # What the store makes of them (`Store.tag_saved`), shown before it has.
        tags = without_tags(with_tags(had, wanted), gone)
        self.keep_saved(partial(self._write_tags, entry, wanted, gone), kind=TAGS)
        self._changed(self.index.set_tags(entry.id, tags, saved=was_saved or bool(wanted)))
        self._show_tags(entry, tags)
        shown = " ".join(f"#{tag}" for tag in tags)
        saved = "" if was_saved else " (saved for good: a tag files it in Saved)"
        said = f"Tagged {shown}{saved}" if tags else "No tags now (still saved)"
        self.notify(plain(said, max_length=300).plain, markup=False)

    def _write_tags(self, entry: Entry, wanted: tuple[str, ...], gone: tuple[str, ...]) -> None:
        """In a thread, in its turn: `entry` filed under `wanted` too, no longer under `gone`."""
        if wanted:
            self.lib.tag_article(entry, wanted)
        if gone:
            self.lib.untag_article(entry, gone)

    def _show_tags(self, entry: Entry, tags: tuple[str, ...]) -> None:
        """The article of `entry`, open, says its tags now in its header."""
        article = sys.modules.get(f"{__package__}.screens.article")
        if article is None:
            return
        for screen in self.screen_stack:
            if isinstance(screen, article.ArticleScreen) and screen.headline.entry.id == entry.id:
                screen.show_tags(tags)

    async def read_article(
        self, entry: Entry, first_page: Callable[[Article], None] | None = None
    ) -> Article:
        """Return an entry's article (cached, or fetched now) and mark it read. Raises
        FetchError, leaving the entry unread: nothing of it was read. `first_page` hears of an
        article over several pages when its first is in (see `Library.article`); that page
        is read, and cached, whatever becomes of the others."""

        def first_in(article: Article) -> None:
            self._opened(entry, article)
            if first_page is not None:
                first_page(article)

        try:
            article = await self._download(entry, first_in, opened=True)
        except FetchError:
            # Not in the cache: a row marked available offline (another process pruned it,
            # say) must stop saying so once opening it has found it gone.
            self._changed([self.index.set_cached(entry.id, False)])
            raise
        self._opened(entry, article)
        return article

    def remember_place(self, entry: Entry, article: Article, place: Place | None) -> None:
        """Where the reader left an article (None: at its start), for when it is opened again,
        in this session or the next; written in a thread. A store that can't be written (a
        full disk) forgets it: no reason to stop the reader going back."""
        self.lib.remember_place_soon(entry, article, None if place is None else place.record())

    def place_of(self, entry: Entry, article: Article) -> Place | None:
        """Where the reader left `article`, when it is still the text it was left in."""
        try:
            record = self.lib.reading_place(entry, article)
        except StoreError:
            return None
        # Here: the reading view's, not the first screen's (its dataclasses: ~4 ms at load 8).
        from .widgets.article.reading_place import Place

        return None if record is None else Place.from_record(record)

    async def fetched_article(self, entry: Entry) -> Article:
        """An entry's article, cached or fetched now, not marked read: a program of the
        user's is given it (`user_command_runs`). Raises FetchError."""
        article = await self._download(entry)
        self._in_cache(entry, article)
        return article

    def _opened(self, entry: Entry, article: Article) -> None:
        """An entry's article (or its first page) is on screen: read, and in the cache."""
        self.no_feed_note_over()  # as a refresh's summary, it stays until an article opens
        self.set_read(entry, True, opened=True)
        self._in_cache(entry, article)

    def _in_cache(self, entry: Entry, article: Article) -> None:
        """Its row marked available offline, as `article` was had."""
        self._prefetch_failed.discard(entry.id)
        if article.unkept:
            return  # shown, not cached: its row stays unmarked (not offline)
        taken_down = article.gone_at is not None  # the row marked as the header notes it
        self._changed(
            [self.index.set_cached(entry.id, partial=article.in_part, taken_down=taken_down)]
        )

    async def read_feed_text(self, entry: Entry) -> Article | None:
        """The text the feed carried for an entry whose page can't be fetched (see
        `Library.feed_text`). The entry stays unread: offline, a summary is all it shows, and
        the article itself is still to be read once the network is back."""
        return await self.lib.feed_text(entry)

    async def _download(
        self,
        entry: Entry,
        first_page: Callable[[Article], None] | None = None,
        ahead: bool = False,
        opened: bool = False,
    ) -> Article:
        """`library.article(entry)` in a task of the app's own, awaited through a shield
        (`article_ahead` when fetched `ahead` of the user: a prefetch). `opened`: shown, and
        marked read (`_opened`), the mark noting its reading in the same write.

        A worker that stops waiting (the reader pressed `n`, switched feeds) must not cancel
        the Library's wait on a download: the article should still land in the cache, and a
        cancelled wait would leave the download's error unretrieved.
        """
        task = self._downloads.get(entry.id)
        if task is None:
            fetching = (
                self.lib.article_ahead(entry)
                if ahead
                else self.lib.article(entry, first_page=first_page, noted=not opened)
            )
            task = asyncio.ensure_future(fetching)
            self._downloads[entry.id] = task
            task.add_done_callback(lambda done: self._downloads.pop(entry.id, None))
            task.add_done_callback(_consume)
        elif not ahead and entry.link:
            # Under way already (a prefetch), queued behind a refresh maybe: the user waits
            # for it now, so it goes first (acc37a H2).
            self.lib.wait_for(entry.link)
            if first_page is not None:  # its first page is still worth hearing of
                self.lib.hear_first_page(entry.link, first_page)
        try:
            return await asyncio.shield(task)
        except FetchError as error:
            if error.kind == ErrorKind.NOT_HTML:  # marked ↗ now, not at the next reload
                self._changed([self.index.set_not_article(entry.id)])
            raise

    def prefetch(self, headlines: list[Headline]) -> None:
        """Fetch ahead the first uncached articles of the list on screen (replacing any earlier
        run); not those the cache's size limit left out: the next sync would evict them again
        (opening one fetches it)."""
        wanted = (
            h.entry
            for h in headlines
            if not h.cached
            and not h.left_out
            and h.entry.link
            and h.entry.id not in self._prefetch_failed
        )
        # islice: a feed switch on 10,000 cached headlines must not scan them all.
        todo = list(islice(wanted, self.prefetch_limit))
        if todo:
            self._run(self._prefetch(todo), "prefetch", exclusive=True)

    async def _prefetch(self, entries: list[Entry]) -> None:
        await self.shown.wait()  # the list first (its network stack would delay the paint)
        # A story its site said was gone (or a page too slow to read) is asked for again by a
        # sync a day later, or when opened: each start and `r` asked the site again for every
        # dead page near the cursor. A file's link to this computer or its network, saved
        # unfetched, is fetched only when opened too (acc32b B1).
        with suppress(StoreError):
            gone = await asyncio.to_thread(self.lib.fetched_only_when_opened)
            dead = {e.id for e in entries if e.link and article_key(e.link) in gone}
            self._prefetch_failed.update(dead)
            entries = [e for e in entries if e.id not in dead]
        portal = ""  # what a Wi-Fi login page answering in every page's place made of it
        fetched: list[Entry] = []

        async def one(entry: Entry) -> None:
            nonlocal portal
            try:
                article = await self._download(entry, ahead=True)
            except FetchError as error:
                self._prefetch_failed.add(entry.id)
                if error.kind == ErrorKind.PORTAL:
                    portal = error.message
                return
            if article.unkept:  # the disk filled since: not fetched again for nothing
                self._prefetch_failed.add(entry.id)
                return
            fetched.append(entry)
            self._changed([self.index.set_cached(entry.id, partial=article.in_part)])

        await asyncio.gather(*(one(e) for e in entries))
        if portal:
            # A Wi-Fi login page answered: the articles cached from it before it was known
            # for one were taken out of the cache again (`Library._take_back`).
            gone = [e for e in fetched if self.lib.cached_article(e) is None]
            self._changed([self.index.set_cached(e.id, cached=False) for e in gone])
            self._prefetch_failed.update(e.id for e in gone)
        if portal and not self._busy:
            self.status = sentence(portal)
        else:
            self.show_counts()

    def open_link(self, url: str, reading: Entry | None = None) -> None:
        """A link in an article: read here when it is one of the feeds' articles (offline too,
        when it is cached), else in the browser (`open_original`). `reading` is the article
        the link is in: a link to itself (a footnote's "#ref") changes nothing. A link to write
        or call to is no page: its address is said, to copy from the link list, never opened."""
        address = contact_address(url)
        if address:
            kind = "E-mail address" if url.startswith("mailto:") else "Telephone number"
            shown = plain(address, max_length=200).plain
            keys = keymap_of(self)
            lists, copies = (
                keys.key("list_links", "an article"),
                keys.key("copy_address", "the link list"),
            )
            advice = f"; {lists} lists the links, {copies} copies one" if lists and copies else ""
            self.notify(f"{kind}: {shown} (not opened{advice})", markup=False)
            return
        headline = self.readable_here(url)
        if headline is None and reading is not None and url == reading.comments:
            # The thread is no article of the feeds' (a sync caches the story, not it).
            self.open_original(url, UNKEPT_DISCUSSION if self.nothing_answers else "")
        elif headline is None:
            self.open_original(url)
        elif reading is not None and headline.entry.id == reading.id:
            self.notify("That link is to this very article.")
        else:
            from .screens.article import ArticleScreen

            came_from = next(
                (
                    screen
                    for screen in reversed(self.screen_stack)
                    if isinstance(screen, ArticleScreen)
                    and reading is not None
                    and screen.headline.entry.id == reading.id
                ),
                None,
            )
            self.push_screen(ArticleScreen([headline], 0, came_from))

    def opens_another_here(self, url: str, reading: Entry) -> bool:
        """Enter on `url`, a link in the article of `reading`, opens another article in the
        reader (`open_link`): what the status line and the link list go by."""
        headline = self.readable_here(url)
        return headline is not None and headline.entry.id != reading.id

    def readable_here(self, url: str) -> Headline | None:
        """The headline of the feeds' article at `url`, when the reader can show it (a PDF or
        a picture a feed links to is the browser's to show)."""
        headline = self.index.by_link(url)
        return None if headline is None or self.lib.store.not_an_article(url) else headline

    def open_headline(self, entry: Entry) -> None:
        """A headline's page in the web browser at the address its citation gives
        (`Library.cited_address`: the feed's tracking parameters left out), read from the cache
        off the event loop."""
        self._run(self._open_headline(entry), "open")

    async def _open_headline(self, entry: Entry) -> None:
        self.open_original(await asyncio.to_thread(self.lib.cited_address, entry))

    def open_picture(self, reading: Entry, article: Article | None, address: str) -> bool:
        """`address`, a picture of `article` (the one of `reading` shown), opened from the copy
        kept for reading offline (`reader.pictures`), off the event loop; one not kept in the
        browser as any link, said why it was not kept. False when `address` is none of its
        pictures (nothing done)."""
        from ..pictures import article_pictures

        if article is None or address not in article_pictures(article):
            return False
        self._run(self._open_picture(reading, address), "open")
        return True

    async def _open_picture(self, reading: Entry, address: str) -> None:
        from ..pictures import opened_copy

        found = await asyncio.to_thread(self.lib.kept_picture, reading.link, address)
        if found is None:
            known = await asyncio.to_thread(self.lib.pictures_of, reading.link)
            why = next((p.why for p in known if p.url == address and p.why), "")
            if why:
                shown = plain(f"Picture not kept: {why}.", max_length=300).plain
                self.notify(shown, severity="warning", markup=False)
            self.open_original(address)
            return
        try:
            path = await asyncio.to_thread(opened_copy, *found)
        except OSError as error:
            self.notify(f"The picture kept could not be copied to open: {error}", markup=False)
            return
        uri = path.as_uri()
        heard = ""
        if opens_in_terminal(self):
            opened = await open_in_text_browser(self, uri)
        else:
            opened, heard = open_in_browser_heard(uri, self.error_output)
        done = f"Opened the picture kept offline: {path}"
        self._said_opened(opened, heard, f"the picture kept, {path}", done)

    def open_original(self, url: str, unkept: str = "") -> None:
        """Open an article's page in the web browser (http and https links only), without
        the tracking parameters its link carries (`without_tracking`), a link in its text's
        too. `unkept`: what is said of it once handed over, in place of "Opened in your
        browser" (a page the reader has no copy of, offline: `UNKEPT_DISCUSSION`)."""
        if not url or not is_web_url(url):
            self.notify("This item has no web address to open.", severity="warning")
            return
        url = without_tracking(url)
        shown = plain(shown_url(url), max_length=200).plain
        done = f"{unkept}: {shown}" if unkept else ""
        if opens_in_terminal(self):
            self._run(self._in_text_browser(url, shown, done), "browser")
        else:
            self._said_opened(*open_in_browser_heard(url, self.error_output), shown, done)

    async def _in_text_browser(self, url: str, shown: str, done: str = "") -> None:
        self._said_opened(await open_in_text_browser(self, url), "", shown, done)

    def _said_opened(self, opened: bool, heard: str, shown: str, done: str = "") -> None:
        """`shown` opened (`done` says so, "Opened in your browser: …" unless given), or not;
        `heard`: what the browser wrote on its errors (`open_in_browser_heard`), which says it
        may have failed whatever `webbrowser` said (another of its browsers, tried next, is
        taken as opened once started)."""
        if heard:
            said = "No browser could open" if not opened else "The browser may not have opened"
            self.notify(f"{said} {shown}: {heard}", severity="warning", markup=False)
        elif opened:
            self.notify(done or f"Opened in your browser: {shown}", markup=False)
        else:
            message = f"No browser could open {shown}. {NO_BROWSER_HINT}"
            self.notify(message, severity="warning", markup=False)

    def copy_text(self, text: str, what: str, shown: str) -> None:
        """Put `text` on the clipboard and say where it went: "<what> copied: <shown>".

        The terminal gets it as OSC 52 (Textual's way), and the desktop's clipboard tool or
        tmux's buffer too, where this session has one (see `clipboard`). When only OSC 52 was
        left, the message says so: nothing tells the app whether the terminal took it."""
        self.copy_to_clipboard(text)
        self._run(self._copy_with_tools(text, what, plain(shown, max_length=200).plain), "copy")

    async def _copy_with_tools(self, text: str, what: str, shown: str) -> None:
        if await copy_with_tools(text, clipboard_commands()):
            self.notify(f"{what} copied: {shown}", markup=False)
        else:
            self.notify(
                f"{what} sent to the terminal's clipboard (OSC 52, which some terminals "
                f"ignore): {shown}",
                markup=False,
            )
