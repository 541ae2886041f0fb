"""The main screen's failing feeds seen together (`MainScreen` is built on it): `!` lists in the
feed list only the feeds marked `!` (their last fetch failed), read or not, and no tag or search
feed, as `L` lists those with unread headlines (`main_unread` draws it); `!` again, every feed.
There `D` on "All feeds" removes every failing one listed (`failing_feeds.failing`: what `reader
remove --failing` removes), once the user says yes to how many: 57 dead feeds among 600 were
found by paging through every row and removed one `D` at a time (acc49d D1). A feed that failed
lately (a server error, a timeout: not failing for `LASTED` yet) is listed, and stays.
"""

from __future__ import annotations

from textual.binding import Binding

from ...failing_feeds import LASTED, failing, failing_lately, last_failed
from ...plural import plural
from ..keymap import keymap_of
from ..widgets.main.feed_list import ALL_FEEDS, FeedList
from .main_full_text import SEARCH_VIEW
from .main_list import MainScreenList


class MainScreenFailing(MainScreenList):
    """`!`, and `D` over the failing feeds it lists (see `MainScreen`)."""

    BINDINGS = [Binding("exclamation_mark", "toggle_failing_only", "Failing feeds", show=False)]

    def action_toggle_failing_only(self) -> None:
        self.failing_only = not self.failing_only
        self.show_feeds()
        if self.feed_url != SEARCH_VIEW and not self.query_one(FeedList).holds(self.feed_url):
            # The list shown is no row of it (a healthy feed, a tag's): "All feeds", where
            # the cursor is, not headlines of a row gone. A text search's hits stay.
            self.show_feed(None)
        key = keymap_of(self.app).key("failing_only", "the headlines") or ""
        if not self.failing_only:
            self.reader.status = "Every feed" + (f" · {key}: the failing ones only" if key else "")
            return
        feeds = self.reader.index.feeds
        marked = sum(last_failed(f) for f in feeds)
        if not marked:
            self.reader.status = "No feed is failing" + (
                f" · {key} shows every feed" if key else ""
            )
            return
        dead, lately = sum(failing(f) for f in feeds), sum(failing_lately(f) for f in feeds)
        parts = [f"Failing feeds only: {marked} marked !"]
        if dead:
            remove = keymap_of(self.app).key("remove_feed", "the headlines")
            how = f" ({remove} on {ALL_FEEDS} removes them)" if remove else ""
            parts.append(f"{dead} failing{how}")
        if lately:
            parts.append(f"{lately} failed lately, not for {LASTED.days} days yet")
        self.reader.status = " · ".join(parts) + (f" · {key} shows every feed" if key else "")

    def removes_failing(self) -> bool:
        """`D` removes the failing feeds listed: on "All feeds" while only they are."""
        return self.failing_only and self.feed_url is None

    def remove_failing(self) -> None:
        """`D` on "All feeds" while only the failing feeds are listed: every one of them that
        is failing, once the user says yes to how many (one failing lately stays)."""
        from ..dialogs.confirm import ConfirmScreen
        from .main_feeds import removal_question

        listed = self.query_one(FeedList).feeds.values()
        urls = [feed.url for feed in listed if failing(feed)]
        lately = sum(failing_lately(feed) for feed in listed)
        if not urls:
            self.notify(
                f"None of these feeds is failing yet: {plural(lately, 'feed')} failed lately (a"
                f" server error, a timeout), counted failing once it has lasted {LASTED.days}"
                " days. D on one removes it.",
                timeout=5,
                markup=False,
            )
            return
        index = self.reader.index
        headlines = [h for url in urls for h in index.view(url)]
        question = removal_question(
            f"Remove the {plural(len(urls), 'failing feed')} listed?",
            len(headlines),
            sum(h.saved for h in headlines),
            many=len(urls) > 1,  # "Its 0 headlines", not "Their", for one (acc51d D9)
        )
        if lately:
            stay = plural(lately, "feed that failed lately stays", "feeds that failed lately stay")
            question += f" The {stay} (not failing for {LASTED.days} days yet)."

        def answered(yes: bool | None) -> None:
            if yes:
                self.reader.remove_feeds(urls, "failing feed")

        self.app.push_screen(ConfirmScreen(question + " (y / n)"), answered)
