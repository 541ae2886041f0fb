"""A benchmark's child processes: the checkouts it compares, and one child run read back.

A benchmark that compares checkouts (this one, and a worktree of main named by `--against`) runs
each in a fresh Python of its own, so neither's imports, caches or garbage reach the other's
figures; the child prints what it measured as JSON on its last line.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

__all__ = ["checkouts", "child_json", "print_walls"]

THIS_CHECKOUT = Path(__file__).resolve().parent.parent


def checkouts(against: Path | None) -> dict[str, Path]:
    """The checkouts measured by name: "this" one, and "against" when one is named."""
    return {"this": THIS_CHECKOUT} | ({"against": against.resolve()} if against else {})


def child_json(
    *args: object, env: dict[str, str] | None = None, timeout: float | None = None
) -> Any:
    """Run this Python with `args` (a script and its child's arguments, or `-c` and code) and
    return the JSON value of the last line it printed: what came before is the child's to say
    (a library's warning, a progress line) and is not read. A child that fails raises."""
    out = subprocess.run(
        [sys.executable, *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def print_walls(
    walls: dict[str, list[float]], what: str, notes: dict[str, str] | None = None
) -> None:
    """Each checkout's wall times (seconds, by name as `checkouts` names them): "this  `what`:
    median … ms (min …, max …)" and its `notes`, then this / against when both ran."""
    for name, times in walls.items():
        median = statistics.median(times)
        print(
            f"{name:8} {what}: median {median * 1000:.0f} ms"
            f" (min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})"
            + (notes or {}).get(name, "")
        )
    if walls.get("this") and walls.get("against"):
        ratio = statistics.median(walls["this"]) / statistics.median(walls["against"])
        print(f"this / against: {ratio:.2f}×")
