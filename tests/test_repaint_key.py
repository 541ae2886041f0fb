"""Ctrl-L draws the whole screen again, as in vim, mutt, less and newsboat: what another
program wrote over it (a `wall` message, a background job's line) stayed until a resize or
Ctrl-Z, and Ctrl-L did nothing and said nothing (acc52c C2). The real reader under a
pseudo-terminal: after Ctrl-L, the rows already on screen are written to it again."""

from __future__ import annotations

import time
from pathlib import Path

from tests.pty_reader import PtyReader, reader_in_pty
from tests.test_escape_in_search import _until


def _settled(reader: PtyReader) -> int:
    """How much the reader has written, once it has written nothing for a second."""
    while True:
        written = len(reader.screen())
        time.sleep(1)
        if len(reader.screen()) == written:
            return written


def test_ctrl_l_writes_the_whole_screen_again(synced_dir: Path) -> None:
    with reader_in_pty(synced_dir) as reader:
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        assert b"Northwind Tech" in reader.screen()
        before = _settled(reader)
        reader.type(b"\x0c")  # Ctrl-L
        _until(lambda: b"Northwind Tech" in reader.screen()[before:], "the feed list again")
        reader.type(b"?")
        _until(lambda: b"Everywhere" in reader.screen()[before:], "the help on screen")
        assert b"Ctrl-L" in reader.screen()[before:]  # the help says so
        before = _settled(reader)
        reader.type(b"\x0c")  # from the help too: a dialog
        _until(lambda: b"Everywhere" in reader.screen()[before:], "the help drawn again")
        reader.type(b"Q")
        assert reader.process.wait(timeout=30) == 0
