"""The header of `reader show`/`extract` output: the citation a journalist copies with a quote."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime

from markdown_it import MarkdownIt

from reader.extract import to_markdown, to_text
from reader.models import Article, Block, BlockKind, Inline

PUBLISHED = datetime(2026, 11, 24, 7, 30, tzinfo=UTC)


def article(**fields: object) -> Article:
    body = (Block(BlockKind.PARAGRAPH, (Inline("The council met at noon."),)),)
    base: dict[str, object] = {
        "url": "https://news.example.com/2026/11/council_vote?id=7",
        "title": "Council [votes] *again*",
        "author": "[bold red]Ann Lee[/] & *Tom Berg*",
        "site_name": "The <Harbour> Gazette",
        "published": PUBLISHED,
        "updated": PUBLISHED,
        "blocks": body,
    }
    base.update(fields)
    return Article(**base)  # type: ignore[arg-type]


def test_markdown_header_reads_back_as_the_page_said_it() -> None:
    markdown = to_markdown(article())
    html = MarkdownIt("commonmark").render(markdown)
    assert "<h1>Council [votes] *again*</h1>" in html
    assert "Author: [bold red]Ann Lee[/] &amp; *Tom Berg*" in html  # no markup, no emphasis
    assert "Source: The &lt;Harbour&gt; Gazette" in html
    # The address is a link to copy, not an escaped string ("council\_vote").
    url = "https://news.example.com/2026/11/council_vote?id=7"
    assert f"URL: <{url}>" in markdown
    assert f'<a href="{url}">{url}</a>' in html


def test_updated_is_given_only_when_it_differs() -> None:
    assert "Updated:" not in to_text(article())
    later = article(updated=datetime(2026, 11, 24, 9, 0, tzinfo=UTC))
    assert "Updated: 2026-11-24T09:00:00+00:00" in to_text(later)


def test_the_title_is_underlined_as_wide_as_it_shows() -> None:
    lines = to_text(article(title="欲張りなイヌ")).splitlines()
    assert lines[:2] == ["欲張りなイヌ", "=" * 12]


def test_plain_text_underlines_headings() -> None:
    blocks = (
        Block(BlockKind.HEADING, (Inline("What the budget contains"),), 2),
        Block(BlockKind.PARAGRAPH, (Inline("Council tax rises by 4.99 per cent."),)),
    )
    text = to_text(article(blocks=blocks), header=False)
    assert text.splitlines()[:3] == [
        "What the budget contains",
        "-" * len("What the budget contains"),
        "",
    ]


def test_a_quotation_of_several_paragraphs_stays_one_quote() -> None:
    import lxml.html

    from reader.extract.blocks import html_to_blocks

    root = lxml.html.fragment_fromstring(
        "<div><blockquote><p>We kept the light for eighty years.</p><p>Now the museum keeps "
        "the lens.</p><footer>— Ruth Adeyemi</footer></blockquote><blockquote><p>A second "
        "quote.</p></blockquote></div>"
    )
    blocks = html_to_blocks(root, "https://news.example.com/")
    assert [(b.kind, b.ordinal) for b in blocks] == [
        (BlockKind.QUOTE, 1),
        (BlockKind.QUOTE, 1),
        (BlockKind.QUOTE, 2),
    ]
    html = MarkdownIt("commonmark").render(to_markdown(article(blocks=blocks), header=False))
    quotes = lxml.html.fragment_fromstring(html, create_parent="div").findall("blockquote")
    assert [len(q.findall("p")) for q in quotes] == [2, 1]
    assert "Ruth Adeyemi" in quotes[0].text_content()
    # A record from before quotes were numbered (ordinal 0) keeps each block a quote of its own.
    old = tuple(replace(b, ordinal=0) for b in blocks)
    html = MarkdownIt("commonmark").render(to_markdown(article(blocks=old), header=False))
    assert html.count("<blockquote>") == 3


def test_an_escape_sequence_in_a_field_goes_whole_before_the_markdown_escapes() -> None:
    hostile = article(title="\x1b]0;pwned\x07Council [votes]", author="Ann\x1b[31m Lee")
    markdown = to_markdown(hostile)
    assert markdown.startswith("# Council \\[votes\\]\n")
    assert "Author: Ann Lee" in markdown
    assert "pwned" not in markdown and "]0;" not in markdown and "[31m" not in markdown


def test_emphasis_keeps_its_spaces_outside_the_markers() -> None:
    # "<b>Built </b><a>1894</a>": CommonMark reads "**Built **" as asterisks, not bold.
    inlines = (
        Inline("Built ", strong=True),
        Inline("1894", href="https://x.example/y", strong=True),
        Inline(" and "),
        Inline(" very ", emphasis=True),
        Inline("old."),
    )
    body = (Block(BlockKind.PARAGRAPH, inlines),)
    html = MarkdownIt("commonmark").render(to_markdown(article(blocks=body), header=False))
    assert '<strong>Built <a href="https://x.example/y">1894</a></strong>' in html
    assert "<em>very</em> old." in html
    assert "*" not in html


def test_a_date_stated_alone_is_cited_and_printed_without_a_time() -> None:
    from reader.cli.common import render
    from reader.dates import parse_datetime

    day = parse_datetime("2019-02-21")
    later = datetime(2019, 2, 22, 12, 17, 45, tzinfo=UTC)
    dated = article(published=day, updated=later)
    text = to_text(dated)
    assert "Published: 2019-02-21\n" in text  # not 2019-02-21T00:00:00+00:00: no such time
    assert "Updated: 2019-02-22T12:17:45+00:00" in text
    as_json = json.loads(render(dated, "json"))
    assert (as_json["published"], as_json["updated"]) == ("2019-02-21", later.isoformat())
    assert "published_precision" not in as_json


def test_a_moment_with_milliseconds_is_cited_to_the_second() -> None:
    """A JSON-LD "2026-06-10T06:00:12.345Z" was cited "06:00:12.345000+00:00"."""
    from reader.cli.common import render
    from reader.dates import parse_datetime

    dated = article(published=parse_datetime("2026-06-10T06:00:12.345Z"), updated=None)
    assert "Published: 2026-06-10T06:00:12+00:00\n" in to_text(dated)
    assert json.loads(render(dated, "json"))["published"] == "2026-06-10T06:00:12+00:00"


def test_a_cached_date_stays_a_date_and_old_records_still_load() -> None:
    from reader.codec import article_from_dict, article_to_dict
    from reader.dates import date_only, parse_datetime

    dated = article(published=parse_datetime("2019-02-21"), updated=None)
    record = json.loads(json.dumps(article_to_dict(dated)))
    # An older reader reads the midnight UTC it made itself, never a naive value.
    assert record["published"] == "2019-02-21T00:00:00+00:00"
    back = article_from_dict(record)
    assert back.published is not None and date_only(back.published)
    assert back.published == dated.published and back.updated is None
    # A record from before precisions were kept: its dates are whole moments, as before.
    del record["published_precision"], record["updated_precision"]
    old = article_from_dict(record)
    assert old.published == datetime(2019, 2, 21, tzinfo=UTC)
    assert old.published is not None and not date_only(old.published)
    # Dates of both kinds sort together.
    assert sorted([PUBLISHED, back.published, old.published])[-1] == PUBLISHED


def test_a_time_without_its_zone_is_cited_without_one() -> None:
    from reader.cli.common import render
    from reader.codec import article_from_dict, article_to_dict
    from reader.dates import parse_datetime, zone_unstated

    wall_clock = parse_datetime("2024-03-05T09:30")
    dated = article(published=wall_clock, updated=None)
    # ISO 8601 with no offset: the page's time, in a zone it didn't give, not "+00:00".
    assert "Published: 2024-03-05T09:30:00\n" in to_text(dated)
    assert json.loads(render(dated, "json"))["published"] == "2024-03-05T09:30:00"
    back = article_from_dict(json.loads(json.dumps(article_to_dict(dated))))
    assert back.published is not None and zone_unstated(back.published)
    assert back.published == wall_clock
    # It sorts as if in UTC, beside whole moments.
    assert sorted([PUBLISHED, back.published]) == [back.published, PUBLISHED]


def test_a_header_without_lines_is_the_title_and_one_blank_line() -> None:
    bare = article(url="", author="", site_name="", published=None, updated=None)
    assert to_markdown(bare).startswith("# Council \\[votes\\] \\*again\\*\n\nThe council met")
    assert to_text(bare).startswith("Council [votes] *again*\n" + "=" * 23 + "\n\nThe council")


def test_a_link_with_emphasis_inside_is_one_link() -> None:
    """A linked reference whose title is in italics is one link to follow, not three."""
    book = "https://books.example/canals"
    runs = (
        Inline("A. Berrow, ", href=book),
        Inline("Working Lives on the Canals", href=book, emphasis=True),
        Inline(" (2004)", href=book),
        Inline(" and "),
        Inline("a second", href=book),
    )
    markdown = to_markdown(article(blocks=(Block(BlockKind.LIST_ITEM, runs),)), header=False)
    assert markdown == (
        f"- [A. Berrow, *Working Lives on the Canals* (2004)](<{book}>) and [a second](<{book}>)\n"
    )
    html = MarkdownIt("commonmark").render(markdown)
    assert html.count("<a href") == 2 and "<em>Working Lives on the Canals</em> (2004)</a>" in html
