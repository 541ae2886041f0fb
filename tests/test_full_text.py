"""Searching every cached article's text (`reader list --search`, `full_text`): the words in
any order, in the title or the text, matched as the reading view's `/` matches them, with a
snippet of the text round the first match; the cache read only, never the network."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.cells import terminal_cells
from reader.full_text import SNIPPET_CELLS, TITLE_ALONE, Hit, Query, matches, search, snippet
from reader.library import Library
from reader.library.text_search import search_cached
from reader.models import Entry, TextMarks
from reader.reports import Headline
from tests.test_cli import reader

_PARAGRAPHS = {
    "/news/ferry.html": (
        "Ferry timetable to change as the winter crossings begin",
        [
            "The harbour board published its winter timetable on Monday, cutting the late "
            "crossing to Marram Point from three nights a week to one.",
            "Passengers travelling on to Łódź by the overnight coach will have to take the "
            "earlier boat, the board said, and the coach company has agreed to wait for it.",
            "“It’s the quietest season we have had in a decade,” the port’s manager told the "
            "meeting, adding that the summer timetable would return in April.",
        ],
    ),
    "/news/library.html": (
        "Library hours extended after readers' petition",
        [
            "Central Library will open until nine on weekdays from January, after a petition "
            "signed by more than four thousand readers reached the council.",
            "The extra hours cost less than expected, the librarian said: volunteers from the "
            "reading group will staff the desk on two of the five evenings.",
            "A pilot of Sunday opening is planned for the spring, if the winter evenings are "
            "used as much as the petition suggests they will be.",
        ],
    ),
}


def _no_marks() -> TextMarks:
    """The marks of a text with no struck-through run nor heading."""
    return TextMarks([], [])


def _page(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"</head><body><header><a href='/'>Harbour Weekly</a></header><main><article>"
        f"<h1>{title}</h1><p class='byline'>By Ines Marlow</p>{body}</article></main>"
        "<footer>© Harbour Weekly</footer></body></html>"
    )


def _synced(tmp_path: Path, httpserver: HTTPServer) -> Path:
    """A data directory synced from a feed of the two pages and one story taken down."""
    items = [
        (title, path, f"Mon, 0{n + 1} Dec 2026 08:00:00 +0000")
        for n, (path, (title, _paragraphs)) in enumerate(_PARAGRAPHS.items())
    ]
    items.append(
        ("Dockworkers vote on the pay offer", "/news/gone.html", "Sun, 30 Nov 2026 08:00:00 +0000")
    )
    feed = "".join(
        f"<item><title>{title}</title><link>{httpserver.url_for(path)}</link>"
        f"<pubDate>{when}</pubDate></item>"
        for title, path, when in items
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Weekly</title>{feed}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    for path, (title, paragraphs) in _PARAGRAPHS.items():
        httpserver.expect_request(path).respond_with_data(
            _page(title, paragraphs), content_type="text/html; charset=utf-8"
        )
    httpserver.expect_request("/news/gone.html").respond_with_data("gone", status=410)
    data = tmp_path / "home"
    assert reader(data, "add", httpserver.url_for("/feed.xml")).returncode == 0
    reader(data, "sync")
    return data


def test_list_search_finds_the_words_in_the_cached_text_offline(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = _synced(tmp_path, httpserver)
    requests = len(httpserver.log)
    # Both words, in the other order, the accent not typed: only the ferry story holds both.
    found = reader(data, "list", "--search", "lodz timetable")
    assert found.returncode == 0, found.stderr
    lines = found.stdout.splitlines()
    assert len(lines) == 2, found.stdout
    assert "Ferry timetable to change" in lines[0]
    # The snippet is round the first match in the text (the timetable in its first paragraph).
    assert lines[1].startswith("    ") and "winter timetable on Monday" in lines[1]
    # A typed ' finds the page's ’, as the reading view's search does.
    assert "Ferry timetable" in reader(data, "list", "--search", "port's manager").stdout
    # A word only the title holds finds the headline, the article's first words under it (not
    # a blank line); one that isn't cached is searched by its title, and says it has no text.
    only_title = reader(data, "list", "--search", "extended").stdout.splitlines()
    assert len(only_title) == 2 and "Library hours extended" in only_title[0]
    assert (
        only_title[1]
        == "    Central Library will open until nine on weekdays from January, after a petition signed by more than four…"
    )
    not_cached = reader(data, "list", "--search", "dockworkers").stdout.splitlines()
    assert len(not_cached) == 2 and "Dockworkers vote" in not_cached[0]
    assert not_cached[1] == f"    {TITLE_ALONE}"
    # The byline is searched as the title is: the author's name alone finds what she wrote
    # (each page says "By Ines Marlow"), and with a word of the text, that one.
    # Under each, the byline that holds the word ("by …"), then the text round the others.
    by_name = reader(data, "list", "--search", "marlow").stdout.splitlines()
    assert len(by_name) == 4 and "Library" in by_name[0] and "Ferry timetable" in by_name[2]
    assert by_name[1] == by_name[3] == "    by Ines Marlow"
    with_word = reader(data, "list", "--search", "ines marlow", "lodz").stdout.splitlines()
    assert len(with_word) == 2 and "Ferry timetable" in with_word[0]
    assert with_word[1].startswith("    by Ines Marlow · ") and "Łódź" in with_word[1]
    assert "by Ines" not in reader(data, "list", "--search", "lodz").stdout  # not in the text
    # The site's name is not (every article of the Harbour Weekly would hold "weekly").
    assert reader(data, "list", "--search", "weekly").stdout == ""
    # Every word must be there: none holds both.
    assert reader(data, "list", "--search", "petition ferry").stdout == ""
    # The words typed unquoted, as `F` takes them, up to the next option.
    unquoted = reader(data, "list", "--search", "lodz", "timetable", "--unread")
    assert unquoted.returncode == 0 and unquoted.stdout == found.stdout
    # A capital makes the case count (smartcase): "Library" as a name, not "library".
    assert "Library hours" in reader(data, "list", "--search", "Central").stdout
    assert reader(data, "list", "--search", "CENTRAL").stdout == ""
    rows = json.loads(reader(data, "list", "--search", "evenings", "--json").stdout)
    assert [row["title"] for row in rows] == ["Library hours extended after readers' petition"]
    assert "staff the desk on two of the five evenings." in rows[0]["snippet"]
    assert len(httpserver.log) == requests  # the cache only, never the network


def test_list_search_phrases_says_when_none_and_covers_every_cached_article(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = _synced(tmp_path, httpserver)
    # A phrase: those words in that order, across a line break or not; the snippet is there.
    phrase = reader(data, "list", "--search", '"late crossing to Marram"')
    assert phrase.returncode == 0, phrase.stderr
    lines = phrase.stdout.splitlines()
    assert len(lines) == 2 and "Ferry timetable" in lines[0]
    assert "cutting the late crossing to Marram Point" in lines[1]
    # The words apart are no phrase.
    none = reader(data, "list", "--search", '"crossing late"')
    assert none.returncode == 0 and none.stdout == ""
    assert "no headline or cached article holds “crossing late”" in none.stderr
    # The snippet is where the words are nearest each other: "the" and "April" in the last
    # paragraph, not the first "the".
    near = reader(data, "list", "--search", "summer", "the").stdout.splitlines()
    assert "summer timetable would return in April" in near[1]
    # With dates, "holds" alone would be untrue of the archive: the dates are named, and how
    # many hold the words outside them (acc27a A17).
    later = reader(data, "list", "--search", "lodz", "--since", "2026-12-05")
    assert later.returncode == 0 and later.stdout == ""
    assert (
        "no headline or cached article since 2026-12-05 holds “lodz” (1 outside those dates)"
    ) in later.stderr
    between = reader(
        data, "list", "--search", "marlow", "--since", "2026-11-01", "--before", "2026-11-15"
    )
    assert "between 2026-11-01 and 2026-11-15 holds “marlow” (2 outside those dates)" in (
        between.stderr
    )
    nowhere = reader(data, "list", "--search", "zanzibar", "--before", "2026-12-05")
    assert nowhere.stderr.strip().endswith("before 2026-12-05 holds “zanzibar”")
    # The index beside the cache, said by `reader cache`.
    assert "search index " in reader(data, "cache").stdout
    # The feed removed, its articles stay cached, and searched: under their site's name.
    assert reader(data, "remove", httpserver.url_for("/feed.xml")).returncode == 0
    kept = reader(data, "list", "--search", "lodz", "timetable")
    assert kept.returncode == 0, kept.stderr
    lines = kept.stdout.splitlines()
    assert len(lines) == 2 and "Harbour Weekly: Ferry timetable to change" in lines[0]
    shown = reader(data, "show", lines[0].split()[0], "--offline")
    assert shown.returncode == 0 and "Marram Point" in shown.stdout


def test_list_search_needs_a_word(tmp_path: Path) -> None:
    result = reader(tmp_path / "home", "list", "--search", "  ")
    assert result.returncode == 2
    assert "--search needs a word" in result.stderr


def test_matching_is_the_reading_views_and_each_word_anywhere() -> None:
    text = "Straße closed.\nThe café on Kaiserstraße reopens; “we’re back” says Zoë."
    assert matches(Query("strasse zoe"), "", text) is not None
    assert matches(Query("we're cafe"), "", text) is not None
    # An accent typed is matched as typed: "café" does not find "cafe" (nor the reverse here).
    assert matches(Query("café"), "", "the cafe") is None
    assert matches(Query("reopens missing"), "", text) is None
    assert matches(Query("harbour"), "Harbour news", text) == ""  # the title's alone: no snippet
    assert matches(Query(""), "", text) is None or not Query("")


def test_snippet_is_one_safe_line_round_the_match() -> None:
    words = " ".join(f"word{n}" for n in range(60))
    text = f"{words}\n\x1b]0;pwned\x07 needle in the \x1b[31mhay {words}"
    at = text.index("needle")
    line = snippet(text, at, at + len("needle"))
    assert "needle" in line and "\x1b" not in line and "\x07" not in line and "\n" not in line
    assert line.startswith("…word") and line.endswith("…")
    assert len(line) <= 130
    # Words are cut whole: every piece between spaces but the ends' is a whole word of the text.
    assert all(part in text for part in line.strip("…").split(" "))
    assert snippet("short text", 0, 5) == "short text"


def test_a_snippet_is_measured_in_cells_and_cut_at_chinese_punctuation() -> None:
    """A line of Chinese takes as many terminal cells as a line of French (two a character),
    and starts and ends after a punctuation mark, not in a word's middle."""
    sentences = (
        "审计署发现，港口疏浚工程的费用比市议会被告知的高出一倍。",
        "审计人员表示，合同中的附件载有罚款条款，但从未执行。",
        "委员会在十一月的会议上听取了报告，并要求港务局提交详细的账目。",
    )
    text = "".join(sentences * 4)
    at = text.index("港务局", 200)
    line = snippet(text, at, at + 3)
    assert "港务局" in line
    assert SNIPPET_CELLS - 30 <= terminal_cells(line) <= SNIPPET_CELLS + 2
    assert line[1] not in "，。" and line[0] == "…" and line[-1] == "…"
    assert text[text.index(line[1:-1]) - 1] in "，。"  # it starts after a mark
    assert line[-2] in "，。"  # and ends with one
    french = " ".join(["Le conseil a été informé des comptes du port en détail."] * 10)
    at = french.index("comptes", 200)
    latin = snippet(french, at, at + 7)
    assert SNIPPET_CELLS - 15 <= terminal_cells(latin) <= SNIPPET_CELLS + 2
    # With neither spaces nor marks, cut between two characters, in cells still.
    plain = "港湾契約の浚渫費用は市議会に報告された額の二倍だった" * 8
    at = plain.index("浚渫", 100)
    cut = snippet(plain, at, at + 2)
    assert "浚渫" in cut and SNIPPET_CELLS - 2 <= terminal_cells(cut) <= SNIPPET_CELLS + 2


