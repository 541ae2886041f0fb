"""Extraction of pages nested deep round a long text, this checkout against another side by side.

    uv run python benchmarks/deep_pages.py [--against DIR] [--words 200000] [--runs 3]

readability measures the whole text below each box it scores or cleans, so a page nested deep
round a long text paid that text once per level: the fuzzer's paragraph of `--words` words split
by 1,000 `<table>`s never closed (acc47c C9: 15 s for 1 MB), the same split by 100, a story in
tables nested 60 and 300 deep, and one at the bottom of 10,000 nested `<div>`s. Each page is
extracted in a child of each checkout's own (`--against`: a worktree of main, say), taking
turns `--runs` times; the medians of CPU ms and the ratio against / this (above 1: this one is
faster). Each child checks that the page's last words were read. Nothing else is asserted.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
URL = "http://127.0.0.1:8947/a/ferry.html"
SENTENCE = "The ferry crossing stops at the end of the month, the operator said. "
LAST = "The islanders will drive round the bay instead."


def _split_paragraph(words: int, tables: int) -> str:
    """One paragraph of `words` words with `tables` unclosed `<table>`s spread through it."""
    chunk = " ".join(["x"] * (words // (tables + 1)))
    inner = "<table>".join([chunk] * (tables + 1))
    return f"<html><body><article><h1>Ferry</h1><p>{inner} {LAST}</p></article></body></html>"


def _nested(opening: str, closing: str, depth: int, words: int) -> str:
    story = SENTENCE * (words // 13)
    return (
        f"<html><body>{opening * depth}<p>{story}</p><p>{LAST}</p>{closing * depth}</body></html>"
    )


def pages(words: int) -> dict[str, str]:
    table = ("<table><tr><td>", "</td></tr></table>")
    return {
        "1000 unclosed tables": _split_paragraph(words, 1000),
        "100 unclosed tables": _split_paragraph(words, 100),
        "tables 60 deep": _nested(*table, 60, words),
        "tables 300 deep": _nested(*table, 300, words),
        "divs 10000 deep": _nested("<div>", "</div>", 10_000, words),
    }


def child(root: Path, words: int) -> None:
    """Each page extracted by the checkout at `root`; CPU ms each, as JSON."""
    sys.path.insert(0, str(root))
    from reader.extract import extract_article, to_text

    took = {}
    for name, page in pages(words).items():
        start = time.process_time()
        article = extract_article(page, URL)
        took[name] = (time.process_time() - start) * 1000
        if LAST not in to_text(article, header=False):
            raise SystemExit(f"{name}: the page's last words were not read")
    print(json.dumps(took))


def main() -> int:
    sys.path.insert(0, str(HERE))
    from children import compared, comparison_parser, taking_turns
    from farm import load_average

    parser = comparison_parser(__doc__ or "")
    parser.add_argument("--words", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = compared(parser, child, child_types=(Path, int))
    if args is None:
        return 0
    what = f"CPU per page, {args.words} words"
    taking_turns(__file__, args.against, args.runs, [args.words], what, 0)
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
