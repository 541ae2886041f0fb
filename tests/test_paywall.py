"""A page for subscribers: marked as not the whole article, its subscription offer dropped.

A paywalled page declares its article not free in its JSON-LD (schema.org's
`isAccessibleForFree: false`, with a `hasPart` naming the paywalled element) and shows a couple
of paragraphs and an offer box. A metered site's page declares the same but serves the article
whole; a free article may carry a "subscribe" box too: neither is marked. Many sites declare
nothing and show the box alone after the teaser: that box, shown, marks the article as well.
Real parts: a loopback server of this test's own, the store on disk.
"""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import lxml.html
import pytest
from pytest_httpserver import HTTPServer

from reader.citation import header_lines
from reader.extract import extract_article, to_text
from reader.extract.paywall import FOR_SUBSCRIBERS, Paywall, read_paywall
from reader.extract.wall_words import OFFER_WORDS, is_offer_box, may_offer
from reader.library import Library
from reader.marks import PARTIAL_MARK, offline_mark
from reader.store import Store
from tests.regex_shapes import phrase_shapes

STORY = [
    "The harbour board has put off its vote on dredging the inner basin until the spring, after "
    "the survey it commissioned found old munitions in the silt off the north quay.",
    "Board members were told on Tuesday that a specialist diving team would need six weeks to "
    "map the area before any dredger could work there safely.",
    "Fishing crews who moor in the basin said the delay would cost them another winter of "
    "grounding at low water, and asked the board to open the outer berths to them meanwhile.",
    "The board's chair said the outer berths were booked by the ferry company until March but "
    "that she would ask whether two could be freed for the smaller boats.",
    "The survey also found the silt contaminated with tributyltin from old antifouling paint, "
    "which means it cannot be dumped at sea and will have to go to a licensed site inland.",
    "That alone could double the cost of the work, which the board had put at two million "
    "pounds when it applied for the coastal communities grant last year.",
]
OFFER = (
    '<div class="tp-offer"><h3>Subscribe to keep reading</h3><p>Get unlimited access for £1 a '
    'week. Cancel anytime. Already a subscriber? <a href="/login">Log in</a>.</p></div>'
)


