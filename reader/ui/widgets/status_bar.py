"""The status line: what the app is doing right now (refreshing, syncing, the last error)."""

from __future__ import annotations

from textual.widgets import Static

from ..display import plain


class StatusBar(Static):
    """One line of plain text mirrored from the app's `status`; never interpreted as markup."""

    def on_mount(self) -> None:
        # The app's status is the single source; every screen's bar shows the same line.
        self.watch(self.app, "status", self._show)

    def _show(self, status: str) -> None:
        self.update(plain(status, max_length=500))
