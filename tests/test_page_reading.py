"""A downloaded page is read in one go by the worker: inflated once, its login-page fingerprint
taken there too, none of it on the event loop a TUI draws from."""

from __future__ import annotations

import asyncio
import gzip
import threading
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader import content_coding
from reader.library import Library

PAGE = """<!DOCTYPE html><html><head><title>Breakwater repairs start | Quay Daily</title></head>
<body><article><h1>Breakwater repairs start</h1>
<p>Work on the harbour's outer breakwater began on Monday, the council said, after a winter in
which three storms pulled blocks from its seaward face and closed the walkway to anglers.</p>
<p>The contractor will bring stone by barge from the quarry across the bay, so that lorries stay
off the seafront road during the summer, and expects the work to take eleven weeks.</p>
<p>Anglers may use the inner pier meanwhile; the lifeboat station is not affected.</p>
</article></body></html>"""


def test_a_compressed_page_is_inflated_once_off_the_event_loop(
    httpserver: HTTPServer, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    httpserver.expect_request("/breakwater.html").respond_with_data(
        gzip.compress(PAGE.encode()),
        headers={"Content-Encoding": "gzip"},
        content_type="text/html; charset=utf-8",
    )
    inflated_in: list[threading.Thread] = []
    inflate = content_coding.decode_body

    def counted(*args: object, **kwargs: object) -> bytes:
        inflated_in.append(threading.current_thread())
        return inflate(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(content_coding, "decode_body", counted)

    async def read() -> tuple[str, threading.Thread]:
        async with Library(data_dir, workers="thread") as lib:
            # Its pages read in this process's threads, where the count is: in the worker
            # process they are read in otherwise (under their time limit), it is not.
            lib.cpu.pages_apart = False
            article = await lib.article(httpserver.url_for("/breakwater.html"))
            return article.title, threading.current_thread()

    title, loop_thread = asyncio.run(read())
    assert title == "Breakwater repairs start"
    assert len(inflated_in) == 1  # by the worker that read it, not again for its fingerprint
    assert inflated_in[0] is not loop_thread
