"""Highlights (`h` in the reading view): the passage selected kept on the article in the store,
marked in its text when it is opened again, found again after a re-extraction that kept its
words and kept (said "no longer in the text") after one that did not; `h` on it again drops
it."""

from __future__ import annotations

import asyncio
import json
from dataclasses import replace
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot

from reader.cli import main
from reader.highlights import Highlight, find_passage, find_passage_after
from reader.keys import article_key
from reader.library import Library
from reader.models import Block, BlockKind, Inline
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.article.body_highlights import HIGHLIGHT_COMPONENT
from tests.tui_pilot import open_titled, reading, running, screen_text, until

TITLE = "£412m budget"
SENTENCE = "The substantive budget then passed by 38 votes to 21"


def highlight(words: str, near: float = 0.0) -> Highlight:
    return Highlight(words, f"> {words}", words, 1.0, near)


def test_a_passage_is_found_again_by_its_words_whatever_lies_between() -> None:
    text = "Intro.\nThe vote:\n| For | 31 |\n• It passed, narrowly.\nIt passed,\nnarrowly."
    assert find_passage(text, highlight("For 31")) == (text.index("For"), text.index(" |\n•"))
    # Of two places with the same words, the one nearer to where it was kept.
    second = text.rindex("It passed")
    assert find_passage(text, highlight("It passed, narrowly.", 0.9))[0] == second  # type: ignore[index]
    assert find_passage(text, highlight("It passed, narrowly.", 0.1))[0] < second  # type: ignore[index]
    assert find_passage(text, highlight("passed narrowly at last")) is None
    assert find_passage("Bypassed", highlight("passed")) is None  # a word whole, not in one


def test_a_passage_is_found_after_a_header_where_it_was_in_the_articles_own_text() -> None:
    """A text holding the article's own after a header of its own (an export's citation),
    the header naming the words too: the place kept is told by the places after it."""
    own = "Gales.\nFerries stop.\nMore later.\nFerries stop again.\nEnd."
    text = "Gales\nSource: Ferries stop, the wire\nURL: x\n" + own
    first, second = own.index("Ferries"), own.rindex("Ferries")
    header = len(text) - len(own)
    for at in (first, second):
        kept = highlight("Ferries stop", at / len(own))
        assert find_passage_after(text, kept, own) == (header + at, header + at + 12)
        assert find_passage(own, kept) == (at, at + 12)
    # Its words not in the text it was measured in: as `find_passage` finds them.
    gone = highlight("the wire", 0.5)
    assert find_passage_after(text, gone, own) == find_passage(text, gone)


def _marked_lines(app: object, body: object) -> list[str]:
    """The screen lines of the body drawn with the highlight's style somewhere."""
    style = body.get_component_rich_style(HIGHLIGHT_COMPONENT)  # type: ignore[attr-defined]
    out = []
    for y in range(body.size.height):  # type: ignore[attr-defined]
        strip = body.render_line(y)  # type: ignore[attr-defined]
        marked = "".join(s.text for s in strip if s.style and s.style.bgcolor == style.bgcolor)
        if marked.strip():
            out.append(marked.strip())
    return out


def test_h_keeps_the_passage_marks_it_and_again_drops_it(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 40)) as (app, pilot, body):
            entry = app.screen.headline.entry
            await pilot.press("slash", *"substantive budget", "enter", "v")
            await pilot.pause()
            assert body.selected_text.startswith(SENTENCE)
            assert not _marked_lines(app, body)
            await pilot.press("h")
            await until(pilot, lambda: bool(body.highlights), "the highlight kept")
            await pilot.press("escape")  # the search: its matches drawn over the highlight
            await pilot.pause()
            kept = app.lib.highlights(entry)
            assert kept is not None and [h.words for h in kept.items] == [body.highlights[0].words]
            assert kept.items[0].words.startswith(SENTENCE)
            assert kept.items[0].quote.startswith(f"> {SENTENCE}")
            assert body.text_selection is None  # the passage kept, no longer selected
            marked = " ".join(_marked_lines(app, body))
            assert "substantive budget then passed" in marked
            assert "Harbour City Council" not in marked
            # Opened again, in another run of the reader: marked again.
        async with running(synced_dir, (60, 40)) as (app, pilot):
            body = await open_titled(pilot, TITLE)
            await until(pilot, lambda: bool(body.highlights), "the highlights read")
            await pilot.pause()
            assert "passed by 38 votes" in " ".join(_marked_lines(app, body))
            await pilot.press("slash", *"substantive budget", "enter", "v", "h")
            await until(pilot, lambda: not body.highlights, "the highlight dropped")
            await pilot.press("escape")
            await pilot.pause()
            assert app.lib.highlights(app.screen.headline.entry) is None
            assert not _marked_lines(app, body)

    asyncio.run(run())


