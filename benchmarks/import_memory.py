"""What `reader import` of a big wallabag export holds in memory, this checkout against another
side by side (`--against DIR`, a worktree of main): every entry's text was held through the
import, beside the file's bytes and its whole text decoded (wall34).

    uv run python benchmarks/import_memory.py [--mb 25] [--emoji] [--runs 1] [--against DIR]

Writes a wallabag JSON export of about `mb` MB (entries of ~50 KB of HTML each, curly quotes
and accents in their text as articles have them; with `--emoji`, one emoji in one entry, which
made the whole text four bytes a letter), every link to 127.0.0.1 port 9 (nothing listens: the
page does not come, and each link is saved with the text wallabag kept, read by the extractor
as a page is). Each checkout's CLI imports it with `--fetch-local` into a throwaway data
directory, in a child process of its own, the checkouts alternating; each line gives the
child's peak RSS (`ru_maxrss`), its CPU and wall time, and the load. Nothing is asserted: this
prints numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts, measured
from farm import child_env, load_average, warm_up

PARAGRAPH = (
    "<p>The harbour’s night ferry, delayed again by the storm, reached the quay at dawn; its"
    " crew said the crossing had been “the roughest of the year”, and the café by the pier"
    " opened early for the passengers — some of whom had waited twelve hours. Entry {n},"
    " paragraph {p}.</p>\n"
)


def export(path: Path, mb: int, emoji: bool) -> int:
    """Write the export; how many entries it holds."""
    entry_bytes = 50_000
    count = max(1, mb * 2**20 // entry_bytes)
    with path.open("w", encoding="utf-8") as out:
        out.write("[")
        for n in range(count):
            paragraphs = []
            size, p = 0, 0
            while size < entry_bytes:
                paragraphs.append(PARAGRAPH.format(n=n, p=p))
                size += len(paragraphs[-1].encode())
                p += 1
            if emoji and n == count // 2:
                paragraphs.append("<p>The harbour master’s reply: 🌊.</p>")
            entry = {
                "id": n,
                "url": f"http://127.0.0.1:9/story-{n}.html",
                "title": f"Night ferry reaches the quay {n}",
                "content": "".join(paragraphs),
                "created_at": "2025-12-01T07:00:00+01:00",
                "published_by": ["Kerensa Vosper"],
                "is_archived": n % 2,
                "tags": [{"label": f"tag{n % 7}"}],
                "annotations": [],
            }
            out.write(("," if n else "") + json.dumps(entry, ensure_ascii=False))
        out.write("]")
    return count


def imported(checkout: Path, file: Path, home: Path) -> str:
    """One import measured, as a line."""
    command = [sys.executable, "-m", "reader", "--data-dir", str(home), "import"]
    load = load_average()
    # In the checkout: `-m` puts the working directory first on the path.
    env = child_env(PYTHONPATH=str(checkout))
    run = measured([*command, "--fetch-local", str(file)], env, checkout, said_on="stdout")
    summary = run.said[0][:60] if run.said else ""
    if run.status != 0:
        return f"failed ({run.status}): {summary}"
    return f"{run.figures()}  load {load}  ({summary})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=int, default=25)
    parser.add_argument("--emoji", action="store_true", help="one emoji in one entry")
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    args = parser.parse_args()
    warm_up()
    with tempfile.TemporaryDirectory() as temp:
        file = Path(temp) / "wallabag.json"
        count = export(file, args.mb, args.emoji)
        size = file.stat().st_size / 2**20
        print(f"{count:,} entries, {size:.1f} MB{' (one emoji)' if args.emoji else ''}", flush=True)
        for run in range(args.runs):
            for name, checkout in checkouts(args.against).items():
                home = Path(temp) / f"{name}-{run}"
                print(f"  {name:8} {imported(checkout, file, home)}", flush=True)


if __name__ == "__main__":
    main()
