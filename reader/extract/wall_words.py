"""The words of a subscription wall and of an offer box, in the languages of the press read here.

A wall says the article is kept for subscribers ("This article is for subscribers only", "Sign
in to read the full story"); an offer box offers a subscription to read on ("Subscribe to keep
reading … Already a subscriber? Log in"). `paywall` looks for them on a page, the cleanup passes
drop a box saying them.
"""

from __future__ import annotations

import re

from .sentence_ends import sentences

# What the box standing in for the rest of the article says, in the shapes sites write it.
_OFFER = re.compile(
    r"\b(subscribe|sign up|register|log in|sign in|upgrade)( now| today)? to (keep|continue) "
    r"reading\b"
    # "Subscribe to read on" ends the offer; "subscribe to read on the app" is a sentence.
    r"|\b(subscribe|upgrade) to read (the rest\b|on\b(?!\s*\w))"
    r"|\balready (a subscriber|subscribed|have an account|registered)\s*\?"
    r"|\b(get|unlock|enjoy) unlimited (digital )?access\b"
    # Not "members of the club": a sentence of the article, telling what a club keeps to itself.
    r"|\bthis (article|story|post|content) is (only )?(available |reserved )?(to|for) "
    r"(paying |paid )?(subscribers|members)\b(?! of\b)"
    # The same in the languages of the foreign press read here: "Déjà abonné ? Se connecter",
    # "Il vous reste 80 % de cet article à lire. La suite est réservée aux abonnés", "Jetzt
    # weiterlesen mit SPIEGEL+", "Suscríbete para seguir leyendo", "Já é assinante?".
    r"|\b(déjà abonnée?|bereits abonnent(in)?|schon abonnent(in)?|ya eres suscriptora?"
    r"|ya estás suscrito|sei già abbonato|já é assinante|ben je al abonnee|bent u al abonnee"
    r"|masz już (prenumeratę|subskrypcję)|уже есть подписка|zaten abone misiniz)\s*\?"
    r"|\bla suite est réservée aux abonnés\b|\bil vous reste \d+\s*% de cet article à lire\b"
    r"|\b(jetzt )?weiterlesen mit \w+\s*\+"
    r"|\b(suscríbete|abonnez-vous|abbonati|assine|abonneer) (para|pour|per|om) (seguir|continuer"
    r"|continuare|continuar|verder) (leyendo|à lire|la lecture|a leggere|lendo|te lezen)\b"
    # Japanese, Chinese and Korean: Nikkei's "登録すると続きをお読みいただけます" and Asahi's
    # "有料会員になると…" (signed up, "you can read the rest"), "订阅后阅读全文" ("read the whole
    # article after subscribing"), "구독 후 이용하실 수 있습니다".
    r"|続きをお読みいただけます|続きを読むには(ログイン|会員登録|購読)"
    r"|(订阅|訂閱)(后|後)(阅读|閱讀|查看)全文|구독\s?후\s?(이용|열람|읽)"
    # Hebrew, Arabic and Hindi: Haaretz's "כבר מנויים? התחברו" (already subscribed? log in),
    # "مشترك بالفعل؟" and "اشترك الآن لمواصلة القراءة" (subscribe now to continue reading),
    # "पहले से सब्सक्राइबर हैं?" and "आगे पढ़ने के लिए सब्सक्राइब करें" (subscribe to read on). No
    # `\b` round Devanagari: its vowel signs are no word letters to Python.
    r"|כבר (מנויים|מנויות|מנוי|מנויה)\s*\?|(مشترك|مشتركة|مشتركون) بالفعل\s*[؟?]"
    r"|اشترك(\s+الآن)?\s+(لمواصلة|لمتابعة|لإكمال) القراءة"
    r"|पहले से (ही )?(सब्सक्राइबर|सदस्य|ग्राहक) हैं\s*\?"
    r"|(आगे|पूरा( लेख)?) पढ़ने के लिए (सब्सक्राइब|लॉग ?इन|साइन ?इन)",
    re.IGNORECASE,
)
# What a wall says beyond an offer: the article is kept for subscribers ("This article is for
# subscribers only", "Sign in to read the full story"), in the languages read here too: "Nur für
# Abonnenten", "Article réservé aux abonnés", "Solo para suscriptores", "Только для подписчиков".
_WALL = re.compile(
    r"\bsubscribers?[- ]only\b"
    r"|\b(only|exclusively) (available )?(to|for) (paying |paid )?subscribers\b"
    # Not "Log in to continue the conversation": a comment box's.
    r"|\b(subscribe|sign in|log in|register)( now| today)? to (continue( reading\b|\s*([.:!…]|$))"
    r"|unlock\b|read (this|the (full|whole|rest|entire))\b)"
    # A marker where the teaser stops: "This article continues for subscribers", "The full story
    # is available to subscribers", "To continue reading, subscribe", "Keep reading with a
    # digital subscription" (a teaser ending on one read as the whole article).
    r"|\b(article|story) continues (below )?(only )?(for|to) (paying |paid )?subscribers\b"
    r"|\b(full|whole|complete|entire) (article|story) is (only )?available (only )?(to|for) "
    r"(paying |paid )?subscribers\b"
    r"|\bto (continue|keep) reading,? (please )?(subscribe|sign in|log in)\b"
    r"|\b(continue|keep) reading with an? (digital |premium )?subscription\b"
    r"|\bread the rest( of (this|the) (article|story))? with an? (digital |premium )?subscription\b"
    r"|\b(nur|exklusiv) für abonnent(inn)?en\b|\bréservée? aux abonnés\b"
    r"|\b(solo|sólo|exclusivo) para (suscriptores|abonados)\b|\bтолько для подписчиков\b"
    r"|\briservato agli abbonati\b|\bexclusivo para assinantes\b|\balleen voor abonnees\b"
    # "This article is a paid article" (Asahi, Mainichi: "この記事は有料記事です。残り1245文字"),
    # "for members only" (Nikkei's "この記事は会員限定です", Yomiuri's "読者会員限定"); Korean's "this
    # article is a paid article", "for subscribers only"; Chinese "pay to read the whole text",
    # "this is paid content", and "付费阅读" alone as a label or a button's, ending its text (a
    # sentence saying a paper "推出付费阅读" goes on).
    r"|この記事は(有料|(有料|読者|プレミアム)?会員限定の?)(記事)?です(?!か)|有料会員限定(記事|の記事|です)"
    r"|이 기사는[^.。]{0,20}유료\s?(기사|콘텐츠)|유료\s?(기사|콘텐츠)입니다"
    r"|(유료\s?)?(회원|구독자)\s?전용\s?(기사|콘텐츠)"
    r"|(付费|付費)(后|後)?(阅读|閱讀)(全文|剩余|剩餘|完整)|(付费|付費)(阅读|閱讀)(?=\s|$)"
    r"|本文(为|為)(付费|付費)(内容|內容|文章)"
    # "For subscribers only" in Hebrew ("זמינה למנויים בלבד", Haaretz), Arabic ("متاح للمشتركين
    # فقط") and Hindi ("केवल सब्सक्राइबर्स के लिए"); "exclusive to subscribers" in the first two.
    r"|(ל|עבור )מנויים בלבד|בלעדי(ת)? למנויים|للمشتركين فقط|حصري(ا|ة)? للمشتركين"
    r"|(केवल|सिर्फ़?) (सब्सक्राइबर्स|सब्सक्राइबरों|सब्सक्राइबर|ग्राहकों|सदस्यों) के लिए",
    re.IGNORECASE,
)
# A box named for a wall ("paywall", "regwall", "subscriber-only", Piano's, a metered site's)
# that speaks of subscribing or signing in, in whatever words.
WALL_NAME = re.compile(r"pay-?wall|reg-?wall|subscribers?-?only|premium|piano|metered")
SUBSCRIBING = re.compile(
    r"subscri|abonn|suscri|assin|abbon|подпис|sign in|log in|register|anmelden|connecter"
    r"|有料|会員|ログイン|会员|付费|付費|订阅|訂閱|登录|登入|유료|구독|로그인"
    r"|מנוי|התחבר|مشترك|اشترك|تسجيل الدخول|सब्सक्राइब|सदस्यता|लॉग ?इन",
    re.IGNORECASE,
)

