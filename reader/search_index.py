"""An index of the cached articles' text, so a search of thousands of them reads only the few
that may match (`full_text.search`): a prefilter, never the rule. SQLite FTS5 with the
`trigram` tokenizer over each article's title, byline and text (and its kept earlier
versions') in a loose form (`indexed_form`), and, per query word (or phrase), the keys of the
articles holding every three characters of it in that form; and, for a whole word of ASCII
letters, beside them each article's runs of ASCII letters whole (`ascii_words`), which rule out
an article holding a short word's trigrams in two other words ("don" of "don't", "ont" of
"front": `dont`). Every article whose text `text_find.pattern` matches holds them, so the exact match,
run on those only, finds what a scan of every article finds (tests/test_search_index.py checks
it); a word under three characters ("EU") narrows nothing and leaves the others to.

A derived cache in its own file beside the cache (`INDEX_FILE`), which can be deleted at any
time: a sync brings it up to date as it ends (`library.text_search.index_cached`), and before
each search it catches up with the cache (`catch_up`: articles cached or cached again since it
last looked, by the time the cache stored them, and those evicted), so what else wrote the
cache (a reader's `o`, an older version's sync) is seen too. Contentless and without positions
(`detail=none`): a row can't be taken out, so a row of an article evicted or cached again is
left behind, unreachable, until there are more of those than live ones and the index starts
afresh. Beside the articles, the headlines' words, in tables of their own (`search_headlines`):
a word nothing holds is told without reading a headline (`may_hold`).
"""

from __future__ import annotations

import re
import sqlite3
import threading
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from contextlib import contextmanager, suppress
from itertools import pairwise, product
from pathlib import Path

from . import search_bodies, search_headlines
from .fold import MARKS, UMLAUTS, ZERO_WIDTH, composed, fold, kept_folded
from .log_index import back_log_index, room_for_log_index
from .search_bodies import Indexed
from .search_headlines import HeadlineWords
from .text_find import HAN_KANA, elided_apostrophe, figure_gaps, typed
from .word_prefixes import elided_article

INDEX_FILE = "search-index.sqlite"
"""The index's file in the data directory."""
SCHEMA = 13
"""Bumped when the indexed form, what is indexed or the tables change: an index of another one
starts afresh (2: the byline indexed with the title and text; an index of 1 lacked it, and its
prefilter would have dropped every article found by its author alone; 3: a ligature indexed as
its letters, "certiﬁés" as "certifies"; 4: the kept earlier versions of an article indexed
with it; 5: raised and lowered figures and letters as the line's, "CO₂" as "co2", and each kept
version's title with its byline and text; 6: Arabic and Persian letters of one sound alike
(ی ي ى, ک ك, ة ه), every script's digits as Latin ones, katakana as hiragana, common
Traditional Chinese as Simplified, Hindi's nukta skipped, œ as "oe", acc31b; 7: a word with
ä ö ü also as spelt with ae oe ue, "Müller" as "mueller" too, acc34b D7; 8: the invisible
operators, deprecated format characters, Khmer inherent vowels and music's format marks
skipped as zero-width ones are, "Sm\u2062ith" as "smith", acc37b I4; 9: each article's text
kept folded, `search_bodies`: a hit confirmed without reading its record, acc37a H4; 10:
Arabic's hamza on waw and yeh as the bare hamza, "مسؤول" and "مسئول" alike, acc41c C16; 11:
Chinese characters or kana either side of a space also indexed as one word, "山田　太郎" as
"山田太郎" too, acc41c C14; 12: 於 決 減 強 亞 as their Simplified forms, acc41c C19; 13: the runs of ASCII letters whole,
`ascii_words`, acc50d D4)."""
_CJK_GAP = re.compile(f"(?<=[{HAN_KANA}])[ \u3000]+(?=[{HAN_KANA}])")
"""Spaces between two Chinese characters or kana."""
_KANA, _HAN, _HAN_MORE, _HAN_LAST = "\u3040", "\u9fff", "\uf900", "\ufaff"
"""The first kana, the last common Chinese character, the compatibility ones' range."""
_BATCH = 200
"""Articles indexed per transaction: a catch-up stopped half-way keeps what it did."""
_WAIT_SECONDS = 30.0
"""How long a catch-up waits for another process's (a sync's, a reader's) to end."""
_SKIPPED = re.compile(f"[{ZERO_WIDTH}{MARKS}]")
# Letters a case-blind regular expression takes for another letter that `str.casefold` keeps
# apart: Turkish dotless ı is matched by "i" (and "I").
_CASELESS = str.maketrans({"ı": "i"})


