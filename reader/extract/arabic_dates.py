"""Dates as Arabic papers write them beside what `written_dates` reads: a zone named by its
place ("14:05 بتوقيت الإمارات", 14:05 UAE time; Greek's and Hebrew's "Greece time", "Israel time" too), and the Hijri date printed beside the Gregorian
one ("الأربعاء 2 ديسمبر 2026 - 11 جمادى الآخرة 1448 هـ"), the same day, passed over."""

from __future__ import annotations

import re
from datetime import tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# "بتوقيت" ("in the time of") and the place: "بتوقيت مكة المكرمة" (Mecca time), "بتوقيت غرينتش"
# (Greenwich).
ARABIC_ZONE_WORD = "بتوقيت"
_ZONES = {
    **dict.fromkeys(["الإمارات", "الامارات", "أبوظبي", "ابوظبي", "دبي"], "Asia/Dubai"),
    **dict.fromkeys(["السعودية", "مكة المكرمة", "مكة", "الرياض"], "Asia/Riyadh"),
    **dict.fromkeys(["قطر", "الدوحة"], "Asia/Qatar"),
    **dict.fromkeys(["الكويت"], "Asia/Kuwait"),
    **dict.fromkeys(["البحرين", "المنامة"], "Asia/Bahrain"),
    **dict.fromkeys(["مسقط", "سلطنة عمان"], "Asia/Muscat"),
    **dict.fromkeys(["القاهرة", "مصر"], "Africa/Cairo"),
    **dict.fromkeys(["بيروت", "لبنان"], "Asia/Beirut"),
    **dict.fromkeys(["بغداد", "العراق"], "Asia/Baghdad"),
    **dict.fromkeys(["غرينتش", "غرينيتش", "جرينتش"], "UTC"),
    # Places of one zone each the Levant's and the Maghreb's papers name (not "عمان": Amman's
    # and Oman's, written alike).
    **dict.fromkeys(["القدس", "فلسطين"], "Asia/Jerusalem"),
    **dict.fromkeys(["دمشق", "سوريا"], "Asia/Damascus"),
    **dict.fromkeys(["الرباط", "المغرب"], "Africa/Casablanca"),
    **dict.fromkeys(["تونس"], "Africa/Tunis"),
    **dict.fromkeys(["الجزائر"], "Africa/Algiers"),
    **dict.fromkeys(["الخرطوم", "السودان"], "Africa/Khartoum"),
}
# The same said in Greek and Hebrew: "ώρα Ελλάδος" (Greece time), "שעון ישראל" (Israel time).
# Looked up casefolded: Greek's final "ς" is then "σ".
_COUNTRY_TIMES = {
    name.casefold(): zone
    for name, zone in (
        ("ώρα Ελλάδος", "Europe/Athens"),
        ("ώρα Ελλάδας", "Europe/Athens"),
        ("שעון ישראל", "Asia/Jerusalem"),
    )
}
ARABIC_ZONE = (
    rf"(?:{ARABIC_ZONE_WORD}\s+(?:"
    + "|".join(sorted(_ZONES, key=len, reverse=True))
    + r")|ώρα\s+ελλάδ(?:ος|ας)|שעון\s+ישראל)"
)


def arabic_zone(name: str) -> tzinfo | None:
    """The zone "بتوقيت الإمارات" names (Asia/Dubai, +04:00), or "ώρα Ελλάδος", "שעון ישראל";
    None for a place not known."""
    words = name.casefold().split()
    try:
        if words and words[0] == ARABIC_ZONE_WORD:
            return ZoneInfo(_ZONES[" ".join(words[1:])])
        return ZoneInfo(_COUNTRY_TIMES[" ".join(words)])
    except (KeyError, ZoneInfoNotFoundError):  # a system without the zone database
        return None


# The Hijri date Gulf and Saudi papers print beside the Gregorian one: the same day, which a
# line of dates may hold; not read itself.
HIJRI_DATE = re.compile(
    r"(?<!\d)[0-3]?\d\s+(?:محرم|صفر|ربيع\s+(?:الأول|الآخر|الثاني)"
    r"|جمادى\s+(?:الأولى|الآخرة|الثانية|الأول)|رجب|شعبان|رمضان|شوال|ذو\s+القعدة|ذو\s+الحجة)"
    r"\s+1[34]\d\d\s*(?:هـ|ه)?(?!\w)"
)


def without_hijri_dates(text: str) -> str:
    """`text` without the Hijri dates beside its Gregorian ones."""
    return HIJRI_DATE.sub(" ", text)
