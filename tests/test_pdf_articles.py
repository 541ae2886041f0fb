"""A PDF is read as an article: a council's report, a court's filing, a press release sent as a
file. Its text laid out again (headings, paragraphs over pages, lists, hyphenated words whole),
its running heads and page numbers left out, its title, author and date from its Info dictionary;
synced, cached and shown offline as any article. A PDF of pictures only (a scan), a locked one
and a damaged one are named in one line, as before, the feed's text standing in.

Real parts: PDFs written by the demo's own writer (`reader.demo.pdf_pages`) and read by pypdf,
a loopback server (pytest-httpserver), the store on disk, the reader driven by Pilot.
"""

from __future__ import annotations

import asyncio
import json
import re
import zlib
from datetime import UTC, datetime
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.demo.pdf_pages import Placed, pdf_of_drawings, pdf_of_lines, report_pdf
from reader.extract import extract_file
from reader.models import BlockKind
from reader.store import Store
from tests.cli_run import run_reader
from tests.served_feed import serve_pdf_item
from tests.tui_pilot import open_titled, running, until

FINDINGS = (
    "The inspectors found that the boom of crane 4 had cracked along a weld made during the "
    "refit of 2019, and that the crack had grown in the storm of February until the boom could "
    "no longer carry a loaded container. Crane 7, of the same make, showed no such crack."
)
COSTS = (
    "The harbour authority puts the cost of the repairs at 2.4 million, of which the insurers "
    "have agreed to pay two thirds. The rest comes from the reserve for the eastern quay, "
    "which the authority had meant for the new lighting of the container park."
)
BLOCKS = [
    ("p", FINDINGS),
    ("h", "What the inspectors asked for"),
    ("li", "A new boom for crane 4, made and welded to the maker's current standard."),
    ("li", "An inspection of every weld of the eastern quay's cranes each year."),
    ("h", "Costs"),
    *[("p", f"{COSTS} (Part {n}.)") for n in range(1, 12)],
]
TITLE = "Eastquay storm damage: the inspectors' report"


def _report() -> bytes:
    return report_pdf(
        TITLE,
        BLOCKS,
        author="Harbour Safety Board",
        created=datetime(2026, 11, 3, 9, 30, tzinfo=UTC),
        running_head="Eastquay inspection report 2026",
    )


def test_extract_reads_a_report_as_its_article(tmp_path: Path) -> None:
    """`reader extract report.pdf`: the title, author and date the file declares, the headings,
    the list, every paragraph whole though one runs over a page; no running head, no page
    number."""
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(_report())
    done = run_reader(tmp_path / "d", "extract", str(pdf), "--format", "json")
    assert done.returncode == 0, done.stderr
    article = json.loads(done.stdout)
    assert article["title"] == TITLE
    assert article["authors"] == ["Harbour Safety Board"]
    assert article["published"] == "2026-11-03T09:30:00+00:00"
    assert article["language"] == "en-GB"
    text = article["text"]
    assert "What the inspectors asked for\n---" in text
    assert "• A new boom for crane 4, made and welded to the maker's current standard." in text
    paragraphs = [p.strip() for p in text.split("\n\n") if p.startswith("The harbour authority")]
    assert paragraphs == [f"{COSTS} (Part {n}.)" for n in range(1, 12)]  # whole, over pages
    assert FINDINGS in text
    assert "Eastquay inspection report 2026" not in text
    assert not any(line.strip().isdigit() for line in text.splitlines())
    assert TITLE not in text  # the title is the article's, not a heading of its text again


