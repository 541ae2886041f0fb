"""wallabag's marks on an entry come across with it (acc43a A7): `is_starred` files the article
under the tag `starred` (every link of an export is saved: the star is the mark left to keep)
and the import says how many; `published_at` is the date its copy is cited by. Real pages on
127.0.0.1, a real store, the CLI's own `main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_saved_import_copies import KEPT, _entry
from tests.test_saved_links import cli


def test_wallabag_s_starred_entries_are_tagged_starred_and_said(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    entries = []
    for name, starred, tags in (
        ("ferry", 1, []),
        ("quay", 0, [{"label": "harbour"}]),
        ("tide", True, [{"label": "Starred"}]),  # a label of that name already: once
    ):
        httpserver.expect_request(f"/{name}.html").respond_with_data("Not found", status=404)
        entry = _entry(httpserver.url_for(f"/{name}.html"), name.title(), KEPT.format(name=name))
        entry |= {"is_starred": starred, "tags": tags, "published_at": "2024-12-01T07:00:00+00:00"}
        entries.append(entry)
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps(entries), encoding="utf-8")
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert (
        "2 starred in wallabag: saved here as every link is, and filed under the tag starred"
        " (`reader list --tag starred`)" in printed.splitlines()
    )
    code, listed, said = cli(capsys, data, "list", "--tag", "starred", "--json")
    assert code == 0, said
    assert sorted(row["title"] for row in json.loads(listed)) == ["Ferry", "Tide"]
    # The copy is cited with the date wallabag read it was published.
    url = httpserver.url_for("/quay.html")
    code, cited, said = cli(capsys, data, "show", "--offline", "--format", "citation", url)
    assert code == 0, said
    assert "Published" in cited and "2024" in cited
