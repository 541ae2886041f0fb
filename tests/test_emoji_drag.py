"""A drag of the mouse over words after an emoji with a skin tone selects the words under the
mouse: Textual names the character under the mouse by Rich's measure of the line, which gives
the tone ("👍🏽": U+1F44D U+1F3FD) no cell, where tmux and the terminals measuring by wcwidth
draw it in two (`cell_width`): the selection began and ended two characters right of the
mouse. Driven with Pilot's mouse events on the real app, the page served and cached."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.cells import cell_len

from reader.ui.cell_width import uncounted_cells
from tests.tui_pilot import reading, screen_text, subscribe_to_page, until

TITLE = "Night shift keeps the harbour crane turning"
SENTENCE = "Thanks 👍🏽 from the harbour crew on the night shift, who kept the crane going."
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Firth Courier</title></head><body><article><h1>{TITLE}</h1>
<p>The harbour crane broke down on Monday evening with two ships still waiting to unload,
and the night shift worked until dawn to mend it before the morning tide came in.</p>
<p>{SENTENCE}</p>
<p>The harbour master said the crane would be inspected again at the end of the month, and
that the shift would be thanked at the board's next meeting.</p>
</article></body></html>"""


def cell_of(line: str, words: str) -> int:
    """The terminal's cell where `words` start on a screen line (a skin tone in two cells)."""
    before = line[: line.index(words)]
    return cell_len(before) + uncounted_cells(before)


def test_a_drag_after_a_skin_tone_selects_the_words_under_the_mouse(tmp_path: Path) -> None:
    subscribe_to_page(tmp_path, PAGE, "Firth Courier", TITLE, "/crane.html")

    async def run() -> str:
        async with reading(tmp_path, "Night shift", (100, 30)) as (app, pilot, body):
            await until(pilot, lambda: app.screen.takes_keys, "the article drawn")
            lines = screen_text(app).splitlines()
            y = next(n for n, line in enumerate(lines) if "Thanks" in line)
            line = lines[y]
            start = cell_of(line, "harbour crew")
            end = cell_of(line, " on the night")  # the space after "crew"
            await pilot.mouse_down(offset=(start, y))
            await pilot.hover(offset=(end, y))
            await pilot.mouse_up(offset=(end, y))
            await pilot.pause(0.2)
            return body.selected_text

    assert asyncio.run(run()) == "harbour crew"
