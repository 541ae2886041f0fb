"""A feed is parsed by a worker process, and the process that hands it the feed (the reader's)
imports no feed parser: feedparser and chardet (~4.5 MB of its resident memory) are the
workers' alone. A fresh Python of its own, a real server on 127.0.0.1."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.test_library import feed_xml

_REFRESH = """
import asyncio, sys
from pathlib import Path
from reader.library import Library

async def main():
    async with Library(Path(sys.argv[1]), workers="process") as lib:
        lib.add_feed(sys.argv[2])
        results = await lib.refresh()
        print(results[0].new_entries, "feedparser" in sys.modules, "reader.feeds" in sys.modules)

if __name__ == "__main__":
    asyncio.run(main())
"""


def test_the_reader_parses_its_feeds_without_importing_the_parser(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    base = httpserver.url_for("").rstrip("/")
    items = [(f"Harbour story {n}", f"/story{n}.html", f"g{n}") for n in range(3)]
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed_xml(base, items), content_type="application/rss+xml"
    )
    script = tmp_path / "refresh.py"
    script.write_text(_REFRESH)
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([root, os.environ.get("PYTHONPATH", "")])}
    command = [sys.executable, str(script), str(tmp_path / "data"), base + "/feed.xml"]
    said = subprocess.check_output(command, text=True, env=env, timeout=120).split()
    assert said == ["3", "False", "False"]
