"""The links a PDF carries as annotations (a rectangle drawn over "the full report", leading to
its address) are the article's links: on the words they cover, else listed after the text (a
link over a picture); only web and mail addresses, shown as untrusted text.

Real parts: PDFs written by the demo's writer with link annotations (`Placed(link=)`), read by
pypdf; a loopback server (pytest-httpserver), the reader's sync and its store on disk; the
reading view's link list driven by Pilot.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.demo.pdf_pages import Placed, pdf_of_lines
from reader.extract import extract_file
from reader.models import BlockKind
from tests.cli_run import run_reader
from tests.served_feed import serve_pdf_item
from tests.tui_pilot import open_titled, running, screen_text, until

REPORT = "https://port.example/eastquay-report.pdf"
PHOTOS = "https://port.example/photos/crane-4"


def _document() -> bytes:
    """A page whose first line links its last words (a run of their own, as a word processor
    sets a link), with a written address that is no annotation, a link over a picture, a
    script's, a file's and a mail address's."""
    lines = [
        Placed("The harbour board published the inspectors' findings on Tuesday; ", 72, 700),
        Placed("the full report", 387, 700, link=REPORT),
        Placed(" is", 470, 700),
        Placed("on its website, https://port.example/eastquay, with the photographs of the", 72, 686),
        Placed("cracked boom of crane 4 and of the weld. Questions go to the press office, and", 72, 672),
        Placed("the maps are kept by the authority's archive for anyone who asks to see them.", 72, 658),
        Placed("", 300, 400, link=PHOTOS),
        Placed("", 300, 300, link="javascript:alert(1)"),
        Placed("", 300, 250, link="file:///etc/passwd"),
        Placed("", 300, 200, link="mailto:press@port.example"),
        Placed("", 100, 200, link=REPORT),  # the same address again: listed once, if at all
    ]  # fmt: skip
    return pdf_of_lines([lines], title="Eastquay: the findings")


def test_a_links_annotation_is_a_link_on_its_words_and_the_rest_listed_after() -> None:
    article = extract_file(_document(), "")
    first = article.blocks[0]
    assert [(i.text, i.href) for i in first.inlines][:3] == [
        ("The harbour board published the inspectors' findings on Tuesday; ", None),
        ("the full report", REPORT),
        (" is on its website, ", None),
    ]
    # The written address is a link as before, the annotations' others listed after the text.
    assert ("https://port.example/eastquay", "https://port.example/eastquay") in [
        (i.text, i.href) for i in first.inlines
    ]
    listed = list(article.blocks[1:])
    assert [b.kind for b in listed] == [BlockKind.LIST_ITEM] * 2
    assert [(b.inlines[0].text, b.inlines[0].href) for b in listed] == [
        (PHOTOS, PHOTOS),
        ("press@port.example", "mailto:press@port.example"),
    ]
    assert listed[0].starts_list


def test_a_pdfs_links_are_synced_and_exported_and_listed_by_l(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """Synced from a feed's link, the PDF's links are in its Markdown offline and in the
    reading view's link list (`L`); the script's and the file's are nowhere."""
    data_dir = tmp_path / "d"
    feed, _ = serve_pdf_item(httpserver, "Inspectors' findings", "/files/findings.pdf", _document())
    assert run_reader(data_dir, "add", feed).returncode == 0
    assert run_reader(data_dir, "sync").returncode == 0
    (item,) = json.loads(run_reader(data_dir, "list", "--json").stdout)
    shown = run_reader(data_dir, "show", item["id"], "--offline", "--format", "markdown")
    assert shown.returncode == 0, shown.stderr
    assert f"[the full report](<{REPORT}>)" in shown.stdout
    assert f"- [{PHOTOS}](<{PHOTOS}>)" in shown.stdout
    assert "javascript" not in shown.stdout and "passwd" not in shown.stdout

    async def run() -> None:
        async with running(data_dir, (120, 40), prefetch=False) as (app, pilot):
            body = await open_titled(pilot, "Inspectors")
            await until(pilot, lambda: "full report" in body.text, "the findings' text")
            await pilot.press("L")
            await until(
                pilot,
                lambda: REPORT in screen_text(app) and PHOTOS in screen_text(app),
                "the link list with the PDF's links",
            )
            assert "javascript" not in screen_text(app)

    asyncio.run(run())
