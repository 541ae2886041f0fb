"""A live blog reads as all its entries, newest first, each under a heading with its time; the
fixture `tests/data/live-blog.html` (the Guardian's shape) is checked in test_extraction_rules.
Timestamped lists that are not a live blog (related stories, comments, a timeline) are left as
they were."""

from __future__ import annotations

import asyncio
from pathlib import Path

import lxml.html
import pytest

from reader.citation import header_lines
from reader.extract import extract_article, to_text
from reader.extract.live_blog import ENTRIES, mark_live_entries
from reader.models import BlockKind
from tests.tui_pilot import reading

URL = "https://news.example.com/live/storm"
LIVE = (
    '<script type="application/ld+json">{"@context": "https://schema.org", '
    '"@type": "LiveBlogPosting", "headline": "Storm Idris live"}</script>'
)
UPDATES = [
    (
        "2026-11-28T11:42:00Z",
        "11:42",
        "Harbour master: no boat leaves today",
        "The harbour master said no vessel would leave port before the wind dropped below forty "
        "knots, and the pilot boats were brought inside the breakwater.",
    ),
    (
        "2026-11-28T10:15:00Z",
        "10:15",
        "",
        "Power has been cut to about 2,300 homes on the north shore, the grid operator says, and "
        "crews are waiting for the gusts to ease.",
    ),
    (
        "2026-11-28T08:30:00Z",
        "08:30",
        "Schools closed",
        "Schools on the islands will stay closed today, the council said after the first ferry "
        "of the morning was cancelled.",
    ),
    (
        "2026-11-28T06:00:00Z",
        "06:00",
        "",
        "Good morning and welcome to our live coverage of Storm Idris, which is expected to "
        "bring gusts of eighty miles an hour.",
    ),
]


def bbc_entry(when: str, shown: str, title: str, text: str) -> str:
    """The BBC's shape: each update an <article>, its time and title in its <header>."""
    heading = f'<h3 class="post-title"><span>{title}</span></h3>' if title else ""
    return (
        '<li class="stream-item"><article class="stream-post">'
        f'<header class="post-header"><time class="post-meta-time" datetime="{when}">'
        f'<span class="visually-hidden">posted at </span><span>{shown}</span></time>{heading}'
        f'</header><div class="post-body"><p>{text}</p></div>'
        '<div class="post-share"><button>Share</button></div></article></li>'
    )


def page(head: str, body: str) -> str:
    return (
        f"<html><head><title>Storm Idris live | Gazette</title>{head}</head><body>"
        '<nav><a href="/">Home</a></nav><main><h1>Storm Idris live</h1>'
        f"{body}</main><footer>© Gazette</footer></body></html>"
    )


def headings(article) -> list[str]:
    return [b.text for b in article.blocks if b.kind == BlockKind.HEADING]


def test_a_declared_live_blog_reads_as_every_entry_under_its_time() -> None:
    entries = "".join(bbc_entry(*u) for u in UPDATES)
    article = extract_article(page(LIVE, f'<ol class="stream">{entries}</ol>'), URL)
    assert headings(article) == [
        "11:42 · Harbour master: no boat leaves today",
        "10:15",
        "08:30 · Schools closed",
        "06:00",
    ]
    text = to_text(article, header=False)
    for _, _, _, said in UPDATES:
        assert said in text
    assert "posted at" not in text and "Share" not in text


def test_a_match_reports_minutes_stamp_its_entries() -> None:
    # BBC Sport's live text: each entry stamped with the minute of the match in a span, its
    # label "time" for screen readers only; a scoreboard and the headline above the entries.
    minutes = [("90+4'", "Full time"), ("88'", "GOAL - Plymouth 2-1 Exeter"), ("23'", "")]
    entries = "".join(
        '<li class="lx-stream__post-container"><article class="lx-stream-post"><header>'
        f'<span class="qa-post-time"><span class="gs-u-vh">time</span>{minute}</span>'
        f'{f"<h3>{title}</h3>" if title else ""}</header><div class="lx-stream-post-body">'
        f"<p>{UPDATES[i][3]}</p></div></article></li>"
        for i, (minute, title) in enumerate(minutes)
    )
    board = (
        '<div class="scoreboard"><div class="team"><span>Plymouth Argyle</span><span>2</span>'
        "</div><ul><li>Whittaker 23'</li><li>Hardie 88'</li></ul></div>"
    )
    body = f'{board}<div class="lx-stream"><ol class="lx-stream__feed">{entries}</ol></div>'
    article = extract_article(page(LIVE, body), URL)
    assert headings(article) == ["90+4' · Full time", "88' · GOAL - Plymouth 2-1 Exeter", "23'"]
    text = to_text(article, header=False)
    assert "time90" not in text and "Storm Idris live" not in text


