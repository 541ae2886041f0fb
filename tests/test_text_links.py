"""`reader show` and `reader export --format text` as a text to listen to (acc42a A12): each
link's words followed by its number and the addresses listed after the text, as lynx -dump
writes them; tables as "heading: value" records, no box glyph; several articles each under an
"Article N of M" line. Against a real site on loopback and the real cache."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import sync_into
from pytest_httpserver import HTTPServer
from served_feed import serve_stories
from test_cli import reader

from reader.extract import extract_article, to_text
from reader.models import Block, BlockKind, Inline
from reader.render import table_to_text

BOX_GLYPHS = re.compile("[\u2500-\u257f]")

LINKED = (
    "<p>The figures are in <a href='/docs/budget.html'>the <b>full</b> budget document</a> and"
    " the <a href='/docs/minutes.html'>minutes</a>; <a href='#table'>the table below</a> sums"
    " them up, <a href='/docs/budget.html'>the document</a> once more, and"
    " <a href='mailto:desk@example.org'>the news desk</a> takes corrections.</p>"
    "<img src='/img/chart.png' alt='A chart of the spending'>"
    "<table id='table'><thead><tr><th>Item</th><th>2025</th><th>2026</th><th>Change</th></tr>"
    "</thead><tbody><tr><td>Roads</td><td>1,900,000</td><td>2,400,000</td><td>+26%</td></tr>"
    "<tr><td>Buses</td><td>800,000</td><td>760,000</td><td>-5%</td></tr></tbody></table>"
)
FERRY = "<p>The <a href='https://ferries.example.org/timetable'>winter timetable</a> starts.</p>"


def _synced(tmp_path: Path, httpserver: HTTPServer) -> tuple[Path, list[str]]:
    """A library synced from a feed of two stories with links and a table: it and their ids,
    the budget's first."""
    feed = serve_stories(
        httpserver,
        "Harbour Gazette",
        [("Budget agreed", 9), ("Ferry timetable", 8)],
        more={9: LINKED, 8: FERRY},
    )
    data = tmp_path / "data"
    sync_into(data, [feed])
    listed = json.loads(reader(data, "list", "--json").stdout)
    return data, [item["id"] for item in listed]


def test_show_numbers_each_link_and_lists_the_addresses_after_the_text(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data, (budget, _) = _synced(tmp_path, httpserver)
    shown = reader(data, "show", budget, "--offline")
    assert shown.returncode == 0, shown.stderr
    text = shown.stdout
    base = httpserver.url_for("/").rstrip("/")
    # The number after the link's last word, before what follows; one address one number.
    assert "in the full budget document[1] and the minutes[2];" in text
    assert "the document[1] once more" in text
    assert text.rstrip().endswith(
        f"Links:\n1. {base}/docs/budget.html\n2. {base}/docs/minutes.html"
    )
    # A place in the page itself is no address to follow; a contact's and a picture's
    # addresses stay after their words, as before.
    assert "the table below sums" in text and "[3]" not in text
    assert "the news desk <mailto:desk@example.org> takes" in text
    assert f"<{base}/img/chart.png>" in text
    # The table as records, each value with its heading; no box-drawing glyph anywhere.
    assert "Item: Buses\n2025: 800,000\n2026: 760,000\nChange: -5%" in text
    assert not BOX_GLYPHS.search(text)
    # Markdown keeps its own links and table.
    markdown = reader(data, "show", budget, "--offline", "--format", "markdown").stdout
    assert f"[minutes](<{base}/docs/minutes.html>)" in markdown and "Links:" not in markdown
    assert "| Item | 2025 | 2026 | Change |" in markdown


def test_several_articles_each_under_a_line_saying_which_of_how_many(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data, ids = _synced(tmp_path, httpserver)
    text = reader(data, "show", *ids, "--offline").stdout
    assert text.startswith("Article 1 of 2\n\nBudget agreed\n")
    first, second = text.split("\n\n\nArticle 2 of 2\n\n")
    assert second.startswith("Ferry timetable\n")
    # Each article's links numbered from 1, listed after its own text.
    assert first.rstrip().endswith("2. " + httpserver.url_for("/docs/minutes.html"))
    assert "winter timetable[1] starts" in second
    assert second.rstrip().endswith("Links:\n1. https://ferries.example.org/timetable")
    assert not BOX_GLYPHS.search(text)


def test_export_as_text_writes_the_articles_as_show_prints_them(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data, ids = _synced(tmp_path, httpserver)
    target = tmp_path / "two.txt"
    done = reader(data, "export", "--format", "text", *ids, "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert "2 articles exported" in done.stderr and "(text)" in done.stderr
    written = target.read_text()
    shown = [reader(data, "show", one, "--offline").stdout.rstrip() for one in ids]
    assert written == (f"Article 1 of 2\n\n{shown[0]}\n\n\nArticle 2 of 2\n\n{shown[1]}\n")
    # To stdout too, as the other formats.
    assert reader(data, "export", "--format", "text", *ids).stdout == written


def test_a_table_in_text_is_records_its_spans_and_headless_rows_on_one_line() -> None:
    def row(*cells: str, header: bool = False, spans: tuple[int, ...] = ()) -> Block:
        runs = tuple((Inline(c),) for c in cells)
        return Block(BlockKind.TABLE_ROW, (), 1, 1, runs, header=header, spans=spans)

    scores = (row("Harbour Town", "3", "–", "1", "Riverside Rovers"),)
    assert table_to_text(scores) == "Harbour Town; 3; –; 1; Riverside Rovers"
    budget = (
        row("Item", "2023", "2024", "Note", header=True),
        row("Parks", "30", "", "flat", spans=(1, 2, 1)),
        row("Paid from the reserve, not the rates", spans=(4,)),
    )
    assert table_to_text(budget) == (
        "Item: Parks\n2023 / 2024: 30\nNote: flat\n\nPaid from the reserve, not the rates"
    )


def test_a_link_in_a_table_cell_is_numbered_too() -> None:
    page = (
        "<html><body><article><h1>Results</h1>"
        f"<p>{'The count ended after midnight in the town hall. ' * 6}</p>"
        "<table><tr><th>Candidate</th><th>Votes</th></tr>"
        "<tr><td><a href='/people/ana'>Ana Ruiz</a></td><td>1,912</td></tr>"
        "<tr><td>Tom Berg</td><td>1,604</td></tr></table>"
        f"<p>{'Turnout was the highest in a decade. ' * 6}</p></article></body></html>"
    )
    article = extract_article(page.encode(), "https://news.example.com/results.html")
    text = to_text(article, header=False, links=True)
    assert "Candidate: Ana Ruiz[1]\nVotes: 1,912" in text
    assert text.rstrip().endswith("Links:\n1. https://news.example.com/people/ana")
    # Without `links` (a passage `y` copies), the words alone, as before.
    assert "[1]" not in to_text(article, header=False)
