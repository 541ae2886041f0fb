"""Article records kept compressed: what they take in a data directory, and what opening one costs.

    uv run python benchmarks/article_records.py DATA_DIR [--sample 2000] [--repeats 200]

Reads the cleaned-article records (`article:KEY`) of DATA_DIR's cache (a copy of a big one:
nothing is written), as text (how a reader before compression kept them) and as
`store.record_json.packed_record` keeps them now: their total bytes either way, over every record
or a sample, beside the raw pages' (already compressed); and, for the largest record of the
sample and a median one, the time to read it back as the store does (`record_text` then
`json.loads`) in each form, the median of `repeats`, side by side. Nothing is asserted: this
prints numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import sys
import time
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.store.record_json import packed_record, record_text


def _value(root: Path, filename: str | None, value: object) -> str:
    """A record's JSON text, whether kept packed (`packed_record`, now) or as text (before),
    in the database or in a file of its own."""
    raw = (root / filename).read_bytes() if filename is not None else value
    if isinstance(raw, bytes):
        try:
            return record_text(raw)
        except zlib.error:  # a text record in a file of its own
            return raw.decode()
    return str(raw)


def _read_ms(record: object, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        json.loads(record_text(record))
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--sample", type=int, default=0, help="records sampled (0: every one)")
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    root = args.data_dir / "articles"
    con = sqlite3.connect(f"file:{root / 'cache.db'}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT key, filename, value FROM Cache WHERE key >= 'article:' AND key < 'article;'"
    ).fetchall()
    raw = con.execute(
        "SELECT SUM(CASE WHEN filename IS NULL THEN length(value) ELSE size END) FROM Cache "
        "WHERE key >= 'raw:' AND key < 'raw;'"
    ).fetchone()[0]
    if args.sample and args.sample < len(rows):
        rows = random.Random(30).sample(rows, args.sample)
    plain = packed = 0
    texts = []
    for _key, filename, value in rows:
        text = _value(root, filename, value)  # one already packed is measured as its text
        texts.append(text)
        plain += len(text.encode())
        packed += len(packed_record(text))
    share = len(rows) / max(
        1,
        con.execute(
            "SELECT COUNT(*) FROM Cache WHERE key >= 'article:' AND key < 'article;'"
        ).fetchone()[0],
    )
    print(
        f"{len(rows)} article records ({share:.0%} of them): as text {plain / 2**20:.1f} MB, "
        f"compressed {packed / 2**20:.1f} MB ({packed / plain:.2f}×); "
        f"raw pages (all) {(raw or 0) / 2**20:.1f} MB"
    )
    texts.sort(key=len)
    for name, text in (("median", texts[len(texts) // 2]), ("largest", texts[-1])):
        as_text, as_packed = (
            _read_ms(text, args.repeats),
            _read_ms(packed_record(text), args.repeats),
        )
        print(
            f"{name} record, {len(text.encode()) / 1024:.0f} KB: read as text {as_text:.3f} ms, "
            f"compressed {as_packed:.3f} ms (+{as_packed - as_text:.3f} ms)"
        )


if __name__ == "__main__":
    main()