def indexed_form(text: str) -> str:
    """`text` as it is indexed: each of its words once, a space apart, in the form a query word
    is looked up by (`_loose`). A word or phrase of a query never matches across a space it
    doesn't type, so each of its words is inside one of these."""
    # Composing changes no space: each word is composed as it is folded (`_loose`), once.
    words = dict.fromkeys(text.split())
    # Most words are ASCII, whose loose form is their lower case (a fast path: a tenth of the
    # time a translation takes).
    plain: list[str] = []
    other: list[str] = []
    for word in words:
        (plain if word.isascii() else other).append(word)
    # Chinese characters or kana either side of a space also as one word: a name typed solid
    # finds it written "山田　太郎" (`text_find._word`), and is looked up by "山田太", "田太郎".
    # Looked for in the whole text only when a word ends with one (or a neighbour: the gap's
    # own pattern tells): a scan of every text took a third of the time an English article's
    # form does. Compared, not matched: half the time over a Korean text's 1,500 words.
    if any(_KANA <= word[-1] <= _HAN or _HAN_MORE <= word[-1] <= _HAN_LAST for word in other):
        joined = _CJK_GAP.sub("", text)
        if len(joined) < len(text):  # a gap there was: its joined words (not the text again)
            other += [word for word in joined.split() if word not in words]
    loose = f"{' '.join(plain).lower()} {_loose(' '.join(other))}"
    # A word with German's ä ö ü also as written where they can't be typed, "Müller" as
    # "mueller" too: a query's "ue" finds ü (`text_find.folding`), and each of its pieces is here.
    marked = (unicodedata.normalize("NFC", word) for word in other if _UMLAUT.search(word))
    if spelt := " ".join(word.translate(_SPELT) for word in marked):
        loose = f"{loose} {_loose(spelt)}"
    return " ".join(dict.fromkeys(loose.split()))


# An umlaut, composed or written as its vowel and a diaeresis (U+0308: decomposed text).
_UMLAUT = re.compile(f"[{''.join(UMLAUTS.values())}]|[aouAOU]\u0308")
_SPELT = str.maketrans({umlaut: f"{vowel}e" for vowel, umlaut in UMLAUTS.items()})


def _loose(text: str) -> str:
    """`text` composed, quotes, dashes, widths and accents folded, case folded (ß as ss),
    without what a query may skip (zero-width characters, marks), each space one space. Two
    characters a search's pattern takes for each other have the same form here."""
    whole = composed(text)
    text = whole[0] if whole is not None else text
    table = _TABLE
    for char in set(text).difference(table):
        table[ord(char)] = _loose_character(char)
    return text.translate(table)


_TABLE: dict[int, str] = {}
"""Each character met so far → its loose form (`_loose_character`)."""


def _loose_character(char: str) -> str:
    if char.isspace():
        return " "
    folded = fold(fold(char).casefold()).translate(_CASELESS)
    return _SKIPPED.sub("", folded)


def trigrams(word: str) -> list[str]:
    """The distinct three-character pieces of each word of a query word or phrase in its
    indexed form, in order: every article it is found in holds them all (none when its words
    are shorter)."""
    return _pieces(_parts(word))


