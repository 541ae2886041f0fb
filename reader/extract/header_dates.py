"""Whether a line at the top of the body is a date line saying the header's dates: the
publication's date alone in any language ("March 5, 2024 10:01 AM ET", "5 марта 2024, 09:30"),
with its source after it, as a heading, labelled ("Published 28 Nov"), in the Solar Hijri
calendar; and how long such lines and a sentence are. header_lines.py leaves them out.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ..dates import ascii_digits
from ..models import words_in
from .arabic_dates import without_hijri_dates
from .month_names import MONTHS, month_key
from .sentence_ends import ends_sentence
from .solar_hijri import solar_hijri_date
from .written_dates import (
    common_era,
    date_figures,
    dateline_dates,
    opens_with_date_label,
    states_only_dates,
)

# A byline with its dateline ("By Ana Ruiz and Tom Berg | 24 November 2026, 12:15, updated …")
# is shorter than this; a paragraph that names the author is longer.
_DATELINE_WORDS = 25
# A line that is only a name or only a date is shorter than this.
_SHORT_LINE_WORDS = 8
_NUMBER = re.compile(r"\d+")


def _is_date_line(text: str, published: datetime | None) -> bool:
    """The line is the publication date in any language: it holds the year and the day of the
    published time (a day either side, for the time zone) and little else, and names no other
    month ("March 5, 2024 10:01 AM" is no line of 10 January 2024's, for its "10")."""
    if published is None:
        return False
    # "٣ مارس ٢٠٢٦", "２０２６年３月３日": the year and the day in the site's own digits.
    numbers = set(_NUMBER.findall(date_figures(text)))  # "令和6年": 2024
    return (
        str(published.year) in numbers
        and bool(numbers & _days_of(published))
        and _months_named(text) <= _months_near([published])
    )


# The source a German or Spanish site names after the date: Die Zeit's "3. Dezember 2026,
# 10:12 Uhr Quelle: ZEIT ONLINE, dpa", the agencies the Source line and the byline name.
_SOURCE_TAIL = re.compile(
    r"\s+(?:quelle|source|fuente|fonte|bron|źródło)\s*:\s*[^:.]{1,60}$", re.IGNORECASE
)


def _is_date_line_with_source(text: str, published: datetime | None) -> bool:
    """The publication's date line, with the source the story came from after it."""
    date = _SOURCE_TAIL.sub("", text)
    return date != text and words_in(date) <= _SHORT_LINE_WORDS and _is_date_line(date, published)


def _is_date_heading(text: str, published: datetime | None) -> bool:
    """A heading that is the publication's day and nothing else: Blogger heads each day's
    posts with it ("Tuesday, 17 November 2026" in its `h2.date-header`), which the header's
    Published line says."""
    return _is_date_line(text, published) and states_only_dates(text)


def _is_labelled_date(text: str, published: datetime | None) -> bool:
    """A short line that labels the publication's day without its year: "Published 28 Nov ·
    Last updated 29 Nov", whose `<time>`s gave the dates."""
    if published is None or not opens_with_date_label(text):
        return False
    if len(text.split()) > _SHORT_LINE_WORDS or ends_sentence(text, also=LINE_ENDS):
        return False
    return bool(set(_NUMBER.findall(ascii_digits(text))) & _days_of(published))


_LETTERS = re.compile(r"[^\W\d_]+")


# Israeli sites' "06.12.26" (a `<time>`'s text between the byline and the lede): the day, the
# month and the year's last two figures, maybe its time; read only as the header's day.
_SHORT_YEAR_DATE = re.compile(r"([0-3]\d)\.([01]\d)\.(\d\d)(?:,?\s*[0-2]?\d:[0-5]\d)?")


def _is_short_year_dateline(text: str, dates: list[datetime]) -> bool:
    """The line is "06.12.26" (with its time, maybe) and says the day of one of `dates`, a day
    either side for the time zone (acc38a J17)."""
    found = _SHORT_YEAR_DATE.fullmatch(text.strip())
    if found is None:
        return False
    day, month, year = (int(part) for part in found.groups())
    try:
        said = date(2000 + year, month, day)
    except ValueError:
        return False
    return any(abs(said - known.date()) <= timedelta(days=1) for known in dates)


def _is_bare_dateline(text: str, published: datetime | None, updated: datetime | None) -> bool:
    """The line is a date and nothing else ("March 5, 2024 10:01 AM ET", "5 марта 2024, 09:30",
    "Updated March 6") and says the header's: each year and month it names is that of the
    publication or the revision (a day either side, for the time zone), and it names the day of
    one. A date the header does not give is the page's to say: the line stays."""
    dates = [d for d in (published, updated) if d is not None]
    if _is_short_year_dateline(text, dates):
        return True
    if not dates or not states_only_dates(text):
        return False
    # The Hijri date beside the Gregorian one is the same day, in its own year.
    numbers = set(_NUMBER.findall(date_figures(without_hijri_dates(text))))
    years = {common_era(int(n)) for n in numbers if len(n) == 4}
    return (
        years <= {(d + timedelta(days=shift)).year for d in dates for shift in (-1, 0, 1)}
        and _months_named(text) <= _months_near(dates)
        and bool(numbers & set().union(*map(_days_of, dates)))
    )


def _is_solar_hijri_dateline(
    text: str, published: datetime | None, updated: datetime | None
) -> bool:
    """The line is a Solar Hijri date and nothing else ("۱۲ آذر ۱۴۰۵") and says the header's
    day, a day either side for the time zone."""
    said = solar_hijri_date(text)
    return said is not None and any(
        abs(said - known.date()) <= timedelta(days=1)
        for known in (published, updated)
        if known is not None
    )


def _months_named(text: str) -> set[int]:
    """The months `text` names in words ("Mar.", "марта", "mars")."""
    return {MONTHS[key] for word in _LETTERS.findall(text) if (key := month_key(word)) in MONTHS}


def _months_near(dates: list[datetime]) -> set[int]:
    """The months of `dates`, a day either side for the time zone."""
    return {(d + timedelta(days=shift)).month for d in dates for shift in (-1, 0, 1)}


def _days_of(published: datetime) -> set[str]:
    """The day of `published` as a text may write it, a day either side for the time zone."""
    days = {str((published + timedelta(days=d)).day) for d in (-1, 0, 1)}
    return days | {f"{d:0>2}" for d in days}


def _is_labelled_dateline(text: str, published: datetime | None) -> bool:
    """The line says "Published" (in any language read here) and the publication date, and
    maybe the revision's, and is no sentence: "Publié le 3 mars 2026 à 14h05, modifié le 4 mars
    2026 à 09h30" is longer than a date alone but says no more. "Published 3 March 2026 by the
    ministry, the report shows a rise." ends as a sentence does, and is one."""
    said = dateline_dates(text)
    if published is None or said is None or said[0] is None:
        return False
    if ends_sentence(text, also=LINE_ENDS):
        return False
    return len(text.split()) <= _DATELINE_WORDS and abs(said[0].date() - published.date()) <= (
        timedelta(days=1)
    )


# A line past this many words that ends as a sentence does is one, whatever it names.
_SENTENCE_WORDS = 15
# Besides a sentence's end, a colon, which ends a line that introduces what follows ("…the
# report makes three findings:"), never a dateline; and a quotation closing the line.
LINE_ENDS = ':："”»'
