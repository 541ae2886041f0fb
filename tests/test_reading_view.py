"""The reading view at the widths people's terminals have: every wrapped line shown whole.

Driven with Pilot on a data directory synced from the demo site; the council article has a
long URL, a bulleted list and a five-column table.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

import pytest

from reader.models import Article, Block, BlockKind, Inline
from reader.ui.app import ReaderApp
from reader.ui.screens import article as article_screen
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article.article_body import (
    NO_HEADING_ABOVE,
    NO_HEADING_BELOW,
    NO_HEADINGS,
    ArticleBody,
)
from reader.ui.widgets.article.block_paragraphs import END_MARK, FOLD_MARK
from tests.served_feed import serve_one_item
from tests.tui_pilot import (
    burst,
    line_of,
    notices,
    notices_raised,
    open_titled,
    reading,
    running,
    subscribe,
    until,
    view_lines,
)


@pytest.mark.parametrize("size", [(60, 30), (80, 24), (120, 40)])
def test_no_line_is_cut_off_at_the_right(synced_dir: Path, size: tuple[int, int]) -> None:
    async def run() -> None:
        async with reading(synced_dir, "£412m budget", size) as (app, pilot, body):
            assert body.show_vertical_scrollbar  # a long article: the scrollbar is there
            table = next(i for i, line in enumerate(body.lines) if line.startswith("Group"))
            for top in (0, table - 2):
                body.scroll_to(y=top, animate=False, immediate=True)
                await pilot.pause()
                region = body.region
                screen = [strip.text for strip in app.screen._compositor.render_strips()]
                shown = [screen[y][region.x : region.right] for y in range(region.y, region.bottom)]
                for wrapped, on_screen in zip(body.lines[top:], shown, strict=False):
                    assert wrapped.rstrip() in on_screen, (size, wrapped)
            # The table fits the column: its last heading and last figure are on screen.
            assert any("Abstained" in line or "Abstained:" in line for line in body.lines)

    asyncio.run(run())


def test_a_wide_line_of_preformatted_text_is_folded_by_its_cells(synced_dir: Path) -> None:
    """A code listing's line of Chinese or Japanese is twice as wide as it is long: folded every
    column's width of characters, half of it lay past the edge, never seen. Each fold's rest is
    marked, the mark no part of the line."""
    line = "設定ファイルの説明：この行はとても長いので端末の幅を超えてしまいます。" * 3
    article = Article(
        "https://news.example/pre.html",
        title="Pre",
        blocks=(Block(BlockKind.PREFORMATTED, (Inline(line),)),),
    )

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (80, 24)) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            region = body.region
            screen = [strip.text for strip in app.screen._compositor.render_strips()]
            rows = [
                screen[y][region.x : region.right].strip() for y in range(region.y, region.bottom)
            ]
            assert sum(row.startswith(f"{FOLD_MARK} ") for row in rows) == 2
            assert line in "".join(row.removeprefix(FOLD_MARK).strip() for row in rows)

    asyncio.run(run())


def terminal_cells(text: str) -> int:
    """Cells `text` takes in a terminal that measures characters by wcwidth (xterm, VTE, tmux):
    none for a nonspacing mark or a format character, two for a wide character (and for the
    circled numbers on black squares, "㉈"–"㉏", in a block wcwidth takes as wide), else one."""
    import unicodedata

    return sum(
        0
        if unicodedata.category(char) in ("Mn", "Me", "Cf")
        else 2
        if unicodedata.east_asian_width(char) in "WF" or "\u3248" <= char <= "\u324f"
        else 1
        for char in text
    )


@pytest.mark.parametrize(
    "paragraph",
    [
        "नगर परिषद ने मंगलवार को अगले साल का बजट पारित कर दिया, जिसमें सड़कों की मरम्मत और नए "
        "स्कूलों के लिए अधिक धन रखा गया है। परिषद के अध्यक्ष ने कहा कि यह फैसला लंबी बहस के बाद "
        "लिया गया।",
        "நகர சபை செவ்வாய்க்கிழமை அடுத்த ஆண்டுக்கான வரவு செலவுத் திட்டத்தை நிறைவேற்றியது, "
        "அதில் சாலைகளைச் சீரமைக்கவும் புதிய பள்ளிகளுக்கும் கூடுதல் நிதி ஒதுக்கப்பட்டுள்ளது.",
    ],
    ids=["hindi", "tamil"],
)
def test_a_line_of_hindi_fits_the_column_where_its_vowel_signs_take_a_cell(
    synced_dir: Path, paragraph: str
) -> None:
    """Rich gives a spacing vowel sign ("ा", "ி") no cell; xterm, VTE and tmux give it one. A
    line wrapped by Rich's measure alone ran ten cells past the column, and at the screen's
    edge its last words were never seen."""
    article = Article(
        "https://news.example/budget.html",
        title="Budget",
        blocks=tuple(Block(BlockKind.PARAGRAPH, (Inline(paragraph),)) for _ in range(3)),
    )

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (80, 24)) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            column = body.region.width - 2  # less the scrollbar's
            lines = [line.rstrip() for line in body.lines]
            text = [line for line in lines if line and line[0] in paragraph]
            assert len(text) >= 6 and " ".join(text[: len(text) // 3]) == paragraph
            assert max(terminal_cells(line) for line in lines) <= column

    asyncio.run(run())


def test_every_uncounted_vowel_sign_is_counted_each_time_it_comes() -> None:
    """`uncounted_cells` is asked of each character as it is met, not of a list made once: it
    must still count all of Unicode's spacing marks Rich gives no cell, every time one is in a
    line, and nothing else."""
    import unicodedata

    from rich.cells import cell_len

    from reader.ui.cell_width import uncounted_cells

    marks = [
        char
        for char in map(chr, range(0x80, 0x30000))
        if unicodedata.category(char) == "Mc" and cell_len(char) == 0
    ]
    assert len(marks) > 400
    line = "".join(f"{mark}a{mark}中é" for mark in marks)
    # Two cells each for Hangul's tone dots ("〮", wide), one for the rest.
    assert uncounted_cells(line) == terminal_cells(line) - cell_len(line) > 2 * len(marks)
    assert uncounted_cells("नगर परिषद ने मंगलवार") == terminal_cells("नगर परिषद ने मंगलवार") - cell_len(
        "नगर परिषद ने मंगलवार"
    )
    assert uncounted_cells("中文 café — “quoted” ஆ") == 0


def test_an_unreachable_article_with_no_feed_text_says_why_and_stays_unread(
    data_dir: Path,
) -> None:
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    link = server.url_for("/storm.html")
    subscribe(data_dir, [serve_one_item(server, "Coast Weather", "Storm warning", link)])
    server.stop()  # the network is gone, and the feed had no text of the article

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.ready.wait()
            await pilot.pause()
            await pilot.press("enter")
            while not isinstance(app.screen, ArticleScreen) or not app.screen.loaded:
                await pilot.pause(0.05)
            body = app.screen.query_one(ArticleBody)
            lines = [line for line in body.text.splitlines() if line.strip()]
            assert lines[-2].startswith("Cannot connect")
            assert lines[-1] == "Press o to open the original in your browser."
            entry = app.screen.headline.entry
            assert not app.index.get(entry.id).read  # nothing of it was read

    asyncio.run(run())


def test_a_link_that_is_no_article_shows_the_feeds_text_as_reader_show_does(
    data_dir: Path,
) -> None:
    """A podcast's episode links to its MP3: the view names the type, as `reader show` does,
    and shows the episode's notes the feed carried rather than nothing but the notice; opened,
    it is read (it stayed among the unread for good)."""
    from pytest_httpserver import HTTPServer

    notes = "The harbour master on dredging the channel, and why the ferry runs late in fog."
    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    episode = server.url_for("/audio/episode-12.mp3")
    feed = serve_one_item(server, "Quayside Podcast", "Episode 12: the channel", episode, notes)
    server.expect_request("/audio/episode-12.mp3").respond_with_data(
        b"ID3\x04\x00\x00\x00\x00\x00\x00" + bytes(range(256)) * 8, content_type="audio/mpeg"
    )
    subscribe(data_dir, [feed])

    async def run() -> None:
        try:
            async with running(data_dir, (100, 30)) as (app, pilot):
                body = (await open_titled(pilot, "Episode 12")).text
                screen = app.screen
                assert isinstance(screen, ArticleScreen)
                # Nothing more is to come of it later, as of an article offline: read.
                assert app.index.get(screen.headline.entry.id).read
        finally:
            server.stop()
        assert "Not an article page (audio/mpeg)" in body
        assert notes in body
        assert body.count("Press o") == 1

    asyncio.run(run())


@pytest.mark.parametrize("width", [60, 80, 120])
def test_the_key_bar_keeps_back_original_and_help_in_sight(synced_dir: Path, width: int) -> None:
    """And a link that is no article says so once, with the view's own hint."""

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(width, 24)) as pilot:
            body = (await open_titled(pilot, ".pdf")).text
            screen = [strip.text for strip in app.screen._compositor.render_strips()]
            keys = screen[-1]
            for key in ("esc Back", "o Original", "? Help"):
                assert key in keys, (width, keys)
            assert ("L Link list" in keys) == (width >= 120)
            assert "Not an article page (application/pdf with no text in it" in body
            assert "in a browser" not in body.replace("in your browser", "")
            assert body.count("Press o") == 1

    asyncio.run(run())


