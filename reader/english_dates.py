"""The English names of months and weekdays, by number.

`strftime`'s `%B` and `%A` name them in the locale's language once anything calls
`setlocale`; a citation's style, the reading view's dates and the demo's English pages are
written in English whatever the locale.
"""

from __future__ import annotations

from datetime import date

MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def month_name(day: date) -> str:
    return MONTHS[day.month - 1]


def weekday_name(day: date) -> str:
    return WEEKDAYS[day.weekday()]
