"""newsboat's `bind-key` lines as `[keys]` lines, each checked as the reader checks its config's
`[keys]` (`KeyMap`): one that would make a key do two things in one screen is not given, and the
fault is said in `reader config`'s words (acc43a A6: the user met the clashes one `reader
config` at a time).

newsboat's `bind-key` adds a key to an operation, which keeps its own; an action given keys in
`[keys]` loses its defaults, so each line keeps the action's default keys beside newsboat's.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache

from .key_actions import ACTIONS
from .key_names import _punctuation, key_name
from .keymap import PLACES, KeyMap, default_key_names


@dataclass(frozen=True)
class MovedKey:
    """A newsboat key for an action, checked."""

    action: str
    key: str
    """As newsboat wrote it, by `[keys]`'s name ("space", "ctrl+d", "x")."""
    faults: tuple[str, ...] = ()
    """Why it is not given: the keymap's lines ('keys: "Space" would do both…')."""
    already: bool = False
    """The action has that key by default."""
    dropped: tuple[str, ...] = ()
    """Default keys the action no longer has somewhere (given to it in one screen only)."""


def moved_keys(
    wanted: Iterable[tuple[str, str]], own: Mapping[str, Iterable[str]]
) -> tuple[list[MovedKey], dict[str, list[str]]]:
    """Each (action, key) of `wanted` checked in turn against the config's own `[keys]` (`own`)
    and the lines given before it; with the `[keys]` lines given ({action: keys}, newsboat's
    first, each as `[keys]` writes it)."""
    given: dict[str, list[str]] = {}
    said: list[MovedKey] = []
    for action, key in wanted:
        name = key_name(key)
        if name is None or action not in ACTIONS:
            said.append(MovedKey(action, key, _faults({action: [key]}, {})))
            continue
        base = given.get(action) or _keys_of(own, action) or list(_all_defaults(action))
        if name in [key_name(k) for k in base]:
            said.append(MovedKey(action, key, already=True))
            continue
        mine = [k for k in base if key_name(k) not in _all_defaults(action)]
        tried = [*mine, written(name), *[k for k in base if k not in mine]]
        faults = _faults({**given, action: tried}, own)
        dropped: tuple[str, ...] = ()
        if faults and not given.get(action) and action not in own:
            # The action's defaults differ by screen (next_unread: n and u in the headlines,
            # u in an article, where n is next_article): those of every screen it has alone.
            common = [written(k) for k in _common_defaults(action)]
            fewer = [written(name), *common]
            if not (fewer_faults := _faults({**given, action: fewer}, own)):
                dropped = tuple(k for k in _all_defaults(action) if written(k) not in common)
                tried, faults = fewer, ()
            else:
                faults = fewer_faults
        if faults:
            said.append(MovedKey(action, key, faults))
            continue
        given[action] = tried
        said.append(MovedKey(action, key, dropped=tuple(written(k) for k in dropped)))
    return said, given


def written(name: str) -> str:
    """A Textual key name as `[keys]` is written: a character as itself ("?", "x"), else the
    name ("space", "ctrl+d", "pagedown")."""
    if len(name) == 1:
        return name
    return _punctuation().get(name, name)


def _keys_of(own: Mapping[str, Iterable[str]], action: str) -> list[str]:
    return list(own.get(action, ()))


def _faults(keys: Mapping[str, Iterable[str]], own: Mapping[str, Iterable[str]]) -> tuple[str, ...]:
    """The keymap's faults of `own` with `keys` over it, but those `own` has alone (the
    config's, which `reader config` says itself)."""
    try:
        KeyMap({**own, **keys})
    except ValueError as error:
        faults = str(error).split("\n")
    else:
        return ()
    try:
        KeyMap(own)
    except ValueError as error:
        theirs = set(str(error).split("\n"))
    else:
        theirs = set()
    return tuple(fault for fault in faults if fault not in theirs)


@cache
def _all_defaults(action: str) -> tuple[str, ...]:
    """The keys `action` has by default in any screen, by Textual's names."""
    found: list[str] = []
    for place in PLACES:
        found += [key for key in default_key_names(place, action) if key not in found]
    return tuple(found)


def _common_defaults(action: str) -> tuple[str, ...]:
    """The keys `action` has by default in every screen it has any in."""
    per_place = [keys for place in PLACES if (keys := default_key_names(place, action))]
    return tuple(key for key in _all_defaults(action) if all(key in keys for keys in per_place))
