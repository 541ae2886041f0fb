"""Data tables end to end: a page's table → TABLE_ROW blocks → the cache and back → Markdown,
plain text and the reading view, as tables.

The page is `tests/data/data-table.html` (an election count: a header row, a link, a "|" in a
cell, a list in a cell, an empty row, a short row, a second table right after the first, and a
layout table that must read as its paragraphs).
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from reader.codec import article_from_dict, article_to_dict
from reader.extract import extract_article, to_markdown, to_text
from reader.extract.blocks import html_to_blocks
from reader.models import Article, Block, BlockKind, Inline
from reader.render import table_to_markdown
from reader.store import DATA_FORMAT, Store
from tests.tui_pilot import view_lines

DATA = Path(__file__).parent / "data"
URL = "https://news.example.com/2024/data-table.html"


def election() -> Article:
    return extract_article((DATA / "data-table.html").read_bytes(), URL)


def rows(article: Article, table: int) -> list[Block]:
    return [b for b in article.blocks if b.kind == BlockKind.TABLE_ROW and b.ordinal == table]


def cell_texts(row: Block) -> list[str]:
    return ["".join(i.text for i in cell) for cell in row.cells]


# -- extraction --------------------------------------------------------------------------------
def test_a_data_table_becomes_rows_of_cells() -> None:
    article = election()
    first = rows(article, 1)
    assert [cell_texts(r) for r in first] == [
        ["Candidate", "Party", "Votes", "Share"],
        ["Ana Ruiz", "Green", "1,912", "24.1%"],
        ["Tom Berg", "Labour | Co-op", "1,604", "20.2%"],  # a "|" of the text stays in its cell
        ["Siobhán Kearney", "Green", "1,377", "17.3%"],
        ["Piotr Nowak", "Independent; backed by the ferry users' group", "1,090", "13.7%"],
        ["Spoilt ballots", "62"],  # a short row keeps its cells; the empty row is gone
    ]
    assert [r.header for r in first] == [True] + [False] * 5
    assert all(i.strong for cell in first[0].cells for i in cell)
    assert not any(i.strong for r in first[1:] for cell in r.cells for i in cell)
    assert first[1].cells[0] == (Inline("Ana Ruiz", "https://news.example.com/people/ana-ruiz"),)
    assert all(r.inlines == () and r.level == 1 for r in first)


def test_block_text_joins_cells_as_before() -> None:
    """Search and the extraction benchmark read a row as its cells joined by " | "."""
    first = rows(election(), 1)
    assert first[1].text == "Ana Ruiz | Green | 1,912 | 24.1%"
    empty_cell = Block(BlockKind.TABLE_ROW, (), cells=((Inline("2016"),), ()), ordinal=1)
    assert empty_cell.text == "2016 | —"


def test_caption_comes_before_its_table_and_two_tables_stay_two() -> None:
    blocks = election().blocks
    kinds = [(b.kind, b.ordinal) for b in blocks]
    start = kinds.index((BlockKind.TABLE_ROW, 1))
    assert blocks[start - 1].kind == BlockKind.CAPTION
    assert blocks[start - 1].text == "First preferences, Harbour ward"
    second = kinds.index((BlockKind.TABLE_ROW, 2))
    assert second == start + 6  # right after the first table, nothing between: its own number
    assert [cell_texts(r) for r in rows(election(), 2)][:2] == [
        ["Year", "Turnout"],
        ["2016", "41%"],
    ]
    assert not rows(election(), 3)


def test_a_layout_table_reads_as_its_paragraphs() -> None:
    blocks = election().blocks
    prose = [b for b in blocks if "after eleven counts" in b.text or "recount" in b.text]
    assert [b.kind for b in prose] == [BlockKind.PARAGRAPH, BlockKind.PARAGRAPH]
    assert sum(b.kind == BlockKind.TABLE_ROW for b in blocks) == 10


def test_a_table_in_a_list_item_is_one_level_deeper_and_thead_makes_a_header() -> None:
    root = lxml.html.fragment_fromstring(
        "<div><ul><li>Results by ward:<table><thead><tr><td>Ward</td><td>Seats</td></tr></thead>"
        "<tr><td>Harbour</td><td>5</td></tr><tr><td>Hill</td><td>3</td></tr></table></li></ul></div>"
    )
    blocks = html_to_blocks(root, URL)
    assert [(b.kind, b.level, b.header, b.text) for b in blocks] == [
        (BlockKind.LIST_ITEM, 1, False, "Results by ward:"),
        (BlockKind.TABLE_ROW, 2, True, "Ward | Seats"),
        (BlockKind.TABLE_ROW, 2, False, "Harbour | 5"),
        (BlockKind.TABLE_ROW, 2, False, "Hill | 3"),
    ]


def test_a_footer_note_across_the_table_is_a_caption_under_it() -> None:
    """ "Source: …" in a `<tfoot>` cell spanning the columns is a note on the table, not a row
    of data with its other columns empty; a row of one cell among the data (a group's name)
    stays a row."""
    root = lxml.html.fragment_fromstring(
        "<div><table><caption>Sunday services cancelled</caption><tfoot><tr>"
        '<td colspan="2">Source: <a href="/orr">Office of Rail Regulation</a></td></tr></tfoot>'
        "<thead><tr><th>Month</th><th>Cancelled</th></tr></thead><tbody>"
        '<tr><td colspan="2">Winter</td></tr><tr><td>December</td><td>44%</td></tr>'
        "</tbody></table></div>"
    )
    blocks = html_to_blocks(root, URL)
    assert [(b.kind, b.text) for b in blocks] == [
        (BlockKind.CAPTION, "Sunday services cancelled"),
        (BlockKind.TABLE_ROW, "Month | Cancelled"),
        (BlockKind.TABLE_ROW, "Winter"),
        (BlockKind.TABLE_ROW, "December | 44%"),
        (BlockKind.CAPTION, "Source: Office of Rail Regulation"),
    ]
    assert blocks[-1].inlines[-1].href == "https://news.example.com/orr"


# -- the cache ---------------------------------------------------------------------------------
def test_codec_round_trip_keeps_cells_and_headers() -> None:
    article = election()
    record = json.loads(json.dumps(article_to_dict(article)))
    assert article_from_dict(record) == article
    assert rows(article_from_dict(record), 1)[0].header


# A record as the reader wrote it before table rows (data format 2): a table's rows were list
# items of cells joined by " | ".
OLD_RECORD = {
    "v": 1,
    "url": "https://news.example.com/old.html",
    "title": "Old count",
    "blocks": [
        ["paragraph", 1, 0, [["The count ran past midnight."]]],
        ["list-item", 1, 0, [["Candidate", None, 1], [" | "], ["Votes", None, 1]]],
        [
            "list-item",
            1,
            0,
            [["Ana Ruiz", "https://news.example.com/people/ana-ruiz"], [" | 1,912"]],
        ],
    ],
}


def test_an_article_cached_before_tables_still_decodes() -> None:
    article = article_from_dict(OLD_RECORD)
    assert [b.kind for b in article.blocks] == [
        BlockKind.PARAGRAPH,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
    ]
    assert article.blocks[2].text == "Ana Ruiz | 1,912" and article.blocks[2].cells == ()


def test_a_format_2_directory_is_upgraded_and_its_articles_read(tmp_path: Path) -> None:
    import diskcache

    store = Store(tmp_path)
    store.close()
    state = diskcache.Cache(str(tmp_path / "state"))
    state.set("format", 2)
    state.close()
    articles = diskcache.Cache(str(tmp_path / "articles"))
    from reader.keys import article_key

    articles.set(f"article:{article_key(OLD_RECORD['url'])}", json.dumps(OLD_RECORD))
    articles.close()

    store = Store(tmp_path)
    try:
        old = store.article(OLD_RECORD["url"])
        assert old is not None and old.title == "Old count" and not store.problems
        new = election()
        store.put_article(URL, new)
        assert store.article(URL) == new
    finally:
        store.close()
    state = diskcache.Cache(str(tmp_path / "state"))
    assert state.get("format") == DATA_FORMAT >= 3  # an older reader now refuses the directory
    state.close()


# -- Markdown and plain text -------------------------------------------------------------------
def test_markdown_is_a_gfm_table_a_parser_reads_back() -> None:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").enable("table").render(to_markdown(election()))
    root = lxml.html.fromstring(html)
    first, second = root.findall(".//table")
    assert [th.text_content() for th in first.findall(".//th")] == [
        "Candidate",
        "Party",
        "Votes",
        "Share",
    ]
    body = [[td.text_content() for td in tr.findall("td")] for tr in first.find("tbody")]
    assert body[1] == ["Tom Berg", "Labour | Co-op", "1,604", "20.2%"]  # the escaped "|"
    assert body[-1] == ["Spoilt ballots", "62", "", ""]  # a short row padded
    assert first.find(".//td/a").get("href") == "https://news.example.com/people/ana-ruiz"
    # Figures are set right, words left.
    aligns = [th.get("style") for th in first.findall(".//th")]
    assert aligns == [None, None, "text-align:right", "text-align:right"]
    assert [th.text_content() for th in second.findall(".//th")] == ["Year", "Turnout"]


def test_plain_text_gives_each_row_as_a_record_of_headings_and_values() -> None:
    # Read aloud, a grid's values came one after another, nothing saying whose column each
    # was, its bars read out (acc42a A12): a record says each value's heading with it.
    text = to_text(election(), header=False)
    assert not any("\u2500" <= ch <= "\u257f" for ch in text)
    assert (
        "Candidate: Ana Ruiz\nParty: Green\nVotes: 1,912\nShare: 24.1%\n\n"
        "Candidate: Tom Berg\nParty: Labour | Co-op\nVotes: 1,604\nShare: 20.2%\n\n"
    ) in text
    # A short row's empty cells are left out; the second table's records under its own headings.
    assert "Candidate: Spoilt ballots\nParty: 62\n\nYear: 2016\nTurnout: 41%\n\n" in text
    assert "Year: 2024\nTurnout: 47%\n\n" in text


def test_a_table_without_a_heading_row_gets_an_empty_one_in_markdown() -> None:
    rows = (
        Block(BlockKind.TABLE_ROW, (), 1, 1, ((Inline("Tide"),), (Inline("06:10"),))),
        Block(BlockKind.TABLE_ROW, (), 1, 1, ((Inline("Sunset"),), (Inline("16:02"),))),
    )
    markdown = table_to_markdown(rows)
    assert markdown.splitlines() == [
        "|  |  |",
        "| --- | ---: |",
        "| Tide | 06:10 |",
        "| Sunset | 16:02 |",
    ]


# -- the reading view --------------------------------------------------------------------------


def test_the_view_sets_columns_side_by_side_when_they_fit() -> None:
    lines = [line for line in view_lines(election(), 80) if "│" in line or "┼" in line]
    assert lines[0].split(" │ ") == [
        "Candidate".ljust(15),
        "Party".ljust(len("Independent; backed by the ferry users' group")),
        "Votes",
        "Share",
    ]
    assert lines[2] == ("Ana Ruiz        │ " + "Green".ljust(45) + " │ 1,912 │ 24.1%")
    assert len({tuple(i for i, ch in enumerate(line) if ch in "│┼") for line in lines[:7]}) == 1


def test_a_narrow_view_wraps_the_widest_column_without_cutting_words() -> None:
    lines = view_lines(election(), 40)
    table = lines[lines.index(next(line for line in lines if line.startswith("Candidate"))) :]
    table = table[: table.index("")]
    assert all(len(line) <= 40 for line in table)
    party = [line.split(" │ ")[1].strip() for line in table if " │ " in line]
    assert "Independent;" in party and "users' group" in party  # whole words, never cut
    assert not any(len(word) == 1 for word in " ".join(party).split() if word.isalpha())
    # Rows that wrap are ruled apart, so a row's lines are not taken for the next row's.
    assert sum(set(line) <= {"─", "┼"} for line in table) == 5


def test_a_view_too_narrow_for_the_columns_stacks_each_row() -> None:
    lines = view_lines(election(), 24)
    assert "Candidate: Ana Ruiz" in lines
    assert "Share: 24.1%" in lines
    assert "Candidate" not in lines  # the heading row is not repeated on its own
    assert all(len(line) <= 24 for line in lines)


def test_the_reading_view_shows_a_demo_table(synced_dir: Path) -> None:
    """In the app: the council article's vote table, columns aligned, figures set right."""
    import asyncio

    from reader.ui.app import ReaderApp
    from tests.tui_pilot import open_titled

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(120, 40)) as pilot:
            body = await open_titled(pilot, "£412m budget")
            top = next(i for i, line in enumerate(body.lines) if line.startswith("Group "))
            body.scroll_to(y=top, animate=False, immediate=True)
            await pilot.pause()
            shown = [strip.text.strip() for strip in app.screen._compositor.render_strips()]
            start = next(i for i, line in enumerate(shown) if line.startswith("Group "))
            assert shown[start].split(" │ ") == [
                "Group                  ",
                "Seats",
                "For",
                "Against",
                "Abstained",
            ]
            assert shown[start + 1].startswith("────")
            assert shown[start + 2].split(" │ ") == [
                "Labour (administration)",
                "   27",
                "  6",
                "     21",
                "        0",
            ]
            assert shown[start + 7].startswith("Total")

    asyncio.run(run())