def _parts(word: str) -> list[str]:
    """The runs of `word` (a query's word or phrase) in its indexed form that every article it
    is found in holds, but for a first letter that may be a name's before an apostrophe left
    out (`_spellings`)."""
    # Split at punctuation too: a query's "harbour-committee" finds "harbour committee", and
    # its "r-c" is in no such text (`text_find.pattern`). Fewer pieces only narrow less. But a
    # figure's decimal point or comma is kept, as the pattern finds it: literally ("4.2" finds
    # "4.2" only, not "4 2"); split there, the pieces were "4" and "2", too short to narrow,
    # and every article was read for "4.2" (acc50d D2).
    # A half-space typed (Persian's ZWNJ) may be a space in the text: a word's edge. So is an
    # umlaut typed, which finds its "ae", "oe", "ue" too (`text_find._word`): "müller" is
    # looked up by "lle", "ler", which "Mueller" holds as "Müller" does.
    # A figure and the unit typed onto it may be apart in the text ("12.5m", "12.5 m"), a long
    # figure's groups too ("3500", "3,500"): each looked up alone, right-aligned in threes
    # (`text_find.figure_gaps`).
    # A word typed with its article may be found without its first letter ("الشباب" in
    # "للشباب", "הנמל" in "לנמל": `word_prefixes.elided_article`), which either form holds.
    word = typed(word)
    word = elided_article(word) or word
    parts = _PUNCTUATION.split(_loose(_UMLAUT.sub(" ", word.replace("\u200c", " "))))
    return [piece for part in parts for piece in _figures_apart(part)]


def _pieces(parts: Iterable[str]) -> list[str]:
    # A name typed without the apostrophe after its first letter ("obrien") is found with it
    # ("O'Brien", indexed "o'brien"): looked up by the rest, which either holds.
    return _threes(part[1:] if elided_apostrophe(part) else part for part in parts)


def _threes(parts: Iterable[str]) -> list[str]:
    """The distinct three-character pieces of `parts`, in order."""
    return list(dict.fromkeys(part[i : i + 3] for part in parts for i in range(len(part) - 2)))


def _lookup(word: str) -> str | None:
    """The index's query for the articles that may hold `word` (a query's word or phrase): all
    of its `trigrams`, or, for a word that may be a name typed without its apostrophe, all of
    those of one of its `_spellings`; None when its words are too short to narrow."""
    pieces = trigrams(word)
    if not pieces:
        return None
    spellings = _spellings(_parts(word))
    if len(spellings) < 2:
        return _fts_query(pieces[:_MOST_PIECES])
    return " OR ".join(f"({_fts_query(spelt[:_MOST_PIECES])})" for spelt in spellings)


_ASCII_RUN = re.compile("[a-z]+")
_ASCII_WORD = re.compile("[A-Za-z]+")
_APOSTROPHED = re.compile("(?<![a-z])[a-z]'[a-z]+")
"""A run of letters with an apostrophe after its first, as a name's ("o'brien", "d'angelo")."""


def ascii_words(text: str, form: str) -> str:
    """The runs of ASCII letters of `text` (`form`, its `indexed_form`), each once, a space
    apart: the whole words an article is looked up by for a query word of ASCII letters
    (`word_run`). Its pattern matches a run whole: its edges are no letter or digit
    (`search_query.whole_words`), which the loose form keeps as they are, but for what it
    drops (zero-width characters, marks): the pattern may skip those between two letters
    ("do\u200bnt") or take them for an edge ("x\u200bdont"), so a word holding one is also
    cut there. A name's apostrophe after its first letter also left out ("o'brien" as
    "obrien" too), as a query may leave it out (`text_find.elided_apostrophe`)."""
    forms = [form]
    if _SKIPPED.search(text):
        cut = " ".join(
            piece
            for token in text.split()
            if _SKIPPED.search(token)
            for piece in _SKIPPED.split(token)
        )
        forms.append(indexed_form(cut))
    runs = [run for each in forms for run in _ASCII_RUN.findall(each)]
    if "'" in form:
        runs += [name.replace("'", "") for each in forms for name in _APOSTROPHED.findall(each)]
    return " ".join(dict.fromkeys(runs))


