"""What finding a subscription costs at 500 feeds: `reader import` of a 500-feed OPML (and again,
every feed subscribed already), `reader add`'s look for the address among the subscriptions
(`subscription_url`, then the subscription made), a feed named by its title (`feed_named`, as
`rename`, `remove`, `--feed` take it) and `reader rename TITLE NAME` whole; this checkout
against another side by side (`--against DIR`, a worktree of main), the checkouts taking turns.

    uv run python benchmarks/feed_lookups.py [--feeds 500] [--runs 3] [--against DIR]

Every feed's address is at 127.0.0.1 port 9: nothing is fetched (what is timed is the store's
reads and the address work). Prints each checkout's medians in ms (the import whole; the rest
a call each, the mean of 20, of 5 for `rename`) and the ratios against / this. Nothing is
asserted: this prints numbers.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
import tempfile
import time
from pathlib import Path

from children import compared, comparison_parser, taking_turns

CALLS = 20
RENAMES = 5


def opml(feeds: int) -> str:
    outlines = "".join(
        f'<outline type="rss" text="Harbour desk {n}" xmlUrl="http://127.0.0.1:9/feed-{n}.xml"/>'
        for n in range(feeds)
    )
    return (
        '<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head>'
        f"<body>{outlines}</body></opml>"
    )


def child(root: Path, feeds: int) -> None:
    sys.path.insert(0, str(root))
    from reader.cli import main
    from reader.library import Library

    took: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as temporary:
        home, file = Path(temporary) / "home", Path(temporary) / "feeds.opml"
        file.write_text(opml(feeds), encoding="utf-8")

        def cli(*args: str) -> None:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()),
            ):
                assert main(["--data-dir", str(home), *args]) == 0, args

        for step in ("import", "import again"):
            start = time.perf_counter()
            cli("import", str(file))
            took[step] = (time.perf_counter() - start) * 1000
        lib = Library(home)
        try:
            start = time.perf_counter()
            for n in range(CALLS):
                lib.subscription_url(f"http://127.0.0.1:9/new-{n}.xml")
            took["add's look"] = (time.perf_counter() - start) * 1000 / CALLS
            start = time.perf_counter()
            for n in range(CALLS):
                assert lib.add_feed(f"http://127.0.0.1:9/added-{n}.xml")
            took["add_feed"] = (time.perf_counter() - start) * 1000 / CALLS
            start = time.perf_counter()
            for n in range(CALLS):
                wanted = f"http://127.0.0.1:9/feed-{n * feeds // CALLS}.xml"
                assert lib.feed_named(f"Harbour desk {n * feeds // CALLS}") == wanted
            took["by title"] = (time.perf_counter() - start) * 1000 / CALLS
        finally:
            lib.close()
        start = time.perf_counter()
        for n in range(RENAMES):
            cli("rename", f"Harbour desk {feeds - 1 - n}", f"Desk {n}")
        took["rename TITLE"] = (time.perf_counter() - start) * 1000 / RENAMES
    print(json.dumps(took))


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--runs", type=int, default=3)
    args = compared(parser, child, options=lambda a: (), child_types=(Path, int))
    if args is None:
        return 0
    taking_turns(__file__, args.against, args.runs, [args.feeds], f"{args.feeds} feeds", 2)
    from farm import load_average

    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
