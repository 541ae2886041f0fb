"""The keys of the user's `[[command]]`s (`reader.user_commands`), checked as `[keys]`' are
(`keymap.KeyMap`): a key Textual knows, not one a terminal sends as another, and free where
the command works, the keys set in `[keys]` in place: a line a fault."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from ..plural import listed
from .key_names import key_name, shown_key

if TYPE_CHECKING:
    # A type only: the commands' module (subprocess, tempfile, shlex) is imported when one runs.
    from ..user_commands import UserCommand
    from .keymap import KeyMap

COMMAND_PLACES = {"headlines": "the headlines", "article": "an article"}
"""Where a command works (its `where`), as `keymap.PLACES` names the screens."""


def command_key(command: UserCommand, sends_as: Mapping[str, str]) -> str:
    """`command`'s key by Textual's name; ValueError, in one line, as `[keys]` says it.
    `sends_as`: the keys a terminal sends as another's byte, and that other."""
    name = key_name(command.key)
    if name is None:
        raise ValueError(
            f'{command.table}: {command.key!r} is not a key name (as in "M", "ctrl+y", "f6")'
        )
    if (same := sends_as.get(name)) is not None:
        raise ValueError(
            f"{command.table}: {command.key!r} reaches the reader as {same}: a terminal"
            " sends the two as one byte; give it another key"
        )
    return name


def command_clashes(
    keymap: KeyMap,
    doing_in: Callable[[str], dict[str, list[str]]],
    named: Callable[[str], str],
) -> list[str]:
    """A line for each command whose key does something already where it works, or another
    command's there. `doing_in`: what each key does in a screen; `named`: an action as a line
    names it."""
    clashing: dict[tuple[str, str], list[str]] = {}  # what is said, and where
    for place, screen in COMMAND_PLACES.items():
        doing = doing_in(screen)
        taken: dict[str, UserCommand] = {}
        for _number, command, key in keymap.commands_in(place):
            shown = shown_key(key)
            if actions := doing.get(key):
                said = f'{command.table}: key "{shown}" is {named(actions[0])}\'s'
                fix = "give the command another key"
            elif (other := taken.get(key)) is not None:
                said = f'{command.table}: key "{shown}" is {other.table}\'s too'
                fix = "give one of them another key"
            else:
                taken[key] = command
                continue
            clashing.setdefault((said, fix), []).append(screen)
    return [f"{said} in {listed(where)}: {fix}" for (said, fix), where in clashing.items()]