def _indexed_forms(text: str) -> tuple[str, str]:
    """`text`'s `indexed_form` and its `ascii_words`: a headline's, as its index keeps it."""
    form = indexed_form(text)
    return form, ascii_words(text, form)


def _words_query(word: str, prefix: bool | None) -> str | None:
    """The index's query of the runs of ASCII letters (`ascii_words`) for `word`: its run whole,
    or, a `prefix`, the runs starting so ("dont*", the prefix hint of a search of `dont` that
    found nothing, read its 229 articles too); None for a word of other characters, or when
    `prefix` is None (a caller not saying which: its trigrams alone)."""
    run = None if prefix is None else word_run(word)
    if run is None:
        return None
    return f"{_fts_query([run])} *" if prefix else _fts_query([run])


def word_run(word: str) -> str | None:
    """The run of ASCII letters an article holds (`ascii_words`) if `word`, a query's word
    matched whole, is in it: the word in lower case ("obrien" for "O'Brien" too); None for a
    word of other characters (a phrase, a figure, an accent, another script: its trigrams
    tell). Its trigrams in two other words ("don" of "don't", "ont" of "front") narrowed
    `dont` to the 229 articles holding both, of 15,000, none holding it (acc50d D4)."""
    word = typed(word)
    return word.lower() if _ASCII_WORD.fullmatch(word) else None


def _spellings(parts: list[str]) -> list[list[str]]:
    """The trigrams of each way the text may write `parts` where one may be a name typed
    without the apostrophe after its first letter: "dont" as "dont" or "d'ont". The rest of
    such a word alone ("ont") narrowed little: `dont`, which no article held, read the 9,500
    of 15,000 holding "ont" (acc50d D4). None past `_MOST_ELIDED` such words (`trigrams` then)."""
    elided = [n for n, part in enumerate(parts) if elided_apostrophe(part)]
    if not elided or len(elided) > _MOST_ELIDED:
        return []
    out: list[list[str]] = []
    for apostrophes in product((False, True), repeat=len(elided)):
        spelt = list(parts)
        for n, apostrophe in zip(elided, apostrophes, strict=True):
            spelt[n] = f"{parts[n][0]}'{parts[n][1:]}" if apostrophe else parts[n]
        out.append(_threes(spelt))
    return out


_MOST_ELIDED = 2
"""Words of a query phrase that may be names without their apostrophe looked up by each of
their spellings: 2 ** this many alternatives at most."""
_MOST_PIECES = 32
"""Trigrams asked for per spelling: a long phrase is narrowed enough by its first ones."""
# Runs of what is no letter or digit, but for a point or comma between two digits.
_PUNCTUATION = re.compile(r"(?:(?!(?<=\d)[.,]\d)[\W_])+")

KeySet = AbstractSet[str]
"""The keys of the articles a word may be in (`SearchIndex.candidates`)."""


def _figures_apart(part: str) -> list[str]:
    """`part` cut where the text may hold what the query doesn't type between its figures'
    pieces (`text_find.figure_gaps`, the one rule the search's pattern follows too): a long
    figure's thousands' groups, and a figure and the unit typed onto it."""
    gaps = sorted(figure_gaps(part))
    if not gaps:
        return [part]
    bounds = [0, *gaps, len(part)]
    return [part[low:high] for low, high in pairwise(bounds)]


def _fts_query(pieces: list[str]) -> str:
    # With detail=none FTS5 takes no phrase: each trigram is a term of its own, all required.
    return " AND ".join('"' + piece.replace('"', '""') + '"' for piece in pieces)


