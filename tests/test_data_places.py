"""Where the reader keeps its data and finds its config when told nothing: README's "Where data
lives", run as a user runs it (`reader config --path`, `reader cache --json`'s `data_dir`)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

PLACES = ("READER_HOME", "READER_CONFIG", "XDG_DATA_HOME", "XDG_CONFIG_HOME")


def places(home: Path, *argv: str, **env: str) -> tuple[str, str]:
    """The data directory and the config file a run with `env` (and HOME `home`) uses."""
    base = {k: v for k, v in os.environ.items() if k not in PLACES}
    base.update(HOME=str(home), PYTHONIOENCODING="utf-8", **env)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", *argv, *args],
            capture_output=True,
            text=True,
            env=base,
            timeout=120,
            cwd=home,
        )

    # A directory not there is named by the line refusing it (`library_missing`), not made.
    refused = run("cache", "--json")
    assert refused.returncode == 1, refused.stderr
    found = re.fullmatch(r"reader: no library at (.*?): `reader add.*\n", refused.stderr)
    assert found is not None, refused.stderr
    configured = run("config", "--path")
    assert configured.returncode == 0, configured.stderr
    return found.group(1), configured.stdout.strip()


def test_the_xdg_directories_then_the_home_s_then_those_chosen(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    data, config = tmp_path / "xdg-data", tmp_path / "xdg-config"
    assert places(home, XDG_DATA_HOME=str(data), XDG_CONFIG_HOME=str(config)) == (
        str(data / "reader-tui"),
        str(config / "reader-tui" / "config.toml"),
    )
    # Relative: not taken, as the XDG spec says; nor a "~", which the spec knows nothing of.
    assert places(home, XDG_DATA_HOME="xdg", XDG_CONFIG_HOME="~/conf") == (
        str(home / ".local" / "share" / "reader-tui"),
        str(home / ".config" / "reader-tui" / "config.toml"),
    )
    # A directory chosen keeps its own config; READER_CONFIG names another; empty is unset.
    xdg = {"XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(config)}
    assert places(home, READER_HOME="~/mine", **xdg) == (
        str(home / "mine"),
        str(home / "mine" / "config.toml"),
    )
    (home / "my.toml").write_text("", encoding="utf-8")  # one named must be there (acc35a E11)
    assert places(home, READER_HOME="~/mine", READER_CONFIG="~/my.toml", **xdg) == (
        str(home / "mine"),
        str(home / "my.toml"),
    )
    assert places(home, "--data-dir", str(tmp_path / "d"), READER_HOME="", **xdg) == (
        str(tmp_path / "d"),
        str(tmp_path / "d" / "config.toml"),
    )
    assert places(home, "--data-dir", "", READER_HOME="", READER_CONFIG="", **xdg) == (
        str(data / "reader-tui"),
        str(config / "reader-tui" / "config.toml"),
    )
