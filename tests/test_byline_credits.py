"""Bylines that credit a co-writer or a news agency beside the writer ("X (avec Y et Z)", "X and
Reuters", "X mit dpa", "with agencies"), name the writer by an outlet ("CNN’s X", "X for the
Ledger", "X, CNN") or add the writer's contact ("@handle", an e-mail), cited as a reporter
pastes them: `reader show URL --format citation --style chicago|apa` and `--format json`'s
authors. Real parts: the pages served on 127.0.0.1, the reader's own command and cache.
acc30a J2, J3, J17, J32."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_cited_name_orders import unlettered
from test_cli import reader

from reader.citation_styles import chicago
from reader.cited_names import parsed_name
from reader.models import Article

STORY = (
    "<p>Ferry fares on the island routes will rise by a tenth in January, the operator told"
    " passengers in a letter sent on Tuesday, the third rise in two years.</p>"
    "<p>The operator blamed the price of fuel and a shortage of engineers, and said the winter"
    " timetable would lose two sailings a day on the busiest crossing.</p>"
    "<p>Islanders' groups said they would ask the regional council to step in before the new"
    " fares take effect, as it did when the last rise was announced.</p>"
)


def page(byline: str, lang: str) -> str:
    """A news story under its headline and byline, dated, declaring no author."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>Island ferry fares to rise again | Island Courier</title>"
        '<meta property="og:site_name" content="Island Courier">'
        '<meta property="article:published_time" content="2026-12-02T07:40:00+00:00">'
        "</head><body><article><h1>Island ferry fares to rise again</h1>"
        f'<p class="byline">{byline}</p>{STORY}</article></body></html>'
    )


# The byline, the page's language, how Chicago and APA open the reference, the JSON's authors.
BYLINES = [
    # Le Monde's shape: the co-writers in brackets after the writer, linked or not.
    (
        '<span itemprop="author"><a href="/auteur/holt">Maren Holt</a> (avec Jonas Berg et'
        " Ana Ruiz)</span>",
        "fr",
        "Holt, Maren, Jonas Berg, and Ana Ruiz.",
        "Holt, M., Berg, J., & Ruiz, A.",
        ["Maren Holt", "Jonas Berg", "Ana Ruiz"],
    ),
    (
        "Maren Holt (with Jonas Berg and Ana Ruiz)",
        "en",
        "Holt, Maren, Jonas Berg, and Ana Ruiz.",
        "Holt, M., Berg, J., & Ruiz, A.",
        ["Maren Holt", "Jonas Berg", "Ana Ruiz"],
    ),
    # An agency beside the writer is a co-author, cited as written.
    (
        "By Maren Holt and Reuters",
        "en",
        "Holt, Maren, and Reuters.",
        "Holt, M., & Reuters.",
        ["Maren Holt", "Reuters"],
    ),
    ("By Maren Holt with Reuters", "en", "Holt, Maren, and Reuters.", "Holt, M., & Reuters.", None),
    (
        "Par Élodie Lefèvre (avec AFP)",
        "fr",
        "Lefèvre, Élodie, and AFP.",
        "Lefèvre, É., & AFP.",
        None,
    ),
    ("Von Jürgen Weiß mit dpa", "de", "Weiß, Jürgen, and dpa.", "Weiß, J., & dpa.", None),
    ("Le Monde avec AFP", "fr", "Le Monde and AFP.", "Le Monde, & AFP.", ["Le Monde", "AFP"]),
    ("By Ann Lee, Reuters", "en", "Lee, Ann, and Reuters.", "Lee, A., & Reuters.", None),
    (
        "By Ann Lee and the Associated Press",
        "en",
        "Lee, Ann, and Associated Press.",
        "Lee, A., & Associated Press.",
        ["Ann Lee", "Associated Press"],
    ),
    # The agencies as a whole, an outlet's possessive, an employer: no one more to cite.
    ("By Maren Holt with agencies", "en", "Holt, Maren.", "Holt, M.", ["Maren Holt"]),
    (
        "By CNN’s Jane Doe and John Roe",
        "en",
        "Doe, Jane, and John Roe.",
        "Doe, J., & Roe, J.",
        None,
    ),
    ("Jane Doe for the Harbour Ledger", "en", "Doe, Jane.", "Doe, J.", ["Jane Doe"]),
    ("By Jane Doe Special to the Harbour Ledger", "en", "Doe, Jane.", "Doe, J.", None),
    ("By Jane Doe, CNN", "en", "Doe, Jane.", "Doe, J.", ["Jane Doe"]),
    # The writer's contact after the name (J17).
    ("By Maren Holt @marenholt", "en", "Holt, Maren.", "Holt, M.", ["Maren Holt"]),
    ("By Maren Holt, maren.holt@courier.example", "en", "Holt, Maren.", "Holt, M.", None),
    (
        'By <a href="/a/holt">Maren Holt</a> <a href="https://x.example/marenholt">@marenholt</a>',
        "en",
        "Holt, Maren.",
        "Holt, M.",
        ["Maren Holt"],
    ),
    (
        'By <a href="/a/holt">Maren Holt</a> <a href="mailto:maren.holt@courier.example">'
        "maren.holt@courier.example</a>",
        "en",
        "Holt, Maren.",
        "Holt, M.",
        None,
    ),
]


