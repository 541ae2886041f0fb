"""Extraction of pages nested past what is read whole, against the same story not nested.

    uv run python benchmarks/too_deep_pages.py [--words 20000,200000] [--runs 3]

A page past libxml2's 2,048 levels even without its wrappers (tables in tables) is parsed three
times, the last with no tag that nests (`nesting.read_flat`); one too deep for the extraction's
recursion (a heading round a blockquote, a thousand times over) is extracted until the
recursion fails, then again flat. Each is timed (CPU ms, the median of `--runs`) beside 1,000 paragraphs of the same story
not nested, with the ratio deep / not nested: what reading such a page at all costs over a page its size, the
words it gives checked. Nothing else is asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

URL = "http://127.0.0.1:8947/a/ferry.html"
SENTENCE = "The ferry crossing stops at the end of the month, the operator said. "
LAST = "The islanders will drive round the bay instead."


def _page(opening: str, closing: str, depth: int, words: int) -> str:
    """The story, its paragraphs one at each level of `depth` levels of `opening`."""
    paragraph = f"<p>{SENTENCE * max(1, words // 13 // max(depth, 1))}</p>"
    return (
        f"<html><body><article><h1>Ferry</h1>{(opening + paragraph) * depth}<p>{LAST}</p>"
        f"{closing * depth}</article></body></html>"
    )


def pages(words: int) -> dict[str, str]:
    return {
        "1000 paragraphs": _page("", "", 1000, words),
        "tables 1000 deep": _page("<table><tr><td>", "</td></tr></table>", 1000, words),
        "blockquotes 300 deep": _page("<blockquote>", "</blockquote>", 300, words),
        "made-up tags 3000 deep": _page("<x-box>", "</x-box>", 3000, words),
        "h2>blockquote 1000 deep": _page("<h2><blockquote>", "</blockquote></h2>", 1000, words),
    }


def _timed(run: Callable[[], object], runs: int) -> float:
    took = []
    for _ in range(runs):
        start = time.process_time()
        run()
        took.append((time.process_time() - start) * 1000)
    return statistics.median(took)


def main() -> int:
    from farm import load_average

    from reader.extract import extract_article, to_text

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", default="20000,200000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for words in (int(w) for w in args.words.split(",")):
        print(
            f"{words} words: CPU ms per page (median of {args.runs}), ratio to paragraphs not nested"
        )
        base = 0.0
        for name, page in pages(words).items():
            text = to_text(extract_article(page, URL), header=False)
            read = len(text.split())
            if LAST not in text:
                raise SystemExit(f"{name}: the page's last words were not read")
            took = _timed(lambda page=page: extract_article(page, URL), args.runs)
            base = base or took
            print(f"  {name:22} {took:9.0f} ms  x{took / base:5.2f}  {read:7} words read")
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
