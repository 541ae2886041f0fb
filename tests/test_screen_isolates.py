"""In GNU screen the reader draws no bidi isolates, as on the Linux console: screen orders no
letters, and a Hebrew or Arabic headline's row redrawn in part (the cursor moved off it) lost
its padding and right border after them (acc45b B3). Every other glyph is drawn as it is."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CODE = """
from reader.marks import cell_glyphs, terminal_words
from reader.ui.themes import _GLYPHS, line_filters
from rich.segment import Segment
from textual.color import Color
row = "\\u2567\\u2067\\u05e9\\u05dc\\u05d5\\u05dd\\u2069 \\u2014 \\u256d\\u2026\\u2502"
filters = line_filters([], no_color=False, ansi=False)
drawn = [s.text for f in filters for s in f.apply([Segment(row)], Color(0, 0, 0))]
print(ascii([cell_glyphs(row), terminal_words(row), _GLYPHS in filters, drawn]))
"""

ROW = "\u2567\u2067\u05e9\u05dc\u05d5\u05dd\u2069 \u2014 \u256d\u2026\u2502"
WITHOUT = "\u2567\u05e9\u05dc\u05d5\u05dd \u2014 \u256d\u2026\u2502"


def _drawn(environment: dict[str, str | None]) -> str:
    env = {**os.environ, "TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    for name, value in environment.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    done = subprocess.run(
        [sys.executable, "-c", CODE], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


@pytest.mark.parametrize("term", ["screen", "screen.xterm-256color"])
def test_screen_draws_every_glyph_but_the_isolates(term: str) -> None:
    drawn = _drawn({"STY": "4242.pts-3.host", "TMUX": None, "TERM": term})
    assert drawn == ascii([WITHOUT, WITHOUT, True, [WITHOUT]])


def test_elsewhere_the_isolates_are_drawn() -> None:
    assert _drawn({"STY": None, "TMUX": None}) == ascii([ROW, ROW, False, []])
    # tmux (TERM=screen there too, in tmux 3.3) is not screen.
    tmux = {"STY": None, "TMUX": "/tmp/tmux-0/default,77,0", "TERM": "screen"}
    assert _drawn(tmux) == ascii([ROW, ROW, False, []])
