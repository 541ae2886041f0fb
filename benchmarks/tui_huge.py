"""Reading view on a huge article: does the view answer while the rest of it is laid out?

    uv run python benchmarks/tui_huge.py [--words 120000] [--repeats 2] [--size 120x40]
                                         [--sliced-only] [--reader-from DIR]

An acceptance tester opened a 120,000-word page: 21 s before the first open showed anything,
3–5 s for each `V` (the earlier copy), no key answered meanwhile. The view now builds and lays
out the first screen, then the rest a slice at a time (`body_layout.SLICE_SECONDS` of work)
with keys and frames between the slices. This runs, side by side in one run (alternating,
`--repeats` times each, neither always first), the reader as it is ("sliced") and with a slice
as big as the article ("one go": the rest laid out in one call after the first frame, as
before the slices; the paragraphs are built as they are laid out in both).

The data directory holds one headline whose cached article is a generated one of `--words` words
(`tui_reading.generated_article`) with an earlier copy of it kept (`V` shows it). The real
`ReaderApp` runs headless under `App.run_test()`; frames are timed by a hook on the app's
`_display`, their terminal output emulated (`tui_reading.FrameClock`). Per mode, in a new app:

- **open**: Enter on the headline → the first frame showing the article's body.
- **keys meanwhile**: from that frame, `j` pressed every 50 ms for 3 s by a thread (as a
  terminal's input comes, whether the event loop is busy or not); each `j` → the first frame
  whose top line is that many lines down (median and max ms). In one go, the `j`s pressed
  during the one long call wait for it.
- **laid out**: Enter → the whole text laid out (`ArticleBody._unfinished` false).
- **V**: `V` → the first frame showing the earlier copy, and → it laid out whole.
- **?**: `?` over the article laid out → the help's first frame, and the longest the event
  loop was held until 0.5 s after; then Esc, and the same again. "One go" renders the help's
  keys list at every call, as before it was kept rendered (`help.WIDTHS_KEPT`).

Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib
import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_reading.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout
if "--reader-from" in sys.argv:  # another checkout's reader (an older commit's), before imports
    sys.path.insert(0, str(Path(sys.argv[sys.argv.index("--reader-from") + 1]).resolve()))
    importlib.import_module("reader")  # bound now: tui_reading puts this checkout first

from tui_reading import (
    FrameClock,
    _Waiter,
    alternated_runs,
    build_data_dir,
    generated_article,
    parse_size,
    send_key,
    warm_up_tui,
)

from reader.extractor_version import EXTRACTOR
from reader.library import Library

KEY_EVERY = 0.05
"""Seconds between the `j`s sent while the rest is laid out."""
KEYS_FOR = 3.0
"""Seconds the `j`s are sent for, from the first frame of the article."""


@dataclass
class Run:
    mode: str
    open_ms: float = 0.0
    laid_out_ms: float = 0.0
    keys: list[float] = field(default_factory=list)
    """ms per `j` sent while the rest was laid out: sent → the frame that moved that far."""
    keys_sent: int = 0
    version_ms: float = 0.0
    version_laid_out_ms: float = 0.0
    lines: int = 0
    help_ms: list[float] = field(default_factory=list)
    """`?` → the first frame of the help over the article, the first time and again."""
    help_held_ms: list[float] = field(default_factory=list)
    """...and the longest the event loop was held from `?` to 0.5 s after it."""


def build(data_dir: Path, words: int) -> None:
    """One headline, its article of `words` words cached, and an earlier copy of it kept."""
    entry, article = generated_article(words, seed=7)
    _entry, earlier = generated_article(words, seed=8)
    # The extractor's current version: an older one's article is extracted again on opening.
    article = replace(article, extractor=EXTRACTOR)
    earlier = replace(earlier, title=article.title, extractor=EXTRACTOR)
    build_data_dir(data_dir, entry, earlier)
    lib = Library(data_dir, workers="thread")
    try:
        lib.store.put_article(entry.link, earlier, b"kept page")  # versions keep a raw page
        lib.store.renew_article(entry.link, article, b"kept page")
    finally:
        lib.close()


async def measure(data_dir: Path, mode: str, size: tuple[int, int]) -> Run:
    from reader.ui.app import ReaderApp
    from reader.ui.dialogs import help as help_dialog
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.article import body_layout
    from reader.ui.widgets.article.article_body import ArticleBody

    sliced = getattr(body_layout, "SLICE_LINES", None)  # None: a reader from before the slices
    kept = getattr(help_dialog, "WIDTHS_KEPT", None)  # None: from before the keys list was kept
    if kept is not None:
        help_dialog._rendered.clear()  # each app's first `?` as a new reader's
    if mode == "one go":
        body_layout.SLICE_LINES = 10**9
        if kept is not None:
            help_dialog.WIDTHS_KEPT = 0
    run = Run(mode)
    app = ReaderApp(data_dir, refresh_on_start=False)
    clock = FrameClock(app).install()
    tops: list[tuple[float, int]] = []

    def body() -> ArticleBody | None:
        screen = app.screen
        return screen.query_one(ArticleBody) if isinstance(screen, ArticleScreen) else None

    def record(now: float) -> bool:  # every frame's top line, never "done"
        shown = body()
        if shown is not None:
            tops.append((now, shown.top_line))
        return False

    def version_shown(number: int) -> Any:
        def shown(_now: float) -> bool:
            view = body()
            article = None if view is None else view.article
            return article is not None and article.version == number and bool(view._laid.lines)

        return shown

    async def laid_out() -> float:
        view = body()
        while view is None or view.article is None or view._unfinished:
            await asyncio.sleep(0.002)
            view = body()
        return time.perf_counter()

    try:
        async with app.run_test(size=size) as pilot:
            await asyncio.wait_for(app.ready.wait(), 60)
            await pilot.pause()
            await asyncio.sleep(2.5)  # the start's own work done (the keys-rest wait, workers)
            loop = asyncio.get_running_loop()
            times: list[float] = []
            recorder: asyncio.Future[float] = loop.create_future()

            def press_keys() -> None:
                # A thread, as a terminal's input is: the keys come while the event loop is
                # busy, each stamped when it was pressed.
                ends = time.perf_counter() + KEYS_FOR
                while time.perf_counter() < ends:
                    times.append(time.perf_counter())
                    loop.call_soon_threadsafe(send_key, app, "j")
                    time.sleep(KEY_EVERY)

            keys = threading.Thread(target=press_keys, daemon=True)
            sent = send_key(app, "enter")
            latest = None
            start_top = 0

            def article_shown(now: float) -> bool:
                nonlocal latest, start_top
                view = body()
                if view is None or view.article is None or not view._laid.lines:
                    return False
                latest, start_top = view.article.version, view.top_line
                # From this frame on, before the work queued after it: keys and their frames.
                tops.append((now, start_top))
                clock._waiters.append(_Waiter(record, recorder))
                keys.start()
                return True

            shown = await clock.wait(article_shown, timeout=300)
            run.open_ms = (shown - sent) * 1000
            done = asyncio.ensure_future(laid_out())
            view = body()
            assert view is not None
            await asyncio.to_thread(keys.join)
            run.laid_out_ms = (await asyncio.wait_for(done, 300) - sent) * 1000
            deadline = time.perf_counter() + 30
            while not tops or tops[-1][1] < start_top + len(times):
                if time.perf_counter() > deadline:
                    raise TimeoutError("the `j`s sent were not all answered")
                await asyncio.sleep(0.01)
            for number, at in enumerate(times, 1):
                moved = next(t for t, top in tops if t >= at and top >= start_top + number)
                run.keys.append((moved - at) * 1000)
            run.keys_sent = len(times)
            recorder.cancel()
            run.lines = len(view._laid.lines)
            # `V`: the earlier copy (number 1 of the 2).
            other = 1 if latest != 1 else 2
            sent = send_key(app, "V")
            shown = await clock.wait(version_shown(other), timeout=300)
            run.version_ms = (shown - sent) * 1000
            run.version_laid_out_ms = (await asyncio.wait_for(laid_out(), 300) - sent) * 1000
            await help_twice(app, clock, run)
    finally:
        if sliced is not None:
            body_layout.SLICE_LINES = sliced
        if kept is not None:
            help_dialog.WIDTHS_KEPT = kept
    return run


async def help_twice(app: Any, clock: FrameClock, run: Run) -> None:
    """`?` over the article laid out, then Esc, twice: each `?` → the help's first frame, and
    the longest the event loop was held meanwhile (a task that wakes every 5 ms sees it)."""
    from reader.ui.dialogs.help import HelpScreen
    from reader.ui.screens.article import ArticleScreen

    for _ in range(2):
        await asyncio.sleep(0.5)
        gaps: list[float] = []

        async def tick(gaps: list[float]) -> None:
            last = time.perf_counter()
            while True:
                await asyncio.sleep(0.005)
                now = time.perf_counter()
                gaps.append(now - last)
                last = now

        ticker = asyncio.ensure_future(tick(gaps))
        sent = send_key(app, "question_mark")
        shown = await clock.wait(lambda _now: isinstance(app.screen, HelpScreen), timeout=60)
        await asyncio.sleep(0.5)
        ticker.cancel()
        run.help_ms.append((shown - sent) * 1000)
        run.help_held_ms.append(max(gaps, default=0.0) * 1000)
        send_key(app, "escape")
        await clock.wait(lambda _now: isinstance(app.screen, ArticleScreen), timeout=60)


def _median(values: list[float]) -> str:
    return f"{statistics.median(values):8.1f}" if values else "     nan"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=120_000, help="the article's length")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each mode, alternating")
    parser.add_argument("--size", type=parse_size, default=(120, 40), help="terminal, WxH")
    parser.add_argument("--sliced-only", action="store_true", help="not the one-go mode")
    parser.add_argument(
        "--reader-from",
        metavar="DIR",
        help="measure the reader of another checkout (a worktree of an older commit): its "
        "figures are those of the mode 'sliced' (with --sliced-only)",
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("TZ", "UTC")
    warm_up_tui()
    modes = ["sliced"] if args.sliced_only else ["sliced", "one go"]
    runs: list[Run]
    runs, load = alternated_runs(
        build, measure, modes, args.words, args.repeats, args.size, "bench-tui-huge-"
    )
    print(f"A generated article of {args.words:,} words, {runs[0].lines:,} lines at {args.size}")
    print(f"reader from {Path(sys.modules['reader'].__file__ or '').parent.parent}")
    print(f"load average (1 min) during the runs: {', '.join(load)}")
    print(
        f"{'mode':8} {'open→frame':>11} {'j median':>9} {'j max':>8} {'keys':>5} "
        f"{'laid out':>9} {'V→frame':>8} {'V laid out':>11}   (ms)"
    )
    for run in runs:
        print(
            f"{run.mode:8} {run.open_ms:11.1f} {_median(run.keys):>9} "
            f"{max(run.keys, default=float('nan')):8.1f} {run.keys_sent:5d} "
            f"{run.laid_out_ms:9.1f} {run.version_ms:8.1f} {run.version_laid_out_ms:11.1f}"
        )
    print(f"{'mode':8} {'? → frame':>11} {'loop held':>9} {'again →':>8} {'held':>6}   (ms)")
    for run in runs:
        first, again = (run.help_ms + [float("nan")] * 2)[:2]
        held, held_again = (run.help_held_ms + [float("nan")] * 2)[:2]
        print(f"{run.mode:8} {first:11.1f} {held:9.1f} {again:8.1f} {held_again:6.1f}")
    if len(modes) == 2:
        by = {m: [r for r in runs if r.mode == m] for m in modes}

        def ratio(name: str, pick: Any) -> str:
            old = statistics.median(pick(r) for r in by["one go"])
            new = statistics.median(pick(r) for r in by["sliced"])
            return f"{name} {old:.1f} → {new:.1f} ms (×{old / new:.2f} faster)" if new else name

        print("medians, one go → sliced:")
        print("  " + ratio("open → first frame", lambda r: r.open_ms))
        print("  " + ratio("worst `j` while laying out", lambda r: max(r.keys)))
        print("  " + ratio("median `j` while laying out", lambda r: statistics.median(r.keys)))
        print("  " + ratio("V → first frame", lambda r: r.version_ms))
        print("  " + ratio("open → all laid out", lambda r: r.laid_out_ms))
        print("  " + ratio("`?` → the help's frame", lambda r: r.help_ms[0]))
        print("  " + ratio("loop held by `?`", lambda r: r.help_held_ms[0]))
        print("  " + ratio("loop held by `?` again", lambda r: r.help_held_ms[1]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
