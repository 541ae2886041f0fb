"""What a read mark costs on a big library, now that an article read is read in every feed
listing it (`Store.set_read` and `mark_entries` find the other feeds' headlines of it): one
headline marked read and unread again (`reader mark-read ID`; as the reader marks one opened or
`m`, its index giving the other feeds' headlines of it), and a whole feed's (`reader mark-read
--feed`; the reader's `A` gives the others too); and a feed bringing a story another lists read
by a mark from before the notes of where one was read (`Store.merge_entries`: it comes read),
the first of a sync's feeds with news and the next.

    uv run python benchmarks/read_marks.py DATA_DIR [--against CHECKOUT] [--runs 3]

DATA_DIR is a data directory (a copy: its read marks are set and put back as they were; a
year's library, mem35's, has 250 feeds). Each run measures, in a Python process of its own,
this checkout's and, with `--against`, another checkout's (its own `.venv`, else this Python
with that checkout on `PYTHONPATH`), one after the other at the same load: the wall time of
each part, the median of `--runs`. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import checkout_python, child_env, load_average, median

PARTS = (
    "one headline",
    "one headline, others known",
    "a feed's headlines",
    "a new headline, first of a sync",
    "a new headline, the next",
    "a new headline of its own, the next",
)

CHILD = r"""
import dataclasses, inspect, json, random, sys, time
from pathlib import Path
from reader.keys import link_key
from reader.library import Library

lib = Library(Path(sys.argv[1]))
urls = lib.store.feed_urls()
url = max(urls[: len(urls) // 2], key=lambda u: len(lib.store.entry_ids(u)))
entries = lib.store.entries(url)
one = entries[len(entries) // 2]
read = lib.is_read(one)
out = {}
start = time.perf_counter()
lib.mark_read(one, not read)
lib.mark_read(one, read)
out["one headline"] = (time.perf_counter() - start) / 2
# As the reader marks it: the other feeds' headlines of it given by its index (none here).
known = {"others": []} if "others" in inspect.signature(lib.mark_read).parameters else {}
start = time.perf_counter()
lib.mark_read(one, not read, **known)
lib.mark_read(one, read, **known)
out["one headline, others known"] = (time.perf_counter() - start) / 2
before = lib.store.read_ids(url)
start = time.perf_counter()
lib.mark_many_read(entries, True)
out["a feed's headlines"] = time.perf_counter() - start
lib.store.set_read_many(url, [e.id for e in entries if e.id not in before], False)
lib.close()
# Another feed bringing a story a feed of the second half lists, read there by a mark from
# before the notes of where (none noted: a feed each run, at random), then a second: a sync's
# first feed with news (the feeds' keys read), and the next.
lib = Library(Path(sys.argv[1]))
rng = random.Random()
source = rng.choice(urls[len(urls) // 2 :])
read_there = lib.store.read_ids(source)
read_ones = [
    e for e in lib.store.entries(source)
    if e.id in read_there and e.link and not lib.store.read_where(link_key(e.link))
][:2]
others = rng.sample([u for u in urls if u != source], 2)
stamp = time.time_ns()
for n, part in enumerate(("a new headline, first of a sync", "a new headline, the next")):
    if n >= len(read_ones):
        break
    fresh = dataclasses.replace(
        read_ones[n], id=f"bench-{stamp}-{n}", feed_url=others[n], title=f"{stamp} {n}"
    )
    start = time.perf_counter()
    new = lib.store.merge_entries(others[n], [fresh])
    out[part] = time.perf_counter() - start
    out[part + ", came read"] = float(lib.is_read(new[0])) if new else -1.0
# A story no other feed lists (most of what a sync brings).
fresh = dataclasses.replace(
    lib.store.entries(source)[0], id=f"bench-{stamp}-own", feed_url=others[1], title=f"{stamp} own",
    link=f"https://bench.invalid/{stamp}.html",
)
start = time.perf_counter()
lib.store.merge_entries(others[1], [fresh])
out["a new headline of its own, the next"] = time.perf_counter() - start
lib.close()
print(json.dumps(out))
"""


def measure(checkout: Path, data_dir: Path) -> dict[str, float]:
    python = checkout_python(checkout)
    env = child_env(PYTHONPATH=str(checkout.resolve()))
    done = subprocess.run(
        [str(python), "-P", "-c", CHILD, str(data_dir)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=1800,
    )
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", type=Path, help="another checkout")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    checkouts = {"this": here, **({"against": args.against} if args.against else {})}
    times: dict[str, dict[str, list[float]]] = {n: {p: [] for p in PARTS} for n in checkouts}
    for _ in range(args.runs):
        for name, checkout in checkouts.items():
            for part, took in measure(checkout, args.data_dir).items():
                times[name].setdefault(part, []).append(took)
    print(f"load {load_average()}, {args.runs} runs, median wall seconds")
    for part in PARTS:
        if not times["this"][part]:
            continue  # a library too small for it
        line = f"{part}: this {median(times['this'][part]):.4f} s"
        if args.against:
            other = median(times["against"][part])
            ratio = median(times["this"][part]) / other if other else float("nan")
            line += f", against {other:.4f} s, ratio {ratio:.2f}"
        print(line)
    for part in PARTS[3:5]:
        came = {n: median(t.get(part + ", came read", [-1.0])) for n, t in times.items()}
        print(f"{part}: came read (1) or not (0): {came}")


if __name__ == "__main__":
    main()
