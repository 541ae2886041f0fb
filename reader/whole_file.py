"""A new file written whole under its name, or not at all: its text goes to a hidden part file
beside it first (`part_files`' name), linked in under the name only once every byte is on disk.
A full disk left an empty config file that every later run took for the user's (acc49a A8)."""

from __future__ import annotations

import os
import tempfile
from contextlib import suppress
from pathlib import Path

from .part_files import PART_SUFFIX, part_prefix


def write_new_file(path: Path, text: str, mode: int = 0o666) -> None:
    """Write `text` (UTF-8) to `path`, which must not be there yet, with `mode` less the umask.
    OSError when it could not be written whole (a full disk, a read-only folder: then nothing is
    left), or when a file came under its name meanwhile (FileExistsError: that one is kept as it
    is, not replaced)."""
    handle, part = tempfile.mkstemp(prefix=part_prefix(path), suffix=PART_SUFFIX, dir=path.parent)
    try:
        os.fchmod(handle, mode & ~process_umask())  # as `write_text` makes it, not mkstemp's 0600
        with os.fdopen(handle, "wb") as file:
            file.write(text.encode("utf-8"))
            file.flush()
            os.fsync(file.fileno())  # on disk before its name is: a power cut leaves no stub
        try:
            # A link, not a rename: it never replaces a file another process made meanwhile.
            os.link(part, path)
        except FileExistsError:
            raise
        except OSError:
            # A file system with no hard links (FAT, a USB stick's): renamed in, unless a
            # file came under the name meanwhile.
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(part, path)
    finally:
        with suppress(OSError):
            os.unlink(part)


def process_umask() -> int:
    """This process's umask (read by setting it: put back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
