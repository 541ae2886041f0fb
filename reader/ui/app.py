"""The reader's Textual app: owns the one `Library` and runs every background job.

Screens and widgets never touch the network or the store: they call the verbs below
(`read_article`, `set_read`, `prefetch`, `open_original`…) and hear back through messages
(`HeadlinesChanged`) and the `status` line. Network and extraction run in Textual workers over
the Library's async API (extraction itself in the Library's process pool), and reading the store
in bulk runs in a thread, so the screen never waits.

`ReaderApp` is built in layers, a module each, every class adding to the one before it (each
calls only what is defined below it): `app_state` (what the app holds, its jobs, quitting),
`app_headlines` (the headlines loaded and marked), `app_articles` (articles read, saved,
fetched ahead; links followed), `app_sync` (refresh and sync; `sync_lines`, what its end says), `app_feeds` (feeds added,
renamed, removed), `app_notices` (notices replaced and taken back), `app_lifecycle` (changes
from outside, the start's waits, the end); this module adds the keys (those typed ahead, and
those that wait for every headline as the start reads them) and the start itself, which hands
them on.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Mapping
from contextlib import suppress
from pathlib import Path
from typing import Any, TypeAlias

from textual import events
from textual.actions import ActionParseResult
from textual.binding import Binding
from textual.dom import DOMNode
from textual.driver import Driver
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from ..config import Config
from ..library import Library
from ..marks import ENTER_KEY, terminal_words
from ..store.format_upgrade import UPGRADE_UNLESS_OPEN, upgrade_said
from ..word_wrap import said_on_stderr, said_on_stderr_if_there
from .answer_work import AnswerWork
from .app_lifecycle import FIRST_FRAME_HELD_AT_MOST, ReaderAppLifecycle
from .collector import resume_after_start
from .counts import LINE, STOPPING, CountPrefix, coalesced, counted, place_of, stepped
from .display import plain
from .key_names import shown_key
from .key_settling import HeldFor, acts_as_it_comes, held_at_most, takes_keys, unsettled
from .keymap import KeyMap, left_out_said
from .messages import HeadlinesChanged
from .quittable import quittable
from .unknown_keys import key_after_escape

_KEYS_IN_WORDS = str.maketrans(
    {"⏎": "Enter", "↑": "Up ", "↓": "Down ", "←": "Left ", "→": "Right "}
)
"""The key bar's glyphs as words in the plain layout (`[ui] plain`)."""
_NEVER_HELD = frozenset({"ctrl+q", "ctrl+c"})
"""Keys that act as soon as they come, even while the reader starts (see `on_event`)."""
_HELD_POLL = 0.02
"""Seconds between looks at whether the screen on top takes the keys held for it yet."""
_HELD_AT_MOST = 2.0
_TYPED_AHEAD_AT_MOST = 512
"""Keys held at most (`_hold`): more is a paste into the reader, not typing, and each held key
copied those before it: 150 KB pasted as the reader started grew it by 7 MB a second, the
screen blank for minutes (acc43c C8). The keys past these are dropped, said once."""

WORKERS_IDLE_END = 120.0
"""Seconds the worker processes (feed parsing, reading pages) stay with no work before they
end: started again by the next refresh, sync or download of a page (`CpuWorkers.on_demand`),
their ~0.6 s of imports beside its network."""


def workers_idle_end(refresh_interval: float) -> float:
    """The idle spell after which the worker processes end (`WORKERS_IDLE_END`), shorter than
    half the timed refresh's interval when that is short: with `refresh_interval = "1m"` they
    never had two minutes without work, and the open reader held ~240 MB (its two workers
    and their tracker ~110 MB of it) for good, against newsboat's 30 (acc43c C6). Ended after
    each timed refresh, they are started again by the next (~0.6 s of a worker's CPU)."""
    if refresh_interval <= 0:
        return WORKERS_IDLE_END
    return min(WORKERS_IDLE_END, max(1.0, refresh_interval / 2))


