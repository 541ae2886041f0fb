"""The reader on a terminal takes the terminal's own size, not an exported COLUMNS and LINES
that a wrapper or a shell rc left stale: it was drawn for 200x60 in an 80x24 window, the key bar
lost (acc51a A10)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

from tests.pty_reader import reader_in_pty

_MOVED_TO = re.compile(rb"\x1b\[(\d+);(\d+)H")


def test_a_stale_columns_and_lines_are_not_believed_over_the_terminal(synced_dir: Path) -> None:
    stale = {"COLUMNS": "200", "LINES": "60"}
    with reader_in_pty(synced_dir, rows=24, columns=80, environment=stale) as shown:
        deadline = time.monotonic() + 120
        while b"available offline" not in shown.screen() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert b"available offline" in shown.screen(), shown.screen()[-500:]
        shown.type(b"Q")
        assert shown.process.wait(timeout=60) == 0
    places = [(int(row), int(column)) for row, column in _MOVED_TO.findall(shown.screen())]
    assert places and max(row for row, _ in places) <= 24, max(places)
    assert max(column for _, column in places) <= 80, max(places)


def test_off_a_terminal_a_columns_given_is_left_to_what_reads_it(tmp_path: Path) -> None:
    """A pipe has no window to ask: `COLUMNS=60 reader --help | less` is the user's choice,
    kept (the help wrapped at 60), where a terminal's own size would have overruled it."""
    piped = subprocess.run(
        [sys.executable, "-m", "reader", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "READER_HOME": str(tmp_path), "COLUMNS": "60"},
        timeout=60,
    )
    assert piped.returncode == 0
    assert max(len(line) for line in piped.stdout.splitlines()) <= 60
