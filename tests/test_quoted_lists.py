"""A list inside a quotation stays in it: in Markdown ("> - dues rise"), in plain text and in the
reading view (behind the quote's bar).

`<blockquote><p>The board has decided:</p><ul><li>…</li></ul></blockquote>` came out as a quote
of its paragraph and a list after it, outside the quote: a letter's demands read as the
article's own list. The blocks now say which quotation an item stands in (`Block.quoted`,
`Block.quote`), and the cache keeps it.
"""

from __future__ import annotations

import json

from reader.codec import article_from_dict, article_to_dict
from reader.extract import extract_article, to_markdown, to_text
from reader.models import Article
from tests.markdown_check import disagreements
from tests.tui_pilot import view_lines

URL = "https://harbourtimes.example/2026/12/dues-letter.html"
LEDE = (
    "The harbour board published its decision on Tuesday, and the fishermen's association "
    "answered it in a letter to its members that evening."
)
CLOSE = (
    "Skippers say the rise will cost a small crabber some forty pounds a year, and the "
    "association has asked the board to phase it in over two seasons."
)


def _article(quotes: str) -> Article:
    page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>The board's dues | Harbour Times</title></head><body><article>"
        f"<h1>The board's dues</h1><p>{LEDE}</p>{quotes}<p>{CLOSE}</p></article></body></html>"
    )
    return extract_article(page, URL)


LETTER = (
    "<blockquote><p>The board has decided two things:</p>"
    "<ul><li>dues rise by a tenth</li><li>the channel is dredged</li></ul>"
    "<p>We will appeal.</p></blockquote>"
)
STEPS = (
    "<p>The board's own notice listed its steps in order.</p>"
    "<blockquote><ol><li>Consult the skippers</li><li>Publish the timetable</li>"
    "<li>Start in February</li></ol></blockquote>"
)
NESTED = (
    "<p>A later note set out the details.</p>"
    "<blockquote><ul><li>Dredging<ul><li>eastern channel</li><li>north quay</li></ul></li>"
    "<li>Dues</li></ul></blockquote>"
)


def test_markdown_keeps_a_quoted_list_in_its_quote() -> None:
    article = _article(LETTER + STEPS + NESTED)
    markdown = to_markdown(article, header=False)
    assert (
        "> The board has decided two things:\n>\n> - dues rise by a tenth\n"
        "> - the channel is dredged\n>\n> We will appeal.\n\n" in markdown
    )
    assert "> 1. Consult the skippers\n> 2. Publish the timetable\n> 3. Start in February" in (
        markdown
    )
    assert "> - Dredging\n>   - eastern channel\n>   - north quay\n> - Dues\n\n" in markdown
    # A CommonMark parser reads each item in its quote, at its depth, with its number.
    assert disagreements(article.blocks) == []


def test_plain_text_quotes_the_list_with_its_words() -> None:
    text = to_text(_article(LETTER + STEPS + NESTED), header=False)
    assert (
        "> The board has decided two things:\n>\n> • dues rise by a tenth\n"
        "> • the channel is dredged\n>\n> We will appeal." in text
    )
    assert "> 1. Consult the skippers\n> 2. Publish the timetable" in text
    assert "> • Dredging\n>    • eastern channel\n>    • north quay\n> • Dues" in text


def test_the_reading_view_draws_the_list_behind_the_quote_s_bar() -> None:
    lines = [line.rstrip() for line in view_lines(_article(LETTER + STEPS + NESTED), 80)]
    at = lines.index("▌ The board has decided two things:")
    assert lines[at : at + 6] == [
        "▌ The board has decided two things:",
        "▌",
        "▌ • dues rise by a tenth",
        "▌ • the channel is dredged",
        "▌",
        "▌ We will appeal.",
    ]
    assert lines[at + 6] == ""  # the quote ends with its words
    at = lines.index("▌ 1. Consult the skippers")
    assert lines[at + 1 : at + 3] == ["▌ 2. Publish the timetable", "▌ 3. Start in February"]
    at = lines.index("▌ • Dredging")
    assert lines[at + 1 : at + 4] == ["▌    • eastern channel", "▌    • north quay", "▌ • Dues"]


def test_a_list_in_a_quote_inside_a_quote_is_two_deep() -> None:
    article = _article(
        "<blockquote><p>The association's letter quoted the board:</p>"
        "<blockquote><ul><li>dues rise by a tenth</li><li>from April</li></ul></blockquote>"
        "</blockquote>"
    )
    markdown = to_markdown(article, header=False)
    assert (
        "> The association's letter quoted the board:\n>\n> > - dues rise by a tenth\n"
        "> > - from April\n\n" in markdown
    )
    assert disagreements(article.blocks) == []
    assert "▌ ▌ • dues rise by a tenth" in [line.rstrip() for line in view_lines(article, 80)]


def test_two_quoted_lists_one_after_another_stay_two_quotes() -> None:
    article = _article(
        "<blockquote><ul><li>dues rise by a tenth</li></ul></blockquote>"
        "<blockquote><ul><li>the channel is dredged</li></ul></blockquote>"
    )
    markdown = to_markdown(article, header=False)
    assert "> - dues rise by a tenth\n\n> - the channel is dredged" in markdown
    assert disagreements(article.blocks) == []


def test_a_list_after_a_quote_is_not_quoted() -> None:
    article = _article(
        "<blockquote><p>We will appeal.</p></blockquote><ul><li>dues rise by a tenth</li></ul>"
    )
    assert "> We will appeal.\n\n- dues rise by a tenth" in to_markdown(article, header=False)


def test_the_cache_keeps_the_quote_and_older_records_still_load() -> None:
    article = _article(LETTER + NESTED)
    record = json.loads(json.dumps(article_to_dict(article)))
    assert article_from_dict(record).blocks == article.blocks
    # A reader from before it unpacks an item's tail as [cells, header], as before.
    tails = [b[4:] for b in record["blocks"] if b[0] == "list-item"]
    assert tails and all(len(tail) == 2 and tail[0] == [] for tail in tails)
    # A record from before it: the items stand after the quote, as they were shown then.
    for block in record["blocks"]:
        if block[0] == "list-item":
            del block[4:]
    old = article_from_dict(record)
    assert not any(b.quoted for b in old.blocks)
    assert "> The board has decided two things:\n\n- dues rise by a tenth" in to_markdown(
        old, header=False
    )
