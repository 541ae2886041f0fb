"""A page of plain text (text/plain: a press release, a transcript, a notice) is read as an
article: its paragraphs, its laid-out lines kept, cached and readable offline like any page."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, date, datetime
from pathlib import Path

from pytest_httpserver import HTTPServer

from reader.dates import PRECISION_DATE, precision
from reader.extract import extract_file
from reader.extract.plain_text import text_article
from reader.library import Library
from reader.models import BlockKind
from tests.served_feed import serve_one_item
from tests.test_cli import reader

RELEASE = """FOR IMMEDIATE RELEASE

Harbour Authority Extends Winter Ferry Timetable
================================================

PORT ELLIS, 1 December 2026 -- The Harbour Authority will run two extra
sailings a day between Port Ellis and Skerry Island from 15 December, the
authority said on Tuesday, after a month in which the evening boat was
full on nineteen days out of thirty.

"We heard the islanders," said harbour master Ruth Calder. "The late boat
was turning people away." Details: https://harbour.example/winter (PDF).

Sailings from Port Ellis:

    Departs   Arrives   Days
    06:40     07:25     Mon-Sat

- Tickets bought before 15 December stay valid.
- Season passes will be extended by two weeks
  at no charge.

> The late boat was turning people away, and nobody should sleep in a car
> park in December.

Press office
Harbour Authority
1 Quay Street, Port Ellis
"""


def test_a_text_is_read_by_its_shape() -> None:
    """Hand-wrapped lines joined into their paragraph, short lines kept apart, a timetable
    laid out with spaces kept as it is, bullets, a quote, a link, and the underlined heading
    as the title."""
    article = text_article(RELEASE, "https://harbour.example/release.txt")
    assert article.title == "Harbour Authority Extends Winter Ferry Timetable"
    kinds = [block.kind for block in article.blocks]
    assert kinds == [
        BlockKind.PARAGRAPH,  # FOR IMMEDIATE RELEASE
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.PARAGRAPH,
        BlockKind.PREFORMATTED,
        BlockKind.LIST_ITEM,
        BlockKind.LIST_ITEM,
        BlockKind.QUOTE,
        BlockKind.PARAGRAPH,
    ]
    texts = [block.text for block in article.blocks]
    assert texts[1].startswith("PORT ELLIS, 1 December 2026 -- The Harbour Authority will run")
    assert "two extra sailings a day" in texts[1] and "\n" not in texts[1]
    assert texts[4] == "    Departs   Arrives   Days\n    06:40     07:25     Mon-Sat"
    assert texts[6] == "Season passes will be extended by two weeks at no charge."
    assert texts[7] == (
        "The late boat was turning people away, and nobody should sleep in a car park in December."
    )
    assert texts[8] == "Press office\nHarbour Authority\n1 Quay Street, Port Ellis"
    links = [inline for inline in article.blocks[2].inlines if inline.href]
    assert [(link.text, link.href) for link in links] == [
        ("https://harbour.example/winter", "https://harbour.example/winter")
    ]


NOTICE = """NEWS RELEASE
============

Skerry Island Community Trust
14 November 2026

Island shop to open all winter

The community shop on Skerry Island will stay open through the winter for
the first time, the trust said, after islanders raised the money for a
part-time manager in a fortnight.

Contact: office@skerry.example / 01632 960123
More: https://skerry.example/news/shop
"""


def test_a_texts_fields_stay_one_under_the_other() -> None:
    """Lines each opening with a label are fields, not a sentence wrapped: "Contact: …" and
    "More: …" were joined into one line, as long as the text's wrapped lines."""
    article = text_article(NOTICE, "https://skerry.example/release.txt")
    assert article.blocks[-1].text == (
        "Contact: office@skerry.example / 01632 960123\nMore: https://skerry.example/news/shop"
    )
    assert [i.href for i in article.blocks[-1].inlines if i.href] == [
        "https://skerry.example/news/shop"
    ]
    # The prose above is still joined, and a wrapped line opening with a word and a colon
    # among lines that don't is prose.
    assert "for\nthe first time" not in article.blocks[-2].text
    wrapped = text_article(
        "The trust said the shop's hours would be set by the volunteers themselves\n"
        "Monday: the first day of the rota, when the manager starts and the new\n"
        "stock arrives on the morning boat.\n",
        "",
    )
    assert "\n" not in wrapped.blocks[0].text


def test_a_line_that_is_only_a_date_near_the_top_dates_a_text() -> None:
    """A press release's dateline under its heading is when it was published; a date inside a
    sentence (RELEASE's "PORT ELLIS, 1 December 2026 -- …") may be any event's, and a date
    low in the text is not its dateline."""
    article = text_article(NOTICE, "https://skerry.example/release.txt")
    assert article.published is not None and precision(article.published) == PRECISION_DATE
    assert article.published.date() == date(2026, 11, 14) and article.updated is None
    assert "14 November 2026" in article.blocks[0].text  # the text keeps its line
    assert text_article(RELEASE, "").published is None
    timed = text_article("Ferry notice\n\nTuesday, 3 November 2026 09:30 GMT\n\nNo sailings.", "")
    assert timed.published == datetime(2026, 11, 3, 9, 30, tzinfo=UTC)
    low = "\n\n".join(["Ferry notice", *(f"Sailing {n} is cancelled." for n in range(8))])
    assert text_article(f"{low}\n\n3 November 2026\n", "").published is None


def test_a_short_first_line_titles_a_text_but_a_shouted_one_does_not() -> None:
    notice = text_article("Ferry timetable\n\nTwo sailings a day.\nThree in spring.\n", "")
    assert notice.title == "Ferry timetable"
    assert [block.text for block in notice.blocks] == ["Two sailings a day.\nThree in spring."]
    shouted = text_article("TRANSCRIPT\n\nGood evening. The council met today.\n", "")
    assert shouted.title == "" and shouted.blocks[0].text == "TRANSCRIPT"


