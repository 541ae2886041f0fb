"""A dialog of one scrolled panel of text (the help, the changes between two copies), moved by
the keys the headlines and an article move with, vim's and less's."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll

from ..widgets.article.scroll_keys import (
    BOTTOM_KEYS,
    DOWN_KEYS,
    HALF_PAGE_DOWN_KEYS,
    HALF_PAGE_UP_KEYS,
    PAGE_DOWN_KEYS,
    PAGE_UP_KEYS,
    TOP_KEYS,
    UP_KEYS,
)
from .modal import Dialog


class ScrolledDialog(Dialog[None]):
    """A panel over the current screen, its `VerticalScroll` of id `PANEL`; Esc or q closes it."""

    PANEL = ""
    """The id of the panel the keys scroll."""

    BINDINGS = [
        # The key bar shows the arrows for the line keys, Space for the page keys; the help
        # lists Space and Ctrl-D, and a panel is a page or two long on a small terminal.
        Binding(DOWN_KEYS, "scroll(1)", "Scroll", key_display="↑↓"),
        Binding(UP_KEYS, "scroll(-1)", show=False),
        Binding(PAGE_DOWN_KEYS, "page(1)", "Page", key_display="space"),
        Binding(PAGE_UP_KEYS, "page(-1)", show=False),
        Binding(HALF_PAGE_DOWN_KEYS, "page(0.5)", show=False),
        Binding(HALF_PAGE_UP_KEYS, "page(-0.5)", show=False),
        Binding(TOP_KEYS, "end(0)", show=False),
        Binding(BOTTOM_KEYS, "end(1)", show=False),
        Binding("escape,q", "app.pop_screen", "Close"),
        Binding("question_mark,f1", "app.help", show=False),  # the help's key, as set, closes it
        # What the help lists under "Everywhere" works here too: a modal screen stops the
        # app's own bindings.
        Binding("r", "app.refresh", show=False),
        Binding("S", "app.sync", show=False),
        Binding("Q", "app.quit", show=False),
    ]

    def _panel(self) -> VerticalScroll:
        return self.query_one(f"#{self.PANEL}", VerticalScroll)

    def action_scroll(self, lines: int) -> None:
        panel = self._panel()
        # At once: keys arriving together each start from where the one before left it.
        panel.scroll_to(y=panel.scroll_y + lines, animate=False, immediate=True)

    def action_end(self, bottom: int) -> None:
        panel = self._panel()
        panel.scroll_to(y=panel.max_scroll_y if bottom else 0, animate=False, immediate=True)

    def action_page(self, pages: float) -> None:
        """A page (or half a page, as Ctrl-D / Ctrl-U) down or up."""
        height = self._panel().scrollable_content_region.height
        self.action_scroll(round(max(1, height) * pages))
