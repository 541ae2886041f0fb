"""The reader's memory at its start on headline lists written before long summaries were kept
apart (data format 5: each record holding its item's summary whole), against the same lists cut
once (`Store.cut_summaries`: each record its summary's first `SUMMARY_HELD` characters, the
whole apart), side by side in one run.

    uv run python benchmarks/start_summaries.py --against DIR [--feeds 24] [--items 206]
                                      [--runs 2]

A library of `--feeds` feeds × `--items` headlines, their dates over the last year, is written
by the other checkout's store (`--against`, a worktree of main: format 5), half the feeds (the
odd ones) carrying each item whole in its summary (5-20 KB of HTML, as Medium's and Hugo's
feeds do), the others a sentence; nothing cached (so a headline holds its summary's start).
Three copies of it: the other checkout starts on one as it is; this checkout cuts another's
lists once (`reader list` opens it to write: the upgrade's wall and CPU time said) and starts
on it; the third is this checkout's first start on a directory not cut yet (the lists cut in
a thread once the start is done). Each start is the real `ReaderApp` under `App.run_test()`
(no refresh, nothing fetched ahead), in a child process of its own, the checkouts taking
turns: every headline read (`index.whole`), then its anonymous resident memory (RssAnon), its
peak RSS (VmHWM), the seconds to the whole list and its CPU. Nothing is asserted: this prints
numbers.
"""

from __future__ import annotations

import json
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from children import THIS_CHECKOUT, comparison_parser
from farm import child_env, load_average

HERE = Path(__file__).resolve().parent

_WORDS = [
    "harbour",
    "board",
    "pilots",
    "dredging",
    "contractor",
    "fishermen",
    "association",
    "silting",
    "berth",
    "soundings",
    "winters",
    "inquiry",
    "tide",
    "survey",
    "quay",
    "crane",
    "storm",
    "report",
    "council",
    "budget",
    "ferry",
    "timetable",
    "repairs",
    "insurers",
    "reserve",
    "eastern",
    "western",
    "channel",
    "lighthouse",
    "keeper",
    "cargo",
    "container",
    "weld",
    "boom",
]

_BUILD = """
import json, random, sys
from pathlib import Path
from datetime import UTC, datetime, timedelta
from reader.models import Entry
from reader.store import Store
out, feeds, items = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
words = sys.argv[4].split()
store = Store(Path(out))
now = datetime.now(UTC)
for f in range(feeds):
    url = f"https://blog{f}.example/feed.xml"
    store.add_feed(url)
    rng = random.Random(f)
    entries = []
    for i in range(items):
        if f % 2:
            size = rng.randint(5_000, 20_000)
            parts, total = [], 0
            while total < size:
                text = " ".join(rng.choice(words) for _ in range(60)).capitalize() + "."
                parts.append(f"<p>{text}</p>")
                total += len(parts[-1])
            summary = "".join(parts)
        else:
            summary = " ".join(rng.choice(words) for _ in range(25)).capitalize() + "."
        when = now - timedelta(days=365 * i / items, minutes=f)
        entries.append(Entry(f"b{f}-{i}", url, f"Story {i} of blog {f}",
                             f"https://blog{f}.example/{i}", when, when, "A. Writer", summary,
                             f"Blog {f}"))
    store.merge_entries(url, entries)
store.close()
print(json.dumps({"format": 5}))
"""

_START = """
import asyncio, json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[2])
from children import quiet_reader
from tui_year_memory import anon_mb
def peak():
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
async def run():
    began = time.perf_counter()
    async with quiet_reader(Path(sys.argv[1])) as (app, pilot):
        while not (app.index.whole and app.index.headlines):
            await pilot.pause(0.01)
        whole = time.perf_counter() - began
        use = resource.getrusage(resource.RUSAGE_SELF)
        print(json.dumps({"rss_anon": anon_mb(), "peak": peak(), "whole_s": whole,
                          "cpu": use.ru_utime + use.ru_stime,
                          "headlines": len(app.index.headlines)}))
asyncio.run(run())
"""


def _run(root: Path, *args: object) -> subprocess.CompletedProcess[str]:
    """This Python run with `args` from checkout `root`; what it said on stderr if it fails."""
    done = subprocess.run(
        [sys.executable, *map(str, args)],
        env=child_env(PYTHONPATH=str(root)),
        cwd=root,
        capture_output=True,
        text=True,
    )
    if done.returncode:
        raise SystemExit(done.stderr)
    return done


def started(root: Path, data: Path, work: Path) -> dict[str, float]:
    """The reader of checkout `root` started on `data`, in a child process of its own."""
    script = work / "start.py"
    script.write_text(_START)
    done = _run(root, script, data, HERE)
    return json.loads(done.stdout.strip().splitlines()[-1])


def cut_once(data: Path) -> dict[str, float]:
    """This checkout's `reader list` on `data`: the lists cut as the store is opened to write;
    its wall and CPU time."""
    began = time.perf_counter()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    _run(THIS_CHECKOUT, "-m", "reader", "--data-dir", data, "list", "--json")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return {"wall": time.perf_counter() - began, "cpu": cpu}


def main() -> int:
    parser = comparison_parser(__doc__)
    parser.add_argument("--feeds", type=int, default=24)
    parser.add_argument("--items", type=int, default=206)
    parser.add_argument("--runs", type=int, default=2)
    args = parser.parse_args()
    if args.against is None:
        parser.error("--against (a worktree of main) writes the lists as they were")
    against = args.against.resolve()
    random.seed(0)
    print(f"load {load_average()}")
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        old = work / "old"
        script = work / "build.py"
        script.write_text(_BUILD)
        _run(against, script, old, args.feeds, args.items, " ".join(_WORDS))
        size = sum(f.stat().st_size for f in old.rglob("*") if f.is_file())
        print(
            f"{args.feeds} feeds × {args.items} headlines written by {against}: {size / 2**20:.1f} MB"
        )
        cut = work / "cut"
        shutil.copytree(old, cut)
        upgrade = cut_once(cut)
        print(
            f"lists cut once (this checkout's `reader list`): wall {upgrade['wall']:.1f} s, "
            f"CPU {upgrade['cpu']:.1f} s, load {load_average()}"
        )
        again = cut_once(cut)
        print(
            f"`reader list` after (nothing to cut): wall {again['wall']:.1f} s, CPU {again['cpu']:.1f} s"
        )
        got: dict[str, list[dict[str, float]]] = {
            "against, lists whole": [],
            "this, lists cut": [],
            "this, first start (not cut yet)": [],
        }
        for _ in range(args.runs):
            got["against, lists whole"].append(started(against, old, work))
            got["this, lists cut"].append(started(THIS_CHECKOUT, cut, work))
            first = work / "first"
            shutil.rmtree(first, ignore_errors=True)
            shutil.copytree(old, first)
            got["this, first start (not cut yet)"].append(started(THIS_CHECKOUT, first, work))
        print(f"load after {load_average()}")
        print("| start | RssAnon | peak RSS | to the whole list | CPU |")
        print("|---|---:|---:|---:|---:|")
        for name, runs in got.items():
            cells = [
                " / ".join(f"{r[k]:.0f}" for r in runs) + " MB"
                if k != "whole_s" and k != "cpu"
                else " / ".join(f"{r[k]:.2f}" for r in runs) + " s"
                for k in ("rss_anon", "peak", "whole_s", "cpu")
            ]
            print(f"| {name} ({runs[0]['headlines']:,} headlines) | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
