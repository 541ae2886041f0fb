"""Each command's `--help` as a screen reader's user hears it, top to bottom (acc42a A18): a
few lines of what it does, then its options; the long explanations in README's "Commands in
full", which the help names; `--data-dir` and `--config`'s defaults said once, in `reader
--help`."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from reader.cli.parser import build_parser

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(sub.choices)


def _help(parser: argparse.ArgumentParser, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.setenv("COLUMNS", "80")  # an 80-column terminal, as argparse measures it
    return parser.format_help().splitlines()


def test_each_commands_help_says_what_it_does_in_a_few_lines_then_its_options(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name, command in _commands().items():
        lines = _help(command, monkeypatch)
        start = lines.index("") + 1  # after the usage lines
        paragraph = lines[start : lines.index("", start)]
        assert 1 <= len(paragraph) <= 6, (name, paragraph)
        # The options within 20 lines: `sync --help` had 36 lines of prose before them,
        # `import --help` 50 (arguments named on the command line come first, as argparse has it).
        assert lines.index("options:") < 20, (name, lines.index("options:"))


def test_where_data_and_config_live_is_said_once_in_reader_help(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    top = " ".join(" ".join(_help(build_parser(), monkeypatch)).split())
    assert "$READER_HOME" in top and "~/.local/share/reader-tui" in top
    assert "$READER_CONFIG" in top and "~/.config/reader-tui" in top
    for name, command in _commands().items():
        lines = _help(command, monkeypatch)
        (data_dir,) = [line for line in lines if line.lstrip().startswith("--data-dir DIR")]
        (config,) = [line for line in lines if line.lstrip().startswith("--config FILE")]
        for line in (data_dir, config):
            assert line.rstrip().endswith("(default: see `reader --help`)"), (name, line)


def test_a_help_that_names_readme_for_the_rest_has_it_there(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    section = README.split("### Commands in full\n", 1)[1].split("\n### ", 1)[0]
    entries = re.findall(
        r"^- \*\*`reader ([a-z-]+)`(?: / `reader ([a-z-]+)`)?\*\*: ", section, re.M
    )
    in_full = {name for pair in entries for name in pair if name}
    pointed = {
        name
        for name, command in _commands().items()
        if _help(command, monkeypatch)[-1] == 'In full: README.md, "Commands in full".'
    }
    assert {"sync", "import", "show", "export", "cache"} <= pointed
    assert pointed == in_full
    # What `sync --help` said at length and says no more is there (one fact of several).
    assert "network_wait (60 s)" in " ".join(section.split())
