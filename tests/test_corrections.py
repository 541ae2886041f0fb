"""The article's corrections, clarifications, editor's notes and update notes, in a box of their
own beside the body or inside it, are read in their place: before the body when the page puts
them before, after it when after. The site's own notices about corrections ("Report a
correction", its policy, "Got a tip?") stay out."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text

BODY = [
    "The harbour board voted on Tuesday night to close the north quay to lorries from March, "
    "after an engineers' report found the old sea wall could not take their weight.",
    "Hauliers said the detour through the town centre would add half an hour to each run and "
    "put heavy traffic past two primary schools at the busiest time of the morning.",
    "The board's chair said the closure was temporary and that repairs to the wall, paid for "
    "by the county, should be finished before the summer ferry season begins.",
]
URL = "https://tide.example/news/north-quay-closed.html"


def page(before: str = "", inside: str = "", after: str = "") -> str:
    body = "".join(f"<p>{text}</p>" for text in BODY)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>North quay closed to '
        'lorries</title></head><body><header><nav><a href="/">Home</a> <a href="/news">News</a>'
        "</nav></header><main><article><h1>North quay closed to lorries</h1>"
        f'{before}<div class="article-body">{body}{inside}</div>{after}</article></main>'
        '<footer><p>© The Tide</p><p><a href="/corrections">Corrections</a></p></footer>'
        "</body></html>"
    )


def lines(html: str) -> list[str]:
    text = to_text(extract_article(html, URL))
    return [line for line in text.splitlines() if line.strip()]


def where(found: list[str], start: str) -> int:
    """The index of the first line starting with `start` (-1 when none does)."""
    return next((i for i, line in enumerate(found) if line.startswith(start)), -1)


CORRECTION = "A previous version of this article misstated the harbour master’s name."
BOXES = {
    "aside": f'<aside class="correction"><p><b>Correction:</b> {CORRECTION}</p></aside>',
    "section-headed": (
        '<section class="corrections-box"><h4>Clarification</h4><p>The vote was 7–5, not 7–4 '
        "as first reported.</p></section>"
    ),
    "div-label-span": (
        '<div class="update-note"><span class="label">UPDATE</span> 3:45 p.m.: The board has '
        "called an emergency meeting for Thursday.</div>"
    ),
    "div-update-p": (
        '<div class="update"><p><strong>Update, 3:45 p.m.:</strong> The board has called an '
        "emergency meeting for Thursday.</p></div>"
    ),
    "div-editors-note": (
        '<div class="editors-note"><p><strong>Editor’s note:</strong> This article has been '
        "updated.</p></div>"
    ),
    "trust-note": '<p class="trust-note"><em>This story has been corrected.</em></p>',
    "label-without-colon": (
        f'<aside class="note"><p><strong>Correction</strong> {CORRECTION}</p></aside>'
    ),
    "earlier-version": f'<div class="fix"><p><em>{CORRECTION.replace("A previous", "An earlier")}'
    "</em></p></div>",
}
FIRST_WORDS = {
    "aside": "Correction:",
    "section-headed": "Clarification",
    "div-label-span": "UPDATE 3:45 p.m.: The board",
    "div-update-p": "Update, 3:45 p.m.: The board",
    "div-editors-note": "Editor’s note: This article",
    "trust-note": "This story has been corrected.",
    "label-without-colon": "Correction A previous",
    "earlier-version": "An earlier version",
}


@pytest.mark.parametrize("box", sorted(BOXES))
def test_a_note_after_the_body_is_read_after_it(box: str) -> None:
    found = lines(page(after=BOXES[box]))
    note = where(found, FIRST_WORDS[box])
    assert note > where(found, BODY[-1][:40]) >= 0, found


@pytest.mark.parametrize("box", sorted(BOXES))
def test_a_note_before_the_body_is_read_before_it(box: str) -> None:
    found = lines(page(before=BOXES[box]))
    assert 0 <= where(found, FIRST_WORDS[box]) < where(found, BODY[0][:40]), found


@pytest.mark.parametrize("box", ["aside", "section-headed", "label-without-colon"])
def test_a_note_boxed_inside_the_body_stays(box: str) -> None:
    # An <aside> scores below zero unless its sentence has a comma; readability-lxml's final
    # clean-up removed it from the body it was part of.
    found = lines(page(inside=BOXES[box]))
    assert where(found, FIRST_WORDS[box]) > where(found, BODY[-1][:40]) >= 0, found


def test_a_note_beside_plain_paragraphs_stays() -> None:
    body = "".join(f"<p>{text}</p>" for text in BODY)
    html = (
        '<html lang="en"><head><title>North quay</title></head><body><article><h1>North quay'
        f"</h1>{body}{BOXES['aside']}</article></body></html>"
    )
    assert lines(html)[-1] == f"Correction: {CORRECTION}"


def test_every_note_of_the_article_in_its_place() -> None:
    found = lines(
        page(
            before=BOXES["div-editors-note"],
            after=BOXES["aside"]
            + BOXES["section-headed"]
            + BOXES["div-label-span"]
            + BOXES["trust-note"],
        )
    )
    order = [
        where(found, start)
        for start in (
            "Editor’s note:",
            BODY[0][:40],
            BODY[-1][:40],
            "Correction:",
            "Clarification",
            "The vote was 7–5",
            "UPDATE 3:45",
            "This story has been corrected.",
        )
    ]
    assert order == sorted(order) and order[0] >= 0, found


@pytest.mark.parametrize(
    "note",
    [
        "Rectificatif : une version précédente de cet article indiquait un mauvais nom.",
        "Correctif : le vote a eu lieu mardi et non lundi comme indiqué.",
        "Korrektur: In einer früheren Version hieß es, die Sitzung sei am Montag gewesen.",
        "Anmerkung der Redaktion: Der Artikel wurde um die Antwort des Rates ergänzt.",
        "Corrección: una versión anterior de este artículo decía que la votación fue el lunes.",
        "Nota del editor: este artículo se ha actualizado con la respuesta del consejo.",
        "Fe de errores: el nombre correcto de la capitana del puerto es Ada Penrose.",
        "Correzione: una versione precedente di questo articolo indicava un nome sbagliato.",
        "Nota della redazione: l'articolo è stato aggiornato con la risposta del consiglio.",
    ],
)
def test_notes_in_other_languages(note: str) -> None:
    found = lines(page(after=f'<aside class="hinweis"><p>{note}</p></aside>'))
    assert found[-1] == note, found


@pytest.mark.parametrize(
    "box",
    [
        # The site's word on corrections: a policy and a way to report an error.
        '<aside class="corrections"><h4>Corrections</h4><p>Spotted an error in this story? '
        '<a href="/report">Let us know</a> and our standards editor will look at it.</p></aside>',
        '<aside class="correction"><p>Correction: we correct errors promptly; read our '
        '<a href="/policy">corrections policy</a> to find out how the desk handles them.</p>'
        "</aside>",
        '<aside class="update-box"><h4>Update</h4><p>Got a tip about the quay? Write to the '
        "news desk any day of the week.</p></aside>",
        # A time stamp is no note: it says nothing.
        '<div class="updated"><span>Updated</span> Dec. 2, 2026, 3:45 p.m. ET</div>',
        # A sentence opening with the word, set apart as a pull quote.
        '<aside class="aside-quote"><p>Correction officers at the county jail say the new rota '
        "leaves them short of staff.</p></aside>",
        # A sales line labelled as news.
        '<div class="promo-update"><p>Update: members read every story first, from three '
        "pounds a month.</p></div>",
    ],
    ids=["report-an-error", "policy", "tip", "time-stamp", "sentence", "promotion"],
)
def test_the_sites_notices_stay_out(box: str) -> None:
    found = lines(page(after=box))
    assert found[-1] == BODY[-1], found


def wrapped_page(article: str) -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>North quay closed to '
        'lorries</title></head><body><header><nav><a href="/">Home</a></nav></header><main>'
        f"{article}</main></body></html>"
    )


BODY_HTML = '<div class="article-body">' + "".join(f"<p>{t}</p>" for t in BODY) + "</div>"


def test_a_note_beside_the_bodys_wrapper_is_read_in_its_place() -> None:
    # The body in wrappers of its own: readability gathers the body's siblings only.
    found = lines(
        wrapped_page(
            f"<article><h1>North quay closed to lorries</h1>{BOXES['div-editors-note']}"
            f'<div class="story-wrap"><div class="story-inner">{BODY_HTML}</div></div>'
            f"{BOXES['aside']}</article>"
        )
    )
    order = [where(found, s) for s in ("Editor’s note:", BODY[0][:40], "Correction:")]
    assert order == sorted(order) and order[0] >= 0, found


@pytest.mark.parametrize(
    "footer",
    ['<footer class="article-footer">', "<footer>", '<div class="story-footer">'],
    ids=["named-footer", "footer", "div-footer"],
)
def test_a_note_in_the_articles_footer_stays(footer: str) -> None:
    # A box named a footer is the site's furniture, dropped before readability scores the
    # page; the correction it holds is the article's.
    close = "</footer>" if footer.startswith("<footer") else "</div>"
    found = lines(
        wrapped_page(
            f"<article><h1>North quay closed to lorries</h1>{BODY_HTML}{footer}"
            f'{BOXES["aside"]}<p><a href="/tags/harbour">Harbour</a></p>{close}</article>'
        )
    )
    assert found[-1] == f"Correction: {CORRECTION}", found
    assert "Harbour" not in found  # the footer's tags go with it


def test_a_note_in_the_articles_header_comes_before_the_body() -> None:
    found = lines(
        wrapped_page(
            '<article><header><h1>North quay closed to lorries</h1><p class="editors-note">'
            "<em>Editor’s note: This article has been updated with the haulage association’s "
            f"response.</em></p></header>{BODY_HTML}</article>"
        )
    )
    assert 0 <= where(found, "Editor’s note:") < where(found, BODY[0][:40]), found


def test_a_note_named_as_a_box_aside_stays() -> None:
    box = f'<aside class="aside correction"><p><b>Correction:</b> {CORRECTION}</p></aside>'
    assert lines(page(after=box))[-1] == f"Correction: {CORRECTION}"


def test_another_articles_note_stays_out() -> None:
    # A teaser for another story, with that story's correction, after the article.
    other = (
        '<article class="teaser"><h2><a href="/news/ferry.html">Ferry fares rise</a></h2>'
        '<div class="teaser-note"><p>Correction: An earlier version of this teaser gave the '
        "wrong fare for a return ticket.</p></div></article>"
    )
    found = lines(
        wrapped_page(
            f"<article><h1>North quay closed to lorries</h1>"
            f'<div class="story-wrap">{BODY_HTML}</div></article>{other}'
        )
    )
    assert not any("teaser" in line for line in found), found


MORE_NEWS = (
    '<section class="more-news"><h2>More news</h2><ul><li><a href="/news/ferry.html">Ferry '
    'fares rise</a></li><li><a href="/news/school.html">School to close</a></li></ul></section>'
)


@pytest.mark.parametrize("box", sorted(BOXES))
def test_a_note_right_after_the_article_element_is_the_articles(box: str) -> None:
    # A template that closes the story's <article> before its correction box: readability
    # found the body in its wrapper and never looked past the article element.
    found = lines(
        wrapped_page(
            f"<article><h1>North quay closed to lorries</h1>"
            f'<div class="story-wrap">{BODY_HTML}</div></article>{BOXES[box]}{MORE_NEWS}'
        )
    )
    assert where(found, FIRST_WORDS[box]) > where(found, BODY[-1][:40]) >= 0, found
    assert "Ferry fares rise" not in found


def test_a_note_after_another_box_past_the_article_stays_out() -> None:
    # The page's box after the article (its letters page) comes between: the note is that
    # box's, or the page's.
    letters = (
        '<section class="letters"><h2>Letters</h2><p>Write to the editor about any story in '
        "this week's paper, with your name and the town you live in.</p></section>"
    )
    found = lines(
        wrapped_page(
            f"<article><h1>North quay closed to lorries</h1>"
            f'<div class="story-wrap">{BODY_HTML}</div></article>{letters}{BOXES["aside"]}'
        )
    )
    assert where(found, "Correction:") == -1, found


@pytest.mark.parametrize("notes", [1, 2])
def test_a_note_after_the_standfirst_comes_after_it(notes: int) -> None:
    # readability-lxml moves the standfirst into the body's start; the editor's note between
    # the two stays between them.
    boxes = "".join(
        f'<div class="editors-note"><p><strong>Editor’s note {i}:</strong> This article has '
        "been updated.</p></div>"
        for i in range(1, notes + 1)
    )
    found = lines(
        wrapped_page(
            '<article><header><h1>North quay closed to lorries</h1><div class="standfirst">The '
            "harbour board closes the north quay to lorries for the winter.</div></header>"
            f"{boxes}{BODY_HTML}</article>"
        )
    )
    starts = ["The harbour board closes", *(f"Editor’s note {i}:" for i in range(1, notes + 1))]
    order = [where(found, s) for s in (*starts, BODY[0][:40])]
    assert order == sorted(order) and order[0] >= 0, found


def test_a_note_in_a_complementary_box_stays() -> None:
    # The role a sidebar declares, on the correction's own box in the article.
    box = f'<aside role="complementary" class="correction"><p>Correction: {CORRECTION}</p></aside>'
    assert lines(page(after=box))[-1] == f"Correction: {CORRECTION}"


def test_the_plain_search_before_the_pattern_misses_no_word_it_finds() -> None:
    """Each word of a note's, as the pattern reads it in any case, holds a piece the plain
    search looks for first: the plain search turns away no box the pattern would take."""
    from reader.extract.corrections import _MENTIONS, _may_mention

    words = [
        *[
            "Correction",
            "corrections",
            "Clarification",
            "UPDATE",
            "updated",
            "erratum",
            "errata",
            "Rectificatif",
        ],
        *[
            "correctif",
            "Précision",
            "N.D.L.R.",
            "ndlr",
            "Korrektur",
            "Richtigstellung",
            "Klarstellung",
        ],
        *["Aktualisierung", "Corrección", "Aclaración", "Actualización", "Correzione", "Rettifica"],
        *["Precisazione", "Aggiornamento", "Correção", "Atualização", "Correctie", "Rectificatie"],
        *[
            "corrected",
            "amended",
            "clarified",
            "version",
            "corrigé",
            "rectifié",
            "korrigiert",
            "geändert",
        ],
        *[
            "aktualisiert",
            "versión",
            "corregido",
            "actualizado",
            "corretto",
            "aggiornato",
            "versione",
        ],
        *["Fassung", "modifié"],
        *("Editor’s note", "Note from the editor", "Mise à jour", "n. d. l. r.", "Fe de errores"),
        *("note de la rédaction", "Anmerkung der Redaktion", "Hinweis der Redaktion"),
        *("Nota del editor", "nota de la redacción", "Nota della redazione", "nota da redação"),
        *("nota do editor", "Noot van de redactie"),
    ]
    for word in words:
        assert _MENTIONS.search(word), word
        assert _may_mention(word), word
