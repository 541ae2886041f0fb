"""A folder of the user's own for the files the reader hands to other programs: a kept
picture's copy for a viewer (`pictures.opened_copy`), an article's Markdown for a command of
the user's (`user_commands.markdown_file`, `{file}`).

The temporary directory is everyone's: a folder of a fixed name made there first by another
user (or a link to theirs) would have the viewer open the file they put there, or a copy
written through a link of theirs. One is used only when it is a directory (not a link) of this
user's that no one else can write, made 0700 when missing. The session's own runtime directory
(`$XDG_RUNTIME_DIR`, the user's alone by construction) comes first; the temporary directory's
next; and when another account holds that name, one in the user's cache directory: a name
taken first in /tmp turned the user's commands and viewer off for good (acc43b B18).
"""

from __future__ import annotations

import os
import stat
from contextlib import suppress
from pathlib import Path


def own_temp_folder(purpose: str, make: bool = True) -> Path:
    """The user's own folder for `purpose` (`_places`): the first that is theirs alone, made
    there when missing (but not to `make` it: OSError when there is none); OSError, in one
    line, when none is (the first place's refusal)."""
    refused: OSError | None = None
    for folder in _places(purpose):
        try:
            return _own(folder, make)
        except OSError as error:
            refused = refused or error
    assert refused is not None  # there is always a place
    raise refused


def _places(purpose: str) -> list[Path]:
    """Where the folder for `purpose` may be, first first: `$XDG_RUNTIME_DIR/reader-PURPOSE`,
    the temporary directory's `reader-PURPOSE-UID`, the cache directory's
    `reader-tui/PURPOSE` (`$XDG_CACHE_HOME`, else `~/.cache`)."""
    import tempfile  # here: the config's module, every command's, imports this one

    places = []
    if runtime := _runtime_dir():
        places.append(runtime / f"reader-{purpose}")
    places.append(Path(tempfile.gettempdir()) / f"reader-{purpose}-{_uid()}")
    cache = os.environ.get("XDG_CACHE_HOME", "")
    home = Path(cache) if os.path.isabs(cache) else Path.home() / ".cache"
    places.append(home / "reader-tui" / purpose)
    return places


def _runtime_dir() -> Path | None:
    """`$XDG_RUNTIME_DIR` when the session's runtime directory it names is there, this user's
    and 0700, as the spec requires; else None, and the next place is taken, as when no session
    has one. A stale one (after `su`, `sudo -s`, a session started long ago) was made, parents
    and all, or another account's used (acc51a A14); a relative one is to be ignored."""
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if not os.path.isabs(runtime):
        return None
    try:
        found = os.lstat(runtime)
    except OSError:
        return None
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != _uid() or found.st_mode & 0o077:
        return None
    return Path(runtime)


def _own(folder: Path, make: bool) -> Path:
    """`folder`, when it is this user's alone (made so when missing and to `make`)."""
    if make:
        with suppress(FileExistsError):
            folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            folder.mkdir(mode=0o700)
    found = folder.lstat()
    if not stat.S_ISDIR(found.st_mode) or found.st_uid != _uid() or found.st_mode & 0o077:
        raise OSError(f"{folder} is not a folder of this user's alone: nothing is written there")
    return folder


def _uid() -> int:
    """This user's id; 0 where there are none (Windows), whose folders are the user's own."""
    return os.getuid() if hasattr(os, "getuid") else 0


def make_private_folder(folder: Path) -> None:
    """`folder` made, when missing, for this user alone (0700; its parents as the umask has
    them, but never writable by others): the data directory holds what was read, saved,
    highlighted and noted, and a home directory readable by all (many servers' 0755) let any
    local account read it (acc41b B2). newsboat makes `~/.newsboat` so. A folder already there
    is left as its owner set it."""
    missing = []
    above = folder
    while not above.exists() and above != above.parent:
        missing.append(above)
        above = above.parent
    for parent in reversed(missing[1:]):
        # Under umask 000 an `XDG_DATA_HOME` made 0777 let anyone rename the 0700 folder in
        # it and put their own, config and `[[command]]`s and all, in its place (acc51a A11).
        parent.mkdir(mode=0o755, exist_ok=True)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
