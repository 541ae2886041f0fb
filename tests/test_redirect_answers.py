"""What `reader add` says of an address that answers with a redirect it refuses (acc47c C7): the
site answered, so not "nothing answered at …" with advice to check the address's spelling; and a
redirect to no address (an empty Location) said so, not "a non-web link:" with none after it.
The real command against a server on 127.0.0.1."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.cli_run import run_reader


@pytest.mark.parametrize(
    ("location", "said"),
    [
        ("file:///etc/passwd", "refused a redirect to a non-web link: file:///etc/passwd"),
        ("javascript:alert(1)", "{host} sent an invalid or non-web link"),
        ("", "answered with a redirect to no address (an empty Location)"),
    ],
)
def test_a_refused_redirect_is_the_sites_answer_not_nothing_answering(
    location: str,
    said: str,
    httpserver: HTTPServer,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from reader.cli import main

    httpserver.expect_request("/feed.xml").respond_with_data(
        "", status=302, headers={"Location": location}
    )
    url = httpserver.url_for("/feed.xml")
    assert main(["--data-dir", str(data_dir), "add", url]) == 1
    err = capsys.readouterr().err
    said = said.format(host=url.split("/")[2])
    assert err == f"reader: {url} answered: {said}; not subscribed\n"
    assert main(["--data-dir", str(data_dir), "feeds"]) == 0
    assert url not in capsys.readouterr().out


def test_a_content_type_holding_an_escape_sequence_is_named_without_it_whole(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its escape sequence removed whole before the type is read, not cut at the OSC's own ";"
    ("sent as image/0", acc47c C7)."""
    from reader.cli import main

    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    httpserver.expect_request("/feed").respond_with_data(
        png, headers={"Content-Type": "image/\x1b]0;PWNED\x07png"}
    )
    assert main(["--data-dir", str(data_dir), "add", httpserver.url_for("/feed")]) == 1
    err = capsys.readouterr().err
    assert "image/png" in err and "image/0" not in err and "PWNED" not in err


def test_add_of_an_address_answering_with_an_invalid_redirect_says_it_answered(
    tmp_path: Path,
) -> None:
    """A 302 to "http://127.0.0.1:99999/" was "nothing answered at URL: the server sent an
    invalid redirect …", then "check the address (its spelling, http or https)": the address
    typed was right, and it answered (acc50a A10)."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)

    def answer() -> None:
        conn, _ = listener.accept()
        while b"\r\n\r\n" not in conn.recv(4096):
            pass
        conn.sendall(
            b"HTTP/1.1 302 Found\r\nLocation: http://127.0.0.1:99999/feed.xml\r\n"
            b"Content-Length: 0\r\nConnection: close\r\n\r\n"
        )
        conn.close()

    threading.Thread(target=answer, daemon=True).start()
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/a"
    try:
        added = run_reader(tmp_path / "home", "add", url)
    finally:
        listener.close()
    assert added.returncode == 1
    assert added.stderr == (
        f"reader: {url} answered: the server sent an invalid redirect: port 99999 is out of range"
        " (0 to 65535): http://127.0.0.1:99999/feed.xml; not subscribed\n"
    )