def test_h_with_no_passage_says_how_to_select_one(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 30), notifications=True) as (app, pilot, _):
            await pilot.press("h")
            await pilot.pause()
            assert (
                "Select a passage to keep as a highlight first (v selects a sentence, ) makes it"
                in screen_text(app)
            )
            assert app.lib.highlights(app.screen.headline.entry) is None

    asyncio.run(run())


def test_a_highlight_outlives_a_new_extraction_and_is_said_lost_when_its_words_went(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 40), notifications=True) as (app, pilot, b):
            await pilot.press("slash", *"substantive budget", "enter", "v", "h")
            await until(pilot, lambda: bool(b.highlights), "the highlight kept")
            entry = app.screen.headline.entry
        lib = Library(synced_dir)
        try:
            article = lib.cached_article(entry)
            assert article is not None
            # Read again into other blocks, the same words: a heading before it, its paragraph
            # split in two.
            blocks = list(article.blocks)
            at = next(n for n, b in enumerate(blocks) if b.text.startswith(SENTENCE))
            head, tail = blocks[at].text.split(" votes to 21", 1)
            blocks[at : at + 1] = [
                Block(BlockKind.HEADING, (Inline("The vote"),), level=2),
                Block(BlockKind.PARAGRAPH, (Inline(head + " votes"),)),
                Block(BlockKind.PARAGRAPH, (Inline("to 21" + tail),)),
            ]
            lib.store.put_article(entry.link, replace(article, blocks=tuple(blocks)))
        finally:
            lib.close()
        async with running(synced_dir, (100, 40), notifications=True) as (app, pilot):
            body = await open_titled(pilot, TITLE)
            await until(pilot, lambda: bool(body.highlights), "the highlights read")
            await pilot.pause()
            assert "passed by 38 votes" in " ".join(_marked_lines(app, body))
            assert "no longer in the text" not in screen_text(app)
        lib = Library(synced_dir)
        try:  # corrected: the sentence gone
            article = lib.cached_article(entry)
            assert article is not None
            kept = [b for b in article.blocks if "38 votes" not in b.text and b.text != "to 21"]
            lib.store.put_article(entry.link, replace(article, blocks=tuple(kept)))
        finally:
            lib.close()
        async with running(synced_dir, (100, 40), notifications=True) as (app, pilot):
            body = await open_titled(pilot, TITLE)
            await until(pilot, lambda: "no longer in the text" in screen_text(app), "the notice")
            assert "1 highlight no longer in the text: kept" in screen_text(app)
            assert not _marked_lines(app, body)
            assert len(app.lib.highlights(entry).items) == 1  # type: ignore[union-attr]

    asyncio.run(run())


async def _keep(app: object, pilot: object, words: str) -> None:
    """The sentence holding `words` kept as a highlight by keyboard (`/`, `v`, `h`)."""
    body = app.screen.query_one("ArticleBody")  # type: ignore[attr-defined]
    before = len(body.highlights)
    await pilot.press("slash", *words, "enter", "v", "h")  # type: ignore[attr-defined]
    await until(pilot, lambda: len(body.highlights) > before, "the highlight kept")  # type: ignore[arg-type]
    await pilot.press("escape")  # type: ignore[attr-defined]


