"""The search index (`search_index`) is a prefilter only: every article the search's rule
(`text_find.pattern`, as `full_text` applies it) finds holds every trigram of the word's indexed
form, so the index never drops an article a scan finds, and a search through it finds exactly
what the scan finds. Real stores in tmp dirs, real SQLite FTS5."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pytest_httpserver import HTTPServer

from reader.full_text import Query, _Folded, heading, matches, search
from reader.keys import article_key, entry_id
from reader.library import Library, text_search
from reader.library.text_search import search_cached
from reader.models import Article, Block, BlockKind, Entry, Feed, Inline
from reader.reports import Headline, merged_newest_first, newest_first
from reader.search_index import (
    INDEX_FILE,
    SearchIndex,
    ascii_words,
    indexed_form,
    trigrams,
    word_run,
)
from reader.search_query import terms
from tests.conftest import sync_into
from tests.served_feed import serve_stories

# Letters a fold, a case or a width makes another's, and what a search skips inside a word.
_TRICKY = (
    "aAeEsSkKiIoOcCßẞİıſKéÉèÅåøØłŁ’‘“”–—\u200b\u0301ＡＢａｂ１ﾃﾚﾋﾞёЁσςΣάΆﬀﬁﬂﬃﬄﬅﬆfFlLtT"
    # Letters and digits of one value in other scripts, Persian's half-space, the nukta, œ,
    # kana, kanji (Traditional and Simplified) and Hangul (a Latin word's edge, a Korean noun's
    # particle) (acc31b).
    "يیىكکةه٢۲२2ニにｶかーœŒæÆज\u093c\u0901\u0902\u200c北陸臺台서울을"
    # German's umlauts, composed and not, found by "ue" (acc34b D7).
    "uUäöüÄÖÜ\u0308"
)
_ALPHABET = st.sampled_from(list(_TRICKY + " \n\t.,-'\"xyz"))


def _unfound_trigrams(query: str, text: str) -> list[tuple[str, str]]:
    """Of each word or phrase of `query` the rule finds in `text` (as `full_text` matches it),
    the trigrams the index looks it up by that the indexed text lacks."""
    body = _Folded(text)
    form = indexed_form(text)
    return [
        (word.typed, piece)
        for word in Query(query).words
        if body.search(word) is not None
        for piece in trigrams(word.typed)
        if piece not in form
    ]


def search_text_holds(query: Query, text: str) -> bool:
    return matches(query, "", text) not in (None, "")


@settings(max_examples=600, deadline=None)
@given(text=st.text(_ALPHABET, max_size=40), start=st.integers(0, 40), size=st.integers(1, 12))
def test_a_word_the_rule_finds_has_every_trigram_in_the_indexed_text(
    text: str, start: int, size: int
) -> None:
    # Queries cut from the text (so most are found), their case and forms as the text has them.
    for word in (text[start : start + size], f'"{text[start : start + size]}"'):
        assert not _unfound_trigrams(word, text), (word, text, indexed_form(text))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(_ALPHABET, max_size=40),
    word=st.text(_ALPHABET, min_size=1, max_size=8),
)
def test_any_word_found_has_every_trigram_in_the_indexed_text(text: str, word: str) -> None:
    assert not _unfound_trigrams(word, text), (word, text, indexed_form(text))


@settings(max_examples=300, deadline=None)
@given(
    title=st.text(_ALPHABET, max_size=20),
    byline=st.text(_ALPHABET, max_size=20),
    text=st.text(_ALPHABET, max_size=30),
    word=st.text(_ALPHABET, min_size=1, max_size=8),
)
def test_a_word_found_in_the_title_or_byline_has_every_trigram_indexed(
    title: str, byline: str, text: str, word: str
) -> None:
    """The search finds a word in a headline's title and byline (`full_text.heading`) as in
    its text; the index holds the three a line each (`Store.indexed`)."""
    form = indexed_form(f"{title}\n{byline}\n{text}")
    query = Query(word)
    if matches(query, heading(title, byline), text) is not None:
        assert all(piece in form for w in query.words for piece in trigrams(w.typed)), form


def _unfound_words(query: str, text: str) -> list[str]:
    """Of each word of `query` the rule finds in `text` that is looked up by its run of ASCII
    letters (`word_run`), those whose run the indexed text lacks (a prefix: starting no run)."""
    body = _Folded(text)
    runs = set(ascii_words(text, indexed_form(text)).split())
    return [
        word.typed
        for word in Query(query).words
        if (run := word_run(word.typed)) is not None
        and body.search(word) is not None
        and not (any(r.startswith(run) for r in runs) if word.prefix else run in runs)
    ]


_LETTERS = st.sampled_from(list(_TRICKY + " \n\t.,-'\"xyzdontbrienOD"))


@settings(max_examples=600, deadline=None)
@given(text=st.text(_LETTERS, max_size=40), start=st.integers(0, 40), size=st.integers(1, 12))
def test_a_word_the_rule_finds_has_its_letters_run_whole_in_the_indexed_text(
    text: str, start: int, size: int
) -> None:
    """As for the trigrams: a word looked up whole (`dont`, acc50d D4) drops no article, nor
    one looked up as the start of a word (`dont*`)."""
    for word in (text[start : start + size], f"{text[start : start + size].strip()}*"):
        assert not _unfound_words(word, text), (word, text, indexed_form(text))


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(_LETTERS, max_size=40),
    word=st.text(st.sampled_from(list("aAeEsSkKiIoOdDntTbrzß")), min_size=1, max_size=6),
)
def test_any_word_of_letters_found_has_its_run_whole_in_the_indexed_text(
    text: str, word: str
) -> None:
    for typed in (word, f"{word}*"):
        assert not _unfound_words(typed, text), (typed, text, indexed_form(text))


def test_a_word_is_looked_up_whole_by_its_runs_of_ascii_letters() -> None:
    text = "Don't go to the front, O’Brien: x\u200bdont, do\u200bnt, ＪＲ北海道, Straße, Müller."
    runs = ascii_words(text, indexed_form(text)).split()
    assert "dont" in runs  # both sides of the zero-width space, and across it
    assert {"don", "t", "front", "o", "brien", "x", "do", "nt", "jr", "strasse"} <= set(runs)
    assert {"muller", "mueller", "obrien"} <= set(runs)  # a name's apostrophe left out too
    assert "dont" not in ascii_words("Don't go", indexed_form("Don't go")).split()
    assert word_run("Dont") == "dont"
    assert word_run("EU") == "eu"
    assert word_run("Zoë") is word_run("4.2") is word_run("gold plated") is None


def test_letters_a_case_blind_match_takes_as_one_have_one_indexed_form() -> None:
    # Every character of the Basic Multilingual Plane with its case-blind equals.
    for code in range(0x10000):
        if 0xD800 <= code < 0xE000:
            continue
        char = chr(code)
        for other in {char.lower(), char.upper(), char.casefold()}:
            if len(other) == 1 and re.fullmatch(re.escape(other), char, re.IGNORECASE):
                assert indexed_form(char) == indexed_form(other), (char, other)


def test_a_phrase_is_one_term_and_quotes_may_be_typeset() -> None:
    assert terms('harbour "gold-plated   dredging" “penalty clause” "open') == [
        "harbour",
        "gold-plated dredging",
        "penalty clause",
        "open",
    ]
    query = Query('"gold-plated dredging"')
    text = "Gold-plated work; then dredging.\nA case of gold-plated\ndredging, she said."
    assert search_text_holds(query, text)
    assert not search_text_holds(query, "gold-plated work; dredging later")


_BASE = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
_WORDS = [
    "harbour council dredging contract annex penalty clause Łódź straße Zürich",
    "the ferry timetable crossing winter evenings petition library",
    # "“gold-plated” — review dredging": the phrase "gold-plated dredging" is not here (a
    # phrase finds its words over punctuation, not over another word).
    "tender bond crane cargo ledger auditor “gold-plated” — review dredging",
]


def _article(link: str, title: str, n: int) -> Article:
    paragraphs = [
        f"{_WORDS[n % 3]} item {n}.",
        f"Paragraph two of story {n}: {_WORDS[(n + 1) % 3]}.",
    ]
    if n % 7 == 0:
        paragraphs.append("A textbook case of gold-plated dredging, the auditor said.")
    blocks = tuple(Block(BlockKind.PARAGRAPH, (Inline(p),)) for p in paragraphs)
    # Some bylined on the page, one of them in Cyrillic: found by the author's name.
    author = "Maren Holt, Алексей Ёлкин" if n % 10 == 0 else "Maren Holt" if n % 5 == 0 else ""
    return Article(url=link, title=title, blocks=blocks, site_name="Harbour Ledger", author=author)


def _archive(data: Path, count: int, listed: int) -> tuple[Library, list[Entry]]:
    """A data dir of `count` cached articles, the first `listed` of them in a feed."""
    lib = Library(data, workers="thread")
    url = "http://127.0.0.1:9/feed.xml"
    lib.add_feed(url)
    lib.store.put_feed(Feed(url, title="Harbour Ledger", last_success=_BASE))
    entries = []
    for n in range(count):
        link = f"http://127.0.0.1:9/2026/11/story-{n}.html"
        title = f"Story {n}: the week at the quay"
        entries.append(
            Entry(
                id=entry_id(url, link),
                feed_url=url,
                title=title,
                link=link,
                published=_BASE - timedelta(hours=n),
                feed_title="Harbour Ledger",
                # Some bylined in the feed alone (its dc:creator): found by it too.
                author="Jonas Berg" if n % 4 == 1 else "",
            )
        )
        lib.store.put_article(link, _article(link, title, n))
    lib.store.merge_entries(url, entries[:listed])
    return lib, entries


_QUERIES = [
    "dredging",
    "lodz harbour",
    "strasse",
    "STRASSE",
    "zurich ferry",
    "zuerich ferry",
    "Zuerich",
    '"gold-plated dredging"',
    "gold-plated dredging",
    "quay",
    "EU",
    "story 14",
    "nothingholdsthis",
    "holt",
    "holt dredging",
    '"maren holt"',
    "елкин",
    "berg",
    "berg quay",
    "berg holt",
    '"quay maren"',
    # A word left out: by every title, the feed's byline, the page's, the text (acc33b's
    # leftover: a headline holding one in its title is dropped unread).
    "dredging -quay",
    "dredging -berg",
    "dredging -holt",
    "dredging -ferry",
    'dredging -"week at the quay"',
    "dredging NOT story",
    "quay -dredging",
    "dredging OR ferry -berg -holt",
    "dredging -EU",
    # Left out as a search's rules find it: accents, ä as "ae", case with a capital, a prefix
    # (the index tells which texts can't hold it; those are not looked in for it).
    "dredging -lodz",
    "dredging -strasse",
    "dredging -zuerich",
    "dredging -Zürich",
    "ferry -LODZ",
    "ferry -Lodz",
    "ferry -елкин",
    "dredging -clau*",
    'ferry -"penalty clause"',
    # Kept to the bylines or the titles (acc40a M5), and a capital among small letters (M4).
    "by:holt",
    "by:berg quay",
    "dredging -by:holt",
    "dredging -by:berg",
    "title:quay dredging",
    "dredging -title:14",
    "Holt",
    "Story 14",
]


def test_the_index_finds_what_the_scan_finds_and_the_unlisted_ones_too(tmp_path: Path) -> None:
    lib, entries = _archive(tmp_path / "data", 40, listed=30)
    try:
        headlines = lib.headlines()
        for text in _QUERIES:
            query = Query(text)
            scanned = search(headlines, query, lambda h: lib.searched(h.entry))
            found = search_cached(lib, headlines, query, unlisted=False)
            assert found.indexed
            assert [(h.headline.entry.id, h.snippet) for h in found.hits] == [
                (h.headline.entry.id, h.snippet) for h in scanned
            ], text
        assert (tmp_path / "data" / INDEX_FILE).exists()
        # The ten no feed lists are searched too, under the site's name, newest first.
        every = search_cached(lib, headlines, Query('"gold-plated dredging"'))
        links = [hit.headline.entry.link for hit in every.hits]
        assert links == [entries[n].link for n in range(0, 40, 7)]
        unlisted = [hit.headline for hit in every.hits if not hit.headline.entry.feed_url]
        assert [h.entry.link for h in unlisted] == [entries[35].link]
        assert unlisted[0].cached and unlisted[0].entry.feed_title == "Harbour Ledger"
        # Its id finds it, as `reader show ID` takes it.
        assert lib.entry(unlisted[0].entry.id) == unlisted[0].entry
    finally:
        lib.close()


def test_ue_finds_u_umlaut_and_a_figure_its_unit_written_on(tmp_path: Path) -> None:
    """acc34b D7: "mueller" found "Mueller" only, and "4.2" not "£4.2bn"."""
    lib = Library(tmp_path / "data", workers="thread")
    url = "http://127.0.0.1:9/feed.xml"
    lib.add_feed(url)
    texts = {
        "mu": "Karl Müller chairs the board.",
        "mue": "Karl Mueller chairs the board.",
        "m": "Karl Muller chairs the board.",
        "bn": "The deal is worth £4.2bn over ten years.",
        "more": "The deal is worth £4.25bn, or 4.2.1 in the annex.",
    }
    entries = []
    for n, (name, text) in enumerate(texts.items()):
        link = f"http://127.0.0.1:9/2026/11/{name}.html"
        blocks = (Block(BlockKind.PARAGRAPH, (Inline(text),)),)
        lib.store.put_article(link, Article(url=link, title=f"Story {n}", blocks=blocks))
        entries.append(Entry(id=entry_id(url, link), feed_url=url, title=f"Story {n}", link=link))
    lib.store.merge_entries(url, entries)
    try:
        headlines = lib.headlines()

        def found(query: str) -> set[str]:
            hits = search_cached(lib, headlines, Query(query)).hits
            return {hit.headline.entry.link.rsplit("/", 1)[1][:-5] for hit in hits}

        assert found("mueller") == {"mu", "mue"}
        assert found("Mueller chairs") == {"mu", "mue"}
        assert found("muller") == {"mu", "m"}
        assert found("müller") == {"mu", "mue"}  # as "straße" finds "Strasse"
        assert found("4.2") == {"bn"}
        assert found("4.2bn") == {"bn"}
    finally:
        lib.close()


def test_the_index_catches_up_with_articles_cached_again_and_evicted(tmp_path: Path) -> None:
    lib, entries = _archive(tmp_path / "data", 12, listed=12)
    try:
        headlines = lib.headlines()
        assert len(search_cached(lib, headlines, Query("zanthoxylum")).hits) == 0
        # Story 3 cached again with a new paragraph (a correction), story 0 evicted.
        link = entries[3].link
        corrected = _article(link, entries[3].title, 3)
        extra = Block(BlockKind.PARAGRAPH, (Inline("Correction: the zanthoxylum beds."),))
        lib.store.put_article(link, replace(corrected, blocks=(*corrected.blocks, extra)))
        lib.store.delete_article(lib.headlines()[0].key)
        found = search_cached(lib, lib.headlines(), Query("zanthoxylum"))
        assert [hit.headline.entry.link for hit in found.hits] == [link]
        assert found.indexed
        assert entries[0].link not in [
            h.headline.entry.link for h in search_cached(lib, headlines, Query("dredging")).hits
        ]
        # The index deleted (or damaged) is built again at the next search.
        (tmp_path / "data" / INDEX_FILE).unlink()
        again = search_cached(lib, lib.headlines(), Query("zanthoxylum"))
        assert again.indexed and [h.headline.entry.link for h in again.hits] == [link]
    finally:
        lib.close()


def test_an_index_made_before_bylines_were_indexed_is_made_again(tmp_path: Path) -> None:
    """An index the previous version made (schema 1: titles and texts, no bylines) would have
    dropped every article found by its author alone: it starts afresh, not stale."""
    lib, entries = _archive(tmp_path / "data", 12, listed=12)
    try:
        old = SearchIndex(tmp_path / "data" / INDEX_FILE)
        stored = lib.store.article_times()

        def without_byline(key: str) -> str | None:
            found = lib.store.searched_by_key(key)
            return None if found is None else f"{found[0]}\n{found[2]}"

        old.catch_up(stored, without_byline)
        assert old.candidates("holt") == set()
        old._db.execute("PRAGMA user_version=1")
        old.close()
        found = search_cached(lib, lib.headlines(), Query("holt"))
        assert found.indexed
        assert [hit.headline.entry.link for hit in found.hits] == [
            entries[n].link for n in (0, 5, 10)
        ]
        assert all(hit.snippet == "" for hit in found.hits)  # the byline alone holds it
    finally:
        lib.close()


def test_a_damaged_index_is_made_again_and_one_that_cannot_be_leaves_the_scan(
    tmp_path: Path,
) -> None:
    lib, entries = _archive(tmp_path / "data", 8, listed=8)
    index = tmp_path / "data" / INDEX_FILE
    wanted = [entries[0].link, entries[7].link]
    try:
        index.write_bytes(b"not a database, a damaged file " * 200)
        found = search_cached(lib, lib.headlines(), Query('"gold-plated dredging"'))
        assert found.indexed and [h.headline.entry.link for h in found.hits] == wanted
        index.unlink()
        index.mkdir()  # what no SQLite opens: the scan finds the same
        found = search_cached(lib, lib.headlines(), Query('"gold-plated dredging"'))
        assert not found.indexed and [h.headline.entry.link for h in found.hits] == wanted
    finally:
        lib.close()


def test_an_index_damaged_inside_is_made_again_by_the_next_search(tmp_path: Path) -> None:
    """Its header sound and its pages past it damaged (a bad sector), the index opened and
    failed at every search, which scanned every article for good (acc31a F6): now the search
    that finds it damaged scans, and drops it, and the next one makes it again."""
    lib, entries = _archive(tmp_path / "data", 8, listed=8)
    index = tmp_path / "data" / INDEX_FILE
    wanted = [entries[0].link, entries[7].link]
    query = Query('"gold-plated dredging"')
    try:
        assert search_cached(lib, lib.headlines(), query).indexed
        for log in ("-wal", "-shm"):
            Path(f"{index}{log}").unlink(missing_ok=True)
        data = index.read_bytes()
        assert len(data) > 8192
        index.write_bytes(data[:4096] + b"\xa5" * (len(data) - 4096))
        found = search_cached(lib, lib.headlines(), query)
        assert [h.headline.entry.link for h in found.hits] == wanted
        assert not found.indexed and not index.exists()
        again = search_cached(lib, lib.headlines(), query)
        assert again.indexed and [h.headline.entry.link for h in again.hits] == wanted
    finally:
        lib.close()


def test_fts5_and_its_trigram_tokenizer_are_there() -> None:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram', detail=none)")
    db.close()


def test_a_hyphened_query_is_looked_up_by_the_words_either_side() -> None:
    """ "harbour-committee" finds "harbour committee" as the rule matches it: its "r-c" was
    looked up in the index and the story was never a candidate (acc27a A4)."""
    for query, text in (
        ("harbour-committee", "the harbour committee met"),
        ('"truth she said"', "economical with the truth,” she said."),
        ('"was it legal nobody knows"', "Was it legal? Nobody knows!"),
    ):
        assert search_text_holds(Query(query), text), query
        assert not _unfound_trigrams(query, text), query


def test_a_batch_that_fails_part_way_leaves_none_of_it_indexed(tmp_path: Path) -> None:
    """A batch is indexed whole or not at all: an error mid-way (here an article's text that
    is no text) leaves no row of the articles before it, and the next catch-up indexes them."""
    index = SearchIndex(tmp_path / INDEX_FILE)
    stored = {"a": 1.0, "b": 2.0}
    texts: dict[str, object] = {"a": "harbour ferry", "b": 42}
    try:
        index.catch_up(stored, texts.get)  # type: ignore[arg-type]
    except (AttributeError, TypeError):  # as an int's text is found no text
        pass
    else:
        raise AssertionError("42 is no text")
    assert index.behind(stored) == (["a", "b"], [])
    texts["b"] = "quay strike"
    assert index.catch_up(stored, texts.get) == 2  # type: ignore[arg-type]
    assert index.candidates("ferry") == {"a"}
    index.close()


def test_a_sync_leaves_the_index_up_to_date_for_the_next_search(
    httpserver: HTTPServer, tmp_path: Path
) -> None:
    """The sync has the articles in hand: the first search after it found them all to index
    first (75 s after a year's sync, acc30b P2). A sync by `reader sync` (another process, the
    same code) is seen the same way."""
    stories = [("Harbour dredging contract", 8), ("Salt marsh rebuilt", 9)]
    feed = serve_stories(httpserver, "Harbour Gazette", stories)
    data = tmp_path / "data"
    sync_into(data, [feed])
    lib = Library(data, workers="thread")
    try:
        index = SearchIndex(data / INDEX_FILE)
        try:
            stored = lib.store.article_times()
            assert len(stored) == 2
            assert index.behind(stored) == ([], [])
            assert index.candidates("dredging") == {article_key(_story_link(feed, 8))}
        finally:
            index.close()
    finally:
        lib.close()


def _story_link(feed: str, hour: int) -> str:
    return feed.replace("/feed.xml", f"/story-{hour}.html")


def test_hits_come_in_pages_the_newest_first_and_add_up_to_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A common word in a year's cache: 50,000 hits, shown after 76 s (acc30b P2). With
    `page`, the first hits are handed over after the newest headlines are searched, and the
    pages grow to the hits of the whole search, in its order."""
    monkeypatch.setattr(text_search, "FIRST_ROWS", 4)  # 40 headlines: runs of 4, 8, 16, 12
    lib, _ = _archive(tmp_path / "data", 40, listed=40)
    try:
        headlines = lib.headlines()
        whole = search_cached(lib, headlines, Query("quay"))
        pages: list[list[str]] = []
        found = search_cached(
            lib,
            headlines,
            Query("quay"),
            page=lambda hits: pages.append([h.headline.entry.id for h in hits]),
        )
        ids = [h.headline.entry.id for h in whole.hits]
        assert len(ids) == 40 and [h.headline.entry.id for h in found.hits] == ids
        assert pages == [ids[:4], ids[:12], ids[:28]]  # not the last run's: the whole list
        # Stopped after the first page (Esc), it reads no further.
        stopped: list[int] = []
        cut = search_cached(
            lib,
            headlines,
            Query("quay"),
            page=lambda hits: stopped.append(len(hits)),
            stopped=lambda: bool(stopped),
        )
        assert stopped == [4] and len(cut.hits) == 4
    finally:
        lib.close()


