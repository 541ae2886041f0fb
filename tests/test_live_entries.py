"""A live blog whose feed lists each entry as an item of its own, linking into the page
(`page#block-N`, acc48c): the page is cached once for them all, written once by an export, and
each item opens at its own entry.

A site on 127.0.0.1 (`tests.story_site`) serving the blog and its feed, the real store in
tmp_path, the CLI as a user runs it. The blog runs yesterday (`live_blog_site.DAY`): its last
update within the two days a live blog is asked for again, whenever the tests run."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main_full_text import SEARCH_VIEW
from reader.ui.widgets.article.article_body import ArticleBody
from tests.live_blog_site import DAY, at, rfc822
from tests.story_site import StorySite, ran, site_fixture
from tests.tui_pilot import line_of, on_top, reading, running, until

BLOG = "/metro/live/port-fire.html"
TITLE = "Live: Fire at Port of Estmouth"


LATE_NAME = "Marguerite Okonkwo-Dahl"
LATE_ENTRY = 5
"""The entry the name first comes in, at the end of its text."""
CORRECTED: set[int] = set()
"""The entries the site has corrected: "a second fire" became "a third fire"."""


def entry_text(n: int) -> tuple[str, str]:
    """Entry `n`'s heading and text."""
    fire = "third" if n in CORRECTED else "second"
    named = f" The coroner's office named investigator {LATE_NAME}." if n == LATE_ENTRY else ""
    return (
        f"Update {n}: crews on berth {n}",
        f"Firefighters reached berth {n} where a {fire} fire sent smoke north-east over the"
        f" estuary; roads near the quay stay closed. This is entry number {n} of the coverage."
        + named,
    )


def blog(
    entries: list[int], summary: list[str] | None = None, canonical: str = "", modified: str = ""
) -> str:
    """The blog's page, newest entry first, each an `<article id="block-N">`, under its pinned
    `summary` when given; its time of update (`dateModified`) `modified` when given."""
    blocks = "".join(
        f'<article class="block" id="block-{n}"><header><time datetime="{at(f"11:{n:02d}")}">'
        f"11:{n:02d}</time></header><h2>{entry_text(n)[0]}</h2><p>{entry_text(n)[1]}</p></article>"
        for n in sorted(entries, reverse=True)
    )
    ld = json.dumps(
        {"@context": "https://schema.org", "@type": "LiveBlogPosting", "headline": TITLE}
        | ({"dateModified": modified} if modified else {})
    )
    return (
        f'<html><head><title>{TITLE}</title><link rel="canonical" href="{canonical}">'
        f'<script type="application/ld+json">{ld}</script>'
        f'</head><body><main><article class="live-article"><h1>{TITLE}</h1>'
        f"{pinned(summary) if summary else ''}"
        f'<div class="liveblog-body">{blocks}</div></article></main></body></html>'
    )


def pinned(summary: list[str]) -> str:
    """The summary pinned above the entries, rewritten every few of them."""
    points = "".join(f"<li>{point}</li>" for point in summary)
    return f'<div class="pinned-summary"><h2>Summary</h2><ul>{points}</ul></div>'


class Metro(StorySite):
    """Metro Daily: the blog as one item, and each of its latest entries an item of its own."""

    entries = [1, 2, 3]
    listed = [1, 2, 3]
    summary = "Crews fight a fire on the east quay."
    """The blog item's standfirst: a sync fetches the page again when its words change."""
    entries_first = False
    """The entries' items listed before the blog's, newest first, as some outlets list them."""

    def feed(self) -> str:
        items = [
            f"<item><title>{TITLE}</title><link>{self.url(BLOG)}</link>"
            "<guid isPermaLink='false'>metro-live</guid>"
            f"<description>{self.summary}</description>"
            f"<pubDate>{rfc822('11:00')}</pubDate></item>"
        ]
        items += [
            f"<item><title>11:{n:02d} {entry_text(n)[0]}</title>"
            f"<link>{self.url(BLOG)}#block-{n}</link>"
            f"<guid isPermaLink='false'>metro-post-{n}</guid>"
            f"<pubDate>{rfc822(f'11:{n:02d}')}</pubDate>"
            f"<description>{entry_text(n)[1]}</description></item>"
            for n in self.listed
        ]
        if self.entries_first:
            items = items[:0:-1] + items[:1]
        return (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Metro Daily</title>'
            f"<link>{self.url('/')}</link>{''.join(items)}</channel></rss>"
        )


