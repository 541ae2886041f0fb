"""A passage quoted (`v`, `)`, `y`) is written as the article's Markdown writes the same blocks
(acc19b F9): an interview's questions stay bold, a quote inside the passage stays a quote with
its attribution, a list a list, a table's rows a table. Real parts: the page served, fetched,
extracted and cached, then read in the app with Pilot."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from pathlib import Path

from markdown_it import MarkdownIt
from textual.pilot import Pilot

from reader.ui.app import ReaderApp
from tests.tui_pilot import reading, subscribe_to_page, until

TITLE = "We kept the lamp lit: a talk with the last keeper of Ardnish"
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Firth Courier</title></head><body><article><h1>{TITLE}</h1>
<p class="byline">By Morven Shaw</p>
<p>Callum Reid kept the Ardnish light for twenty-eight years, until the last keepers were
withdrawn. He talked to us at the table of the cottage he still rents below the tower.</p>
<p><strong>How old were you when you first went up the tower?</strong></p>
<p>Seventeen. My uncle took me up on a winter night and I held the rail all the way.</p>
<p><strong>What was it like when the light was automated?</strong></p>
<p>Quiet, mostly. The lamp went on turning. Nobody needed me to <em>wind</em> it any more.</p>
<blockquote><p>The tide keeps its own hours. You learn that before anything else.</p>
<footer>&mdash; <cite>Callum Reid</cite></footer></blockquote>
<p>He still climbs the tower once a month, he said, to check the glass for salt and to look
at the weather coming in from the west over the islands.</p>
<p>His jobs on a night watch, as he listed them:</p>
<ul><li>Trim the <strong>wick</strong> at dusk</li><li>Wind the clockwork every two hours</li></ul>
<p>The board's log gives the last years of the station in its own figures, which show how
the work of the keepers fell away as the equipment took over.</p>
<table><thead><tr><th>Year</th><th>Keepers</th><th>Nights logged</th></tr></thead>
<tbody><tr><td>1998</td><td>3</td><td>365</td></tr>
<tr><td>2003</td><td>1</td><td>120</td></tr></tbody></table>
<p>The cottage, he says, will be his for as long as he wants it.</p>
</article></body></html>"""


def copies(app: ReaderApp) -> list[str]:
    """What the app puts on the clipboard from now on."""
    copied: list[str] = []
    original = app.copy_to_clipboard

    def copy(text: str) -> None:
        copied.append(text)
        original(text)

    app.copy_to_clipboard = copy  # type: ignore[method-assign]
    return copied


async def copied_by(pilot: Pilot[object], copied: list[str], *keys: str) -> None:
    """Press `keys`, the last a copy's (`y`), and wait until it is on the clipboard (`copied`,
    from `copies`): keys typed before the article is drawn wait for it (`takes_keys`), and a
    fixed 0.2 s was a race on a busy machine."""
    before = len(copied)
    await pilot.press(*keys)
    await until(pilot, lambda: len(copied) > before, f"the copy made by {keys[-1]!r}")


async def quote(pilot: Pilot[object], copied: list[str], search: str, more: int) -> None:
    """Find `search`, choose its sentence (`v`) and `more` sentences after it, and `y`."""
    await copied_by(pilot, copied, "slash", *search, "enter", "v", *[")"] * more, "y")
    await pilot.press("escape", "escape")


def quotations(tmp_path: Path, chosen: list[tuple[str, int]]) -> list[str]:
    subscribe_to_page(tmp_path, PAGE, "Firth Courier", TITLE, "/keeper.html")

    async def run() -> list[str]:
        async with reading(tmp_path, "last keeper", (100, 40)) as (app, pilot, _body):
            app.config = replace(app.config, citation_copy="markdown")  # Markdown's quoting
            copied = copies(app)
            for search, more in chosen:
                await quote(pilot, copied, search, more)
            # The quotation, without the citation under it.
            return [text.split("\n\n# ")[0] for text in copied]

    return asyncio.run(run())


def test_a_quoted_passage_is_written_as_the_articles_markdown(tmp_path: Path) -> None:
    questions, quoted, listed, table = quotations(
        tmp_path,
        # The quote's two sentences and its attribution are one step of `)`, as is a table.
        [("How old", 2), ("Quiet, mostly", 3), ("His jobs", 2), ("The board", 1)],
    )
    # The question bold, as the article's Markdown has it: "> How old…" put the question and
    # the answer in one voice.
    assert questions == (
        "> **How old were you when you first went up the tower?**\n"
        ">\n"
        "> Seventeen. My uncle took me up on a winter night and I held the rail all the way."
    )
    # The quote in the passage a quote in the quotation, with who said it (its last sentence
    # chosen, its attribution goes with it): it read as the answer's next paragraph.
    assert quoted == (
        "> Quiet, mostly. The lamp went on turning. Nobody needed me to *wind* it any more.\n"
        ">\n"
        "> > The tide keeps its own hours. You learn that before anything else.  \n"
        "> > — *Callum Reid*"
    )
    html = MarkdownIt("commonmark").render(quoted)
    assert html.count("<blockquote>") == 2 and "<em>Callum Reid</em>" in html
    assert listed == (
        "> His jobs on a night watch, as he listed them:\n"
        ">\n"
        "> - Trim the **wick** at dusk\n"
        "> - Wind the clockwork every two hours"
    )
    # A table's rows as a table, under their headings: the whole table, which `)` takes
    # at once (row by row, a passage ended on its header, acc27a A6).
    assert table.split("\n")[2:] == [
        "> | Year | Keepers | Nights logged |",
        "> | ---: | ---: | ---: |",
        "> | 1998 | 3 | 365 |",
        "> | 2003 | 1 | 120 |",
    ]
