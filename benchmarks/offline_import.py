"""A wallabag export imported with the network absent: wall time and pages asked for, this
checkout against another side by side (`--against DIR`, a worktree of main from before the
import stopped asking, acc51b B7).

    uv run python benchmarks/offline_import.py [--against DIR] [--links 400] [--hosts 40]
        [--delay 0.5]

The network absent as the tester met it (a DNS lookup failing after ~0.7 s, each link asking in
turn): `--hosts` ports of 127.0.0.1, each a site to the reader, where a server of this script
takes every connection and closes it after `--delay` seconds with no answer. `--links` links of
a wallabag export spread over them, each with the text wallabag kept, imported with
`--fetch-local` (the ports being this machine's) by each checkout in a child of its own, a
fresh data directory each. Printed: the wall time, the connections made, and this / against.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

from children import checkouts, measured

KEPT = "<p>The text wallabag kept of story {n}: the ferry sailed at dawn, the harbour said.</p>"


class SilentHosts:
    """`count` listening ports that take every connection and close it after `delay` seconds
    without a byte: a network that fails each request slowly. `connections` counts them."""

    def __init__(self, count: int, delay: float) -> None:
        self.delay = delay
        self.connections = 0
        self._lock = threading.Lock()
        self.sockets: list[socket.socket] = []
        for _ in range(count):
            sock = socket.socket()
            sock.bind(("127.0.0.1", 0))
            sock.listen(64)
            self.sockets.append(sock)
            threading.Thread(target=self._serve, args=(sock,), daemon=True).start()

    @property
    def ports(self) -> list[int]:
        return [sock.getsockname()[1] for sock in self.sockets]

    def _serve(self, sock: socket.socket) -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            with self._lock:
                self.connections += 1
            threading.Timer(self.delay, conn.close).start()


def export(path: Path, ports: list[int], links: int) -> None:
    entries = [
        {
            "id": n,
            "url": f"http://127.0.0.1:{ports[n % len(ports)]}/story-{n}.html",
            "title": f"Story {n}",
            "content": KEPT.format(n=n),
            "created_at": "2025-12-01T07:00:00+01:00",
            "is_archived": 0,
            "tags": [],
            "annotations": [],
        }
        for n in range(links)
    ]
    path.write_text(json.dumps(entries), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--against", type=Path, help="another checkout (a worktree of main)")
    parser.add_argument("--links", type=int, default=400)
    parser.add_argument("--hosts", type=int, default=40)
    parser.add_argument("--delay", type=float, default=0.5)
    args = parser.parse_args()
    hosts = SilentHosts(args.hosts, args.delay)
    took: dict[str, tuple[float, int, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "wallabag.json"
        export(file, hosts.ports, args.links)
        for name, root in checkouts(args.against).items():
            data = Path(tmp) / f"data-{name}"
            env = os.environ | {"PYTHONPATH": str(root)}
            before = hosts.connections
            command = [sys.executable, "-m", "reader", "--data-dir", str(data)]
            run = measured([*command, "import", "--fetch-local", str(file)], env, said_on="stdout")
            time.sleep(args.delay)  # the last connections counted
            first = run.said[0] if run.said else f"(exit {run.status})"
            took[name] = (run.wall, hosts.connections - before, first)
    print(f"{args.links} links on {args.hosts} hosts failing after {args.delay} s each")
    for name, (wall, asked, first) in took.items():
        print(f"{name:8} wall {wall:6.1f} s, {asked:4} connections: {first[:110]}")
    if len(took) == 2:
        (this_wall, this_asked, _), (other_wall, other_asked, _) = took.values()
        print(
            f"this / against: wall {this_wall / other_wall:.2f}, connections"
            f" {this_asked / max(other_asked, 1):.2f}"
        )


if __name__ == "__main__":
    main()
