"""Key names as a user writes them in the config's `[keys]` ("?", "Q", "ctrl+q", "Ctrl-Q", "Esc",
"PgDn") and as Textual names them ("question_mark", "Q", "ctrl+q", "escape", "pagedown"); and a
key's name as the help shows it ("?", "Ctrl-Q", "Esc", "PgDn")."""

from __future__ import annotations

import string
from functools import cache

from textual.keys import Keys, _character_to_key, key_to_character

_MODIFIERS = ("alt", "ctrl", "shift")
"""In the order Textual writes them (`alt+` is put before the rest by its terminal parser)."""
_ABBREVIATED = {"C": "ctrl", "M": "alt", "S": "shift"}
"""tmux's and Emacs's modifiers (`C-d`, `M-x`, `S-Tab`), as their users write them in their
keys: capital, so a small `c-d` stays the unknown it was."""
_SPELLED = {
    "esc": "escape",
    "return": "enter",
    "pgdn": "pagedown",
    "pgup": "pageup",
    "page_down": "pagedown",
    "page_up": "pageup",
    "del": "delete",
    "ins": "insert",
    "bs": "backspace",
}
"""Other names for keys, as the help and other programs' docs write them."""
_SHOWN = {
    "space": "Space",
    "pagedown": "PgDn",
    "pageup": "PgUp",
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "backspace": "Backspace",
    "delete": "Del",
    "insert": "Ins",
}


@cache
def _named() -> frozenset[str]:
    """The keys Textual names by a word (escape, pagedown, f5…), with no modifier."""
    names = {key.value for key in Keys if not key.value.startswith("<")}
    return frozenset(name for name in names if "+" not in name and "-" not in name)


def key_name(text: str) -> str | None:
    """Textual's name of the key `text` names, or None if it names none Textual knows."""
    if text == " ":
        return "space"
    if len(text) == 1:
        return _character_to_key(text) if text.isprintable() else None
    if len(text) == 2 and text[0] == "^" and text[1].isascii() and text[1].isalpha():
        text = f"ctrl+{text[1]}"  # newsboat's bind-key writes Ctrl-D "^D"
    separator = "+" if "+" in text[:-1] else "-"
    *modifiers, base = text.split(separator) if separator in text[:-1] else [text]
    modifiers = [_ABBREVIATED.get(m.strip(), m.strip().lower()) for m in modifiers]
    if any(modifier not in _MODIFIERS for modifier in modifiers) or len(set(modifiers)) < len(
        modifiers
    ):
        return None
    base = _base_name(base.strip(), ctrl="ctrl" in modifiers)
    if base is None:
        return None
    if modifiers == ["shift"] and len(base) == 1 and base.isalpha():
        return base.upper()  # the terminal sends Shift-A as "A"
    ordered = [modifier for modifier in _MODIFIERS if modifier in modifiers]
    return "+".join([*ordered, base])


def typed_key(character: str) -> str | None:
    """Textual's name of the key that types `character` (a printable one, Space, Enter or
    Tab), without a modifier; None for another (Backspace, a control character)."""
    if character in _TYPED_NAMED:
        return _TYPED_NAMED[character]
    if len(character) != 1 or not character.isprintable():
        return None
    if character.isupper():
        return f"shift+{character.lower()}"  # as Textual names Alt+G: "alt+shift+g"
    return _character_to_key(character)


_TYPED_NAMED = {" ": "space", "\r": "enter", "\t": "tab"}


def typed_character(key: str) -> str | None:
    """The character the key `key` (Textual's name, no modifier) types, if it types one:
    "slash" "/", "j" "j", "enter" "\r"; None for another (Esc, F5, ↓)."""
    if len(key) == 1:
        return key
    named = {name: character for character, name in _TYPED_NAMED.items()}
    return named.get(key) or _punctuation().get(key)


def _base_name(text: str, ctrl: bool) -> str | None:
    if len(text) == 1:
        if not text.isprintable() or text.isspace():
            return None
        return _character_to_key(text.lower() if ctrl else text)
    word = _SPELLED.get(text.lower(), text.lower())
    if word in _named() or key_to_character(word) is not None:
        return word
    return None


@cache
def _punctuation() -> dict[str, str]:
    """Textual's names of the punctuation keys, to their characters: `key_to_character` knows
    "question_mark" but not "slash", which the help wrote "Slash" (acc27b B6)."""
    return {_character_to_key(c): c for c in string.punctuation}


def shown_key(key: str) -> str:
    """A Textual key name as the help writes keys: "Ctrl-F", "PgDn", "?", "↓"."""
    *modifiers, base = key.split("+") if len(key) > 1 else [key]
    if base in _SHOWN:
        text = _SHOWN[base]
    elif (
        len(base) > 1
        and (character := _punctuation().get(base) or key_to_character(base)) is not None
    ):
        text = character
    elif len(base) > 1:
        text = base.capitalize() if not base[1:].isdigit() else base.upper()  # F5
    else:
        text = base.upper() if modifiers else base
    return "-".join([*(modifier.capitalize() for modifier in modifiers), text])
