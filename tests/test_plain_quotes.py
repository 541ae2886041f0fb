"""`y`'s plain-text quotation is the passage's words alone (acc39a L9): a pull quote without
"> " before its lines, a subhead without the line of "-----" `reader show` draws under it,
so nothing is left to clean out of a CMS. `reader show` keeps both, as a plain-text e-mail
would. Real parts: the page served, fetched, extracted and cached, then read in the app."""

from __future__ import annotations

import asyncio
from pathlib import Path

from reader.extract import extract_article, to_text
from reader.ui.app import ReaderApp
from tests.test_quoted_markdown import copies, quote
from tests.tui_pilot import reading, subscribe_to_page

TITLE = "The wall that held back the sea for a century"
PAGE = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{TITLE} | Harbourton Courier</title></head><body><article><h1>{TITLE}</h1>
<p class="byline">By Maren Holt</p>
<p>The sea wall at Kellow Point was built in 1887 by men who were paid by the yard, and it
has stood through every winter storm the coast has thrown at it since then.</p>
<blockquote class="pullquote"><p>“You could put your hand into the gap up to the wrist.”</p>
<footer>— Tom Averill, fisherman</footer></blockquote>
<p>Engineers who surveyed the wall in the autumn found three breaches below the tide line,
each wider than the last survey had recorded, and a fourth forming near the slipway.</p>
<h2>14.10 GMT · Pilots meet port authority</h2>
<p>The harbour pilots met the port authority this afternoon to ask for the channel to be
closed at night. The authority said it would answer by Friday.</p>
</article></body></html>"""


def plain_quotations(tmp_path: Path, chosen: list[tuple[str, int]]) -> list[str]:
    subscribe_to_page(tmp_path, PAGE, "Harbourton Courier", TITLE, "/wall.html")

    async def run() -> list[str]:
        async with reading(tmp_path, "held back the sea", (100, 40)) as (app, pilot, _body):
            assert isinstance(app, ReaderApp) and app.config.citation_copy == "text"
            copied = copies(app)
            for search, more in chosen:
                await quote(pilot, copied, search, more)
            # The quotation, without the citation under it (its title underlined in "=").
            return [text.split(f"\n\n{TITLE}\n")[0] for text in copied]

    return asyncio.run(run())


def test_a_plain_quotation_has_no_quote_marks_and_no_heading_underline(tmp_path: Path) -> None:
    pulled, update = plain_quotations(tmp_path, [("hand into", 0), ("Pilots meet", 1)])
    assert (pulled, update) == (
        # The pull quote's words and who said them, a line each, as a CMS takes them.
        "“You could put your hand into the gap up to the wrist.”\n— Tom Averill, fisherman",
        # The update's heading its words on their own line, then its first sentence.
        "14.10 GMT · Pilots meet port authority\n\n"
        "The harbour pilots met the port authority this afternoon to ask for the channel "
        "to be closed at night.",
    )


def test_reader_show_still_marks_the_quote_and_underlines_the_heading() -> None:
    text = to_text(extract_article(PAGE.encode(), "https://courier.example.com/wall.html"))
    assert "> “You could put your hand into the gap up to the wrist.”" in text
    assert "14.10 GMT · Pilots meet port authority\n--------" in text
