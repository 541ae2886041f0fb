"""wallabag's annotations (the passages a user marked there, and their notes) imported as the
reader's highlights with their notes (acc32a A19: dropped, the notes existing nowhere else once
wallabag was closed): each found by its words in the article fetched (or in wallabag's copy of
a page gone), one the text no longer holds kept and said so, as highlights are. Real pages on
127.0.0.1, a real store, the CLI's own `main`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from tests.test_saved_links import STORY, cli


def _note(quote: str, text: str) -> dict[str, object]:
    return {
        "user": "me",
        "annotator_schema_version": "v1.0",
        "id": 7,
        "text": text,
        "created_at": "2025-12-02T09:30:00+01:00",
        "updated_at": "2025-12-02T09:30:00+01:00",
        "quote": quote,
        "ranges": [{"start": "/p[1]", "startOffset": 4, "end": "/p[1]", "endOffset": 40}],
    }


def _export(tmp_path: Path, server: HTTPServer) -> tuple[Path, dict[str, str]]:
    server.expect_request("/storm.html").respond_with_data(STORY, content_type="text/html")
    server.expect_request("/gone.html").respond_with_data("Not found", status=404)
    server.expect_request("/down.html").respond_with_data("down", status=503)
    urls = {name: server.url_for(f"/{name}.html") for name in ("storm", "gone", "down")}
    entries = [
        {
            "url": urls["storm"],
            "title": "Harbour storm",
            "content": "<p>…</p>",
            "created_at": "2025-12-01T07:00:00+01:00",
            "annotations": [
                # Marked across a line break of wallabag's page: found whatever lies between.
                _note("ferry stayed tied up\n all of Saturday", "my important note"),
                _note("a sentence the page has since lost", "checked with the operator"),
                _note("", "the whole piece reads as a press release"),
                _note("its lamp was lost", "\x1b]52;c;aGk=\x07lamp [bold]gone[/]"),
            ],
        },
        {
            "url": urls["gone"],
            "title": "Gone page",
            "content": "<p>The pier was sold to a developer in March, the records show.</p>",
            "created_at": "2025-12-01T07:00:00+01:00",
            "annotations": [_note("sold to a developer", "follow up")],
        },
        {
            "url": urls["down"],
            "title": "Down page",
            "content": "",
            "created_at": "2025-12-01T07:00:00+01:00",
            "annotations": [_note("words of a page never fetched", "kept for later")],
        },
    ]
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps(entries), encoding="utf-8")
    return export, urls


def test_wallabag_annotations_are_kept_as_highlights_with_their_notes(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    export, urls = _export(tmp_path, httpserver)
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert (
        "kept 6 annotations (wallabag's notes and highlights) on 3 articles as highlights with"
        " their notes (`reader highlights`); 1 of them no longer in the text (kept, and said so)"
    ) in printed, printed
    assert "annotation" not in said

    code, shown, said = cli(capsys, data, "highlights", urls["storm"])
    assert code == 0, said
    # The article's own words where they were found, each with its note, in the text's order.
    assert "> ferry stayed tied up all of Saturday\n\nNote: my important note" in shown, shown
    assert "> its lamp was lost\n\nNote: ]52;c;aGk=lamp [bold]gone[/]" not in shown
    # Text, never markup: Markdown's brackets escaped as the article's are (acc35b F16).
    assert "Note: lamp \\[bold\\]gone\\[/\\]" in shown
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown.index("tied up") < shown.index("its lamp")
    assert (
        "> a sentence the page has since lost\n\nNote: checked with the operator\n\n"
        "(no longer in the text of the copy cached)"
    ) in shown
    assert "Note on the article: the whole piece reads as a press release" in shown

    # On wallabag's copy of a page gone: found in it.
    code, shown, _ = cli(capsys, data, "highlights", "--format", "json", urls["gone"])
    (kept,) = json.loads(shown)
    (mark,) = kept["highlights"]
    assert mark["text"] == "sold to a developer" and mark["note"] == "follow up"
    assert mark["in_text"] and mark["kept_at"] == "2025-12-02T08:30:00+00:00"

    # On a link not fetched yet: kept, to be found when it comes.
    code, shown, _ = cli(capsys, data, "highlights", urls["down"])
    assert "> words of a page never fetched\n\nNote: kept for later" in shown

    # The file imported again: nothing kept twice.
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    # What this import did, not what the file holds (acc51b B10: "kept 6" of none added).
    assert "kept 0 of the file's 6 annotations" in printed and "the others kept already" in printed
    code, shown, _ = cli(capsys, data, "highlights", "--format", "json")
    counts = sorted(len(article["highlights"]) for article in json.loads(shown))
    assert counts == [1, 1, 3]
    code, shown, _ = cli(capsys, data, "highlights", urls["storm"])
    assert shown.count("press release") == 1


def test_an_annotation_ending_in_a_quotation_mark_keeps_it(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """The passage found by its words is widened over the marks the quote starts or ends with:
    `"opaque, slow and unaccountable"` kept its closing mark (acc35b F4)."""
    page = (
        "<html><head><title>Inquiry</title></head><body><article><h1>Inquiry</h1>"
        "<p>The inquiry heard from forty residents over two days of evidence.</p>"
        '<p>Residents described the process as "opaque, slow and unaccountable". Officers'
        " disagreed, saying every step had been published.</p></article></body></html>"
    )
    httpserver.expect_request("/inquiry.html").respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/inquiry.html")
    quote = 'Residents described the process as "opaque, slow and unaccountable"'
    export = tmp_path / "wallabag.json"
    entry = {"url": url, "title": "Inquiry", "content": "<p>…</p>", "annotations": []}
    entry["annotations"] = [_note(quote, "lead quote"), _note("“opaque, slow", "")]
    export.write_text(json.dumps([entry]), encoding="utf-8")
    data = tmp_path / "data"
    code, _, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    code, shown, _ = cli(capsys, data, "highlights", "--format", "json", url)
    (kept,) = json.loads(shown)
    words = [mark["text"] for mark in kept["highlights"]]
    # The text's own marks: its straight quotes, for the curly one the other app typed.
    assert words == [quote, '"opaque, slow']
    assert all(mark["in_text"] for mark in kept["highlights"])


def test_a_title_given_in_wallabag_is_kept_as_the_article_s_note(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    """A title the user gave an entry in wallabag, not the page's, is kept as the article's
    note, said by the import (acc51b B6: replaced by the page's silently); the page's own stays
    its title, as the source's. One with the site's name after it is no title of the user's."""
    httpserver.expect_request("/storm.html").respond_with_data(STORY, content_type="text/html")
    httpserver.expect_request("/same.html").respond_with_data(STORY, content_type="text/html")
    entries = [
        {
            "url": httpserver.url_for(path),
            "title": title,
            "content": "",
            "created_at": "2025-12-01T07:00:00+01:00",
        }
        for path, title in (
            ("/storm.html", "Ferry cuts — ask the operator about winter crew"),
            ("/same.html", "Harbour storm closes the ferry | Coast Courier"),
        )
    ]
    export = tmp_path / "wallabag.json"
    export.write_text(json.dumps(entries), encoding="utf-8")
    data = tmp_path / "data"
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "1 title you gave an article there, not the page's, kept as its note" in printed
    code, shown, _ = cli(capsys, data, "highlights", "--format", "json")
    (kept,) = json.loads(shown)
    assert kept["title"] == "Harbour storm closes the ferry"
    assert kept["note"] == (
        "Titled in the app it was imported from: Ferry cuts — ask the operator about winter crew"
    )
    # Imported again: kept once, and no line claims it again.
    code, printed, said = cli(capsys, data, "import", "--fetch-local", str(export))
    assert code == 0, said
    assert "title you gave" not in printed
    code, shown, _ = cli(capsys, data, "highlights", "--format", "json")
    assert json.loads(shown)[0]["note"].count("Ferry cuts") == 1
