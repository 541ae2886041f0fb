"""The parts of a byline beside its writer's name that name no writer: where the writer filed
from ("Von Jonas Weber, Köln", "Олена Коваленко, Львів", "Élodie Faure (à Lyon)", "الفجيرة: …",
"【ワシントン＝山田太郎】") and the outlet the writer works for ("Jane Doe for the Harbour
Ledger", "Jane Doe, CNN"). `byline_names` cuts them away."""

from __future__ import annotations

import re

from ..writer_names import ACRONYMS, AGENCIES, WIRE_LETTERS

# Where the writer filed from: "Ana Ruiz in Madrid and Tom Berg in New York".
_FILED_FROM = re.compile(
    r"\s+in\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*)*(?=\s+and\s|,|$)"
)
# Where the writer filed from, after a comma: "Von Jonas Weber, Berlin", "Par Léa Martin, à
# Paris", "di Marco Rossi, Roma". One word written as a place is ("MA" and "AFP" are a
# credential and an agency; "Jr." a name's own end).
_PLACE = re.compile(
    r"(?:(?:à|a|en|in|aus|from|de|desde|da|em)\s+)?(?!(?:Jr|Sr|Esq)\b)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+"
)
# Where the writer filed from, in brackets: "Élodie Faure (à Lyon)", "Ana Ruiz (desde Quito)".
_PLACE_IN_BRACKETS = re.compile(
    r"\s*\((?:à|a|en|in|aus|from|de|desde|da|em|depuis|z|ze|из|з)\s+[^()]{2,40}\)\s*$",
    re.IGNORECASE,
)
# The Gulf papers open a byline with the place it was filed from: "الفجيرة: سلمى الحمادي"
# ("Fujairah: Salma Al Hammadi"), "رأس الخيمة: …"; a place of one or two words.
# Egyptian papers with a dash: "القاهرة - محمد علي" ("Cairo - …"), before a name of two words or
# more (one is an outlet's: "دبي - العربية.نت", `byline._place_and_outlet`).
_ARABIC_PLACE = re.compile(
    r"^[\u0621-\u064a]+(?:\s[\u0621-\u064a]+)?\s*(?::\s*(?=\S)|[-–—]\s+(?=\S+\s+\S))"
)
# Japanese papers write the place and the reporter with "＝": "【ワシントン＝山田太郎】".
_PLACE_EQUALS = re.compile(r"^[^\W\d_]{1,12}\s*[＝=]\s*(?=[^\W\d_]+$)")


def place_before(text: str) -> str:
    """`text` without the place a byline opens with (`_ARABIC_PLACE`, `_PLACE_EQUALS`)."""
    return _ARABIC_PLACE.sub("", _PLACE_EQUALS.sub("", text))


def place_in_brackets(text: str) -> str:
    """`text` without the place in brackets after the name ("Élodie Faure (à Lyon)")."""
    return _PLACE_IN_BRACKETS.sub("", text)


def filed_from(text: str) -> str:
    """`text` without each writer's "in PLACE" ("Ana Ruiz in Madrid and Tom Berg")."""
    return _FILED_FROM.sub("", text)


# The outlet a writer wrote for, after the name: "Jane Doe for the Harbour Ledger", "Jane Doe
# for CNN". An organisation's own "for" stays: "Organization for Transformative Works",
# "National Centre for Social Research".
_FOR_OUTLET = re.compile(r"\s+(?-i:for)\s+(?:(?:the|The)\s+[A-ZÀ-ÖØ-Þ]|[A-Z]{2,}\b).*$")
_WRITER = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.-]*){1,3}")
_ORGANISATION_WORDS = re.compile(
    r"\b(?:centre|center|institute|council|society|association|foundation|organi[sz]ation"
    r"|department|ministry|office|agency|commission|committee|campaign|coalition|alliance"
    r"|union|network|trust|fund|league|federation|partnership|group|board|service)s?\b",
    re.IGNORECASE,
)


def without_outlet(text: str) -> str:
    """`text` without the outlet a writer's byline names as the writer's employer: "Jane Doe"
    of "Jane Doe for the Harbour Ledger", or of "Jane Doe, CNN" (a broadcaster's or a paper's
    letters after the comma). The Source names the outlet that published it. An agency's stay
    ("Ann Lee, Reuters"): its copy is in the story."""
    wrote_for = _FOR_OUTLET.search(text)
    if wrote_for is not None:
        writer = text[: wrote_for.start()]
        if _WRITER.fullmatch(writer) and not _ORGANISATION_WORDS.search(writer):
            return writer
    names, comma, outlet = text.rpartition(",")
    outlet = outlet.strip()
    if (
        comma
        and len(names.split()) >= 2
        and outlet.casefold() in ACRONYMS
        and outlet.casefold() not in WIRE_LETTERS
    ):
        return names
    return text


