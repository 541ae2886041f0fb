"""A network answering secure sites with a certificate of its own: a hotel's or a train's Wi-Fi
catching every https connection for its login page ("captive portal"), until one logs in.

The connection to each site fails its certificate check, which alone says nothing a traveller
can act on ("certificate verify failed: self-signed certificate", acc42c C17), and each feed was
marked failing. The certificate the network presents names its own host
(`portal.seabreeze-wifi.example`), none of the sites asked. Read here (a second handshake,
trusting what came only to read it), it is named; the same one answering for two hosts or more
in one run, or in a run that met the network's login page over plain http, is the network's,
not each site's fault (`Library`: one line, no feed marked failing).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .models import ErrorKind, FetchError
from .safe import safe_line

if TYPE_CHECKING:
    import socket

# The handshakes' time: the network's gateway is near, and this is a failure's aside.
_TIMEOUT = 5.0


@dataclass(frozen=True, slots=True)
class Presented:
    """A certificate a secure host answered with: its digest and the names it is for."""

    digest: str
    names: tuple[str, ...]


def presented(host: str, port: int, proxy: str | None = None) -> Presented | None:
    """The certificate `host`:`port` answers a secure connection with, whatever signed it,
    reached as the fetches reach it: directly, or through `proxy` (an http one's CONNECT: a
    network's gateway behind a company's proxy still answers for the sites asked through it);
    None when it can't be had. Blocking: run in a thread."""
    # Here, not at the top: `reader feeds` and `list` import this module with the library and
    # never connect (ssl is ~5 ms of their start, `test_start_imports`).
    import hashlib
    import ssl

    try:
        # Taken as it comes, to be read: nothing is sent over these connections.
        anything = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        anything.check_hostname = False
        anything.verify_mode = ssl.CERT_NONE
        with (
            _connection(host, port, proxy) as raw,
            anything.wrap_socket(raw, server_hostname=host) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
        if not der:
            return None
        # Again, trusting it as it came: the names of a certificate are read of one trusted.
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_flags |= ssl.VERIFY_X509_PARTIAL_CHAIN
        context.load_verify_locations(cadata=ssl.DER_cert_to_PEM_cert(der))
        with (
            _connection(host, port, proxy) as raw,
            context.wrap_socket(raw, server_hostname=host) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
            decoded = tls.getpeercert()
    except (OSError, ValueError, ssl.SSLError):
        return None
    if not der or not decoded:
        return None
    # An address is a name too: a server on a company's or a home's own address has a
    # certificate for that address (its "IP Address" entries), not for any host name.
    alt = decoded.get("subjectAltName", ())
    names = [value for kind, value in alt if kind in ("DNS", "IP Address")]
    for part in decoded.get("subject", ()):
        names += [value for key, value in part if key == "commonName" and value not in names]
    return Presented(hashlib.sha256(der).hexdigest(), tuple(str(n) for n in names))


_PROXY_HEAD_AT_MOST = 16 * 1024


def _connection(host: str, port: int, proxy: str | None) -> socket.socket:
    """A connection to `host`:`port`: made directly, or a tunnel `proxy` made to it (an
    http proxy's CONNECT, its password sent as curl sends it); OSError when there is none.
    An https proxy would take TLS inside its own TLS, which a blocking socket can't: none."""
    import socket
    from base64 import b64encode
    from urllib.parse import unquote, urlsplit

    if proxy is None:
        return socket.create_connection((host, port), timeout=_TIMEOUT)
    parts = urlsplit(proxy)
    if parts.scheme != "http" or not parts.hostname:
        raise OSError(f"no tunnel through {parts.scheme} proxies here")
    raw = socket.create_connection((parts.hostname, parts.port or 80), timeout=_TIMEOUT)
    try:
        authority = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
        head = f"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n"
        if parts.username is not None:
            user = f"{unquote(parts.username)}:{unquote(parts.password or '')}"
            head += f"Proxy-Authorization: Basic {b64encode(user.encode()).decode()}\r\n"
        raw.sendall(f"{head}\r\n".encode())
        answer = b""
        # Byte by byte to the head's end: what follows it is the site's TLS, not ours to read.
        while not answer.endswith(b"\r\n\r\n"):
            byte = raw.recv(1)
            if not byte or len(answer) > _PROXY_HEAD_AT_MOST:
                raise OSError("the proxy's answer to CONNECT ended early")
            answer += byte
        if answer.split(b" ", 2)[1:2] != [b"200"]:
            raise OSError("the proxy refused the tunnel")
    except BaseException:
        raw.close()
        raise
    return raw


def names_host(names: tuple[str, ...], host: str) -> bool:
    """One of a certificate's `names` is `host`'s (a wildcard for its first label, an address
    however it is written: OpenSSL writes an IPv6 one whole, "0:0:0:0:0:0:0:1")."""
    host = host.casefold().rstrip(".").strip("[]")  # an IPv6 address as a URL writes it
    address = _address(host)
    for name in names:
        name = name.casefold().rstrip(".").strip()
        if name == host or (name.startswith("*.") and host.partition(".")[2] == name[2:]):
            return True
        if address is not None and _address(name) == address:
            return True
    return False


def _address(text: str) -> object | None:
    """`text` as an IP address, None when it is none."""
    import ipaddress

    try:
        return ipaddress.ip_address(text)
    except ValueError:
        return None


def certificate_error(host: str, url: str, certificate: Presented) -> FetchError:
    """A secure connection to `host` refused for a certificate naming other hosts: named."""
    named = safe_line(certificate.names[0], 60) if certificate.names else "no name"
    return FetchError(
        ErrorKind.NETWORK,
        f"secure connection to {safe_line(host, 60)} failed: it answered with a certificate"
        f" for {named}, not for it",
        url,
        certificate=certificate.digest,
        certificate_name=certificate.names[0] if certificate.names else "",
    )


def network_certificate_error(error: FetchError, name: str) -> FetchError:
    """What a sync says of `error` once its certificate is known for the network's own
    (named `name`): a login page's failure, not the site's."""
    named = safe_line(name, 60)
    return FetchError(
        ErrorKind.PORTAL,
        f"secure sites answered with the network's certificate{f' ({named})' if named else ''}:"
        " a Wi-Fi login is probably waiting; log in in a browser and sync again",
        error.url,
        certificate=error.certificate,
        certificate_name=error.certificate_name,
    )
