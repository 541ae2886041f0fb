"""What telling a paywalled stub of its feed's whole text costs (`extract.feed_stub`, session 45):
the extraction of a whole page whose feed item carries the same article in `content:encoded`,
the common case that gains nothing from it, main's checkout against this one, by turns.

Since session 45 the feed's whole text that opens with the page's and goes on far past it
stands in for the page (acc44c C2); to know it doesn't, every page read with its feed's whole
content has both texts' words compared. This prints each side's time per page, by article
length in words, and their ratio.

    python benchmarks/feed_stub.py --against /tmp/main-checkout [--repeats 10] [--rounds 3]
        [--sizes 300,1500,5000]

Each figure is a side's fastest over its rounds: on a shared machine one run moves by 2x.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

_HERE = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
from reader.extract import extract_article
from reader.models import FEED_CONTENT_MARK

PARA = ("<p>The county council agreed on Wednesday to close the recycling centre for eighteen "
        "months while its weighbridge and access road are rebuilt, sending residents eleven "
        "miles away.</p>")

def page(words):
    body = PARA * max(1, words // 27)
    return (f"<!doctype html><html><head><title>Tip to close | Echo</title></head><body>"
            f"<main><article><h1>Tip to close</h1>{body}</article></main></body></html>"), body

sizes, repeats = json.loads(sys.argv[1]), int(sys.argv[2])
out = {}
for words in sizes:
    html, body = page(words)
    feed = FEED_CONTENT_MARK + body
    extract_article(html, "https://echo.example/a", None, feed)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        extract_article(html, "https://echo.example/a", None, feed)
        best = min(best, time.perf_counter() - start)
    out[words] = best * 1000
print(json.dumps(out))
"""


def _run(tree: Path, sizes: list[int], repeats: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(tree)}
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, json.dumps(sizes), str(repeats)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="main's checkout")
    parser.add_argument("--repeats", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="300,1500,5000", help="article lengths in words")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    best: dict[str, dict[str, float]] = {"main": {}, "this": {}}
    for _ in range(args.rounds):
        for side, tree in (("main", args.against), ("this", _HERE)):
            for words, ms in _run(tree, sizes, args.repeats).items():
                best[side][words] = min(best[side].get(words, float("inf")), ms)
    print(f"{'words':>6} {'main ms':>9} {'this ms':>9} {'ratio':>6}")
    for words in best["main"]:
        old, new = best["main"][words], best["this"][words]
        print(f"{words:>6} {old:>9.2f} {new:>9.2f} {new / old:>6.2f}")


if __name__ == "__main__":
    main()