def test_reader_highlights_prints_each_passage_quoted_under_its_citation(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    async def run() -> str:
        async with reading(synced_dir, TITLE, (100, 40)) as (app, pilot, _body):
            await _keep(app, pilot, "full document runs")
            await _keep(app, pilot, "substantive budget")
            return app.screen.headline.entry.id

    entry_id = asyncio.run(run())
    code = main(["--data-dir", str(synced_dir), "highlights"])
    printed = capsys.readouterr().out
    assert code == 0
    # In the text's order, each as `y` quotes it, the citation after them.
    first, second = printed.index(f"> {SENTENCE}"), printed.index("> The full document runs")
    assert first < second < printed.index("# Council approves £412m budget")
    assert "Priya Raman" in printed.split("# Council approves", 1)[1]
    assert main(["--data-dir", str(synced_dir), "highlights", entry_id, "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["title"].startswith("Council approves £412m budget")
    assert item["cached"] is True
    assert [h["in_text"] for h in item["highlights"]] == [True, True]
    assert item["highlights"][0]["quote"].startswith(f"> {SENTENCE}")
    assert "Priya Raman" in item["citation"]
    # An article with none: said, exit 0: nothing matched is no failure.
    lib = Library(synced_dir)
    try:
        other = next(h.entry for h in lib.headlines() if TITLE not in h.entry.title)
    finally:
        lib.close()
    assert main(["--data-dir", str(synced_dir), "highlights", other.id]) == 0
    assert "no highlights kept of" in capsys.readouterr().err


def test_a_keeps_a_note_under_the_passage_and_on_the_article(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def lines(app: object) -> list[str]:
        return screen_text(app).split("\n")  # type: ignore[arg-type]

    def at(app: object, words: str) -> int:
        return next(n for n, line in enumerate(lines(app)) if words in line)

    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 50)) as (app, pilot, body):
            await pilot.press("slash", *"substantive budget", "enter", "v", "a")
            await pilot.pause()
            await pilot.press(*"Check the abstention with the clerk", "enter")
            await until(pilot, lambda: "✎ Check the abstention" in screen_text(app), "the note")
            # Under the passage's paragraph, before what follows it.
            note = at(app, "✎ Check the abstention with the clerk")
            assert at(app, "substantive budget then passed") < note < at(app, "How the groups")
            (kept,) = body.highlights  # a passage noted is kept as a highlight
            assert kept.note == "Check the abstention with the clerk"
            await pilot.press("escape", "g", "a")  # the search cleared, no passage: the article
            await pilot.pause()
            await pilot.press(*"Ask the Greens for the vote list", "enter")
            await until(pilot, lambda: body.article_note != "", "the article's note")
            await pilot.pause()
            head = at(app, "✎ Ask the Greens for the vote list")
            assert at(app, "Priya Raman") < head < at(app, "Harbour City Council has approved")
        assert main(["--data-dir", str(synced_dir), "highlights"]) == 0
        printed = capsys.readouterr().out
        quoted = printed.index(f"> {SENTENCE}")
        assert printed.index("Note: Check the abstention with the clerk") > quoted
        assert "Note on the article: Ask the Greens for the vote list" in printed
        # Opened again: drawn again; the article's note emptied, gone.
        async with running(synced_dir, (100, 50)) as (app, pilot):
            body = await open_titled(pilot, TITLE)
            await until(pilot, lambda: "✎ Ask the Greens" in screen_text(app), "the notes")
            assert "✎ Check the abstention with the clerk" in screen_text(app)
            await pilot.press("a")
            await pilot.pause()
            await pilot.press("ctrl+u", "enter")
            await until(pilot, lambda: "✎ Ask the Greens" not in screen_text(app), "dropped")
            kept_now = app.lib.highlights(app.screen.headline.entry)
            assert kept_now is not None and kept_now.note == ""
            assert kept_now.items[0].note == "Check the abstention with the clerk"

    asyncio.run(run())


def test_a_note_added_far_down_leaves_the_same_text_at_the_top(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 24)) as (_app, pilot, body):
            await pilot.press("slash", *"The libraries fight", "enter", "escape")
            await pilot.pause()
            await pilot.press(*"jjjjjjjjjjjjjjj")
            await pilot.pause()
            top = body.lines[body.top_line]
            assert top.strip() and body.top_line > 10
            await pilot.press("a")  # no passage: on the article, drawn at the head of its text
            await pilot.pause()
            await pilot.press(*"Ask the Greens", "enter")
            await until(pilot, lambda: body.article_note != "", "the article's note")
            await pilot.pause()
            assert body.lines[body.top_line] == top
            assert any("✎ Ask the Greens" in line for line in body.lines)

    asyncio.run(run())


def test_an_article_with_a_note_opens_again_where_it_was_left(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 24)) as (_app, pilot, body):
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*"Ask the Greens", "enter")
            await until(pilot, lambda: body.article_note != "", "the article's note")
            await pilot.press("slash", *"The libraries fight", "enter", "escape")
            await pilot.pause()
            await pilot.press(*"jjjjjjjjjjjjjjj")
            await pilot.pause()
            top = body.lines[body.top_line]
            await pilot.press("escape")  # to the headlines, the place kept
            await pilot.pause()
            again = await open_titled(pilot, TITLE)
            assert again is not body
            await until(pilot, lambda: again.article_note != "", "the note read again")
            await pilot.pause()
            assert again.lines[again.top_line] == top

    asyncio.run(run())