def test_vim_and_less_keys_scroll_the_article(synced_dir: Path) -> None:
    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger") as (_app, pilot, body):
            height = body.scrollable_content_region.height
            moves = [("ctrl+d", height // 2), ("ctrl+u", -(height // 2)), ("ctrl+f", height)]
            for key, expected in moves:
                before = body.scroll_y
                await pilot.press(key)
                assert round(body.scroll_y - before) == expected, key
            await pilot.press("ctrl+b")
            assert body.scroll_y == 0

    asyncio.run(run())


def test_an_article_reopened_comes_back_where_it_was_left(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Esc then Enter, or n then p, brings a long article back at the line it was left on,
    and says so; one left at its start opens at its start, with nothing said."""
    # Its three seconds passed between two steps on a loaded machine: the notice was gone
    # before it was looked for. What is tested is that it is said, and withdrawn.
    monkeypatch.setattr(article_screen, "BACK_AT_PLACE_SECONDS", 120.0)

    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger", notifications=True) as (app, pilot, body):
            for _ in range(3):
                await pilot.press("right_square_bracket")
            await pilot.press("j", "j")
            left_at = body.lines[body.top_line]
            await pilot.press("escape")
            body = await open_titled(pilot, "Silt Ledger")
            await until(pilot, lambda: body.article is not None, "the article")
            await pilot.pause()
            assert body.lines[body.top_line] == left_at
            assert notices(app)[-1] == "Back where you left off (g for the top)."
            # Gone when a search begins: `g` is a letter of the query then.
            await pilot.press("slash")
            assert "Back where you left off (g for the top)." not in notices(app)
            await pilot.press("escape", "escape")  # the search line, then the article
            body = await open_titled(pilot, "Silt Ledger")
            await until(pilot, lambda: body.article is not None, "the article")
            await pilot.pause()
            assert notices(app)[-1] == "Back where you left off (g for the top)."
            # Gone with the article: on the headlines `g` is the first headline.
            await pilot.press("escape")
            assert "Back where you left off (g for the top)." not in notices(app)
            body = await open_titled(pilot, "Silt Ledger")
            await until(pilot, lambda: body.article is not None, "the article")
            await pilot.pause()
            await pilot.press("n")
            await until(pilot, lambda: "Silt Ledger" not in body.text[:200], "the next article")
            await pilot.press("p")
            await until(pilot, lambda: body.article is not None and "Silt" in body.text[:200], "p")
            await pilot.pause()
            assert body.lines[body.top_line] == left_at
            # Back at the top: the place is forgotten.
            await pilot.press("g", "escape")
            app.clear_notifications()
            body = await open_titled(pilot, "Silt Ledger")
            await until(pilot, lambda: body.article is not None, "the article")
            assert body.top_line == 0 and not notices(app)

    asyncio.run(run())


def test_a_reading_place_outlasts_the_session_while_the_text_is_the_same(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A traveller quits mid-article (from the article itself, Ctrl-Q) and starts the reader
    again, offline: the article opens where it was left. A newer revision of the text, or a
    damaged record, starts at the top."""
    # As above: its notice gone after three seconds on a loaded machine (seen at load 7).
    monkeypatch.setattr(article_screen, "BACK_AT_PLACE_SECONDS", 120.0)
    from reader.library import Library
    from reader.store import Store

    left_at = ""

    async def leave() -> None:
        nonlocal left_at
        async with reading(synced_dir, "Silt Ledger") as (app, pilot, body):
            await pilot.press(*["right_square_bracket"] * 3, "j", "j")
            left_at = body.lines[body.top_line]
            await pilot.press("ctrl+q")
            await until(pilot, lambda: not app.is_running, "the reader to quit")

    async def reopen() -> str:
        async with reading(synced_dir, "Silt Ledger", notifications=True) as (app, pilot, body):
            await until(pilot, lambda: body.article is not None, "the article")
            await pilot.pause()
            shown = body.lines[body.top_line]
            said = notices(app)
            assert (shown == left_at) == ("Back where you left off (g for the top)." in said)
            return shown

    asyncio.run(leave())
    assert left_at and "Silt Ledger" not in left_at
    assert asyncio.run(reopen()) == left_at

    # A better extractor read the same text again: the place holds.
    async def upgrade() -> None:
        async with Library(synced_dir, workers="thread") as lib:
            entry = next(h.entry for h in lib.headlines() if "Silt Ledger" in h.entry.title)
            article = lib.cached_article(entry)
            assert article is not None
            lib.store.put_article(entry.link, replace(article, extractor=article.extractor + 1))

    asyncio.run(upgrade())
    assert asyncio.run(reopen()) == left_at

    # A sync brought a corrected text: the place was measured in another one.
    async def revise() -> None:
        async with Library(synced_dir, workers="thread") as lib:
            entry = next(h.entry for h in lib.headlines() if "Silt Ledger" in h.entry.title)
            article = lib.cached_article(entry)
            assert article is not None and lib.reading_place(entry, article) is not None
            fixed = replace(article.blocks[-1], inlines=(Inline(text="Corrected."),))
            lib.store.put_article(
                entry.link, replace(article, blocks=(*article.blocks[:-1], fixed))
            )

    asyncio.run(revise())
    assert asyncio.run(reopen()) != left_at

    # A damaged record is dropped, not shown.
    asyncio.run(leave())
    store = Store(synced_dir)
    key = next(k for k in store._state.iterkeys() if str(k).startswith("place:"))
    store._state.set(key, '{"text": 1, "place": [')
    store.close()
    assert asyncio.run(reopen()) != left_at


def test_brackets_go_from_heading_to_heading(synced_dir: Path) -> None:
    """`]` puts the next heading at the top of the view, `[` the one before; past the last
    one the view stays."""

    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger") as (_app, pilot, body):
            # A long text is laid out in slices: `G` goes to its end once they are all in.
            await until(pilot, lambda: not body.laying_out, "the text laid out")
            assert body.article is not None
            headings = [b.text for b in body.article.blocks if b.kind == BlockKind.HEADING]
            assert len(headings) >= 3
            for heading in headings[:3]:
                await pilot.press("right_square_bracket")
                assert body.lines[body.top_line].strip() == heading
            await pilot.press("left_square_bracket")
            assert body.lines[body.top_line].strip() == headings[1]
            await pilot.press("G")
            bottom = body.top_line
            await pilot.press("right_square_bracket")
            assert body.top_line == bottom
            await pilot.press("left_square_bracket")
            assert body.lines[body.top_line].strip() in headings
            assert body.top_line < bottom

    asyncio.run(run())


def test_brackets_say_when_there_is_no_heading_to_go_to(synced_dir: Path) -> None:
    """`]` past the last heading, `[` above the first, and either in an article with no
    headings at all say so in a notice: a bell alone is silent in many terminals."""

    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger", notifications=True) as (app, pilot, body):
            raised = notices_raised(app)  # their 2 s ran out before a loaded machine's look
            # A long text is laid out in slices: `G` goes to its end once they are all in.
            await until(pilot, lambda: not body.laying_out, "the text laid out")
            await pilot.press("G", "right_square_bracket")
            assert raised[-1] == NO_HEADING_BELOW
            await pilot.press("g", "left_square_bracket")
            assert raised[-1] == NO_HEADING_ABOVE
            await pilot.press("escape")
            body = await open_titled(pilot, "ferry resumes")
            assert body.article is not None
            assert not [b for b in body.article.blocks if b.kind == BlockKind.HEADING]
            await pilot.press("right_square_bracket")
            assert raised[-1] == NO_HEADINGS
            await pilot.press("left_square_bracket")
            assert raised[-2:] == [NO_HEADINGS, NO_HEADINGS]

    asyncio.run(run())


def test_the_header_says_when_a_story_was_updated(synced_dir: Path) -> None:
    """The ferry flash was updated 40 minutes after it went out; the council story never was."""

    async def run() -> None:
        async with reading(synced_dir, "ferry resumes", (120, 40)) as (_app, pilot, body):
            meta = body.text.splitlines()[1]
            assert meta.startswith("The Harbour Gazette · Tom Beckwith · Tuesday 24 November 2026")
            assert meta.endswith("· updated Tuesday 24 November 2026, 09:40 UTC")  # TZ=UTC in tests
            await pilot.press("escape")
            body = await open_titled(pilot, "£412m budget")
            assert "updated" not in body.text.splitlines()[1]

    asyncio.run(run())


def test_the_feeds_date_for_an_item_is_no_revision_of_the_page_it_links_to(
    data_dir: Path,
) -> None:
    """An RSS item dated 3 December links to a page published on 1 June that states no
    revision: feedparser gives the item's pubDate as its update too, and the header read
    "· updated Thursday 3 December 2026", a revision the page never made (nor the citation)."""
    from pytest_httpserver import HTTPServer

    server = HTTPServer(host="127.0.0.1", port=0)
    server.start()
    page = server.url_for("/2026/06/01/long-read.html")
    server.expect_request("/feed.xml").respond_with_data(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Quayside Weekly</title>'
        f"<item><title>The long read: a year on the ferry</title><link>{page}</link>"
        f"<guid>{page}</guid><pubDate>Thu, 03 Dec 2026 07:00:00 GMT</pubDate></item>"
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    paragraphs = "".join(
        f"<p>Paragraph {n}: the crossing takes forty minutes when the tide is with the boat, "
        "and the crew know every buoy of the channel by the sound of its bell.</p>"
        for n in range(6)
    )
    server.expect_request("/2026/06/01/long-read.html").respond_with_data(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>The long read: a year on the ferry</title>"
        '<meta property="article:published_time" content="2026-06-01T06:00:00Z"></head>'
        f"<body><article><h1>The long read: a year on the ferry</h1>{paragraphs}</article>"
        "</body></html>",
        content_type="text/html; charset=utf-8",
    )
    subscribe(data_dir, [server.url_for("/feed.xml")])

    async def run() -> None:
        try:
            async with running(data_dir, (120, 40)) as (_app, pilot):
                body = await open_titled(pilot, "a year on the ferry")
                meta = body.text.splitlines()[1]
        finally:
            server.stop()
        assert meta.endswith("Monday 1 June 2026, 06:00 UTC"), meta  # TZ=UTC in tests
        assert "updated" not in meta

    asyncio.run(run())


def test_at_60_columns_the_header_breaks_between_its_parts_not_inside_a_date(
    synced_dir: Path,
) -> None:
    """A line broke after "updated Tuesday 24 November", the next began "2026, 09:40 UTC":
    whoever cites the story read its date in two halves. Each part is kept whole on a line."""

    async def run() -> None:
        async with reading(synced_dir, "ferry resumes", (60, 30)) as (_app, _pilot, body):
            meta = body.text.splitlines()[1]
            parts = meta.split(" · ")
            assert parts[-1] == "updated Tuesday 24 November 2026, 09:40 UTC"  # TZ=UTC in tests
            url = next(n for n, line in enumerate(body.lines) if line.startswith("http"))
            lines = [line.rstrip() for line in body.lines[2:url]]
            assert " ".join(lines) == meta
            assert len(lines) > 1 and max(len(line) for line in lines) <= body._width
            assert not any(line.startswith("·") for line in lines), lines
            for part in parts:
                assert any(part in line for line in lines), (part, lines)

    asyncio.run(run())


def test_an_open_article_is_spared_full_collections_and_freed_when_closed(
    synced_dir: Path,
) -> None:
    """While an article is open, full collections come ten times rarer (one walked its lines
    every twenty-odd keys); it is never frozen, so nothing of its screen is kept once it has
    closed, and Python's thresholds are back."""
    import gc
    import weakref

    from reader.ui.collector import READING_THRESHOLD

    async def run() -> None:
        app = ReaderApp(synced_dir, refresh_on_start=False)
        async with app.run_test(size=(100, 30)) as pilot:
            await app.ready.wait()
            thresholds = gc.get_threshold()
            body = await open_titled(pilot, "£412m budget")
            await pilot.pause(0.1)
            assert gc.get_threshold()[2] == max(READING_THRESHOLD, thresholds[2])
            assert id(body._lines[0]) in {id(o) for o in gc.get_objects()}  # not frozen
            screen = weakref.ref(app.screen)
            del body
            await pilot.press("escape")
            # Closed, then collected `COLLECT_AFTER_CLOSE` later: a loaded machine handles Esc
            # and that timer later than a fixed pause after the key (frozen, never freed).
            await until(pilot, lambda: screen() is None, "the closed screen collected")
            assert not isinstance(app.screen, ArticleScreen)
            assert gc.get_threshold() == thresholds

    asyncio.run(run())


def test_the_header_gives_minutes_of_reading_only_for_a_minute_or_more() -> None:
    """A feed's three-word summary read "3 words · 1 min read"."""
    from reader.ui.widgets.article.article_header import reading_length

    assert reading_length(3) == "3 words"
    assert reading_length(1) == "1 word"
    assert reading_length(114) == "114 words"
    assert reading_length(230) == "230 words · 1 min read"
    assert reading_length(10_950) == "10,950 words · 48 min read"


def test_a_date_stated_alone_shows_that_day_west_of_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    """Shown in New York, a page's "2019-02-21" is still the 21st, with no time made up; a
    whole moment is still in local time."""
    import time
    from datetime import UTC, datetime

    from reader.dates import parse_datetime
    from reader.ui.display import long_date, when

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        day = parse_datetime("2019-02-21")
        assert long_date(day) == "Thursday 21 February 2019"
        now = datetime(2019, 2, 21, 15, 0, tzinfo=UTC)
        assert when(day, now) == "2019-02-21"  # the day is today, but no "19:00"
        assert when(day, now, short=True) == "02-21"
        moment = datetime(2019, 2, 21, 8, 0, 8, tzinfo=UTC)
        assert long_date(moment) == "Thursday 21 February 2019, 03:00 EST"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_time_without_its_zone_shows_as_the_page_gave_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Not converted from a UTC the page never said, and not labelled with a zone."""
    import time

    from reader.dates import parse_datetime
    from reader.ui.display import long_date

    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        wall_clock = parse_datetime("2024-03-05T09:30")
        assert long_date(wall_clock) == "Tuesday 5 March 2024, 09:30 (zone not given)"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_long_date_writes_the_day_unpadded(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Monday 4 March 2024", as a date is written in a sentence: not "Monday 04 March", the
    zero `%d` pads it with; a date alone, a wall-clock time and a whole moment alike."""
    import time
    from datetime import UTC, datetime

    from reader.dates import parse_datetime
    from reader.ui.display import long_date

    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        assert long_date(parse_datetime("2024-03-04")) == "Monday 4 March 2024"
        assert long_date(parse_datetime("2024-03-04T08:05")) == (
            "Monday 4 March 2024, 08:05 (zone not given)"
        )
        moment = datetime(2024, 3, 4, 8, 5, tzinfo=UTC)
        assert long_date(moment) == "Monday 4 March 2024, 08:05 GMT"
        assert long_date(datetime(2024, 3, 14, 8, 5, tzinfo=UTC)).startswith("Thursday 14 March")
    finally:
        monkeypatch.undo()
        time.tzset()


def test_a_resize_keeps_the_text_at_the_top_of_the_view(synced_dir: Path) -> None:
    """Re-wrapped for another width, the same paragraph stays at the top, at about the same
    place in it: not the same line number, which is paragraphs away once the text above it
    takes more or fewer lines."""

    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger", (120, 40)) as (_app, pilot, body):
            for _ in range(12):
                await pilot.press("right_square_bracket")
            heading = body.lines[body.top_line].strip()
            assert heading == "The audit that never was"
            for size in ((80, 24), (60, 20), (120, 40)):
                lines = body.lines
                await pilot.resize_terminal(*size)
                await until(pilot, lambda lines=lines: body.lines != lines, "the re-wrap")
                assert body.lines[body.top_line].strip() == heading, size

            # Within a paragraph: its line at the top starts with a word the top line still holds.
            await pilot.press("j", "j", "j")
            top = body.lines[body.top_line].split()
            assert top and top[0] not in heading
            lines = body.lines
            await pilot.resize_terminal(60, 20)
            await until(pilot, lambda: body.lines != lines, "the re-wrap")
            assert top[0] in body.lines[body.top_line].split()
            # The heading is a few lines above, not paragraphs away.
            above = [line.strip() for line in body.lines[body.top_line - 6 : body.top_line]]
            assert heading in above

    asyncio.run(run())


def test_resizes_one_after_another_keep_the_same_place_at_the_top(synced_dir: Path) -> None:
    """Resized again and again without a key between, the view comes back to the very line it
    was on: the place a line starts at one width falls inside a line at another, and each
    resize used to creep back up to a line."""

    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger", (120, 40)) as (_app, pilot, body):
            for _ in range(6):
                await pilot.press("right_square_bracket")
            await pilot.press(*"j" * 7)
            start = body.lines[body.top_line]
            place = body.reading_place
            for size in ((60, 20), (40, 12), (47, 30), (200, 50), (53, 20), (120, 40)):
                lines = body.lines
                await pilot.resize_terminal(*size)
                await until(pilot, lambda lines=lines: body.lines != lines, "the re-wrap")
                assert body.reading_place == place, size
            assert body.lines[body.top_line] == start
            await pilot.press("j")
            assert body.reading_place != place  # moved: the place is the new top line's

    asyncio.run(run())


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        ("Gkk", lambda bottom, _page: bottom - 2),
        ("G  ", lambda bottom, _page: bottom),
        ("  jb", lambda _bottom, page: page + 1),
        ("Ggj", lambda _bottom, _page: 1),
        ("  gjjj", lambda _bottom, _page: 3),
    ],
)
def test_scrolling_keys_typed_quickly_each_move_the_view_at_once(
    synced_dir: Path, keys: str, expected: Callable[[int, int], int]
) -> None:
    """g / G / space / b as j and Ctrl-D: at once and exactly, however fast they come (an
    animation lost the keys pressed during it)."""

    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger") as (app, pilot, body):
            # Laid out whole first: `G` typed while a long text is still laid out in slices
            # goes to its end once they are in, after the keys typed behind it (on purpose:
            # the keys are answered meanwhile), which a pause leaves on a busy machine.
            await until(pilot, lambda: not body.laying_out, "the text laid out")
            await pilot.pause()
            page = body.scrollable_content_region.height
            bottom = round(body.max_scroll_y)
            target = expected(bottom, page)
            burst(app, keys)
            # There, and not on the way somewhere else.
            await until(
                pilot,
                lambda: (
                    body.top_line == target and not app.animator.is_being_animated(body, "scroll_y")
                ),
                f"line {target} after {keys!r}",
            )
            await pilot.wait_for_scheduled_animations()
            await pilot.pause()
            assert body.top_line == target

    asyncio.run(run())


def one_paragraph(url: str, title: str, text: str) -> Article:
    return Article(url, title=title, blocks=(Block(BlockKind.PARAGRAPH, (Inline(text),)),))


def test_french_punctuation_and_no_break_spaces_are_not_wrapped_apart() -> None:
    """French sets a space before ? ! : ; » and after «, often a plain one; a no-break space
    binds a number to its unit. Wrapped there, a line began with a lone "?" or "»", or ended
    with a "«", and "3" was parted from its "€"."""
    text = (
        "« Le bac reprend. » Le capitaine l’a annoncé ce matin. Vraiment ? Oui ! Le billet "
        "coûte 3\u00a0€ : moins qu’avant ; 10\u202f000 passagers attendus. « Enfin ! » dit-il."
    )
    article = one_paragraph("https://news.example/bac.html", "Le bac", text)
    for width in range(24, 90):
        lines = [line.strip() for line in view_lines(article, width) if line.strip()]
        assert "".join("".join(lines).split()) == "".join(text.split()), width  # none lost
        for line in lines:
            assert line[0] not in "?!:;»" and not line.endswith("«"), (width, line)
            assert not line.endswith(("3", "10")), (width, line)


def test_a_figure_grouped_with_spaces_is_not_wrapped_apart() -> None:
    """Russian, French, Ukrainian write "3 000" with a plain space (acc38a J9): a line ended
    "будут 3" and the next began "000 шаров."; a year before a number still breaks."""
    text = (
        "Главную ёлку Москвы установят 20 декабря, а украшать её будут 3 000 шаров и "
        "12 500 000 огоньков; в 2026 300 волонтёров помогут с монтажом на площади."
    )
    article = one_paragraph("https://news.example/tree.html", "Ёлка", text)
    breaks_in_the_year = 0
    for width in range(20, 90):
        lines = [line.strip() for line in view_lines(article, width) if line.strip()]
        assert "".join("".join(lines).split()) == "".join(text.split()), width  # none lost
        for line, after in pairwise(lines):
            assert not (line.endswith(("3", "12", "500")) and after[:3] in ("000", "500")), (
                width,
                line,
                after,
            )
            breaks_in_the_year += line.endswith("2026") and after.startswith("300")
    assert breaks_in_the_year  # two numbers, no figure: the line may break between them


def test_v_in_a_short_article_chooses_its_first_sentence_not_the_title(synced_dir: Path) -> None:
    """A dispatch shorter than the view can't scroll its header away: `v` chose the title, and
    `)` the byline, so every quote of it began with "Harbour Post · … · UTC"."""
    text = "Le bac reprend ce matin. Le capitaine l’a annoncé. « Enfin ! » dit-il."
    article = Article(
        "https://news.example/bac.html",
        title="Le bac reprend du service",
        author="Claire Martin",
        site_name="Harbour Post",
        blocks=(Block(BlockKind.PARAGRAPH, (Inline(text),)),),
    )

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (80, 24)) as (app, pilot, body):
            body.show_article(app.screen.headline.entry, article)
            await pilot.pause()
            assert body.max_scroll_y == 0  # all of it in view, the header too
            await pilot.press("v")
            assert body.selected_text == "Le bac reprend ce matin."
            await pilot.press("right_parenthesis")
            assert body.selected_text == "Le bac reprend ce matin. Le capitaine l’a annoncé."

    asyncio.run(run())


def _long_article(paragraphs: int = 900) -> Article:
    """An article of `paragraphs` paragraphs (~40,000 words), a heading 60 from its end, and its
    only link and its only "zephyrine" in its last paragraph."""
    body = [
        Block(
            BlockKind.PARAGRAPH,
            (
                Inline(
                    f"Paragraph {n} of the ledger: " + "the ferry's accounts were read aloud " * 6
                ),
            ),
        )
        for n in range(paragraphs)
    ]
    body[-60] = Block(BlockKind.HEADING, (Inline("What the harbour master kept"),), level=2)
    body[-1] = Block(
        BlockKind.PARAGRAPH,
        (
            Inline("The last word goes to the zephyrine ledger, "),
            Inline("filed here", href="https://news.example/ledger.pdf"),
            Inline("."),
        ),
    )
    return Article("https://news.example/ledger.html", title="The long ledger", blocks=tuple(body))


def test_a_long_article_is_drawn_from_its_first_screen_and_then_laid_out_whole(
    synced_dir: Path,
) -> None:
    """Opening a long article wraps the lines of its first screen only, then the rest once
    that is drawn: its lines in the end are those of one wrapping in one go, and what needs
    all of them (`]`, a search, Tab's count) has them all even when asked at once; `G` goes to
    the end once the rest is laid out."""
    article = _long_article()

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            entry = app.screen.headline.entry
            body.show_article(entry, article)
            assert 0 < len(body._laid.lines) < 200  # the first screen's, not ~4,000
            assert body.has_links  # told of the last paragraph's link before it is wrapped
            await until(pilot, lambda: not body._unfinished, "the rest of the lines")
            column = body._width
            whole = view_lines(article, column)
            shown = [line.rstrip() for line in body.lines]
            # Down to the end mark under the text, and the gap above it.
            shown = shown[: next(i for i, line in enumerate(shown) if line.strip() == END_MARK)]
            while shown and not shown[-1]:
                shown.pop()
            assert shown[-len(whole) :] == [line.rstrip() for line in whole]
            # Keys and searches pressed before the rest was wrapped reach the whole text.
            for ask in (
                lambda: body.action_scroll_end(),
                lambda: body.search("zephyrine", 0),
                lambda: body.action_heading(1),
            ):
                body.show_article(entry, article)
                assert body._unfinished
                ask()
                await until(pilot, lambda: not body._unfinished, "the rest of the lines")
                await pilot.pause()
                shown = "\n".join(body.lines[body.top_line : body.top_line + 28])
                assert "zephyrine" in shown or "What the harbour master kept" in shown
            body.show_article(entry, article)
            assert body.link_count == 1

    asyncio.run(run())


def test_an_article_reopened_deep_in_its_text_opens_there_before_the_rest_is_laid_out(
    synced_dir: Path,
) -> None:
    """A place near the end of a long article: the paragraphs down to it are wrapped to find
    its line, the view opens at it, and the lines after are there once the rest comes."""
    article = _long_article()

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            entry = app.screen.headline.entry
            body.show_article(entry, article)
            body.action_heading(1)  # the heading near the end, from the top
            await until(pilot, lambda: not body.laying_out, "the rest laid out")
            await pilot.pause()
            assert body.lines[body.top_line].strip() == "What the harbour master kept"
            place = body.reading_place
            assert place is not None
            # As the reader opens it: "Fetching article…" drawn first (no scrollbar), then the
            # article, at its place in the very first frame drawn of it, not a frame later.
            body.show_notice(entry, "Fetching article…")
            await pilot.pause()
            assert not body.allow_vertical_scroll
            body.show_article(entry, article, place=place)
            assert body._unfinished
            assert body._laid.lines[body.top_line].text.strip() == "What the harbour master kept"
            await pilot.pause()
            assert body.lines[body.top_line].strip() == "What the harbour master kept"
            assert not body._unfinished

    asyncio.run(run())


def test_a_long_article_scrolled_far_before_the_rest_is_laid_out_draws_its_lines(
    synced_dir: Path,
) -> None:
    """The scrollbar dragged (or a fast wheel) past the first screens before the rest of a
    long article is wrapped: the lines there are drawn at once, not a blank view for a frame."""
    article = _long_article()

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, _pilot, body):
            entry = app.screen.headline.entry
            body.show_article(entry, article)
            assert body._unfinished
            body.scroll_to(y=body.max_scroll_y // 2, animate=False, immediate=True)
            # The lines down to there, not the whole (a huge article's took seconds).
            assert body.top_line + body.size.height <= len(body._laid.lines)
            drawn = [body.render_line(y).text.strip() for y in range(body.size.height)]
            assert sum(1 for line in drawn if line) > body.size.height // 2
            assert any("ferry's accounts" in line for line in drawn)

    asyncio.run(run())


def test_more_pages_coming_in_keep_a_line_deep_in_the_first_page_drawn_at_the_top(
    synced_dir: Path,
) -> None:
    """An article over several pages: read far into its first page, the others come in and
    the same line stays at the top, drawn in the first frame (not a blank view while the rest
    of the whole is wrapped)."""
    first = _long_article(300)
    whole = replace(first, blocks=first.blocks + _long_article(300).blocks)

    async def run() -> None:
        async with reading(synced_dir, "£412m budget", (100, 30)) as (app, pilot, body):
            entry = app.screen.headline.entry
            body.show_article(entry, first)
            await until(pilot, lambda: not body._unfinished, "the first page laid out")
            body.scroll_to(y=len(body.lines) - 100, animate=False, immediate=True)
            await pilot.pause()
            left_at = body.lines[body.top_line]
            body.show_more(entry, whole)
            assert body._laid.lines[body.top_line].text == left_at

    asyncio.run(run())


def _kept_place(data_dir: Path, words: str) -> dict[str, int] | None:
    """The reading place the store has for the article titled `words`."""
    from reader.library import Library

    async def run() -> dict[str, int] | None:
        async with Library(data_dir, workers="thread") as lib:
            entry = next(h.entry for h in lib.headlines() if words in h.entry.title)
            article = lib.cached_article(entry)
            assert article is not None
            return lib.reading_place(entry, article)

    return asyncio.run(run())


def test_the_reading_place_is_kept_while_reading_not_only_on_leaving(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A terminal closed mid-article (SIGHUP, a killed tmux session) takes no Esc or `q` with
    it: once the view has stayed still a moment the place is in the store, and the next
    session opens there. A SIGHUP itself quits as `q` does."""
    import os
    import signal

    from reader.ui.screens import article as article_screen

    monkeypatch.setattr(article_screen, "PLACE_SAVE_DELAY", 0.3, raising=False)
    left_at = ""

    async def read() -> None:
        nonlocal left_at
        async with reading(synced_dir, "Silt Ledger") as (app, pilot, body):
            await pilot.press(*["right_square_bracket"] * 3, "j")
            left_at = body.lines[body.top_line]
            # No key that leaves the article was pressed: read the store as the next run will,
            # until the place is there (a fixed 0.6 s raced the 0.3 s timer on a busy loop).
            entry = app.screen.headline.entry

            def kept() -> bool:
                place = app.place_of(entry, body.article)
                return place is not None and place == body.reading_place

            await until(pilot, kept, "the place kept, the view still")
            await pilot.press("j", "j")
            left_at = body.lines[body.top_line]
            os.kill(os.getpid(), signal.SIGHUP)  # before the pause has passed
            await until(pilot, lambda: not app.is_running, "the reader to quit")
            assert app.return_code == 128 + signal.SIGHUP

    asyncio.run(read())
    assert left_at and "Silt Ledger" not in left_at
    assert _kept_place(synced_dir, "Silt Ledger") is not None

    async def reopen() -> None:
        async with reading(synced_dir, "Silt Ledger") as (_app, pilot, body):
            await until(pilot, lambda: body.article is not None, "the article")
            await pilot.pause()
            assert body.lines[body.top_line] == left_at

    asyncio.run(reopen())


def test_the_scrollbar_shows_the_place_an_article_reopens_at(synced_dir: Path) -> None:
    """Reopened far down, the text was at its place but the scrollbar's thumb at the top
    until the first key: in a long read, the one sign of how far one has got said "start"."""

    async def run() -> None:
        async with reading(synced_dir, "Silt Ledger") as (app, pilot, body):
            # A long text is laid out in slices: `G` goes to its end once they are all in,
            # which is after a pause on a busy machine (and Esc then left it at the top).
            await pilot.press("G")
            await until(pilot, lambda: not body.laying_out and body.top_line > 0, "the end")
            await pilot.press("escape")
            body = await open_titled(pilot, "Silt Ledger")
            # Gone back to once the slices are in, as far down as it is.
            await until(pilot, lambda: body.scroll_y > body.max_scroll_y / 2, "its place")
            assert body.show_vertical_scrollbar
            assert body.vertical_scrollbar.position == body.scroll_y

            def thumb() -> list[int]:
                """The rows of the scrollbar's column drawn unlike its track's (the thumb)."""
                region = body.vertical_scrollbar.region
                strips = app.screen._compositor.render_strips()
                column = [
                    tuple((seg.text, seg.style) for seg in strips[y].crop(region.x, region.right))
                    for y in range(region.y, region.bottom)
                ]
                track = max(set(column), key=column.count)
                return [y for y, cells in enumerate(column) if cells != track]

            # As drawn, at a refresh after the scroll: in the lower half of the column.
            half = body.vertical_scrollbar.region.height // 2
            await until(pilot, lambda: bool(thumb()) and min(thumb()) > half, "the thumb down")

    asyncio.run(run())


def test_a_sub_heading_looks_unlike_a_section_heading(synced_dir: Path) -> None:
    """h2 and h3 were drawn alike (bold, the same blue): an investigation's sections and
    sub-sections lost their structure. A sub-heading is set in the section's colour, not
    bold but italic; both are still headings for `]` and `[`."""

    async def run() -> None:
        async with reading(synced_dir, "lighthouse lens", (100, 40)) as (_app, pilot, body):

            def style_of(words: str) -> tuple[object, ...]:
                strip = body._lines[line_of(body, words)]
                styles = {
                    (s.style.color, s.style.bold, s.style.italic)
                    for s in strip
                    if s.text.strip() and s.style is not None
                }
                assert len(styles) == 1, styles
                return styles.pop()

            section, sub = style_of("312 pieces of glass"), style_of("How the work was done")
            assert section != sub and section[1] and not sub[1] and sub[2]
            assert style_of("One night only") == section
            assert line_of(body, "How the work was done") in body._headings
            await pilot.pause()

    asyncio.run(run())


def test_the_end_of_an_article_is_marked(synced_dir: Path) -> None:
    """At the bottom (`G`) nothing said the article was over: a quiet "— end —", centred
    under its last line, in the header's muted style; not searched as the article's text."""

    async def run() -> None:
        async with reading(synced_dir, "lighthouse lens", (100, 30)) as (app, pilot, body):
            await pilot.press("G")
            await pilot.pause()
            shown = [line for line in body.lines if line.strip()]
            assert shown[-1].strip() == END_MARK and shown[-2].strip() != END_MARK
            mark = body.lines[-2] if body.lines[-1].strip() == "" else body.lines[-1]
            column, _margin = body._column()
            left = len(mark) - len(mark.lstrip())
            assert abs(left - (column - len(END_MARK)) // 2) <= 1  # centred in the column
            screen = "\n".join(s.text for s in app.screen._compositor.render_strips())
            assert END_MARK in screen
            meta = body.get_component_rich_style("article-body--meta")
            strip = body._lines[body.lines.index(mark)]
            assert {s.style.color for s in strip if s.text.strip()} == {meta.color}
            body.search("end", 0)
            assert all(END_MARK not in body.lines[line] for line in _match_lines(body))

    asyncio.run(run())


def _match_lines(body: ArticleBody) -> list[int]:
    """The screen lines the search's matches are on."""
    matches = body._matches
    if matches is None:
        return []
    return [matches.span_lines(index)[0] for index in range(matches.total)]


def test_a_numbered_list_after_a_bulleted_one_stands_apart_its_numbers_set_right() -> None:
    """A bulleted list and the numbered list right after it ran together with no blank line
    between; and item 10's text began a column further right than items 1 to 9's."""

    def item(words: str, ordinal: int = 0, level: int = 1) -> Block:
        return Block(BlockKind.LIST_ITEM, (Inline(words),), level=level, ordinal=ordinal)

    blocks = (
        item("apples"),
        item("pears"),
        *(item(f"step {n}", n) for n in range(1, 11)),
        item("first again", 1),
        item("second again", 2),
    )
    lines = [line.rstrip() for line in view_lines(Article("https://x.example/", blocks=blocks), 60)]
    lines = lines[lines.index("• apples") :]
    assert lines[:3] == ["• apples", "• pears", ""]
    assert lines[3] == " 1. step 1" and lines[12] == "10. step 10"
    assert {line.index("step") for line in lines[3:13]} == {4}
    # Numbers that start again: another list, after a blank line, set for its own width.
    assert lines[13:16] == ["", "1. first again", "2. second again"]
