"""A news site on 127.0.0.x whose network fails as a traveller's does: it goes away mid-sync
(its listening socket closed after some pages, later connections refused), stalls every page
half-way (hotel Wi-Fi: headers and half the body, then nothing), or breaks off every answer (a
third of the body, then the connection shut); "… all", its feeds too. Raw sockets, one connection
at a time, HTTP/1.0-style (each answer closes its connection); counts the pages and feeds asked."""

from __future__ import annotations

import socket
import threading
import time
from contextlib import suppress
from typing import Literal

from tests.served_feed import story_page
from tests.silent_host import Listener, request_path

Mode = Literal["normal", "vanish", "stall", "stall all", "drop all", "drop pages"]


class FailingSite(Listener):
    """A feed at /feed.xml (and at any /feedN.xml: one paper's sections) of `stories` pages at
    /story-N.html, served normally, or (`mode`) going away after `pages_before` pages, or
    stalling every page (and feed), or breaking off every answer (or every page's only)."""

    def __init__(
        self,
        stories: int,
        mode: Mode = "normal",
        pages_before: int = 0,
        host: str = "127.0.0.1",
        port: int = 0,
        paged: bool = False,
        together: int = 1,
    ) -> None:
        self.mode: Mode = mode
        # The first `together` requests all in before any is answered, as a site answering in
        # parallel has them: one at a time, the first answered (broken off, say) and asked
        # again before a loaded client had sent the last, which was then "not tried".
        self.together = together
        # Each story over two pages (/story-N.html, then ?page=2); "vanish" counts the
        # second pages alone, "stall" stalls them alone: stories caught after their first.
        self.paged = paged
        self.pages_before = pages_before
        self.stories = stories
        self.pages_asked = 0
        self.edition = ""  # after every story's title in the feed: a correction told anew
        self.feeds_asked: list[str] = []  # the feeds' paths, as asked (tries again included)
        self.gone = threading.Event()
        super().__init__(self._serve, host, port, backlog=64)  # `held`: stalled connections
        self.base = f"http://{host}:{self.port}"

    def feed(self) -> str:
        items = "".join(
            f"<item><title>Story {n}{self.edition}</title><link>{self.base}/story-{n}.html</link>"
            f"<guid>{self.base}/story-{n}.html</guid>"
            f"<pubDate>Sat, 05 Dec 2026 {n % 24:02d}:00:00 GMT</pubDate></item>"
            for n in range(self.stories)
        )
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title>'
            f"{items}</channel></rss>"
        )

    def _serve(self) -> None:
        waiting: list[socket.socket] = []  # taken, not answered yet (`together`)
        while not self._stop.is_set() and not self.gone.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                continue
            conn.settimeout(2.0)
            waiting.append(conn)
            if len(waiting) < self.together:
                continue
            self.together = 1  # those after them answered as they come
            with suppress(OSError):  # answered as before: `_answer` finds it closed
                for each in waiting if len(waiting) > 1 else ():
                    _asked(each)
            for each in waiting:
                try:
                    self._answer(each)
                except OSError:
                    each.close()
            waiting.clear()
        self._sock.close()

    def _answer(self, conn: socket.socket) -> None:
        path = request_path(conn)
        if path is None:
            return
        feed = path.startswith("/feed") and path.endswith(".xml")
        if feed:
            self.feeds_asked.append(path)
            body, kind = self.feed().encode(), "application/rss+xml"
        else:
            second = path.endswith("?page=2")
            self.pages_asked += second or not self.paged
            page = story_page(f"Harbour story {path}")
            if self.paged:
                # Its pager as WordPress's: the count, and the next page's link in the head.
                onward = f"{path}?page=2"
                count = f"<p>Page {1 + second} of 2</p>"
                page = page.replace("</article>", f"{count}</article>")
                if not second:
                    page = page.replace("</head>", f'<link rel="next" href="{onward}"></head>')
            body, kind = page.encode(), "text/html; charset=utf-8"
            if self.mode == "vanish" and self.pages_asked > self.pages_before:
                # The network gone: this connection dropped unanswered, and no more taken.
                conn.close()
                self.gone.set()
                return
        head = f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
        conn.sendall(head.encode() + b"Connection: close\r\n\r\n")
        stalls = not feed and (not self.paged or path.endswith("?page=2"))
        if self.mode == "stall all" or (self.mode == "stall" and stalls):
            conn.sendall(body[: len(body) // 2])
            self.held.append(conn)  # and nothing more
            return
        if self.mode == "drop all" or (self.mode == "drop pages" and not feed):
            conn.sendall(body[: len(body) // 3])
            conn.shutdown(socket.SHUT_RDWR)
            conn.close()
            return
        conn.sendall(body)
        conn.close()


def _asked(conn: socket.socket) -> None:
    """Return once the head of the request on `conn` is all in (left there for `_answer`), or
    the connection has ended."""
    while (head := conn.recv(4096, socket.MSG_PEEK)) and b"\r\n\r\n" not in head:
        time.sleep(0.01)  # the rest of a head sent in parts