def test_a_damaged_highlight_is_left_out_and_the_others_kept(data_dir: Path) -> None:
    url = "http://127.0.0.1:8/story.html"
    lib = Library(data_dir)
    try:
        good = highlight("It passed, narrowly.").record()
        record = {"url": url, "title": "Story", "items": [good, {"words": 5}, "junk"]}
        lib.store._save(lib.store._state, "highlights:" + article_key(url), record)
        kept = lib.highlights(url)
        assert kept is not None and [h.words for h in kept.items] == ["It passed, narrowly."]
        # Not cached: cited by the address and title kept, its words not looked for.
        (listed,) = lib.every_highlight()
        assert (listed.cached, listed.article.title, listed.found) == (False, "Story", (True,))
        lib.store._state.set("highlights:" + article_key(url), b"\xff not json")
        assert lib.highlights(url) is None and lib.every_highlight() == []
    finally:
        lib.close()


async def drop_the_search(pilot: Pilot[object], body: ArticleBody) -> None:
    """Esc, the search kept dropped, before `/` starts the next: typed at once, a `/` acted
    before the Esc typed ahead of it (1 run in 10 with tests.starved_pilot at load 15-19),
    the Esc closed the new search line, and the query's letters went to the article as keys
    (`s` saved it, `n` went on to the next article, where `v h` kept a highlight). Fixed in
    `key_settling` and tested in test_priority_keys_in_a_burst; here the highlights are."""
    await pilot.press("escape")
    await until(pilot, lambda: not body.query, "the search dropped")


def test_h_dropping_a_noted_highlight_says_so_and_h_again_restores_it_with_its_note(
    synced_dir: Path,
) -> None:
    note = "Check the abstention with the clerk"

    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 40), notifications=True) as (app, pilot, b):
            entry = app.screen.headline.entry
            await pilot.press("slash", *"substantive budget", "enter", "v", "a")
            await pilot.pause()
            await pilot.press(*note, "enter")
            await until(pilot, lambda: bool(b.highlights), "the noted highlight kept")
            # Selected again (to quote it, say) and h: dropped, said so with the way back.
            await drop_the_search(pilot, b)
            await pilot.press("slash", *"substantive budget", "enter", "v", "h")
            await until(pilot, lambda: not b.highlights, "the highlight dropped")
            # The notice is drawn at a refresh after it is raised: later on a busy machine.
            said = "Highlight and its note dropped (0 highlights in this article)"
            await until(pilot, lambda: said in " ".join(screen_text(app).split()), "said")
            assert "h again restores them" in " ".join(screen_text(app).split())
            assert app.lib.highlights(entry) is None
            await pilot.press("escape", "h")  # nothing selected: the one dropped comes back
            await until(pilot, lambda: bool(b.highlights), "the highlight restored")
            kept = app.lib.highlights(entry)
            assert kept is not None and [h.note for h in kept.items] == [note]
            restored = "Highlight and its note restored"
            await until(pilot, lambda: restored in " ".join(screen_text(app).split()), "said")
            # The same passage selected and h again, twice: dropped, then back with its note.
            await pilot.press("slash", *"substantive budget", "enter", "v", "h")
            await until(pilot, lambda: not b.highlights, "dropped again")
            await drop_the_search(pilot, b)
            await pilot.press("slash", *"substantive budget", "enter", "v", "h")
            await until(pilot, lambda: bool(b.highlights), "restored again")
            kept = app.lib.highlights(entry)
            assert kept is not None and [h.note for h in kept.items] == [note]

    asyncio.run(run())


