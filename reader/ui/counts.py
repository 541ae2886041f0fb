"""vim's count before a key: `5j` moves five rows (in an article, scrolls five lines), `3J`
three feeds on, `2n` to the second match on, `10G` (or `10g`) to the tenth headline or feed
(the feed list's rows above its feeds not counted), the tenth line of an article at the top.
A vim or newsboat hand types them without thinking; here they said
"5: no such key here" and moved one row (acc29a K13).

The digits are taken as the keys are handed to the screen, in the order they came (after
`key_settling` has held what must wait), so a burst (`5j` pasted, bunched over ssh) counts as
typed. The count shows at the right of the status line while it is typed (vim's showcmd); Esc
drops it; the key after it takes it, or acts once when it takes none (`5m` marks one headline).
Digits typed in a line (a search, an address) are its text, and a screen takes counts only
when it says so (`takes_counts`): the link list's digits go to its links."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from weakref import WeakKeyDictionary

from textual import events
from textual.app import App
from textual.widgets import Input

MOST = 9999
_SECOND_G_WITHIN = 1.0
"""Seconds within which a `g` after a counted one is vim's `{count}gg`'s second, not a `g` of
its own to the top."""
"""The largest count: more rows than a list shows, and a repeat that stays short."""
STOPPING = frozenset(
    {
        "cursor_down",
        "cursor_up",
        "scroll_down",
        "scroll_up",
        "page_down",
        "page_up",
        "half_page(1)",
        "half_page(-1)",
    }
)
"""Of `REPEATED`, the moves that stop at a list's or a text's end: repeated no further once
one has not moved (`place_of`): `9999j` took 9,999 tries, seconds, to stay at the bottom."""
REPEATED = STOPPING | {
    "step_match(1)",
    "step_match(-1)",
    "next_match",
    "previous_match",
    "repeat_search(1)",
    "repeat_search(-1)",
    "next_unread(1)",
    "next_unread(-1)",
    "step_feed(1)",
    "step_feed(-1)",
    "step_tag(1)",
    "step_tag(-1)",
    "step_failing(1)",
    "step_failing(-1)",
    "heading(1)",
    "heading(-1)",
    "next_link",
    "previous_link",
    "grow_passage(1)",
    "grow_passage(-1)",
}
"""The bindings' actions a count repeats: moves in the list or the text shown. Not those that
open an article (`n`, `p`, `u` in the reading view: each one read would be marked read) nor
those that mark, save or ask."""
TO_LINE = frozenset({"first", "last", "scroll_home", "scroll_end"})
"""The actions a count turns into going to that row or line (`line(n)`), as vim's `G`."""
LINE = "line"
"""The action, on the widgets whose bindings hold `TO_LINE`'s, that goes to a row or line."""


STEPPED = frozenset({"step_feed", "step_tag", "step_failing"})
"""Of `REPEATED`, the moves whose step a count multiplies (`3J` is `step_feed(3)`): one list
shown, not each one passed (a feed's or a tag's headlines drawn for nothing). A run of their
key held down goes as one count (`coalesced`): the keys queued while a feed was shown each
showed one in full, and `J` held down ran on for seconds after it was let go (acc41a A2)."""


def stepped(action: str) -> tuple[str, int] | None:
    """The name and the step of `action` when it is one of `STEPPED`'s (`step_feed(-1)`)."""
    name, _, rest = action.rpartition(".")[2].partition("(")
    if name not in STEPPED or not rest.endswith(")"):
        return None
    try:
        return name, int(rest[:-1])
    except ValueError:
        return None


def coalesced(keys: Sequence[events.Key], action: str | None) -> int:
    """How many of `keys` (those held, the first handed on next) go as one press of the first
    with their number as its count: the run of that key at their head when it is bound to one
    of `STEPPED`'s moves (`action`), else 1."""
    if not keys or action is None or stepped(action) is None:
        return 1
    run = 1
    while run < len(keys) and keys[run].key == keys[0].key and run < MOST:
        run += 1
    return run


def counted(action: str, count: int) -> tuple[str, int]:
    """The action to run for a binding's `action` typed after `count`, and how many times."""
    if (step := stepped(action)) is not None:
        name, by = step
        return f"{name}({by * count})", 1
    if action in REPEATED:
        return action, count
    if action in TO_LINE:
        return f"{LINE}({count})", 1
    return action, 1


def place_of(node: object) -> tuple[object, ...]:
    """Where a list or a text is (its cursor, highlight, scroll), to tell a move that moved."""
    return tuple(getattr(node, name, None) for name in ("cursor", "highlighted", "scroll_y"))


class CountPrefix:
    """The count being typed, and the count each key typed after one carries to its bindings
    (`ReaderApp.run_action` asks `now`)."""

    def __init__(self, app: App[object], show: Callable[[str], None]) -> None:
        self._app = app
        self._show_typed = show
        """Shows the count typed ("" for none)."""
        self.typed: int | None = None
        """The count typed so far; None when none is."""
        self._carried: WeakKeyDictionary[events.Key, int] = WeakKeyDictionary()
        """The keys handed on with a count, until their bindings are tried (a key another
        widget stops never gets there: it goes with the key)."""
        self.now: int | None = None
        """The count of the key whose bindings are being tried, until one acts."""
        self._g_counted_at: float | None = None
        """When a `g` took a count (`3g`): a `g` right after it is the second of vim's `3gg`."""

    def take(self, event: events.Key) -> bool:
        """Whether `event`, handed to the screen now, is a count's (a digit, Esc dropping the
        count, or the second `g` of vim's `3gg`): then it does nothing else. Another key takes
        the count typed with it."""
        key = event.key
        if self._g_counted_at is not None:
            after, self._g_counted_at = time.monotonic() - self._g_counted_at, None
            if key == "g" and after < _SECOND_G_WITHIN:
                return True  # `3gg` went to the third row with its first `g`: not to the top
        if self._counts_here(key) and (digit := _digit(key, self.typed)) is not None:
            self._show(min(MOST, (self.typed or 0) * 10 + digit))
            return True
        if self.typed is None:
            return False
        if key != "escape":
            self._carried[event] = self.typed
            if key == "g":
                self._g_counted_at = time.monotonic()
        self._show(None)
        return key == "escape"

    def carry(self, event: events.Key, count: int) -> None:
        """`event` goes on with `count` (a run of keys held down as one, `coalesced`)."""
        self._carried[event] = count

    def carried(self, event: events.Key) -> int | None:
        """The count `event` was typed after (None: none)."""
        return self._carried.pop(event, None)

    def _counts_here(self, key: str) -> bool:
        """Whether a digit typed now is a count: the screen takes counts, no line has the
        focus, and no binding takes the digit itself (a `[keys]` of the user's)."""
        screen = self._app.screen
        return (
            getattr(screen, "takes_counts", False)
            and not isinstance(screen.focused, Input)
            and key not in screen.active_bindings
        )

    def _show(self, count: int | None) -> None:
        self.typed = count
        self._show_typed("" if count is None else str(count))


def _digit(key: str, typed: int | None) -> int | None:
    """The digit `key` adds to the count `typed`: 1 to 9 start one, 0 only goes on one (vim's
    `0` alone is a key of its own)."""
    if len(key) != 1 or not key.isdigit() or not key.isascii():
        return None
    if key == "0" and typed is None:
        return None
    return int(key)
