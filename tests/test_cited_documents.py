"""A PDF is cited as a document, not a newspaper's article (acc35b F8): CSL-JSON's `report`
with its site as publisher, APA 7's, Chicago's and MLA 9's report forms, each with the same day (acc40a M2); a PDF
exported again with a correction keeps the first copy's date as published, the new one its
update. A PDF tool's placeholder author ("anonymous", "(anonymous)", "Administrator") is no
author, and APA's sentence case keeps a month's name (acc35b F18).

Real parts: PDFs written by the demo's writer and read by pypdf, a loopback server
(pytest-httpserver), the store on disk."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.citation_mla import mla
from reader.citation_styles import apa, chicago, csl_item
from reader.demo.pdf_pages import report_pdf
from reader.extract import extract_file
from tests.cli_run import run_reader
from tests.served_feed import serve_pdf_item

FINDINGS = (
    "The audit committee found that the dredging contract had been varied eleven times without "
    "the approval the standing orders require, and that the variations added a third to its cost."
)
BLOCKS = [("p", f"{FINDINGS} (Part {n}.)") for n in range(1, 6)]
TITLE = "Dredging Contract Review: Audit Committee Report"
URL = "https://harbourton.example/docs/council-report.pdf"


def _pdf(title: str = TITLE, author: str = "Ingrid Müller", day: int = 3, note: str = "") -> bytes:
    blocks = [*BLOCKS, ("p", note)] if note else BLOCKS
    created = datetime(2026, 11, day, 9, 30, tzinfo=UTC)
    return report_pdf(title, blocks, author=author, created=created)


def _report(title: str = TITLE, author: str = "Ingrid Müller") -> object:
    article = extract_file(_pdf(title, author), URL)
    retrieved = datetime(2026, 12, 4, 12, 0, tzinfo=UTC)
    return replace(article, site_name="Harbourton Council", fetched_at=retrieved)


def test_a_pdf_is_cited_as_a_report_in_every_style() -> None:
    article = _report()
    assert article.document
    assert chicago(article) == (
        "Müller, Ingrid. Dredging Contract Review: Audit Committee Report. Harbourton Council,"
        f" November 3, 2026. Accessed December 4, 2026. {URL}."
    )
    assert chicago(article, markdown=True).startswith(
        "Müller, Ingrid. *Dredging Contract Review: Audit Committee Report*. Harbourton"
    )
    assert apa(article) == (
        "Müller, I. (2026, November 3). Dredging contract review: Audit committee report."
        f" Harbourton Council. {URL}"
    )
    assert "(2026, November 3). *Dredging contract review: Audit committee report*." in apa(
        article, True
    )
    assert mla(article) == (
        "Müller, Ingrid. Dredging Contract Review: Audit Committee Report. Harbourton Council,"
        " 3 Nov. 2026, harbourton.example/docs/council-report.pdf."
    )
    item = csl_item(article, "x")
    assert item["type"] == "report" and item["publisher"] == "Harbourton Council"
    assert "container-title" not in item


def test_a_body_that_writes_and_publishes_a_report_is_named_once() -> None:
    article = replace(_report(author="Harbourton Council"), site_name="Harbourton Council")
    assert apa(article) == (
        "Harbourton Council. (2026, November 3). Dredging contract review: Audit committee"
        f" report. {URL}"
    )
    assert mla(article).startswith(
        "Harbourton Council. Dredging Contract Review: Audit Committee Report. 3 Nov. 2026, "
    )


@pytest.mark.parametrize(
    "placeholder", ["anonymous", "(anonymous)", "Administrator", "Windows User", "Author"]
)
def test_a_pdf_tool_s_placeholder_is_no_author(placeholder: str) -> None:
    article = _report("Harbour Board Minutes, 3 December", placeholder)
    assert article.author == ""
    assert chicago(article).startswith("Harbour Board Minutes, 3 December. Harbourton Council,")
    assert apa(article).startswith("Harbour board minutes, 3 December. (2026, November 3).")


def test_apa_s_sentence_case_keeps_month_and_day_names() -> None:
    article = replace(_report(), title="Council To Meet On Monday, 3 March, Over Dredging")
    assert apa(article).startswith("Müller, I. (2026, November 3). Council to meet on Monday,")
    verb = replace(_report(), title="Council May Vote Again In Spring")
    assert "Council may vote again in spring." in apa(verb)


def test_a_corrected_pdf_exported_again_keeps_its_first_date_as_published(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    data_dir = tmp_path / "d"
    feed, _ = serve_pdf_item(httpserver, "Audit report", "/docs/report.pdf", _pdf())
    assert run_reader(data_dir, "add", feed).returncode == 0
    assert run_reader(data_dir, "sync").returncode == 0
    (item,) = json.loads(run_reader(data_dir, "list", "--json").stdout)
    corrected = _pdf(day=5, note="Correction: the variations were ten, not eleven.")
    httpserver.clear_all_handlers()
    httpserver.expect_request("/docs/report.pdf").respond_with_data(
        corrected, content_type="application/pdf"
    )
    refreshed = run_reader(data_dir, "show", item["id"], "--refresh")
    assert refreshed.returncode == 0, refreshed.stderr
    assert "kept as copy 1" in refreshed.stderr
    shown = json.loads(
        run_reader(data_dir, "show", item["id"], "--offline", "--format", "json").stdout
    )
    assert shown["published"] == "2026-11-03T09:30:00+00:00"
    assert shown["updated"] == "2026-11-05T09:30:00+00:00"
    assert shown["document"] is True
    cited = run_reader(data_dir, "show", item["id"], "--offline", "--format", "csl-json").stdout
    (csl,) = json.loads(cited)
    assert csl["type"] == "report" and csl["issued"] == {"date-parts": [[2026, 11, 3]]}


def test_an_organisation_that_writes_a_report_is_cited_whole_and_dated_alike() -> None:
    """A council's minutes, its feed another name ("… press releases"): "Portmouth Council"
    was cited as a person, "Council, Portmouth." and APA's "Council, P.", and dated by its
    year in Chicago and APA but by its day in MLA (acc40a M2)."""
    fed = datetime(2026, 12, 4, 8, 0, tzinfo=UTC)
    article = replace(
        _report("Committee minutes 3", "Portmouth Council"),
        site_name="Portmouth City Council press releases",
        published=fed,
        published_by_feed=True,
    )
    assert chicago(article).startswith(
        "Portmouth Council. Committee Minutes 3. Portmouth City Council press releases,"
        " December 4, 2026. Accessed December 4, 2026."
    ), chicago(article)
    assert apa(article).startswith(
        "Portmouth Council. (2026, December 4). Committee minutes 3. Portmouth City Council"
    ), apa(article)
    assert mla(article).startswith(
        "Portmouth Council. Committee Minutes 3. Portmouth City Council press releases,"
        " 4 Dec. 2026, "
    ), mla(article)
    assert csl_item(article, "x")["author"] == [{"literal": "Portmouth Council"}]


@pytest.mark.parametrize(
    "body",
    [
        "Acme Dredging Ltd",
        "Müller Marine GmbH",
        "Harbour Police",
        "Ministry of Transport",
        "University of Portmouth",
        "Environment Agency",
    ],
)
def test_an_organisation_as_byline_is_no_person(body: str) -> None:
    article = replace(_report(), author=body, document=False)
    assert chicago(article).startswith(f"{body}. "), chicago(article)
    assert apa(article).startswith(f"{body}. ("), apa(article)
    assert csl_item(article, "x")["author"] == [{"literal": body}]


def test_a_person_is_still_turned_round() -> None:
    article = replace(_report(), author="Maren Holt", document=False)
    assert chicago(article).startswith("Holt, Maren. ")
    assert apa(article).startswith("Holt, M. (")
