"""A date as a line of text writes it, read from the words alone ("Published 3 March 2026, 14:05
GMT", "Updated March 4, 2026 9:00 a.m. ET", "3 марта 2026, 14:05", "2026年3月3日 14時05分"):
"Published"/"Updated" labels, which date a line states and which it labels, and whether a line
states a date and nothing else. The patterns of dates and the order of "3/4/2026" are
`date_patterns`', those of times and zones `written_times`', the words of other languages
`month_names`'.

Apart from `text_dates`, which finds the page's datelines among its elements: this part reads a
string, and the modules that meet a line of the article's text (a lead, a closing row, a plain
text's dateline) ask it directly. A date the text states whole is the only one read; a time keeps
the zone the text names, or none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta, tzinfo

from ..dates import ZONE_UNSTATED, ascii_digits, date_only, on_date, whole
from ..zone_names import WORDS_TOO, ZONE_HOURS
from .arabic_dates import ARABIC_ZONE, HIJRI_DATE
from .date_patterns import (
    _DATES,
    _DAY,
    _MONTH,
    _WORD_START,
    ISRAELI_DATE_ALONE,
    MINGUO_SLASHED,
    _order_language,
    _slashed,
    _year,
    israeli,
    minguo_figures,
    western_figures,
)
from .date_patterns import common_era as common_era
from .month_names import (
    MONTHS,
    PUBLISHED_WORDS,
    PUBLISHED_WORDS_CJK,
    UPDATED_WORDS,
    UPDATED_WORDS_CJK,
    WEEKDAYS,
    month_key,
)
from .solar_hijri import solar_hijri_moment
from .written_times import _AFTER, _BEFORE, _BY_COUNTRY, _REGIONAL, _TIME, _time, _zone

_UPDATED = re.compile(rf"\b{UPDATED_WORDS}\b|{UPDATED_WORDS_CJK}", re.IGNORECASE)
_PUBLISHED = re.compile(rf"\b{PUBLISHED_WORDS}\b|{PUBLISHED_WORDS_CJK}", re.IGNORECASE)


def parse_text_date(text: str, language: str = "") -> datetime | None:
    """The first date `text` states whole, with its time and zone when it gives them; None for
    a text that gives none (or only a relative one: "2 hours ago"). `language` is the page's,
    which says the order of "3/4/2026", which country's "IST" a time is in, and whether
    "115/12/04" is Taiwan's Minguo year."""
    text = minguo_figures(date_figures(text), language)
    found = []
    for pattern in [*_DATES, ISRAELI_DATE_ALONE] if israeli(language) else _DATES:
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
        # An Iranian site's "۱۴ آذر ۱۴۰۵ - ۰۹:۰۰", alone or after the writer's name.
        return solar_hijri_moment(text, after_name=True)
    start, end, day = min(found, key=lambda f: f[0])
    clock = _AFTER.match(text[end:]) or _BEFORE.search(text[:start])
    at = _time(clock) if clock else None
    if clock is None or at is None:
        return on_date(day.date())
    zone = _zone(clock["zone"] or "", clock["offset"] or "", language)
    moment = datetime.combine(day.date(), at)
    return moment.replace(tzinfo=zone) if zone else moment.replace(tzinfo=ZONE_UNSTATED)


# Arabic papers write the era's letter onto the year: "2026م" (CE), "1448هـ" (AH), as Okaz and
# Al-Riyadh print their datelines; read as "2026 م" is (acc41c C24).
_ERA_LETTER_ON_YEAR = re.compile(r"(?<=\d)(?=(?:م|هـ)(?!\w))")


def date_figures(text: str) -> str:
    """`text` with its dates' numbers in ASCII figures: Arabic-Indic, Devanagari and full-width
    digits one for one, a Japanese era's year and Chinese numerals as the Common Era's figures
    ("令和6年5月3日", "二〇二四年五月三日": "2024年5月3日"), and an Arabic era's letter set
    apart from its year ("2026م": "2026 م")."""
    return western_figures(_ERA_LETTER_ON_YEAR.sub(" ", ascii_digits(text)))


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
    year_less = ""
    for (start, kind), stop in zip(labels, bounds[1:], strict=True):
        moment = parse_text_date(text[start:stop], language)
        if kind == "updated":
            updated = updated or moment
            if moment is None and not year_less:
                year_less = text[start:stop]
            clock = clock or (update_clock(text[start:stop], language) if moment is None else None)
        else:
            published = published or moment
    if updated is None and clock is not None and published is not None:
        updated, clock = on_the_day(published, clock), None
    if updated is None and published is not None and year_less:
        updated = _in_the_year(year_less, published, language)
    return published, updated, bool(labels), clock


