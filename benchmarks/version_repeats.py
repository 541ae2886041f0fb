"""What opening an article with copies kept costs now that it is told which earlier copies say
what the latest says (an edit undone, `Store.version_times_repeats`).

    uv run python benchmarks/version_repeats.py [--words 100000] [--runs 5]

A generated article of `--words` words (`tui_reading.generated_article`) cached, then a copy
with one figure changed, then the first text again: three copies, the first and the latest
the same. Side by side in one run, on the same store: what an open asked before, the copies'
times alone (`Store.version_times`), and what it asks now, the times and the copies saying the
same (`Store.version_times_and_repeats`), and for scale the latest article read
(`Store.article`), which every open does. Medians of `--runs`; nothing is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from copy_changes import edited
from tui_reading import generated_article

from reader.extractor_version import EXTRACTOR
from reader.store import Store


def _median_ms(run: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    entry, article = generated_article(args.words, seed=7)
    article = replace(article, extractor=EXTRACTOR)
    changed = replace(edited(article, "figure"), version=0)
    with tempfile.TemporaryDirectory(prefix="bench-repeats-") as tmp:
        store = Store(Path(tmp))
        try:
            url = entry.link
            store.put_article(url, article, b"kept page")
            store.renew_article(url, changed, b"kept page")
            store.renew_article(url, article, b"kept page")
            times, repeats = store.version_times_and_repeats(url)
            assert len(times) == 2 and repeats == frozenset({1}), (times, repeats)
            before = _median_ms(lambda: store.version_times(url), args.runs)
            after = _median_ms(lambda: store.version_times_and_repeats(url), args.runs)
            latest = _median_ms(lambda: store.article(url), args.runs)
        finally:
            store.close()
    load = Path("/proc/loadavg").read_text().split()[0] if Path("/proc/loadavg").exists() else "?"
    print(f"{args.words} words, 3 copies (the first and the latest the same), load {load}")
    print(f"  copies' times alone (before):     {before:8.1f} ms")
    print(f"  times and copies saying the same: {after:8.1f} ms ({after / before:.2f}x)")
    print(f"  the latest article read (scale):  {latest:8.1f} ms")


if __name__ == "__main__":
    main()
