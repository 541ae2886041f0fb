"""What `reader repair` holds in memory while it mends a big cache file (acc32b B12: every
readable row, values and all, was held in one list: 430 MB of memory for a 393 MB file). A
data directory made in a temp dir, its articles' cache file given `--rows` rows of 20 KB and a
damaged key index; `reader repair` run on it and on the same directory before the rows were
added (its start-up alone), side by side in one run, each in a process of its own.

    uv run python benchmarks/repair_memory.py [--rows 5000]

This prints numbers; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.store import Store

_COLUMNS = (
    "key, raw, store_time, expire_time, access_time, access_count, tag, size, mode, filename, value"
)


def peak_kb(data_dir: Path) -> tuple[int, float, str]:
    """The largest memory (KB) of `reader repair` on `data_dir`, its time, its first line."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), "repair"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert process.stdout is not None
    said = process.stdout.read().decode()
    _, _, usage = os.wait4(process.pid, 0)
    return usage.ru_maxrss, time.perf_counter() - start, said.splitlines()[1][:140]


def filled(data_dir: Path, rows: int) -> int:
    """`data_dir`'s articles given `rows` rows of 20 KB and a damaged key index: its size."""
    db = data_dir / "articles" / "cache.db"
    con = sqlite3.connect(db)
    con.executemany(
        f"INSERT INTO Cache({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            (
                f"article:http://x.example/{n}",
                1,
                1.0,
                None,
                1.0,
                0,
                None,
                0,
                1,
                None,
                os.urandom(20_000),
            )
            for n in range(rows)
        ),
    )
    con.commit()
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    ((page,),) = con.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'Cache_key_raw'"
    ).fetchall()
    ((size,),) = con.execute("PRAGMA page_size").fetchall()
    con.close()
    with db.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\xff" * 16)
    return db.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        small, big = Path(temp) / "small", Path(temp) / "big"
        Store(small).close()
        shutil.copytree(small, big)
        size = filled(big, args.rows)
        alone, _, _ = peak_kb(small)
        held, took, said = peak_kb(big)
    print(
        f"cache file: {size / 2**20:.0f} MB ({args.rows} rows of 20 KB), repaired in {took:.1f} s"
    )
    print(f"  {said}")
    print(f"repair's peak memory: {held / 1024:.0f} MB; its start-up alone: {alone / 1024:.0f} MB")
    print(f"memory the rows took / the file's size: {(held - alone) * 1024 / size:.3f}")


if __name__ == "__main__":
    main()
