"""In GNU screen the mouse is off by default (`[ui] mouse = "auto"`): screen holds a lone Esc
back while a window has mouse reports on, and sent it only with the next key, so Esc did
nothing in an article until another key came (acc45b B1). tmux inside screen and screen
inside tmux each inherit the other's variable: the nearer of the two is the terminal."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from reader.config import load_config
from reader.marks import in_gnu_screen
from reader.ui.terminal import mouse_reports
from tests.pty_reader import reader_in_pty

MOUSE_ON = b"\x1b[?1000h"


@pytest.mark.parametrize(
    ("written", "mouse"),
    [
        ("", None),
        ('mouse = "auto"', None),
        ('mouse = "Auto"', None),
        ("mouse = true", True),
        ("mouse = false", False),
    ],
)
def test_the_setting_is_read(tmp_path: Path, written: str, mouse: bool | None) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[ui]\n{written}\n")
    assert load_config(path).mouse is mouse


@pytest.mark.parametrize("written", ["mouse = 1", 'mouse = "yes"', "mouse = []"])
def test_another_value_is_refused_in_a_line(tmp_path: Path, written: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(f"[ui]\n{written}\n")
    with pytest.raises(ValueError, match=r'ui\.mouse must be true, false or "auto"'):
        load_config(path)


def test_auto_is_off_in_screen_alone_and_the_setting_wins() -> None:
    screen = {"STY": "4242.pts-3.host", "WINDOW": "0", "TERM": "screen"}
    assert in_gnu_screen(screen)
    assert not mouse_reports(None, screen)
    assert mouse_reports(None, {"TERM": "screen"})  # tmux 3.3's TERM: not screen
    assert mouse_reports(None, {"TMUX": "/tmp/tmux-0/default,77,0", "TERM": "tmux-256color"})
    assert mouse_reports(True, screen)
    assert not mouse_reports(False, {})
    assert not in_gnu_screen({"STY": ""})


_NEARER = """
import os, sys
from reader.marks import in_gnu_screen
shell, test = os.getppid(), int(sys.argv[1])
screen_in_tmux = {"STY": f"{shell}.pts-1.host", "TMUX": f"/tmp/tmux-0/default,{test},0"}
tmux_in_screen = {"STY": f"{test}.pts-1.host", "TMUX": f"/tmp/tmux-0/default,{shell},0"}
neither = {"STY": "1.pts-1.host", "TMUX": "/tmp/tmux-0/default,1,0"}
print(in_gnu_screen(screen_in_tmux), in_gnu_screen(tmux_in_screen), in_gnu_screen(neither))
"""


def test_with_both_variables_the_nearer_process_is_the_terminal() -> None:
    """A real process tree: this test, a shell, Python. The shell stands for the inner of the
    two (its parent), the test for the outer one."""
    command = f"{sys.executable} -c '{_NEARER}' {os.getpid()}; exit $?"
    said = subprocess.run(
        ["sh", "-c", command], capture_output=True, text=True, check=True
    ).stdout.split()
    assert said == ["True", "False", "False"]


def _written_at_start(data_dir: Path, environment: dict[str, str | None]) -> bytes:
    with reader_in_pty(data_dir, rows=24, columns=80, environment=environment) as reader:
        deadline = time.monotonic() + 40
        while b"unread" not in reader.screen() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(0.5)
        return reader.screen()


def test_in_screen_no_mouse_report_is_asked_and_elsewhere_it_is(synced_dir: Path) -> None:
    in_screen = _written_at_start(synced_dir, {"STY": "4242.pts-3.host", "TMUX": None})
    assert b"unread" in in_screen
    assert MOUSE_ON not in in_screen and b"\x1b[?1006h" not in in_screen
    elsewhere = _written_at_start(synced_dir, {"STY": None, "TMUX": None})
    assert b"unread" in elsewhere and MOUSE_ON in elsewhere
