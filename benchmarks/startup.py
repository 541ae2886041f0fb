"""Start-up: `reader --help` and `reader list` (2,000 headlines) against `python -c pass`.

    uv run python benchmarks/startup.py [--runs 10] [--feeds 50] [--items 40] [--before DIR]

A loopback news farm (benchmarks/farm.py) fills a fresh data directory with feeds × items
headlines (`reader sync --no-articles`, untimed); then each command runs `--runs` times,
interleaved with the `python -c pass` baseline in the same run, and the table gives the median
wall time (the target is < 0.3 s). For each command the script also runs `reader.cli.main` under a
look at `sys.modules` and prints which heavy packages the path imported: `textual` must not be one
of them, and `-X importtime` names the slowest imports.

`--before DIR` runs another checkout of the reader (its root: a worktree of main, or `git
archive main | tar -x -C DIR`) beside this one, each as `PYTHONPATH=ROOT python -P -m reader`,
in the same rounds: `--help`, `--version`, `list` and `feeds` on the big directory (and
`unsave`, `forget` of a headline neither saved nor cached), and on a second one subscribed to
one feed of the farm with its articles cached, `show` of one of them (and `show --offline`,
`highlights`, `diff` of its one copy: exit 1) and `sync` (and `sync --no-articles`; the farm
still up: "not modified", nothing new), as `benchmarks/cli_against_newsboat.py` times it beside
newsboat. The table gives each one's median wall and CPU time (user + sys, its workers' too)
and the ratio after / before: a change's before and after, side by side.
A last table gives, for `--help`, `list` and `show --offline`, the modules each imports beyond
`python -c pass` and their import time (`-X importtime`, each module's own time summed),
before and after, `--runs` times each, interleaved.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py beside this script

from farm import (
    Farm,
    checkout_reader,
    child_env,
    load_average,
    median,
    reader_command,
    run_measured,
    subscribe,
    warm_up,
)

TARGET = 0.3
OFFLINE_SHOW = "show --offline"
ONE_COPY_DIFF = "diff (one copy kept)"
"""Exit 1 ("one copy kept"): the command's start and its store read, all that differs."""
IMPORTS_COMPARED = ("--help", "list", OFFLINE_SHOW)
"""The commands whose imports (-X importtime) `--before` compares too."""
HEAVY = (
    "textual",
    "rich",
    "httpx",
    "lxml",
    "readability",
    "feedparser",
    "diskcache",
    "platformdirs",
)

# Runs the CLI in-process and reports which heavy top-level packages it imported.
_CHECK = """
import contextlib, io, json, sys
from reader.cli import main
heavy = json.loads(sys.argv[1])
with contextlib.redirect_stdout(io.StringIO()):
    try:
        code = main(sys.argv[2:])
    except SystemExit as exit:
        code = exit.code
loaded = sorted({name.split(".")[0] for name in sys.modules} & set(heavy))
print(json.dumps({"exit": code, "loaded": loaded}))
"""


