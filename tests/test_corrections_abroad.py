"""Corrections and editor's notes on Chinese, Japanese, Korean and Russian news pages are read
in their place, as the English ones are: "更正：", "【訂正】", "編集部注：", "바로잡습니다",
"Исправление:", "Примечание редакции:". Each page is in the shape of its country's papers,
the note in a box of its own before or after the body; the site's own word on errors
("Нашли ошибку?", "我要纠错") stays out."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text

URL = "https://harbour.example/news/2026/12/02/north-quay.html"


def chinese_page(before: str = "", after: str = "") -> str:
    """A Chinese paper's story: the body in `rm_txt_con`, the editor's line under it."""
    body = "".join(f"<p>{text}</p>" for text in BODIES["zh"])
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>北码头禁止货车通行'
        '</title></head><body><div class="header"><ul><li><a href="/">首页</a></li><li>'
        '<a href="/news">新闻</a></li></ul></div><div class="main"><div class="rm_txt">'
        '<h1>北码头禁止货车通行</h1><div class="col-1-1">2026年12月02日 08:15 来源：港口日报'
        f'</div>{before}<div class="rm_txt_con">{body}</div>{after}'
        '<div class="edit">(责编：李明)</div></div></div><div class="footer"><p>版权所有 港口日报'
        "</p></div></body></html>"
    )


def japanese_page(before: str = "", after: str = "") -> str:
    """A Japanese paper's story: a header with the date, the body's paragraphs in a section."""
    body = "".join(f"<p>{text}</p>" for text in BODIES["ja"])
    return (
        '<!DOCTYPE html><html lang="ja"><head><meta charset="utf-8"><title>北側岸壁、トラック通行'
        '禁止に | 港新聞</title></head><body><header class="site-header"><nav><a href="/">トップ'
        '</a> <a href="/national">社会</a></nav></header><main><article class="article">'
        '<header><h1>北側岸壁、トラック通行禁止に</h1><time datetime="2026-12-02T08:15:00+09:00">'
        f"2026年12月2日 8時15分</time></header>{before}"
        f'<section class="article-body">{body}</section>{after}</article></main>'
        '<footer class="site-footer"><p>© 港新聞社</p></footer></body></html>'
    )


def korean_page(before: str = "", after: str = "") -> str:
    """A Korean agency's story: the body in `story-news`, the reporter's line in it."""
    body = "".join(f"<p>{text}</p>" for text in BODIES["ko"])
    return (
        '<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>북쪽 부두, 화물차 통행 '
        '금지 | 항구일보</title></head><body><div id="header"><ul class="gnb"><li><a href="/">홈'
        '</a></li><li><a href="/society">사회</a></li></ul></div><div class="container"><div '
        'class="content"><h1 class="tit">북쪽 부두, 화물차 통행 금지</h1><p class="update-time">'
        f'송고시간 2026-12-02 08:15</p>{before}<div class="story-news article">{body}'
        '<p class="txt-copyright">김하늘 기자</p></div>'
        f'{after}</div></div><div id="footer"><p>© 항구일보</p></div></body></html>'
    )


def russian_page(before: str = "", after: str = "") -> str:
    """A Russian paper's story: the body in `article__text`, in an article element."""
    body = "".join(f"<p>{text}</p>" for text in BODIES["ru"])
    return (
        '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Северный причал '
        'закрыли для грузовиков</title></head><body><header><nav><a href="/">Главная</a> '
        '<a href="/society">Общество</a></nav></header><main><article class="article">'
        '<h1 class="article__title">Северный причал закрыли для грузовиков</h1>'
        '<div class="article__date">2 декабря 2026, 08:15</div>'
        f'{before}<div class="article__text">{body}</div>{after}</article></main>'
        "<footer><p>© Портовые новости</p></footer></body></html>"
    )


