"""What the reader draws and prints where few glyphs can be shown: on the Linux console
(TERM=linux) only what the kernel's own font has, cp437's (acc42a A3: the rounded corners, ●,
…, ⊘, — and “ ” came out as its replacement glyph ■, the mark it gives a picture); in an ASCII
locale (LC_ALL=C) ASCII alone, transliterated as newsboat's iconv does (acc42a A2: the frames,
the marks and the dashes were written in UTF-8 to a terminal that shows its bytes as litter).
The glyphs are chosen as the process starts, so each run is a process of its own."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from unicodedata import category

import pytest

from tests.tui_pilot import script_output

ROOT = Path(__file__).parent.parent
TAKEN_DOWN = re.compile(r"\bx[\s│|]+cached, its page since taken down")

SCRIPT = """
import asyncio, sys
from dataclasses import replace
from pathlib import Path
from reader.ui.dialogs.confirm import ConfirmScreen
from reader.ui.dialogs.help import HelpScreen
from reader.ui.screens.article import ArticleScreen
from tests.tui_pilot import keys_handled, on_top, running, screen_text, table, until

async def main() -> None:
    async with running(Path(sys.argv[1]), (60, 20), prefetch=False, notifications=True) as (
        app, pilot
    ):
        headlines = table(app)
        # A title cut short, with a dash, in "All feeds": made so, as a feed may send it.
        first = headlines.rows[0]
        long = "Council budget — “a plan” for roads, libraries, buses and the river’s banks"
        headlines.rows[0] = replace(first, entry=replace(first.entry, title=long))
        headlines._strips.clear()
        headlines.refresh()
        await pilot.press("x")  # a key that does nothing: the status line says so
        await until(pilot, lambda: "no such key" in screen_text(app), "the message")
        print(screen_text(app))
        print("=" * 20)
        await pilot.press("question_mark")
        help_screen = await on_top(pilot, HelpScreen, "the help")
        await pilot.press("G")  # its end: the Markers
        await keys_handled(pilot)
        print(screen_text(app))
        print("=" * 20)
        await pilot.press("escape")
        await keys_handled(pilot)
        app.push_screen(ConfirmScreen("Remove “http://example.org/feed”? (y / n)"))
        await on_top(pilot, ConfirmScreen, "the question")
        await keys_handled(pilot)
        print(screen_text(app))
        print("=" * 20)
        await pilot.press("n")
        await keys_handled(pilot)
        headlines.cursor = 3
        await pilot.press("enter")
        screen = await on_top(pilot, ArticleScreen, "the reading view")
        await until(pilot, lambda: screen.takes_keys, "the article drawn")
        print(screen_text(app))

