"""A letter carrying tens of thousands of combining marks ("Zalgo"): cut to the 30 Unicode's
Stream-Safe Text Format allows when a page is decoded (what is cached and shown), and composed
no further than that by a search of an article cached before (acc30c D3: 6 s of CPU a
search, a one-line hit of 120 KB). No timing here: benchmarks/zalgo_search.py times it."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.extract import extract_file, to_text
from reader.fold import composed
from reader.library import Library
from reader.mark_runs import BLOCKS, MOST_MARKS, capped_marks
from reader.models import Article, Block, BlockKind, Inline
from tests.test_cli import reader
from tests.test_start_imports import _printed

# Below, above and overlaid marks in turn, as Zalgo generators pile them: canonical order is
# not theirs, so composing sorts them.
FLOOD = "\u0316\u0317\u0318\u0301\u0300\u0310\u0334" * 8_000
LEAD = "Normal lead paragraph with ordinary words about the harbour and the council vote."
TAIL = "the sentence comes after the marks and the closing words about the harbour."


def _longest_run(text: str) -> int:
    longest = run = 0
    for char in text:
        run = run + 1 if unicodedata.combining(char) else 0
        longest = max(longest, run)
    return longest


def test_a_run_of_marks_is_cut_at_thirty_and_writing_keeps_its_own() -> None:
    assert capped_marks("H" + FLOOD + " x") == "H" + FLOOD[:MOST_MARKS] + " x"
    # Vietnamese decomposed, Hebrew pointed, Devanagari, Arabic: far under 30 each.
    for text in ("Vie\u0323\u0302t", "שָׁלוֹם", "क्षत्रिय", "مَعْرِضٌ", "plain ascii", "ё" * 50):
        assert capped_marks(text) == text
    assert capped_marks("a" + "\u0301" * 31) == "a" + "\u0301" * 30


def test_the_blocks_looked_through_hold_every_mark_of_the_plane() -> None:
    # Checked against the whole plane: a Python with a newer Unicode adding marks elsewhere
    # fails here rather than leaving them uncut.
    every = {
        c
        for c in range(0x10000)
        if unicodedata.combining(chr(c)) or unicodedata.category(chr(c)) in ("Mn", "Me")
    }
    looked = {c for first, end in BLOCKS for c in range(first, end)}
    assert every <= looked


def test_a_search_composes_no_more_than_thirty_marks_of_a_cluster() -> None:
    text = f"{LEAD}\nH{FLOOD} {TAIL}"
    whole = composed(text)
    assert whole is not None
    folded, starts, ends = whole
    assert len(folded) < len(LEAD) + len(TAIL) + 2 * MOST_MARKS
    # The kept characters still stand for the whole cluster in the text shown.
    at = folded.index("H")
    assert starts[at] == len(LEAD) + 1 and ends[at] == len(LEAD) + 2 + len(FLOOD)


def test_a_page_of_zalgo_is_cached_cut_and_found_with_a_short_hit(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    page = (
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Z</title></head><body>"
        f"<article><h1>Z</h1><p>{LEAD}</p><p>H{FLOOD} {TAIL}</p></article></body></html>"
    )
    httpserver.expect_request("/z.html").respond_with_data(
        page, content_type="text/html; charset=utf-8"
    )
    data = tmp_path / "home"
    saved = reader(data, "save", httpserver.url_for("/z.html"))
    assert saved.returncode == 0, saved.stderr
    shown = reader(data, "show", httpserver.url_for("/z.html"), "--offline")
    assert "the sentence comes after" in shown.stdout
    assert _longest_run(shown.stdout) == MOST_MARKS
    found = reader(data, "list", "--search", "comes")
    assert found.returncode == 0, found.stderr
    assert max(len(line) for line in found.stdout.splitlines()) < 300


def test_an_article_cached_with_the_flood_is_searched_with_a_short_hit(tmp_path: Path) -> None:
    """Cached before pages' marks were cut: the search reads it as it was, composing 30."""
    data = tmp_path / "home"
    url = "http://127.0.0.1:9/zalgo.html"
    lib = Library(data, workers="thread")
    try:
        blocks = tuple(
            Block(BlockKind.PARAGRAPH, (Inline(text),)) for text in (LEAD, f"H{FLOOD} {TAIL}")
        )
        lib.store.put_article(url, Article(url=url, title="Zalgo", blocks=blocks))
    finally:
        lib.close()
    for words in ("comes", "closing words", "harbour"):
        found = reader(data, "list", "--search", words)
        assert found.returncode == 0, (words, found.stderr)
        lines = found.stdout.splitlines()
        assert "Zalgo" in lines[0] and max(len(line) for line in lines) < 300, words
    hit = reader(data, "list", "--search", "comes").stdout.splitlines()[1]
    assert re.search("H[\u0300-\u036f]{30} the sentence comes", hit)


def test_marks_written_as_references_are_cut_and_other_references_kept() -> None:
    article = extract_file(
        (
            "<!doctype html><html lang=vi><head><meta charset=utf-8><title>T</title></head><body>"
            f"<article><h1>T</h1><p>{LEAD} H{'&#769;&#x316;' * 40} {TAIL}</p>"
            "<p>Vi&#7879;t Nam &#700;okina &#27700;&#x7F8E; and more ordinary words of the text "
            "so that the paragraph is long enough to be read as a paragraph of an article.</p>"
            "</article></body></html>"
        ).encode(),
        "http://127.0.0.1:9/refs.html",
    )
    text = to_text(article)
    assert _longest_run(text) == MOST_MARKS and TAIL in text
    # A reference starting as ESC's or BEL's does (&#7…, &#27…) is the character it writes.
    assert "Việt Nam ʼokina 水美" in text


def test_text_with_no_long_run_beyond_latin_makes_no_table_of_marks() -> None:
    """The marks' own pattern (~4 ms of CPU to make) is made for a text that could hold a run
    of them, not for every headline beyond ASCII: a feed named "Harbour · News" made it before
    the first screen. A run in kana or Thai (no space between letters) still makes it, and is
    cut as ever."""
    script = (
        "from reader.mark_runs import _run, capped_marks\n"
        "text = 'Harbour · News — the council’s “tide” vote, déjà vu, Ελλάδα, Москва'\n"
        "print(capped_marks(text) == text, _run.cache_info().currsize, end=' ')\n"
        "kana = 'ひらがな' * 10 + 'a' + '\\u0301' * 40\n"
        "print(capped_marks(kana) == 'ひらがな' * 10 + 'a' + '\\u0301' * 30,"
        " _run.cache_info().currsize)\n"
    )
    assert _printed(script).split() == ["True", "0", "True", "1"]