BODIES = {
    "zh": [
        "港务局周二晚间投票决定，从三月起禁止货车驶入北码头，原因是工程师报告认为旧防波堤无法"
        "承受其重量。",
        "货运公司表示，绕行市中心将使每趟运输多花半小时，并在早高峰时段让重型车辆经过两所小学。",
        "港务局主席说，封闭只是暂时的，由县政府出资的防波堤维修工程应在夏季渡轮旺季开始前完工。",
    ],
    "ja": [
        "港湾局は2日夜、古い防波堤がトラックの重さに耐えられないとする技術者の報告を受け、3月から"
        "北側岸壁へのトラックの乗り入れを禁止することを決めた。",
        "運送業者は、市の中心部を迂回すると1回の運行に30分余計にかかり、朝の混雑時に小学校2校の"
        "前を大型車が通ることになると話している。",
        "港湾局の局長は、閉鎖は一時的なもので、県が費用を負担する防波堤の補修は夏のフェリーの"
        "繁忙期までに終わる見通しだと述べた。",
    ],
    "ko": [
        "항만청은 2일 밤 옛 방파제가 화물차의 무게를 견디지 못한다는 기술진 보고서에 따라 3월부터 "
        "북쪽 부두에 화물차 진입을 금지하기로 결정했다.",
        "운송업체들은 시내를 돌아가면 운행마다 30분이 더 걸리고 출근 시간에 초등학교 두 곳 앞으로 "
        "대형 차량이 지나가게 된다고 말했다.",
        "항만청장은 이번 폐쇄는 일시적이며 도가 비용을 대는 방파제 보수 공사는 여름 여객선 성수기 "
        "전에 끝날 것이라고 밝혔다.",
    ],
    "ru": [
        "Портовое управление во вторник вечером проголосовало за то, чтобы с марта закрыть "
        "северный причал для грузовиков: инженеры сочли, что старый волнорез не выдержит их веса.",
        "Перевозчики говорят, что объезд через центр города добавит к каждому рейсу полчаса и "
        "пустит тяжёлые машины мимо двух начальных школ в самый час пик.",
        "Глава управления заверил, что причал закрыт временно, а ремонт волнореза за счёт области "
        "закончат до начала летнего сезона паромов.",
    ],
}
PAGES = {
    "zh": chinese_page,
    "ja": japanese_page,
    "ko": korean_page,
    "ru": russian_page,
}
# The note's box as each country's papers set it, and the words its line starts with.
NOTES = {
    "zh-gengzheng": (
        "zh",
        '<div class="gengzheng"><p>更正：本报此前报道误将港务局主席的姓氏写错，特此更正。</p></div>',
        "更正：本报此前报道",
    ),
    "zh-bianzhean": (
        "zh",
        '<div class="editor-note"><p><strong>编者按：</strong>本文发表后，货运协会回应称将与港务'
        "局协商替代路线。</p></div>",
        "编者按：本文发表后",
    ),
    "zh-hant": (
        "zh",
        '<div class="correction"><p>訂正：港務局的表決結果為七比五，而非此前報道的七比四。</p></div>',
        "訂正：港務局的表決結果",
    ),
    "ja-bracket": (
        "ja",
        '<div class="teisei"><p>【訂正】港湾局の採決は7対5でした。当初の記事で7対4としていました。'
        "</p></div>",
        "【訂正】港湾局の採決は",
    ),
    "ja-colon": (
        "ja",
        '<aside class="correction"><p>訂正：局長の名前に誤りがありました。訂正します。</p></aside>',
        "訂正：局長の名前に",
    ),
    "ja-editors": (
        "ja",
        '<div class="article-note"><p>編集部注：この記事は運送業者の団体の回答を加えて更新しました。'
        "</p></div>",
        "編集部注：この記事は",
    ),
    "ko-heading": (
        "ko",
        '<div class="correction"><strong class="tit">바로잡습니다</strong><p>항만청 표결 결과는 '
        "7대 5로, 처음 보도한 7대 4가 아니었기에 바로잡습니다.</p></div>",
        "바로잡습니다",
    ),
    "ko-colon": (
        "ko",
        '<div class="notice-box"><p>정정: 항만청장의 이름이 잘못 표기돼 바로잡았습니다.</p></div>',
        "정정: 항만청장의",
    ),
    "ko-editors": (
        "ko",
        '<div class="editor-note"><p>[편집자 주 = 항만청의 북쪽 부두 폐쇄를 두고 운송업계의 반발이 '
        "이어지고 있습니다. 현장의 목소리를 전합니다.]</p></div>",
        "[편집자 주 = 항만청의",
    ),
    "ru-correction": (
        "ru",
        '<div class="article__note"><p><b>Исправление:</b> в первой версии заметки была неверно '
        "указана фамилия главы управления.</p></div>",
        "Исправление: в первой версии",
    ),
    "ru-amendment": (
        "ru",
        '<aside class="correction"><p>Поправка: голосование прошло со счётом 7:5, а не 7:4, как '
        "говорилось ранее.</p></aside>",
        "Поправка: голосование",
    ),
    "ru-marked": (
        "ru",
        '<aside class="article__note"><p><em>Материал был дополнен после публикации.</em></p>'
        "</aside>",
        "Материал был дополнен",
    ),
    "ru-earlier": (
        "ru",
        '<aside class="article__note"><p>В предыдущей версии этой статьи неверно указывался '
        "срок окончания ремонта.</p></aside>",
        "В предыдущей версии",
    ),
    "ru-editors": (
        "ru",
        '<div class="editors-note"><p>Примечание редакции: после публикации текст дополнен '
        "ответом ассоциации перевозчиков.</p></div>",
        "Примечание редакции:",
    ),
}


