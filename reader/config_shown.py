"""What `reader config` adds to a config file: the settings in force that the file doesn't name.

A file written before a setting existed (`[ui] theme` came after many users' files) runs on the
setting's default, and printing the file alone hid that the setting was there to change. The
defaults and their explanations are config.DEFAULT_CONFIG_TEXT's, the text a new file is written
with (its settings commented out): each setting the file names nowhere, neither set nor
commented out, is shown as it is there, with its comment, and each section that is only an
example there (`[keys]`, `[sites."…"]`, `[[ignore]]`) when the file has no such
section, commented out or not.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

from .config import DEFAULT_CONFIG_TEXT

_SECTION = re.compile(r"^\[(\w+)\]$")
_EXAMPLE = re.compile(r"^# \[\[?(\w+)[.\]]")  # [keys], [sites."…"], [[ignore]]
_SETTING = re.compile(r"^(\w+) = ")


def _named(text: str, section: str) -> bool:
    """The file has `[section]` (or `[section.…]`), commented out or not."""
    return re.search(rf"^\s*#?\s*\[\[?{section}[.\]\s]", text, re.MULTILINE) is not None


_COMMENTED_SETTING = re.compile(r"^#\s?(\w+) = ")


def _commented_settings(text: str) -> dict[str, set[str]]:
    """By section, the settings `text` holds commented out ("# per_host = 4", as the reader
    writes a new file): shown there with their defaults already."""
    found: dict[str, set[str]] = {}
    section = ""
    for line in text.splitlines():
        if match := re.match(r"^\s*\[(\w+)\]", line):
            section = match.group(1)
        elif section and (match := _COMMENTED_SETTING.match(line)):
            found.setdefault(section, set()).add(match.group(1))
    return found


def _unset(
    lines: list[str], section: str, settings: dict[str, Any] | None, shown: set[str]
) -> list[str]:
    """A section's lines of the defaults (comments, each followed by the settings it explains)
    that `settings`, the file's part of it (None: the file has no such section), leaves out,
    but those the file `shown` commented out; none if it leaves nothing out."""
    kept: list[str] = []
    comment: list[str] = []
    comment_kept = after_setting = False
    for line in lines:
        if line.startswith("#"):
            if after_setting:  # a new comment, for the settings after it
                comment, comment_kept, after_setting = [], False, False
            comment.append(line)
            continue
        after_setting = True
        named = match.group(1) if (match := _SETTING.match(line)) else ""
        if named and named not in (settings or {}) and named not in shown:
            kept += [] if comment_kept else comment
            comment_kept = True
            kept.append(line if settings is None else f"# {line}")
    if not kept:
        return []
    if settings is None:
        return [f"[{section}]", *kept]
    return [f"# [{section}]: the file's section has these too (move one there to change it)", *kept]


def defaults_not_in(text: str) -> str:
    """The parts of the default config that `text` (a config file, read and valid) doesn't set,
    each with its comment: with the file, every setting in force. "" when it sets them all."""
    data = tomllib.loads(text)
    commented = _commented_settings(text)
    shown: list[list[str]] = []
    for block in DEFAULT_CONFIG_TEXT.split("\n\n"):
        lines = block.strip("\n").splitlines()
        if section := _SECTION.match(lines[0]):
            name = section.group(1)
            unset = _unset(lines[1:], name, data.get(name), commented.get(name, set()))
        else:
            examples = [m.group(1) for line in lines if (m := _EXAMPLE.match(line))]
            unset = lines if examples and not _named(text, examples[0]) else []
        if unset:
            shown.append(unset)
    return "\n\n".join("\n".join(lines) for lines in shown)
