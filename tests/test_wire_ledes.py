"""A wire story's lede opens with the agency's dateline and, in Korean and Chinese wires, the
reporter's name: "(부산=연합뉴스) 김민수 기자 = …". It is the story's first paragraph, the news
itself, not a byline line to leave out because it names the declared author and holds a digit."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text
from reader.models import Article

URL = "https://news.example.kr/view/20261203001"

# Three more paragraphs: the lede is not the only text of the story.
_KOREAN_BODY = (
    "<p>항만공사는 3일 누적 물동량이 지난해 같은 기간보다 6.2% 늘었다고 밝혔다.</p>"
    "<p>특히 환적 화물이 크게 늘어 전체 증가를 이끌었다.</p>"
    "<p>공사 관계자는 항로 변경으로 환적 수요가 늘었다고 말했다.</p>"
)


def _page(lede: str, author: str = "", body: str = _KOREAN_BODY, lang: str = "ko") -> Article:
    meta = f'<meta name="author" content="{author}">' if author else ""
    html = (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>항만 물동량 사상 최대</title>{meta}"
        '<meta property="article:published_time" content="2026-12-03T09:30:00+09:00">'
        "</head><body><h1>항만 물동량 사상 최대</h1>"
        f"<article><p>{lede}</p>{body}</article></body></html>"
    )
    return extract_article(html, URL)


_KOREAN_LEDES = [
    (
        "(부산=연합뉴스) 김민수 기자 = 올해 부산항의 물동량이 처음으로 2천500만개를 넘는다.",
        "김민수",
    ),
    (
        "[서울=뉴시스]김지수 기자 = 서울시가 내년부터 한강 수상버스를 정식 운항한다고 3일 밝혔다.",
        "김지수",
    ),
    ("(서울=뉴스1) 홍길동 기자 = 정부가 내년 예산안을 3일 국회에 제출했다.", "홍길동"),
    ("[서울신문] 홍길동 기자 = 서울 지하철 2호선이 3일 오전 한때 멈췄다.", "홍길동"),
]


@pytest.mark.parametrize(("lede", "reporter"), _KOREAN_LEDES)
def test_a_korean_wire_lede_naming_the_declared_author_is_kept(lede: str, reporter: str) -> None:
    article = _page(lede, author=reporter)
    assert article.author == reporter
    assert to_text(article, header=False).startswith(lede)


@pytest.mark.parametrize(("lede", "reporter"), _KOREAN_LEDES)
def test_a_korean_wire_ledes_reporter_is_the_author_when_none_is_declared(
    lede: str, reporter: str
) -> None:
    article = _page(lede)
    assert article.author == reporter
    assert to_text(article, header=False).startswith(lede)


def test_two_reporters_of_a_korean_lede_are_both_authors() -> None:
    lede = "(세종=연합뉴스) 이수진·박지훈 기자 = 정부가 내년 예산안을 3일 국회에 제출했다."
    article = _page(lede)
    assert article.author == "이수진, 박지훈"
    assert to_text(article, header=False).startswith(lede)


@pytest.mark.parametrize(
    ("lede", "reporter"),
    [
        (
            "新华社北京12月3日电（记者张三）交通运输部3日发布消息，前11个月港口吞吐量增长5.2%。",
            "张三",
        ),
    ],
)
def test_a_chinese_wire_lede_naming_the_author_is_kept(lede: str, reporter: str) -> None:
    body = "<p>其中，外贸货物吞吐量增长7.1%，集装箱吞吐量增长6.8%。</p>" * 2
    article = _page(lede, author=reporter, body=body, lang="zh")
    assert article.author == reporter
    assert to_text(article, header=False).startswith(lede)


def test_a_byline_with_its_date_above_the_lede_is_still_left_out() -> None:
    article = _page(
        "김민수 기자 2026.12.03 09:30</p><p>(부산=연합뉴스) 김민수 기자 = 올해 부산항의 물동량이 "
        "처음으로 2천500만개를 넘는다.",
        author="김민수",
    )
    assert to_text(article, header=False).startswith("(부산=연합뉴스) 김민수 기자 = 올해")


def test_the_reporters_address_alone_after_the_story_is_left_out() -> None:
    lede = "(부산=연합뉴스) 김민수 기자 = 올해 부산항의 물동량이 처음으로 2천500만개를 넘는다."
    article = _page(lede, body=_KOREAN_BODY + "<p>kms@news.example.kr</p>")
    text = to_text(article, header=False)
    assert "kms@news.example.kr" not in text
    assert text.rstrip().endswith("환적 수요가 늘었다고 말했다.")


def test_an_address_in_a_sentence_at_the_end_stays() -> None:
    lede = "(부산=연합뉴스) 김민수 기자 = 올해 부산항의 물동량이 처음으로 2천500만개를 넘는다."
    closing = "제보는 카카오톡 또는 tips@news.example.kr 로 보내주세요."
    article = _page(lede, body=_KOREAN_BODY + f"<p>{closing}</p>")
    assert to_text(article, header=False).rstrip().endswith(closing)


# -- Tribun's reporter credits ---------------------------------------------------------------
TRIBUN_URL = "https://solo.tribunkota.example.com/2026/12/02/pasar-gede-direnovasi"
TRIBUN_STORY = [
    "<p><strong>TRIBUNKOTASOLO.COM, SOLO</strong> - Pemerintah Kota Surakarta mulai merenovasi "
    "atap Pasar Gede pada pekan depan, setelah bocor di beberapa los saat hujan deras.</p>",
    "<p>Kepala Dinas Perdagangan, Rina Kusuma, mengatakan pedagang akan dipindah sementara ke "
    "halaman parkir selama dua bulan.</p>",
    '<p>"Kami sudah bicara dengan paguyuban pedagang dan mereka setuju," kata Rina.</p>',
    "<p>Renovasi dibiayai anggaran daerah sebesar Rp 4,5 miliar dan ditargetkan selesai "
    "sebelum Lebaran.</p>",
]


def _tribun(
    lede_credit: str = "Laporan Reporter Tribun Kota Solo, Dewi Lestari",
    closing: str = "(Tribunkotasolo.com/Dewi Lestari)",
    penulis: str = "",
) -> Article:
    byline = f'<div class="credit">Penulis: <a>{penulis}</a> | Editor: <a>Yoga Pratama</a></div>'
    html = (
        "<!DOCTYPE html><html lang='id'><head><meta charset='utf-8'>"
        "<title>Pasar Gede Direnovasi Mulai Pekan Depan - Tribun Kota Solo</title>"
        '<meta property="og:site_name" content="Tribun Kota Solo"></head><body>'
        '<div id="article"><h1 id="arttitle">Pasar Gede Direnovasi Mulai Pekan Depan</h1>'
        f"{byline if penulis else ''}"
        '<time class="grey">Rabu, 2 Desember 2026 09:10 WIB</time>'
        '<div class="side-article txt-article">'
        f"{f'<p><strong>{lede_credit}</strong></p>' if lede_credit else ''}"
        f"{''.join(TRIBUN_STORY)}{f'<p>{closing}</p>' if closing else ''}"
        "</div></div></body></html>"
    )
    return extract_article(html, TRIBUN_URL)


def test_tribuns_credits_over_the_lede_and_under_the_story_leave_the_text() -> None:
    article = _tribun(penulis="Dewi Lestari")
    text = to_text(article, header=False)
    assert article.author == "Dewi Lestari"
    assert text.startswith("TRIBUNKOTASOLO.COM, SOLO - Pemerintah Kota Surakarta")
    assert text.rstrip().endswith("sebelum Lebaran.")
    assert "Laporan Reporter" not in text and "Tribunkotasolo.com/" not in text


@pytest.mark.parametrize(
    ("lede_credit", "closing", "author"),
    [
        ("Laporan Reporter Tribun Kota Solo, Dewi Lestari", "", "Dewi Lestari"),
        (
            "Laporan Wartawan Tribunkotasolo.com, Dewi Lestari dan Bayu Nugroho",
            "",
            "Dewi Lestari, Bayu Nugroho",
        ),
        ("", "(Tribunkotasolo.com/Dewi Lestari)", "Dewi Lestari"),
        ("", "(Tribunkotasolo.com/ Dewi Lestari/Bayu Nugroho)", "Dewi Lestari, Bayu Nugroho"),
    ],
)
def test_tribuns_credited_reporter_is_the_author_when_the_page_names_none(
    lede_credit: str, closing: str, author: str
) -> None:
    article = _tribun(lede_credit, closing)
    assert article.author == author
    text = to_text(article, header=False)
    assert text.startswith("TRIBUNKOTASOLO.COM, SOLO") and text.rstrip().endswith("Lebaran.")


@pytest.mark.parametrize(
    "closing",
    [
        # Not a credit: a sentence in brackets, a picture's credit, an editor's initials.
        "(Renovasi serupa dilakukan di Pasar Klewer tahun lalu.)",
        "(Foto: Tribunkotasolo.com/Dewi Lestari)",
        "(tribunkotasolo.com/dwi)",
    ],
)
def test_a_closing_line_in_brackets_that_credits_no_reporter_stays(closing: str) -> None:
    article = _tribun("", closing)
    assert article.author == ""
    assert to_text(article, header=False).rstrip().endswith(closing)