def lines(html: str) -> list[str]:
    return [line for line in to_text(extract_article(html, URL)).splitlines() if line.strip()]


def where(found: list[str], start: str) -> int:
    return next((i for i, line in enumerate(found) if line.startswith(start)), -1)


@pytest.mark.parametrize("note", sorted(NOTES))
def test_a_note_after_the_body_is_read_after_it(note: str) -> None:
    lang, box, start = NOTES[note]
    found = lines(PAGES[lang](after=box))
    assert where(found, start) > where(found, BODIES[lang][-1][:12]) >= 0, found


@pytest.mark.parametrize("note", sorted(NOTES))
def test_a_note_before_the_body_is_read_before_it(note: str) -> None:
    lang, box, start = NOTES[note]
    found = lines(PAGES[lang](before=box))
    assert 0 <= where(found, start) < where(found, BODIES[lang][0][:12]), found


@pytest.mark.parametrize(
    ("lang", "box"),
    [
        # The site's own word on errors, under every story.
        # An <aside> beside the body, which readability drops: only a note is brought back.
        ("ru", '<aside class="correction"><p>Исправление: нашли ошибку в тексте? Выделите её '
         "и нажмите Ctrl+Enter.</p></aside>"),
        ("ru", '<aside class="correction"><p>Исправление: о том, как мы исправляем ошибки, '
         'читайте в <a href="/policy">политике редакции</a>.</p></aside>'),
        ("zh", '<aside class="correction"><p>更正：如发现本文有错误，请点击<a href="/jiucuo">我要'
         "纠错</a>告诉我们。</p></aside>"),
        # A time stamp is no note: it says nothing.
        ("zh", '<aside class="correction"><p>更正：2026年12月2日 15:45</p></aside>'),
    ],
    ids=["ru-report-an-error", "ru-policy", "zh-report-an-error", "zh-date"],
)  # fmt: skip
def test_the_sites_notices_stay_out(lang: str, box: str) -> None:
    found = lines(PAGES[lang](after=box))
    assert found[-1].startswith(BODIES[lang][-1][:12]), found


def test_the_plain_search_finds_every_label() -> None:
    """Each label holds a piece the plain search looks for before the pattern runs."""
    from reader.extract.corrections import _MENTIONS, _may_mention

    for _, _, start in NOTES.values():
        # The label, or the note's first words when it has none.
        label = start.split("：")[0].split(":")[0].split("=")[0].strip("【】[ ")
        assert _MENTIONS.search(label), label
        assert _may_mention(label), label
