"""The reading view: one article of the list the user came from, with next/previous, and `/` to
find a word or phrase in it.

While a search is on (after Enter in the search line, until Esc clears it), `n` / `N` go to the
next / previous match (the status line says where, or that there is none, and the bell rings
then): a search that found nothing is kept too, so `n` never leaves the article by surprise.
`p` still goes to the previous article. Once Esc has cleared a search, `n` / `N` bring it back
(vim's habit); with none in this article `n` goes to the next article and `N` says there is no
search. Opening another article ends the search.

Tab / Shift-Tab select the next / previous link of the text, as in lynx or w3m: the status line
shows its address; Enter reads it here when it is one of the feeds' articles, else opens it in
the browser; Esc drops the selection (before a search). A link within the article (a note's
number, "[1]" to "#cite_note-1") goes to its note, marked, and Esc comes back to the link.
`L` lists every link of the article.

`ArticleScreen` is built in layers, a module each, every class adding to the one before it: its
state and status line (`article_state`), the search (`article_search`), the links
(`article_links`), the passage to quote and the citation (`article_passage`), the passages
kept as highlights (`article_highlights`), its copies
(`article_copies`: `R` fetches the page again, `V` the copies kept, `d` what changed), and
here what it shows, its keys and which of them act.
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace

from textual import events
from textual.app import ComposeResult

from ...citation import cited_address
from ...models import (
    FEED_TEXT_STANDS_IN,
    Article,
    ErrorKind,
    FetchError,
    StoreError,
)
from ...reports import Headline
from ...sentence_start import sentence
from ...upgraded import upgrade_in
from ..article_keys import SCREEN_BINDINGS
from ..collector import reading_closed, reading_opened
from ..display import plain
from ..messages import ArticleClosed
from ..unknown_keys import say_if_unbound
from ..unread import next_unread, wrapped
from ..widgets.article.article_body import ArticleBody
from ..widgets.article.article_header import how_far_in
from ..widgets.article.search_bar import SearchBar
from ..widgets.key_bar import KeyBar
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.status_bar import StatusBar
from .article_copies import ArticleScreenCopies

FETCHING = "Fetching article…"
OPENING = "Opening…"
"""Said instead of `FETCHING` for an article read from the cache: a year's 5 MB one took
seconds to read and lay out, and "Fetching" sent its reader looking for a network it
never used (acc30b P1)."""
# The header's note over an article's first page while its later pages come in.
_MORE_COMING = "its next pages are on their way"
_LEAVING = frozenset({"next", "previous", "next_unread"})
"""The actions that show another article of the list in this screen (`takes_key`)."""
_CACHED_READ_AT_MOST = 15.0
"""Seconds keys typed as a cached article opens (`Enter j j j`) wait for its text at most:
read from the disk, it comes, but a busy machine took more than the 2 s keys otherwise wait
for a screen (`ReaderApp._hand_on_typed_ahead`), and the `j`s, handed on before there was
text to scroll, were lost (a fresh-clone CI, 1 run in many)."""
BACK_AT_PLACE_SECONDS = 3.0
"""How long it stays over the column's last lines: long enough to read, not a page's worth."""
PLACE_SAVE_DELAY = 1.5
"""Seconds after the view last moved before the place is kept: a closed terminal (SIGHUP, a
killed tmux session) takes no Esc or `q` with it, and a write per line scrolled is not needed."""


class ArticleScreen(ArticleScreenCopies, inherit_bindings=False):
    """Shows `headlines[position]`; dismisses with the id of the entry shown last.

    Tab is the links' here, not the move to the next widget (`Screen`'s bindings, left out so
    that the key bar shows ours in our order)."""

    # Width classes for the key bar's rules in reader.tcss (as on the main screen).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (120, "-wide")]

    BINDINGS = SCREEN_BINDINGS  # in `article_keys`, with which of a key's actions acts

    takes_counts = True
    """A count before a key (`5j`: five lines) counts here (`counts`)."""

    command_place = "article"
    """Where the user's `[[command]]`s bind their keys (`KeyMap.bindings_of`)."""

    _body: ArticleBody | None = None
    """The body composed, for `check_action`: Textual asks it of every binding each time the
    active bindings are made (a key held looks at them), and a query of the screen for it made
    each `n` of a burst cost ~0.1 s of the event loop at load (acc34a C6)."""

    def compose(self) -> ComposeResult:
        self._body = ArticleBody(id="article", widest=self.reader.config.text_width)
        yield self._body
        yield StatusBar(id="status", counts_give_way=True)
        yield SearchBar()
        yield KeyBar()

    def on_mount(self) -> None:
        reading_opened()  # until `on_unmount`: see `collector`
        body = self.query_one(ArticleBody)
        body.focus()
        self.watch(body, "scroll_y", self._moved, init=False)
        # How far in: the text's height changes as it comes, is wrapped again, or unfolds.
        self.watch(body, "virtual_size", self._show_how_far, init=False)
        self.app.app_suspend_signal.subscribe(self, lambda _app: self.keep_place(), immediate=True)
        self._show(self.position)

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._show_how_far)
        for bar in self.query(StatusBar):  # its rows: the height's too (none as it quits)
            bar.fit()

    def on_unmount(self) -> None:
        # The signal's subscribers hold the screen: subscribed, it was never freed.
        self.app.app_suspend_signal.unsubscribe(self)
        if self._save_timer is not None:
            self._save_timer.stop()
        reading_closed(self)
        self.app.post_message(ArticleClosed())

    def remember_place(self) -> None:
        """Note where the reader is in the article shown, for when it is opened again. Not in
        the feed's text shown for an article that couldn't be had: its paragraphs are not the
        article's, which may come later. Leaving it, its "Back where you left off (g for the
        top)" goes too: on the headlines `g` is their first."""
        self.reader.withdraw_notice(self.back_at_place)
        self.keep_place(again=True)

    def keep_place(self, again: bool = False) -> None:
        """Keep where the reader is in the article shown (see `remember_place`), unless that is
        what this screen last kept or found (`again`: even then; another screen of the same
        article, opened by a link, may have kept another place since)."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        body = self.query_one(ArticleBody)
        if self.loaded and not self._from_feed and body.article is not None:
            kept = (self.headline.entry.id, body.reading_place)
            if again or kept != self._kept:
                self.reader.remember_place(self.headline.entry, body.article, kept[1])
                self._kept = kept

    def _moved(self) -> None:
        """The view scrolled: the place is kept once it has stayed still a moment."""
        if self._save_timer is not None:
            self._save_timer.stop()
        if self.loaded:
            self._save_timer = self.set_timer(PLACE_SAVE_DELAY, self.keep_place)
        self._show_how_far()

    def _show_how_far(self) -> None:
        """How far into the article the view is, at the status line's right end: the
        scrollbar's thumb was all a long read had to say so (acc31c W11)."""
        body = self.query_one(ArticleBody)
        seen, article = body.seen, body.article
        ruler = "" if seen is None or article is None else how_far_in(seen, article.word_count)
        self.query_one(StatusBar).show_ruler(ruler)

    def _show(self, position: int) -> None:
        self.remember_place()
        self.position = position
        self.loaded = self._drawn = False
        self._from_feed = False
        self._pictures_heard = None  # the article shown before's
        self.query_one(ArticleBody).clear_link()  # links are the article's own
        self._end_search()
        self._last_query = ("", None)  # a search is this article's: another one starts afresh
        entry = self.headline.entry
        now = self.reader.index.get(entry.id) or self.headline
        body = self.query_one(ArticleBody)
        body.tags = now.tags
        body.show_notice(entry, OPENING if now.cached else FETCHING)
        # exclusive: pressing n quickly cancels the wait for the previous article (its download
        # still completes into the cache in the background).
        self.run_worker(self._load(position), group="article", exclusive=True, exit_on_error=False)

    async def _load(self, position: int) -> None:
        entry = self.headlines[position].entry
        body = self.query_one(ArticleBody)
        started = False

        def first_page(article: Article) -> None:
            # An article over several pages: its first to read while the others come.
            nonlocal started
            if self.position == position and self.is_attached:
                body.show_article(entry, replace(article, incomplete=_MORE_COMING))
                started = True
                self.call_after_refresh(self._text_drawn, position)  # keys held go on to it
                self._after_showing()

        try:
            article = await self.reader.read_article(entry, first_page)
        except FetchError as error:
            message = sentence(error.message)  # an address starting it kept as it is
            # "…; open the original link in a browser" is the CLI's hint; the view has its own.
            message = message.split("; open the original", 1)[0]
            from_feed = None
            if error.kind in FEED_TEXT_STANDS_IN:
                with suppress(FetchError, StoreError):  # then only the reason is shown
                    from_feed = await self.reader.read_feed_text(entry)
            if from_feed is not None:
                # Offline, the site down, or a PDF: what the feed carried is better than nothing.
                body.show_article(entry, from_feed, f"{message.rstrip('.')}: {self.from_feed_note}")
                self._from_feed = True
            else:
                key = self.key_of("open_in_browser")
                hint = (
                    f"Press {key} to open the original in your browser."
                    if entry.address and key
                    else ""
                )
                body.show_notice(entry, message, hint, error=True)
            if error.kind == ErrorKind.NOT_HTML or error.taken_down:
                # A PDF, a podcast's audio, a page taken down (404, 410): no article is to come
                # later, as one offline or on a site that is down is; what there is to read
                # here has been shown. Left unread, it stayed among the unread for good (a feed
                # of headlines whose pages are gone never counted down: acc41a A12).
                self.reader.set_read(entry, True)
        except Exception as error:  # a bug must show as a line, not take the reader down
            upgraded = upgrade_in(error)  # or the reader's code changed under it: said so
            said = f"Could not show this article: {type(error).__name__}"
            body.show_notice(entry, str(upgraded) if upgraded else said, error=True)
        else:
            await self.place_hit(entry.id)  # an `F` hit's: opened at its words
            if started:
                body.show_more(entry, article)
            elif (copy := await self._copy_of_hit(entry, article)) is not None:
                body.show_article(entry, copy)  # at the hit's words, found below
                self._say_which_copy(copy)
            else:
                # An item pointing into a page (`page#block-20`) opens at its entry
                # (`show_article`), not where another item of the page was left.
                place = None if "#" in entry.link else self.reader.place_of(entry, article)
                self._kept = (entry.id, place)
                # Opened from a search's hit, it opens at the hit's words (`_find_first`), not
                # where it was left: no "Back where you left off" then (acc30a J30).
                hit = self.find_first.get(entry.id)
                at_hit = hit is not None and bool(hit.word)
                body.show_article(entry, article, place=None if at_hit else place)
                if place is not None and not at_hit:
                    self.notify(self.back_at_place, timeout=BACK_AT_PLACE_SECONDS, markup=False)
        self.loaded = True
        self.call_after_refresh(self._show_how_far)
        self.call_after_refresh(self._text_drawn, position)
        self.call_after_refresh(self.reader.settle)
        self._after_showing()

    def _text_drawn(self, position: int) -> None:
        self._drawn = self._drawn or position == self.position

    def _after_showing(self) -> None:
        """The search typed meanwhile applied to the text now shown, and the status line."""
        if self.searching:  # `/` was pressed while the article was on its way
            self._search(self.query_one(SearchBar).input.value)
        else:
            if self.loaded:
                self._find_first()
                self.show_highlights()
                self._mark_kept_pictures()  # kept as it came, before it was shown
            self._show_position()  # a search of the "Fetching article…" line went with it

    @property
    def takes_keys(self) -> bool:
        """Keys typed as a cached article opens (`Enter j j j`, `Enter /word`) wait for its
        text, a fraction of a second (`ReaderApp.on_event`); while one is fetched from the
        network they act at once: Esc or `n` need not wait for a slow site."""
        if self._drawn:
            return True
        if self.loaded:  # drawn at its next refresh: the view scrolls only then
            return False
        # (An article over several pages: its first, once drawn, takes them; see `_load`.)
        now = self.reader.index.get(self.headline.entry.id)
        return not (now.cached if now is not None else self.headline.cached)

    def keys_wait_for(self, key: str) -> float:
        """How long `key`, held while this article is on its way, may wait for it
        (`key_settling.held_at_most`): a cached article's text is sure to come, and a key
        that leaves it (Esc, `q`) waits no longer than keys wait for any screen, so a read
        that hangs on a disk another program holds never keeps the reader from going back."""
        if self.takes_keys:
            return 0.0
        action, _enabled = self._action_of(key)
        return 0.0 if action == "back" else _CACHED_READ_AT_MOST

    def takes_key(self, key: str) -> bool:
        """Whether `key`, typed while this article is on its way (`takes_keys` false), acts at
        once: one that shows another article of the list (`n`, `p`, `u`) drops this one
        (`_show`'s worker is exclusive), unread and never drawn. Held for it, each `n` of a
        burst waited for an article read, laid out, drawn and collected: 20 held `n` took
        12 s at load (acc34a C6)."""
        if self.came_from is not None:  # back to the article the link was in first
            return False
        action, enabled = self._action_of(key)
        return enabled and action in _LEAVING

    def _action_of(self, key: str) -> tuple[str, bool]:
        """The action `key` is bound to here now and whether it is enabled (`check_action`),
        ("", False) when it is bound to nothing: what a key held for the article would do."""
        active = self.active_bindings.get(key)
        return (active.binding.action, active.enabled) if active is not None else ("", False)

    # -- actions -------------------------------------------------------------------------------
    async def on_key(self, event: events.Key) -> None:
        if not self.searching:
            await say_if_unbound(self, event)

    def action_back(self) -> None:
        self.remember_place()
        self.dismiss(self.headline.entry.id)

    def action_next(self) -> None:
        self._step_article(1)

    def action_previous(self) -> None:
        self._step_article(-1)

    def action_next_unread(self) -> None:
        """The next unread article of the list, round its end; with none left in a feed, the
        first unread of the next feed with any, its headlines now the list walked."""
        if self.came_from is not None:  # an article a link opened: on from the list's
            came_from = self.came_from
            self.action_back()
            came_from.action_next_unread()
            return
        index = self.reader.index

        def read(headline: Headline) -> bool:  # the list is a copy: its flags may be old
            now = index.get(headline.entry.id)
            return now.read if now is not None else headline.read

        row = next_unread(self.headlines, self.position, 1, read)
        if row is not None:
            if wrapped(self.position, row, 1):
                self.notify("Next unread: round to the top of the list.", timeout=2)
            self._show(row)
            return
        main = self.reader.main_screen
        feed = main.next_feed()
        if feed is None:
            self.notify("No other unread article.", timeout=3)
            return
        main.show_feed(feed.url)
        table = main.query_one(HeadlineTable)
        self.headlines = list(table.rows)
        name = plain(feed.display_title, max_length=60).plain
        self.notify(f"On to {name}.", timeout=3, markup=False)
        self._show(table.cursor)

    def _step_article(self, step: int) -> None:
        """The next (`step` 1) or previous (-1) article of the list; from an article opened by
        a link, the one after or before the article the link was in."""
        if self.came_from is not None:
            came_from = self.came_from
            self.action_back()
            came_from._step_article(step)
        elif 0 <= self.position + step < len(self.headlines):
            self._show(self.position + step)
        elif step > 0:
            self.notify("That was the last article of the list.")
        else:
            self.notify("This is the first article of the list.")

    def action_open_original(self) -> None:
        """The page in the browser at the address its citation gives: the feed's tracking
        parameters ("?utm_source=rss") left out, as `y` and the link list leave them. With a
        picture's line selected, that picture: the copy kept for reading offline when there
        is one (`open_picture`)."""
        body = self.query_one(ArticleBody)
        article = body.article
        if body.selected_link is not None and self.reader.open_picture(
            self.headline.entry, article, body.link_address
        ):
            return
        self.reader.open_original(cited_address(self.headline.entry.address, article))

    def action_user_command(self, number: int) -> None:
        """The user's command `number` on the article, or the link selected in it."""
        from ...citation import cited_link
        from ..user_command_runs import RunOn, run_user_command

        body = self.query_one(ArticleBody)
        link = body.link_address if body.selected_link is not None else ""
        if link and body.article is not None and body.article.url:
            link = cited_link(body.article, link)  # as `y` and the link list cite it
        run_user_command(self.reader, number, RunOn(self.headline.entry, body.article, link))

    def action_toggle_saved(self) -> None:
        self.reader.toggle_saved(self.headline.entry)

    def action_toggle_archived(self) -> None:
        self.reader.toggle_archived(self.headline.entry)

    def action_tag_article(self) -> None:
        self.reader.edit_tags(self.headline.entry)

    def show_tags(self, tags: tuple[str, ...]) -> None:
        """The article's tags, given by `#`, in its header."""
        self.query_one(ArticleBody).show_tags(tags)

    def action_toggle_read(self) -> None:
        self.reader.toggle_read(self.headline.entry)  # which says it

    # -- which keys act ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The search's keys while one is kept, found or not (else `n` and Esc do their
        usual), the selected link's while there is one; no link keys while the query is typed.
        None of the article's act with no body: a key bar redrawn as the screen closes asks."""
        body = self._body
        if body is None or not body.is_attached:
            return False
        if action == "clear_selection":
            return body.text_selection is not None
        if action in ("clear_search", "next_match", "previous_match"):
            # A query waiting for the rest of a huge article to be laid out, or for its
            # search's thread, is the search's already: `n` is not the next article meanwhile.
            return bool(body.query) or self._waiting_query is not None or self._finding is not None
        if action == "repeat_search":
            return not body.query and bool(self._last_query[0]) and not self.searching
        if action in ("clear_link", "open_link"):
            return body.selected_link is not None and not self.searching
        if action == "go_back":
            return body.followed and not self.searching
        if action == "unfold_notes":
            return body.folded_notes and not self.searching
        if action in (
            "next_link",
            "previous_link",
            "search",
            "choose_passage",
            "grow_passage",
            "refresh_article",
            "show_changes",
        ):
            return not self.searching  # `/` typed in the query is a character of it
        return True