def test_the_text_read_from_a_record_is_the_articles() -> None:
    """`Library.cached_text` reads the record without rebuilding the article: the same text."""
    from reader.codec import article_to_dict, text_from_dict
    from reader.full_text import article_text
    from reader.models import Article, Block, BlockKind, Inline

    def block(kind: BlockKind, *texts: str, **kwargs: object) -> Block:
        return Block(kind, tuple(Inline(t) for t in texts), **kwargs)  # type: ignore[arg-type]

    cells = ((Inline("Ferry"),), (), (Inline("06:40"), Inline(" daily", "http://x.test/")))
    article = Article(
        "http://x.test/a",
        "T",
        blocks=(
            block(BlockKind.HEADING, "Winter ", "timetable", level=2),
            block(BlockKind.PARAGRAPH, "The ", "board said so."),
            block(BlockKind.IMAGE, "Idle cranes at Eastquay"),
            Block(BlockKind.TABLE_ROW, (), 0, 1, cells),
            block(BlockKind.LIST_ITEM, "one item", level=1, ordinal=1, starts_list=True),
        ),
    )
    text = text_from_dict(article_to_dict(article))
    assert text == article_text(article)
    assert text == "Winter timetable\nThe board said so.\nFerry | — | 06:40 daily\none item"


def test_words_are_found_whole_a_star_finds_those_starting_so() -> None:
    """An archive search for "port" listed every "report", "support" and "important": a word
    is found whole (its plural and possessive with `*` and as written), a phrase too; a word
    in a script written without spaces (Chinese, Japanese, Thai) is found anywhere."""
    text = "The report said the port's cranes are idle. Ports of call: Portugal, Marseille."
    assert matches(Query("port"), "", text) is not None  # "port's"
    assert matches(Query("port"), "", "A report on support, an important export") is None
    assert matches(Query("port*"), "", "Two ports reopened") is not None
    assert matches(Query("port*"), "", "A report on support") is None
    assert matches(Query("art"), "", "the department's art collection") is not None
    assert matches(Query("art"), "", "the department's artists") is None
    assert matches(Query('"said the port"'), "", text) is not None
    assert matches(Query('"aid the port"'), "", text) is None
    assert matches(Query("edger"), "Harbour Ledger: costs", "the ledger") is None
    assert matches(Query("港口"), "", "审计署发现，港口疏浚工程的费用") is not None
    assert matches(Query("ท่าเรือ"), "", "การท่าเรือแห่งประเทศไทย") is not None
    assert matches(Query("lodz"), "", "born in Łódź, 1950") is not None


