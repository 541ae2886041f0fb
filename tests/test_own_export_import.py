"""The reader's own JSON export (`reader export --format json`) imported into another library:
told from wallabag's by its fields and said to be the reader's own, each article saved, the
copy of its text the file holds kept where its page does not come, its highlights kept.
A real synced library, a real page server (pytest-httpserver) answering 404, the CLI's `main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.cli_run import run_reader
from tests.test_highlights_out import SENTENCE, TITLE, keep
from tests.test_saved_links import cli


def test_the_reader_s_own_json_export_is_imported_as_what_it_is(
    synced_dir: Path,
    tmp_path: Path,
    httpserver: HTTPServer,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """acc52b-10: a class's pack (the teacher's JSON export) was imported as "a wallabag
    export"; its text, which the page no longer gives, is the file's copy."""
    chosen = keep(synced_dir, TITLE, (SENTENCE, "see the vote"))
    pack = tmp_path / "week49.json"
    done = run_reader(synced_dir, "export", "--format", "json", "-o", str(pack), chosen)
    assert done.returncode == 0, done.stderr
    (item,) = json.loads(pack.read_text(encoding="utf-8"))
    httpserver.expect_request("/gone.html").respond_with_data("gone", status=404)
    url = httpserver.url_for("/gone.html")  # the page gone since the export
    pack.write_text(json.dumps([{**item, "url": url}]), encoding="utf-8")
    data = tmp_path / "student"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(pack))
    assert code == 0, said
    assert "from the reader's own export" in printed and "wallabag" not in printed, printed
    assert "1 saved as the text the file kept" in printed, printed
    code, shown, _ = cli(capsys, data, "show", "--offline", url)
    assert code == 0 and "38 votes to 21" in shown and "the text a reader export kept" in shown
    code, listed, _ = cli(capsys, data, "highlights")
    assert SENTENCE in listed and "see the vote" in listed, listed
