"""The reader app's notices: one said again while still shown replaces it, and one that no
longer holds is taken back."""

from __future__ import annotations

from collections.abc import Callable

from textual.notifications import Notification, Notify

from .app_feeds import ReaderAppFeeds


class ReaderAppNotices(ReaderAppFeeds):
    """The reader app's notices taken back (see `ReaderApp`)."""

    def withdraw_notice(self, message: str | Callable[[str], bool]) -> None:
        """Take back a notice still shown that no longer holds (see `on_notify`): the one saying
        `message`, or every one whose message `message` picks."""
        if isinstance(message, str):
            self._take_back(lambda shown: shown.message == message)
        else:
            self._take_back(lambda shown: message(shown.message))

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
        key = (new.message, new.title, new.severity)
        self._take_back(
            lambda shown: shown is not new and (shown.message, shown.title, shown.severity) == key
        )

    def _take_back(self, which: Callable[[Notification], bool]) -> None:
        """Remove the notices shown that `which` picks."""
        for shown in list(self._notifications):
            if which(shown):
                self._unnotify(shown)  # Textual has no public way to take one notice back
