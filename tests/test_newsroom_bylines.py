"""A multilingual newsroom's bylines (acc41c): a Hindi paper's role and city beside the
reporter's name ("संवाददाता", "जागरण संवाददाता", "ब्यूरो"), its labels and its "और", Hebrew's
"כתב:", Egyptian papers' "بقلم/" and "كتب/". Each gives its writers and only them. Real parts:
the pages through the real extractor; the citations of a page served on 127.0.0.1 through
`reader show --format citation`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from test_cli import reader

from reader.citation_styles import apa, authors
from reader.extract import extract_article

STORY = {
    "hi": (
        "<p>नगर निगम ने शुक्रवार को बताया कि उत्तरी घाट की मरम्मत एक महीने तक चलेगी और इस दौरान "
        "नौकाएँ दक्षिणी घाट से चलेंगी। मछुआरों की नावें अपनी जगह पर रहेंगी।</p>"
        "<p>अधिकारियों के अनुसार बाज़ार के पास बारह नए घाट बनाए गए हैं, और शनिवार को बाज़ार "
        "हमेशा की तरह खुलेगा। यात्रियों से समय से पहले पहुँचने को कहा गया है।</p>"
    ),
    "he": (
        "<p>רשות הנמל הודיעה ביום שישי כי המזח הצפוני ייסגר לחודש לצורך שיקום שובר הגלים, "
        "והמעבורות יעגנו במזח הדרומי. סירות הדייגים יישארו במקומן.</p>"
        "<p>לדברי הרשות סומנו שנים עשר מקומות עגינה חדשים ליד שוק הדגים, שייפתח כרגיל "
        "ביום שבת. הנוסעים התבקשו להגיע מוקדם מהרגיל.</p>"
    ),
    "fa": (
        "<p>سازمان بندر روز جمعه اعلام کرد که اسکله شمالی برای بازسازی موج‌شکن یک ماه بسته "
        "می‌شود و کشتی‌ها در اسکله جنوبی پهلو می‌گیرند. قایق‌های ماهیگیری در جای خود می‌مانند.</p>"
        "<p>به گفته این سازمان دوازده اسکله تازه کنار بازار ماهی ساخته شده و بازار روز شنبه مثل "
        "همیشه باز است. از مسافران خواسته شده زودتر برسند.</p>"
    ),
    "zh-CN": (
        "<p>市政府星期五宣布，北码头将关闭一个月，以便重建防波堤，渡轮将改停南码头。渔船仍停在原来的"
        "位置，不受影响。</p><p>港务局表示，已在鱼市场旁边划出十二个新泊位，鱼市场星期六照常开放。"
        "乘客被要求提前到达码头。</p>"
    ),
    "ko": (
        "<p>시는 금요일 북쪽 부두를 한 달 동안 폐쇄하고 방파제를 다시 짓는다고 밝혔다. 여객선은 남쪽 "
        "부두에 정박한다.</p><p>항만청은 어시장 옆에 새 정박지 열두 곳을 마련했으며 어시장은 토요일에 "
        "평소처럼 문을 연다고 말했다.</p>"
    ),
    "el": (
        "<p>Ο δήμος ανακοίνωσε την Παρασκευή ότι η βόρεια προβλήτα θα κλείσει για έναν μήνα, ώστε να "
        "ξαναχτιστεί ο κυματοθραύστης, και τα πλοία θα δένουν στη νότια.</p><p>Τα αλιευτικά σκάφη "
        "μένουν στις θέσεις τους, ενώ δώδεκα νέες θέσεις σημαδεύτηκαν δίπλα στην ψαραγορά.</p>"
    ),
    "ar": (
        "<p>أعلنت هيئة الميناء يوم الجمعة أن الرصيف الشمالي سيغلق لمدة شهر لإعادة بناء حاجز "
        "الأمواج، وسترسو العبارات عند الرصيف الجنوبي. وتبقى قوارب الصيد في أماكنها.</p>"
        "<p>وقالت الهيئة إنها خصصت اثني عشر مرسى جديدا بجوار سوق السمك الذي يفتح كالمعتاد "
        "يوم السبت، وطلبت من الركاب الحضور مبكرا.</p>"
    ),
}


def page(byline: str, lang: str) -> str:
    """A story in `lang` whose `byline` stands under its headline."""
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>घाट</title>'
        f'</head><body><article><h1>घाट</h1><div class="byline">{byline}</div>{STORY[lang]}'
        "</article></body></html>"
    )


def cited_authors(byline: str, lang: str) -> list[str]:
    """The authors of the story whose byline is `byline`."""
    return authors(extract_article(page(byline, lang), "https://news.example/2026/12/05/a.html"))


HINDI = [
    # The correspondent's role and the city filed from, after the name.
    ("राकेश शर्मा, संवाददाता, नई दिल्ली", ["राकेश शर्मा"]),
    ("राकेश शर्मा, जागरण संवाददाता, पटना", ["राकेश शर्मा"]),
    ("राकेश शर्मा, विशेष संवाददाता", ["राकेश शर्मा"]),
    # The role before the name, with a dash; and with the city.
    ("संवाददाता — राकेश शर्मा", ["राकेश शर्मा"]),
    ("संवाददाता, नई दिल्ली — राकेश शर्मा", ["राकेश शर्मा"]),
    # A role and a city alone: a desk's byline, no person.
    ("संवाददाता, नई दिल्ली", []),
    ("जागरण संवाददाता, पटना", []),
    ("नई दिल्ली (ब्यूरो)", []),
    ("एजेंसी, नई दिल्ली", []),
    # "Report:", "By:" and "and".
    ("रिपोर्ट: राकेश शर्मा", ["राकेश शर्मा"]),
    ("द्वारा: राकेश शर्मा", ["राकेश शर्मा"]),
    ("राकेश शर्मा और सुनीता वर्मा", ["राकेश शर्मा", "सुनीता वर्मा"]),
]


@pytest.mark.parametrize(("byline", "names"), HINDI, ids=[b for b, _ in HINDI])
def test_a_hindi_byline_s_role_and_city_are_no_writer(byline: str, names: list[str]) -> None:
    """acc41c C2: "संवाददाता" (correspondent) and the city were cited as the author."""
    assert cited_authors(byline, "hi") == names


def test_a_hebrew_reporter_label_is_no_part_of_the_name() -> None:
    """acc41c C2: "כתב:" ("reporter:") was cited with the name."""
    assert cited_authors("כתב: יוסי כהן", "he") == ["יוסי כהן"]


def test_a_hindi_desk_byline_is_cited_as_its_reporter_in_every_style(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    """acc41c C2: the served story by "संवाददाता, नई दिल्ली — राकेश शर्मा" was cited in Chicago as
    by "संवाददाता and नई दिल्ली" ("Correspondent and New Delhi"), and `by:राकेश` found nothing."""
    httpserver.expect_request("/2026/12/03/ghat.html").respond_with_data(
        page("संवाददाता, नई दिल्ली — राकेश शर्मा", "hi"), content_type="text/html; charset=utf-8"
    )
    url = httpserver.url_for("/2026/12/03/ghat.html")
    for style in ("chicago", "apa", "mla"):
        result = reader(tmp_path, "show", url, "--format", "citation", "--style", style)
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("राकेश शर्मा."), (style, result.stdout)
        assert "संवाददाता" not in result.stdout and "दिल्ली" not in result.stdout


LABELLED = [
    # Egyptian papers' house style: "by the pen of/" and "wrote/" with a slash.
    ("بقلم/ أحمد الخطيب", "ar", ["أحمد الخطيب"]),
    ("كتب/ أحمد الخطيب", "ar", ["أحمد الخطيب"]),
    ("كتبت / سارة الحداد", "ar", ["سارة الحداد"]),
    # Iranian agencies' "reporter:" and "prepared by:".
    ("خبرنگار: مریم احمدی", "fa", ["مریم احمدی"]),
    ("تهیه و تنظیم: مریم احمدی", "fa", ["مریم احمدی"]),
]


@pytest.mark.parametrize(("byline", "lang", "names"), LABELLED, ids=[b for b, *_ in LABELLED])
def test_an_arabic_or_persian_label_with_a_slash_or_colon_is_no_part_of_the_name(
    byline: str, lang: str, names: list[str]
) -> None:
    """acc41c C3: "بقلم/ أحمد الخطيب" was cited whole, "by/ Ahmed…" as the author's name."""
    assert cited_authors(byline, lang) == names


