"""A big PDF (a council's report of photographs, a court's filing of scans: 10-60 MB) is read
under a cap of its own, `[network] pdf_max_bytes`, larger than a page's `max_bytes`: told by its
first bytes, whatever the server calls it; a page as large is still refused, and so is a PDF
past its own cap, each in one line.

Real parts: PDFs of photographs written by the demo's writer (`report_pdf(picture_bytes=)`), a
loopback server (pytest-httpserver), the reader's sync in a process of its own, its store on
disk. The caps are set small in the config (1 MB a page, 3 MB a PDF) so the files stay small.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.demo.pdf_pages import report_pdf
from tests.cli_run import run_reader
from tests.served_feed import serve_items

_CAPS = "[network]\nmax_bytes = 1048576\npdf_max_bytes = 3145728\n"
_PARAGRAPH = (
    "The inspectors found that the boom of crane 4 had cracked along a weld made during the "
    "refit of 2019, and that the crack had grown in the storm of February until the boom could "
    "no longer carry a loaded container."
)


def _report(megabytes: float) -> bytes:
    """A report about `megabytes` large, mostly its photographs."""
    blocks = [("p", f"{_PARAGRAPH} (Finding {n}.)") for n in range(60)]
    pages = report_pdf("Eastquay storm damage", blocks).count(b"/Type /Page ")
    each = int(megabytes * 2**20 / pages)
    return report_pdf("Eastquay storm damage", blocks, picture_bytes=each)


def _feed(server: HTTPServer, links: list[tuple[str, str]]) -> str:
    return serve_items(server, "Port Notices", [(t, server.url_for(p)) for t, p in links])


def test_a_big_pdf_is_read_under_its_own_cap_and_a_page_as_big_is_not(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Over a page's cap: a PDF served as one, one served as a download (octet-stream) and one
    gzipped on the wire are read and cached; a page of HTML as large, one calling itself a PDF
    and a PDF past its own cap are refused, each named in one line."""
    data_dir = tmp_path / "d"
    data_dir.mkdir(exist_ok=True)
    (data_dir / "config.toml").write_text(_CAPS)
    big = _report(2)
    assert 2**20 < len(big) < 3 * 2**20
    page = b"<html><body>" + b"<p>" + _PARAGRAPH.encode() * 12_000 + b"</p></body></html>"
    assert 2**20 < len(page) < 3 * 2**20
    served = {
        "/report.pdf": (big, "application/pdf", {}),
        "/download": (big, "application/octet-stream", {}),
        "/zipped.pdf": (gzip.compress(big), "application/pdf", {"Content-Encoding": "gzip"}),
        "/page.html": (page, "text/html", {}),
        "/claims.pdf": (page, "application/pdf", {}),
        "/huge.pdf": (_report(3.5), "application/pdf", {}),
    }
    for path, (body, kind, headers) in served.items():
        httpserver.expect_request(path).respond_with_data(body, content_type=kind, headers=headers)
    feed = _feed(httpserver, [(path.strip("/"), path) for path in served])
    assert run_reader(data_dir, "add", feed).returncode == 0
    synced = run_reader(data_dir, "sync")
    # A PDF over its cap is a link to open (↗, o), not a failure (acc35b F5); a web page over
    # a page's is a failure, asked again a day later (acc37b I6).
    assert synced.returncode == 1, synced.stderr
    cached = {
        item["title"]: item["cached"]
        for item in json.loads(run_reader(data_dir, "list", "--json").stdout)
    }
    assert cached == {
        "report.pdf": True,
        "download": True,
        "zipped.pdf": True,
        "page.html": False,
        "claims.pdf": False,
        "huge.pdf": False,
    }
    failed = [line for line in synced.stderr.splitlines() if "not downloaded" in line]
    assert len(failed) == 3, synced.stderr
    said = "\n".join(failed)
    assert "article failed: page.html" in said and "larger than 1 MB, not downloaded" in said
    assert "article failed: claims.pdf" in said
    assert "a PDF larger than 3 MB, not downloaded (over [network] pdf_max_bytes)" in said
    assert "2 failed, 1 link to a PDF, audio or other file" in synced.stderr


def test_extract_reads_a_big_pdf_file_and_refuses_one_past_its_cap(tmp_path: Path) -> None:
    """`reader extract` takes what a fetch takes: a PDF over a page's cap is read; one past a
    PDF's is refused, said so in one line."""
    data_dir = tmp_path / "d"
    data_dir.mkdir(exist_ok=True)
    (data_dir / "config.toml").write_text(_CAPS)
    (tmp_path / "big.pdf").write_bytes(_report(2))
    done = run_reader(data_dir, "extract", str(tmp_path / "big.pdf"))
    assert done.returncode == 0, done.stderr
    assert "crane 4 had cracked" in done.stdout
    (tmp_path / "huge.pdf").write_bytes(_report(3.5))
    done = run_reader(data_dir, "extract", str(tmp_path / "huge.pdf"))
    assert done.returncode != 0 and done.stdout == ""
    assert done.stderr.strip().endswith(
        "is over 3 MB: more than reader reads of a PDF (a fetch stops there too)"
    )
    assert len(done.stderr.splitlines()) == 1