def modules_loaded(argv: list[str]) -> tuple[list[str], object]:
    """The heavy packages `reader ARGV` imports, and its exit status."""
    out = subprocess.run(
        [sys.executable, "-c", _CHECK, json.dumps(HEAVY), *argv],
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    data = json.loads(out.strip().splitlines()[-1])
    return data["loaded"], data["exit"]


def _import_times(command: list[str]) -> dict[str, tuple[float, float]]:
    """Each module `command` (a Python's) imports, by name: its own and cumulative import
    time in seconds (python -X importtime), leaving out what `python -c pass` imports."""

    def rows(python: list[str], rest: list[str]) -> dict[str, tuple[float, float]]:
        done = subprocess.run(
            [*python, "-X", "importtime", *rest],
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        found = {}
        for line in done.stderr.splitlines():
            if line.startswith("import time:") and "cumulative" not in line:
                own, cumulative, name = line[len("import time:") :].split("|")
                found[name.strip()] = (int(own) / 1e6, int(cumulative) / 1e6)
        return found

    startup = rows([sys.executable], ["-c", "pass"])
    # `env PYTHONPATH=… python -P -m reader …`: -X goes after the interpreter.
    mine = rows(command[:3], command[3:])
    return {name: times for name, times in mine.items() if name not in startup}


def slowest_imports(argv: list[str], top: int = 6) -> list[tuple[str, float]]:
    """The `top` imports of `reader ARGV` with the largest cumulative time (python -X importtime),
    leaving out what the interpreter imports before any of reader's code runs."""
    mine = _import_times([*reader_command(), *argv])
    return sorted(((k, v[1]) for k, v in mine.items()), key=lambda r: -r[1])[:top]


def imports_of(command: list[str]) -> tuple[int, float]:
    """How many modules `command` imports beyond `python -c pass`, and their import time in
    seconds, each module's own summed (python -X importtime)."""
    mine = _import_times(command)
    return len(mine), sum(own for own, _ in mine.values())


def build_data_dir(directory: Path, urls: list[str], articles: bool = False) -> int:
    """A data directory subscribed to `urls` of a running farm and synced (only their headlines
    unless `articles`); returns the headline count."""
    subscribe(directory, urls)
    more = [] if articles else ["--no-articles"]
    result = run_measured(
        [*reader_command(), "--data-dir", str(directory), "sync", *more],
        env=child_env(),
        sample=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"reader sync failed: {result.stderr[-2000:]}")
    summary = next(x for x in reversed(result.stderr.splitlines()) if x.startswith("synced "))
    return int(summary.split("(")[1].split()[0])


def first_id(directory: Path) -> str:
    """The id of the newest headline of `directory` (`reader list --ids`)."""
    done = run_measured(
        [*reader_command(), "--data-dir", str(directory), "list", "--ids"],
        env=child_env(),
        sample=False,
    )
    return done.stdout.split()[0]


def side_by_side(before: Path, data: Path, one: Path) -> list[tuple[str, list[str]]]:
    """The commands compared, each of `before`'s checkout then this one's."""
    shown, listed = first_id(one), first_id(data)
    cases = [
        ("--help", ["--help"]),
        ("--version", ["--version"]),
        ("list", ["--data-dir", str(data), "list"]),
        ("feeds", ["--data-dir", str(data), "feeds"]),
        ("show (cached)", ["--data-dir", str(one), "show", shown]),
        (OFFLINE_SHOW, ["--data-dir", str(one), "show", shown, "--offline"]),
        ("highlights (none kept)", ["--data-dir", str(one), "highlights", shown]),
        (ONE_COPY_DIFF, ["--data-dir", str(one), "diff", shown]),
        ("unsave (not saved)", ["--data-dir", str(data), "unsave", listed]),
        ("forget (not cached)", ["--data-dir", str(data), "forget", listed]),
        ("sync (1 feed, nothing new)", ["--data-dir", str(one), "sync", "-q"]),
        ("sync --no-articles", ["--data-dir", str(one), "sync", "-q", "--no-articles"]),
    ]
    here = Path(__file__).resolve().parent.parent
    return [
        (f"{name}: {case}", [*checkout_reader(root), *argv])
        for case, argv in cases
        for name, root in (("before", before), ("after", here))
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    args = parser.parse_args(argv)

    warm_up()
    with (
        tempfile.TemporaryDirectory(prefix="bench-startup-") as tmp,
        Farm(feeds=args.feeds, items=args.items, latency=0.0, hosts=4) as farm,
    ):
        data, one = Path(tmp) / "data", Path(tmp) / "one"
        headlines = build_data_dir(data, farm.feed_urls)
        reader = reader_command()
        commands: list[tuple[str, list[str], list[str] | None]] = [
            ("python -c pass", [sys.executable, "-c", "pass"], None),
            ("reader --help", [*reader, "--help"], ["--help"]),
            (
                "reader list",
                [*reader, "--data-dir", str(data), "list"],
                ["--data-dir", str(data), "list"],
            ),
            (
                "reader list --json",
                [*reader, "--data-dir", str(data), "list", "--json"],
                ["--data-dir", str(data), "list", "--json"],
            ),
        ]
        if args.before:
            build_data_dir(one, farm.feed_urls[:1], articles=True)
            commands += [
                (n, cmd, None) for n, cmd in side_by_side(args.before.resolve(), data, one)
            ]
        env = child_env()
        load = [load_average()]
        walls: dict[str, list[float]] = {name: [] for name, _, _ in commands}
        cpus: dict[str, list[float]] = {name: [] for name, _, _ in commands}
        for _name, cmd, _ in commands:  # one untimed round: caches warm
            run_measured(cmd, env=env, sample=False)
        for _ in range(args.runs):
            for name, cmd, _ in commands:
                result = run_measured(cmd, env=env, sample=False)
                if result.returncode != (1 if name.endswith(ONE_COPY_DIFF) else 0):
                    raise RuntimeError(f"{name} failed: {result.stderr[-2000:]}")
                walls[name].append(result.wall)
                cpus[name].append(result.cpu)
        imports: dict[str, list[tuple[int, float]]] = {}
        for _ in range(args.runs if args.before else 0):  # interleaved as the times are
            for name, cmd, _ in commands:
                if (
                    name.startswith(("before: ", "after: "))
                    and name.split(": ", 1)[1] in IMPORTS_COMPARED
                ):
                    imports.setdefault(name, []).append(imports_of(cmd))
        load.append(load_average())
        checks = {name: modules_loaded(cli) for name, _, cli in commands if cli is not None}
        slow = slowest_imports(["--data-dir", str(data), "list"])

    base = median(walls["python -c pass"])
    print(
        f"Start-up: median of {args.runs} runs each, interleaved; data dir with {headlines} headlines; "
        f"load average {' → '.join(load)}"
    )
    print()
    print(
        "| command | median s | min s | minus baseline s | CPU median s | target < 0.3 s "
        "| heavy modules imported |"
    )
    print("|---|---:|---:|---:|---:|---|---|")
    for name, _, _ in commands:
        if name.startswith(("before", "after")):
            continue
        m = median(walls[name])
        if name in checks:
            loaded, _exit = checks[name]
            verdict = "met" if m < TARGET else f"missed by {m - TARGET:.3f} s"
            mods = ", ".join(loaded) or "none"
        else:
            verdict, mods = "(baseline)", "-"
        print(
            f"| {name} | {m:.3f} | {min(walls[name]):.3f} | {m - base:.3f} "
            f"| {median(cpus[name]):.3f} | {verdict} | {mods} |"
        )
    if args.before:
        print()
        print(f"before: {args.before.resolve()}; after: this checkout (python -P -m reader, each)")
        print()
        print(
            "| command | wall before s | wall after s | after ÷ before | CPU before s | CPU after s | after ÷ before |"
        )
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, _, _ in commands:
            if not name.startswith("after: "):
                continue
            case = name.removeprefix("after: ")
            wb, wa = median(walls[f"before: {case}"]), median(walls[name])
            cb, ca = median(cpus[f"before: {case}"]), median(cpus[name])
            print(
                f"| {case} | {wb:.3f} | {wa:.3f} | {wa / wb:.2f} | {cb:.3f} | {ca:.3f} | {ca / cb:.2f} |"
            )
        print()
        print(
            "imports beyond `python -c pass` (-X importtime: the modules' own times summed, "
            f"median of {args.runs} runs each, interleaved):"
        )
        print()
        print(
            "| command | modules before | modules after | import s before | import s after "
            "| after ÷ before |"
        )
        print("|---|---:|---:|---:|---:|---:|")
        for case in IMPORTS_COMPARED:
            before_runs, after_runs = imports[f"before: {case}"], imports[f"after: {case}"]
            tb = median([t for _, t in before_runs])
            ta = median([t for _, t in after_runs])
            print(
                f"| {case} | {before_runs[0][0]} | {after_runs[0][0]} | {tb:.3f} | {ta:.3f} "
                f"| {ta / tb:.2f} |"
            )
    print()
    for name, (loaded, _exit) in checks.items():
        print(f"{name}: textual imported: {'YES' if 'textual' in loaded else 'no'}")
    print(
        "slowest top-level imports of `reader list` (-X importtime, cumulative): "
        + ", ".join(f"{n} {s * 1000:.0f} ms" for n, s in slow)
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
