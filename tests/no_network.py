""" "No network" as the tests make it: feeds on two hosts where nothing listens. Feeds all on
one host that doesn't answer are one site down, which the reader says by its name ("Nothing
answered at 127.0.0.1:8773"); only when they are on several hosts does it say "No
connection"."""

from __future__ import annotations

import socket
from pathlib import Path
from urllib.parse import urlsplit

LOOPBACK_NAMES = ("localhost", "127.0.0.1")
"""Two names of this machine: two hosts to the reader, which names a site by its host."""


def dead_port() -> int:
    """A port of this machine nothing listens on (taken and let go)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def feed_elsewhere(besides: str = "127.0.0.1") -> str:
    """A feed's address on this machine by its other name than `besides` (one of
    `LOOPBACK_NAMES`), where nothing listens: with it the feeds that fail are on two hosts,
    as with no network."""
    host = next(name for name in LOOPBACK_NAMES if name != besides)
    return f"http://{host}:{dead_port()}/elsewhere.xml"


def subscribe_elsewhere(directory: Path) -> str:
    """Subscribe the library at `directory` to a `feed_elsewhere` of its feeds' host (not
    fetched); its address."""
    from reader.library import Library

    lib = Library(directory)
    try:
        hosts = {urlsplit(url).hostname for url in lib.store.feed_urls()}
        url = feed_elsewhere(next(name for name in LOOPBACK_NAMES if name in hosts))
        lib.add_feed(url)
    finally:
        lib.close()
    return url


def offline_machine() -> list[str]:
    """A command's prefix running it in a network namespace of its own with only its loopback
    up: this machine as a laptop with its Wi-Fi off is (no route out, its name server not
    answering), the kernel's and the resolver's own words. Skips the test where a namespace
    can't be made (not Linux, not allowed)."""
    import shutil
    import subprocess

    import pytest

    prefix = ["unshare", "-n", "sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh"]
    if shutil.which("unshare") is None:
        pytest.skip("no unshare here: no namespace without a network to run in")
    tried = subprocess.run([*prefix, "true"], capture_output=True, check=False)
    if tried.returncode != 0:
        pytest.skip("a network namespace can't be made here (not allowed)")
    return prefix


SILENT_NAME_SERVER = """\
ip link set lo up 2>/dev/null
ip addr add "$NAME_SERVER/32" dev lo 2>/dev/null
"$PYTHON" -c "
import os, socket, sys, time
parent = os.getppid()  # the shell, then the command it becomes: the server ends with it
udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind((sys.argv[1], 53))
tcp = socket.socket()
tcp.bind((sys.argv[1], 53))
tcp.listen(8)
print('listening', flush=True)
while os.getppid() == parent:
    time.sleep(0.2)
" "$NAME_SERVER" > "$READY" 2>/dev/null < /dev/null &
while [ ! -s "$READY" ]; do sleep 0.05; done
exec "$@"
"""


def silent_name_server(ready: Path) -> tuple[list[str], dict[str, str]]:
    """A command's prefix and environment running it where this machine's name server takes
    every lookup and answers none (a network namespace of its own, the address
    /etc/resolv.conf names taken by a socket that reads nothing), glibc giving up after 3 s:
    a slow name server's wait as it is. `ready` is a file the server writes once listening.
    Skips the test where that can't be made (`offline_machine`'s, or a name server not IPv4)."""
    import ipaddress
    import os
    import sys

    import pytest

    offline_machine()  # skips where no namespace can be made
    try:
        lines = Path("/etc/resolv.conf").read_text(encoding="utf-8").splitlines()
    except OSError:
        pytest.skip("no /etc/resolv.conf: no name server to silence")
    servers = [line.split()[1] for line in lines if line.startswith("nameserver ")]
    if not servers or ipaddress.ip_address(servers[0]).version != 4:
        pytest.skip("no IPv4 name server in /etc/resolv.conf")
    env = os.environ | {
        "NAME_SERVER": servers[0],
        "PYTHON": sys.executable,
        "READY": str(ready),
        "RES_OPTIONS": "timeout:3 attempts:1",
    }
    return ["unshare", "-n", "sh", "-c", SILENT_NAME_SERVER, "sh"], env
