"""The table of contents of an article's pages (Die Zeit's "Inhalt" over "Seite 1 — …", "Seite 2
— …") is the pager's, not the article's; a list of the story that names pages stays. Real
parts: the pages through the real extractor.
"""

from __future__ import annotations

from reader.extract import extract_article, extract_page, to_text

# A short first page, as Die Zeit's paged stories have.
PARAGRAPHS = [
    "Die Gewerkschaft hat für Donnerstag einen Streik angekündigt. Er soll um zwei Uhr beginnen.",
    "Die Bahn nannte den Schritt einen Affront. Sie habe ein besseres Angebot vorgelegt.",
    "Pendler sollen von zu Hause arbeiten, raten die Verbünde.",
]
URL = "https://zeit.example/mobilitaet/streik"


def first_page(after_body: str) -> str:
    """Page 1 of a story in two pages, `after_body` after its text (its pager's parts)."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Streik</title>'
        '</head><body><main><article class="article"><h1>Streik ab Donnerstag</h1>'
        '<div class="article-body article-body--article"><div class="article-page">'
        f"{body}</div></div>"
        '<nav class="article-pagination"><a href="/mobilitaet/streik/seite-2">Nächste Seite'
        f'</a></nav>{after_body}<div class="article-footer"><div class="article-tags">Bahnstreik'
        " · GDL</div></div></article></main></body></html>"
    )


CONTENTS = (
    '<div class="article-toc"><span class="article-toc__headline">Inhalt</span><ol>'
    '<li class="article-toc__item article-toc__item--current"><span>Seite 1 — Streik ab '
    'Donnerstag</span></li><li class="article-toc__item"><a href="/mobilitaet/streik/seite-2">'
    "Seite 2 — Was Pendler jetzt erwartet</a></li></ol></div>"
)


def test_the_pages_table_of_contents_is_left_out() -> None:
    """Page 1's contents were read into the joined text: "Inhalt", "1. Seite 1 — …", "2.
    Seite 2 — Was Pendler jetzt erwartet", between page 1 and page 2."""
    article, next_page = extract_page(first_page(CONTENTS), URL)
    text = to_text(article)
    assert "Inhalt" not in text
    assert "Seite 2" not in text
    assert "zu Hause arbeiten" in text
    assert next_page == "https://zeit.example/mobilitaet/streik/seite-2"


def test_a_list_naming_pages_with_no_link_stays() -> None:
    """A list of the story's own that names pages (a report's chapters) links nowhere: kept."""
    chapters = (
        "<p>Der Bericht hat zwei Teile:</p><ol><li>Seite 1 — die Lage im Fernverkehr</li>"
        "<li>Seite 2 — die Lage im Nahverkehr</li></ol>"
    )
    html = first_page("").replace("</div></div><nav", f"{chapters}</div></div><nav")
    text = to_text(extract_article(html, URL))
    assert "Seite 2 — die Lage im Nahverkehr" in text
