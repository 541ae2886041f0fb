"""Lists one right after another stay apart, and are numbered as the page numbers them, in the
three outputs: Markdown (read back by a CommonMark parser), plain text and the reading view.

A page's "What we know so far" list and the list under it ran together into one everywhere:
the blocks said nothing of where one list ended and the next began. The page is
`tests/data/lists-one-after-another.html` (its whole Markdown checked beside it, by
`test_extraction_rules`).
"""

from __future__ import annotations

import json
import os
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from reader.codec import article_from_dict, article_to_dict
from reader.extract import extract_file, to_markdown, to_text
from reader.models import Article, Block, BlockKind, Inline
from tests.markdown_check import PARSER, disagreements
from tests.test_markdown_output import BREAK, RUNS
from tests.tui_pilot import view_lines

PAGE = Path(__file__).parent / "data" / "lists-one-after-another.html"
URL = "https://news.example.com/2024/lists-one-after-another.html"

WE_KNOW = [
    "The crossing closed at 11.40pm on Monday.",
    "No one was hurt, and no train was on the line.",
]
BUSES = [
    "Rail replacement buses run from the station forecourt every twenty minutes.",
    "The ferry adds two crossings an hour in the morning.",
]
NEXT = [
    "Engineers inspect the track bed on Wednesday.",
    "The council publishes their report on Thursday.",
    "The crossing reopens if the report finds no damage.",
]
MEANWHILE = [
    "Drivers should use the ring road until then.",
    "Cyclists may walk their bikes over the footbridge.",
]
BUDGET = [
    "Raising the embankment at Mill Lane.",
    "New pumps for the underpass.",
    "A warning siren by the crossing.",
]


def extracted(page: bytes = b"") -> Article:
    """The article `reader extract` makes of the page (the fixture's, unless given)."""
    return extract_file(page or PAGE.read_bytes(), URL)


def lists_read(markdown: str) -> list[tuple[str, int, list[str]]]:
    """The top-level lists a CommonMark parser reads: kind, the first number shown (0 for
    bullets), and each item's text."""
    tokens = PARSER.parse(markdown)
    out: list[tuple[str, int, list[str]]] = []
    depth = 0
    for n, t in enumerate(tokens):
        if t.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            if depth == 1:
                start = int(t.attrs.get("start", 1) or 1) if t.type == "ordered_list_open" else 0
                out.append((t.type.split("_")[0], start, []))
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif t.type == "list_item_open" and depth == 1:
            out[-1][2].append(_item_text(tokens, n))
    return out


def _item_text(tokens: list[Token], at: int) -> str:
    inline = next(t for t in tokens[at:] if t.type == "inline")
    return inline.content


def test_two_lists_one_after_another_stay_two_in_markdown() -> None:
    article = extracted()
    markdown = to_markdown(article, header=False)
    assert disagreements(article.blocks, markdown) == [], markdown
    assert lists_read(markdown) == [
        ("bullet", 0, WE_KNOW),
        ("bullet", 0, BUSES),
        ("ordered", 1, NEXT),
        ("ordered", 1, MEANWHILE),
        # A list from 5 whose second item says 9: the parser shows 5, then 9 and 10.
        ("ordered", 5, BUDGET[:1]),
        ("ordered", 9, BUDGET[1:]),
    ]


def test_two_lists_one_after_another_stay_two_in_plain_text() -> None:
    text = to_text(extracted(), header=False)
    we_know, buses = (f"• {WE_KNOW[1]}\n\n• {BUSES[0]}", f"• {BUSES[1]}\n\nWhat happens next")
    assert we_know in text and buses in text
    assert f"3. {NEXT[2]}\n\n1. {MEANWHILE[0]}\n2. {MEANWHILE[1]}\n\n" in text
    assert f"5. {BUDGET[0]}\n9. {BUDGET[1]}\n10. {BUDGET[2]}\n" in text


def _body_lines(article: Article, width: int = 100) -> list[str]:
    lines = [line.rstrip() for line in view_lines(article, width)]
    return lines[lines.index(f"• {WE_KNOW[0]}") :]


