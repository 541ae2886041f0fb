"""The feed list by title and the tag rows in the alphabet's order of Persian, Arabic and Thai
(acc41c C6), and the tag rows by the feeds' own order, Cyrillic's letters in their places
(acc41c C7). Real parts: feeds served on 127.0.0.1, the reader driven by Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_feed_order import configured, serve, shown_feed_names
from tui_pilot import subscribe

from reader.collation import by_title, sort_key, title_key
from reader.library import Library


@pytest.mark.parametrize(
    "ordered",
    [
        # Persian: ا ب پ ت … ج چ … ز ژ … ک گ ل م ن و ه ی (پ چ ژ گ in their places).
        ["ایسنا", "پیام", "جام جم", "چشم\u200cانداز", "ژورنال", "کیهان", "گزارش روز", "همشهری"],
        ["نوروز", "ورزش", "همشهری", "یادداشت"],  # و before ه
        ["خبرگزاري", "كيهان", "گزارش"],  # Arabic ي and ك in a Persian name: one letter
        ["الأهرام", "المصري", "الهلال", "الوطن", "اليوم"],  # Arabic: ه before و, أ with ا
        # Thai by the consonant, a vowel written before it read after it.
        ["กรุงเทพธุรกิจ", "ข่าวสด", "เดลินิวส์", "ไทยรัฐ", "โพสต์ทูเดย์", "มติชน"],
        ["Zeit", "Ёлки", "ایسنا", "ไทยรัฐ"],  # the scripts in their blocks' order still
    ],
)
def test_a_list_by_name_is_in_the_alphabets_order(ordered: list[str]) -> None:
    assert sorted(reversed(ordered), key=title_key) == ordered
    assert by_title(reversed(ordered)) == ordered


def test_sort_key_tells_persian_by_its_letters() -> None:
    assert sort_key("ورزش") > sort_key("هلال")  # Arabic's order: ه و
    assert sort_key("ورزش", in_persian=True) < sort_key("هلال", in_persian=True)


def test_the_feed_list_by_title_and_its_tag_rows_are_in_the_alphabets_order(
    httpserver: HTTPServer, data_dir: Path
) -> None:
    names = ["همشهری", "پیام", "گزارش روز", "ایسنا", "ژورنال"]
    urls = [serve(httpserver, f"f{n}.xml", name, [9]) for n, name in enumerate(names)]
    subscribe(data_dir, urls)
    lib = Library(data_dir)
    lib.tag_feed(urls[0], ["Россия", "Європа"])
    lib.tag_feed(urls[1], ["Ёлки", "Елки", "Ангола"])
    lib.close()
    assert shown_feed_names(data_dir, configured(data_dir, "title")) == [
        *("#Ангола", "#Елки", "#Ёлки", "#Європа", "#Россия"),
        *("ایسنا", "پیام", "ژورنال", "گزارش روز", "همشهری"),
    ]