_caught_up: dict[Path, tuple[tuple[object, ...], dict[str, float]]] = {}
"""By index file, the signature of its rows and the articles' times (`SearchIndex.behind`)
last found to have nothing to catch up with."""


class _Running:
    """The catch-up of one index file under way in this process (held by `lock`), and who is
    told how far it is (`tell`): the catch-ups waiting for it too."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self._hearers: list[Callable[[int, int], None]] = []
        self.last: tuple[int, int] | None = None
        """How far the catch-up under way is (done, total); None when none is."""

    @contextmanager
    def heard_by(self, hearer: Callable[[int, int], None]) -> Iterator[None]:
        """`hearer` told of the catch-up under way while the block runs: at once how far it
        is, when one is under way, then after each batch."""
        self._hearers.append(hearer)
        if self.last is not None:
            hearer(*self.last)
        try:
            yield
        finally:
            self._hearers.remove(hearer)

    def tell(self, done: int, total: int) -> None:
        self.last = None if done == total else (done, total)
        for hearer in list(self._hearers):
            hearer(done, total)


_running: dict[Path, _Running] = {}
_running_made = threading.Lock()


def _running_for(path: Path) -> _Running:
    with _running_made:
        return _running.setdefault(path, _Running())


class SearchIndex:
    """The index file of one data directory, open."""

    def __init__(self, path: Path) -> None:
        self.path = path
        if not room_for_log_index(path):  # opened, SIGBUS would be a touch away
            raise sqlite3.OperationalError("database or disk is full")
        self._db = sqlite3.connect(path, timeout=_WAIT_SECONDS, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._create()
            back_log_index(path)
        except OSError:
            self._db.close()
            raise sqlite3.OperationalError("database or disk is full") from None
        except BaseException:
            self._db.close()
            raise

    def close(self) -> None:
        self._db.close()

    def _create(self) -> None:
        db = self._db
        (version,) = db.execute("PRAGMA user_version").fetchone()
        if version not in (0, SCHEMA):
            self._drop()
        with _transaction(db):
            db.execute(
                # An id is never used again: the rows a replaced or evicted article left
                # behind in `text` must not stand for another.
                "CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY AUTOINCREMENT,"
                " key TEXT UNIQUE NOT NULL, stored REAL NOT NULL)"
            )
            db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER)")
            db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS text USING fts5("
                "body, tokenize='trigram', detail=none, content='')"
            )
            db.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS words USING fts5("
                "body, tokenize='ascii', detail=none, content='')"
            )
            search_bodies.create(db)
            search_headlines.create(db)
            db.execute(f"PRAGMA user_version={SCHEMA}")

    def _drop(self, headlines: bool = True) -> None:
        for table in ("docs", "meta", "text", "words"):
            self._db.execute(f"DROP TABLE IF EXISTS {table}")
        search_bodies.drop(self._db)
        if headlines:  # of another form: the articles' rows alone are many left behind
            search_headlines.drop(self._db)
        self._db.execute("PRAGMA user_version=0")
        self._db.execute("VACUUM")

    def _garbage(self) -> int:
        row = self._db.execute("SELECT value FROM meta WHERE name = 'garbage'").fetchone()
        return int(row[0]) if row else 0

    def behind(self, stored: dict[str, float]) -> tuple[list[str], list[str]]:
        """Of the cached articles (`stored`: when the cache stored each, by key), those not
        indexed as stored now, and the keys indexed that the cache no longer holds.

        Nothing, told at once (~6 ms on a year's 51,220 against ~40 ms compared anew before
        every `F`), when `stored` is the very dict found caught up with last (`article_times`
        gives the same while the articles are as they were) and the index's rows are as they
        were then: their count, their times summed and the last id given (an article indexed,
        in any process, is given a new one)."""
        rows = self._db.execute("SELECT count(*), total(stored), max(id) FROM docs").fetchone()
        signature = tuple(rows)
        kept = _caught_up.get(self.path)
        if kept is not None and kept[0] == signature and kept[1] is stored:
            return [], []
        indexed = dict(self._db.execute("SELECT key, stored FROM docs").fetchall())
        new = [key for key, at in stored.items() if indexed.get(key) != at]
        gone = [key for key in indexed if key not in stored]
        if not new and not gone:
            _caught_up[self.path] = (signature, stored)
        return new, gone

    def catch_up(
        self,
        stored: dict[str, float],
        text_of: Callable[[str], Indexed | str | None],
        progress: Callable[[int, int], None] = lambda done, total: None,
        tight: bool = False,
    ) -> int:
        """Index what the cache holds now (`stored`, by key when it was stored; `text_of` gives
        an article's title, byline and text, None when gone since: as `Store.indexed` gives
        them, its text kept too, `search_bodies`; as one string, its words alone), forget what
        it no longer holds; the number of articles indexed. Starts afresh when the rows left
        behind outnumber the live ones (a thousand at least: a small index isn't made anew at
        every few articles cached again); `tight`, as a prune asks to give the disk back, when
        they would outnumber the live ones however few (made anew, a small index costs little).

        One catch-up of an index at a time in a process: another asked for meanwhile (the
        reader's `F` typed again while the first search's indexing runs, a sync ending) waits
        for it, told its `progress`, then indexes what is left, if anything. Each read every
        article's text and indexed the rows the other had not yet committed (acc33b B3's
        leftover: a search replaced mid-rebuild indexed twice)."""
        running = _running_for(self.path)
        with running.heard_by(progress), running.lock:
            try:
                return self._catch_up(stored, text_of, running.tell, tight)
            finally:
                running.last = None

    def _catch_up(
        self,
        stored: dict[str, float],
        text_of: Callable[[str], Indexed | str | None],
        progress: Callable[[int, int], None],
        tight: bool = False,
    ) -> int:
        new, gone = self.behind(stored)
        if not new and not gone and not tight:
            return 0
        indexed = {key for (key,) in self._db.execute("SELECT key FROM docs")}
        replaced = sum(key in indexed for key in new)  # each leaves a row behind, as one gone
        left_behind = self._garbage() + replaced + len(gone)
        if left_behind > (len(stored) if tight else max(1000, len(indexed))) and left_behind:
            self._drop(headlines=False)
            self._create()
            new, gone = list(stored), []
        done = 0
        progress(done, len(gone) + len(new))  # said before the first batch takes its time
        for batch in _batches([*gone, *new], _BATCH):
            self._index(batch, stored, text_of)
            done += len(batch)
            progress(done, len(gone) + len(new))
        return len(new)

    def _index(
        self,
        keys: list[str],
        stored: dict[str, float],
        text_of: Callable[[str], Indexed | str | None],
    ) -> None:
        db = self._db
        texts = {key: text_of(key) for key in keys if key in stored}  # read before the lock
        # Folded before the lock too: the form kept of each text (`search_bodies`).
        folded = {
            key: kept_folded(text.text) for key, text in texts.items() if isinstance(text, Indexed)
        }
        with _transaction(db):
            left = 0
            for key in keys:
                row = db.execute("SELECT id, stored FROM docs WHERE key = ?", (key,)).fetchone()
                text = texts.get(key)
                if row is not None and text is not None and row[1] == stored[key]:
                    continue  # another process indexed it meanwhile
                if row is not None:
                    db.execute("DELETE FROM docs WHERE id = ?", (row[0],))
                    search_bodies.forget(db, row[0])
                    left += 1
                if text is not None:
                    cursor = db.execute(
                        "INSERT INTO docs (key, stored) VALUES (?, ?)", (key, stored[key])
                    )
                    doc = cursor.lastrowid
                    whole = text if isinstance(text, str) else text.whole()
                    form = indexed_form(whole)
                    db.execute("INSERT INTO text (rowid, body) VALUES (?, ?)", (doc, form))
                    db.execute(
                        "INSERT INTO words (rowid, body) VALUES (?, ?)",
                        (doc, ascii_words(whole, form)),
                    )
                    if isinstance(text, Indexed) and doc is not None:
                        search_bodies.keep(db, doc, text, folded[key])
            if left:
                db.execute(
                    "INSERT INTO meta VALUES ('garbage', ?) ON CONFLICT(name)"
                    " DO UPDATE SET value = value + excluded.value",
                    (left,),
                )

    def give_back_room(self) -> None:
        """The file's free pages given back to the disk when they are a quarter of it or more
        (a prune evicted many articles: their kept texts' rows are deleted, and SQLite keeps
        the room for rows to come)."""
        (free,) = self._db.execute("PRAGMA freelist_count").fetchone()
        (pages,) = self._db.execute("PRAGMA page_count").fetchone()
        if free and 4 * free >= pages:
            self._db.execute("VACUUM")
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def caught_up_with(self, articles: tuple[object, ...]) -> bool:
        """Whether the index was last found up to date with the cache when its articles'
        signature was `articles` (`Store.article_signature`), its own rows as they are now:
        then it has nothing to catch up with, told without reading either's keys (a fresh
        process read them all: a year's, ~0.1 s of `reader list --search`)."""
        row = self._db.execute("SELECT value FROM meta WHERE name = 'caught up'").fetchone()
        return row is not None and row[0] == self._with_rows(articles)

    def note_caught_up_with(self, articles: tuple[object, ...]) -> None:
        """Keep that the index is up to date with the cache whose articles' signature was
        `articles` when they were read (`caught_up_with`)."""
        self._db.execute(
            "INSERT INTO meta VALUES ('caught up', ?) ON CONFLICT(name)"
            " DO UPDATE SET value = excluded.value",
            (self._with_rows(articles),),
        )

    def _with_rows(self, articles: tuple[object, ...]) -> str:
        # An article indexed, in any process, is given a new id; one dropped lowers the count.
        rows = self._db.execute("SELECT count(*), total(stored), max(id) FROM docs").fetchone()
        return repr((tuple(articles), tuple(rows)))

    def catch_up_headlines(
        self,
        lists: dict[str, float],
        headlines_of: Callable[[str], Iterable[HeadlineWords]],
        progress: Callable[[int, int], None] = lambda done, total: None,
    ) -> int:
        """Index the headlines of the lists (`lists`: when the store wrote each, by name;
        `headlines_of` gives a list's words) written since they were indexed, forget the lists
        gone (`search_headlines`, which tells `progress` of a first one); the headlines
        indexed."""
        if search_headlines.named_with_credentials(self._db):
            with _transaction(self._db):
                search_headlines.drop(self._db)
                search_headlines.create(self._db)
            # The freed pages, and the log's copies of them, still held the passwords.
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return search_headlines.catch_up(
            self._db, lists, headlines_of, _indexed_forms, _transaction, progress
        )

    def may_hold(self, word: str, prefix: bool | None = None) -> bool | None:
        """Whether a cached article or a headline may hold `word` (a word or phrase of a
        query; `prefix`, whether the words starting so are found: `_words_query`), told by the
        index alone; None when it is too short to tell."""
        match = _lookup(word)
        words = _words_query(word, prefix)
        if match is None and words is None:
            return None
        table, asked = ("words", words) if words is not None else ("text", match)
        query = f"SELECT 1 FROM {table} JOIN docs ON docs.id = {table}.rowid WHERE {table} MATCH ?"
        if self._db.execute(f"{query} LIMIT 1", (asked,)).fetchone() is not None:
            return True
        return self.headlines_may_hold(word, prefix)

    def headlines_may_hold(self, word: str, prefix: bool | None = None) -> bool:
        """Whether a headline may hold `word` (a word or phrase of a query; `prefix`, as for
        `may_hold`), told by the index alone; True when it is too short to tell."""
        if (words := _words_query(word, prefix)) is not None:
            return search_headlines.any_holding(self._db, words, words=True)
        match = _lookup(word)
        return match is None or search_headlines.any_holding(self._db, match)

    def candidates(
        self, word: str, known: Sequence[str] = (), prefix: bool | None = None
    ) -> KeySet | None:
        """The keys of the articles that may hold `word` (a word or phrase of a query;
        `prefix`, as for `may_hold`), None when it is too short to narrow them (every article
        may). Those of them in `known` (the cache's keys in order, held by the search already)
        are held as its very strings, in a dict's keys (`shared_keys`)."""
        words = _words_query(word, prefix)
        match = words if words is not None else _lookup(word)
        if match is None:
            return None
        table = "words" if words is not None else "text"
        query = (
            f"SELECT docs.key FROM {table} JOIN docs ON docs.id = {table}.rowid"
            f" WHERE {table} MATCH ? ORDER BY docs.key"
        )
        rows = self._db.execute(query, (match,))
        return dict.fromkeys(shared_keys(rows, known)).keys()


