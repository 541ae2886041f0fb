"""A date as a line of text writes it, read from the words alone ("Published 3 March 2026, 14:05
GMT", "Updated March 4, 2026 9:00 a.m. ET", "3 марта 2026, 14:05", "2026年3月3日 14時05分"): the
patterns of dates, times and zones, which order "3/4/2026" is in, "Published"/"Updated" labels,
and whether a line states a date and nothing else. The words of other languages are
`month_names`'.

Apart from `text_dates`, which finds the page's datelines among its elements: this part reads a
string, and the modules that meet a line of the article's text (a lead, a closing row, a plain
text's dateline) ask it directly. A date the text states whole is the only one read; a time keeps
the zone the text names, or none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..dates import ZONE_UNSTATED, ascii_digits, date_only, on_date, whole
from .arabic_dates import ARABIC_ZONE, ARABIC_ZONE_WORD, HIJRI_DATE, arabic_zone
from .month_names import (
    MONTHS,
    PUBLISHED_WORDS,
    PUBLISHED_WORDS_CJK,
    UPDATED_WORDS,
    UPDATED_WORDS_CJK,
    WEEKDAYS,
    month_key,
)

# A month's name: a word of letters and the marks some scripts write on them (Devanagari's
# vowel signs, Arabic's vowels), or Arabic's two-word names of the Levant ("تشرين الأول").
# The marks are none of them a letter (the avagraha, U+093D, is one): a character either
# could match makes a long run of it take exponential time to reject.
_MARKS = (
    r"\u0300-\u036f\u0591-\u05c7\u064b-\u065f\u0670\u0900-\u0903\u093a-\u093c\u093e-\u094f"
    r"\u0962\u0963\u0e31\u0e34-\u0e3a\u0e47-\u0e4e"
)
_MONTH = rf"(?P<month>(?:كانون|تشرين)\s+ال[أا]?\w+|[^\W\d_](?:[^\W\d_]|[{_MARKS}])*)\.?"
# Where a word starts: `\b` is also between a letter and its accent ("á" written as two), and
# a name read from each of a long word's letters to its end took quadratic time.
_WORD_START = rf"(?<![\w{_MARKS}])"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er)?\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Thai months as Thai sites write them, whole or cut short with their dots ("ธ.ค."), longest
# first; Thai counts its years in the Buddhist Era, 543 ahead ("3 ธ.ค. 2569" is 3 Dec 2026).
_THAI_MONTH = "|".join(
    re.escape(name)
    for name in sorted((n for n in MONTHS if "\u0e00" <= n[0] <= "\u0e7f"), key=len, reverse=True)
)
_BUDDHIST_ERA = 543
_DATES = [
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_WORD_START}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(
        rf"(?<!\d)(?P<day>[0-3]?\d)\s*(?P<month>{_THAI_MONTH})\s*(?:พ\.ศ\.\s*)?"
        rf"(?:(?P<buddhist>25\d\d)|{_YEAR})(?!\d)"
    ),
    # Vietnamese numbers its months: "2 tháng 12, 2026", "ngày 2 tháng 12 năm 2026".
    re.compile(
        rf"\b{_DAY}\s+tháng\s+(?P<month>[01]?\d)(?:\s*,\s*|\s+năm\s+|\s+){_YEAR}\b",
        re.IGNORECASE,
    ),
    # Israeli sites' "02.12.26, 18:40": a year of two digits, read only before a time (else a
    # version's or a section's number).
    re.compile(
        r"(?<![\d.])(?P<day>[0-3]\d)\.(?P<month>[01]\d)\.(?P<short>\d\d)(?![\d.])"
        r"(?=,?\s*[0-2]?\d:[0-5]\d)"
    ),
    # Folha's "3.mar.2026".
    re.compile(rf"\b(?P<day>[0-3]?\d)\.{_MONTH}{_YEAR}\b", re.IGNORECASE),
    # Chinese, Japanese and Korean text puts no space before a date ("송고2026-03-03"), so
    # these are bounded by digits, not by words.
    re.compile(rf"(?<!\d){_YEAR}-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
    re.compile(
        rf"(?<!\d){_YEAR}\s*[年년]\s*(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"
    ),
    # "2026.03.03", "2026/3/3": year first, as East Asian sites write it, where a word may
    # run into it ("입력2026.03.03"); not a version number ("v2026.1.2", "2026.10.01.3").
    re.compile(rf"(?<![A-Za-z\d.]){_YEAR}\.(?P<month>[01]\d)\.(?P<day>[0-3]\d)(?!\d|\.\d)"),
    re.compile(rf"(?<![A-Za-z\d/]){_YEAR}/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"),
    # Xinhua's "2026 12/03 14:20:45": its year, then month and day, each in a span of its own;
    # both of two digits ("2026 3/4" may be a year and a fraction).
    re.compile(rf"(?<![A-Za-z\d/]){_YEAR}\s+(?P<month>[01]\d)/(?P<day>[0-3]\d)(?![\d/])"),
    # 03.03.2026, as German and Russian sites write it.
    re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.{_YEAR}\b"),
    # "25/03/2026" or "03/25/2026": read only where the order can't matter (see `_slashed`).
    re.compile(rf"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/{_YEAR}(?![\d/])"),
]
# "14:05", "2:05 p.m.", "14h05", "14 Uhr"; "14時05分", "오후 2:05" (afternoon) in the East; the
# hour alone before its "AM"/"PM" (The Atlantic's "December 3, 2026, 7 AM ET").
_TIME = (
    r"(?:(?P<half>午前|午後|上午|下午|오전|오후)\s*)?(?P<hour>[0-2]?\d)"
    r"(?:[:.h](?P<minute>[0-5]\d)|\s*[時时시]\s*(?P<minutes>[0-5]?\d)\s*[分분]"
    r"|(?=\s*[ap]\.?\s?m\b))(?::[0-5]\d)?"
    # Argentina's "06:30 hs" (horas).
    r"(?:\s*(?P<ampm>[ap])\.?\s?m\.?)?(?:\s*(?:uhr|hrs?|hs|h)\b|\s*น\.)?"
)
_AFTERNOON = frozenset(["午後", "下午", "오후"])
# Zones by the names datelines use. IST, CST and the like are several zones: see `_BY_COUNTRY`.
_FIXED = {
    **dict.fromkeys(["gmt", "utc", "z"], 0),
    **{"bst": 1, "cet": 1, "mez": 1, "cest": 2, "mesz": 2, "eet": 2, "eest": 3, "msk": 3},
    **{"est": -5, "edt": -4, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7},
    **{"jst": 9, "kst": 9, "aest": 10, "aedt": 11, "awst": 8, "nzst": 12, "nzdt": 13, "мск": 3},
    # Indonesia's three (Kompas's "03/12/2026, 10:15 WIB"), Hong Kong's, Singapore's, the
    # Philippines' and Pakistan's.
    **{"wib": 7, "wita": 8, "wit": 9, "hkt": 8, "sgt": 8, "pht": 8, "pkt": 5},
    # South Africa's (News24's "03 Dec 2026 06:30 SAST").
    "sast": 2,
}
# IST is India's, Ireland's and Israel's: the page's language tells which, where it says one
# of them (Hindi, or English of India; Hebrew; English of Ireland, or Irish). Summer or winter
# is in the name: Israel's summer is "IDT", Ireland's winter "GMT".
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
    r"|[гр]\.|r\.|kl\.?)*"
    rf"{_TIME}\s*\(?{_ZONE}",
    re.IGNORECASE,
)
# A time before its date, and the day of the week between: CNN's "Updated 3:42 PM EST, Tue March
# 5, 2026".
_BEFORE = re.compile(
    rf"{_TIME}\s*\(?{_ZONE}\)?(?:\s|,|\||-|–|—|•|·|on|le|am|(?<!\w){WEEKDAYS}(?!\w))*$",
    re.IGNORECASE,
)
_UPDATED = re.compile(rf"\b{UPDATED_WORDS}\b|{UPDATED_WORDS_CJK}", re.IGNORECASE)
_PUBLISHED = re.compile(rf"\b{PUBLISHED_WORDS}\b|{PUBLISHED_WORDS_CJK}", re.IGNORECASE)


# An offset with no zone name before it is written whole ("+05:30", "-0500"): "14:05 - 12
# comments" and "9:05 AM - 3 min read" are a separator and a count.
_OFFSET_ALONE = re.compile(r"[+\-−]\d\d:?\d\d")


def _zone(name: str, offset: str, language: str = "") -> tzinfo | None:
    """The zone "GMT", "CEST", "ET", "UTC+2", "+05:30" say; None when none is said or the name
    is not one zone. "ET" is a region's zone, its offset that of the date it is given with;
    "IST" the zone of the country the page's `language` is of, when it is one of its."""
    name = name.casefold()
    if name.startswith(ARABIC_ZONE_WORD):
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
    if name in _FIXED or (not name and _OFFSET_ALONE.fullmatch(offset)):
        shift = timedelta(hours=_FIXED.get(name, 0) + hours)
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
    return time(hour, minute) if hour < 24 else None