def test_lines_of_a_paragraph_are_joined_and_hyphenated_words_made_whole() -> None:
    """A paragraph set line by line, one word broken at a line's end with a hyphen; a short
    last line before the next paragraph, set flush under it; a second column going on with
    the paragraph the first left unfinished."""
    lines = [
        Placed("The committee heard evidence from the port's engineers, who said the quay's", 72, 700),
        Placed("foundations had been surveyed twice since the storm and found sound, and from", 72, 686),
        Placed("the dockworkers' union, whose members had refused to work under the dam-", 72, 672),
        Placed("aged cranes until an independent engineer had seen them.", 72, 658),
        Placed("The chair closed the hearing at noon. A decision is expected in the new year,", 72, 644),
        Placed("after the authority's board has read the", 72, 630),
        Placed("inspectors' report in full and heard from the insurers.", 320, 700),
    ]  # fmt: skip
    article = extract_file(pdf_of_lines([lines]), "")
    paragraphs = [b.text for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    assert paragraphs == [
        "The committee heard evidence from the port's engineers, who said the quay's foundations "
        "had been surveyed twice since the storm and found sound, and from the dockworkers' "
        "union, whose members had refused to work under the damaged cranes until an independent "
        "engineer had seen them.",
        "The chair closed the hearing at noon. A decision is expected in the new year, after the "
        "authority's board has read the inspectors' report in full and heard from the insurers.",
    ]


def test_a_pdf_with_no_text_a_damaged_one_and_a_bomb_are_named_in_a_line(tmp_path: Path) -> None:
    """A scan (pictures of its pages), a file cut short, and one whose page inflates to 200 MB:
    each one line, exit 1, nothing printed as text."""
    scan = pdf_of_drawings([[(72, 700 - 20 * row, 400, 9) for row in range(30)]], title="Scan")
    cut = _report()[:900]
    bomb = _with_stream(pdf_of_lines([[Placed("x", 72, 700)]], compress=False), _bomb_stream())
    for name, body, said in [
        ("scan.pdf", scan, "application/pdf with no text in it, pictures of its pages"),
        ("cut.pdf", cut, "application/pdf, which could not be read"),
        ("bomb.pdf", bomb, "application/pdf, which could not be read"),
    ]:
        (tmp_path / name).write_bytes(body)
        done = run_reader(tmp_path / "d", "extract", str(tmp_path / name))
        assert done.returncode == 1, name
        assert done.stdout == ""
        assert done.stderr.startswith(f"reader: not an article page ({said}"), done.stderr
        assert len(done.stderr.splitlines()) == 1, done.stderr


def _bomb_stream() -> bytes:
    """A page's content stream inflating to 200 MB of spaces, made a megabyte at a time."""
    packer = zlib.compressobj(9)
    parts = [packer.compress(b"BT /F1 11 Tf 72 700 Td (")]
    parts += [packer.compress(b" " * 1_000_000) for _ in range(200)]
    parts.append(packer.compress(b") Tj ET") + packer.flush())
    return b"".join(parts)


def _with_stream(pdf: bytes, stream: bytes) -> bytes:
    """`pdf` (of one page, uncompressed) with its page's content stream replaced by `stream`,
    deflated."""
    return re.sub(
        rb"<< /Length \d+ >>\nstream\n.*?\nendstream",
        lambda _: (
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(stream), stream)
        ),
        pdf,
        count=1,
        flags=re.S,
    )


