"""`reader show --format bibtex` and `--format ris`: a researcher's LaTeX paper and citation
manager take the articles as BibTeX entries and RIS records (acc47a A13: CSL-JSON was the one
format, pandoc the way round). Read back by the parsers such tools use (bibtexparser, rispy):
every writer apart (an organisation whole, a surname with its particle), the headline's "&",
"%", "#" and "_" read as written, the newspaper, the dates, the address; one writer's two
stories of a day under two keys. Real pages on 127.0.0.1 (pytest-httpserver), a real store."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import pytest
import rispy
from pytest_httpserver import HTTPServer

from reader.citation_records import bibtex
from tests.test_saved_list import run

TITLE = "R&D levy: 50% of #PortLife firms_ask for {relief}"


def _page(title: str, byline: str, day: str) -> str:
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title}</title><meta property='og:site_name' content='The Harbourton Courier'>"
        f"<meta name='author' content='{byline}'>"
        f"<meta property='article:published_time' content='2026-12-{day}T09:00:00+00:00'>"
        "</head><body><article>"
        f"<h1>{title}</h1>"
        "<p>The chamber of commerce asked the council on Tuesday to delay the levy by a year,"
        " saying that half of the firms at the port had not yet recovered from the storm.</p>"
        "<p>The council's finance committee will consider the request next month, its chair"
        " said, though officers have warned that the budget already counts on the money.</p>"
        "</article></body></html>"
    )


PAGES = {
    "/levy.html": (TITLE, "Sophie de Vries and Ahmed Haddad", "03"),
    "/quay.html": ("Quay repairs start in spring", "Sophie de Vries", "03"),
    "/agency.html": ("Ferry strike called off", "Reuters", "04"),
    "/concert.html": ("Concert hall reopens", "Ludwig van Beethoven and Inés de la Cruz", "05"),
}


@pytest.fixture
def saved(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> dict[str, str]:
    """Each page saved: its id, by its path."""
    ids = {}
    for path, (title, byline, day) in PAGES.items():
        httpserver.expect_request(path).respond_with_data(
            _page(title, byline, day), content_type="text/html; charset=utf-8"
        )
        assert run(data_dir, capsys, "save", httpserver.url_for(path))[0] == 0
    for row in json.loads(run(data_dir, capsys, "list", "--saved", "--json")[1]):
        path = next(p for p in PAGES if row["link"].endswith(p))
        ids[path] = row["id"]
    return ids


def test_bibtex_entries_read_back_as_the_articles_are_cited(
    saved: dict[str, str],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    httpserver: HTTPServer,
) -> None:
    status, out, _ = run(data_dir, capsys, "show", *saved.values(), "--format", "bibtex")
    assert status == 0
    entries = {e["url"]: e for e in bibtexparser.loads(out).entries}
    levy = entries[httpserver.url_for("/levy.html")]
    assert levy["ENTRYTYPE"] == "article"
    # The surname with its particle held whole: biblatex files it under D, as the reader does.
    assert levy["author"] == "{de Vries}, Sophie and Haddad, Ahmed"
    # Each character TeX would read as a command escaped: the headline as written.
    assert levy["title"] == (r"{R\&D levy: 50\% of \#PortLife firms\_ask for \{relief\}}")
    assert levy["journal"] == "The Harbourton Courier"
    dated = (levy["date"], levy["year"], levy["month"])  # the month macro `dec`, read
    assert dated == ("2026-12-03", "2026", "December")
    assert levy["urldate"]
    agency = entries[httpserver.url_for("/agency.html")]
    assert agency["author"] == "{Reuters}"  # an organisation: never "Reuters, ?"
    keys = {e["url"]: e["ID"] for e in bibtexparser.loads(out).entries}
    assert keys == {
        httpserver.url_for(path): f"{who}2026-{saved[path][:6]}"
        for path, who in (
            ("/levy.html", "devries"),
            ("/quay.html", "devries"),
            ("/agency.html", "reuters"),
            ("/concert.html", "vanbeethoven"),  # as keyed before the particle was dropped
        )
    }
    # The same key in a run of its own, whatever else is cited with it (acc47e E2).
    alone = run(data_dir, capsys, "show", saved["/quay.html"], "--format", "bibtex")[1]
    assert bibtexparser.loads(alone).entries[0]["ID"] == keys[httpserver.url_for("/quay.html")]


def test_ris_records_read_back_as_the_articles_are_cited(
    saved: dict[str, str],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    httpserver: HTTPServer,
) -> None:
    status, out, _ = run(data_dir, capsys, "show", *saved.values(), "--format", "ris")
    assert status == 0
    records = {r["urls"][0]: r for r in rispy.loads(out)}
    assert len(records) == 4
    levy = records[httpserver.url_for("/levy.html")]
    assert levy["type_of_reference"] == "NEWS"
    assert levy["authors"] == ["de Vries, Sophie", "Haddad, Ahmed"]
    assert levy["title"] == TITLE
    assert levy["secondary_title"] == "The Harbourton Courier"
    assert (levy["year"], levy["date"]) == ("2026", "2026/12/03/")
    assert records[httpserver.url_for("/agency.html")]["authors"] == ["Reuters"]


def test_a_dutch_or_german_particle_goes_after_the_given_names_in_every_format(
    saved: dict[str, str],
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    httpserver: HTTPServer,
) -> None:
    """ "Ludwig van Beethoven" was cited "van Beethoven, L." in APA and `{van Beethoven}` in
    BibTeX: APA, Chicago and MLA set a Dutch or German particle after the given names, CSL's
    dropping particle; a Romance one written with the surname stays ("de la Cruz")."""
    concert = saved["/concert.html"]
    styles = {
        style: run(data_dir, capsys, "show", concert, "--format", "citation", "--style", style)[1]
        for style in ("apa", "chicago", "mla")
    }
    assert styles["apa"].startswith("Beethoven, L. van, & de la Cruz, I. (2026, December 5)")
    assert styles["chicago"].startswith('Beethoven, Ludwig van, and Inés de la Cruz. "Concert')
    assert styles["mla"].startswith('Beethoven, Ludwig van, and Inés de la Cruz. "Concert')
    item = json.loads(run(data_dir, capsys, "show", concert, "--format", "csl-json")[1])[0]
    assert item["author"] == [
        {"family": "Beethoven", "given": "Ludwig", "dropping-particle": "van"},
        {"family": '"de la Cruz"', "given": "Inés"},
    ]
    (entry,) = bibtexparser.loads(
        run(data_dir, capsys, "show", concert, "--format", "bibtex")[1]
    ).entries
    # BibTeX's "von" part: biblatex prints "Beethoven, L. van" and files it under B.
    assert entry["author"] == "van Beethoven, Ludwig and {de la Cruz}, Inés"
    (record,) = rispy.loads(run(data_dir, capsys, "show", concert, "--format", "ris")[1])
    assert record["authors"] == ["Beethoven, Ludwig van", "de la Cruz, Inés"]


def test_keys_are_the_same_at_every_run_and_each_copy_has_its_own() -> None:
    """Keyed by the headline's first word, told apart by "a", "b" in the order given, a key
    changed with a retraction's headline, with the articles cited beside it and their order
    (acc47e E2). An article given twice is written once; an earlier copy has a key of its own."""
    item = {
        "id": "c0303329e8be",
        "title": "Ferry strike called off",
        "author": [{"family": "Ruiz", "given": "Ana"}],
        "issued": {"date-parts": [[2026, 12, 4]]},
    }
    other = {**item, "id": "ededfb0ce3d2", "title": "Retracted: Ferry strike called off"}
    earlier = {**item, "id": "c0303329e8be@1"}
    keys = [e["ID"] for e in bibtexparser.loads(bibtex([item, other, item, earlier])).entries]
    assert keys == ["ruiz2026-c03033", "ruiz2026-ededfb", "ruiz2026-c03033v1"]
    assert bibtexparser.loads(bibtex([other])).entries[0]["ID"] == "ruiz2026-ededfb"
    chinese = {**item, "author": [{"literal": "王小明"}], "container-title": "Harbour Ledger"}
    assert bibtexparser.loads(bibtex([chinese])).entries[0]["ID"] == "harbourledger2026-c03033"


def test_a_notes_lines_are_sentences_apart_in_bibtex() -> None:
    """BibTeX reads a line break as a space: "…is kept the text changed since…" (acc47e E4)."""
    item = {"id": "c0303329e8be", "title": "Dues", "note": "the copy is kept\nthe text changed."}
    (entry,) = bibtexparser.loads(bibtex([item])).entries
    assert entry["note"] == "the copy is kept. the text changed."