asyncio.run(main())
"""


def _screens(data: Path, environment: dict[str, str]) -> list[str]:
    return script_output(SCRIPT, data, environment).split("=" * 20 + "\n")


def cp437_glyphs() -> set[str]:
    """What the kernel's default console font shows: cp437's 256 glyphs (the control codes'
    places are glyphs there too: ☺ • ○ ↓ →)."""
    controls = "☺☻♥♦♣♠•◘○◙♂♀♪♫☼►◄↕‼¶§▬↨↑↓→←∟↔▲▼"
    return set(controls) | set(bytes(range(0x20, 0x100)).decode("cp437")) | {"\n"}


def test_the_linux_console_gets_only_what_its_own_font_has(synced_dir: Path) -> None:
    screens = _screens(synced_dir, {"TERM": "linux", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
    everything = "".join(screens)
    # A stranger's letters are theirs (a Russian feed's, for a console font of Cyrillic that
    # `setfont` loads); every mark, frame and punctuation drawn is the reader's choice.
    lacking = {c for c in set(everything) - cp437_glyphs() if not category(c).startswith("L")}
    assert not lacking, sorted(lacking)
    listed, help_end, question, article = screens
    assert "┌" in listed and "┘" in listed  # square corners
    assert "•" in listed  # unread
    assert 'budget - "a plan"' in listed and "..." in listed  # the cut title
    assert "no such key here -- " in listed  # the reader's own words: newsboat's "--"
    assert TAKEN_DOWN.search(help_end), help_end  # the legend's marks are the ones drawn: ⊘ x
    assert 'Remove "http://example.org/feed"?' in question
    assert "┌" in article or "─" in article


def test_an_ascii_locale_gets_ascii_alone(synced_dir: Path) -> None:
    screens = _screens(synced_dir, {"TERM": "xterm-256color", "LANG": "C", "LC_ALL": "C"})
    everything = "".join(screens)
    assert everything.isascii(), sorted(set(everything) - set(map(chr, range(128))))
    listed, help_end, question, _article = screens
    assert "+-" in listed and "|" in listed  # the frame
    assert "N d" in listed  # unread, available offline: as `reader list` marks them
    assert 'budget - "a plan"' in listed and "..." in listed
    assert "no such key here -- " in listed
    assert TAKEN_DOWN.search(help_end), help_end
    assert 'Remove "http://example.org/feed"?' in question


def run_reader(data: Path, *args: str, **environment: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "READER_HOME": str(data), **environment}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], env=env, capture_output=True, timeout=120
    )


def test_the_command_line_in_an_ascii_locale_writes_ascii(synced_dir: Path) -> None:
    listed = run_reader(synced_dir, "list", LC_ALL="C", LANG="C")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.isascii() and listed.stdout, listed.stdout[:300]
    first_id = listed.stdout.split()[0].decode()
    assert b"Nd " in listed.stdout  # unread, cached: "N↓" in UTF-8
    shown = run_reader(synced_dir, "show", first_id, LC_ALL="C", LANG="C")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.isascii() and len(shown.stdout) > 200
    utf8 = run_reader(synced_dir, "show", first_id, LC_ALL="C.UTF-8")
    assert not utf8.stdout.isascii()  # the same article has more than ASCII to show
    as_json = run_reader(synced_dir, "list", "--json", LC_ALL="C", LANG="C")
    assert as_json.stdout.isascii() and b"\\u" in as_json.stdout  # escaped, the same data
    missing = run_reader(synced_dir, "list", "--search", "zzzqqq", LC_ALL="C", LANG="C")
    assert missing.stderr.isascii() and b'"zzzqqq"' in missing.stderr, missing.stderr


def test_lang_c_alone_is_an_ascii_locale_though_python_coerces_it(synced_dir: Path) -> None:
    """`LANG=C` with no LC_ALL or LC_CTYPE, a rescue shell's: Python sets LC_CTYPE=C.UTF-8
    before the reader runs (PEP 538), which hid the C asked for (acc43b B3)."""
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_CTYPE")}
    env.update(PYTHONPATH=str(ROOT), READER_HOME=str(synced_dir), LANG="C")
    listed = subprocess.run(
        [sys.executable, "-m", "reader", "list"], env=env, capture_output=True, timeout=120
    )
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.isascii() and b"Nd " in listed.stdout, listed.stdout[:300]


def test_the_reader_s_own_words_on_the_linux_console_have_straight_quotes(
    synced_dir: Path,
) -> None:
    missing = run_reader(synced_dir, "list", "--search", "zzzqqq", TERM="linux")
    assert b'"zzzqqq"' in missing.stderr, missing.stderr
    assert not set(missing.stderr.decode()) - cp437_glyphs()


@pytest.mark.parametrize(
    ("environ", "ascii_only"),
    [
        ({"LC_ALL": "C"}, True),
        ({"LANG": "POSIX"}, True),
        ({"LC_CTYPE": "en_US.ANSI_X3.4-1968", "LANG": "en_GB.UTF-8"}, True),
        ({"LC_ALL": "C.UTF-8", "LANG": "C"}, False),
        ({"LC_ALL": "", "LC_CTYPE": "", "LANG": "en_GB.UTF-8"}, False),
        ({"LANG": "de_DE.ISO-8859-1"}, False),  # Latin-1: refused as before, not ASCII
        ({}, False),  # none set: a container's, a service's; its terminal is often UTF-8
    ],
)
def test_an_ascii_locale_is_read_from_the_variables_as_setlocale_reads_them(
    environ: dict[str, str], ascii_only: bool
) -> None:
    from reader.marks import ascii_locale

    assert ascii_locale(environ) is ascii_only


def test_the_linux_console_draws_no_bidi_isolate() -> None:
    """The reader's own isolates round Hebrew or Arabic text (`bidi_isolates`) are for terminals
    that order letters; the console orders none, and may draw one it has no glyph for in a cell,
    shifting the row (review42)."""
    code = (
        "from reader.marks import cell_glyphs\n"
        "print(repr(cell_glyphs('\\u2067\\u05e9\\u05dc\\u05d5\\u05dd\\u2069 \\u2068x\\u2069')))"
    )
    env = {**os.environ, "TERM": "linux", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == repr("\u05e9\u05dc\u05d5\u05dd x")
