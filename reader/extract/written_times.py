"""A time of day as a line of text writes it beside its date ("14:05", "2:05 p.m.", "14h05",
"오후 2:05", "7 AM ET"), and the zone it names ("GMT", "CEST", "ET", "IST" by the page's language,
"UTC+2", "+05:30"): the part of `written_dates` that reads what follows or precedes a date."""

from __future__ import annotations

import re
from datetime import time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..zone_names import WORDS_TOO, ZONE_HOURS
from .arabic_dates import ARABIC_ZONE, ARABIC_ZONE_WORD, arabic_zone
from .month_names import WEEKDAYS

# "14:05", "2:05 p.m.", "14h05", "14 Uhr"; "14時05分", "오후 2:05" (afternoon) in the East; the
# hour alone before its "AM"/"PM" (The Atlantic's "December 3, 2026, 7 AM ET").
_TIME = (
    r"(?:(?P<half>午前|午後|上午|下午|오전|오후|पूर्वाह्न|अपराह्न)\s*)?(?P<hour>[0-2]?\d)"
    r"(?:[:.h](?P<minute>[0-5]\d)|\s*[時时시]\s*(?P<minutes>[0-5]?\d)\s*[分분]"
    r"|(?=\s*[ap]\.?\s?m\b))(?::[0-5]\d)?"
    # Argentina's "06:30 hs" (horas).
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?|\s*(?P<marker>"
    # The morning's and the afternoon's marks after the time in Arabic ("10:30 م", "مساءً"),
    # Greek ("3:20 μ.μ.") and Persian ("۰۳:۲۰ ب.ظ"): read, an evening story was cited 12 hours
    # early (acc38a J14); and Hindi's, which CMS templates and PIB's releases set after it as
    # "PM" is ("02:20 अपराह्न IST", acc41c C1).
    r"مساءً?|مساءا|صباحاً?|صباحا|م|ص|[πμ]\.\s?μ\.|[بق]\.\s?ظ\.?|पूर्वाह्न|अपराह्न)(?!\w))?"
    r"(?:\s*(?:uhr|hrs?|hs|h)\b|\s*น\.)?"
)
_AFTERNOON = frozenset(
    ["午後", "下午", "오후", "अपराह्न", "م", "مساء", "مساءً", "مساءا", "μ.μ.", "ب.ظ"]
)
# The zones one abbreviation names are `zone_names`' (one table with the feeds' dates). IST, CST
# and the like are several zones. IST is India's, Ireland's and Israel's: the page's language
# tells which, where it says one of them (Hindi, or English of India; Hebrew; English of
# Ireland, or Irish). Summer or winter is in the name: Israel's summer is "IDT", Ireland's
# winter "GMT".
_BY_COUNTRY = {
    "ist": {
        **dict.fromkeys(["hi", "bn", "mr", "ta", "te", "gu", "kn", "ml", "pa", "or"], 5.5),
        **{"en-in": 5.5, "he": 2, "iw": 2, "en-il": 2, "ga": 1, "en-ie": 1},
    },
    "idt": {"he": 3, "iw": 3, "en-il": 3},
    # GST is the Gulf's (+04:00: the Emirates', Oman's) on a page in Arabic or English of
    # either; elsewhere it may be Georgia's, or a sales tax.
    "gst": {"ar": 4, "en-ae": 4, "en-om": 4},
}
# Names whose offset depends on the date: the time zone they stand for decides.
_REGIONAL = {
    "et": "America/New_York",
    "ct": "America/Chicago",
    "mt": "America/Denver",
    "pt": "America/Los_Angeles",
    "uk": "Europe/London",
}
_ZONE = (
    rf"(?P<zone>[a-zа-я]{{1,4}}\b|{ARABIC_ZONE}(?!\w))?\s*"
    r"(?P<offset>[+\-−]\s?\d{1,2}(?::?\d\d)?)?"
)
# Between a date and its time: "3 March 2026, 14:05", "March 3 at 9:05", CNN's "2016: 1:28 AM",
# "5 March 2026 • 9:30am".
_AFTER = re.compile(
    r"^(?:\s|,|:|\.|\||-|–|—|•|·|at|um|à|a las|alle|ore|às|om|o godz\.|godz\.|o|в|о|saat|lúc"
    # Turkish sites name the weekday after the date: "2 Aralık 2026 Çarşamba 11:45".
    rf"|(?<!\w){WEEKDAYS}(?!\w)"
    # "2026 г.", "2026 р.", "2026 r.": Russian's, Ukrainian's and Polish's "year"; "kl." the
    # Scandinavians' "o'clock" ("3 december 2026 kl. 10.15").
    r"|[гр]\.|r\.|kl\.?"
    # "الساعة 11:00" (Arabic's "at the hour"), Persian's "ساعت", Thai's "เวลา 09.45 น.", and
    # the "year" Ukrainian and Russian write out ("3 грудня 2026 року, 10:00").
    r"|الساعة|ساعت|เวลา|року|года"
    # Japanese and Korean sites' weekday in brackets: "2026年12月5日（土） 18:30", "5일(토) 오후
    # 2:05"; the time was lost (acc41c C25).
    r"|[（(][月火水木金土日월화수목금토일][）)])*"
    rf"{_TIME}\s*\(?{_ZONE}",
    re.IGNORECASE,
)
# A time before its date, and the day of the week between: CNN's "Updated 3:42 PM EST, Tue March
# 5, 2026".
_BEFORE = re.compile(
    rf"{_TIME}\s*\(?{_ZONE}\)?(?:\s|,|\||-|–|—|•|·|on|le|am|(?<!\w){WEEKDAYS}(?!\w))*$",
    re.IGNORECASE,
)


# An offset with no zone name before it is written whole ("+05:30", "-0500"): "14:05 - 12
# comments" and "9:05 AM - 3 min read" are a separator and a count.
_OFFSET_ALONE = re.compile(r"[+\-−]\d\d:?\d\d")


def _zone(name: str, offset: str, language: str = "") -> tzinfo | None:
    """The zone "GMT", "CEST", "ET", "UTC+2", "+05:30" say; None when none is said or the name
    is not one zone. "ET" is a region's zone, its offset that of the date it is given with;
    "IST" the zone of the country the page's `language` is of, when it is one of its; "WEST"
    a zone in capitals alone (`WORDS_TOO`)."""
    if name.casefold() in WORDS_TOO and not name.isupper():
        return None
    name = name.casefold()
    if name.startswith(ARABIC_ZONE_WORD) or re.match(ARABIC_ZONE, name, re.IGNORECASE):
        return arabic_zone(name)
    countries = _BY_COUNTRY.get(name, {})
    language = language.casefold()
    country = countries.get(language, countries.get(language.split("-")[0]))
    if country is not None and not offset:
        return timezone(timedelta(hours=country))
    hours = 0.0
    if offset:
        sign = -1 if offset[0] in "-−" else 1
        digits = re.sub(r"\D", "", offset)
        hours = sign * (
            int(digits[:-2] or 0) + int(digits[-2:]) / 60 if len(digits) > 2 else int(digits)
        )
    if name in ZONE_HOURS or (not name and _OFFSET_ALONE.fullmatch(offset)):
        shift = timedelta(hours=ZONE_HOURS.get(name, 0) + hours)
        # No zone is a day or more from UTC ("+25", "AEDT+13"): `timezone` refuses one.
        return timezone(shift) if abs(shift) < timedelta(hours=24) else None
    if name in _REGIONAL and not offset:
        try:
            return ZoneInfo(_REGIONAL[name])
        except ZoneInfoNotFoundError:  # a system without the zone database
            return None
    return None


def _time(match: re.Match[str]) -> time | None:
    hour, minute = int(match["hour"]), int(match["minute"] or match["minutes"] or 0)
    if match["half"]:
        if not 0 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["half"] in _AFTERNOON else 0)
    if match["ampm"]:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match["ampm"].casefold() == "p" else 0)
    if match["marker"]:
        if not 1 <= hour <= 12:
            return None
        mark = re.sub(r"\s", "", match["marker"].casefold()).rstrip(".")
        hour = hour % 12 + (12 if mark in _AFTERNOON or mark + "." in _AFTERNOON else 0)
    return time(hour, minute) if hour < 24 else None
