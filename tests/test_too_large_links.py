"""A page or PDF larger than the reader reads (`[network] max_bytes`, `pdf_max_bytes`) is kept as a
link to open (↗, `o`), not an article failing every sync (acc35b F5): a feed on 127.0.0.1
(pytest-httpserver) listing a PDF over a small `pdf_max_bytes`, the CLI's own `main` on a temp
data directory; raising the limit has the next sync fetch it."""

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
