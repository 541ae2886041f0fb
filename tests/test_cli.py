"""The real `reader` command, run as a user runs it, against the demo site on loopback."""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from reader.cli.demo import subscribe_to_demo
from reader.demo.content import boilerplate_phrases, load_articles
from reader.demo.server import DEMO_PORT, DemoServer, start_demo_server
from reader.library import Library
from tests.cli_run import library_home, run_reader
from tests.pty_reader import sized

SUBCOMMANDS = [
    "add",
    "remove",
    "feeds",
    "sync",
    "list",
    "show",
    "extract",
    "demo",
    "save",
    "unsave",
    "archive",
    "unarchive",
    "forget",
    "highlights",
    "cache",
    "config",
    "repair",
    "reextract",
    "mark-read",
    "mark-unread",
    "rename",
    "diff",
    "tag",
    "untag",
]


def reader(
    data_dir: Path, *args: str, stdin: bytes | None = None
) -> subprocess.CompletedProcess[str]:
    return run_reader(data_dir, *args, stdin=stdin)


def test_version_and_help_on_every_subcommand(data_dir: Path) -> None:
    result = reader(data_dir, "--version")
    assert result.returncode == 0 and result.stdout.startswith("reader ")
    # The data format written and the extractor's version beside the release (acc38b K2).
    assert re.fullmatch(r"reader \S+ \(data format \d+, extractor \d+\)\n", result.stdout)
    for command in SUBCOMMANDS:
        result = reader(data_dir, command, "--help")
        assert result.returncode == 0, command
        assert f"usage: reader {command}" in result.stdout


def test_output_into_a_closed_pipe_ends_quietly(synced_dir: Path) -> None:
    """`reader list | head -1`: no "Broken pipe" on stderr, status 141 as for `cat` (128 + SIGPIPE)."""
    first = json.loads(reader(synced_dir, "list", "--json").stdout)[0]["id"]
    env = {**os.environ, "READER_HOME": str(synced_dir), "PYTHONIOENCODING": "utf-8"}
    for command in (["list"], ["list", "--json"], ["export"], ["feeds"], ["show", first]):
        read_end, write_end = os.pipe()
        os.close(read_end)  # whoever read the output is gone before the first line is written
        try:
            result = subprocess.run(
                [sys.executable, "-m", "reader", *command],
                stdout=write_end,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                timeout=120,
            )
        finally:
            os.close(write_end)
        assert (result.returncode, result.stderr) == (141, ""), command


def test_help_and_version_onto_a_full_disk_say_so_and_fail(tmp_path: Path) -> None:
    """`reader --version > /dev/full` ended in a traceback, `reader --help > /dev/full` in
    nothing and 0, the help lost (argparse drops a write that fails): one line and 1, as any
    command's output onto a full disk (acc43b B8)."""
    env = {**os.environ, "READER_HOME": str(tmp_path), "PYTHONIOENCODING": "utf-8"}
    for asked in (["--version"], ["--help"], ["sync", "--help"]):
        with open("/dev/full", "w") as full:
            result = subprocess.run(
                [sys.executable, "-m", "reader", *asked],
                stdout=full,
                stderr=subprocess.PIPE,
                text=True,
                env=env,
                timeout=120,
            )
        assert (result.returncode, result.stderr) == (
            1,
            "reader: No space left on device\n",
        ), asked


def test_data_dir_and_config_go_before_or_after_the_command(tmp_path: Path) -> None:
    """`reader list --data-dir D` as `reader --data-dir D list`; after the command, it wins."""
    home, before, after = tmp_path / "home", tmp_path / "before", tmp_path / "after"
    assert reader(home, "config", "--path", "--data-dir", str(after)).stdout.strip() == str(
        after / "config.toml"
    )
    library_home(after)  # a library (one not there, or empty, is refused: test_scripting)
    result = reader(home, "--data-dir", str(before), "list", "--data-dir", str(after))
    assert result.returncode == 0 and (after / "state").exists() and not before.exists()
    own = tmp_path / "own.toml"
    assert reader(home, "config", "--path", "--config", str(own)).stdout.strip() == str(own)


def test_cache_options_without_prune_are_a_usage_error(data_dir: Path) -> None:
    result = reader(data_dir, "cache", "--older-than", "3d")
    assert result.returncode == 2 and "go with prune" in result.stderr


def test_bad_usage_exits_2(data_dir: Path) -> None:
    assert reader(data_dir, "show").returncode == 2
    assert reader(data_dir, "list", "--bogus").returncode == 2
    assert reader(data_dir, "show", "x", "--format", "pdf").returncode == 2


def test_add_sync_list_then_show_offline(tmp_path: Path) -> None:
    """The issue's walk-through: add, sync, list --json, stop the server, show --offline."""
    data = tmp_path / "home"
    server: DemoServer = start_demo_server()
    try:
        gazette = server.feed_urls[0]
        added = reader(data, "add", gazette)
        assert added.returncode == 0, added.stderr
        assert "subscribed" in added.stdout
        synced = reader(data, "sync")
        assert synced.returncode == 0, synced.stderr
        assert "articles cached for offline" in synced.stderr
        listed = json.loads(reader(data, "list", "--json").stdout)
    finally:
        server.stop()
    assert listed and {"id", "feed", "title", "link", "published", "read", "cached"} <= set(
        listed[0]
    )
    dates = [item["published"] for item in listed]
    assert dates == sorted(dates, reverse=True)
    by_url = {server.base_url + a.path: a for a in load_articles()}
    item = next(i for i in listed if i["cached"] and i["link"] in by_url)
    article = by_url[item["link"]]
    shown = reader(data, "show", item["id"], "--offline")
    assert shown.returncode == 0, shown.stderr
    assert article.paragraphs[0].split()[0] in shown.stdout
    assert " ".join(article.paragraphs[-1].split()) in " ".join(shown.stdout.split())
    for phrase in boilerplate_phrases(article):
        assert phrase not in shown.stdout


