"""The key bar at the bottom of a screen: Textual's footer with every key tagged by its action,
so that the stylesheet can leave the less important keys out on a narrow terminal."""

from __future__ import annotations

import re

from textual.app import ComposeResult
from textual.widgets import Footer


class KeyBar(Footer):
    """A `Footer` whose keys carry the class `-key-<action>` (`-key-toggle-read` for the action
    `toggle_read`, `-key-help` for `app.help`): `reader.tcss` hides some by terminal width so that
    the ones that matter most (open, `?` for help) stay on screen instead of being cut off."""

    def compose(self) -> ComposeResult:
        _forget_removed_keys_of(self)  # the keys of the last compose are gone by now
        for widget in super().compose():
            action = getattr(widget, "action", None)  # a `FooterKey` (private to Textual)
            if isinstance(action, str):
                widget.add_class(key_class(action))
            yield widget


def key_class(action: str) -> str:
    """The CSS class of the key bound to `action`: `app.toggle_dark` → `-key-toggle-dark`."""
    name = action.rpartition(".")[2].partition("(")[0]
    return "-key-" + re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def _forget_removed_keys_of(footer: Footer) -> None:
    """Drop the watchers the footer's removed keys left on it.

    Each key `data_bind`s the footer's `compact`, which stores `(key, callback)` on the footer;
    Textual prunes the list only when `compact` changes, which it never does here (Textual issue
    #6666). The footer recomposes its keys at every change of screen or focus, so each article
    opened and closed left ~20 dead keys with their rendered lines in the main screen's footer:
    0.46 MB an article, without end."""
    watchers = getattr(footer, "__watchers", None)  # Textual's own name for the table
    if not isinstance(watchers, dict):
        return
    for entries in watchers.values():
        entries[:] = [
            (node, callback)
            for node, callback in entries
            if getattr(node, "is_attached", True) and not getattr(node, "_closing", False)
        ]