# -- cells spanning rows and columns -----------------------------------------------------------
# `tests/data/table-spans.html`: a budget table whose "Spending (£m)" spans the "2023" and
# "2024" under it, "Department" and "Change" spanning both heading rows; "Housing" spans two
# rows (the second a note across three columns), and the parks' "30" spans two years.
SPANS_URL = "https://news.example.com/2024/table-spans.html"
SPANS_HEADINGS = ["Department", "Spending (£m) 2023", "Spending (£m) 2024", "Change"]
SPANS_BODY = [
    ["Transport", "410", "455", "+11%"],
    ["Housing", "120", "118", "−2%"],
    ["Housing", "excludes the new towns fund", "", ""],  # padded: the note's row ends there
    ["Parks", "30", "", "0%"],
]


def budget() -> Article:
    return extract_article((DATA / "table-spans.html").read_bytes(), SPANS_URL)


def test_spanning_cells_take_their_columns_and_stacked_headings_read_as_one_row() -> None:
    table = rows(budget(), 1)
    # The note's row ends with it: a short row, padded where it is laid out.
    assert [cell_texts(r) for r in table] == [
        SPANS_HEADINGS,
        *SPANS_BODY[:2],
        SPANS_BODY[2][:2],
        SPANS_BODY[3],
    ]
    assert [r.header for r in table] == [True, False, False, False, False]
    # The heading row's words stay bold, the space joining them too.
    assert all(i.strong for cell in table[0].cells for i in cell if i.text.strip())