def test_show_of_something_neither_an_id_nor_a_web_address_says_which(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for address in ("ftp://x/y", "file:///etc/passwd", "http://", "http://[::1"):
        result = reader(home, "show", address)
        assert (result.returncode, result.stderr) == (1, f"reader: not an http(s) URL: {address}\n")
    result = reader(home, "show", "abc")
    assert result.stderr == "reader: no article with id 'abc' (see `reader list`)\n"
    # An address written without its scheme, as a browser's bar takes it: the line says so,
    # with the address it is short for ("no article with id 'www.example.org/…'" before).
    # (`reader add` takes it as meant, and says so: test_typed_address.)
    for command, address, meant in (
        ("show", "www.example.org/news/story", "https://www.example.org/news/story"),
        ("show", "www.example.org", "https://www.example.org"),
    ):
        result = reader(home, command, address)
        assert (result.returncode, result.stderr) == (
            1,
            f"reader: not an http(s) URL: {address} (did you mean {meant}?)\n",
        )
    # A file's name is as much a host's: no address made up for it.
    result = reader(home, "show", "story.html")
    assert result.stderr == "reader: no article with id 'story.html' (see `reader list`)\n"
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a directory")
    result = reader(a_file, "list")
    assert result.returncode == 1
    assert result.stderr == f"reader: the data directory {a_file} is a file, not a directory\n"
    assert a_file.read_text() == "not a directory"


def test_show_offline_uncached_says_so(tmp_path: Path, demo_server: DemoServer) -> None:
    data = tmp_path / "home"
    assert reader(data, "add", demo_server.feed_urls[1]).returncode == 0
    item = json.loads(reader(data, "list", "--json").stdout)[0]
    assert item["cached"] is False
    result = reader(data, "show", item["id"], "--offline")
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1
    assert "not available offline" in result.stderr
    # What the feed carried of it is shown meanwhile (the demo's items have a summary).
    assert "Note: this is the text the feed carried, not the page's" in result.stdout
    assert item["title"] in result.stdout


def test_show_fetches_and_formats(tmp_path: Path, demo_server: DemoServer) -> None:
    data = tmp_path / "home"
    article = next(a for a in load_articles() if a.site == "northwind")
    url = demo_server.base_url + article.path
    before = datetime.now(UTC).replace(microsecond=0)
    as_json = json.loads(reader(data, "show", url, "--format", "json").stdout)
    after = datetime.now(UTC)
    assert as_json["title"] == article.title and article.author in as_json["author"]
    assert as_json["published"] == article.published.isoformat()
    assert article.paragraphs[0][:40] in as_json["text"]
    markdown = reader(
        data, "show", url, "--format", "markdown", "--offline"
    )  # cached by the first show
    assert markdown.returncode == 0 and markdown.stdout.startswith("# ")
    # The citation says when this copy was taken, read back offline: the copy's time, not now.
    retrieved = re.search(r"^Retrieved: (\S+)  $", markdown.stdout, re.MULTILINE)
    assert retrieved and before <= datetime.fromisoformat(retrieved[1]) <= after
    assert markdown.stdout.index("URL: ") < retrieved.start()


def test_list_filters_and_feeds_json(synced_dir: Path, demo_server: DemoServer) -> None:
    feeds = json.loads(reader(synced_dir, "feeds", "--json").stdout)
    assert [f["url"] for f in feeds] == demo_server.feed_urls
    assert all(f["last_success"] and f["last_error"] is None for f in feeds)
    one = json.loads(
        reader(synced_dir, "list", "--feed", demo_server.feed_urls[2], "--json").stdout
    )
    assert one and {i["feed"] for i in one} == {demo_server.feed_urls[2]}
    assert reader(synced_dir, "list", "--feed", "http://127.0.0.1:1/nope.xml").returncode == 1
    # A feed is named by its title too, as the feed list shows it (case and spaces aside).
    title = feeds[2]["title"]
    by_title = reader(synced_dir, "list", "--feed", f" {title.upper()} ", "--json")
    assert by_title.returncode == 0 and json.loads(by_title.stdout) == one
    assert reader(synced_dir, "list", "--feed", title[:-1]).returncode == 1  # not a prefix
    text = reader(synced_dir, "list").stdout
    assert one[0]["id"] in text and one[0]["title"] in text


def test_remove_and_bad_urls(synced_dir: Path, demo_server: DemoServer) -> None:
    assert reader(synced_dir, "remove", demo_server.feed_urls[0]).returncode == 0
    remaining = json.loads(reader(synced_dir, "feeds", "--json").stdout)
    assert demo_server.feed_urls[0] not in [f["url"] for f in remaining]
    again = reader(synced_dir, "remove", demo_server.feed_urls[0])
    assert again.returncode == 1 and "not subscribed" in again.stderr
    bad = reader(synced_dir, "add", "file:///etc/passwd")
    assert bad.returncode == 2 and "not a web address" in bad.stderr


def test_sync_names_failures_and_exits_1(tmp_path: Path, httpserver) -> None:
    data = tmp_path / "home"
    httpserver.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Wobbly</title>'
        f"<item><title>Gone story</title><link>{httpserver.url_for('/gone.html')}</link></item>"
        "</channel></rss>"
    )
    httpserver.expect_request("/gone.html").respond_with_data("gone", status=404)
    reader(data, "add", httpserver.url_for("/feed.xml"))
    reader(data, "add", "--keep", "http://127.0.0.1:9/dead.xml")  # kept though nothing answers
    result = reader(data, "sync")
    assert result.returncode == 1
    assert "feed failed: http://127.0.0.1:9/dead.xml: cannot connect" in result.stderr
    # A story taken down is named, but it is an answer, not a failure: the dead feed is.
    assert "taken down: Gone story" in result.stderr and "404" in result.stderr
    assert "article failed" not in result.stderr and "0 failed, 1 taken down" in result.stderr
    assert "Traceback" not in result.stderr


