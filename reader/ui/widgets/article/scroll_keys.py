"""The reading view's scrolling keys, as in vim and less: every one moves the view at once.

Textual's own scroll actions animate a page and the ends: a key pressed during the animation
was lost or fell short (`G k k` typed quickly ended at the very bottom). Here every key moves
the view by its exact amount, from where it is, before the next key is handled.
"""

from __future__ import annotations

from textual.actions import SkipAction
from textual.binding import Binding
from textual.scroll_view import ScrollView

# The moving keys of every long list or text, vim's and less's beside the arrows: one set, so
# the headlines and an article page with the same keys.
DOWN_KEYS = "j,down"
UP_KEYS = "k,up"
PAGE_DOWN_KEYS = "space,pagedown,ctrl+f"
PAGE_UP_KEYS = "b,pageup,ctrl+b"
HALF_PAGE_DOWN_KEYS = "ctrl+d"
HALF_PAGE_UP_KEYS = "ctrl+u"
TOP_KEYS = "g,home"
BOTTOM_KEYS = "G,end"


class KeyScrolledView(ScrollView):
    """A scroll view moved by j / k, space / b, Ctrl-D / Ctrl-U, g / G and their kin, without
    animation."""

    BINDINGS = [
        Binding(DOWN_KEYS, "scroll_down", "Down", show=False),
        Binding(UP_KEYS, "scroll_up", "Up", show=False),
        # vim's line scroll (acc52c C3), in a text only: in a list j and k move the cursor.
        Binding("ctrl+e", "scroll_down", show=False),
        Binding("ctrl+y", "scroll_up", show=False),
        Binding(PAGE_DOWN_KEYS, "page_down", "Page down", show=False),
        Binding(PAGE_UP_KEYS, "page_up", "Page up", show=False),
        Binding(HALF_PAGE_DOWN_KEYS, "half_page(1)", "Half a page down", show=False),
        Binding(HALF_PAGE_UP_KEYS, "half_page(-1)", "Half a page up", show=False),
        Binding(TOP_KEYS, "scroll_home", "Top", show=False),
        Binding(BOTTOM_KEYS, "scroll_end", "Bottom", show=False),
    ]

    def _finish_layout(self) -> None:
        """All the lines laid out, for a view that lays out a long text's first screen first
        (the reading view): a key moves through the whole text, and `G` goes to its end."""

    def _lay_out_through(self, y: float) -> None:
        """The lines a view with its top at line `y` shows laid out, for a view that lays out
        a long text a slice at a time (the reading view): a key moves on into the text
        without waiting for all of it."""

    def _moved_by_reader(self) -> None:
        """A moving key was pressed, whether or not the view can move: for a view that keeps
        a place of its own until the reader moves (the reading view's, through a resize)."""

    def _scroll_now(self, y: float) -> None:
        self._moved_by_reader()
        self._lay_out_through(max(0, y))
        if not self.allow_vertical_scroll:
            raise SkipAction()
        self.scroll_to(y=y, animate=False, immediate=True)

    def action_scroll_down(self) -> None:
        self._scroll_now(self.scroll_y + 1)

    def action_scroll_up(self) -> None:
        self._scroll_now(self.scroll_y - 1)

    def action_page_down(self) -> None:
        self._scroll_now(self.scroll_y + self.scrollable_content_region.height)

    def action_page_up(self) -> None:
        self._scroll_now(self.scroll_y - self.scrollable_content_region.height)

    def action_scroll_home(self) -> None:
        self._scroll_now(0)

    def action_scroll_end(self) -> None:
        self._finish_layout()
        self._scroll_now(self.max_scroll_y)

    def action_line(self, line: int) -> None:
        """vim's `10G`: the text's 10th line at the top (`counts`)."""
        self._scroll_now(line - 1)

    def action_half_page(self, direction: int) -> None:
        """Ctrl-D / Ctrl-U as in vim and less: half a screen, so the eye keeps its place."""
        step = max(1, self.scrollable_content_region.height // 2)
        self._scroll_now(self.scroll_y + direction * step)
