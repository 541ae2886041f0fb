"""Highlights in a huge article: the event loop's time spent finding them while it is laid out.

    uv run python benchmarks/tui_highlight_slices.py [--words 900000] [--repeats 2]
                                                     [--size 120x40]

A huge article is laid out a slice at a time (`body_layout.SLICE_SECONDS` of wrapping), a frame
drawn between two. Its highlights are marked in each frame; where they are was worked out again
in the whole text so far at each slice, as the runs laid out had grown (notes32: ~7 ms a slice
at 5.6 MB, against the slice's own 12). Now each run of text is searched once
(`highlight_search.GrowingSearch`). This runs both side by side in one run, alternating, neither
always first: "anew" (the earlier way, kept here) and "once" (the reader's).

The data directory holds one headline whose cached article is a generated one of `--words`
words (`tui_reading.generated_article`), three highlights kept of it (near its top, middle and
end). The real `ReaderApp` runs headless under `App.run_test()`; per mode, in a new app, Enter
on the headline, then until the article is laid out whole:

- **laid out**: Enter → the whole text laid out (`ArticleBody._unfinished` false).
- **marking**: the time spent in the reading view's marking of highlights on the lines drawn
  (`_marked_highlights`), in all and the longest call (the slice it found them again in).
- **marked**: the runs' spans marked once laid out (both ways must find the same three).

Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_reading.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from tui_reading import (
    alternated_runs,
    build_data_dir,
    generated_article,
    parse_size,
    send_key,
    warm_up_tui,
)

from reader.extractor_version import EXTRACTOR
from reader.highlights import Highlight, article_text, find_passage
from reader.library import Library

KEY_EVERY = 0.05
"""Seconds between the `j`s sent while the rest is laid out."""


@dataclass
class Run:
    mode: str
    laid_out_ms: float = 0.0
    calls: list[float] = field(default_factory=list)
    """ms per call of the marking, from Enter to the text laid out."""
    found: int = 0
    lines: int = 0


def build(data_dir: Path, words: int) -> None:
    """One headline, its generated article of `words` words cached, three highlights kept."""
    entry, article = generated_article(words, seed=7)
    article = replace(article, extractor=EXTRACTOR)
    build_data_dir(data_dir, entry, article)
    text = article_text(article)
    lib = Library(data_dir, workers="thread")
    try:
        for fraction in (0.01, 0.5, 0.98):
            texts = [b for b in article.blocks if b.text]
            # The first block from that point on; the last in an article too short for one.
            block = next((b for b in texts if text.find(b.text) >= fraction * len(text)), texts[-1])
            words_kept = " ".join(block.text.split()[:8])
            near = text.find(block.text) / len(text)
            lib.keep_highlight(entry, article, Highlight(words_kept, "", words_kept, 1.0, near))
    finally:
        lib.close()


def _anew(self: Any, number: int, line: Any) -> Any:
    """`_marked_highlights` as it was: the highlights found in the whole text laid out so far,
    again whenever the runs laid out grew."""
    from bisect import bisect_right

    from reader.highlights import merged_spans
    from reader.ui.widgets.article import find_in_article
    from reader.ui.widgets.article.body_highlights import HIGHLIGHT_COMPONENT
    from reader.ui.widgets.article.find_in_article import Spans

    if not self._highlights:
        return line
    laid = self._laid_map
    cached = getattr(self, "_anew_spans", None)  # its own: the reader keeps no such thing
    if cached is None or cached[0] is not laid or cached[1] != len(laid.runs):
        texts = ["" if run.rule else run.text for run in laid.runs]
        starts, at = [], 0
        for text in texts:
            starts.append(at)
            at += len(text) + 1
        joined = "\n".join(texts)
        per_run: list[list[tuple[int, int]]] = [[] for _ in laid.runs]
        for highlight in self._highlights:
            found = find_passage(joined, highlight)
            if found is None:
                continue
            a, b = found
            for r in range(bisect_right(starts, a) - 1, bisect_right(starts, b - 1)):
                low, high = max(a - starts[r], 0), min(b - starts[r], len(laid.runs[r].text))
                if low < high:
                    per_run[r].append((low, high))
        spans = Spans(laid, [merged_spans(s) for s in per_run])
        cached = self._anew_spans = (laid, len(laid.runs), spans)
    marks = cached[2].marks(number)
    if not marks:
        return line
    style = self.get_component_rich_style(HIGHLIGHT_COMPONENT)
    return find_in_article.highlight(line, marks, None, (style, style))


async def measure(data_dir: Path, mode: str, size: tuple[int, int]) -> Run:
    from reader.ui.app import ReaderApp
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.article.article_body import ArticleBody
    from reader.ui.widgets.article.body_highlights import ArticleHighlighted

    run = Run(mode)
    kept = ArticleHighlighted._marked_highlights
    marking = _anew if mode == "anew" else kept

    def timed(self: Any, number: int, line: Any) -> Any:
        began = time.perf_counter()
        try:
            return marking(self, number, line)
        finally:
            run.calls.append((time.perf_counter() - began) * 1000)

    ArticleHighlighted._marked_highlights = timed  # type: ignore[method-assign]
    app = ReaderApp(data_dir, refresh_on_start=False)

    def body() -> ArticleBody | None:
        screen = app.screen
        if not isinstance(screen, ArticleScreen):
            return None
        # The screen is pushed before its body is mounted: under load it was asked between.
        return next(iter(screen.query(ArticleBody)), None)

    try:
        async with app.run_test(size=size) as pilot:
            await asyncio.wait_for(app.ready.wait(), 60)
            await pilot.pause()
            await asyncio.sleep(2.5)  # the start's own work done (the keys-rest wait, workers)
            sent = send_key(app, "enter")
            view = body()
            while view is None or view.article is None or not view.highlights:
                await asyncio.sleep(0.002)
                view = body()
            run.calls.clear()  # from the highlights shown on
            while view._unfinished:
                # A reader reading on meanwhile: each `j` draws the lines again, marks and all.
                send_key(app, "j")
                await asyncio.sleep(KEY_EVERY)
            run.laid_out_ms = (time.perf_counter() - sent) * 1000
            run.lines = len(view._laid.lines)
            await pilot.pause()
            if mode == "anew":
                run.found = view._anew_spans[2].total
            else:
                run.found = sum(len(s) for s, _ in view._highlight_marks[2].values())
    finally:
        ArticleHighlighted._marked_highlights = kept  # type: ignore[method-assign]
    return run


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=900_000, help="the article's length")
    parser.add_argument("--repeats", type=int, default=2, help="runs of each mode, alternating")
    parser.add_argument("--size", type=parse_size, default=(120, 40), help="terminal, WxH")
    args = parser.parse_args(argv)
    os.environ.setdefault("TZ", "UTC")
    warm_up_tui()
    modes = ["anew", "once"]
    runs: list[Run]
    runs, load = alternated_runs(
        build, measure, modes, args.words, args.repeats, args.size, "bench-highlight-slices-"
    )
    print(f"A generated article of {args.words:,} words, {runs[0].lines:,} lines at {args.size}")
    print(f"load average (1 min) during the runs: {', '.join(load)}")
    print(
        f"{'mode':5} {'laid out':>9} {'marking':>8} {'calls':>6} {'longest':>8} {'marked':>6}   (ms)"
    )
    for run in runs:
        print(
            f"{run.mode:5} {run.laid_out_ms:9.0f} {sum(run.calls):8.1f} {len(run.calls):6d} "
            f"{max(run.calls, default=0.0):8.2f} {run.found:6d}"
        )
    for mode in modes:
        mine = [sum(r.calls) for r in runs if r.mode == mode]
        print(f"{mode}: marking {sum(mine) / len(mine):.1f} ms a run on average")
    anew = [sum(r.calls) for r in runs if r.mode == "anew"]
    once = [sum(r.calls) for r in runs if r.mode == "once"]
    print(f"anew / once: {sum(anew) / max(sum(once), 1e-9):.1f}× the event loop's time marking")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
