"""Hebrew, Arabic and Persian text in a terminal that orders letters itself (GNOME Terminal's
VTE, Konsole, mlterm): each stretch of it is drawn in the reader's bidi isolates, so that the
padding, bullets, list numbers and the columns around it stay where the reader draws them
(acc41c C12, C13); text without such letters is drawn as before, byte for byte.

What such a terminal shows is computed with libfribidi, VTE's own bidi library
(`tests.bidi_visual`): the rows and lines are the reader's, typeset or drawn by the TUI under
Pilot, from feeds and a page served on 127.0.0.1 and read by the real extractor.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from pathlib import Path

from pytest_httpserver import HTTPServer
from rich.text import Text
from textual.geometry import Offset
from textual.selection import Selection

from reader.bidi_isolates import (
    LEFT_TO_RIGHT_ISOLATE,
    POP_DIRECTIONAL_ISOLATE,
    RIGHT_TO_LEFT_ISOLATE,
    isolated,
    without_isolates,
)
from reader.extract import extract_article
from reader.safe import safe_line
from reader.ui.widgets.main.border_title import fit_title
from tests.bidi_visual import ANY_WAY, LEFT_TO_RIGHT, shown
from tests.served_feed import serve_one_item
from tests.tui_pilot import running, screen_text, showing, subscribe, view_lines

RLI, LRI, PDI = RIGHT_TO_LEFT_ISOLATE, LEFT_TO_RIGHT_ISOLATE, POP_DIRECTIONAL_ISOLATE
ISOLATES = (RLI, LRI, PDI, "\u2068")

HEBREW_PAGE = """<!DOCTYPE html>
<html lang="he" dir="rtl"><head><meta charset="utf-8">
<title>תוכנית החינוך החדשה אושרה - חדשות הבוקר</title></head><body><article>
<h1>תוכנית החינוך החדשה אושרה</h1>
<p>הממשלה אישרה אמש את תוכנית החינוך החדשה, שתיכנס לתוקף בתחילת שנת הלימודים הבאה בכל
בתי הספר במדינה.</p>
<ol><li>שלב ראשון: אישור בממשלה.</li><li>שלב שני: דיון בכנסת.</li></ol>
<ul><li>הגדלת תקציב החינוך ב-4.2 מיליארד שקל, כולל 1500 כיתות חדשות.</li></ul>
<blockquote><p>זו הרפורמה הגדולה ביותר מזה עשור.</p></blockquote>
<p>האוצר יטיל מס חדש על חברות הייטק כמו Google ו-Microsoft בשיעור של 3%.</p>
</article></body></html>"""

ENGLISH_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>The new schools plan is approved - Morning News</title></head><body><article>
<h1>The new schools plan is approved</h1>
<p>The cabinet approved the new schools plan last night; it takes effect at the start of the
next school year in every school in the country.</p>
<ol><li>First stage: cabinet approval.</li><li>Second stage: a debate in parliament.</li></ol>
<ul><li>The schools budget grows by 4.2 billion, with 1,500 new classrooms.</li></ul>
<blockquote><p>The largest reform in a decade.</p></blockquote>
</article></body></html>"""

WIDTH = 70


def line_of(lines: list[str], words: str) -> str:
    return next(line for line in lines if words in without_isolates(line))


def test_isolated_wraps_only_text_with_right_to_left_letters() -> None:
    assert isolated("חדשות הבוקר") == f"{RLI}חדשות הבוקר{PDI}"
    # Most letters Hebrew: right to left, though it opens on a Latin word.
    title = "Intel תשקיע 25 מיליארד דולר במפעל חדש"
    assert isolated(title) == f"{RLI}{title}{PDI}"
    # An English title naming a Hebrew paper: left to right, isolated all the same.
    assert isolated("Quoted in הארץ this morning") == f"{LRI}Quoted in הארץ this morning{PDI}"
    for text in ("Morning News", "Утренние новости", "早间新闻", "", "Zoë · 3 €"):
        assert isolated(text) == text
    # The page's own isolates are removed as they were; the reader's are put after.
    assert safe_line(f"{RLI}שלום{PDI} x") == "שלום x"


