"""A folder of the user's own in the temporary directory, for the files the reader hands to
other programs: a kept picture's copy for a viewer (`pictures.opened_copy`), an article's
Markdown for a command of the user's (`user_commands.markdown_file`, `{file}`).

The temporary directory is everyone's: a folder of a fixed name made there first by another
user (or a link to theirs) would have the viewer open the file they put there, or a copy
written through a link of theirs. One is used only when it is a directory (not a link) of this
user's that no one else can write, made 0700 when missing.
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path


def own_temp_folder(purpose: str, make: bool = True) -> Path:
    """`reader-PURPOSE-UID` in the temporary directory, the user's alone; OSError, in one line,
    when the one there is not (another user's, a link, writable by others), or, not to `make`
    it, when there is none."""
    import tempfile  # here: the config's module, every command's, imports this one

    uid = os.getuid() if hasattr(os, "getuid") else 0
    folder = Path(tempfile.gettempdir()) / f"reader-{purpose}-{uid}"
    if make:
        with suppress(FileExistsError):
            folder.mkdir(mode=0o700)
    found = folder.lstat()
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != uid or found.st_mode & 0o077:
        raise OSError(f"{folder} is not a folder of this user's alone: nothing is written there")
    return folder


def make_private_folder(folder: Path) -> None:
    """`folder` made, when missing, for this user alone (0700; its parents as the umask has
    them): the data directory holds what was read, saved, highlighted and noted, sign-in
    cookies among them, and a home directory readable by all (many servers' 0755) let any local
    account read it (acc41b B2). newsboat makes `~/.newsboat` so. A folder already there is
    left as its owner set it."""
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
