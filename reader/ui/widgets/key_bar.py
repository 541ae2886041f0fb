"""The key bar at the bottom of a screen: Textual's footer with every key tagged by its action,
so that the stylesheet can leave the less important keys out on a narrow terminal."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.widgets import Footer

from ..collector import forget_watchers


class KeyBar(Footer):
    """A `Footer` whose keys carry the class `-key-<action>` (`-key-toggle-read` for the action
    `toggle_read`, `-key-help` for `app.help`): `reader.tcss` hides some by terminal width so that
    the ones that matter most (open, `?` for help) stay on screen instead of being cut off."""

    ALLOW_SELECT = False  # a drag past the article selects its words, not this bar's

    def compose(self) -> ComposeResult:
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
