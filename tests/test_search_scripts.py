"""A word found as its readers type it, in the scripts whose keyboards type it otherwise than
the page wrote it (acc31b): Persian's ی ک for Arabic's ي ك and its half-space, Egyptian ى and
ه, digits of every script, Hindi without its nukta, Turkish's ı under a capital, French's œ,
katakana typed as hiragana, a Latin word or a figure run into kanji, a Korean noun with its
particle, a Chinese phrase typed with a space, Simplified Chinese for Traditional. The same rule for the reading view's `/`
(`find_in_article`), the headline list's `/` and the search of every cached article (`F`,
`reader list --search`), through the index too."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.feed_names import folded
from reader.fold import composed, fold, has_accent
from reader.full_text import Query, matches
from reader.search_index import indexed_form, trigrams
from reader.text_find import typed
from reader.ui.widgets.main.headline_search import matching_names
from tests.test_cli import reader
from tests.test_find_in_article import found_in

# Each query, a text, and what of the text it lights (as the page has it).
_FOUND = [
    ("میلیارد", "هزار ميليارد تومان", "ميليارد"),  # Persian ی typed, the page's Arabic ي
    ("كرده", "اعلام کرده است", "کرده"),  # and back: Arabic ك typed, Persian ک printed
    ("نمی\u200cیابد", "او راهی نمی یابد.", "نمی یابد"),  # the half-space as a space
    ("نمی\u200cیابد", "او راهی نمییابد.", "نمییابد"),  # or as nothing
    ("نمی\u200cیابد", "او راهی نمی\u200cیابد.", "نمی\u200cیابد"),  # or as typed
    ("الصحة", "قال وزير الصحه أمس", "الصحه"),  # Egyptian ه for ة
    ("مستشفى", "في مستشفي القاهرة", "مستشفي"),  # and ي for ى, both ways
    ("مستشفي", "في المستشفى الكبير", "مستشفى"),
    ("2027", "في الربع الأول من عام ٢٠٢٧", "٢٠٢٧"),  # Arabic-Indic digits
    ("1405", "در سال ۱۴۰۵ افتتاح", "۱۴۰۵"),  # Persian ones
    ("२०२६", "in 2026 it opened", "2026"),  # and back
    ("1200", "१२०० मिलीमीटर बारिश", "१२००"),  # Devanagari ones
    ("जिला", "ज़िला अस्पताल में", "ज़िला"),  # the nukta left out (precomposed ज़)
    ("फैसला", "अदालत का फ\u093cैसला आया", "फ\u093cैसला"),  # and decomposed
    ("आएंगी", "बसें आएँगी", "आएँगी"),  # the anusvara for the chandrabindu
    ("Aralik", "Aralık ayında kar", "Aralık"),  # Turkish's ı under a capital
    ("Igdir", "Iğdır'da kar yağışı", "Iğdır"),
    ("Isik", "Işık Caddesi kapandı", "Işık"),
    ("ıgdır", "Iğdır'da kar yağışı", "Iğdır"),  # ı typed the Turkish way, g the ASCII way
    ("igdır", "Iğdır'da kar yağışı", "Iğdır"),
    ("القَاهِرَة", "استضافت القاهرة مؤتمر", "القاهرة"),  # harakat typed, none printed
    ("الْمِيَاه", "مؤتمر المياه هذا الأسبوع", "المياه"),
    ("القاهرة", "في القَاهِرَة أمس", "القَاهِرَة"),  # and back
    ("oeuvres", "les œuvres du musée", "œuvres"),  # French's œ typed as oe
    ("Oeuvre", "Œuvre complète", "Œuvre"),
    ("œuvre", "une oeuvre rare", "oeuvre"),
    ("JR", "ＪＲ北海道は運休", "ＪＲ"),  # a Latin word run into kanji
    ("2026", "2026年12月5日", "2026"),  # a figure too
    ("KTX", "KTX를 타고", "KTX"),  # and into Korean
    ("にゅーす", "けさのニュースです", "ニュース"),  # hiragana finds katakana
    ("すまーとふぉん", "新型ｽﾏｰﾄﾌｫﾝ発売", "ｽﾏｰﾄﾌｫﾝ"),  # the half-width ones too
    ("ニュース", "にゅーすの時間", "にゅーす"),  # and back
    ("귀갓길", "시민들이 귀갓길을 서둘렀다", "귀갓길"),  # a Korean noun, its particle on it
    ("서울", "서울시는 밝혔다", "서울"),
    ('"北陸 新幹線"', "北陸新幹線が運休した", "北陸新幹線"),  # a space typed between CJK words
    ('"札幌 初雪"', "札幌初雪観測", "札幌初雪"),
    ("台北", "記者陳美玲／臺北報導", "臺北"),  # Simplified typed, Traditional printed
    ("地铁", "捷運與地鐵", "地鐵"),
    ("陳美玲", "记者陈美玲报道", "陈美玲"),  # and back
]


def _whole_word(query: str, text: str) -> str:
    """What of `text` (composed) the search of cached articles (`F`, `list --search`) finds by
    `query`, "" for nothing."""
    word = Query(query).words[0]
    whole = composed(text)
    shown = text if whole is None else whole[0]
    match = word.found.search(fold(shown, word.accents))
    return "" if match is None else shown[match.start() : match.end()]


@pytest.mark.parametrize(("query", "text", "found"), _FOUND)
def test_a_word_is_found_as_its_readers_type_it(query: str, text: str, found: str) -> None:
    # The reading view's `/` lights the page's own characters.
    assert found_in(text, query.strip('"')) == [found]
    # The search of every article finds the same (composed, as it compares it; with the
    # article Arabic writes onto the word).
    whole = composed(found)
    assert _whole_word(query, text).endswith(found if whole is None else whole[0])
    # The index holds every piece the search looks the word up by (a prefilter drops nothing).
    form = indexed_form(text)
    assert all(piece in form for piece in trigrams(Query(query).words[0].typed)), form


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("서울", "남서울 지역"),  # a Korean noun's start is still a word's
        ("JR", "JRA北海道"),  # a Latin word run into kanji is still whole
        ("2026", "20267年"),
        ("جريف", "التجريف"),  # a letter of the word is no Arabic prefix
        ("port", "the report"),
        ("فجر", "فجري"),  # ي for ى finds no longer a word
        ('"北陸 新幹線"', "北陸の新幹線"),  # the space matches nothing, not a word
        ("مستشفى", "مستشفيات"),
    ],
)
def test_a_word_is_still_found_whole(query: str, text: str) -> None:
    assert matches(Query(query), "", text) is None


def test_each_fold_keeps_one_character_for_one_and_accents_stay_the_querys() -> None:
    for text in (
        "ميليارد كرده ی ک ى ة ۀ",
        "٢٠٢٧ ۱۴۰۵ २०२६ ๒๕๖๙ ١٫٥",
        "ニュース ｽﾏｰﾄ ヽヾ",
        "Aralık",
    ):
        assert len(fold(text)) == len(text)
    assert fold("ميليارد کرده مستشفى الصحة") == fold("میلیارد كرده مستشفي الصحه")
    assert fold("٢٠٢٧ ۱۴۰۵ २०२६ ๒๕๖๙ ١٫٥") == "2027 1405 2026 2569 1.5"
    assert fold("ニュース", accents=False) == "にゅーす"  # whatever the query: no accent
    assert fold("Iğdır") == "Igdir" and fold("Iğdır", accents=False) == "Iğdır"
    # The chandrabindu typed is an accent: then it is matched as typed. Turkish's ı is a key
    # of its own, no accent: "ıgdır" finds "Iğdır" (acc32a A22).
    assert not has_accent("ılık") and has_accent("आएँगी") and not has_accent("आएंगी")
    # Arabic's harakat are left out of a query as of the index: a vocalised word finds the
    # bare one, and the other way round.
    assert not has_accent(typed("القَاهِرَة"))
    assert found_in("आएँगी आएंगी", "आएँगी") == ["आएँगी"]
    assert found_in("ज़िला जिला", "ज़िला") == ["ज़िला"]  # a nukta typed: only with one
    # œ is two letters, its offsets kept: a match lights the one character.
    whole = composed("l’œuvre")
    assert whole is not None and whole[0] == "l’oeuvre"
    assert whole[1][2:4] == [2, 2] and whole[2][2:4] == [3, 3]


def test_a_name_is_compared_with_turkish_capitals_aside() -> None:
    assert folded("İSTANBUL") == folded("istanbul") == folded("Istanbul")
    assert folded("IŞIK") == folded("ışık")
    assert matching_names(["İSTANBUL", "Ankara", "ＪＲ北海道"], "istanbul") == [0]
    assert matching_names(["İSTANBUL", "Ankara", "ＪＲ北海道"], "jr") == [2]


_PAGES = {
    "/fa.html": ("fa", "خبر مترو", "هزار ميليارد تومان هزینه كرده است و راهی نمی یابد."),
    "/ar.html": ("ar", "خبر الصحة", "قال وزير الصحه إن المستشفى يفتح في عام ٢٠٢٧."),
    "/hi.html": ("hi", "ख़बर", "ज़िला अस्पताल का फ़ैसला: २०२६ में १२०० बिस्तर।"),
    "/tr.html": ("tr", "Haber", "Aralık ayında Iğdır'da Işık Caddesi kapandı."),
    "/fr.html": ("fr", "Nouvelles", "Les œuvres du musée sont prêtées à Lyon."),
    "/ja.html": ("ja", "雪", "ＪＲ北海道は北陸新幹線とスマートフォンのニュースを伝えた。"),
    "/ko.html": ("ko", "뉴스", "서울시는 귀갓길을 서두르는 시민들을 위해 버스를 늘렸다."),
}
_SEARCHES = [
    ("میلیارد کرده", "/fa.html"),
    ("نمی\u200cیابد", "/fa.html"),
    ("الصحة مستشفي 2027", "/ar.html"),
    ("जिला फैसला 2026 1200", "/hi.html"),
    ("Aralik Igdir Isik", "/tr.html"),
    ("ıgdır", "/tr.html"),
    ("وَزِير الصِّحَّة", "/ar.html"),
    ("oeuvres", "/fr.html"),
    ("JR すまーとふぉん にゅーす", "/ja.html"),
    ('"北陸 新幹線"', "/ja.html"),
    ("서울 귀갓길", "/ko.html"),
]


def serve_pages(
    httpserver: HTTPServer,
    pages: dict[str, tuple[str, str, str]],
    feed: str = "/feed.xml",
    name: str = "Dünya",
) -> None:
    """A feed at `feed` listing `pages` (by path: the language, title and text of each), and
    each page, served in UTF-8."""
    items = "".join(
        f"<item><title>{title} {path}</title><link>{httpserver.url_for(path)}</link>"
        f"<pubDate>Sat, 05 Dec 2026 0{n}:00:00 +0000</pubDate></item>"
        for n, (path, (_lang, title, _text)) in enumerate(pages.items())
    )
    httpserver.expect_request(feed).respond_with_data(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{name}</title>{items}'
        "</channel></rss>",
        content_type="application/rss+xml",
    )
    for path, (lang, title, text) in pages.items():
        body = f"<p>{text}</p><p>{text}</p>"
        httpserver.expect_request(path).respond_with_data(
            f"<!doctype html><html lang={lang}><head><meta charset=utf-8><title>{title}</title>"
            f"</head><body><article><h1>{title}</h1>{body}</article></body></html>",
            content_type="text/html; charset=utf-8",
        )


def searches_find(data: Path, feed: str, searches: list[tuple[str, str]]) -> None:
    """`feed` subscribed in `data` and synced; each query of `searches` finds through the
    index by `reader list --search` the one page named beside it."""
    assert reader(data, "add", feed).returncode == 0
    assert reader(data, "sync").returncode == 0
    for query, path in searches:
        found = reader(data, "list", "--search", query)
        assert found.returncode == 0, (query, found.stderr)
        lines = found.stdout.splitlines()
        assert len(lines) == 2 and path in lines[0], (query, found.stdout)


def test_list_search_and_tags_find_the_words_as_typed(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """Real pages cached by a sync, searched through the index by `reader list --search`; a
    feed tagged "İSTANBUL" listed by `--tag istanbul` (acc31b M12)."""
    serve_pages(httpserver, _PAGES)
    data = tmp_path / "home"
    searches_find(data, httpserver.url_for("/feed.xml"), _SEARCHES)
    assert reader(data, "tag", "Dünya", "İSTANBUL").returncode == 0
    tagged = reader(data, "list", "--tag", "istanbul")
    assert tagged.returncode == 0 and "/ko.html" in tagged.stdout, tagged.stderr


def test_a_snippet_of_a_text_with_a_ligature_marks_what_is_struck_through(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """A French text is compared with its "œ" as "oe": the runs struck through in it are
    marked where they are in the snippet, not dropped for being elsewhere in the text compared."""
    paragraphs = [
        "Le musée a prêté <del>douze</del> <ins>dix</ins> œuvres à Lyon, et la ﬁn du prêt "
        "est <s>en mars</s> en avril."
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    httpserver.expect_request("/pret.html").respond_with_data(
        "<!doctype html><html lang=fr><head><meta charset=utf-8><title>Prêt</title></head>"
        f"<body><article><h1>Prêt des œuvres</h1>{body}</article></body></html>",
        content_type="text/html; charset=utf-8",
    )
    data = tmp_path / "home"
    assert reader(data, "save", httpserver.url_for("/pret.html")).returncode == 0
    for query in ("musée", "oeuvres"):
        found = reader(data, "list", "--search", query)
        assert found.returncode == 0, found.stderr
        assert "prêté ~~douze~~ dix œuvres à Lyon, et la fin" in found.stdout, found.stdout
        assert "est ~~en mars~~ en avril" in found.stdout, found.stdout


def test_a_snippet_quotes_the_text_as_written() -> None:
    """The words are found in the text composed (œ as "oe"), the snippet quotes the article:
    it misspelt "sœurs Dubœuf" as "soeurs Duboeuf" (acc32a A8)."""
    text = (
        "Le chœur de l’Œuvre a rouvert ses portes samedi, après deux ans de travaux. "
        "Les sœurs Dubœuf ont chanté."
    )
    for query in ("choeur", "sœurs", "duboeuf", "oeuvre rouvert", '"soeurs duboeuf"'):
        line = matches(Query(query), "", text)
        assert line is not None and "oe" not in line, (query, line)
    assert "Les sœurs Dubœuf ont chanté." in (matches(Query("duboeuf"), "", text) or "")
