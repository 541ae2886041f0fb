"""An article's links from the keyboard: Tab / Shift-Tab select them in the text as in lynx, Enter
opens the selected one in the browser.

Driven with Pilot on a data directory synced from the demo site. The council budget story has two
links: "published on our site as a PDF" (broken over two lines at 100 columns) and, further down,
"this week's walkout at Eastquay". Only `webbrowser.open` is replaced (the `browser` fixture).
`L` lists every link, to open or copy; `y` copies the article's citation.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path

import pytest
from textual import events
from textual.app import ComposeResult
from textual.geometry import Offset
from textual.pilot import Pilot
from textual.selection import Selection

from reader.citation import markdown_header
from reader.citation_styles import chicago
from reader.commonmark import escape_line_starts
from reader.config import load_config
from reader.models import Article, Block, BlockKind, Inline
from reader.ui import clipboard
from reader.ui.app import ReaderApp
from reader.ui.dialogs.links import NO_LINKS, Link, LinksScreen
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.article.body_links import LINK_COMPONENT
from reader.ui.widgets.key_bar import KeyBar
from tests.tui_pilot import (
    keys_handled,
    line_of,
    marked,
    notices_raised,
    on_top,
    open_titled,
    reading,
    resize,
    screen_segments,
    screen_text,
    selection_readable,
    status,
    until,
)

SIZE = (100, 30)
BUDGET = "Council approves"
PDF = "published on our site as a PDF"
WALKOUT = "this week's walkout at Eastquay"


def selected(app: ReaderApp) -> list[str]:
    """The text on screen drawn in the selected link's style, one string per stretch of cells."""
    return marked(app, LINK_COMPONENT)


def key_bar(app: ReaderApp) -> str:
    return screen_text(app).splitlines()[-1]