def test_two_lists_one_after_another_stay_two_in_the_reading_view() -> None:
    lines = _body_lines(extracted())
    assert lines[:5] == [f"• {WE_KNOW[0]}", f"• {WE_KNOW[1]}", "", f"• {BUSES[0]}", f"• {BUSES[1]}"]
    at = lines.index(f"1. {NEXT[0]}")
    assert lines[at : at + 6] == [
        f"1. {NEXT[0]}",
        f"2. {NEXT[1]}",
        f"3. {NEXT[2]}",
        "",
        f"1. {MEANWHILE[0]}",
        f"2. {MEANWHILE[1]}",
    ]
    # Numbered from `start` and from an item's `value`, set right in the widest number's place.
    at = lines.index(f" 5. {BUDGET[0]}")
    assert lines[at : at + 3] == [f" 5. {BUDGET[0]}", f" 9. {BUDGET[1]}", f"10. {BUDGET[2]}"]


def test_a_list_under_an_item_then_another_beside_it() -> None:
    """Two lists side by side inside one item, and a list right after a list whose last item
    holds one: each is a list of its own, at its depth."""
    page = (
        "<html><body><article><h1>Flood</h1>"
        + "".join(
            f"<p>{line} of the story, told at length so the page reads as one.</p>" for line in NEXT
        )
        + "<ul><li>Roads shut:<ul><li>Mill Lane</li><li>Quay Street</li></ul>"
        "<ul><li>Station Road, from Friday</li></ul></li></ul>"
        "<ul><li>Schools open late.</li><li>Buses run to the timetable.</li></ul>"
        + f"<p>{MEANWHILE[0]} The council will say more on Thursday.</p></article></body></html>"
    )
    article = extracted(page.encode())
    markdown = to_markdown(article, header=False)
    assert disagreements(article.blocks, markdown) == [], markdown
    assert [(kind, items) for kind, _, items in lists_read(markdown)] == [
        ("bullet", ["Roads shut:"]),
        ("bullet", ["Schools open late.", "Buses run to the timetable."]),
    ]
    html = PARSER.render(markdown)
    assert html.count("<ul>") == 4, html  # the two inside "Roads shut:" too
    text = to_text(article, header=False)
    assert "   • Quay Street\n\n   • Station Road, from Friday\n\n• Schools open late." in text
    lines = _body_lines_from(article, "• Roads shut:")
    assert lines[:7] == [
        "• Roads shut:",
        "   • Mill Lane",
        "   • Quay Street",
        "",
        "   • Station Road, from Friday",
        "",
        "• Schools open late.",
    ]


def _body_lines_from(article: Article, first: str) -> list[str]:
    lines = [line.rstrip() for line in view_lines(article, 100)]
    return lines[lines.index(first) :]


