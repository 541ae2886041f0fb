"""A printable key that does nothing in the view shown says so, briefly, instead of nothing at
all: a newsboat user's `:` or `l` met silence and could not tell a slow reader from a key that
is not one (acc22's G8). Keys typed into a search line never get here: its line takes them."""

from __future__ import annotations

from textual import events
from textual.screen import Screen

from .display import plain
from .keymap import keymap_of

NOTICE_SECONDS = 2.5


def say_if_unbound(screen: Screen[object], event: events.Key) -> None:
    """Tell, in a short notice, that `event`'s key does nothing on `screen` now: no binding
    acts on it (Textual's `active_bindings` leaves out those whose `check_action` says no).
    Called from the screen's `on_key`, which the key reaches before the bindings are tried."""
    character = event.character
    if not event.is_printable or not character or character.isspace():
        return
    if event.key in screen.active_bindings:
        return
    key = plain(character, max_length=4).plain
    help_keys = keymap_of(screen.app).shown("help", "?")
    screen.notify(
        f"{key}: no such key here — {help_keys} lists the keys",
        timeout=NOTICE_SECONDS,
        markup=False,
    )
