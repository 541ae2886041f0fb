"""``python -m reader.demo``: serve the demo news sites until Ctrl-C.

Prints the three feed URLs on stdout, one per line (so scripts can read them), and a
short hint on stderr.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from types import FrameType

from .server import DemoServer


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m reader.demo", description="Serve the reader demo news sites."
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: %(default)s)"
    )
    parser.add_argument("--port", type=int, default=0, help="port; 0 picks a free one (default)")
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds to wait before each response"
    )
    args = parser.parse_args(argv)

    stop = threading.Event()

    def request_stop(signum: int, frame: FrameType | None) -> None:
        stop.set()

    # Ctrl-C and `kill` both end in a clean shutdown instead of a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, request_stop)
    signal.signal(signal.SIGTERM, request_stop)

    server = DemoServer(host=args.host, port=args.port, latency=args.latency).start()
    try:
        for url in server.feed_urls:
            print(url)
        sys.stdout.flush()
        print(f"Serving {server.base_url}/ - press Ctrl-C to stop.", file=sys.stderr, flush=True)
        while not stop.wait(0.5):
            pass
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
