"""How private an address is (`address_class`), in every spelling a URL can give it, and the
check of the address a connection really reached, driven by real connections on loopback.

These need no second network interface: the ceiling a feed or a page would set is given as it
is, and the guard is shown to judge the connection, not the URL. `test_private_redirects`
has two real classes of address (loopback, and this machine's interface address).
"""

from __future__ import annotations

import asyncio
import socket
from urllib.parse import urlsplit

import httpx
import pytest
from pytest_httpserver import HTTPServer

from reader.address_class import (
    Reach,
    connect_guard,
    host_reach,
    literal_address,
    peer_reach,
)
from reader.fetch import Fetcher
from reader.models import ErrorKind, FetchError

LOOPBACK = [
    "http://127.0.0.1:22/",
    "http://127.1/",
    "http://127.255.255.254/",
    "http://2130706433:8774/",
    "http://017700000001/",
    "http://0x7f000001/",
    "http://0x7f.1/",
    "http://0177.0.0.1/",
    "http://127.0.0.0x1/",
    "http://127.0.0.1./",
    "http://evil.invalid@127.0.0.1:8774/",
    "http://user:pw@[::1]:631/",
    "http://[0:0:0:0:0:0:0:1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://0.0.0.0:631/",
    "http://0/",
    "http://[::]/",
    "http://localhost:631/",
    "http://LOCALHOST./",
    "http://printer.localhost/",
    "http://１２７．０．０．１/",
    "http://127。0。0。1/",
]
PRIVATE = [
    "http://10.0.0.1/",
    "http://10.255.255.255/",
    "http://172.16.0.1/",
    "http://172.31.255.254/",
    "http://192.168.1.1/",
    "http://3232235777/",  # 192.168.1.1
    "http://0xc0.0xa8.1.1/",
    "http://100.64.0.1/",
    "http://100.127.255.254/",
    "http://169.254.169.254/latest/meta-data/",
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://2852039166/",  # 169.254.169.254
    "http://[fd00::1]/",
    "http://[fc00::1]/",
    "http://[fe80::1%25eth0]/",
    "http://[::ffff:192.168.1.1]/",
    "http://[::ffff:a9fe:a9fe]/",
]
PUBLIC = [
    "http://93.184.215.14/",
    "http://172.32.0.1/",
    "http://100.128.0.1/",
    "http://192.169.0.1/",
    "http://11.0.0.1/",
    "http://1249835790/",  # 74.125.21.14
    "http://[2001:4860:4860::8888]/",
    "http://[::ffff:8.8.8.8]/",
]
NAMES = [
    "http://news.example/",
    "http://1.2.3.example/",
    "http://localhost.example/",
    "http://127-0-0-1.example/",
    "http://0x7f.example/",
]


@pytest.mark.parametrize("url", LOOPBACK)
def test_every_spelling_of_loopback_is_loopback(url: str) -> None:
    assert host_reach(urlsplit(url).hostname or "") == Reach.LOOPBACK


@pytest.mark.parametrize("url", PRIVATE)
def test_private_networks_link_local_and_the_metadata_address_are_private(url: str) -> None:
    assert host_reach(urlsplit(url).hostname or "") == Reach.PRIVATE


@pytest.mark.parametrize("url", PUBLIC)
def test_the_rest_is_public(url: str) -> None:
    assert host_reach(urlsplit(url).hostname or "") == Reach.PUBLIC


@pytest.mark.parametrize("url", NAMES)
def test_a_name_is_known_only_once_resolved(url: str) -> None:
    host = urlsplit(url).hostname or ""
    assert literal_address(host) is None and host_reach(host) is None


@pytest.mark.parametrize(
    "host",
    ["2130706433", "017700000001", "0x7f000001", "0x7f.1", "0177.0.0.1", "127.1", "3232235777"],
)
def test_a_numeric_host_is_read_as_the_system_resolver_reads_it(host: str) -> None:
    """What the class is judged on is the address the connection will go to."""
    ((*_, (address, _port)),) = socket.getaddrinfo(
        host, 80, socket.AF_INET, socket.SOCK_STREAM, flags=socket.AI_NUMERICHOST
    )
    assert str(literal_address(host)) == address


def test_peer_addresses_as_sockets_give_them() -> None:
    assert peer_reach(("127.0.0.1", 8080)) == Reach.LOOPBACK
    assert peer_reach(("::ffff:10.1.2.3", 80, 0, 0)) == Reach.PRIVATE
    assert peer_reach(("fe80::1%eth0", 80, 0, 2)) == Reach.PRIVATE
    assert peer_reach(("2001:db8::1", 443, 0, 0)) == Reach.PUBLIC
    assert peer_reach(None) is None and peer_reach(("not an address", 1)) is None


