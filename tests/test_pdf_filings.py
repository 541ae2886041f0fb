"""Court filings and public documents read as a journalist quoting them needs them: a US
complaint's caption its parties, then its case number (the two sides of its column of ")" ran
into one paragraph), a UK judgment's heading line by line (its citation, court, judge, parties
and counsel each apart, its rules of dashes left out), a council's attendance in two columns one
name a line where the minutes list them, and a press release's footer on every page (the
agency's address beside "Page 3 of 12") left out.

Real parts: PDFs written by the demo's own writer (`reader.demo.pdf_pages`), each piece of text
placed as a word processor places it, read by pypdf.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.demo.pdf_pages import Placed, pdf_of_lines
from reader.extract import extract_file
from reader.models import Article, BlockKind
from reader.render import to_markdown
from tests.cli_run import run_reader

_WIDTH = 595


def _read(pages: list[list[Placed]], line_ends: bool = False) -> Article:
    return extract_file(pdf_of_lines(pages, line_ends=line_ends), "")


def _centred(text: str, y: float, bold: bool = False) -> Placed:
    return Placed(text, (_WIDTH - len(text) * 5.5) / 2, y, 11, bold)


def _flush_right(text: str, y: float, bold: bool = False) -> Placed:
    return Placed(text, 523 - len(text) * 5.5, y, 11, bold)


# Each piece in a text object of its own, on one baseline with the last, or ending its line
# (T*, as reportlab's drawString writes): pypdf gives the first as pieces of one line, the
# second as lines of their own.
WRITINGS = pytest.mark.parametrize("line_ends", [False, True], ids=["pieces", "line-ends"])

_PARTIES = ["JANE ROE, on behalf of herself and all", "others similarly situated,", "",
            "        Plaintiff,", "", "    v.", "", "ACME CORP., a Delaware corporation,", "",
            "        Defendant.", ""]  # fmt: skip
_CASE = {3: "Case No. 1:26-cv-01234", 5: "CLASS ACTION COMPLAINT", 7: "JURY TRIAL DEMANDED"}
_COMPLAINT = [
    "Plaintiff Jane Roe, by her undersigned attorneys, brings this action against Acme Corp.",
    "and alleges, on personal knowledge as to herself and on information and belief as to all",
    "other matters, that Acme sold more than two million kettles whose bases overheat and melt,",
    "and that it kept selling them for eleven months after its own engineers had reported it.",
]


def _caption(divider: str, cell_after_cell: bool | None) -> list[Placed]:
    """A complaint's first page: the court, the caption (the parties left of a column of
    `divider`, the case number and the document's name right of it), the text under it. Given
    row by row across the page, or (a word processor's table) its left cell, its column of
    dividers and its right cell one after the other; or (None) row by row, each divider and
    the text right of it one piece, a tab between them."""
    left, column, right = [], [], []
    for n, text in enumerate(_PARTIES):
        y = 690 - 14 * n
        if text.strip():
            left.append(Placed(text.strip(), 72 + 6 * (len(text) - len(text.lstrip())), y))
        if n in _CASE and cell_after_cell is None:
            column.append(Placed(f"{divider}\t{_CASE[n]}", 300, y))
            continue
        column.append(Placed(divider, 300, y))
        if n in _CASE:
            right.append(Placed(_CASE[n], 330, y))
    if cell_after_cell:
        return _complaint(left + column + right)
    return _complaint(sorted(left + column + right, key=lambda piece: (-piece.y, piece.x)))


def _complaint(caption: list[Placed]) -> list[Placed]:
    """A complaint's first page: the court, `caption`, the text under it."""
    return [
        _centred("IN THE UNITED STATES DISTRICT COURT", 740, bold=True),
        _centred("FOR THE DISTRICT OF DELAWARE", 726, bold=True),
        *caption,
        _centred("COMPLAINT", 520, bold=True),
        *[Placed(line, 72, 495 - 14 * n) for n, line in enumerate(_COMPLAINT)],
    ]


_CAPTION_READ = [
    (BlockKind.PARAGRAPH, "JANE ROE, on behalf of herself and all others similarly situated,"),
    (BlockKind.PARAGRAPH, "Plaintiff,"),
    (BlockKind.PARAGRAPH, "v."),
    (BlockKind.PARAGRAPH, "ACME CORP., a Delaware corporation,"),
    (BlockKind.PARAGRAPH, "Defendant."),
    (BlockKind.PARAGRAPH, "Case No. 1:26-cv-01234"),
    (BlockKind.PARAGRAPH, "CLASS ACTION COMPLAINT"),
    (BlockKind.PARAGRAPH, "JURY TRIAL DEMANDED"),
]
"""The caption's blocks as a journalist quotes them: the parties, then the case number and the
document's name, each a block of its own."""


@WRITINGS
@pytest.mark.parametrize("divider", [")", "§"])
@pytest.mark.parametrize(
    "cell_after_cell", [False, True, None], ids=["rows", "cells", "divider-and-text"]
)
def test_a_complaints_caption_reads_its_parties_then_its_case_number(
    line_ends: bool, divider: str, cell_after_cell: bool | None
) -> None:
    """The parties down the left of the column of ")" (Texas courts set "§"), the case number
    and the document's name down its right: one side, then the other, each line of the right
    its own and the ")" left out; "v." no list item."""
    article = _read([_caption(divider, cell_after_cell)], line_ends=line_ends)
    assert [(b.kind, b.text) for b in article.blocks] == [
        (BlockKind.HEADING, "IN THE UNITED STATES DISTRICT COURT FOR THE DISTRICT OF DELAWARE"),
        *_CAPTION_READ,
        (BlockKind.HEADING, "COMPLAINT"),
        (BlockKind.PARAGRAPH, " ".join(_COMPLAINT)),
    ]


_JUDGMENT = [
    "This claim concerns a kettle sold by the Defendant whose base, the Claimant says,",
    "overheated and melted, setting fire to her kitchen on 3 March 2025. She claims damages",
    "for the loss of her kitchen and for the burns to her right hand and forearm. The",
    "Defendant denies that the kettle was defective and says that it was misused: that it",
    "was switched on empty many times, and that its base was cracked by a fall from the",
    "worktop some weeks before the fire, which the Claimant and her husband both deny.",
]


def _judgment() -> list[list[Placed]]:
    """A judgment of the High Court as the judiciary's template sets its first page: the
    citation and case number flush right, the court on the left, the judge and the parties
    centred between rules of dashes, each party's role flush right beside it."""
    rule = "- - - - - - - - - - - - - - - - - - - - -"
    heading = [
        _flush_right("Neutral Citation Number: [2026] EWHC 3012 (KB)", 780, True),
        _flush_right("Case No: KB-2026-000123", 750, True),
        Placed("IN THE HIGH COURT OF JUSTICE", 72, 725, 11, True),
        Placed("KING'S BENCH DIVISION", 72, 711, 11, True),
        _flush_right("Royal Courts of Justice", 690, True),
        _flush_right("Strand, London, WC2A 2LL", 676, True),
        _flush_right("Date: 4 December 2026", 655, True),
        _centred("Before :", 630, True),
        _centred("THE HONOURABLE MRS JUSTICE HARTLEY", 610, True),
        _centred(rule, 592),
        _centred("Between :", 572, True),
        _centred("JANE ROE", 548, True),
        _flush_right("Claimant", 548, True),
        _centred("- and -", 530),
        _centred("ACME CORPORATION LIMITED", 512, True),
        _flush_right("Defendant", 512, True),
        _centred(rule, 494),
        _centred("Ms Ann Baxter KC (instructed by Lee & Co) for the Claimant", 474),
        _centred("Mr Ben Cole (instructed by Dunn LLP) for the Defendant", 460),
        _centred("Hearing dates: 18 and 19 November 2026", 440),
        _centred(rule, 422),
    ]
    pages, y = [heading], 380
    for n in range(1, 9):
        if y < 150:
            pages.append([])
            y = 770
        pages[-1].append(Placed(f"{n}.", 72, y, 11))
        for line in _JUDGMENT:
            pages[-1].append(Placed(line, 100, y, 11))
            y -= 14
        y -= 8
    return pages


@WRITINGS
def test_a_judgments_heading_is_read_line_by_line_its_rules_left_out(line_ends: bool) -> None:
    blocks = _read(_judgment(), line_ends=line_ends).blocks
    texts = [b.text for b in blocks]
    assert texts[:5] == [
        "Neutral Citation Number: [2026] EWHC 3012 (KB)",
        "Case No: KB-2026-000123",
        "IN THE HIGH COURT OF JUSTICE KING'S BENCH DIVISION",
        "Royal Courts of Justice Strand, London, WC2A 2LL",
        "Date: 4 December 2026",
    ]
    assert texts[5:12] == [
        "Before :",
        "THE HONOURABLE MRS JUSTICE HARTLEY",
        "Between :",
        "JANE ROE Claimant",
        "- and -",
        "ACME CORPORATION LIMITED Defendant",
        "Ms Ann Baxter KC (instructed by Lee & Co) for the Claimant\n"
        "Mr Ben Cole (instructed by Dunn LLP) for the Defendant",
    ]
    assert texts[12] == "Hearing dates: 18 and 19 November 2026"
    assert not any(b.kind is BlockKind.LIST_ITEM for b in blocks[:13])
    assert not any(text.startswith("- -") for text in texts)
    assert (blocks[13].kind, blocks[13].ordinal) == (BlockKind.LIST_ITEM, 1)
    assert texts[13].startswith("This claim concerns a kettle")


def _minutes() -> list[Placed]:
    lines = [
        Placed("HARBOURTON TOWN COUNCIL", 72, 780, 14, True),
        Placed(
            "Minutes of the meeting of the Planning Committee held at the Guildhall on", 72, 755
        ),
        Placed("Tuesday 1 December 2026 at 7.00 pm.", 72, 741),
        Placed("Present:", 72, 715, 11, True),
    ]
    for n, (left, right) in enumerate(_PRESENT):
        lines.append(Placed(left, 90, 697 - 14 * n))
        if right:
            lines.append(Placed(right, 320, 697 - 14 * n))
    return [
        *lines,
        Placed("Officers:", 72, 630, 11, True),
        Placed("Jo Black (Head of Planning)", 90, 612),
        Placed("Kim Grey (Legal Adviser)", 320, 612),
        Placed(
            "Apologies were received from Councillor Gil Hill and Councillor Hal Ives.", 72, 585
        ),
        Placed("1.", 72, 560, 11, True),
        Placed("Declarations of interest", 90, 560, 11, True),
        Placed(
            "Councillor Brown declared an interest in item 4 as a member of the harbour", 90, 542
        ),
        Placed("board, and left the room while it was discussed.", 90, 528),
    ]


_PRESENT = [("Councillor Ann Smith (Chair)", "Councillor Dan Jones (Vice-Chair)"),
            ("Councillor Bob Brown", "Councillor Eve Evans"),
            ("Councillor Carol White", "Councillor Fay Green"),
            ("Councillor Dev Patel", "")]  # fmt: skip


@WRITINGS
def test_a_councils_attendance_in_two_columns_is_one_name_a_line_where_it_stands(
    line_ends: bool,
) -> None:
    """Each name of the two columns a line of its own (they ran together: "Councillor Ann
    Smith (Chair) Councillor Bob Brown"), under "Present:", and the right column's names not
    moved under the minutes' first item."""
    texts = [b.text for b in _read([_minutes()], line_ends=line_ends).blocks]
    present = texts.index("Present:")
    names = [left for left, _ in _PRESENT] + [right for _, right in _PRESENT if right]
    assert texts[present + 1 : present + 8] == names
    assert texts[present + 8 :] == [
        "Officers:",
        "Jo Black (Head of Planning)",
        "Kim Grey (Legal Adviser)",
        "Apologies were received from Councillor Gil Hill and Councillor Hal Ives.",
        "1. Declarations of interest",
        "Councillor Brown declared an interest in item 4 as a member of the harbour board, and "
        "left the room while it was discussed.",
    ]


_FINDINGS = [
    "The Environment Agency has fined Harbourton Water 2.4 million pounds for pumping",
    "untreated sewage into the river Hart on 41 days last year, the largest penalty it has",
    "imposed on a water company in the region. The company has 28 days to appeal.",
    "Its inspectors found that storm overflows at the Eastmoor works had run in dry",
    "weather on 17 occasions in the spring, and that no record was kept of the flows at",
    "three of the company's treatment works between January and August.",
    "The company's chief executive said it would not appeal and that it had already",
    "begun replacing the pumps at Eastmoor, work it expects to finish by next summer.",
    "Anglers on the Hart reported dead fish below the works on at least four of the days",
    "the agency recorded, and a swimming club cancelled its summer races on the river.",
]


def _release(footer_first: bool, pages: int = 4) -> list[list[Placed]]:
    """A press release whose every page carries the agency's name atop it, and its address and
    "Page N of M" at its foot (the address over two lines, the page number beside its second,
    the press office under them: four lines), before the page's text in the file or after
    it."""
    out = []
    for page in range(pages):
        lines = [Placed("Environment Agency | News release | 4 December 2026", 72, 810, 8)]
        if page == 0:
            lines.append(Placed("NEWS RELEASE", 72, 780, 18, True))
        y = 740
        # Each page's text its own (the same line atop most pages is a running head).
        for n, line in enumerate(_FINDINGS[3 * page :] + _FINDINGS[: 3 * page]):
            lines.append(Placed(line, 72, y))
            y -= 24 if n % 3 == 2 else 14
        footer = [
            Placed("Environment Agency, Horizon House, Deanery Road,", 72, 70, 8),
            Placed("Bristol BS1 5AH", 72, 60, 8),
            Placed("Press office: 0800 807 060 | www.gov.uk/environment-agency", 72, 50, 8),
            # The page's number, a field of its own, the file gives after the rest.
            Placed(f"Page {page + 1} of {pages}", 480, 60, 8),
        ]
        out.append(footer + lines if footer_first else lines + footer)
    return out


@WRITINGS
@pytest.mark.parametrize("footer_first", [False, True], ids=["footer-last", "footer-first"])
@pytest.mark.parametrize("pages", [4, 2])
def test_a_press_releases_footer_on_every_page_is_left_out(
    line_ends: bool, footer_first: bool, pages: int
) -> None:
    text = to_markdown(_read(_release(footer_first, pages), line_ends=line_ends))
    for footer in ("Horizon House", "Bristol", "Page 1", "Page 2", "Press office", "| News"):
        assert footer not in text
    assert text.count("NEWS RELEASE") == 1
    assert text.count("The company's chief executive said it would not appeal") == pages


_ATTORNEY = ["Jane Smith (SBN 123456)", "SMITH LAW GROUP", "100 Main Street, Los Angeles, CA 90012",
             "Attorneys for Plaintiff John Doe"]  # fmt: skip
_CAPTION = [("JOHN DOE, an individual,", "Case No. 26STCV01234"), ("", ""),
            ("Plaintiff,", "COMPLAINT FOR DAMAGES"), ("", ""), ("v.", "DEMAND FOR JURY TRIAL"),
            ("", ""), ("ACME CORP., a Delaware corporation; and", ""),
            ("DOES 1 through 50, inclusive,", ""), ("", ""), ("Defendants.", "")]  # fmt: skip


@WRITINGS
def test_a_pleadings_attorney_block_keeps_its_lines_and_its_caption_its_sides(
    line_ends: bool,
) -> None:
    """On pleading paper (its margin numbered 1 to 28), a California complaint: the attorney's
    name, firm and address one a line (they ran into one line, "(SBN 123456) SMITH LAW GROUP
    100 Main Street"), the caption's parties, then its case number."""
    lines = [Placed(str(n), 60 - 6 * len(str(n)), 740 - 24 * n, 12) for n in range(1, 29)]
    lines += [Placed(text, 80, 716 - 12 * n, 12) for n, text in enumerate(_ATTORNEY)]
    lines.append(Placed("SUPERIOR COURT OF THE STATE OF CALIFORNIA", 170, 644, 12, True))
    for n, (left, right) in enumerate(_CAPTION):
        y = 596 - 12 * n
        if left:
            indented = left in ("Plaintiff,", "v.", "Defendants.")
            lines.append(Placed(left, 180 if indented else 80, y, 12))
        lines.append(Placed(")", 330, y, 12))
        if right:
            lines.append(Placed(right, 345, y, 12))
    lines += [Placed(text, 80, 452 - 24 * n, 12) for n, text in enumerate(_COMPLAINT)]
    texts = [b.text for b in _read([lines], line_ends=line_ends).blocks]
    assert texts[:10] == [
        "\n".join(_ATTORNEY),
        "SUPERIOR COURT OF THE STATE OF CALIFORNIA",
        "JOHN DOE, an individual,",
        "Plaintiff,",
        "v.",
        "ACME CORP., a Delaware corporation; and DOES 1 through 50, inclusive,",
        "Defendants.",
        "Case No. 26STCV01234",
        "COMPLAINT FOR DAMAGES",
        "DEMAND FOR JURY TRIAL",
    ]


def test_a_column_of_section_marks_before_a_tables_numbers_is_no_caption() -> None:
    """ "§" set apart before each section's number, down a table: its rows stay rows (nothing
    stands left of the column, so it is no caption's)."""
    lines = [Placed("The sections the amendment changes, with what each of them governs.", 72, 760)]
    sections = [("101", "Definitions"), ("102", "Licences for dredging"), ("103", "Fees"),
                ("104", "Inspections of the works"), ("105", "Penalties")]  # fmt: skip
    for n, (number, what) in enumerate(sections):
        y = 740 - 16 * n
        lines += [Placed("§", 80, y), Placed(number, 92, y), Placed(what, 200, y)]
    rows = [b for b in _read([lines]).blocks if b.kind is BlockKind.TABLE_ROW]
    assert [[" ".join(i.text for i in c) for c in row.cells] for row in rows] == [
        [f"§ {number}", what] for number, what in sections
    ]


_SHORT_NAMES = [("Cllr A Smith (Chair)", "Cllr D Jones", "Cllr G Hill"),
                ("Cllr B Brown", "Cllr E Evans", "Cllr H Ives"),
                ("Cllr C White", "", "Cllr F Green")]  # fmt: skip


@WRITINGS
def test_a_tables_last_row_with_cells_left_empty_is_its_row(line_ends: bool) -> None:
    """Names in three columns, the last row two (they ran into one line, "Cllr C White Cllr F
    Green", under a table of the rest), and a budget's total under its quarters' figures, its
    middle column empty: the tables' last rows, the empty cells empty."""
    lines = [Placed("Present:", 72, 715, 11, True)]
    columns = (90, 250, 410)
    for n, row in enumerate(_SHORT_NAMES):
        lines += [
            Placed(name, x, 697 - 14 * n) for name, x in zip(row, columns, strict=True) if name
        ]
    lines.append(Placed("The committee noted the spending on the harbour works so far.", 72, 640))
    budget = [("Quarter", "Budgeted (€m)", "Paid (€m)"), ("Q1 2025", "1.5", "2.1"),
              ("Q2 2025", "1.5", "2.8"), ("Total", "", "4.9")]  # fmt: skip
    for n, row in enumerate(budget):
        lines += [
            Placed(cell, x, 620 - 16 * n) for cell, x in zip(row, columns, strict=True) if cell
        ]
    lines.append(
        Placed("The committee will review progress in June 2027, after the works.", 72, 540)
    )
    rows = [b for b in _read([lines], line_ends=line_ends).blocks if b.kind is BlockKind.TABLE_ROW]
    cells = [[" ".join(i.text for i in c) for c in row.cells] for row in rows]
    assert cells == [list(row) for row in _SHORT_NAMES + budget]
    assert [row.ordinal for row in rows] == [1, 1, 1, 2, 2, 2, 2]


_LEFT = ["The harbour board met on Tuesday to hear", "the inspectors, who had spent a month on",
         "the eastern quay and found the boom of", "crane 4 cracked along a weld made in the",
         "refit of 2019, the crack grown in a storm."]  # fmt: skip
_RIGHT = ["The board's chair said the repairs would", "be paid for from the reserve, and that",
          "the insurers had agreed to pay a third."]  # fmt: skip


@WRITINGS
def test_columns_given_line_by_line_stay_above_the_text_under_them(line_ends: bool) -> None:
    """Two columns the file gives a line of each at a time, the left one longer, then a line
    across the page: the left column, the right one, then that line (the right column was
    read after it, the page's last words)."""
    lines = [Placed("Eastquay: the board's hearing", 72, 760, 18, bold=True)]
    for n, text in enumerate(_LEFT):
        lines.append(Placed(text, 72, 700 - 14 * n, 9))
        if n < len(_RIGHT):
            lines.append(Placed(_RIGHT[n], 320, 700 - 14 * n, 9))
    under = (
        "Reporting by the Harbour Gazette's newsroom, with the board's own minutes of the hearing."
    )
    lines.append(Placed(under, 72, 600, 9))
    texts = [b.text for b in _read([lines], line_ends=line_ends).blocks]
    assert texts == [" ".join(_LEFT), " ".join(_RIGHT), under]


def test_a_note_set_under_a_tables_columns_is_no_row_of_it() -> None:
    """ "Note:" under a table's first column and its words from the second: a line of text,
    not a last row with its third cell empty."""
    lines = [Placed("The spending on the harbour works so far, by quarter.", 72, 700)]
    budget = [("Quarter", "Budgeted (€m)", "Paid (€m)"), ("Q1 2025", "1.5", "2.1"),
              ("Q2 2025", "1.5", "2.8")]  # fmt: skip
    for n, row in enumerate(budget):
        lines += [
            Placed(cell, x, 680 - 16 * n) for cell, x in zip(row, (90, 250, 410), strict=True)
        ]
    note = "the figures are in millions of euros and include VAT."
    lines += [Placed("Note:", 90, 634), Placed(note, 250, 634)]
    blocks = _read([lines]).blocks
    assert [b.kind for b in blocks] == [BlockKind.PARAGRAPH] + [BlockKind.TABLE_ROW] * 3 + [
        BlockKind.PARAGRAPH
    ]
    assert blocks[-1].text == f"Note: {note}"


def _typed_caption(right_apart: bool) -> list[Placed]:
    """A complaint's caption typed as a typewriter sets it, in Courier: each row's party text
    padded with spaces to the column of ")" in the same run ("ACME CORP., a Delaware
    corporation,   )"), the case number after it in that run too, or (`right_apart`) a run of
    its own right of the column."""
    rows = []
    for n, text in enumerate(_PARTIES):
        y = 690 - 14 * n
        row = f"{text:<40})"
        if n in _CASE and not right_apart:
            row += f"   {_CASE[n]}"
        rows.append(Placed(row, 72, y, 10, typed=True))
        if n in _CASE and right_apart:
            rows.append(Placed(_CASE[n], 72 + 44 * 6, y, 10, typed=True))
    return _complaint(rows)


@WRITINGS
@pytest.mark.parametrize("right_apart", [False, True], ids=["one-run", "case-number-apart"])
def test_a_typed_captions_parenthesis_ending_the_parties_run_is_its_column(
    line_ends: bool, right_apart: bool
) -> None:
    """The ")" typed at the end of each party's run, after the spaces padding it to its
    column, is the caption's column: the parties, then the case number, the ")" left out (it
    ran into one paragraph, ") )" and all, with the case number inside it)."""
    article = _read([_typed_caption(right_apart)], line_ends=line_ends)
    assert [(b.kind, b.text) for b in article.blocks][1:9] == _CAPTION_READ


_OPINION = [
    "The district court granted summary judgment to the defendant, holding that the kettle's",
    "warning label was adequate as a matter of law. We review that ruling de novo and reverse.",
]


def _opinion() -> list[Placed]:
    """An appellate opinion's page as a court's word processor sets it: its section heads
    (numbered, or in capitals, or set apart by space above) in bold, and bold short lines in
    the run of its text, under its last line at the paragraph's spacing: a syllabus's "Held:"
    opening the holding, a party's name on a line of its own, and "It is so ordered."."""
    y = 760
    placed: list[Placed] = []

    def line(text: str, bold: bool = False, before: float = 0, x: float = 72) -> None:
        nonlocal y
        y -= before
        placed.append(Placed(text, x, y, 11, bold))
        y -= 14

    line("OPINION", bold=True, x=270)
    line("I. BACKGROUND", bold=True, before=14)
    line(_OPINION[0], before=6)
    line(_OPINION[1])
    line("Held:", bold=True)
    line("A warning that does not say the base may melt is no warning of that danger, and a")
    line("jury could find it inadequate.")
    line("Standard of review", bold=True, before=14)
    line("We review the grant of summary judgment de novo, viewing the evidence in the light")
    line("most favourable to the appellant:")
    line("JANE ROE", bold=True)
    line("whose kitchen burned on 3 March 2025.")
    line("II. DISCUSSION", bold=True, before=14)
    line("The judgment is reversed and the case remanded for trial.")
    line("It is so ordered.", bold=True)
    return placed


def test_a_judgments_bold_short_lines_in_its_text_are_no_headings() -> None:
    """Bold short lines in the run of an opinion's text, under its last line at the spacing of
    its lines ("Held:", a party's name), are the text's, not headings; its section heads,
    numbered, in capitals or set apart by space, stay headings."""
    article = _read([_opinion()])
    assert [(b.kind, b.text) for b in article.blocks] == [
        (BlockKind.HEADING, "OPINION"),
        (BlockKind.HEADING, "I. BACKGROUND"),
        (BlockKind.PARAGRAPH, " ".join(_OPINION)),
        (BlockKind.PARAGRAPH, "Held:"),
        (
            BlockKind.PARAGRAPH,
            "A warning that does not say the base may melt is no warning of that danger, and a "
            "jury could find it inadequate.",
        ),
        (BlockKind.HEADING, "Standard of review"),
        (
            BlockKind.PARAGRAPH,
            "We review the grant of summary judgment de novo, viewing the evidence in the light "
            "most favourable to the appellant:",
        ),
        (BlockKind.PARAGRAPH, "JANE ROE"),
        (BlockKind.PARAGRAPH, "whose kitchen burned on 3 March 2025."),
        (BlockKind.HEADING, "II. DISCUSSION"),
        (BlockKind.PARAGRAPH, "The judgment is reversed and the case remanded for trial."),
        (BlockKind.PARAGRAPH, "It is so ordered."),
    ]


_SCANNED_PAGE = b"\xff\xd8\xff\xe0" + bytes(4000) + b"\xff\xd9"
"""A scanner's picture of a page, as far as a reader that never decodes pictures can tell."""


@pytest.mark.parametrize("stamps", [1, 2], ids=["header", "header-and-footer"])
def test_a_scanned_filing_stamped_by_the_courts_e_filing_is_named_a_scan(
    tmp_path: Path, stamps: int
) -> None:
    """A filing scanned and filed: each page a picture, the court's e-filing header ("Case
    1:26-cv-01234 Document 12 Filed 12/03/26 Page 3 of 6") the only text on it, and a footer
    too. `reader extract` says in one line that it holds no text (it printed the stamps, one
    after the other, as the article)."""
    pages = [
        [
            Placed(f"Case 1:26-cv-01234-ABC Document 12 Filed 12/03/26 Page {n} of 6", 72, 810, 8),
            *[Placed(f"Scanned by the clerk, sheet {n}", 72, 40, 8)][: stamps - 1],
        ]
        for n in range(1, 7)
    ]
    (tmp_path / "filing.pdf").write_bytes(pdf_of_lines(pages, pictures=[_SCANNED_PAGE] * 6))
    done = run_reader(tmp_path / "d", "extract", str(tmp_path / "filing.pdf"))
    assert (done.returncode, done.stdout) == (1, "")
    assert done.stderr == (
        "reader: not an article page (application/pdf with no text in it, pictures of its pages)\n"
    )
