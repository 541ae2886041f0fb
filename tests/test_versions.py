"""A corrected article: the copy a sync replaces is kept (with its raw page and its own
retrieval time), the headline is marked Δ until read, the header names the copies kept and
`reader show --version N` prints one; an RSS item whose title (or summary, beyond noise)
changed counts as an update though the feed gives no time of update.

A small news site on 127.0.0.1 (an RSS 2.0 feed without update times, and its page), the
real store in tmp_path, the reader driven with Pilot."""

from __future__ import annotations

import asyncio
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from reader.cli import main
from reader.full_text import Hit, Query
from reader.keys import article_key
from reader.library import Library
from reader.library.retold import retold
from reader.library.text_search import search_cached
from reader.models import Entry
from reader.reports import SyncReport
from reader.store import Store
from reader.store.versions import MAX_VERSIONS
from reader.ui.screens.article import ArticleScreen
from reader.ui.widgets.article.article_body import ArticleBody
from tests.story_site import StorySite, serving
from tests.tui_pilot import (
    open_titled,
    reading,
    running,
    screen_text,
    started,
    status,
    until,
)

SLUG = "/2026/11/21/bridge-repairs.html"


def page(title: str, figure: str, spokesman: str, correction: str = "") -> str:
    box = f'<div class="correction"><p>{correction}</p></div>' if correction else ""
    rest = "".join(
        f"<p>The swing bridge over the canal has been closed to traffic since {month}, and "
        "boat owners say the delays to the spring season will cost the marina dearly.</p>"
        for month in ("August", "September", "the first storm of October")
    )
    return (
        f"<!DOCTYPE html><html><head><title>{title} | Canal Courier</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{box}"
        f"<p>The council will spend {figure} on repairs to the swing bridge, its spokesman, "
        f"{spokesman}, told the transport committee on Thursday evening.</p>{rest}"
        "</article><footer>© 2026 Canal Courier</footer></body></html>"
    )


FIRST = ("Council to spend 4m on bridge repairs", "4 million pounds", "Owen Price")
CORRECTED = ("Council to spend 2m on bridge repairs", "2 million pounds", "Ruth Ellis")
NOTE = "Correction: the figure is 2 million pounds, given by Ruth Ellis, not Owen Price."


class Site(StorySite):
    """An RSS 2.0 feed of one story (a pubDate, no time of update) and its page; what the
    test changes between syncs."""

    title = FIRST[0]
    summary = "The council has set aside money for the swing bridge."
    body = page(*FIRST)

    def feed(self) -> str:
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>Canal Courier</title><link>{self.url('/')}</link>"
            f"<item><title>{self.title}</title><link>{self.url(SLUG)}</link>"
            f"<guid>{self.url(SLUG)}</guid><pubDate>Sat, 21 Nov 2026 09:00:00 GMT</pubDate>"
            f"<description>{self.summary}</description></item></channel></rss>"
        )


@pytest.fixture
def site() -> Iterator[Site]:
    with serving(Site) as server:
        yield server


def correct(site: Site) -> None:
    """The newsroom's correction: the page, and the headline in the feed."""
    site.title = CORRECTED[0]
    site.body = page(*CORRECTED, correction=NOTE)


def sync(directory: Path, site: Site) -> SyncReport:
    async def run() -> SyncReport:
        async with Library(directory) as lib:
            lib.add_feed(site.url("/feed.xml"))
            return await lib.sync()

    return asyncio.run(run())


def sync_corrected(directory: Path, site: Site) -> SyncReport:
    """The newsroom's correction (`correct`) fetched by a sync a second after the last: the copy
    it replaces kept with a retrieval time of its own (to the second)."""
    time.sleep(1.1)
    correct(site)
    return sync(directory, site)


def indexed_and_scanned(directory: Path, words: str) -> tuple[list[Hit], list[Hit]]:
    """The hits of a search for `words` through the search index (which must be there), and by
    a scan of every cached article."""

    async def both() -> tuple[list[Hit], list[Hit]]:
        async with Library(directory) as lib:
            query = Query(words)
            indexed = search_cached(lib, lib.headlines(), query)
            assert indexed.indexed
            scanned = search_cached(lib, lib.headlines(), query, use_index=False)
            return indexed.hits, scanned.hits

    return asyncio.run(both())