# Where English is written month first ("3/4/2026" is March 4th): the United States and the
# places it governs or once did. Canada writes both orders; bare "en" may be any of them.
_MONTH_FIRST = frozenset(["us", "ph", "as", "gu", "mp", "pr", "um", "vi", "fm", "mh", "pw"])
_EITHER_ORDER = frozenset(["ca"])
# Languages whose writers put the year first ("2026/3/4") and write no other numeric order we
# could be sure of.
_YEAR_FIRST = frozenset(["zh", "ja", "ko"])


def day_first(language: str) -> bool | None:
    """Whether a page in `language` ("en-GB", "fr", "en_US") writes "3/4/2026" day first: True
    for English outside the United States and for other languages (French, German, Spanish,
    Indonesian, Arabic…); False for English of the United States; None where the language
    doesn't tell (none given, bare "en", English of Canada, Spanish of the United States,
    whose writers use both orders, Chinese, Japanese, Korean)."""
    parts = language.replace("_", "-").casefold().split("-")
    base = parts[0]
    # The region is the first two-letter subtag after the language ("en-Latn-US" too).
    region = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), "")
    if not base.isalpha() or not 2 <= len(base) <= 3 or base in _YEAR_FIRST:
        return None
    if region in _MONTH_FIRST and base in ("en", "es"):
        return False if base == "en" else None
    if base == "en" and (not region or region in _EITHER_ORDER):
        return None
    return True


