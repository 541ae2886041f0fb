"""The reading view's typesetting of a long data table, this checkout beside another.

    uv run python benchmarks/table_typeset.py --against CHECKOUT [--rows 3000] [--runs 3]

A page of one table (`--rows` rows of five columns: words, figures, a note) between two
paragraphs is extracted once per process, then its body typeset at 120 cells seven times
(`block_paragraphs.body` + `typeset.typeset`, what the reading view does before its first
screen); the CPU median of those is the figure. Two tables: one where no cell spans, one where
every tenth row is a note across the whole table (`colspan`). Each checkout runs in a child
process of this Python with its own tree first on `PYTHONPATH`, the two alternating `--runs`
times so that neither always goes first; medians of the runs and their ratio are printed.
Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, statistics, sys, time
from rich.console import Console
from rich.style import Style
from reader.extract import extract_article
from reader.ui.widgets.article import block_paragraphs, paragraph, typeset

rows, spanning = int(sys.argv[1]), sys.argv[2] == "1"
cells = []
for i in range(rows):
    if spanning and i % 10 == 9:
        cells.append(f"<tr><td colspan=5>Note on the wards above: recount {i} requested</td></tr>")
    else:
        cells.append(
            f"<tr><td>Ward {i}</td><td>Name {i} Surname</td><td>{i * 13:,}</td>"
            f"<td>{i % 100}.{i % 10}%</td><td>note {i}</td></tr>"
        )
text = "<p>" + "Words of the text around the table. " * 20 + "</p>"
page = (
    f"<html><body><article><h1>Figures</h1>{text}<table><thead><tr><th>Ward</th><th>Name</th>"
    f"<th>Votes</th><th>Share</th><th>Note</th></tr></thead><tbody>{''.join(cells)}</tbody>"
    f"</table>{text}</article></body></html>"
)
article = extract_article(page.encode(), "https://courier.example.com/figures.html")
styles = paragraph.ArticleStyles(**{n: Style() for n in paragraph.ArticleStyles.__dataclass_fields__})
console = Console(width=200, color_system=None)
times = []
for _ in range(7):
    start = time.process_time()
    typeset.typeset(block_paragraphs.body(article, styles), 120, console)
    times.append(time.process_time() - start)
print(json.dumps(statistics.median(times) * 1000))
"""


def _measure(checkout: Path, rows: int, spanning: bool) -> float:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    out = subprocess.run(
        [sys.executable, "-c", _CHILD, str(rows), "1" if spanning else "0"],
        env=env,
        cwd=checkout,
        capture_output=True,
        text=True,
        check=True,
    )
    return float(json.loads(out.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--against", type=Path, required=True, help="another checkout")
    parser.add_argument("--rows", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    trees = {"this": HERE, "against": args.against.resolve()}
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print("| table | this ms CPU | against ms CPU | this / against |")
    print("|---|---:|---:|---:|")
    for spanning in (False, True):
        runs: dict[str, list[float]] = {"this": [], "against": []}
        for run in range(max(1, args.runs)):
            order = ["this", "against"] if run % 2 == 0 else ["against", "this"]
            for name in order:
                runs[name].append(_measure(trees[name], args.rows, spanning))
        this, against = statistics.median(runs["this"]), statistics.median(runs["against"])
        label = f"{args.rows:,} rows" + (", a note across every tenth" if spanning else "")
        print(f"| {label} | {this:.0f} | {against:.0f} | {this / against:.2f} |")
    print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
