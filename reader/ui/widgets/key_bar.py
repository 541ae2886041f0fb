"""The key bar at the bottom of a screen: Textual's footer with every key tagged by its action,
so that the stylesheet can leave the less important keys out on a narrow terminal, and no key
drawn in part at its right end."""

from __future__ import annotations

import re

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.reactive import Reactive
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer

from ..collector import forget_watchers


class KeyBar(Footer):
    """A `Footer` whose keys carry the class `-key-<action>` (`-key-toggle-read` for the action
    `toggle_read`, `-key-help` for `app.help`): `reader.tcss` hides some by terminal width so that
    the ones that matter most (open, `?` for help) stay on screen instead of being cut off.

    Those the stylesheet leaves that still don't fit whole are left out too, from the right end
    (`?` last): at 40 columns the headlines' bar ended "q Quit  ?", its help cut after the key."""

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
        # The same keys may be styled otherwise (a class of the screen's): fitted again once
        # the styles are.
        self.call_after_refresh(self._fit)

    def on_resize(self, _event: events.Resize) -> None:
        self.call_after_refresh(self._fit)  # after the width's rules (breakpoints) apply

    def _fit(self) -> None:
        """Leave out, from the right, the keys the stylesheet shows that don't fit whole, the
        help key last; bring back those left out before that fit now."""
        if not self.is_attached:
            return
        shown: list[tuple[Widget, int]] = []
        for key in self.children:
            if key.styles.base.display == "none":
                continue  # the stylesheet's to leave out
            if isinstance(text := key.render(), Text):
                shown.append((key, text.cell_len + key.styles.margin.width))
        help_last = [pair for pair in reversed(shown) if not pair[0].has_class("-key-help")]
        help_last += [pair for pair in shown if pair[0].has_class("-key-help")]
        room, total = self.content_region.width, sum(width for _key, width in shown)
        left_out: set[Widget] = set()
        for key, width in help_last:
            if total <= room:
                break
            left_out.add(key)
            total -= width
        for key in self.children:
            if key in left_out:
                key.display = False  # inline: over the stylesheet's rules
            elif key.styles.inline.has_rule("display"):
                key.styles.clear_rule("display")  # up to the stylesheet again
                # A rule cleared lays nothing out again (Textual's `clear_rule`, unlike setting
                # `display`): the keys left out at 10 columns stayed out, drawn 0 cells wide,
                # at 150 until something else laid the bar out (acc51c C3).
                key.refresh(layout=True)

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
            # Each key's style is worked out once, as it is mounted: its class added here
            # worked it out for a widget not mounted yet, and a `FooterKey` starts compact,
            # made like the bar (not compact here) by `Footer.compose`'s binding once
            # mounted, its class added then taken away: 27 style updates of the main screen's
            # nine keys at each start, ~37 ms of CPU at load 14. Made like the bar at once.
            if isinstance(action, str):
                widget.add_class(key_class(action), update=False)
            if isinstance(compact := getattr(type(widget), "compact", None), Reactive):
                widget.set_reactive(compact, self.compact)
            yield widget


def key_class(action: str) -> str:
    """The CSS class of the key bound to `action`: `app.toggle_dark` → `-key-toggle-dark`."""
    name = action.rpartition(".")[2].partition("(")[0]
    return "-key-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