def test_entries_each_scored_apart_all_come_out() -> None:
    """Entries as `<article>`s, each body in a wrapper of its own: readability scored each
    apart and kept the longest alone (one update of four), its time dropped as a dateline."""
    entries = "".join(
        f'<article class="block"><div class="block-meta"><time class="timestamp" '
        f'datetime="{when}">{shown} GMT</time></div>'
        + (f'<h2 class="block-title">{title}</h2>' if title else "")
        + f'<div class="block-body"><p>{text}</p>'
        + ("<p>Parents were asked to check the council's page on Monday.</p>" if i == 2 else "")
        + "</div></article>"
        for i, (when, shown, title, text) in enumerate(UPDATES)
    )
    article = extract_article(page(LIVE, f'<div class="updates">{entries}</div>'), URL)
    text = to_text(article, header=False)
    for _, _, _, said in UPDATES:
        assert said in text
    assert headings(article)[1] == "10:15 GMT"


def test_a_declared_live_blog_just_begun_has_two_entries() -> None:
    entries = "".join(bbc_entry(*u) for u in UPDATES[:2])
    article = extract_article(page(LIVE, f'<ol class="stream">{entries}</ol>'), URL)
    assert headings(article) == ["11:42 · Harbour master: no boat leaves today", "10:15"]
    # Undeclared, two timestamped items are as often a story and its "related" card.
    article = extract_article(page("", f'<ol class="stream">{entries}</ol>'), URL)
    assert headings(article) == ["Harbour master: no boat leaves today"]


def test_entries_in_a_live_named_holder_need_no_declaration() -> None:
    entries = "".join(bbc_entry(*u) for u in UPDATES)
    article = extract_article(page("", f'<ol class="live-stream">{entries}</ol>'), URL)
    assert len(headings(article)) == 4


def cited_updated(head: str) -> str:
    """The "Updated:" line of the citation of the storm's live blog, whose page `head` adds
    to its JSON-LD; "" when there is none."""
    entries = "".join(bbc_entry(*u) for u in UPDATES)
    article = extract_article(page(LIVE + head, f'<ol class="stream">{entries}</ol>'), URL)
    return next((line for line in header_lines(article) if line.startswith("Updated:")), "")


def test_a_live_blog_is_cited_as_updated_at_its_latest_entry() -> None:
    # The page declares only when its coverage began.
    began = '<meta property="article:published_time" content="2026-11-28T06:00:00Z">'
    assert cited_updated(began) == "Updated: 2026-11-28T11:42:00+00:00"
    # A declared modification before the latest entry is stale: the entry came after.
    stale = '<meta property="article:modified_time" content="2026-11-28T09:00:00Z">'
    assert cited_updated(began + stale) == "Updated: 2026-11-28T11:42:00+00:00"
    # One after it (an entry corrected) is the page's word.
    later = '<meta property="article:modified_time" content="2026-11-28T12:05:00Z">'
    assert cited_updated(began + later) == "Updated: 2026-11-28T12:05:00+00:00"


def test_the_standfirst_stays_above_a_pinned_post() -> None:
    """The Guardian's shape: the standfirst, then a pinned welcome post beside the entries.
    readability-lxml moved the standfirst into the entries' holder, after the pinned post."""
    entries = "".join(bbc_entry(*u) for u in UPDATES)
    body = (
        '<div class="standfirst"><p>Gusts of eighty miles an hour are forecast for the islands '
        "today.</p></div>"
        '<div class="pinned-post"><p><strong>Pinned</strong></p><p>Welcome to our coverage of '
        "the storm. Our reporters on the islands will post updates here through the day.</p>"
        f'</div><ol class="stream">{entries}</ol>'
    )
    text = to_text(extract_article(page(LIVE, body), URL), header=False)
    assert text.index("Gusts of eighty") < text.index("Pinned") < text.index("Welcome to our")