site = site_fixture(Metro, "site")


def synced(site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site.body = blog(site.entries, canonical=site.url(BLOG))
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")


def grown_with_2_corrected(site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A sync taking in entry 4, entry 2 corrected ("a third fire"), its item's standfirst new."""
    site.entries = [1, 2, 3, 4]
    CORRECTED.add(2)
    try:
        site.body = blog(site.entries)
        site.summary = "A third fire is reported near the grain silos."
        ran(capsys, data_dir, "sync")
    finally:
        CORRECTED.clear()


@pytest.mark.parametrize("fmt", ["markdown", "text", "html"])
def test_an_export_writes_a_page_once_for_every_item_pointing_into_it(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    synced(site, data_dir, capsys)
    out, err = ran(capsys, data_dir, "export", "--format", fmt, "--feed", "Metro Daily")
    assert out.count(entry_text(2)[1]) == 1  # 4 times: once per item
    assert "1 article exported" in err and "3 more items pointing into a page" in err
    for n in (1, 2, 3):
        assert f"{entry_text(n)[0]}" in out.split("Items pointing into this page")[1]
        assert f"#block-{n}" in out


def test_a_json_export_lists_the_items_pointing_into_a_page_with_it(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synced(site, data_dir, capsys)
    out = ran(capsys, data_dir, "export", "--format", "json", "--feed", "Metro Daily")[0]
    [item] = json.loads(out)
    pointing = item["items_pointing_in"]
    assert [p["anchor"] for p in pointing] == ["block-3", "block-2", "block-1"]
    assert pointing[0]["title"] == f"11:03 {entry_text(3)[0]}"


def test_an_item_pointing_into_a_live_blog_opens_at_its_entry_and_cites_it(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Enter on "11:03 Update 3" opened the whole blog at its top (Update 12 first), and `y`
    cited the blog's address without the entry's anchor (acc48c C3)."""
    site.entries = list(range(1, 13))
    synced(site, data_dir, capsys)

    async def run() -> None:
        async with reading(data_dir, "11:03 Update 3", (100, 24)) as (app, pilot, body):
            await pilot.pause()
            top = body.lines[body.top_line : body.top_line + 4]
            assert any("11:03 · Update 3: crews on berth 3" in line for line in top), top
            copied: list[str] = []
            app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
            await pilot.press("y")
            await until(pilot, lambda: bool(copied), "the citation")
            assert f"{site.url(BLOG)}#block-3" in copied[0]
            # A passage quoted from another entry cites that one's anchor.
            await pilot.press("slash", *"entry number 2 of", "enter", "v", "y")
            await until(pilot, lambda: len(copied) > 1, "the quote")
            assert "entry number 2 of" in copied[1] and f"{site.url(BLOG)}#block-2" in copied[1]

    asyncio.run(run())


def test_only_the_item_whose_entry_changed_is_marked_changed(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A sync that found the blog grew marked every item pointing into it changed (Δ): 167 of
    170 Metro headlines at each sync (acc48c C3). Only entry 2 is corrected here."""
    synced(site, data_dir, capsys)
    grown_with_2_corrected(site, data_dir, capsys)
    out = ran(capsys, data_dir, "list", "--feed", "Metro Daily", "--json")[0]
    changed = {item["link"].rpartition("/")[2]: item["changed"] for item in json.loads(out)}
    assert changed == {
        "port-fire.html": True,  # the page itself grew
        "port-fire.html#block-1": False,
        "port-fire.html#block-2": True,
        "port-fire.html#block-3": False,
    }


def test_r_keeps_the_text_read_at_the_top_of_a_blog_that_grew_above_it(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`R` kept the place by paragraph number: three entries added on top of the blog put the
    view three entries newer than the one read (acc48c C6)."""
    site.entries = list(range(1, 21))
    synced(site, data_dir, capsys)

    async def run() -> None:
        async with reading(data_dir, TITLE, (100, 24)) as (_app, pilot, body):
            await pilot.pause()
            body.scroll_to(y=line_of(body, "entry number 9 of"), animate=False, immediate=True)
            await pilot.pause()
            read = body.lines[body.top_line]
            assert "entry number 9 of" in read
            site.body = blog(list(range(1, 24)))
            await pilot.press("R")
            await until(pilot, lambda: "Update 23" in body.text, "the blog fetched again")
            await pilot.pause()
            assert body.lines[body.top_line] == read

    asyncio.run(run())


def test_a_diff_names_a_corrected_entry_by_its_heading(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`reader diff` named a corrected entry "Paragraph 12" alone: on a 600-paragraph blog the
    editor could not tell which update, of which time, was corrected (acc48c C9)."""
    site.entries = [1, 2, 3, 4]
    synced(site, data_dir, capsys)
    items = json.loads(ran(capsys, data_dir, "list", "--feed", "Metro Daily", "--json")[0])
    [blog_id] = [item["id"] for item in items if item["link"] == site.url(BLOG)]
    CORRECTED.add(2)
    try:
        site.body = blog(site.entries)
        ran(capsys, data_dir, "show", blog_id, "--refresh")
    finally:
        CORRECTED.clear()
    out = ran(capsys, data_dir, "diff", blog_id)[0]
    assert "11:02 · Update 2: crews on berth 2, paragraph 1 (paragraph 6):" in out
    assert "[-second-]{+third+}" in out


def test_a_full_text_hit_opens_with_its_entry_s_heading_in_view(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`F` Okonkwo opened the blog with the match on the top line, the update's time and title
    ("11:05 · Update 5: …") just above it, out of view (acc48c C12)."""
    site.entries = list(range(1, 13))
    synced(site, data_dir, capsys)

    async def run() -> None:
        async with running(data_dir, (100, 24), prefetch=False) as (app, pilot):
            await pilot.press("F", *"Okonkwo", "enter")
            screen = app.screen
            await until(pilot, lambda: getattr(screen, "feed_url", None) == SEARCH_VIEW, "hits")
            await until(pilot, lambda: bool(screen.text_hits), "a hit")
            await pilot.press("enter")
            article = await on_top(pilot, ArticleScreen, "the article")
            body = article.query_one(ArticleBody)
            await until(pilot, lambda: body.query == "Okonkwo", "the match found")
            await pilot.pause()
            shown = body.lines[body.top_line : body.top_line + 10]
            assert any("11:05 · Update 5: crews on berth 5" in line for line in shown), shown
            assert any("Okonkwo" in line for line in shown), shown

    asyncio.run(run())


def test_a_diff_keeps_new_entries_apart_from_the_summary_s_rewrite(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An old summary point was shown "changed into" the new entry's heading
    (`[-Key point 1.2-]{+11:33 · Update 38+}: Fenwick on …`), sharing its words (acc48c C9)."""
    site.entries = [1, 2, 3, 4]
    old = [
        "Key point 1.1: harbour ferries cancelled all day",
        "Key point 1.2: crews on berth 5 fight",
    ]
    site.body = blog(site.entries, old)
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    items = json.loads(ran(capsys, data_dir, "list", "--feed", "Metro Daily", "--json")[0])
    [blog_id] = [item["id"] for item in items if item["link"] == site.url(BLOG)]
    site.body = blog(
        [1, 2, 3, 4, 5], ["Key point 2.1: crews on berth 5 and the quay", "Roads shut"]
    )
    ran(capsys, data_dir, "show", blog_id, "--refresh")
    out = ran(capsys, data_dir, "diff", blog_id)[0]
    hunks = out.split("\n\n")
    assert "11:05 · Update 5: crews on berth 5, its heading and paragraph 1" in out
    assert not [h for h in hunks if "Key point" in h and "Update 5" in h], out


def test_only_the_item_whose_entry_was_corrected_is_marked_corrected(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Entry 2 corrected made every item pointing into the blog "corrected" (δ, `list
    --corrected`, `is:corrected`): an item is corrected when its own entry was, for good,
    the page opened since or not."""
    synced(site, data_dir, capsys)

    def corrected() -> dict[str, bool]:
        out = ran(capsys, data_dir, "list", "--feed", "Metro Daily", "--json")[0]
        return {item["link"].rpartition("/")[2]: item["corrected"] for item in json.loads(out)}

    def synced_with(fixed: int) -> None:
        CORRECTED.add(fixed)
        try:
            site.body = blog(site.entries)
            ran(capsys, data_dir, "sync")
        finally:
            CORRECTED.clear()

    site.entries = [1, 2, 3, 4]
    site.summary = "A third fire is reported near the grain silos."
    synced_with(2)
    assert corrected() == {
        "port-fire.html": True,  # the page: one of its entries corrected
        "port-fire.html#block-1": False,
        "port-fire.html#block-2": True,
        "port-fire.html#block-3": False,
    }
    listed = ran(capsys, data_dir, "list", "--corrected", "--feed", "Metro Daily")[0]
    assert "Update 2" in listed and "Update 1" not in listed and "Update 3" not in listed
    # The page read (its Δ gone), then entry 3 corrected too: entry 2's item stays corrected.
    [page_id] = [
        item["id"]
        for item in json.loads(ran(capsys, data_dir, "list", "--json")[0])
        if item["link"] == site.url(BLOG)
    ]
    ran(capsys, data_dir, "show", page_id)
    CORRECTED.add(2)
    site.summary = "Crews hold the fire at the grain silos."
    synced_with(3)
    assert corrected() == {
        "port-fire.html": True,
        "port-fire.html#block-1": False,
        "port-fire.html#block-2": True,
        "port-fire.html#block-3": True,
    }


def test_a_search_hit_names_the_entry_its_match_is_in(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`list --search Okonkwo` gave the sentence alone: on a blog of 400 updates the editor
    could not tell which update, of which time, named her (acc48c C12). A match before any
    entry (the pinned summary) names none."""
    site.entries = list(range(1, 13))
    site.body = blog(site.entries, ["Investigator Okonkwo-Dahl joins the inquiry", "Roads shut"])
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    out = ran(capsys, data_dir, "list", "--search", "coroner's")[0]
    hit = [line for line in out.splitlines() if "coroner" in line.lower() and "Image" not in line]
    assert any("11:05 · Update 5: crews on berth 5 · " in line for line in hit), out
    out = ran(capsys, data_dir, "list", "--search", "inquiry")[0]
    assert "inquiry" in out and "Update" not in out.split("inquiry")[0].splitlines()[-1], out


def test_an_item_pointing_into_a_live_blog_is_listed_at_its_own_time(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the blog's own item is listed (and dated) by its last update, with "(live)": each
    item pointing into it is one entry, of its own time (170 Metro items all said the time of
    the last sync)."""
    synced(site, data_dir, capsys)
    out = ran(capsys, data_dir, "list")[0]
    assert f"{TITLE}  (live)" in out.splitlines()[0], out
    assert f"{DAY} 11:03  N↓   Metro Daily: 11:03 Update 3: crews on berth 3\n" in out, out
    rows = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    assert [row["live"] for row in rows] == [True, False, False, False]


def test_a_search_hits_json_names_the_entry_its_match_is_in(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`list --search --json` had no word of the entry a hit inside a live blog is in, which the
    hit's line names: `entry`, null for a match in no entry (the pinned summary)."""
    site.entries = list(range(1, 13))
    site.body = blog(site.entries, ["Investigator Okonkwo-Dahl joins the inquiry", "Roads shut"])
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    rows = json.loads(ran(capsys, data_dir, "list", "--search", "coroner's", "--json")[0])
    [page] = [row for row in rows if row["link"] == site.url(BLOG)]
    assert page["entry"] == "11:05 · Update 5: crews on berth 5", page
    assert "coroner" in page["snippet"].lower()
    rows = json.loads(ran(capsys, data_dir, "list", "--search", "inquiry", "--json")[0])
    [page] = [row for row in rows if row["link"] == site.url(BLOG)]
    assert page["entry"] is None and "inquiry" in page["snippet"], page


def test_a_blog_read_through_an_item_says_only_that_entrys_correction(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Entry 2 corrected: the blog read through entry 3's item said "δ corrected" in its byline,
    the page's, though entry 3's row has no δ; read through entry 2's item, it says it."""
    synced(site, data_dir, capsys)
    grown_with_2_corrected(site, data_dir, capsys)

    async def byline(title: str) -> str:
        async with reading(data_dir, title, (100, 24)) as (_app, pilot, body):
            await until(pilot, lambda: "Update 4" in body.text, "the blog")
            return "\n".join(body.lines[:6])

    assert "corrected" not in asyncio.run(byline("11:03 Update 3"))
    assert "δ corrected" in asyncio.run(byline("11:02 Update 2"))
    assert "δ corrected" in asyncio.run(byline(TITLE))


def test_a_corrected_blog_is_taken_though_its_newest_entrys_item_is_as_late(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The blog's time of update its newest entry's, as outlets listing each entry give it: a
    sync asked for the corrected page through that entry's item, whose headline ("Update 3:
    crews on berth 3") shares no word with the page's title, and refused the copy at every
    sync for as long as the blog ran (acc49c C1): an item pointing into the page is weighed by
    the page's title, not its entry's."""
    site.entries_first = True
    site.body = blog(site.entries, canonical=site.url(BLOG), modified=at("11:03"))
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    CORRECTED.add(2)
    try:
        site.body = blog(site.entries, canonical=site.url(BLOG), modified=at("11:30"))
        _out, said = ran(capsys, data_dir, "sync")
    finally:
        CORRECTED.clear()
    assert "not updated" not in said and "shares no word" not in said, said
    [page_id] = [
        item["id"]
        for item in json.loads(ran(capsys, data_dir, "list", "--json")[0])
        if item["link"] == site.url(BLOG)
    ]
    assert "a third fire" in ran(capsys, data_dir, "show", page_id, "--offline")[0]


def test_a_blog_read_through_an_unchanged_entry_says_other_entries_changed(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Entry 2 corrected: read through entry 3's item, the header said "The text changed since
    the copy retrieved …", the page's note, under a byline with no δ (acc49c); it says the
    entry is unchanged and other entries changed, in the reader and `reader show`; entry 2's
    item keeps the page's note."""
    synced(site, data_dir, capsys)
    grown_with_2_corrected(site, data_dir, capsys)

    async def header(title: str) -> str:
        async with reading(data_dir, title, (100, 40)) as (_app, pilot, body):
            await until(pilot, lambda: "Update 4" in body.text, "the blog")
            return " ".join(" ".join(body.lines[:14]).split())

    async def cited() -> list[str]:
        async with reading(data_dir, "11:03 Update 3", (100, 40)) as (app, pilot, body):
            await until(pilot, lambda: "Update 4" in body.text, "the blog")
            copied: list[str] = []
            app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
            await pilot.press("y")
            await until(pilot, lambda: bool(copied), "the citation")
            # A passage of the corrected entry: the page's note, not this entry's.
            await pilot.press("slash", *"entry number 2 of", "enter", "v", "y")
            await until(pilot, lambda: len(copied) > 1, "the quote")
            return [" ".join(text.split()) for text in copied]

    unchanged = asyncio.run(header("11:03 Update 3"))
    assert "This entry is unchanged since the copy retrieved" in unchanged, unchanged
    own, other = asyncio.run(cited())
    assert "this entry is unchanged since the copy retrieved" in own, own
    assert "the text changed since the copy retrieved" in other, other
    assert "other entries of the page changed" in unchanged
    assert "text changed since" not in unchanged
    corrected = asyncio.run(header("11:02 Update 2"))
    assert "The text changed since the copy retrieved" in corrected, corrected
    assert "unchanged" not in corrected
    [entry_id] = [
        item["id"]
        for item in json.loads(ran(capsys, data_dir, "list", "--json")[0])
        if item["link"] == site.url(BLOG) + "#block-3"
    ]
    shown = ran(capsys, data_dir, "show", entry_id, "--offline")[0]
    assert "this entry is unchanged since the copy retrieved" in shown, shown[:800]
    assert "reader show --version 1 prints it" in shown
    # By the item's address, as its citation gives it: the same item (the blog's was printed).
    by_address = ran(capsys, data_dir, "show", site.url(BLOG) + "#block-3", "--offline")[0]
    assert by_address == shown


@pytest.mark.parametrize("canonical", [False, True])
def test_each_item_pointing_into_a_blog_shows_and_cites_its_own_entry(
    site: Metro, data_dir: Path, capsys: pytest.CaptureFixture[str], canonical: bool
) -> None:
    """The page is cached once, under the first item that fetched it: every item's header,
    `reader show` and citation gave that item's `#block-N`, Update 1's sending its reader to
    Update 3, the blog's own item an entry's anchor (acc50c C2); with a canonical address,
    every entry's the page's, no anchor, where `y` cites the entry's."""
    site.body = blog(site.entries, canonical=site.url(BLOG) if canonical else "")
    ran(capsys, data_dir, "add", site.url("/feed.xml"))
    ran(capsys, data_dir, "sync")
    rows = json.loads(ran(capsys, data_dir, "list", "--json")[0])
    for row in rows:
        shown = ran(capsys, data_dir, "show", row["id"], "--offline")[0]
        url = next(line for line in shown.splitlines() if line.startswith("URL: "))
        assert url == f"URL: {row['link']}", (row["title"], url)
        cited = ran(capsys, data_dir, "show", row["id"], "--format", "citation", "--style", "apa")
        assert cited[0].rstrip().endswith(row["link"]), cited[0]
