"""The files a package ships beside the program (acc43b B14): the man page and the shell
completions, written from the command line's parser by scripts/packaging_files.py, are what
the parser gives now, and the completions complete in the real shells; the example systemd
units read as systemd reads them."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.parser import build_parser

ROOT = Path(__file__).resolve().parent.parent


def _command(name: str) -> argparse.ArgumentParser:
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return sub.choices[name]


def _option_names(parser: argparse.ArgumentParser) -> set[str]:
    return {
        name
        for action in parser._actions
        if action.help != argparse.SUPPRESS
        for name in action.option_strings
    }


def test_the_committed_man_page_and_completions_are_what_the_parser_gives() -> None:
    """As a help snapshot: an option added to the parser and not to them fails here, until
    `python scripts/packaging_files.py` writes them again."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "packaging_files.py"), "--check"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_the_man_page_names_every_command_and_option() -> None:
    page = (ROOT / "man" / "reader.1").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name, command in sub.choices.items():
        assert f"\n.SS {name.replace('-', chr(92) + '-')}\n" in page
        for option in _option_names(command):
            assert option.replace("-", "\\-") in page, (name, option)
    assert ".SH EXIT STATUS" in page and "75 try again" in page


def _bash_completions(words: list[str], cwd: Path) -> list[str]:
    """What bash completes for the last of `words` (`reader …`), the completion file sourced
    in a real bash as bash-completion sources it."""
    script = (
        f"source {ROOT / 'completions' / 'reader.bash'}\n"
        "COMP_WORDS=(" + " ".join(f"'{w}'" for w in words) + ")\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_reader\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", script],
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    )
    return [line for line in done.stdout.splitlines() if line]


def test_bash_completes_commands_options_and_their_values(tmp_path: Path) -> None:
    loaded = subprocess.run(
        [
            "bash",
            "--norc",
            "-c",
            f"source {ROOT / 'completions' / 'reader.bash'}; complete -p reader",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "-F _reader reader" in loaded.stdout
    assert _bash_completions(["reader", "sy"], tmp_path) == ["sync"]
    # The command found after a global option and its value.
    assert set(_bash_completions(["reader", "--data-dir", "/tmp", "sync", "--"], tmp_path)) == {
        o for o in _option_names(_command("sync")) if o.startswith("--")
    }
    (format_action,) = [a for a in _command("export")._actions if "--format" in a.option_strings]
    assert _bash_completions(["reader", "export", "--format", ""], tmp_path) == list(
        format_action.choices
    )
    # --data-dir takes a folder: a file beside it is not offered.
    (tmp_path / "library").mkdir()
    (tmp_path / "list.txt").write_text("")
    assert _bash_completions(["reader", "--data-dir", "li"], tmp_path) == ["library"]
    assert sorted(_bash_completions(["reader", "import", "li"], tmp_path)) == [
        "library",
        "list.txt",
    ]


def test_zsh_reads_its_completion_function() -> None:
    zsh = shutil.which("zsh")
    assert zsh, "zsh is needed (apt-get install zsh: .ci/run installs it)"
    subprocess.run([zsh, "-n", str(ROOT / "completions" / "_reader")], check=True)
    # Loaded as compinit loads it: the function is defined, and names every command.
    done = subprocess.run(
        [
            zsh,
            "-f",
            "-c",
            f"fpath=({ROOT / 'completions'} $fpath); autoload -Uz _reader; "
            "functions -c _reader >/dev/null 2>&1; autoload +X _reader && whence -w _reader",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and "function" in done.stdout, done.stderr
    text = (ROOT / "completions" / "_reader").read_text(encoding="utf-8")
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    for name in sub.choices:
        assert f"\n        '{name}:" in text or f"(\n        '{name}:" in text, name


def _fish_completions(line: str, home: Path) -> list[str]:
    fish = shutil.which("fish")
    assert fish, "fish is needed (apt-get install fish: .ci/run installs it)"
    done = subprocess.run(
        [
            fish,
            "--no-config",
            "-c",
            f"source {ROOT / 'completions' / 'reader.fish'}; complete -C '{line}'",
        ],
        capture_output=True,
        text=True,
        check=True,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
    )
    return [row.split("\t")[0] for row in done.stdout.splitlines()]


def test_fish_completes_commands_options_and_their_values(tmp_path: Path) -> None:
    assert _fish_completions("reader sy", tmp_path) == ["sync"]
    assert set(_fish_completions("reader sync --", tmp_path)) == {
        o for o in _option_names(_command("sync")) if o.startswith("--")
    }
    (theme,) = [a for a in build_parser()._actions if "--theme" in a.option_strings]
    assert _fish_completions("reader --theme ", tmp_path) == sorted(theme.choices)


@pytest.mark.parametrize("unit", ["reader-sync.service", "reader-sync.timer"])
def test_the_example_systemd_units_pass_systemd_analyze_verify(unit: str, tmp_path: Path) -> None:
    """`systemd-analyze verify` reads them as systemd would (an unknown key, a bad value, a
    timer with no unit to start, a restart setting a oneshot service can't have: its
    RestartForceExitStatus= was refused); the ExecStart's program must exist."""
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is needed (apt-get install systemd)"
    folder = tmp_path / "units"
    folder.mkdir()
    for name in ("reader-sync.service", "reader-sync.timer"):
        shutil.copy(ROOT / "contrib" / "systemd" / name, folder / name)
    # %h/.local/bin/reader, where `uv tool install` puts it: this checkout's stands in.
    home = tmp_path / "home"
    program = home / ".local" / "bin" / "reader"
    program.parent.mkdir(parents=True)
    program.write_text(f'#!/bin/sh\nexec {sys.executable} -m reader "$@"\n')
    program.chmod(0o755)
    done = subprocess.run(
        [analyze, "verify", "--man=no", str(folder / unit)],
        capture_output=True,
        text=True,
        env={**os.environ, "HOME": str(home)},
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.strip() == "", done.stderr
