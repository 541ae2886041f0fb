"""A feed's item linking to a 1 MB address: each sync's line naming its failure shows the
address cut in its middle, as the link list shows it, and the reason after it whole (acc37b
I2: one 1 MB line of stderr at every sync, cut before its reason)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cli import main
from tests.served_feed import serve_one_item

_QUERY = "a" * (1024 * 1024)


def test_a_one_megabyte_link_is_cut_in_its_middle_and_its_reason_kept(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        link = server.url_for("/p/long") + "?q=" + _QUERY + "&end=here"
        feed = serve_one_item(server, "Long Links", "Long URL", link, "A story.")
        assert main(["--data-dir", str(data_dir), "add", feed]) == 0
        capsys.readouterr()
        main(["--data-dir", str(data_dir), "sync"])
    finally:
        server.clear()
        server.stop()
    said = capsys.readouterr().err
    line = next(line for line in said.splitlines() if "Long URL" in line)
    assert len(line) < 1000, len(line)
    shown = line.partition("<")[2].partition(">")[0]
    assert shown.startswith(server.url_for("/p/long?q=aaa")) and shown.endswith("a&end=here")
    assert "…" in shown
    reason = line.partition(">: ")[2]
    assert reason.startswith(f"not a valid web address ({len(link):,} characters long): "), line
    assert reason.endswith("a&end=here"), line  # the address in it cut so too


def test_reextract_and_show_cut_a_long_link_in_their_lines(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A picture linked by a 6,000-character address is kept as a link: `reextract` said so
    with the address whole ("not re-extracted: http://…aaaa…: not an article page"), 6,000
    characters on one line, and `show` named it so too."""
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    try:
        link = server.url_for("/p/chart.png") + "?q=" + "a" * 6000 + "&end=here"
        server.expect_request("/p/chart.png").respond_with_data(
            b"\x89PNG\r\n\x1a\n" + bytes(64), content_type="image/png"
        )
        feed = serve_one_item(server, "Charts", "The chart", link, "A chart.")
        assert main(["--data-dir", str(data_dir), "add", feed]) == 0
        assert main(["--data-dir", str(data_dir), "sync"]) == 0
        capsys.readouterr()
        assert main(["--data-dir", str(data_dir), "list", "--json"]) == 0
        (item,) = json.loads(capsys.readouterr().out)
        assert main(["--data-dir", str(data_dir), "show", item["id"]]) == 1
        shown = capsys.readouterr().err
        assert main(["--data-dir", str(data_dir), "reextract", item["id"]]) == 1
        reextracted = capsys.readouterr().err
    finally:
        server.clear()
        server.stop()
    for said, starts in ((shown, "reader: "), (reextracted, "reader: not re-extracted: ")):
        line = next(line for line in said.splitlines() if "image/png" in line)
        assert len(line) < 400, len(line)
        address = line.removeprefix(starts).partition(": ")[0]
        assert address.startswith(server.url_for("/p/chart.png?q=aaa")), line
        assert address.endswith("a&end=here") and "…" in address, line
