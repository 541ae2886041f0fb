"""On the Linux console (TERM=linux) every background is one of the 8 base colours: the console
shows 100–107 as 40–47 (console_codes(4): "bright not supported"), and the cursor of the feed
list, not in use while the headlines have the keys, was written as 100, black on black there:
the feed shown could not be told from the others (acc45b B4)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from tests.pty_reader import reader_in_pty

_SGR = re.compile(rb"\x1b\[([0-9;]*)m")


def backgrounds(written: bytes) -> set[int]:
    """The 16-colour background parameters of the SGR sequences in `written` (40–47, 100–107)."""
    found = set()
    for params in _SGR.findall(written):
        for param in params.decode().split(";"):
            if param and (40 <= int(param) <= 47 or 100 <= int(param) <= 107):
                found.add(int(param))
    return found


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_console_gets_base_backgrounds_and_the_feed_shown_stands_out(
    synced_dir: Path, theme: str
) -> None:
    (synced_dir / "config.toml").write_text(f'[ui]\ntheme = "{theme}"\n')
    environment: dict[str, str | None] = {"TERM": "linux", "COLORTERM": None, "NO_COLOR": None}
    with reader_in_pty(synced_dir, rows=24, columns=100, environment=environment) as reader:
        deadline = time.monotonic() + 40
        while b"unread" not in reader.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1)
        written = reader.screen()
    assert b"unread" in written
    found = backgrounds(written)
    assert found and max(found) <= 47, sorted(found)
    # The feed list's cursor, the list not in use: magenta, apart from the blue of the one in use.
    assert 45 in found, sorted(found)