"""Seconds the reader waits, free to hand them on, after which keys held for those before them
go on anyway: never held for good (`HeldFor`: a late poll counts as two)."""
NEEDS_EVERY_HEADLINE = frozenset(
    {
        "search",  # `/`: its matches
        # Not `F`: its line opens and takes the query at once, its Enter waiting for them
        # (`MainFullText.text_search_closed`): 17 letters typed at the start showed 0.7 s late.
        "toggle_unread_only",  # `L`: its counts
        "mark_list_read",  # `A`, `C`: every headline of the list, not the newest
        "mark_everything_read",
        "undo_marking",
        "last",  # `G`: the oldest
        LINE,  # `500G`: the 500th
        "next_unread",  # `n`, `u`: past the newest, and on into the next feed by its count
        "step_match",
        "refresh",  # `r`, `S`: they fill the lists in feed by feed
        "sync",
    }
)
"""The actions that wait, while the start reads the rest of the headlines (`load_rest`), until
they are in: on the newest alone they would act on part of a list."""
WAITING_FOR_THE_REST = "Reading the rest of the headlines: that key acts once they are in."
_QUIT_STILL_QUITS_AFTER = frozenset(
    {
        "last",
        LINE,
        "toggle_unread_only",
        "mark_list_read",
        "undo_marking",
        "step_match",
        "refresh",
        "sync",
    }
)
"""The waiting actions (`NEEDS_EVERY_HEADLINE`) that leave the list where it is: a key to quit
typed after one quits at once (see `_quits_at_once`). After the others it may mean another
thing (`/`, `F`: a letter of the query; `n`: back from the feed it went on to; a question)."""
_Action: TypeAlias = (
    "tuple[str | ActionParseResult, DOMNode | None, Mapping[str, DOMNode] | None, int]"
)
"""An action as `run_action` is given it, and how many times it acts (a count's, `counts`)."""