def ld(free: bool, part: str = "") -> str:
    """The page's JSON-LD: a NewsArticle, free or not, maybe naming its paywalled part."""
    obj: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Dredging vote put off",
        "isAccessibleForFree": free,
        "datePublished": "2026-11-24T08:00:00Z",
    }
    if part:
        obj["hasPart"] = {
            "@type": "WebPageElement",
            "isAccessibleForFree": False,
            "cssSelector": part,
        }
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def page(head: str, body: str) -> str:
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Dredging vote put off | Quay Courier</title>{head}</head><body>
<header><nav><a href="/">Home</a> <a href="/port/">Port</a></nav></header>
<main><article><h1>Dredging vote put off</h1><p class="byline">By Ines Marlow</p>
{body}</article></main><footer><p>© Quay Courier</p></footer></body></html>"""


def paragraphs(story: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in story)


# The paywalled part emptied, an offer box in a vendor's name beside it.
TEASER = page(
    ld(False, ".article-rest"), paragraphs(STORY[:2]) + '<div class="article-rest"></div>' + OFFER
)
# The whole article in the part the page names: a metered site serves it all.
METERED = page(ld(False, ".article-rest"), f'<div class="article-rest">{paragraphs(STORY)}</div>')
# No declaration: a free article that offers a subscription at its foot.
FREE = page("", paragraphs(STORY) + OFFER)
# Declared not free, naming no part on the page, and short: a teaser.
DECLARED_ONLY = page(ld(False), paragraphs(STORY[:2]) + OFFER)


def test_a_page_hiding_its_paywalled_part_is_marked_for_subscribers() -> None:
    article = extract_article(TEASER, "https://quay.example/dredging.html")
    assert article.incomplete == FOR_SUBSCRIBERS and article.incomplete_for_good
    assert not article.partial
    text = to_text(article)
    assert STORY[1] in text
    assert "Subscribe" not in text and "unlimited access" not in text and "Log in" not in text
    assert any("for subscribers" in line for line in header_lines(article))


def test_a_declared_teaser_naming_no_part_is_marked_too() -> None:
    article = extract_article(DECLARED_ONLY, "https://quay.example/dredging.html")
    assert article.incomplete == FOR_SUBSCRIBERS


# A site that declares nothing: the teaser, then its wall in the rest's place.
WALL = (
    '<div class="paywall"><p class="paywall-title">This article is for subscribers only</p>'
    "<p>Subscribe today and get your first month free: unlimited access to the Courier and its "
    'app.</p><p><a href="/subscribe">Subscribe now</a></p>'
    '<p>Already a subscriber? <a href="/login">Sign in</a></p></div>'
)
UNDECLARED_WALL = page("", paragraphs(STORY[:2]) + WALL)


def test_a_wall_shown_after_a_teaser_marks_it_for_subscribers_without_a_declaration() -> None:
    article = extract_article(UNDECLARED_WALL, "https://quay.example/dredging.html")
    assert article.incomplete == FOR_SUBSCRIBERS and article.incomplete_for_good
    text = to_text(article)
    assert all(p in text for p in STORY[:2])
    assert "subscribers only" not in text and "Sign in" not in text


@pytest.mark.parametrize(
    "box",
    [
        # Told by its words, in a box of no telling name.
        '<div class="c-box-7f"><p>Sign in to read the full story.</p></div>',
        '<div class="c-box-7f"><h3>Subscribe to continue reading</h3></div>',
        '<div class="c-box-7f"><p>Dieser Artikel ist nur für Abonnenten.</p>'
        '<p><a href="/abo">Jetzt abonnieren</a></p></div>',
        '<div class="c-box-7f"><p>Cet article est réservé aux abonnés.</p></div>',
        '<div class="c-box-7f"><p>Contenido solo para suscriptores.</p></div>',
        '<div class="c-box-7f"><p>Материал доступен только для подписчиков.</p></div>',
        # Told by its name, speaking of signing in in words of its own.
        '<div id="regwall"><p>Create a free account or log in to carry on.</p></div>',
        '<section class="premium-gate"><p>Become a subscriber: £1 a week.</p></section>',
    ],
    ids=["sign-in", "subscribe", "de", "fr", "es", "ru", "regwall-name", "premium-name"],
)
def test_a_wall_in_its_words_or_its_name_marks_a_teaser(box: str) -> None:
    article = extract_article(page("", paragraphs(STORY[:2]) + box), "https://quay.example/a")
    assert article.incomplete == FOR_SUBSCRIBERS


LABEL = '<section class="article__offer">Article réservé aux abonnés</section>'
SHORT_STORY = [
    "Depuis mardi, trois paquebots peuvent couper leurs moteurs à quai et se brancher au réseau.",
    "Le chantier a coûté 70 millions d'euros, payés pour moitié par l'Etat et la région.",
    "Les associations de riverains saluent le projet mais attendent de voir les mesures.",
]


def test_a_label_over_the_article_saying_it_is_for_subscribers_is_no_wall() -> None:
    """Le Monde labels a subscriber's article "Article réservé aux abonnés" over its text: a
    subscriber's copy (or a page one saved) has all of it, and was marked a teaser."""
    brief = paragraphs(SHORT_STORY)
    article = extract_article(page("", LABEL + "\n" + brief), "https://quay.example/a")
    assert article.incomplete == "" and not article.in_part


def test_a_wall_whose_last_word_runs_into_the_next_box_is_seen() -> None:
    """The page's text read as one string ran a wall's "abonnés" into the next box's word
    ("abonnésLire aussi"): no word was left to end its phrase, and the wall went unseen."""
    walled = page(
        "",
        paragraphs(SHORT_STORY[:1])
        + '<div class="c-box-7f">Cet article est réservé aux abonnés</div>'
        + '<div class="c-more">Lire aussi</div>',
    )
    assert extract_article(walled, "https://quay.example/a").incomplete == FOR_SUBSCRIBERS


def test_a_wall_after_the_teaser_of_a_labelled_article_marks_it_still() -> None:
    walled = page(
        "", LABEL + paragraphs(SHORT_STORY[:1]) + "<p>La suite est réservée aux abonnés.</p>"
    )
    article = extract_article(walled, "https://quay.example/a")
    assert article.incomplete == FOR_SUBSCRIBERS


