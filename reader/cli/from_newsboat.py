"""`reader config --from-newsboat`: newsboat's killfile printed as `[[ignore]]` tables to add
to the reader's config (reader/newsboat_rules.py converts them)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..config import ConfigError, config_path, load_config
from ..ignore_rules import IgnoreRule
from ..newsboat_leftovers import MOST_CONFIG_BYTES, own_newsboat_config
from ..plural import plural
from ..safe import safe_line
from .common import EXIT_FAILED, EXIT_OK, err, out


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
    from ..newsboat_rules import killfile, toml_table

    lines = list(killfile(text))
    if not lines:
        err(f"no ignore-article line in {shown}: nothing to convert")
        return EXIT_OK
    have = _rules_in_force(args)
    own = safe_line(str(config_path(args.config, args.data_dir)), 300)
    out(f"# newsboat's ignore-article rules in {shown}, as the reader's [[ignore]] rules (their")
    out("# patterns ignore case). Added to the reader's config by")
    out('#   reader config --from-newsboat >> "$(reader config --path)"')
    out(f"# (that config: {own})")
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
    err(f"from {plural(len(lines), 'ignore-article line')}: " + ", ".join(parts))
    return EXIT_OK


def _key(table: dict[str, str]) -> tuple[str, tuple[tuple[str, str], ...]]:
    patterns = tuple(sorted((name, value) for name, value in table.items() if name != "feed"))
    return table.get("feed", ""), patterns


def _rules_in_force(args: argparse.Namespace) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
    """The reader's own rules, as `_key`s: printed again, they would be rules twice. A config
    that can't be read leaves nothing to compare with (its fault is said by every other
    command); none is made."""
    try:
        config = load_config(config_path(args.config, args.data_dir), create=False)
    except (ConfigError, OSError):
        return set()
    return {_rule_key(rule) for rule in config.ignore}


def _rule_key(rule: IgnoreRule) -> tuple[str, tuple[tuple[str, str], ...]]:
    patterns = tuple(sorted((name, pattern.pattern) for name, pattern in rule.patterns))
    return rule.feed, patterns