def entry_id(directory: Path) -> str:
    async def run() -> str:
        async with Library(directory) as lib:
            return lib.headlines()[0].entry.id

    return asyncio.run(run())


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_corrected_story_keeps_the_copy_it_replaces_each_with_its_own_retrieval_time(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = ["--data-dir", str(data_dir)]
    assert sync(data_dir, site).articles_fetched == 1
    ident = entry_id(data_dir)
    _, first, _ = cli(capsys, *home, "show", ident, "--offline")
    first_retrieved = next(x for x in first.splitlines() if x.startswith("Retrieved: "))
    assert "4 million pounds" in first and "Note:" not in first

    # The feed gives no time of update: the new headline is what tells of the correction.
    time.sleep(1.1)  # a retrieval time of its own, to the second
    correct(site)
    site.asked.clear()
    assert cli(capsys, *home, "sync")[0] == 0
    assert site.asked.count(SLUG) == 1
    out = cli(capsys, *home, "list")[1]
    assert f"{ident}  " in out and "NΔ" in out and CORRECTED[0] in out
    # The Δ in words, for a script and for one who hears the list read out (acc42a A4).
    listed = json.loads(cli(capsys, *home, "list", "--json")[1])
    assert [row["changed"] for row in listed] == [True]

    # The latest copy, its header naming the one kept and how to read it.
    code, latest, _ = cli(capsys, *home, "show", ident, "--offline")
    assert code == 0 and "2 million pounds" in latest and NOTE in latest
    retrieved = next(x for x in latest.splitlines() if x.startswith("Retrieved: "))
    assert retrieved != first_retrieved
    earlier_at = first_retrieved.removeprefix("Retrieved: ")
    assert (
        f"Note: the text changed since the copy retrieved {earlier_at}, which is kept: "
        "reader show --version 1 prints it" in latest
    )
    # Printed, not read: still marked as changed, as it is still unread (a bibliography's
    # citations must not clear the one sign that a story cited was corrected: acc27a A8).
    assert "NΔ" in cli(capsys, *home, "list")[1]
    assert cli(capsys, *home, "show", ident, "--format", "citation", "--style", "apa")[0] == 0
    assert "NΔ" in cli(capsys, *home, "list")[1]

    # The copy quoted before, as it was, its citation checkable: its own retrieval time.
    code, earlier, _ = cli(capsys, *home, "show", ident, "--version", "1")
    assert code == 0 and "4 million pounds" in earlier and "Owen Price" in earlier
    assert first_retrieved in earlier.splitlines() and NOTE not in earlier
    assert "copy 1 of 2, kept: the text changed in the copy retrieved" in earlier
    assert "2 million pounds" in cli(capsys, *home, "show", ident, "--version", "2")[1]
    shown = json.loads(cli(capsys, *home, "show", ident, "--version", "1", "--format", "json")[1])
    assert shown["version"] == 1 and [v["version"] for v in shown["versions"]] == [1, 2]
    assert shown["versions"][0]["retrieved"] == earlier_at
    code, _, err = cli(capsys, *home, "show", ident, "--version", "3")
    assert code == 1 and "no version 3: copies 1 to 2 are kept" in err

    # Fetched once: the next sync leaves it.
    site.asked.clear()
    assert sync(data_dir, site).articles_updated == 0 and site.asked == ["/feed.xml"]


@pytest.mark.parametrize("form", ["markdown", "text", "html", "epub"])
def test_an_export_says_a_text_changed_as_show_does(
    site: Site, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    """A dossier exported for an editor and a lawyer says which story was corrected since it
    was first had, and when that copy was retrieved: the note `reader show` gives (acc44c C3,
    where every export format left it out)."""
    import zipfile

    home = ["--data-dir", str(data_dir)]
    sync(data_dir, site)
    ident = entry_id(data_dir)
    first = cli(capsys, *home, "show", ident, "--offline")[1]
    earlier_at = next(x for x in first.splitlines() if x.startswith("Retrieved: "))[11:]
    sync_corrected(data_dir, site)
    output = tmp_path / f"dossier.{form}"
    code, _, err = cli(capsys, *home, "export", ident, "--format", form, "-o", str(output))
    assert code == 0, err
    if form == "epub":
        with zipfile.ZipFile(output) as book:
            written = "".join(
                book.read(name).decode() for name in book.namelist() if name.endswith(".xhtml")
            )
    else:
        written = output.read_text()
    assert "2 million pounds" in written
    # Said to the file's reader, on an e-reader: no command or key to run (acc50e A4).
    assert f"the text changed since the copy retrieved {earlier_at}" in written
    assert "reader show --version" not in written


def test_a_sync_says_which_article_was_updated(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sync(data_dir, site)
    ident = entry_id(data_dir)
    correct(site)
    code, _, err = cli(capsys, "--data-dir", str(data_dir), "sync")
    assert code == 0
    assert f"updated: {CORRECTED[0]} <{site.url(SLUG)}>" in err
    assert f"reader show {ident} names it" in err
    assert "0 failed, 1 updated" in err


def test_the_kept_copies_count_in_the_cache_size_and_go_with_the_article(
    site: Site, data_dir: Path
) -> None:
    sync(data_dir, site)
    store = Store(data_dir)
    try:
        alone = store.article_size(site.url(SLUG))
    finally:
        store.close()
    correct(site)
    sync(data_dir, site)
    store = Store(data_dir)
    try:
        url = site.url(SLUG)
        [earlier] = store.versions(url)
        assert "4 million pounds" in " ".join(b.text for b in earlier.blocks)
        # The new copy alone is about as large as the first: the kept one is counted beside it.
        assert store.article_size(url) > 1.6 * alone
        sizes = {a.key: a.size for a in store.cached_articles()}
        assert sizes[article_key(url)] == store.article_size(url)
        store.delete_article(article_key(url))
        assert store.versions(url) == [] and not store.is_renewed(url)
    finally:
        store.close()


def test_a_page_fetched_again_unchanged_keeps_no_copy_and_is_no_update(
    site: Site, data_dir: Path
) -> None:
    """A headline reworded over the same text (a sub-editor's tweak): fetched again once,
    but nothing changed to keep or to tell of."""
    sync(data_dir, site)
    site.title = "Bridge repairs: council to spend 4m"
    site.asked.clear()
    report = sync(data_dir, site)
    assert site.asked.count(SLUG) == 1 and report.articles_updated == 0
    store = Store(data_dir)
    try:
        assert store.versions(site.url(SLUG)) == [] and not store.renewed_keys()
    finally:
        store.close()


def test_a_page_checked_again_unchanged_keeps_when_its_words_were_first_had(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Fetched again and found the same (`reader show --refresh`, a sync the feed sent back
    to it), a copy is still cited as retrieved when it first was, and says when it was last
    found unchanged: each check moved "Retrieved", and a dossier cited the same words at two
    times, the time they were first on file lost (acc44c C8)."""
    home = ["--data-dir", str(data_dir)]
    sync(data_dir, site)
    ident = entry_id(data_dir)

    def said(*args: str) -> str:
        code, out, err = cli(capsys, *home, "show", ident, *args)
        assert code == 0, err
        return out + err

    first = said("--offline")
    retrieved = next(x for x in first.splitlines() if x.startswith("Retrieved: "))
    assert "Checked: " not in first
    time.sleep(1.1)  # a check a second later: a time of its own, to the second
    checked = said("--refresh")
    assert f"unchanged since the copy retrieved {retrieved[11:]}" in checked
    again = said("--offline")
    assert retrieved in again.splitlines()  # not moved to the check's time
    check = next(x for x in again.splitlines() if x.startswith("Checked: "))
    assert check.endswith(", unchanged") and check[9:-11] > retrieved[11:]
    shown = json.loads(said("--offline", "--format", "json"))
    # To the second, as every other time there (acc47e E13: checked_at had microseconds).
    assert (shown["fetched_at"], shown["checked_at"]) == (retrieved[11:], check[9:-11])
    # A sync that asks for it again (the feed's headline reworded, the text the same) too.
    time.sleep(1.1)
    site.title = "Bridge repairs: council to spend 4m"
    sync(data_dir, site)
    later = said("--offline")
    assert retrieved in later.splitlines() and check not in later.splitlines()
    # And a changed text is a copy of its own, retrieved when it came: the first kept.
    sync_corrected(data_dir, site)
    latest = said("--offline")
    assert retrieved not in latest.splitlines() and "Checked: " not in latest
    assert f"the copy retrieved {retrieved[11:]}, which is kept" in latest


def test_only_the_first_and_the_last_few_copies_are_kept(site: Site, data_dir: Path) -> None:
    """A story corrected again and again (a live page): the first copy stays (what was first
    published, "copy 1" in notes: acc28c C14), those between go first."""
    sync(data_dir, site)
    for n in range(MAX_VERSIONS + 2):
        site.title = f"Council to spend {n + 5}m on bridge repairs"
        site.body = page(site.title, f"{n + 5} million pounds", "Ruth Ellis")
        assert sync(data_dir, site).articles_updated == 1
    store = Store(data_dir)
    try:
        kept = store.versions(site.url(SLUG))
        texts = [" ".join(b.text for b in a.blocks) for a in kept]
        assert len(kept) == MAX_VERSIONS
        # The first as cached, then the newest earlier ones; those between went.
        held = [next(n for n in range(4, 10) if f"{n} million" in t) for t in texts]
        assert held == [4, MAX_VERSIONS + 4, MAX_VERSIONS + 5]
        times = [a.fetched_at for a in kept]
        assert times == sorted(times)
        assert store.version_times(site.url(SLUG)) == times  # read without the copies
        # One copy rebuilt alone, as `V` asks for it: the same as among them all.
        for number, copy in enumerate(kept, 1):
            assert store.version(site.url(SLUG), number) == copy
        assert store.version(site.url(SLUG), MAX_VERSIONS + 1) is None
        assert store.version(site.url(SLUG), 0) is None
    finally:
        store.close()


def test_a_copy_saying_what_one_kept_says_goes_before_the_first_sight_of_a_change(
    site: Site, data_dir: Path
) -> None:
    """A page flipping back and forth (an A/B headline, an edit undone): the copy that says
    again what copy 1 says goes, not the first sight of a changed figure, which is what dates
    a stealth edit (acc30a J20: copies 1 and 2 were identical, "No changes in the text")."""
    versions = {
        n: (f"Council to spend {n}m on bridge repairs", f"{n} million pounds") for n in (4, 5, 6)
    }
    for n in (4, 5, 6, 4, 5):  # cached as 4; kept: 4, 5, 6, then 4 again
        site.title, figure = versions[n]
        site.body = page(site.title, figure, "Ruth Ellis")
        sync(data_dir, site)
    store = Store(data_dir)
    try:
        texts = [" ".join(b.text for b in a.blocks) for a in store.versions(site.url(SLUG))]
        held = [next(n for n in (4, 5, 6) if f"{n} million" in t) for t in texts]
        assert held == [4, 5, 6]  # 4 again went; the first sights of 5 and 6 stay
    finally:
        store.close()


def test_a_copy_shown_is_read_from_the_store_once(
    site: Site, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`V`'s copy was decompressed and parsed twice, once for the copies' times and once to
    show it (~8 ms of ~35 at 200,000 words): each kept copy is read once now."""
    import zlib

    sync(data_dir, site)
    sync_corrected(data_dir, site)
    read: list[int] = []
    decompress = zlib.decompress

    def counted(data: bytes, *args: int) -> bytes:
        read.append(len(data))
        return decompress(data, *args)

    lib = Library(data_dir, workers="thread")
    try:
        # The article as it is now is kept compressed too: its own reading is not a copy's.
        now = lib.store._articles.get(f"article:{article_key(site.url(SLUG))}")
        monkeypatch.setattr(zlib, "decompress", counted)
        copy = lib.article_version(site.url(SLUG), 1)
        monkeypatch.undo()
        assert "4 million pounds" in " ".join(b.text for b in copy.blocks)
        assert copy.version == 1 and len(copy.versions) == 2
        assert len(read) - read.count(len(now)) == 1  # the one kept copy, and only once
    finally:
        lib.close()


def test_a_title_changed_at_a_refresh_before_the_sync_still_counts(
    site: Site, data_dir: Path
) -> None:
    """The reader refreshes the feeds on opening (no sync): the new headline it took in is
    still an update to the next sync, which fetches the page once."""
    sync(data_dir, site)
    correct(site)

    async def refresh() -> None:
        async with Library(data_dir) as lib:
            await lib.refresh()

    asyncio.run(refresh())
    site.asked.clear()
    assert sync(data_dir, site).articles_updated == 1 and site.asked.count(SLUG) == 1
    site.asked.clear()
    assert sync(data_dir, site).articles_updated == 0 and site.asked == ["/feed.xml"]


def test_a_summary_that_ticks_at_every_fetch_is_no_update(site: Site, data_dir: Path) -> None:
    """A view counter or a "minutes ago" in the description: no page fetched again for it;
    a summary rewritten (three words or more) is an update."""
    site.summary = "The council has set aside money for the swing bridge. Read by 120 people."
    sync(data_dir, site)
    site.summary = "The council has set aside money for the swing bridge. Read by 348 people."
    site.asked.clear()
    sync(data_dir, site)
    assert site.asked == ["/feed.xml"]
    site.summary = "The council will spend far less on the swing bridge than it said."
    site.body = page(*CORRECTED, correction=NOTE)
    assert sync(data_dir, site).articles_updated == 1


def _entry(title: str, summary: str = "") -> Entry:
    return Entry(id="a", feed_url="f", title=title, link="l", summary=summary)


def test_what_counts_as_a_story_told_anew() -> None:
    now = time.time()
    same = _entry("Council to spend 4m on bridge repairs", "<p>Money for the bridge.</p>")
    assert not retold(None, same, now)  # a new item: nothing to compare
    assert not retold(same, same, now)
    assert not retold(same, _entry(" council to spend 4m  on bridge repairs", same.summary), now)
    assert retold(same, _entry("Council to spend 2m on bridge repairs", same.summary), now)
    assert not retold(same, _entry("", same.summary), now)  # a title dropped: no news
    # A figure of the summary: at once, no; a day after the copy, yes.
    ticked = _entry(same.title, "<p>Money for the bridge. 12 comments</p>")
    counted = _entry(same.title, "<p>Money for the bridge. 13 comments</p>")
    assert not retold(ticked, counted, now)
    assert retold(ticked, counted, now - 25 * 3600)
    rewritten = _entry(same.title, "<p>Far less money for the bridge than it said.</p>")
    assert retold(same, rewritten, now)


def test_the_reader_marks_a_changed_article_and_shows_the_copy_before_with_v(
    site: Site, data_dir: Path
) -> None:
    sync(data_dir, site)
    correct(site)
    sync(data_dir, site)

    async def run() -> None:
        async with running(data_dir, (120, 30)) as (app, pilot):
            assert "Δ" in screen_text(app)
        async with reading(data_dir, "bridge repairs", size=(120, 40)) as (app, pilot, body):
            await until(pilot, lambda: "2 million pounds" in screen_text(app), "the latest")
            text = screen_text(app)
            assert "The text changed since the copy retrieved" in text and "V shows it" in text
            await pilot.press("V")
            await until(pilot, lambda: "4 million pounds" in screen_text(app), "the copy before")
            text = screen_text(app)
            assert "Owen Price" in text and "Copy 1 of 2, kept" in text
            assert body.article is not None and body.article.version == 1
            await pilot.press("V")  # round to the latest
            await until(pilot, lambda: "2 million pounds" in screen_text(app), "the latest")
        # Read in the reader: no longer marked.
        async with running(data_dir, (120, 30)) as (app, pilot):
            assert "Δ" not in screen_text(app)

    asyncio.run(run())


def test_the_header_says_where_v_goes_and_a_copied_citation_no_tool_s_words(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Copy 2 of 3 said "V goes on to it" of the latest copy, but V goes to copy 1; and `y`
    pasted "(reader show without --version prints it)" into a draft (acc27a A9). Now the
    header names the copy V goes to, and a citation copied says which copy it quotes and that
    a later one differs."""
    from reader.ui.app import ReaderApp
    from tests.test_quoted_markdown import copied_by, copies

    sync(data_dir, site)
    sync_corrected(data_dir, site)
    time.sleep(1.1)
    site.title = "Council to spend 3m on bridge repairs"
    site.body = page(site.title, "3 million pounds", "Ann Bell")
    sync(data_dir, site)
    ident = entry_id(data_dir)

    def shown(app: ReaderApp) -> str:
        return " ".join(screen_text(app).split())

    async def run() -> list[str]:
        async with reading(data_dir, "3m on bridge", size=(120, 40)) as (app, pilot, body):
            await until(pilot, lambda: "3 million pounds" in shown(app), "the latest")
            await pilot.press("V")
            await until(pilot, lambda: "Ruth Ellis" in shown(app), "copy 2")
            assert body.article is not None and body.article.version == 2
            first, _, latest = body.article.versions
            assert first and latest
            text = shown(app)
            assert f"V goes on to copy 1, retrieved {first.isoformat(timespec='seconds')}" in text
            assert "V goes on to it" not in text
            copied = copies(app)
            await copied_by(pilot, copied, "y")
            await pilot.press("V")
            await until(pilot, lambda: "Owen Price" in shown(app), "copy 1")
            assert "V goes back to it" in shown(app)
            return copied

    (citation,) = asyncio.run(run())
    assert "Note: copy 2 of 3, retrieved" in citation and ", differs" in citation
    assert "reader show" not in citation and "V " not in citation
    code, out, _ = cli(
        capsys, "--data-dir", str(data_dir), "show", ident, "--version", "1", "--format", "citation"
    )
    assert code == 0 and "Note: copy 1 of 3, retrieved" in out and "reader show" not in out
    code, out, _ = cli(capsys, "--data-dir", str(data_dir), "show", ident, "--format", "citation")
    assert "Note: the text changed since the copies retrieved" in out and "reader show" not in out


def test_an_article_open_while_a_sync_elsewhere_replaces_it_says_so_and_is_cited_as_the_earlier_copy(
    site: Site, data_dir: Path
) -> None:
    from reader.ui.app import ReaderApp

    sync(data_dir, site)
    (data_dir / "config.toml").write_text('[citation]\nstyle = "chicago"\n')

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(120, 30)) as pilot:
            await started(pilot)
            body = await open_titled(pilot, "bridge repairs")
            await until(pilot, lambda: "4 million pounds" in screen_text(app), "the article")
            await pilot.press("y")
            assert "copy 1 of 2" not in app.clipboard  # the latest: no note
            correct(site)
            await asyncio.to_thread(sync, data_dir, site)  # `reader sync` in another window
            await until(
                pilot,
                lambda: "A newer copy was just fetched: this is copy 1 of 2" in status(app),
                "the word of a newer copy",
            )
            assert "V shows the newer copies" in status(app)
            assert "4 million pounds" in screen_text(app)  # nothing redrawn under the eyes
            await pilot.press("y")
            # Worded for the reader of the draft it is pasted into (acc27a A9).
            assert "Note: copy 1 of 2, retrieved " in app.clipboard
            assert "the latest, retrieved " in app.clipboard
            await pilot.press("V")  # on to the latest: cited as it, the word gone
            await until(pilot, lambda: "2 million pounds" in screen_text(app), "the latest")
            assert body.article is not None and body.article.version == 2
            assert "A newer copy" not in status(app)
            await pilot.press("y")
            assert "copy 1 of 2" not in app.clipboard

    asyncio.run(run())


def test_an_earlier_copy_chosen_is_not_said_to_be_superseded_when_the_store_changes(
    site: Site, data_dir: Path
) -> None:
    """Copy 1 shown by `V` (or `F`'s hit): any change to the store (a sync elsewhere, of any
    feed) had the status line say "A newer copy was just fetched: this is copy 1 of 2", of a
    copy chosen as the earlier one, no newer copy fetched."""
    sync(data_dir, site)
    sync_corrected(data_dir, site)

    async def run() -> None:
        async with reading(data_dir, "bridge repairs", size=(120, 40)) as (app, pilot, body):
            await until(pilot, lambda: "2 million pounds" in screen_text(app), "the latest")
            await pilot.press("V")
            await until(pilot, lambda: "4 million pounds" in screen_text(app), "copy 1")
            screen = app.screen
            assert isinstance(screen, ArticleScreen)
            await screen.check_newer_copy()  # as a change to the store has it done
            await pilot.pause()
            assert "A newer copy" not in status(app)
            assert body.article is not None and body.article.version == 1

    asyncio.run(run())


def test_a_search_finds_the_words_of_a_kept_copy_and_says_which(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A quote taken from the copy a correction replaced is found again, the hit naming the
    copy it is in and how to read it; through the index (made before the correction) and by
    a scan alike (acc27a A21)."""
    home = ["--data-dir", str(data_dir)]
    sync(data_dir, site)
    ident = entry_id(data_dir)
    assert f"{ident}  " in cli(capsys, *home, "list", "--search", '"4 million pounds"')[1]
    sync_corrected(data_dir, site)

    code, out, err = cli(capsys, *home, "list", "--search", '"4 million pounds"', "owen")
    assert code == 0, err
    head, line = out.splitlines()
    assert head.startswith(f"{ident}  ") and CORRECTED[0] in head
    shown = json.loads(cli(capsys, *home, "show", ident, "--version", "1", "--format", "json")[1])
    when = (
        datetime.fromisoformat(shown["versions"][0]["retrieved"])
        .astimezone()
        .strftime("%Y-%m-%d %H:%M")
    )
    assert line.startswith(f"    in the copy retrieved {when} (--version 1, V) · ")
    assert "spend 4 million pounds on repairs" in line
    # The latest copy's words: no copy named.
    latest = cli(capsys, *home, "list", "--search", '"2 million pounds"')[1].splitlines()
    assert len(latest) == 2 and "in the copy" not in latest[1] and "2 million" in latest[1]
    # Every word in one copy: the first said 4 million, the latest says 2 million.
    code, out, err = cli(capsys, *home, "list", "--search", '"4 million"', '"2 million"')
    assert code == 0 and out == "" and "holds every one of" in err
    rows = json.loads(cli(capsys, *home, "list", "--search", '"4 million"', "--json")[1])
    assert [row["version"] for row in rows] == [1]
    rows = json.loads(cli(capsys, *home, "list", "--search", '"2 million"', "--json")[1])
    assert [row["version"] for row in rows] == [None]
    indexed, scanned = indexed_and_scanned(data_dir, '"4 million pounds" price')
    assert [(h.version, h.snippet) for h in indexed] == [(h.version, h.snippet) for h in scanned]
    assert [h.version for h in indexed] == [1]


def test_a_story_is_found_by_the_headline_it_had_before_the_site_changed_it(
    site: Site, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The first headline ("…spend 4m…", quoted elsewhere) is in the kept copy's title only:
    found there as the copy's text is, the hit saying the copy and the headline it had; by
    the index made before the change, and by a scan alike (acc30a J10)."""
    home = ["--data-dir", str(data_dir)]
    sync(data_dir, site)
    ident = entry_id(data_dir)
    assert cli(capsys, *home, "list", "--search", "bridge")[0] == 0  # the index made now
    sync_corrected(data_dir, site)
    for query in ('"spend 4m"', "4m bridge"):
        code, out, err = cli(capsys, *home, "list", "--search", query)
        assert code == 0, (query, err)
        head, line = out.splitlines()
        assert head.startswith(f"{ident}  ") and CORRECTED[0] in head
        assert line.startswith("    in the copy retrieved ")
        # Under it the text round the words it holds ("bridge"), if any.
        said = f"(--version 1, V), headlined “{FIRST[0]}”"
        assert line.endswith(said) if query.startswith('"') else f"{said} · " in line, line
    # The latest headline's words: no copy named.
    latest = cli(capsys, *home, "list", "--search", '"spend 2m"')[1].splitlines()
    assert len(latest) == 2 and "in the copy" not in latest[1]
    indexed, scanned = indexed_and_scanned(data_dir, '"spend 4m"')
    assert [(h.version, h.line) for h in indexed] == [(h.version, h.line) for h in scanned]
    assert [h.version for h in indexed] == [1]


def test_F_names_the_kept_copy_its_words_were_found_in(site: Site, data_dir: Path) -> None:
    sync(data_dir, site)
    sync_corrected(data_dir, site)

    async def run() -> None:
        async with running(data_dir, (160, 30)) as (app, pilot):
            await pilot.press("F", *"4", "space", *"million", "enter")
            await until(pilot, lambda: "in the copy retrieved" in screen_text(app), "the hit")
            text = screen_text(app)
            assert CORRECTED[0] in text and "(--version 1, V)" in text
            # Enter opens the copy the words are in, at them, its header saying which it is:
            # it opened the latest, where they are not, and `V` was the user's to press.
            await pilot.press("enter")
            await until(pilot, lambda: "4 million pounds" in screen_text(app), "that copy")
            article = app.screen
            assert isinstance(article, ArticleScreen)
            body = article.query_one(ArticleBody)
            assert body.article is not None and body.article.version == 1
            await until(pilot, lambda: body.match_count > 0, "the hit's words found")
            assert body.query == "4 million"  # every word of the query, as `F` found them
            shown = " ".join(screen_text(app).split())
            assert "Copy 1 of 2, kept: the text changed in the copy retrieved" in shown
            assert "2 million pounds" not in shown
            await pilot.press("V")  # on to the latest, as from any earlier copy
            await until(pilot, lambda: "2 million pounds" in screen_text(app), "the latest")

    asyncio.run(run())


def test_a_story_told_as_before_is_not_weighed_word_by_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A sync asks this of every headline it lists (51,000 after a year): one the feed tells
    # word for word as before is answered without counting its summary's words.
    def counted(html: str) -> Counter[str]:
        raise AssertionError(f"the words of {html!r} counted")

    monkeypatch.setattr("reader.library.retold._words", counted)
    told = _entry("Council to spend 4m on bridge repairs", "<p>Money for the bridge.</p>")
    assert not retold(told, replace(told), time.time())


def refresh_elsewhere(directory: Path, site: Site) -> str:
    """`reader show ID --refresh` in another terminal: the article's page fetched again now."""

    async def run() -> str:
        async with Library(directory) as lib:
            return (await lib.refresh_article(site.url(SLUG))).outcome

    return asyncio.run(run())


def test_the_copies_line_of_an_article_open_follows_copies_kept_and_dropped_elsewhere(
    site: Site, data_dir: Path
) -> None:
    """The header of an article open names the copies kept as they are now, and `y` cites
    them so, when another window keeps a new copy and drops one (the `MAX_VERSIONS` rule): a
    `reader show --refresh` elsewhere went unnoticed, and after a sync elsewhere the header
    still named copies since dropped, its "(2)" another copy's number (acc30a J19)."""
    from reader.ui.app import ReaderApp
    from tests.test_quoted_markdown import copied_by, copies

    def figure(n: int) -> None:
        site.title = f"Council to spend {n}m on bridge repairs"
        site.body = page(site.title, f"{n} million pounds", "Ruth Ellis")

    for n in (4, 5, 6, 7):  # copies 1 to 3 kept, 7 the latest
        figure(n)
        sync(data_dir, site)
        time.sleep(1.1)  # each copy a retrieval time of its own, to the second
    store = Store(data_dir)
    try:
        t4, t5, t6 = (
            at.isoformat(timespec="seconds") for at in store.version_times(site.url(SLUG)) if at
        )
    finally:
        store.close()

    def header(app: ReaderApp) -> str:
        return " ".join(screen_text(app).split())

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            body = await open_titled(pilot, "7m on bridge")
            await until(pilot, lambda: "7 million pounds" in screen_text(app), "the latest")
            assert f"{t4} (1), {t5} (2), {t6} (3), which are kept" in header(app)
            copied = copies(app)
            figure(8)
            assert await asyncio.to_thread(refresh_elsewhere, data_dir, site) == "changed"
            await until(
                pilot,
                lambda: "A newer copy was just fetched: this is copy 3 of 4" in status(app),
                "the word of the copy kept by the refresh elsewhere",
            )
            assert body.article is not None
            t7 = body.article.fetched_at
            assert t7 is not None
            # The copy of 5 went (those between go first): copy 2 is now the copy of 6.
            shown = header(app)
            assert "Copy 3 of 4, kept: the text changed in the copy retrieved" in shown
            assert f"goes on to copy 2, retrieved {t6}" in shown
            assert t5 not in shown and "which are kept" not in shown
            assert "7 million pounds" in screen_text(app)  # the same text, where it was
            await copied_by(pilot, copied, "y")
            assert "copy 3 of 4, retrieved " + t7.isoformat(timespec="seconds") in copied[-1]
            time.sleep(1.1)
            figure(9)
            await asyncio.to_thread(sync, data_dir, site)  # `reader sync` elsewhere
            await until(
                pilot,
                lambda: "this is copy 2 of 4" in status(app),
                "the word of the copy kept by the sync elsewhere",
            )
            await until(pilot, lambda: "Copy 2 of 4, kept" in header(app), "the header redrawn")
            shown = header(app)
            assert t6 not in shown and f"goes on to copy 1, retrieved {t4}" in shown
            await copied_by(pilot, copied, "y")
            assert "copy 2 of 4, retrieved " in copied[-1]

    asyncio.run(run())


def test_a_copy_shown_and_dropped_since_is_numbered_where_its_time_puts_it(
    site: Site, data_dir: Path
) -> None:
    """Copy 2 open (`V`) while another window's refresh drops it (those between the first and
    the newest go first): it was numbered copy 1, older than them all, its times out of order,
    so `y` cited it as the first copy kept."""
    for n in (4, 5, 6, 7):
        site.title = f"Council to spend {n}m on bridge repairs"
        site.body = page(site.title, f"{n} million pounds", "Ruth Ellis")
        sync(data_dir, site)
        time.sleep(1.1)  # each copy a retrieval time of its own, to the second
    site.body = page(site.title, "8 million pounds", "Ruth Ellis")

    async def run() -> None:
        async with Library(data_dir) as lib:
            second = lib.article_version(site.url(SLUG), 2)
            assert (await lib.refresh_article(site.url(SLUG))).outcome == "changed"
            now = lib.superseded(site.url(SLUG), second)
            assert now is not None and second.fetched_at is not None
            assert now.version == 2 and now.versions[1] == second.fetched_at
            assert list(now.versions) == sorted(at for at in now.versions if at)

    asyncio.run(run())


def test_a_refresh_says_no_copy_number_of_a_copy_dropped_as_one_kept_already(
    site: Site, data_dir: Path
) -> None:
    """The copy a refresh replaces, dropped at once as saying what an earlier copy says (a
    page flipping back): `reader show --refresh` said "kept as copy 3", another copy's number."""
    sync(data_dir, site)

    async def run() -> list[str]:
        said = []
        async with Library(data_dir) as lib:
            for n in (5, 6, 5, 7):
                time.sleep(1.1)  # each copy a retrieval time of its own, to the second
                site.title = f"Council to spend {n}m on bridge repairs"
                site.body = page(site.title, f"{n} million pounds", "Ruth Ellis")
                said.append((await lib.refresh_article(site.url(SLUG))).said())
        return said

    said = asyncio.run(run())
    assert "kept as copy 3 (reader show --version 3 prints it)" in said[2]
    assert "kept as copy" not in said[3]
    assert "not kept again: an earlier copy kept says the same" in said[3]


def test_an_open_copy_dropped_elsewhere_says_it_is_no_longer_kept(
    site: Site, data_dir: Path
) -> None:
    """The latest copy open, the page back to what an earlier copy says (5m, then 6m, then
    5m again): another window's refresh keeps it as an earlier copy and drops it at once (a
    copy saying what an earlier one says goes first). The header said "Copy 4 of 5, kept",
    the status line "this is copy 4 of 5" and `y` cited "copy 4 of 5": no copy kept has that
    number, and this one is not kept."""
    from reader.ui.app import ReaderApp
    from tests.test_quoted_markdown import copied_by, copies

    def figure(n: int) -> None:
        site.title = f"Council to spend {n}m on bridge repairs"
        site.body = page(site.title, f"{n} million pounds", "Ruth Ellis")

    for n in (4, 5, 6, 5):  # copies 4, 5 and 6 kept, 5 again the latest
        figure(n)
        sync(data_dir, site)
        time.sleep(1.1)  # each copy a retrieval time of its own, to the second

    def header(app: ReaderApp) -> str:
        return " ".join(screen_text(app).split())

    async def run() -> None:
        app = ReaderApp(data_dir, refresh_on_start=False)
        app.prefetch_limit = 0
        app.outside_every = 0.2
        async with app.run_test(size=(120, 40)) as pilot:
            await started(pilot)
            body = await open_titled(pilot, "5m on bridge")
            # 5 said again: "the copy retrieved … (2) said the same as this one; they are kept"
            await until(pilot, lambda: "kept: V shows them" in header(app), "the latest, 5m again")
            copied = copies(app)
            figure(8)
            assert await asyncio.to_thread(refresh_elsewhere, data_dir, site) == "changed"
            await until(
                pilot,
                lambda: "A newer copy was just fetched: this copy is no longer kept" in status(app),
                "the word of the copy dropped by the refresh elsewhere",
            )
            assert body.article is not None and body.article.dropped
            shown = header(app)
            assert "This copy, retrieved " in shown and "is no longer kept" in shown
            assert "of 5" not in shown and "Copy 4" not in shown
            assert "5 million pounds" in screen_text(app)  # the same text, where it was
            await copied_by(pilot, copied, "y")
            assert "no longer kept; the latest, retrieved " in copied[-1]
            assert "copy 4 of" not in copied[-1]
            await pilot.press("d")
            # The text on screen compared with the latest (acc48c C7: refused, "no longer
            # kept", while it was read), not two other copies under its name.
            await until(pilot, lambda: "[-5-]{+8+}" in screen_text(app), "d from the copy shown")
            await pilot.press("escape")
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "back")
            await pilot.press("V")  # to the copy nearest it in time, kept: copy 3
            await until(pilot, lambda: "6 million pounds" in screen_text(app), "copy 3")
            assert "Copy 3 of 4, kept" in header(app)

    asyncio.run(run())


def test_F_s_hit_cut_to_its_match_still_names_the_copy(site: Site, data_dir: Path) -> None:
    """acc47e E7: a row too narrow for the line cut its start to show the match, and the copy
    it is in with it ("…paid the dredging firm £3m…"): the copy stays, the rest cut after it."""
    sync(data_dir, site)
    sync_corrected(data_dir, site)

    async def run() -> str:
        async with running(data_dir, (110, 30)) as (app, pilot):
            await pilot.press("F", *"4", "space", *"million", "enter")
            await until(pilot, lambda: "million" in screen_text(app).split("Search", 1)[1], "hit")
            return screen_text(app)

    line = next(x for x in asyncio.run(run()).splitlines() if "million" in x and "Search" not in x)
    assert "in the copy retrieved" in line and "(--version 1, V) · " in line, line
