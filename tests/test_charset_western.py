"""A short windows-1252 page without a charset, naming its Western language in `<html lang>`,
reads in windows-1252: statistics alone read two paragraphs of Portuguese as Chinese in GB18030
and a French one as windows-1250. Pages in other charsets, named or not, still read right."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.charset import decode_html, detect_charset


def news_page(text: str, lang: str | None, meta: str = "") -> str:
    named = f' lang="{lang}"' if lang else ""
    return (
        f"<!doctype html><html{named}><head>{meta}<title>Porto</title></head><body><article>"
        f"<h1>Porto</h1><p>{text}</p><p>{text}</p></article></body></html>"
    )


WESTERN = {
    "pt": "A doca de Setúbal fechou na terça-feira. Os barcos não saíram para o mar.",
    "fr": "La criée a facturé 12 € la caisse. Œuvre du port, le cœur — « déjà » vu.",
    "es": "La lonja de Cádiz cerró el miércoles; ¿volverán mañana?",
    "it": "Il molo di Livorno è chiuso: le navi non entrerà più, così dicono.",
    "de": "Die Fähre über die Förde fällt aus, sagte die Behörde.",
    "nl": "De veerboot naar Texel voer één keer, zei de coördinator.",
    "ca": "El moll de Tarragona va tancar dimarts; el col·legi d’enginyers ho lamenta.",
    "da": "Færgen til Ærø sejler ikke i dag på grund af stormen.",
    "sv": "Färjan till Åland går inte i dag på grund av stormen.",
    "en": "The café on the quay said its crème brûlée sales fell — a “disaster”.",
}


@pytest.mark.parametrize("lang", WESTERN)
def test_a_short_windows_1252_page_reads_in_the_language_it_names(lang: str) -> None:
    raw = news_page(WESTERN[lang], lang).encode("cp1252")
    assert detect_charset(raw) == "cp1252"
    assert WESTERN[lang] in decode_html(raw)


def test_the_portuguese_brief_read_as_chinese_and_the_french_one_as_central_european() -> None:
    portuguese = (
        "O porto de Viana fechou na terça-feira por causa do temporal. "
        "Os pescadores não saíram para o mar."
    )
    decoded = decode_html(news_page(portuguese, "pt").encode("cp1252"))
    assert portuguese in decoded and "蓷" not in decoded
    french = "Le quai a facturé 12 € par conteneur. Œuvre de la ville — « déjà » vu."
    decoded = decode_html(news_page(french, "fr").encode("cp1252"))
    assert french in decoded and "facturť" not in decoded
    # The same bytes labelled UTF-8: the label is overruled, and the language read as before.
    mislabelled = news_page(french, "fr", '<meta charset="utf-8">').encode("cp1252")
    assert french in decode_html(mislabelled)


def test_reader_extract_reads_a_short_windows_1252_page(tmp_path: Path) -> None:
    portuguese = (
        "A lota de Peniche fechou na terça-feira por causa do temporal. "
        "Os pescadores não saíram para o mar."
    )
    page = tmp_path / "breve.html"
    page.write_bytes(news_page(portuguese, "pt-PT").encode("cp1252"))
    env = {**os.environ, "READER_HOME": str(tmp_path / "home"), "PYTHONIOENCODING": "utf-8"}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "extract", str(page), "--format", "text"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=True,
    )
    assert portuguese in result.stdout


CHINESE = "港口周二因风暴关闭，渔民没有出海。"
TRADITIONAL = "港口週二因風暴關閉，漁民沒有出海。"
JAPANESE = "港は火曜日に嵐のため閉鎖され、漁師たちは海に出なかった。"


@pytest.mark.parametrize(
    ("text", "codec"),
    [(CHINESE, "gb18030"), (TRADITIONAL, "big5"), (JAPANESE, "shift_jis")],
)
# No language, or a template's Western one: read in windows-1252 these bytes are symbols
# between letters and capitals inside words, no Portuguese or English.
@pytest.mark.parametrize("lang", [None, "en", "pt"])
def test_a_short_east_asian_page_still_reads_in_its_charset(
    text: str, codec: str, lang: str | None
) -> None:
    assert text in decode_html(news_page(text, lang).encode(codec))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Port w Gdańsku zamknięto we wtorek. Rybacy nie wypłynęli w morze.", "pl"),
        ("Přístav v Terstu byl v úterý zavřený, rybáři nevyjeli na moře.", "cs"),
    ],
)
def test_a_short_windows_1250_page_still_reads_in_windows_1250(text: str, lang: str) -> None:
    assert text in decode_html(news_page(text, lang).encode("cp1250"))