def test_tab_selects_the_first_link_on_screen_and_lights_it_on_both_its_lines(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            assert body.link_count == 2 and body.selected_link is None
            assert not selected(app)
            await pilot.press("tab")
            assert body.selected_link == 1
            # The link is broken over two screen lines: both parts are lit, nothing else.
            assert selected(app) == ["published on our site as a", "PDF"]
            assert status(app).startswith("Link 1 of 2: http://")
            assert status(app).split("  │  ")[0].endswith("/gazette/files/budget-report.pdf")
            # The key bar is drawn again at a refresh after the key: later on a busy machine.
            keys = "⏎ Open link", "esc Drop link"
            await until(pilot, lambda: all(k in key_bar(app) for k in keys), "the link's keys")

            # From a view below the first link, Tab starts at the top of the screen: the second.
            await pilot.press("escape")
            assert body.selected_link is None and not selected(app)
            body.scroll_to(y=line_of(body, "walkout at") - 2, animate=False, immediate=True)
            await pilot.press("tab")
            assert body.selected_link == 2
            assert " ".join(selected(app)) == WALKOUT

            # A narrower terminal wraps the text again: the same link, lit on its new cells.
            lines = body.lines
            await pilot.resize_terminal(60, 30)
            await until(pilot, lambda: body.lines != lines, "the re-wrap")
            await pilot.pause()
            assert body.selected_link == 2
            assert " ".join(selected(app)) == WALKOUT

    asyncio.run(run())


def test_tab_and_shift_tab_walk_the_links_round_the_ends(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            raised = notices_raised(app)
            walked = []
            for key in ("tab", "tab", "tab", "shift+tab", "shift+tab"):
                await pilot.press(key)
                walked.append((body.selected_link, " ".join(selected(app))))
            assert walked == [(1, PDF), (2, WALKOUT), (1, PDF), (2, WALKOUT), (1, PDF)]
            assert raised == ["Round to the first link.", "Round to the last link."]
            # The view followed: the second link is far below the first.
            await pilot.press("tab")
            assert body.top_line > 0 and " ".join(selected(app)) == WALKOUT

    asyncio.run(run())


def test_enter_opens_the_selected_link_and_only_a_web_one(
    synced_dir: Path, browser: list[str]
) -> None:
    article = Article(
        "https://news.example/links.html",
        title="Links of every kind",
        blocks=(
            Block(
                BlockKind.PARAGRAPH,
                (
                    Inline("Run "),
                    Inline("this script", href="javascript:alert(1)"),
                    Inline(", read "),
                    Inline("the filing", href="https://court.example/filing.pdf"),
                    Inline(" or "),
                    Inline("a local file", href="file:///etc/passwd"),
                    Inline("."),
                ),
            ),
        ),
    )

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            await pilot.press("tab", "enter")
            site = app.screen.headline.entry.link.split("/gazette/")[0]
            assert browser == [f"{site}/gazette/files/budget-report.pdf"]
            assert isinstance(app.screen, ArticleScreen)  # the reader stays where it was

            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            await pilot.press("tab", "enter")
            assert selected(app) == ["this script"]
            refused = "This item has no web address to open."
            said = [n for n in app._notifications if n.message == refused]
            await pilot.press("tab", "tab", "enter")
            assert selected(app) == ["a local file"]
            assert browser[1:] == []  # neither reached the browser
            # Each said so: the second notice took the place of the first, still shown.
            again = [n for n in app._notifications if n.message == refused]
            assert len(said) == len(again) == 1 and again[0] is not said[0]
            await pilot.press("shift+tab", "enter")
            assert browser[1:] == ["https://court.example/filing.pdf"]

    asyncio.run(run())


def test_esc_drops_the_link_then_goes_back_and_another_article_starts_without_one(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await pilot.press("tab")
            top = body.top_line
            await pilot.press("escape")
            assert app.screen is screen and body.selected_link is None
            assert body.top_line == top  # dropping it does not move the view
            assert "Link" not in status(app)
            # The key bar is drawn again at a refresh after the key: later on a busy machine.
            await until(pilot, lambda: "esc Back" in key_bar(app), "the article's keys")
            await pilot.press("escape")
            await on_top(pilot, MainScreen, "the headlines")

            # n with a link selected: the next article, with none selected.
            body = await open_titled(pilot, BUDGET)
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            position = screen.position
            await pilot.press("tab", "n")
            await until(pilot, lambda: screen.loaded and screen.position == position + 1, "n")
            assert body.selected_link is None and "Link" not in status(app)

    asyncio.run(run())


def test_a_search_and_a_link_share_esc_in_order(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            await pilot.press("slash", *"libraries", "enter", "tab")
            assert body.match_count and body.selected_link is not None
            await pilot.press("n")  # n is still the search's
            assert body.current_match == 2 and body.selected_link is not None
            await pilot.press("escape")
            assert body.selected_link is None and body.match_count
            assert "Match 2 of" in status(app)
            await pilot.press("escape")
            assert not body.match_count and isinstance(app.screen, ArticleScreen)

    asyncio.run(run())


def test_a_link_to_another_of_the_feeds_articles_is_read_here(
    synced_dir: Path, browser: list[str]
) -> None:
    """Enter on "this week's walkout at Eastquay" opens that story in the reader (it is in the
    cache: offline too); Esc comes back to the budget story, its link still selected. The PDF
    link, which the reader can't show, goes to the browser as before."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            budget = app.screen
            await pilot.press("tab", "tab")
            assert status(app).startswith("Link 2 of 2 (Enter reads it here): http://")
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is not budget, "the linked article")
            linked = app.screen
            assert (
                isinstance(linked, ArticleScreen) and "crane" in linked.headline.entry.title.lower()
            )
            await until(pilot, lambda: linked.loaded, "its text")
            assert "walkout" in linked.query_one(ArticleBody).text.lower()
            assert browser == []
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is budget, "the budget story again")
            assert body.selected_link == 2
            await pilot.press("shift+tab", "enter")
            assert browser == [body.link_address] and body.link_address.endswith(".pdf")
            assert app.screen is budget
            # From the list of links (L) too: the story opens over the article, not the list.
            await pilot.press("L", "down", "enter")
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the story")
            assert app.screen is not budget and "crane" in app.screen.headline.entry.title.lower()
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is budget, "the budget story again")

    asyncio.run(run())


def test_n_and_p_in_an_article_opened_by_a_link_go_on_from_the_article_it_was_in(
    synced_dir: Path,
) -> None:
    """The story a link opened is no list's: `n` said "That was the last article of the
    list." and `p` "This is the first…", neither true. They go back and on from the article
    the link was in, to the next or previous one of its list."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, _):
            budget = app.screen
            assert isinstance(budget, ArticleScreen)
            at = budget.position
            assert 0 < at < len(budget.headlines) - 1
            for key, expected in (("n", at + 1), ("p", at - 1)):
                while budget.position != at:  # back to the budget story
                    await pilot.press("p" if budget.position > at else "n")
                    await until(pilot, lambda: budget.loaded, "the budget story")
                await pilot.press("g", "tab", "tab", "enter")  # back at its place: the top
                await until(pilot, lambda: app.screen is not budget, "the linked article")
                linked = app.screen
                assert isinstance(linked, ArticleScreen)
                await until(pilot, lambda s=linked: s.loaded, "its text")
                raised = notices_raised(app)  # a toast gone by the look would say nothing
                await pilot.press(key)
                await until(pilot, lambda: app.screen is budget, "the list's article")
                await until(pilot, lambda: budget.loaded, "the next article")
                assert budget.position == expected
                assert budget.headline is budget.headlines[expected]
                assert not any("of the list" in notice for notice in raised), raised

    asyncio.run(run())


def test_a_link_to_the_article_itself_opens_nothing_more(
    synced_dir: Path, browser: list[str]
) -> None:
    """A footnote's "#fn1" is this very article: Enter, in the text or in the L list, says so
    and leaves the screens as they are."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            entry = app.screen.headline.entry
            note = Inline("see note 1", href=f"{entry.link}#fn1")
            body.show_article(
                entry,
                Article(
                    entry.link,
                    title="Notes",
                    blocks=(
                        Block(
                            BlockKind.PARAGRAPH,
                            (Inline("As the council said, "), note, Inline(".")),
                        ),
                    ),
                ),
            )
            await pilot.pause()
            screens = len(app.screen_stack)
            await pilot.press("tab")
            assert status(app).startswith("Link 1 of 1: http")  # no "reads it here"
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("enter")
            this_one = "That link is to this very article."
            assert raised == [this_one]
            await pilot.press("escape", "L", "enter")
            await pilot.pause()
            assert len(app.screen_stack) == screens + 1  # the list, still open over the article
            assert raised == [this_one, this_one] and browser == []

    asyncio.run(run())


# -- the list of links (L) ---------------------------------------------------------------------
def copies(app: ReaderApp) -> list[str]:
    """What the app puts on the clipboard from now on (`copy_to_clipboard` still runs)."""
    copied: list[str] = []
    original = app.copy_to_clipboard

    def copy(text: str) -> None:
        copied.append(text)
        original(text)

    app.copy_to_clipboard = copy  # type: ignore[method-assign]
    return copied


async def link_list(app: ReaderApp, pilot: Pilot[object]) -> tuple[str, str, list[str]]:
    """`L` in the budget story: the addresses of its two links, and what is copied from now on."""
    await open_titled(pilot, BUDGET)
    site = app.screen.headline.entry.link.split("/gazette/")[0]
    pdf = f"{site}/gazette/files/budget-report.pdf"
    walkout = f"{site}/gazette/2026/11/24/harbour-crane-strike.html"
    copied = copies(app)
    await pilot.press("L")
    await on_top(pilot, LinksScreen, "the link list")  # composed a moment after it is pushed
    return pdf, walkout, copied


def test_l_lists_the_links_to_open_or_copy(synced_dir: Path, browser: list[str]) -> None:
    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            pdf, walkout, copied = await link_list(app, pilot)
            shown = [line.strip(" │") for line in screen_text(app).splitlines()]
            assert shown.index(f"1. {PDF}") + 1 == shown.index(pdf)
            # The walkout is one of the feed's articles: Enter reads it here, and the list says
            # so (it said "⏎ open in the browser" of every link).
            assert shown.index(f"2. {WALKOUT} (Enter reads it here)") + 1 == shown.index(walkout)
            keys = "⏎ Open  c Copy address  esc Close"
            await until(pilot, lambda: keys in key_bar(app), "the list's keys")  # drawn later
            assert "browser" not in screen_text(app)
            await pilot.press("enter")
            assert browser == [pdf]
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("down", "c")
            assert copied == [walkout]
            await until(pilot, lambda: raised[-1:] == [osc_52("Address", walkout)], "notice")
            await pilot.press("escape")
            assert isinstance(app.screen, ArticleScreen)

    asyncio.run(run())


def test_the_link_list_moves_with_the_vim_keys(synced_dir: Path) -> None:
    """j / k and g / G move in the link list as in the feed list and the headlines: `c` copies
    the address they went to."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            pdf, walkout, copied = await link_list(app, pilot)
            await pilot.press("j", "c", "k", "c", "G", "c", "g", "c")
            assert copied == [walkout, pdf, walkout, pdf]

    asyncio.run(run())


def test_a_number_goes_to_its_link_and_enter_opens_it(synced_dir: Path, browser: list[str]) -> None:
    """The list is numbered: `2` goes to link 2 (opening nothing, as newsboat's URL view), a
    number past the list says so, Enter opens the one gone to (acc27b B21)."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            pdf, walkout, copied = await link_list(app, pilot)
            await pilot.press("2", "c", "1", "c")
            assert copied == [walkout, pdf]
            assert browser == [] and isinstance(app.screen, LinksScreen)
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("3")
            await until(pilot, lambda: "No link 3: the list has 2." in raised, "notice")
            await pilot.press("enter")  # still on link 1
            assert browser == [pdf]

    asyncio.run(run())


def test_a_long_link_list_opens_at_its_full_height_and_keeps_its_cursor_in_view(
    synced_dir: Path,
) -> None:
    """300 links: the panel takes its full height (measured to fit, each entry was laid out
    again and again: seconds to open), and the entry the cursor is on stays in view when a
    resize wraps the list again."""

    async def run() -> None:
        async with sources_listed(synced_dir, 300) as (app, pilot, links):
            assert links.query_one("#links-panel").has_class("-long")
            await pilot.press("0")  # the tenth
            assert app.screen.chosen == Link("source number 9", "https://s.example/9")
            await pilot.press("G")
            assert "300. source number 299" in screen_text(app)
            await resize(pilot, 40, 12)
            await pilot.pause()
            shown = screen_text(app)
            assert "300. source number 299" in shown, shown

    asyncio.run(run())


def test_a_page_of_thousands_of_links_lists_the_first_thousand_and_says_so(
    synced_dir: Path,
) -> None:
    """acc28a H9: a page of 50,000 links froze the reader for half a minute at every `L`,
    each link a row laid out on the event loop. The first `MAX_SHOWN` are listed, the title
    and a line under them saying how many more there are and where they all are."""
    from reader.ui.dialogs.links import MAX_SHOWN

    article = Article(
        "https://news.example/sitemap.html",
        title="Sitemap",
        blocks=tuple(
            Block(BlockKind.PARAGRAPH, (Inline(f"page {n}", href=f"https://s.example/{n}"),))
            for n in range(MAX_SHOWN + 1500)
        ),
    )

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            await pilot.press("L")
            await pilot.pause()
            shown = screen_text(app)
            assert f"Links (the first {MAX_SHOWN:,} of {MAX_SHOWN + 1500:,})" in shown
            assert "1,500 more not listed: reader show --format markdown gives every link" in shown
            await pilot.press("G")
            await pilot.pause()
            assert f"{MAX_SHOWN}. page {MAX_SHOWN - 1}" in screen_text(app)
            assert app.screen.chosen == Link(
                f"page {MAX_SHOWN - 1}", f"https://s.example/{MAX_SHOWN - 1}"
            )

    asyncio.run(run())


def test_the_list_shows_hostile_link_text_literally_and_each_address_once(
    synced_dir: Path,
) -> None:
    cell = Block(BlockKind.TABLE_ROW, (), cells=((Inline("Vote", href="https://c.example/v"),),))
    article = Article(
        "https://news.example/hostile.html",
        title="Hostile links",
        blocks=(
            Block(
                BlockKind.PARAGRAPH,
                (
                    Inline("[b]bold[/b] [@click=app.quit]x[/]", href="https://a.example/1"),
                    Inline(" then "),
                    Inline("\x1b]0;pwned\x07evil\x1b[31m", href="https://b.example/2"),
                    Inline(" and "),
                    Inline("again", href="https://a.example/1"),
                ),
            ),
            cell,
        ),
    )

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            await pilot.press("L")
            await on_top(pilot, LinksScreen, "the link list")
            text = screen_text(app)
            text = text[text.index("╭─ Links (3)") :]  # the panel, not the article behind it
            assert "1. [b]bold[/b] [@click=app.quit]x[/]" in text
            assert "2. evil" in text and "pwned" not in text
            assert "3. Vote" in text and "https://c.example/v" in text  # a table's link too
            assert "4." not in text and "again" not in text
            assert not any(c in screen_segments(app) for c in "\x1b\x07")
            await pilot.press("escape")

            # An article with no links says so.
            body.show_article(app.screen.headline.entry, Article("https://news.example/x"))
            await pilot.press("L")
            await on_top(pilot, LinksScreen, "the link list")
            assert NO_LINKS in screen_text(app)
            await pilot.press("c", "escape")
            assert isinstance(app.screen, ArticleScreen)

    asyncio.run(run())


# -- the citation (y) --------------------------------------------------------------------------
def markdown(app: ReaderApp) -> None:
    """`y` copies Markdown from now on, as `[citation] copy = "markdown"` has it."""
    app.config = replace(app.config, citation_copy="markdown")


def test_y_copies_the_citation_as_reader_show_heads_it(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            article = body.article
            assert article is not None and article.title.startswith(BUDGET)
            copied = copies(app)
            await pilot.press("y")
            # Plain text by default, to paste into a CMS, an e-mail or a word processor: no
            # "# ", no two spaces ending a line, no <…> round the address (acc30a J15).
            plain = copied[0]
            assert plain.startswith(f"{article.title}\nSource: The Harbour Gazette\n")
            assert f"\nURL: {article.url}\n" in plain and "  \n" not in plain
            await pilot.press("v", "y")
            quote, _, cited = copied[-1].partition("\n\n")
            assert not quote.startswith(">") and "*" not in quote and cited == plain
            await pilot.press("escape")
            markdown(app)
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("y")
            assert copied[-1] == markdown_header(article).rstrip() + "\n"
            citation, title = copied[-1], article.title
            assert citation.startswith(f"# {article.title}\n")
            assert f"URL: <{article.url}>" in citation and "Source: The Harbour Gazette" in citation
            assert article.fetched_at is not None
            assert f"Retrieved: {article.fetched_at.isoformat(timespec='seconds')}" in citation
            await until(pilot, lambda: raised[-1:] == [osc_52("Citation", title)], "notice")

            # A hostile title is cited without its escape sequence, and the notice is plain text.
            hostile = Article(
                "https://news.example/t.html", title="[b]Bold\x1b]0;pwned\x07 claim[/b]"
            )
            body.show_article(app.screen.headline.entry, hostile)
            await pilot.press("y")
            # A page naming no site is cited by its host, as the list names it (acc40a M6).
            assert copied[-1] == (
                "# \\[b\\]Bold claim\\[/b\\]\nSource: news.example  \nURL: <https://news.example/t.html>\n"
            )
            shown = osc_52("Citation", "[b]Bold claim[/b]")
            await until(pilot, lambda: raised[-1:] == [shown], "plain notice")

    asyncio.run(run())


def test_y_copies_one_line_in_the_configured_style_with_a_passage_quoted_above_it(
    synced_dir: Path,
) -> None:
    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            (synced_dir / "config.toml").write_text(
                '[citation]\nstyle = "chicago"\ncopy = "markdown"\n'
            )
            app.config = load_config(synced_dir / "config.toml")  # as `reader` loads it
            article = body.article
            assert article is not None and article.fetched_at is not None
            copied = copies(app)
            await pilot.press("y")
            assert copied == [chicago(article) + "\n"]
            assert f'"{article.title.split()[0]}' in copied[0] and " Accessed " in copied[0]
            assert "Retrieved:" not in copied[0] and not copied[0].startswith("#")
            # A passage chosen (v) is quoted above the line, in Markdown: the line is escaped
            # as Markdown too, so a page's title becomes no link or code in the notes, and
            # the publication is in italics, as Chicago sets it.
            await pilot.press("v", "y")
            quote, _, citation = copied[-1].partition("\n\n")
            assert (
                quote.startswith("> ")
                and citation == escape_line_starts(chicago(article, markdown=True)) + "\n"
            )
            assert f"*{article.site_name}*" in citation

    asyncio.run(run())


def test_a_drag_begun_or_ended_inside_a_word_takes_the_whole_word() -> None:
    """A journalist's drag from "h" of "the" to "se" of "set": the quotation is "the … set",
    not "he … se"; a drag between words stays as it is; Chinese, written without spaces,
    keeps the characters dragged over."""
    from rich.segment import Segment
    from textual.strip import Strip

    from reader.ui.widgets.article import passage

    lines = [Strip([Segment(text)]) for text in ("Then the amendment was", "set aside, 你好世界")]
    drag = Selection(Offset(6, 0), Offset(2, 1))
    assert passage.bounds(drag, lines, 0, 2) == ((0, 5), (1, 3))
    between = Selection(Offset(4, 0), Offset(3, 1))
    assert passage.bounds(between, lines, 0, 2) == ((0, 4), (1, 3))
    chinese = Selection(Offset(12, 1), Offset(14, 1))
    assert passage.bounds(chinese, lines, 0, 2) == ((1, 12), (1, 14))


def test_a_quoted_passage_keeps_every_line_in_the_quote() -> None:
    """Only a passage's paragraphs were quoted line by line: a list's second item and a
    table's second row fell out of the quotation, and read as text after it."""
    from markdown_it import MarkdownIt
    from rich.console import Console
    from rich.style import Style

    from reader.models import Article, Block, BlockKind, Inline
    from reader.ui.widgets.article import block_paragraphs, paragraph, passage, typeset
    from reader.ui.widgets.article.find_in_article import LineMap

    def row(*cells: str, header: bool = False) -> Block:
        return Block(
            BlockKind.TABLE_ROW, (), cells=tuple((Inline(c),) for c in cells), header=header
        )

    article = Article(
        "https://news.example/scheme",
        blocks=(
            Block(BlockKind.PARAGRAPH, (Inline("The scheme is broken down as follows:"),)),
            Block(BlockKind.LIST_ITEM, (Inline("Rebuilding the wall: £2.6m"),)),
            Block(BlockKind.LIST_ITEM, (Inline("Temporary defences: £0.5m"),)),
            row("Area", "Homes affected", header=True),
            row("North shore", "120"),
            Block(BlockKind.LIST_ITEM, (Inline("The *third* step"),), ordinal=3),
        ),
    )
    styles = paragraph.ArticleStyles(
        **{n: Style() for n in paragraph.ArticleStyles.__dataclass_fields__}
    )
    paragraphs = block_paragraphs.body(article, styles)
    laid = typeset.layout(paragraphs, 80, Console(width=200))
    lines = [strip.text for strip in laid.lines]
    chosen = ((0, 0), (len(lines) - 1, len(lines[-1])))
    quoted = passage.quotation(chosen, lines, LineMap(laid.runs), paragraphs, laid.extents)
    html = MarkdownIt("commonmark").enable("table").render(quoted)
    assert html.startswith("<blockquote>") and html.count("<blockquote>") == 1
    assert html.rstrip().endswith("</blockquote>")
    assert "<li>Rebuilding the wall: £2.6m</li>\n<li>Temporary defences: £0.5m</li>" in html
    assert "<th>Area</th>" in html and "<td>North shore</td>" in html  # both rows, a table
    assert '<ol start="3">\n<li>The *third* step</li>' in html  # the words literally


def test_a_passage_selected_is_quoted_above_the_citation(synced_dir: Path) -> None:
    """Selected (a drag of the mouse: Textual's text selection), a passage is drawn selected;
    `y` copies it as a quotation, its lines joined back into sentences, above the citation,
    and Ctrl-C copies the passage alone."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            assert body.article is not None
            markdown(app)
            lines = body.lines
            first = next(i for i, line in enumerate(lines) if line.startswith("The amendment"))
            app.screen.selections = {body: Selection(Offset(4, first), Offset(20, first + 1))}
            await pilot.pause()
            passage = f"{lines[first][4:].strip()} {lines[first + 1][:20].strip()}"
            assert passage.startswith("amendment, tabled jointly")
            drawn = " ".join(run.strip() for run in marked(app, "screen--selection"))
            assert drawn == passage
            assert selection_readable(app)  # not the theme's colour on the same colour
            copied = copies(app)
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("y")
            citation = markdown_header(body.article).rstrip() + "\n"
            assert copied == [f"> {passage}\n\n{citation}"]
            await until(pilot, lambda: raised[-1:] == [osc_52("Quote", passage)], "notice")
            await pilot.press("ctrl+c")
            assert copied[-1] == passage and isinstance(app.screen, ArticleScreen)
            # Esc drops the selection first; the article stays.
            app.screen.selections = {body: Selection(Offset(4, first), Offset(20, first + 1))}
            await pilot.press("escape")
            assert body.text_selection is None and isinstance(app.screen, ArticleScreen)
            # Nothing selected: y is the citation alone.
            await pilot.press("y")
            assert copied[-1] == citation

            # The quote's bar is drawn around the words, not copied; a list's items are
            # copied item by item, each after its bullet, and quoted as a list.
            quote = next(i for i, line in enumerate(lines) if "Tonight the chamber" in line)
            items = next(i for i, line in enumerate(lines) if "Adult social care" in line)
            app.screen.selections = {body: Selection(Offset(0, items), Offset(99, items + 2))}
            listed = body.selected_text
            assert listed.startswith("• Adult social care: £171m, up £11.4m, mainly")
            assert listed.count("\n• ") >= 1 and "\n\n" not in listed  # item by item
            await pilot.press("y")
            # Their bold labels kept, as the article's Markdown has them.
            assert copied[-1].startswith("> - **Adult social care:** £171m, up £11.4m, mainly")
            assert "\n> - " in copied[-1]
            app.screen.selections = {body: Selection(Offset(0, quote), Offset(99, quote + 1))}
            assert body.selected_text.startswith("Tonight the chamber listened. These are not")
            assert "▌" not in body.selected_text
            # A drag that left the view (Textual's "to the widget's end") stops at its bottom:
            # the view its whole height, the notices of the copies gone (their rows its own).
            app.withdraw_notice(lambda _said: True)
            await pilot.pause()
            app.screen.selections = {body: Selection(Offset(0, body.top_line), None)}
            assert "Group" in body.selected_text  # the vote's table, on screen
            assert "formal council tax setting meeting" not in body.selected_text  # the end
            # A resize, or the next article, drops it: its lines would be other words.
            await resize(pilot, 80, 30)
            assert body.text_selection is None
            app.screen.selections = {body: Selection(Offset(0, 8), Offset(20, 9))}
            await pilot.press("n")
            await until(pilot, lambda: BUDGET not in body.text[:200], "the next article")
            assert body.text_selection is None

    asyncio.run(run())


def test_a_passage_is_chosen_by_keyboard_a_sentence_at_a_time(synced_dir: Path) -> None:
    """`v` selects a sentence (the search's match's, the selected link's, or the first in
    view), `)` / `(` make the passage a sentence longer / shorter, over paragraphs, `y`
    quotes it above the citation; the status line counts it, Esc drops it."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            assert body.article is not None
            markdown(app)
            citation = markdown_header(body.article).rstrip() + "\n"
            copied = copies(app)
            # The first sentence in view: the standfirst's, under the header.
            top = next(i for i, line in enumerate(body.lines) if line.startswith("Three branch"))
            body.scroll_to(y=top, animate=False, immediate=True)
            await pilot.pause()
            await pilot.press("v")
            first = (
                "Three branch libraries that faced closure will stay open on reduced hours"
                " after a cross-party amendment passed by two votes just before 10pm."
            )
            assert body.selected_text == first
            assert " ".join(r.strip() for r in marked(app, "screen--selection")) == first
            assert selection_readable(app)
            assert status(app).startswith("Passage of 1 sentence, 23 words: ) longer")
            # Two sentences more: into the next paragraph, which is one sentence.
            await pilot.press("right_parenthesis", "right_parenthesis")
            chosen = body.selected_text
            assert chosen.startswith(first + "\n\nHarbour City Council has approved")
            assert chosen.count("\n\n") == 2 and chosen.endswith("on Monday.")
            assert status(app).startswith("Passage of 3 sentences")
            await pilot.press("left_parenthesis")
            assert body.selected_text.endswith("earmarked for closure.")
            await pilot.press("y")
            assert copied[-1].startswith(f"> {first}\n>\n> Harbour City Council")
            assert copied[-1].endswith(f"earmarked for closure.\n\n{citation}")
            # Never shorter than its first sentence.
            await pilot.press("left_parenthesis", "left_parenthesis")
            assert body.selected_text == first and body.passage_sentences == 1
            # Esc drops it, and the article stays.
            await pilot.press("escape")
            assert body.text_selection is None and isinstance(app.screen, ArticleScreen)
            assert not status(app).startswith("Passage")

            # At the search's match: the sentence it is in, wherever the view is.
            await pilot.press("slash", *"walkout", "enter")
            await pilot.press("v")
            assert "walkout at Eastquay" in body.selected_text
            assert body.selected_text.endswith(".") and body.passage_sentences == 1
            # Grown past the bottom of the view, the end is still in sight.
            for _ in range(12):
                await pilot.press("right_parenthesis")
            end = body._sentences.span_lines(body._keyed[1])[1]  # type: ignore[union-attr,index]
            height = body.scrollable_content_region.height
            assert body.top_line <= end < body.top_line + height
            await pilot.press("escape", "escape")  # the passage, then the search

            # At the selected link: the sentence holding it.
            await pilot.press("g", "tab", "v")
            assert PDF in " ".join(body.selected_text.split())
            # A drag of the mouse replaces it: no sentences to count any more.
            app.screen.selections = {body: Selection(Offset(0, 3), Offset(10, 3))}
            await pilot.pause()
            assert body.passage_sentences == 0 and not status(app).startswith("Passage")
            # `)` with nothing chosen by keyboard starts as `v` does.
            await pilot.press("escape", "g", "right_parenthesis")
            assert body.passage_sentences == 1

    asyncio.run(run())


def test_keys_of_a_passage_typed_in_one_read_select_it(synced_dir: Path) -> None:
    """`v)` typed fast (both keys in one read of the terminal: a quick typist, a slow SSH
    link) selected nothing: Textual reported `v`'s selection to the text after `)` had made
    the next, and the late report read as a drag of the mouse, which drops the passage."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            top = next(i for i, line in enumerate(body.lines) if line.startswith("Three branch"))
            body.scroll_to(y=top, animate=False, immediate=True)
            await pilot.pause()
            # As the driver posts the keys of one read: one after the other, no wait between.
            for key, character in (("v", "v"), ("right_parenthesis", ")")):
                app.post_message(events.Key(key, character))
            await keys_handled(pilot)
            await until(pilot, lambda: body.passage_sentences == 2, "v )")
            assert body.selected_text.startswith("Three branch libraries")
            assert status(app).startswith("Passage of 2 sentences")
            for key, character in (("right_parenthesis", ")"), ("y", "y")):
                app.post_message(events.Key(key, character))
            await keys_handled(pilot)
            await until(pilot, lambda: body.passage_sentences == 3, ") y")

    asyncio.run(run())


def test_a_passage_chosen_by_keyboard_outlasts_a_resize(synced_dir: Path) -> None:
    """A resize (a terminal's pane made narrower, a laptop's window) dropped the passage chosen
    with `v` and `)`: the next Esc, meant to drop it, cleared the search, and the one after left
    the article. The passage is the same sentences on the new lines, `)` grows it on."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            await pilot.press("slash", *"Stott", "enter")
            await pilot.press("v", "right_parenthesis")
            chosen = body.selected_text
            assert body.passage_sentences == 2
            for size in ((60, 20), (130, 40)):
                await resize(pilot, *size)
                assert body.selected_text == chosen, size
                assert body.passage_sentences == 2
                assert status(app).startswith("Passage of 2 sentences"), size
                drawn = " ".join(r.strip() for r in marked(app, "screen--selection"))
                assert drawn and " ".join(drawn.split()) in " ".join(chosen.split()), size
            # The paragraph's last sentence: `)` stops before the section heading that follows
            # ("Reserves under strain"), which is no sentence of what was said.
            await pilot.press("right_parenthesis")
            assert body.passage_sentences == 2 and body.selected_text == chosen
            await pilot.press("escape")  # the passage
            assert body.text_selection is None and body.query == "Stott"
            await pilot.press("escape")  # the search
            assert isinstance(app.screen, ArticleScreen) and not body.query

    asyncio.run(run())


def test_the_key_bar_says_esc_drops_the_passage(synced_dir: Path) -> None:
    """With a passage chosen, Esc drops it, but the key bar still offered "esc Back" (or the
    selected link's or the search's Esc): it is made again when a passage is chosen and
    dropped."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            # The key bar is made again at a refresh after each key: later on a busy machine.
            await until(pilot, lambda: "esc Back" in key_bar(app), "the article's Esc")
            await pilot.press("v")
            await until(pilot, lambda: "esc Drop passage" in key_bar(app), "the passage's Esc")
            assert "esc Back" not in key_bar(app)
            await pilot.press("escape")
            await until(pilot, lambda: "esc Back" in key_bar(app), "the article's Esc again")
            assert isinstance(app.screen, ArticleScreen)
            await pilot.press("tab", "v")
            await until(pilot, lambda: "esc Drop passage" in key_bar(app), "the passage's Esc")
            await pilot.press("escape")
            await until(pilot, lambda: "esc Drop link" in key_bar(app), "the link's Esc")
            # A drag of the mouse: the same Esc.
            await pilot.press("escape")
            # Textual tells the body of a new selection a refresh later, and the key bar is
            # made again a message after that: under load, one pause may not see it.
            app.screen.selections = {body: Selection(Offset(0, 3), Offset(10, 3))}
            await until(pilot, lambda: "esc Drop passage" in key_bar(app), "Esc to drop a drag")
            app.screen.selections = {}
            await until(pilot, lambda: "esc Back" in key_bar(app), "Esc to go back")

    asyncio.run(run())


def test_the_key_bar_is_made_again_only_when_its_keys_change(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual remakes its footer on every change that may touch the screen's bindings (focus,
    classes): opening an article made the key bar five times over for the same keys (~5 ms
    each). Once now; a search that finds something changes its keys, and so the bar."""
    made: list[str] = []
    compose = KeyBar.compose

    def counted(bar: KeyBar) -> ComposeResult:
        if bar._bindings_ready:  # before the screen's bindings are known it shows nothing
            made.append(type(bar.screen).__name__)
        return compose(bar)

    monkeypatch.setattr(KeyBar, "compose", counted)

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, _body):
            # Its bar made, once a busy machine gets to it (a fixed 0.3 s was a race).
            await until(pilot, lambda: "esc Back" in key_bar(app), "the article's key bar")
            await pilot.press("j", "space", "k")
            await pilot.pause(0.3)  # time for a bar made again for nothing, which none is
            assert made.count("ArticleScreen") == 1 and "esc Back" in key_bar(app)
            await pilot.press("slash", *"the", "enter")
            await until(pilot, lambda: "n Next match" in key_bar(app), "the search's keys")
            assert made.count("ArticleScreen") > 1

    asyncio.run(run())


def test_a_passage_of_chinese_counts_its_characters_as_the_header_does(synced_dir: Path) -> None:
    """Chinese writes no spaces between words: the status line counted a passage of two
    sentences as one word, where the header counts the article by the character."""
    text = "港口今天关闭。渡轮停航！明天恢复。"
    article = Article(
        "https://news.example/zh.html",
        title="港口",
        blocks=(Block(BlockKind.PARAGRAPH, (Inline(text),)),),
    )

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            assert body.search("今天", 0) == 1  # `v` at the match: the body's first sentence
            await pilot.press("v", "right_parenthesis")
            assert body.selected_text == "港口今天关闭。渡轮停航！"
            assert status(app).startswith("Passage of 2 sentences, 10 characters: ")

    asyncio.run(run())


def osc_52(what: str, shown: str) -> str:
    """The notice when no clipboard tool took the text: only the terminal got it."""
    return f"{what} sent to the terminal's clipboard (OSC 52, which some terminals ignore): {shown}"


def clipboard_tool(bin_dir: Path, name: str, body: str) -> None:
    """A program `name` in `bin_dir` running the shell `body`."""
    bin_dir.mkdir(exist_ok=True)
    tool = bin_dir / name
    tool.write_text(f"#!/bin/sh\n{body}\n")
    tool.chmod(0o755)


def test_y_hands_the_citation_to_the_desktop_clipboard_and_tmux_where_they_are(
    synced_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under X, xclip gets the citation on stdin; inside tmux, tmux's buffer gets it too. Only
    then does the notice say "copied"."""
    bin_dir = tmp_path / "bin"
    clipboard_tool(bin_dir, "xclip", f'echo "$@" > {tmp_path}/x.args; cat > {tmp_path}/x.text')
    clipboard_tool(bin_dir, "tmux", f'echo "$@" > {tmp_path}/t.args; cat > {tmp_path}/t.text')
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("DISPLAY", ":7")
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    # These tools always end: a loaded machine can take past the reader's 2 s for a hung one
    # to start a shell, and the citation goes to OSC 52 alone (the next test tests a hang).
    monkeypatch.setattr(clipboard, "TOOL_TIMEOUT", 15.0)

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            markdown(app)
            assert body.article is not None
            citation = markdown_header(body.article).rstrip() + "\n"
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("y")
            shown = f"Citation copied: {body.article.title}"
            await until(pilot, lambda: raised[-1:] == [shown], "copy")
            assert (tmp_path / "x.text").read_text() == citation
            assert (tmp_path / "x.args").read_text().split() == ["-selection", "clipboard"]
            assert (tmp_path / "t.text").read_text() == citation
            assert (tmp_path / "t.args").read_text().split() == ["load-buffer", "-w", "-"]

    asyncio.run(run())


def test_a_notice_takes_a_row_of_its_own_not_the_lines_of_the_article(synced_dir: Path) -> None:
    """A notice ("Citation copied: …") is drawn on a row of its own above the status line:
    Textual's toast, a blank line above and below its text, covered the last two lines the
    reader was on; drawn over the status line's text, a screen reader read the two as one
    line (acc42a A6)."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            await pilot.press("G")
            # The end drawn (a loaded machine drew it later than a fixed pause after the key).
            end = next(line for line in reversed(body.lines) if line.strip())
            await until(
                pilot,
                lambda: body.scroll_y == body.max_scroll_y and end in screen_text(app),
                "the article's end on screen",
            )
            before = screen_text(app).splitlines()
            await pilot.press("s")  # saved for good: a notice
            await until(pilot, lambda: "Saved for good" in screen_text(app), "the notice")
            after = screen_text(app).splitlines()
            assert after[-3].strip().startswith("Saved for good"), after[-3:]  # its own row
            assert after[-2] == before[-2]  # the status line's, whole
            # The article's lines as they were, none drawn over: the view a row shorter (its
            # scroll bar's thumb, at their right end, the longer for it).
            assert [line[:-2] for line in after[:-4]] == [line[:-2] for line in before[:-4]]

    asyncio.run(run())


def test_a_clipboard_tool_that_fails_or_hangs_leaves_the_terminal_s_osc_52_said(
    synced_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bin_dir = tmp_path / "bin"
    clipboard_tool(bin_dir, "xclip", "echo 'Error: Can't open display: :7' >&2; exit 1")
    clipboard_tool(bin_dir, "wl-copy", "exec sleep 30")
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setattr(clipboard, "TOOL_TIMEOUT", 0.3)

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE, notifications=True) as (app, pilot, body):
            assert body.article is not None
            title = body.article.title
            said = [osc_52("Citation", title)]
            for variable in ("DISPLAY", "WAYLAND_DISPLAY"):  # xclip fails; wl-copy hangs
                # Kept past the toast's own timeout, at any load: each key's notices alone.
                raised = notices_raised(app)
                monkeypatch.setenv(variable, ":7")
                await pilot.press("y")
                await until(pilot, lambda r=raised: r == said, variable)
                monkeypatch.delenv(variable)

    asyncio.run(run())


def test_the_clipboard_tool_is_picked_by_the_session(tmp_path: Path) -> None:
    for name in ("pbcopy", "wl-copy", "xclip", "xsel", "tmux"):
        clipboard_tool(tmp_path, name, "cat > /dev/null")
    path = str(tmp_path)

    def first(env: dict[str, str], platform: str = "linux") -> list[str]:
        return [
            command[0] for command in clipboard.clipboard_commands(env | {"PATH": path}, platform)
        ]

    assert first({}, "darwin") == ["pbcopy"]
    assert first({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}) == ["wl-copy"]
    assert first({"DISPLAY": ":0"}) == ["xclip"]
    (tmp_path / "xclip").unlink()
    assert first({"DISPLAY": ":0", "TMUX": "/tmp/t,1,0"}) == ["xsel", "tmux"]
    assert first({"TMUX": "/tmp/t,1,0"}) == ["tmux"]
    assert first({}) == []
    everything = {"DISPLAY": ":0", "WAYLAND_DISPLAY": "w", "TMUX": "t"}
    assert clipboard.clipboard_commands(everything | {"PATH": "/nonexistent"}, "darwin") == []


def row(*cells: tuple[Inline, ...], header: bool = False) -> Block:
    """A row of the article's first table."""
    return Block(BlockKind.TABLE_ROW, (), ordinal=1, cells=cells, header=header)


def test_tab_reaches_the_links_in_a_table(synced_dir: Path) -> None:
    article = Article(
        "https://news.example/results.html",
        title="Results",
        blocks=(
            Block(
                BlockKind.PARAGRAPH, (Inline("The "), Inline("count", href="https://e.example/c"))
            ),
            row((Inline("Ward"),), (Inline("Turnout"),), header=True),
            row((Inline("Eastquay", href="https://e.example/eastquay"),), (Inline("41%"),)),
            row((Inline("Old Town"),), (Inline("38%"),)),
            row((Inline("Saltmarsh", href="https://e.example/saltmarsh"),), (Inline("44%"),)),
        ),
    )

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            assert body.link_count == 3
            walked = []
            for _ in range(3):
                await pilot.press("tab")
                walked.append((selected(app), status(app).split("  │  ")[0]))
            assert walked == [
                (["count"], "Link 1 of 3: https://e.example/c"),
                (["Eastquay"], "Link 2 of 3: https://e.example/eastquay"),
                (["Saltmarsh"], "Link 3 of 3: https://e.example/saltmarsh"),
            ]

    asyncio.run(run())


def test_a_link_wrapped_in_a_table_cell_is_one_link(synced_dir: Path) -> None:
    long_name = "Eastquay, Tarry Lane and the container berths of the inner harbour"
    notes = "Turnout rose for the third election running, the council's officers said. " * 2
    article = Article(
        "https://news.example/results.html",
        title="Results",
        blocks=(
            row((Inline("Ward"),), (Inline("Notes"),), header=True),
            row((Inline(long_name, href="https://e.example/eastquay"),), (Inline(notes),)),
            row((Inline("Old Town", href="https://e.example/old-town"),), (Inline("Flat."),)),
        ),
    )

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            assert body.link_count == 2
            await pilot.press("tab")
            # Wrapped in its cell over several lines: one link, lit on all of them.
            lit = selected(app)
            assert len(lit) > 1 and " ".join(lit) == long_name
            assert status(app).split("  │  ")[0] == "Link 1 of 2: https://e.example/eastquay"
            await pilot.press("tab")
            assert selected(app) == ["Old Town"]
            assert status(app).split("  │  ")[0] == "Link 2 of 2: https://e.example/old-town"
            await pilot.press("shift+tab")
            assert " ".join(selected(app)) == long_name

    asyncio.run(run())


def test_the_key_bar_offers_tab_only_in_an_article_with_links(synced_dir: Path) -> None:
    """A PDF's page has no links: no `tab Links` in the key bar (pressed, Tab still says why)."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, (120, 30), notifications=True) as (app, pilot, _):
            assert "tab Links" in key_bar(app)
            await pilot.press("escape")
            body = await open_titled(pilot, ".pdf")
            assert not body.link_count
            assert "tab Links" not in key_bar(app)
            assert "o Original" in key_bar(app)
            raised = notices_raised(app)  # kept past the toast's own timeout, at any load
            await pilot.press("tab")
            assert raised == ["This article has no links to select."]
            await pilot.press("escape")
            await open_titled(pilot, BUDGET)
            assert "tab Links" in key_bar(app)

    asyncio.run(run())


def test_keys_asked_of_an_article_screen_whose_body_is_gone_do_nothing(synced_dir: Path) -> None:
    """The key bar redraws as the screen closes, under load after the body is removed: it asks
    which keys act (an acceptance tester's crash, `NoMatches: ArticleBody`, on Esc)."""

    async def run() -> None:
        async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await body.remove()
            assert not screen.check_action("clear_selection", ())
            assert not screen.check_action("search", ())
            await pilot.press("escape", "slash", "j")
            await pilot.pause()
            assert app.is_running

    asyncio.run(run())


def test_digits_in_a_row_go_to_the_link_they_name(synced_dir: Path) -> None:
    """acc41a A8: `1` `2` in a list of 120 links went to link 2; now to link 12, as `12G` is
    the twelfth headline. A number past the list starts anew (`1` `2` `5`: link 5), and so
    does a digit after the cursor moved."""

    async def run() -> None:
        async with sources_listed(synced_dir, 120) as (app, pilot, _):
            await pilot.press("1", "2")
            assert app.screen.chosen == Link("source number 11", "https://s.example/11")
            await pilot.press("5")  # 125: past the list's 120, link 5
            assert app.screen.chosen == Link("source number 4", "https://s.example/4")
            await pilot.press("j", "3")  # moved: 3 alone
            assert app.screen.chosen == Link("source number 2", "https://s.example/2")
            await pilot.press("0")  # 30
            assert app.screen.chosen == Link("source number 29", "https://s.example/29")

    asyncio.run(run())


@asynccontextmanager
async def sources_listed(
    synced_dir: Path, count: int
) -> AsyncIterator[tuple[ReaderApp, Pilot[object], LinksScreen]]:
    """The link list (`L`) of an article linking `count` sources (`_sources`), shown in the
    budget story's reading view: the app, its pilot and the list."""
    async with reading(synced_dir, BUDGET, SIZE) as (app, pilot, body):
        body.show_article(app.screen.headline.entry, _sources(count))
        await pilot.pause()
        await pilot.press("L")
        yield app, pilot, await on_top(pilot, LinksScreen, "the link list")


def _sources(count: int) -> Article:
    """An article of `count` paragraphs, each linking a source of its own."""
    return Article(
        "https://news.example/sources.html",
        title="Sources",
        blocks=tuple(
            Block(
                BlockKind.PARAGRAPH,
                (Inline("See "), Inline(f"source number {n}", href=f"https://s.example/{n}")),
            )
            for n in range(count)
        ),
    )
