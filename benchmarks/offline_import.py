"""A wallabag export imported with the network absent: wall time and pages asked for, this
checkout against another side by side (`--against DIR`, a worktree of main from before the
import stopped asking, acc51b B7).

    uv run python benchmarks/offline_import.py [--against DIR] [--links 400] [--hosts 40]
        [--delay 0.5] [--no-network]

The network absent as the tester met it (a DNS lookup failing after ~0.7 s, each link asking in
turn): `--hosts` ports of 127.0.0.1, each a site to the reader, where a server of this script
takes every connection and closes it after `--delay` seconds with no answer. `--links` links of
a wallabag export spread over them, each with the text wallabag kept, imported with
`--fetch-local` (the ports being this machine's) by each checkout in a child of its own, a
fresh data directory each. Printed: the wall time, the connections made, and this / against.

With `--no-network` the machine is offline as a laptop with its Wi-Fi off is (acc51b B7's
"where that is sure"): each child runs in a network namespace of its own (`unshare -n`, as
root), no route out and its name server unreachable, the links on `--hosts` public names. The
links asked are then those the import's summary does not count as kept without asking.
Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
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


NO_NETWORK = ["unshare", "-n", "sh", "-c", 'ip link set lo up 2>/dev/null; exec "$@"', "sh"]
UNASKED = re.compile(r"the network did not answer: (\d+) links? kept without asking")


def export(path: Path, sites: list[str], links: int) -> None:
    entries = [
        {
            "id": n,
            "url": f"http://{sites[n % len(sites)]}/story-{n}.html",
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
    parser.add_argument("--no-network", action="store_true", help="in a namespace with none")
    args = parser.parse_args()
    hosts = SilentHosts(0 if args.no_network else args.hosts, args.delay)
    if args.no_network:
        sites = [f"www.news-site-{n}.example.org" for n in range(args.hosts)]
    else:
        sites = [f"127.0.0.1:{port}" for port in hosts.ports]
    took: dict[str, tuple[float, int, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "wallabag.json"
        export(file, sites, args.links)
        for name, root in checkouts(args.against).items():
            data = Path(tmp) / f"data-{name}"
            env = os.environ | {"PYTHONPATH": str(root)}
            before = hosts.connections
            command = [sys.executable, "-m", "reader", "--data-dir", str(data)]
            command = [*(NO_NETWORK if args.no_network else []), *command]
            run = measured([*command, "import", "--fetch-local", str(file)], env, said_on="stdout")
            first = run.said[0] if run.said else f"(exit {run.status})"
            if args.no_network:
                unasked = next(filter(None, map(UNASKED.search, run.said)), None)
                asked = args.links - (int(unasked.group(1)) if unasked else 0)
            else:
                time.sleep(args.delay)  # the last connections counted
                asked = hosts.connections - before
            took[name] = (run.wall, asked, first)
    if args.no_network:
        print(f"{args.links} links on {args.hosts} public hosts, no network (a namespace)")
    else:
        print(f"{args.links} links on {args.hosts} hosts failing after {args.delay} s each")
    for name, (wall, asked, first) in took.items():
        print(f"{name:8} wall {wall:6.1f} s, {asked:4} asked: {first[:110]}")
    if len(took) == 2:
        (this_wall, this_asked, _), (other_wall, other_asked, _) = took.values()
        print(
            f"this / against: wall {this_wall / other_wall:.2f}, asked"
            f" {this_asked / max(other_asked, 1):.2f}"
        )


if __name__ == "__main__":
    main()
