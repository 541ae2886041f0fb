"""A big page (a council's PDF of photographs) goes to the worker that reads it by a file, not
pickled through the pool's queue: the event loop's process (the reader's screen) holds its body
once while it comes, and not at all once it is read (`page_handover`); the file goes with it.

Real parts: a PDF of photographs written by the demo's writer, a loopback server
(pytest-httpserver), the library's worker processes, its store on disk; the loop's process's
memory counted by tracemalloc (every thread's allocations: the queue's feeder pickles there).
"""

from __future__ import annotations

import asyncio
import gc
import tracemalloc
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.demo.pdf_pages import report_pdf
from reader.extract import to_text
from reader.library import Library
from reader.page_handover import BY_FILE_FROM
from reader.part_files import PART_SUFFIX
from tests.test_pdf_sizes import _feed

_PARAGRAPH = (
    "The inspectors found that the boom of crane 4 had cracked along a weld made during the "
    "refit of 2019, and that the crack had grown in the storm of February."
)


def test_a_big_pdf_is_held_once_by_the_loops_process_and_let_go_of_once_read(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    blocks = [("p", f"{_PARAGRAPH} (Finding {n}.)") for n in range(40)]
    pages = report_pdf("Eastquay storm damage", blocks).count(b"/Type /Page ")
    pdf = report_pdf("Eastquay storm damage", blocks, picture_bytes=8 * 2**20 // pages)
    size = len(pdf)
    assert size > 3 * BY_FILE_FROM
    httpserver.expect_request("/report.pdf").respond_with_data(pdf, content_type="application/pdf")
    del pdf
    feed = _feed(httpserver, [("Eastquay storm damage", "/report.pdf")])

    async def run() -> None:
        async with Library(data_dir) as lib:
            assert lib.cpu.pages_in_processes
            lib.add_feed(feed)
            await lib.refresh()
            (headline,) = lib.headlines()
            gc.collect()
            tracemalloc.start()
            try:
                article = await lib.article(headline.entry)
                gc.collect()
                held, peak = tracemalloc.get_traced_memory()
            finally:
                tracemalloc.stop()
            assert "(Finding 38.)" in to_text(article)
            # Pickled whole, the body was held twice at the peak, and its pickle after it
            # was read (the queue's feeder thread keeps the last item it sent).
            assert peak < 1.5 * size, (peak, size)
            assert held < 0.25 * size, (held, size)
            assert (await lib.article(headline.entry)).title == article.title  # cached

    asyncio.run(run())
    assert not [p.name for p in data_dir.rglob(f"*{PART_SUFFIX}")]
