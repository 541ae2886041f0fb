"""The status line: what the app is doing right now (refreshing, syncing, the last error), and
what the screen has to say about itself (the reading view's search: "Match 3 of 12"); at its
right end, a count typed before a key (`5` of `5j`), as vim shows it, else the screen's ruler
(the reading view's "42% · 4 min left", as `less` shows how far in it is) where the line leaves
room for it, else before the app's status (a narrow line keeps the screen's own words).

Said in full at any width: a line wider than the screen takes two or three rows (it was cut
with "…", at 40 columns a failing feed's reason and every summary lost, acc42a A5), and the
notices shown (`App.notify`) take rows of their own above it, not a toast drawn over its text
(a screen reader read the two as one line: "…180 avail▌ Saved for good…", A6)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual.notifications import Notification
from textual.widgets import Static

from ...marks import terminal_words
from ..collector import forget_watchers
from ..display import notice_words, plain
from ..job_ended import job_tail

STATUS_ROWS = 3
"""The rows the status line takes at most: past them it is cut, the messages' list (`P`) has it
whole."""
NOTICE_SHARE = 3
"""The notices shown take at most a third of the screen's height (two rows at least)."""
LEFT_TO_THE_SCREEN = 4
"""Rows the status line and its notices leave the screen at the least: the key bar, the list's
two borders and one headline between them. At 20x5 the line's three rows took them all, and
no headline showed (acc51c C6)."""