def test_a_markdown_page_s_lists_apart_by_a_paragraph_or_a_bullet_stay_two() -> None:
    """A page written in Markdown is read through its HTML: "- " then "* " is two lists there,
    and so in every output."""
    page = (
        "# Eastquay crossing shut\n\n"
        "The crossing at [Eastquay](https://news.example.com/eastquay) closed on Monday night "
        "after the river rose over the tracks, and it stays shut until the weekend.\n\n"
        "## What we know so far\n\n"
        + "".join(f"- {item}\n" for item in WE_KNOW)
        + "".join(f"* {item}\n" for item in BUSES)
        + "\nAnd for drivers:\n\n"
        + "".join(f"- {item}\n" for item in MEANWHILE)
        + "\n## What happens next\n\n"
        + "".join(f"{n}. {item}\n" for n, item in enumerate(NEXT, 3))
        + "\nThe council will say more on **Thursday**.\n"
    )
    article = extract_file(page.encode(), "https://news.example.com/eastquay.md")
    items = [b for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert [b.starts_list for b in items] == [
        True,
        False,
        True,
        False,
        True,
        False,
        True,
        False,
        False,
    ]
    markdown = to_markdown(article, header=False)
    assert lists_read(markdown) == [
        ("bullet", 0, WE_KNOW),
        ("bullet", 0, BUSES),
        ("bullet", 0, MEANWHILE),
        ("ordered", 3, NEXT),
    ]
    text = to_text(article, header=False)
    assert f"• {WE_KNOW[1]}\n\n• {BUSES[0]}" in text and f"3. {NEXT[0]}\n4. {NEXT[1]}" in text
    lines = _body_lines(article)
    assert lines[:5] == [f"• {WE_KNOW[0]}", f"• {WE_KNOW[1]}", "", f"• {BUSES[0]}", f"• {BUSES[1]}"]
    assert f"3. {NEXT[0]}" in lines and f"5. {NEXT[2]}" in lines


def test_the_first_item_mark_is_kept_in_the_cache_and_older_records_still_load() -> None:
    article = extracted()
    record = json.loads(json.dumps(article_to_dict(article)))
    back = article_from_dict(record)
    assert back.blocks == article.blocks
    assert sum(b.starts_list for b in back.blocks) == 5
    # A record from before the mark: list items as [kind, level, ordinal, inlines] alone.
    for block in record["blocks"]:
        if block[0] == "list-item":
            del block[4:]
    old = article_from_dict(record)
    assert not any(b.starts_list for b in old.blocks)
    assert [b.text for b in old.blocks] == [b.text for b in article.blocks]
    # It still shows, as before: numbers that start again begin a list, bullets run on.
    lines = _body_lines(old)
    assert lines[:4] == [f"• {WE_KNOW[0]}", f"• {WE_KNOW[1]}", f"• {BUSES[0]}", f"• {BUSES[1]}"]
    assert f"3. {NEXT[2]}\n\n1. {MEANWHILE[0]}" in "\n".join(lines)
    assert to_markdown(old).count("- ") >= 4 and BUSES[1] in to_text(old)


def test_a_reader_from_before_the_mark_decodes_a_new_record() -> None:
    """An older reader unpacks a block's tail as [cells, header]: the mark rides in that
    header's int, which it reads as a header mark on an item it never looks at."""
    record = article_to_dict(extracted())
    first = next(b for b in record["blocks"] if b[0] == "list-item" and len(b) > 4)
    kind, level, ordinal, _inlines, *row = first
    cells, header = row  # what the older reader did; it raised on anything but two
    assert (kind, level, ordinal, cells) == ("list-item", 1, 0, []) and isinstance(header, int)


@settings(max_examples=200, deadline=None, derandomize=bool(os.environ.get("CI")))
@given(RUNS, st.booleans())
@example([Inline("~"), Inline(":9", emphasis=True, struck=True), Inline("9", struck=True)], False)
def test_any_item_of_a_list_right_after_another_reads_back_in_a_list_of_its_own(
    runs: list[Inline], numbered: bool
) -> None:
    """The second list's marker ("*", "1)") is written before text of any kind: Markdown's own
    characters, a break, a link."""
    runs = [replace(r, text=" ".join(r.text.split()) or "x") for r in runs if r is not BREAK]
    if not runs:
        return
    first = Block(BlockKind.LIST_ITEM, (Inline("Roads shut"),), ordinal=int(numbered))
    second = Block(BlockKind.LIST_ITEM, tuple(runs), ordinal=int(numbered), starts_list=True)
    blocks = (replace(first, starts_list=True), second)
    markdown = to_markdown(Article(url="", blocks=blocks), header=False)
    assert disagreements(blocks, markdown) == [], markdown
    assert len(lists_read(markdown)) == 2, markdown


STEPS = (
    "<h2>If the water rises again</h2><ol>"
    "<li>Check the gauge at the crossing:<ul><li>red: stay away from the quay;</li>"
    "<li>green: the crossing is safe.</li></ul>Then ring the flood line if it shows red.</li>"
    "<li>Tell a neighbour who has no phone.<ol start='3'><li>Knock twice.</li>"
    "<li>Leave a note.</li></ol></li>"
    "<li><p>Pack a bag with your medicines.</p><p>Keep it by the door.</p></li>"
    "<li>Move the car to high ground.</li></ol>"
)


def test_an_item_s_text_after_a_list_inside_it_goes_on_under_it_and_the_numbers_go_on() -> None:
    """The words after a list inside an item were written as another item with the same
    number ("1. Then ring…"), and Markdown read a new list from there, numbered from 1 again."""
    paragraphs = "".join(f"<p>{line} It is the third flood this year.</p>" for line in NEXT)
    page = f"<html><body><article><h1>Flood</h1>{paragraphs}{STEPS}</article></body></html>"
    article = extracted(page.encode())
    markdown = to_markdown(article, header=False)
    assert disagreements(article.blocks, markdown) == [], markdown
    [(kind, start, items)] = lists_read(markdown)
    assert (kind, start, len(items)) == ("ordered", 1, 4), markdown
    html = PARSER.render(markdown)
    assert '<ol start="3">\n<li>Knock twice.</li>' in html
    # The words after the inner list and the item's second paragraph stay in their items.
    assert html.index("Then ring the flood line") < html.index("Tell a neighbour")
    assert html.index("Keep it by the door.") < html.index("Move the car")
    assert html.count("<li>") == 8
    text = to_text(article, header=False)
    assert (
        "1. Check the gauge at the crossing:\n"
        "   • red: stay away from the quay;\n"
        "   • green: the crossing is safe.\n\n"
        "   Then ring the flood line if it shows red.\n\n"
        "2. Tell a neighbour who has no phone.\n"
        "   3. Knock twice.\n"
        "   4. Leave a note.\n"
        "3. Pack a bag with your medicines.\n\n"
        "   Keep it by the door.\n\n"
        "4. Move the car to high ground.\n"
    ) in text
    lines = _body_lines_from(article, "1. Check the gauge at the crossing:")
    assert lines[:12] == [
        "1. Check the gauge at the crossing:",
        "   • red: stay away from the quay;",
        "   • green: the crossing is safe.",
        "",
        "   Then ring the flood line if it shows red.",
        "",
        "2. Tell a neighbour who has no phone.",
        "   3. Knock twice.",
        "   4. Leave a note.",
        "3. Pack a bag with your medicines.",
        "",
        "   Keep it by the door.",
    ]
    assert lines[13] == "4. Move the car to high ground."


def test_a_list_after_a_list_whose_item_ends_in_a_paragraph_has_one_blank_line_before_it() -> None:
    """Wikipedia writes each property of a thing as a list of its own, its proof a paragraph
    in the item: the next list had two blank lines before it in Markdown."""
    paragraphs = "".join(f"<p>{line} It is the third flood this year.</p>" for line in NEXT)
    lists = "".join(
        f"<ul><li>{item}<p>The council's engineers said so on Tuesday.</p></li></ul>"
        for item in WE_KNOW
    )
    page = f"<html><body><article><h1>Flood</h1>{paragraphs}{lists}</article></body></html>"
    article = extracted(page.encode())
    markdown = to_markdown(article, header=False)
    assert disagreements(article.blocks, markdown) == [], markdown
    assert [items for _, _, items in lists_read(markdown)] == [[WE_KNOW[0]], [WE_KNOW[1]]]
    assert "\n\n\n" not in markdown
    assert "\n\n\n" not in to_text(article, header=False)


# -- lists counting down -----------------------------------------------------------------------
COUNTDOWN = ["Harbour Lights", "The Old Ferry", "Quayside Kitchen"]


def _countdown_page(ol: str) -> bytes:
    lede = (
        "<p>Our readers voted for their favourite place to eat on the waterfront, and more than "
        "four thousand of them took part in this year's poll, twice as many as last year.</p>"
    )
    items = "".join(f"<li>{item}</li>" for item in COUNTDOWN)
    return (
        f"<html><body><article><h1>The waterfront's best</h1>{lede}{ol}{items}</ol>"
        "<p>The winner gets a plaque and a year of bragging rights on the quay.</p>"
        "</article></body></html>"
    ).encode()


def test_a_reversed_list_counts_down_in_every_output() -> None:
    """`<ol reversed>` numbers its items down to 1: the countdown's winner is no. 1, not 3; and
    its numbers going down are one list's, not a list of its own at every item."""
    article = extracted(_countdown_page("<ol reversed>"))
    items = [b for b in article.blocks if b.kind == BlockKind.LIST_ITEM]
    assert [b.ordinal for b in items] == [3, 2, 1]
    assert [b.starts_list for b in items] == [True, False, False]
    assert not any(b.opens_list(a) for a, b in pairwise(items))
    counted = [f"{n}. {item}" for n, item in zip((3, 2, 1), COUNTDOWN, strict=True)]
    assert "\n".join(counted) in to_text(article, header=False)
    lines = _body_lines_from(article, counted[0])
    assert lines[:3] == counted
    # Markdown lists count up from their first number: each item starts one of its own, so a
    # parser shows the page's numbers.
    markdown = to_markdown(article, header=False)
    assert disagreements(article.blocks, markdown) == [], markdown
    assert [(start, items) for _, start, items in lists_read(markdown)] == [
        (3, COUNTDOWN[:1]),
        (2, COUNTDOWN[1:2]),
        (1, COUNTDOWN[2:]),
    ]


def test_a_reversed_list_counts_down_from_its_start_and_an_item_s_value() -> None:
    article = extracted(_countdown_page('<ol reversed start="10">'))
    assert [b.ordinal for b in article.blocks if b.kind == BlockKind.LIST_ITEM] == [10, 9, 8]
    page = _countdown_page("<ol reversed>").replace(b"<li>The", b'<li value="7">The')
    assert [b.ordinal for b in extracted(page).blocks if b.kind == BlockKind.LIST_ITEM] == [3, 7, 6]


def test_the_countdown_mark_is_kept_in_the_cache_and_older_records_still_load() -> None:
    article = extracted(_countdown_page("<ol reversed>"))
    record = json.loads(json.dumps(article_to_dict(article)))
    assert article_from_dict(record).blocks == article.blocks
    # A reader from before the mark unpacks the item's tail as [cells, header], as before.
    tails = [b[4:] for b in record["blocks"] if b[0] == "list-item"]
    assert all(len(tail) == 2 and tail[0] == [] for tail in tails)
    # A record from before it: no item counts down, and numbers going down start lists again.
    for block in record["blocks"]:
        if block[0] == "list-item":
            del block[4:]
    old = article_from_dict(record)
    assert not any(b.counts_down for b in old.blocks)
    assert "3. Harbour Lights\n\n2. The Old Ferry" in to_text(old, header=False)


PROPOSALS = [
    "Dredge the inner basin before the summer.",
    "Raise the mooring fees by four per cent.",
    "Open the slipway to the public at weekends.",
]
READINGS = ["First reading in March.", "Second reading in April.", "Third reading in May."]


def _lettered_page(ol: str, second: str = '<ol type="i">') -> bytes:
    """A council story whose proposals are lettered (`ol`) and its readings numbered by
    `second`."""
    proposals = "".join(f"<li>{item}</li>" for item in PROPOSALS)
    readings = "".join(f"<li>{item}</li>" for item in READINGS)
    return (
        "<html><body><article><h1>What the council decided</h1>"
        "<p>The council met on Tuesday evening and voted on the three proposals put to it by "
        "the harbour board, after a debate that ran past ten o'clock.</p>"
        f"{ol}{proposals}</ol>"
        "<p>Each was carried, and the minutes list them under their letters as above. The "
        f"bylaw they need goes through three readings:</p>{second}{readings}</ol>"
        "<p>The board reports back in the autumn on how the dredging went.</p>"
        "</article></body></html>"
    ).encode()


def _numbers(article: Article) -> list[str]:
    return [b.number for b in article.blocks if b.kind == BlockKind.LIST_ITEM]


def test_a_list_numbered_in_letters_or_roman_numerals_is_shown_so() -> None:
    """`<ol type="a">` is lettered a. b. c. as a browser shows it, and `type="i"` counted
    i. ii. iii.: both were numbered 1. 2. 3., and "proposal (b)" named no item."""
    article = extracted(_lettered_page('<ol type="a">'))
    assert _numbers(article) == ["a", "b", "c", "i", "ii", "iii"]
    text = to_text(article, header=False)
    lettered = [f"{n}. {item}" for n, item in zip("abc", PROPOSALS, strict=True)]
    assert "\n".join(lettered) in text
    assert f"i. {READINGS[0]}\nii. {READINGS[1]}\niii. {READINGS[2]}" in text
    # The reading view sets the numerals flush right, as it does digits, the text in one column.
    lines = _body_lines_from(article, lettered[0])
    assert lines[:3] == lettered
    at = lines.index(f"  i. {READINGS[0]}")
    assert lines[at : at + 3] == [
        f"  i. {READINGS[0]}",
        f" ii. {READINGS[1]}",
        f"iii. {READINGS[2]}",
    ]
    # Markdown numbers in digits alone: its lists are kept as lists a parser reads, in order.
    markdown = to_markdown(article, header=False)
    assert disagreements(article.blocks, markdown) == [], markdown
    assert [(start, items) for _, start, items in lists_read(markdown)] == [
        (1, PROPOSALS),
        (1, READINGS),
    ]


def test_capitals_a_style_and_an_item_s_own_type_are_followed() -> None:
    assert _numbers(extracted(_lettered_page('<ol type="A" start="3">', '<ol type="I">'))) == [
        *"CDE",
        *("I", "II", "III"),
    ]
    # Written in the page's CSS, which outranks the attribute, as in a browser.
    styled = _lettered_page(
        '<ol style="list-style-type: lower-alpha">', '<ol type="a" style="list-style: upper-roman">'
    )
    assert _numbers(extracted(styled)) == [*"abc", "I", "II", "III"]
    # An item may say so itself; a type no browser knows keeps the list's.
    page = _lettered_page('<ol type="a">', '<ol type="x">').replace(
        b"<li>Raise", b'<li type="1">Raise'
    )
    assert _numbers(extracted(page)) == ["a", "2", "c", "1", "2", "3"]
    # Past z, letters go on as a browser's do; past what Roman numerals write, digits.
    many = _lettered_page('<ol type="a" start="26">', '<ol type="I" start="3999">')
    assert _numbers(extracted(many)) == ["z", "aa", "ab", "MMMCMXCIX", "4000", "4001"]


def test_the_numbering_is_kept_in_the_cache_and_older_records_still_load() -> None:
    article = extracted(_lettered_page('<ol type="a">'))
    record = json.loads(json.dumps(article_to_dict(article)))
    assert article_from_dict(record).blocks == article.blocks
    # A reader from before it unpacks an item's tail as [cells, header], as before.
    tails = [b[4:] for b in record["blocks"] if b[0] == "list-item"]
    assert tails and all(len(tail) == 2 and tail[0] == [] for tail in tails)
    # A record from before it: numbered in digits, as every list was then.
    for block in record["blocks"]:
        if block[0] == "list-item":
            del block[4:]
    old = article_from_dict(record)
    assert _numbers(old) == ["1", "2", "3", "1", "2", "3"]
    assert f"1. {PROPOSALS[0]}\n2. {PROPOSALS[1]}" in to_text(old, header=False)


def test_a_lettered_list_is_quoted_with_its_letters() -> None:
    """`y` quotes a passage with each item's label as the reading view draws it; Markdown
    has no lettered list, so the letters are kept as text, each item a paragraph of its own."""
    from markdown_it import MarkdownIt
    from rich.console import Console
    from rich.style import Style

    from reader.ui.widgets.article import block_paragraphs, paragraph, passage, typeset
    from reader.ui.widgets.article.find_in_article import LineMap

    article = extracted(_lettered_page('<ol type="a">'))
    styles = paragraph.ArticleStyles(
        **{n: Style() for n in paragraph.ArticleStyles.__dataclass_fields__}
    )
    paragraphs = block_paragraphs.body(article, styles)
    laid = typeset.layout(paragraphs, 100, Console(width=200))
    lines = [strip.text for strip in laid.lines]
    first = next(n for n, line in enumerate(lines) if PROPOSALS[0] in line)
    chosen = ((first, 0), (first + 2, len(lines[first + 2])))
    line_map = LineMap(laid.runs)
    words = passage.words(chosen, lines, line_map)
    assert words == "\n".join(f"{n}. {item}" for n, item in zip("abc", PROPOSALS, strict=True))
    quoted = passage.quotation(chosen, lines, line_map, paragraphs, laid.extents)
    html = MarkdownIt("commonmark").render(quoted)
    assert "".join(f"<p>{n}. {item}</p>\n" for n, item in zip("abc", PROPOSALS, strict=True)) in (
        html
    )


# A timeline: each event a list item of its date, its heading and what happened.
TIMELINE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Timeline: the Hayle bridge closure</title></head><body><main><article>
<h1>Timeline: the Hayle bridge closure</h1>
<p>The swing bridge over Hayle harbour has been shut to traffic for most of two years. These
are the moments that led to its reopening this week.</p>
<ol class="timeline">
<li><time datetime="2025-01">January 2025</time><h3>Cracks found</h3>
<p>Engineers close the bridge after an inspection finds cracks in its turning gear.</p></li>
<li><time datetime="2025-06-02">2 June 2025</time><h3>Repair plan agreed</h3>
<p>The harbour commissioners vote to rebuild the gear rather than replace the bridge.</p></li>
<li><time datetime="2026-12-01">1 December 2026</time><h3>Bridge reopens</h3>
<p>The first cars cross at dawn, watched by a crowd of about fifty people.</p></li>
</ol>
</article></main></body></html>"""


def test_a_timelines_events_stay_whole_in_their_items() -> None:
    article = extract_file(TIMELINE.encode(), "https://news.example.com/hayle-bridge-timeline")
    assert not any(b.kind == BlockKind.HEADING for b in article.blocks)
    markdown = to_markdown(article)
    tokens = PARSER.parse(markdown)
    assert [t.tag for t in tokens if t.type == "heading_open"] == ["h1"], markdown
    # One list of three items, each holding its date, its heading (bold) and its paragraph.
    items: list[list[str]] = []
    depth = 0
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
            if depth == 1:
                items.append([])
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "inline" and depth:
            items[-1].append(token.content)
    assert [item[:2] for item in items] == [
        ["January 2025", "**Cracks found**"],
        ["2 June 2025", "**Repair plan agreed**"],
        ["1 December 2026", "**Bridge reopens**"],
    ], markdown
    assert items[2][2].startswith("The first cars cross at dawn")
    assert sum(t.type == "ordered_list_open" for t in tokens) == 1
