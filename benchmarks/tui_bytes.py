"""Bytes the TUI writes to its terminal: what a phone over ssh pays for each thing the reader does.

    uv run python benchmarks/tui_bytes.py --before DIR [--runs 3] [--size 80x24] [--feeds 15]

Each run starts `reader --data-dir COPY` on a new pseudo-terminal (as `ssh -t` gives it) on a
synced library of `--feeds` × 20 headlines served by the farm on 127.0.0.1, and counts the bytes
it writes there, phase by phase, each phase ending once the terminal has been quiet for
`--quiet` seconds after what it waits for:

- **start-up**: to the first screen and the refresh on opening's summary ("Refreshed");
- **r, nothing new**: `r` to its summary again (the farm's feeds unchanged: 304s);
- **j**: the cursor one headline down; **Enter**: the article open; **space**: a page down.

`--before DIR` is another checkout's root (a worktree of main), run with `PYTHONPATH=DIR`,
alternating with this one's, so both see the same load. Prints each phase's median bytes and
this checkout's ratio to the other's. Nothing is asserted: this prints numbers (acc40c R2: an
`r` bringing nothing wrote 80-135 KB at 80x24, newsboat's `R` 1.2 KB).
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(1, str(Path(__file__).resolve().parent.parent))

from farm import Farm, child_env, load_average, median, subscribe, warm_up
from tui_reading import parse_size
from tui_startup import _ESCAPES, _end, in_pty

_TIMEOUT = 120.0
PHASES = ("start-up", "r, nothing new", "j", "Enter", "space")


class Terminal:
    """A program on a pseudo-terminal, what it writes counted as it comes."""

    def __init__(self, command: list[str], size: tuple[int, int], env: dict[str, str]) -> None:
        self.proc, self.master = in_pty(command, size, env)
        self.seen = b""

    def phase(self, keys: bytes, waits_for: bytes | None, quiet: float) -> int:
        """Bytes written after `keys` are typed: until `waits_for` is among them (if given),
        then until none come for `quiet` seconds."""
        start = len(self.seen)
        if keys:
            os.write(self.master, keys)
        deadline = time.monotonic() + _TIMEOUT
        last = time.monotonic()
        while True:
            now = time.monotonic()
            if now > deadline:
                raise TimeoutError(f"{waits_for!r} not written: {self.seen[-2000:]!r}")
            found = waits_for is None or waits_for in _ESCAPES.sub(b"", self.seen[start:])
            if found and now - last >= quiet:
                return len(self.seen) - start
            if select.select([self.master], [], [], 0.1)[0]:
                try:
                    chunk = os.read(self.master, 65536)
                except OSError:
                    chunk = b""
                if not chunk:
                    raise RuntimeError(f"the reader ended: {self.seen[-2000:]!r}")
                self.seen += chunk
                last = time.monotonic()

    def close(self) -> None:
        _end(self.proc, self.master)


def one_run(
    command: list[str], library: Path, size: tuple[int, int], quiet: float, env: dict[str, str]
) -> list[int]:
    with tempfile.TemporaryDirectory(prefix="reader-tui-bytes-") as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(library, data)
        term = Terminal([*command, "--data-dir", str(data)], size, env)
        try:
            return [
                term.phase(b"", b"Refreshed", quiet),
                term.phase(b"r", b"Refreshed", quiet),
                term.phase(b"j", None, quiet),
                term.phase(b"\r", None, quiet),
                term.phase(b" ", None, quiet),
            ]
        finally:
            term.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", type=Path, required=True, help="another checkout's root")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--size", type=parse_size, default=(80, 24))
    parser.add_argument("--feeds", type=int, default=15)
    parser.add_argument("--quiet", type=float, default=2.0)
    args = parser.parse_args(argv)
    warm_up()
    env = child_env(TERM="xterm-256color", COLORTERM="truecolor")
    here = Path(__file__).resolve().parent.parent
    readers = {
        "before": ["env", f"PYTHONPATH={args.before.resolve()}", sys.executable, "-m", "reader"],
        "after": ["env", f"PYTHONPATH={here}", sys.executable, "-m", "reader"],
    }
    with (
        tempfile.TemporaryDirectory(prefix="reader-tui-bytes-") as tmp,
        Farm(feeds=args.feeds, items=20, latency=0.0, hosts=1, words=(300, 600)) as farm,
    ):
        library = Path(tmp) / "library"
        library.mkdir()
        subscribe(library, farm.feed_urls)
        subprocess.run(
            [*readers["after"], "--data-dir", str(library), "sync"],
            env=child_env(),
            check=True,
            capture_output=True,
        )
        counts: dict[str, list[list[int]]] = {name: [] for name in readers}
        loads = [load_average()]
        for _ in range(args.runs):
            for name, command in readers.items():
                counts[name].append(one_run(command, library, args.size, args.quiet, env))
            loads.append(load_average())

    width, height = args.size
    print(
        f"Bytes written to a {width}x{height} terminal, {args.feeds} feeds × 20 headlines, "
        f"{args.runs} runs each, alternating; load {', '.join(loads)}"
    )
    print(f"{'phase':<18}{'before':>12}{'after':>12}{'after ÷ before':>16}")
    for k, phase in enumerate(PHASES):
        before = median([run[k] for run in counts["before"]])
        after = median([run[k] for run in counts["after"]])
        print(f"{phase:<18}{before:>12,.0f}{after:>12,.0f}{after / max(before, 1):>16.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
