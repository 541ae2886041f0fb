"""`reader export --format markdown|html|epub`: cached articles written to one file to read on
another device with no network (acc31c W6: there was no way but a shell loop to Markdown).
Read back as an e-reader and a browser would: the EPUB's zip, its package and every chapter
parsed as XML; the HTML parsed for what it would run or load."""

from __future__ import annotations

import fcntl
import io
import json
import os
import re
import stat
import threading
import zipfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import lxml.etree as ET
import lxml.html
import pytest
from pytest_httpserver import HTTPServer

from reader.article_books import Chapter, ChapterText, write_epub, write_html, write_markdown
from tests.cli_run import run_reader
from tests.conftest import sync_into
from tests.served_feed import serve_one_item, story_page
from tests.test_export_languages import _epubcheck

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def _cached(data: Path) -> list[dict]:
    return [h for h in json.loads(run_reader(data, "list", "--json").stdout) if h["cached"]]


def test_an_epub_of_every_cached_article_reads_as_a_book(synced_dir: Path, tmp_path: Path) -> None:
    book = tmp_path / "trip.epub"
    done = run_reader(synced_dir, "export", "--format", "epub", "-o", str(book))
    cached = _cached(synced_dir)
    assert done.returncode == 0, done.stderr
    assert f"{len(cached)} articles exported to {book} (epub)" in done.stderr
    # The demo's PDF link: no sync brings it (acc33a A15)
    assert "1 article not cached left out: 1 no article page (a PDF," in done.stderr
    with zipfile.ZipFile(book) as epub:
        first = epub.infolist()[0]
        assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
        assert epub.read("mimetype") == b"application/epub+zip"
        container = ET.fromstring(epub.read("META-INF/container.xml"))
        (root,) = [e.get("full-path") for e in container.iter() if e.get("full-path")]
        package = ET.fromstring(epub.read(root))
        manifest = {i.get("id"): i.get("href") for i in package.iter(f"{OPF}item")}
        spine = [i.get("idref") for i in package.iter(f"{OPF}itemref")]
        assert spine[0] == "nav" and len(spine) == len(cached) + 1
        titles = []
        for idref in spine[1:]:
            chapter = ET.fromstring(epub.read(f"OEBPS/{manifest[idref]}"))  # well-formed XML
            titles.append(next(chapter.iter(f"{XHTML}h1")).xpath("string()"))
            assert not list(chapter.iter(f"{XHTML}img", f"{XHTML}script"))
        nav = ET.fromstring(epub.read("OEBPS/nav.xhtml"))
        feeds = [s.text for s in nav.iter(f"{XHTML}span")]
        ET.fromstring(epub.read("OEBPS/toc.ncx"))
    assert sorted(titles) == sorted(h["title"] for h in cached)
    assert feeds == list(dict.fromkeys(h["feed_title"] for h in cached))  # newest first
    assert "Вечерний Вестник" in feeds


def test_articles_named_by_id_from_a_list_make_one_html_page(
    synced_dir: Path, tmp_path: Path
) -> None:
    listed = run_reader(synced_dir, "list", "--feed", "Northwind Tech Review", "--ids").stdout
    page = tmp_path / "northwind.html"
    done = run_reader(
        synced_dir, "export", "--format", "html", "-o", str(page), "-", stdin=listed.encode()
    )
    assert done.returncode == 0, done.stderr
    wanted = {h["title"] for h in _cached(synced_dir) if h["id"] in listed.split()}
    document = lxml.html.fromstring(page.read_bytes())
    shown = {a.xpath("string(.//h1)") for a in document.iter("article")}
    assert shown == wanted and len(wanted) == len(listed.split()) - 0
    policy = document.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'"]
    assert not document.xpath("//script | //img | //iframe")


