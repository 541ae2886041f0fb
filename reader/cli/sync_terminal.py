"""`reader sync` on a terminal: its progress, fitted to the terminal's width at each redraw and
redrawn a few times a second (its report's lines are wrapped at words to the width:
`word_wrap`).

At 40 columns Rich's bar, rate and time left the counts in fragments ("feeds ━━ 15…", "articles
━━  2…"), and the terminal broke the summary mid-word ("al / ready cached"); the bar was redrawn
ten times a second, ~50 times in a 5-second sync, each a line a screen reader may read again
(acc42a A11). Under `WIDE` columns the rows keep the words and the counts ("articles 2/180 0
failed 0:00:05") and what the end waits for goes on lines of its own, wrapped at words. Off a
terminal (a pipe, cron, TERM=dumb) and with `-q` there is no progress at all (`sync.cmd_sync`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from ..reports import SyncProgress

if TYPE_CHECKING:
    from rich.console import RenderableType
    from rich.progress import Task
    from rich.table import Table

WIDE = 60
"""A terminal this many columns wide or wider shows the bar and the rate; a narrower one only
each phase's counts, failures and time."""
REDRAWS_PER_SECOND = 2
"""How often the progress is drawn again: enough for the counts and the seconds to move, not a
redraw for every article (Rich's 10 a second)."""
STOP = "Ctrl-C"
"""What stops `reader sync`, keeping what came (`SyncProgress.waiting_line`)."""


def failed_on_row(progress: SyncProgress) -> str:
    """The failures on the row of `progress`'s phase: the articles' alone (the feeds' are
    named at the end); on the feeds' row, "feeds: 30/30, 214 failed" counted articles as
    feeds (acc34a C9)."""
    return "" if progress.phase == "feeds" else progress.failures_line() or "0 failed"


def progress_display() -> tuple[Callable[[SyncProgress], None], Callable[[], None]]:
    """A Rich progress display, on the terminal's stderr."""
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.text import Text

    from ..terminfo import no_colour_asked

    class FittedProgress(Progress):
        """Rich's progress in `columns`, or, under `WIDE` columns, in `narrow` ones: a row a
        phase, then a line for each row's text too long for one (`alone`, the index's, when
        narrow) and for what the end waits for (at any width: in a column of the row it cut
        the count and the time, "4/…", "0:0…", at 120 columns: acc44a A9, acc44b B2), each
        wrapped at words."""

        narrow = (
            TextColumn("{task.description:>8}"),
            MofNCompleteColumn(),
            TextColumn("{task.fields[failed]}"),
            TimeElapsedColumn(),
        )

        def _is_narrow(self) -> bool:
            # Asked as Rich makes its display too, before it has the console to ask.
            live = self.__dict__.get("live")
            return live is not None and live.console.width < WIDE

        def get_renderables(self) -> Iterable[RenderableType]:
            yield from super().get_renderables()
            narrow = self._is_narrow()
            for task in self.tasks:
                if narrow and task.fields.get("alone"):
                    done = f" {int(task.completed)}/{int(task.total or 0)}"
                    yield Text(task.description + done)
                if waiting := task.fields.get("waiting"):
                    yield Text(waiting)

        def make_tasks_table(self, tasks: Iterable[Task]) -> Table:
            if not self._is_narrow():
                return super().make_tasks_table(tasks)
            wide, self.columns = self.columns, self.narrow
            try:
                return super().make_tasks_table([t for t in tasks if not t.fields.get("alone")])
            finally:
                self.columns = wide

    bar = FittedProgress(
        TextColumn("{task.description:>8}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]:>10}"),  # blank until there is one: not a bare "/s"
        TextColumn("{task.fields[failed]}"),
        TimeElapsedColumn(),
        console=Console(stderr=True, no_color=no_colour_asked()),  # vt100: no colours
        transient=True,
        refresh_per_second=REDRAWS_PER_SECOND,
    )
    tasks: dict[str, Any] = {}

    def update(p: SyncProgress) -> None:
        if not tasks:
            bar.start()
        if p.phase == "indexing":
            # A row of its own as the sync ends, drawn at once: the index may take seconds.
            if "indexing" not in tasks:
                tasks["indexing"] = bar.add_task(
                    p.indexing_line(), failed="", rate="", waiting="", alone=True
                )
            bar.update(tasks["indexing"], completed=p.indexed, total=p.to_index)
            bar.refresh()
            return
        if p.pictures_total:
            # A row of their own, after every article's text: three quarters of a sync's bytes
            # on a slow link, and minutes of it (acc44b B1), its clock running.
            if "pictures" not in tasks:
                tasks["pictures"] = bar.add_task("pictures", failed="", rate="", waiting="")
            row = bar.tasks[tasks["pictures"]] if tasks["pictures"] < len(bar.tasks) else None
            took = row.elapsed if row and row.elapsed else 0.0
            bar.update(
                tasks["pictures"],
                completed=p.pictures_done,
                total=p.pictures_total,
                rate=f"{p.pictures_done / took:.1f}/s" if took > 0.5 else "",
            )
        if p.phase == "pictures":
            return
        phase = "feeds" if p.phase == "feeds" else "articles"
        done, total = (
            (p.feeds_done, p.feeds_total)
            if phase == "feeds"
            else (p.articles_done, p.articles_total)
        )
        if phase not in tasks:
            tasks[phase] = bar.add_task(
                phase, total=total, failed=failed_on_row(p), rate="", waiting=""
            )
        task = bar.tasks[tasks[phase]] if tasks[phase] < len(bar.tasks) else None
        elapsed = task.elapsed if task and task.elapsed else 0.0
        rate = f"{done / elapsed:.1f}/s" if elapsed > 0.5 else ""
        failed = failed_on_row(p)
        # The network gone: said at once, its held articles neither failed nor waited on.
        waiting = p.network_line(STOP) or p.waiting_line(STOP)
        bar.update(
            tasks[phase], completed=done, total=total, failed=failed, rate=rate, waiting=waiting
        )

    def finish() -> None:
        if tasks:
            bar.stop()

    return update, finish


def no_progress() -> tuple[Callable[[SyncProgress], None], Callable[[], None]]:
    return lambda _progress: None, lambda: None
