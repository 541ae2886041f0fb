"""Links to write or call to: "Write to <a href="mailto:…">the editor</a>" keeps its address.

An e-mail or telephone link lost its address in extraction (only http(s) links were kept), so
"Write to the editor or call the newsroom" named no one to write to. Now Markdown keeps it as
a link, plain text writes it after the link's words (as it does a picture's address), and the
reading view selects it like any link: Enter says the address, never opens it. Any other
scheme (javascript:, data:, file:, vbscript:) stays dead text.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from reader.extract import extract_article, to_markdown, to_text
from reader.ui.screens.article import ArticleScreen
from tests.tui_pilot import notices_raised, reading, status, subscribe_to_page

URL = "https://harbourtimes.example/2026/12/dues.html"
LEDE = (
    "<p>The harbour board will raise mooring dues by a tenth from April, its annual report "
    "says, to pay for the dredging of the eastern channel and the repairs to the north quay.</p>"
)


def _page(paragraph: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Mooring dues to rise | Harbour Times</title></head><body><article>"
        f"<h1>Mooring dues to rise</h1>{LEDE}<p>{paragraph}</p>"
        "<p>Skippers say the rise will cost a small crabber some forty pounds a year, and the "
        "fishermen's association has asked the board to phase it in over two seasons.</p>"
        "</article></body></html>"
    )


CONTACTS = (
    'Write to <a href="mailto:editor@harbourtimes.example?subject=Dues">the editor</a> or '
    'call <a href="tel:+44 1736 000000">the newsroom</a>; the clerk is '
    '<a href="mailto:clerk@harbourboard.example">clerk@harbourboard.example</a>.'
)


def test_markdown_keeps_e_mail_and_telephone_links() -> None:
    markdown = to_markdown(extract_article(_page(CONTACTS), URL), header=False)
    assert (
        "Write to [the editor](<mailto:editor@harbourtimes.example>) or call "
        "[the newsroom](<tel:+441736000000>); the clerk is "
        "[clerk@harbourboard.example](<mailto:clerk@harbourboard.example>)." in markdown
    )


def test_plain_text_writes_the_address_after_the_link_s_words_once() -> None:
    text = to_text(extract_article(_page(CONTACTS), URL), header=False)
    assert (
        "Write to the editor <mailto:editor@harbourtimes.example> or call the newsroom "
        "<tel:+441736000000>; the clerk is clerk@harbourboard.example." in text
    )


@pytest.mark.parametrize(
    "href",
    [
        "javascript:location='mailto:editor@harbourtimes.example'",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:msgbox(1)",
        # Not an address, or one carrying what a terminal or a shell would act on.
        "mailto:",
        "mailto:editor",
        "mailto:editor@harbourtimes.example&#x9b;31m",
        "mailto:<editor@harbourtimes.example>",
        "tel:call-us",
        "tel:+44&#x9b;31m1736",
    ],
)
def test_other_schemes_and_malformed_addresses_stay_dead_text(href: str) -> None:
    page = _page(f'Write to <a href="{href}">the editor</a> about the dues.')
    article = extract_article(page, URL)
    markdown = to_markdown(article, header=False)
    assert "Write to the editor about the dues." in markdown
    assert "Write to the editor about the dues." in to_text(article, header=False)
    links = [run.href for block in article.blocks for run in block.inlines if run.href]
    assert links == []


def test_an_escape_sequence_written_in_an_address_goes_whole_as_a_raw_one_does() -> None:
    """A clipboard-setting sequence written with references in a mail link goes whole before
    the page is parsed (as a raw one always did), leaving the address around it."""
    href = "mailto:editor@harbourtimes.example&#27;]52;c;cm0gLXJmIH4=&#7;"
    article = extract_article(_page(f'Write to <a href="{href}">the editor</a>.'), URL)
    links = [run.href for block in article.blocks for run in block.inlines if run.href]
    assert links == ["mailto:editor@harbourtimes.example"]
    assert "52;c" not in to_markdown(article) and "52;c" not in to_text(article)


def test_the_reading_view_selects_the_link_and_enter_says_its_address(
    data_dir: Path, browser: list[str]
) -> None:
    subscribe_to_page(data_dir, _page(CONTACTS), "Harbour Times", "Mooring dues to rise")

    async def run() -> None:
        async with reading(data_dir, "Mooring dues", (100, 30), notifications=True) as (
            app,
            pilot,
            body,
        ):
            assert body.link_count == 3
            await pilot.press("tab")
            assert status(app).startswith("Link 1 of 3: mailto:editor@harbourtimes.example")
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("enter")
            assert raised[-1] == (
                "E-mail address: editor@harbourtimes.example "
                "(not opened; L lists the links, c copies one)"
            )
            await pilot.press("tab", "enter")
            assert status(app).startswith("Link 2 of 3: tel:+441736000000")
            assert raised[-1].startswith("Telephone number: +441736000000 (not opened")
            assert browser == []
            assert isinstance(app.screen, ArticleScreen)  # the reader stays where it was

    asyncio.run(run())
