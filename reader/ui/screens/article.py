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
"""

from __future__ import annotations

from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer

from ...citation import markdown_header
from ...models import (
    FEED_TEXT_STANDS_IN,
    Article,
    ErrorKind,
    FetchError,
    StoreError,
    words_in,
)
from ...plural import plural
from ...reports import Headline
from ..dialogs.links import LinksScreen, article_links
from ..messages import (
    ArticleClosed,
    NotesFolded,
    PassageChanged,
    SearchClosed,
    SearchEdited,
)
from ..widgets.article.article_body import ArticleBody
from ..widgets.article.reading_place import Place
from ..widgets.article.search_bar import SearchBar, hand_on
from ..widgets.key_bar import KeyBar
from ..widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from ..app import ReaderApp

FETCHING = "Fetching article…"
# The header's note over an article's first page while its later pages come in.
_MORE_COMING = "its next pages are on their way"
FROM_FEED = "this is the text the feed carried. Press o for the original."
BACK_AT_PLACE = "Back where you left off (g for the top)."
BACK_AT_PLACE_SECONDS = 3.0
"""How long it stays over the column's last lines: long enough to read, not a page's worth."""
FOLLOWED = "Followed a link within the article: Esc goes back to it"
PLACE_SAVE_DELAY = 1.5
"""Seconds after the view last moved before the place is kept: a closed terminal (SIGHUP, a
killed tmux session) takes no Esc or `q` with it, and a write per line scrolled is not needed."""


class ArticleScreen(Screen[str | None], inherit_bindings=False):
    """Shows `headlines[position]`; dismisses with the id of the entry shown last.

    Tab is the links' here, not the move to the next widget (`Screen`'s bindings, left out so
    that the key bar shows ours in our order)."""

    # Width classes for the key bar's rules in reader.tcss (as on the main screen).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-medium"), (120, "-wide")]

    # A key bound twice does the first of its actions `check_action` allows: `n` and Esc act on
    # the search while there is one (with matches or not), Esc on the selected link before
    # that, and on a selected passage before anything (a priority binding: Textual's own Esc
    # would clear the selection first, and the Esc then go back). `/` has priority too: it is
    # handled as it comes off the terminal, before the keys after it are given to a widget, so
    # they go to the search line however fast they come (a paste, keys bunched over SSH); as an
    # ordinary binding it ran only once they had gone to the text as commands.
    BINDINGS = [
        Binding("escape", "clear_selection", "Drop passage", priority=True),
        Binding("escape", "clear_link", "Drop link"),
        Binding("escape", "go_back", "Back to link"),
        Binding("escape", "clear_search", "Clear search"),
        Binding("escape,q", "back", "Back"),
        Binding("z", "unfold_notes", "Whole note"),
        Binding("n", "next_match", "Next match"),
        Binding("N", "previous_match", "Prev match"),
        # With the search cleared, `n` / `N` bring this article's last one back (vim's habit:
        # `/word`, Enter, Esc by reflex, then `n`, which otherwise left for the next article).
        Binding("n", "repeat_search(1)", "Next match", show=False),
        Binding("N", "repeat_search(-1)", "Prev match", show=False),
        Binding("n", "next", "Next"),
        Binding("N", "no_search", "Prev match", show=False),
        Binding("p", "previous", "Previous"),
        Binding("slash", "search", "Search", priority=True),
        Binding("o", "open_original", "Original"),
        Binding("enter", "open_link", "Open link"),
        Binding("tab", "next_link", "Links"),
        Binding("shift+tab", "previous_link", "Previous link", show=False),
        Binding("L", "list_links", "Link list"),
        Binding("y", "cite", "Cite"),
        Binding("v", "choose_passage", "Select sentence", show=False),
        Binding("right_parenthesis", "grow_passage(1)", "Longer passage", show=False),
        Binding("left_parenthesis", "grow_passage(-1)", "Shorter passage", show=False),
        Binding("m", "toggle_read", "Read/unread"),
        Binding("s", "toggle_saved", "Save"),
        *(b for b in Screen.BINDINGS if isinstance(b, Binding) and "tab" not in b.key),
    ]

    def __init__(
        self, headlines: list[Headline], position: int, came_from: ArticleScreen | None = None
    ) -> None:
        super().__init__()
        self.headlines = headlines
        """The list the article was opened from: `n` and `p` walk it."""
        self.came_from = came_from
        """The article whose link opened this one (None: opened from the list). Esc goes back
        to it; `n` and `p` go back and on from it, to the article after or before it in its
        list: this one is no list's, and "the last article of the list" was false here."""
        self.position = position
        self.loaded = False
        """True once the current article (or its failure) is on screen whole: for an article
        over several pages fetched now, when its last page is in, not its first."""
        self._from_feed = False
        """The text shown is the feed's, the article itself not to be had."""
        self._origin = 0
        """The line at the top of the view when `/` was pressed: the search starts there, and
        Esc in the search line goes back to it."""
        self._before_search: tuple[str, int | None] = ("", None)
        """The search that was on when `/` was pressed, and its match: Esc brings it back."""
        self._last_query: tuple[str, int | None] = ("", None)
        """This article's search last cleared with Esc (one that found something), and its
        match: `n` / `N` bring it back."""
        self._save_timer: Timer | None = None
        self._kept: tuple[str, Place | None] | None = None
        """The entry and place last kept in the store (or found there): not written again."""

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    @property
    def headline(self) -> Headline:
        return self.headlines[self.position]

    def compose(self) -> ComposeResult:
        yield ArticleBody(id="article")
        yield StatusBar(id="status")
        yield SearchBar()
        yield KeyBar()

    def on_mount(self) -> None:
        body = self.query_one(ArticleBody)
        body.focus()
        self.watch(body, "scroll_y", self._moved, init=False)
        self.app.app_suspend_signal.subscribe(self, lambda _app: self.keep_place(), immediate=True)
        self._show(self.position)

    def on_unmount(self) -> None:
        # The signal's subscribers hold the screen: subscribed, it was never freed.
        self.app.app_suspend_signal.unsubscribe(self)
        if self._save_timer is not None:
            self._save_timer.stop()
        self.app.post_message(ArticleClosed())

    @property
    def searching(self) -> bool:
        """The search line is open."""
        return self.has_class("-searching")

    def remember_place(self) -> None:
        """Note where the reader is in the article shown, for when it is opened again. Not in
        the feed's text shown for an article that couldn't be had: its paragraphs are not the
        article's, which may come later. Leaving it, its "Back where you left off (g for the
        top)" goes too: on the headlines `g` is their first."""
        self.reader.withdraw_notice(BACK_AT_PLACE)
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

    def _show(self, position: int) -> None:
        self.remember_place()
        self.position = position
        self.loaded = False
        self._from_feed = False
        self.query_one(ArticleBody).clear_link()  # links are the article's own
        self._end_search()
        self._last_query = ("", None)  # a search is this article's: another one starts afresh
        entry = self.headline.entry
        self.query_one(ArticleBody).show_notice(entry, FETCHING)
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
                self._after_showing()

        try:
            article = await self.reader.read_article(entry, first_page)
        except FetchError as error:
            message = error.message[:1].upper() + error.message[1:]
            # "…; open the original link in a browser" is the CLI's hint; the view has its own.
            message = message.split("; open the original", 1)[0]
            from_feed = None
            if error.kind in FEED_TEXT_STANDS_IN:
                with suppress(FetchError, StoreError):  # then only the reason is shown
                    from_feed = await self.reader.read_feed_text(entry)
            if from_feed is not None:
                # Offline, the site down, or a PDF: what the feed carried is better than nothing.
                body.show_article(entry, from_feed, f"{message.rstrip('.')}: {FROM_FEED}")
                self._from_feed = True
            else:
                hint = "Press o to open the original in your browser." if entry.link else ""
                body.show_notice(entry, message, hint, error=True)
            if error.kind == ErrorKind.NOT_HTML:
                # A PDF, a podcast's audio: no article is to come later, as one offline or on
                # a site that is down is; what there is to read here has been shown. Left
                # unread, it stayed among the unread for good.
                self.reader.set_read(entry, True)
        except Exception as error:  # a bug must show as a line, not take the reader down
            body.show_notice(
                entry, f"Could not show this article: {type(error).__name__}", error=True
            )
        else:
            if started:
                body.show_more(entry, article)
            else:
                place = self.reader.place_of(entry, article)
                self._kept = (entry.id, place)
                body.show_article(entry, article, place=place)
                if place is not None:
                    self.notify(BACK_AT_PLACE, timeout=BACK_AT_PLACE_SECONDS)
        self.loaded = True
        self.call_after_refresh(self.reader.settle)
        self._after_showing()

    def _after_showing(self) -> None:
        """The search typed meanwhile applied to the text now shown, and the status line."""
        if self.searching:  # `/` was pressed while the article was on its way
            self._search(self.query_one(SearchBar).input.value)
        else:
            self._show_position()  # a search of the "Fetching article…" line went with it

    # -- actions -------------------------------------------------------------------------------
    def action_back(self) -> None:
        self.remember_place()
        self.dismiss(self.headline.entry.id)

    def action_next(self) -> None:
        self._step_article(1)

    def action_previous(self) -> None:
        self._step_article(-1)

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
        self.reader.open_original(self.headline.entry.link)

    def action_cite(self) -> None:
        """The article's citation on the clipboard: title, author, site, dates and address, as
        `reader show --format markdown` heads it (the feed's, while the article isn't shown).
        With a passage selected (a drag of the mouse), the passage quoted above it: a quote
        and where it comes from, in one paste."""
        entry = self.headline.entry
        article = self.query_one(ArticleBody).article or Article(
            entry.link,
            title=entry.title,
            author=entry.author,
            published=entry.published,
            site_name=entry.feed_title,
        )
        citation = markdown_header(article).rstrip() + "\n"
        passage = self._selected_passage()
        if passage:
            quotation = self.query_one(ArticleBody).selected_quotation
            self.reader.copy_text(f"{quotation}\n\n{citation}", "Quote", passage)
        else:
            self.reader.copy_text(citation, "Citation", article.title or article.url)

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
        if not self.query_one(ArticleBody).choose_passage():
            self.app.bell()
        self._show_position()

    def action_grow_passage(self, step: int) -> None:
        body = self.query_one(ArticleBody)
        if not body.passage_sentences:
            if step > 0:  # `)` with nothing chosen yet starts as `v` does
                self.action_choose_passage()
            else:
                self.app.bell()
            return
        if not body.grow_passage(step):
            self.app.bell()
        self._show_position()

    def action_copy_text(self) -> None:
        """Ctrl-C with a passage selected: the passage on the clipboard, the way `y` copies
        (the desktop's clipboard tool too, and a notice)."""
        passage = self._selected_passage()
        if not passage:
            raise SkipAction()
        self.reader.copy_text(passage, "Passage", passage)

    def action_toggle_saved(self) -> None:
        self.reader.toggle_saved(self.headline.entry)

    def action_toggle_read(self) -> None:
        read = self.reader.toggle_read(self.headline.entry)
        self.notify("Marked as read." if read else "Marked as unread.")

    # -- which keys act ------------------------------------------------------------------------
    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The search's keys while one is kept, found or not (else `n` and Esc do their
        usual), the selected link's while there is one; no link keys while the query is typed."""
        body = self.query_one(ArticleBody)
        if action == "clear_selection":
            return body.text_selection is not None
        if action in ("clear_search", "next_match", "previous_match"):
            return bool(body.query)
        if action == "repeat_search":
            return not body.query and bool(self._last_query[0]) and not self.searching
        if action in ("clear_link", "open_link"):
            return body.selected_link is not None and not self.searching
        if action == "go_back":
            return body.followed and not self.searching
        if action == "unfold_notes":
            return body.folded_notes and not self.searching
        if action in ("next_link", "previous_link", "search", "choose_passage", "grow_passage"):
            return not self.searching  # `/` typed in the query is a character of it
        return True

    # -- links ---------------------------------------------------------------------------------
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
        links = article_links(body.article) if body.article else []
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

    # -- search --------------------------------------------------------------------------------
    def action_search(self) -> None:
        # "g for the top" is no key while a query is typed.
        self.reader.withdraw_notice(BACK_AT_PLACE)
        body = self.query_one(ArticleBody)
        body.clear_link()  # the status line is the search's now
        self._origin = body.top_line
        self._before_search = (body.query, body.current_match)
        self.add_class("-searching")
        self.query_one(SearchBar).start()

    def on_passage_changed(self, _message: PassageChanged) -> None:
        self._show_position()

    def on_notes_folded(self, _message: NotesFolded) -> None:
        self._show_position()

    def on_search_edited(self, message: SearchEdited) -> None:
        self._search(message.query)

    def _search(self, query: str) -> None:
        body = self.query_one(ArticleBody)
        found = body.search(query, self._origin)
        bar = self.query_one(SearchBar)
        if not query.strip():
            bar.show_count("")
        elif found:
            bar.show_count(self._position_line())
        else:
            bar.show_count(no_match(query), missing=True)
        self._show_position()

    def on_search_closed(self, message: SearchClosed) -> None:
        body = self.query_one(ArticleBody)
        self.remove_class("-searching")
        self.set_focus(body)  # now: the keys held by the query's line go to it
        for key, character in self.query_one(SearchBar).input.take_held():
            hand_on(body, key, character)
        if message.query is None:  # Esc: back to where the user was, and to the search before
            query, current = self._before_search
            body.search(query, self._origin)
            if current is not None:
                body.select_match(current)
            body.scroll_to(y=self._origin, animate=False, immediate=True)
        # A search that found nothing is said by the status line alone, as one that found is
        # ("Match 1 of 3"): a notice said the same beside it, on the same row.
        self._show_position()

    def action_next_match(self) -> None:
        self._step(1)

    def action_previous_match(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        body = self.query_one(ArticleBody)
        if not body.match_count:
            self.app.bell()  # the status line says there is none
        elif body.step_match(step):
            where = "top" if step > 0 else "bottom"
            self.notify(f"Search wrapped to the {where}.", timeout=2, markup=False)
        self._show_position()

    def action_repeat_search(self, step: int) -> None:
        """The search last cleared, again, and on to the match after (`step` 1) or before (-1)
        the one it was at, as `n` / `N` would have gone had it been kept."""
        query, current = self._last_query
        body = self.query_one(ArticleBody)
        body.search(query, body.top_line)
        if current is not None:
            body.select_match(current)
        self._step(step)

    def action_no_search(self) -> None:
        """`N` with no search: nothing to go back to; say so (`p` is the previous article)."""
        self.notify(
            "No search to go back in: / finds text in the article (p: the previous article).",
            timeout=4,
            markup=False,
        )

    def action_clear_search(self) -> None:
        body = self.query_one(ArticleBody)
        # One that found nothing is not brought back: `n` after it is the next article again.
        found = bool(body.match_count)
        self._last_query = (body.query, body.current_match) if found else ("", None)
        body.clear_search()
        self._show_position()

    def _end_search(self) -> None:
        """Close the search line and drop the search (another article is shown)."""
        if self.searching:
            self.remove_class("-searching")
            self.query_one(ArticleBody).focus()
        self.query_one(ArticleBody).clear_search()
        self._show_position()

    def _position_line(self) -> str:
        body = self.query_one(ArticleBody)
        return f"Match {body.current_match} of {body.match_count}"

    def _show_position(self) -> None:
        """The selected link's address or the search's place in the status line, and the keys
        that go with them in the key bar."""
        body = self.query_one(ArticleBody)
        found = bool(body.query)  # a search kept, found or not: n / N and Esc are its keys
        # While the query is typed the search line has the count.
        note, missing = "", False
        if body.match_count:
            note = f"{self._position_line()} for “{body.query}” (n / N)"
        elif found:
            note, missing = f"{no_match(body.query)} (Esc clears the search)", True
        if self.searching:
            note, missing = "", False
        link = body.selected_link
        if sentences := body.passage_sentences:
            # Counted as the header counts the article's: Chinese and Japanese by the character.
            words = words_in(body.selected_text)
            note = (
                f"Passage of {plural(sentences, 'sentence')}, {plural(words, 'word')}:"
                " ) longer, ( shorter, y quotes it, Esc drops it"
            )
            missing = False
        elif link is not None:
            # Plain text, cut with an ellipsis where the status line ends (reader.tcss).
            another = self.reader.opens_another_here(body.link_address, self.headline.entry)
            here = " (Enter reads it here)" if another else ""
            if body.target_of(body.link_address) is not None:
                here = " (Enter goes to it in this article)"
            note = f"Link {link} of {body.link_count}{here}: {body.link_address}"
            missing = False
        elif body.followed and not self.searching and not body.match_count:
            note = FOLLOWED
        self.query_one(StatusBar).show_note(note, warning=missing)
        # The key bar's search keys, once the search line is closed (it hides the bar), the
        # link's, and Tab only where there are links. A new class restyles the screen (~20 ms):
        # not on a key typed in the query.
        changed = False
        for name, on in (
            ("-found", found and not self.searching),
            ("-link", link is not None),
            ("-passage", body.text_selection is not None),  # Esc drops it first
            ("-no-links", not body.has_links),
            ("-followed", body.followed),  # Esc goes back to the link
            ("-folded-notes", body.folded_notes),  # z shows the note whole
        ):
            if on != self.has_class(name):
                self.set_class(on, name)
                changed = True
        if changed:
            self.refresh_bindings()  # the key bar is made again: only when its keys change


def no_match(query: str) -> str:
    """The line saying a query is nowhere in the article (plain text: it quotes the query)."""
    return f"No match for “{query}”"
