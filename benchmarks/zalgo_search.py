"""A search reaching an article whose one letter carries a flood of combining marks ("Zalgo"):

    uv run python benchmarks/zalgo_search.py [--marks 15000 30000 60000] [--runs 3] [--before DIR]

For each count of marks, two data directories of one article each (a lead paragraph, then "H"
with that many marks and a closing sentence), written through the store, untimed: **cached
before** (the text as the page had it, as an article cached by an earlier reader holds it) and
**cached now** (the page extracted by this checkout: the run cut to 30 at decoding,
`mark_runs`). Then `reader list --search closing` as a child process, CPU seconds, the median
of `--runs`: every search reaching the article composes its text (`fold.composed`), as `/` in
it and `F` do; a cluster of n marks took time growing as n² (acc30c D3: 60,000 marks, 6 s).

`--before DIR` runs another checkout of the reader too (its root: `git archive main reader |
tar -x -C DIR`) on the same directories, alternately with this one: a change's before and
after in one run. Nothing is asserted: this prints medians and their ratios.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import child_env, load_average, run_measured, warm_up

_URL = "http://127.0.0.1:9/zalgo.html"  # nothing listens: the search never needs it
_LEAD = "Normal lead paragraph with ordinary words about the harbour and the council vote."
_TAIL = "Closing paragraph with ordinary words about the harbour."
# Below, above and overlaid marks in turn, as Zalgo generators pile them (not in canonical
# order, so composing sorts them).
_MARKS = "\u0316\u0317\u0318\u0301\u0300\u0310\u0334"


def _page(marks: int) -> bytes:
    flood = (_MARKS * (marks // len(_MARKS) + 1))[:marks]
    return (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Zalgo</title></head>"
        f"<body><article><h1>Zalgo</h1><p>{_LEAD}</p><p>H{flood} and on.</p><p>{_TAIL}</p>"
        "</article></body></html>"
    ).encode()


def build(data_dir: Path, marks: int, extracted: bool) -> None:
    """One article cached in `data_dir`: the page's text as it is, or as extracted now."""
    from reader.extract import extract_file
    from reader.library import Library
    from reader.models import Article, Block, BlockKind, Inline

    flood = (_MARKS * (marks // len(_MARKS) + 1))[:marks]
    if extracted:
        article = extract_file(_page(marks), _URL)
    else:
        texts = (_LEAD, f"H{flood} and on.", _TAIL)
        blocks = tuple(Block(BlockKind.PARAGRAPH, (Inline(text),)) for text in texts)
        article = Article(url=_URL, title="Zalgo", blocks=blocks)
    lib = Library(data_dir, workers="thread")
    try:
        lib.store.put_article(_URL, article)
    finally:
        lib.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--marks", type=int, nargs="+", default=[15_000, 30_000, 60_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    args = parser.parse_args(argv)
    warm_up()
    env = child_env()
    here = Path(__file__).resolve().parent.parent
    readers = {"after": here}
    if args.before:
        readers = {"before": args.before.resolve(), "after": here}
    loads = [load_average()]
    rows: list[tuple[str, str, dict[str, float]]] = []
    with tempfile.TemporaryDirectory(prefix="reader-zalgo-") as tmp:
        for marks in args.marks:
            for cached in ("cached before", "cached now"):
                data_dir = Path(tmp) / f"{marks}-{cached.split()[1]}"
                build(data_dir, marks, extracted=cached == "cached now")
                cpu: dict[str, list[float]] = {name: [] for name in readers}
                for _ in range(args.runs):
                    for name, checkout in readers.items():
                        # -P: not the working directory's reader first, PYTHONPATH's.
                        command = ["env", f"PYTHONPATH={checkout}", sys.executable, "-P"]
                        command += ["-m", "reader"]
                        command += ["--data-dir", str(data_dir), "list", "--search", "closing"]
                        result = run_measured(command, env, sample=False)
                        if result.returncode != 0 or "Zalgo" not in result.stdout:
                            raise SystemExit(f"{name}: {result.stderr or result.stdout}")
                        cpu[name].append(result.cpu)
                rows.append(
                    (f"{marks:,} marks", cached, {n: statistics.median(c) for n, c in cpu.items()})
                )
                loads.append(load_average())
    print(
        f"`reader list --search closing`, CPU seconds (median of {args.runs}); load {', '.join(loads)}"
    )
    print(
        f"{'':<16}{'':<16}"
        + "".join(f"{name:>10}" for name in readers)
        + ("     ratio" if args.before else "")
    )
    for marks_label, cached, medians in rows:
        cells = "".join(f"{medians[name]:>9.2f}s" for name in readers)
        ratio = f"{medians['before'] / medians['after']:>9.1f}×" if args.before else ""
        print(f"{marks_label:<16}{cached:<16}{cells}{ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