# A box longer than this is prose, whatever it says.
OFFER_CHARS = 400


def is_offer_box(text: str) -> bool:
    """A short box offering a subscription in the article's place ("Subscribe to keep reading",
    "Already a subscriber? Log in"); `text` is its text, whitespace collapsed."""
    return len(text) <= OFFER_CHARS and may_offer(text) and _OFFER.search(text) is not None


# A word every phrase of `_OFFER` holds. `_OFFER` tries each of its phrases, in either case, at
# every character of every short box of the article (a dozen a page): 2 ms of a demo page's 20.
# Looking for these as plain substrings of the box's lower-cased text first rules out nearly
# every box in microseconds.
OFFER_WORDS = (
    "subscri",
    "sign up",
    "sign in",
    "log in",
    "register",
    "upgrade",
    "already",
    "unlimited",
    "members",
    "abonn",
    "abone",
    "suscri",
    "abbon",
    "assin",
    "prenumer",
    "subskryp",
    "подпис",
    "il vous reste",
    "weiterlesen",
    "続きを",
    "订阅",
    "訂閱",
    "구독",
    "מנוי",
    "مشترك",
    "اشترك",
    "सब्सक्राइब",
    "सदस्य",
    "ग्राहक",
)
# What IGNORECASE matches to these words' letters that lower() does not turn into them: the
# dotless ı and long ſ, the dot "İ" keeps after lower() ("i̇"), and the narrow old Cyrillic
# letters. Folded so the substring test says yes wherever `_OFFER` could match.
_CASE_FOLDS = {"ı": "i", "ſ": "s", "\u0307": "", "ᲁ": "д", "ᲂ": "о", "ᲃ": "с"}