NEWSLETTER = (
    '<div class="newsletter-signup"><h3>Subscribe to our newsletter</h3><p>The week\'s port '
    'news in your inbox every Friday.</p><form><input type="email"><button>Sign up</button>'
    "</form></div>"
)
SUPPORT_BANNER = (
    '<div class="support-banner"><p>Support independent journalism: subscribe to the Courier '
    'from £1 a week.</p><a href="/subscribe">Subscribe</a></div>'
)


@pytest.mark.parametrize(
    "html",
    [
        page("", paragraphs(STORY[:2]) + NEWSLETTER),
        page("", paragraphs(STORY) + SUPPORT_BANNER),
        # The whole article, the wall after it (a template's, on every page).
        page("", paragraphs(STORY) + WALL),
        # A metered site's wall, hidden for scripts to show after a reader's tenth article.
        page("", paragraphs(STORY[:2]) + WALL.replace('class="paywall"', 'hidden class="paywall"')),
        page("", paragraphs(STORY[:2]) + WALL.replace('class="paywall"', 'style="display: none"')),
        # The site's log-in line in its header, on every page; a brief of two paragraphs.
        page("", paragraphs(STORY[:2])).replace(
            "</nav>", 'Already a subscriber? <a href="/login">Sign in</a></nav>'
        ),
        # A label on a link to another story.
        page(
            "",
            paragraphs(STORY[:2]) + '<p><span class="premium-badge">Premium</span> '
            '<a href="/b">Ferry fares rise</a></p>',
        ),
        # The comments' log-in, under a brief.
        page(
            "",
            paragraphs(STORY[:2]) + '<div class="c-box-7f"><p>Log in to continue the '
            "conversation.</p></div>",
        ),
        page(
            "",
            paragraphs(STORY[:2]) + '<section id="comments"><p>Already a subscriber? '
            '<a href="/login">Sign in</a> to comment.</p></section>',
        ),
        # Medium's upsell beside every story, a short one too.
        page(
            "",
            paragraphs(STORY[:2]) + '<div class="c-box-7f"><p>Get unlimited access to the '
            "best stories on Quay.</p></div>",
        ),
        # The page declares its article free: taken at its word.
        page(ld(True), paragraphs(STORY[:2]) + WALL),
    ],
    ids=[
        "newsletter-box",
        "support-banner-after-whole",
        "wall-after-whole",
        "hidden-wall",
        "display-none-wall",
        "log-in-in-header",
        "premium-badge",
        "comments-log-in",
        "comments-section",
        "upsell",
        "declared-free",
    ],
)
def test_a_page_with_no_wall_in_the_rests_place_is_not_marked(html: str) -> None:
    article = extract_article(html, "https://quay.example/dredging.html")
    assert article.incomplete == "" and not article.in_part


def microdata_page(free: str, rest: str) -> str:
    """A page declaring its paywall in microdata, as schema.org allows: the article's item not
    free, and its `hasPart`, the paywalled element itself, holding `rest`."""
    return page(
        "",
        f'<div itemscope itemtype="https://schema.org/NewsArticle">'
        f'<meta itemprop="isAccessibleForFree" content="{free}">{paragraphs(STORY[:2])}'
        '<div class="article-rest" itemprop="hasPart" itemscope '
        'itemtype="https://schema.org/WebPageElement">'
        f'<meta itemprop="isAccessibleForFree" content="{free}">'
        f'<meta itemprop="cssSelector" content=".article-rest">{rest}</div></div>'
        + (OFFER if not rest else ""),
    )


@pytest.mark.parametrize(
    ("free", "rest", "marked"),
    [("False", [], True), ("false", STORY[2:], False), ("True", [], False)],
    ids=["emptied-part", "metered-whole", "declared-free"],
)
def test_a_paywall_declared_in_microdata_is_read_as_one_in_json_ld(
    free: str, rest: list[str], marked: bool
) -> None:
    html = microdata_page(free, paragraphs(rest))
    article = extract_article(html, "https://quay.example/dredging.html")
    assert (article.incomplete == FOR_SUBSCRIBERS) is marked
    text = to_text(article)
    assert all(p in text for p in STORY[:2] + rest) and "Subscribe to keep reading" not in text