def test_a_feed_and_dates_choose_the_articles_list_shows(synced_dir: Path) -> None:
    """The headlines are read as `reader list` reads them, one at a time: the same articles,
    in the same order, for a feed and from a date."""
    chosen = ("--feed", "Northwind Tech Review", "--since", "2000-01-01")
    listed = run_reader(synced_dir, "list", *chosen, "--json").stdout
    wanted = [h["title"] for h in json.loads(listed) if h["cached"]]
    done = run_reader(synced_dir, "export", "--format", "markdown", *chosen)
    assert done.returncode == 0, done.stderr
    # The first heading is the file's own title, over its contents.
    titles = [line[2:] for line in done.stdout.splitlines() if line.startswith("# ")][1:]
    assert titles == wanted and len(wanted) > 1


def test_the_progress_counts_the_articles_exported(
    synced_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The progress counts the articles, each run over them under its own name: one count over
    both runs read "exported: 152/152" for 76 articles (acc33a A2, acc33b B5)."""
    from reader.cli import export_articles, main

    told: dict[str, list[tuple[int, int]]] = {}

    def progress(doing: str, quiet: bool = False) -> tuple[Any, Any]:
        counts = told.setdefault(doing, [])
        return (lambda seen, total: counts.append((seen, total))), lambda: None

    monkeypatch.setattr(export_articles, "counted_progress", progress)
    cached = len(_cached(synced_dir))
    capsys.readouterr()
    assert main(["--data-dir", str(synced_dir), "export", "--format", "markdown"]) == 0
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"reader: {cached} articles exported")
    assert told["exporting"][-1] == (cached, cached)
    assert all(total == cached for _, total in told["exporting"])
    seen, total = told["reading the contents"][-1]  # every one chosen, the uncached too
    assert seen == total >= cached


def test_export_and_reextract_print_no_progress_into_a_pipe_or_a_log(synced_dir: Path) -> None:
    """Piped or logged (cron), no progress lines: the summary alone, and with -q nothing at all
    when all went well (acc38b K6: 22 lines of "exported: n/160" mailed every run)."""
    done = run_reader(synced_dir, "export", "--format", "markdown")
    assert done.returncode == 0 and len(done.stderr.splitlines()) == 1, done.stderr
    quiet = run_reader(synced_dir, "export", "--format", "markdown", "-q")
    assert (quiet.returncode, quiet.stderr) == (0, "") and quiet.stdout == done.stdout
    again = run_reader(synced_dir, "reextract", "--all", "-q")
    assert (again.returncode, again.stderr) == (0, ""), again.stderr


@pytest.mark.parametrize("form", ["epub", "html", "markdown"])
def test_each_chapter_is_read_as_it_is_written(form: str) -> None:
    """A year's book held every chapter's Markdown until it was written (756 MB for 51,550
    articles): each is read when its turn comes, after the one before is written."""
    happened: list[str] = []

    def read(n: int) -> str:
        happened.append(f"read {n}")
        return f"# Story {n}\n\nThe harbour board met on day {n}."

    def written(count: int) -> None:
        happened.append(f"written {count}")

    chapters = [
        Chapter(
            f"Feed {n % 2}",
            f"Story {n}",
            lambda n=n: ChapterText(read(n)),
            f"https://x.example/{n}",
        )
        for n in range(1, 5)
    ]
    into = io.BytesIO()
    if form == "epub":
        write_epub(chapters, "Book", datetime.now(UTC), into, written)
        with zipfile.ZipFile(into) as book:
            assert b"day 4." in book.read("OEBPS/a00004.xhtml")
    elif form == "html":
        write_html(chapters, "Book", into, written)
    else:
        write_markdown(chapters, "Book", into, written)
    # Grouped under their feeds: stories 1 and 3, then 2 and 4.
    assert happened == [
        "read 1", "written 1", "read 3", "written 2",
        "read 2", "written 3", "read 4", "written 4",
    ]  # fmt: skip
    assert form == "epub" or b"day 4." in into.getvalue()


def test_pictures_are_links_in_every_format(synced_dir: Path, tmp_path: Path) -> None:
    """A Markdown viewer loads a picture's `![…](…)` from the site: the files load nothing
    (acc32b B15), each picture a link saying what it shows."""
    done = run_reader(synced_dir, "export", "--format", "markdown")
    assert done.returncode == 0, done.stderr
    assert "![" not in done.stdout
    assert "[Image: Four tall cranes with their booms raised" in done.stdout


HOSTILE = (
    "<html><head><title>Pier \x1b]0;pwned\x07 plan &lt;script&gt;alert(1)&lt;/script&gt;</title>"
    "</head><body><article><h1>Pier \x1b]0;pwned\x07 plan &lt;script&gt;alert(1)&lt;/script&gt;</h1>"
    + "".join(
        f"<p>The harbour board met on day {n} and wrote &lt;img src=x onerror=alert(2)&gt; into"
        " its minutes, which the clerk read out twice to a hall that had come to hear about the"
        ' pier. <a href="javascript:alert(3)">Read the minutes</a> and'
        ' <a href="https://example.org/minutes">the real ones</a>.</p>'
        for n in range(6)
    )
    + "</article></body></html>"
)


def test_a_hostile_page_reaches_the_files_as_text(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/pier.html").respond_with_data(HOSTILE, content_type="text/html")
    link = httpserver.url_for("/pier.html")
    feed = serve_one_item(httpserver, "Gazette \x1b[2J", "Pier plan", link)
    data = tmp_path / "data"
    sync_into(data, [feed])
    for form in ("html", "epub", "markdown"):
        out = tmp_path / f"pier.{form}"
        done = run_reader(data, "export", "--format", form, "-o", str(out))
        assert done.returncode == 0, done.stderr
        if form == "epub":
            with zipfile.ZipFile(out) as epub:
                files = [epub.read("OEBPS/a00001.xhtml"), epub.read("OEBPS/nav.xhtml")]
            pages = [ET.fromstring(file) for file in files]
            text = b"".join(files).decode()
        else:
            text = out.read_text()
            pages = [lxml.html.fromstring(text)] if form == "html" else []
        assert "\x1b" not in text and "\x07" not in text
        assert "javascript:" not in text
        for page in pages:
            assert not page.xpath("//*[local-name()='script' or local-name()='img']")
            assert "<script>alert(1)</script>" in page.xpath("string()")  # words, as words
        if pages:  # the article's page (not the book's contents)
            assert "<img src=x onerror=alert(2)>" in pages[0].xpath("string()")
        assert "pwned" not in text  # the title's OSC sequence gone whole
        if form != "markdown":
            assert 'href="https://example.org/minutes"' in text


def test_nothing_cached_says_so(demo_server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    sync_into(data, demo_server.feed_urls[:1], articles=False)
    done = run_reader(data, "export", "--format", "epub", "-o", str(tmp_path / "x.epub"))
    assert done.returncode == 1
    chosen = len(run_reader(data, "list", "--ids").stdout.split())
    assert (
        done.stderr
        == f"reader: nothing to export: {chosen} articles chosen, none cached (`reader sync` first)\n"
    )
    # An empty list piped in (a search that found none) is no article, not every one.
    empty = run_reader(data, "export", "--format", "markdown", "-", stdin=b"")
    assert empty.returncode == 1 and empty.stdout == ""
    assert "nothing to export: no article is chosen so" in empty.stderr
    assert not (tmp_path / "x.epub").exists()


def test_opml_stays_the_default_and_refuses_choosing_articles(
    synced_dir: Path, tmp_path: Path
) -> None:
    printed = run_reader(synced_dir, "export")
    assert printed.returncode == 0 and printed.stdout.startswith("<?xml")
    written = run_reader(synced_dir, "export", "-o", str(tmp_path / "feeds.opml"))
    assert written.returncode == 0 and (tmp_path / "feeds.opml").read_text() == printed.stdout
    refused = run_reader(synced_dir, "export", "--saved")
    assert refused.returncode == 2
    assert (
        "--saved chooses articles: add --format markdown, text, html, epub or json"
        in refused.stderr
    )


def test_a_link_planted_where_the_file_is_written_is_not_followed(
    synced_dir: Path, tmp_path: Path
) -> None:
    """A fixed ".NAME.part" was opened through a link planted under that name: whoever could
    write the folder had the export overwrite any file of the user's (acc32b B13)."""
    shared, victim = tmp_path / "shared", tmp_path / "victim_rc"
    shared.mkdir()
    victim.write_text("the victim's own\n")
    for name in ("out.md", "feeds.opml"):
        (shared / f".{name}.part").symlink_to(victim)
    for args in (
        ("--format", "markdown", "-o", str(shared / "out.md")),
        ("-o", str(shared / "feeds.opml")),
    ):
        done = run_reader(synced_dir, "export", *args)
        assert done.returncode == 0, done.stderr
    assert victim.read_text() == "the victim's own\n"
    assert (shared / "out.md").read_text().startswith("# ")
    assert not (shared / "out.md").is_symlink()
    assert (shared / "out.md").stat().st_mode & 0o777 == 0o666 & ~_umask()
    assert sorted(p.name for p in shared.iterdir()) == [
        ".feeds.opml.part",
        ".out.md.part",
        "feeds.opml",
        "out.md",
    ]


def test_a_link_is_written_through_and_a_special_file_never_replaced(
    synced_dir: Path, tmp_path: Path
) -> None:
    """The export replaced a link to the e-reader's book, a pipe and a device with a plain file,
    and said it succeeded (acc50e A1): the link's target is written (the link kept), a pipe and
    a device written into, a folder refused in one line."""
    device, book = tmp_path / "device", tmp_path / "device" / "news.epub"
    device.mkdir()
    book.write_text("last week's book")
    link = tmp_path / "ereader.epub"
    link.symlink_to(book)
    done = run_reader(synced_dir, "export", "--format", "epub", "-o", str(link))
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and os.readlink(link) == str(book)
    assert zipfile.ZipFile(book).read("mimetype") == b"application/epub+zip"
    # The file written named, not the link's name alone (acc52b-2).
    assert f"exported to {book} through the link {link} (epub)" in done.stderr
    assert sorted(p.name for p in device.iterdir()) == ["news.epub"]  # no part left beside it
    # A link to a device (as /dev/stdout is): written into it, the link kept.
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    done = run_reader(synced_dir, "export", "-o", str(null))
    assert done.returncode == 0, done.stderr
    assert null.is_symlink()
    # A pipe another program reads: the export goes through it, the pipe kept.
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    read: list[bytes] = []
    reading = threading.Thread(target=lambda: read.append(fifo.read_bytes()))
    reading.start()
    done = run_reader(synced_dir, "export", "-o", str(fifo))
    reading.join()
    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert read[0].startswith(b"<?xml")
    refused = run_reader(synced_dir, "export", "-o", str(device))
    assert refused.returncode != 0
    assert refused.stderr.strip() == f"reader: cannot write {device}: Is a directory"


def test_another_users_link_is_never_written_through(synced_dir: Path, tmp_path: Path) -> None:
    """A student's link in the class's shared folder, named as the teacher's weekly export,
    had the export overwrite the teacher's ~/.bashrc, and say "exported to week50.html"
    (acc52b-2): a link another user owns is refused in one line, as the kernel's
    protected_symlinks refuses it in a sticky folder; the target is left as it was."""
    rc, link = tmp_path / "bashrc", tmp_path / "week50.html"
    rc.write_text("export PATH\n")
    link.symlink_to(rc)
    os.lchown(link, 65534, 65534)  # nobody's link (the tests run as root, as CI does)
    done = run_reader(synced_dir, "export", "--format", "html", "-o", str(link))
    assert done.returncode == 1
    assert done.stderr == (
        f"reader: cannot write {link}: it is a link of nobody's (to {rc}), not yours: a link of"
        " another user's is never written through; remove it, or name another file\n"
    )
    assert rc.read_text() == "export PATH\n"
    # Nor a folder on its way that is such a link (week51/ leading into the teacher's home).
    week = tmp_path / "week51"
    week.symlink_to(tmp_path)
    os.lchown(week, 65534, 65534)
    done = run_reader(synced_dir, "export", "--format", "html", "-o", str(week / "bashrc"))
    assert done.returncode == 1
    assert done.stderr.startswith(
        f"reader: cannot write {week}/bashrc: {week} is a link of nobody's"
    )
    assert rc.read_text() == "export PATH\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


def test_a_file_exported_again_keeps_its_mode_and_group(synced_dir: Path, tmp_path: Path) -> None:
    """The weekly export replaced the pack's mode with the umask's: a pack closed to the class
    (0640) became every account's to read (acc52b-6). As `cp` does, the file it replaces keeps
    its mode and group; a new one has the umask's."""
    pack = tmp_path / "week49.html"
    pack.write_text("last week's")
    pack.chmod(0o640)
    os.chown(pack, -1, 65534)  # the class's group (root may give any)
    done = run_reader(synced_dir, "export", "--format", "html", "-o", str(pack))
    assert done.returncode == 0, done.stderr
    assert pack.read_text().startswith("<!DOCTYPE html>")
    assert stat.S_IMODE(pack.stat().st_mode) == 0o640 and pack.stat().st_gid == 65534
    fresh = tmp_path / "week50.html"
    assert run_reader(synced_dir, "export", "--format", "html", "-o", str(fresh)).returncode == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~_umask()


def test_a_book_names_its_feeds_its_day_and_what_was_chosen(
    synced_dir: Path, tmp_path: Path
) -> None:
    """An e-reader listed each book by "Unknown author", and every export of a day under the
    same title, whatever it held (acc50e A6)."""
    book = tmp_path / "unread.epub"
    done = run_reader(synced_dir, "export", "--format", "epub", "--unread", "-o", str(book))
    assert done.returncode == 0, done.stderr
    opf = ET.fromstring(zipfile.ZipFile(book).read("OEBPS/content.opf"))
    dc = "{http://purl.org/dc/elements/1.1/}"
    title = opf.findtext(f".//{dc}title")
    assert re.fullmatch(r"Unread articles, \d{4}-\d\d-\d\d \d\d:\d\d", title), title
    feeds = list(dict.fromkeys(h["feed_title"] for h in _cached(synced_dir)))
    more = f" and {len(feeds) - 3} more" if len(feeds) > 3 else ""
    assert opf.findtext(f".//{dc}creator") == ", ".join(feeds[:3]) + more
    assert opf.findtext(f".//{dc}date") == opf.findtext(f".//{OPF}meta")
    since = run_reader(
        synced_dir, "export", "--format", "epub", "--since", "2026-01", "-o", str(book)
    )
    assert since.returncode == 0, since.stderr
    opf = ET.fromstring(zipfile.ZipFile(book).read("OEBPS/content.opf"))
    assert opf.findtext(f".//{dc}title").startswith("Articles since 2026-01, ")


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_what_a_sync_would_not_bring_is_named_not_sent_to_sync(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """acc33a A15: a page taken down, a feed's link and a link held were all "not cached left
    out (`reader sync` first)", though no sync brings them: the hint only for what one does."""
    pages = {"story": 200, "gone": 404, "busy": 403}
    for name, status in pages.items():
        httpserver.expect_request(f"/{name}.html").respond_with_data(
            story_page(name.title()), status=status, content_type="text/html"
        )
    httpserver.expect_request("/other.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Other</title></channel></rss>',
        content_type="application/rss+xml",
    )
    links = [httpserver.url_for(f"/{name}.html") for name in pages]
    links.append(httpserver.url_for("/other.xml"))
    items = "".join(
        f"<item><title>Item {n}</title><link>{link}</link><guid>{link}</guid></item>"
        for n, link in enumerate(links)
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    data = tmp_path / "data"
    sync_into(data, [httpserver.url_for("/feed.xml")])
    listed = tmp_path / "links.txt"
    listed.write_text(httpserver.url_for("/held.html") + "\n", encoding="utf-8")
    assert run_reader(data, "import", "--saved", str(listed)).returncode == 0
    done = run_reader(data, "export", "--format", "markdown", "-o", str(tmp_path / "all.md"))
    assert done.returncode == 0, done.stderr
    assert done.stderr.endswith(
        "1 article exported to {} (markdown); 3 articles not cached left out: 1 not fetched"
        " yet (`reader sync` first), 1 taken down (404, 410), 1 no article page (a PDF, a"
        " feed, another file)\n".format(tmp_path / "all.md")
    )
    none = run_reader(data, "export", "--saved", "--format", "markdown")
    assert none.returncode == 1
    assert none.stderr == (
        "reader: nothing to export: 1 article chosen, none cached: 1 to this computer or its"
        " network (fetched when opened)\n"
    )


def test_parts_an_export_killed_midway_left_are_swept_by_the_next(
    synced_dir: Path, tmp_path: Path
) -> None:
    """acc33b B8: a kill -9 left `.NAME.xxxxxxxx.part` (2 MB, hidden) and every later export to
    the name left it there. Swept by the next: only a part of that name, nothing another
    export is writing (locked, or just made: empty), no link followed, no other user's name;
    one killed a moment before is swept too (written under 10 s before, it was left)."""
    shared, victim = tmp_path / "shared", tmp_path / "victim_rc"
    shared.mkdir()
    victim.write_text("the victim's own\n")
    an_hour_ago = datetime.now().timestamp() - 3600

    def part(name: str, old: bool = True, written: bytes = b"PK half a book") -> Path:
        made = shared / name
        made.write_bytes(written)
        if old:
            os.utime(made, (an_hour_ago, an_hour_ago))
        return made

    killed = [part(".out.epub.ab3_xyz9.part"), part(".out.epub.qq00ww11.part")]
    killed.append(part(".out.epub.just_now.part", old=False))  # killed a moment ago
    killed.append(part(".out.epub.empty_00.part", written=b""))  # killed before its lock
    writing = part(".out.epub.locked00.part")  # another export writing it now
    just_made = part(".out.epub.justmade.part", old=False, written=b"")  # not locked yet
    others = [part(".other.epub.ab3_xyz9.part"), part(".out.epub.part"), part("out.epub.part")]
    link = shared / ".out.epub.linked00.part"
    link.symlink_to(victim)
    os.utime(link, (an_hour_ago, an_hour_ago), follow_symlinks=False)
    with open(writing, "rb") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        book = shared / "out.epub"
        done = run_reader(synced_dir, "export", "--format", "epub", "-o", str(book))
        assert done.returncode == 0, done.stderr
    assert not any(p.exists() for p in killed)
    assert writing.exists() and just_made.exists() and all(p.exists() for p in others)
    assert link.is_symlink() and victim.read_text() == "the victim's own\n"
    assert zipfile.is_zipfile(book)
    assert len(list(shared.iterdir())) == 7  # the book, and what was not to be swept


def test_not_exported_leaves_out_what_an_earlier_export_took(
    synced_dir: Path, tmp_path: Path
) -> None:
    """Each week's book repeated every article still unread (acc50e A6): the reader notes
    what went into a file, and `--not-exported` takes only the others."""
    cached = _cached(synced_dir)
    northwind = [h for h in cached if h["feed_title"] == "Northwind Tech Review"]
    first = run_reader(
        synced_dir, "export", "--format", "markdown", "--feed", "Northwind Tech Review"
    )
    assert first.returncode == 0, first.stderr
    # A script's JSON is no book: it notes nothing.
    assert run_reader(synced_dir, "export", "--format", "json").returncode == 0
    book = tmp_path / "week.epub"
    week = run_reader(synced_dir, "export", "--format", "epub", "--not-exported", "-o", str(book))
    assert week.returncode == 0, week.stderr
    count = len(cached) - len(northwind)
    assert f"{count} articles exported to {book} (epub)" in week.stderr
    assert f"; {len(northwind)} articles exported before left out" in week.stderr
    opf = ET.fromstring(zipfile.ZipFile(book).read("OEBPS/content.opf"))
    title = opf.findtext(".//{http://purl.org/dc/elements/1.1/}title")
    assert title.startswith("Articles, not exported before, ")
    noted = {h["title"]: h["exported_at"] for h in _cached(synced_dir)}
    assert all(noted[h["title"]] for h in cached)  # each noted, once its file was written
    again = run_reader(synced_dir, "export", "--format", "html", "--not-exported")
    assert again.returncode != 0
    said = f"reader: nothing to export: {len(cached)} articles chosen exported before; 1 article"
    assert again.stderr.startswith(f"{said} chosen not cached: 1 no article page (a PDF,")
    assert run_reader(synced_dir, "export", "--format", "html").stdout.count("<article") == len(
        cached
    )


def test_a_markdown_file_opens_on_its_contents_linking_each_article(synced_dir: Path) -> None:
    """The HTML page and the book open on their contents; the Markdown file started on its
    first article (acc50e A8). Its links lead to each article's heading as a viewer names it
    (markdown-it's anchors, GitHub's way), a title met before as a heading counted."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.anchors import anchors_plugin

    done = run_reader(synced_dir, "export", "--format", "markdown", "--title", "Trip")
    assert done.returncode == 0, done.stderr
    viewer = MarkdownIt("commonmark").use(anchors_plugin, max_level=6)
    page = lxml.html.fromstring(viewer.render(done.stdout))
    contents = page.xpath("//ul")[0]
    feeds = [li.text.strip() for li in contents.xpath("./li")]
    cached = _cached(synced_dir)
    assert feeds == list(dict.fromkeys(h["feed_title"] for h in cached))
    links = contents.xpath(".//a")
    assert len(links) == len(cached)
    for link in links:
        (heading,) = page.xpath(f'//h1[@id="{unquote(link.get("href"))[1:]}"]')
        assert heading.text_content() == link.text_content()
    chapters = [
        Chapter("Harbour", "Ferry", lambda: ChapterText("# Ferry\n\n## Ferry\n\nText."), "u:1"),
        Chapter("Harbour", "Ferry!", lambda: ChapterText("# Ferry!\n\nMore."), "u:2"),
    ]
    into = io.BytesIO()
    write_markdown(chapters, "Ferry", into)
    shown = lxml.html.fromstring(viewer.render(into.getvalue().decode()))
    targets = [a.get("href") for a in shown.xpath("//ul//a")]
    assert targets == ["#ferry-1", "#ferry-3"]
    assert [h.text for h in shown.xpath(f"//*[@id='{targets[1][1:]}']")] == ["Ferry!"]


def test_a_book_says_what_it_holds_from_which_feeds_and_days(
    synced_dir: Path, tmp_path: Path
) -> None:
    """Every book was "Articles, <day>" and nothing more (acc50e A6): its first page and its
    description say how many articles, from how many feeds, published from when to when."""
    cached = _cached(synced_dir)
    days = sorted(h["published"][:10] for h in cached if h["published"])
    feeds = {h["feed_title"] for h in cached}
    said = f"{len(cached)} articles from {len(feeds)} feeds, published {days[0]} to {days[-1]}"
    book = tmp_path / "all.epub"
    assert run_reader(synced_dir, "export", "--format", "epub", "-o", str(book)).returncode == 0
    with zipfile.ZipFile(book) as epub:
        opf = ET.fromstring(epub.read("OEBPS/content.opf"))
        nav = ET.fromstring(epub.read("OEBPS/nav.xhtml"))
    assert opf.findtext(".//{http://purl.org/dc/elements/1.1/}description") == said
    assert next(nav.iter(f"{XHTML}p")).text == said
    page = run_reader(synced_dir, "export", "--format", "html").stdout
    assert lxml.html.fromstring(page).xpath("string(//nav/p)") == said
    markdown = run_reader(synced_dir, "export", "--format", "markdown").stdout
    assert markdown.splitlines()[2] == said
    _epubcheck(book)
