"""Subscription walls in more of the press's languages, and lines that only look like walls.

Hebrew, Arabic and Hindi sites wall their stories as the others do ("This article is for
subscribers only … Already a subscriber? Log in"): such a wall after a teaser marks it. Haaretz
names its wall itself as the paywalled part in its JSON-LD: that box is the wall, not the
subscribers' text. And the line under a comments box saying only subscribers may comment says
nothing of the article above it. Real parts: the pages through the real extractor.
"""

from __future__ import annotations

import json

import pytest

from reader.extract import extract_article, to_text
from reader.extract.paywall import FOR_SUBSCRIBERS
from tests.test_paywall import STORY, page, paragraphs

URL = "https://quay.example/a.html"

# A short news item, whole: three paragraphs, 90 words.
BRIEF = STORY[:3]


@pytest.mark.parametrize(
    "comments",
    [
        "<p>Comentar las notas de la Gaceta es exclusivo para suscriptores.</p>",
        "<p>Commenting is available to subscribers only.</p>",
        "<p>Kommentieren nur für Abonnenten.</p>",
        "<p>Comments are for subscribers only. Log in to join the conversation.</p>",
    ],
    ids=["es", "en", "de", "en-login"],
)
def test_a_comments_box_for_subscribers_leaves_a_short_article_whole(comments: str) -> None:
    """Clarín's 136-word story was marked "the page is for subscribers" because its comments
    box said only subscribers may comment."""
    box = f'<div class="comentarios"><h3>Comentarios</h3>{comments}</div>'
    article = extract_article(page("", paragraphs(BRIEF) + box), URL)
    assert article.incomplete == ""
    text = to_text(article)
    assert all(p in text for p in BRIEF)


@pytest.mark.parametrize(
    "wall",
    [
        "<p>This commentary is for subscribers only.</p>",
        "<p>Dieser Kommentar ist nur für Abonnenten.</p>",
    ],
    ids=["en", "de"],
)
def test_a_wall_over_a_commentary_marks_its_teaser(wall: str) -> None:
    """An opinion piece's wall names it a commentary ("Kommentar"): not a line about comments."""
    article = extract_article(
        page("", paragraphs(STORY[:2]) + f'<div class="c-box-7f">{wall}</div>'), URL
    )
    assert article.incomplete == FOR_SUBSCRIBERS


def test_a_wall_sharing_its_box_with_a_line_about_comments_marks_the_teaser() -> None:
    box = (
        '<div class="c-box-7f"><p>This article is for subscribers only.</p>'
        "<p>Subscribers can also comment on every story.</p></div>"
    )
    article = extract_article(page("", paragraphs(STORY[:2]) + box), URL)
    assert article.incomplete == FOR_SUBSCRIBERS


HE_TEASER = [
    "מספר המאושפזים בבתי החולים בצפון עלה בשבוע האחרון, כך עולה מנתונים שפורסמו הבוקר.",
    "בבית החולים בנהריה אושפזו 52 חולים, לעומת 30 בשבוע שעבר.",
]
AR_TEASER = [
    "أعلنت بلدية المدينة اليوم إغلاق الجسر القديم أمام السيارات لمدة ستة أسابيع لإجراء إصلاحات.",
    "وقالت البلدية إن الحافلات ستستخدم الطريق الداخلي خلال فترة الإغلاق.",
]
HI_TEASER = [
    "नगर निगम ने बुधवार को पुराने पुल को छह हफ्ते के लिए वाहनों के लिए बंद कर दिया।",
    "अधिकारियों ने कहा कि इस दौरान बसें भीतरी सड़क से चलेंगी।",
]
WALLS = {
    "he": (
        HE_TEASER,
        "<h3>כדי להמשיך לקרוא, הצטרפו לעיתון</h3><p>כתבה זו זמינה למנויים בלבד</p>"
        "<a>למינוי</a><p>כבר מנויים? <a>התחברו</a></p>",
    ),
    "ar": (
        AR_TEASER,
        "<h3>هذا المقال متاح للمشتركين فقط</h3><p>اشترك الآن لمواصلة القراءة</p>"
        "<a>اشترك</a><p>مشترك بالفعل؟ <a>تسجيل الدخول</a></p>",
    ),
    "hi": (
        HI_TEASER,
        "<h3>यह लेख केवल सब्सक्राइबर्स के लिए है</h3><p>आगे पढ़ने के लिए सब्सक्राइब करें</p>"
        "<a>सब्सक्राइब करें</a><p>पहले से सब्सक्राइबर हैं? <a>लॉग इन करें</a></p>",
    ),
}


def _foreign_page(lang: str, teaser: list[str], wall: str, head: str = "") -> str:
    return (
        f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{teaser[0][:30]}'
        f"</title>{head}</head><body><main><article><h1>{teaser[0][:30]}</h1>"
        f"{paragraphs(teaser)}{wall}</article></main></body></html>"
    )


@pytest.mark.parametrize("lang", WALLS.keys())
def test_a_wall_in_hebrew_arabic_or_hindi_marks_a_teaser(lang: str) -> None:
    teaser, wall = WALLS[lang]
    html = _foreign_page(lang, teaser, f'<div class="subscribe-wall">{wall}</div>')
    article = extract_article(html, URL)
    assert article.incomplete == FOR_SUBSCRIBERS
    text = to_text(article)
    assert all(p in text for p in teaser)
    assert not any(word in text for word in ("מנוי", "مشترك", "सब्सक्राइब"))


@pytest.mark.parametrize("lang", WALLS.keys())
def test_a_sentence_on_subscribers_in_a_whole_article_is_no_wall(lang: str) -> None:
    teaser, _ = WALLS[lang]
    words = {
        "he": "העירייה אמרה כי מנויים לתחבורה הציבורית יקבלו הנחה בחודש הבא.",
        "ar": "وقالت البلدية إن المشتركين في خدمة الحافلات سيحصلون على خصم الشهر المقبل.",
        "hi": "निगम ने कहा कि बस सेवा के सब्सक्राइबर्स को अगले महीने छूट मिलेगी।",
    }[lang]
    article = extract_article(_foreign_page(lang, [*teaser, words], ""), URL)
    assert article.incomplete == ""
    assert words in to_text(article)


def _declaring(selector: str) -> str:
    obj = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": HE_TEASER[0][:30],
        "isAccessibleForFree": False,
        "hasPart": {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": selector,
        },
    }
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


def test_a_wall_the_page_declares_as_its_paywalled_part_is_the_wall() -> None:
    """Haaretz declares `.paywall` not free and that element is its wall: the wall came out as
    the article's last section ("### כדי להמשיך לקרוא…", "כבר מנויים? התחברו") and the teaser
    passed for the whole story."""
    _, wall = WALLS["he"]
    html = _foreign_page(
        "he", HE_TEASER, f'<div class="paywall">{wall}</div>', _declaring(".paywall")
    )
    article = extract_article(html, URL)
    assert article.incomplete == FOR_SUBSCRIBERS
    text = to_text(article)
    assert all(p in text for p in HE_TEASER)
    assert "להמשיך לקרוא" not in text and "התחברו" not in text


def test_a_declared_paywalled_part_of_prose_is_still_the_articles_text() -> None:
    """The part named "paywall" holding the subscribers' text (served whole, as a metered site
    does) stays the article's, its words counted: not marked."""
    rest = '<div class="paywall">' + paragraphs(STORY) + "</div>"
    html = page(_declaring(".paywall"), rest)
    article = extract_article(html, URL)
    assert article.incomplete == ""
    assert all(p in to_text(article) for p in STORY)