# Ghost's call to upgrade, in a card of its own between the paragraphs.
GHOST_CTA = (
    '<div class="kg-card kg-cta-card"><div class="kg-cta-text"><p>This post is for paying '
    "subscribers on the Archive tier. Upgrade to read the rest of the series.</p></div>"
    '<a href="#/portal/signup" class="kg-cta-button">Upgrade</a></div>'
)
FREE_GHOST = page("", paragraphs(STORY[:3]) + GHOST_CTA + paragraphs(STORY[3:]))


@pytest.mark.parametrize(
    "html", [METERED, FREE, FREE_GHOST], ids=["metered", "free-with-offer", "ghost-upgrade-card"]
)
def test_a_whole_article_is_not_marked_and_loses_only_the_offer(html: str) -> None:
    article = extract_article(html, "https://quay.example/dredging.html")
    assert article.incomplete == "" and not article.incomplete_for_good
    text = to_text(article)
    assert all(p in text for p in STORY)
    assert "Subscribe to keep reading" not in text and "Already a subscriber" not in text
    assert "Upgrade" not in text


@pytest.mark.parametrize(
    "offer",
    [
        "Il vous reste 80 % de cet article à lire. La suite est réservée aux abonnés. "
        '<a href="/abo">S\'abonner</a> Déjà abonné ? <a href="/login">Se connecter</a>',
        'Jetzt weiterlesen mit SPIEGEL+. Sie sind bereits Abonnent? <a href="/login">Anmelden</a>',
        'Suscríbete para seguir leyendo. ¿Ya eres suscriptor? <a href="/login">Inicia sesión</a>',
        'Abbonati per continuare a leggere: la prima settimana è gratis. <a href="/abbonati">Qui</a>',
        'Já é assinante? Faça seu login <a href="/login">aqui</a> e continue a ler a reportagem.',
        'Masz już prenumeratę? Zaloguj się <a href="/login">tutaj</a>, aby czytać dalej ten tekst.',
        'Уже есть подписка? Войдите <a href="/login">здесь</a>, чтобы дочитать этот материал.',
    ],
)
def test_an_offer_box_in_another_language_leaves_the_article(offer: str) -> None:
    box = f'<div class="premium-box"><p>{offer}</p></div>'
    html = page("", paragraphs(STORY[:3]) + box + paragraphs(STORY[3:]))
    text = to_text(extract_article(html, "https://quay.example/dredging.html"))
    assert all(p in text for p in STORY)
    words = lxml.html.fragment_fromstring(f"<p>{offer}</p>").text_content().split()
    assert " ".join(words[:3]) not in text


def test_a_broken_or_endless_part_declaration_is_read_no_further() -> None:
    """A selector lxml can't run ("ns|div": an undefined namespace) is as if unnamed, not a
    traceback; thousands of selectors (195 s on a page of 5,000 boxes) are cut to a few, and an
    element named twice counts its words once."""
    broken = page(ld(False, "ns|div"), paragraphs(STORY[:2]))
    assert extract_article(broken, "https://quay.example/a.html").incomplete == FOR_SUBSCRIBERS
    doc = lxml.html.document_fromstring(
        "<html><body>"
        + "".join(f'<div class="c{i}"><p>w</p></div>' for i in range(5000))
        + "</body></html>"
    )
    parts = [{"isAccessibleForFree": False, "cssSelector": f"div.c{i} p"} for i in range(3000)]
    declared = read_paywall(
        [{"@type": "NewsArticle", "isAccessibleForFree": False, "hasPart": parts}], doc
    )
    assert declared.part_words == 8  # the first eight selectors' one word each
    twice = [{"isAccessibleForFree": False, "cssSelector": s} for s in ("div.c1 p", "div.c1 > p")]
    again = read_paywall([{"@type": "NewsArticle", "hasPart": twice}], doc)
    assert again.part_words == 1


# Bloomberg's shape: every paragraph of the article named for the paywall its script runs (the
# text it hides after a reader's free articles), the part declared by its own name, the wall
# after it for the script to show.
FORTRESS = (
    '<div id="fortress-paywall-container-root"><h2>You\'ve reached your free article limit.</h2>'
    "<p>Subscribe now to get unlimited access to the Courier and its app.</p>"
    '<p>Already a subscriber? <a href="/login">Sign in</a></p></div>'
)
PAYWALL_CLASSED = page(
    ld(False, ".body-content"),
    '<div class="body-content">'
    + "".join(f'<p class="paywall">{p}</p>' for p in STORY)
    + "</div>"
    + FORTRESS,
)


