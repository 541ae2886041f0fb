"""The files a reader killed mid-write (kill -9, a power cut) leaves in its own temporary
folders: a user's command's `{file}` (`command_files`) and the part of a kept picture's copy for
a viewer (`pictures.opened_copy`). Swept at a reader's start and at a sync's, those no live
process holds (`part_files.sweep_own_folder`): a few names read, in a thread. With them, the
copies of pictures opened for a viewer a day ago or more (`pictures.sweep_old_copies`)."""

from __future__ import annotations


def sweep_left_behind() -> int:
    """Remove what readers killed left in the reader's own temporary folders, but what a live
    process holds (a reader beside this one, a program reading its file); how many."""
    from .command_files import sweep_left_files as sweep_command_files
    from .pictures import sweep_left_copies, sweep_old_copies

    return sweep_command_files() + sweep_left_copies() + sweep_old_copies()