def test_a_lead_may_not_take_a_fetch_to_a_more_private_address(httpserver: HTTPServer) -> None:
    """A public page's (or feed's) link, given as the ceiling it sets, to a loopback address
    in any spelling: refused before anything is sent. A loopback page's link is not."""
    httpserver.expect_request("/admin").respond_with_data("<p>router settings</p>")
    port = httpserver.port

    async def go() -> None:
        async with Fetcher() as fetcher:
            for url in (
                f"http://127.0.0.1:{port}/admin",
                f"http://2130706433:{port}/admin",
                f"http://evil.invalid@127.0.0.1:{port}/admin",
                f"http://localhost:{port}/admin",
            ):
                for ceiling in (Reach.PUBLIC, Reach.PRIVATE):
                    with pytest.raises(FetchError) as caught:
                        await fetcher.get(url, ceiling=ceiling, lead="a feed's link")
                    assert caught.value.kind == ErrorKind.BAD_URL
                    assert caught.value.message == (
                        f"refused a feed's link from a {ceiling.noun} address to a loopback "
                        f"one: {url}"
                    )
            response = await fetcher.get(f"http://127.0.0.1:{port}/admin", ceiling=Reach.LOOPBACK)
            assert response.body == b"<p>router settings</p>"
            assert response.reach == Reach.LOOPBACK

    asyncio.run(go())
    assert len(httpserver.log) == 1  # the loopback page's own link, and nothing refused


def test_the_connection_is_judged_not_the_name(httpserver: HTTPServer) -> None:
    """The guard judges the address a new connection reached, before the request is sent on
    it: whatever the URL looks like (here it is loopback; a public-looking name resolving
    to 127.0.0.1 is the same to it), the server never hears the request."""
    httpserver.expect_request("/secret").respond_with_data("<p>keys</p>")
    url = f"http://127.0.0.1:{httpserver.port}/secret"

    async def go() -> FetchError:
        guard = connect_guard(Reach.PUBLIC, "a redirect", url)
        async with httpx.AsyncClient(trust_env=False) as client:
            with pytest.raises(FetchError) as caught:
                await client.get(url, extensions={"trace": guard})
            allowed = connect_guard(Reach.LOOPBACK, "a redirect", url)
            assert (await client.get(url, extensions={"trace": allowed})).text == "<p>keys</p>"
        return caught.value

    error = asyncio.run(go())
    assert error.message == f"refused a redirect from a public address to a loopback one: {url}"
    assert len(httpserver.log) == 1  # only the request allowed


def _resolved(name: str) -> str | None:
    try:
        found = socket.getaddrinfo(name, None, socket.AF_INET, socket.SOCK_STREAM)
    except OSError:
        return None
    return str(found[0][4][0]) if found else None


def test_a_name_is_judged_by_the_address_it_resolved_to() -> None:
    """This machine's own name resolves to an address of its (often loopback, as a name in
    /etc/hosts): a fetch led there from a public page is refused when that address is more
    private, in words naming it, and the server never hears the request; even over a
    connection the user's own fetch of it left open."""
    name = socket.gethostname()
    address = _resolved(name)
    assert address is not None, f"this machine's name {name!r} does not resolve"
    server = HTTPServer(host=address, port=0)
    server.start()
    server.expect_request("/status").respond_with_data("<p>ok</p>")
    url = f"http://{name}:{server.port}/status"
    reach = peer_reach((address, 0))
    assert reach is not None

    async def go() -> list[str]:
        said = []
        async with Fetcher() as fetcher:
            for first_the_users_own in (False, True):
                if first_the_users_own:
                    mine = await fetcher.get(url)  # the user's: goes anywhere, keeps the line open
                    assert mine.reach == reach
                try:
                    await fetcher.get(url, ceiling=Reach.PUBLIC, lead="a redirect")
                    said.append("fetched")
                except FetchError as error:
                    said.append(error.message)
        return said

    try:
        said = asyncio.run(go())
    finally:
        server.stop()
    if reach > Reach.PUBLIC:
        refused = (
            f"refused a redirect from a public address to a {reach.noun} one: {url} "
            f"(it resolved to {address})"
        )
        assert said == [refused, refused]
        assert len(server.log) == 1  # the user's own fetch alone
    else:
        assert said == ["fetched", "fetched"] and len(server.log) == 3


def test_a_connection_reset_as_it_is_made_is_a_failed_connection_not_a_refusal() -> None:
    """A host going away mid-sync resets the connections being made: their peer can't be read,
    which the guard took for a more private address and refused ("refused a feed's link from a
    loopback address to a loopback one": ci54), where the sync says the network went away."""
    import struct
    import threading
    import time

    import httpcore

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    connected = threading.Event()

    def reset() -> None:
        client, _ = server.accept()
        connected.wait(10)  # reset once made, not as it is made (that fails the connect)
        client.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        client.close()

    threading.Thread(target=reset, daemon=True).start()
    guard = connect_guard(Reach.LOOPBACK, "a feed's link", "http://127.0.0.1/story.html")

    async def run() -> None:
        stream = await httpcore.AnyIOBackend().connect_tcp("127.0.0.1", server.getsockname()[1])
        connected.set()
        deadline = time.monotonic() + 10
        while stream.get_extra_info("server_addr") is not None:  # until the reset has come
            assert time.monotonic() < deadline, "never reset"
            await asyncio.sleep(0.01)
        with pytest.raises(httpcore.ConnectError):
            await guard("connection.connect_tcp.complete", {"return_value": stream})

    try:
        asyncio.run(run())
    finally:
        server.close()
