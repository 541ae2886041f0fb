"""Whether the keys already typed have done what they do, so that the next one goes where it
was meant: Textual hands each key to the widget focused as it comes, before the keys ahead of
it have acted. In one burst (a paste, a fast typist over ssh, tmux joining keys) `a o p e r a`
sent the address's letters to the list `a` had not yet left, `Enter j j j` scrolled the list
instead of the article it opened, `Tab /` searched the pane Tab was leaving (acc29a K4, K8,
K11). `ReaderApp.on_event` holds a key while `unsettled` names a queue; it hands the held keys
on, one at a time, once those queues are through and `takes_keys` says the screen on top is
ready for them."""

from __future__ import annotations

from collections.abc import Collection, Mapping

from textual import events
from textual.app import App
from textual.binding import ActiveBinding
from textual.dom import DOMNode
from textual.screen import Screen
from textual.widgets import Input

from .messages import FeedSelected, HeadlineChosen, SearchClosed

_ON_ITS_WAY = (HeadlineChosen, FeedSelected, Input.Submitted, SearchClosed)
"""What a key posts on its way to a new screen, list or focus (Enter's `HeadlineChosen`; in a
search line, Enter's `Submitted`, then `SearchClosed`, which moves the focus back to the list
or the article: `/word`, Enter, `n n` typed into the query made it "wordnn")."""
_STAYING = frozenset(
    {
        "cursor_down",
        "cursor_up",
        "first",
        "last",
        "half_page",
        "page_down",
        "page_up",
        "scroll_down",
        "scroll_up",
        "scroll_home",
        "scroll_end",
    }
)
"""Actions that move in the list or text shown and nothing else: keys after them need not wait
(200 `j`s held down in one burst went one by one, ten times slower)."""


def unsettled(
    app: App[object],
    handed_on: events.Key | None,
    every_key: bool = False,
    bindings: Mapping[str, ActiveBinding] | None = None,
    waiting: Collection[str] = (),
) -> DOMNode | None:
    """A queue where a key typed earlier still waits, or what it posted: on the path from the
    widget focused up to its screen (an unbound key bubbles up, queue by queue), or back at the
    app, where a widget's bindings act (`handed_on`, a held key posted to the app, too); None
    when they are through. Keys typed later, still at the app, don't count: they are held in
    turn. Keys that only move (`_STAYING`) count only for `every_key`: for a key that acts as
    it comes (a priority binding, `/`), which must not act before them. `bindings`: the
    screen's active ones, when the caller has them (Textual makes them anew at each look).
    `waiting`: actions that count though they only move, as they may wait before they do
    (`G` for every headline while the start reads them: a `k` typed after it went up first)."""
    staying: dict[str, bool] = {}  # by key: a burst holds hundreds of the same few

    def acting(message: object) -> bool:
        if isinstance(message, _ON_ITS_WAY):
            return True
        if not isinstance(message, events.Key):
            return False
        if every_key:
            return True
        key = message.key
        if key not in staying:
            active = (app.screen.active_bindings if bindings is None else bindings).get(key)
            name = active.binding.action.split("(", 1)[0].rsplit(".", 1)[-1] if active else ""
            staying[key] = name in _STAYING and name not in waiting
        return not staying[key]

    node: DOMNode | None = app.focused or app.screen
    while node is not None and node is not app:
        # Textual's own queue (textual._queue, pinned by uv.lock): nothing public tells it.
        if any(acting(m) for m in (node._pending_message, *node._message_queue.values)):
            return node
        node = node.parent
    # The app's next message too, which Textual takes out of its queue to see whether it
    # replaces the one in hand (`_peek_message`): an Esc back from the article waited there,
    # unseen, while a `/` typed after it but queued before it acted, and the Esc then closed
    # the search line the `/` had opened (the query's letters went to the article as keys).
    if any(
        isinstance(message, events.Key)
        and (message.is_forwarded or message is handed_on)
        and acting(message)
        for message in (app._pending_message, *app._message_queue.values)
    ):
        return app
    return None


def acts_as_it_comes(bindings: Mapping[str, ActiveBinding], key: str) -> bool:
    """Whether Textual acts on `key` as it comes (a priority binding among the screen's active
    `bindings`), before the keys queued ahead of it."""
    active = bindings.get(key)
    return active is not None and active.binding.priority


def takes_keys(screen: Screen[object], key: str | None = None) -> bool:
    """Whether the screen on top is ready for a key (`key`, when it is known): no answer of a
    box still at work (`answer_work`: the feed added not yet shown), mounted, its line or list
    focused (a dialog's line is focused a moment after it shows), and ready by its own word
    when it says (`takes_keys`: an article being read from the cache), or ready for that key
    (`takes_key`: `n` leaves an article not yet drawn for the next)."""
    answers = getattr(screen.app, "answers", None)
    if answers is not None and answers.under_way:
        return False
    if not screen.is_mounted:
        return False
    if screen.focused is None and screen.focus_chain:
        return False
    if getattr(screen, "takes_keys", True):
        return True
    takes_key = getattr(screen, "takes_key", None)
    return key is not None and takes_key is not None and bool(takes_key(key))


def held_at_most(screen: Screen[object], key: str, most: float) -> float:
    """How long `key`, held for `screen`, waits before it goes on anyway: `most`, or longer
    when the screen says its own wait for that key is sure to end (`keys_wait_for`: a cached
    article being read, however slowly a busy machine reads it, is shown or says why not),
    or the app for a box's answer at work (`answer_work`: a feed being added)."""
    wait_for = getattr(screen, "keys_wait_for", None)
    longest = most if wait_for is None else max(most, float(wait_for(key)))
    answers = getattr(screen.app, "answers", None)
    if answers is not None and answers.under_way:
        active = screen.active_bindings.get(key)
        quits = active is not None and active.binding.action in ("quit", "app.quit")
        longest = max(longest, answers.keys_wait_for(quits))
    return longest


class HeldFor:
    """How long the keys held have waited with the reader free to hand them on: the time
    between its looks at them (`ReaderApp._hand_on_typed_ahead`, a poll apart when it is
    idle), each counted up to `most`. Not the clock's time since they were held: a busy
    machine runs the reader late, a second and more at a time (load 40), and that counted as
    the reader waiting for good let keys go on before the keys ahead of them had acted, out of
    order (`/libraries Enter n n` in one burst searched "librariesn")."""

    def __init__(self, most: float) -> None:
        self._most = most
        self._looked = 0.0
        """When the keys were last looked at; 0.0 when none is held."""
        self.waited = 0.0

    def start(self, now: float) -> None:
        """Keys are held from `now`, unless some already were."""
        if not self._looked:
            self._looked, self.waited = now, 0.0

    def look(self, now: float) -> float:
        """A look at the keys held, at `now`: the time they have waited so far."""
        self.start(now)
        self.waited += min(max(now - self._looked, 0.0), self._most)
        self._looked = now
        return self.waited

    def again(self, now: float) -> None:
        """A key was handed on at `now`: the next waits afresh."""
        self._looked, self.waited = now, 0.0

    def stop(self) -> None:
        """No key is held."""
        self._looked, self.waited = 0.0, 0.0