def test_timestamped_items_of_no_live_blog_give_no_update_time() -> None:
    """A story's list of dated related items is no live blog: its latest is not the story's."""
    items = "".join(bbc_entry(*u) for u in UPDATES)
    html = page('<meta property="article:published_time" content="2026-11-28T06:00:00Z">', "")
    html = html.replace("</main>", f'<ol class="stream">{items}</ol></main>')
    assert extract_article(html, URL).updated is None


@pytest.mark.parametrize(
    "relative",
    ["2 hours ago", "vor 2 Stunden", "il y a 2 heures", "hace 2 horas", "2 часа назад", "just now"],
)
def test_a_relative_time_gives_the_time_it_stands_for(relative: str) -> None:
    """ "2 hours ago" is true only on the day it was read: the `datetime` is kept instead, in
    whichever language the site said it."""
    updates = [(w, relative, t, s) for w, _, t, s in UPDATES]
    entries = "".join(bbc_entry(*u) for u in updates)
    article = extract_article(page(LIVE, f'<ol class="stream">{entries}</ol>'), URL)
    assert headings(article)[:2] == [
        "2026-11-28 11:42 · Harbour master: no boat leaves today",
        "2026-11-28 10:15",
    ]


def test_timestamped_lists_that_are_not_a_live_blog_are_left_alone() -> None:
    """A story with a timeline of dated paragraphs and related cards: no live blog declared, no
    live name. The story stays the article; its dates stay words of their lines."""
    story = "".join(
        f"<p>Paragraph {i} of the story about the ferry has enough words to be read as prose.</p>"
        for i in range(5)
    )
    timeline = "".join(
        f'<li class="event"><time datetime="{y}-01-01">{y}</time> <p>The ferry service '
        f"changed hands again in {y}, the year the harbour was dredged.</p></li>"
        for y in (1887, 1923, 1961)
    )
    cards = "".join(
        f'<article class="card"><time datetime="2026-11-2{i}">Nov 2{i}</time>'
        f"<p>Another story from the same harbour, summarised in a sentence or two.</p></article>"
        for i in range(3)
    )
    body = f'<article class="story">{story}<ul class="timeline">{timeline}</ul></article>{cards}'
    article = extract_article(page("", body), URL)
    assert headings(article) == []
    text = to_text(article, header=False)
    assert "Another story from the same harbour" not in text
    assert "1923" in text and "changed hands again in 1923" in text


def test_a_latest_news_list_on_a_live_blog_is_not_its_entries() -> None:
    """Each item a time and a linked headline in a paragraph: the site's list, dropped as ever."""
    entries = "".join(bbc_entry(*u) for u in UPDATES)
    latest = "".join(
        f'<li><time datetime="2026-11-28T0{i}:00:00Z">0{i}:00</time><p><a href="/n/{i}">'
        f"Another headline from the harbour that runs to a good length {i}</a></p></li>"
        for i in range(5)
    )
    body = f'<ol class="stream">{entries}</ol><aside><ul class="latest">{latest}</ul></aside>'
    doc = lxml.html.document_fromstring(page(LIVE, body))
    mark_live_entries(doc, live_blog=True)
    assert doc.find(".//ol").get(ENTRIES) is not None
    assert doc.find(".//ul").get(ENTRIES) is None
    assert doc.find(".//ul//time") is not None  # its times left as they were
    article = extract_article(page(LIVE, body), URL)
    assert len(headings(article)) == 4
    assert "Another headline" not in to_text(article, header=False)


def test_comments_are_never_entries() -> None:
    entries = "".join(bbc_entry(*u) for u in UPDATES)
    comments = "".join(
        f'<article class="comment"><time datetime="2026-11-28T12:0{i}:00Z">12:0{i}</time>'
        f"<p>Reader comment number {i} says something at length about the storm and ferries.</p>"
        "</article>"
        for i in range(4)
    )
    body = f'<ol class="stream">{entries}</ol><section class="comments">{comments}</section>'
    article = extract_article(page(LIVE, body), URL)
    assert len(headings(article)) == 4
    assert "Reader comment" not in to_text(article, header=False)


def test_the_demos_live_blog_reads_update_by_update(synced_dir: Path) -> None:
    """Synced from the demo server (the Gazette's storm live blog, every entry an <article> in
    the site's own page): `]` goes from one update to the next."""

    async def run() -> None:
        async with reading(synced_dir, "Storm Idris live", (100, 30)) as (_app, pilot, body):
            assert body.article is not None and len(headings(body.article)) == 6
            for expected in ('23.48 GMT · Harbour master: "no boat leaves tomorrow"', "22.55 GMT"):
                await pilot.press("right_square_bracket")
                assert body.lines[body.top_line].strip() == expected
            assert "Power has been cut to about 2,300 homes" in body.lines[body.top_line + 2]

    asyncio.run(run())


