"""A line of code wider than the reading view's column: folded at the edge with a mark before
its rest, as editors and `less` mark a folded line, so its two halves don't read as two lines
of code; what a passage copies (`y`, Ctrl-C) is the line as written, without the mark.

A developer's blog post served on 127.0.0.1, read through the real extractor and the reader
driven with Pilot.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.geometry import Offset
from textual.selection import Selection

from reader.ui.widgets.article.block_paragraphs import FOLD_MARK
from tests.tui_pilot import reading, screen_text, subscribe_to_page

COMMAND = (
    "python -m tidecalc.build --station=porthkennack --from=2026-01-01 --to=2026-12-31"
    " --output=tables/porthkennack-2026.csv --format=csv"
)
PAGE = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Building next year's tide tables | Quay Dev Notes</title></head><body>
<header><nav><a href="/">Quay Dev Notes</a> <a href="/about">About</a></nav></header>
<main><article><h1>Building next year's tide tables</h1>
<p class="byline">By Morwenna Hale</p>
<p>Every December the harbour office asks for next year's tide tables, and every December
somebody has to remember how the build works. This post is that memory, written down for
whoever does it next time, with the commands in the order they run.</p>
<p>First fetch the harmonic constants for the station, then run the build. The build writes one
file per station, and it takes about a minute on the office laptop.</p>
<pre>cd tidecalc
{COMMAND}
echo "tables written"</pre>
<p>Check the first week against the printed almanac before sending anything out: a wrong
datum shifts every height by the same amount, and it is easy to miss on a screen.</p>
<p>When the numbers agree, copy the file to the shared drive and tell the harbour master it is
there. That is the whole job, and it should take less than an hour from start to finish.</p>
</article></main><footer><p>© 2026 Quay Dev Notes</p></footer></body></html>"""


def serve(data_dir: Path) -> None:
    """Subscribe `data_dir` to a feed of the post, its article fetched and cached."""
    subscribe_to_page(data_dir, PAGE, "Quay Dev Notes", "Tide tables", "/tide-tables.html")


def test_a_line_of_code_folded_at_the_column_s_edge_is_marked_where_it_goes_on(
    data_dir: Path,
) -> None:
    """At 80 columns the build command ran on to the next line as if that were a line of code
    of its own ("…--to=2026-12-31 --outp" / "ut=tables/…"). Its rest is marked now; the
    lines that fit are not, and the passage copied is the command whole."""
    serve(data_dir)

    async def run() -> None:
        async with reading(data_dir, "Tide tables", (80, 24)) as (app, pilot, body):
            lines = body.lines
            first = next(i for i, line in enumerate(lines) if "python -m tidecalc" in line)
            rest = lines[first + 1]
            assert rest.startswith(f"{FOLD_MARK} "), rest
            assert not lines[first].startswith(FOLD_MARK)
            for short in ("cd tidecalc", 'echo "tables written"'):
                line = next(line for line in lines if short in line)
                assert line.startswith("  ") and FOLD_MARK not in line
            # The two pieces are the command, cut at the column's edge and nowhere else.
            assert lines[first][2:].rstrip() + rest[2:].rstrip() == COMMAND
            assert FOLD_MARK in screen_text(app)  # drawn, not only laid out
            # Copied, it is one line again, the mark no part of it.
            end = next(i for i, line in enumerate(lines) if "tables written" in line)
            app.screen.selections = {body: Selection(Offset(0, first - 1), Offset(80, end))}
            await pilot.pause()
            assert body.selected_text == f'cd tidecalc\n{COMMAND}\necho "tables written"'

    asyncio.run(run())
