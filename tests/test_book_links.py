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


PARTS = (
    "<p>See <a href='#fig1'>figure 1</a>, <a href='#tide'>the tides</a> and"
    " <a href='#gone-widget'>the live map</a>.</p>"
    "<h2 id='tide'>Part one: the tide tables</h2><p>The tables were printed weekly for a"
    " century, pinned to the harbour office door each Monday morning.</p>"
    "<h2>Part two: the <em>new</em> pier</h2><p>The new pier opened in the spring, longer"
    " than the old one by a third, with a shelter for the ferry's passengers.</p>"
    "<figure id='fig1'><img src='/pier.png' alt='The pier at dawn'>"
    "<figcaption>Figure 1: the pier at dawn</figcaption></figure>"
)


def _long_read_exported(httpserver: HTTPServer, tmp_path: Path, form: str) -> Path:
    """The file `reader export --format FORM` writes of a feed's one long read, in parts."""
    data = tmp_path / "data"
    feed = serve_stories(httpserver, "Coast Wire", [("Harbour history", 9)], more={9: PARTS})
    assert run_reader(data, "add", feed).returncode == 0
    assert run_reader(data, "sync", "--no-pictures").returncode == 0
    written = tmp_path / f"history.{form}"
    done = run_reader(data, "export", "--format", form, "-o", str(written))
    assert done.returncode == 0, done.stderr
    return written


def test_a_long_reads_parts_are_in_the_contents_and_its_figure_linked_inside(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A long read's parts were not in the book's contents, and a link to its figure, or to a
    place no kept text holds, went to the web (acc50e A8): its parts are listed under it in
    both tables of contents, the figure is linked, and a place the book lost leads to the
    article's start."""
    book = _long_read_exported(httpserver, tmp_path, "epub")
    with zipfile.ZipFile(book) as opened:
        (name,) = [n for n in opened.namelist() if n.startswith("OEBPS/a0")]
        name = name.removeprefix("OEBPS/")
        chapter = ET.fromstring(opened.read(f"OEBPS/{name}"))
        nav = ET.fromstring(opened.read("OEBPS/nav.xhtml"))
        ncx = ET.fromstring(opened.read("OEBPS/toc.ncx"))
    (article,) = nav.xpath("//x:li[x:a='Harbour history']", namespaces={"x": XHTML[1:-1]})
    parts = [(a.text, a.get("href")) for a in article.iter(f"{XHTML}a")][1:]
    assert [words for words, _ in parts] == ["Part one: the tide tables", "Part two: the new pier"]
    for words, href in parts:
        page, _, own = href.partition("#")
        assert page == name
        assert chapter.xpath(f"string(//*[@id='{own}'])") == words
    ncx_ns = {"n": "http://www.daisy.org/z3986/2005/ncx/"}
    sources = ncx.xpath("//n:navPoint/n:navPoint/n:navPoint/n:content/@src", namespaces=ncx_ns)
    assert sources == [href for _, href in parts]
    orders = [int(o) for o in ncx.xpath("//n:navPoint/@playOrder", namespaces=ncx_ns)]
    assert orders == [1, 1, 2, 3]
    figure = chapter.xpath("//*[@id][contains(., 'Image')]")  # its alt said by its caption
    assert _links(chapter, "figure 1") == [f"#{figure[-1].get('id')}"]
    assert _links(chapter, "the tides") == ["#" + parts[0][1].partition("#")[2]]
    assert _links(chapter, "the live map") == [name]  # no kept text holds it: the start
    _epubcheck(book)


def test_a_long_reads_parts_are_in_the_html_pages_contents_too(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """The HTML page's contents listed the articles alone, the book's their parts too since
    acc50e A8: the page's contents list them as the book's do, each linking to its heading."""
    page = _long_read_exported(httpserver, tmp_path, "html")
    document = lxml.html.fromstring(page.read_bytes())
    (nav,) = document.iter("nav")
    (article,) = nav.xpath("//li[a='Harbour history']")
    links = [(a.text, a.get("href")) for a in article.iter("a")]
    assert links[0] == ("Harbour history", "#a1")
    assert [words for words, _ in links[1:]] == [
        "Part one: the tide tables",
        "Part two: the new pier",
    ]
    for words, href in links[1:]:
        (heading,) = document.xpath(f"//article[@id='a1']//*[@id='{href[1:]}']")
        assert heading.text_content() == words
