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
which the collector tracks). While a reading view is open (`reading_opened` to
`reading_closed`), automatic full collections come ten times rarer (`READING_THRESHOLD`), else
one every twenty-odd keys walked the article whole (a `j` or a search key taking 60–130 ms
instead of 15); young ones run as ever. The article is collected at its settle but never
frozen: frozen, it could be freed at Esc only by thawing everything, and the collection after
walked a year's ~280,000 headlines again, 0.5–1.4 s of the event loop after every Esc
(benchmarks/tui_loop_stalls.py). Unfrozen, the closed screen is freed by the settle after Esc,
which walks only what is not frozen: the closed article. `release_closed_widgets` and
`forget_watchers` let go of what Textual itself keeps of closed widgets. The list's lines are
frozen with it, and freed by reference counting once `unlink_strips` has undone the cycle each
of them is in. What else Textual drops once frozen (a key bar's keys made again, a widget's
styles worked out again) is cyclic; it is freed by a thaw once the frozen objects have grown by
`THAW_AFTER_GROWTH`, so memory stays bounded however long one reads. Headlines loaded while
an article is open (the rest of them, read in at the start as the first is opened) are frozen
at the settle after it closes, not with it (`freeze_long_lived`); a sync's end or a change
from outside loads them unfrozen, and its collection only collects while one is open.
"""

from __future__ import annotations

import gc
import sys
import weakref
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.cache import FIFOCache

_paused_for_start = False

_SUSPENDED_THRESHOLD = 1_000_000
"""Generation-1 collections before a full one: never, within one sync."""
READING_THRESHOLD = 100
"""Generation-1 collections before a full one while an article is open, against Python's 10:
the garbage of some 1,000 keys at most (`j`, `k`: ~5,700 objects, 0.55 MB a hundred on a
year's reader), the article walked once in that many keys, not every twenty-odd."""
_deferred: list[int] = []
"""The thresholds asked for by the deferrals in force (a job's, a reading view's)."""
_saved: tuple[int, int, int] | None = None
CLOSED_WAITS = 10
"""Freezes put off while a closed view is still held, after which what is left is frozen all
the same (something keeping a view for good must not stop freezing)."""


@dataclass
class _ReadingViews:
    """The reading views opened and closed (`reading_opened`, `reading_closed`)."""

    open: int = 0
    """Reading views open."""
    closed: list[weakref.ref[object]] = field(default_factory=list)
    """Reading views closed and not yet seen gone: Textual holds one a moment after its close,
    until its last messages are handled; frozen then with the rest, it outlived them, until a
    thaw of everything (a busy machine's settle came before they were handled)."""
    closed_waits: int = 0
    """Collections since the first of `closed` closed that found it still held."""

    def closed_held(self) -> bool:
        """Whether a closed reading view is still held, and its freeze may yet be put off."""
        self.closed[:] = [view for view in self.closed if view() is not None]
        if not self.closed:
            self.closed_waits = 0
            return False
        if self.closed_waits >= CLOSED_WAITS:
            self.closed.clear()
            self.closed_waits = 0
            return False
        self.closed_waits += 1
        return True


_views = _ReadingViews()

THAW_AFTER_GROWTH = 50_000
"""Objects frozen since everything was last collected, past which the next `collect_and_freeze`
thaws first: a few MB of garbage at most; a full collection of a year's headlines (~280,000
objects) costs 0.3–0.8 s, once every few hundred articles read on."""
_frozen_when_collected = 0
"""`gc.get_freeze_count()` after the last full collection of everything (or a freeze of what
a load made: long-lived, not garbage to come)."""
_load_unfrozen = False
"""A load's freeze was put off while an article was open (`freeze_long_lived`): the next
`collect_and_freeze` outside one counts what it freezes as that load's."""


def forget_earlier_readers() -> None:
    """The record of what was frozen and of the reading views, as a fresh process has it: a
    reader runs one app a process, but a test process runs many, each after the one before
    has thawed what it froze (tests/conftest.py)."""
    global _views, _frozen_when_collected, _load_unfrozen
    _views = _ReadingViews()
    _frozen_when_collected = 0
    _load_unfrozen = False


@contextmanager
def full_collections_deferred() -> Iterator[None]:
    """No automatic full collection inside this block (young ones still run).

    The cyclic garbage that reaches the oldest generation meanwhile waits for the next full
    collection: for a 2,000-article sync, about 35,000 small objects (Textual's discarded
    line caches), collected by `collect_and_freeze` after the job.
    """
    _defer(_SUSPENDED_THRESHOLD)
    try:
        yield
    finally:
        _resume(_SUSPENDED_THRESHOLD)


def _defer(threshold: int) -> None:
    """Full collections after `threshold` generation-1 ones at the least, until `_resume`."""
    global _saved
    if not _deferred:
        _saved = gc.get_threshold()
    _deferred.append(threshold)
    _set_deferred()


def _resume(threshold: int) -> None:
    global _saved
    _deferred.remove(threshold)
    if _deferred:
        _set_deferred()
    elif _saved is not None:
        gc.set_threshold(*_saved)
        _saved = None


def _set_deferred() -> None:
    if _saved is not None:
        gc.set_threshold(_saved[0], _saved[1], max(_saved[2], *_deferred))


def reading_opened() -> None:
    """A reading view is open: full collections rarer until it closes (`READING_THRESHOLD`),
    and what it is made of collected, not frozen, by `collect_and_freeze` (see above)."""
    _views.open += 1
    _defer(READING_THRESHOLD)


def reading_closed(view: object) -> None:
    """A reading view has closed (see `reading_opened`): `view`, not frozen with what is left
    until it has gone (`_ReadingViews.closed`)."""
    _views.open -= 1
    _views.closed.append(weakref.ref(view))
    _resume(READING_THRESHOLD)


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
    While an article is open, put off to the settle after it closes (`collect_and_freeze`):
    frozen with the headlines, the article outlived its screen until a thaw of everything.
    """
    global _frozen_when_collected, _load_unfrozen
    if _views.open:
        _load_unfrozen = True
        return
    gc.freeze()
    _frozen_when_collected = gc.get_freeze_count()


def collect_and_freeze() -> bool:
    """One full collection (what a job left, a closed article), then freeze the survivors,
    their lines out of the cycles that would keep them once they are gone (`unlink_strips`).
    Everything is thawed first when the frozen objects have grown too much since it last was
    (see above). While a reading view is open, the collection alone: its article is let go of
    at Esc, and a frozen one is freed only by thawing everything. Nor while a closed one is
    still held after the collection (`_ReadingViews.closed`): False then, for a settle to come
    again."""
    global _frozen_when_collected, _load_unfrozen
    if _views.open:
        gc.collect()
        return True
    frozen = gc.get_freeze_count()
    if frozen > _frozen_when_collected + THAW_AFTER_GROWTH:
        gc.unfreeze()
        frozen = 0
    gc.collect()
    if _views.closed_held():
        return False
    unlink_strips(gc.get_objects())
    gc.freeze()
    # Everything was collected (thawed here), or what is frozen now is a load's, long-lived.
    if frozen == 0 or _load_unfrozen:
        _frozen_when_collected = gc.get_freeze_count()
        _load_unfrozen = False
    return True


def unlink_strips(objects: Iterable[object]) -> int:
    """Drop the cached results by which a Textual `Strip` among `objects` refers to itself;
    how many strips had one.

    A line of the screen that is already as wide as asked, or cut where it ends, is its own
    result, and Textual caches it in the line itself (`divide`, `adjust_cell_length`,
    `crop_extend`): every line drawn is a cycle of four objects that only the collector frees,
    and never once frozen. Lines frozen and then dropped were kept for good: when the reading
    view's were frozen with each article, ~95 lines an article read on with `n`, ~130 KB
    (acc30b P4: 175 → 292 MB over 300 articles); the list's still are, redrawn. Their other
    cached results refer to new strips, not back: left as they are.
    """
    from textual.cache import FIFOCache
    from textual.strip import Strip

    caches = [name for name in Strip.__slots__ if name.endswith("_cache")]
    unlinked = 0
    for strip in objects:
        if type(strip) is not Strip:
            continue
        linked = False
        for name in caches:
            cache = getattr(strip, name, None)
            if isinstance(cache, FIFOCache) and cache and _holds(cache, strip):
                cache.clear()
                linked = True
        unlinked += linked
    return unlinked


def _holds(cache: FIFOCache[object, object], strip: object) -> bool:
    """Whether `cache` gives `strip` itself, or a list of strips holding it (`divide`)."""
    for key in list(cache.keys()):
        value = cache.get(key)
        if value is strip or (isinstance(value, list) and any(s is strip for s in value)):
            return True
    return False


def give_back_memory() -> bool:
    """Hand the free memory of the C heap back to the system (glibc's `malloc_trim`): whether
    there was such a heap to trim. Python's own small objects live in arenas it returns once
    empty; strings and lists past 512 bytes (an article's text, a search's hits and their
    lines) come from the C heap, which keeps what is freed in its midst. A search of a year's
    cache freed every object of its 50,663 hits when left and kept 16 MB all the same (acc30b
    P2; benchmarks/tui_full_text.py). Tens of ms on a heap of 300 MB: called in a thread,
    once a search's hits are left (`ReaderApp.give_back_memory`). Elsewhere (macOS, musl)
    nothing."""
    trim = _malloc_trim()
    if trim is None:
        return False
    trim(0)  # 1 when it gave pages back, 0 when there were none to give
    return True


@cache  # one handle on the C library: a `CDLL` made at each call is a class of its own each
def _malloc_trim() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: not a cost of every start

    try:
        return ctypes.CDLL(None).malloc_trim  # type: ignore[no-any-return]
    except (OSError, AttributeError):  # no glibc (musl's libc has no malloc_trim)
        return None


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