# A script without capitals can't tell a place from a second writer: the cities Hindi papers
# file from, which their bylines set after the name or before it ("राजेश कुमार, नई दिल्ली",
# "नई दिल्ली, राजेश कुमार"), as `zone_country` knows them in English.
_HINDI_PLACES = frozenset(
    [
        *("नई दिल्ली", "दिल्ली", "मुंबई", "कोलकाता", "चेन्नई", "बेंगलुरु", "हैदराबाद", "अहमदाबाद"),
        *("पुणे", "जयपुर", "लखनऊ", "चंडीगढ़", "भोपाल", "पटना", "गुवाहाटी", "श्रीनगर", "जम्मू"),
        *("नोएडा", "गुरुग्राम", "नागपुर", "इंदौर", "रांची", "रायपुर", "देहरादून", "वाराणसी"),
        *("कानपुर", "अमृतसर", "प्रयागराज", "आगरा", "शिमला", "जोधपुर", "उदयपुर", "मेरठ"),
    ]
)


def without_place(text: str) -> str:
    """`text` without the place the writer filed from after a comma, when a name of two words
    or more comes before it: "Doe, Jane" is a name written surname first; or before the comma,
    a Hindi paper's city."""
    names, comma, place = text.rpartition(",")
    place = place.strip()
    if (
        comma
        and len(names.split()) >= 2
        and (_PLACE.fullmatch(place) or _capitalised_word(place) or place in _HINDI_PLACES)
        and place.casefold() not in AGENCIES
    ):
        return names
    place, comma, names = text.partition(",")
    if comma and place.strip() in _HINDI_PLACES and len(names.split()) >= 2:
        return names.strip()
    return text


# A Hindi paper's role for its reporter, set before the name or after it, with the city filed
# from: "राकेश शर्मा, संवाददाता, नई दिल्ली", Dainik Jagran's "जागरण संवाददाता, पटना", "संवाददाता —
# राकेश शर्मा", "नई दिल्ली (ब्यूरो)". The words before the role are the paper's or the job's
# ("जागरण", "विशेष" special, "वरिष्ठ" senior), no name's.
_WORD = re.compile(r"\S+")
_HINDI_ROLE = re.compile(
    r"(?:^|\s)(?:(?:जागरण|भास्कर|हिन्दुस्तान|हिंदुस्तान|विशेष|वरिष्ठ|हमारे|निज|मुख्य|प्रमुख|स्टाफ़?|राज्य"
    r"|संवाद\s+न्यूज़?)\s+)*(?:संवाददाता|ब्यूरो(?:\s+(?:चीफ़?|प्रमुख))?|एजेंसी|प्रतिनिधि)$"
)
# Where a Hindi byline sets its parts apart: commas, bars, brackets, a spaced dash.
_HINDI_PARTS = re.compile(r"\s*[,|()]\s*|\s+[-–—]\s+")


_ROLE_WORDS = 8
"""The most words a Hindi role and the words before it run to ("विशेष संवाददाता", "जागरण
ब्यूरो चीफ़"): the part's last ones alone are looked in."""


def _hindi_role(part: str) -> int | None:
    """Where a Hindi role ending `part` starts (`_HINDI_ROLE`), None for none. Looked for in
    its last `_ROLE_WORDS` words: tried at every space of a hostile byline of 8,000 of its
    words ending in another, the pattern took 2.7 s, four times as many 16 times that."""
    starts = [word.start() for word in _WORD.finditer(part)]
    cut = starts[-_ROLE_WORDS] if len(starts) > _ROLE_WORDS else 0
    role = _HINDI_ROLE.search(part[cut:])
    return None if role is None else cut + role.start()


def without_hindi_roles(text: str) -> str:
    """`text` without a Hindi paper's role for its reporter and the city beside it: "राकेश
    शर्मा" of "राकेश शर्मा, जागरण संवाददाता, पटना" and of "संवाददाता — राकेश शर्मा"; "" of a
    role and a city alone ("संवाददाता, नई दिल्ली"), a desk's byline that names no person.
    Without such a role, `text` as it was (a city alone is `without_place`'s)."""
    parts = [p for p in _HINDI_PARTS.split(text.strip()) if p]
    named: list[str] = []
    roles = 0
    for part in parts:
        role = _hindi_role(part)
        if role is not None:
            roles += 1
            part = part[:role].strip()
            if len(part.split()) < 2:
                continue  # the role alone, or a paper's one word before it ("भास्कर")
        elif part in _HINDI_PLACES:
            continue
        named.append(part)
    if not roles:
        return text
    return ", ".join(named)


def _capitalised_word(word: str) -> bool:
    """`word` is one word of a cased script but Latin (`_PLACE`'s) written as a place is:
    "Львів", "Αθήνα"."""
    return (
        len(word) > 1
        and word[0] > _LAST_LATIN
        and word.isalpha()
        and word[0].isupper()
        and word[1:].islower()
    )


_LAST_LATIN = "\u024f"
