"""Highlights written out with their article: `reader show` (text, Markdown, JSON) lists them
after the text under "Highlights", each quoted with its note; `reader forget` and the cache's
size limit leave them, and `reader highlights` still cites their article."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import lxml.etree as ET
import lxml.html
from pytest_httpserver import HTTPServer

from reader.highlights import Highlight, article_text
from reader.library import Library
from tests.cli_run import run_reader
from tests.test_saved_links import STORY

TITLE = "£412m budget"
SENTENCE = "The substantive budget then passed by 38 votes to 21"
GONE = "words no page of the demo holds"
XHTML = "{http://www.w3.org/1999/xhtml}"
EPUBCHECK = "/usr/bin/epubcheck"


def keep(data: Path, title: str, *kept: tuple[str, str], last: bool = False) -> str:
    """The highlights `kept` (their words, their note) kept on the article titled `title`, as
    `h` and `a` keep them (of words it says twice, the first, or the `last`), those of the
    same words kept before dropped: its id."""
    lib = Library(data)
    try:
        entry = next(h.entry for h in lib.headlines() if title in h.entry.title)
        article = lib.cached_article(entry)
        assert article is not None
        text = article_text(article)
        for at, (words, note) in enumerate(kept):
            lib.drop_highlight(entry, words)
            place = text.rfind(words) if last else text.find(words)
            near = place / len(text) if words in text else 1.0  # gone: last
            highlight = Highlight(words, f"> {words}", words, 1000.0 + at, near)
            lib.keep_highlight(entry, article, highlight)
            if note:
                lib.note_highlight(entry, words, note)
        return entry.id
    finally:
        lib.close()


def test_show_lists_the_highlights_after_the_article(synced_dir: Path) -> None:
    entry_id = keep(synced_dir, TITLE, (SENTENCE, "check the abstention"), (GONE, ""))
    markdown = run_reader(synced_dir, "show", entry_id, "--format", "markdown").stdout
    text, after = markdown.split("\n## Highlights\n\n")
    assert SENTENCE in text and "Priya Raman" in text  # the article whole, before
    assert after.startswith(f"> {SENTENCE}\n\nNote: check the abstention\n\n> {GONE}\n\n")
    assert "(no longer in the text of the copy cached)" in after
    plain = run_reader(synced_dir, "show", entry_id).stdout
    assert f"\nHighlights\n----------\n\n> {SENTENCE}\n\nNote: check the abstention" in plain
    data = json.loads(run_reader(synced_dir, "show", entry_id, "--format", "json").stdout)
    assert [(h["text"], h["note"], h["in_text"]) for h in data["highlights"]] == [
        (SENTENCE, "check the abstention", True),
        (GONE, "", False),
    ]
    assert data["highlights"][0]["kept_at"] == "1970-01-01T00:16:40+00:00"
    assert data["highlights_note"] == ""


def test_show_of_an_article_with_none_has_no_section(synced_dir: Path) -> None:
    keep(synced_dir, TITLE, (SENTENCE, ""))
    lib = Library(synced_dir)
    try:
        other = next(h.entry for h in lib.headlines() if TITLE not in h.entry.title and h.cached)
    finally:
        lib.close()
    assert (
        "Highlights" not in run_reader(synced_dir, "show", other.id, "--format", "markdown").stdout
    )
    data = json.loads(run_reader(synced_dir, "show", other.id, "--format", "json").stdout)
    assert data["highlights"] == []


# Passages crossing inline markup: the end of a bold label, a link's start and end.
ACROSS_BOLD = "social care: £171m, up £11.4m"
ACROSS_LINK = "It is published on our site as a PDF for readers"


def _export(data: Path, form: str, out: Path, *choice: str) -> str:
    done = run_reader(data, "export", "--format", form, "-o", str(out), *choice)
    assert done.returncode == 0, done.stderr
    return done.stderr


def test_export_marks_the_highlights_in_the_text_and_lists_their_notes(
    synced_dir: Path, tmp_path: Path
) -> None:
    kept = ((SENTENCE, "check the abstention"), (ACROSS_BOLD, ""), (ACROSS_LINK, "<b>PDF</b>"))
    keep(synced_dir, TITLE, *kept)
    page = tmp_path / "out.html"
    _export(synced_dir, "html", page)
    document = lxml.html.fromstring(page.read_bytes())
    (article,) = [a for a in document.iter("article") if TITLE in a.text_content()]
    marks = [" ".join(m.text_content().split()) for m in article.iter("mark")]
    # Each run of text marked apart, inside the element it is in: "social care:" in its <strong>.
    across_link = ["It is", "published on our site as a PDF", "for readers"]
    assert marks == [SENTENCE, "social care:", "£171m, up £11.4m", *across_link]
    (strong,) = [m.getparent() for m in article.iter("mark") if m.text == "social care:"]
    assert strong.tag == "strong"
    (aside,) = article.iter("aside")
    said = aside.text_content()
    assert said.index(SENTENCE) < said.index("Note: check the abstention") < said.index(ACROSS_LINK)
    assert "Note: <b>PDF</b>" in said and not list(aside.iter("b"))  # the note's text as text
    others = [a for a in document.iter("article") if TITLE not in a.text_content()]
    assert others and not any(a.xpath(".//mark|.//aside") for a in others)
    # Markdown: listed after the article as `reader show` lists them.
    markdown = tmp_path / "out.md"
    _export(synced_dir, "markdown", markdown)
    assert f"## Highlights\n\n> {SENTENCE}\n\nNote: check the abstention" in markdown.read_text()


def test_an_epub_with_highlights_across_markup_checks_clean(
    synced_dir: Path, tmp_path: Path
) -> None:
    keep(synced_dir, TITLE, (SENTENCE, "check & see"), (ACROSS_BOLD, ""), (ACROSS_LINK, "x"))
    book = tmp_path / "marked.epub"
    said = _export(synced_dir, "epub", book, "--highlighted")
    assert "1 article exported" in said
    with zipfile.ZipFile(book) as epub:
        (name,) = [n for n in epub.namelist() if n.startswith("OEBPS/a")]
        chapter = ET.fromstring(epub.read(name))  # well-formed XML
    marks = ["".join(m.itertext()) for m in chapter.iter(f"{XHTML}mark")]
    assert marks[0] == SENTENCE and len(marks) == 6
    assert "Note: check & see" in "".join(next(chapter.iter(f"{XHTML}aside")).itertext())
    if shutil.which("java") and Path(EPUBCHECK).exists():
        checked = subprocess.run(
            ["java", "-jar", EPUBCHECK, str(book)], capture_output=True, text=True, check=False
        )
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "No errors or warnings detected" in checked.stdout + checked.stderr


def test_highlights_outlive_their_article_forgotten_or_evicted(synced_dir: Path) -> None:
    forgotten = keep(synced_dir, TITLE, (SENTENCE, "check the abstention"))
    keep(synced_dir, "Crane operators", ("Eastquay", "the walkout"))
    assert run_reader(synced_dir, "forget", forgotten).returncode == 0
    # A limit nothing fits under: every article not saved evicted.
    pruned = run_reader(synced_dir, "cache", "prune", "--max-size", "1KB")
    assert pruned.returncode == 0, pruned.stderr
    headlines = json.loads(run_reader(synced_dir, "list", "--json").stdout)
    assert headlines and not [h for h in headlines if h["cached"]]
    listed = run_reader(synced_dir, "highlights")
    assert listed.returncode == 0, listed.stderr
    assert f"> {SENTENCE}\n\nNote: check the abstention" in listed.stdout
    assert "> Eastquay\n\nNote: the walkout" in listed.stdout
    items = json.loads(run_reader(synced_dir, "highlights", "--format", "json").stdout)
    assert [item["cached"] for item in items] == [False, False]
    # Each cited by the title and address kept with it.
    (budget,) = [item for item in items if TITLE in item["title"]]
    assert budget["url"].endswith("/gazette/2026/11/23/council-budget-vote.html")
    assert budget["url"] in budget["citation"] and TITLE in budget["citation"]
    assert [h["in_text"] for h in budget["highlights"]] == [True]  # not looked for: not cached


def test_highlights_of_several_articles_and_of_stdin(synced_dir: Path) -> None:
    """`reader highlights` took one id and no `-` where every other command taking articles
    takes several (cli38's `given_ids`): the articles' highlights one after the other, a list in
    JSON; one with none said (exit 0), one that names nothing said and the others given, exit 1."""
    budget = keep(synced_dir, TITLE, (SENTENCE, "check the abstention"))
    cranes = keep(synced_dir, "Crane operators", ("Eastquay", "the walkout"))
    none = next(
        i
        for i in run_reader(synced_dir, "list", "--ids").stdout.split()
        if i not in (budget, cranes)
    )
    done = run_reader(synced_dir, "highlights", cranes, "nosuchid", budget, none)
    assert done.returncode == 1
    assert done.stderr == (
        "reader: no article with id 'nosuchid' (see `reader list`)\n"
        f"reader: no highlights kept of {none}\n"
    )
    first, second = done.stdout.split("\n\n---\n\n")
    assert first.startswith("> Eastquay\n\nNote: the walkout") and TITLE in second
    given = f"{budget}\n{none}\n\n{cranes}\n".encode()
    done = run_reader(synced_dir, "highlights", "-", "--format", "json", stdin=given)
    assert (done.returncode, done.stderr) == (0, f"reader: no highlights kept of {none}\n")
    items = json.loads(done.stdout)
    assert [item["highlights"][0]["text"] for item in items] == [SENTENCE, "Eastquay"]
    # No ids on stdin is no article, not every article's.
    done = run_reader(synced_dir, "highlights", "-", "--format", "json", stdin=b"")
    assert (done.returncode, done.stdout, done.stderr) == (0, "[]\n", "")


def test_export_marks_the_place_of_words_said_twice_the_highlight_was_made_on(
    synced_dir: Path, tmp_path: Path
) -> None:
    """A short article says "the first two crossings" in its standfirst and again further
    down: each highlight is marked where it was kept (its place measured in the article's
    own text), not at the place nearest that measure in the chapter, whose citation header
    (source, author, dates, address) comes first: the second was marked at the first."""
    title, words = "Marram Point ferry resumes after morning fog delays", "first two crossings"
    for last, paragraph in ((False, "were cancelled"), (True, "thick fog")):
        keep(synced_dir, title, (words, ""), last=last)
        page = tmp_path / "out.html"
        _export(synced_dir, "html", page)
        document = lxml.html.fromstring(page.read_bytes())
        (chapter,) = [a for a in document.iter("article") if a.findtext(".//h1") == title]
        (mark,) = chapter.iter("mark")
        assert mark.text == words
        assert paragraph in mark.getparent().text_content(), last


def test_a_note_is_text_in_markdown_as_the_article_is(synced_dir: Path) -> None:
    """A note in Markdown is escaped as the article's text is: "<b>13:02</b>" shows as typed
    and an imported file's `<script>` is no tag in a Markdown CMS (acc35b F16); in plain text
    it is as typed."""
    note = "confirmed by the press office <b>13:02</b>, *twice*"
    entry_id = keep(synced_dir, TITLE, (SENTENCE, note))
    escaped = "confirmed by the press office \\<b\\>13:02\\</b\\>, \\*twice\\*"
    markdown = run_reader(synced_dir, "show", entry_id, "--format", "markdown").stdout
    assert f"Note: {escaped}" in markdown
    assert "<b>" not in markdown.split("## Highlights", 1)[1]
    listed = run_reader(synced_dir, "highlights", entry_id).stdout
    assert f"Note: {escaped}" in listed
    plain = run_reader(synced_dir, "show", entry_id).stdout
    assert f"Note: {note}" in plain


def test_export_highlighted_takes_every_highlighted_article_or_says_which_it_left(
    synced_dir: Path, httpserver: HTTPServer, tmp_path: Path
) -> None:
    """`--highlighted` is what `reader highlights` lists: an article no feed lists (a link
    saved by its address) with highlights too; narrowed by a feed, those outside are counted
    on stderr (they were left out unsaid, acc35b F3)."""
    keep(synced_dir, TITLE, (SENTENCE, "check"))
    httpserver.expect_request("/storm.html").respond_with_data(STORY, content_type="text/html")
    url = httpserver.url_for("/storm.html")
    assert run_reader(synced_dir, "save", url).returncode == 0
    lib = Library(synced_dir)
    try:
        article = lib.cached_article(url)
        assert article is not None
        words = "stayed tied up all of Saturday"
        near = article_text(article).find(words) / len(article_text(article))
        lib.keep_highlight(url, article, Highlight(words, f"> {words}", words, 2000.0, near))
        feed = next(h.entry.feed_url for h in lib.headlines() if TITLE in h.entry.title)
    finally:
        lib.close()
    out = tmp_path / "marked.md"
    said = _export(synced_dir, "markdown", out, "--highlighted")
    book = out.read_text(encoding="utf-8")
    assert SENTENCE in book and "Harbour storm closes the ferry" in book
    assert "left out" not in said
    narrowed = _export(synced_dir, "markdown", out, "--highlighted", "--feed", feed)
    book = out.read_text(encoding="utf-8")
    assert SENTENCE in book and "Harbour storm closes the ferry" not in book
    assert "1 highlighted article outside the choice (--feed) left out" in narrowed


PRIVATE = "PRIVATE: discuss with the Dean"


def _written(path: Path) -> str:
    """An export's file as text: an EPUB's every member."""
    if path.suffix != ".epub":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as book:
        return "".join(book.read(name).decode("utf-8", "replace") for name in book.namelist())


def test_no_notes_leaves_your_highlights_and_notes_out_of_every_format(
    synced_dir: Path, tmp_path: Path
) -> None:
    """A reading pack given to a class carried the teacher's private note in every format,
    and the JSON their read times (acc52b-4): `--no-notes` leaves them out, the article whole."""
    chosen = keep(synced_dir, TITLE, (SENTENCE, "grades due Fri"))
    lib = Library(synced_dir)
    try:
        entry = next(h.entry for h in lib.headlines() if h.entry.id == chosen)
        article = lib.cached_article(entry)
        assert article is not None
        lib.note_article(entry, article, PRIVATE)
    finally:
        lib.close()
    for form in ("markdown", "text", "html", "epub", "json"):
        out = tmp_path / f"pack.{form}"
        _export(synced_dir, form, out, chosen)
        assert PRIVATE in _written(out) and "grades due Fri" in _written(out), form
        _export(synced_dir, form, out, chosen, "--no-notes")
        given = _written(out)
        assert PRIVATE not in given and "grades due Fri" not in given, form
        assert "Highlights" not in given and "<mark" not in given, form
        assert "38 votes to 21" in given, form  # the article itself, whole
    (item,) = json.loads((tmp_path / "pack.json").read_text(encoding="utf-8"))
    yours = ("read_at", "saved", "tags", "archived", "highlights", "highlights_note")
    assert not set(yours) & set(item) and item["id"] == chosen and item["title"]
    refused = run_reader(synced_dir, "export", "--no-notes")
    assert refused.returncode == 2 and "--no-notes" in refused.stderr
