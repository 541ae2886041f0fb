"""The reading view's typesetting of a long Hebrew article and a long English one, where the
Hebrew one's lines are drawn in the reader's bidi isolates (`reader.bidi_isolates`) and the
English one's are not: what looking for right-to-left letters in each line costs.

    uv run python benchmarks/bidi_typeset.py [--runs 5] [--before DIR]

Each article (the Hebrew and English pages of `tests/test_rtl_reading.py`, read by the real
extractor, their blocks said over 60 times: about 600 lines at 80 cells) is typeset at 40, 61
and 80 cells as the reading view lays it out (`typeset.layout`), in a child process: CPU
milliseconds, the best of `--runs`. `--before DIR` runs another checkout of the reader too (its
root: `git archive main reader tests | tar -x -C DIR`), one after the other with this one at the
same load. Nothing is asserted: this prints the times and their ratios.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this

from farm import runs_before_after

_CHILD = """
import json, sys, time
from dataclasses import replace
from rich.console import Console
from rich.style import Style
from reader.extract import extract_article
from reader.ui.widgets.article import block_paragraphs, paragraph, typeset
from tests.test_rtl_reading import ENGLISH_PAGE, HEBREW_PAGE
console = Console(width=200, color_system=None)
styles = paragraph.ArticleStyles(
    **{n: Style() for n in paragraph.ArticleStyles.__dataclass_fields__}
)
best = {}
for name, page in (("Hebrew", HEBREW_PAGE), ("English", ENGLISH_PAGE)):
    article = extract_article(page, "https://bay.example/news/ferries.html")
    article = replace(article, blocks=article.blocks * 60)
    paragraphs = block_paragraphs.body(article, styles)
    times = []
    for _ in range(int(sys.argv[1])):
        start = time.process_time()
        for width in (40, 61, 80):
            lines = typeset.layout(paragraphs, width, console).lines
        times.append(time.process_time() - start)
    best[name] = (min(times) * 1000, len(lines))
print(json.dumps(best))
"""


def main(argv: list[str] | None = None) -> int:
    args, load, found = runs_before_after(__doc__, _CHILD, argv)
    readers = list(found)
    print(f"typeset at 40, 61 and 80 cells, CPU ms (best of {args.runs}); load {load}")
    print(
        f"{'':<10}" + "".join(f"{n:>10}" for n in readers) + ("     ratio" if args.before else "")
    )
    for text in found["after"]:
        cells = "".join(f"{found[n][text][0]:>8.1f}ms" for n in readers)
        ratio = (
            f"{found['after'][text][0] / found['before'][text][0]:>9.2f}×" if args.before else ""
        )
        lines = found["after"][text][1]
        print(f"{text:<10}{cells}{ratio}   ({lines} lines at 80 cells)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