def test_a_texts_escape_sequences_and_controls_never_reach_the_article() -> None:
    hostile = "Notice\x1b]0;owned\x07\n\nThe pier\x1b[2J closes\x00 at dusk.\x9b31m\n"
    article = text_article(hostile, "")
    assert (article.title, [block.text for block in article.blocks]) == (
        "Notice",
        ["The pier closes at dusk."],
    )


def test_a_text_plain_page_is_shown_cached_and_read_again_offline(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """`reader show URL` on a text/plain page: the text as an article (not "not an article
    page"); then, with the server gone, `show --offline` from the cache, and `reextract` from
    the kept page."""
    httpserver.expect_request("/release.txt").respond_with_data(
        RELEASE, content_type="text/plain; charset=utf-8"
    )
    url = httpserver.url_for("/release.txt")
    shown = reader(tmp_path, "show", url)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("Harbour Authority Extends Winter Ferry Timetable\n=====")
    assert "two extra sailings a day between Port Ellis and Skerry Island" in shown.stdout
    assert "    06:40     07:25     Mon-Sat" in shown.stdout
    offline = reader(tmp_path, "show", url, "--offline", "--format", "json")
    assert offline.returncode == 0, offline.stderr
    assert json.loads(offline.stdout)["title"] == (
        "Harbour Authority Extends Winter Ferry Timetable"
    )
    again = reader(tmp_path, "reextract", "--all")
    assert again.returncode == 0, again.stderr
    assert reader(tmp_path, "show", url, "--offline").stdout == shown.stdout


def test_a_feeds_text_item_is_read_in_its_charset_and_titled_by_the_feed(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A notice in windows-1251 sent as text/plain with no charset, linked from a feed: the
    Cyrillic comes out right (detected, as for a page), and the entry's title stands when the
    text has none of its own."""
    notice = (
        "ПАРОМНАЯ СЛУЖБА\n\n"
        "С пятнадцатого декабря паром будет ходить дважды в день, утром и вечером, "
        "сообщила администрация порта во вторник.\n"
    ).encode("cp1251")
    httpserver.expect_request("/notice.txt").respond_with_data(notice, content_type="text/plain")
    link = httpserver.url_for("/notice.txt")
    feed = serve_one_item(httpserver, "Harbour notices", "Паром: новое расписание", link)

    async def run() -> None:
        async with Library(tmp_path) as lib:
            lib.add_feed(feed)
            await lib.refresh()
            entry = lib.headlines()[0].entry
            article = await lib.article(entry)
            assert article.title == "Паром: новое расписание"
            assert article.blocks[1].text.startswith("С пятнадцатого декабря паром будет")
            assert lib.cached_article(entry) is not None

    asyncio.run(run())


def test_binary_sent_as_text_plain_is_still_refused(httpserver: HTTPServer, tmp_path: Path) -> None:
    httpserver.expect_request("/photo.txt").respond_with_data(
        b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, content_type="text/plain"
    )
    shown = reader(tmp_path, "show", httpserver.url_for("/photo.txt"))
    assert (shown.returncode, shown.stdout) == (1, "")
    assert "not an article page (image/png)" in shown.stderr


NOTES_MD = """# Harbour dredging: what the council decided

*Minutes, 24 November 2026*: the full text is on the [council's site](https://council.example/m).

## The vote

The council voted **9 to 4** to fund the dredging of the inner basin, at a cost of £4.2m.
The opposition asked for an [independent survey](../survey.html) first.

> We cannot keep the fleet waiting another winter.

1. Dredging starts in March.
2. The spoil goes to the Marram Point reclamation.

<script>alert(1)</script> stays as typed.
"""


def test_a_markdown_page_reads_as_the_document_it_types(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """A `.md` link served as text/plain (as raw file hosts serve it), or a text typed with a
    heading and links: its headings, emphasis, quote, list and links, not the marks typing
    them; the first heading titles it; raw HTML in it stays text. Offline and re-extracted
    alike. A plain text with a "#1" and no other mark stays plain text."""
    httpserver.expect_request("/minutes/notes.md").respond_with_data(
        NOTES_MD, content_type="text/plain; charset=utf-8"
    )
    url = httpserver.url_for("/minutes/notes.md")
    shown = reader(tmp_path, "show", url, "--format", "json")
    assert shown.returncode == 0, shown.stderr
    article = json.loads(shown.stdout)
    assert article["title"] == "Harbour dredging: what the council decided"
    markdown = article["markdown"]
    assert "## The vote" in markdown and "**9 to 4**" in markdown
    assert f"[independent survey](<{httpserver.url_for('/survey.html')}>)" in markdown
    assert "> We cannot keep the fleet waiting another winter." in markdown
    assert "1. Dredging starts in March.\n2. The spoil" in markdown
    assert "alert(1)" in article["text"] and "](https://council" not in article["text"]
    assert reader(tmp_path, "reextract", "--all").returncode == 0
    again = json.loads(reader(tmp_path, "show", url, "--offline", "--format", "json").stdout)
    assert again["markdown"] == markdown

    typed = tmp_path / "notes.txt"
    typed.write_text(NOTES_MD)
    from_file = reader(tmp_path, "extract", str(typed), "--format", "markdown")
    assert "## The vote" in from_file.stdout and "**9 to 4**" in from_file.stdout

    release = "Saltmarsh, the #1 seed, won the final.\n\n# The report: https://club.example/r\n"
    assert extract_file(release.encode()).blocks == text_article(release, "").blocks
