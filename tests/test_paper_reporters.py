"""Japanese and Chinese bylines naming the paper or agency beside the reporter, a byline with
its date in the same element, and a Japanese lede opening with its reporter: each cites the
reporter (acc38a J1, J2, J3). Real parts: the pages through the real extractor, the authors as
`reader show --format json` lists them."""

from __future__ import annotations

import pytest

from reader.citation_styles import authors
from reader.extract import extract_article

STORY_JA = (
    "<p>東京都は５日、北陸新幹線の延伸工事について、２０２７年度中に着工すると発表した。</p>"
    "<p>ＪＲ西日本によると、工事は敦賀から小浜までの区間で始まり、総事業費は２兆円を超える見通しだ。</p>"
)
STORY_ZH = (
    "<p>交通运输部5日发布消息，今年全国城市轨道交通新增运营里程超过八百公里。</p>"
    "<p>据介绍，新开通线路主要集中在中西部城市，客流量同比增长百分之十二。</p>"
)


def page(lang: str, byline: str, story: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>記事</title>'
        f"</head><body><article><h1>見出し</h1>{byline}{story}</article></body></html>"
    )


def cited(lang: str, byline: str, story: str) -> list[str]:
    html = page(lang, byline, story)
    return authors(extract_article(html, "https://news.example/2026/12/05/story.html"))


DATED = ' · <time datetime="2026-12-04T08:00:00+09:00">2026年12月4日</time>'


@pytest.mark.parametrize(
    ("lang", "byline", "story", "expected"),
    [
        # J1: the byline with its date in the same element.
        ("ja", "【東京＝山田太郎】", STORY_JA, ["山田太郎"]),
        ("ja", f'<span class="author">【東京＝山田太郎】</span>{DATED}', STORY_JA, ["山田太郎"]),
        (
            "zh-CN",
            f'<span class="author">新华社北京12月5日电（记者王晓明）</span>{DATED}',
            STORY_ZH,
            ["王晓明"],
        ),
        # J3: the paper, "reporter", the name: the paper is the employer.
        ("ja", '<span class="author">関西日報 記者 佐藤花子</span>', STORY_JA, ["佐藤花子"]),
        (
            "ja",
            f'<span class="author">関西日報 記者 佐藤花子</span>{DATED}',
            STORY_JA,
            ["佐藤花子"],
        ),
        ("zh-CN", '<span class="author">人民日报记者 王明</span>', STORY_ZH, ["王明"]),
        # An agency before its reporter: both, as "A, Reuters".
        ("ja", '<span class="author">共同通信 鈴木一郎</span>', STORY_JA, ["鈴木一郎", "共同通信"]),
        # Held: the name before "記者", and "記者" alone before it.
        ("ja", '<span class="author">山田太郎記者</span>', STORY_JA, ["山田太郎"]),
        ("ja", '<span class="author">記者 佐藤花子</span>', STORY_JA, ["佐藤花子"]),
    ],
)
def test_byline_element_cites_the_reporter(
    lang: str, byline: str, story: str, expected: list[str]
) -> None:
    assert cited(lang, f'<div class="byline">{byline}</div>', story) == expected


def test_japanese_lede_names_its_reporter() -> None:
    """J2: "【東京＝山田太郎】東京都は…", as Japanese papers print it, with no byline element."""
    story = "<p>【東京＝山田太郎】" + STORY_JA[3:]
    assert cited("ja", "", story) == ["山田太郎"]


def test_agency_dateline_in_the_lede_names_nobody() -> None:
    """Kyodo's "【ワシントン共同】" names the agency, no reporter."""
    story = "<p>【ワシントン共同】" + STORY_JA[3:]
    assert "ワシントン共同" not in " ".join(cited("ja", "", story))


# ext40: a reporter's name written with a space between the family and the given name, as
# Japanese sets it (the ideographic space kept, as in any Japanese name: "山田　太郎"); two
# reporters; an agency's dateline, after "＝" or written onto the place, cites the agency by the
# name it goes by. The place (東京, ワシントン) is where the story was filed from: no writer.
@pytest.mark.parametrize(
    ("dateline", "expected"),
    [
        ("【東京＝山田\u3000太郎】", ["山田\u3000太郎"]),
        ("【東京＝山田 太郎】", ["山田 太郎"]),
        ("【東京＝山田\u3000太郎、佐藤\u3000花子】", ["山田\u3000太郎", "佐藤\u3000花子"]),
        ("【ワシントン＝共同】", ["共同通信"]),
        ("【ワシントン共同】", ["共同通信"]),
        ("【ソウル時事】", ["時事通信"]),
        ("【ソウル＝時事】", ["時事通信"]),
    ],
)
def test_japanese_dateline_as_byline_and_as_lede(dateline: str, expected: list[str]) -> None:
    byline = f'<div class="byline"><span class="author">{dateline}</span>{DATED}</div>'
    assert cited("ja", byline, STORY_JA) == expected
    assert cited("ja", "", f"<p>{dateline}" + STORY_JA[3:]) == expected
