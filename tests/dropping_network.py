"""News sites on several ports of 127.0.0.1 (several hosts to the reader) whose network drops
as a traveller's does, mid-sync: every site stops at once (`drop`: its listening socket
closed, so connections are refused, and the connections under way cut), or stops answering
while connections still open (`stall`: nothing accepted, held as a swallowing network holds
them); `back` starts every site again on its own port. `drop_after` drops (or stalls) the
network by itself once so many article pages have been served, or stops some sites alone. A
HEAD (a reader's probe of the network) is answered with a bare head, no page counted. Each site serves `feeds` feeds at
/feedN.xml (one paper's sections), each of `stories` pages of its own at /story-N.html, one
thread a connection; pages served are counted."""

from __future__ import annotations

import errno
import socket
import struct
import threading
import time
from datetime import datetime, timedelta
from typing import Literal

from tests.served_feed import story_page
from tests.silent_host import request_line

State = Literal["up", "down", "stall"]


class _Site:
    """One host: a listening socket on its own port, taken again on that port by `open`."""

    def __init__(self, net: DroppingNetwork, port: int = 0) -> None:
        self._net = net
        self._sock: socket.socket | None = None
        self.port = port
        self.stalling = False
        """This site alone stops answering, connections still made (`drop_after`'s)."""
        self.open()

    def open(self) -> None:
        sock = socket.socket()
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        for _ in range(200):
            try:
                sock.bind(("127.0.0.1", self.port))
                break
            except OSError as error:
                # Its port taken meanwhile, by a connection of its own still ending or a
                # client's connection elsewhere given it as its own: free again soon.
                if error.errno != errno.EADDRINUSE:
                    raise
                time.sleep(0.05)
        sock.listen(64)
        sock.settimeout(0.05)
        self.port = sock.getsockname()[1]
        self._sock = sock
        threading.Thread(target=self._accept, args=(sock,), daemon=True).start()

    def close(self) -> None:
        """Connections refused from now on, until `open`."""
        if self._sock is not None:
            self._sock.close()
            self._sock = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self, sock: socket.socket) -> None:
        while sock is self._sock:
            if self._net.state == "stall" or self.stalling:
                # Not accepted: the kernel's backlog takes the connection, nothing answers.
                self._net.stalled.wait(0.05)
                continue
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        conn.settimeout(5.0)
        try:
            asked = request_line(conn)
            if asked is None:
                return
            method, path = asked
            if self._net.state != "up" or self._sock is None or self.stalling:
                self._net.cut(conn, self.stalling)
                return
            if method == "HEAD":
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                conn.close()
                return
            if path.startswith("/feed"):
                if not self._net.feed_served():
                    self._net.cut(conn, self.stalling)  # cut as the network went
                    return
                body = self._net.feed(self.base, path).encode()
                kind = "application/rss+xml"
            else:
                body = story_page(f"Harbour story {path} at {self.port}").encode()
                kind = "text/html; charset=utf-8"
                if not self._net.page_served(self):
                    self._net.cut(conn, self.stalling)  # cut as the network went
                    return
            head = f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
            conn.sendall(head.encode() + b"Connection: close\r\n\r\n" + body)
            conn.close()
        except OSError:
            conn.close()


