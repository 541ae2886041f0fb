"""What telling an upgrade under the open reader costs (`reader.upgraded`, acc45a A5): the
stamp every process takes as it starts (the module's import, the clock read: no file looked
at) beside the whole start of `reader --version` and of the reader's package import, and the
look that only a failure pays, each of its parts (the package's files, the distributions
installed where the reader imports from, the modules loaded whose file is gone: this process
holding the TUI's and the workers' modules, as an open reader does), side by side in one run,
the best of `--runs`.

    uv run python benchmarks/upgrade_check.py [--runs 5]

This prints numbers; nothing is asserted.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable

from missing_files import best

import reader.upgraded as upgraded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    source = open(upgraded.__file__, encoding="utf-8").read()  # noqa: SIM115
    code = compile(source, upgraded.__file__, "exec")

    def stamp() -> None:  # the module's body, as its import runs it (its bytecode cached)
        exec(code, {"__name__": "reader.upgraded", "__file__": upgraded.__file__})

    def look() -> None:
        upgraded._looked_at = 0.0
        upgraded.changed_at()

    def command(*python: str) -> Callable[[], object]:
        return lambda: subprocess.run([sys.executable, *python], check=True, capture_output=True)

    import reader.extract
    import reader.feeds
    import reader.ui.app  # noqa: F401

    now = time.time()
    installs = upgraded.installed()
    places = (upgraded._PACKAGE, *{os.path.dirname(path) for path in installs})
    stamped = best(stamp, max(args.runs, 1) * 20)
    looked = best(look, args.runs)
    files = best(lambda: upgraded.package_changed(now), args.runs)
    found = best(upgraded.installed, args.runs)
    timed = best(lambda: [upgraded._changed_time(path, now) for path in installs], args.runs)
    gone = best(lambda: upgraded.loaded_gone(places), args.runs)
    version = best(command("-m", "reader", "--version"), args.runs)
    imported = best(command("-c", "import reader.cli"), args.runs)
    print(f"stamp at start (the module's body):   {stamped * 1e6:9.1f} µs")
    print(
        f"`reader --version`, whole process:     {version * 1e3:9.1f} ms  ({stamped / version:.5%})"
    )
    print(
        f"`import reader.cli`, whole process:    {imported * 1e3:9.1f} ms  ({stamped / imported:.5%})"
    )
    print(f"look after a failure, whole:           {looked * 1e3:9.1f} ms")
    print(f"  the package's .py files:             {files * 1e3:9.1f} ms")
    print(f"  the distributions' folders found:    {found * 1e3:9.1f} ms  ({len(installs)})")
    print(f"  their times:                         {timed * 1e3:9.1f} ms")
    print(
        f"  the modules loaded, a file gone:     {gone * 1e3:9.1f} ms  ({len(sys.modules)} loaded)"
    )


if __name__ == "__main__":
    main()
