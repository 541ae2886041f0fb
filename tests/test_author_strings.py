"""A declared author string is cut down to the writer's name: a newsroom's name keeps its digits
("g1 SP", "Team 24/7"), the Indonesian "Oleh" ("By") goes as "By" does, a credit line's
editor and photographer after a semicolon are no writers, and a desk named by the site's name
("Pedro Ferreira, g1 Minas") is the site's. Real parts: the pages through the real extractor.
"""

from __future__ import annotations

import pytest

from reader.extract import extract_article

PARAGRAPHS = [
    "Heavy rain flooded the lower streets of the city on Wednesday afternoon, and the fire "
    "brigade was called out to clear fallen trees from three avenues.",
    "The weather office expects more storms until the weekend and asked drivers to keep away "
    "from the river roads, where the water rose half a metre in an hour.",
]


def page_declaring(author: str, site: str = "Harbour Times") -> str:
    """A plain story whose only author is its `<meta name="author">`."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Storms</title>'
        f'<meta name="author" content="{author}">'
        f'<meta property="og:site_name" content="{site}">'
        f"</head><body><article><h1>Storms</h1>{body}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("declared", "author"),
    [
        ("g1 SP", "g1 SP"),
        ("Team 24/7", "Team 24/7"),
        ("Oleh Ahmad Yani", "Ahmad Yani"),
        ("Reporting by Joe Brock; Editing by Ed Osmond", "Joe Brock"),
        ("Texto: Ana Souza; Fotos: João Lima", "Ana Souza"),
        ("Lucas Nolan 22 Dec 2016", "Lucas Nolan"),
        ("Ann Lee 24/7/2026", "Ann Lee"),
        ("holt.maren@courier.example", ""),  # an e-mail address names nobody (acc27a A27)
    ],
    ids=[
        "desk-digit",
        "team-24-7",
        "oleh",
        "reporting-editing",
        "texto-fotos",
        "date",
        "slash-date",
        "e-mail",
    ],
)
def test_a_declared_author_is_the_writers_name(declared: str, author: str) -> None:
    """ "g1 SP" was cited "g", "Team 24/7" "Team" (a name was cut at its first digit), "Oleh
    Ahmad Yani" kept its "By", the editor and the photographer were cited with the writer."""
    article = extract_article(page_declaring(declared), "https://news.example/storms")
    assert article.author == author


def test_a_desk_named_by_the_site_is_the_sites() -> None:
    """g1 declares "Por Pedro Ferreira, g1 Minas — Belo Horizonte": cited "Pedro Ferreira, g"."""
    page = page_declaring("Por Pedro Ferreira, g1 Minas — Belo Horizonte", site="g1")
    assert extract_article(page, "https://g1.example/noticia").author == "Pedro Ferreira"


def test_a_printed_byline_naming_the_sites_desk() -> None:
    """With no declared author, g1's byline line "Por Pedro Ferreira, g1 Minas — Belo
    Horizonte" under the headline names the reporter alone."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = (
        '<!DOCTYPE html><html lang="pt-br"><head><meta charset="utf-8"><title>Chuva</title>'
        '<meta property="og:site_name" content="g1"></head><body><main><article>'
        '<h1 class="content-head__title">Chuva</h1>'
        '<p class="content-publication-data__from">Por <strong>Pedro Ferreira, g1 Minas'
        f"</strong> — Belo Horizonte</p>{body}</article></main></body></html>"
    )
    assert extract_article(page, "https://g1.example/noticia").author == "Pedro Ferreira"


def test_an_agency_after_the_name_stays() -> None:
    """Only the site's own desk goes: "Ann Lee, Reuters" on another site names the agency."""
    page = page_declaring("Ann Lee, Reuters", site="g1")
    assert extract_article(page, "https://g1.example/noticia").author == "Ann Lee, Reuters"


def page_with_byline(byline: str, declared: list[str] | None = None) -> str:
    """A plain story whose byline element says `byline`, and whose JSON-LD names `declared`."""
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    script = ""
    if declared is not None:
        people = ",".join(f'{{"@type":"Person","name":"{n}"}}' for n in declared)
        script = (
            '<script type="application/ld+json">{"@context":"https://schema.org",'
            f'"@type":"NewsArticle","headline":"Storms","author":[{people}]}}</script>'
        )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Storms</title>'
        f'{script}</head><body><article><h1>Storms</h1><p class="byline">{byline}</p>{body}'
        "</article></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("By Maren Holt with additional reporting by Jonas Berg", "Maren Holt"),
        ("By Maren Holt, with additional reporting by Jonas Berg", "Maren Holt"),
        ("Words: Maren Holt. Photos: Jonas Berg", "Maren Holt"),
        ("By Maren Holt and Jonas Berg", "Maren Holt, Jonas Berg"),
    ],
    ids=["with-additional-reporting", "comma-with", "words-photos", "two-writers"],
)
def test_a_contributor_or_a_photographer_is_no_author(byline: str, author: str) -> None:
    """ "Maren Holt with" was cited as "with, M. H.", and a magazine's credit line as one
    author "Berg, W. M. H. P. J." (acc27a A22)."""
    article = extract_article(page_with_byline(byline), "https://news.example/storms")
    assert article.author == author


def test_a_job_between_the_names_of_a_byline_is_no_author() -> None:
    """The page declares four writers; its byline names them with the first one's job among
    them, which was cited as a fifth author, "Investigations Editor" (acc27a A13)."""
    four = ["Maren Holt", "Tomás O'Connor", "Ursula von der Leyen", "Li Wei"]
    byline = "By Maren Holt, Investigations Editor, Tomás O'Connor, Ursula von der Leyen and Li Wei"
    for declared in (four, None):
        article = extract_article(page_with_byline(byline, declared), "https://news.example/s")
        assert article.author == ", ".join(four)
