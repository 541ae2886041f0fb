"""PDF layouts public bodies use, read so that a quote or a figure says what the page says
(acc35b F19, F1, F10, F17, F11, F2): a statement's dot leaders keep each amount with its label,
a court filing's margin line numbers stay out of its sentences, a list's bullets and numbers
and a table's columns are kept, a compound's hyphen at a line's end kept, a raised note mark
raised, and a PDF of one typed line read, not called a scan.

Real parts: PDFs written by the demo's own writer (`reader.demo.pdf_pages`), each piece of text
placed as a word processor places it, read by pypdf; a loopback server (pytest-httpserver) and
the store on disk for a feed's PDFs.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.demo.pdf_pages import Placed, pdf_of_lines
from reader.extract import extract_file
from reader.models import BlockKind
from reader.render import to_markdown
from tests.cli_run import run_reader


def _read(lines: list[Placed], *more: list[Placed], line_ends: bool = False):
    return extract_file(pdf_of_lines([lines, *more], line_ends=line_ends), "")


# Each piece in a text object of its own, on one baseline with the last, or ending its line
# (T*, as reportlab's drawString writes): pypdf gives the first as pieces of one line, the
# second as lines of their own.
WRITINGS = pytest.mark.parametrize("line_ends", [False, True], ids=["pieces", "line-ends"])


def _statement() -> list[Placed]:
    lines = [
        Placed("The statement below sets out what the port authority paid for dredging.", 72, 760)
    ]
    for n, (label, amount) in enumerate(_ITEMS):
        y = 735 - 15 * n
        lines += [Placed(f"{label} {'.' * (60 - len(label))}", 72, y), Placed(amount, 415, y)]
    lines.append(Placed("The total exceeds the figure reported to the council in March.", 72, 650))
    return lines


_ITEMS = [("Channel dredging, phase 2", "£2,400,000"), ("Emergency sediment removal", "£2,750,000"),
          ("Total", "£9,400,000")]  # fmt: skip


@WRITINGS
def test_a_statements_amounts_stay_beside_their_labels_across_dot_leaders(line_ends: bool) -> None:
    article = _read(_statement(), line_ends=line_ends)
    items = _ITEMS
    rows = [b for b in article.blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[" ".join(i.text for i in cell) for cell in row.cells] for row in rows] == [
        [label, amount] for label, amount in items
    ]
    assert "| Emergency sediment removal | £2,750,000 |" in to_markdown(article)


@WRITINGS
def test_pleading_papers_line_numbers_stay_out_of_the_sentences(line_ends: bool) -> None:
    text = [
        "Plaintiff moves this Court for an order compelling Defendant to produce all",
        "variation orders issued under the dredging contract between 1 January 2025 and 31",
        "December 2025. Defendant has refused to produce the documents despite three",
        "written requests, the last dated 2 October 2026, and no privilege attaches to them.",
    ]
    pages = []
    for page in range(2):
        lines = []
        for n in range(1, 29):
            y = 720 - 24 * n
            lines.append(Placed(str(n), 60 - 6 * len(str(n)), y, 12))
            if page == 0 and n <= len(text):
                lines.append(Placed(text[n - 1], 80, y, 12))
        pages.append(lines)
    article = _read(*pages, line_ends=line_ends)
    assert [b.text for b in article.blocks] == [" ".join(text)]


@WRITINGS
def test_bullets_and_numbers_set_apart_from_their_text_and_a_tables_columns_are_kept(
    line_ends: bool,
) -> None:
    lines = [Placed("The committee makes the following recommendations to the council.", 72, 760)]
    y = 740
    for mark, item in [("•", "Publish every variation order within 28 days."),
                       ("•", "Commission an independent audit of the works."),
                       ("1.", "The harbour master gave evidence on 12 March."),
                       ("2.", "The finance director gave evidence on 19 March.")]:  # fmt: skip
        lines += [Placed(mark, 80, y), Placed(item, 95, y)]
        y -= 16
    for row in [("Quarter", "Budgeted (€m)", "Paid (€m)"), ("Q1 2025", "1.5", "2.1"),
                ("Q2 2025", "1.5", "2.8")]:  # fmt: skip
        lines += [Placed(cell, x, y) for cell, x in zip(row, (80, 200, 320), strict=True)]
        y -= 16
    lines.append(
        Placed("The committee will review progress in June 2027, after the works.", 72, y - 10)
    )
    blocks = _read(lines, line_ends=line_ends).blocks
    items = [(b.ordinal, b.text) for b in blocks if b.kind is BlockKind.LIST_ITEM]
    assert items == [
        (0, "Publish every variation order within 28 days."),
        (0, "Commission an independent audit of the works."),
        (1, "The harbour master gave evidence on 12 March."),
        (2, "The finance director gave evidence on 19 March."),
    ]
    rows = [b for b in blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[" ".join(i.text for i in c) for c in row.cells] for row in rows] == [
        ["Quarter", "Budgeted (€m)", "Paid (€m)"], ["Q1 2025", "1.5", "2.1"], ["Q2 2025", "1.5", "2.8"]
    ]  # fmt: skip
    assert rows[0].header and not rows[1].header


def test_a_compounds_hyphen_at_a_lines_end_is_kept_and_a_broken_word_joined() -> None:
    lines = ["The board agreed that the dredging contrac-", "tor would report monthly. A follow-",
             "up meeting with the Baden-", "Württemberg delegation and the self-",
             "employed pilots was set for 14 January, when the board",
             "will hear from the pilots' union and the harbour master."]  # fmt: skip
    article = _read([Placed(line, 72, 760 - 14 * n) for n, line in enumerate(lines)])
    assert [b.text for b in article.blocks] == [
        "The board agreed that the dredging contractor would report monthly. A follow-up "
        "meeting with the Baden-Württemberg delegation and the self-employed pilots was set "
        "for 14 January, when the board will hear from the pilots' union and the harbour master."
    ]
    # Words broken where a compound's part would be: whole again.
    lines = ["The board set a new thresh-", "old for the ex-", "pected costs of the works, which",
             "the contractor called selfish."]  # fmt: skip
    article = _read([Placed(line, 72, 760 - 14 * n) for n, line in enumerate(lines)])
    assert [b.text for b in article.blocks] == [
        "The board set a new threshold for the expected costs of the works, which the "
        "contractor called selfish."
    ]


def test_a_raised_note_mark_is_raised_and_the_notes_at_the_foot_kept_apart() -> None:
    """ "members.¹ Councillor" is two sentences, as `v` takes them; each note its paragraph."""
    lines = [
        Placed("The difference of 3.3 million euros was not reported to members.", 72, 760, 10),
        Placed("1", 380, 764, 7),
        Placed(" Councillor Ingrid Müller asked for a full account by 15 January.", 384, 760, 10),
        Placed("The board heard no written report on the contract's costs in 2025.", 72, 746, 10),
        Placed("1 Minutes of the Audit Committee, 12 March 2026, item 7.", 72, 90, 7),
        Placed("2 The chief executive disputes this account; see his letter.", 72, 80, 7),
    ]
    texts = [b.text for b in _read(lines).blocks]
    assert texts[0].startswith("The difference of 3.3 million euros was not reported to members.¹ ")
    assert texts[1:] == [
        "1 Minutes of the Audit Committee, 12 March 2026, item 7.",
        "2 The chief executive disputes this account; see his letter.",
    ]


def test_a_feeds_statement_and_one_line_notice_are_synced_and_shown_as_printed(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Through a feed: the statement's amounts beside their labels in `reader show`, and a
    press notice of one typed line cached as an article (it was "no text in it, pictures of
    its pages", exit 1, at every sync)."""
    data_dir = tmp_path / "d"
    statement = httpserver.url_for("/files/statement.pdf")
    notice = httpserver.url_for("/files/notice.pdf")
    httpserver.expect_request("/files/statement.pdf").respond_with_data(
        pdf_of_lines([_statement()], title="Statement of dredging costs"),
        content_type="application/pdf",
    )
    httpserver.expect_request("/files/notice.pdf").respond_with_data(
        pdf_of_lines(
            [[Placed("The council budget for 2027 is £412m, up 3.2% on the year.", 72, 760)]]
        ),
        content_type="application/pdf",
    )
    entries = "".join(
        f"<item><title>{link[-12:]}</title><link>{link}</link><guid>{link}</guid></item>"
        for link in (statement, notice)
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Council documents</title>'
        f"{entries}</channel></rss>",
        content_type="application/rss+xml",
    )
    assert run_reader(data_dir, "add", httpserver.url_for("/feed.xml")).returncode == 0
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    items = json.loads(run_reader(data_dir, "list", "--json").stdout)
    assert [item["cached"] for item in items] == [True, True]
    shown = {
        item["title"]: run_reader(data_dir, "show", item["id"], "--offline").stdout
        for item in items
    }
    statement_text = next(text for text in shown.values() if "Emergency" in text)
    (line,) = [line for line in statement_text.splitlines() if "Emergency" in line]
    assert re.search(r"Emergency sediment removal\W+£2,750,000$", line), line
    assert any("£412m, up 3.2% on the year" in text for text in shown.values())