class ReaderApp(ReaderAppLifecycle):
    """A terminal news reader over one data directory."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"
    ENABLE_COMMAND_PALETTE = False

    BINDINGS = [
        Binding("q", "quit", "Quit"),
        Binding("Q", "quit", "Quit", show=False),  # newsboat's: from anywhere, at once
        Binding("r", "refresh", "Refresh"),
        Binding("S", "sync", "Sync offline"),
        # F1 too: where help is in most programs a newcomer has used (acc45 A11).
        Binding("question_mark,f1", "help", "Help"),
        # vim's `:messages`, mutt's `<error-history>`: what the status line and the notices
        # said, in full (a narrow line is cut, a notice goes after seconds: acc42a A5). P, the
        # past ones: M is the key README gives a command of yours for its example.
        Binding("P", "show_messages", "Messages", show=False),
        # Job control, as in every curses program: the shell back, `fg` to return. From a
        # dialog too (the help, the link list), whose modal screen stops the app's own keys.
        Binding("ctrl+z", "suspend_process", show=False, priority=True),
        # vim's, mutt's, less's, newsboat's: the screen drawn whole again when another program
        # wrote over it (a `wall` message, a background job's line); from a dialog and a line too.
        Binding("ctrl+l", "redraw", show=False, priority=True),
    ]

    _holding_keys = True
    """Keys are held (`on_event`) until the headlines are on screen."""
    _typed_ahead: tuple[events.Key, ...] = ()
    """The keys held meanwhile, in the order they came."""
    _dropped = 0
    """Keys dropped as too many to hold (`_hold`), since the held keys were last all through."""
    _handed_on: events.Key | None = None
    """The held key being handed on (`_hand_on_typed_ahead`): not held again."""
    _waiting: _Action | None = None
    """The action that waits for every headline (`NEEDS_EVERY_HEADLINE`), the keys after it
    held, while the start reads the rest (`load_rest`)."""
    _waiting_name = ""
    """That action's name."""
    _looks = 0
    """Counts the looks `_hand_on_soon` scheduled: only the latest acts."""
    _handed_along: list[events.Key]
    """Letters handed on together with `_handed_on`, into the line it went into: not held
    again as they come."""
    _handed_anyway = False
    """The key handed on had waited `_HELD_AT_MOST`: it acts, ready screen or not."""

    def __init__(
        self, data_dir: Path, *, refresh_on_start: bool = True, config: Config | None = None
    ) -> None:
        super().__init__(data_dir, refresh_on_start=refresh_on_start, config=config)
        self._handed_along = []
        self.keymap = KeyMap(
            self.config.keys, self.config.commands
        )  # the CLI checked it: a test's may raise here
        """The keys the user set for actions (`[keys]`), in force in every screen and widget."""
        if (rebound := self.keymap.bindings_of(self)) is not None:
            self._bindings = rebound
        self._held = HeldFor(2 * _HELD_POLL)
        """How long the first key held now has waited (`_hand_on_typed_ahead`)."""
        self.counts = CountPrefix(self, self._show_count)
        """vim's count before a key (`5j`), taken as keys are handed on (`on_event`)."""
        self.answers = AnswerWork(self, self.main_screen)
        """The work a box's answer started, which the keys typed after it wait for."""

    def get_key_display(self, binding: Binding) -> str:
        # A key with a modifier as the help and the notices write it (`shown_key`): the bar said
        # "^q Quit" beside a help saying "Ctrl-Q" (acc50b).
        modified = binding.key_display is None and "+" in binding.key[1:]
        # Textual names Enter "⏎", a glyph the Linux console's fonts lack (`marks.ENTER_KEY`).
        shown = shown_key(binding.key) if modified else super().get_key_display(binding)
        if self.plain:  # a screen reader said "return symbol", "upwards arrow downwards arrow"
            return shown.translate(_KEYS_IN_WORDS).replace("Up Down", "Up/Down").strip()
        return shown.replace("⏎", ENTER_KEY)

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:
        # A notice is the reader's own words: "--" for "—" where a dash can't be drawn
        # (the Linux console, ASCII: `marks.terminal_words`).
        super().notify(terminal_words(message), *args, **kwargs)

    def action_help_quit(self) -> None:
        """Ctrl-C, which quits no Textual app (it copies a selection): said in the reader's
        words and spelling of its keys, not Textual's "Press ctrl+q to quit the app"."""
        keys = self.keymap.shown("quit", self.keymap.key_everywhere("quit") or "")
        self.notify(f"Ctrl-C does not quit the reader: {keys} does", markup=False)

    def get_driver_class(self) -> type[Driver]:
        chosen = super().get_driver_class()
        if chosen.__name__ != "LinuxDriver":  # Windows' (no termios there), a TEXTUAL_DRIVER's
            return chosen
        from .terminal import ReaderDriver  # see there: a terminal that goes away

        return ReaderDriver

    def _register_child(
        self, parent: DOMNode, child: Widget, before: int | None, after: int | None
    ) -> None:
        # Every screen and widget is registered here before it is composed or gets a key:
        # the one place a node's bindings can take the user's keys, whoever made it.
        new = child not in self._registry
        super()._register_child(parent, child, before, after)
        if new and self.keymap and (rebound := self.keymap.bindings_of(child)) is not None:
            child._bindings = rebound

    # -- lifecycle -----------------------------------------------------------------------------
    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key):
            if not self.screen_stack:
                # A key handed on as the reader closed (held past its time on a busy machine,
                # its screens gone): Textual's bindings raised ScreenStackError at the exit.
                return
            self._last_key_at = asyncio.get_running_loop().time()
        # Keys typed before the headlines are on screen (`j j j Enter` as the reader starts,
        # while Python loads) found an empty list, or no screen yet, and were lost: held,
        # they act on the list once it is there, as vim and less keep what is typed ahead.
        # Handed on with the letter before it (into a line): on, in order, not held again.
        along = isinstance(event, events.Key) and self._along(event)
        if (
            isinstance(event, events.Key)
            and not along
            and not event.is_forwarded
            and self._holding_keys
            and event.key not in _NEVER_HELD
            and event is not self._handed_on
            and not self._quits_at_once(event.key, self._typed_ahead)
        ):
            self._hold(events.Key(event.key, event.character))
            return
        if (
            isinstance(event, events.Key)
            and not along
            and not event.is_forwarded
            and event.key not in _NEVER_HELD
            and not (event is self._handed_on and self._handed_anyway)
            and (
                (
                    event is not self._handed_on
                    and (self._behind(event.key) is not None or self._goes_in_runs(event.key))
                )
                or not takes_keys(self.screen, event.key)
            )
        ):
            # Keys typed ahead act in order, each where the keys before it have led: they
            # wait for those (`key_settling`), and for the screen they opened to show.
            held = events.Key(event.key, event.character)
            if event is self._handed_on:  # handed on too soon: first again
                run = self.counts.carried(event) or 1  # a run held down, as one (`coalesced`)
                again = tuple(events.Key(event.key, event.character) for _ in range(run))
                self._typed_ahead, self._handed_on = (*again, *self._typed_ahead), None
            else:
                self._hold(held)
            self._holding_keys = True
            self._held.start(asyncio.get_running_loop().time())
            self._hand_on_soon()
            return
        if isinstance(event, events.Key) and not event.is_forwarded and self.counts.take(event):
            return  # a count's digit, or Esc dropping one
        if isinstance(event, events.Key) and event.is_forwarded:
            # Back at the app, where the bindings act (`App._on_key`): with the count typed
            # before the key, if any (`run_action`).
            self.counts.now = self.counts.carried(event)
            try:
                await super().on_event(event)
            finally:
                self.counts.now = None
            return
        await super().on_event(event)

    def _hold(self, key: events.Key) -> None:
        """`key` held after those held before it, unless `_TYPED_AHEAD_AT_MOST` are: dropped,
        and the drop said once a burst (`_dropped` counts them till the held keys are through)."""
        if len(self._typed_ahead) < _TYPED_AHEAD_AT_MOST:
            self._typed_ahead = (*self._typed_ahead, key)
            return
        self._dropped += 1
        if self._dropped == 1:
            self.notify(
                f"More than {_TYPED_AHEAD_AT_MOST} keys came before the reader could act on them"
                " (a paste?): those after them were dropped",
                severity="warning",
                markup=False,
            )

    def _show_count(self, count: str) -> None:
        self.count_typed = count

    def _hand_on_soon(self) -> None:
        """Look again soon whether the held keys can go on (`_hand_on_typed_ahead`): once the
        queue they wait for is through, and by the clock (a screen being shown or read has no
        queue to wait in, and a widget removed before its queue ran never calls back). Only
        the latest look acts: one key handed on at a time."""
        self._looks += 1
        turn = self._looks

        def look() -> None:
            if turn == self._looks:
                self._hand_on_typed_ahead()

        behind = self._behind(self._typed_ahead[0].key) if self._typed_ahead else None
        if behind is not None:
            behind.call_later(look)
        elif takes_keys(self.screen, self._typed_ahead[0].key if self._typed_ahead else None):
            self.call_later(look)  # nothing to wait for: on at once
            return
        # Not `set_timer`: Textual drops a one-off timer whose task starts after its time
        # (`Timer._run` skips the late tick), as on a busy machine, and the keys stayed held.
        asyncio.get_running_loop().call_later(_HELD_POLL, self.call_later, look)

    def hand_on_first(self, key: events.Key) -> None:
        """A key a widget hands back to be taken anew (`unknown_keys.hand_on`: Esc and a key
        read as one Alt+key): first among the keys held, acting once those before it are
        through; posted behind the keys typed after it, it acted after them."""
        self._typed_ahead = (key, *self._typed_ahead)
        self._holding_keys = True
        self._held.start(asyncio.get_running_loop().time())
        self._hand_on_soon()

    def _behind(self, key: str) -> DOMNode | None:
        """The queue `key` waits behind (`key_settling.unsettled`), if any."""
        behind = unsettled(self, self._handed_on, every_key=True)  # cheap when none: typing
        if behind is None:
            return None
        bindings = self.screen.active_bindings
        if acts_as_it_comes(bindings, key) or key_after_escape(self.screen, key) is not None:
            # Esc read with the key after it as one Alt+key acts as it comes too (`unknown_keys`):
            # handed on before `Enter j j j` had scrolled, it left the article with the `j`s
            # still queued there, and they moved the list (acc51c C2).
            return behind
        # While the start reads the rest, a key that waits for it (`G`) is waited for in turn.
        waiting = () if self.index.whole else NEEDS_EVERY_HEADLINE
        return unsettled(self, self._handed_on, bindings=bindings, waiting=waiting)

    def _action_of(self, key: str) -> str | None:
        """The action `key` is bound to on the screen on top now, if any."""
        active = self.screen.active_bindings.get(key)
        return active.binding.action if active is not None else None

    _runs_seen: tuple[tuple[object, ...], dict[str, bool]] | None = None
    """`_goes_in_runs`'s answers by key, for the screen and the widget focused they were for
    (their ids and classes: no screen closed is kept alive for them): Textual makes the active
    bindings anew at each look, and a look at every key typed made a burst of 200 `j` 1.6
    times slower (benchmarks/tui_burst.py)."""

    def _goes_in_runs(self, key: str) -> bool:
        """Whether `key` waits a turn to be taken with the same keys queued behind it, as one
        (`counts.coalesced`): `J` held down, each `J` a feed's headlines shown in full."""
        screen, focused = self.screen, self.focused
        where = (id(screen), type(screen), id(focused), type(focused))
        seen = self._runs_seen
        if seen is None or seen[0] != where:
            seen = self._runs_seen = (where, {})
        answers = seen[1]
        if key not in answers:
            action = self._action_of(key)
            answers[key] = action is not None and stepped(action) is not None
        return answers[key]

    def _quits_at_once(self, key: str, ahead: tuple[events.Key, ...]) -> bool:
        """A key held (`on_event`, `ahead` the keys held before it) that quits is handled as
        it comes, unless a key before it may give it another meaning: held behind `G` until
        every headline was read (a second on a big library), or behind the start's work, `q`
        kept the user waiting to leave."""
        if ahead:  # `Enter q`: back from the article, not quit
            return False
        if self._waiting is not None and self._waiting_name not in _QUIT_STILL_QUITS_AFTER:
            return False
        # What the key does now, as Textual's bindings would take it (the user's `[keys]`).
        active = self.screen.active_bindings.get(key)
        return (
            active is not None and active.enabled and active.binding.action in ("quit", "app.quit")
        )

    async def run_action(
        self,
        action: str | ActionParseResult,
        default_namespace: DOMNode | None = None,
        namespaces: Mapping[str, DOMNode] | None = None,
    ) -> bool:
        # Every key's action comes here (`App._check_bindings`), whatever key the user gave it.
        times = 1
        if self.counts.now is not None and isinstance(action, str):
            action, times = counted(action, self.counts.now)
        done = await self._run_or_wait((action, default_namespace, namespaces, times))
        if done:
            self.counts.now = None  # the key's count is spent: not on an action it runs
        return done

    async def _run_or_wait(self, action: _Action) -> bool:
        """Run `action` (see `run_action`), or keep it until every headline is in."""
        if self.index.whole or self._waiting is not None:
            return await self._run_times(action)
        target, name, params = self._parse_action(
            action[0], self if action[1] is None else action[1], action[2]
        )
        waits = name in NEEDS_EVERY_HEADLINE and (target is self or self.screen is self.main_screen)
        if not waits or not target.check_action(name, params):
            return await self._run_times(action)
        # It acts once they are in; the keys typed after it wait behind it, in their order.
        self._waiting, self._waiting_name = action, name
        self._holding_keys = True
        self.notify(WAITING_FOR_THE_REST, timeout=3, markup=False)
        return True

    async def _run_times(self, action: _Action) -> bool:
        """Run an action as many times as its count says, stopping once it no longer acts."""
        *once, times = action
        done = await super().run_action(*once)
        stops = times > 1 and once[0] in STOPPING
        for _ in range(times - 1):
            place = place_of(once[1]) if stops else None
            if not done or not await super().run_action(*once):
                break
            if stops and place_of(once[1]) == place:
                break  # at the end: more would not move
        return done

    def _rest_in(self) -> None:
        """Every headline is read (or could not be): the key that waited for them acts, then
        those after it."""
        if self._waiting is None:
            return
        self.main_screen.call_later(self._act_after_waiting)  # after the lists have them

    async def _act_after_waiting(self) -> None:
        waiting, self._waiting = self._waiting, None
        try:
            if waiting is not None:
                await self._run_times(waiting)
        finally:
            self._hand_on_typed_ahead()

    def type_ahead(self, keys: list[events.Key]) -> None:
        """Keys typed before the app started (`type_ahead.typed_ahead`): they act first, once
        the headlines are on screen."""
        self._typed_ahead = (*keys, *self._typed_ahead)

    def _hand_on_typed_ahead(self) -> None:
        """The keys held while the reader started, to the app in the order they came: one at a
        time, each after the screen has shown what the last one did. Handed on at once, `Tab G
        Enter` would have sent `G` and `Enter` to the headlines before Tab had moved to the
        feed list. Keys typed meanwhile wait behind them, and those after one that waits for
        every headline (`run_action`) wait for it."""
        if self._waiting is not None or not self.screen_stack:
            return  # handed on again once it has acted (`_act_after_waiting`); or closed
        if not self._typed_ahead:
            self._holding_keys, self._handed_on, self._dropped = False, None, 0
            self._held.stop()
            return
        now = asyncio.get_running_loop().time()
        waited = self._held.look(now)  # the start's keys: held from the first look
        most = held_at_most(self.screen, self._typed_ahead[0].key, _HELD_AT_MOST)
        if waited < most and (
            self._behind(self._typed_ahead[0].key) is not None
            or not takes_keys(self.screen, self._typed_ahead[0].key)
        ):
            self._hand_on_soon()
            return
        # `J` held down: the run queued meanwhile goes as one `J` with their number as its
        # count, the feed it lands on shown, not each one passed (acc41a A2).
        run = (
            1
            if self.counts.typed is not None
            else coalesced(self._typed_ahead, self._action_of(self._typed_ahead[0].key))
        )
        key, self._typed_ahead = self._typed_ahead[0], self._typed_ahead[run:]
        if run > 1:
            self.counts.carry(key, run)
        self._handed_anyway = waited >= most
        if self._handed_anyway:
            self.answers.waited_out()  # the keys after it wait for them no more either
        self._handed_on = key
        self._held.again(now)
        self.post_message(key)
        # Letters typed into a line (`F`'s query, a dialog's) go on together, in their order:
        # handed on one a settling each, 17 typed with `F` at the start of a big library
        # showed 0.97 s after the burst (load 17, benchmarks/tui_f_typing.py).
        if key.is_printable and isinstance(self.focused, Input) and takes_keys(self.screen):
            while self._typed_ahead and self._typed_ahead[0].is_printable:
                along, self._typed_ahead = self._typed_ahead[0], self._typed_ahead[1:]
                self._handed_along.append(along)
                self.post_message(along)
        self._hand_on_soon()

    def _along(self, key: events.Key) -> bool:
        """Whether `key` was handed on with the letter before it (`_hand_on_typed_ahead`),
        taken off their list: it goes on, not held again."""
        for n, along in enumerate(self._handed_along):
            if along is key:
                del self._handed_along[n]
                return True
        return False

    def get_default_screen(self) -> Screen[object]:
        # The main screen is the stack's first, not pushed over Textual's default screen: the
        # screen under the one on top is repainted through it, so each start painted the
        # whole screen once more for that one, and its first screen waited for it.
        return self.main_screen

    def on_mount(self) -> None:
        # Never held for good: a start slower than that (a busy machine, a slow disk) shows
        # what it has meanwhile.
        self.set_timer(FIRST_FRAME_HELD_AT_MOST, self._show_first_frame)
        try:
            self.library = Library.configured(
                self.data_dir,
                self.config,
                workers="process",
                upgrade=UPGRADE_UNLESS_OPEN if self.upgrade else False,
            )
            self.library.workers_on_demand(workers_idle_end(self.config.refresh_interval))
            self.library.pictures_kept = self.pictures_kept
        except Exception as error:  # unreadable directory, a store another program locks…
            reason = plain(f"reader: cannot open {self.data_dir}: {error or type(error).__name__}")
            self.exit(1, return_code=1, message=reason)
            return
        if self._typed_ahead and self._quits_at_once(self._typed_ahead[0].key, ()):
            # `q` typed as the reader was launched, before Textual read the terminal: it
            # quits now, not once the first headlines have been read and drawn (the app's
            # own keys decide, "All feeds" shown first: there `q` quits).
            self.exit()
            return
        if (older := self.library.store.upgraded_from) is not None:
            # Said as every command says it: an older reader sharing it can't open it now.
            said = upgrade_said(self.data_dir, older)
            self.notify(plain(said[:1].upper() + said[1:]).plain, severity="warning", markup=False)
        for action in self.keymap.left_out:  # said on stderr too, under the reader's screen
            self.notify(left_out_said(action), severity="warning", markup=False)
        if said := self.library.conflict_said():
            self.notify(plain(said[:1].upper() + said[1:]).plain, severity="warning", markup=False)
        if self.error_output is not None and not self.library.read_only:
            # Not before: nothing is written into a library read as it is, keeping nothing (an
            # older format, `n`, or `y` under a running sync: acc48d D10); no worker started yet.
            self.error_output.keep_log()
        if self.library.read_only:
            # What is cached reads; a refresh or a fetch ahead would download what can't be kept.
            self.refresh_on_start = self.refresh_coming = False
            self.prefetch_limit = 0
            self._told_not_kept = True  # marks among the rest
            # Told to upgrade it (`y`) under another process: which, and read as it is (one
            # line, in place of the one an older format read as it is has).
            said = self.library.store.upgrade_put_off or self.library.read_only
            self.notify(plain(said).plain, severity="warning", markup=False)
        self._catch_hang_up()
        self._drawn_again_on_resume()
        self._changed_seen = self.library.store.changed_at()
        self._cached_seen = self.library.store.cached_at()
        self.refreshed_seen = self.library.store.refreshed_at()
        self.set_interval(self.outside_every, self._outside_changes)
        self._run(self._start(), "start")
        self._start_timed_refresh()

    async def _start(self) -> None:
        try:
            unread_only = await asyncio.to_thread(self.lib.unread_only, self.config.unread_only)
            self.main_screen.unread_only = unread_only  # before the first list is shown
            hidden = await asyncio.to_thread(self.lib.feeds_hidden)
            self.main_screen.set_class(hidden, "-feeds-hidden")
            self.main_screen.fold_folders(await asyncio.to_thread(self.lib.folded_folders))
            self.main_screen.reopen(*await asyncio.to_thread(self.lib.left_list))
            await self.load_first()
        except Exception:
            self.shown.set()  # no list to wait for: a fetch ahead after an `r` must not wait
            resume_after_start()
            self._show_first_frame()
            raise
        finally:
            # After the main screen has shown the headlines (`reload` posted them to it), or
            # failed to load them: never held for good (nor when that screen takes no calls).
            if not self.main_screen.call_later(self._hand_on_typed_ahead):
                self._hand_on_typed_ahead()
        if self.index.whole:
            self.ready.set()
        # What the list doesn't need waits until it is on the screen: the worker processes
        # (each a Python importing the parsers and extraction), the network stack and the
        # fetch ahead, started with the app, took a busy machine's two cores, and the app's
        # own loop, from the first paint; and from the first keys, until they rest.
        try:
            await self._painted()
            if not self._busy:
                self._settle_soon()  # `load_first` put it off to now
            # Read once the newest are on screen, in a thread: keys answered meanwhile.
            try:
                await self.load_rest()
            finally:
                self._rest_in()
            self.ready.set()
            if said := self.library.store.tell_not_here():
                # Lists read as empty, kept for their files to arrive (a file sync half done).
                said = said[:1].upper() + said[1:]
                self.notify(plain(said).plain, severity="warning", markup=False)
            await self._until_keys_rest()
            resume_after_start()
            # The network stack (httpx, its TLS context) and the feeds' parsers cost ~100 ms
            # to import and set up, ~1 s on a busy machine: paid now, in a thread (one quitting
            # does not wait for), not on the loop as the refresh or the first article needs
            # them (`q` waited behind them).
            await quittable(self._network_stack, name="reader-network-stack")
            # The {file}s a reader killed left for its programs, and its pictures' copies'
            # parts (`left_files`): a few names read and removed, after the start's own work.
            from ..left_files import sweep_left_behind

            await asyncio.to_thread(sweep_left_behind)
        finally:
            # The fetch ahead starts once the network stack is in: started before, its first
            # download waited on the loop for the thread importing it (the import's lock) and
            # then imported and set it up there, ~1 s of keys, and `q`, unanswered.
            self.shown.set()
            self.refresh_coming = False  # now started (no suspension between), or not at all
            # `S` pressed before the refresh on opening began takes its place: that sync
            # refreshes every feed, and a refresh started beside it asked each feed twice and
            # took its status line ("Refreshed … 0 new headlines" over its downloads, acc34a C7).
            refreshing = bool(self.refresh_on_start and self.index.feeds) and not self._job_asked()
            if not refreshing:
                self.main_screen.post_message(HeadlinesChanged(filled=frozenset()))
        if refreshing:
            await self._refresh()
        # After the start and its refresh: the list read and drawn first.
        await self.keep_summaries_apart()

    # -- other keys ----------------------------------------------------------------------------
    def action_show_messages(self) -> None:
        """The last things said, in full (`dialogs.messages`); from that list, it closes."""
        from .dialogs.messages import MessagesScreen

        if isinstance(self.screen, MessagesScreen):
            self.pop_screen()
        else:
            self.push_screen(MessagesScreen(self.said))

    def action_help(self) -> None:
        from .dialogs.help import HelpScreen  # here: the start shows no help

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()  # the key that opened the help closes it
        else:
            self.push_screen(HelpScreen())