@pytest.mark.parametrize(
    "html",
    [PAYWALL_CLASSED, PAYWALL_CLASSED.replace(ld(False, ".body-content"), "")],
    ids=["declared", "undeclared"],
)
def test_paragraphs_named_for_the_paywall_are_the_articles_text(html: str) -> None:
    """`<p class="paywall">` on every paragraph is how Bloomberg marks what its script may
    hide: the article, not a wall. All of it was dropped as furniture, leaving the headline."""
    article = extract_article(html, "https://quay.example/dredging.html")
    text = to_text(article)
    assert all(p in text for p in STORY)
    assert article.incomplete == "" and not article.in_part
    assert "free article limit" not in text and "Sign in" not in text


def test_a_paragraph_named_for_the_paywall_saying_a_walls_words_is_the_wall() -> None:
    html = page(
        "",
        paragraphs(STORY)
        + '<p class="paywall">Subscribe to continue reading. Already a subscriber? Log in.</p>',
    )
    text = to_text(extract_article(html, "https://quay.example/dredging.html"))
    assert all(p in text for p in STORY) and "continue reading" not in text


# A paragraph naming what an offer names, as news does.
REGISTERED = (
    "Owners of registered fishing boats will pay half the berth fee, and the board will "
    "review the discount in a year."
)


def test_the_part_a_page_declares_paywalled_is_never_taken_for_its_wall() -> None:
    """The declaration names where the subscribers' text is (Google's own example names a
    `<div class="paywall">`): a short part of it speaking of registering is the article's. The
    same box, undeclared, is a wall's name over a wall's word, and goes."""
    rest = f'<div class="paywall"><p>{REGISTERED}</p></div>'
    declared = page(ld(False, ".paywall"), paragraphs(STORY) + rest)
    assert REGISTERED in to_text(extract_article(declared, "https://quay.example/dredging.html"))
    undeclared = page("", paragraphs(STORY) + rest)
    assert REGISTERED not in to_text(
        extract_article(undeclared, "https://quay.example/dredging.html")
    )


# The FT's shape: the whole page a barrier box, its teaser (headline and standfirst), then the
# offer under headings of its own, in words no offer box list holds, and its FAQs.
STANDFIRST = "Divers must map old munitions in the silt before any dredger can work"
BARRIER = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Dredging vote put off</title>{ld(False, ".article-body")}</head><body>
<header><nav><a href="/">Home</a><a href="/subscribe">Subscribe</a></nav></header>
<div class="barrier"><div class="o-teaser"><h1>Dredging vote put off</h1>
<p class="o-teaser__standfirst">{STANDFIRST}</p></div>
<div class="barrier__offer"><h2>Subscribe to unlock this article</h2><p>Try full access</p>
<p>Only £1 for 4 weeks</p><p>Then £59 a month. Every story of the Courier on any device.
Cancel anytime during your trial.</p><a href="/signup">Try now</a><h3>Explore more offers.</h3>
<ul><li>Standard Digital: £39 a month</li><li>Premium Digital: £59 a month</li></ul>
<p>Check whether you already have access through your harbour trust or employer.</p></div>
<div class="barrier__faq"><h3>FAQs</h3><p>Can I cancel at any time? Yes, you can cancel your
trial whenever you like.</p><p>What forms of payment can I use? Cards, direct debit and
PayPal.</p></div></div><footer><p>© Quay Courier</p></footer></body></html>"""


def test_a_barrier_page_gives_its_teaser_without_the_offer() -> None:
    """The offer's box, longer than the teaser, came out as the article's sections: "Subscribe
    to unlock this article", its prices, "Explore more offers.", "FAQs"."""
    article = extract_article(BARRIER, "https://quay.example/dredging.html")
    assert article.incomplete == FOR_SUBSCRIBERS
    text = to_text(article)
    assert STANDFIRST in text
    assert not any(
        words in text for words in ("Subscribe", "a month", "offers", "FAQs", "cancel", "access")
    )


def test_a_feed_carrying_the_story_stands_in_for_a_barrier_page() -> None:
    """Counted with the offer's words, the barrier page seemed to give as much as the feed."""
    article = extract_article(
        BARRIER, "https://quay.example/dredging.html", None, paragraphs(STORY)
    )
    assert article.partial and article.incomplete == ""
    text = to_text(article)
    assert all(p in text for p in STORY) and "Subscribe" not in text


