"""The everyday bylines of Chinese, Taiwanese, Japanese and Korean papers and wires, and the
labels, roles and places other languages' bylines hold beside the name: each gives its writers,
and only them (acc31b M1, M18, M19). Real parts: the pages through the real extractor, the
authors as `reader show --format json` lists them.
"""

from __future__ import annotations

import pytest

from reader.citation_styles import authors
from reader.extract import extract_article

STORY = (
    "<p>The harbour will close its north quay for a month while the breakwater is rebuilt, the "
    "port authority said on Friday, and the ferries will berth at the south quay.</p>"
    "<p>Fishing boats keep their moorings, and twelve new berths have been marked out for "
    "them beside the fish market, which opens as usual on Saturday.</p>"
)


def cited_authors(byline: str, lang: str) -> list[str]:
    """The authors of a story in `lang` whose `byline` stands under its headline."""
    page = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>Harbour</title>'
        f'</head><body><article><h1>Harbour</h1><div class="byline">{byline}</div>{STORY}'
        "</article></body></html>"
    )
    return authors(extract_article(page, "https://news.example/2026/12/05/harbour.html"))


EAST_ASIAN = [
    # The mainland's "our paper's reporter X, correspondent Y".
    ("本报记者 张伟 通讯员 刘洋", "zh-CN", ["张伟", "刘洋"]),
    ("本报记者 张伟", "zh-CN", ["张伟"]),
    ("文/记者 张伟", "zh-CN", ["张伟"]),
    # A wire's dateline alone: Xinhua's, China News Service's.
    ("新华社上海12月4日电（记者张伟）", "zh-CN", ["张伟"]),
    ("中新网广州12月4日电(记者 张伟 刘洋)", "zh-CN", ["张伟", "刘洋"]),
    # Taiwan's papers: the reporter and where the report came from.
    ("記者林志明／高雄報導", "zh-TW", ["林志明"]),
    ("〔記者林志明／高雄報導〕", "zh-TW", ["林志明"]),
    ("記者林志明/綜合報導", "zh-TW", ["林志明"]),
    # Taiwan's Central News Agency: the reporter, the place and the day run together.
    ("中央社記者林志明高雄4日電", "zh-TW", ["林志明"]),
    # Japan's Yomiuri and Nikkei: the place, "＝", the reporter.
    ("【パリ＝鈴木一郎】", "ja", ["鈴木一郎"]),
    # Korea's wires and "text: … reporter".
    ("[부산=뉴시스]박지훈 기자 =", "ko", ["박지훈"]),
    ("(부산=연합뉴스) 박지훈 기자 =", "ko", ["박지훈"]),
    ("글 박지훈 기자", "ko", ["박지훈"]),
    ("글·사진 박지훈 기자", "ko", ["박지훈"]),
]

ELSEWHERE = [
    # Labels: Turkish "news:", Thai "story:", Persian "report:", Vietnamese "text and photos:",
    # Arabic "wrote –".
    ("Haber: Elif Şahin", "tr", ["Elif Şahin"]),
    ("เรื่อง: วิชัย ศรีสุข", "th", ["วิชัย ศรีสุข"]),
    ("گزارش: سارا کریمی", "fa", ["سارا کریمی"]),
    ("Bài và ảnh: Lê Thị Hoa", "vi", ["Lê Thị Hoa"]),
    ("Bài: Lê Thị Hoa", "vi", ["Lê Thị Hoa"]),
    ("كتب - أحمد حسن", "ar", ["أحمد حسن"]),
    # An Egyptian paper's place before its writer; an outlet's name after the place stays
    # no writer.
    ("الإسكندرية - أحمد حسن", "ar", ["أحمد حسن"]),
    ("دبي - العربية.نت", "ar", []),
    # A role after the comma is no second writer.
    ("Сергей Орлов, корреспондент «Портовых новостей»", "ru", ["Сергей Орлов"]),
    ("מאת יעל כהן, כתבת חדשות הים", "he", ["יעל כהן"]),
    # A place after the comma, in Cyrillic as in Latin; a place in brackets.
    ("Тарас Бондар, Одеса", "uk", ["Тарас Бондар"]),
    ("Par Claire Morel (à Marseille)", "fr", ["Claire Morel"]),
    # A Hindi paper's city, after the name or before it.
    ("सुनील वर्मा, लखनऊ", "hi", ["सुनील वर्मा"]),
    ("लखनऊ, सुनील वर्मा", "hi", ["सुनील वर्मा"]),
    ("सुनील वर्मा, अनीता सिंह", "hi", ["सुनील वर्मा", "अनीता सिंह"]),
    # Two Vietnamese writers set apart by a dash; an agency after a slash, as after a comma.
    ("Lê Thị Hoa - Phạm Văn Đức", "vi", ["Lê Thị Hoa", "Phạm Văn Đức"]),
    ("Tomasz Zieliński / PAP", "pl", ["Tomasz Zieliński", "PAP"]),
]


@pytest.mark.parametrize(("byline", "lang", "names"), EAST_ASIAN, ids=[b for b, _, _ in EAST_ASIAN])
def test_an_east_asian_byline_gives_its_reporters(byline: str, lang: str, names: list[str]) -> None:
    """Were "本报记者, 张伟, 通讯员, 刘洋", the agency and place "新华社上海", "林志明／高雄報導",
    none for CNA's and Korea's wires, "パリ＝鈴木一郎", "글 박지훈"."""
    assert cited_authors(byline, lang) == names


@pytest.mark.parametrize(("byline", "lang", "names"), ELSEWHERE, ids=[b for b, _, _ in ELSEWHERE])
def test_a_byline_s_label_role_or_place_is_no_writer(
    byline: str, lang: str, names: list[str]
) -> None:
    """Were "Haber: Elif Şahin", "เรื่อง: …", a role or a city as a second writer, or no writer
    at all ("كتب -", "Bài và ảnh:", the Egyptian place)."""
    assert cited_authors(byline, lang) == names


@pytest.mark.parametrize(
    ("byline", "lang", "names"),
    [
        ("记者 王磊 刘洋", "zh-CN", ["王磊", "刘洋"]),
        ("山田太郎記者", "ja", ["山田太郎"]),
        ("（記者 佐藤花子、鈴木一郎）", "ja", ["佐藤花子", "鈴木一郎"]),
        ("김민수 기자 minsu@harbour.example", "ko", ["김민수"]),
        ("Von Jonas Weber, Hamburg", "de", ["Jonas Weber"]),
        ("Ann Lee, Reuters", "en", ["Ann Lee", "Reuters"]),
        ("Gilles Rof (Marseille)", "fr", ["Gilles Rof (Marseille)"]),
        ("Иван Петров и Анна Смирнова", "ru", ["Иван Петров", "Анна Смирнова"]),
        # A dash or a slash after the name still ends it: a date, a place, a job.
        ("Dan Goodin - Apr 16, 2026", "en", ["Dan Goodin"]),
        ("Jane Doe - Staff Writer", "en", ["Jane Doe"]),
        ("Elif Şahin / İzmir", "tr", ["Elif Şahin"]),
        ("Lê Thị Hoa - Hà Nội", "vi", ["Lê Thị Hoa"]),
    ],
)
def test_the_bylines_read_right_before_stay_so(byline: str, lang: str, names: list[str]) -> None:
    assert cited_authors(byline, lang) == names