def test_a_lines_runs_given_at_its_own_start_are_one_line_not_two_columns() -> None:
    """pypdf gives the runs of one text object (a word in bold, the text after an escape code)
    at the object's start: three such lines are no page in two columns, and a run opening
    with a dash no list item."""
    runs = [("The harbour board heard on Tuesday that", " – as the contractor admitted – the"),
            ("extra tonnage was billed at the emergency", " rate for eleven months, although the"),
            ("storms had ended in March and no member", " of the board had been told of the rate.")]  # fmt: skip
    lines = [Placed(run, 72, 760 - 14 * n) for n, pair in enumerate(runs) for run in pair]
    assert [b.text for b in _read(lines).blocks] == [" ".join("".join(pair) for pair in runs)]


def test_a_tables_rows_numbered_down_its_first_column_keep_their_numbers() -> None:
    """Ten rows "1 | Eastquay | 412" alone on a page are a table, not pleading paper's margin."""
    ports = ["Eastquay", "Westpier", "Northdock", "Southbank", "Harbourton", "Millford",
             "Seagate", "Rockport", "Bayview", "Tideway"]  # fmt: skip
    lines = []
    for n, port in enumerate(ports, 1):
        y = 760 - 16 * n
        lines += [Placed(str(n), 72, y), Placed(port, 120, y), Placed(str(400 + n), 300, y)]
    rows = [b for b in _read(lines).blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[" ".join(i.text for i in c) for c in row.cells] for row in rows][:2] == [
        ["1", "Eastquay", "401"],
        ["2", "Westpier", "402"],
    ]
    assert len(rows) == 10


