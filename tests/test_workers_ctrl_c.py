"""A Ctrl-C as `reader sync` starts its worker processes: the terminal sends it to the whole
process group, and the fork server importing the workers' modules, or a worker starting,
printed its traceback above the sync's one "interrupted" line (acc34a C1)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = """
import multiprocessing.forkserver as forkserver
import os, signal, threading, time
from reader.workers import process_pool

threading.Thread(target=time.sleep, args=(30,), daemon=True).start()  # as the CLI's sync has
pool, _ = process_pool(1, ["tests.slow_worker_import"], server=True)


def ctrl_c() -> None:  # the terminal's, as the fork server imports the slow module
    time.sleep(1.0)
    os.kill(forkserver._forkserver._forkserver_pid, signal.SIGINT)


threading.Thread(target=ctrl_c).start()
job = pool.submit(os.getpid)  # starts the fork server; returns once it has imported them
print("worker", job.result(timeout=60) > 0, flush=True)
pool.shutdown()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a fork server: Linux's")
def test_a_ctrl_c_while_the_fork_server_imports_the_workers_modules_is_not_its(
    tmp_path: Path,
) -> None:
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.stdout == "worker True\n", done.stderr
    assert "Traceback" not in done.stderr and "KeyboardInterrupt" not in done.stderr, done.stderr
