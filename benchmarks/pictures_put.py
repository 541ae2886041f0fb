"""What keeping an article's pictures costs in a cache that holds many already: `Store.put_pictures`
of one article's pictures, this checkout against another side by side (`--against DIR`, a
worktree of main). Since the pics39 helper it counts every article's pictures under the cache's
transaction, so that `pictures_max_bytes` holds however many articles' pictures come at once:
one more query of the pictures' rows before the write, outside the lock, and again under it
only when another article's pictures were written in between.

    uv run python benchmarks/pictures_put.py [--held 10000] [--puts 200] [--runs 3] [--series K]
        [--users 1,100,1000] [--against DIR]

Each run, in a child process of each checkout in turn: a fresh store holding `--held` articles'
pictures (one row of 20 KB each, one in five of 60 KB: a file of diskcache's own), then `--puts`
articles' pictures kept (five of 20 KB each, none past the cap), timed one by one, and one count
of every article's pictures (`Store.pictures_total`) after each: what a put waits for when
another article's pictures came between its count and its write, and it counts again under the
cache's lock. Prints the median and the 90th percentile of one put, and the ratio of this
checkout's to the other's. Then every held article dropped one by one (`Store.delete_article`,
as a prune evicts them: since pics46 each picture's bytes go with the last article showing it,
which a list beside them says), the median of one, and the ratio. With `--series K`, each held article
also shows the map of its series (one of K, 60 KB): a picture many articles share, kept once
since pics46; the pictures' bytes kept are printed.

With `--users 1,100,1000`, then: a put of a picture N articles already show (a site's logo on each
of its stories), for each N, in a fresh store of each checkout holding those N: `--puts` times an
article showing it kept (`Store.put_pictures`) then dropped (`Store.delete_article`), each timed;
the medians and the ratios, this checkout's to the other's and each checkout's at N to its own at
the first N. Since pics47 the articles showing a picture are a row each, not one list read and
rewritten whole by each put and each drop. Then, in a checkout with the rows, what the first put
costs in a format-7 library whose list of those N it makes rows (once a picture). Nothing is
asserted.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import checkout_python, child_env, load_average, median

CHILD = r"""
import inspect, json, os, sys, tempfile, time
from pathlib import Path
from reader.keys import article_key
from reader.pictures import KeptPicture, digest
from reader.store import Store

held, puts, series = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
store = Store(Path(tempfile.mkdtemp()))
maps = [os.urandom(60_000) for _ in range(series)]
capped = "most" in inspect.signature(store.put_pictures).parameters
for n in range(held):  # kept as each checkout keeps them
    url = f"https://held.example/{n}.html"
    store._articles.set(f"article:{article_key(url)}", b"{}")
    bodies = {url + ".png": os.urandom(60_000 if n % 5 == 0 else 20_000)}
    if series:
        bodies[f"https://held.example/map{n % series}.png"] = maps[n % series]
    shown = [KeptPicture(u, digest(b), "image/png", len(b)) for u, b in bodies.items()]
    store.put_pictures(url, shown, bodies)
kept = store.pictures_total()
extra = {"most": store.pictures_total() + puts * 100_000} if capped else {}  # none refused
times, counts = [], []
for n in range(puts):
    url = f"https://news.example/{n}.html"
    store._articles.set(f"article:{article_key(url)}", b"{}")
    bodies = {f"https://news.example/{n}/{k}.png": os.urandom(20_000) for k in range(5)}
    pictures = [KeptPicture(u, digest(b), "image/png", len(b)) for u, b in bodies.items()]
    start = time.perf_counter()
    store.put_pictures(url, pictures, bodies, **extra)
    times.append(time.perf_counter() - start)
    start = time.perf_counter()
    store.pictures_total()
    counts.append(time.perf_counter() - start)
drops = []
for n in range(held):  # as a prune evicts them, or `reader forget` drops one
    start = time.perf_counter()
    store.delete_article(article_key(f"https://held.example/{n}.html"))
    drops.append(time.perf_counter() - start)
print(json.dumps({"capped": capped, "times": times, "counts": counts, "drops": drops, "kept": kept}))
"""


USERS_CHILD = r"""
import json, os, sys, tempfile, time
from pathlib import Path
from reader.keys import article_key
from reader.pictures import KeptPicture, digest
from reader.store import Store

users, puts = int(sys.argv[1]), int(sys.argv[2])
store = Store(Path(tempfile.mkdtemp()))
logo = os.urandom(30_000)
shown = KeptPicture("https://site.example/logo.png", digest(logo), "image/png", len(logo))


def put(url):
    store._articles.set(f"article:{article_key(url)}", b"{}")
    store.put_pictures(url, [shown], {shown.url: logo})


for n in range(users):  # the articles already showing it, kept as each checkout keeps them
    put(f"https://site.example/{n}.html")