# Two writers in scripts that write "and" onto the name or list names with "、" (J27).
SCRIPT_BYLINES = [
    ("بقلم ليلى منصور وكريم حداد", "ar", ["ليلى منصور", "كريم حداد"]),
    ("سامي يوسف ووليد نجار", "ar", ["سامي يوسف", "وليد نجار"]),
    # "وليد" is a given name (Walid), not "and" before "ليد".
    ("بقلم محمد وليد الخطيب", "ar", ["محمد وليد الخطيب"]),
    ("佐藤一郎、高橋美咲", "ja", ["佐藤一郎", "高橋美咲"]),
    ("文・佐藤一郎／写真・高橋美咲", "ja", ["佐藤一郎"]),
    ("记者 王磊 刘洋", "zh", ["王磊", "刘洋"]),
    # A Japanese name may be written family name, space, given name: one writer.
    ("佐藤 一郎", "ja", ["佐藤 一郎"]),
]


@pytest.fixture(scope="module")
def cited(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], list[str], list[dict]]:
    """Each byline's page served, shown once in each style and as JSON, in one run each."""
    data = tmp_path_factory.mktemp("data")
    with HTTPServer(host="127.0.0.1") as server:
        urls = []
        for n, (byline, lang, *_) in enumerate([*BYLINES, *SCRIPT_BYLINES]):
            server.expect_request(f"/2026/12/02/ferry-{n}.html").respond_with_data(
                page(byline, lang), content_type="text/html; charset=utf-8"
            )
            urls.append(server.url_for(f"/2026/12/02/ferry-{n}.html"))
        shown = {}
        for style in ("chicago", "apa"):
            result = reader(data, "show", *urls, "--format", "citation", "--style", style)
            assert result.returncode == 0, result.stderr
            # A reference list is in the style's order: each article's line found by its
            # address.
            lines = result.stdout.splitlines()
            # Chicago's address ends its line with a period, APA's with none.
            shown[style] = [
                unlettered(
                    next(line for line in lines if re.search(rf"{re.escape(url)}\.? ", f"{line} "))
                )
                for url in urls
            ]
        as_json = reader(data, "show", *urls, "--format", "json")
        assert as_json.returncode == 0, as_json.stderr
    return shown["chicago"], shown["apa"], json.loads(as_json.stdout)


@pytest.mark.parametrize(("n", "case"), list(enumerate(BYLINES)), ids=[b[0][:40] for b in BYLINES])
def test_a_byline_crediting_more_than_its_writer_is_cited_as_its_people_and_agencies(
    cited: tuple[list[str], list[str], list[dict]], n: int, case: tuple
) -> None:
    """Was "Tual), Martin Untersinger (avec Damien Leloup et Morgane." and "Reuters, Maren Holt
    and.": the whole byline turned round as one person's name; or no author at all ("mit
    dpa", "for the Harbour Ledger", "@marenholt")."""
    _, _, chicago_start, apa_start, names = case
    chicago_lines, apa_lines, items = cited
    assert chicago_lines[n].startswith(f'{chicago_start} "Island '), chicago_lines[n]
    # APA's full stop after the authors, unless the last one's initial ends in one.
    assert apa_lines[n].startswith(f"{apa_start}{'' if apa_start.endswith('.') else '.'} (2026,")
    if names is not None:
        assert items[n]["authors"] == names


@pytest.mark.parametrize(
    ("n", "case"), list(enumerate(SCRIPT_BYLINES)), ids=[b[1] for b in SCRIPT_BYLINES]
)
def test_two_writers_in_arabic_japanese_or_chinese_are_two_authors(
    cited: tuple[list[str], list[str], list[dict]], n: int, case: tuple
) -> None:
    """Were one author each: "ليلى منصور وكريم حداد" (Arabic writes "and" onto the second
    name), "佐藤一郎、高橋美咲", "王磊 刘洋"; "文・…／写真・…" (text by, photos by) none."""
    chicago_lines, _, items = cited
    assert items[len(BYLINES) + n]["authors"] == case[2]
    # Names cited as written take no comma before Chicago's "and": it is an inverted first
    # name's ("Holt, Maren, and Jonas Berg"), and was "ليلى منصور, and كريم حداد" (J6).
    assert chicago_lines[len(BYLINES) + n].startswith(f'{" and ".join(case[2])}. "')


def test_a_name_holding_brackets_a_joining_word_or_a_comma_is_never_turned_round() -> None:
    """An author string cached before these bylines were read ("Martin Untersinger (avec
    Damien Leloup et Morgane Tual)", "Maren Holt and Reuters") is cited as written."""
    for written in (
        "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
        "Maren Holt and Reuters",
        "Maren Holt with Reuters",
        "Jürgen Weiß mit dpa",
    ):
        assert parsed_name(written).literal == written
        # English declared: a two-word title alone says too little of its language to recase.
        article = Article(
            url="https://courier.example/a", title="Fares rise", author=written, language="en"
        )
        assert chicago(article).startswith(f'{written}. "Fares Rise."')


def test_a_web_address_declared_as_the_author_is_no_writer(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc30a J25: `<meta name="author" content="islandcourier.example">` was cited as the
    author, "islandcourier.example. "Island Ferry…""; the site is the Source, the title first."""
    declared = page("", "en").replace(
        "</head>", '<meta name="author" content="islandcourier.example"></head>'
    )
    httpserver.expect_request("/fares.html").respond_with_data(
        declared, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/fares.html")
    line = reader(tmp_path, "show", url, "--format", "citation", "--style", "chicago").stdout
    assert line.startswith('"Island Ferry Fares to Rise Again." Island Courier, December 2'), line