def test_spanned_columns_in_markdown_plain_text_and_the_view() -> None:
    from markdown_it import MarkdownIt

    article = budget()
    html = MarkdownIt("commonmark").enable("table").render(to_markdown(article))
    table = lxml.html.fromstring(html).find(".//table")
    assert [th.text_content() for th in table.findall(".//th")] == SPANS_HEADINGS
    body = [[td.text_content() for td in tr.findall("td")] for tr in table.find("tbody")]
    assert body == SPANS_BODY

    # Markdown can't span: the note and the parks' "30" stand in their first columns there.
    # The view lays them across the columns they span; plain text's records give the one
    # figure for both years under both headings, the note under none (it is no value of one).
    text = to_text(article, header=False)
    assert "Department: Housing\nexcludes the new towns fund\n\n" in text
    assert "Department: Parks\nSpending (£m) 2023 / Spending (£m) 2024: 30\nChange: 0%" in text
    spanned = [*SPANS_BODY[:2], SPANS_BODY[2][:2], ["Parks", "30", "0%"]]
    grid = [line for line in view_lines(article, 100) if "│" in line]
    assert [[c.strip() for c in line.split("│")] for line in grid] == [
        SPANS_HEADINGS,
        *spanned,
    ]
    bars = [tuple(i for i, ch in enumerate(line) if ch == "│") for line in grid]
    # Every row's separators in one place: "0%" under "Change", not under "2024".
    assert len(set(bars[:3])) == 1 and bars[4] == (bars[0][0], bars[0][2])
    assert bars[3] == bars[0][:1]
    # The one figure for both years stands between them, not under 2023 alone.
    parks = grid[4][bars[0][0] + 1 : bars[0][2]]
    assert parks.index("30") > bars[0][1] - bars[0][0] - 4


