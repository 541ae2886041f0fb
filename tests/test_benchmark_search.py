"""benchmarks/search.py runs with tiny sizes and prints its table (no duration is asserted)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "search.py"


def test_search_benchmark_prints_its_table() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--articles", "5", "--sample", "2", "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "TZ": "UTC"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "5 cached articles" in done.stdout
    # The rare word is in the first of every 97 articles: one of five.
    assert re.search(r"a rare word\s+'quillwort'\s+1 hits\s+in process: scan", done.stdout)
    assert re.search(r"a phrase\s+'\"quillwort beds\"'\s+1 hits", done.stdout)
    assert re.search(r"common words .* hits\s+in process: scan .* index .* command", done.stdout)
    assert re.search(r"index built in [\d.]+ s, [\d.]+ MB", done.stdout)


def test_zalgo_search_benchmark_prints_its_table() -> None:
    script = SCRIPT.with_name("zalgo_search.py")
    done = subprocess.run(
        [sys.executable, str(script), "--marks", "200", "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r"200 marks\s+cached before\s+[\d.]+s", done.stdout)
    assert re.search(r"200 marks\s+cached now\s+[\d.]+s", done.stdout)
