"""`reader show --format csl-json` read by a citation processor (Zotero's citeproc-js, pandoc's
citeproc) cites an article as the reader's own Chicago does (acc47a A9): a name written family
name first keeps its order, a surname keeps the particle the byline writes with it, and the
revision date Chicago prints, which CSL has no variable for, travels in the item's `note`, as
BibTeX's and RIS's notes. Real parts: the page served on 127.0.0.1, the reader's command and
cache."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
from pytest_httpserver import HTTPServer
from test_cited_name_orders import PUBLISHED, page
from test_cli import reader

MODIFIED = '<meta property="article:modified_time" content="2026-12-03T15:00:00+00:00">'


def test_csl_json_says_what_the_reader_s_chicago_says(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    html = page("By Wang Xiaoming and Sophie de Vries", "en", PUBLISHED + MODIFIED)
    httpserver.expect_request("/market.html").respond_with_data(
        html, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/market.html")
    chicago = reader(tmp_path, "show", url, "--format", "citation", "--style", "chicago")
    assert chicago.returncode == 0, chicago.stderr
    assert chicago.stdout.startswith("Wang Xiaoming and Sophie de Vries."), chicago.stdout
    assert "December 1, 2026, last modified December 3, 2026." in chicago.stdout
    result = reader(tmp_path, "show", url, "--offline", "--format", "csl-json")
    (item,) = json.loads(result.stdout)
    assert item["author"] == [
        # citeproc-js writes it "Wang Xiaoming", not "Wang, Xiaoming" nor "Xiaoming Wang".
        {"family": "Wang", "given": "Xiaoming", "static-ordering": True},
        # Quoted, not taken apart: "de Vries, Sophie", filed under D, where CSL's Chicago
        # demotes a particle it finds ("Vries, Sophie de").
        {"family": '"de Vries"', "given": "Sophie"},
    ]
    assert item["issued"] == {"date-parts": [[2026, 12, 1]]}
    assert item["note"] == "Last modified December 3, 2026."
    bib = reader(tmp_path, "show", url, "--offline", "--format", "bibtex").stdout
    (entry,) = bibtexparser.loads(bib).entries
    assert entry["author"] == "Wang, Xiaoming and {de Vries}, Sophie"  # braced, not quoted
    assert entry["note"] == "Last modified December 3, 2026."
    assert entry["ID"].startswith("wang2026-")
    ris = reader(tmp_path, "show", url, "--offline", "--format", "ris").stdout
    assert "AU  - de Vries, Sophie\n" in ris and "N1  - Last modified December 3, 2026.\n" in ris
