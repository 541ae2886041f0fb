"""A UTF-8 page some of whose paragraphs were pasted from an older page in windows-1250 (or
ISO-8859-2): Polish, Czech, Slovak, Hungarian and Croatian text. Those bytes are read in the
Central European charset when all the page's strays together read as one such language, and a
Western page's strays ("café", "œuvre", "año") stay windows-1252."""

from __future__ import annotations

import re

import pytest

from reader.charset import decode_html, detect_charset


def news_page(paragraphs: list[str], codec: str, lang: str | None) -> bytes:
    """A regional paper's UTF-8 template (English chrome, its own name), and the story's
    paragraphs written in `codec`."""
    html_lang = f' lang="{lang}"' if lang else ""
    template = (
        f'<!DOCTYPE html><html{html_lang}><head><meta charset="utf-8">'
        "<title>Harbour Gazette — News</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Council — budget</h1>"
        "<p class=byline>By Łukasz Żak, Zoë Dvořáková and José Ortíz · 3 March 2026</p>"
    ).encode()
    body = "".join(f"<p>{p}</p>" for p in paragraphs).encode(codec)
    return template + body + "</article><footer>© 2026</footer></body></html>".encode()


POLISH = [
    "Rada miasta przyjęła w środę budżet na przyszły rok. Radni opozycji skrytykowali "
    "podwyżkę podatków, a prezydent bronił „koniecznych inwestycji” w szkoły.",
    "Mieszkańcy Łodzi są rozczarowani: liczyli na remont drogi nad zalewem, zamkniętej od "
    "zimy. Rybacy wciąż czekają na naprawę dźwigu w porcie.",
]
CZECH = [
    "Zastupitelstvo ve středu schválilo rozpočet na příští rok. Opozice kritizovala zvýšení "
    "daní, starosta hájil nutné investice do škol a knihovny.",
    "Obyvatelé jsou zklamaní: čekali na opravu silnice u přehrady, která je od zimy zavřená. "
    "Rybáři stále čekají na opravu jeřábu v přístavu.",
]
SLOVAK = [
    "Zastupiteľstvo v stredu schválilo rozpočet na budúci rok. Opozícia kritizovala zvýšenie "
    "daní, primátor obhajoval potrebné investície do škôl a knižnice.",
    "Obyvatelia sú sklamaní: čakali na opravu cesty pri priehrade, ktorá je od zimy zatvorená. "
    "Rybári stále čakajú na opravu žeriavu v prístave.",
]
HUNGARIAN = [
    "A képviselő-testület szerdán elfogadta a jövő évi költségvetést. Az ellenzék bírálta az "
    "adóemelést, a polgármester szerint a beruházások szükségesek.",
    "A lakók csalódottak: a tóparti út felújítására vártak, amely tél óta zárva van. A "
    "halászok még mindig várják a kikötői daru javítását, de a hídé lesz az első.",
]
CROATIAN = [
    "Gradsko vijeće u srijedu je usvojilo proračun za sljedeću godinu. Oporba je kritizirala "
    "povećanje poreza, a gradonačelnik je branio ulaganja u škole i knjižnicu.",
    "Građani su razočarani: čekali su popravak ceste uz jezero, zatvorene od zime. Ribari još "
    "čekaju popravak dizalice u luci.",
]
# What Central European text read as windows-1252 gives ("Poci¹g", "pøíští", "jövõ",
# "vijeæe"), or as another charset of the family ("příątí"), and U+FFFD.
MOJIBAKE = re.compile("[\ufffd¹³¿¾¼£¥ªºøèìòùõûæðñêãåŕĺ]")

CASES = [
    ("pl", POLISH, "cp1250"),
    ("cs", CZECH, "cp1250"),
    ("sk", SLOVAK, "cp1250"),
    ("hu", HUNGARIAN, "cp1250"),
    ("hr", CROATIAN, "cp1250"),
    ("cs", CZECH, "iso8859_2"),
    ("pl", POLISH, "iso8859_2"),
]


