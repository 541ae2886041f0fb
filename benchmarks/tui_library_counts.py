"""`s` and `E` on a headline in a year's index held in memory: the edit and the feed list's
counts of "Saved" and "Archive" after it, this checkout against another side by side.

    uv run python benchmarks/tui_library_counts.py [--against DIR] [--headlines 43000] [--runs 5]

The reader's index (`HeadlineIndex`, built in memory: no store, no terminal) holds
`--headlines` headlines of 60 feeds, one in 100 saved; each toggle saves (archives) one
headline and unsaves (takes out) it again, as `s` (`E`) does, then reads `saved` and
`archived`, as the feed list does after each, on the event loop. Each checkout runs in a child
of its own, taking turns (this, the other, this…: the machine's load falls on both alike),
`--runs` times; medians, and the ratio other / this. Nothing is asserted.
"""

from __future__ import annotations

import json
import timeit
from pathlib import Path

from children import index_comparison, index_in_memory

TOGGLES = 200


def child(root: Path, count: int) -> None:
    """Both toggles timed in this process, by the checkout at `root`; ms each, as JSON."""
    index = index_in_memory(root, count, saved=lambda n: n % 100 == 0)

    def save() -> int:
        index.set_saved("e5", True)
        index.set_saved("e5", False)
        return index.saved - index.archived

    def archive() -> int:
        index.set_archived("e5", True)
        index.set_archived("e5", False)
        return index.saved - index.archived

    print(
        json.dumps(
            {
                name: timeit.timeit(toggle, number=TOGGLES) / TOGGLES / 2 * 1000
                for name, toggle in (("s", save), ("E", archive))
            }
        )
    )


def main() -> int:
    return index_comparison(__file__, __doc__, child, "an edit and the counts after it")


if __name__ == "__main__":
    raise SystemExit(main())