def lowered_as_ignorecase(text: str) -> str:
    """`text` in lower case, with the letters an IGNORECASE pattern takes for another folded to
    it: a plain substring search of it says no only where such a pattern finds nothing."""
    folded = text.lower()
    if not folded.isascii():
        # Replaced one by one, and only when there: translate() costs ten times the search.
        for letter, fold in _CASE_FOLDS.items():
            if letter in folded:
                folded = folded.replace(letter, fold)
    return folded


def may_offer(text: str) -> bool:
    """`text` holds a word every offer `_OFFER` finds holds: False means it holds no offer."""
    folded = lowered_as_ignorecase(text)
    return any(word in folded for word in OFFER_WORDS)


# The same, for text in lower case: the page's words are read with these, near each word of
# subscribing (IGNORECASE tries every letter both ways: half a page's reading time on the demo's
# small pages, which all have a newsletter box).
_WALL_LOWER = re.compile(_WALL.pattern)
_OFFER_LOWER = re.compile(_OFFER.pattern)


# A word of every phrase `_WALL` and `_OFFER` find, as the lower-cased text holds it. `says_wall`
# is asked of the words around each "subscribe", "members" or "register" of a page (news
# stories say them, and the demo's sites all have a newsletter box), and the patterns, each
# phrase opening on a word boundary, try every phrase at every character: 0.3 ms each time,
# a twentieth of a small page's reading. These plain substrings rule out nearly all of them in
# microseconds. A phrase added to either pattern needs its word here (tested).
SAYS_WALL_WORDS = (
    # _WALL: "subscribers only", "only (available) to subscribers", "sign in to continue /
    # unlock / read the full story", and the other languages' phrases.
    "r only",
    "s only",
    "r-only",
    "s-only",
    "y to ",
    "y for ",
    "y available ",
    "available to",
    "available for",
    "continu",
    "unlock",
    "read th",
    "abonnent",
    "aux abonnés",
    "suscriptores",
    "abonados",
    "только для подписчиков",
    "riservato agli abbonati",
    "exclusivo para assinantes",
    "alleen voor abonnees",
    "この記事は",
    "有料会員限定",
    "이 기사는",
    "입니다",
    "전용",
    "付费",
    "付費",
    "本文",
    "מנויים",
    "للمشتركين",
    "के लिए",
    # _OFFER: "… to keep reading", "… to read on", "already a subscriber?" (and its
    # translations, each ending in its question mark), "unlimited access", "this article is …
    # for subscribers", "il vous reste …", "weiterlesen mit …", "… para seguir leyendo".
    "reading",
    "to read ",
    "?",
    "unlimited",
    "this article is",
    "this story is",
    "this post is",
    "this content is",
    "il vous reste",
    "weiterlesen mit",
    "seguir",
    "verder",
    "続きを",
    "订阅",
    "訂閱",
    "구독",
    "بالفعل",
    "القراءة",
)