def test_a_view_too_narrow_for_a_spanned_table_stacks_rows_under_their_own_headings() -> None:
    lines = view_lines(budget(), 24)
    assert "Spending (£m) 2024: 455" in lines and "Change: 0%" in lines
    assert "Spending (£m): 410" not in lines


def test_a_title_across_the_whole_table_is_not_read_into_the_headings() -> None:
    page = (
        "<table><tr><th colspan=2>Tides at Eastquay</th></tr><tr><th>Tide</th><th>Time</th></tr>"
        "<tr><td>High</td><td>06:10</td></tr><tr><td>Low</td><td>12:24</td></tr></table>"
    )
    blocks = html_to_blocks(lxml.html.fromstring(page), URL)
    assert [cell_texts(b) for b in blocks] == [
        ["Tides at Eastquay"],
        ["Tide", "Time"],
        ["High", "06:10"],
        ["Low", "12:24"],
    ]


def test_a_cell_beside_every_row_is_said_once_and_columns_only_spanned_are_left_out() -> None:
    """Wikipedia's largest cities: a column of pictures spanning every row beside the ranks;
    a heading spanning a column no cell of the rows begins in."""
    page = (
        "<table><tr><th>Pictured</th><th>Rank</th><th colspan=2>Name</th></tr>"
        "<tr><td rowspan=4>Auckland Wellington</td><td>1</td><td>Auckland</td><td></td></tr>"
        "<tr><td>2</td><td>Wellington</td><td></td></tr>"
        "<tr><td>3</td><td>Christchurch</td><td></td></tr></table>"
    )
    blocks = html_to_blocks(lxml.html.fromstring(page), URL)
    assert [cell_texts(b) for b in blocks] == [
        ["Pictured", "Rank", "Name"],
        ["Auckland Wellington", "1", "Auckland"],
        ["", "2", "Wellington"],
        ["", "3", "Christchurch"],
    ]


