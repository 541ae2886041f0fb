"""In GNU screen the mouse is off by default (`[ui] mouse = "auto"`): screen holds a lone Esc
back while a window has mouse reports on, and sent it only with the next key, so Esc did
nothing in an article until another key came (acc45b B1). tmux inside screen and screen
inside tmux each inherit the other's variable: the nearer of the two is the terminal."""

from __future__ import annotations

import os
import shutil
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


@pytest.mark.skipif(shutil.which("screen") is None, reason="GNU screen is not installed")
def test_in_a_real_screen_esc_leaves_an_article_at_once(synced_dir: Path, tmp_path: Path) -> None:
    """The reader in a window of GNU screen itself, run in a terminal of its own, its keys
    typed there: Esc, alone, takes an article back to the headlines. With the mouse on
    (`mouse = true`, as every start was before "auto") screen held it until the next key."""
    sockets = tmp_path / "sockets"
    sockets.mkdir(mode=0o700)
    settings = tmp_path / "screenrc"
    settings.write_text("startup_message off\n")  # and no user's ~/.screenrc
    session = f"reader-test-{os.getpid()}"
    environment: dict[str, str | None] = {"SCREENDIR": str(sockets), "STY": None, "TMUX": None}
    screen = ["screen", "-S", session, "-c", str(settings)]
    env = {**os.environ, "SCREENDIR": str(sockets)}

    def key_bar() -> str:
        """The window's last row but blanks, as screen's hardcopy of it has it."""
        copy = tmp_path / "hardcopy"
        copy.unlink(missing_ok=True)
        subprocess.run([*screen, "-X", "hardcopy", str(copy)], env=env, timeout=30)
        for _ in range(100):  # written by screen's own process, after the command returns
            if copy.exists() and copy.stat().st_size:
                break
            time.sleep(0.1)
        rows = copy.read_bytes().decode("latin-1").splitlines() if copy.exists() else []
        return next((row for row in reversed(rows) if row.strip()), "")

    def shows(words: str) -> bool:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if words in key_bar():
                return True
            time.sleep(0.3)
        return False

    try:
        with reader_in_pty(synced_dir, 24, 80, environment=environment, inside=screen) as run:
            assert shows(" Open "), key_bar()
            run.type(b"\r")
            assert shows("esc Back"), key_bar()
            run.type(b"\x1b")
            assert shows(" Open "), key_bar()  # the headlines again, no other key typed
    finally:
        subprocess.run([*screen, "-X", "quit"], env=env, timeout=30, capture_output=True)
