"""The library and the config file where the other of a Linux user's two rules put them.

platformdirs puts the data directory in `$XDG_DATA_HOME/reader-tui` when that variable is set,
else in `~/.local/share/reader-tui` (the config: `$XDG_CONFIG_HOME`, else `~/.config`). An admin's
profile that sets XDG_DATA_HOME after the reader was first used moves where it looks: the reader
opened a new, empty library there, said nothing of the full one left behind, and cron's `reader
sync` "succeeded" on no feeds from then on (acc43b B12). newsboat looks in both of its places
before it starts anew; so does this, for a line that names the other one.

Only the move that can be seen is said: with the variable set, its place in use and the
default's holding a library. A library made under the variable, read later without it (a cron
job that doesn't read the profile), can't be found: nothing says where the variable pointed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from .config import APP_NAME, UNTOUCHED_CONFIGS
from .marks import said_path


def _other(folder: Path, variable: str, default: str) -> Path | None:
    """The reader's folder by the default rule (`~/default/reader-tui`; on macOS, where
    platformdirs reads the XDG variables too, `~/Library/Application Support/reader-tui`) when
    `folder` is the one `variable` names now and the two differ; else None."""
    if sys.platform == "win32":  # platformdirs reads no XDG variable there
        return None
    if sys.platform == "darwin":
        default = "Library/Application Support"
    named = os.environ.get(variable, "").strip()
    if not named or not os.path.isabs(named):
        return None  # platformdirs' own default then: nothing moved
    if folder != Path(named) / APP_NAME:
        return None  # a --data-dir, READER_HOME, READER_CONFIG given: the user's choice
    try:
        other = Path.home() / default / APP_NAME
    except RuntimeError:  # no home to find
        return None
    return None if other == folder else other


def library_elsewhere(root: Path) -> Path | None:
    """The library the reader kept in `~/.local/share/reader-tui` before XDG_DATA_HOME was set,
    when `root`, the one in use, is the one XDG_DATA_HOME names; None when there is none."""
    other = _other(root, "XDG_DATA_HOME", ".local/share")
    if other is None or not (other / "state" / "cache.db").is_file():
        return None
    return other


def library_elsewhere_said(root: Path) -> str:
    """The line that names the library `library_elsewhere` finds, with the option that reads
    it (and, when `root` is not there yet, the `mv` that puts it there); "" when none."""
    other = library_elsewhere(root)
    if other is None:
        return ""
    shown, here = said_path(other), said_path(root)
    moved = "" if root.exists() else f", or `mv {shown} {here}` moves it where the reader looks now"
    return (
        f"a library is at {shown} (the reader's before XDG_DATA_HOME was set):"
        f" `reader --data-dir {shown}` reads it{moved}"
    )


def config_elsewhere_said(path: Path) -> str:
    """The line that names a config file of your own settings in `~/.config/reader-tui` when
    `path`, the one in use, is the one XDG_CONFIG_HOME names and holds only the defaults the
    reader wrote there (or is not there); "" otherwise."""
    other = _other(path.parent, "XDG_CONFIG_HOME", ".config")
    if other is None:
        return ""
    mine = other / "config.toml"
    try:
        if not mine.is_file() or mine.read_text(encoding="utf-8") in UNTOUCHED_CONFIGS:
            return ""
        if path.exists() and path.read_text(encoding="utf-8") not in UNTOUCHED_CONFIGS:
            return ""  # settings of its own here too: the user's choice
    except (OSError, UnicodeDecodeError):
        return ""
    shown, here = said_path(mine), said_path(path)
    return (
        f"the config file in use, {here}, holds only the defaults; yours is at {shown}, where"
        f" the reader read it before XDG_CONFIG_HOME was set: `reader --config {shown}` reads"
        f" it, or `mv {shown} {here}` puts it where the reader looks now"
    )
