"""How long a long PDF takes to read into an article, this checkout against another side by
side (`--against DIR`, a worktree of main), in CPU seconds of `pdf_article` alone.

    uv run python benchmarks/pdf_layout_speed.py [--pages 600] [--runs 3] [--against DIR]

Writes a report (`reader.demo.pdf_pages.report_pdf`: paragraphs, headings and list items over
about `pages` pages, a running head and a page number on each), and has each checkout read it
in a child process of its own, the checkouts alternating; prints each one's CPU seconds
(median, min, max), this / against, and the load. Nothing is asserted: this prints numbers.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # beside this script

from children import checkouts, child_json
from farm import child_env, load_average

_READ = """
import json, sys, time
from reader.extract.pdf_document import pdf_article
body = open(sys.argv[1], "rb").read()
began = time.process_time()
article = pdf_article(body, "")
print(json.dumps([time.process_time() - began, len(article.blocks)]))
"""


def _report(pages: int) -> bytes:
    from reader.demo.pdf_pages import report_pdf

    text = (
        "The harbour board heard that the contractor billed the extra tonnage at the emergency "
        "rate for eleven months, although the storms had ended in March; no member was told. "
    ) * 3
    blocks: list[tuple[str, str]] = []
    for n in range(pages * 2):
        blocks += [
            ("h", f"Section {n + 1}"),
            ("p", text),
            ("li", "Publish every order."),
            ("p", text),
        ]
    return report_pdf("Harbour review", blocks, running_head="Harbour review 2026")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=600)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--against", type=Path)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        pdf.write_bytes(_report(args.pages))
        times: dict[str, list[float]] = {}
        blocks: dict[str, int] = {}
        for _ in range(args.runs):
            for name, checkout in checkouts(args.against).items():
                cpu, count = child_json("-c", _READ, pdf, env=child_env(PYTHONPATH=str(checkout)))
                times.setdefault(name, []).append(cpu)
                blocks[name] = count
        print(f"a report of {pdf.stat().st_size // 1024} KB; load {load_average()}")
        for name, cpus in times.items():
            print(
                f"{name:8} pdf_article: median {statistics.median(cpus):.2f} s CPU "
                f"(min {min(cpus):.2f}, max {max(cpus):.2f}), {blocks[name]} blocks"
            )
        if len(times) == 2:
            ratio = statistics.median(times["this"]) / statistics.median(times["against"])
            print(f"this / against: {ratio:.2f}")


if __name__ == "__main__":
    main()
