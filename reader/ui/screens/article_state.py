"""The reading view's state (`ArticleScreen`): the list it walks, the article it shows, the
search it keeps; and its status line, which says where the search, the selected link or the
chosen passage is, with the key bar's keys that go with them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.timer import Timer

from ...citation import cited_link
from ...models import Article, count_unit, words_in
from ...plural import plural
from ...reports import Headline
from ...search_query import Query
from ...url_display import shown_url
from ..keymap import keymap_of
from ..widgets.article.article_body import ArticleBody
from ..widgets.article.reading_place import Place
from ..widgets.article.search_bar import search_line_shown
from ..widgets.status_bar import StatusBar

if TYPE_CHECKING:
    from ...pictures import KeptPicture
    from ..app import ReaderApp
    from .article import ArticleScreen

FOLLOWED = "Followed a link within the article: Esc goes back to it"

_PASSAGE_KEYS = (
    ("longer_passage", "longer"),
    ("shorter_passage", "shorter"),
    ("cite", "quotes it"),
    ("highlight", "keeps it"),
)
"""The keys the status line names while a passage is selected, and what each does (and Esc,
which no `[keys]` moves, drops it)."""


class ArticleScreenState(Screen[str | None]):
    """What the reading view holds, and its status line (see `ArticleScreen`)."""

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
        self._drawn = False
        """`loaded`, and drawn since: the keys typed ahead for it go on (`takes_keys`)."""
        self._from_feed = False
        """The text shown is the feed's, the article itself not to be had."""
        self._origin = 0
        """The line at the top of the view when `/` was pressed: the search starts there, and
        Esc in the search line goes back to it."""
        self._before_search: tuple[str | Query, int | None] = ("", None)
        """The search that was on when `/` was pressed, and its match: Esc brings it back."""
        self._last_query: tuple[str | Query, int | None] = ("", None)
        """This article's search last cleared with Esc (one that found something), and its
        match: `n` / `N` bring it back."""
        self._searches = 0
        """Bumped by each query typed, and by each search set otherwise: the search of an
        earlier query, still running in its thread, is dropped (`_search`)."""
        self._finding: str | Query | None = None
        """The query being searched in its thread (None: none is)."""
        self._waiting_query: str | None = None
        """The query typed while a huge article was still being laid out: searched once it
        is (None: none waits)."""
        self._save_timer: Timer | None = None
        self._kept: tuple[str, Place | None] | None = None
        """The entry and place last kept in the store (or found there): not written again."""
        self._superseded: Article | None = None
        """The copy shown, renumbered once a sync cached a changed one (`check_newer_copy`):
        the status line says so while it is the one shown."""
        self._pictures_heard: list[KeptPicture] | None = None
        """The pictures of the article on its way here, kept before it was shown: marked once
        it is (`show_kept_pictures`)."""

    @property
    def reader(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def key_of(self, action: str) -> str | None:
        """The key in force that a message names for `action` here (`KeyMap.key`)."""
        return keymap_of(self.app).key(action, "an article")

    def keys_of(self, *actions: str) -> str:
        """The keys in force of `actions` here together, "n / N" (`KeyMap.keys_of`)."""
        return keymap_of(self.app).keys_of("an article", *actions)

    @property
    def back_at_place(self) -> str:
        """The notice of an article opened again where it was left."""
        top = self.key_of("top")
        return (
            f"Back where you left off ({top} for the top)." if top else "Back where you left off."
        )

    @property
    def from_feed_note(self) -> str:
        """Said after why an article could not be had, over the feed's text shown instead."""
        key = self.key_of("open_in_browser")
        note = "this is the text the feed carried."
        return f"{note} Press {key} for the original." if key else note

    @property
    def headline(self) -> Headline:
        return self.headlines[self.position]

    @property
    def searching(self) -> bool:
        """The search line is open."""
        return search_line_shown(self)

    def _position_line(self) -> str:
        body = self.query_one(ArticleBody)
        return f"Match {body.current_match} of {body.match_count}"

    def _show_position(self, stopped: str = "") -> None:
        """The selected link's address or the search's place in the status line, and the keys
        that go with them in the key bar; `stopped`: why `)` left the passage as it was."""
        body = self.query_one(ArticleBody)
        found = bool(body.query)  # a search kept, found or not: n / N and Esc are its keys
        # While the query is typed the search line has the count.
        note, missing = "", False
        if body.match_count:
            steps = self.keys_of("next_match", "previous_match")
            note = f"{self._position_line()} for “{body.query}”" + (f" ({steps})" if steps else "")
        elif found:
            note, missing = f"{no_match(body.query)} (Esc clears the search)", True
        if self.searching:
            note, missing = "", False
        link = body.selected_link
        if sentences := body.passage_sentences:
            # Counted as the header counts the article's: Chinese and Japanese by the character.
            words = words_in(body.selected_words)
            unit = count_unit(body.selected_words)[:-1]
            keys = [
                f"{key} {does}" for action, does in _PASSAGE_KEYS if (key := self.key_of(action))
            ]
            said = ", ".join([*keys, "Esc drops it"])
            note = f"Passage of {plural(sentences, 'sentence')}, {plural(words, unit)}: "
            note += stopped or said
            missing = False
        elif link is not None:
            # Plain text, cut with an ellipsis where the status line ends (reader.tcss).
            another = self.reader.opens_another_here(body.link_address, self.headline.entry)
            enter = self.key_of("open")
            here = f" ({enter} reads it here)" if another and enter else ""
            if enter and body.target_of(body.link_address) is not None:
                here = f" ({enter} goes to it in this article)"
            address = body.link_address
            if body.article is not None and body.article.url:  # as `y` and the link list cite it
                address = cited_link(body.article, address)
            note = f"Link {link} of {body.link_count}{here}: {shown_url(address)}"
            missing = False
        elif body.followed and not self.searching and not body.match_count:
            note = FOLLOWED
        elif not note and self._superseded is not None and body.article is self._superseded:
            note = newer_copy_note(self._superseded, self.key_of("earlier_version"))
        elif not note and body.article is not None and body.article.unkept:
            note = f"Shown, not kept: {body.article.unkept}"  # read from the site, not offline
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


def newer_copy_note(shown: Article, other_key: str | None) -> str:
    """The status line of an article open while a sync cached a changed copy of it: which copy
    is shown (`y` cites it so), and the key that goes to the others."""
    number, copies = shown.version, len(shown.versions)
    if shown.dropped:
        line = "A newer copy was just fetched: this copy is no longer kept"
        return f"{line} ({other_key} shows those kept)" if other_key else line
    line = f"A newer copy was just fetched: this is copy {number} of {copies}"
    if other_key:
        line += f" ({other_key} shows {'the newer' if number == 1 else 'the other'} copies)"
    return line


def no_match(query: str) -> str:
    """The line saying a query is nowhere in the article (plain text: it quotes the query)."""
    return f"No match for “{query}”"
