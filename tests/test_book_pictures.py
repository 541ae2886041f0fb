"""The pictures of an EPUB export are those an e-reader shows (acc50e A2): a page's `<picture>`
offering AVIF and WebP before its JPEG is kept and shown in the book as the JPEG; a picture the
page offered only as WebP or AVIF, which EPUB's core types leave out and EPUBCheck fails with
no fallback, stays a link to the site, its caption kept. Served on 127.0.0.1, synced, exported,
the book read back and checked by epubcheck."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pytest_httpserver import HTTPServer

from tests.cli_run import run_reader
from tests.picture_bytes import avif, jpeg, webp
from tests.served_feed import serve_one_item
from tests.test_export_languages import _epubcheck

TITLE = "Harbour wall cracks after the storm"
SENTENCES = (
    "The harbour wall cracked overnight after the storm, the inspector said on Monday morning.",
    "Repairs will take three weeks and the ferry will use the north quay meanwhile, the council "
    "said, asking passengers to check the timetable before travelling this week.",
    "The inspector's report, published in full on the council's site, lists the stones to be "
    "replaced and the date the quay should open again if the weather holds.",
)


def _page() -> str:
    figures = (
        '<figure><picture><source type="image/avif" srcset="/a.avif 1x">'
        '<source type="image/webp" srcset="/a.webp 1x"><img src="/a.jpg" alt="The cracked wall">'
        "</picture><figcaption>The cracked wall.</figcaption></figure>",
        '<figure><img src="/only.webp" alt="The north quay"><figcaption>The north quay at '
        "dawn.</figcaption></figure>",
        '<figure><img src="/only.avif" alt="The inspector"><figcaption>The inspector on the '
        "quay.</figcaption></figure>",
    )
    body = "".join(f"<p>{s}</p>{f}" for s, f in zip(SENTENCES, figures, strict=True))
    return (
        f"<html><head><title>{TITLE}</title></head><body><article><h1>{TITLE}</h1>{body}"
        f"<p>{SENTENCES[0]}</p></article></body></html>"
    )


def test_a_book_shows_a_pictures_jpeg_and_links_one_offered_only_as_webp_or_avif(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    link = httpserver.url_for("/story.html")
    feed = serve_one_item(httpserver, "Coast Wire", TITLE, link)
    httpserver.expect_request("/story.html").respond_with_data(_page(), content_type="text/html")
    served = {
        "/a.jpg": (jpeg(), "image/jpeg"),
        "/a.webp": (webp(), "image/webp"),
        "/a.avif": (avif(), "image/avif"),
        "/only.webp": (webp(), "image/webp"),
        "/only.avif": (avif(), "image/avif"),
    }
    for path, (body, kind) in served.items():
        httpserver.expect_request(path).respond_with_data(body, content_type=kind)
    data = tmp_path / "data"
    assert run_reader(data, "add", feed).returncode == 0
    synced = run_reader(data, "sync")
    assert synced.returncode == 0, synced.stderr
    book = tmp_path / "harbour.epub"
    done = run_reader(data, "export", "--format", "epub", "-o", str(book))
    assert done.returncode == 0, done.stderr
    with zipfile.ZipFile(book) as opened:
        files = [n for n in opened.namelist() if n.startswith("OEBPS/pictures/")]
        assert [opened.read(n) for n in files] == [jpeg()]
        opf = opened.read("OEBPS/content.opf").decode()
        chapter = opened.read("OEBPS/a00001.xhtml").decode()
    assert "image/webp" not in opf and "image/avif" not in opf
    shown = files[0].removeprefix("OEBPS/")
    assert f'<img class="picture" src="{shown}"' in chapter
    for path in ("/only.webp", "/only.avif"):
        assert f'<a href="{httpserver.url_for(path)}">Image</a>' in chapter
    assert "The north quay at dawn." in chapter and "The inspector on the quay." in chapter
    _epubcheck(book)
