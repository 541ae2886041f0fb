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


# acc50b B4–B6: what each command's own arguments are, in each shell and the man page.


def _formats() -> dict[str, list[str]]:
    """Each command taking --format, with the formats it takes."""
    sub = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return {
        name: list(action.choices)
        for name, command in sub.choices.items()
        for action in command._actions
        if "--format" in action.option_strings
    }


def _search_feed_actions() -> list[str]:
    sub = next(
        a for a in _command("search-feed")._actions if isinstance(a, argparse._SubParsersAction)
    )
    return list(sub.choices)


def test_bash_completes_each_commands_own_words_and_files(tmp_path: Path) -> None:
    """`show --format` offers show's formats (the citations), not export's (B4); search-feed's
    actions and cache's prune are offered (B5), and a file after --read-from."""
    assert set(_formats()) >= {"export", "show", "highlights", "diff", "extract"}
    for name, formats in _formats().items():
        assert _bash_completions(["reader", name, "x", "--format", ""], tmp_path) == formats, name
    actions = _search_feed_actions()
    assert _bash_completions(["reader", "search-feed", ""], tmp_path) == actions
    assert _bash_completions(["reader", "--data-dir", "/tmp", "search-feed", "re"], tmp_path) == [
        "remove",
        "rename",
    ]
    assert _bash_completions(["reader", "cache", ""], tmp_path) == ["prune"]
    (tmp_path / "cache.db").write_text("")
    assert _bash_completions(["reader", "cache", "prune", "ca"], tmp_path) == ["cache.db"]
    assert _bash_completions(["reader", "import", "urls", "--read-from", "ca"], tmp_path) == [
        "cache.db"
    ]


def test_fish_completes_files_and_each_commands_own_words(tmp_path: Path) -> None:
    """fish turns files off for the program (its arguments are ids and addresses) but not
    for import's and extract's FILE, nor after --read-from (B5)."""
    fish = shutil.which("fish")
    assert fish, "fish is needed (apt-get install fish: .ci/run installs it)"
    (tmp_path / "urls").write_text("")
    done = subprocess.run(
        [
            fish,
            "--no-config",
            "-c",
            f"source {ROOT / 'completions' / 'reader.fish'}; for line in $argv;"
            " echo '>'; complete -C $line; end",
            "reader import u",
            "reader extract u",
            "reader import x --read-from u",
            "reader sync u",
            "reader search-feed ",
            "reader cache ",
            "reader show x --format ",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    answers = [
        [row.split("\t")[0] for row in part.splitlines() if row]
        for part in done.stdout.split(">\n")[1:]
    ]
    assert answers == [
        ["urls"],
        ["urls"],
        ["urls"],
        [],
        sorted(_search_feed_actions()),
        ["prune"],
        sorted(_formats()["show"]),
    ]


_ZSH_COMPLETE = r"""
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D 2>/dev/null"
zpty -w z "compadd() { local -a h; builtin compadd -O h \"\$@\"; print -rl -- \$h >> $3; builtin compadd \"\$@\"; }"
zpty -w z "completed() { print -r -- '<done>' >> $3 }; zle -N completed; bindkey '^X' completed"
zpty -w -n z "$2"$'\t'$'\C-x'
until grep -q '<done>' $3 2>/dev/null; do sleep 0.1; done
zpty -d z
"""


def _zsh_completions(line: str, tmp_path: Path) -> list[str]:
    """What zsh offers on Tab after `line`: an interactive zsh on a pseudo-terminal (zpty),
    compinit loading the completion function, each offer recorded as compadd makes it."""
    zsh = shutil.which("zsh")
    assert zsh, "zsh is needed (apt-get install zsh: .ci/run installs it)"
    script, out = tmp_path / "complete.zsh", tmp_path / "offered"
    script.write_text(_ZSH_COMPLETE)
    out.unlink(missing_ok=True)
    subprocess.run(
        [zsh, "-f", str(script), str(ROOT / "completions"), line, str(out)],
        check=True,
        cwd=tmp_path,
        timeout=120,
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "TERM": "dumb"},
    )
    return sorted({row for row in out.read_text().splitlines() if row and row != "<done>"})


def test_zsh_completes_each_commands_own_words_and_files(tmp_path: Path) -> None:
    (tmp_path / "cache.db").write_text("")
    assert _zsh_completions("reader search-feed ", tmp_path) == sorted(_search_feed_actions())
    assert _zsh_completions("reader cache ", tmp_path) == ["prune"]
    assert _zsh_completions("reader import x --read-from ca", tmp_path) == ["cache.db"]
    assert _zsh_completions("reader diff x --format ", tmp_path) == sorted(_formats()["diff"])


def test_the_man_page_names_search_feeds_actions_and_their_arguments() -> None:
    """B6: `reader search-feed --help` lists add NAME WORDS, rename NAME NEW_NAME…; so does
    the man page, each with its usage."""
    page = (ROOT / "man" / "reader.1").read_text(encoding="utf-8")
    section = page.split("\n.SS search\\-feed\n")[1].split("\n.SS ")[0]
    for name in _search_feed_actions():
        assert f"\n\\fB{name}\\fR\nreader search\\-feed {name} " in section, name
    assert "NAME WORDS [WORDS ...]" in section and "NAME NEW_NAME" in section
    cache = page.split("\n.SS cache\n")[1].split("\n.SS ")[0]
    assert "\n\\fBprune\\fR\n" in cache


def test_the_man_page_names_the_environment_the_readme_says_is_read() -> None:
    """acc50b B11: the README says the reader reads these (a temporary folder's fallback in
    XDG_CACHE_HOME, the browser o opens, the colours, the proxies of `proxy = "env"`); its
    ENVIRONMENT named only the first four."""
    page = (ROOT / "man" / "reader.1").read_text(encoding="utf-8")
    environment = page.split("\n.SH ENVIRONMENT\n")[1].split("\n.SH ")[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in (
        "READER_HOME",
        "READER_CONFIG",
        "XDG_DATA_HOME",
        "XDG_CONFIG_HOME",
        "XDG_CACHE_HOME",
        "XDG_RUNTIME_DIR",
        "BROWSER",
        "NO_COLOR",
        "TERM",
        "COLORTERM",
        "HTTPS_PROXY",
        "HTTP_PROXY",
        "ALL_PROXY",
        "NO_PROXY",
    ):
        assert name in readme, name
        assert f"\\fB{name}\\fR" in environment, name
    assert "(`XDG_CACHE_HOME` is not read)" not in readme  # it is: own_folder's last fallback


def test_the_wheel_carries_the_readme_man_page_and_completions() -> None:
    """acc50b B13: `uv tool install .` and `pipx install .` installed only the package: the
    README every "In full: README.md" points to, the man page and the completions stayed in the
    source. The wheel takes each to where a prefix's share/ keeps them, as
    scripts/packaging_files.py tells a packager."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    shared = project["tool"]["hatch"]["build"]["targets"]["wheel"]["shared-data"]
    assert shared == {
        "README.md": "share/doc/reader-tui/README.md",
        "man/reader.1": "share/man/man1/reader.1",
        "completions/reader.bash": "share/bash-completion/completions/reader",
        "completions/_reader": "share/zsh/site-functions/_reader",
        "completions/reader.fish": "share/fish/vendor_completions.d/reader.fish",
    }
    told = " ".join((ROOT / "scripts" / "packaging_files.py").read_text(encoding="utf-8").split())
    for source, target in shared.items():
        assert (ROOT / source).is_file(), source
        if source != "README.md":
            assert f"`{source}` to `{target.rsplit('/', 1)[0]}" in told, source
