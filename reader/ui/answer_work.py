"""The work a box's answer starts, which the keys typed after the answer wait for.

A box closed on Enter or `y` (the "Add a feed" line, a rename, a tag, a question) hands its
answer to a callback that starts the work it asks for in a worker, and that work moves the view
when it ends: `a`, the address of a feed subscribed already, Enter showed that feed once its job
had looked, and `j j` typed in the same burst as Enter moved the list the box had closed over
first, then lost to the jump (acc41a A9); `D y j j` the same. An answer holds the keys from the
moment it is given (`Dialog.dismiss`) until its callback has run, the workers it started have
ended, and what they left the main screen to do (`call_later`: the feed shown) is done; then
they go on, each where the ones before it led (`key_settling.takes_keys`). A search's Enter
holds them the same way until its hits are shown (`hold`). Never for good: a key that has waited
`AT_MOST` goes on (one that quits, as long as keys wait for any screen), and the answers it
waited for are no longer waited for (`waited_out`), so a site that never answers an add does
not hold every key after it in turn."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, TypeVar

from textual.app import App
from textual.screen import Screen

Result = TypeVar("Result")

AT_MOST = 15.0
"""Seconds a key typed after an answer waits for its work at most: longer than keys wait for a
screen to show (2 s), as a cached article's text is waited for: a new feed's add (its first
fetch, the worker processes that parse it started for it) took 3 s on a busy machine, and the
`k` typed after it, handed on before, was lost to the jump to the feed added. A site slower
than that (20 s for a request, two for a page and the feed it names) is not waited for."""


class Answer:
    """An answer whose work is under way, until `done`."""

    def __init__(self, under_way: set[Answer]) -> None:
        self._under_way = under_way
        under_way.add(self)

    def done(self) -> None:
        """Its work is through: the keys after it need not wait for it."""
        self._under_way.discard(self)


class AnswerWork:
    """The answers under way in `app`; what their jobs leave to do is posted to `screen` (the
    main screen, whose queue the keys then wait behind)."""

    def __init__(self, app: App[Any], screen: Screen[Any]) -> None:
        self._app = app
        self._screen = screen
        self._under_way: set[Answer] = set()
        self._settling: set[asyncio.Task[None]] = set()
        """The tasks waiting for answers' jobs: kept, or asyncio may drop them unfinished."""

    @property
    def under_way(self) -> bool:
        """Whether keys typed now wait for an answer's work."""
        return bool(self._under_way)

    def keys_wait_for(self, quits: bool) -> float:
        """How long a key held now may wait for the answers under way (0.0: none is); one
        that `quits` waits as for any screen: leaving needs no answer's work done."""
        return AT_MOST if self._under_way and not quits else 0.0

    def hold(self) -> Answer:
        """Keys typed from now on wait until the answer returned is `done`."""
        return Answer(self._under_way)

    def acting_on(self, callback: Callable[[Result], object]) -> Callable[[Result], None]:
        """`callback`, a box's, to be called with its answer: keys wait from now until it has
        run and the jobs it started (every worker, whoever starts it: the app's `_run`, a
        screen's `@work`) have ended."""
        answer = self.hold()

        def acting(result: Result) -> None:
            before = set(self._app.workers)
            try:
                callback(result)
            finally:
                started = [job for job in self._app.workers if job not in before]
                self._settle(answer, started)

        return acting

    def _settle(self, answer: Answer, jobs: list[Any]) -> None:
        async def settle() -> None:
            try:
                # Their errors are theirs to say (`_run` says them in the status line).
                await asyncio.gather(*(job.wait() for job in jobs), return_exceptions=True)
            finally:
                # Behind what they posted to the main screen as they ended (the feed added
                # shown, the list reloaded): the keys act on the view they left.
                if not self._screen.call_later(answer.done):
                    answer.done()  # the screen is gone: the reader is closing

        task = asyncio.get_running_loop().create_task(settle())
        self._settling.add(task)
        task.add_done_callback(self._settling.discard)

    def waited_out(self) -> None:
        """A key held for the answers under way has waited as long as keys wait and gone on:
        those after it don't wait for them either."""
        self._under_way.clear()
