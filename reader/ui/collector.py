"""When Python's cyclic garbage collector may run in the TUI's process.

A full (generation 2) collection walks every container object that is not frozen and holds the
GIL meanwhile: in the TUI, with Textual's caches of rendered lines and a sync's work in flight,
that is 60,000–80,000 objects and 25–120 ms each (more on a busy machine), the largest stalls of the
event loop during a sync (measured in benchmarks/tui_sync_stall.py). The young generations
stay as they are: they find most cyclic garbage, a few ms at a time.

The policy: the long-lived headlines are frozen after a load (`gc.freeze`), out of every later
collection's way; while a sync or a refresh runs, automatic full collections wait, and one
collection (`collect_and_freeze`) runs after the job, when its result is on screen.

An article in the reading view is laid out once into thousands of lines of segments (tuples,
which the collector tracks): collected and frozen once it is on screen, else a full collection
every twenty-odd keys walked them all (a `j` or a search key taking 60–130 ms instead of 15).
When its screen closes, `thaw` hands it back, so the closed screen's cycles are freed, and
`release_closed_widgets` and `forget_watchers` let go of what Textual itself keeps of closed
widgets.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused_for_start = False

_SUSPENDED_THRESHOLD = 1_000_000
"""Generation-1 collections before a full one: never, within one sync."""
_depth = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def full_collections_deferred() -> Iterator[None]:
    """No automatic full collection inside this block (young ones still run).

    The cyclic garbage that reaches the oldest generation meanwhile waits for the next full
    collection: for a 2,000-article sync, about 35,000 small objects (Textual's discarded
    line caches), collected by `collect_and_freeze` after the job.
    """
    global _depth, _saved
    if _depth == 0:
        _saved = gc.get_threshold()
        gc.set_threshold(_saved[0], _saved[1], _SUSPENDED_THRESHOLD)
    _depth += 1
    try:
        yield
    finally:
        _depth -= 1
        if _depth == 0 and _saved is not None:
            gc.set_threshold(*_saved)
            _saved = None


def pause_for_start() -> None:
    """No cyclic collection while the reader starts, until `resume_after_start`.

    Importing Python, Textual and the reader makes some 100,000 objects that all live on: the
    collector ran over them again and again, ~8% of the CPU spent before the first screen
    (~40 ms of 540 for the imports, measured on this 2-core machine), and found nothing to free.
    """
    global _paused_for_start
    if gc.isenabled():
        gc.disable()
        _paused_for_start = True


def resume_after_start() -> None:
    """Collect as usual again, the first screen drawn (see `pause_for_start`)."""
    global _paused_for_start
    if _paused_for_start:
        _paused_for_start = False
        gc.enable()


def freeze_long_lived() -> None:
    """Keep what is alive now (the headlines just loaded) out of every later collection.

    A frozen object is never examined again: garbage frozen with the rest is never freed, so
    call this when little garbage is pending (after a load outside a job, or a collection).
    """
    gc.freeze()


def collect_and_freeze() -> None:
    """One full collection (what a job left), then freeze the survivors."""
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Let the next full collection see everything again: what was frozen with a screen that
    has closed is garbage now, and frozen garbage is never freed."""
    gc.unfreeze()


def release_closed_widgets() -> None:
    """Drop the widgets Textual's style cache keeps after they are gone.

    `StylesCache.get_inner_outer` is an `lru_cache` on a method: its keys hold each widget's
    `StylesCache` with its rendered lines, long after the widget has closed (Textual issue
    #6665). Every article opened and closed kept ~2,400 objects, 0.46 MB, with no plateau after
    200 (measured on textual 8.2.8). The cache maps two colours to two styles: emptying it costs
    a few recomputations on the next frame.
    """
    from textual._styles_cache import StylesCache

    clear = getattr(StylesCache.get_inner_outer, "cache_clear", None)
    if clear is not None:  # a Textual that fixed it may no longer cache there
        clear()


def forget_watchers(watched: object, gone: object | None = None) -> None:
    """Drop from `watched`'s table of watchers those of the node `gone`, or (None) of every
    node removed from the screen.

    A node that watches another (`self.watch(self.app, "status", …)`, a key `data_bind`ing the
    footer) leaves `(node, callback)` in the watched one's table when it goes, and Textual
    prunes the table only when that value next changes (Textual issue #6666): each article
    opened and closed left its whole status line, or twenty keys, with their rendered lines.
    """
    watchers = getattr(watched, "__watchers", None)  # Textual's own name for the table
    if not isinstance(watchers, dict):
        return
    for entries in watchers.values():
        entries[:] = [
            (node, callback)
            for node, callback in entries
            if (node is not gone if gone is not None else _attached(node))
        ]


def _attached(node: object) -> bool:
    return getattr(node, "is_attached", True) and not getattr(node, "_closing", False)