# A Japanese or Chinese revision's month and day without the year, after its label: Mainichi's
# "2026/12/5 18:30（最終更新 12/5 19:10）", "更新 12月5日 19時10分". (Month first, as these write
# it; a European "Updated 5/12" is left unread.)
_YEAR_LESS_CJK = re.compile(
    rf"(?:{UPDATED_WORDS_CJK})[\s:：]*(?P<month>\d{{1,2}})\s*[/月]\s*(?P<day>\d{{1,2}})\s*日?"
)


def _in_the_year(text: str, published: datetime, language: str) -> datetime | None:
    """The revision a year-less CJK line states, in the publication's year (or the next, for a
    December story revised in January); None when the line states none, or one before the
    publication."""
    text = ascii_digits(text)
    found = _YEAR_LESS_CJK.match(text)
    if found is None:
        return None
    rest = text[found.end() :]
    for year in (published.year, published.year + 1):
        moment = parse_text_date(f"{year}年{found['month']}月{found['day']}日 {rest}", language)
        if moment is None:
            return None
        if moment.replace(tzinfo=None) >= published.replace(tzinfo=None):
            return _past(moment)
    return None


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
    line = " ".join(date_figures(text).split())
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
    # Taiwan's "115/12/04": what else the line holds is the question here, the day the header's.
    MINGUO_SLASHED,
]
_TIME_ALONE = re.compile(rf"(?<![\d:.]){_TIME}(?![\d:])", re.IGNORECASE)
# The zones' names; those that are words too in capitals alone ("10:05 West Midlands": a place).
_NAMES = {*ZONE_HOURS, *_REGIONAL, *_BY_COUNTRY} - WORDS_TOO
_ZONE_NAME = re.compile(
    rf"(?<!\w)(?:{'|'.join(sorted(_NAMES, key=len, reverse=True))}"
    rf"|(?-i:{'|'.join(sorted(WORDS_TOO, key=len, reverse=True)).upper()}))"
    rf"(?:\s?[+\-−]\s?\d{{1,2}}(?::?\d\d)?)?(?!\w)|[+\-−]\d\d:?\d\d(?!\d)|{ARABIC_ZONE}(?!\w)",
    re.IGNORECASE,
)
# The rest of a dateline's words: those between its date and its time ("at", "um", "ore", "г."),
# the days of the week (Chinese's "星期二", Japanese's "(火)"), Chinese, Japanese and Korean's
# units of a date and a time, the Common Era's mark.
_DATELINE_REST = re.compile(
    r"(?<!\w)(?:on|at|le|am|um|el|de|del|a las|alle|ore|às|om|o|godz|в|о|saat|г|года|р|r|à|kl"
    # Thai's "at the time" before the hour ("เวلา 14:30 น.").
    rf"|เวลา|{WEEKDAYS})(?!\w)"
    # A Thai weekday joined to its "ที่" ("on the"): "วันพฤหัสบดีที่ 3 ธันวาคม 2569".
    r"|(?<!\w)วัน(?:จันทร์|อังคาร|พุธ|พฤหัสบดี|ศุกร์|เสาร์|อาทิตย์)ที่"
    r"|(?:星期|礼拜|禮拜|周|週)[一二三四五六日天]|(?<!\S)น\.|[（(][月火水木金土日월화수목금토일][）)]"
    r"|[年月日時时分년월일시분]|午前|午後|上午|下午|오전|오후|民國|民国|中華|中华"
    # Arabic's "م" after a Gregorian year beside a Hijri one ("3 ديسمبر 2026 م").
    r"|(?<!\w)م(?!\w)",
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
    text = date_figures(" ".join(text.split()))
    if not text or len(text) > _DATE_ONLY_CHARACTERS:
        return False
    rest, whole = _cut_dates(_DATES, text)
    rest, partial = _cut_dates(_DAY_AND_MONTH, rest)
    if not (whole or partial):
        return False
    for pattern in (HIJRI_DATE, _TIME_ALONE, _ZONE_NAME, _UPDATED, _PUBLISHED, _DATELINE_REST):
        rest = pattern.sub(" ", rest)
    return not re.sub(r"[\W_]", "", rest)
