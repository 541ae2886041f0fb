"""TUI start-up: the command typed → its first screen in a real terminal, against the floor.

    uv run python benchmarks/tui_startup.py [--runs 5] [--feeds 3] [--items 40] [--size 120x40]

Each run starts a program in a fresh tmux session (a real pseudo-terminal, as a user's) and polls
the screen (`tmux capture-pane`, every 20 ms) until a marker is on it:

- **floor**: a minimal Textual app, one Label, its text the marker: what Python and Textual
  alone cost on this machine now;
- **empty**: `reader --data-dir EMPTY`, an empty data directory (no feeds), until the main
  screen's "No feeds yet" is painted;
- **demo-sized**: `reader --data-dir D` on `--feeds` × `--items` cached headlines (the demo's
  three feeds by default), until the first headline's title is painted. Its links point at a
  closed port on 127.0.0.1 (offline): the refresh on start fails at once, after the first screen.

`--before DIR` adds the same two for another checkout of the reader (its root: `git archive main
reader | tar -x -C DIR`, say), run with `PYTHONPATH=DIR python -m reader`, this checkout's then run
the same way: a change's before and after, side by side.

All run alternately (floor, empty, demo-sized, floor…) so a change of load hits them all; the
table gives each one's median and its ratio to the floor's. Nothing is asserted: this prints
numbers.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))  # farm.py, tui_headlines.py beside this
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))  # reader from this checkout

from farm import _cpu, _process_tree, child_env, load_average, median, reader_command, warm_up
from tui_headlines import build_data_dir
from tui_reading import parse_size

_TIMEOUT = 60.0
_POLL = 0.02

_FLOOR_APP = """
from textual.app import App
from textual.widgets import Label

class Floor(App):
    def compose(self):
        yield Label("Floor: the first screen")

Floor().run()
"""


def time_to_screen(
    command: list[str], marker: str, size: tuple[int, int], env: dict[str, str]
) -> tuple[float, float, float]:
    """Seconds from starting `command` in a new tmux session to `marker` on its screen, and the
    CPU seconds spent by then: by its process, and by it and its children (workers) together."""
    session = f"reader-bench-{os.getpid()}"
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    # `env -i` plus the variables: a tmux server started earlier would pass on its own environment.
    assignments = [f"{key}={value}" for key, value in env.items() if "\n" not in value]
    started = time.perf_counter()
    subprocess.run(
        [
            "tmux",
            "new-session",
            "-d",
            "-s",
            session,
            "-x",
            str(size[0]),
            "-y",
            str(size[1]),
            "env",
            "-i",
            *assignments,
            *command,
            ";",  # the same tmux command line: set before the program can end
            "set-option",
            "-t",
            session,
            "remain-on-exit",
            "on",
        ],
        check=True,
    )
    pid = int(
        subprocess.run(
            ["tmux", "list-panes", "-t", session, "-F", "#{pane_pid}"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()[0]
    )
    try:
        while True:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            elapsed = time.perf_counter() - started
            if marker in screen:
                # `env` execs the command: the pane's process is the program itself.
                return elapsed, _cpu(pid), sum(_cpu(p) for p in _process_tree(pid))
            if "Pane is dead" in screen:  # remain-on-exit: what it printed as it ended
                raise RuntimeError(f"{command} ended before {marker!r} was shown: {screen!r}")
            if elapsed > _TIMEOUT:
                raise TimeoutError(f"{marker!r} not on screen after {_TIMEOUT:.0f} s: {screen!r}")
            time.sleep(_POLL)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--feeds", type=int, default=3)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--size", type=parse_size, default=(120, 40))
    parser.add_argument("--before", type=Path, help="another checkout's root, to compare")
    args = parser.parse_args(argv)
    if shutil.which("tmux") is None:
        print("tmux is needed (it gives each run a real pseudo-terminal)", file=sys.stderr)
        return 2

    warm_up()
    env = child_env(TERM="xterm-256color", COLORTERM="truecolor")
    with tempfile.TemporaryDirectory(prefix="reader-tui-startup-") as tmp:
        root = Path(tmp)
        floor_script = root / "floor.py"
        floor_script.write_text(_FLOOR_APP)
        empty, filled = root / "empty", root / "filled"
        empty.mkdir()
        headlines, _, _ = build_data_dir(filled, args.feeds, args.items)
        readers = {"reader": reader_command()}
        if args.before:
            here = Path(__file__).resolve().parent.parent
            readers = {
                "before": [
                    "env",
                    f"PYTHONPATH={args.before.resolve()}",
                    sys.executable,
                    "-m",
                    "reader",
                ],
                "after": ["env", f"PYTHONPATH={here}", sys.executable, "-m", "reader"],
            }
        targets = {
            "floor (one Label)": ([sys.executable, str(floor_script)], "Floor: the first screen")
        }
        for name, reader in readers.items():
            targets[f"{name}, empty"] = ([*reader, "--data-dir", str(empty)], "No feeds yet")
            targets[f"{name}, {headlines} headlines"] = (
                [*reader, "--data-dir", str(filled)],
                "Story 0 of feed 0",
            )
        for command, marker in targets.values():  # untimed: .pyc files, the disk cache warm
            time_to_screen(command, marker, args.size, env)
        times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in targets}
        loads = [load_average()]
        for _ in range(args.runs):
            for name, (command, marker) in targets.items():
                times[name].append(time_to_screen(command, marker, args.size, env))
            loads.append(load_average())

    print(
        f"TUI start-up to the first screen, {args.runs} runs each, alternating; "
        f"load {', '.join(loads)}"
    )
    print("wall: seconds until on screen; CPU: seconds of CPU spent by then, by the program's")
    print("own process and with its children (worker processes); × floor: median ÷ the floor's")
    columns = ("wall", "own CPU", "with children")
    floors = [median([run[k] for run in times["floor (one Label)"]]) for k in range(3)]
    print(
        f"{'':<24}" + "".join(f"{c:>15} {'× floor':>8}" for c in columns) + f"{'wall min-max':>16}"
    )
    for name, runs in times.items():
        cells = []
        for k in range(3):
            value = median([run[k] for run in runs])
            cells.append(f"{value:>14.2f}s {value / floors[k]:>8.2f}")
        walls = [run[0] for run in runs]
        print(f"{name:<24}" + "".join(cells) + f"{min(walls):>9.2f}-{max(walls):.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
