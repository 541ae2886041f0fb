"""A PDF larger than the reader reads (`[network] pdf_max_bytes`) is kept as a link to open (↗,
`o`), not an article failing every sync (acc35b F5); a web page over `max_bytes` fails, and is
asked for again a day later (acc37b I6): a feed on 127.0.0.1 (pytest-httpserver), the CLI's own
`main` on a temp data directory; raising the limit has the next sync fetch a PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from tests.test_user_agent import _run

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Council papers</title>
<link>{base}/</link><item><title>Annual accounts 2026</title><link>{base}/accounts.pdf</link>
<guid>accounts-2026</guid><description>The council's accounts.</description></item>
</channel></rss>"""
PDF = b"%PDF-1.4\n" + b"0" * 300_000  # over the 200 KB limit set below


def test_a_pdf_over_the_limit_is_a_link_kept_not_a_failure_at_each_sync(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    asked: list[str] = []

    def pdf(request: Request) -> Response:
        asked.append(request.path)
        return Response(PDF, content_type="application/pdf")

    base = httpserver.url_for("").rstrip("/")
    httpserver.expect_request("/feed.xml").respond_with_data(
        FEED.format(base=base), content_type="application/rss+xml"
    )
    httpserver.expect_request("/accounts.pdf").respond_with_handler(pdf)
    data = tmp_path / "data"
    data.mkdir()
    config = data / "config.toml"
    config.write_text("[network]\nmax_bytes = 100000\npdf_max_bytes = 200000\n")
    assert _run(capsys, data, "add", base + "/feed.xml")[0] == 0

    code, said = _run(capsys, data, "sync", "-q")
    assert code == 0, said
    assert "failed" not in said
    assert asked == ["/accounts.pdf"]
    code, said = _run(capsys, data, "sync", "-q")
    assert code == 0, said
    assert asked == ["/accounts.pdf"]  # not asked again at each sync

    code, said = _run(capsys, data, "list")
    assert "↗" in said and "Annual accounts 2026" in said
    code, said = _run(capsys, data, "export", "--format", "html", "-o", str(tmp_path / "x.html"))
    assert "reader sync` first" not in said

    # Raised past its size, the next sync fetches it.
    config.write_text("[network]\nmax_bytes = 100000\npdf_max_bytes = 400000\n")
    _run(capsys, data, "sync", "-q")
    assert asked == ["/accounts.pdf", "/accounts.pdf"]


STORY = (
    b"<html><head><title>Harbour dredging resumes</title></head><body><article>"
    b"<h1>Harbour dredging resumes</h1>"
    + b"<p>The dredger returned to the inner basin on Monday after a week of repairs.</p>" * 12
    + b"</article></body></html>"
)


def test_a_web_page_over_the_limit_once_fails_and_is_asked_again(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc37b I6: a 20 KB story whose server streamed an endless body once was kept as "a link
    to a PDF, audio or other file", no failure, and never asked for again, by no sync, nor by
    `reader show`. A web page over the limit fails, a sync asks again a day later, `show`
    at once; a link kept so by a reader from before is asked for again."""
    answers = [b"<html><body>" + b"<p>flood</p>" * 20_000 + b"</body></html>", STORY]
    asked: list[str] = []

    def glitch(request: Request) -> Response:
        asked.append(request.path)
        return Response(answers[min(len(asked), len(answers)) - 1], content_type="text/html")

    base = httpserver.url_for("").rstrip("/")
    feed = FEED.replace("accounts.pdf", "dredging.html").replace("Annual accounts", "Dredging")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed.format(base=base), content_type="application/rss+xml"
    )
    httpserver.expect_request("/dredging.html").respond_with_handler(glitch)
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text("[network]\nmax_bytes = 100000\n")
    assert _run(capsys, data, "add", base + "/feed.xml")[0] == 0

    code, said = _run(capsys, data, "sync", "-q")
    assert code == 1, said  # a failure, named
    assert "Dredging 2026" in said and "larger than 0.0953674 MB, not downloaded" in said
    assert "PDF, audio or other file" not in said
    _run(capsys, data, "sync", "-q")
    assert asked == ["/dredging.html"]  # left for a day, as a page too slow to read
    assert "↗" not in _run(capsys, data, "list")[1]

    code, said = _run(capsys, data, "show", base + "/dredging.html")
    assert code == 0, said
    assert "The dredger returned to the inner basin" in said
    assert asked == ["/dredging.html"] * 2


def test_a_web_page_kept_as_a_link_by_a_reader_from_before_is_asked_again(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.library import Library

    base = httpserver.url_for("").rstrip("/")
    feed = FEED.replace("accounts.pdf", "dredging.html").replace("Annual accounts", "Dredging")
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed.format(base=base), content_type="application/rss+xml"
    )
    httpserver.expect_request("/dredging.html").respond_with_data(STORY, content_type="text/html")
    data = tmp_path / "data"
    data.mkdir()
    assert _run(capsys, data, "add", base + "/feed.xml")[0] == 0  # headlines only
    lib = Library(data)
    try:
        lib.store.mark_not_an_article(
            base + "/dredging.html",
            "larger than 10 MB, not downloaded (over [network] max_bytes): o opens it",
        )
    finally:
        lib.close()
    assert "↗" not in _run(capsys, data, "list")[1]
    code, said = _run(capsys, data, "sync", "-q")
    assert code == 0, said
    assert "The dredger returned" in _run(capsys, data, "show", base + "/dredging.html")[1]
    assert len(httpserver.log) >= 2 and httpserver.log[-1][0].path == "/dredging.html"