def run_app(data_dir: Path, config: Config | None = None, upgrade: bool = True) -> int:
    """Run the reader on `data_dir` until the user quits; returns the exit status. `upgrade`:
    False reads a directory of an older format as it is, keeping nothing (`ReaderState.upgrade`)."""
    from .error_output import ErrorOutput
    from .terminal import mouse_reports
    from .type_ahead import keys_of, typed_ahead

    app = ReaderApp(data_dir, config=config)
    app.upgrade = upgrade
    # No traceback of a worker's on the screen: the screen drawn on a copy of the terminal, the
    # errors in the library's log once it is opened to be written in (`on_mount`).
    app.error_output = ErrorOutput.opened(data_dir)
    app.type_ahead(keys_of(typed_ahead()))  # read last: what is typed until Textual reads
    try:
        app.run(mouse=mouse_reports(app.config.mouse))
    finally:
        if app.error_output is not None:
            app.error_output.close()
    resume_after_start()  # quit before its first screen was drawn
    if app.said_at_exit and app.return_code == 128 + signal.SIGHUP:
        # Its terminal may have hung up (a closed window), or not (a `kill -HUP`, a tool's),
        # and then it says what the sync kept as a SIGTERM does (acc51c C4).
        said_on_stderr_if_there(f"reader: {app.said_at_exit}")
    elif app.said_at_exit:
        with suppress(OSError):
            said_on_stderr(f"reader: {app.said_at_exit}")
    if app.unkept_at_exit:  # the terminal is the shell's again: said where it stays
        said_on_stderr(f"reader: {app.unkept_at_exit}")
        # Something done was lost: a failure, as the commands' own on the same store (a
        # signal's status, 143 or 129, says more and stays).
        return app.return_code or 1
    return app.return_code or 0
