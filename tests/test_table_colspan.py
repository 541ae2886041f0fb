"""A cell spanning columns laid across them (acc39a L10): a match report's scorers' line across
its scoreboard, a "Total" across a data table's first three columns. Each was drawn as the cell
in its first column and empty cells after it, the first column as wide as the scorers' line.
Markdown can't span: there the cell stands in its first column, the columns it spans empty.
"""

from __future__ import annotations

from reader.codec import article_from_dict, article_to_dict
from reader.extract import extract_article, to_markdown, to_text
from reader.models import Article, BlockKind
from tests.tui_pilot import view_lines

URL = "https://courier.example.com/sport/town-rovers.html"
SCORERS = "FT · Whittaker 23′, Doyle 78′; Baines 55′"
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Town 2-1 Rovers</title></head><body><article><h1>Town 2-1 Rovers</h1>
<p>Harbourton Town went top of the table on Saturday with a late winner from Doyle, who
headed in a corner at the far post twelve minutes from time in front of a full stand.</p>
<table><tr><th>Harbourton Town</th><td>2</td><td>–</td><td>1</td><th>Exeter Rovers</th></tr>
<tr><td colspan="5">{SCORERS}</td></tr></table>
<p>Rovers had levelled through Baines early in the second half, but could not hold on as
Town pressed in the closing stages of a game played in driving rain on a heavy pitch.</p>
<table><caption>Spending by department, £m</caption>
<thead><tr><th>Department</th><th>2024</th><th>2025</th><th>Change</th></tr></thead>
<tbody><tr><td>Harbour</td><td>12.4</td><td>16.1</td><td>+29.8%</td></tr>
<tr><td>Libraries</td><td>2.2</td><td>1.9</td><td>−13.6%</td></tr>
<tr><td colspan="3"><b>Total across the three departments</b></td><td>+11.2%</td></tr>
</tbody></table>
<p>The council's finance director said the figures would be published in full next month,
with a breakdown of the harbour's share by project and by contractor.</p>
</article></body></html>"""


def report() -> Article:
    return extract_article(PAGE.encode(), URL)


def bars(line: str) -> tuple[int, ...]:
    return tuple(i for i, ch in enumerate(line) if ch == "│")


def test_the_extractor_keeps_how_many_columns_a_cell_spans_and_the_cache_too() -> None:
    article = report()
    rows = [b for b in article.blocks if b.kind == BlockKind.TABLE_ROW]
    assert [(len(r.cells), r.spans) for r in rows] == [
        (5, ()),
        (1, (5,)),
        (4, ()),
        (4, ()),
        (4, ()),
        (4, (3,)),
    ]
    again = article_from_dict(article_to_dict(article))
    assert [b.spans for b in again.blocks] == [b.spans for b in article.blocks]


def test_plain_text_gives_the_scoreboard_a_line_a_row() -> None:
    lines = to_text(report(), header=False).splitlines()
    # No heading row to name its cells: the row's cells on one line, the scorers' line alone.
    assert "Harbourton Town; 2; –; 1; Exeter Rovers" in lines
    assert SCORERS in lines  # a line of its own, no empty cells after it


def test_plain_text_gives_a_total_across_columns_no_heading_its_figure_its_own() -> None:
    text = to_text(report(), header=False)
    assert "\n\nTotal across the three departments\nChange: +11.2%\n\n" in text


def test_the_reading_view_lays_them_across_too() -> None:
    for width in (80, 120):
        lines = view_lines(report(), width)
        assert "Harbourton Town │ 2 │ – │ 1 │ Exeter Rovers" in lines
        assert SCORERS in lines
        table = [line for line in lines if "│" in line and not line.startswith("Harbourton Town")]
        total = next(line for line in table if line.startswith("Total"))
        assert [c.strip() for c in total.split("│")] == [
            "Total across the three departments",
            "+11.2%",
        ]
        assert bars(total)[-1] == bars(table[0])[-1] == bars(table[1])[-1]


def test_markdown_puts_a_spanning_cell_in_its_first_column() -> None:
    markdown = to_markdown(report(), header=False).splitlines()
    assert f"| {SCORERS} |  |  |  |  |" in markdown
    assert "| **Total across the three departments** |  |  | +11.2% |" in markdown


# -- other tables a journalist meets -------------------------------------------------------------


def _figures(page: str) -> Article:
    return extract_article(
        f"<html><body><article><h1>Figures</h1><p>{'The council published its figures. ' * 4}</p>"
        f"{page}<p>{'The opposition disputed them at length. ' * 4}</p></article></body></html>".encode(),
        "https://courier.example.com/figures.html",
    )


def _table_lines(article: Article) -> list[str]:
    """The reading view's grid of the table (plain text gives records, no grid)."""
    return [line for line in view_lines(article, 100) if "│" in line or "┼" in line]


def test_column_headings_over_an_empty_corner_are_the_heading_row() -> None:
    # Row headings down the first column, the corner above them empty: the years are still
    # the columns' headings (ruled off, the heading row in Markdown), not a row of data.
    article = _figures(
        "<table><tr><td></td><th>2024</th><th>2025</th></tr>"
        "<tr><th>Harbour</th><td>12.4</td><td>16.1</td></tr>"
        "<tr><th>Roads</th><td>8.0</td><td>7.6</td></tr></table>"
    )
    assert _table_lines(article) == [
        "        │ 2024 │ 2025",
        "────────┼──────┼─────",
        "Harbour │ 12.4 │ 16.1",
        "Roads   │  8.0 │  7.6",
    ]
    # In plain text each row's heading leads its record, the years name its figures.
    text = to_text(article, header=False)
    assert "\n\nHarbour\n2024: 12.4\n2025: 16.1\n\nRoads\n2024: 8.0\n2025: 7.6\n\n" in text


def test_figures_in_brackets_and_n_a_keep_a_column_of_figures_flush_right() -> None:
    lines = _table_lines(
        _figures(
            "<table><thead><tr><th>Item</th><th>Cost</th><th>Share</th></tr></thead><tbody>"
            "<tr><td>Steel</td><td>£1,200,000</td><td>45%</td></tr>"
            "<tr><td>Other</td><td>£12,500</td><td>n/a</td></tr>"
            "<tr><td>Fees</td><td>(£4,000)</td><td>−1.5%</td></tr></tbody></table>"
        )
    )
    assert lines[2:] == [
        "Steel │ £1,200,000 │   45%",
        "Other │    £12,500 │   n/a",
        "Fees  │   (£4,000) │ −1.5%",
    ]