class StatusBar(Static):
    """The app's `status` as plain text, after the screen's own `note` when it has one, the
    notices shown above it; never interpreted as markup."""

    ALLOW_SELECT = False  # a drag past the article selects its words, not this bar's
    COMPONENT_CLASSES = {
        "status-bar--note",
        "status-bar--warning",
        "status-bar--notice",
        "status-bar--notice-warning",
        "status-bar--notice-error",
    }

    AGE_CHECK_SECONDS = 60.0
    """How often the bar looks whether the last job's age changed (`job_tail`). Looked at, not
    timed: a machine asleep holds a timer back, and the first look after it says the age the
    clock gives."""

    def __init__(self, *, id: str | None = None, counts_give_way: bool = False) -> None:
        super().__init__(id=id)
        self.counts_give_way = counts_give_way
        """The app's idle counts give way to the ruler where both don't fit one row, which
        comes first of any line: the counts are the library's, not the article's, and took
        rows from its text (the reading view)."""
        self._note = ""
        self._warning = False
        """The note says something went wrong ("No match for …"): styled so (`reader.tcss`)."""
        self._ruler = ""
        """What the screen says at the line's right end ("" for nothing): our own words."""
        self._rows = 1
        """The rows the bar takes now: laid out again only when they change."""
        self._line = ""
        self.now: Callable[[], datetime] = _local_now
        """The clock the last job's age is read by (`job_tail`)."""
        self._tail = ""
        """The last job's time and age as last drawn after the line ("" for none)."""

    def on_mount(self) -> None:
        # The app's status is the single source; every screen's bar shows the same line.
        self.watch(self.app, "status", self._show)
        self.watch(self.app, "count_typed", self._show_count, init=False)
        if hasattr(self.app, "notices_changed"):
            self.watch(self.app, "notices_changed", self._show_count, init=False)
        if hasattr(self.app, "job_ended"):
            self.watch(self.app, "job_ended", self._show_count, init=False)
            self.watch(self.app, "refreshed_seen", self._show_count, init=False)
            self.set_interval(self.AGE_CHECK_SECONDS, self._age_check)

    def on_unmount(self) -> None:
        # Else the app keeps this bar (and every article screen's) until its status changes.
        forget_watchers(self.app, self)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        if self._note and self.is_mounted:  # the note's colours are the theme's
            self._show(getattr(self.app, "status", ""))

    @property
    def note(self) -> str:
        """This screen's own line ("" for none)."""
        return self._note

    @property
    def line(self) -> str:
        """The status line as one line, what its rows say (the notices' above it not)."""
        return self._line

    @property
    def rows(self) -> int:
        """The rows the bar takes: one, more for a line wider than the screen or a notice."""
        return self._rows

    def show_note(self, note: str, *, warning: bool = False) -> None:
        """This screen's own line, shown first ("" for none); `warning`: in the colours of
        what went wrong, as the search line says it while the query is typed."""
        self._note, self._warning = note, warning
        self._show(getattr(self.app, "status", ""))

    def show_ruler(self, ruler: str) -> None:
        """This screen's words at the line's right end ("" for none): how far in it is."""
        if ruler != self._ruler:
            self._ruler = ruler
            self._show(getattr(self.app, "status", ""))

    def _show_count(self, _count: object) -> None:
        self._show(getattr(self.app, "status", ""))

    def _age_check(self) -> None:
        """The line drawn again when the last job's age has changed (a minute on)."""
        status = getattr(self.app, "status", "")
        if self._job_tail(status) != self._tail:
            self._show(status)

    def _job_tail(self, status: str) -> str:
        ended = getattr(self.app, "job_ended", None)
        seen = getattr(self.app, "refreshed_seen", 0.0)
        refreshed = datetime.fromtimestamp(seen) if seen else None
        return job_tail(ended, status, getattr(self.app, "idle_line", None), self.now(), refreshed)

    @property
    def _between(self) -> str:
        """Between the screen's note and the app's status: a rule, or in the plain layout
        (`[ui] plain`) a pause a screen reader makes without saying "vertical line"."""
        return ";  " if getattr(self.app, "plain", False) else "  │  "

    def _show(self, status: str) -> None:
        # The reader's own words: "--" for "—" where a dash can't be drawn (`terminal_words`).
        said = plain(terminal_words(status), max_length=500)
        note = Text()
        if self._note:
            component = "status-bar--warning" if self._warning else "status-bar--note"
            style = self.get_component_rich_style(component)
            note = plain(terminal_words(self._note), style, max_length=300)
        line = _joined(self._between, note, said)
        count = getattr(self.app, "count_typed", "")
        width = self.content_region.width
        # The last job's time and age, where they fit in the rows the line takes (one on a
        # narrow screen): not a row more for them (status43's rows are for what happened).
        tail = self._job_tail(status)
        told = line + tail if tail else line
        self._tail = ""
        if width <= 0:  # not laid out yet: its first size shows it again (`on_resize`)
            self._line = line.plain
            self._put(line, 1)
            return
        most = max(1, self.app.size.height - LEFT_TO_THE_SCREEN)
        line_rows = min(STATUS_ROWS, most)
        rows = self._notice_rows(width)
        if count:
            rows += _wrapped(self, line, width, line_rows, Text(f" {count}", style="bold"))
        elif self._ruler and told.cell_len + len(self._ruler) + 2 <= width:
            self._tail = tail
            line = _with_right_end(told, Text(f" {self._ruler}"), width)
            rows.append(line)
        elif self._ruler and line.cell_len + len(self._ruler) + 2 <= width:
            line = _with_right_end(line, Text(f" {self._ruler}"), width)
            rows.append(line)
        elif self._ruler:
            # Before the app's idle counts, the library's, not this screen's: at 40 columns
            # they filled the row and "42% · 4 min left" was never seen. A line saying what
            # happened (a refresh's summary, a failing feed's reason) comes first on the
            # headlines, the selected headline's feed and date after it.
            idle = status == getattr(self.app, "idle_line", None)
            if self.counts_give_way and idle:
                said = Text()  # the list's line says them
            if idle or self.counts_give_way:
                ruled = _joined(" · ", Text(self._ruler), said)
            else:
                ruled = _joined(" · ", said, Text(self._ruler))
            line = _joined(self._between, note, ruled)
            rows += _wrapped(self, line, width, line_rows)
        else:
            wrapped = _wrapped(self, line, width, line_rows)
            if (
                tail
                and len(with_tail := _wrapped(self, told, width, line_rows)) == len(wrapped)
                and not with_tail[-1].plain.endswith("…")
            ):
                self._tail, line, wrapped = tail, told, with_tail
            rows += wrapped
        rows = rows[-most:]  # the notices' rows first, above the line's own
        self._line = line.plain
        self._put(Text("\n").join(rows), len(rows))

    def _put(self, text: Text, rows: int) -> None:
        if rows != self._rows:
            # Laid out again only as the rows change: each new line of a refresh's progress is
            # this bar repainted, not the screen laid out again.
            self._rows = rows
            self.styles.height = rows
        self.update(text, layout=False)

    def _notice_rows(self, width: int) -> list[Text]:
        """The notices shown, newest last, each on rows of its own (a third of the screen at
        most: `P` lists them whole)."""
        shown: list[Text] = []
        for notice in _notices_shown(self):
            style = self.get_component_rich_style(_NOTICE_STYLES[notice.severity])
            text = plain(notice_words(notice.message, notice.markup), style, max_length=1000)
            shown += _wrapped(self, text, width, STATUS_ROWS * 2)
        most = max(2, self.app.size.height // NOTICE_SHARE)
        if len(shown) > most:
            shown = shown[-most:]
        return shown

    def on_resize(self) -> None:
        # The rows the line needs, the ruler's place: the width's.
        self.fit()

    def fit(self) -> None:
        """Shown again for the screen's size: its height too, the rows it leaves the list
        (`LEFT_TO_THE_SCREEN`), which changes no size of the bar's own to tell it."""
        self._show(getattr(self.app, "status", ""))


_NOTICE_STYLES = {
    "information": "status-bar--notice",
    "warning": "status-bar--notice-warning",
    "error": "status-bar--notice-error",
}


def _joined(between: str, *parts: Text) -> Text:
    """The parts that say something, `between` each two."""
    said = [part for part in parts if part.plain]
    return Text(between).join(said) if said else Text()


def _notices_shown(bar: StatusBar) -> list[Notification]:
    """The app's notices not yet gone, in the order they came; none where the app shows none
    (Textual's tests by default: no toast is made, whose timer would take them back)."""
    if getattr(bar.app, "_disable_notifications", False):
        return []
    notices = getattr(bar.app, "_notifications", None)
    return [notice for notice in notices or () if not notice.has_expired]


def _wrapped(
    bar: StatusBar, line: Text, width: int, most: int, end: Text | None = None
) -> list[Text]:
    """`line` wrapped to `width`, on `most` rows at most (the last cut with "…"); `end` (a
    count typed) at the last row's right end."""
    lines = list(line.wrap(bar.app.console, width, overflow="fold")) if line.plain else [Text()]
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1].copy()
        last.append(" …")
        last.truncate(width, overflow="ellipsis")
        lines[-1] = last
    if end is not None and end.plain.strip():
        lines[-1] = _with_right_end(lines[-1], end, width)
    for row in lines:
        row.rstrip()
        row.end = ""
    return lines


def _with_right_end(line: Text, right: Text, width: int) -> Text:
    """The line, and at its right end (of `width` cells) the count typed (digits only: no
    stranger's text) or the screen's ruler, the line cut short before it rather than them.
    One text, as the line alone is: what reads the bar reads both."""
    if not right.plain.strip() or width <= right.cell_len:
        return line
    line = line.copy()
    line.truncate(width - right.cell_len, overflow="ellipsis", pad=True)
    return Text.assemble(line, right, no_wrap=True)


def _local_now() -> datetime:
    return datetime.now().astimezone()
