"""Small slips a journalist pasting citations met (acc40a M6): a case name's "v" capitalised
by Chicago's and MLA's headline case; a page whose HTML names no site cited with no site,
though `reader list` names it by its host; a highlight's `<mark>` in an export stopping before
the full stop its quote holds. Real parts: a page saved from a loopback server
(pytest-httpserver), the store on disk, the commands as a shell runs them."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from pytest_httpserver import HTTPServer

from reader.citation_mla import mla
from reader.citation_styles import chicago
from reader.highlights import Highlight
from reader.library import Library
from reader.models import Article
from tests.test_saved_list import run

FUNDS = "Records show that the marina paid a consultancy linked to the panel €38,000 in 2025."
BLOG = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    "<title>A diver's view of the channel</title><meta name='author' content='Kofi Mensah'>"
    "<meta property='article:published_time' content='2026-11-20T09:00:00+00:00'></head>"
    "<body><div class='post'><h2>A diver's view of the channel</h2>"
    "<p>I dived the channel last week and the seagrass meadows near the breakwater are"
    " already smothered in silt from the trial dredge, as the divers had warned.</p>"
    f"<p>{FUNDS}</p>"
    "<p>Nobody from the dredging company came to the public meeting on the harbour works,"
    " though the council had invited every contractor on its list.</p></div></body></html>"
)


@pytest.mark.parametrize(
    ("title", "cased"),
    [
        ("Judgment R v Blackwater Dredgemasters", "Judgment R v Blackwater Dredgemasters"),
        ("appeal in smith v. jones heard", "Appeal in Smith v. Jones Heard"),
        ("Henry V at the Globe", "Henry V at the Globe"),  # a numeral stays one
        ("Part V of the Plan", "Part V of the Plan"),
    ],
)
def test_a_case_names_v_stays_lower_case(title: str, cased: str) -> None:
    article = Article("https://courts.example/judgment.pdf", title=title, language="en")
    assert f'"{cased}."' in chicago(article), chicago(article)
    assert f'"{cased}."' in mla(article), mla(article)
    assert cased in chicago(replace(article, document=True))


def _saved(httpserver: HTTPServer, data: Path, capsys: pytest.CaptureFixture[str]) -> str:
    httpserver.expect_request("/misc/blogpost.html").respond_with_data(
        BLOG, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/misc/blogpost.html")
    assert run(data, capsys, "save", url)[0] == 0
    return url


def test_a_page_naming_no_site_is_cited_by_its_host_as_it_is_listed(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    host = urlsplit(_saved(httpserver, data_dir, capsys)).hostname
    status, out, _ = run(data_dir, capsys, "list", "--saved")
    assert status == 0 and f"{host}: A diver's view of the channel" in out, out
    (ident,) = [json.loads(run(data_dir, capsys, "list", "--saved", "--json")[1])[0]["id"]]
    cited = {
        style: run(data_dir, capsys, "show", ident, "--format", "citation", "--style", style)[1]
        for style in ("chicago", "apa", "mla", "block")
    }
    assert f'"A Diver\'s View of the Channel." {host}, November 20, 2026.' in cited["chicago"]
    assert f"A diver's view of the channel. {host}. http" in cited["apa"]
    assert f'"A Diver\'s View of the Channel." {host}, 20 Nov. 2026,' in cited["mla"]
    assert f"Source: {host}\n" in cited["block"]
    item = json.loads(run(data_dir, capsys, "show", ident, "--format", "csl-json")[1])
    assert item[0]["container-title"] == host


def test_a_highlights_mark_takes_in_the_full_stop_its_quote_holds(
    httpserver: HTTPServer, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = _saved(httpserver, data_dir, capsys)
    lib = Library(data_dir)
    try:
        article = lib.cached_article(url)
        assert article is not None
        lib.keep_highlight(url, article, Highlight(FUNDS, f"> {FUNDS}", FUNDS, time.time()))
    finally:
        lib.close()
    book = tmp_path / "hl.html"
    args = ("export", "--format", "html", "--highlighted", "-o", str(book))
    assert run(data_dir, capsys, *args)[0] == 0
    html = book.read_text(encoding="utf-8")
    assert "€38,000 in 2025.</mark>" in html, html
