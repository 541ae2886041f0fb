"""A date line in the Solar Hijri calendar, Iran's and Afghanistan's: "۱۲ آذر ۱۴۰۵" (12 Azar
1405, 3 December 2026), as BBC Persian prints it under the byline in a `<time datetime=
"2026-12-03">`, whose Gregorian date the page declares besides. Read as its Gregorian day, so
that the line is known for the header's date it repeats (or gives the date a page declares
nowhere else).
"""

from __future__ import annotations

import re
from datetime import date

from ..dates import ascii_digits

# The months in their order: Iran's Persian names (with the older spelling "امرداد"), then
# Afghanistan's Dari ones, then its Pashto ones.
_MONTHS = {
    name: number
    for names in (
        "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند",
        "حمل ثور جوزا سرطان اسد سنبله میزان عقرب قوس جدی دلو حوت",
        "وری غویی غبرګولی چنګاښ زمری وږی تله لړم لیندۍ مرغومی سلواغه کب",
    )
    for number, name in enumerate(names.split(), 1)
}
_MONTHS["امرداد"] = 5
# Arabic's kaf and yeh written for Persian's (the same letters to a reader, not to Python).
_LETTERS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
# "۱۲ آذر ۱۴۰۵", maybe after its weekday ("چهارشنبه ۱۲ آذر ۱۴۰۵") and before a time
# ("، ساعت ۱۳:۴۵", "- 13:45"). A year of this calendar's last two centuries and the next.
_LINE = re.compile(
    r"(?:[^\W\d_]+(?:\s[^\W\d_]+)?[\s،,]+)?"
    r"(?P<day>[0-3]?\d)\s+(?P<month>[^\W\d_]+)\s+(?P<year>1[2-4]\d\d)"
    r"(?:[\s،,\-–]+(?:ساعت\s+)?\d{1,2}:\d\d(?::\d\d)?)?\s*"
)


def solar_hijri_date(text: str) -> date | None:
    """The Gregorian day of a line that is a Solar Hijri date and nothing else (a weekday before
    it and a time after it aside); None for any other text."""
    found = _LINE.fullmatch(ascii_digits(" ".join(text.split())).translate(_LETTERS))
    if found is None:
        return None
    month = _MONTHS.get(found["month"])
    day = int(found["day"])
    if month is None or not 1 <= day <= (31 if month <= 6 else 30):
        return None
    return gregorian(int(found["year"]), month, day)


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