def test_a_hebrew_articles_lines_keep_numbers_bullets_and_stops_in_place() -> None:
    """In a terminal with bidi, a Hebrew list item's number jumped to the far left and its
    full stop to the right, and a sentence naming "Google ו-Microsoft" read its end first.
    Each line's words are now in an isolate, its padding and its number, bullet or bar
    outside it: in a left-to-right terminal and one that tells the direction from the line
    alike, the number stays on the right, the stop at the sentence's end (its left)."""
    article = extract_article(HEBREW_PAGE, "https://news.example/he/education.html")
    lines = view_lines(article, WIDTH)
    item = line_of(lines, "שלב ראשון")
    assert item.rstrip().endswith(f"{RLI}שלב ראשון: אישור בממשלה.{PDI} 1.")
    bullet = line_of(lines, "הגדלת תקציב")
    assert bullet.rstrip().endswith(f"{PDI} •") and bullet.lstrip().startswith(RLI)
    quote = line_of(lines, "הרפורמה הגדולה")
    assert quote.rstrip().endswith(f"ביותר מזה עשור.{PDI} ▐")
    for base in (LEFT_TO_RIGHT, ANY_WAY):
        drawn = shown(item, base)
        assert drawn.rstrip().endswith(".הלשממב רושיא :ןושאר בלש 1."), drawn
        assert drawn.startswith(" ")  # still padded on the left: flush right
        assert shown(bullet, base).rstrip().endswith(" •")
        assert shown(quote, base).rstrip().endswith(" ▐")
        taxed = shown(line_of(lines, "Google"), base).rstrip()
        # Read from the right: its first words there, its last (and its stop) on the left.
        assert taxed.endswith("רצואה"), taxed
        assert taxed.lstrip().startswith(".3% לש רועישב Microsoft-ו Google"), taxed
    # Every line holding Hebrew has its isolates; every other line none.
    for line in lines:
        has_hebrew = any("\u0590" <= char <= "\u05ff" for char in line)
        assert (RLI in line) == has_hebrew, line
        assert line.count(RLI) == line.count(PDI)


def test_an_english_articles_lines_carry_no_isolate() -> None:
    article = extract_article(ENGLISH_PAGE, "https://news.example/en/schools.html")
    lines = view_lines(article, WIDTH)
    assert any(line.startswith("1. First stage") for line in lines)
    assert not [line for line in lines if any(mark in line for mark in ISOLATES)]


PERSIAN_FEED = "خبرگزاری پایتخت"
PERSIAN_TITLE = "افزایش ۲۵ درصدی بهای نان در تهران از دی‌ماه"
ENGLISH_FEED = "Harbour Times"
ENGLISH_TITLE = "Ferries halted by the wind until Thursday"


def two_feeds(directory: Path) -> None:
    """`directory` subscribed to a Persian feed and an English one, one headline each."""
    servers = []
    feeds = []
    for channel, title in ((PERSIAN_FEED, PERSIAN_TITLE), (ENGLISH_FEED, ENGLISH_TITLE)):
        server = HTTPServer(host="127.0.0.1", port=0)
        server.start()
        servers.append(server)
        feeds.append(serve_one_item(server, channel, title, server.url_for("/story.html")))
    try:
        subscribe(directory, feeds)
    finally:
        for server in servers:
            server.stop()


def columns_kept(line: str, base: int) -> None:
    """Each stretch of `line` between two runs of blanks is drawn, by a terminal with bidi,
    in the cells it takes in the line as written: its own letters there, in their order."""
    written = without_isolates(line)
    drawn = shown(line, base)
    assert len(drawn) == len(written)
    at = 0
    for stretch in written.split("  "):
        if stretch.strip():
            cells = drawn[at : at + len(stretch)]
            assert Counter(cells) == Counter(stretch), (stretch, cells, drawn)
        at += len(stretch) + 2


def test_headline_rows_and_the_feed_list_keep_their_columns(data_dir: Path) -> None:
    """In a terminal with bidi, a Persian feed's name and its headline's title made one run
    across the padding between them: the title drawn in the feed's column, the name where
    titles are; in the feed list the unread count jumped to the left of the name. Each is now
    in its isolate, the padding outside: every column keeps its own text. An English row is
    drawn as before, without one."""
    two_feeds(data_dir)

    async def run() -> list[str]:
        async with running(data_dir, (120, 30), prefetch=False) as (app, _pilot):
            return screen_text(app).splitlines()

    screen = asyncio.run(run())
    row = line_of(screen, PERSIAN_TITLE)
    assert f"{RLI}{PERSIAN_TITLE}{PDI} " in row
    assert f"{RLI}{PERSIAN_FEED}{PDI} " in row
    # The feed list's row: the name, padded to its unread count.
    listed = next(line for line in screen if PERSIAN_FEED in line and PERSIAN_TITLE not in line)
    for base in (LEFT_TO_RIGHT, ANY_WAY):
        columns_kept(row, base)
        columns_kept(listed, base)
        written, drawn = without_isolates(listed), shown(listed, base)
        count = written.index("1", written.index(PERSIAN_FEED) + len(PERSIAN_FEED))
        assert drawn[count] == "1", drawn  # the unread count where the other rows have theirs
    english = line_of(screen, ENGLISH_TITLE)
    assert not any(mark in english for mark in ISOLATES)
    listed = next(line for line in screen if ENGLISH_FEED in line and ENGLISH_TITLE not in line)
    assert not any(mark in listed for mark in ISOLATES)


