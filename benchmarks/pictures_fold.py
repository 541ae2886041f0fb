"""What folding an older reader's pictures into the bytes kept once costs
(`Store.fold_older_pictures`, made by the first sync of a library upgraded to data format 7:
acc46d D5), beside keeping the same articles' pictures anew (`Store.put_pictures`, bytes in hand,
no network), in one run, side by side.

    uv run python benchmarks/pictures_fold.py [--articles 2000] [--runs 3]

Each run, in a child process: a fresh store holding `--articles` articles' pictures as a reader
before format 7 kept them (each article's own copies in one `picture-data:` row: the site's lead
image of 70 KB, shown by one in three, and a picture of its own of 30 KB), then the fold of them
all, timed; then as many other articles' same pictures kept by `put_pictures`, one by one. Prints
the fold's time an article, a put's, their ratio, and the pictures' bytes before and after the
fold. Nothing is asserted.
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
import json, os, sys, tempfile, time
from pathlib import Path
from reader.keys import article_key
from reader.pictures import KeptPicture, digest
from reader.store import Store

articles = int(sys.argv[1])
store = Store(Path(tempfile.mkdtemp()))
lead = os.urandom(70_000)
def bodies_of(n, site):
    own = {f"https://{site}.example/{n}.png": os.urandom(30_000)}
    return {f"https://{site}.example/lead.png": lead, **own} if n % 3 == 0 else own
for n in range(articles):  # as a reader before format 7 kept them
    url = f"https://old.example/{n}.html"
    key = article_key(url)
    store._articles.set(f"article:{key}", b"{}")
    record, data = {}, b""
    for address, body in bodies_of(n, "old").items():
        record[address] = {"sha": digest(body), "type": "image/png", "size": len(body), "at": len(data)}
        data += body
    store._articles.set(f"picture-data:{key}", data)
    store._save(store._articles, f"pictures:{key}", record)
before = store.pictures_total()
start = time.perf_counter()
folded, freed = store.fold_older_pictures()
fold = time.perf_counter() - start
after = store.pictures_total()
puts = []
for n in range(articles):
    url = f"https://new.example/{n}.html"
    store._articles.set(f"article:{article_key(url)}", b"{}")
    bodies = bodies_of(n, "new")
    pictures = [KeptPicture(u, digest(b), "image/png", len(b)) for u, b in bodies.items()]
    start = time.perf_counter()
    store.put_pictures(url, pictures, bodies)
    puts.append(time.perf_counter() - start)
print(json.dumps({"fold": fold, "folded": folded, "before": before, "after": after, "puts": puts}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    here = Path(__file__).resolve().parent.parent
    env = child_env(PYTHONPATH=str(here))
    for number in range(args.runs):
        done = subprocess.run(
            [str(checkout_python(here)), "-P", "-c", CHILD, str(args.articles)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        got = json.loads(done.stdout)
        fold = got["fold"] * 1000 / max(got["folded"], 1)
        put = median([t * 1000 for t in got["puts"]])
        print(
            f"run {number + 1}: {got['folded']} articles folded in {got['fold']:.2f} s:"
            f" {fold:.2f} ms an article | one put of the same {put:.2f} ms (median) |"
            f" fold/put {fold / put:.2f} | pictures {got['before'] / 1e6:.1f} MB before,"
            f" {got['after'] / 1e6:.1f} MB after"
        )
    print(f"load average {load_average()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