def _slashed(first: int, second: int, language: str = "") -> tuple[int | None, int]:
    """The month and the day of "first/second/year": Britain, India and the Arab world write
    the day first, the United States the month. A number over 12, or the two the same, tells;
    else the page's `language` does (`day_first`), when it says; else no month: a wrong date
    cited is worse than none."""
    if first > 12 >= second:
        return second, first
    if second > 12 >= first or first == second:
        return first, second
    order = day_first(language)
    if order is None:
        return None, 0
    return (second, first) if order else (first, second)


# The zones of North America as its datelines write them, in capitals ("02:12 PM EST"): a
# page in English that names one writes its dates as the United States does.
_NORTH_AMERICAN_ZONE = re.compile(r"\b(?:[ECMP][SD]?T|AKST|AKDT|HST)\b")


def _order_language(text: str, language: str) -> str:
    """The language that says the order of `text`'s slashed dates: `language`, or American
    English where it leaves the order open (none given, or bare "en") and the text names a
    North American zone: Politico's "12/03/2026 02:12 PM EST" on a page of lang "en"."""
    if language.casefold() in ("", "en") and _NORTH_AMERICAN_ZONE.search(text):
        return "en-US"
    return language


def common_era(year: int) -> int:
    """`year` of the Common Era, as a Thai date's year of the Buddhist Era ("2569") is read."""
    return year - _BUDDHIST_ERA if _BUDDHIST_ERA + 1900 <= year < _BUDDHIST_ERA + 2100 else year


def _year(match: re.Match[str]) -> int:
    """The year of a date `_DATES` found: a Thai one's of the Buddhist Era, an Israeli one's
    of two digits ("02.12.26") this century's."""
    found = match.groupdict()
    if found.get("buddhist"):
        return int(found["buddhist"]) - _BUDDHIST_ERA
    if found.get("short"):
        return 2000 + int(found["short"])
    return int(match["year"])