def cjk_page(lang: str, paras: list[str], wall: str) -> str:
    """Asahi's shape: the headline, the writer and time, the teaser's paragraphs, its wall."""
    return f"""<!doctype html><html lang="{lang}"><head><meta charset="utf-8">
<title>{paras[0][:12]}</title></head><body><nav><a href="/">トップ</a></nav>
<main><div class="y_Qv3"><h1>{paras[0][:12]}</h1><div class="SW7Gq"><span>港一郎</span>
<time datetime="2026-12-03T18:00:00+09:00">2026年12月3日</time></div>
<div class="nfyQp">{paragraphs(paras)}</div><div class="ptXRy">{wall}</div></div></main>
</body></html>"""


JA_TEASER = [
    "横浜港の老朽化した岸壁について、市は３日、改修工事を来年春に始めると発表した。総工費は約８０億円で、"
    "２０２９年度の完了を目指す。",
    "改修は大型クルーズ船が着岸する区間から進め、工事中も貨物の取り扱いは続けるという。",
]
KO_TEASER = [
    "부산항 신항의 새 부두가 3일 문을 열었다. 해양수산부는 연간 200만 개의 컨테이너를 처리할 수 "
    "있을 것이라고 밝혔다.",
    "부두 운영사는 자동화 크레인 열두 대를 들여와 시험 운전을 마쳤다고 설명했다.",
]
ZH_TEASER = [
    "上海港3日宣布，洋山港区新码头将于明年投入使用，预计每年可处理集装箱四百万标准箱，"
    "缓解港口拥堵。",
    "港务集团表示，新码头将全部采用自动化设备，施工期间现有航线不受影响。",
]


@pytest.mark.parametrize(
    ("lang", "teaser", "wall"),
    [
        (
            "ja",
            JA_TEASER,
            '<p class="xB7Ak">この記事は有料記事です。残り<strong>1245</strong>文字</p><div>'
            "<p>有料会員になると続きをお読みいただけます。</p><a>今すぐ登録（初月無料）</a>"
            "<a>ログインする</a></div>",
        ),
        ("ja", JA_TEASER, "<p>この記事は会員限定です。登録すると続きをお読みいただけます。</p>"),
        ("ja", JA_TEASER, "<p>この記事は読者会員限定です。</p><a>ログイン</a>"),
        ("ko", KO_TEASER, "<p>이 기사는 유료 기사입니다.</p><p>구독 후 이용하실 수 있습니다.</p>"),
        ("zh", ZH_TEASER, "<p>订阅后阅读全文</p><a>立即订阅</a>"),
        ("zh", ZH_TEASER, "<span>付费阅读</span><a>登录</a>"),
    ],
    ids=["asahi", "nikkei", "yomiuri", "ko", "zh-subscribe", "zh-label"],
)
def test_a_wall_in_japanese_korean_or_chinese_marks_a_teaser(
    lang: str, teaser: list[str], wall: str
) -> None:
    """Asahi's "この記事は有料記事です。残り1245文字" after two paragraphs went unseen: the teaser
    was presented whole, as if the story ended there."""
    article = extract_article(cjk_page(lang, teaser, wall), "https://quay.example/a.html")
    assert article.incomplete == FOR_SUBSCRIBERS
    text = to_text(article)
    assert all(p in text for p in teaser)
    assert not any(word in text for word in ("有料", "会員", "유료", "구독", "订阅", "付费"))


@pytest.mark.parametrize(
    ("lang", "story"),
    [
        (
            "ja",
            [
                *JA_TEASER,
                "新聞各社は有料記事の読者を増やそうとしており、この記事は有料記事ですか、と問い合わせる"
                "読者も多いという。",
            ],
        ),
        (
            "zh",
            [*ZH_TEASER, "多家报社今年推出付费阅读服务，订阅人数增长明显，业内认为模式已趋成熟。"],
        ),
    ],
    ids=["ja", "zh"],
)
def test_a_sentence_about_paid_articles_is_no_wall(lang: str, story: list[str]) -> None:
    article = extract_article(cjk_page(lang, story, ""), "https://quay.example/a.html")
    assert article.incomplete == ""
    assert story[-1] in to_text(article)