@pytest.mark.parametrize("named", [True, False], ids=["lang-named", "no-lang"])
@pytest.mark.parametrize(
    ("lang", "paragraphs", "codec"), CASES, ids=[f"{c[0]}-{c[2]}" for c in CASES]
)
def test_central_european_paragraphs_in_a_utf8_page_read_right(
    lang: str, paragraphs: list[str], codec: str, named: bool
) -> None:
    """Read as windows-1252 they were "Rada miasta przyjê³a w œrodê bud¿et", "pøíští",
    "jövõ évi", "vijeæe": now each paragraph reads as written, and the template's UTF-8 too."""
    if codec == "iso8859_2":  # it has no „ ”: its writers typed ASCII quotes
        paragraphs = [p.replace("„", '"').replace("”", '"') for p in paragraphs]
    raw = news_page(paragraphs, codec, lang if named else None)
    assert detect_charset(raw) == "utf-8"
    text = decode_html(raw)
    assert "<h1>Council — budget</h1>" in text and "<footer>© 2026</footer>" in text
    assert "By Łukasz Żak, Zoë Dvořáková and José Ortíz · 3 March 2026" in text
    for paragraph in paragraphs:
        assert f"<p>{paragraph}</p>" in text
    assert not MOJIBAKE.search(text), MOJIBAKE.findall(text)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("pl", POLISH[0].split(". ")[0] + "."),
        ("cs", CZECH[0].split(". ")[0] + "."),
        ("sk", SLOVAK[0].split(". ")[0] + "."),
        ("hu", HUNGARIAN[0].split(". ")[0] + "."),
        ("hr", CROATIAN[0].split(". ")[0] + "."),
        ("pl", "ŻÓŁĆ GĘŚLĄ JAŹŃ, WOŁA MĄŻ Z ŁODZI"),
    ],
    ids=["pl", "cs", "sk", "hu", "hr", "pl-capitals"],
)
def test_one_sentence_on_a_page_in_its_language_reads_right(lang: str, sentence: str) -> None:
    """A sentence gives few letters to judge by ("rozpoèet" for "rozpočet"); on a page that
    names the language, they are enough. Capitals two of which make a UTF-8 character by chance
    ("GĘŚ" is "Gʌ" in UTF-8) read with the rest of their word."""
    text = decode_html(news_page([sentence], "cp1250", lang))
    assert f"<p>{sentence}</p>" in text


WESTERN = [
    ("fr", "Le célèbre café du port, la crème brûlée et l’œuvre complète du sculpteur. "
     "Où est-elle ? À côté de la fenêtre, près du théâtre, où l’on mange des crêpes."),
    ("de", "Die Bürger müssen größere Straßen überqueren, sagte Bürgermeister Müller."),
    ("es", "¿Dónde está el dinero?, preguntó la oposición. El señor alcalde anunció que la "
     "próxima reunión será mañana; los niños esperan el año nuevo. ¡Qué vergüenza!"),
    ("pt", "A câmara aprovou o orçamento. As populações não estão satisfeitas: as ligações de "
     "autocarro são poucas, e não há soluções à vista."),
    ("it", "La città è più bella così, perché può essere già là: il sindaco però ha detto che "
     "la qualità crescerà lunedì e martedì."),
    ("da", "Søren Jørgensen fra Århus sagde, at færgen til Ærø skal sejle hver dag, og at "
     "børnene får en ny skole på Østerbro."),
    ("sv", "Kommunfullmäktige i Malmö beslutade om nästa års budget; färjan till Öland går."),
    ("en", "Prices: £5, £10 and £20 — 20°C, ½ price, © 2026 Harbour Gazette®"),
]  # fmt: skip


