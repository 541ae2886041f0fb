"""A printable key that does nothing in the view shown says so, briefly, instead of nothing at
all: a newsboat user's `:` or `l` met silence and could not tell a slow reader from a key that
is not one (acc22's G8). Keys typed into a search line never get here: its line takes them."""

from __future__ import annotations

from textual import events
from textual.dom import DOMNode
from textual.screen import Screen

from .display import plain
from .key_names import typed_character
from .keymap import keymap_of

NOTICE_SECONDS = 2.5


async def say_if_unbound(screen: Screen[object], event: events.Key) -> None:
    """Tell, in a short notice, that `event`'s key does nothing on `screen` now: no binding
    acts on it (Textual's `active_bindings` leaves out those whose `check_action` says no).
    Called from the screen's `on_key`, which the key reaches before the bindings are tried.
    An Alt+key bound to nothing is Esc and then the key (`escape_then_key`)."""
    if await escape_then_key(screen, event):
        return
    character = event.character
    if not event.is_printable or not character or character.isspace():
        return
    if event.key in screen.active_bindings:
        return
    key = plain(character, max_length=4).plain
    keymap = keymap_of(screen.app)
    help_keys = keymap.shown("help", "?")
    # A key of the user's `[[command]]`s that works in the other screen says where it does.
    elsewhere = next((c for c, k in keymap.commands if k == event.key), None)
    if elsewhere is not None:
        place = _COMMAND_PLACES[elsewhere.where]
        screen.notify(
            f"{key}: {elsewhere.name} runs {place} — {help_keys} lists the keys",
            timeout=NOTICE_SECONDS,
            markup=False,
        )
        return
    screen.notify(
        f"{key}: no such key here — {help_keys} lists the keys",
        timeout=NOTICE_SECONDS,
        markup=False,
    )


_COMMAND_PLACES = {
    "headlines": "in the headlines only",
    "article": "in an article only",
    "both": "on a headline or an article, not here",
}


async def escape_then_key(screen: Screen[object], event: events.Key) -> bool:
    """Esc and a key come as one Alt+key when they arrive together: in one packet over ssh, or
    joined by tmux (its `escape-time`); Textual reads "Esc j" so as Alt+j, and both keys were
    lost ("j: no such key here"). One bound to nothing is taken as the two keys, as ncurses
    programs take them: Esc's action at once (leaving the article, say), then the key, sent on
    to whatever screen that leaves. The dialogs' (`Dialog.on_key`) as the views': the help, the
    link list and the changes kept `Esc j` open and did nothing (acc34a C4)."""
    bare = key_after_escape(screen, event.key)
    if bare is None:
        return False
    event.stop()
    event.prevent_default()
    if escape := screen.active_bindings.get("escape"):
        await escape.node.run_action(escape.binding.action)
    # From the app: posted by the screen, the key stopped bubbling below it (Textual stops a
    # message at its sender) and no binding of the feed list, the headlines or the article
    # body took it: `Esc j` cleared a kept search and did not move (acc29a K7).
    hand_on(screen, bare, character_of(bare, event.character))
    return True


def hand_on(node: DOMNode, key: str, character: str | None) -> None:
    """`key` to the app again, as if it came now from the terminal, and before the keys typed
    after it (`ReaderApp.hand_on_first`: they may be held there already). Sent from the app,
    which Textual's bubbling never stops at (it stops a message at its sender)."""
    event = events.Key(key, character)
    event.set_sender(node.app)
    if (first := getattr(node.app, "hand_on_first", None)) is not None:
        first(event)
    else:
        node.app.post_message(event)


def key_after_escape(screen: Screen[object], key: str) -> str | None:
    """The key that came with an Esc when `key` is the Alt+key Textual reads the two as (see
    `escape_then_key`) and `screen` binds it to nothing; else None."""
    if not key.startswith("alt+") or key in screen.active_bindings:
        return None
    bare = key.removeprefix("alt+")
    if bare.startswith("shift+") and len(bare) == len("shift+") + 1:
        bare = bare[-1].upper()  # Textual names Alt+G "alt+shift+g"; G alone is "G"
    if typed_character(bare) is None:  # Alt+F5, Alt+↓: keys of their own
        return None
    return bare


def character_of(bare: str, character: str | None) -> str | None:
    """The character of the key `key_after_escape` gave, the Alt+key's being `character`."""
    return bare if len(bare) == 1 else character