class DroppingNetwork:
    """`hosts` sites of `feeds` feeds each, every feed listing `stories` pages of its own."""

    def __init__(self, hosts: int = 5, feeds: int = 8, stories: int = 8) -> None:
        self.state: State = "up"
        self.feeds, self.stories = feeds, stories
        self.revised: datetime | None = None
        """A time after which each item says it was updated (told anew), a minute apart (one
        time on them all is a feed's build time, no news); None for none."""
        self.pages = 0
        """Article pages served whole."""
        self.asked_while_away = 0
        """Requests that reached a site while it was down or stalling (their answer cut)."""
        self.drop_at: int | None = None
        self.feeds_served = 0
        self.drop_at_feed: int | None = None
        self._dropping: list[_Site] | None = None  # `drop_after`'s sites; None: every one
        self._stalls = False  # `drop_after` stalls the network (or its sites), not drops it
        self.dropped = threading.Event()
        """Set once the network is dropped (by `drop`, or `drop_after`'s count)."""
        self.stalled = threading.Event()
        self._held: list[socket.socket] = []
        self._lock = threading.Lock()
        self.sites = [_Site(self) for _ in range(hosts)]

    def feed_urls(self) -> list[str]:
        return [f"{site.base}/feed{n}.xml" for site in self.sites for n in range(self.feeds)]

    @property
    def articles(self) -> int:
        return len(self.sites) * self.feeds * self.stories

    def feed(self, base: str, path: str) -> str:
        """The feed at `path` (/feedN.xml) of the site at `base`."""
        first = int(path.removeprefix("/feed").partition(".")[0] or 0) * self.stories

        def revised(n: int) -> str:
            if self.revised is None:
                return ""
            at = (self.revised + timedelta(minutes=n)).isoformat(timespec="seconds")
            return f"<atom:updated>{at}</atom:updated>"

        items = "".join(
            f"<item><title>Story {n} of {base}</title><link>{base}/story-{n}.html</link>"
            f"<guid>{base}/story-{n}.html</guid>"
            f"<pubDate>Sat, 05 Dec 2026 {n % 24:02d}:{n % 60:02d}:00 GMT</pubDate>{revised(n)}"
            "</item>"
            for n in range(first, first + self.stories)
        )
        return (
            '<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
            f"<channel><title>Ledger {base}</title>{items}</channel></rss>"
        )

    def page_served(self, site: _Site) -> bool:
        """One more page about to be served by `site`: False when it is not (the network
        dropped, or `site` with the sites `drop_after` names, at the page it counted to)."""
        with self._lock:
            drop = self.drop_at is not None and self.pages >= self.drop_at
            if drop:
                self.drop_at = None
        if drop and self._dropping is None:
            self.stall() if self._stalls else self.drop()
            return False
        if drop:
            for down in self._dropping or ():
                if self._stalls:
                    down.stalling = True
                else:
                    down.close()
        if site._sock is None or site.stalling or self.state != "up":
            return False
        with self._lock:
            self.pages += 1
        return True

    def feed_served(self) -> bool:
        """One more feed about to be served: False, once the network is dropped, for those
        after the ones `drop_after_feeds` counted (held unanswered until then)."""
        with self._lock:
            held = self.drop_at_feed is not None and self.feeds_served >= self.drop_at_feed
            if not held:
                self.feeds_served += 1
        if held:
            self.dropped.wait(30.0)  # until the test drops it, its reader having read the rest
            return False
        return True

    def drop_after_feeds(self, feeds: int) -> None:
        """The feeds after the first `feeds` are held unanswered until `drop` (a test calls it
        once its reader has read those in), then cut."""
        self.drop_at_feed = feeds

    def cut(self, conn: socket.socket, stalling: bool = False) -> None:
        """A connection the dropped network takes down: reset (`down`), or held unanswered
        (the network stalling, or its site, `stalling`)."""
        with self._lock:
            self.asked_while_away += 1
        if self.state == "stall" or stalling:
            self._held.append(conn)
            return
        # An RST, as a route gone does to a connection under way: not a clean end.
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        conn.close()

    def drop_after(self, pages: int, sites: list[_Site] | None = None, stall: bool = False) -> None:
        """The network drops by itself as the page after `pages` pages is asked; with
        `sites`, those sites alone stop (refusing from then on), the others answering. With
        `stall`, it (or they) stalls instead: connections made, nothing answered."""
        self.drop_at = pages
        self._dropping = sites
        self._stalls = stall

    def drop(self) -> None:
        """Every site stops at once: connections refused, those under way cut."""
        if self.state == "down":
            return
        self.state = "down"
        for site in self.sites:
            site.close()
        self.dropped.set()

    def stall(self) -> None:
        """Every site stops answering: connections still made (the backlog), never answered."""
        self.state = "stall"
        self.stalled.set()
        self.dropped.set()

    def back(self) -> None:
        """Every site answers again, each on its own port (feeds no longer held)."""
        self.drop_at_feed = None
        for conn in self._held:
            conn.close()
        self._held.clear()
        self.state = "up"
        self.stalled.clear()
        for site in self.sites:
            site.stalling = False
            if site._sock is None:
                site.open()

    def close(self) -> None:
        for conn in self._held:
            conn.close()
        for site in self.sites:
            site.close()