def test_a_paragraph_about_subscriptions_is_kept() -> None:
    prose = (
        "Readers who are already subscribers to the printed edition will be asked to keep "
        "reading online from January, the publisher said, when the Saturday paper ends."
    )
    article = extract_article(FREE.replace(f"<p>{STORY[2]}</p>", f"<p>{prose}</p>"), "")
    assert prose in to_text(article)


# -- the library -------------------------------------------------------------------------------
def rss(base: str, content: str, path: str = "/dredging.html") -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Quay Courier</title><link>{base}/</link>
<item><title>Dredging vote put off</title><link>{base}{path}</link><guid>dredging</guid>
<pubDate>Tue, 24 Nov 2026 08:00:00 GMT</pubDate><description>{STORY[0]}</description>
{content}</item></channel></rss>"""


@pytest.fixture
def site(own_server: HTTPServer) -> HTTPServer:
    own_server.expect_request("/dredging.html").respond_with_data(TEASER, content_type="text/html")
    return own_server


def serve_feed(site: HTTPServer, content: str, path: str = "/dredging.html") -> str:
    base = site.url_for("").rstrip("/")
    site.expect_request("/feed.xml").respond_with_data(
        rss(base, content, path), content_type="application/rss+xml"
    )
    return site.url_for("/feed.xml")


def test_a_synced_page_for_subscribers_says_so_and_is_not_fetched_again(
    site: HTTPServer, data_dir: Path
) -> None:
    feed = serve_feed(site, "")  # the feed carries a summary only

    async def sync() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(feed)
            report = await lib.sync()
            assert report.ok and report.articles_fetched == 1
            assert [a.incomplete for _, a in report.incomplete] == [FOR_SUBSCRIBERS]

    async def reextract_offline() -> None:
        async with Library(data_dir) as lib:
            result = await lib.reextract()
            assert (result.done, result.failures) == (1, [])

    asyncio.run(sync())
    url = site.url_for("/dredging.html")
    store = Store(data_dir)
    article = store.article(url)
    assert article is not None and article.incomplete == FOR_SUBSCRIBERS
    assert not article.partial and "Subscribe" not in to_text(article)
    # Nothing a sync fetches brings the rest: it is not read again.
    assert not store.is_incomplete(url)
    store.close()
    site.stop()
    asyncio.run(reextract_offline())
    store = Store(data_dir)
    again = store.article(url)
    store.close()
    assert again is not None and again.incomplete == FOR_SUBSCRIBERS


def test_a_synced_teaser_behind_an_undeclared_wall_is_listed_in_part(
    site: HTTPServer, data_dir: Path
) -> None:
    """The list marks it "½", not "↓": a reader must not take the teaser for the story."""
    site.expect_request("/wall.html").respond_with_data(UNDECLARED_WALL, content_type="text/html")
    feed = serve_feed(site, "", "/wall.html")  # the feed carries a summary only

    async def sync() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(feed)
            report = await lib.sync()
            assert report.ok and report.articles_fetched == 1
            assert [a.incomplete for _, a in report.incomplete] == [FOR_SUBSCRIBERS]
            [headline] = lib.headlines()
            assert headline.cached and headline.partial
            assert offline_mark(headline) == PARTIAL_MARK

    asyncio.run(sync())
    store = Store(data_dir)
    article = store.article(site.url_for("/wall.html"))
    store.close()
    assert article is not None and article.incomplete == FOR_SUBSCRIBERS


def test_a_feed_carrying_the_whole_story_still_stands_in(site: HTTPServer, data_dir: Path) -> None:
    feed = serve_feed(site, f"<content:encoded><![CDATA[{paragraphs(STORY)}]]></content:encoded>")

    async def sync() -> None:
        async with Library(data_dir) as lib:
            lib.add_feed(feed)
            await lib.sync()

    asyncio.run(sync())
    store = Store(data_dir)
    article = store.article(site.url_for("/dredging.html"))
    store.close()
    assert article is not None and article.partial and article.incomplete == ""
    assert all(p in to_text(article) for p in STORY)


@pytest.mark.parametrize(
    "sentence",
    [
        "Readers who subscribe to read on the app will get the crossword a day early.",
        "The club said this content is for members of the sailing club and asked for it back.",
    ],
)
def test_a_sentence_using_an_offers_words_is_kept(sentence: str) -> None:
    """An offer's words in a sentence of the article ("subscribe to read on the app") are the
    article's: only a box saying them as an offer is dropped."""
    html = page("", paragraphs([*STORY[:2], sentence, *STORY[2:]]))
    assert sentence in to_text(extract_article(html, "https://quay.example/dredging.html"))


