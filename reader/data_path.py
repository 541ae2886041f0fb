"""A data directory's path as the cache library reads it: diskcache runs `expandvars` on the
directory it is given, so a path holding `$NAME` is not always the directory it names."""

from __future__ import annotations

import re
from pathlib import Path

from .models import StoreError
from .safe import safe_line

_EXPANDED = re.compile(r"\$(\w+|\{[^}]*\})")
"""What `os.path.expandvars` replaces when the environment has it: `$NAME`, `${NAME}`."""


def expanded_by_diskcache(root: Path) -> str:
    """What is said of a data directory whose path diskcache would read otherwise, "" for
    one it reads as given. `diskcache.Cache()` runs `expandvars` on its directory: a path
    holding `$X` kept its locks, config and index where given and its feeds where `$X` led
    (acc51a A3: `READER_HOME='$HOME/news'` from a crontab line, which doesn't expand it), and
    in another directory with another `X` set."""
    found = _EXPANDED.search(str(root))
    if found is None:
        return ""
    return (
        f"the data directory's path {root} holds {found.group(0)}, which the cache library"
        " would take for an environment variable, keeping the library where that leads: give"
        " the path without it (a crontab line or systemd's Environment= doesn't expand $HOME:"
        " write the path itself)"
    )


def check_data_path(root: Path) -> Path:
    """`root`, or a StoreError saying why the cache library would not keep the library there
    (`expanded_by_diskcache`): before anything is written in it (its config, its lock)."""
    if said := expanded_by_diskcache(root):
        raise StoreError(safe_line(said))
    return root