def test_a_hebrew_paragraph_selected_with_the_mouse_is_copied_whole(synced_dir: Path) -> None:
    """A drag over a Hebrew paragraph's lines takes its words as written, from the word it
    began on: a line's first cell is its isolate's and its first letter's, and taken as the
    isolate's, a drag begun on the line's second word took it without its first letter."""
    article = extract_article(HEBREW_PAGE, "https://news.example/he/education.html")
    paragraph = " ".join(article.blocks[0].text.split())
    assert paragraph.startswith("הממשלה אישרה")

    async def run() -> None:
        async with showing(synced_dir, "£412m budget", article, (90, 40)) as (app, _p, body):
            lines = body.lines
            first = next(n for n, line in enumerate(lines) if "הממשלה אישרה" in line)
            last = next(n for n, line in enumerate(lines) if "בתי הספר במדינה" in line)
            assert last > first and RLI in lines[first]  # wrapped, its lines isolated
            app.screen.selections = {body: Selection(Offset(0, first), Offset(99, last))}
            assert " ".join(body.selected_text.split()) == paragraph
            second = lines[first].index("אישרה")
            app.screen.selections = {body: Selection(Offset(second, first), Offset(99, last))}
            assert " ".join(body.selected_text.split()) == paragraph.removeprefix("הממשלה ")

    asyncio.run(run())


def test_a_persian_feeds_name_in_the_headlines_border_keeps_its_count_after_it() -> None:
    """The headline pane's border names the feed shown, then its count: after a Persian name,
    a terminal with bidi drew the count left of the name ("1 · <name> unread of 1"). The name
    is in its isolate, whole or cut; an English one is as before."""
    tail = " · 1 unread of 1"
    for cells in (80, 24):
        title = fit_title(Text(PERSIAN_FEED), tail, cells)
        assert title.plain.startswith(RLI) and f"{PDI}{tail}" in title.plain
        for base in (LEFT_TO_RIGHT, ANY_WAY):
            drawn = shown(title.plain, base)
            assert drawn.endswith(tail) and Counter(drawn[: -len(tail)]) == Counter(
                without_isolates(title.plain)[: -len(tail)]
            ), drawn
    assert fit_title(Text(ENGLISH_FEED), tail, 80).plain == f"{ENGLISH_FEED}{tail}"


TABLE_PAGE = """<!DOCTYPE html>
<html lang="he" dir="rtl"><head><meta charset="utf-8"><title>לוח המעבורות</title></head>
<body><article><h1>לוח המעבורות</h1>
<p>רשות הנמלים פרסמה את לוח ההפלגות המעודכן לשבוע הבא, לאחר שהרוח נחלשה מול החוף.</p>
<table><tr><th>נמל</th><th>יעד</th><th>שעה</th></tr>
<tr><td>עכו</td><td>חיפה מזרח</td><td>07:30</td></tr>
<tr><td>חיפה</td><td>עכו העתיקה</td><td>09:15</td></tr></table>
</article></body></html>"""


def cells_kept(line: str, base: int) -> None:
    """Each cell of a table's `line` (between its bars) is drawn, by a terminal with bidi, in
    the cells it takes as written."""
    written = without_isolates(line)
    drawn = shown(line, base)
    at = 0
    for cell in written.split("│"):
        assert Counter(drawn[at : at + len(cell)]) == Counter(cell), (cell, drawn)
        at += len(cell) + 1


def test_a_hebrew_tables_cells_stay_in_their_columns(synced_dir: Path) -> None:
    """Two Hebrew cells side by side ran together across the bar between them in a terminal
    with bidi, the port drawn under "destination" and the destination under "port". Each
    cell's words are in their isolate, the bars and padding outside; what is searched and
    copied of a row is its words, without them."""
    article = extract_article(TABLE_PAGE, "https://news.example/he/ferries.html")
    lines = view_lines(article, WIDTH)
    row = line_of(lines, "חיפה מזרח")
    assert f"{RLI}עכו{PDI}" in row and f"{RLI}חיפה מזרח{PDI}" in row
    assert "07:30" in row and "\u206607:30" not in row  # figures alone: no isolate
    for line in (line_of(lines, "נמל"), row, line_of(lines, "עכו העתיקה")):
        for base in (LEFT_TO_RIGHT, ANY_WAY):
            cells_kept(line, base)

    async def run() -> None:
        async with showing(synced_dir, "£412m budget", article, (90, 40)) as (app, _p, body):
            assert body.search("עכו העתיקה", body.top_line) == 1
            number = next(n for n, line in enumerate(body.lines) if "חיפה מזרח" in line)
            app.screen.selections = {body: Selection(Offset(0, number), Offset(99, number))}
            copied = body.selected_text  # the row as drawn, its cells' padding too
            assert " ".join(copied.split()) == "עכו │ חיפה מזרח │ 07:30"
            assert not any(mark in copied for mark in ISOLATES)

    asyncio.run(run())
