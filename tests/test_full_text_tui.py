"""`F` in the headlines searches the cached articles' text, off the UI loop (every feed's from
"All feeds", a feed's from its headlines): the hits take the list's place ("Search: words"),
each with a dimmed line of the text round its match under it, Enter reads one at its first
match, Esc goes back to the list it came from."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import Static

from reader import indexed_search
from reader.full_text import Hit, Query, search
from reader.library import Library, text_search
from reader.models import Inline
from reader.reports import Headline
from reader.ui.app import ReaderApp
from reader.ui.headlines import SAVED_VIEW
from reader.ui.messages import SearchClosed
from reader.ui.screens import main_full_text
from reader.ui.screens.article import ArticleScreen
from reader.ui.screens.main import MainScreen
from reader.ui.screens.main_full_text import SEARCH_VIEW
from reader.ui.widgets.article.article_body import ArticleBody
from reader.ui.widgets.main.headline_table import HeadlineTable
from reader.ui.widgets.status_bar import StatusBar
from tests.tui_pilot import (
    marked,
    notices_raised,
    on_top,
    running,
    screen_text,
    status,
    table,
    until,
)

SIZE = (120, 30)
WORDS = "council budget"


def expected(directory: Path, feed: str | None = None, words: str = WORDS) -> list[Hit]:
    """The hits `reader list --search` finds for `words` (in one feed's), newest first."""
    lib = Library(directory, workers="thread")
    try:
        return search(lib.headlines(feed), Query(words), lambda h: lib.searched(h.entry))
    finally:
        lib.close()


def pane(app: ReaderApp) -> list[str]:
    """The headline pane's lines on screen (right of the feed list's)."""
    return [line.split("││", 1)[-1] for line in screen_text(app).splitlines()]


def one_article(
    directory: Path,
    name: str,
    title: str,
    paragraphs: list[str] | list[tuple[Inline, ...]],
    author: str = "",
    place: dict[str, int] | None = None,
) -> None:
    """A library in `directory` of one feed, "Harbour Ledger", listing one headline whose
    article, cached, is `paragraphs` (at http://127.0.0.1:9/NAME.html, by `author`): each a
    string, or its runs (text struck through, say); left part-way at `place` when given."""
    from datetime import UTC, datetime

    from reader.keys import entry_id
    from reader.models import Article, Block, BlockKind, Entry, Feed

    url, link = "http://127.0.0.1:9/feed.xml", f"http://127.0.0.1:9/{name}.html"
    lib = Library(directory)
    lib.add_feed(url)
    lib.store.put_feed(Feed(url, title="Harbour Ledger"))
    published = datetime(2026, 11, 20, tzinfo=UTC)
    entry = Entry(entry_id(url, link), url, title, link, author=author, published=published)
    lib.store.merge_entries(url, [entry])
    blocks = tuple(
        Block(BlockKind.PARAGRAPH, (Inline(p),) if isinstance(p, str) else p) for p in paragraphs
    )
    article = Article(url=link, title=title, author=author, blocks=blocks)
    lib.store.put_article(link, article)
    if place is not None:
        lib.remember_place(entry, article, place)
    lib.close()


def test_F_finds_articles_by_their_text_and_esc_goes_back(synced_dir: Path) -> None:
    hits = expected(synced_dir)
    titles = [hit.headline.entry.title for hit in hits]
    # Some are found by their text alone: the title search could not find them.
    assert len(titles) >= 2 and any("budget" not in t.casefold() for t in titles)

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            everything = len(table(app).rows)
            before = [(h.read, h.saved) for h in table(app).rows]
            # The letters are the query's: none of them acts on the list (s, o, m, r…).
            await pilot.press("F", *"council", "space", *"budget", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await pilot.pause()
            rows = table(app).rows
            assert [h.entry.title for h in rows] == titles
            # Hits come from any feed: each says whose it is, as in "All feeds".
            # (the headlines' pane: right of the feed list, which names every feed anyway)
            shown = pane(app)
            assert all(h.entry.feed_title[:12] in "\n".join(shown) for h in rows)
            # Each hit's row has a second line: the text round its match, dimmed.
            assert any(hit.snippet for hit in hits[:4])
            for hit in hits[:4]:
                row = next(
                    n for n, line in enumerate(shown) if hit.headline.entry.title[:30] in line
                )
                # Never blank: a title alone holds the words of a PDF, never cached: the
                # feed's summary of it says what it is.
                assert hit.line[:30] in shown[row + 1], (hit.line, shown)
                assert hit.headline.entry.title[:30] not in shown[row + 1]
            pdf = next(hit for hit in hits if "(PDF)" in hit.headline.entry.title)
            assert (
                pdf.line == "The complete 2027–28 budget report as tabled at Harbour City Council."
            )
            detail = table(app).get_component_rich_style("headline-table--detail")
            assert detail.color is not None and detail.color != table(app).rich_style.color
            # j moves by a hit, not by a line.
            await pilot.press("j")
            assert table(app).current is rows[1]
            await pilot.press("k")
            unread = sum(not h.read for h in rows)
            assert unread and f"Search: council budget · {unread} unread of" in str(
                table(app).border_title
            )
            assert f"{len(titles)} headlines for “{WORDS}”" in status(app)
            # Enter reads the hit under the cursor, as in any list.
            await pilot.press("enter")
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the reading view")
            article = app.screen
            assert isinstance(article, ArticleScreen)
            await until(pilot, lambda: article.loaded, "the article")
            assert article.headline.entry.title == titles[0]
            # It opens at the match the snippet came from, found as `/` finds it: n goes on.
            body = article.query_one(ArticleBody)
            word = screen.first_words()[article.headline.entry.id].word
            assert word in WORDS.split()
            # Every word of the query searched, as the hit was found (acc30a J30).
            await until(pilot, lambda: body.query == WORDS, "the first match found")
            await pilot.pause()
            assert body.match_count >= 1
            assert any(word in line.casefold() for line in marked(app))  # in view, lit
            assert "Match " in status(app)
            await pilot.press("escape", "escape")  # the search cleared, as any; then back
            await until(pilot, lambda: app.screen is screen, "the hits again")
            assert screen.feed_url == SEARCH_VIEW
            await pilot.press("escape")  # back to every feed's headlines
            await pilot.pause()
            assert screen.feed_url is None and len(table(app).rows) == everything
            assert "for “council budget”" not in status(app)
            after = [(h.read, h.saved) for h in table(app).rows]
            assert sum(a != b for a, b in zip(before, after, strict=True)) == 1  # the one read

            # A click on a hit's second line reads that hit.
            await pilot.press("F", *"council", "space", *"budget", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits again")
            await pilot.pause()
            await pilot.click(HeadlineTable, offset=(10, 4))  # the border, hit 0's two lines
            await until(pilot, lambda: isinstance(app.screen, ArticleScreen), "the clicked hit")
            clicked = app.screen
            assert isinstance(clicked, ArticleScreen)
            assert clicked.headline.entry.id == rows[1].entry.id
            clicked.dismiss(None)
            await until(pilot, lambda: app.screen is screen, "the hits")
            await pilot.press("escape")
            await until(pilot, lambda: screen.feed_url is None, "every feed's headlines")

            # Words no article holds: an empty list that says so.
            await pilot.press("F", *"zqxv", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the empty hits")
            await pilot.pause()
            assert table(app).rows == []
            assert "No headline or cached article holds “zqxv”" in str(table(app).empty_text)
            # A feed chosen in the feed list leaves the hits too, and their note.
            await pilot.press("tab", "j", "enter")
            await until(pilot, lambda: screen.feed_url == SAVED_VIEW, "the saved view")
            await pilot.pause()
            assert "“zqxv”" not in status(app)

    asyncio.run(run())


def test_P_lists_what_F_said_it_found_once(synced_dir: Path) -> None:
    """`P` keeps a search's summary as it keeps the status line's: "Nothing said yet." came
    after an `F` had said its count (acc50d); drawn again, the list doesn't add it twice."""
    count = len(expected(synced_dir))

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            await pilot.press("F", *"council", "space", *"budget", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            said = f"{count} headlines for “{WORDS}”"
            await until(pilot, lambda: said in status(app), "the summary")
            await pilot.press("j", "k")  # the list's note said again
            note = screen.query_one(StatusBar).note
            from reader.ui.dialogs.messages import MessagesScreen

            await pilot.press("P")
            listed = await on_top(pilot, MessagesScreen, "the messages")
            kept = [line for _when, line in listed.said if said in line]
            assert kept == [note], listed.said

    asyncio.run(run())


def test_F_finds_the_cached_articles_no_feed_lists_any_more(synced_dir: Path) -> None:
    lib = Library(synced_dir, workers="thread")
    try:
        feed = lib.feeds()[0].url
        target = next(h for h in lib.headlines(feed) if h.cached)
        text = lib.cached_text(target.entry) or ""
        lib.remove_feed(feed)
    finally:
        lib.close()
    # Three words of its text in a row, letters only (each typed as a key).
    words = text.split()
    start = next(
        i
        for i in range(len(words) - 2)
        if all(w.isascii() and w.isalpha() for w in words[i : i + 3])
    )
    query = " ".join(words[start : start + 3])

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            assert target.entry.id not in {h.entry.id for h in table(app).rows}
            keys = [key for word in query.split() for key in (*word, "space")][:-1]
            await pilot.press("F", *keys, "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await pilot.pause()
            found = [h for h in table(app).rows if h.entry.link == target.key]
            assert found, query
            assert not found[0].entry.feed_url and found[0].cached  # of no feed, cached

    asyncio.run(run())


def test_F_in_a_feeds_headlines_searches_that_feed_and_says_so(synced_dir: Path) -> None:
    """From one feed's headlines F searches that list, as `/` does ("Search in Feed: words"),
    and "Searching…" is said as Enter is pressed, before the search's thread has run."""
    everywhere = expected(synced_dir, words="council")
    feeds = {hit.headline.entry.feed_url for hit in everywhere}
    assert len(feeds) >= 2  # the word is in several feeds' articles
    lib = Library(synced_dir, workers="thread")
    try:
        feed = next(f for f in lib.feeds() if f.url in feeds)
    finally:
        lib.close()
    in_feed = [h.headline.entry.title for h in expected(synced_dir, feed.url, "council")]
    assert 0 < len(in_feed) < len(everywhere)

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            screen.show_feed(feed.url)
            await pilot.pause()
            await pilot.press("F", *"council")
            bar = str(screen.query_one("#search-prompt", Static).render())
            assert bar.startswith(f"Find in {feed.display_title[:20]}")
            # Enter, as the search line posts it, handled here: the note is there before the
            # loop has run the search at all.
            screen.on_search_closed(SearchClosed("council"))
            headlines = len(app.index.view(feed.url))
            assert f"Searching {headlines} headlines of {feed.display_title[:20]}" in status(app), (
                status(app)
            )
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await pilot.pause()
            assert [h.entry.title for h in table(app).rows] == in_feed
            assert f"Search in {feed.display_title[:20]}" in str(table(app).border_title)
            assert f"{len(in_feed)} headlines in {feed.display_title[:20]}" in status(app)
            assert not table(app).show_source  # one feed's hits: its name is in their title
            # F again from the hits searches the same feed; Esc goes back to it.
            await pilot.press("F")
            assert str(screen.query_one("#search-prompt", Static).render()).startswith(
                f"Find in {feed.display_title[:20]}"
            )
            await pilot.press("escape", "escape")  # the search line, then the hits
            await until(pilot, lambda: screen.feed_url == feed.url, "the feed's headlines")
            # From "All feeds", every feed's.
            screen.feed_url = None
            screen.show_view()
            await pilot.pause()
            await pilot.press("F", *"council", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "every feed's hits")
            await pilot.pause()
            assert len(table(app).rows) == len(everywhere)
            assert table(app).show_source
            assert str(table(app).border_title).startswith("Search: council")

    asyncio.run(run())


@pytest.mark.parametrize("pending", [False, True])
def test_a_hit_opens_where_its_words_are_together_not_at_the_first_of_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pending: bool
) -> None:
    """ "rules written" found in an interview whose first "rules" is in a question pages
    before "the rules were written": the article opened at the question (acc27a A16); it
    opens where the snippet found the words together, `v` quoting that sentence. So does a
    hit opened before its line is worked out (`pending`: a common word's hits past the first
    100, their rows not drawn yet), which opened at the question."""
    filler = "The hearing went on through the afternoon with questions on the budget. " * 3
    paragraphs = [
        "Do you think the board broke the rules?",
        *(f"{filler}Part {n}." for n in range(40)),
        "I think the rules were written for another harbour entirely.",
    ]
    one_article(tmp_path, "interview", "Interview: the harbour master", paragraphs)
    if pending:  # every hit found without its line, none worked out as its row is drawn
        monkeypatch.setattr(main_full_text, "_LINES_FIRST", 0)
        monkeypatch.setattr(main_full_text.MainFullText, "_want_line", lambda self, hit: None)

    async def run() -> None:
        async with running(tmp_path, (100, 30), prefetch=False) as (app, pilot):
            await pilot.press("F", *"rules", "space", *"written", "enter")
            screen = app.screen
            await until(pilot, lambda: getattr(screen, "feed_url", None) == SEARCH_VIEW, "hits")
            assert [hit.pending for hit in screen.text_hits] == [pending]
            await pilot.press("enter")
            article = await on_top(pilot, ArticleScreen, "the article")
            body = article.query_one(ArticleBody)
            await until(pilot, lambda: body.query == "rules written", "the match found")
            await pilot.pause()
            # Every word of the query is searched: the two "rules" and the one "written".
            assert "Match 2 of 3" in status(app)
            assert any("rules were written" in line for line in screen_text(app).splitlines())

    asyncio.run(run())


def test_a_hit_found_by_its_title_alone_shows_its_article_s_first_words(synced_dir: Path) -> None:
    """Its second line was blank, as if the search had broken: the article's lead now, dimmed
    as a snippet is."""

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("F", *"chipmakers", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await pilot.pause()
            assert [h.entry.title[:20] for h in table(app).rows] == ["Chipmakers brace for"]
            shown = pane(app)
            row = next(n for n, line in enumerate(shown) if "Chipmakers brace" in line)
            assert "The hard part of building AI accelerators" in shown[row + 1], shown

    asyncio.run(run())


def _status_notes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every note the status line is given from now on, in order (a count a batch at a time is
    gone before a test could read it off the screen)."""
    notes: list[str] = []
    shown = StatusBar.show_note

    def noted(bar: StatusBar, note: str, *args: object, **kwargs: object) -> None:
        notes.append(str(note))
        shown(bar, note, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(StatusBar, "show_note", noted)
    return notes


def test_F_shows_the_first_hits_while_it_searches_on(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A common word in a year's cache listed nothing for a minute (acc30b P2): the newest
    headlines' hits are shown first, the list saying it searches on, then the whole list, the
    cursor where the user put it."""
    hits = expected(synced_dir, words="council")
    assert len(hits) >= 4
    monkeypatch.setattr(text_search, "FIRST_ROWS", 2)
    notes = _status_notes(monkeypatch)

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("F", *"council", "enter")
            await until(pilot, lambda: f"{len(hits)} headlines for" in status(app), "every hit")
            await pilot.pause()
            assert [h.entry.id for h in table(app).rows] == [h.headline.entry.id for h in hits]
            so_far = [note for note in notes if "so far" in note]
            assert so_far and "searching on…" in so_far[0]
            first = int(so_far[0].split()[0])
            assert 0 < first < len(hits)

    asyncio.run(run())


def test_F_counts_the_articles_it_indexes_first(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A first search with no index (or one of an older form) indexes the whole cache first:
    a year's took half an hour under load with a line that never moved (acc33b B3). It counts
    now, a batch at a time, then the hits replace the count."""
    from reader import search_index

    (synced_dir / search_index.INDEX_FILE).unlink()
    lib = Library(synced_dir, workers="thread")
    try:
        total = len(lib.store.article_times())
    finally:
        lib.close()
    assert total > 10
    monkeypatch.setattr(indexed_search, "INDEXING_NOTE_FROM", 1)
    monkeypatch.setattr(search_index, "_BATCH", 5)
    monkeypatch.setattr(main_full_text, "_NOTE_EVERY", 0)  # each batch's count said
    notes = _status_notes(monkeypatch)

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("F", *"council", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            indexing = [note for note in notes if note.startswith("Indexing")]
            assert indexing[0] == f"Indexing {total} cached articles for search (once)…"
            assert indexing[1] == f"Indexing 5 of {total} cached articles for search (once)…"
            assert indexing[-1] == f"Indexing {total} of {total} cached articles for search (once)…"
            assert len(indexing) == 1 + -(-total // 5)
            assert "headlines for “council”" in status(app)

    asyncio.run(run())


def test_F_reads_or_and_minus_and_says_when_a_capital_made_case_count(synced_dir: Path) -> None:
    """`OR` between two words finds either, `-word` leaves out what holds it, as news
    databases read them; a query in capitals finding nothing says what it finds in lower case
    (acc30a J12), one with an accent what it finds without (acc38a J5)."""
    either = expected(synced_dir, words="zqxv OR budget")
    assert either and [h.headline for h in either] == [
        h.headline for h in expected(synced_dir, words="budget")
    ]
    without = expected(synced_dir, words="council -budget")
    council = expected(synced_dir, words="council")
    assert without and len(without) < len(council)
    lowered = len(expected(synced_dir))

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            for words, hits in (("zqxv OR budget", either), ("council -budget", without)):
                keys = [{" ": "space", "-": "minus"}.get(c, c) for c in words]
                await pilot.press("F", *keys, "enter")
                await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits")
                await until(
                    pilot,
                    lambda hits=hits: (
                        [h.entry.title for h in table(app).rows]
                        == [hit.headline.entry.title for hit in hits]
                    ),
                    words,
                )
                await pilot.press("escape")
                await until(pilot, lambda: screen.feed_url is None, "every feed's headlines")
            await pilot.press("F", *"COUNCIL", "space", *"BUDGET", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the empty hits")
            await until(pilot, lambda: "a capital" in str(table(app).empty_text), "the note")
            assert (
                "No headline or cached article holds every one of: COUNCIL BUDGET (a capital"
                f" makes case count: council budget finds {lowered})"
            ) in str(table(app).empty_text)
            # An accent typed says so too, one note with a capital (acc38a J5).
            for typed, counts in (
                ("cóuncil", "a mark typed makes marks count"),
                ("Cóuncil", "a capital and a mark typed make case and marks count"),
            ):
                await pilot.press("escape")
                await until(pilot, lambda: screen.feed_url is None, "every feed's headlines")
                await pilot.press("F", *typed, "space", *"budget", "enter")
                await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the empty hits")
                note = f"({counts}: council budget finds {lowered})"
                await until(pilot, lambda note=note: note in str(table(app).empty_text), note)

    asyncio.run(run())


def council_tagged(directory: Path) -> tuple[list[Hit], Headline]:
    """The hits of "council", and the headline of the second, its article tagged "Budgets"."""
    council = expected(directory, words="council")
    tagged = council[1].headline
    lib = Library(directory, workers="thread")
    try:
        lib.tag_article(tagged.entry, ["Budgets"])
    finally:
        lib.close()
    return council, tagged


def test_F_with_tag_searches_what_is_filed_under_the_tag(synced_dir: Path) -> None:
    """`tag:NAME` among the words narrows `F` to the tag's articles, a tag alone lists them,
    `-tag:NAME` leaves them out, as `reader list --search` reads them; the empty hits say the
    tag."""
    council, tagged = council_tagged(synced_dir)
    assert len(council) >= 3

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            rest = [h.headline.entry.title for h in council if h.headline != tagged]
            for words, titles in (
                ("tag:budgets council", [tagged.entry.title]),
                ("tag:BUDGETS", [tagged.entry.title]),
                ("council -tag:budgets", rest),
            ):
                keys = [{" ": "space", "-": "minus", ":": "colon"}.get(c, c) for c in words]
                await pilot.press("F", *keys, "enter")
                await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits")
                await until(
                    pilot,
                    lambda titles=titles: [h.entry.title for h in table(app).rows] == titles,
                    words,
                )
                await pilot.press("escape")
                await until(pilot, lambda: screen.feed_url is None, "every feed's headlines")
            await pilot.press("F", *"tag", "colon", *"fishing", "space", *"council", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the empty hits")
            await until(pilot, lambda: "tagged" in str(table(app).empty_text), "the note")
            assert "holds “council”, tagged #fishing." in str(table(app).empty_text)

    asyncio.run(run())


def test_a_hit_opened_where_the_article_was_left_says_nothing_of_that_place(
    synced_dir: Path,
) -> None:
    """An article read part-way, then opened from `F`'s hit: it opens at the hit's words, and
    no "Back where you left off" comes with them (acc30a J30)."""
    hit = next(h for h in expected(synced_dir) if h.word)

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            rows = [h.entry.title for h in table(app).rows]
            await pilot.press(*["j"] * rows.index(hit.headline.entry.title), "enter")
            body = (await on_top(pilot, ArticleScreen, "the article")).query_one(ArticleBody)
            await until(pilot, lambda: body.article is not None, "its text")
            await pilot.press("right_square_bracket", "right_square_bracket", "j", "j")
            await pilot.press("escape")
            await until(pilot, lambda: app.screen is screen, "the headlines")
            await pilot.press("F", *"council", "space", *"budget", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits")
            titles = [h.entry.title for h in table(app).rows]
            # Kept, not read off the screen: a toast timed out at load said nothing either way.
            raised = notices_raised(app)
            await pilot.press(*["j"] * titles.index(hit.headline.entry.title), "enter")
            opened = await on_top(pilot, ArticleScreen, "the hit")
            body = opened.query_one(ArticleBody)
            # Its notice, if any, is raised before the screen counts as loaded.
            await until(pilot, lambda: body.match_count > 0 and opened.loaded, "the hit")
            assert not any("left off" in notice for notice in raised), raised

    asyncio.run(run())


def _anonymous_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("RssAnon:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no RssAnon in /proc/self/status")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="Linux's memory figures")
def test_leaving_the_hits_gives_their_memory_back(synced_dir: Path) -> None:
    """The hits left, the C heap's free pages go back to the system: a year's common word freed
    every object of its 50,663 hits on Esc, and the reader kept 16 MB more all the same (acc30b
    P2). Here 32 MB are freed in the heap's midst while the hits are shown, as a search of a
    big cache leaves it (its strings past 512 bytes come from the C heap); leaving them
    hands those pages back."""

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("F", *"council", "space", *"budget", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            await until(pilot, lambda: screen.text_hits and screen._so_far is None, "every hit")
            # Each beside one that stays: freed, none is at the heap's top, which `free` gives
            # back by itself, whatever holes earlier tests left lower down.
            freed, kept = [], []
            for _ in range(512):
                freed.append(bytes(64 * 1024))
                kept.append(bytes(64 * 1024))
            del freed
            held = _anonymous_mb()
            await pilot.press("escape")
            await until(pilot, lambda: screen.feed_url is None, "every feed's headlines")
            await until(pilot, lambda: _anonymous_mb() < held - 16, "the memory given back")
            assert kept

    asyncio.run(run())


def test_a_hit_of_several_words_is_searched_for_each_and_its_snippet_keeps_struck_text(
    tmp_path: Path,
) -> None:
    """`F audit indefensible`, Enter on the hit: the article opened searching for
    "indefensible" alone, `n` never reaching the other "audit"s (acc30a J30); it searches for
    every word of the query, whole words as the hit was found ("auditor" is not "audit").
    The hit's line marks the text the page struck through, as text (acc30a J31)."""
    paragraphs = [
        (Inline("The council asked for an audit of the dredging contract in March."),),
        (Inline("The auditor's first report went to the finance committee."),),
        (
            Inline("The authority first said it paid "),
            Inline("€9.4m", struck=True),
            Inline(" €6.1m for the work."),
        ),
        (Inline("Councillors called the sums “indefensible” and asked for an audit."),),
        (Inline("A second audit is due in the spring, the clerk said."),),
    ]
    title = "Harbour contract costs twice what council was told"
    # Left part-way: opened from the hit, it still opens at the hit's words, with nothing said.
    one_article(tmp_path, "audit", title, paragraphs, place={"paragraph": 4})

    async def run() -> None:
        async with running(tmp_path, (100, 30), prefetch=False, notifications=True) as (
            app,
            pilot,
        ):
            screen = app.screen
            await pilot.press("F", *"paid", "enter")
            await until(pilot, lambda: getattr(screen, "feed_url", None) == SEARCH_VIEW, "hits")
            await pilot.pause()
            assert any("paid ~~€9.4m~~ €6.1m for the" in line for line in pane(app)), pane(app)
            await pilot.press("escape", "F", *"audit", "space", *"indefensible", "enter")
            await until(pilot, lambda: getattr(screen, "feed_url", None) == SEARCH_VIEW, "hits")
            raised = notices_raised(app)
            await pilot.press("enter")
            opened = await on_top(pilot, ArticleScreen, "the article")
            body = opened.query_one(ArticleBody)
            await until(pilot, lambda: body.match_count > 0 and opened.loaded, "the hit")
            await pilot.pause()
            assert body.query == "audit indefensible"
            # audit ×3 (not "auditor's"), indefensible ×1; at the hit's words together.
            assert "Match 2 of 4 for “audit indefensible”" in status(app), status(app)
            await pilot.press("n")
            assert "Match 3 of 4" in status(app)
            await pilot.press("n", "n")
            assert "Match 1 of 4" in status(app)  # round the end, to the first "audit"
            assert not any("left off" in notice for notice in raised), raised

    asyncio.run(run())


def test_F_makes_its_words_patterns_off_the_event_loop(
    synced_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A word's pattern (its edges' classes of every script) took tens of ms to compile: made
    # on the event loop only to tell whether the query had a word, every key waited.
    import threading

    from reader import search_query

    threads: list[threading.Thread] = []
    real = search_query.whole_words

    def recording(*args: object, **kwargs: object) -> object:
        threads.append(threading.current_thread())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(search_query, "whole_words", recording)

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            await pilot.press("F", *"council", "space", *"budget", "enter")
            await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the search's hits")
            # First made in the search's thread; the hits' note, naming the words, finds
            # them compiled already (Python's cache of patterns).
            assert threads and threads[0] is not threading.main_thread(), threads

    asyncio.run(run())


def test_a_hit_of_a_tag_search_opens_at_its_words_or_with_no_search_for_a_tag_alone(
    synced_dir: Path,
) -> None:
    """`tag:budgets council`'s hit opens at "council", the status line saying the query as
    typed ("Match 1 of 1 for “tag:budgets council”": the tag is no word, so only council's
    places are counted); `tag:budgets` alone has no word to find: its hit (the tag's
    article) opens with no search, saying neither a match nor "No match"."""
    _council, tagged = council_tagged(synced_dir)

    async def run() -> None:
        async with running(synced_dir, SIZE, prefetch=False) as (app, pilot):
            screen = app.screen
            assert isinstance(screen, MainScreen)
            for words, said in (
                ("tag:budgets council", "Match 1 of 1 for “tag:budgets council”"),
                ("tag:budgets", ""),
            ):
                keys = [{" ": "space", ":": "colon"}.get(c, c) for c in words]
                await pilot.press("F", *keys, "enter")
                await until(pilot, lambda: screen.feed_url == SEARCH_VIEW, "the hits")
                await until(pilot, lambda: len(table(app).rows) == 1, words)
                assert table(app).rows[0].entry.id == tagged.entry.id
                await pilot.press("enter")
                article = await on_top(pilot, ArticleScreen, "the article")
                body = article.query_one(ArticleBody)
                await until(pilot, lambda body=body: body.article is not None, "its text")
                if said:
                    await until(pilot, lambda said=said: said in status(app), said)
                    assert body.query == words and body.match_count == 1
                else:
                    for _ in range(5):
                        await pilot.pause()
                    assert not body.query and "atch" not in status(app)
                await pilot.press("escape")
                await pilot.pause()
                if app.screen is not screen:  # the first Esc cleared the search
                    await pilot.press("escape")
                await until(pilot, lambda: app.screen is screen, "the hits again")
                await pilot.press("escape")
                await until(pilot, lambda: screen.feed_url is None, "every feed's headlines")

    asyncio.run(run())


def test_a_hit_of_a_byline_word_marks_none_of_the_text_s(tmp_path: Path) -> None:
    """`F by:Keller audit`: the article Anna Keller wrote opens searching for "audit" alone,
    its text's "Keller" (a quoted namesake) no match: `by:` looked in the byline only, and
    the reading view marking it in the text sent `n` to a word the hit wasn't found by."""
    paragraphs = [
        "The council asked for an audit of the dredging contract in March.",
        "Tomas Keller, the harbour master, said he had not seen the figures.",
        "A second audit is due in the spring, Keller added.",
    ]
    title = "Dredging contract faces new questions"
    one_article(tmp_path, "audit", title, paragraphs, author="Anna Keller")

    async def run() -> None:
        async with running(tmp_path, (100, 30), prefetch=False) as (app, pilot):
            screen = app.screen
            await pilot.press("F", *"by", "colon", *"Keller", "space", *"audit", "enter")
            await until(pilot, lambda: getattr(screen, "feed_url", None) == SEARCH_VIEW, "hits")
            await until(pilot, lambda: len(table(app).rows) == 1, "the hit")
            await pilot.press("enter")
            opened = await on_top(pilot, ArticleScreen, "the article")
            body = opened.query_one(ArticleBody)
            await until(pilot, lambda: body.match_count > 0 and opened.loaded, "the hit")
            await pilot.pause()
            assert body.query == "by:Keller audit"
            assert "Match 1 of 2 for “by:Keller audit”" in status(app), status(app)
            await pilot.press("n", "n")
            assert "Match 1 of 2" in status(app)
            assert marked(app) == ["audit"], marked(app)

    asyncio.run(run())