def test_a_pasted_query_of_thousands_of_words_is_cut_and_its_controls_removed() -> None:
    from reader.search_query import MOST_PHRASE_WORDS, MOST_TERMS, Query, terms

    assert terms("harbour " * 10_000) == ["harbour"]  # repeats dropped
    words = [f"w{n}" for n in range(500)]
    assert terms(" ".join(words)) == words[:MOST_TERMS]
    phrase = terms('"' + "harbour " * 10_000 + '"')
    assert phrase == [" ".join(["harbour"] * MOST_PHRASE_WORDS)]
    # A query holding a terminal's escape searches as it is shown: for the word alone.
    assert [w.typed for w in Query("\x1b]0;T\x07harbour").words] == ["harbour"]


def test_a_hit_found_by_its_title_alone_shows_what_it_is_about() -> None:
    """Its line was blank: now the article's first words, else the words of the feed's
    summary (its HTML read, never shown; its style sheet no part of them), else it says it
    has no text; a hit whose text or byline holds a word keeps its own line."""
    text = "\n\nThe harbour board met on Monday.\nIt agreed the winter timetable."
    summary = (
        "<style>p { color: red }</style><p>Crossings &amp; fares for the <b>winter</b>"
        "\x1b]8;;http://x/\x07 season.</p>"
    )

    def hit(title: str, cached: str | None, summary: str = "", author: str = "") -> str:
        entry = Entry("id", "https://x.example/feed", title, "https://x.example/a", author=author)
        headline = Headline(replace(entry, summary=summary), False, cached is not None)
        found = search([headline], Query("ferry"), lambda h: (cached or "", "", _no_marks, ""))
        assert len(found) == 1
        return found[0].line

    assert (
        hit("Ferry news", text)
        == "The harbour board met on Monday. It agreed the winter timetable."
    )
    assert hit("Ferry news", None, summary) == "Crossings & fares for the winter season."
    assert hit("Ferry news", "", summary) == "Crossings & fares for the winter season."
    assert hit("Ferry news", None) == TITLE_ALONE
    # A summary's start is read (its words, not its markup): a style sheet cut off by that end
    # shows nothing of itself, and "<" before a space is no tag.
    cut = "<p>Tides &lt; 2m, winds a < b</p><style>" + "p { color: red } " * 500 + "</style>"
    assert hit("Ferry news", None, cut) == "Tides < 2m, winds a < b"
    long = " ".join(["word"] * 100)
    lead = hit("Ferry news", long)
    assert lead.endswith("…") and terminal_cells(lead) <= SNIPPET_CELLS + 1
    assert hit("News", text + " The ferry sails.").startswith("…")
    assert hit("News", text, author="Ann Ferry") == "by Ann Ferry"


