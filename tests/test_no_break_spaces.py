"""A no-break space (U+00A0), a narrow one (U+202F) and a figure space (U+2007) that a page sets
in a title, a byline or a site's name are kept as set: French glues "Qui ?" and "« Non »" with
them, and a figure to its unit ("12 000 €"). Made plain spaces, a line of the reading view could
break there ("€" or "?" alone at a line's start) and a copy lost the typography. A run holding
a line break or a plain space still folds to one plain space, and none is left at an end.
Real parts: the page through the real extractor, its head typeset as the reading view wraps it,
and served on 127.0.0.1 to `reader show`."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from rich.console import Console
from rich.style import Style

from reader.citation_styles import citation_line
from reader.cli import main
from reader.extract import extract_article
from reader.ui.widgets.article import article_header, paragraph, typeset
from tests.tui_pilot import view_lines

HEADLINE = "Logement\u00a0: qui paiera les 12\u202f000\u00a0€ de la rénovation\u202f?"
_STORY = (
    "<p>Le gouvernement a présenté mercredi son plan de rénovation des logements anciens, qui"
    " prévoit une aide plafonnée pour chaque ménage propriétaire de son logement.</p>"
)
PAGE = (
    '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
    f"<title>{HEADLINE}</title>"
    '<meta property="og:site_name" content="Le\u00a0Quotidien"></head><body><article>'
    f"<h1>{HEADLINE}</h1>"
    '<p class="byline">Par <span class="author">Anne\u00a0Le\u00a0Gall</span></p>'
    f"{_STORY * 4}</article></body></html>"
)


def test_title_byline_and_site_keep_their_no_break_spaces() -> None:
    article = extract_article(PAGE, "https://quotidien.example/logement.html")
    assert article.title == HEADLINE
    assert article.author == "Anne\u00a0Le\u00a0Gall"
    assert article.site_name == "Le\u00a0Quotidien"
    for style in ("chicago", "apa", "mla"):
        assert HEADLINE in citation_line(article, style), style


def _head_lines(width: int) -> list[str]:
    article = extract_article(PAGE, "https://quotidien.example/logement.html")
    styles = paragraph.ArticleStyles(
        **{n: Style() for n in paragraph.ArticleStyles.__dataclass_fields__}
    )
    console = Console(width=200, color_system=None)
    head = article_header.header(None, article, styles)
    return [strip.text.rstrip() for strip in typeset.typeset(head, width, console)]


def test_the_reading_view_never_breaks_the_title_at_them() -> None:
    for width in range(12, 60):
        lines = _head_lines(width)
        title = [line for line in lines if line.strip()][:4]
        assert not any(line.lstrip().startswith(("€", "000")) for line in title), (width, lines)
        assert not any(line.rstrip().endswith(("12", "Logement")) for line in title), (
            width,
            lines,
        )


def test_reader_show_keeps_them_in_what_it_copies(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/logement.html").respond_with_data(
        PAGE.encode(), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/logement.html")
    for shown_as, expected in (("markdown", f"# {HEADLINE}"), ("citation", HEADLINE)):
        args = ["show", url, "--format", shown_as, "--data-dir", str(tmp_path)]
        assert main(args) == 0
        out = capsys.readouterr().out
        assert expected in out and "Le\u00a0Gall" in out, (shown_as, out)


TABLE_PAGE = PAGE.replace(
    "</article>",
    "<table><tr><th>Travaux</th><th>Aide maximale par logement</th></tr>"
    "<tr><td>Isolation des combles et des murs</td><td>12\u202f000\u00a0€</td></tr>"
    "<tr><td>Pompe à chaleur</td><td>8\u202f500\u00a0€</td></tr></table></article>",
)


def test_a_tables_cells_never_break_at_them() -> None:
    article = extract_article(TABLE_PAGE, "https://quotidien.example/logement.html")
    assert any("12\u202f000\u00a0€" in row.text for row in article.blocks)
    seen = 0
    for width in range(16, 50):
        for line in view_lines(article, width):
            if "€" in line:
                seen += 1
                assert "000\u00a0€" in line or "500\u00a0€" in line, (width, line)
    assert seen
