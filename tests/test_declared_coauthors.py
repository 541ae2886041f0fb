"""Two writers declared in one string (`<meta name="author" content="Anna Krüger und Jens
Meyer">`, a JSON-LD author's name) are cited as two, as a visible byline's are, in the
languages a byline is split in; a name holding such a word ("José Ortega y Gasset") and an
organisation's name ("Department of Health and Social Care") stay whole."""

from __future__ import annotations

import json

import pytest

from reader.extract import extract_article

BODY = """<p>The harbour board voted on Tuesday to rebuild the old sea wall before the winter
storms, after a survey found cracks along most of its length.</p>
<p>Work on the wall will start in April and take two summers, the board said, at a cost it
put at four million. The ferry slip beside it stays open throughout.</p>
<p>Fishermen who moor inside the wall said they had asked for the repairs for a decade.</p>"""


def page(head: str, byline: str = "") -> str:
    return f"""<html lang="en"><head><title>Harbour wall to be rebuilt - Coast Courier</title>
{head}</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article>
<h1>Harbour wall to be rebuilt</h1>{byline}{BODY}</article></body></html>"""


def meta_author(content: str) -> str:
    return f'<meta name="author" content="{content}">'


def ld_author(author: object) -> str:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "author": author}
    return f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>'


def author(html: str) -> str:
    return extract_article(html, "https://coast-courier.example/harbour-wall").author


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (meta_author("Von Anna Krüger und Jens Meyer"), "Anna Krüger, Jens Meyer"),
        (meta_author("Par Jean Dupont et Marie Curie"), "Jean Dupont, Marie Curie"),
        (meta_author("Ana Ruiz y Tomás Berg"), "Ana Ruiz, Tomás Berg"),
        (meta_author("Carla Neri e Marco Bruni"), "Carla Neri, Marco Bruni"),
        (meta_author("Jordi Puig i Marta Soler"), "Jordi Puig, Marta Soler"),
        (meta_author("Анна Лебедева и Павел Орлов"), "Анна Лебедева, Павел Орлов"),
        (meta_author("Ana Ruiz, Tom Berg and Li Wei"), "Ana Ruiz, Tom Berg, Li Wei"),
        (ld_author("By Jane Smith and Tom Okafor"), "Jane Smith, Tom Okafor"),
        (
            ld_author({"@type": "Person", "name": "Jean Dupont et Marie Curie"}),
            "Jean Dupont, Marie Curie",
        ),
    ],
)
def test_two_writers_declared_in_one_string_are_two_authors(head: str, expected: str) -> None:
    assert author(page(head)) == expected


@pytest.mark.parametrize(
    "name",
    [
        "José Ortega y Gasset",
        "Josep Puig i Cadafalch",
        "Pieter van der Berg",
        "Department of Health and Social Care",
        "Arts and Culture Desk",
        "Marks and Spencer",
    ],
)
def test_a_name_holding_a_joining_word_stays_whole(name: str) -> None:
    assert author(page(meta_author(name))) == name


def test_an_organisation_declared_as_author_stays_whole() -> None:
    organisation = {"@type": "Organization", "name": "Harbour Board and Port Authority"}
    assert author(page(ld_author(organisation))) == "Harbour Board and Port Authority"


def test_the_byline_naming_the_same_two_gives_them_once() -> None:
    byline = '<p class="byline">Von Anna Krüger und Jens Meyer</p>'
    html = page(meta_author("Anna Krüger und Jens Meyer"), byline)
    assert author(html) == "Anna Krüger, Jens Meyer"