def test_a_note_pasted_in_lines_is_kept_whole(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pasted = "Source says fees rise 35%, not a third.\r\n\nCheck with rectors' office: +351 239"

    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 40)) as (app, pilot, body):
            await pilot.press("a")  # no passage: on the article
            await pilot.pause()
            app.post_message(events.Paste(pasted))  # as a terminal's bracketed paste comes
            await pilot.pause()
            await pilot.press("enter")
            await until(pilot, lambda: body.article_note != "", "the article's note")
            await pilot.press("slash", *"substantive budget", "enter", "v", "a")
            await pilot.pause()
            app.post_message(events.Paste("Ask the clerk\nabout the abstention"))
            await pilot.pause()
            await pilot.press("enter")
            await until(pilot, lambda: bool(body.highlights), "the passage's note")
            kept = app.lib.highlights(app.screen.headline.entry)
            assert kept is not None
            assert kept.note == (
                "Source says fees rise 35%, not a third. Check with rectors' office: +351 239"
            )
            assert [h.note for h in kept.items] == ["Ask the clerk about the abstention"]

    asyncio.run(run())
    assert main(["--data-dir", str(synced_dir), "highlights"]) == 0
    printed = capsys.readouterr().out
    assert "Note on the article: Source says fees rise 35%, not a third. Check with" in printed
    assert "Note: Ask the clerk about the abstention" in printed


def test_a_paste_longer_than_the_line_holds_is_said_cut(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 40), notifications=True) as (app, pilot, _):
            await pilot.press("a")
            await pilot.pause()
            await pilot.press(*"Hi ")
            app.post_message(events.Paste("x" * 1000 + "\n" + "y" * 1500))
            await pilot.pause()
            line = app.screen.query_one("Input")
            assert line.value == "Hi " + "x" * 1000 + " " + "y" * 996
            cut = "Only the first 1997 characters of what was pasted kept"  # drawn a moment after
            await until(pilot, lambda: cut in " ".join(screen_text(app).split()), "the cut said")

    asyncio.run(run())


