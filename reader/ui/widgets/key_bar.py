"""The key bar at the bottom of a screen: Textual's footer with every key tagged by its action,
so that the stylesheet can leave the less important keys out on a narrow terminal."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer

from ..collector import forget_watchers


class KeyBar(Footer):
    """A `Footer` whose keys carry the class `-key-<action>` (`-key-toggle-read` for the action
    `toggle_read`, `-key-help` for `app.help`): `reader.tcss` hides some by terminal width so that
    the ones that matter most (open, `?` for help) stay on screen instead of being cut off."""

    ALLOW_SELECT = False  # a drag past the article selects its words, not this bar's

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple[tuple[object, ...], ...] | None = None
        """The keys the bar was last made with."""
        self._remaking = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        # `Footer` makes itself again, its keys and their styles (~5 ms), each time the screen's
        # bindings may have changed: focus, a class, a screen pushed. Opening an article did it
        # five times, for the same keys. Made again once, after the changes, and only when
        # the keys it shows did change.
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen:
            return
        if not self._remaking:
            self._remaking = True
            self.call_after_refresh(self._remake)

    async def _remake(self) -> None:
        self._remaking = False
        if self.is_attached and self._keys() != self._shown:
            await self.recompose()

    def _keys(self) -> tuple[tuple[object, ...], ...]:
        """The keys the bar shows, as `Footer.compose` finds them."""
        return tuple(
            (binding.key, binding.description, binding.action, enabled, tooltip)
            for _node, binding, enabled, tooltip in self.screen.active_bindings.values()
            if binding.show
        )

    def compose(self) -> ComposeResult:
        if self._bindings_ready:
            self._shown = self._keys()
        forget_watchers(self)  # the keys of the last compose are gone by now
        for widget in super().compose():
            action = getattr(widget, "action", None)  # a `FooterKey` (private to Textual)
            if isinstance(action, str):
                widget.add_class(key_class(action))
            yield widget


def key_class(action: str) -> str:
    """The CSS class of the key bound to `action`: `app.toggle_dark` → `-key-toggle-dark`."""
    name = action.rpartition(".")[2].partition("(")[0]
    return "-key-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
