"""Whether a data directory lies in a folder a file-sync tool keeps in step with another
machine's (Syncthing, Dropbox, Nextcloud…), told by the marker each leaves at its folder's root.

There files arrive in any order and keep their first machine's times: a value file no record
names may be one whose record is still on its way, not one a write cut short left. `reader
repair` deleted such files, judged old by the time the tool copied, and the tool then deleted
them on the other machine too (acc42b B8).
"""

from __future__ import annotations

from pathlib import Path

_MARKERS = {
    ".stfolder": "Syncthing",
    ".stversions": "Syncthing",
    ".dropbox": "Dropbox",
    ".dropbox.cache": "Dropbox",
    ".nextcloudsync.log": "Nextcloud",
    ".owncloudsync.log": "ownCloud",
    ".sync": "Resilio Sync",
}
"""The file or folder a tool leaves at the root of a folder it syncs, and the tool's name."""

_LEVELS = 12
"""How far up from the data directory the folder synced may begin."""


def synced_by(directory: Path) -> str:
    """The tool that syncs `directory` or a folder holding it, "" for none found."""
    try:
        place = directory.resolve()
    except OSError:
        return ""
    for folder in [place, *place.parents][:_LEVELS]:
        for marker, tool in _MARKERS.items():
            try:
                if (folder / marker).exists():
                    return tool
            except OSError:
                continue
    return ""
