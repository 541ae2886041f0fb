"""The process's end waits for the TLS context a thread is making: the reader ended with
"Segmentation fault" (-11) after a clean quit (the fresh-clone CI's Ctrl-Z test), its network
stack being made at start in a thread quitting does not wait for (`ui/quittable.py`), and
OpenSSL's exit handler freeing, after the interpreter had ended, what that thread was still
reading the certificate authorities with (`reader/before_exit.py`). The crash itself comes in
a few such exits in a hundred (benchmarks/exit_crashes.py counts them); what is tested here is
what prevents it: the authorities are read whole before the process goes on to its end. A real
interpreter in a child, the real `Fetcher` and OpenSSL, a CA file big enough to take a while."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import certifi
import pytest

_COPIES = 5
"""certifi's authorities this many times over (1.2 MB): read in 0.1 s quiet, seconds at load."""

ENDING_CHILD = """
# python -c ENDING_CHILD CA_FILE [SECONDS]: ends SECONDS after a thread making a Fetcher that
# trusts CA_FILE has opened it; its last exit handler says whether the file was still being read.
import atexit, os, sys, threading, time

ca_file = sys.argv[1]


def reading() -> bool:
    for fd in os.listdir("/proc/self/fd"):
        try:
            if os.readlink(f"/proc/self/fd/{fd}") == ca_file:
                return True
        except OSError:
            pass
    return False


# Registered before the reader's own exit handlers: called after them.
atexit.register(lambda: print("still reading" if reading() else "read", flush=True))

from reader.config import FetchLimits
from reader.fetch import Fetcher

# As the reader's start makes its network stack: in a thread the interpreter's end leaves.
limits = FetchLimits(ca_file=ca_file)
threading.Thread(target=Fetcher, args=(limits,), daemon=True).start()
deadline = time.monotonic() + 120
while not reading() and time.monotonic() < deadline:
    time.sleep(0.001)
time.sleep(float(sys.argv[2]) if len(sys.argv) > 2 else 0)
# The interpreter ends here, the thread inside OpenSSL.
"""


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="reads Linux's /proc")
def test_the_process_ends_once_a_tls_context_under_way_is_made(tmp_path: Path) -> None:
    authorities = tmp_path / "many-authorities.pem"
    authorities.write_text(Path(certifi.where()).read_text() * _COPIES)
    ended = subprocess.run(
        [sys.executable, "-c", ENDING_CHILD, str(authorities)], capture_output=True, timeout=300
    )
    assert (ended.returncode, ended.stdout.decode(), ended.stderr.decode()) == (0, "read\n", "")