def test_a_cell_listing_links_keeps_them() -> None:
    # A wiki's infobox: a label beside a list of links in a box of its own ("plainlist"), which
    # the clean-up and the inserts pass each took for a menu, leaving the cell empty.
    def links(*names: str) -> str:
        items = "".join(f'<li><a href="/wiki/{n.replace(" ", "_")}">{n}</a></li>' for n in names)
        return f'<div class="plainlist"><ul>{items}</ul></div>'

    prose = "".join(
        f"<p>The harbour trust runs the port's {n} quays, its pilots and its dredgers, and has "
        "done so since the old board was wound up, answering to the county council.</p>"
        for n in ("north", "south", "east", "west")
    )
    page = f"""<html><head><title>Harbour trust</title></head><body><div id="content">
    <h1>Harbour trust</h1><div class="mw-parser-output">
    <table class="infobox vcard"><tr><th colspan="2">Harbour trust</th></tr>
    <tr><th scope="row">Founded</th><td>1998</td></tr>
    <tr><th scope="row"><a href="/wiki/Division">Divisions</a></th>
    <td>{links("Pilot service", "Dredging company")}</td></tr>
    <tr><th scope="row">Website</th><td><a href="https://trust.example.org/">trust.example.org</a></td></tr>
    </table>{prose}</div></div></body></html>"""
    article = extract_article(page, "https://wiki.example.org/wiki/Harbour_trust")
    found = {cell_texts(r)[0]: cell_texts(r)[1:] for r in article.blocks if r.cells}
    assert found["Divisions"] == ["Pilot service; Dredging company"]