@WRITINGS
def test_two_columns_given_line_by_line_across_the_page_are_read_one_after_the_other(
    line_ends: bool,
) -> None:
    left = ["The left column tells of the harbour board", "and the contractor who billed the",
            "extra tonnage at the emergency rate."]  # fmt: skip
    right = ["The right column tells of the council,", "which was not told of the rate until",
             "the audit began in the autumn."]  # fmt: skip
    lines = []
    for n, (one, other) in enumerate(zip(left, right, strict=True)):
        lines += [Placed(one, 72, 760 - 13 * n, 10), Placed(other, 320, 760 - 13 * n, 10)]
    text = " ".join(b.text for b in _read(lines, line_ends=line_ends).blocks)
    assert text == " ".join(left + right)


def test_a_link_in_a_tables_cell_is_the_cells_and_not_listed_again() -> None:
    url = "https://harbourton.example/orders/vo-17"
    lines = [Placed("The orders the council published this year, with their amounts.", 72, 760)]
    for n, (order, amount) in enumerate([("Variation order 17", "£412,000"),
                                         ("Variation order 18", "£96,500")]):  # fmt: skip
        y = 740 - 16 * n
        link = url if n == 0 else ""
        lines += [Placed(order, 80, y, link=link), Placed(amount, 300, y)]
    blocks = _read(lines).blocks
    rows = [b for b in blocks if b.kind is BlockKind.TABLE_ROW]
    assert [i.href for i in rows[0].cells[0]] == [url]
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH] + [BlockKind.TABLE_ROW] * 2


