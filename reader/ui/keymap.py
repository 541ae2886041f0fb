"""The keys the user gave actions in the config's `[keys]` section: checked whole before the
reader starts (an unknown action, a key Textual does not know, a key that would do two things in
one screen: one line, and nothing applied), then put in place of the default keys of those
actions in every screen and widget as it is made (`ReaderApp._register_child`).

An action given keys loses its default ones (`quit = ["Q", "ctrl+q"]`: `q` no longer quits);
the other actions keep theirs. Textual's own keymap (`App.set_keymap`) is not used: it drops
every binding of a key it moves an action off, and the reader binds one key to several actions
on purpose (`n`: the next match while a search is kept, else the next unread headline), each
acting when its `check_action` allows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from functools import cache
from typing import TYPE_CHECKING

from textual.binding import Binding, BindingsMap

from ..config_slips import near_name
from ..plural import listed
from .command_keys import command_clashes, command_key
from .display import plain
from .key_actions import ACTION_OF, ACTIONS
from .key_names import key_name, shown_key

if TYPE_CHECKING:
    from textual.dom import DOMNode

    from ..user_commands import UserCommand  # a type only: imported when a command runs


# Keys a terminal sends as the same byte as another, so that an action set to one of them
# could never be pressed: the other key's action came instead (`search = "ctrl+m"` opened an
# article, Ctrl-M being Enter).
_TERMINAL_SENDS_AS = {
    "ctrl+m": "Enter",
    "ctrl+i": "Tab",
    "ctrl+h": "Backspace",
    "ctrl+left_square_bracket": "Esc",
}
# What the keys Textual binds itself do, said by what they do.
_OWN_ACTIONS = {
    "help_quit": "Ctrl-C's notice of the key that quits",
    "suspend_process": "Ctrl-Z's suspend",
    "redraw": "Ctrl-L's repaint",
    "quit": "quit",
    # The link list's digits (acc41a A5: "go_to" named nothing a user has seen).
    "go_to": "the link list's digit going to its link",
}


YIELDING_KEYS = frozenset({"ctrl+e", "ctrl+y", "ctrl+l"})
"""Keys a reader gave an action after users had set them in `[keys]` (vim's Ctrl-E / Ctrl-Y, the
repaint's Ctrl-L, acc52c): where the user set one (in `[keys]` or as a `[[command]]`'s key), it
is theirs, not a clash refusing the whole config as before an upgrade it was not."""


def newer_actions(keys: Mapping[str, object]) -> tuple[str, ...]:
    """The actions the config's `[keys]` names that this reader has none of: a newer reader's
    (`site_feed`, read by a reader from before it), another program's (newsboat's `bookmark`)
    or one mistyped. Left out, each said in a warning (the one it may have meant named), the
    rest applied: this reader will be the older one once the next adds an action, and refused
    the whole config for it (acc46d D8). A slip of typing can't tell a name mistyped from a
    newer reader's: `unarchive` and `toggle_unread` are a slip from `archive` and
    `toggle_read`, and refused as such, a config written for a newer reader stopped this one
    (acc47d D8)."""
    return tuple(action for action in keys if action not in ACTIONS)


def left_out_said(action: str) -> str:
    """The warning of an action left out of the keys set (`newer_actions`)."""
    near = near_name(action, ACTIONS)
    meant = f"did you mean {near}? " if near is not None else ""
    return (
        f"keys.{plain(action, max_length=80).plain}: no such action in this reader, left out ({meant}a newer"
        " reader may know it; README's Keys lists this one's)"
    )


class KeyMap:
    """The keys of the actions the user set (Textual's names), checked."""

    def __init__(
        self,
        keys: Mapping[str, Iterable[str]] | None = None,
        commands: tuple[UserCommand, ...] = (),
    ) -> None:
        """Raises ValueError for a key map that can't be applied whole: every fault found, a
        line each (a config moving newsboat's keys met its clashes one run at a time)."""
        self.keys: dict[str, tuple[str, ...]] = {}
        self.commands: tuple[tuple[UserCommand, str], ...] = ()
        """The user's `[[command]]`s, each with its key by Textual's name."""
        faults: list[str] = []
        self.left_out = newer_actions(keys or {})
        """The actions named that this reader has none of (`newer_actions`): left out, each
        said in a warning (`left_out_said`)."""
        for action, written in (keys or {}).items():
            if action in self.left_out:
                continue
            try:
                self.keys[action] = _keys_of(action, written)
            except ValueError as fault:
                faults.append(str(fault))
        if self.keys:
            faults += _clashes(self)
        commands_keyed = []
        for command in commands:
            try:
                commands_keyed.append((command, command_key(command, _TERMINAL_SENDS_AS)))
            except ValueError as fault:
                faults.append(str(fault))
        self.commands = tuple(commands_keyed)
        if self.commands:
            faults += command_clashes(self, self._doing_in, _action_word)
        if faults:
            raise ValueError("\n".join(faults))

    def __bool__(self) -> bool:
        return bool(self.keys) or bool(self.commands)

    def bindings_of(self, node: DOMNode) -> BindingsMap | None:
        """`node`'s bindings with the keys set, or None when none of its actions has any; a
        screen a command works in (its `command_place`) gets a binding for each."""
        rebound = self.remap(node._bindings) if self else None
        place = getattr(node, "command_place", None)
        mine = self.commands_in(place) if isinstance(place, str) else ()
        if not mine:
            return rebound
        keys = {
            key: list(bound) for key, bound in (rebound or node._bindings).key_to_bindings.items()
        }
        for number, command, key in mine:
            binding = Binding(key, f"user_command({number})", command.name, show=True)
            keys.setdefault(key, []).append(binding)
        return BindingsMap.from_keys(keys)

    def _doing_in(self, place: str) -> dict[str, list[str]]:
        """What each key does in `place` ("the headlines"), with the keys set."""
        return _doing(self.remap(m) or m for kind in _nodes(place) if (m := kind._merged_bindings))

    def commands_in(self, place: str) -> tuple[tuple[int, UserCommand, str], ...]:
        """The commands whose keys work in `place` ("headlines", "article"): each with its
        number (its action's parameter) and its key."""
        return tuple(
            (number, command, key)
            for number, (command, key) in enumerate(self.commands)
            if command.works_in(place)
        )

    def remap(self, bindings: BindingsMap) -> BindingsMap | None:
        """`bindings` with the keys set put in place of their actions' own (None: unchanged).

        A key keeps its bindings in their order (the first `check_action` allows acts), the
        moved ones among them where they were."""
        order = [binding for bound in bindings.key_to_bindings.values() for binding in bound]
        # A `[[command]]`'s key too: a command on Ctrl-Y made before Ctrl-Y scrolled is theirs.
        given = {key for keys in self.keys.values() for key in keys}
        taken = (given | {key for _command, key in self.commands}) & YIELDING_KEYS
        order = [binding for binding in order if binding.key not in taken]
        if not taken and not any(ACTION_OF.get(binding.action) in self.keys for binding in order):
            return None
        placed: list[tuple[int, Binding]] = []
        done: set[str] = set()
        for index, binding in enumerate(order):
            name = ACTION_OF.get(binding.action)
            if name not in self.keys:
                placed.append((index, binding))
            elif binding.action not in done:
                done.add(binding.action)
                same = [b for b in order if b.action == binding.action]
                placed += [(index, new) for new in _rebind(same, self.keys[name])]
        keys: dict[str, list[Binding]] = {}
        for _index, binding in sorted(placed, key=lambda pair: pair[0]):
            keys.setdefault(binding.key, []).append(binding)
        return BindingsMap.from_keys(keys)

    def shown(self, action: str, default: str) -> str:
        """The keys of `action` as the help writes them, `default` when the user set none."""
        keys = self.keys.get(action)
        return default if keys is None else ", ".join(shown_key(key) for key in keys)

    def key(self, action: str, place: str) -> str | None:
        """The one key a message names for `action` in `place` ("Press r to retry"), as the
        help writes it: the first the user gave it (the one the key bar shows), else its first
        default there, as the help lists them; None when it has no key there."""
        defaults = default_keys(place, action)
        if not defaults:
            return None  # keys set are put only where the action has its own (`remap`)
        keys = self.keys.get(action)
        return shown_key(keys[0]) if keys else defaults[0]

    def key_everywhere(self, action: str) -> str | None:
        """The one key a line read on any screen (the status line's) names for `action`: the
        first the user gave it, else its first default that does that and nothing else in the
        headlines and in an article ("Q" to quit: `q` goes back from a feed's headlines and
        from an article); None when none does."""
        keys = self.keys.get(action)
        if keys:
            return shown_key(keys[0])
        return next(iter(_sole_defaults(action)), None)

    def keys_of(self, place: str, *actions: str) -> str:
        """The keys of `actions` in `place` (`key`) together, "n / N"; "" when none has one."""
        return " / ".join(key for action in actions if (key := self.key(action, place)))


NO_KEYS = KeyMap()
"""The default keys, in force in an app that has no `keymap` of its own (a test's)."""


def keymap_of(app: object) -> KeyMap:
    """The keys in force in `app`: the reader's `keymap`, else the defaults."""
    keymap = getattr(app, "keymap", None)
    return keymap if isinstance(keymap, KeyMap) else NO_KEYS


def _keys_of(action: str, written: Iterable[str]) -> tuple[str, ...]:
    """The keys the user wrote for `action`, by Textual's names; ValueError, in one line, for
    an action or a key there is no such."""
    assert action in ACTIONS  # the others left out before (`newer_actions`)
    names: list[str] = []
    for text in written:
        name = key_name(text)
        if name is None:
            raise ValueError(
                f"keys.{action}: {text!r} is not a key name (as in "
                '"n", "N", "?", "ctrl+n", "escape", "pagedown", "f5")'
            )
        if (same := _TERMINAL_SENDS_AS.get(name)) is not None:
            raise ValueError(
                f"keys.{action}: {text!r} reaches the reader as {same}: a terminal"
                " sends the two as one byte; give it another key"
            )
        if name not in names:
            names.append(name)
    if not names:
        raise ValueError(f"keys.{action}: give it a key, or leave it out")
    return tuple(names)


def _action_word(action: str) -> str:
    """An action as a line about a key names it: the user's name, else what it does."""
    if action in ACTIONS:
        return action
    bare = _bare(action)
    return _OWN_ACTIONS.get(bare, bare)


def _rebind(bindings: list[Binding], keys: tuple[str, ...]) -> list[Binding]:
    """One action's `bindings` (in one node) moved to `keys`: a key it had keeps its binding
    (with priority or not); a new one is made like the first shown. When the action was in the
    key bar, the first of `keys` is the one shown there, the key messages name (`KeyMap.key`):
    the bar shows one key an action, and `refresh = ["F5", "r"]` showed the r kept, not F5."""
    old = {binding.key: binding for binding in bindings}
    model = next((b for b in bindings if b.show), bindings[0])
    new = [old.get(key) or replace(model, key=key) for key in keys]
    # A kept key's own display ("↑↓" for j and ↓ together) may no longer hold: its name does.
    return [
        replace(binding, show=model.show and number == 0, key_display=None)
        for number, binding in enumerate(new)
    ]


# -- the screens whose keys must not clash ---------------------------------------------------
PLACES = ("the headlines", "an article", "the help", "the link list")
"""The screens (with the widgets in them) a key does one thing in."""


def _places() -> dict[str, tuple[type[DOMNode], ...]]:
    """Each screen and the nodes whose bindings are in force there (some by focus)."""
    return {place: _nodes(place) for place in PLACES}


def _nodes(place: str) -> tuple[type[DOMNode], ...]:
    """The nodes whose bindings are in force in `place`, imported here: the app imports this
    module, and a message naming a key of the headlines' must not load the reading view's."""
    if place == "the headlines":
        from .app import ReaderApp
        from .screens.main import MainScreen
        from .widgets.main.feed_list import FeedList
        from .widgets.main.headline_table import HeadlineTable

        return (ReaderApp, MainScreen, HeadlineTable, FeedList)
    if place == "an article":
        from .app import ReaderApp
        from .article_keys import ArticleBodyKeys, ArticleScreenKeys  # not the whole view

        return (ReaderApp, ArticleScreenKeys, ArticleBodyKeys)
    if place == "the help":
        from textual.containers import VerticalScroll

        from .dialogs.help import HelpScreen

        return (HelpScreen, VerticalScroll)
    if place == "the link list":
        from .dialogs.links import LinkList, LinksScreen

        return (LinksScreen, LinkList)
    raise KeyError(place)


def _doing(bindings: Iterable[BindingsMap]) -> dict[str, list[str]]:
    """What each key does in a place: the user's names of its actions, or a binding's own
    action for one no name stands for (Esc's `clear_search`), in order, each once."""
    doing: dict[str, list[str]] = {}
    for bound in bindings:
        for key, key_bindings in bound.key_to_bindings.items():
            for binding in key_bindings:
                name = ACTION_OF.get(binding.action, binding.action)
                if name not in (actions := doing.setdefault(key, [])):
                    actions.append(name)
    return doing


@cache
def _default_doing() -> dict[str, dict[str, list[str]]]:
    return {
        place: _doing(kind._merged_bindings or BindingsMap() for kind in kinds)
        for place, kinds in _places().items()
    }


@cache
def _sharing() -> frozenset[frozenset[str]]:
    """The actions that share a key by default somewhere, one acting when the other can't
    (`n`: the next match while a search is kept, else the next unread): they may share one
    the user sets."""
    return frozenset(
        frozenset((first, second))
        for doing in _default_doing().values()
        for actions in doing.values()
        for first in actions
        for second in actions
        if first != second
    )


# Textual's own sideways scrolling, bound to ← and → in every scrolling widget: in the lists and
# the help, which never scroll sideways, it skips (SkipAction) and the key goes on to the
# screen's binding. A user's ← for `feeds_pane` (a newsraft user's h/l taken by back/open) was
# refused as a clash with an action `[keys]` can't name (acc35a E12): there, the user's wins.
_SIDEWAYS = frozenset({"scroll_left", "scroll_right"})
_NEVER_SIDEWAYS = frozenset({"the headlines", "the help", "the link list"})


# The help's own keys that close it (its q among them) are its screen's: they come before an
# app-wide action on the same key, so `quit = "q"` (newsboat's `bind-key q quit`) closes the
# help there and quits elsewhere, as newsboat's q does; it was refused, naming an action
# `[keys]` can't set (acc41a A5).
_CLOSES_THE_HELP = "pop_screen"


def _gives_way(place: str, first: str, second: str) -> bool:
    if place == "the help" and _CLOSES_THE_HELP in {_bare(first), _bare(second)}:
        return True
    return place in _NEVER_SIDEWAYS and bool({first, second} & _SIDEWAYS)


def _bare(action: str) -> str:
    """An action's name without its namespace and arguments (`app.pop_screen()`)."""
    return action.rpartition(".")[2].partition("(")[0]


def _clashes(keymap: KeyMap) -> list[str]:
    """A line for each key that would do two things or more (where, together)."""
    sharing = _sharing()
    clashing: dict[str, tuple[list[str], list[str]]] = {}  # a key's actions and places
    for place in PLACES:
        for key, actions in keymap._doing_in(place).items():
            for number, first in enumerate(actions):
                for second in actions[number + 1 :]:
                    if frozenset((first, second)) in sharing or _gives_way(place, first, second):
                        continue
                    doing, where = clashing.setdefault(key, ([], []))
                    doing += [action for action in (first, second) if action not in doing]
                    where += [place] if place not in where else []
    lines = []
    for key, (doing, where) in clashing.items():
        if len(doing) == 2:
            does, fix = f"both {_named(doing[0])} and {_named(doing[1])}", _fix(*doing)
        else:
            does = listed([_named(action) for action in doing])
            moved = [action for action in doing if action in keymap.keys]
            fix = (
                f"give {' and '.join(moved)} another key"
                if len(moved) == 1
                else ("give all but one of them another key")
            )
        lines.append(f'keys: "{shown_key(key)}" would do {does} in {listed(where)}: {fix}')
    return lines


def _fix(first: str, second: str) -> str:
    fixed = [action for action in (first, second) if action not in ACTIONS]
    if fixed:
        other = second if first in fixed else first
        return f"give {other} another key"
    return "give one of them another key"


def _named(action: str) -> str:
    if action in ACTIONS:
        return action
    bare = _bare(action)
    return f"{_OWN_ACTIONS.get(bare, bare)} (a key not set in [keys])"


@cache
def _sole_defaults(action: str) -> tuple[str, ...]:
    """The default keys that do `action` and nothing else both in the headlines and in an
    article, the screens a status line shows over, as the help writes them."""
    places = [
        _doing(kind._merged_bindings or BindingsMap() for kind in _nodes(place))
        for place in ("the headlines", "an article")
    ]
    keys = [key for key in places[0] if all(doing.get(key) == [action] for doing in places)]
    keys.sort(key=lambda key: len(key) > 1)  # the letters first, as the help lists them
    return tuple(shown_key(key) for key in keys)


@cache
def default_keys(place: str, action: str) -> tuple[str, ...]:
    """The keys `action` has by default in `place`, as the help writes them."""
    return tuple(shown_key(key) for key in default_key_names(place, action))


@cache
def default_key_names(place: str, action: str) -> tuple[str, ...]:
    """The keys `action` has by default in `place`, by Textual's names, the letters first."""
    bindings = ACTIONS[action].bindings
    keys: list[str] = []
    for kind in _nodes(place):
        for key, bound in (kind._merged_bindings or BindingsMap()).key_to_bindings.items():
            if any(binding.action in bindings for binding in bound) and key not in keys:
                keys.append(key)
    keys.sort(key=lambda key: len(key) > 1)  # the letters first, as the help lists them
    return tuple(keys)
