"""A huge article reopened at a reading place far down: Enter → its text shown, and → the view
at the place, the reader as it is against the place gone to at once (every paragraph above it
laid out before anything is shown, as before session 30), side by side in one run.

    uv run python benchmarks/tui_far_place.py [--words 300000] [--repeats 2]

The data directory holds one headline whose cached article is a generated one of `--words`
words (`tui_reading.generated_article`). The real `ReaderApp` runs under `App.run_test()`:
Enter, `G` (to the end, once laid out), Esc keeps the place; then, in a new app per mode,
alternating, Enter again: the seconds until the article is shown (`ArticleScreen.loaded`, the
"Opening…" line gone) and until the view is at the place (`scroll_y` past the start). "At once"
is `body_layout.FAR_PARAGRAPHS` set past any article. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from children import quiet_reader
from farm import load_average
from tui_reading import build_data_dir, generated_article


async def reopen(data: Path, keep: bool) -> tuple[float, float]:
    from reader.ui.screens.article import ArticleScreen
    from reader.ui.widgets.article.article_body import ArticleBody

    async with quiet_reader(data) as (app, pilot):
        await app.ready.wait()
        await pilot.pause()
        start = time.perf_counter()
        await pilot.press("enter")
        while not (isinstance(app.screen, ArticleScreen) and app.screen.loaded):
            await asyncio.sleep(0.002)
        shown = time.perf_counter() - start
        body = app.screen.query_one(ArticleBody)
        if keep:  # the first visit: to the end, and the place kept on leaving
            body.action_scroll_end()
            while body.scroll_y == 0:
                await asyncio.sleep(0.01)
            await pilot.press("escape")
            await pilot.pause(0.2)
            return shown, 0.0
        while body.scroll_y == 0 and time.perf_counter() - start < 120:
            await asyncio.sleep(0.002)
        return shown, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=300000)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args(argv)
    from reader.ui.widgets.article import body_layout

    far = body_layout.FAR_PARAGRAPHS
    print(f"load average {load_average()}")
    entry, article = generated_article(args.words)
    results: dict[str, list[tuple[float, float]]] = {"sliced": [], "at once": []}
    with tempfile.TemporaryDirectory(prefix="bench-far-") as tmp:
        data = Path(tmp) / "data"
        build_data_dir(data, entry, article)
        asyncio.run(reopen(data, keep=True))
        for n in range(args.repeats):
            modes = ["sliced", "at once"] if n % 2 == 0 else ["at once", "sliced"]
            for mode in modes:
                body_layout.FAR_PARAGRAPHS = far if mode == "sliced" else 10**9
                results[mode].append(asyncio.run(reopen(data, keep=False)))
    body_layout.FAR_PARAGRAPHS = far
    print(f"{args.words:,} words, {len(article.blocks):,} blocks, reopened at its end:")
    for mode, runs in results.items():
        shown = statistics.median(r[0] for r in runs)
        there = statistics.median(r[1] for r in runs)
        print(f"  {mode:8} Enter → text shown {shown:6.2f} s, → at the place {there:6.2f} s")
    ratio = statistics.median(r[0] for r in results["at once"]) / statistics.median(
        r[0] for r in results["sliced"]
    )
    print(f"text shown ×{ratio:.1f} sooner; load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
