"""The reader app's notices: one said again while still shown replaces it, one that no
longer holds is taken back, and the line a rewrite of the store's lists says while it runs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress

from textual.notifications import Notification, Notify
from textual.reactive import var

from .app_feeds import ReaderAppFeeds
from .app_marks import MARKED_READ, MARKED_UNREAD
from .display import notice_words


class ReaderAppNotices(ReaderAppFeeds):
    """The reader app's notices taken back (see `ReaderApp`)."""

    notices_changed: var[int] = var(0)
    """Counts the changes to the notices shown: the status lines, which show them, watch it."""

    def _refresh_notifications(self) -> None:
        super()._refresh_notifications()
        self.notices_changed += 1

    def _unnotify(self, notification: Notification, refresh: bool = True) -> None:
        # A toast's own timer takes its notice back with no refresh (`Toast._expire`).
        super()._unnotify(notification, refresh)
        self.notices_changed += 1

    def withdraw_notice(self, message: str | Callable[[str], bool]) -> None:
        """Take back a notice still shown that no longer holds (see `on_notify`): the one saying
        `message`, or every one whose message `message` picks."""
        if isinstance(message, str):
            self._take_back(lambda shown: shown.message == message)
        else:
            self._take_back(lambda shown: message(shown.message))

    async def keep_summaries_apart(self) -> None:
        """Once for a directory from before long summaries were kept apart: its lists written
        again, in a thread, said in the status line while it runs (a few seconds on a year's
        library: taken for a hang, unsaid); quitting stops it between feeds."""
        loop = asyncio.get_running_loop()
        said = ""

        def starting(line: str) -> None:  # in the thread
            nonlocal said
            said = line[:1].upper() + line[1:]
            with suppress(RuntimeError):  # the loop closed: the reader is gone
                loop.call_soon_threadsafe(self.show_unasked, said)

        await asyncio.to_thread(self.lib.keep_summaries_apart, lambda: self._quitting, starting)
        if said and self._held_status == said:
            self._held_status = ""  # held behind a key's answer: over before it was shown
        if said and self.status == said and not self._busy:
            self.status = self.summary()

    def say_for_now(self, line: str) -> None:
        """The notices shown taken back as `line` answers the key just pressed: the newest
        answer is the one read. "No feed chosen" (from `R` a moment before) hid `A`'s "Marked
        314 headlines read · U marks them unread again" on the status line's row (acc35a E7)."""
        self._take_back(lambda _shown: True)
        super().say_for_now(line)

    def on_notify(self, event: Notify) -> None:
        """A notice said again while it is still shown (`n` held down at the last article, `]`
        at the last heading) replaces the one shown: twenty copies stacked up over the text."""
        new = event.notification
        self.remember_said(notice_words(new.message, new.markup))
        self.no_feed_note_over()  # its counts under the notice show what changed
        key = (new.message, new.title, new.severity)
        self._take_back(
            lambda shown: (
                shown is not new
                and ((shown.message, shown.title, shown.severity) == key or _both_marks(shown, new))
            )
        )

    def _take_back(self, which: Callable[[Notification], bool]) -> None:
        """Remove the notices shown that `which` picks."""
        for shown in list(self._notifications):
            if which(shown):
                self._unnotify(shown)  # Textual has no public way to take one notice back


def _both_marks(shown: Notification, new: Notification) -> bool:
    """Both say what `m` did (`MARKED_READ`): the newer one is the one that holds; `m` down a
    list stacked a notice a headline."""
    return all(n.message.startswith((MARKED_READ, MARKED_UNREAD)) for n in (shown, new))
