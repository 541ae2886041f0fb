"""Links inside an exported book or page stay inside it (acc50e A3): a note's number leads to
its note in the chapter, and a link to another article of the book to that chapter, as the
reading view follows them offline; a link to an article the book doesn't hold still goes to the
web. Served on 127.0.0.1, synced, exported as EPUB and HTML, read back; the book checked by
epubcheck."""

from __future__ import annotations

import zipfile
from pathlib import Path

import lxml.etree as ET
import lxml.html
from pytest_httpserver import HTTPServer

from tests.cli_run import run_reader
from tests.served_feed import serve_stories
from tests.test_export_languages import _epubcheck

XHTML = "{http://www.w3.org/1999/xhtml}"
NOTES = (
    "<p>The dues rose by a tenth<sup id='r1'><a href='#fn1'>1</a></sup> this year, as the"
    " <a href='/story-8.html'>pier story</a> and <a href='/story-7.html'>the timetable</a>"
    " told, the council said<sup id='r2'><a href='#fn%202'>2</a></sup>.</p>"
    "<section class='footnotes'><ol><li id='fn1'>Compared with the dues of 2025."
    " <a href='#r1'>↩</a></li><li id='fn 2'>Minutes of the council's meeting of 3 December."
    " <a href='#r2'>↩</a></li></ol></section>"
)


def _synced(server: HTTPServer, data: Path) -> str:
    """A feed of three stories, the 9 o'clock one with notes and links to the others."""
    feed = serve_stories(
        server,
        "Coast Wire",
        [("Harbour dues rise", 9), ("Pier rebuilt", 8), ("Winter timetable", 7)],
        more={9: NOTES},
    )
    assert run_reader(data, "add", feed).returncode == 0
    synced = run_reader(data, "sync")
    assert synced.returncode == 0, synced.stderr
    return server.url_for("/story-7.html")


def _links(page: ET._Element, text: str) -> list[str]:
    return [a.get("href") for a in page.iter(f"{XHTML}a", "a") if (a.text or "") == text]


def test_notes_and_articles_of_the_book_are_linked_inside_it(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    timetable = _synced(httpserver, data)
    ids = run_reader(data, "list", "--ids").stdout.split()
    # The book holds the dues and the pier stories, not the timetable.
    chosen = [i for i in ids if "Winter" not in run_reader(data, "show", i).stdout[:200]]
    assert len(chosen) == 2
    book = tmp_path / "dues.epub"
    done = run_reader(data, "export", "--format", "epub", "-o", str(book), *chosen)
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(book) as opened:
        pages = {
            n.removeprefix("OEBPS/"): ET.fromstring(opened.read(n))
            for n in opened.namelist()
            if n.startswith("OEBPS/a0")
        }
    dues = next(p for p in pages.values() if b"dues rose" in ET.tostring(p))
    pier = next(name for name, p in pages.items() if p is not dues)
    note = dues.xpath("//*[@id][contains(., 'Compared with the dues')]", namespaces={})
    assert note, ET.tostring(dues)
    assert _links(dues, "¹") == [f"#{note[-1].get('id')}"]
    second = dues.xpath("//*[@id][contains(., 'Minutes of the council')]")
    assert _links(dues, "²") == [f"#{second[-1].get('id')}"]
    assert _links(dues, "pier story") == [pier]
    assert _links(dues, "the timetable") == [timetable]  # not in the book: the web
    _epubcheck(book)

    page = tmp_path / "dues.html"
    done = run_reader(data, "export", "--format", "html", "-o", str(page), *chosen)
    assert done.returncode == 0, done.stderr
    html = lxml.html.fromstring(page.read_text())
    articles = html.xpath("//article")
    dues_at = next(a for a in articles if "dues rose" in a.text_content())
    pier_at = next(a for a in articles if a is not dues_at)
    note = dues_at.xpath(".//*[@id][contains(., 'Compared with the dues')]")[-1]
    assert _links(dues_at, "¹") == [f"#{note.get('id')}"]
    assert _links(dues_at, "pier story") == [f"#{pier_at.get('id')}"]
    assert len(set(html.xpath("//@id"))) == len(html.xpath("//@id"))  # ids unique on the page
