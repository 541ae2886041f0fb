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

The three run alternately (floor, empty, demo-sized, floor…) so a change of load hits them all;
the table gives each one's median and its ratio to the floor's. Nothing is asserted: this prints
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

from farm import child_env, load_average, median, reader_command, warm_up
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
) -> float:
    """Seconds from starting `command` in a new tmux session to `marker` on its screen."""
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
        ],
        check=True,
    )
    try:
        while True:
            screen = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            elapsed = time.perf_counter() - started
            if marker in screen:
                return elapsed
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
        reader = reader_command()
        targets = {
            "floor (one Label)": ([sys.executable, str(floor_script)], "Floor: the first screen"),
            "reader, empty": ([*reader, "--data-dir", str(empty)], "No feeds yet"),
            f"reader, {headlines} headlines": (
                [*reader, "--data-dir", str(filled)],
                "Story 0 of feed 0",
            ),
        }
        for command, marker in targets.values():  # untimed: .pyc files, the disk cache warm
            time_to_screen(command, marker, args.size, env)
        times: dict[str, list[float]] = {name: [] for name in targets}
        loads = [load_average()]
        for _ in range(args.runs):
            for name, (command, marker) in targets.items():
                times[name].append(time_to_screen(command, marker, args.size, env))
            loads.append(load_average())

    floor = median(times["floor (one Label)"])
    print(
        f"TUI start-up to the first screen, {args.runs} runs each, alternating; "
        f"load {', '.join(loads)}"
    )
    print(f"{'':<26} {'median':>8} {'min':>8} {'max':>8} {'× floor':>8}")
    for name, values in times.items():
        print(
            f"{name:<26} {median(values):>7.2f}s {min(values):>7.2f}s {max(values):>7.2f}s "
            f"{median(values) / floor:>8.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