def parse_text_date(text: str, language: str = "") -> datetime | None:
    """The first date `text` states whole, with its time and zone when it gives them; None for
    a text that gives none (or only a relative one: "2 hours ago"). `language` is the page's,
    which says the order of "3/4/2026" and which country's "IST" a time is in."""
    # Arabic-Indic, Devanagari and full-width digits, one for one: the places found stay
    # those of `text`.
    text = ascii_digits(text)
    found = []
    for pattern in _DATES:
        for match in pattern.finditer(text):
            if "first" in pattern.groupindex:
                order = _order_language(text, language)
                number, date = _slashed(int(match["first"]), int(match["second"]), order)
            else:
                month = match["month"]
                number = int(month) if month.isdigit() else MONTHS.get(month_key(month))
                date = int(match["day"])
            if number is None:
                continue
            try:
                day = datetime(_year(match), number, date)
            except ValueError:
                continue
            found.append((match.start(), match.end(), day))
    if not found:
        return None
    start, end, day = min(found, key=lambda f: f[0])
    clock = _AFTER.match(text[end:]) or _BEFORE.search(text[:start])
    at = _time(clock) if clock else None
    if clock is None or at is None:
        return on_date(day.date())
    zone = _zone(clock["zone"] or "", clock["offset"] or "", language)
    moment = datetime.combine(day.date(), at)
    return moment.replace(tzinfo=zone) if zone else moment.replace(tzinfo=ZONE_UNSTATED)


def _labelled(text: str, language: str = "") -> tuple[datetime | None, datetime | None, bool]:
    """The publication and revision dates a dateline's text states, and whether it labels
    either ("Published …", "Updated …"); an unlabelled date is the publication's."""
    published, updated, labelled, _clock = labelled_dates(text, language)
    return published, updated, labelled


def labelled_dates(
    text: str, language: str = ""
) -> tuple[datetime | None, datetime | None, bool, UpdateClock | None]:
    """`_labelled`'s dates, and a revision's time the line gives alone, for the day another
    line dates (`on_the_day`). A revision given as a time alone after the day ("5 March 2026,
    09:30 · Updated 14:12") is of that day."""
    labels = sorted(
        [(m.start(), "updated") for m in _UPDATED.finditer(text)]
        + [(m.start(), "published") for m in _PUBLISHED.finditer(text)]
    )
    published = updated = None
    clock: UpdateClock | None = None
    bounds = [start for start, _ in labels] + [len(text)]
    if not labels or bounds[0] > 0:
        published = parse_text_date(text[: bounds[0]], language)
    for (start, kind), stop in zip(labels, bounds[1:], strict=True):
        moment = parse_text_date(text[start:stop], language)
        if kind == "updated":
            updated = updated or moment
            clock = clock or (update_clock(text[start:stop], language) if moment is None else None)
        else:
            published = published or moment
    if updated is None and clock is not None and published is not None:
        updated, clock = on_the_day(published, clock), None
    return published, updated, bool(labels), clock


@dataclass(frozen=True)
class UpdateClock:
    """A revision's time of day stated without its date: "Updated 14:05", "آخر تحديث: 14:05
    بتوقيت الإمارات", "Aktualisiert um 14:05 Uhr"; `zone` when the line names it."""

    at: time
    zone: tzinfo | None


# After a revision's time alone: a closing bracket or stop, no more.
_CLOCK_END = " .)"


