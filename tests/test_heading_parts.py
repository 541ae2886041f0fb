"""A headline set in parts (a label or kicker, a separator left to screen readers, the title) is
cited with the separator and a space, and is not repeated in the body; the date line with the
story's source after it ("… Uhr Quelle: ZEIT ONLINE, dpa") is the header's, not the story's.
Real parts: the pages through the real extractor.
"""

from __future__ import annotations

from reader.extract import extract_article, to_markdown

# A short first page, as Die Zeit's paged stories have: the header is read with it.
PARAGRAPHS = [
    "Die Gewerkschaft hat für Donnerstag einen Streik angekündigt. Er soll um zwei Uhr beginnen.",
    "Die Bahn nannte den Schritt einen Affront. Sie habe ein besseres Angebot vorgelegt.",
    "„Die Bahn spielt auf Zeit“, sagte der Vorsitzende.",
]


def page(h1: str, after: str = "", title: str = "Streik", headline: str = "") -> str:
    """A story whose header holds `h1`, a summary and `after`; its JSON-LD declares the
    `headline` (when given) as Die Zeit's does, and og:title the title without its kicker."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    declared = (
        '<script type="application/ld+json">{"@context":"http://schema.org","@type":'
        f'"NewsArticle","headline":"{headline}","datePublished":"2026-12-03T10:12:45+01:00",'
        '"author":[{"@type":"Person","name":"Lea Frehse"}]}</script>'
        f'<meta property="og:title" content="{headline.partition(": ")[2]}">'
        if headline
        else ""
    )
    return (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f"<title>{title}</title>{declared}</head><body><main>"
        f'<article class="article" id="js-article"><header class="article-header">{h1}'
        '<div class="summary">Die Gewerkschaft will 35 Stunden lang streiken, die Bahn spricht '
        f"von einem Affront.</div>{after}</header>"
        '<div class="article-body article-body--article">'
        f'<div class="article-page" data-page-number="1">{body}</div></div>'
        "</article></main></body></html>"
    )


def test_a_hidden_colon_between_label_and_title_is_followed_by_a_space() -> None:
    """FAZ's headline was cited "Kommentar zur Schuldenbremse:Ein Haushalt auf Pump"."""
    h1 = (
        '<h1 class="header-title"><span class="header-label"><span class="header-label__content">'
        'Kommentar zur Schuldenbremse</span><span class="visually-hidden">:</span></span>'
        '<span class="header-title__text">Ein Haushalt auf Pump</span></h1>'
    )
    article = extract_article(page(h1, title="Ein Haushalt auf Pump"), "https://faz.example/a")
    assert article.title == "Kommentar zur Schuldenbremse: Ein Haushalt auf Pump"


def test_a_kickers_title_is_not_repeated_in_the_body() -> None:
    """Die Zeit's <h1> (kicker, hidden ": ", title) left "# GDL kündigt Streik ab Donnerstag
    an" at the top of the body under the cited "Bahnstreik: GDL kündigt Streik ab Donnerstag
    an", and the line "3. Dezember 2026, 10:12 Uhr Quelle: ZEIT ONLINE, dpa" as a paragraph."""
    h1 = (
        '<h1 class="article-heading"><span class="article-heading__kicker">Bahnstreik</span>'
        '<span class="visually-hidden">: </span><span class="article-heading__title">GDL '
        "kündigt Streik ab Donnerstag an</span></h1>"
    )
    meta = (
        '<div class="byline">Von <a href="/autoren/F/Lea_Frehse/index"><span itemprop="name">'
        'Lea Frehse</span></a></div><div class="metadata"><time class="metadata__date" datetime="2026-12-03T10:12:45+01:00">'
        '3. Dezember 2026, 10:12 Uhr</time> <span class="metadata__source">Quelle: ZEIT ONLINE, '
        "dpa</span></div>"
    )
    headline = "Bahnstreik: GDL kündigt Streik ab Donnerstag an"
    title = f"{headline} | ZEIT ONLINE"
    html = page(h1, meta, title=title, headline=headline)
    article = extract_article(html, "https://zeit.example/streik")
    assert article.title == "Bahnstreik: GDL kündigt Streik ab Donnerstag an"
    text = to_markdown(article)
    assert "# GDL kündigt" not in text
    assert "Quelle:" not in text
    assert "Donnerstag einen Streik" in text


def test_a_heading_ending_as_the_headline_but_no_kicker_stays() -> None:
    """Only a kicker's separator before the heading's words makes it the headline's title: a
    section heading the headline merely ends with stays."""
    html = page("<h1>Warum die Bahn streikt</h1>").replace(
        'data-page-number="1">', 'data-page-number="1"><h2>die Bahn streikt</h2>'
    )
    article = extract_article(html, "https://zeit.example/streik")
    assert "## die Bahn streikt" in to_markdown(article)
