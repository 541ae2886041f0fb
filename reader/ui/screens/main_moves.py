"""The main screen's moves between lists (`MainScreen` is built on it): `n` / `N` and `u` to the
next / previous unread headline, on into the next feed with unread ones; `J` / `K` to the next
/ previous feed; `]` / `[` to the next / previous failing one; `t` / `T` to the next / previous
tag; each round the ends, saying so."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Sequence

from ...failing_feeds import last_failed
from ...models import Feed
from ...plural import plural
from ..display import plain
from ..headlines import LIBRARY_VIEWS, of_feeds, view_search_feed
from ..keymap import keymap_of
from ..unread import feed_beside, next_feed_with_unread, next_unread, wrapped
from ..widgets.main.feed_list import FeedList
from ..widgets.main.headline_table import HeadlineTable
from .main_list import MainScreenList


class MainScreenMoves(MainScreenList):
    """Moving to the next unread headline, feed or tag (see `MainScreen`)."""

    def action_next_unread(self, step: int) -> None:
        """The next (`step` 1) or previous unread headline of the list, round its end; with
        none left in a feed, the first unread of the next feed with any (`n` after `n`: every
        unread headline of every feed, as newsboat's `n`). In the feed list, the next feed
        with unread headlines."""
        if isinstance(self.focused, FeedList):
            index = self.reader.index
            feed = next_feed_with_unread(index.feeds, self.feed_url, index.unread_counts())
            if feed is None:
                self.notify("No other feed has unread headlines.", timeout=3, markup=False)
            else:
                self.show_feed(feed.url)
            return
        table = self.query_one(HeadlineTable)
        row = next_unread(table.rows, table.cursor, step)
        if row is not None:
            if wrapped(table.cursor, row, step):
                which, where = ("Next", "top") if step > 0 else ("Previous", "bottom")
                self.notify(f"{which} unread: round to the {where}.", timeout=2, markup=False)
            table.cursor = row
            return
        feed = self.next_feed() if step > 0 else None
        if feed is not None:
            self.show_feed(feed.url)
            count = plural(self.reader.index.unread_in(feed.url), "unread headline")
            name = plain(feed.display_title, max_length=60).plain
            self.notify(f"On to {name}: {count}.", timeout=3, markup=False)
        else:
            here = table.current
            left = "this one is the last" if here and not here.read else "none left"
            self.notify(f"No other unread headline: {left}.", timeout=3, markup=False)

    def action_step_feed(self, step: int) -> None:
        """The next (`step` 1) or previous feed of the feed list as it is shown, round its
        ends, its headlines shown with the cursor on the first unread (newsboat's next-feed,
        prev-feed); from "All feeds", "Saved" or a search's hits, the first or the last. A
        larger step (`3J`, `J` held down: `counts.STEPPED`) shows only the feed it lands on."""
        urls = list(self.query_one(FeedList).feeds)
        feed_url = feed_beside(urls, self.feed_url, step)
        if feed_url is None:
            self.notify("There is no other feed.", timeout=3, markup=False)
            return
        here = self.feed_url
        self.show_feed(feed_url)
        if here in urls and not 0 <= urls.index(here) + step < len(urls):
            where = "first" if step > 0 else "last"
            self.notify(f"Round to the {where} feed.", timeout=2, markup=False)

    def action_step_failing(self, step: int) -> None:
        """The next (`step` 1) or previous feed of the feed list as it is shown whose last fetch
        failed (its `!`), round the ends, as `J` / `K` go: 57 dead feeds of 595 were found by
        paging through every row (acc49d D1). A count goes so many failing feeds on."""
        shown = self.query_one(FeedList).feeds
        marked = {url for url, feed in shown.items() if last_failed(feed)}
        found = failing_beside(list(shown), marked, self.feed_url, step)
        if found is None:
            other = " other" if self.feed_url in marked else ""
            self.notify(f"No{other} feed is failing.", timeout=3, markup=False)
            return
        feed_url, wrapped_round = found
        self.show_feed(feed_url)  # its error said as it is shown (`_show_list`)
        if wrapped_round:
            where = "first" if step > 0 else "last"
            self.notify(f"Round to the {where} failing feed.", timeout=2, markup=False)

    def action_step_tag(self, step: int) -> None:
        """The next (`step` 1) or previous tag of the feed list, round its ends, its feeds'
        headlines shown together; from any other list, the first or the last tag."""
        if self.failing_only:  # its tag rows out of the list (`main_failing`)
            key = keymap_of(self.app).key("failing_only", "the headlines")
            again = f": {key} lists every feed" if key else ""
            self.notify(f"The failing feeds' list shows no tags{again}.", timeout=3, markup=False)
            return
        index = self.reader.index
        # The feed list's tag rows (the articles' tags too: a tag of articles alone was passed
        # over, its row reached only by the cursor), then its folders, those folded too.
        views = self.query_one(FeedList).group_views()
        if self.unread_only and index.whole:  # as `J` passes over read feeds (acc28c C4)
            views = [v for v in views if v == self.feed_url or index.unread_in(v)]
        view = feed_beside(views, self.feed_url, step)
        if view is None:
            there = "no other tag" if views else "no tags: `reader tag FEED TAG` gives one"
            self.notify(f"The feeds have {there}.", timeout=3, markup=False)
            return
        self.show_feed(view)

    def next_feed(self) -> Feed | None:
        """The feed after the one shown (in the feed list's order) with unread headlines,
        when one feed is shown: "All feeds", "Saved" and a tag's feeds have no next."""
        if self.feed_url in (None, *LIBRARY_VIEWS) or of_feeds(self.feed_url):
            return None
        if view_search_feed(self.feed_url) is not None:
            return None
        index = self.reader.index
        return next_feed_with_unread(index.feeds, self.feed_url, index.unread_counts())


def failing_beside(
    urls: Sequence[str], marked: Collection[str], current: str | None, step: int
) -> tuple[str, bool] | None:
    """Of the feeds `urls` (the feed list's order), the `marked` one `step` on from `current`
    (1: the first after it; -1: the first before it; a count: so many on), and whether that
    went round an end; from a row that is no feed's, the first or the last. None when no
    marked feed is another than `current`."""
    positions = [n for n, url in enumerate(urls) if url in marked]
    if not positions or [urls[n] for n in positions] == [current]:
        return None
    at = urls.index(current) if current in urls else (-1 if step > 0 else len(urls))
    before = bisect_left(positions, at)  # marked feeds above the current row
    on_it = before < len(positions) and positions[before] == at
    target = before + step - (1 if step > 0 and not on_it else 0)
    return urls[positions[target % len(positions)]], not 0 <= target < len(positions)