def test_extract_file_and_stdin(tmp_path: Path, demo_server: DemoServer) -> None:
    import urllib.request

    article = next(a for a in load_articles() if a.charset != "utf-8")
    page = urllib.request.urlopen(demo_server.base_url + article.path).read()
    path = tmp_path / "page.html"
    path.write_bytes(page)
    from_file = reader(tmp_path, "extract", str(path), "--url", demo_server.base_url + article.path)
    assert from_file.returncode == 0 and article.title in from_file.stdout
    # A file has no retrieval time to cite: not the time it was extracted.
    assert "Retrieved:" not in from_file.stdout and "URL: " in from_file.stdout
    from_stdin = json.loads(
        subprocess.run(
            [sys.executable, "-m", "reader", "extract", "-", "--format", "json"],
            input=page,
            capture_output=True,
            env={**os.environ, "READER_HOME": str(tmp_path)},
        ).stdout
    )
    assert from_stdin["title"] == article.title and from_stdin["fetched_at"] is None
    huge = tmp_path / "huge.html"
    huge.write_bytes(b"<p>" + b"a" * (10 * 1024 * 1024) + b"</p>")
    too_big = reader(tmp_path, "extract", str(huge))
    assert too_big.returncode == 1 and too_big.stdout == ""
    assert too_big.stderr == (
        f"reader: {huge} is over 10 MB: more than reader reads of a page (a fetch stops there too)\n"
    )
    missing = reader(tmp_path, "extract", str(tmp_path / "nope.html"))
    assert missing.returncode == 1 and "cannot read" in missing.stderr


def test_extract_refuses_a_file_that_is_not_a_page(tmp_path: Path) -> None:
    """A damaged PDF, an image or a program handed to `reader extract` is named, not printed as
    text."""
    files = {
        "report.pdf": (
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >>\n",
            "application/pdf, which could not be read",  # one with text is read: test_pdf_articles
        ),
        "photo.html": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "image/png"),
        "program": (Path(sys.executable).read_bytes()[:65536], "application/x-executable"),
        "noise.bin": (bytes((i * 7919) % 251 for i in range(5000)), "application/octet-stream"),
    }
    for name, (content, what) in files.items():
        (tmp_path / name).write_bytes(content)
        result = reader(tmp_path, "extract", str(tmp_path / name))
        assert result.returncode == 1, name
        assert result.stdout == ""
        assert result.stderr.strip() == f"reader: not an article page ({what})"


FEEDS = {
    "application/rss+xml": '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
    "<title>Coast News</title><item><title>Ferry cuts</title><description><![CDATA[<p>Two "
    "sailings a day instead of five from December, the operator said.</p>]]></description>"
    "</item></channel></rss>",
    "application/atom+xml": '\ufeff<?xml version="1.0"?><!-- generator: a CMS -->\n'
    '<feed xmlns="http://www.w3.org/2005/Atom"><title>Coast News</title><entry><title>Ferry '
    'cuts</title><content type="html">&lt;p&gt;Two sailings a day instead of five from '
    "December, the operator said.&lt;/p&gt;</content></entry></feed>",
}


@pytest.mark.parametrize("media_type", sorted(FEEDS))
def test_a_feed_is_no_article_page_saved_or_sent_as_html(
    tmp_path: Path, httpserver, media_type: str
) -> None:
    """A feed saved to a file, or served as text/html, was read as a page: its channel's title
    for a headline over its items run together, ending in a stray "]]>"."""
    feed = tmp_path / "feed.xml"
    feed.write_text(FEEDS[media_type], encoding="utf-8")
    saved = reader(tmp_path, "extract", str(feed))
    assert (saved.returncode, saved.stdout) == (1, "")
    assert saved.stderr == f"reader: not an article page ({media_type})\n"
    httpserver.expect_request("/news/feed").respond_with_data(
        FEEDS[media_type], content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/news/feed")
    fetched = reader(tmp_path, "show", url)
    assert (fetched.returncode, fetched.stdout) == (1, "")
    assert f"not an article page ({media_type}, sent as text/html)" in fetched.stderr


def test_extract_reads_plain_text_by_its_lines_and_a_url_that_is_no_address(
    tmp_path: Path,
) -> None:
    """A file of plain text is read as a text/plain page is, by its lines, rather than as HTML
    into one run-on paragraph; a fragment of HTML is still read as HTML."""
    note = tmp_path / "notes.txt"
    note.write_text("Ferry timetable\n\nTwo sailings a day from December.\nThree in spring.\n")
    result = reader(tmp_path, "extract", str(note))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "Ferry timetable\n===============\n\nTwo sailings a day from December.\nThree in spring.\n"
    )
    piped = reader(tmp_path, "extract", "-", stdin=note.read_bytes())
    assert piped.stdout == result.stdout

    fragment = tmp_path / "fragment.html"
    fragment.write_text(
        '<div class="story"><h1>Ferry timetable</h1>'
        + "<p class=x>The crossing runs twice a day from December, the company said.</p>" * 5
        + "</div>"
    )
    assert "twice a day" in reader(tmp_path, "extract", str(fragment)).stdout

    bad = reader(tmp_path, "extract", "--url", "notaurl", str(fragment))
    assert (bad.returncode, bad.stdout) == (2, "")
    assert bad.stderr == "reader: --url wants the page's http(s) address, not 'notaurl'\n"


