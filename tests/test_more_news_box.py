"""A "More news" box after the story, its label a heading and its one story a bare link (El
Tiempo's `<div class="mas-noticias"><h3>Más noticias</h3><a>…</a></div>`), goes whole: not its
label only, leaving the other story's headline as the article's last line.
Real parts: the page through the real extractor.
"""

from __future__ import annotations

from reader.extract import extract_article, to_markdown

PARAGRAPHS = [
    "El puente peatonal sobre la calle 80 abrirá al público el próximo lunes, según el Distrito.",
    "La estructura, de 140 metros, conecta dos estaciones del sistema de buses articulados.",
    "Las obras comenzaron en febrero y costaron 38.000 millones de pesos.",
    "La interventoría revisará las barandas durante la primera semana de uso.",
]


def _page(box: str) -> str:
    body = "".join(f'<p class="contenido">{p}</p>' for p in PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="es-CO"><head><meta charset="utf-8">'
        "<title>Abre el puente de la calle 80 - Bogotá - ElDiario.example</title>"
        '<meta property="og:title" content="Abre el puente de la calle 80">'
        '<meta property="og:site_name" content="El Diario"></head><body>'
        '<nav class="main-nav"><a>Colombia</a> <a>Bogotá</a> <a>Mundo</a></nav>'
        '<div class="article-container"><h1 class="titulo">Abre el puente de la calle 80</h1>'
        '<div class="lead"><p>El paso peatonal estará listo el lunes tras diez meses de obra.</p>'
        '</div><div class="author-date"><span class="autor">Redacción Bogotá</span></div>'
        f'<div class="articulo-contenido">{body}'
        '<p class="contenido">REDACCIÓN BOGOTÁ<br>Con información del Distrito</p></div>'
        f'<div class="social"><a>Facebook</a> <a>X</a></div>{box}</div></body></html>'
    )


def test_a_more_news_box_after_the_story_goes_with_its_link() -> None:
    """Was "Cambia el horario de la ciclovía dominical" as the article's last paragraph (the
    box's heading alone dropped: readability had made the box a paragraph)."""
    box = (
        '<div class="mas-noticias"><h3>Más noticias</h3>'
        "<a>Cambia el horario de la ciclovía dominical</a></div>"
    )
    text = to_markdown(extract_article(_page(box), "https://www.eldiario.example/bogota/puente"))
    assert "ciclovía" not in text
    assert "Más noticias" not in text
    assert text.rstrip().endswith("Con información del Distrito")
    assert all(p in text for p in PARAGRAPHS)


def test_a_box_under_a_heading_of_its_own_stays() -> None:
    """A heading that names no insert heads the story's own box: it and its words stay."""
    box = (
        '<div class="recuadro"><h3>Horario de apertura</h3>'
        "<a>De lunes a domingo, de cinco de la mañana a once de la noche</a></div>"
    )
    text = to_markdown(extract_article(_page(box), "https://www.eldiario.example/bogota/puente"))
    assert "Horario de apertura" in text
    assert "de cinco de la mañana a once de la noche" in text
