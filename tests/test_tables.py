"""Data tables end to end: a page's table → TABLE_ROW blocks → the cache and back.

The page is `tests/data/data-table.html` (an election count: a header row, a link, a "|" in a
cell, a list in a cell, an empty row, a short row, a second table right after the first, and a
layout table that must read as its paragraphs).
"""

from __future__ import annotations

import json
from pathlib import Path

import lxml.html

from reader.codec import article_from_dict, article_to_dict
from reader.extract import extract_article
from reader.extract.blocks import html_to_blocks
from reader.models import Article, Block, BlockKind, Inline
from reader.store import DATA_FORMAT, Store

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
    assert state.get("format") == DATA_FORMAT == 3  # an older reader now refuses the directory
    state.close()
