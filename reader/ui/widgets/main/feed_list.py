"""The feed list on the left: "All feeds", "Saved" (every article saved for good and not
archived, a feed's or not, with their count), "Archive" (those archived, when there is one), a
row for each tag ("#news": the headlines of every feed filed under
it), a row for each search feed ("⌕ Harbour strike": what its words find, `search_feeds`),
then every subscription with its unread count, marked when it fails or has articles not yet
available offline; grouped under their folders' rows when an OPML file gave them some
(`folder_rows`, `z` folding one: `folder_folding`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ....failing_feeds import last_failed
from ....feed_names import folded
from ....feed_tags import Folder
from ....marks import TO_FETCH_MARK, as_letter
from ....models import Feed
from ...cell_width import NamesApart, terminal_cells
from ...display import accounts_apart, feed_name, plain
from ...folder_tree import FolderRow, Placed, grouped, hidden_in
from ...headlines import (
    ARCHIVE_VIEW,
    SAVED_VIEW,
    folder_view,
    search_feed_view,
    tag_view,
    view_folder,
    view_search_feed,
    view_tag,
)
from ...messages import FeedSelected
from .feed_rows import FeedRow, FeedTitle, OneLine
from .folder_folding import FolderFolding
from .folder_rows import (
    folder_mark,
    folder_title,
    grouped_section,
    placed_cells,
    section_row,
)
from .row_names import search_name, tag_name

ERROR_MARK = "!"
ALL_FEEDS = "All feeds"
SAVED = "Saved"
ARCHIVE = "Archive"


class FeedList(FolderFolding):
    """Pick the feed whose headlines the table shows, or a tag's (the headlines of every feed
    filed under it); a `!` marks a feed whose last fetch failed, `TO_FETCH_MARK` (⇣) one with
    articles not available offline yet. Feeds in folders are grouped under their folders'
    rows (`folder_rows`), `z` folding one."""

    COMPONENT_CLASSES = {"feed-list--failed"}

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._urls: list[str | None] = [None, SAVED_VIEW]
        """The view of each option, by position: None (all feeds), `SAVED_VIEW`, a tag's
        (`tag_view`), a search feed's (`search_feed_view`), a feed's URL."""
        self.feeds: dict[str, Feed] = {}
        self._shown: tuple[int, tuple[tuple[Any, ...], ...], int] | None = None
        """What the rows show now (saved; view, title, unread, failing, short of offline of
        each tag and feed), to skip rebuilding the same."""
        self._widest = 0
        """Cells the widest name takes."""
        self._columns = 0
        """The terminal's width the list's width was set at."""
        self._width: int | None = None
        """The width set (None: the stylesheet's)."""
        self._names = NamesApart()
        """The names of the rows, cut so that they differ (`fit_apart`)."""
        self.flat = False
        """Its feeds listed each in turn, not grouped by folder: the failing ones alone
        (`main_failing`), none hidden in a folder folded."""
        self._folder_counts: dict[Folder, int] = {}
        """Each folder's unread count (`folder_key` → count), as its view shows."""
        self._apart: tuple[tuple[str, ...], frozenset[str]] = ((), frozenset())
        """The feeds' addresses last given, and those of one feed under two accounts, named
        with their user names (`accounts_apart`): worked out once per set of feeds."""

    @property
    def apart(self) -> frozenset[str]:
        """The addresses of the feeds listed that are one feed under two accounts."""
        return self._apart[1]

    @property
    def selected_url(self) -> str | None:
        index = self.highlighted
        return self._urls[index] if index is not None and index < len(self._urls) else None

    @property
    def app_plain(self) -> bool:
        """The plain layout's (`[ui] plain`): a search feed named in words, not by ⌕."""
        return bool(getattr(self.app, "plain", False))

    @property
    def names(self) -> list[str]:
        """The name of each row, as shown, in list order (what `/` in the feed list finds)."""
        names = [ALL_FEEDS, SAVED]
        for view in self._urls[2:]:
            tag = view_tag(view)
            search = view_search_feed(view)
            feed = self.feeds.get(view or "")
            folder = self._folder_at.get(len(names))
            names.append(
                folder.path[-1]
                if folder is not None
                else ARCHIVE
                if view == ARCHIVE_VIEW
                else tag_name(tag).plain
                if tag is not None
                else search_name(search, self.app_plain).plain
                if search is not None
                else feed_name(feed, self.apart).plain
                if feed
                else ""
            )
        return names

    @property
    def searched_names(self) -> list[str]:
        """The name of each row as if every folder were open (`open_section`): what `/` in
        the feed list finds, a feed in a folder folded too (acc50 folders50)."""
        start = len(self._urls) - len(self._section)
        rows = [p.row for p in self.open_section()]
        return self.names[:start] + [
            row.path[-1] if isinstance(row, FolderRow) else plain(row.display_title).plain
            for row in rows
        ]

    def holds(self, view: str | None) -> bool:
        """Whether the list has a row for `view` (a feed's, a tag's, …)."""
        return view in self._urls

    def group_views(self) -> list[str]:
        """The views of the tag rows, then of every folder (those in a folder folded too), in
        the list's order: where `t` and `T` go."""
        tags = [view for view in self._urls if view_tag(view) is not None]
        if self._given is None or self.flat:
            return tags
        every, _order = grouped(self._given[0], self._paths)
        return tags + [folder_view(p.row.path) for p in every if isinstance(p.row, FolderRow)]

    def folder_named(self, tag: str) -> str | None:
        """The view of the first folder named `tag` (as compared): a folder's view was its
        tag's, as a list left at a start before folders had views of their own was kept."""
        wanted = folded(tag)
        for view in self.group_views():
            if (folder := view_folder(view)) is not None and folded(folder[-1]) == wanted:
                return view
        return None

    def set_feeds(
        self,
        feeds: list[Feed],
        unread: Mapping[str, int],
        saved: int,
        tags: Sequence[tuple[str, int]] = (),
        archived: int | None = None,
        searches: Sequence[tuple[str, int]] = (),
        every_unread: int | None = None,
        to_fetch: Collection[str] = frozenset(),
        tags_apart: Collection[str] = frozenset(),
    ) -> None:
        """Show these feeds with their unread counts, how many articles are `saved` (in
        "Saved", not archived), an "Archive" row of the `archived` ones (None: no row), a
        row for each tag (with the unread headlines of its feeds) and one for each search
        feed (with its unread hits) above the feeds, keeping the highlighted row.
        `every_unread`: what "All feeds" counts, an article several feeds list once (None:
        the feeds' counts summed). `to_fetch`: the feeds with articles not available offline
        (`TO_FETCH_MARK`), a sync caching them taking their marks off row by row.
        `tags_apart`: the tags filing saved articles no feed of theirs lists (`tags_apart`),
        whose rows stay beside a folder of their name."""
        given = (feeds, unread, saved, tags, archived, searches, every_unread, to_fetch)
        self._given = (*given, tags_apart)
        if (urls := tuple(feed.url for feed in feeds)) != self._apart[0]:
            self._apart = (urls, accounts_apart(urls))
        section, order, tags, self._folder_counts = grouped_section(
            feeds, tags, self.closed, self._paths, unread, self.flat, tags_apart
        )
        above = [(ARCHIVE, archived)] if archived is not None else []
        tags = [*above, *tags]
        rows = (
            *(
                (ARCHIVE_VIEW if above and n == 0 else tag_view(tag), tag, count, False, False)
                for n, (tag, count) in enumerate(tags)
            ),
            *((search_feed_view(name), name, count, False, False) for name, count in searches),
            *(section_row(p, unread, to_fetch, self._folder_counts) for p in section),
        )
        every = sum(unread.values()) if every_unread is None else every_unread
        shown = (saved, rows, every)
        self.feeds = {feed.url: feed for feed in order}
        if shown == self._shown:
            # Unchanged (an article arrived, a flag moved in another feed…): rebuilding 50 rows
            # of Rich tables would cost ~20 ms of the event loop for nothing.
            return
        before, self._shown = self._shown, shown
        same_rows = before is not None and [row[:2] + row[5:] for row in before[1]] == [
            row[:2] + row[5:] for row in rows
        ]
        if not same_rows:
            self._names.clear()  # the rows' names anew, as their titles are made below
            # Measured once per set of names, not at each count that changes (a refresh).
            self._widest = max(
                _cells(ALL_FEEDS),
                _cells(SAVED),
                *(_cells(tag) + 2 for tag, _count in tags),  # "#news", "⌕ strike"
                *(_cells(name) + 2 for name, _count in searches),
                *(_feed_cells(feed) for feed in feeds),
                *(self._placed_cells(placed) for placed in section if placed.depth),
            )
        self.fit_width(self.app.size.width)
        prompts = [
            self._prompt(Text(ALL_FEEDS, style="bold"), every, False),
            self._prompt(Text(SAVED, style="bold"), saved, False),
        ]
        made = [
            self._prompt(Text(ARCHIVE, style="bold"), count, False)
            if above and n == 0
            else self._tag_prompt(tag, count)
            for n, (tag, count) in enumerate(tags)
        ]
        made += [
            self._prompt(FeedTitle(search_name(name, self.app_plain), self._names), count, False)
            for name, count in searches
        ]
        if before is not None and same_rows:
            # The same feeds, some counts or marks changed (`m`, a feed come in during a
            # refresh): only their rows are made again, the highlight and scroll left alone.
            pairs = zip(before[1], rows, strict=True)
            changed = [n for n, (old, new) in enumerate(pairs) if old != new]
            for position in changed:
                if position < len(made):
                    prompts.append(made[position])
                else:
                    placed = section[position - len(made)]
                    prompts.append(self._placed_prompt(placed, rows[position], unread, to_fetch))
            for index, prompt in zip([0, 1, *(n + 2 for n in changed)], prompts, strict=True):
                self.replace_option_prompt_at_index(index, prompt)
            return
        keep, at = self.selected_url, self.highlighted
        self._urls = [None, SAVED_VIEW, *(row[0] for row in rows)]
        options = [Option(prompts[0], "all"), Option(prompts[1], "saved")]
        for position, prompt in enumerate(made):
            options.append(Option(prompt, f"tag-{position}"))
        self._folder_at, self._section = {}, section
        for position, placed in enumerate(section):
            row = rows[len(made) + position]
            prompt = self._placed_prompt(placed, row, unread, to_fetch)
            options.append(Option(prompt, f"feed-{position}"))
            if isinstance(placed.row, FolderRow):
                self._folder_at[len(options) - 1] = placed.row
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(options)
            if at is not None and at < len(self._urls) and self._urls[at] == keep:
                self.highlighted = at  # a feed in two folders: the row it was on, not the first
            else:
                self.highlighted = self._urls.index(keep) if keep in self._urls else 0

    def fit_width(self, columns: int) -> None:
        """As wide as the terminal's `columns` give it (`feed_list_width`), from 80 columns
        on; under 80 the stylesheet's (`MainScreen.-narrow`)."""
        width = feed_list_width(columns, self._wanted()) if columns >= NARROW else None
        if width == self._width:
            return
        if width is not None and self._width is not None and columns == self._columns:
            # Only wider at one terminal width: narrowing as feeds come in (an address giving
            # way to a shorter title) moved every headline's column under the reader's eyes.
            width = max(width, self._width)
        self._width, self._columns = width, columns
        if width is None:
            self.styles.clear_rule("width")
        else:
            self.styles.width = width

    def _wanted(self) -> int:
        """Cells the list takes to show every row whole: the mark, the name and the count,
        each after a blank (`_row`), the scroll bar and the border (the widest name and the
        longest count, which may be two rows')."""
        saved, rows, every = self._shown or (0, (), 0)
        counts = (every, saved, *(row[2] for row in rows))
        digits = max(len(str(count or "")) for count in counts)
        return self._widest + digits + 4 + 1 + 2

    def _placed_cells(self, placed: Placed) -> int:
        """Cells a row in a folder takes: its indent and its name (`_widest`)."""
        row = placed.row
        if isinstance(row, FolderRow):
            return placed_cells(placed, _cells(row.path[-1]))
        return placed_cells(placed, _feed_cells(row))

    def _placed_prompt(
        self,
        placed: Placed,
        row: tuple[Any, ...],
        unread: Mapping[str, int],
        to_fetch: Collection[str],
    ) -> OneLine:
        """The row of a feed or a folder (`folder_rows`), set in by the folders it is in."""
        if isinstance(placed.row, FolderRow):
            mark = folder_mark(placed.row, self.app_plain)
            return OneLine(self, FeedRow(folder_title(placed.row), row[2], mark, placed.depth))
        return self._feed_prompt(placed.row, unread, placed.row.url in to_fetch, placed.depth)

    def _tag_prompt(self, tag: str, unread: int) -> OneLine:
        return self._prompt(FeedTitle(tag_name(tag), self._names), unread, False)

    def _feed_prompt(
        self, feed: Feed, unread: Mapping[str, int], to_fetch: bool, depth: int = 0
    ) -> OneLine:
        if feed.name or feed.title:
            title = FeedTitle(feed_name(feed, self.apart, max_length=200), self._names)
        else:
            # Named by its address (never fetched): what tells three feeds of one site apart
            # is its path, cut off at the end ("http://127.0.0.1:8761/er…" thrice, acc27b B3):
            # the path first, then its site.
            address = _path_first(feed.display_title)
            title = FeedTitle(plain(address, max_length=200), self._names)
        return self._prompt(title, unread.get(feed.url, 0), last_failed(feed), to_fetch, depth)

    def _prompt(
        self,
        title: Text | FeedTitle,
        unread: int,
        failed: bool,
        to_fetch: bool = False,
        depth: int = 0,
    ) -> OneLine:
        if failed:  # a feed failing: what to see to first, and said under its list
            mark = Text(ERROR_MARK, style=self.get_component_rich_style("feed-list--failed"))
        elif to_fetch:
            mark = Text(as_letter(TO_FETCH_MARK) if self.app_plain else TO_FETCH_MARK, "dim")
        else:
            mark = Text(" ")
        return OneLine(self, FeedRow(title, unread, mark, depth))

    def action_line(self, row: int) -> None:
        """vim's `10G` (`10gg`, `10g`): the tenth feed, as in the headlines the tenth
        headline; the rows above the feeds ("All feeds", "Saved", the tags) are not counted,
        so that a count names the same feed whatever tags there are. `gg` alone is the top."""
        # Counted among the feeds' rows alone: grouped by folder, folder rows stand among them.
        feed_rows = [n for n, view in enumerate(self._urls) if view in self.feeds]
        if not feed_rows:
            super().action_line(row)
        else:
            super().action_line(feed_rows[max(0, min(row, len(feed_rows)) - 1)] + 1)

    def select(self, feed_url: str | None) -> None:
        """Highlight this feed's row, quietly: the screen shows its headlines itself. A feed
        in a folder folded (`J`, `]` going to it) has its folders unfolded first."""
        if feed_url not in self._urls and self.closed and self._given is not None:
            self._unfold(hidden_in(self._given[0], feed_url, self._paths))
        if feed_url in self._urls:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = self._urls.index(feed_url)

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(FeedSelected(self.selected_url))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # Enter (or a click) on a feed: its headlines are already shown; go read them.
        event.stop()
        self.post_message(FeedSelected(self.selected_url))
        self.screen.focus_next()


NARROW = 80
"""Under this many columns the feed list shows only while in use (`MainScreen.-narrow`)."""
SHARE = 0.29
"""Of the terminal's width, the most the feed list takes (between FLOOR and CEILING): at 80
columns FLOOR, which leaves the headlines' title its 28 cells beside a source (TITLE_MIN)."""
FLOOR = 23
"""Cells the feed list may always take: a name of 15 (`fit_apart`: "Harbou…Business")."""
CEILING = 40
FEWEST = 22
"""Cells the feed list keeps even when its names are short: "All feeds" and a count."""


def feed_list_width(columns: int, wanted: int) -> int:
    """The feed list's width on a terminal of `columns` (80 or more) for rows that take
    `wanted` cells whole: as wide as they need, up to a share of the terminal. Fixed at 22
    from 80 to 119 columns, eleven feeds of one publisher all read "Harbour Time…", the
    headlines' pane ending in 20 blank cells meanwhile (acc35a E5)."""
    most = max(FLOOR, min(CEILING, int(columns * SHARE)))
    return max(FEWEST, min(wanted, most))


ADDRESS_CELLS = 20
"""Cells a feed named by its address (never fetched: "feed.xml · 127.0.0.1:8761") widens the
list by at most: its path comes first, and it is a name for a moment."""


def _cells(name: str) -> int:
    return len(name) if name.isascii() else terminal_cells(name)


def _feed_cells(feed: Feed) -> int:
    """Cells a feed's name takes: one named by its address, `ADDRESS_CELLS` at most."""
    cells = _cells(feed.display_title)
    return cells if feed.name or feed.title else min(ADDRESS_CELLS, cells)


def _path_first(address: str) -> str:
    """A feed's address as the feed list names a feed it has no title for: its path, then its
    site ("error500/feed.xml · 127.0.0.1:8761"); the site alone for a site's root."""
    _scheme, _, rest = address.partition("://")
    site, _, path = (rest or address).partition("/")
    path = path.strip("/")
    return f"{path} · {site}" if path else site
