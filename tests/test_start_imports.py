"""What the reader's start imports and compiles: a command's module only when that command runs,
so the screen (the command given most often) loads none of theirs, and no pattern over a whole
script until one is needed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_LOADED = """
import sys
from reader.cli.parser import build_parser
args = build_parser().parse_args(sys.argv[1:])
loaded = sorted(name for name in sys.modules if name.startswith("reader.cli."))
print(" ".join(loaded))
print(args.func.__name__ if hasattr(args, "func") else "-")
"""


def _loaded(*argv: str) -> tuple[set[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, *argv], capture_output=True, text=True, check=True
    )
    modules, func = done.stdout.splitlines()
    return set(modules.split()), func


def test_the_screen_loads_no_commands_module() -> None:
    modules, func = _loaded("--data-dir", "/nowhere")
    assert func == "-"
    assert modules <= {
        "reader.cli.common",
        "reader.cli.date_args",
        "reader.cli.demo",
        "reader.cli.parser",
    }


def test_a_command_is_found_by_its_name_and_loaded_when_run() -> None:
    modules, func = _loaded("list", "--unread")
    assert func == "cmd_list" and "reader.cli.articles" not in modules


def test_the_screens_imports_compile_no_pattern_of_a_whole_script() -> None:
    """Patterns over Chinese and Japanese (tens of thousands of characters: 2-4 ms each to
    compile) or the rare Latin and Greek letters of look-alike hosts are compiled when first
    needed, not at every start, by the modules the screen imports."""
    script = (
        "import re, reader.cli, reader.ui.app\n"
        "print(sum(isinstance(key[1], str) and ('\\u4e00' in key[1] or '\\u1e00' in key[1])"
        " for key in re._cache))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "0"


def test_a_command_run_without_worker_processes_imports_no_multiprocessing(tmp_path: Path) -> None:
    """`reader list` (and the screen, until its workers start) runs no process pool: its
    modules (multiprocessing, concurrent.futures.process: ~3 ms) are imported with the first."""
    script = (
        "import contextlib, io, sys\n"
        "from reader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['--data-dir', {str(tmp_path)!r}, 'list'])\n"
        "print(sorted(m for m in sys.modules if m.startswith(('multiprocessing', "
        "'concurrent.futures.process'))))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_the_models_and_reports_import_no_network_client_nor_asyncio() -> None:
    """What every command reads its records into (`models`, `reports`) needs neither httpx nor
    asyncio (~0.1 s of a start, on `reader list --search`'s way to its answer): an address's
    reach, and whether a failure is a network's still rejoining, are plain values."""
    script = (
        "import sys, reader.models, reader.reports, reader.search_query\n"
        "print(sorted(m for m in ('httpx', 'asyncio', 'ssl') if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"
