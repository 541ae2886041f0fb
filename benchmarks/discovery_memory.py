"""What `reader add PAGE`'s feed discovery (`discovery.page_feeds`) holds in memory for a page of
millions of tags, this checkout against another side by side (`--against DIR`, a worktree of
main): a 9 MB page of 2.3 million list items and no feed link was parsed whole, past the
400,000 tags extraction refuses (acc47c C8).

    uv run python benchmarks/discovery_memory.py [--items 2300000] [--runs 1] [--against DIR]

Writes an article page whose body holds `items` `<li>`s (and, as a control, the same page with
a thousand), and runs `page_feeds` on each in a child process of each checkout, the checkouts
alternating; each line gives the child's peak RSS (`ru_maxrss`), its CPU and wall time, the
load, and the feed links it found. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts, measured
from farm import child_env, load_average, warm_up

HEAD = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Ferry timetable changes</title>"
    "<link rel='alternate' type='application/rss+xml' href='/feed.xml' title='Gazette'>"
    "</head><body><article><h1>Ferry timetable changes</h1><p>The morning ferry leaves at"
    " nine from Monday.</p><ul>"
)
CHILD = (
    "import sys; from reader.discovery import page_feeds; "
    "found = page_feeds(open(sys.argv[1], 'rb').read(), 'http://127.0.0.1/a/ferry.html'); "
    "print(len(found.links))"
)


def page(path: Path, items: int) -> None:
    with path.open("w", encoding="utf-8") as out:
        out.write(HEAD)
        out.write("<li>x</li>" * items)
        out.write("</ul></article></body></html>")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2_300_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    args = parser.parse_args()
    warm_up()
    with tempfile.TemporaryDirectory() as temp:
        for items in (1000, args.items):
            file = Path(temp) / f"page-{items}.html"
            page(file, items)
            print(f"{items:,} list items, {file.stat().st_size / 2**20:.1f} MB", flush=True)
            peaks: dict[str, float] = {}
            for _ in range(args.runs):
                for name, checkout in checkouts(args.against).items():
                    load = load_average()
                    env = child_env(PYTHONPATH=str(checkout))
                    run = measured(
                        [sys.executable, "-c", CHILD, str(file)], env, checkout, said_on="stdout"
                    )
                    links = run.said[-1] if run.said else f"failed ({run.status})"
                    peaks[name] = max(peaks.get(name, 0.0), run.peak_mb)
                    print(
                        f"  {name:8} {run.figures()}  load {load}  feed links {links}", flush=True
                    )
            if "against" in peaks:
                print(f"  peak, this / against: {peaks['this'] / peaks['against']:.2f}", flush=True)


if __name__ == "__main__":
    main()