def test_a_register_whose_every_line_repeats_with_its_number_is_read_not_called_a_scan() -> None:
    """Every line is the same on each page but for a number, and there is nothing else: that
    is the text, not running heads (it was all left out, and the PDF called a scan)."""
    pages = [
        [Placed(f"Hansard volume 812, page {n}.", 72, 760),
         Placed(f"The Minister answered question {n} on harbour dredging costs.", 72, 740)]
        for n in range(1, 6)
    ]  # fmt: skip
    text = " ".join(b.text for b in _read(*pages).blocks)
    assert "The Minister answered question 3 on harbour dredging costs." in text


def test_a_judgments_numbered_paragraphs_keep_their_numbers() -> None:
    """Paragraph numbers in the margin, one to a paragraph of one to three lines, are cited
    ("at 7"): not pleading paper's line numbers."""
    lines, y = [], 780
    for n in range(1, 11):
        lines.append(Placed(str(n), 60, y))
        for row in range(1 + n % 3):
            lines.append(
                Placed(f"Paragraph {n} of the judgment, line {row + 1}, on the harbour", 90, y)
            )
            y -= 14
        y -= 8
    texts = [b.text for b in _read(lines).blocks]
    assert any(text.startswith("7 Paragraph 7 of the judgment") for text in texts), texts


_ACCOMMODATION = [
    (["Bed and breakfast hotels (including", "shared annexes)"], "4,210", "5,030"),
    (["Nightly paid, self-contained"], "21,870", "23,140"),
    (["Hostels, including reception", "centres and refuges"], "6,305", "6,118"),
    (["Private sector accommodation", "leased by the authority"], "9,440", "9,902"),
    (["Total"], "41,825", "44,190"),
]


@WRITINGS
def test_a_statistical_releases_table_keeps_a_cell_wrapped_over_two_lines_in_its_row(
    line_ends: bool,
) -> None:
    """A government release's table whose first column's labels wrap over two lines: each
    label whole in its row, beside its figures (the rest of a label was a paragraph of its
    own, and the rows after it ran into one paragraph, "centres and refuges Private sector
    accommodation 9,440 9,902 …"); the text under the table stays a paragraph."""
    lines = [
        Placed("Table 3: Households in temporary accommodation, by type", 72, 760, 11, True),
        Placed("Type of accommodation", 72, 736, 10, True),
        Placed("March 2025", 300, 736, 10, True),
        Placed("March 2026", 400, 736, 10, True),
    ]
    y = 718
    for label, before, now in _ACCOMMODATION:
        lines += [Placed(label[0], 72, y, 10), Placed(before, 300, y, 10), Placed(now, 400, y, 10)]
        lines += [Placed(rest, 72, y - 12, 10) for rest in label[1:]]
        y -= 12 * len(label) + 6
    note = "The number in bed and breakfast hotels rose by a fifth on the year before."
    lines.append(Placed(note, 72, y - 20, 11))
    blocks = _read(lines, line_ends=line_ends).blocks
    assert [(b.kind, b.text) for b in blocks[1:]] == [
        (BlockKind.TABLE_ROW, "Type of accommodation | March 2025 | March 2026"),
        *[
            (BlockKind.TABLE_ROW, f"{' '.join(label)} | {before} | {now}")
            for label, before, now in _ACCOMMODATION
        ],
        (BlockKind.PARAGRAPH, note),
    ]
