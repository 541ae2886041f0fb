"""The TUI benchmarks (benchmarks/tui_*.py) run with tiny sizes and print their tables.

Timing-free: the benchmarks print their numbers; nothing here asserts a duration.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def run_script(name: str, *args: str, timeout: float = 120) -> str:
    """Run a benchmark script as a user would; its stdout (it must exit 0)."""
    env = {**os.environ, "TZ": "UTC"}
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / name), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_reading_prints_its_tables() -> None:
    out = run_script(
        "tui_reading.py",
        *("--words", "1500", "--repeats", "1", "--steps", "2", "--page-steps", "1"),
    )
    assert "| open → first frame with the body | ours ms | Markdown widget ms |" in out
    assert "| scroll key |" in out and "`j` / `down`" in out
    assert "command: uv run python benchmarks/tui_reading.py" in out
    assert "typed: key → frame with the matches so far" in out
    assert "left 9/10 of the way down: it reopens there (median of 1" in out
    assert "search alone (`ArticleBody.search` over the whole article" in out
    assert "load average" in out


def test_headlines_prints_its_tables() -> None:
    out = run_script(
        "tui_headlines.py",
        *("--feeds", "3", "--items", "10", "--starts", "1", "--steps", "10", "--size", "80x24"),
    )
    assert "30 headlines (3 feeds × 10)" in out
    assert "| start → every headline on screen | ms | target | verdict |" in out
    assert "`j` (cursor down one row)" in out and "feed list `j`" in out
    assert "| back to back |" in out and "| 25 ms after a frame |" in out
    assert "load average" in out


def test_sync_stall_prints_its_table() -> None:
    out = run_script(
        "tui_sync_stall.py",
        *("--feeds", "3", "--items", "3", "--latency", "0", "--hosts", "2", "--idle", "0.2"),
        "--sample",
    )
    assert "event-loop drift of a 10 ms timer" in out
    assert "| articles cached / headlines with a link | 9 / 9 (all) |" in out
    assert "**largest stall** (target < 100 ms)" in out
    assert "Garbage collections during the sync:" in out
    assert "peak RSS of the app's process" in out
    assert "outermost reader/ frame on the stack" in out
    assert "load average" in out


def test_startup_prints_its_table() -> None:
    out = run_script("tui_startup.py", "--runs", "1", "--items", "5")
    assert "TUI start-up to the first screen, 1 runs each, alternating; load" in out
    for row in ("import textual", "floor (one Label)", "reader, empty", "reader, 15 headlines"):
        assert row in out
    assert "own CPU" in out and "with children" in out and "over floor" in out


def test_startup_sets_a_checkout_beside_this_one() -> None:
    """`--before` times another checkout (this one here) beside it, and the ratios of each;
    `--imports` each one's imports alone, `--cached-every 1` every article cached."""
    out = run_script(
        *("tui_startup.py", "--runs", "1", "--items", "2", "--before", str(BENCHMARKS.parent)),
        *("--imports", "--cached-every", "1"),
    )
    for row in ("before, imports", "before, empty", "before, 6 headlines, all cached"):
        assert row in out
        assert row.replace("before", "after") in out
    ratios = out.split("after ÷ before", 1)[1].splitlines()
    assert [line.split()[0] for line in ratios[1:4]] == ["imports", "empty", "6"]


def test_startup_times_an_imported_library_and_tags() -> None:
    out = run_script("tui_startup.py", "--runs", "1", "--library", "30:3")
    assert "reader, library 30:3" in out  # imported, its first screen naming the first folder
    out = run_script("tui_startup.py", "--runs", "1", "--items", "2", "--tags", "2")
    assert "reader, 6 headlines / 2 tags" in out


def test_scale_prints_its_table() -> None:
    out = run_script(
        "scale.py",
        *("--feeds", "2", "--items", "3", "--floor-items", "2", "--runs", "1"),
        timeout=300,  # two syncs and each command's warm run besides
    )
    assert "2×3 headlines against the floor's 1×2, 1 runs each, alternating; load" in out
    for row in (
        "reader: sync --no-articles",
        "reader: feeds",
        "reader: list",
        "reader: list --unread",
        "reader: TUI first paint",
        "reader: TUI first headline",
        "reader: TUI every headline",
    ):
        assert row in out