_SAVED_PAGE = """<html><head><title>Harbour works | Gazette</title>{head}</head><body>
<nav><a href="/">Home</a></nav><article><h1>Harbour works</h1>
<p>The harbour wall was finished on Tuesday, after <a href="../inquiry.html">a four-year public
inquiry</a> and two winters of delays that the council blamed on the weather.</p>
<figure><img src="/pics/wall.jpg" alt="The wall"><figcaption>The new wall at low
tide.</figcaption></figure>
<p>Engineers said the wall would protect the old town for a century, and the fishing fleet would
return to the inner basin next spring.</p>
<p>The cost rose from £12m to £19m, a figure the opposition called a scandal and the council
called the price of doing it properly.</p></article></body></html>"""


def test_extract_of_a_saved_page_resolves_its_links_against_the_address_it_declares(
    tmp_path: Path,
) -> None:
    """A page saved from a browser has relative links and pictures: read without --url, they
    resolve against its canonical address (and its site rule applies); with no address at all,
    one line says they are left out and how to keep them."""
    declared = tmp_path / "declared.html"
    declared.write_text(
        _SAVED_PAGE.format(
            head='<link rel="canonical" href="https://gazette.example/news/harbour-works">'
        )
    )
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text('[sites."gazette.example"]\ndrop = ["figure"]\n')
    result = reader(home, "extract", str(declared), "--format", "markdown")
    assert result.returncode == 0 and result.stderr == ""
    assert "(<https://gazette.example/inquiry.html>)" in result.stdout
    assert "wall.jpg" not in result.stdout  # the site's rule, found by the declared address
    (home / "config.toml").write_text("")
    result = reader(home, "extract", str(declared), "--format", "markdown")
    assert "![](<https://gazette.example/pics/wall.jpg>)" in result.stdout

    bare = tmp_path / "bare.html"
    bare.write_text(_SAVED_PAGE.format(head=""))
    result = reader(home, "extract", str(bare), "--format", "markdown")
    assert result.returncode == 0 and "four-year public inquiry" in result.stdout
    assert result.stderr == (
        "reader: the page's relative links and pictures are left out: give its address with --url\n"
    )
    given = reader(
        home,
        "extract",
        str(bare),
        "--url",
        "https://gazette.example/news/a",
        "--format",
        "markdown",
    )
    assert given.stderr == "" and "(<https://gazette.example/inquiry.html>)" in given.stdout


def test_extract_of_a_page_saved_by_a_browser_takes_the_address_it_was_saved_from(
    tmp_path: Path,
) -> None:
    """Chrome notes atop a page it saves where it came from ("<!-- saved from url=… -->"): its
    links resolve against that address, and the citation names it. A page whose `<base>`
    resolves its links, or whose only relative addresses are its scripts' and stylesheets',
    loses nothing: no line says links were left out."""
    home = tmp_path / "home"
    home.mkdir()
    saved = tmp_path / "saved.html"
    saved.write_text(
        "<!DOCTYPE html>\n<!-- saved from url=(0045)https://gazette.example/news/harbour-works -->\n"
        + _SAVED_PAGE.format(head="")
    )
    result = reader(home, "extract", str(saved), "--format", "markdown")
    assert result.returncode == 0 and result.stderr == ""
    assert "URL: <https://gazette.example/news/harbour-works>" in result.stdout
    assert "(<https://gazette.example/inquiry.html>)" in result.stdout

    based = tmp_path / "based.html"
    based.write_text(_SAVED_PAGE.format(head='<base href="https://gazette.example/news/">'))
    result = reader(home, "extract", str(based), "--format", "markdown")
    assert result.stderr == "" and "(<https://gazette.example/inquiry.html>)" in result.stdout

    scripted = tmp_path / "scripted.html"
    scripted.write_text(
        '<html><head><link rel="stylesheet" href="/site.css"><script src="/app.js"></script>'
        "</head><body><article><h1>Ferry fares</h1>"
        + "<p>The ferry operator will raise fares by six per cent from April, it said.</p>" * 5
        + "</article></body></html>"
    )
    result = reader(home, "extract", str(scripted), "--format", "markdown")
    assert result.returncode == 0 and result.stderr == "" and "six per cent" in result.stdout