def test_a_hit_names_one_byline_not_the_feeds_and_the_pages_both() -> None:
    """The feed's "A and B" and the page's "A, B" name the same writers: the hit was said to
    be "by Maya Castellane and Owen Threlfall, Maya Castellane, Owen Threlfall"."""
    entry = Entry(
        "id",
        "https://x.example/feed",
        "Dredging deals",
        "https://x.example/a",
        author="Maya Castellane and Owen Threlfall",
    )

    def hits(query: str, page_byline: str) -> list[Hit]:
        headline = Headline(entry, False, True)
        return search(
            [headline],
            Query(query),
            lambda h: ("The channel was dredged.", page_byline, _no_marks, ""),
        )

    def line(query: str, page_byline: str) -> str:
        found = hits(query, page_byline)
        assert len(found) == 1
        return found[0].line

    # The page's, as the citation names them.
    assert line("castellane", "Maya Castellane, Owen Threlfall") == (
        "by Maya Castellane, Owen Threlfall"
    )
    assert line("threlfall", "") == "by Maya Castellane and Owen Threlfall"
    # The page names another writer: the feed's byline, which the article never shows, is
    # not searched (acc40a M2: a council's PDF listed "by Anna Müller", its feed's reporter).
    assert line("ines", "Ines Marlow") == "by Ines Marlow"
    assert hits("castellane", "Ines Marlow") == []