EAST_ASIAN = [
    # acc41c C20: "reporting" after the names, a portal's source before its writer, an editor's
    # credit, a broadcaster's "news".
    ("记者 王明 张伟 报道", "zh-CN", ["王明", "张伟"]),
    ("记者 王明 报道", "zh-CN", ["王明"]),
    ("来源：人民日报 作者：李明", "zh-CN", ["李明"]),
    ("作者：李明 编辑：王芳", "zh-CN", ["李明"]),
    ("编辑：王芳", "zh-CN", []),
    ("央视网消息", "zh-CN", []),
    # C22: Korea's "[paper reporter 기자]", and two reporters set apart by a middle dot.
    ("[한빛일보 김민수 기자]", "ko", ["김민수"]),
    ("김민수·이지은 기자", "ko", ["김민수", "이지은"]),
]


@pytest.mark.parametrize(("byline", "lang", "names"), EAST_ASIAN, ids=[b for b, *_ in EAST_ASIAN])
def test_a_chinese_or_korean_credit_line_gives_its_writers_only(
    byline: str, lang: str, names: list[str]
) -> None:
    """Cited before: "王明, 张伟, 报道", "来源：人民日报 作者：李明", "编辑：王芳", "央视网消息",
    "한빛일보 김민수", and 김민수 alone of two."""
    assert cited_authors(byline, lang) == names


GREEK = [
    # acc41c C21: Greek papers' "of the" before the name in the genitive; "Writer:".
    ("Της Μαρίας Παπαδοπούλου", ["Μαρίας Παπαδοπούλου"]),
    ("Του Νίκου Ανδρέου", ["Νίκου Ανδρέου"]),
    ("Των Νίκου Ανδρέου και Μαρίας Παπαδοπούλου", ["Νίκου Ανδρέου", "Μαρίας Παπαδοπούλου"]),
    ("Συντάκτης: Νίκος Ανδρέου", ["Νίκος Ανδρέου"]),
]


@pytest.mark.parametrize(("byline", "names"), GREEK, ids=[b for b, _ in GREEK])
def test_a_greek_bylines_article_is_no_part_of_the_name(byline: str, names: list[str]) -> None:
    assert cited_authors(byline, "el") == names


def test_apa_gives_a_greek_writer_no_article_as_an_initial() -> None:
    """acc41c C21: "Της Μαρίας Παπαδοπούλου" was cited in APA as "Παπαδοπούλου, Τ. Μ."."""
    article = extract_article(
        page("Της Μαρίας Παπαδοπούλου", "el"), "https://news.example/2026/12/05/a.html"
    )
    assert apa(article).startswith("Παπαδοπούλου, Μ. ")
