"""Names whose family name is not the last word, and a story dated only by its "Updated" line,
cited as a reporter pastes them: `reader show URL --format citation --style chicago|apa`.
Real parts: the pages served on 127.0.0.1, the reader's own command and cache. acc30a J5,
J23."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_cli import reader

from reader.cited_names import parsed_name

STORY = (
    "<p>The harbour board voted on Monday to close the old fish market for repairs, after an"
    " inspection found the roof beams had rotted through in three places.</p>"
    "<p>Traders will move to a temporary hall on the quay from February, and the board said it"
    " hoped to reopen the market before the summer season begins.</p>"
    "<p>Several stallholders said they had warned the board about the roof for years and asked"
    " who would cover their losses during the move.</p>"
)


def page(byline: str, lang: str, dated: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        "<title>Old fish market to close for repairs | Quay Post</title>"
        f'<meta property="og:site_name" content="Quay Post">{dated}</head><body><article>'
        f'<h1>Old fish market to close for repairs</h1><p class="byline">{byline}</p>'
        f"{STORY}</article></body></html>"
    )


PUBLISHED = '<meta property="article:published_time" content="2026-12-01T10:00:00+00:00">'
# The byline, the page's language, how Chicago and APA open the reference.
NAMES = [
    # A Spanish writer's two surnames, the father's and the mother's.
    (
        "By María José García Márquez",
        "en",
        "García Márquez, María José.",
        "García Márquez, M. J.",
    ),
    ("Por Ana Belén Ruiz Ortega", "es", "Ruiz Ortega, Ana Belén.", "Ruiz Ortega, A. B."),
    # Three words: two given names and a surname, or one and two surnames: as written.
    ("Por Pablo Gómez Ruiz", "es", "Pablo Gómez Ruiz.", "Pablo Gómez Ruiz."),
    # But for given names hyphened into one word: then two surnames (acc44c C6).
    ("Por José-María Núñez Castillo", "es", "Núñez Castillo, José-María.", "Núñez Castillo, J.-M."),
    # A Portuguese writer is cited by the last surname, as before.
    ("Por João Pedro Gonçalves Silva", "pt", "Silva, João Pedro Gonçalves.", "Silva, J. P. G."),
    # Chinese (pinyin), Vietnamese and Korean names written family name first: in their
    # order, uninverted and with no comma in Chicago (CMOS 17 §8.14, §16.83), the family name
    # and initials in APA as any other (APA Style blog, "Cultural Variations in Name Order").
    ("By Wang Xiaoming", "en", "Wang Xiaoming.", "Wang, X."),
    ("By Li Na and Maren Holt", "en", "Li Na and Maren Holt.", "Li, N., & Holt, M."),
    # A given name first, as Chinese writers abroad write theirs: turned round as any other.
    ("By Xiaoming Wang", "en", "Wang, Xiaoming.", "Wang, X."),
    ("By Nguyễn Văn An", "en", "Nguyễn Văn An.", "Nguyễn, V. A."),
    ("By Tran Thi Mai", "en", "Tran Thi Mai.", "Tran, T. M."),
    ("By Kim Jong-un", "en", "Kim Jong-un.", "Kim, J.-U."),
    ("By Park Ji-sung and Maren Holt", "en", "Park Ji-sung and Maren Holt.", None),
    # Both words Chinese family names: read in the order written, given name first on a page
    # in English, as such writers on English-language papers sign (acc47a A2: "Wei, Z.").
    ("By Wei Zhang", "en", "Zhang, Wei.", "Zhang, W."),
    ("By Yan Li and Xia Chen", "en", "Li, Yan, and Xia Chen.", "Li, Y., & Chen, X."),
    # Written family name first, the family name one of the ten commonest and the other word
    # none of them: "Wei, Zhang" (acc47e E6).
    ("By Zhang Wei", "en", "Zhang Wei.", "Zhang, W."),
    ("By Li Yan and Chen Xia", "en", "Li Yan and Chen Xia.", "Li, Y., & Chen, X."),
    # Both among the ten commonest: in the order written, given name first.
    ("By Wang Li", "en", "Li, Wang.", "Li, W."),
    # Unless a co-writer of the byline is read family name first: one byline, one order
    # (acc48d D7: "Li, W., & Zhang, W.").
    ("By Wang Li and Zhang Wei", "en", "Wang Li and Zhang Wei.", "Wang, L., & Zhang, W."),
    ("By Zhang Wei and Wang Li", "en", "Zhang Wei and Wang Li.", "Zhang, W., & Wang, L."),
    ("By Wang Li and Maren Holt", "en", "Li, Wang, and Maren Holt.", "Li, W., & Holt, M."),
    # Unless the family name is marked by its capitals, wherever it stands.
    ("By ZHANG Wei", "en", "Zhang Wei.", "Zhang, W."),
    ("By Jean-Luc PICARD", "en", "Picard, Jean-Luc.", "Picard, J.-L."),
    # A surname with a lower-case hyphened particle: the writer was dropped, and a co-writer
    # with them (acc47a A1).
    ("By Ahmed al-Sayed", "en", "al-Sayed, Ahmed.", "al-Sayed, A."),
    (
        "By Hwaida Saad and Ahmed al-Omran",
        "en",
        "Saad, Hwaida, and Ahmed al-Omran.",
        "Saad, H., & al-Omran, A.",
    ),
    ("By Abdel Fattah el-Sisi", "en", "el-Sisi, Abdel Fattah.", "el-Sisi, A. F."),
    ("By Sami ben Ali and Karim abu Zeid", "en", "ben Ali, Sami, and Karim abu Zeid.", None),
    # Capitalised or mixed particles are the surname's, not initials (acc47a A5).
    ("By Oscar De La Hoya", "en", "De La Hoya, Oscar.", "De La Hoya, O."),
    ("By Omar El Akkad", "en", "El Akkad, Omar.", "El Akkad, O."),
    ("By Jean-Paul de La Fontaine", "en", "de La Fontaine, Jean-Paul.", "de La Fontaine, J.-P."),
    ("By João da Silva Santos", "en", "Santos, João da Silva.", "Santos, J. da S."),
    # A name written in lower case on purpose: kept so, initials too (acc47a A1).
    ("By bell hooks", "en", "hooks, bell.", "hooks, b."),
    # A Dutch or German particle after the given names, CSL's dropping one; "de" and the
    # Romance ones stay with the surname.
    ("By Ludwig van Beethoven", "en", "Beethoven, Ludwig van.", "Beethoven, L. van."),
    (
        "By Jonas van der Berg and Ursula von der Leyen",
        "en",
        "Berg, Jonas van der, and Ursula von der Leyen.",
        "Berg, J. van der, & Leyen, U. von der.",
    ),
    ("By Charles de Gaulle", "en", "de Gaulle, Charles.", "de Gaulle, C."),
    # Western names as before.
    ("By Jean-Luc Martin", "en", "Martin, Jean-Luc.", "Martin, J.-L."),
    # A suffix after a comma ends the name: "Jr." was cited as a second author.
    ("By Martin Lund, Jr.", "en", "Lund, Martin, Jr.", "Lund, M., Jr."),
    (
        "By Martin Lund, Jr, Ann Baker and Tom Keane",
        "en",
        "Lund, Martin, Jr., Ann Baker, and Tom Keane.",
        "Lund, M., Jr., Baker, A., & Keane, T.",
    ),
    ("By Ann Baker and Martin Lund, Jr.", "en", "Baker, Ann, and Martin Lund Jr.", None),
    ("By Henry Ford, III", "en", "Ford, Henry, III.", "Ford, H., III."),
]


def unlettered(line: str) -> str:
    """An APA reference without the letter its year takes beside the same writer's other works
    of that year in one list ("2026a": acc47a A6), which a test citing many pages by one
    writer in one run is not about."""
    return re.sub(r"\((\d{4})[a-z], ", r"(\1, ", line)


@pytest.fixture(scope="module")
def cited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    data = tmp_path_factory.mktemp("data")
    with HTTPServer(host="127.0.0.1") as server:
        urls = []
        for n, (byline, lang, *_) in enumerate(NAMES):
            server.expect_request(f"/market-{n}.html").respond_with_data(
                page(byline, lang, PUBLISHED), content_type="text/html; charset=utf-8"
            )
            urls.append(server.url_for(f"/market-{n}.html"))
        # Dated only by the line under the byline: "Updated 3:42 PM EST, Thu December 3, 2026".
        server.expect_request("/updated.html").respond_with_data(
            page(
                'By Tom Keane</p><p class="date">Updated 9:05 AM EST, Thu December 3, 2026',
                "en-US",
                "",
            ),
            content_type="text/html; charset=utf-8",
        )
        urls.append(server.url_for("/updated.html"))
        shown = {}
        for style in ("chicago", "apa"):
            result = reader(data, "show", *urls, "--format", "citation", "--style", style)
            assert result.returncode == 0, result.stderr
            # A reference list is in the style's order: each article's line found by its
            # address.
            lines = result.stdout.splitlines()
            shown[style] = [
                unlettered(
                    next(line for line in lines if re.search(rf"{re.escape(url)}\.? ", f"{line} "))
                )
                for url in urls
            ]
    return shown


@pytest.mark.parametrize(("n", "case"), list(enumerate(NAMES)), ids=[c[0] for c in NAMES])
def test_a_name_is_turned_round_at_its_family_name_or_cited_as_written(
    cited: dict[str, list[str]], n: int, case: tuple[str, str, str, str | None]
) -> None:
    """Were "Márquez, María José García", "An, Nguyễn Văn", "Jong-un, Kim": the last word
    taken for the family name."""
    _, _, chicago_start, apa_start = case
    assert cited["chicago"][n].startswith(f'{chicago_start} "'), cited["chicago"][n]
    if apa_start is not None:
        assert cited["apa"][n].startswith(f"{apa_start} (2026, December 1)."), cited["apa"][n]


def test_a_story_dated_only_by_its_updated_line_is_cited_with_that_date(
    cited: dict[str, list[str]],
) -> None:
    """Was Chicago's accessed date alone and APA's "(n.d.)" and "Retrieved …, from"."""
    chicago, apa = cited["chicago"][-1], cited["apa"][-1]
    assert "Quay Post, last modified December 3, 2026. Accessed " in chicago, chicago
    assert apa.startswith("Keane, T. (2026, December 3). Old fish market"), apa
    assert "n.d." not in apa and "Retrieved" not in apa


def test_a_reference_list_is_in_the_style_s_order(tmp_path: Path, httpserver: HTTPServer) -> None:
    """acc30a J18: `reader show A B C --format citation --style apa` printed its lines in the
    order given (a list's, newest first); both styles order a reference list by the first
    author's surname, or by the title past "The" where no one is named, accents aside."""
    pages = [
        ("By Élodie Weiß", "Quay lights go dark", "lefevre"),
        ("By Tom Keane", "Ferry timetable cut", "keane"),
        ("", "The harbour audit", "audit"),
        ("By Ana Baker", "Pilots strike", "baker"),
        ("By Elodie Weiss", "Quay lights back", "weiss"),
    ]
    urls = []
    for byline, title, path in pages:
        html = page(byline, "en", PUBLISHED).replace("Old fish market to close for repairs", title)
        httpserver.expect_request(f"/{path}.html").respond_with_data(
            html, content_type="text/html; charset=utf-8"
        )
        urls.append(httpserver.url_for(f"/{path}.html"))
    for style in ("apa", "chicago"):
        result = reader(tmp_path, "show", *urls, "--format", "citation", "--style", style)
        assert result.returncode == 0, result.stderr
        order = [
            next(p for p in pages if f"/{p[2]}.html" in line)[1]
            for line in result.stdout.splitlines()
        ]
        assert order == [
            "Pilots strike",
            "The harbour audit",
            "Ferry timetable cut",
            "Quay lights go dark",
            "Quay lights back",
        ], style


def test_a_western_ordered_chinese_name_is_filed_by_its_surname_in_mla_and_csl_json(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc47a A2: "Wei Zhang" was `{"family": "Wei", "given": "Zhang"}` in CSL-JSON, which
    Zotero and Pandoc take as it is, and "Wei Zhang." unturned in MLA; on a page in Chinese
    the pair is read family name first, as Chinese writes it."""
    httpserver.expect_request("/zhang.html").respond_with_data(
        page("By Wei Zhang", "en", PUBLISHED), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/zhang.html")
    result = reader(tmp_path, "show", url, "--format", "csl-json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["author"] == [{"family": "Zhang", "given": "Wei"}]
    result = reader(tmp_path, "show", url, "--format", "citation", "--style", "mla")
    assert result.stdout.startswith('Zhang, Wei. "Old Fish Market'), result.stdout
    assert parsed_name("Wei Zhang", "zh-CN").natural() == "Wei Zhang"
    assert parsed_name("Wei Zhang", "zh-CN").family == "Wei"


def test_a_family_first_chinese_name_is_filed_by_its_surname_in_every_format(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc47e E6: "Zhang Wei" was `{"family": "Wei", "given": "Zhang"}`, BibTeX "Wei, Zhang",
    MLA "Wei, Zhang.": Zhang, of the ten commonest family names, is the family name, Wei one
    of the commonest given names."""
    httpserver.expect_request("/zhang-wei.html").respond_with_data(
        page("By Zhang Wei", "en", PUBLISHED), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/zhang-wei.html")
    result = reader(tmp_path, "show", url, "--format", "csl-json")
    assert json.loads(result.stdout)[0]["author"] == [
        {"family": "Zhang", "given": "Wei", "static-ordering": True}
    ]
    result = reader(tmp_path, "show", url, "--format", "citation", "--style", "mla")
    assert result.stdout.startswith('Zhang Wei. "Old Fish Market'), result.stdout
    result = reader(tmp_path, "show", url, "--format", "bibtex")
    assert "author = {Zhang, Wei}" in result.stdout, result.stdout


def test_apa_letters_one_author_s_works_of_one_year_in_date_order(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc47a A6: two of Maren Holt's stories of 2026 were both "Holt, M. (2026, …)", and an
    in-text "(Holt, 2026)" named either; APA 7 §9.47 letters the year, in date order."""
    pages = [  # given newest first, as `reader list --ids` lists them
        ("By Maren Holt", "Pilots strike", "2026-12-06", "strike"),
        ("By Tom Keane", "Ferry timetable cut", "2026-12-04", "ferry"),
        ("By Maren Holt", "Quay lights go dark", "2026-12-05", "lights"),
        ("By Maren Holt and Tom Keane", "Audit delayed", "2026-12-03", "audit"),
    ]
    urls = []
    for byline, title, day, path in pages:
        dated = PUBLISHED.replace("2026-12-01", day)
        html = page(byline, "en", dated).replace("Old fish market to close for repairs", title)
        httpserver.expect_request(f"/{path}.html").respond_with_data(
            html, content_type="text/html; charset=utf-8"
        )
        urls.append(httpserver.url_for(f"/{path}.html"))
    result = reader(tmp_path, "show", *urls, "--format", "citation", "--style", "apa")
    assert result.returncode == 0, result.stderr
    assert [line.partition(").")[0] + ")." for line in result.stdout.splitlines()] == [
        "Holt, M. (2026a, December 5).",
        "Holt, M. (2026b, December 6).",
        "Holt, M., & Keane, T. (2026, December 3).",
        "Keane, T. (2026, December 4).",
    ]
    chicago = reader(tmp_path, "show", *urls, "--format", "citation", "--style", "chicago")
    assert "2026a" not in chicago.stdout


def test_a_declared_pair_with_a_hyphened_particle_names_both_writers(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc47a A1: `<meta name="author">` (as a feed's `<dc:creator>`) naming "Hwaida Saad and
    Ahmed al-Omran" was kept as one string, "al-Omran" read as no name's word."""
    declared = '<meta name="author" content="Hwaida Saad and Ahmed al-Omran">' + PUBLISHED
    html = page("", "en", declared).replace('<p class="byline"></p>', "")
    httpserver.expect_request("/gulf.html").respond_with_data(
        html, content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/gulf.html")
    result = reader(tmp_path, "show", url, "--format", "csl-json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["author"] == [
        {"family": "Saad", "given": "Hwaida"},
        {"family": '"al-Omran"', "given": "Ahmed"},  # quoted, one surname (acc47a A9)
    ]