def test_the_articles_times_are_read_from_an_index_of_their_own(tmp_path: Path) -> None:
    """Every search reads when each cached article was stored (`article_times`) to know what
    the search index lacks: through an index of keys and times, not every article's row and
    the pages of its record (a year's 51,220: 0.6 s before each `F`, acc30b P2)."""
    lib, entries = _archive(tmp_path / "data", 6, listed=3)
    try:
        stored = lib.store.article_times()
        assert set(stored) == {article_key(e.link) for e in entries}
        assert all(isinstance(at, float) and at > 0 for at in stored.values())
        query = "SELECT substr(key, 9), store_time FROM Cache WHERE key >= ? AND key < ?"
        plan = lib.store._articles._sql(
            f"EXPLAIN QUERY PLAN {query}", ("article:", "article;")
        ).fetchall()
        assert "COVERING INDEX" in str(plan), plan
        assert search_cached(lib, lib.headlines(), Query("dredging")).indexed
    finally:
        lib.close()


@given(
    st.lists(st.integers(0, 6), max_size=12),
    st.lists(st.integers(0, 6) | st.none(), max_size=6),
)
def test_unlisted_headlines_merged_in_are_where_a_sort_puts_them(
    listed: list[int], unlisted: list[int | None]
) -> None:
    def headline(n: int, hours: int | None, feed: str) -> Headline:
        when = None if hours is None else _BASE - timedelta(hours=hours)
        link = f"http://127.0.0.1:9/{feed}/{n}.html"
        entry = Entry(id=f"{feed}{n}", feed_url=feed, title="", link=link, published=when)
        return Headline(entry, read=False, cached=True)

    ordered = sorted((headline(n, h, "a") for n, h in enumerate(listed)), key=newest_first)
    more = [headline(n, h, "b") for n, h in enumerate(unlisted)]
    merged = merged_newest_first(ordered, more)
    assert merged == sorted([*ordered, *more], key=newest_first)