def test_a_feeds_pdf_is_synced_cached_and_read_offline(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A feed whose item links to a PDF: `reader sync` caches its text (also where an earlier
    reader had called that PDF no article page), `reader list` marks it
    readable offline (no ↗), and with the server gone `show` prints it and the reader opens it,
    its citation naming the report's author and date."""
    data_dir = tmp_path / "d"
    feed, link = serve_pdf_item(
        httpserver, "Inspectors' report", "/files/eastquay-report.pdf", _report()
    )
    assert run_reader(data_dir, "add", feed).returncode == 0
    # What a sync before PDFs were read remembered of the link: fetched again all the same.
    store = Store(data_dir)
    try:
        store.mark_not_an_article(
            link, "not an article page (application/pdf); open the original link in a browser"
        )
    finally:
        store.close()
    synced = run_reader(data_dir, "sync")
    assert synced.returncode == 0, synced.stderr
    (item,) = json.loads(run_reader(data_dir, "list", "--json").stdout)
    assert item["cached"] is True
    listed = run_reader(data_dir, "list").stdout
    assert "↗" not in listed
    httpserver.clear_all_handlers()  # the site gone (the server is the session's: not stopped)
    shown = run_reader(data_dir, "show", item["id"], "--offline")
    assert shown.returncode == 0, shown.stderr
    assert FINDINGS in shown.stdout and "Author: Harbour Safety Board" in shown.stdout
    cited = run_reader(
        data_dir, "show", item["id"], "--offline", "--format", "citation", "--style", "apa"
    )
    # A report's form, the title as a report's (acc35b F8), dated to the day as in every style.
    assert cited.stdout.startswith("Harbour Safety Board. (2026, November 3). Eastquay storm"), (
        cited.stdout
    )

    async def run() -> None:
        async with running(data_dir, (120, 40), prefetch=False) as (_app, pilot):
            body = await open_titled(pilot, "Inspectors")
            await until(pilot, lambda: "crane 4 had cracked" in body.text, "the report's text")
            assert "What the inspectors asked for" in body.text

    asyncio.run(run())


def test_a_table_of_contents_is_left_out_and_a_sentence_opening_with_its_word_kept() -> None:
    """Its page numbers mean nothing in the reader, nor its heading without it; a paragraph
    that opens with "Contents" is text."""
    lines = [
        Placed("Contents", 72, 760, 15, bold=True),
        Placed("1 Findings . . . . . . . . . . . . . . . . . . . . 2", 72, 740),
        Placed("2 Costs . . . . . . . . . . . . . . . . . . . . . . 3", 72, 726),
        Placed("Contents of the inspectors' report were shown to the harbour board on", 72, 690),
        Placed("Tuesday, a week before the report itself was published on the authority's", 72, 676),
        Placed("website, with its findings on the cranes and the costs of their repair.", 72, 662),
    ]  # fmt: skip
    article = extract_file(pdf_of_lines([lines]), "")
    texts = [b.text for b in article.blocks]
    assert texts == [
        "Contents of the inspectors' report were shown to the harbour board on Tuesday, a week "
        "before the report itself was published on the authority's website, with its findings "
        "on the cranes and the costs of their repair."
    ]
    # A line of text opening with the word, right above a contents' line, is no heading of it.
    lines = [
        Placed("Contents checked by the harbour board's own engineers in March 2026.", 72, 760),
        Placed("1 Findings . . . . . . . . . . . . . . . . . . . . 2", 72, 740),
        Placed("The inspectors found the boom of crane 4 cracked along an old weld, and the", 72, 700),
        Placed("crack grown in the storm until the boom could no longer carry a container.", 72, 686),
    ]  # fmt: skip
    texts = [b.text for b in extract_file(pdf_of_lines([lines]), "").blocks]
    assert texts[0] == "Contents checked by the harbour board's own engineers in March 2026."


def test_columns_the_file_gives_interleaved_are_read_one_after_the_other() -> None:
    """A page in two columns whose content stream gives each line of the left column and then
    the line beside it in the right one (as some layout programs write them): read column by
    column, not each left line run into the right one beside it."""
    left = [
        "The harbour board met on Tuesday to hear the inspectors,",
        "who had spent a month on the eastern quay and found the",
        "boom of crane 4 cracked along a weld made in the refit of",
        "2019, the crack grown in the storm of February.",
    ]
    right = [
        "The board's chair said the repairs would be paid for from",
        "the reserve for the eastern quay, and that the insurers had",
        "agreed to pay two thirds of the cost of a new boom for the",
        "crane, to be welded to the maker's current standard.",
    ]
    lines = [Placed("Eastquay: the board's hearing", 72, 760, 18, bold=True)]
    for n, (on_the_left, on_the_right) in enumerate(zip(left, right, strict=True)):
        lines += [
            Placed(on_the_left, 72, 700 - 14 * n, 9),
            Placed(on_the_right, 320, 700 - 14 * n, 9),
        ]
    article = extract_file(pdf_of_lines([lines]), "")
    assert article.title == "Eastquay: the board's hearing"
    assert [b.text for b in article.blocks] == [" ".join(left), " ".join(right)]
