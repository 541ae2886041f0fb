"""The newsroom's note at the head of a story ("Editor's note: …", "Correction: …", "This article
has been updated…"): marked as a note by the extractor, dimmed in the reading view, and on a low
terminal folded to its first line, `z` showing it whole. Markdown and text give it as before.

A local paper's story served on 127.0.0.1, read through the real extractor, and the reader
driven with Pilot.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from reader.codec import article_from_dict, article_to_dict
from reader.extract import extract_file
from reader.models import Article
from reader.render import to_markdown
from reader.ui.widgets.article.body_layout import FOLD_MARK
from tests.tui_pilot import reading, resize, screen_text, subscribe_to_page, until

NOTE = (
    "This story has been updated to correct the cost of the repairs, which the council first "
    "gave as £4.1m, and to add a comment from the harbour master, who spoke to the Gazette "
    "after the meeting on Tuesday evening."
)
STORY = """<p>Repairs to the eastern harbour wall will begin in March, the council said on
Tuesday, after the winter storms left a breach of almost twenty metres near the lifeboat
station.</p>
<p>The work, costed at £3.8m, will close the eastern quay to visitors for at least ten weeks,
and fishing boats will be moved to the inner basin while the wall is rebuilt.</p>
<p>“We cannot go through another winter like the last one,” the harbour master, Tom Berg, said.
“The wall has stood for a hundred and forty years, and it needs more than patching.”</p>
<p>Residents will be able to see the plans at the library from next week, and a public meeting
is planned for February at the town hall.</p>"""


def page(head: str, story: str = STORY) -> str:
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour wall repairs to start in spring - Porthaven Gazette</title>
<meta property="og:site_name" content="Porthaven Gazette">
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Harbour wall repairs to start in spring</h1>
<p class="byline">By Jane Smith</p>
{head}
{story}
</article>
<footer><p>© 2026 Porthaven Gazette</p></footer>
</body></html>"""


PAGE = page(f'<aside class="editors-note"><p><strong>Editor’s note:</strong> {NOTE}</p></aside>')


def extracted(html: str) -> Article:
    return extract_file(html.encode(), "https://gazette.example/news/harbour-wall")


def notes(article: Article) -> list[str]:
    return [block.text for block in article.blocks if block.note]


def test_a_note_at_the_head_of_a_story_is_marked_and_its_markdown_is_as_before() -> None:
    """The extractor kept the note as a paragraph like the story's: now it is marked as the
    newsroom's note, the story's paragraphs are not, and the Markdown, the text and the
    record's other fields are what they were."""
    article = extracted(PAGE)
    assert notes(article) == [f"Editor’s note: {NOTE}"]
    story = [block for block in article.blocks if not block.note]
    assert story[0].text.startswith("Repairs to the eastern harbour wall")
    unmarked = replace(article, blocks=tuple(replace(b, note=False) for b in article.blocks))
    assert to_markdown(article) == to_markdown(unmarked)
    assert f"**Editor’s note:** {NOTE}" in to_markdown(article)
    # Kept in the cache: the mark comes back with the article.
    assert notes(article_from_dict(article_to_dict(article))) == notes(article)


def test_corrections_and_update_notes_at_the_head_are_notes_too() -> None:
    """Each way a newsroom heads a story with its note, in a box of its own or as the story's
    first paragraph: a correction's label, the note that says no more than that the story was
    updated, and the words of an earlier version."""
    for head, opening in (
        ("<p>Correction, Dec. 2: An earlier version of this story gave the wrong cost.</p>", "Corr"),
        ('<div class="update"><p>This article has been updated with the council’s figures.</p>'
         "</div>", "This article"),
        ("<p><em>An earlier version of this story misstated the length of the breach.</em></p>",
         "An earlier"),
    ):  # fmt: skip
        found = notes(extracted(page(head)))
        assert len(found) == 1 and found[0].startswith(opening), (head, found)