def update_clock(text: str, language: str = "") -> UpdateClock | None:
    """The time of a line that is a revision's label and a time of day alone, or None: a line
    with a date, a weekday or any other word ("Updated 2 hours ago", "Updated Tuesday 14:05",
    "Aktualisiert 03.12.") is none. A time written with a dot ("14.05") needs its unit or zone
    ("14.05 Uhr", "14.20 WIB"): alone it may be a day and its month."""
    text = ascii_digits(" ".join(text.split()))
    label = _UPDATED.match(text.lstrip(" |·•-–—:"))
    if label is None:
        return None
    rest = text.lstrip(" |·•-–—:")[label.end() :]
    clock = _AFTER.match(rest)
    if clock is None or rest[clock.end() :].strip(_CLOCK_END) or not clock[0].strip():
        return None
    if clock["zone"] and not _ZONE_NAME.fullmatch(clock["zone"]):
        return None  # "Updated 14:05 in Kyiv": a place, or other words
    said = clock[0]
    at = _time(clock)
    if at is None or re.search(rf"(?<!\w){WEEKDAYS}(?!\w)", said, re.IGNORECASE):
        return None
    unit = clock["zone"] or clock["offset"] or re.search(r"(?:uhr|hrs?|hs|h|น\.)\s*$", said, re.I)
    if re.search(r"\d\.\d", said) and not unit:
        return None
    return UpdateClock(at, _zone(clock["zone"] or "", clock["offset"] or "", language))


def on_the_day(published: datetime | None, clock: UpdateClock) -> datetime | None:
    """The revision `clock` states, on the day of the `published` date (a site writes the day
    once and a same-day revision's time alone), in the zone `clock` names or else the
    publication's. None when there is no such day, and when it would not be after the
    publication's time: a revision on a later day, which the time alone doesn't say, is
    left unread rather than dated the day before."""
    if published is None:
        return None
    if clock.zone is not None:
        day = published.astimezone(clock.zone).date() if whole(published) else published.date()
        zone = clock.zone
    else:
        day = published.date()
        zone = published.tzinfo if whole(published) else ZONE_UNSTATED
    moment = datetime.combine(day, clock.at, zone)
    if date_only(published):
        return moment
    if whole(published) and whole(moment):
        return moment if moment > published else None
    return moment if moment.replace(tzinfo=None) > published.replace(tzinfo=None) else None


def _past(moment: datetime | None) -> datetime | None:
    """`moment`, when it has come (a day's grace for the zones): a date ahead is an event's
    ("Concert: 12 June 2031", a deadline), never when the article was written."""
    if moment is None:
        return None
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return moment if aware <= datetime.now(UTC) + timedelta(days=1) else None


def dateline_dates(text: str, language: str = "") -> tuple[datetime | None, datetime | None] | None:
    """The publication and revision dates a line opened by its label states ("Publié le 3 mars
    2026 à 14h05, modifié le 4 mars…"); None for a line that opens otherwise."""
    text = " ".join(text.split())
    if not (_PUBLISHED.match(text) or _UPDATED.match(text)):
        return None
    published, updated, _ = _labelled(text, language)
    return published, updated


def line_dates(text: str, language: str = "") -> tuple[datetime | None, datetime | None]:
    """The publication and revision dates a line of the article's text states ("By Ana Ruiz |
    Published: Friday 27 November 2026 at 16:05 | Updated: …", "Автор: Павел Орлов,
    28.11.2026 14:35"): its unlabelled date is the publication's. A date ahead is none."""
    published, updated, _ = _labelled(" ".join(text.split()), language)
    return _past(published), _past(updated)


# What a line that is only a date may hold before it: a weekday ("Tuesday, 5 March 2024") or a
# label ("Date:", "Published"); one word, no more.
_BEFORE_DATE_ALONE = re.compile(r"(?:[^\W\d_]+[,:]?\s*)?")
_AFTER_DATE_ALONE = " .,;:)"


def date_alone(text: str) -> tuple[datetime | None, datetime | None] | None:
    """The publication and revision dates of a line that states a date and nothing else but
    its time, a weekday or a label ("5 March 2024", "Tuesday, March 5, 2024 10:01 AM ET",
    "Updated: 05.03.2024"), as `line_dates` reads them; None for any other line ("Harbour
    City Council", "PORT ELLIS, 1 December 2026 -- The Harbour Authority will…"). A plain
    text's dateline is such a line, under its heading."""
    line = " ".join(ascii_digits(text).split())
    for pattern in _DATES:
        match = pattern.search(line)
        if match is None:
            continue
        after = line[match.end() :]
        clock = _AFTER.match(after)
        after = after[clock.end() :] if clock and _time(clock) else after
        before = line[: match.start()]
        clock = _BEFORE.search(before)
        before = before[: clock.start()] if clock and _time(clock) else before
        if _BEFORE_DATE_ALONE.fullmatch(before) and not after.strip(_AFTER_DATE_ALONE):
            return line_dates(line)
        return None
    return None


