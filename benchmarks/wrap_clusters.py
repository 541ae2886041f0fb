"""The reading view's line breaking of text that is folded between clusters (a flag, a family,
a skin tone kept whole: `cells.clusters`): Chinese and Japanese, English with emoji, Hindi.

    uv run python benchmarks/wrap_clusters.py [--runs 5] [--before DIR]

Each text (about 6,000 characters of Chinese and Japanese; 17,000 of English with a skin tone
and a flag in every sentence; 14,000 of Hindi; 16,000 of plain English, Rich's own wrapping;
11,000 of Lao, Khmer and Myanmar, set with no spaces between words) is wrapped at 40, 61 and 80 cells as the reading
view wraps a paragraph (`line_breaks.wrap_for_terminal`), in a child process: CPU milliseconds,
the best of `--runs` (the least disturbed by the other work of a shared machine). `--before DIR`
runs another checkout of the reader too (its root: `git archive main reader tests | tar -x -C
DIR`, the texts are read from its tests), one after the other with this one at the same load: a
change's before and after in one run. Nothing is asserted: this prints the times and their ratios.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this

from farm import runs_before_after

_CHILD = """
import json, sys, time
from rich.console import Console
from rich.text import Text
from reader.ui.widgets.article.line_breaks import wrap_for_terminal
from tests.test_cjk_reading import CHINESE, JAPANESE
console = Console(width=200, color_system=None)
texts = {
    "Chinese and Japanese": (CHINESE + JAPANESE) * 40,
    "English with emoji": "Harbour news with an emoji 👍🏽 and a flag 🇫🇷 " * 400,
    "Hindi": "हिंदी समाचार पत्र में आज की खबरें " * 400,
    "English": "The council met on Thursday to vote on the harbour budget again. " * 250,
    "Lao, Khmer, Myanmar": (
        "ສະບາຍດີປະເທດລາວມີພູເຂົາຫຼາຍແລະແມ່ນ້ຳຂອງໄຫຼຜ່ານນະຄອນຫຼວງວຽງຈັນ "
        "ព្រះរាជាណាចក្រកម្ពុជាមានរាជធានីភ្នំពេញដែលជាទីក្រុងធំ "
        "မြန်မာနိုင်ငံသည်အရှေ့တောင်အာရှတွင်တည်ရှိပြီး "
    ) * 70,
}
best = {}
for name, text in texts.items():
    times = []
    for _ in range(int(sys.argv[1])):
        start = time.process_time()
        for width in (40, 61, 80):
            wrap_for_terminal(Text(text), console, width)
        times.append(time.process_time() - start)
    best[name] = min(times) * 1000
print(json.dumps(best))
"""


def main(argv: list[str] | None = None) -> int:
    args, load, found = runs_before_after(__doc__, _CHILD, argv)
    readers = list(found)
    print(f"wrapped at 40, 61 and 80 cells, CPU ms (best of {args.runs}); load {load}")
    print(
        f"{'':<24}" + "".join(f"{n:>10}" for n in readers) + ("     ratio" if args.before else "")
    )
    for text in found["after"]:
        cells = "".join(f"{found[n][text]:>8.1f}ms" for n in readers)
        ratio = f"{found['after'][text] / found['before'][text]:>9.2f}×" if args.before else ""
        print(f"{text:<24}{cells}{ratio}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