def says_wall(text: str) -> bool:
    """Words of a wall: the article is for subscribers, or an offer to read on. Not "Get
    unlimited access to the best stories": Medium's upsell beside every whole story. Nor a
    sentence about commenting (`_COMMENTING`): who may write under the article, not who may
    read it."""
    lowered = text.lower()
    if not _says_wall(lowered):
        return False
    if _COMMENTING.search(lowered) is None:
        return True
    # Sentence by sentence: a wall and a line about commenting may share a box.
    return any(
        _says_wall(sentence) and _COMMENTING.search(sentence) is None
        for sentence in sentences(lowered)
    )


def _says_wall(lowered: str) -> bool:
    if not any(word in lowered for word in SAYS_WALL_WORDS):
        return False
    return _WALL_LOWER.search(lowered) is not None or any(
        "unlimited" not in offer.group(0) for offer in _OFFER_LOWER.finditer(lowered)
    )


# Commenting, in the languages read here: the line under the comments box, "Commenting is
# available to subscribers only", Clarín's "Comentar las notas de Clarín es exclusivo para
# suscriptores", "Kommentieren nur für Abonnenten", says the whole article above it is read.
# Comments and commenting, not a commentary ("Dieser Kommentar ist nur für Abonnenten", "This
# commentary is for subscribers only": an opinion piece's wall).
_COMMENTING = re.compile(
    r"\bcomment(?:s|ing|ers?)?\b|\bkommentier|\bkommentare\b|kommentarfunktion|kommentarbereich"
    r"|\bcomentar\b|\bcomentarios\b|\bcomentários\b|\bcommenter\b|\bcommentaires\b"
    r"|\bcommentare\b|\bcommenti\b|\bkomentowa|\bkomentarze\b|комментировать|\bкомментарии\b"
    r"|评论区|发表评论|評論區|發表評論|留言|コメント|댓글|التعليقات|للتعليق|תגובות|להגיב"
    r"|टिप्पणियां|टिप्पणी कर|yorum yap|yorumlar"
)


# A word every phrase of `_WALL` and `_OFFER` holds but "Get unlimited access", which alone is
# no wall; searched in lower case (ten times faster than IGNORECASE: a page's text runs, one by
# one, took 50 ms).
SUBSCRIBING_HINT = re.compile(
    r"subscri|abonn|abonad|abone|suscri|assin|abbon|подпис|prenumer|subskryp|members|sign in"
    r"|sign up|log in|register|upgrade|weiterlesen|il vous reste"
    r"|有料|会員限定|続きを|付费|付費|订阅|訂閱|유료|전용|구독"
    r"|מנוי|مشترك|اشترك|सब्सक्राइब|सदस्य|ग्राहक"
)
