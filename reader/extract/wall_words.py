"""The words of a subscription wall and of an offer box, in the languages of the press read here.

A wall says the article is kept for subscribers ("This article is for subscribers only", "Sign
in to read the full story"); an offer box offers a subscription to read on ("Subscribe to keep
reading … Already a subscriber? Log in"). `paywall` looks for them on a page, the cleanup passes
drop a box saying them.
"""

from __future__ import annotations

import re

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
    r"|continuare|continuar|verder) (leyendo|à lire|la lecture|a leggere|lendo|te lezen)\b",
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
    r"|\b(nur|exklusiv) für abonnent(inn)?en\b|\bréservée? aux abonnés\b"
    r"|\b(solo|sólo|exclusivo) para (suscriptores|abonados)\b|\bтолько для подписчиков\b"
    r"|\briservato agli abbonati\b|\bexclusivo para assinantes\b|\balleen voor abonnees\b",
    re.IGNORECASE,
)
# A box named for a wall ("paywall", "regwall", "subscriber-only", Piano's, a metered site's)
# that speaks of subscribing or signing in, in whatever words.
WALL_NAME = re.compile(r"pay-?wall|reg-?wall|subscribers?-?only|premium|piano|metered")
SUBSCRIBING = re.compile(
    r"subscri|abonn|suscri|assin|abbon|подпис|sign in|log in|register|anmelden|connecter",
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
)
# What IGNORECASE matches to these words' letters that lower() does not turn into them: the
# dotless ı and long ſ, the dot "İ" keeps after lower() ("i̇"), and the narrow old Cyrillic
# letters. Folded so the substring test says yes wherever `_OFFER` could match.
_CASE_FOLDS = {"ı": "i", "ſ": "s", "\u0307": "", "ᲁ": "д", "ᲂ": "о", "ᲃ": "с"}


def may_offer(text: str) -> bool:
    """`text` holds a word every offer `_OFFER` finds holds: False means it holds no offer."""
    folded = text.lower()
    if not folded.isascii():
        # Replaced one by one, and only when there: translate() costs ten times the search.
        for letter, fold in _CASE_FOLDS.items():
            if letter in folded:
                folded = folded.replace(letter, fold)
    return any(word in folded for word in OFFER_WORDS)


# The same, for text in lower case: the page's words are read with these, near each word of
# subscribing (IGNORECASE tries every letter both ways: half a page's reading time on the demo's
# small pages, which all have a newsletter box).
_WALL_LOWER = re.compile(_WALL.pattern)
_OFFER_LOWER = re.compile(_OFFER.pattern)


def says_wall(text: str) -> bool:
    """Words of a wall: the article is for subscribers, or an offer to read on. Not "Get
    unlimited access to the best stories": Medium's upsell beside every whole story."""
    lowered = text.lower()
    return _WALL_LOWER.search(lowered) is not None or any(
        "unlimited" not in offer.group(0) for offer in _OFFER_LOWER.finditer(lowered)
    )


# A word every phrase of `_WALL` and `_OFFER` holds but "Get unlimited access", which alone is
# no wall; searched in lower case (ten times faster than IGNORECASE: a page's text runs, one by
# one, took 50 ms).
SUBSCRIBING_HINT = re.compile(
    r"subscri|abonn|abonad|abone|suscri|assin|abbon|подпис|prenumer|subskryp|members|sign in"
    r"|sign up|log in|register|upgrade|weiterlesen|il vous reste"
)
