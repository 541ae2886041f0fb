"""A story's closing video playlist (g1's "VÍDEOS: veja tudo sobre …" over a box of clips) is the
site's furniture: neither its heading nor its clips' titles, run together, end the article.
Real parts: the page through the real extractor.
"""

from __future__ import annotations

from reader.extract import extract_article, to_markdown

# g1's stories are short: a few paragraphs, each in a column box of its own.
PARAGRAPHS = [
    "A chuva forte desta quarta-feira alagou ruas e derrubou árvores, segundo a Defesa Civil.",
    "Na Região da Pampulha, o volume chegou a 48 milímetros em uma hora.",
    "A avenida principal do bairro ficou interditada por quase duas horas.",
    "A previsão é de mais pancadas até o fim de semana, com risco de raios e ventos fortes.",
]


def test_the_closing_playlist_and_its_heading_are_left_out() -> None:
    """Was "## VÍDEOS: veja tudo sobre Minas Gerais" then "Chuva derruba árvore na
    SavassiPrevisão do tempo para BH"."""
    column = '<div class="mc-column content-text active-extra-styles">'
    body = "".join(f'{column}<p class="content-text__container">{p}</p></div>' for p in PARAGRAPHS)
    html = (
        '<!DOCTYPE html><html lang="pt-br"><head><meta charset="utf-8"><title>Chuva forte alaga ruas da capital | Minas Gerais | G1</title>'
        '<meta property="og:site_name" content="g1"></head><body><header><a>g1</a> <a>Minas '
        'Gerais</a></header><main><div class="mc-article-header"><h1 class="content-head__title"'
        ' itemprop="headline">Chuva forte alaga ruas da capital</h1><h2 class="content-head__subtitle">'
        'A Defesa Civil registrou 48 milímetros em uma hora. Não há registro de feridos.</h2><div class="content-publication-data"><p class='
        '"content-publication-data__from">Por <strong>Pedro Ferreira, g1 Minas</strong> — Belo '
        'Horizonte</p><p class="content-publication-data__updated"><time itemprop='
        '"datePublished" datetime="2026-12-03T18:20:31.512Z">03/12/2026 15h20</time> Atualizado '
        '<time itemprop="dateModified" datetime="2026-12-03T19:05:02.100Z">há 2 horas</time>'
        "</p></div>"
        f'</div><article itemprop="articleBody">{body}'
        '<div class="mc-column content-intertitle"><h2>Alerta</h2></div>'
        f'{column}<p class="content-text__container">A Defesa Civil emitiu alerta de chuvas.</p>'
        f'</div>{column}<h2 class="content-intertitle">VÍDEOS: veja tudo sobre Minas Gerais</h2>'
        '</div><div class="video-playlist"><a>Chuva derruba árvore na Savassi</a><a>Previsão do '
        "tempo para BH</a></div></article></main></body></html>"
    )
    text = to_markdown(extract_article(html, "https://g1.example/noticia"))
    assert "VÍDEOS" not in text
    assert "Savassi" not in text
    assert text.rstrip().endswith("A Defesa Civil emitiu alerta de chuvas.")