def opens_with_date_label(text: str) -> bool:
    """The line opens with "Published" or "Updated" (in any language read here)."""
    text = text.lstrip()
    return bool(_PUBLISHED.match(text) or _UPDATED.match(text))


# A day and its month without the year ("March 5", "5 mars", "7月30日"), as a line under the
# headline writes the date whose year the page's markup gives.
_DAY_AND_MONTH = [
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH}", re.IGNORECASE),
    re.compile(rf"{_WORD_START}{_MONTH}\s+{_DAY}(?!\d)", re.IGNORECASE),
    re.compile(r"(?<!\d)(?P<month>[01]?\d)\s*[月월]\s*(?P<day>[0-3]?\d)\s*[日일]"),
]
_TIME_ALONE = re.compile(rf"(?<![\d:.]){_TIME}(?![\d:])", re.IGNORECASE)
_ZONE_NAME = re.compile(
    rf"(?<!\w)(?:{'|'.join(sorted({*_FIXED, *_REGIONAL, *_BY_COUNTRY}, key=len, reverse=True))})"
    rf"(?:\s?[+\-−]\s?\d{{1,2}}(?::?\d\d)?)?(?!\w)|[+\-−]\d\d:?\d\d(?!\d)|{ARABIC_ZONE}(?!\w)",
    re.IGNORECASE,
)
# The rest of a dateline's words: those between its date and its time ("at", "um", "ore", "г."),
# the days of the week (Chinese's "星期二", Japanese's "(火)"), Chinese, Japanese and Korean's
# units of a date and a time.
_DATELINE_REST = re.compile(
    r"(?<!\w)(?:on|at|le|am|um|el|de|del|a las|alle|ore|às|om|o|godz|в|о|saat|г|года|р|r|à|kl"
    rf"|{WEEKDAYS})(?!\w)"
    r"|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|(?<!\S)น\.|[（(][月火水木金土日월화수목금토일][）)]"
    r"|[年月日時时分년월일시분]|午前|午後|上午|下午|오전|오후",
    re.IGNORECASE,
)
# A line of more characters holds more than a date and its revision's.
_DATE_ONLY_CHARACTERS = 90


def _cut_dates(patterns: list[re.Pattern[str]], text: str) -> tuple[str, bool]:
    """`text` without the dates `patterns` find in it (a month's place taken by a word that
    names none is no date: "5 ferries 2026"), and whether it held any."""
    found = False

    def cut(match: re.Match[str]) -> str:
        nonlocal found
        month = match.groupdict().get("month")
        if month is not None and not (
            1 <= int(month) <= 12 if month.isdigit() else month_key(month) in MONTHS
        ):
            return match[0]
        found = True
        return " "

    for pattern in patterns:
        text = pattern.sub(cut, text)
    return text, found


def states_only_dates(text: str) -> bool:
    """The line is a date and nothing else: the day, with its month and maybe its year, its time
    and zone, its weekday, "Published"/"Updated" and what separates them ("March 5, 2024 10:01
    AM ET", "5 марта 2024, 09:30", "Updated 3:42 PM EST, Tue March 5, 2024", "5 March 2024,
    09:30 · Updated 14:12", "2024年2月5日 18時30分"). A line holding any other word is not."""
    text = ascii_digits(" ".join(text.split()))
    if not text or len(text) > _DATE_ONLY_CHARACTERS:
        return False
    rest, whole = _cut_dates(_DATES, text)
    rest, partial = _cut_dates(_DAY_AND_MONTH, rest)
    if not (whole or partial):
        return False
    for pattern in (HIJRI_DATE, _TIME_ALONE, _ZONE_NAME, _UPDATED, _PUBLISHED, _DATELINE_REST):
        rest = pattern.sub(" ", rest)
    return not re.sub(r"[\W_]", "", rest)
