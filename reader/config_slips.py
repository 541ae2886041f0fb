"""A config file that is not TOML, said in the user's words (acc44a A7); and a name in it
mistyped, told from one a newer reader has (`near_name`).

tomllib's own words ("Invalid value (at line 86, column 9)") name neither the setting nor the
fix, and every command stops on them. `toml_slip` says the line as written, the setting's name
and the fix for the slips a newcomer makes: a word without quotes, a unit after a number, a
section or a setting given twice.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from typing import Any

from .name_slips import slips_apart
from .safe import safe_line

_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")
_SECTION = re.compile(r"\s*\[\s*([A-Za-z0-9_.\"' -]+?)\s*\]\s*(?:#.*)?$")
_SETTING = re.compile(r"\s*([A-Za-z0-9_-]+)\s*=\s*(.*?)\s*$")
_TWICE = re.compile(r"Cannot declare \((.*)\) twice")
_NUMBER_AND_UNIT = re.compile(r"([+-]?\d+(?:\.\d+)?)\s*([A-Za-z%]+)")
_WORD = re.compile(r"[^\"'\[{#]\S*(?:\s+[^#\s]\S*)*")


@cache
def _defaults() -> dict[str, Any]:
    from .config import DEFAULT_CONFIG_TEXT  # here: config imports this module

    return tomllib.loads(DEFAULT_CONFIG_TEXT)


def toml_slip(text: str, error: tomllib.TOMLDecodeError) -> str:
    """What is wrong with the TOML `text`, where and how to mend it, in one line."""
    said = str(error)
    where = _WHERE.search(said)
    words = said[: where.start()] if where else said
    if not where or where.group(1) is None:
        return f"at its end: {words[:1].lower()}{words[1:]}"
    lines = text.splitlines()
    number = int(where.group(1))
    line = lines[number - 1] if 0 < number <= len(lines) else ""
    shown = f"line {number}: `{safe_line(line.strip(), 200)}`"
    if twice := _TWICE.match(words):
        return f"{shown}: {_section_twice(lines, number, twice.group(1))}"
    setting = _SETTING.match(line)
    if setting is None:
        return f"{shown}: {words[:1].lower()}{words[1:]}"
    key, value = setting.groups()
    section = _section_of(lines, number)
    name = f"{section}.{key}" if section else key
    fix = _fix(words, section, key, value, lines, number)
    return f"line {number} ({name}): `{safe_line(line.strip(), 200)}`: {fix}"


def _section_of(lines: list[str], number: int) -> str:
    """The section a line sits in: the last `[name]` above it ("" before the first)."""
    for line in reversed(lines[: number - 1]):
        if header := _SECTION.match(line):
            return header.group(1).replace('"', "").replace("'", "")
    return ""


def _section_twice(lines: list[str], number: int, declared: str) -> str:
    """`[ui]` a second time: where the first is, to put the settings there."""
    name = ".".join(part.strip().strip("'\"") for part in declared.split(",") if part.strip())
    for at, line in enumerate(lines[: number - 1], 1):
        header = _SECTION.match(line)
        if header and header.group(1).replace('"', "").replace("'", "") == name:
            return (
                f"[{name}] is already at line {at}: put these settings there"
                " (a section appears once in the file)"
            )
    return f"[{name}] is declared twice: put its settings under the first (a section appears once)"


def _fix(words: str, section: str, key: str, value: str, lines: list[str], number: int) -> str:
    """The mend of one `key = value` line tomllib can't read, by the kind of value the setting's
    default has (a text in quotes, a number bare, true or false)."""
    default = _defaults().get(section, {}).get(key) if section else _defaults().get(key)
    bare = value.split(" #", 1)[0].strip()
    if words.startswith("Cannot overwrite a value"):
        for at in range(number - 1, 0, -1):
            line = lines[at - 1]
            if _SECTION.match(line):
                break
            if (earlier := _SETTING.match(line)) and earlier.group(1) == key:
                return f"{key} is already set at line {at}: keep one of the two"
        return f"{key} is set twice: keep one"
    if bare[:1] in "\"'" and bare.count(bare[0]) % 2:
        return f"a text's quotes close on its line: `{key} = {safe_line(bare, 100)}{bare[0]}`"
    if isinstance(default, bool) and bare.lower() in ("true", "false"):
        return f"true or false in small letters: `{key} = {bare.lower()}`"
    unit = _NUMBER_AND_UNIT.fullmatch(bare)
    if unit and isinstance(default, int | float) and not isinstance(default, bool):
        return f"a number is written without a unit: `{key} = {unit.group(1)}`"
    if isinstance(default, str) and bare and _WORD.fullmatch(bare):
        kind = "a word" if " " not in bare else "a text"
        return f'{kind} needs quotes: `{key} = "{safe_line(bare, 100)}"`'
    if default is None and bare and _WORD.fullmatch(bare) and not unit:
        return f'a word needs quotes: `{key} = "{safe_line(bare, 100)}"`'
    return f"{words[:1].lower()}{words[1:]} (it isn't TOML)"


_LONG_NAME = 8
"""A name this long or longer may be two slips off the one meant; a shorter one, one: `cite`
and `note`, two apart, are two names, not one mistyped."""


def near_name(typed: str, known: Iterable[str]) -> str | None:
    """The name of `known` that `typed`, none of them, is a slip of (`next_unred`, `Quit`,
    `next-unread`); None for a name no slip away from any: one a newer reader knows (`[keys]
    site_feed`, read by a reader from before it), or another program's. Were the reader's own
    names any nearer each other than a slip, a name it adds later would read to it, the older
    reader then, as a slip of one it has (test_newer_keys guards its actions')."""
    folded = typed.casefold().replace("-", "_").replace(" ", "_")
    most = 2 if len(folded) >= _LONG_NAME else 1
    apart = {name: slips_apart(folded, name) for name in known}
    nearest = min(apart, key=lambda name: apart[name], default=None)
    return nearest if nearest is not None and apart[nearest] <= most else None