@pytest.mark.parametrize(
    "offer",
    [
        "Subscribe to keep reading",
        "UPGRADE TODAY TO CONTINUE READING",
        "Already have an account? Log in",
        "Enjoy unlimited digital access from £1 a week",
        "This story is only available to paying members.",
        "Subscribe to read on",
        "Il vous reste 80 % de cet article à lire.",
        "Jetzt weiterlesen mit SPIEGEL+",
        "Masz już subskrypcję?",
        "Уже есть подписка?",
        "Zaten abone misiniz?",
        "登録すると続きをお読みいただけます。",
        "订阅后阅读全文",
        "구독 후 이용하실 수 있습니다.",
        # Letters IGNORECASE takes for the offer's own: the long s, the Turkish dotted and
        # dotless i, an old narrow Cyrillic o.
        "ſubſcribe to keep reading",
        "SİGN İN TO CONTINUE READING",
        "Sıgn ın to keep reading",
        "Уже есть пᲂдписка?",
    ],
)
def test_the_offer_words_looked_for_first_are_in_every_offer(offer: str) -> None:
    """An offer box is told by its words (`is_offer_box`); a substring test for words every
    offer holds rules out the other boxes first (`may_offer`), and says no to none that the
    offer's pattern finds, in whatever case."""
    assert may_offer(offer)
    assert is_offer_box(offer)


def test_every_letter_taken_for_an_offer_words_letter_is_folded() -> None:
    """Each character the offer's case-blind pattern takes for a letter of the words looked for
    first (`may_offer`), put in that letter's place, still passes."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    for word in OFFER_WORDS:
        for at, letter in enumerate(word):
            if letter == " ":
                continue
            for same in re.findall(re.escape(letter), everything, re.IGNORECASE):
                assert may_offer(f"x {word[:at]}{same}{word[at + 1 :]} x"), (word, same)


def test_a_box_of_prose_is_no_offer_before_the_pattern_runs() -> None:
    assert not any(may_offer(p) for p in STORY[2:])


@pytest.mark.parametrize(
    "paywall",
    [
        Paywall(),
        Paywall(free=True),
        Paywall(declared=True),
        Paywall(declared=True, part_words=0),
        Paywall(declared=True, part_words=500),
        Paywall(wall=True),
        Paywall(free=True, wall=True),
    ],
)
def test_a_page_neither_declaring_nor_showing_a_wall_hides_no_text(paywall: Paywall) -> None:
    """The words read are counted only for a page `marked` (declaring the article not free, or
    showing a wall): any other hides nothing, short or long."""
    hides = [paywall.hides_text(words) for words in (0, 10, 149, 150, 5000)]
    assert paywall.marked or not any(hides)
    assert paywall.marked == (paywall.declared or paywall.wall)


def test_every_phrase_of_a_wall_holds_a_word_looked_for_first() -> None:
    """`says_wall` rules out a text holding none of `SAYS_WALL_WORDS` before its patterns run:
    each phrase the wall's and the offer's patterns find, in each of its shapes, holds one, so
    that test says no to none they find."""
    from reader.extract.wall_words import _OFFER_LOWER, _WALL_LOWER, SAYS_WALL_WORDS, says_wall

    for pattern in (_WALL_LOWER, _OFFER_LOWER):
        phrases = phrase_shapes(pattern.pattern)
        assert len(phrases) > 300
        for phrase in phrases:
            text = f"— {phrase} —"
            if pattern.search(text) and "unlimited" not in phrase:
                assert any(word in text for word in SAYS_WALL_WORDS), phrase
                assert says_wall(text), phrase


def test_a_story_saying_subscribe_and_members_is_ruled_out_before_the_wall_patterns() -> None:
    from reader.extract.wall_words import SAYS_WALL_WORDS

    text = (
        "The shellfish association, whose members include most of the crews who moor in the "
        "basin, told them to register their catches; the council said subscriptions would rise."
    ).lower()
    assert not any(word in text for word in SAYS_WALL_WORDS)