def test_extract_of_a_web_address_points_to_show(tmp_path: Path, httpserver) -> None:
    """`reader extract https://…` read as a file name said "No such file or directory", as if
    the page were missing; the command that fetches an address is named instead."""
    httpserver.expect_request("/news/ferry.html").respond_with_data(
        SITE_RULE_PAGE, content_type="text/html"
    )
    url = httpserver.url_for("/news/ferry.html")
    result = reader(tmp_path, "extract", url)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == (
        f"reader: extract reads a saved page; to fetch {url} use: reader show {url}\n"
    )
    assert httpserver.log == []  # nothing fetched behind the user's back


@pytest.mark.parametrize("title", ["\x1b]0;pwned\x07Owned title", "[bold]Markup[/bold] title"])
def test_cli_output_is_plain_text(tmp_path: Path, httpserver, title: str) -> None:
    data = tmp_path / "home"
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>{title}</title>'
        f"<link>{httpserver.url_for('/a.html')}</link></item></channel></rss>".encode()
    )
    reader(data, "add", httpserver.url_for("/feed.xml"))
    out = reader(data, "list").stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "Owned title" in out or "[bold]Markup[/bold] title" in out


def test_list_gives_local_time_as_the_reader_does(
    tmp_path: Path, httpserver, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A traveller in Tokyo: a story out at 18:00 UTC on the 1st is listed at 03:00 on the 2nd,
    the day the reader's headline list gives it, not at a UTC time the line doesn't name."""
    data = tmp_path / "home"
    httpserver.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>Ferry'
        f"</title><link>{httpserver.url_for('/a.html')}</link>"
        "<pubDate>Tue, 01 Dec 2026 18:00:00 +0000</pubDate></item></channel></rss>",
        content_type="application/rss+xml",
    )
    reader(data, "add", httpserver.url_for("/feed.xml"))
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    assert "  2026-12-02 03:00  " in reader(data, "list").stdout
    monkeypatch.setenv("TZ", "UTC")
    assert "  2026-12-01 18:00  " in reader(data, "list").stdout


def test_reextract_from_kept_pages_offline(synced_dir: Path) -> None:
    before = json.loads(reader(synced_dir, "list", "--json").stdout)
    cached = [i for i in before if i["cached"]]
    result = reader(synced_dir, "--config", os.devnull, "reextract", "--all")  # no settings
    assert result.returncode == 0, result.stderr
    assert f"re-extracted {len(cached)} articles" in result.stderr
    one = reader(synced_dir, "reextract", cached[0]["id"])
    assert one.returncode == 0 and "re-extracted 1 article from" in one.stderr
    assert reader(synced_dir, "show", cached[0]["id"], "--offline").stdout.strip()
    assert reader(synced_dir, "reextract").returncode == 2
    # The demo's PDF has no page kept: what it is is said, as a fetch of it says.
    pdf = next(i for i in before if i["link"].endswith(".pdf"))
    refused = reader(synced_dir, "reextract", pdf["id"])
    assert refused.returncode == 1
    assert refused.stderr.splitlines()[0] == (
        f"reader: not re-extracted: {pdf['link']}: not an article page (application/pdf with no "
        "text in it, pictures of its pages); open the original link in a browser"
    )


def test_lists_mark_a_link_that_is_no_article_page(synced_dir: Path) -> None:
    """The demo's PDF, refused by the sync as no article page: `↗` in `reader list` and the
    reader's headline list, `not_article` in the JSON, never what "not synced yet" looks like."""
    listed = json.loads(reader(synced_dir, "list", "--json").stdout)
    pdf = next(i for i in listed if i["link"].endswith(".pdf"))
    assert (pdf["cached"], pdf["not_article"]) == (False, True)
    assert not any(i["not_article"] for i in listed if i is not pdf)
    line = next(x for x in reader(synced_dir, "list").stdout.splitlines() if pdf["id"] in x)
    assert line.split("  ")[2].strip() == "N↗"

    from tests.tui_pilot import running

    async def tui() -> None:
        async with running(synced_dir, (120, 40), prefetch=False) as (app, _pilot):
            from reader.ui.widgets.main.headline_table import HeadlineTable

            rows = app.screen.query_one(HeadlineTable).rows
            assert [h.entry.id for h in rows if h.not_article] == [pdf["id"]]
            screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
            assert "● ↗" in screen

    asyncio.run(tui())


def test_a_link_found_no_article_page_while_the_reader_is_open_is_marked_at_once(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    """The reader's own fetch ahead (or an Enter) finds the demo's PDF: its row is marked `↗`
    then, not only once the list is read again."""
    from reader.ui.widgets.main.headline_table import HeadlineTable
    from tests.conftest import sync_into
    from tests.tui_pilot import running, until

    home = tmp_path / "home"
    sync_into(home, demo_server.feed_urls, articles=False)

    async def tui() -> None:
        async with running(home, (120, 40)) as (app, pilot):
            table = app.screen.query_one(HeadlineTable)
            pdf = next(h for h in table.rows if h.entry.link.endswith(".pdf"))
            assert not pdf.not_article

            def marked() -> bool:
                return next(h for h in table.rows if h.entry.id == pdf.entry.id).not_article

            await until(pilot, marked, "the PDF marked")
            await pilot.pause()
            screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
            assert "● ↗" in screen

    asyncio.run(tui())


SITE_RULE_PAGE = """<html><head><title>Harbour notes</title></head><body>
<div id="wrap"><div class="teaser-grid"><p>Teaser one about something else entirely, long enough to score
as prose for a generic extractor that counts commas, words and paragraphs, and so on, and so on.</p>
<p>Teaser two about another story, also long enough, with commas, clauses, and more words to score.</p>
<p>Teaser three, the same again, long, with commas, so a generic guess may well pick this block.</p></div>
<div class="story-text"><p>The pilot boat went out at dawn to meet the grain ship, the first of the season.</p>
<div class="house-ad"><p>Subscribe to the Gazette today and save on your first year of print and digital.</p></div>
<p>By noon the ship was alongside and the first hoppers were rolling towards the silos.</p></div>
</div></body></html>"""


def test_site_rule_from_config_picks_body_and_drops(tmp_path: Path, httpserver) -> None:
    httpserver.expect_request("/notes.html").respond_with_data(
        SITE_RULE_PAGE, content_type="text/html"
    )
    url = httpserver.url_for("/notes.html")
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(
        '[sites."localhost"]\nbody = "div.story-text"\ndrop = [".house-ad"]\n'
    )
    (tmp_path / "page.html").write_text(SITE_RULE_PAGE)
    fetched = reader(home, "show", url)
    assert fetched.returncode == 0, fetched.stderr
    with_rule = reader(home, "show", url, "--offline").stdout
    assert "pilot boat" in with_rule and "hoppers" in with_rule
    assert "Teaser" not in with_rule and "Subscribe" not in with_rule
    local = reader(
        home, "extract", str(tmp_path / "page.html"), "--url", "http://www.localhost/x"
    ).stdout
    assert "pilot boat" in local and "Subscribe" not in local

    assert fetched.stderr == ""
    # A body selector the page doesn't have (the site changed, a typo): read as any page, and
    # said, once, by `show` and by `extract`.
    (home / "config.toml").write_text('[sites."localhost"]\nbody = "div.story-txt"\n')
    missed = reader(home, "show", url, "--offline")
    assert missed.returncode == 0 and "pilot boat" in missed.stdout
    warning = (
        "reader: the site rule's body selector 'div.story-txt' matches nothing on this page: "
        "it was read as any other page\n"
    )
    assert missed.stderr == warning
    saved = reader(home, "extract", str(tmp_path / "page.html"), "--url", "http://localhost/x")
    assert "pilot boat" in saved.stdout and saved.stderr == warning

    (home / "config.toml").write_text('[sites."localhost"]\nbody = 42\n')
    bad = reader(home, "list")
    assert bad.returncode == 78 and "sites" in bad.stderr


def test_reextract_names_the_articles_a_site_rule_left_much_shorter(
    tmp_path: Path, httpserver
) -> None:
    """A drop selector that takes too much leaves a stub of a good article: `reextract` names
    each article cut to under half its words, and the page kept whole brings the text back
    once the rule is mended."""
    story = "".join(
        f"<p>{n}. The pilot boat went out at dawn to meet the grain ship, the first of the "
        "season, and by noon the hoppers were rolling towards the silos on the quay.</p>"
        for n in range(1, 9)
    )
    page = (
        "<html><head><title>Grain ship</title></head><body><article><h1>Grain ship</h1>"
        f'<p class="lead">The harbour opened its season on Tuesday.</p>{story}</article>'
        "</body></html>"
    )
    httpserver.expect_request("/grain.html").respond_with_data(page, content_type="text/html")
    url = httpserver.url_for("/grain.html")
    home = tmp_path / "home"
    home.mkdir()
    whole = reader(home, "show", url)
    assert whole.returncode == 0 and "8. The pilot boat" in whole.stdout
    (home / "config.toml").write_text('[sites."localhost"]\ndrop = ["article p:not(.lead)"]\n')
    cut = reader(home, "reextract", "--all")
    assert cut.returncode == 0, cut.stderr
    lines = cut.stderr.splitlines()
    assert re.fullmatch(rf"much shorter now: {re.escape(url)}: \d+ → [1-9] words", lines[0])
    assert lines[1].startswith("(each page is kept whole")
    assert "8. The pilot boat" not in reader(home, "show", url, "--offline").stdout
    (home / "config.toml").write_text("")
    mended = reader(home, "reextract", "--all")
    assert mended.stderr == "re-extracted 1 article from their kept pages; 0 failed\n"
    assert reader(home, "show", url, "--offline").stdout == whole.stdout


@pytest.mark.parametrize(
    ("rule", "named"),
    [
        ('body = "div.story-text[["', 'sites."localhost".body'),
        ('drop = [".house-ad", "aside >"]', 'sites."localhost".drop'),
        ('drop = ["p::first-line"]', 'sites."localhost".drop'),
    ],
)
def test_a_bad_selector_in_a_site_rule_is_one_line_naming_it_and_the_cache_stays(
    tmp_path: Path, httpserver, rule: str, named: str
) -> None:
    """A selector that is no CSS is named once, where the mistake is, as a misspelt setting
    is: not once per article in a sync or a reextract, nor in the parser's words alone."""
    httpserver.expect_request("/notes.html").respond_with_data(
        SITE_RULE_PAGE, content_type="text/html"
    )
    url = httpserver.url_for("/notes.html")
    home = tmp_path / "home"
    home.mkdir()
    assert reader(home, "show", url).returncode == 0
    before = reader(home, "show", url, "--offline").stdout
    good = (home / "config.toml").read_text()
    (home / "config.toml").write_text(good + f'\n[sites."localhost"]\n{rule}\n')
    for command in (["reextract", "--all"], ["list"]):
        bad = reader(home, *command)
        assert bad.returncode == 78 and bad.stderr.count("\n") == 1, bad.stderr
        assert named in bad.stderr and "CSS selector" in bad.stderr, bad.stderr
    (home / "config.toml").write_text(good)
    assert reader(home, "show", url, "--offline").stdout == before


def test_demo_again_on_another_port_leaves_three_demo_feeds(tmp_path: Path) -> None:
    """A kept `reader demo --data-dir` whose server got another port: the dead copies go. A demo
    still running beside it on the same directory keeps its own."""
    data = tmp_path / "home"
    own = "http://127.0.0.1:9/own/feed.xml"

    def subscribe(server: DemoServer) -> list[str]:
        lib = Library(data, workers="thread")
        try:
            subscribe_to_demo(lib, server.feed_urls)
            lib.add_feed(own)
        finally:
            lib.close()
        return sorted(f["url"] for f in json.loads(reader(data, "feeds", "--json").stdout))

    with DemoServer() as second:
        with DemoServer() as first:
            subscribe(first)
            assert subscribe(second) == sorted([*first.feed_urls, *second.feed_urls, own])
        assert subscribe(second) == sorted([*second.feed_urls, own])  # the first has stopped


def test_demo_port_default_and_a_taken_one(data_dir: Path, demo_server: DemoServer) -> None:
    help_text = " ".join(reader(data_dir, "demo", "--help").stdout.split())
    assert f"default: {DEMO_PORT}, or a free one when it is taken" in help_text
    port = demo_server.base_url.rsplit(":", 1)[1]
    taken = reader(data_dir, "demo", "--serve", "--port", port)
    assert taken.returncode == 1 and taken.stdout == ""
    assert taken.stderr.startswith(f"reader: cannot serve the demo on 127.0.0.1:{port}: ")


def test_the_reader_without_a_terminal_refuses_in_one_line(data_dir: Path) -> None:
    """`reader` from cron or a script (input or output not a terminal): it drew its screen into
    the output and read the end of its input over and over, a fifth of a core, until killed."""
    env = {**os.environ, "READER_HOME": str(data_dir), "PYTHONIOENCODING": "utf-8"}
    for command in ([], ["demo", "--port", "0"]):
        result = subprocess.run(
            [sys.executable, "-m", "reader", *command],
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert result.returncode == 2 and result.stdout == "", command
        assert result.stderr.startswith("reader: the reader needs a terminal (its input is not")
        assert len(result.stderr.splitlines()) == 1


def test_a_closed_output_is_written_to_nothing_not_a_traceback(synced_dir: Path) -> None:
    """`reader sync -q >&-` (a daemonising wrapper, an old cron line): Python leaves a closed
    stream None, and the first flush ended every command in a traceback, exit 1."""
    env = {**os.environ, "READER_HOME": str(synced_dir), "PYTHONIOENCODING": "utf-8"}
    for command, closing in ((["list"], ">&-"), (["feeds"], ">&-"), (["list"], "2>&-")):
        result = subprocess.run(
            ["sh", "-c", f'exec "$0" -m reader "$@" {closing}', sys.executable, *command],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert result.returncode == 0, (command, closing, result.stderr)
        assert "Traceback" not in result.stderr


def _ran(argv: list[str], env: dict[str, str], **given: Any) -> subprocess.CompletedProcess[str]:
    """`argv` run as a process of its own, its output and errors as text."""
    return subprocess.run(argv, capture_output=True, text=True, env=env, timeout=60, **given)


def test_a_closed_input_reads_as_nothing_not_a_traceback(synced_dir: Path) -> None:
    """`reader mark-read - <&-` (a supervisor's job, a script): every command taking `-` read
    a None stdin and ended in a traceback (acc51a A2); it reads nothing, as `< /dev/null`."""
    env = {**os.environ, "READER_HOME": str(synced_dir), "PYTHONIOENCODING": "utf-8"}
    for command in (["mark-read", "-"], ["import", "-"], ["show", "-"], ["extract", "-"]):
        closed = _ran(["sh", "-c", 'exec "$0" -m reader "$@" <&-', sys.executable, *command], env)
        empty = _ran([sys.executable, "-m", "reader", *command], env, stdin=subprocess.DEVNULL)
        assert "Traceback" not in closed.stderr, (command, closed.stderr)
        assert (closed.returncode, closed.stderr) == (empty.returncode, empty.stderr), command


def test_a_data_directory_named_with_a_variable_is_refused_in_one_line(tmp_path: Path) -> None:
    """diskcache reads `$X` in its directory as a variable: `READER_HOME='$HOME/news'` (a
    crontab line, systemd's Environment=) kept the config and lock where given and the feeds
    where `$X` led, another library with another X (acc51a A5). Refused before anything is
    written, whatever the environment holds."""
    named = tmp_path / "news$X"
    for x in ("one", None):
        env = {**os.environ, "READER_HOME": str(named), "PYTHONIOENCODING": "utf-8"}
        env.pop("X", None)
        env.update({"X": x} if x else {})
        result = _ran([sys.executable, "-m", "reader", "add", "http://127.0.0.1:9/feed.xml"], env)
        assert result.returncode != 0 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and "holds $X" in result.stderr, result.stderr
        assert not named.exists() and not (tmp_path / "newsone").exists()


@pytest.mark.parametrize(
    ("env_change", "said"),
    [
        ({"TERM": "dumb"}, "TERM=dumb is one that can't draw a screen"),
        ({"TERM": None}, "TERM is not set: it names the terminal"),
        ({"TERM": ""}, "TERM is empty: it names the terminal"),
        ({"PYTHONIOENCODING": "latin-1"}, "not UTF-8: run it with a UTF-8 locale"),
    ],
)
def test_a_terminal_that_cannot_draw_the_reader_is_told_so(
    data_dir: Path, env_change: dict[str, str | None], said: str
) -> None:
    """An editor's shell (TERM=dumb) got the screen's escapes as text; a Latin-1 locale got
    every line and mark as a "\\u2502" escape, the rows running into each other. `TERM=`, set
    but empty, was said to be unset (acc45b B8)."""
    main_end, secondary = os.openpty()
    sized(secondary, 24, 80)
    env = {**os.environ, "READER_HOME": str(data_dir), "TERM": "xterm-256color", **env_change}
    env = {name: value for name, value in env.items() if value is not None}
    try:
        result = subprocess.run(
            [sys.executable, "-m", "reader"],
            stdin=secondary,
            stdout=secondary,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
            timeout=60,
        )
    finally:
        os.close(secondary)
        os.close(main_end)
    assert result.returncode == 2
    assert (
        result.stderr.startswith("reader: the reader needs a terminal (") and said in result.stderr
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        (["search", "okonkwo"], "'search' is not a command: `reader list --search WORDS` finds"),
        (["open", "3f2a"], "'open' is not a command: `reader show ID|URL` prints an article"),
        (["snyc"], "'snyc' is not a command: did you mean `reader sync`?"),
        (["frobnicate"], "'frobnicate' is not a command (`reader --help` lists them)"),
        (["serch", "x"], "'serch' is not a command: `reader list --search WORDS` finds"),
        (
            ["http://127.0.0.1:9/feed.xml"],
            "'http://127.0.0.1:9/feed.xml' is not a command: `reader add URL` subscribes to its",
        ),
        (["\x1b]0;x\x07"], "'\\x1b]0;x\\x07' is not a command"),
    ],
)
def test_a_word_that_is_no_command_is_answered_with_the_command_that_does_it(
    data_dir: Path, typed: list[str], said: str
) -> None:
    result = reader(data_dir, *typed)
    assert result.returncode == 2
    last = result.stderr.splitlines()[-1]
    assert last.startswith(f"reader: error: {said}")
    assert "choose from" not in result.stderr and "\x1b" not in result.stderr


def test_a_search_for_a_negative_figure_is_a_search(data_dir: Path) -> None:
    # argparse took "-3.2%" for an unknown option: "argument --search: expected at least one"
    result = reader(data_dir, "list", "--search", "output", "-3.2%")
    assert result.returncode == 0
    assert (
        result.stderr == "reader: no headline or cached article holds every one of: output -3.2%\n"
    )
    assert reader(data_dir, "list", "-x").stderr.endswith("unrecognized arguments: -x\n")


def test_a_word_to_leave_out_that_starts_like_help_is_a_word(data_dir: Path) -> None:
    """`--search ferry -hello`: argparse read "-hello" as -h given "ello" ("argument -h/--help:
    ignored explicit argument 'ello'"), where "-ferry" was a word to leave out."""
    result = reader(data_dir, "list", "--search", "output", "-hello")
    assert result.returncode == 0, result.stderr
    assert (
        result.stderr == "reader: no headline or cached article holds output and none of: hello\n"
    )
    alone = reader(data_dir, "list", "--search", "-hello")
    assert "ignored explicit argument" not in alone.stderr
    assert alone.stderr.startswith("reader: --search needs a word to look for")
    assert reader(data_dir, "list", "--search", "output", "-h").stdout.startswith("usage:")


def test_an_option_a_command_does_not_take_is_said_with_that_commands_usage(
    data_dir: Path,
) -> None:
    for command, named in (
        (["sync", "--feed", "x"], "sync"),
        (["cache", "prune", "--bogus"], "cache"),
    ):
        result = reader(data_dir, *command)
        assert result.returncode == 2
        assert result.stderr.startswith(f"usage: reader {named} ")
        assert f"reader {named}: error: unrecognized arguments: " in result.stderr


def test_a_port_out_of_range_is_a_usage_error_not_a_traceback(data_dir: Path) -> None:
    for port in ("99999", "-1", "eighty"):
        result = reader(data_dir, "demo", "--serve", "--port", port)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("usage: reader demo ")
        assert f"argument --port: not a port: '{port}' (0 to 65535" in result.stderr


def test_list_ids_of_nothing_prints_nothing(synced_dir: Path) -> None:
    """`list --ids` matching nothing printed one empty line: `wc -l` counted 1 unread, a
    `while read id` loop got an empty id, `xargs reader show` ran with none (acc38b K13)."""
    for args in (
        ["--search", "zzqqxxunfound"],
        ["--since", "2099-01-01"],
        ["--unread", "--since", "2099-01"],
    ):
        done = reader(synced_dir, "list", "--ids", *args)
        assert done.stdout == "", args
    assert reader(synced_dir, "list", "--ids").stdout.count("\n") == 28