def test_a_search_again_reads_nothing_anew_while_nothing_changed(tmp_path: Path) -> None:
    """Each `F` read every article's time (~35 ms a year) and compared it with every row of
    the index (~40 ms) to know what the index lacked: while neither changed, both answers are
    kept; an article stored or indexed by another process is seen all the same."""
    data = tmp_path / "data"
    lib, entries = _archive(data, 8, listed=8)
    other = Library(data, workers="thread")  # another process's, on its own connections
    try:
        assert search_cached(lib, lib.headlines(), Query("dredging")).indexed
        stored = lib.store.article_times()
        assert lib.store.article_times() is stored
        index = SearchIndex(data / INDEX_FILE)
        try:
            assert index.behind(stored) == ([], [])
        finally:
            index.close()
        # A correction stored elsewhere: read anew here, and found.
        link = entries[5].link
        corrected = _article(link, entries[5].title, 5)
        extra = Block(BlockKind.PARAGRAPH, (Inline("Correction: the zanthoxylum beds."),))
        other.store.put_article(link, replace(corrected, blocks=(*corrected.blocks, extra)))
        again = lib.store.article_times()
        assert again is not stored and again[article_key(link)] > stored[article_key(link)]
        found = search_cached(lib, lib.headlines(), Query("zanthoxylum"))
        assert [hit.headline.entry.link for hit in found.hits] == [link]
        # Another, indexed by the other library's search: this one finds it as well.
        link = entries[2].link
        quillwort = (Block(BlockKind.PARAGRAPH, (Inline("The quillwort beds of the quay."),)),)
        other.store.put_article(
            link, replace(_article(link, entries[2].title, 2), blocks=quillwort)
        )
        assert search_cached(other, other.headlines(), Query("quillwort")).hits
        found = search_cached(lib, lib.headlines(), Query("quillwort"))
        assert [hit.headline.entry.link for hit in found.hits] == [link]
    finally:
        other.close()
        lib.close()


