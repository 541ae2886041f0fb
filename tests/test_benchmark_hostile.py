"""The hostile-input benchmark runs every case small, checks each result and prints its table."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "benchmarks" / "hostile.py"
ROW = re.compile(
    r"^\| (?P<name>[\w-]+) \| (?P<n>[\d,]+) \| (?P<small>[\d.]+) \| (?P<large>[\d.]+) "
    r"\| (?P<ratio>[\d.]+|inf) \| (?P<verdict>[A-Za-z ]+) \| .+ \|$",
    re.MULTILINE,
)


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=300
    )


def test_every_case_runs_and_gives_the_right_result() -> None:
    done = run("--scale", "0.02", "--repeats", "1")
    assert done.returncode == 0, done.stderr
    rows = {m["name"]: m for m in ROW.finditer(done.stdout)}
    assert {"byline-of-month-names", "names-marked-author", "feed-author"} <= set(rows)
    assert len(rows) >= 10
    for name, row in rows.items():
        assert row["verdict"] != "WRONG RESULT", name
        assert float(row["small"]) > 0 and float(row["large"]) > 0, name
    # The case being run is named before it runs: a hang shows where it is.
    assert "running byline-of-month-names (n=40 and 160)" in done.stderr


def test_only_runs_the_cases_named_and_refuses_unknown_ones() -> None:
    done = run("--scale", "0.02", "--repeats", "1", "--only", "byline-of-labels")
    assert done.returncode == 0, done.stderr
    assert [m["name"] for m in ROW.finditer(done.stdout)] == ["byline-of-labels"]
    refused = run("--only", "no-such-case")
    assert refused.returncode == 2
    assert "no such case: no-such-case" in refused.stderr
