"""A date line in the Solar Hijri calendar, Iran's and Afghanistan's: "۱۲ آذر ۱۴۰۵" (12 Azar
1405, 3 December 2026), as BBC Persian prints it under the byline in a `<time datetime=
"2026-12-03">`, whose Gregorian date the page declares besides. Read as its Gregorian day, so
that the line is known for the header's date it repeats (or gives the date a page declares
nowhere else).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..dates import ZONE_UNSTATED, ascii_digits, on_date

# The months in their order: Iran's Persian names (with the older spelling "امرداد"), then
# Afghanistan's Dari ones, then its Pashto ones.
_IRAN_MONTHS = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند"
_MONTHS = {
    name: number
    for names in (
        _IRAN_MONTHS,
        "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت",
        "وری غویی غبرګولی چنګاښ زمری وږی تله لړم لیندۍ مرغومی سلواغه کب",
    )
    for number, name in enumerate(names.split(), 1)
}
_MONTHS["امرداد"] = 5
_IRANIAN = frozenset([*_IRAN_MONTHS.split(), "امرداد"])
"""Iran's names: a time with them is Iran's (+03:30), with the others Afghanistan's."""
# Arabic's kaf and yeh written for Persian's (the same letters to a reader, not to Python).
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
# A label before the date: "تاریخ انتشار:" (date published, ISNA's and Hamshahri's),
# "زمان انتشار:", "انتشار:", "تاریخ:"; "کد خبر" lines are an item's number, not this.
_LABEL = r"(?:(?:تاریخ|زمان)\s*(?:انتشار|(?:به[\u200c\s]?روز\s?رسانی))|انتشار|تاریخ)\s*[:：]\s*"
_YEAR = r"(?P<year>1[2-4]\d\d)"
# The day in words ("۱۲ آذر ۱۴۰۵"), maybe after its weekday ("چهارشنبه ۱۲ آذر ۱۴۰۵"), or in
# figures, year first ("۱۴۰۵/۰۹/۱۲", Tasnim's, Fars's and IRNA's); a time may follow
# ("، ساعت ۱۳:۴۵", "- 13:45"). A year of this calendar's last two centuries and the next; in
# figures, none past 1439: a Saudi page's lunar Hijri "1448/06/23" is not this calendar's.
_DATE = (
    rf"(?:(?P<day>[0-3]?\d)\s+(?P<month>[^\W\d_]+)\s+{_YEAR}"
    r"|(?P<nyear>13\d\d|14[0-3]\d)/(?P<nmonth>[01]?\d)/(?P<nday>[0-3]?\d)(?![\d/]))"
)
# The time may be of 12 hours, its half after it: "ق.ظ" (before noon), "ب.ظ" (after noon).
_CLOCK = (
    r"(?:[\s،,\-–|]+(?:ساعت\s+)?(?P<hour>[0-2]?\d):(?P<minute>[0-5]\d)(?::[0-5]\d)?(?!\d)"
    r"(?:\s*(?P<half>[قب])\.\s?ظ\.?)?)?"
)
_WEEKDAY = r"(?:[^\W\d_]+(?:\s[^\W\d_]+)?[\s،,]+)?"
_LINE = re.compile(rf"(?:{_LABEL})?{_WEEKDAY}{_DATE}{_CLOCK}\s*")
# The same at a line's end, after a name: "نویسنده: مریم احمدی ۱۴ آذر ۱۴۰۵".
_AT_END = re.compile(rf"(?<![\d/]){_DATE}{_CLOCK}\s*$")
_IRAN = "Asia/Tehran"
_AFGHANISTAN = "Asia/Kabul"


def solar_hijri_date(text: str) -> date | None:
    """The Gregorian day of a line that is a Solar Hijri date and nothing else (a label or
    weekday before it and a time after it aside); None for any other text."""
    moment = solar_hijri_moment(text)
    return moment.date() if moment is not None else None


def solar_hijri_moment(text: str, after_name: bool = False) -> datetime | None:
    """The moment a line that is a Solar Hijri date (`solar_hijri_date`) states: its day, at
    its time in Iran's zone (Afghanistan's for the Dari and Pashto months) when it gives one,
    else the day alone. `after_name`: the date may end a longer line instead (a byline's,
    "نویسنده: مریم احمدی ۱۴ آذر ۱۴۰۵"). None for any other text."""
    line = ascii_digits(" ".join(text.split())).translate(_LETTERS)
    found = _AT_END.search(line) if after_name else _LINE.fullmatch(line)
    if found is None:
        return None
    if found["nyear"]:
        year, month, day = int(found["nyear"]), int(found["nmonth"]), int(found["nday"])
        zone = _IRAN
    else:
        year, day = int(found["year"]), int(found["day"])
        month = _MONTHS.get(found["month"], 0)
        zone = _IRAN if found["month"] in _IRANIAN else _AFGHANISTAN
    if not 1 <= month <= 12 or not 1 <= day <= (31 if month <= 6 else 30):
        return None
    day_of = gregorian(year, month, day)
    hour = int(found["hour"] or 99)
    if found["half"]:
        hour = hour % 12 + (12 if found["half"] == "ب" else 0) if 1 <= hour <= 12 else 99
    if hour > 23:
        return on_date(day_of)
    at = time(hour, int(found["minute"]))
    try:
        return datetime.combine(day_of, at, ZoneInfo(zone))
    except ZoneInfoNotFoundError:  # a system without the zone database
        return datetime.combine(day_of, at, ZONE_UNSTATED)


def gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian day of the Solar Hijri `year`, `month`, `day`, by the 33-year arithmetic
    of jdf.scr.ir's converter (the calendar in use agrees with it over this century and the
    last)."""
    year += 1595
    days = -355668 + 365 * year + (year // 33) * 8 + ((year % 33) + 3) // 4 + day
    days += (month - 1) * 31 if month < 7 else (month - 7) * 30 + 186
    # `days` runs 365 ahead of Python's ordinal (checked against Nowruz from 1300 to 1405,
    # and Esfand's 30th in leap years).
    return date.fromordinal(days - 365)
