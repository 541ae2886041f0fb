"""A data directory's size on disk against what the size limit counts (`max_size`), with its
article records as text (a cache grown before session 30) and compressed (as they are kept now).

    uv run python benchmarks/data_dir_size.py DATA_DIR [--work DIR]

DATA_DIR (a year's cache: acc30b's) is measured as it is, then copied into `--work` (a temporary
directory by default; DATA_DIR itself is not written), every article record kept as text in the
copy rewritten as `store.record_json.packed_record` keeps one now and the articles' database
vacuumed (its pages freed by the rewrite given back, as a directory grown with compressed
records never had them), and measured again. For each: the bytes the limit counts
(`Store.cached_total`: the articles' text and compressed pages), the files of `articles/` (the
articles' database and its larger values), of `state/` (headlines, feeds), of the search index,
and of the whole directory, and the ratios README quotes. Nothing is asserted: this prints
numbers.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def files(path: Path) -> int:
    """The bytes of the files under `path` (or of the file)."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def measure(data_dir: Path) -> dict[str, int]:
    from reader.library import Library

    lib = Library(data_dir, workers="thread")
    try:
        counted, _ = lib.store.cached_total()
        articles = len(lib.store.article_keys())
    finally:
        lib.close()
    return {
        "articles": articles,
        "counted": counted,
        "articles/": files(data_dir / "articles"),
        "state/": files(data_dir / "state"),
        "index": files(data_dir / "search-index.sqlite"),
        "whole": files(data_dir),
    }


def compress_records(data_dir: Path) -> int:
    """Every article record kept as text rewritten compressed, the database vacuumed; how many."""
    from reader.library import Library
    from reader.store.record_json import packed_record

    lib = Library(data_dir, workers="thread")
    cache = lib.store._articles
    rewritten = 0
    try:
        keys = [f"article:{key}" for key in lib.store.article_keys()]
        for start in range(0, len(keys), 500):
            with cache.transact():
                for name in keys[start : start + 500]:
                    value = cache.get(name)
                    if isinstance(value, str):
                        cache.set(name, packed_record(value))
                        rewritten += 1
        cache._sql("VACUUM")
    finally:
        lib.close()
    return rewritten


def show(name: str, sizes: dict[str, int]) -> None:
    mb = {k: v / 2**20 for k, v in sizes.items() if k != "articles"}
    print(
        f"{name:22} {sizes['articles']:,} articles: counted {mb['counted']:7.1f} MB;"
        f" articles/ {mb['articles/']:7.1f} MB ({sizes['articles/'] / sizes['counted']:.2f}×"
        f" counted); state/ {mb['state/']:5.1f} MB; index {mb['index']:5.1f} MB;"
        f" whole {mb['whole']:7.1f} MB ({sizes['whole'] / sizes['counted']:.2f}× counted)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--work", type=Path, help="where the copy goes (kept)")
    args = parser.parse_args()
    as_is = measure(args.data_dir)
    show("as it is", as_is)
    with tempfile.TemporaryDirectory(prefix="bench-dir-size-", dir=args.work) as tmp:
        copy = Path(tmp) / "d"
        shutil.copytree(args.data_dir, copy, symlinks=True)
        rewritten = compress_records(copy)
        compressed = measure(copy)
    show(f"compressed ({rewritten:,})", compressed)
    print(
        f"compressed / as it is: articles/ {compressed['articles/'] / as_is['articles/']:.2f}×,"
        f" whole {compressed['whole'] / as_is['whole']:.2f}×,"
        f" counted {compressed['counted'] / as_is['counted']:.2f}×"
    )


if __name__ == "__main__":
    main()
