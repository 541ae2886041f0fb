"""Links to this computer an import saved without --fetch-local, left for the user to open, are
fetched later as the import's own line says (acc43a A12): the same import again with
--fetch-local asks for the page of each not fetched yet (it said "30 already saved" and asked
for none), in the place of wallabag's copy for one that has it (the copy kept as the earlier
one); and opening one that has wallabag's copy asks for its page, as opening such a link does
(the copy was shown, "the page did not come when it was imported", though it was never asked).
Real pages on 127.0.0.1, a real store, the CLI's own `main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_saved_import_copies import KEPT, _entry
from tests.test_saved_links import STORY, cli


def _import_local(
    tmp_path: Path, server: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, Path, dict[str, str]]:
    """A wallabag export of two links to this computer, one with the text wallabag kept,
    imported without --fetch-local: nothing asked."""
    server.expect_request("/copied.html").respond_with_data(STORY, content_type="text/html")
    server.expect_request("/bare.html").respond_with_data(STORY, content_type="text/html")
    urls = {name: server.url_for(f"/{name}.html") for name in ("copied", "bare")}
    entries = [
        _entry(urls["copied"], "Harbour storm closes the ferry", KEPT.format(name="storm's")),
        _entry(urls["bare"], "The ferry again", ""),
    ]
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps(entries), encoding="utf-8")
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", str(export))
    assert code == 0, said
    assert server.log == []
    assert "this import again with --fetch-local fetches them all" in printed
    assert "open one to fetch it, or run this import again with --fetch-local" in printed
    return data, export, urls


def _shown(capsys: pytest.CaptureFixture[str], data: Path, url: str, *args: str) -> dict:
    code, shown, said = cli(capsys, data, "show", "--format", "json", *args, url)
    assert code == 0, said
    return json.loads(shown)


def test_an_import_again_with_fetch_local_fetches_the_links_left(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data, export, urls = _import_local(tmp_path, httpserver, capsys)
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert sorted(request.path for request, _ in httpserver.log) == ["/bare.html", "/copied.html"]
    assert printed.startswith(
        "2 links from a wallabag export: 0 saved for offline reading, 0 saved as links not"
        " fetched yet, 0 kept as links with no article there now, 2 saved before as links to"
        " this computer or its network, fetched now, 0 already saved"
    )
    for url in urls.values():
        article = _shown(capsys, data, url, "--offline")
        assert article["kept_by"] == ""  # the page's, no longer wallabag's copy
        assert "the long road round the estuary" in article["text"]
    # wallabag's copy kept as the earlier one.
    earlier = _shown(capsys, data, urls["copied"], "--offline", "--version", "1")
    assert earlier["kept_by"] == "wallabag"
    # Fetched, they are links like any: a third import asks for nothing.
    asked = len(httpserver.log)
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert len(httpserver.log) == asked
    assert "2 already saved" in printed


def test_opening_a_local_link_with_wallabag_s_copy_fetches_its_page(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    data, _, urls = _import_local(tmp_path, httpserver, capsys)
    assert _shown(capsys, data, urls["copied"], "--offline")["kept_by"] == "wallabag"
    article = _shown(capsys, data, urls["copied"])
    assert [request.path for request, _ in httpserver.log] == ["/copied.html"]
    assert article["kept_by"] == ""
    assert "the long road round the estuary" in article["text"]
    # Asked for once: opened again, it is the page cached.
    _shown(capsys, data, urls["copied"])
    assert len(httpserver.log) == 1
