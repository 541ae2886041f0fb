"""A terminal whose terminfo entry has no colours (TERM=vt100, vt220: `tput colors` -1) is drawn
as under NO_COLOR: no colour codes written, the cursor row in reverse video (acc42a A9). The
reader wrote 16-colour codes there, its cursor row white on blue: invisible on a monochrome
terminal, which shows neither."""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from reader.terminfo import colours_of, terminal_colours
from tests.pty_reader import reader_in_pty

_SGR = re.compile(rb"\x1b\[([0-9;]*)m")


def colour_codes(written: bytes) -> set[str]:
    """The colour parameters of the SGR sequences in `written` (30–49, 90–107, 38;… 48;…)."""
    found = set()
    for params in _SGR.findall(written):
        for param in params.decode().split(";"):
            if param and (30 <= int(param) <= 49 or 90 <= int(param) <= 107):
                found.add(param)
    return found


@pytest.mark.parametrize("term", ["vt100", "vt220", "xterm", "xterm-256color", "linux", "dumb"])
def test_the_colours_read_from_terminfo_are_tput_s(term: str) -> None:
    """Read from the compiled entry as ncurses reads it: the same as `tput colors`."""
    tput = shutil.which("tput")
    assert tput, "tput (ncurses-bin) is part of the test machine"
    said = subprocess.run([tput, "-T", term, "colors"], capture_output=True, text=True).stdout
    assert terminal_colours(term) == int(said)


def test_an_entry_cut_short_or_not_one_says_nothing_of_colours() -> None:
    assert colours_of(b"") == -1
    assert colours_of(b"not a terminfo entry at all") == -1
    assert terminal_colours("no-such-terminal-anywhere") is None
    assert terminal_colours("../../etc/passwd") is None


def test_a_vt100_gets_no_colour_codes_and_its_cursor_row_in_reverse_video(synced_dir: Path) -> None:
    environment: dict[str, str | None] = {"TERM": "vt100", "COLORTERM": None, "NO_COLOR": None}
    with reader_in_pty(synced_dir, rows=24, columns=80, environment=environment) as reader:
        deadline = time.monotonic() + 40
        while b"unread" not in reader.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        reader.type(b"j")
        shown = len(reader.shown)
        deadline = time.monotonic() + 40
        while len(reader.shown) == shown and time.monotonic() < deadline:
            time.sleep(0.1)  # the move's frame
        time.sleep(0.5)
        written = reader.screen()
    assert b"unread" in written
    assert not colour_codes(written), sorted(colour_codes(written))
    assert b"\x1b[7m" in written  # the cursor row, in reverse video
