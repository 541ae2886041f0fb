"""The page of a link wallabag's export kept a copy of, fetched after the import (`--fetch-local`
again, a sync, opening it), is the page's first retrieval, not a correction: wallabag's text is
another program's extraction, no earlier version of the page (acc51b B2: "δ corrected",
"(corrected)" in lists, "the text changed since" in a citation and in `reader highlights`,
while `reader list --corrected` said none). wallabag's copy stays kept (`--version 1`, `V`).
A directory a reader from before marked so is read right as it is. Real pages on 127.0.0.1, a
real store, the CLI's own `main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.keys import article_key
from reader.store import Store
from tests.test_saved_import_copies import _entry
from tests.test_saved_links import STORY, cli


def _imported_then_fetched(
    tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, str]:
    """A wallabag export of a link to this computer with the text wallabag kept, imported
    without --fetch-local (wallabag's copy cached), then again with it (the page fetched)."""
    server.expect_request("/porch.html").respond_with_data(STORY, content_type="text/html")
    url = server.url_for("/porch.html")
    export = tmp_path / "wallabag.json"
    # wallabag's extraction: the story's first paragraph alone, as its copies often are.
    kept = STORY.split("<p>")[1].split("</p>")[0]
    entry = _entry(url, "Harbour storm closes the ferry", f"<p>{kept}</p>")
    export.write_text(json.dumps([entry]), encoding="utf-8")
    data = tmp_path / "data"
    # The first import caches wallabag's copy; the second takes the page in its place.
    for args in ((), ("--fetch-local",)):
        code, _, said = cli(capsys, data, "import", *args, str(export))
        assert code == 0, said
    code, shown, said = cli(capsys, data, "show", "--format", "json", "--offline", url)
    assert json.loads(shown)["kept_by"] == "", "the page's own text in wallabag's copy's place"
    return data, url


def _not_corrected(capsys: pytest.CaptureFixture[str], data: Path, url: str) -> None:
    code, listed, said = cli(capsys, data, "list", "--saved", "--json")
    assert code == 0, said
    (row,) = json.loads(listed)
    assert row["corrected"] is False and row["changed"] is False
    code, listed, _ = cli(capsys, data, "list", "--saved")
    assert "(corrected)" not in listed and "δ" not in listed and "Δ" not in listed
    # Both ways of listing the corrected say the same: none.
    for args in (("--corrected",), ("--search", "is:corrected")):
        code, listed, said = cli(capsys, data, "list", *args)
        assert listed == "", (args, listed)
    code, cited, said = cli(capsys, data, "show", "--format", "citation", "--offline", url)
    assert code == 0, said
    assert "changed" not in cited
    code, shown, said = cli(capsys, data, "show", "--offline", url)
    assert "text changed" not in shown and "corrected" not in shown
    assert "wallabag's copy of the text, retrieved 2025-12-01" in shown
    code, earlier, said = cli(capsys, data, "show", "--format", "json", "--version", "1", url)
    assert json.loads(earlier)["kept_by"] == "wallabag"  # wallabag's copy still kept


def test_the_page_fetched_after_wallabag_s_copy_is_no_correction(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data, url = _imported_then_fetched(tmp_path, httpserver, capsys)
    _not_corrected(capsys, data, url)


def test_a_directory_marked_corrected_before_is_read_right(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.store.versions import _FIRST_RETRIEVALS_MARKED, FIRST_RETRIEVED

    data, url = _imported_then_fetched(tmp_path, httpserver, capsys)
    # As a reader from before left it: no mark of a first retrieval, the page "renewed".
    store = Store(data)
    key = article_key(url)
    store._articles.delete(FIRST_RETRIEVED + key)
    store._state.delete(_FIRST_RETRIEVALS_MARKED)
    store._articles.set(f"renewed:{key}", 1e10)
    store.close()
    _not_corrected(capsys, data, url)


def test_a_saved_article_no_feed_lists_corrected_is_listed_by_both(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page corrected since it was saved, no feed listing it, is listed by `--corrected` as
    by `is:corrected` (acc51b B2: the one said none where the other listed it)."""
    httpserver.expect_request("/essay.html").respond_with_data(STORY, content_type="text/html")
    url = httpserver.url_for("/essay.html")
    data = tmp_path / "data"
    code, _, said = cli(capsys, data, "save", url)
    assert code == 0, said
    httpserver.clear_all_handlers()
    corrected = STORY.replace("an hour and a half", "two hours")
    httpserver.expect_request("/essay.html").respond_with_data(corrected, content_type="text/html")
    code, _, said = cli(capsys, data, "show", "--refresh", url)
    assert code == 0, said
    listed = {}
    for args in (("--corrected",), ("--search", "is:corrected")):
        code, listed[args[0]], said = cli(capsys, data, "list", "--ids", *args)
        assert code == 0, said
    assert listed["--corrected"] == listed["--search"] != ""


def test_a_page_corrected_after_its_first_retrieval_names_only_the_reader_s_copies(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page first retrieved over wallabag's copy, then truly corrected: the note names
    the copy the reader retrieved as the one the text changed since, and wallabag's copy as
    wallabag's, not among "the copies retrieved" as if the page had said it (acc51b). A
    citation names the reader's own retrieval alone."""
    data, url = _imported_then_fetched(tmp_path, httpserver, capsys)
    code, first, said = cli(capsys, data, "show", "--format", "json", "--offline", url)
    retrieved = json.loads(first)["fetched_at"][:16]
    httpserver.clear_all_handlers()
    corrected = STORY.replace("an hour and a half", "two hours")
    httpserver.expect_request("/porch.html").respond_with_data(corrected, content_type="text/html")
    code, _, said = cli(capsys, data, "show", "--refresh", url)
    assert code == 0, said
    code, shown, said = cli(capsys, data, "show", "--offline", url)
    assert code == 0, said
    note = next(line for line in shown.splitlines() if "text changed" in line)
    assert "2025-12-01" not in note.partition("(")[0], note  # wallabag's time not a copy's
    assert f"the text changed since the copy retrieved {retrieved}" in note, note
    assert "wallabag's copy" in note and "--version 2 prints it" in note, note
    code, cited, said = cli(capsys, data, "show", "--format", "citation", "--offline", url)
    assert code == 0, said
    (line,) = [line for line in cited.splitlines() if "text changed" in line]
    assert "2025-12-01" not in line and f"the copy retrieved {retrieved}" in line, line
