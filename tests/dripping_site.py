"""A news site on 127.0.0.1 whose article pages come on without end, just over the rate a slow
link is given more time (acc50a A1's `steady.py`), or slowly and whole: an asyncio server in the
caller's loop, a feed at /feed.xml of `articles` links to its own /pN.html, each page 2 KB every
0.25 s, forever (`forever`) or for 4 KB then its end. Notes each page's path as it is asked."""

from __future__ import annotations

import asyncio

_PAGE = b"<html><head><title>Quay</title></head><body><article><h1>Quay</h1><p>"
_WORDS = b"The harbour ferry timetable changes for the winter. " * 40


async def dripping_site(articles: int, forever: bool, asked: list[str]) -> asyncio.Server:
    """The site, listening: its feed's address is `http://127.0.0.1:PORT/feed.xml`."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        port = writer.get_extra_info("sockname")[1]
        try:
            path = (await reader.readuntil(b"\r\n\r\n")).split(b" ")[1].decode()
            if path == "/feed.xml":
                writer.write(_feed(port, articles))
                await writer.drain()
                return
            asked.append(path)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
            writer.write(b"Connection: close\r\n\r\n" + _PAGE)
            for _ in range(10**6 if forever else 2):
                writer.write(_WORDS)
                await writer.drain()
                await asyncio.sleep(0.25)
            writer.write(b"</p></article></body></html>")
            await writer.drain()
        except (ConnectionError, OSError, asyncio.IncompleteReadError):
            pass  # the reader gone, or a probe of the port asking nothing
        except asyncio.CancelledError:
            pass  # its loop ending with the drip under way: nothing of it to say
        finally:
            writer.close()

    return await asyncio.start_server(answer, "127.0.0.1", 0)


def _feed(port: int, articles: int) -> bytes:
    items = "".join(
        f"<item><title>Story {n}</title><link>http://127.0.0.1:{port}/p{n}.html</link>"
        f"<guid>s{n}</guid></item>"
        for n in range(articles)
    )
    body = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quay</title>'
        f"{items}</channel></rss>"
    ).encode()
    head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\n"
    return f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body