def test_a_word_the_index_names_no_article_for_walks_no_row(tmp_path: Path) -> None:
    """A word the index says no article holds, in no title: no text read, no row walked (not
    even asked whether to stop), where every one of a year's 51,550 was (acc33b B9); a rare
    word's rows alone are read."""
    lib, _ = _archive(tmp_path / "data", 40, listed=40)
    try:
        headlines = lib.headlines()
        read: list[str] = []
        asked: list[int] = []

        def text(h: Headline) -> tuple[str, str, object] | None:
            read.append(h.entry.link)
            return lib.searched(h.entry)

        def stopped() -> bool:
            asked.append(1)
            return False

        index = SearchIndex(tmp_path / "data" / INDEX_FILE)
        index.catch_up(lib.store.article_times(), lib.store.indexed_text)
        for typed, reads in (("zzqxnonword", 0), ("textbook", 6)):
            query = Query(typed)
            candidates = [index.candidates(word.typed) for word in query.words]
            read.clear()
            asked.clear()
            hits = search(headlines, query, text, stopped=stopped, candidates=candidates)
            assert len(hits) == len(read) == len(asked) == reads, typed
        index.close()
    finally:
        lib.close()


def test_titles_are_folded_as_one_text_or_one_by_one_alike() -> None:
    """Titles all in NFC are folded as one text; one not (an accent apart, a ligature) makes
    them folded one by one: either way each word is found in the title that holds it."""
    from reader.full_text import titles_holding

    composed_titles = ["Zürich ferry talks", "Łódź harbour dues", "Quay repairs"]
    apart = ["Cafe\u0301 owners", "Harbour ﬁnance", "Łódź harbour dues"]
    for titles, word, found in (
        (composed_titles, "lodz", {1}),
        (composed_titles, "zurich", {0}),
        (composed_titles, "repairs", {2}),
        (apart, "café", {0}),
        (apart, "finance", {1}),
        (apart, "lodz", {2}),
        (apart, "nothing", set()),
    ):
        titles_joined = [heading(t) for t in titles]
        assert titles_holding(titles_joined, Query(word).words[0]) == found, (titles, word)
