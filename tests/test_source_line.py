"""The line naming where a story came from, in a box of its own after the body ("Джерело:
Львівська міська рада"), stays at the end of the text: a citation needs it. Real parts: the
pages through the real extractor."""

from __future__ import annotations

import pytest

from reader.extract import extract_article

_BODY = (
    '<div class="text">'
    "<p>У середу в місті відкрили рух новим пішохідним мостом через річку біля центрального"
    " ринку на вулиці Садовій.</p>"
    "<p>Як повідомили в міській раді, будівництво тривало півтора року й коштувало 90 мільйонів"
    " гривень.</p>"
    "<p>«Тепер дорога до ринку займе п'ять хвилин замість двадцяти», — сказала мешканка.</p>"
    "</div>"
)


def _last_line(after: str) -> str:
    page = (
        '<html lang="uk"><body><header><a href="/">Міські вісті</a></header><article>'
        '<h1>Новий міст</h1><div class="meta"><span class="author">Олена Коваленко</span>'
        ' <span class="date">3 грудня 2026, 10:25</span></div>'
        f"{_BODY}{after}</article></body></html>"
    )
    return extract_article(page, "https://example.org/news/mist").blocks[-1].text


@pytest.mark.parametrize(
    "line",
    ["Джерело: Міська рада", "Source: City council press office", "Quelle: Stadtverwaltung"],
)
def test_a_source_line_after_the_body_stays(line: str) -> None:
    assert _last_line(f'<p class="source">{line}</p>') == line


def test_a_short_line_that_names_no_source_stays_out() -> None:
    assert _last_line("<p>Поділитися: Facebook</p>").startswith("«Тепер")
