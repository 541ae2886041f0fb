"""The main screen's search of the headlines by their titles (`MainScreen` is built on it): `/`
opens the search line, the cursor going to the first match as the query is typed; Enter keeps the
search for `n` / `N` (round the list's end, said so), Esc in the line goes back to where the
cursor and the search were, and Esc after Enter clears it. The status line says where the kept
search stands. `F`'s search of the articles' text shares the line (`main_full_text`)."""

from __future__ import annotations

from ..messages import SearchClosed, SearchEdited
from ..widgets.article.search_bar import SearchBar, hand_on
from ..widgets.main.headline_table import HeadlineTable
from ..widgets.status_bar import StatusBar
from .main_full_text import SEARCH_VIEW, MainFullText


class MainScreenSearch(MainFullText):
    """`/`, `n` / `N` over the kept search, and Esc clearing it (see `MainScreen`)."""

    def __init__(self) -> None:
        super().__init__()
        self.headline_query = ""
        """The headline search kept (Enter in the search line), until Esc clears it."""
        self._origin = 0
        self._before_search = ""
        """The cursor's row and the search kept when `/` was pressed: Esc goes back to them."""

    def keys_of(self, *actions: str) -> str:
        raise NotImplementedError  # MainScreenMarks'

    def among(self) -> str:
        raise NotImplementedError  # MainScreenUnread's

    @property
    def searching(self) -> bool:
        """The search line is open."""
        return self.has_class("-searching")

    def action_search(self) -> None:
        table = self.query_one(HeadlineTable)
        self._origin, self._before_search = table.cursor, self.headline_query
        self.add_class("-searching")
        self.query_one(SearchBar).start()

    def on_search_edited(self, message: SearchEdited) -> None:
        message.stop()
        if self.typing_text_query:
            return  # searched on Enter: a scan of the cache on each letter would lag
        from ..widgets.main.headline_search import matching, next_match  # see `_show_search`

        table = self.query_one(HeadlineTable)
        table.cursor = self._origin  # each edit looks again from where `/` was pressed
        found = matching(table.rows, message.query)
        bar = self.query_one(SearchBar)
        if not message.query.strip():
            bar.show_count("")
            return
        if not found:
            bar.show_count(f"No headline matches “{message.query}”{self.among()}", missing=True)
            return
        row = next_match(found, self._origin, 1, here=True)
        table.cursor = self._origin if row is None else row
        bar.show_count(_position(found, table.cursor))

    def on_search_closed(self, message: SearchClosed) -> None:
        message.stop()
        table = self.query_one(HeadlineTable)
        self.remove_class("-searching")
        self.set_focus(table)  # now: the keys held by the query's line go to it
        for key, character in self.query_one(SearchBar).input.take_held():
            hand_on(table, key, character)
        if self.text_search_closed(message.query):
            return
        if message.query is None:  # Esc: back to the row and the search there were
            table.cursor = self._origin
            self.headline_query = self._before_search
        else:
            self.headline_query = message.query.strip() and message.query
        self._show_search()

    def action_step_match(self, step: int) -> None:
        from ..widgets.main.headline_search import matching, next_match  # see `_show_search`

        table = self.query_one(HeadlineTable)
        found = matching(table.rows, self.headline_query)
        row = next_match(found, table.cursor, step)
        if row is None:
            self.app.bell()
        else:
            wrapped = row <= table.cursor if step > 0 else row >= table.cursor
            table.cursor = row
            if wrapped and len(found) > 1:
                where = "top" if step > 0 else "bottom"
                self.notify(f"Search wrapped to the {where}.", timeout=2, markup=False)
        self._show_search()

    def action_clear_search(self) -> None:
        if not self.headline_query and self.feed_url == SEARCH_VIEW:
            self.leave_text_search()
            return
        self.headline_query = ""
        self._show_search()

    def _show_search(self) -> None:
        """Where the kept search stands, in the status line ("" once it is cleared)."""
        note, missing = "", False
        if self.headline_query:
            # Imported when first used: the reading view's text matching (folding, line
            # breaking) is no part of the first screen, which waited on it.
            from ..widgets.main.headline_search import matching

            table = self.query_one(HeadlineTable)
            found = matching(table.rows, self.headline_query)
            if found:
                steps = self.keys_of("next_match", "previous_match")
                keys = f"{steps}, Esc clears" if steps else "Esc clears"
                note = f"{_position(found, table.cursor)} for “{self.headline_query}” ({keys})"
            else:
                nothing = f"No headline matches “{self.headline_query}”{self.among()}"
                note, missing = f"{nothing} (Esc clears)", True
        self.query_one(StatusBar).show_note(note, warning=missing)


def _position(found: list[int], cursor: int) -> str:
    """ "Headline 2 of 5" (of those the search finds), or how many when the cursor is on none."""
    if cursor in found:
        return f"Headline {found.index(cursor) + 1} of {len(found)}"
    return f"{len(found)} headlines match"