@contextmanager
def _transaction(db: sqlite3.Connection) -> Iterator[None]:
    """What the block writes, as one transaction: its lock taken at once (another process
    indexing waits for it, `_WAIT_SECONDS`), undone whole on any error, an interruption's too."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    # The log's index given its blocks ahead of the log growing into them (`log_index`).
    ((_, _, path), *_) = db.execute("PRAGMA database_list").fetchall()
    with suppress(OSError):  # no room: the log can't grow into them either
        back_log_index(Path(path))


def _batches(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def index_path(root: Path) -> Path:
    """The index file of the data directory at `root`."""
    return root / INDEX_FILE


def index_bytes(root: Path) -> int:
    """The bytes on disk of the data directory's index (with its write-ahead log), 0 when it
    has none (no search made yet)."""
    path = root / INDEX_FILE
    files = (path, path.with_name(path.name + "-wal"))
    return sum(f.stat().st_size for f in files if f.exists())


def open_index(root: Path, refused: list[sqlite3.Error] | None = None) -> SearchIndex | None:
    """The data directory's index, made when missing or damaged; None when it can't be opened
    or made (a read-only directory, a full disk): then the search scans, and `refused` is
    given the error that said why."""
    path = root / INDEX_FILE
    try:
        return SearchIndex(path)
    except sqlite3.OperationalError as error:  # can't be opened or written
        if refused is not None:
            refused.append(error)
        return None
    except sqlite3.DatabaseError:  # damaged: it is made again from the cache
        drop_index(root)
    try:
        return SearchIndex(path)
    except sqlite3.Error as error:
        if refused is not None:
            refused.append(error)
        return None


def drop_index(root: Path) -> None:
    """The data directory's index deleted (with its log), found damaged: the next search makes
    it again from the cache. Damaged inside, its header sound, it opened and failed at each
    search, which then scanned every article, for good (acc31a F6)."""
    path = root / INDEX_FILE
    for damaged in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        damaged.unlink(missing_ok=True)


def shared_keys(rows: Iterable[tuple[str]], known: Sequence[str]) -> Iterator[str]:
    """The keys of `rows` (in order), each one `known` holds (in order) as its string: a
    common word's 20,000 keys, read from the index as strings of their own and held in a
    set (whose table is three times a dict's), were 5 MB of the reader's peak as it
    searched them; these are 0.6 MB (acc45c C2). SQLite orders text as Python does (UTF-8's
    bytes as their code points)."""
    at = 0
    for (key,) in rows:
        at = bisect_left(known, key, at)
        yield known[at] if at < len(known) and known[at] == key else key


def keys_in(sets: Iterable[set[str] | None]) -> set[str] | None:
    """The keys in every set (None: no set narrows them)."""
    out: set[str] | None = None
    for keys in sets:
        if keys is not None:
            out = keys if out is None else out & keys
    return out
