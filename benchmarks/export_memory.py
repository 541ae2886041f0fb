"""What `reader export` holds in memory and spends in CPU on a big cache, this checkout and
another side by side: a year's book held every chapter's Markdown until it was written (756 MB
for sync31's 51,550 articles).

    uv run python benchmarks/export_memory.py DATA_DIR [--against CHECKOUT]
                                              [--since 2026-08-05] [--formats epub html markdown]
                                              [--year-formats epub]

DATA_DIR is a data directory to export from (a copy: a list's reading may note the dates of the
pages it read). Each format is exported from the articles since `--since` (a month of the year)
by this checkout's CLI and then `--against`'s (its own `.venv`, as `uv sync` makes it), one
after the other; then each of `--year-formats` from every article. Each line gives the peak
RSS of the export's process (`ru_maxrss`), its CPU (user + sys), the book's size, the start of
its SHA-256 (the same book from both checkouts: JSON streamed, acc50d D1, is the list dumped
whole byte for byte; an EPUB's, stamped with its time, differs) and the load.
Nothing is asserted: this prints numbers.

    uv run python benchmarks/export_memory.py DATA_DIR --against OLD --formats json --year-formats json
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts, measured
from farm import checkout_reader, child_env, load_average


def exported(reader: list[str], data_dir: Path, form: str, chosen: list[str], out: Path) -> str:
    """One export measured: its peak memory, CPU, wall time and the file's size, as a line."""
    cmd = [*reader, "--data-dir", str(data_dir), "export", "--format", form, *chosen]
    load = load_average()
    run = measured([*cmd, "-o", str(out)], child_env())
    last = run.said[-1] if run.said else ""
    if run.status != 0:
        return f"failed ({run.status}): {last}"
    size = out.stat().st_size / 2**20
    with out.open("rb") as book:
        digest = hashlib.file_digest(book, "sha256").hexdigest()[:12]
    out.unlink()
    return f"{run.figures()}  {size:6.1f} MB book sha256 {digest}  load {load}  ({last})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--against", type=Path, help="another checkout, with its own .venv")
    parser.add_argument("--since", default="2026-08-05", help="the month's first day")
    parser.add_argument("--formats", nargs="*", default=["epub", "html", "markdown"])
    parser.add_argument("--year-formats", nargs="*", default=["epub"])
    args = parser.parse_args()
    runs = [(f, ["--since", args.since], f"since {args.since}") for f in args.formats]
    runs += [(f, [], "every article") for f in args.year_formats]
    with tempfile.TemporaryDirectory() as temp:
        for form, chosen, what in runs:
            print(f"{form}, {what}:", flush=True)
            for name, checkout in checkouts(args.against).items():
                line = exported(
                    checkout_reader(checkout),
                    args.data_dir,
                    form,
                    chosen,
                    Path(temp) / f"book.{form}",
                )
                print(f"  {name:8} {line}", flush=True)


if __name__ == "__main__":
    main()
