"""`reader config --from-newsboat`'s settings: newsboat's settings printed as the reader's
`[ui]`, `[feeds]`, `[network]` and `[keys]` lines, each under the line it comes from, and a
comment for each line no setting stands for (acc43a A6).

The output is added to the reader's config with `>>`: a section the config has already is
printed as comments, to set in it (TOML takes a section once: a second `[ui]` stops the reader).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from ..config import Config
from ..newsboat_settings import NewsboatSetting
from ..plural import plural
from ..safe import safe_line
from .common import out

_SECTIONS = ("ui", "feeds", "network", "keys")


@dataclass(frozen=True)
class OwnConfig:
    """The reader's own config: read (None when there is none or it can't be), and its TOML."""

    config: Config | None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class _Tally:
    printed: list[str] = field(default_factory=list)
    by_hand: list[str] = field(default_factory=list)
    already: int = 0
    clashes: int = 0
    not_converted: int = 0


def print_settings(found: list[NewsboatSetting], mine: OwnConfig) -> str:
    """Print `found` as the reader's settings; the line saying how many were printed."""
    tally = _Tally()
    out("\n# newsboat's settings, as the reader's (README: From newsboat).")
    for section in ("ui", "feeds", "network"):
        chosen = _chosen([s for s in found if s.section == section])
        _print_section(section, chosen, mine, tally)
    _print_keys([s for s in found if s.section == "keys"], mine, tally)
    left = [s for s in found if not s.section]
    if left:
        out("\n# Not converted, a line each:")
        for setting in left:
            out(f"# {_said(setting)}: {safe_line(setting.why_not, 400)}")
        tally.not_converted = len(left)
    return _summary(len(found), tally)


def _chosen(settings: list[NewsboatSetting]) -> dict[str, tuple[Any, list[NewsboatSetting]]]:
    """Each setting's value and the lines giving it: a later line over an earlier, as newsboat
    reads them, but `reload-time` over `auto-reload`'s 60 minutes, and any `no` of newsboat's
    two show-read settings, which the reader's one `unread_only` stands for."""
    chosen: dict[str, tuple[Any, list[NewsboatSetting]]] = {}
    for setting in settings:
        value, lines = chosen.get(setting.name, (None, []))
        if setting.name == "unread_only" and value is True:
            new = True
        elif setting.command == "auto-reload" and value and setting.value:
            new = value  # reload-time's minutes, given before it
        else:
            new = setting.value
        chosen[setting.name] = (new, [*lines, setting])
    return chosen


def _print_section(
    section: str,
    chosen: dict[str, tuple[Any, list[NewsboatSetting]]],
    mine: OwnConfig,
    tally: _Tally,
) -> None:
    lines: list[str] = []
    table = mine.data.get(section)
    for name, (value, given) in chosen.items():
        said = "; ".join(_said(setting) for setting in given)
        notes = [s.note for s in given if s.note and s.value == value]
        ours = table.get(name) if isinstance(table, dict) else None
        if ours == value or (ours is None and all(s.default for s in given if s.value == value)):
            tally.already += 1
            where = "in the reader's config" if ours == value else "the reader's default"
            lines.append(f"# {said}: {where} already")
            continue
        lines.append(f"# {said}" + (f" ({safe_line('; '.join(notes), 300)})" if notes else ""))
        lines.append(f"{name} = {_toml(value)}")
        tally.printed.append(name)
    _out_section(section, lines, mine, tally)


def _print_keys(found: list[NewsboatSetting], mine: OwnConfig, tally: _Tally) -> None:
    if not found:
        return
    from ..ui.moved_keys import moved_keys  # here: only newsboat's keys need the TUI's

    own = dict(mine.config.keys) if mine.config else {}
    checked, given = moved_keys([(s.name, str(s.value)) for s in found], own)
    said_of: dict[str, list[str]] = {}
    lines: list[str] = []
    for setting, moved in zip(found, checked, strict=True):
        said = _said(setting)
        if moved.already:
            tally.already += 1
            lines.append(f"# {said}: {moved.key} is {moved.action}'s key already")
        elif moved.faults:
            tally.clashes += 1
            lines.append(f"# {said}: not given, as `reader config` would refuse it:")
            lines += [f"#   {safe_line(fault, 400)}" for fault in moved.faults]
        else:
            note = f" ({safe_line(setting.note, 200)})" if setting.note else ""
            if moved.dropped:
                note += f" ({', '.join(moved.dropped)} no longer {moved.action}: its other keys)"
            said_of.setdefault(moved.action, []).append(f"# {said}{note}")
    for action, keys in given.items():
        lines += said_of.get(action, [])
        lines.append(f"{action} = {_toml(keys)}")
        tally.printed.append(action)
    _out_section("keys", lines, mine, tally)


def _out_section(section: str, lines: list[str], mine: OwnConfig, tally: _Tally) -> None:
    """`lines` under `[section]`: as comments when the config has that section already; the
    comments alone when no line sets anything."""
    if not lines:
        return
    if all(line.startswith("#") for line in lines):
        out("\n" + "\n".join(lines))
    elif section in mine.data:
        out(f"\n# [{section}] is in the reader's config already: set these lines in it")
        out(f"# [{section}]")
        out("\n".join(line if line.startswith("#") else f"# {line}" for line in lines))
        tally.by_hand.append(f"[{section}]")
    else:
        out(f"\n[{section}]")
        out("\n".join(lines))


def _said(setting: NewsboatSetting) -> str:
    return f"line {setting.line_number}: {safe_line(setting.line.strip(), 200)}"


def _toml(value: Any) -> str:
    """A value as TOML writes it: JSON's forms of a string, a number, true and a list of
    strings are TOML's too."""
    return json.dumps(value, ensure_ascii=False)


def _summary(count: int, tally: _Tally) -> str:
    parts = [f"{len(tally.printed)} printed"]
    if tally.by_hand:
        parts.append(
            f"those of {' and '.join(tally.by_hand)} as comments to set there (the config has"
            " those sections)"
        )
    if tally.already:
        parts.append(f"{tally.already} the reader's already")
    if tally.clashes:
        parts.append(
            f"{plural(tally.clashes, 'bind-key')} not given (a key doing two things: each said,"
            " in a comment)"
        )
    if tally.not_converted:
        parts.append(f"{tally.not_converted} not converted (each said why, in a comment)")
    return f"from {plural(count, 'setting')}: " + ", ".join(parts)