@pytest.mark.parametrize("named", [True, False], ids=["lang-named", "no-lang"])
@pytest.mark.parametrize(("lang", "paragraph"), WESTERN, ids=[w[0] for w in WESTERN])
def test_western_strays_stay_windows_1252(lang: str, paragraph: str, named: bool) -> None:
    """The other way round: French, German, Spanish, Italian, Portuguese, Danish and Swedish
    strays read in windows-1250 are no one language's letters ("crčme brűlée", "Lŕ", "Sřren",
    "żDónde"), and stay windows-1252."""
    text = decode_html(news_page([paragraph], "cp1252", lang if named else None))
    assert f"<p>{paragraph}</p>" in text


@pytest.mark.parametrize(
    "stray", ["café", "crème", "São Paulo", "naïve Zoë", "Škoda, crème"], ids=lambda s: s
)
@pytest.mark.parametrize("lang", ["pl", "cs", None])
def test_a_stray_word_never_flips_a_page(stray: str, lang: str | None) -> None:
    """Thin evidence keeps windows-1252, even on a page in Polish or Czech: one "é" reads
    alike in both, one "è" could be Czech "č" ("crčme") or French."""
    text = decode_html(news_page([stray], "cp1252", lang))
    assert f"<p>{stray}</p>" in text


def test_oe_and_other_windows_1252_letters_under_0xc0_read_right() -> None:
    """ "œuvre" was "\ufffduvre": windows-1252's letters at 0x8A–0x9F (Š Œ Ž š œ ž Ÿ) were
    read only as punctuation or not at all."""
    paragraph = "L’œuvre de Škoda, un cœur à l’ouvrage ; Œdipe, Ÿ."
    text = decode_html(news_page([paragraph], "cp1252", "fr"))
    assert f"<p>{paragraph}</p>" in text


def test_a_utf8_word_a_stray_byte_follows_keeps_its_letters() -> None:
    """A UTF-8 word followed by a stray byte is no windows-1250 text: "дорог.\xff" keeps
    "дорог." (read whole in windows-1250, the word was "Đ´ĐžŃ€ĐžĐł"), and the strays around
    it are judged and read without it."""
    raw = news_page([], "utf-8", "pl").replace(
        b"</article>",
        "<p>Łódź, Kraków i дорог.".encode() + b"\xff Za\xbf\xf3\xb3\xe6</p></article>",
    )
    text = decode_html(raw)
    assert "<p>Łódź, Kraków i дорог." in text and " Zażółć</p>" in text


def test_an_article_with_polish_paragraphs_is_extracted_right() -> None:
    """The whole extraction, as a fetch's bytes and Content-Type give it."""
    from reader.extract import extract_article, to_text

    story = [
        *POLISH,
        "Prezydent zapowiedział, że decyzja w sprawie dźwigu zapadnie do końca miesiąca. "
        "Związkowcy grożą strajkiem, jeśli naprawa się opóźni.",
    ]
    raw = news_page(story, "cp1250", "pl")
    article = extract_article(raw, "http://127.0.0.1/budzet.html", "utf-8")
    text = to_text(article)
    for paragraph in story:
        assert paragraph in text
    assert not MOJIBAKE.search(text)


def test_a_feed_whose_items_mix_utf8_and_windows_1250_reads_right() -> None:
    """Through the feed parser: an aggregator's UTF-8 feed, two of whose items were copied from
    a windows-1250 source."""
    from reader.feeds import parse_feed
    from tests.test_charset_mixed import mixed_feed

    items = [
        ("Prom nie kursuje drugi dzień", "Firma zwróci pieniądze za bilety.", "utf-8"),
        ("Budżet przyjęty", POLISH[0], "cp1250"),
        ("Rozpočet schválen", CZECH[0], "cp1250"),
    ]
    feed = mixed_feed("Wiadomości z regionu", items, "<language>pl</language>")
    parsed = parse_feed(feed, "http://127.0.0.1/f.xml", "", "text/xml", None)
    assert parsed.title == "Wiadomości z regionu"
    assert [(e.title, e.summary) for e in parsed.entries] == [(t, d) for t, d, _ in items]