def test_the_articles_note_is_text_in_reader_highlights_markdown_as_in_the_html_export(
    synced_dir: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A note with "<" and "*" was Markdown in `reader highlights` ("<figure>" a tag that
    swallowed the rest, "*levy*" italics) and text in the HTML export (acc47a A10): text in
    both, as the passage's note already was."""
    note = "# TODO: verify <figure> & *levy* [p. 14]"
    lib = Library(synced_dir)
    try:
        entry = next(h.entry for h in lib.headlines() if TITLE in h.entry.title)
        article = lib.cached_article(entry)
        assert article is not None
        lib.keep_highlight(entry, article, highlight(SENTENCE))
        lib.note_article(entry, article, note)
    finally:
        lib.close()
    assert main(["--data-dir", str(synced_dir), "highlights", entry.id]) == 0
    printed = capsys.readouterr().out
    line = next(x for x in printed.splitlines() if x.startswith("Note on the article:"))
    assert "<figure>" not in line and "*levy*" not in line, line
    assert "\\<figure\\>" in line or "&lt;figure&gt;" in line, line
    book = tmp_path / "out.html"
    assert main(["--data-dir", str(synced_dir), "export", "--format", "html", "-o", str(book)]) == 0
    assert "verify &lt;figure&gt; &amp; *levy* [p. 14]" in book.read_text()


def test_an_article_forgotten_is_cited_as_it_was_when_its_highlights_were_kept(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Forgotten (or evicted), an article with highlights was cited by its title and address
    alone: its byline, dates and retrieval are kept with them, and `forget` says they are
    kept (acc33a A6)."""
    lib = Library(synced_dir)
    try:
        entry = next(h.entry for h in lib.headlines() if TITLE in h.entry.title)
        article = lib.cached_article(entry)
        assert article is not None and article.fetched_at is not None
        kept = lib.keep_highlight(entry, article, highlight(SENTENCE))
        lib.note_highlight(entry, SENTENCE, "Check the abstention")
        lib.note_article(entry, article, "Ask the Greens")
        retrieved = article.fetched_at.isoformat(timespec="seconds")
    finally:
        lib.close()
    assert main(["--data-dir", str(synced_dir), "forget", entry.id]) == 0
    said = capsys.readouterr().out
    assert "its 1 highlight and 2 notes are kept: reader highlights lists them" in said
    assert main(["--data-dir", str(synced_dir), "highlights", entry.id]) == 0
    printed = capsys.readouterr().out
    cited = printed.split("# Council approves £412m budget", 1)[1]
    assert "Author: Priya Raman" in cited and "Published: " in cited
    assert f"Retrieved: {retrieved}" in cited
    assert main(["--data-dir", str(synced_dir), "highlights", entry.id, "--format", "json"]) == 0
    (item,) = json.loads(capsys.readouterr().out)
    assert item["cached"] is False and "Priya Raman" in item["citation"]
    assert kept.cited is not None and kept.cited.blocks == ()  # the citation, not the text


def test_highlights_kept_before_their_citation_was_cite_the_headlines_byline(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = Library(synced_dir)
    try:
        entry = next(h.entry for h in lib.headlines() if TITLE in h.entry.title)
        record = {"url": entry.link, "title": entry.title, "items": [highlight(SENTENCE).record()]}
        lib.store._save(lib.store._state, "highlights:" + article_key(entry.link), record)
        lib.forget(entry)
    finally:
        lib.close()
    assert main(["--data-dir", str(synced_dir), "highlights", entry.id]) == 0
    cited = capsys.readouterr().out.split("# Council approves £412m budget", 1)[1]
    assert "Author: Priya Raman" in cited
    assert "Published: " in cited and "(per the feed)" in cited


def test_a_note_holding_the_words_searched_keeps_the_search_on_its_match(
    synced_dir: Path,
) -> None:
    """A note on the article holding the words searched is one more match, drawn at the head:
    the search stays on the match it was at, one number later, and `v` selects its sentence
    (acc48b: "Match 6 of 14" became "6 of 15", and `v` chose the match before)."""

    def current_words(body: ArticleBody) -> tuple[int, str]:
        assert body._matches is not None and body._current is not None
        run, start = body._matches.start_of(body._current)
        text = body._line_map.runs[run].text
        return start, text

    async def run() -> None:
        async with reading(synced_dir, TITLE, (100, 24)) as (_app, pilot, body):
            await pilot.press("slash", *"budget", "enter")
            await pilot.pause()
            assert body.match_count >= 4
            await pilot.press("n", "n", "n")
            await pilot.pause()
            number, count, words = body.current_match, body.match_count, current_words(body)
            assert number is not None
            await pilot.press("a")  # no passage: on the article, drawn at the head of its text
            await pilot.pause()
            await pilot.press(*"Ask about the budget vote", "enter")
            await until(pilot, lambda: body.article_note != "", "the article's note")
            await pilot.pause()
            assert body.match_count == count + 1
            assert (body.current_match, current_words(body)) == (number + 1, words)

    asyncio.run(run())
