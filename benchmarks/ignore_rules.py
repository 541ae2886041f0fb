"""A careless `[[ignore]]` rule over a feed made for it: the items' test with each rule's time
limit (`ignore_rules.RulesTest`) against the same rules tested with none, side by side in one run.

    uv run python benchmarks/ignore_rules.py [--items N] [--letters 20000]

The rule is `text = ".*sponsored.*"` (every start of a line tried to its end: quadratic), the
feed's items each a line of `--letters` letters with no "sponsored" (20,000: what a rule reads
of an item's text at most). CPU seconds of this thread, and their ratio.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from reader.ignore_rules import ignore_rules, rules_for
from reader.models import Entry, Feed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--letters", type=int, default=20_000, help="each item's line")
    args = parser.parse_args()
    rules = ignore_rules([{"text": ".*sponsored.*"}])
    feed = Feed("https://feed.example/rss")
    entries = [
        Entry(id=str(n), feed_url=feed.url, title=f"Item {n}", link="", summary="a" * args.letters)
        for n in range(args.items)
    ]
    limited = rules_for(feed, rules)
    assert limited is not None
    start = time.thread_time()
    left_with = sum(limited(e) for e in entries)
    with_limit = time.thread_time() - start
    start = time.thread_time()
    left_without = sum(any(rule.matches(e) for rule in rules) for e in entries)
    without = time.thread_time() - start
    print(
        f"{args.items} items of {args.letters:,} letters, text = '.*sponsored.*' (left out: {left_with}, {left_without})"
    )
    print(
        f"with each rule's time limit: {with_limit:.2f} s CPU ({limited.over_time() or 'within it'})"
    )
    print(f"with none:                   {without:.2f} s CPU")
    print(f"ratio (none / limit): {without / max(with_limit, 1e-9):.1f}x")


if __name__ == "__main__":
    main()