def test_the_story_s_own_paragraphs_are_not_notes() -> None:
    """Words of a note in the story's text are the story's: a first paragraph quoting a
    "Correction officers said…", an update under a live blog's heading, a paragraph far down
    that opens "Update:", a site's notice about its corrections policy."""
    officers = "<p>Correction officers said the wall had been inspected in the autumn.</p>"
    assert notes(extracted(page("", officers + STORY))) == []
    live = "<h2>14:05</h2><p>Update: The council has now confirmed the cost of the repairs.</p>"
    assert notes(extracted(page("", live + STORY))) == []
    later = STORY + "<p>Update: The council has now confirmed the cost of the repairs.</p>"
    assert notes(extracted(page("", later))) == []
    policy = "<p>Correction: see our corrections policy to report an error in a story.</p>"
    assert notes(extracted(page(policy))) == []


def serve(data_dir: Path) -> None:
    subscribe_to_page(data_dir, PAGE, "Porthaven Gazette", "Harbour wall repairs", "/wall.html")


def test_on_a_low_terminal_the_note_is_folded_to_its_first_line_and_z_shows_it(
    data_dir: Path,
) -> None:
    """At 40×12 the note's six lines filled the first screen, and not a word of the story was
    on it. Folded to its first line with a mark, the story's first lines are in view; `z` (in
    the key bar while a note is folded) shows it whole. What is searched is what is shown."""
    serve(data_dir)

    async def run() -> None:
        async with reading(data_dir, "Harbour wall", (40, 12)) as (app, pilot, body):
            await pilot.pause()
            shown = screen_text(app)
            note_line = next(line for line in body.lines if line.startswith("Editor’s note"))
            assert note_line.rstrip().endswith(FOLD_MARK)
            assert "Repairs to the eastern harbour wall" in shown
            assert "Tuesday evening" not in "".join(body.lines)
            assert "z Whole note" in shown
            await pilot.press("slash", *"lifeboat", "enter")
            await pilot.pause()
            assert body.match_count == 1  # the story's, not a word of the folded note
            await pilot.press("escape")
            await pilot.press("slash", *"harbour master", "enter")
            await pilot.pause()
            assert body.match_count == 1  # the story's: the note's is folded away
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("z")
            await pilot.pause()
            lines = body.lines
            assert not any(line.rstrip().endswith(FOLD_MARK) for line in lines)
            assert any("Tuesday evening." in line for line in lines)
            # The key bar made again at a refresh after the key: later on a busy machine.
            await until(pilot, lambda: "z Whole note" not in screen_text(app), "z gone")
            # Whole until another article: a resize doesn't fold it again.
            await resize(pilot, 44, 12)
            assert any("Tuesday evening." in line for line in body.lines)

    asyncio.run(run())


def test_on_a_terminal_of_20_lines_or_more_the_note_is_whole_and_dimmed(data_dir: Path) -> None:
    """From 80×24 the note is whole, in the muted colour of the header's lines rather than the
    story's, and no `z` is offered."""
    serve(data_dir)

    async def run() -> None:
        async with reading(data_dir, "Harbour wall", (80, 24)) as (app, pilot, body):
            await pilot.pause()
            assert not body.folded_notes
            assert "z Whole note" not in screen_text(app)
            lines = body.lines
            first = next(i for i, line in enumerate(lines) if line.startswith("Editor’s note"))
            assert "Tuesday evening." in "".join(lines[first : first + 4])
            muted = body.get_component_rich_style("article-body--meta").color
            story = next(i for i, line in enumerate(lines) if line.startswith("Repairs"))
            laid = body._laid.lines
            note_colours = {s.style.color for s in laid[first] if s.text.strip() and s.style}
            story_colours = {s.style.color for s in laid[story] if s.text.strip() and s.style}
            assert muted is not None and note_colours == {muted}
            assert muted not in story_colours
            # A lower terminal folds it; a higher one again shows it whole. Laid out again at
            # the resize's refresh: later than a pause on a busy machine.
            await pilot.resize_terminal(80, 14)
            await until(pilot, lambda: body.folded_notes, "the note folded")
            await pilot.resize_terminal(80, 24)
            await until(pilot, lambda: not body.folded_notes, "the note whole again")

    asyncio.run(run())