times, drops = [], []
for n in range(puts):  # one more shows it, then goes: N each time
    url = f"https://news.example/{n}.html"
    start = time.perf_counter()
    put(url)
    times.append(time.perf_counter() - start)
    start = time.perf_counter()
    store.delete_article(article_key(url))
    drops.append(time.perf_counter() - start)
first = None
rows = f"picture-user:{shown.sha}:"
articles = store._articles
keys = [k for (k,) in articles._sql("SELECT key FROM Cache WHERE key >= ? AND key < ?", (rows, rows[:-1] + ";"))]
if keys:  # rows: made the format-7 list again, and the first put timed (it makes it rows)
    with articles.transact():
        for key in keys:
            articles.delete(key)
        articles.set(f"picture-users:{shown.sha}", json.dumps([k[len(rows):] for k in keys]))
    start = time.perf_counter()
    put("https://news.example/first.html")
    first = time.perf_counter() - start
print(json.dumps({"times": times, "drops": drops, "first": first}))
"""


def run(checkout: Path, held: int, puts: int, series: int) -> dict[str, object]:
    return _child(checkout, CHILD, held, puts, series)


def _child(checkout: Path, code: str, *args: int) -> dict[str, object]:
    env = child_env(PYTHONPATH=str(checkout.resolve()))
    done = subprocess.run(
        [str(checkout_python(checkout)), "-P", "-c", code, *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


def shared(checkouts: dict[str, Path], users: list[int], puts: int, runs: int) -> None:
    """`--users`: a put and a drop of an article showing a picture N others show, per N."""
    put: dict[tuple[str, int], list[float]] = {}
    drop: dict[tuple[str, int], list[float]] = {}
    for number in range(runs):
        for count in users:
            for name, checkout in checkouts.items():
                got = _child(checkout, USERS_CHILD, count, puts)
                times = [t * 1000 for t in got["times"]]  # type: ignore[union-attr]
                drops = [t * 1000 for t in got["drops"]]  # type: ignore[union-attr]
                put.setdefault((name, count), []).append(median(times))
                drop.setdefault((name, count), []).append(median(drops))
                first = got["first"]
                made = (
                    f"; first put of a format-7 list of them {first * 1000:6.2f} ms"
                    if isinstance(first, float)
                    else ""
                )
                print(
                    f"{name:7} run {number + 1}, a picture {count:5} articles show: one put "
                    f"{median(times):5.2f} ms, one drop {median(drops):5.2f} ms (medians){made};"
                    f" load {load_average()}"
                )
    for name in checkouts:
        one = median(put[(name, users[0])]), median(drop[(name, users[0])])
        grown = ", ".join(
            f"{n}: put {median(put[(name, n)]) / one[0]:.2f}× drop "
            f"{median(drop[(name, n)]) / one[1]:.2f}×"
            for n in users[1:]
        )
        print(f"{name:7} against its own at {users[0]} articles: {grown}")
    if "against" in checkouts:
        ratios = ", ".join(
            f"{n}: put {median(put[('this', n)]) / median(put[('against', n)]):.2f}× drop "
            f"{median(drop[('this', n)]) / median(drop[('against', n)]):.2f}×"
            for n in users
        )
        print(f"this ÷ against, by the articles showing the picture: {ratios}")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--held", type=int, default=10_000)
    parser.add_argument("--puts", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--series", type=int, default=0)
    parser.add_argument("--users", type=lambda text: [int(n) for n in text.split(",")], default=[])
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    checkouts = {"this": here, **({"against": args.against} if args.against else {})}
    medians: dict[str, list[float]] = {name: [] for name in checkouts}
    dropping: dict[str, list[float]] = {name: [] for name in checkouts}
    for number in range(args.runs):
        for name, checkout in checkouts.items():
            got = run(checkout, args.held, args.puts, args.series)
            times = [t * 1000 for t in got["times"]]  # type: ignore[union-attr]
            counts = [t * 1000 for t in got["counts"]]  # type: ignore[union-attr]
            drops = [t * 1000 for t in got["drops"]]  # type: ignore[union-attr]
            medians[name].append(median(times))
            dropping[name].append(median(drops))
            print(
                f"{name:7} run {number + 1}: one put {median(times):6.1f} ms (median), "
                f"{percentile(times, 0.9):6.1f} ms (90%); one count of them all "
                f"{median(counts):5.1f} ms; one article dropped {median(drops):5.2f} ms "
                f"({percentile(drops, 0.9):5.2f} ms 90%), all {sum(drops) / 1000:5.2f} s; held "
                "pictures "
                f"{got['kept'] / 2**20:6.1f} MB; a cap given: {got['capped']}; load {load_average()}"
            )
    if args.against:
        ratio = median(medians["this"]) / median(medians["against"])
        dropped = median(dropping["this"]) / median(dropping["against"])
        print(f"this ÷ against, median of the runs' medians: put {ratio:.2f}×, drop {dropped:.2f}×")
    if args.users:
        shared(checkouts, args.users, args.puts, args.runs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
