"""Highlights written out with their article: `reader show` (text, Markdown, JSON) lists them
after the text under "Highlights", each quoted with its note; `reader forget` and the cache's
size limit leave them, and `reader highlights` still cites their article."""

from __future__ import annotations

import json
from pathlib import Path

from reader.highlights import Highlight, article_text
from reader.library import Library
from tests.cli_run import run_reader

TITLE = "£412m budget"
SENTENCE = "The substantive budget then passed by 38 votes to 21"
GONE = "words no page of the demo holds"


def keep(data: Path, title: str, *kept: tuple[str, str]) -> str:
    """The highlights `kept` (their words, their note) kept on the article titled `title`, as
    `h` and `a` keep them: its id."""
    lib = Library(data)
    try:
        entry = next(h.entry for h in lib.headlines() if title in h.entry.title)
        article = lib.cached_article(entry)
        assert article is not None
        text = article_text(article)
        for at, (words, note) in enumerate(kept):
            near = text.find(words) / len(text) if words in text else 1.0  # gone: last
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
