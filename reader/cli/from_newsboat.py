"""`reader config --from-newsboat`: newsboat's killfile printed as `[[ignore]]` tables to add
to the reader's config (reader/newsboat_rules.py converts them), and its other settings as the
reader's (reader/newsboat_settings.py reads them, `newsboat_settings_out` prints them)."""

from __future__ import annotations

import argparse
import shlex
import tomllib
from pathlib import Path

from ..config import ConfigError, config_path, load_config
from ..ignore_rules import IgnoreRule
from ..newsboat_leftovers import MOST_CONFIG_BYTES, own_newsboat_config
from ..newsboat_rules import Converted
from ..plural import plural
from ..safe import safe_line
from .common import EXIT_FAILED, EXIT_OK, err, out
from .newsboat_settings_out import OwnConfig


def cmd_from_newsboat(args: argparse.Namespace) -> int:
    path = Path(args.from_newsboat) if args.from_newsboat else own_newsboat_config()
    if path is None:
        err(
            "no newsboat config in ~/.newsboat or ~/.config/newsboat: name it,"
            " `reader config --from-newsboat FILE`"
        )
        return EXIT_FAILED
    shown = safe_line(str(path), 300)
    try:
        if path.stat().st_size > MOST_CONFIG_BYTES:
            err(f"{shown} is no newsboat config: over {MOST_CONFIG_BYTES // 2**20} MB")
            return EXIT_FAILED
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as error:
        err(f"cannot read {shown}: {safe_line(error.strerror or error, 200)}")
        return EXIT_FAILED
    from ..newsboat_rules import killfile
    from ..newsboat_settings import settings

    lines = list(killfile(text))
    found = list(settings(text))
    if not lines and not found:
        err(f"no ignore-article line nor setting in {shown}: nothing to convert")
        return EXIT_OK
    mine = _own_config(args)
    own = safe_line(str(config_path(args.config, args.data_dir)), 300)
    out(f"# newsboat's config {shown} as the reader's: added to the reader's config by")
    out(f"#   {safe_line(_appending(args), 600)}")
    out(f"# (that config: {own})")
    said = []
    if lines:
        said.append(_print_rules(lines, mine))
    if found:
        from .newsboat_settings_out import print_settings

        said.append(print_settings(found, mine))
    for line in said:
        err(line)
    return EXIT_OK


def _appending(args: argparse.Namespace) -> str:
    """The command adding what this prints to the config: this one as given, the newsboat
    config named (the bare form reads newsboat's own, not the one just shown) and the place
    options kept (`reader config --path` names the config they name)."""
    place = [
        part
        for option, value in (("--data-dir", args.data_dir), ("--config", args.config))
        if value
        for part in (option, shlex.quote(str(value)))
    ]
    named = [shlex.quote(args.from_newsboat)] if args.from_newsboat else []
    shown = " ".join(["reader", *place, "config"])
    printing = " ".join([shown, "--from-newsboat", *named])
    return f'{printing} >> "$({shown} --path)"'


def _print_rules(lines: list[Converted], mine: OwnConfig) -> str:
    """The killfile's lines as `[[ignore]]` tables, each under its line; the line saying how
    many."""
    from ..newsboat_rules import toml_table

    have = {_rule_key(rule) for rule in mine.config.ignore} if mine.config else set()
    out("\n# newsboat's ignore-article rules, as the reader's [[ignore]] rules (their patterns")
    out("# ignore case).")
    tables = not_converted = already = in_part = 0
    for line in lines:
        said = f"# line {line.line_number}: {safe_line(line.line, 300)}"
        if line.why_not and not line.tables:
            not_converted += 1
            out(f"\n{said}\n# not converted: {safe_line(line.why_not, 300)}")
            continue
        new = [table for table in line.tables if _key(table) not in have]
        already += len(line.tables) - len(new)
        if not new:
            out(f"\n{said}\n# already in the reader's config")
            continue
        tables += len(new)
        out(f"\n{said}")
        if line.why_not:  # an `or` of which some branches make no rule
            in_part += 1
            out(f"# in part, the rest left out: {safe_line(line.why_not, 300)}")
        out("\n".join(toml_table(table) for table in new).rstrip("\n"))
    parts = [f"{plural(tables, 'rule')} printed"]
    if already:
        parts.append(f"{already} already in the reader's config")
    if in_part:
        parts.append(f"{plural(in_part, 'line')} converted in part")
    if not_converted:
        parts.append(f"{plural(not_converted, 'line')} not converted (each said why, in a comment)")
    return f"from {plural(len(lines), 'ignore-article line')}: " + ", ".join(parts)


def _key(table: dict[str, str]) -> tuple[str, tuple[tuple[str, str], ...]]:
    patterns = tuple(sorted((name, value) for name, value in table.items() if name != "feed"))
    return table.get("feed", ""), patterns


def _own_config(args: argparse.Namespace) -> OwnConfig:
    """The reader's own config, to print nothing it has already. A config that can't be read
    leaves nothing to compare with (its fault is said by every other command); none is made."""
    path = config_path(args.config, args.data_dir)
    try:
        config = load_config(path, create=False)
        data = tomllib.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (ConfigError, OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return OwnConfig(None, {})
    return OwnConfig(config, data)


def _rule_key(rule: IgnoreRule) -> tuple[str, tuple[tuple[str, str], ...]]:
    patterns = tuple(sorted((name, pattern.pattern) for name, pattern in rule.patterns))
    return rule.feed, patterns