@pytest.mark.parametrize(
    ("feed_byline", "page_byline", "query", "said"),
    [
        # acc31b M6: the byline's own word for "by" was said after the hit's "by".
        (
            "Von Jürgen Weiß und Sabine Groß",
            "Jürgen Weiß, Sabine Groß",
            "weiss",
            "Jürgen Weiß, Sabine Groß",
        ),
        ("Von Jürgen Weiß und Sabine Groß", "", "weiss", "Jürgen Weiß und Sabine Groß"),
        ("Par Élodie Faure et Benoît Lefèvre", "", "elodie", "Élodie Faure et Benoît Lefèvre"),
        ("โดย สมชาย ใจดี", "", "สมชาย", "สมชาย ใจดี"),
        ("", "By Ines Marlow", "marlow", "Ines Marlow"),
    ],
)
def test_a_hits_byline_says_by_once(
    feed_byline: str, page_byline: str, query: str, said: str
) -> None:
    entry = Entry(
        "id", "https://x.example/feed", "Harbour news", "https://x.example/a", author=feed_byline
    )
    found = search(
        [Headline(entry, False, True)],
        Query(query),
        lambda h: ("The channel was dredged.", page_byline, _no_marks, ""),
    )
    assert [hit.line for hit in found] == [f"by {said}"]


def test_a_phrase_finds_its_words_hyphenated_or_not() -> None:
    """Remembered, a phrase's hyphenation is not: "gold plated" and "gold-plated" find each
    other, over a line break or an en dash too (acc27a A4); other words still don't."""
    hyphened = "The gold-plated dredging contract doubled."
    spaced = "The gold plated\ndredging contract doubled."
    for query in ('"gold plated dredging"', '"gold-plated dredging"', '"gold–plated"'):
        assert matches(Query(query), "", hyphened) is not None, query
        assert matches(Query(query), "", spaced) is not None, query
    assert matches(Query('"gold plated"'), "", "The gold and silver plated cups") is None
    assert matches(Query('"gold plated"'), "", "The goldplated cups") is None


def test_a_figure_is_found_whole_with_its_decimal_point() -> None:
    """ "9m" is not in "€0.9m" (acc27a A5), nor "500" in "1,500" or "2.500"; the figure
    itself, and one ending a sentence, are found."""
    assert matches(Query("9m"), "", "The accounts show €0.9m in fees.") is None
    assert matches(Query("9m"), "", "The deal cost €9m in all.") is not None
    assert matches(Query("500"), "", "Some 1,500 jobs and 2.500 more") is None
    assert matches(Query("500"), "", "It cost 500.") is not None
    assert matches(Query("0.9m"), "", "The accounts show €0.9m in fees.") is not None


def test_a_phrase_finds_its_words_whatever_the_punctuation_between_them() -> None:
    """A quotation's punctuation is not remembered, and a closing ” can't be typed in a
    phrase: "truth she said" finds “… the truth,” she said (acc27a A29)."""
    text = "“I'd call it economical with the truth,” she said. Was it legal? Nobody knows!"
    for query in ('"truth she said"', '"truth, she said"', '"was it legal nobody knows"'):
        assert matches(Query(query), "", text) is not None, query
    assert matches(Query('"truth said"'), "", text) is None