def ndtv_entry(shown: str, title: str, text: str) -> str:
    """NDTV's shape: each update a `div.lb-post`, its time a date line in a `div.lb-time` (no
    `<time>`), its title, its text, then a share row."""
    return (
        f'<div class="lb-post"><div class="lb-time"><span class="lb-date">{shown}</span></div>'
        f'<h2 class="lb-ttl">{title}</h2><div class="lb-txt"><p>{text}</p></div>'
        '<div class="lb-shr"><a>Share</a></div></div>'
    )


def test_a_live_blogs_date_lines_stamp_its_entries_and_its_share_rows_go() -> None:
    """NDTV's live blog (acc19a F27): each update's time was left as a line after the update
    before it (the first one's lost) and "Share" after each; now each heading names its time
    as the README says, "11:42 IST · Harbour master: …", and no "Share" is left."""
    titled = [u for u in UPDATES if u[2]]
    entries = "".join(
        ndtv_entry(f"Nov 28, 2026 {shown} (IST)", title, text) for _, shown, title, text in titled
    )
    dek = '<h2 class="sp-descp">Gusts of eighty miles an hour are expected on the coast today.</h2>'
    article = extract_article(page(LIVE, f'{dek}<div class="lvb-wr">{entries}</div>'), URL)
    assert headings(article) == [f"{shown} IST · {title}" for _, shown, title, _ in titled]
    text = to_text(article, header=False)
    assert "Share" not in text and "(IST)" not in text
    for _, _, _, said in titled:
        assert said in text
    # The standfirst stays the paragraph it is, above the updates.
    assert article.blocks[0].text.startswith("Gusts of eighty")
    assert article.blocks[0].kind == BlockKind.PARAGRAPH


@pytest.mark.parametrize(
    "stamp",
    ['<p class="timestamp">{}</p>', '<p class="time">{}</p>', '<div class="timestamp">{}</div>'],
)
def test_an_entry_stamped_in_a_paragraph_keeps_its_time_as_its_heading(stamp: str) -> None:
    """The Riverside Gazette's shape: each entry a `li.live-entry`, its time a paragraph of its
    own; its time was dropped, the entry left with no heading to quote it by (acc48c C5)."""
    entries = "".join(
        f'<li class="live-entry" id="e{n}">{stamp.format(shown)}'
        f"<p><strong>Update {n}: crews at the quay</strong></p><p>{text}</p></li>"
        for n, (_when, shown, _title, text) in enumerate(UPDATES)
    )
    body = f'<ul class="live-entries">{entries}</ul>'
    article = extract_article(page(LIVE, body), URL)
    assert headings(article) == ["11:42", "10:15", "08:30", "06:00"]
    text = to_text(article, header=False)
    assert text.index("11:42") < text.index("Update 0: crews") < text.index("10:15")


def test_a_short_update_leaves_a_declared_live_blogs_entries_as_they_were() -> None:
    """An update of one line on top ("The union called the strike off at noon."): the blog's
    entries were no longer taken for entries at all, every heading read "11:00 Update 3: …" for
    "11:00 · Update 3: …", and a sync took the blog that only grew for corrected in every entry
    (acc50c C1)."""

    def blog(updates: list[tuple[int, str, str]]) -> str:
        entries = "".join(
            f'<article id="block-{n}" class="liveblog-entry"><h2><time>{n + 8}:00</time> '
            f"Update {n}: {title}</h2><p>{text}</p></article>"
            for n, title, text in updates
        )
        return page(LIVE, f'<div class="liveblog">{entries}</div>')

    updates = [
        (3, "union responds", "The union said it would wait for the contracts before it acts."),
        (2, "council answers", "The council leader said two more crew would be hired by May."),
        (1, "crews meet", "The ferry crews met the council at nine and asked for more staff."),
    ]
    before = headings(extract_article(blog(updates), URL))
    assert before[0] == "11:00 · Update 3: union responds"
    short = (4, "strike off", "The union called the strike off at noon.")
    grown = extract_article(blog([short, *updates]), URL)
    assert headings(grown) == ["12:00 · Update 4: strike off", *before]
    assert "The union called the strike off at noon." in to_text(grown, header=False)
