"""Ukrainian, Belarusian and Serbian letters in their alphabet's place (acc38a J8): a Chicago or
APA reference list puts "Ґудзь" before "Петров", and the feed list by title puts "Ґазета
Львова" after "Андрій" and "Івано-Франківськ" after "Житомир". Real parts: pages and feeds served
on 127.0.0.1, the reader's own command, the reader driven by Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_cli import reader
from test_feed_order import configured, serve, shown_feed_names
from tui_pilot import subscribe

from reader.collation import sort_key

STORY = (
    "<p>Міська рада затвердила бюджет на наступний рік, і депутати проголосували за ремонт "
    "доріг та мостів у трьох районах міста.</p><p>Роботи почнуться навесні й триватимуть до "
    "кінця осені, повідомили в департаменті інфраструктури.</p>"
)


def page(author: str, title: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="uk"><head><meta charset="utf-8"><title>{title}</title>'
        f'<meta name="author" content="{author}"></head><body><article><h1>{title}</h1>'
        f"{STORY}</article></body></html>"
    )


@pytest.mark.parametrize("style", ["chicago", "apa"])
def test_a_reference_list_is_in_the_ukrainian_alphabets_order(
    httpserver: HTTPServer, data_dir: Path, style: str
) -> None:
    writers = ["Петров Іван", "Ґудзь Олена", "Єрмак Тарас", "Гончар Ганна", "Іваненко Ігор"]
    urls = []
    for n, name in enumerate(writers):
        given, surname = name.split()[1], name.split()[0]
        httpserver.expect_request(f"/{n}.html").respond_with_data(
            page(f"{given} {surname}", f"Бюджет міста {n}"), content_type="text/html"
        )
        urls.append(httpserver.url_for(f"/{n}.html"))
    result = reader(data_dir, "show", *urls, "--format", "citation", "--style", style)
    assert result.returncode == 0, result.stderr
    firsts = [line.split(",")[0] for line in result.stdout.splitlines() if line.strip()]
    assert firsts == ["Гончар", "Ґудзь", "Єрмак", "Іваненко", "Петров"]


FEEDS = [
    ("a.xml", "Житомир"),
    ("b.xml", "Ґазета Львова"),
    ("c.xml", "Івано-Франківськ"),
    ("d.xml", "Євпаторія"),
    ("e.xml", "Дніпро"),
    ("f.xml", "Андрій"),
]


def test_the_feed_list_by_title_is_in_the_ukrainian_alphabets_order(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    subscribe(data_dir, [serve(httpserver, path, name, [9]) for path, name in FEEDS])
    assert shown_feed_names(data_dir, configured(data_dir, "title")) == [
        "Андрій",
        "Ґазета Львова",
        "Дніпро",
        "Євпаторія",
        "Житомир",
        "Івано-Франківськ",
    ]


@pytest.mark.parametrize(
    "ordered",
    [
        ["Иван", "Ірпінь", "Їжак", "Йосип", "Кирило"],  # Ukrainian: и і ї й
        ["Драган", "Ђорђе", "Ема", "Иван", "Јован", "Лука", "Љиљана", "Нина", "Њива"],  # Serbian
        ["Ёлка", "Жук"],  # Russian: ё before ж
        ["Урок", "Ўзбек", "Фёдар"],  # Belarusian: у ў ф
        ["Elodie", "Émile", "Zoe", "Андрій"],  # Latin before Cyrillic, accents aside
    ],
)
def test_sort_key(ordered: list[str]) -> None:
    assert sorted(reversed(ordered), key=sort_key) == ordered