def test_a_word_typeset_with_a_ligature_is_found_as_typed(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """ "certiﬁés" with the ﬁ ligature (U+FB01, as text pasted from a PDF has it) is found by
    "certifiés" and "certifies", through the index and by the reading view's rule alike
    (acc27a A19); the page's text is kept as it was."""
    text = "Les produits certiﬁés et les ﬂeurs de la ﬀerme, a\ufb03liés au ré\ufb06au."
    for query in ("certifiés", "certifies", "certiﬁés", '"certifies et les fleurs"', "affilies"):
        assert matches(Query(query), "", text) is not None, query
    # The snippet shows the letters the ligature joins, as found.
    assert "certifiés" in (matches(Query("certifies"), "", text) or "")
    assert matches(Query("certi"), "", text) is None  # still a whole word
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Le Littoral</title><item>'
        f"<title>Marché du samedi</title><link>{httpserver.url_for('/bio.html')}</link>"
        "<pubDate>Mon, 30 Nov 2026 08:00:00 +0000</pubDate></item></channel></rss>"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    paragraphs = [text, "Le marché ouvre à huit heures, place du Port, chaque samedi matin."]
    httpserver.expect_request("/bio.html").respond_with_data(
        _page("Marché du samedi", paragraphs), content_type="text/html; charset=utf-8"
    )
    data = tmp_path / "home"
    assert reader(data, "add", httpserver.url_for("/feed.xml")).returncode == 0
    assert reader(data, "sync").returncode == 0
    for query in ("certifiés", "certifies", "fleurs"):
        found = reader(data, "list", "--search", query)
        assert found.returncode == 0, (query, found.stderr)
        assert "Marché du samedi" in found.stdout, query
    shown = reader(data, "show", found.stdout.split()[0], "--offline")
    assert "certiﬁés" in shown.stdout  # the page's own character, quoted as printed


def test_co2_finds_co2_written_with_a_lowered_figure(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """A page's CO<sub>2</sub> and m<sup>2</sup> are read as "CO₂" and "m²" and shown so; a
    search typed "CO2", "co2" or "m2" finds them, through the index (acc30a J13)."""
    paragraphs = [
        "The plant cut its CO<sub>2</sub> emissions by a third, the operator said on Monday.",
        "A new hall of 12,000 m<sup>2</sup> will hold the filters, and NO<sub>2</sub> is next.",
    ]
    httpserver.expect_request("/plant.html").respond_with_data(
        _page("Plant cuts emissions", paragraphs), content_type="text/html; charset=utf-8"
    )
    data = tmp_path / "home"
    assert reader(data, "save", httpserver.url_for("/plant.html")).returncode == 0
    for query in ("CO2", "co2", "m2", "no2 filters", '"12,000 m2"', "CO₂"):
        found = reader(data, "list", "--search", query)
        assert found.returncode == 0, (query, found.stderr)
        assert "Plant cuts emissions" in found.stdout, query
    assert "CO₂ emissions" in found.stdout  # the hit shows the page's characters
    shown = reader(data, "show", httpserver.url_for("/plant.html"), "--offline")
    assert "CO₂ emissions" in shown.stdout and "12,000 m²" in shown.stdout


def test_an_arabic_or_hebrew_word_is_found_with_the_prefixes_written_onto_it(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """The article ال and the one-letter words و ف ب ك ل (Arabic), ו ה ב כ ל מ ש (Hebrew)
    are written onto the next word: the bare word finds it, vowel points or not; a Latin
    word is matched whole as before, and a Persian word has no such prefixes (acc30a J22)."""
    arabic = "وأكدت الهيئة أن التجريف في الميناء سيبدأ، وطالبَ المجلسُ بالتَّجريف وللميناء"
    hebrew = "ראש העירייה אמר כי הנמל ייסגר, ממועצת העיר ושהנמל יפתח"
    found = {
        "تجريف": ["التجريف", "بالتَّجريف"],
        "ميناء": ["الميناء", "وللميناء"],
        "طالب": ["وطالبَ"],
        "مجلس": ["المجلسُ"],
        "נמל": ["הנמל", "ושהנמל"],
        "מועצת": ["ממועצת"],
        "עירייה": ["העירייה"],
    }
    for word, forms in found.items():
        query = Query(word)
        text = arabic if word[0] in "تمط" else hebrew
        assert [m.group() for m in query.words[0].found.finditer(text)] == forms, word
    assert matches(Query("جريف"), "", arabic) is None  # a letter of the word is no prefix
    assert matches(Query("מל"), "", hebrew) is None
    assert matches(Query("port"), "", "the report and the port's") is not None
    assert [m.group() for m in Query("port").words[0].found.finditer("report, port")] == ["port"]
    assert matches(Query("کتاب"), "", "بکتاب") is None  # Persian: ک, no Arabic prefixes
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>أخبار</title><item>'
        f"<title>تقرير المجلس</title><link>{httpserver.url_for('/ar.html')}</link>"
        "<pubDate>Mon, 30 Nov 2026 08:00:00 +0000</pubDate></item><item><title>דוח המועצה</title>"
        f"<link>{httpserver.url_for('/he.html')}</link>"
        "<pubDate>Mon, 30 Nov 2026 09:00:00 +0000</pubDate></item></channel></rss>"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    for path, lang, title, text in (
        ("/ar.html", "ar", "تقرير المجلس", arabic),
        ("/he.html", "he", "דוח המועצה", hebrew),
    ):
        body = f"<p>{text}.</p><p>{text}، {text}.</p>"
        httpserver.expect_request(path).respond_with_data(
            f"<!doctype html><html lang={lang} dir=rtl><head><meta charset=utf-8><title>{title}"
            f"</title></head><body><article><h1>{title}</h1>{body}</article></body></html>",
            content_type="text/html; charset=utf-8",
        )
    data = tmp_path / "home"
    assert reader(data, "add", httpserver.url_for("/feed.xml")).returncode == 0
    assert reader(data, "sync").returncode == 0
    for query, title in (("تجريف", "تقرير المجلس"), ("طالب مجلس", "تقرير المجلس")):
        result = reader(data, "list", "--search", query)
        assert result.returncode == 0, (query, result.stderr)
        assert title in result.stdout, query
    result = reader(data, "list", "--search", "נמל מועצת")
    assert result.returncode == 0 and "דוח המועצה" in result.stdout, result.stderr


def test_or_minus_and_not_are_read_and_a_capital_finding_nothing_says_so(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """As news databases read them: `OR` finds either word, `-word` and `NOT word` leave out
    what holds it, `AND` is the default; in capitals only ("or" is a word). A query in
    capitals finding nothing says what it finds in lower case (acc30a J12)."""
    data = _synced(tmp_path, httpserver)

    def titles(*words: str) -> list[str]:
        found = reader(data, "list", "--search", *words)
        assert found.returncode == 0, (words, found.stderr)
        return [line.split(": ", 1)[1] for line in found.stdout.splitlines()[::2]]

    ferry, library = "Ferry timetable to change", "Library hours extended"
    both = titles("lodz", "OR", "petition")
    assert len(both) == 2 and both[0].startswith(library) and both[1].startswith(ferry)
    for words in (("winter", "-petition"), ("winter", "NOT", "petition")):
        assert [t[: len(ferry)] for t in titles(*words)] == [ferry], words
    assert [t[: len(library)] for t in titles("winter", "AND", "petition")] == [library]
    assert len(titles("winter")) == 2
    gone = reader(data, "list", "--search", "lodz", "-ferry")
    assert gone.returncode == 0 and gone.stdout == ""
    assert "holds lodz and none of: ferry" in gone.stderr
    capitals = reader(data, "list", "--search", "LODZ", "OR", "PETITION")
    assert capitals.returncode == 0, capitals.stdout
    assert (
        "holds LODZ or PETITION (a capital makes case count: lodz OR petition finds 2)"
        in capitals.stderr
    )


def test_a_headline_with_no_text_cached_is_found_by_its_feeds_text(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """A PDF's headline (never cached: no article page) is found by the words of the feed's
    description of it, which its hit shows; so is one not fetched yet. Through the index and
    by a scan alike (acc30a J16)."""
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title><item>'
        f"<title>Full audit report (PDF)</title><link>{httpserver.url_for('/audit.pdf')}</link>"
        "<description>The &lt;b&gt;auditor&amp;#8217;s&lt;/b&gt; report on the dredging"
        " contract.</description><pubDate>Mon, 30 Nov 2026 08:00:00 +0000</pubDate></item>"
        "</channel></rss>"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    httpserver.expect_request("/audit.pdf").respond_with_data(
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", content_type="application/pdf"
    )
    data = tmp_path / "home"
    assert reader(data, "add", httpserver.url_for("/feed.xml")).returncode == 0
    for synced in (False, True):
        if synced:
            assert reader(data, "sync").returncode == 0
        found = reader(data, "list", "--search", "auditor's", "dredging")
        assert found.returncode == 0, (synced, found.stderr)
        head, line = found.stdout.splitlines()
        assert "Full audit report (PDF)" in head
        assert line == "    The auditor’s report on the dredging contract.", synced
    assert reader(data, "list", "--search", "auditor", "-dredging").returncode == 0
    lib = Library(data, workers="thread")
    try:
        query = Query("auditor")
        indexed = search_cached(lib, lib.headlines(), query)
        scanned = search_cached(lib, lib.headlines(), query, use_index=False)
        assert indexed.indexed and not scanned.indexed
        assert [h.line for h in indexed.hits] == [h.line for h in scanned.hits]
        assert len(indexed.hits) == 1 and not indexed.hits[0].headline.cached
    finally:
        lib.close()


def test_a_saved_undated_story_is_not_found_again_under_a_second_id_by_dates_or_unread(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """--since, --before and --unread leave a headline out of a search; its cached (saved)
    article was then searched as one no headline lists, and came back under a second id,
    unread and feedless. It is its headline's, in or out (acc30a J21)."""
    feed = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Ledger</title><item>'
        f"<title>Winter ferry timetable</title><link>{httpserver.url_for('/ferry.html')}</link>"
        "</item></channel></rss>"
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        feed, content_type="application/rss+xml"
    )
    paragraphs = ["The skerry crossing runs twice a day from December, the ferry company said."]
    httpserver.expect_request("/ferry.html").respond_with_data(
        _page("Winter ferry timetable", paragraphs), content_type="text/html; charset=utf-8"
    )
    data = tmp_path / "home"
    assert reader(data, "add", httpserver.url_for("/feed.xml")).returncode == 0
    ident = reader(data, "list", "--ids").stdout.split()[0]
    assert reader(data, "save", ident).returncode == 0
    assert reader(data, "mark-read", "--feed", "Harbour Ledger").returncode == 0
    assert reader(data, "list", "--search", "skerry", "--ids").stdout.split() == [ident]
    for dates in (["--since", "2026-12-01"], ["--before", "2030-12-10"], ["--unread"]):
        found = reader(data, "list", "--search", "skerry", *dates)
        assert found.returncode == 0 and found.stdout == "", (dates, found.stdout)
    outside = reader(data, "list", "--search", "skerry", "--since", "2026-12-01")
    assert "(1 outside those dates)" in outside.stderr


def test_a_snippet_marks_struck_through_text_as_the_text_does(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """`<del>€9.4m</del> <ins>€6.1m</ins>` reads "~~€9.4m~~ €6.1m" in the text; a hit's line
    read "€9.4m €6.1m", both figures as if both stood (acc30a J31). The marks are text."""
    paragraphs = [
        "The authority first said it paid <del>€9.4m</del> <ins>€6.1m</ins> for the dredging "
        "of the outer channel, a correction added on Tuesday.",
        "Its report was <s>finished</s> <s>in March</s> late, and the board heard of it in June.",
    ]
    httpserver.expect_request("/dredging.html").respond_with_data(
        _page("Dredging bill corrected", paragraphs), content_type="text/html; charset=utf-8"
    )
    data = tmp_path / "home"
    assert reader(data, "save", httpserver.url_for("/dredging.html")).returncode == 0
    found = reader(data, "list", "--search", "€9.4m")
    assert found.returncode == 0, found.stderr
    assert "paid ~~€9.4m~~ €6.1m for the dredging" in found.stdout
    # Two struck runs side by side with a space between them: each marked, as the text is.
    rows = json.loads(reader(data, "list", "--search", "board", "june", "--json").stdout)
    assert "was ~~finished~~ ~~in March~~ late" in rows[0]["snippet"]
    assert "~~" not in rows[0]["title"]


def test_struck_runs_are_read_from_a_record_where_the_text_has_them() -> None:
    from reader.codec import article_to_dict, struck_from_dict, text_from_dict
    from reader.models import Article, Block, BlockKind, Inline

    article = Article(
        "http://x.test/a",
        "T",
        blocks=(
            Block(BlockKind.PARAGRAPH, (Inline("Paid "), Inline(" €9.4m ", struck=True))),
            Block(BlockKind.PARAGRAPH, (Inline("€6"), Inline(".1m", struck=True), Inline("!"))),
        ),
    )
    record = article_to_dict(article)
    text, struck = text_from_dict(record), struck_from_dict(record)
    # Without their outer spaces, as Markdown marks them; a later line's counted from its start.
    assert [text[a:b] for a, b in struck] == ["€9.4m", ".1m"]
    assert snippet(text, 0, 4, struck) == "Paid ~~€9.4m~~ €6~~.1m~~!"


def test_tag_narrows_a_search_to_a_tags_list_and_minus_tag_leaves_it_out(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """`tag:NAME` among the words: only the articles filed under the tag, and the headlines of
    the feeds filed under it, as `--tag` lists them; case aside, as tags are compared; a tag
    alone lists its articles; `-tag:NAME` leaves them out. A tag is no word of the text."""
    data = _synced(tmp_path, httpserver)
    ids = {
        line.split(": ", 1)[1][:5]: line.split()[0]
        for line in reader(data, "list").stdout.splitlines()
    }
    assert reader(data, "tag", ids["Ferry"], "Strikes", "long read").returncode == 0

    def titles(*words: str) -> list[str]:
        found = reader(data, "list", "--search", *words)
        assert found.returncode in (0, 1), found.stderr
        return [line.split(": ", 1)[1][:5] for line in found.stdout.splitlines()[::2]]

    assert sorted(titles("winter")) == ["Ferry", "Libra"]  # both hold it
    assert titles("tag:strikes", "winter") == ["Ferry"]
    assert titles('TAG:"Long  Read" winter') == ["Ferry"]
    assert titles("winter", "-tag:STRIKES") == ["Libra"]
    assert titles("winter NOT tag:strikes") == ["Libra"]
    assert titles("tag:strikes") == ["Ferry"]  # a tag alone: its articles
    assert titles("tag:nothing,strikes", "winter") == ["Ferry"]  # either
    assert titles("tag:nothing OR tag:strikes", "winter") == ["Ferry"]
    assert titles("tag:strikes", "petition") == []
    none = reader(data, "list", "--search", "tag:Fishing", "winter")
    assert none.returncode == 0 and none.stdout == ""
    assert "no headline or cached article holds “winter”, tagged #Fishing" in none.stderr
    # A feed's tag: its headlines are in the tag's list.
    assert reader(data, "tag", httpserver.url_for("/feed.xml"), "harbour").returncode == 0
    assert sorted(titles("tag:harbour", "winter")) == ["Ferry", "Libra"]
    assert titles("tag:harbour", "winter", "-tag:strikes") == ["Libra"]
    as_json = json.loads(reader(data, "list", "--search", "tag:strikes", "--json").stdout)
    assert [row["title"][:5] for row in as_json] == ["Ferry"]
    # No feed lists them any more: the saved one found by its own tags, the other not.
    assert reader(data, "remove", httpserver.url_for("/feed.xml")).returncode == 0
    assert titles("tag:strikes", "winter") == ["Ferry"]
    assert titles("winter", "-tag:strikes") == ["Libra"]


def test_a_turkish_capital_dotted_i_query_gets_the_case_hint() -> None:
    """`İSTANBUL` as a Turkish keyboard types it in capitals: lowered by Python it was
    "i̇stanbul" (i and a combining dot), which found nothing, so no hint (acc38a J4)."""
    from reader.search_query import Query

    lowered = Query("İSTANBUL OR IĞDIR").loosened()
    # ı is i to the search anyway; ğ's mark goes with the capitals (acc38a J5).
    assert lowered is not None and lowered.text == "istanbul OR igdir"
