"""A feed item's date: the moment feedparser read from its `<pubDate>`/`<published>`, at the
offset the feed wrote; the forms feedparser misreads or can't read, read otherwise: a date in
words of a CMS's own ("2026年12月03日 10:00"), RFC 822 with the day and month named in the
site's language ("Per, 03 Ara 2026 10:00:00 +0300", as Turkish, German, Polish… CMSes write
it), and a year of the Solar Hijri or the Buddhist Era, converted as a page's is
(`extract.declared_calendars`: one policy for both)."""

from __future__ import annotations

import calendar
import re
import time
from datetime import UTC, datetime
from typing import Any

from feedparser.datetimes.rfc822 import timezone_names

from .dates import ZONE_UNSTATED, on_date, parse_datetime
from .zone_names import zone_offset

# A date written in a feed's date field is this long at most; a longer value is no date.
_WORDED_DATE = 40

# A year of the Solar Hijri (13xx, 14xx) or the Buddhist Era (25xx, 26xx), in any digits:
# "1405-02-31", a day no Gregorian month has, is read by no parser but `written_in_common_era`.
_OTHER_YEAR = re.compile(r"(?<!\d)(?:1[34]|2[56])\d\d(?!\d)")
# RFC 822's shape with the day and the month named in another language than English: "Per, 03
# Ara 2026 10:00:00 +0300" (Turkish), "Mi, 09 Mär 2026 …", "do, 03 dec 2026 …" (Dutch), what a
# CMS's localized strftime writes. The weekday is whatever word comes first (RFC 822 ignores it
# too); the month one of `_MONTH_NAMES`.
_LOCALIZED = re.compile(
    r"(?:[^\W\d_][^\W\d_.]*\.?,?\s+)?(?P<day>\d{1,2})\.?\s+(?P<month>[^\W\d_][^\W\d_.]*)\.?,?"
    r"\s+(?P<year>\d{4}),?(?P<rest>(?:\s+\d{1,2}:\d\d(?::\d\d)?)?(?:\s+[+-]?\w+)?)\s*"
)
# The months as they are cut short in feeds' dates, by language, in their order: Turkish,
# German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian in Cyrillic and in Latin
# letters, Ukrainian. The whole names, and Russian's genitives ("дек" but also "декабря"), are
# `extract.month_names`'.
_ABBREVIATIONS = (
    "oca şub mar nis may haz tem ağu eyl eki kas ara",
    "jan feb mär apr mai jun jul aug sep okt nov dez",
    "janv févr mars avr mai juin juil août sept oct nov déc",
    "ene feb mar abr may jun jul ago sep oct nov dic",
    "jan fev mar abr mai jun jul ago set out nov dez",
    "gen feb mar apr mag giu lug ago set ott nov dic",
    "jan feb mrt apr mei jun jul aug sep okt nov dec",
    "sty lut mar kwi maj cze lip sie wrz paź lis gru",
    "янв фев мар апр мая июн июл авг сен окт ноя дек",
    "yanv fevr mart apr maya iyun iyul avg sent okt noyab dek",
    "січ лют бер кві тра чер лип сер вер жов лис гру",
)
# Their other spellings: without the letters of the language's own ("Şub" typed "Sub"), and
# the other ways of cutting a name ("Mrz", "févr" as "fév", "сент", "нояб", Latin "yan", "noy").
_MORE = {
    "sub": 2, "agu": 8, "mrz": 3, "fevr": 2, "fév": 2, "fev": 2, "aou": 8, "aout": 8,
    "dec": 12, "sept": 9, "set": 9, "paz": 10, "февр": 2, "сент": 9, "нояб": 11, "yan": 1,
    "iyn": 6, "iyl": 7, "sen": 9, "noy": 11, "noya": 11,
}  # fmt: skip
_MONTH_NAMES = {
    name: number for names in _ABBREVIATIONS for number, name in enumerate(names.split(), 1)
} | _MORE
_ENGLISH = ("", *calendar.month_abbr[1:])
# RFC 822 in English, to its zone: what comes after the time, and the "AM"/"PM" some CMSes
# write before it ("Mon, 7 Dec 2026 1:00:00 AM +0900": feedparser took the "AM" for the zone).
_RFC822 = re.compile(
    r"(?:[a-z]{3,}\.?,?\s*)?\d{1,2}\s+[a-z]{3,}\.?,?\s+\d{4},?\s+\d{1,2}:\d\d(?::\d\d)?"
    r"\s*(?P<half>[ap]\.?m\.?)?\s*(?P<zone>\S*)\s*",
    re.IGNORECASE,
)
# The zones feedparser reads in RFC 822 (its `timezone_names`, and "UTC", which it takes for
# its default), and the offsets it reads; any other name it takes for UTC, silently: "JST",
# "CET", "IST", "UTC+9" were listed 9, 1, 5½ hours late (acc46a A2).
_FEEDPARSER_ZONES = frozenset(timezone_names) | {"utc"}
_FEEDPARSER_OFFSET = re.compile(r"[+-]\d\d:?\d\d")
# ISO 8601's date and time, to the minute, as written: told a day no calendar has by.
_ISO_FIELDS = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d))?")
# A date written as Unix time, seconds since 1970 ("1765069200", a script's `date +%s`): of
# these many digits, the years 2001 to 2286; feedparser read it as the year 1765.
_EPOCH = re.compile(r"\d{10}")


def feed_time(
    struct: time.struct_time | None, written: Any = None, language: str = "", address: str = ""
) -> datetime | None:
    """The moment an item's date field states: what feedparser read (`struct`, always in UTC),
    at the offset the feed wrote it with (an Atom "2026-12-03T10:15:00+01:00" was cited as
    09:15 UTC, a time its publisher never printed); the written string is trusted only when it
    is the same moment (feedparser reads formats `parse_datetime` doesn't: W3CDTF's
    "2026-12-03T10:15+01:00", old RSS misspellings). In the Gregorian calendar, as a feed in
    `language` (its `xml:lang` or `<language>`) at `address` writes another's year: a Persian
    feed's "1405-09-14T10:30:00+03:30" is the 5th of December 2026, a Thai one's 2569 is 2026."""
    moment = _stated(struct, written, language, address)
    if moment is not None and 1500 <= moment.year <= datetime.now().year + 1:
        return moment
    if not isinstance(written, str) or (moment is None and not _OTHER_YEAR.search(written)):
        return moment
    # Here, not at the top: the extractor's modules are many, and most feeds' years are ours.
    from .extract.declared_calendars import in_common_era, written_in_common_era

    if said := written_in_common_era(written, language, address):
        return said
    return in_common_era(moment, language, address) if moment is not None else None


def _stated(
    struct: time.struct_time | None, written: Any, language: str = "", address: str = ""
) -> datetime | None:
    if isinstance(written, str) and _EPOCH.fullmatch(written.strip()):
        return datetime.fromtimestamp(int(written.strip()), UTC)
    if _no_such_day(written):
        return None
    if (named := _zone_named(written, language, address)) is not None:
        return named
    if (unzoned := _unzoned(written)) is not None:
        return unzoned
    stated = parse_datetime(written) if isinstance(written, str) else None
    said = _in_words(written) if stated is None else None
    if not struct:
        # What feedparser missed ("do, 03 dec 2026 10:00:00 +0100": Dutch's weekday) but the
        # standards read, else the words.
        return stated or said or _localized(written)
    try:
        moment = datetime.fromtimestamp(calendar.timegm(struct), UTC)
    except (OverflowError, ValueError, OSError):
        return said
    # A date alone or a time without a zone (feedparser takes it for UTC) stays as stated: a
    # date shown as the day before west of UTC, a zone invented (acc46a A3, A4).
    if stated is not None and stated == moment:
        return stated
    # feedparser reads "2026年12月03日 10:00" (Chinese CMSes' pubDate) as the 1st of the month
    # at midnight, its year and month alone (acc38a J15): the words' own day, and time if given.
    if said is not None and ((said.hour, said.minute) != (0, 0) or said.date() != moment.date()):
        return said
    return moment


def _no_such_day(written: Any) -> bool:
    """`written` is ISO 8601's shape with a month, day, hour or minute no calendar has
    ("2026-13-45T99:00:00+02:00"), which feedparser carries over into a date of its own making
    (2027-01-01, cited "per the feed": acc46a A5); a year of another calendar aside."""
    if not isinstance(written, str) or _OTHER_YEAR.match(written.strip()):
        return False
    found = _ISO_FIELDS.match(written.strip())
    if found is None:
        return False
    year, month, day, hour, minute = (int(f) if f else 0 for f in found.groups())
    try:
        datetime(year, month, day, hour, minute)
    except ValueError:
        return True
    return False


def _zone_named(written: Any, language: str, address: str) -> datetime | None:
    """The moment of an RFC 822 date whose zone feedparser doesn't know (`_FEEDPARSER_ZONES`),
    in the zone it names as a page's date line is read (`written_times`: "JST", "CET", "UTC+9",
    "AEDT", an "AM"/"PM" before the offset; "IST" by the feed's language or address, else
    unplaced); a name no table holds leaves the time without a zone, as a page's: not UTC.
    None for any other date, which feedparser reads."""
    if not isinstance(written, str) or len(written.strip()) > _WORDED_DATE:
        return None
    found = _RFC822.fullmatch(written.strip())
    if found is None:
        return None
    zone = found["zone"]
    if not found["half"] and (
        not zone or zone.casefold() in _FEEDPARSER_ZONES or _FEEDPARSER_OFFSET.fullmatch(zone)
    ):
        return None
    # Here, not at the top: the extractor's modules are many, and most feeds' zones are known.
    from .extract.written_dates import parse_text_date
    from .extract.zone_country import dates_language

    return parse_text_date(written.strip(), dates_language(language, addresses=[address]))


def _unzoned(written: Any) -> datetime | None:
    """An RFC 822 date with no time ("Sat, 05 Dec 2026") as a date alone (`DATE_ONLY`), and one
    with a time and no zone ("Sat, 05 Dec 2026 09:00:00") as that wall-clock time
    (`ZONE_UNSTATED`), as a `dc:date` or a page's are read: RFC 822 requires the zone, and
    feedparser takes a date without one for UTC, so a day's notice was listed the day before
    west of UTC, at a time made up (acc51a A6). None for any other date."""
    if not isinstance(written, str) or len(written.strip()) > _WORDED_DATE:
        return None
    found = _LOCALIZED.fullmatch(written.strip())
    if found is None:
        return None
    rest = found["rest"].split()
    if len(rest) > 1 or (rest and ":" not in rest[0]):
        return None  # a zone given (its name or offset), read by feedparser or `_zone_named`
    month = _month_number(found["month"])
    clock = [int(part) for part in rest[0].split(":")] if rest else []
    try:
        day = datetime(int(found["year"]), month or 0, int(found["day"]), *clock)
    except ValueError:
        return None
    return day.replace(tzinfo=ZONE_UNSTATED) if rest else on_date(day.date())


def _month_number(word: str) -> int | None:
    """The month a date's `word` names, in English or as `_ABBREVIATIONS` cut it in another
    language ("Dec", "December", "Dez", "Ara"); None for no month."""
    from .extract.month_names import MONTHS, month_key

    name = month_key(word)
    return _MONTH_NAMES.get(name) or MONTHS.get(name)


def _in_words(written: Any) -> datetime | None:
    """The moment a feed's date field states in words no standard knows ("2026年12月03日
    10:00", "2026년 12월 3일", "Чт, 03 дек 2026 10:00:00 +0300", "15.12.2026 10:00"), as a
    dateline's text is read; a time without its zone, or a date alone, said to be so (not
    UTC, as feedparser takes one). None for anything else."""
    if not isinstance(written, str) or len(written.strip()) > _WORDED_DATE:
        return None
    # Here, not at the top: the extractor's modules are many, and most feeds' dates are standard.
    from .extract.written_dates import parse_text_date

    return parse_text_date(written.strip())


def _localized(written: Any) -> datetime | None:
    """The moment of an RFC 822 date whose day and month are named in another language than
    English (`_LOCALIZED`), read as the English one it stands for; None for anything else.
    Tried only once feedparser and the dateline's reading of words found nothing."""
    if not isinstance(written, str) or len(written.strip()) > _WORDED_DATE:
        return None
    found = _LOCALIZED.fullmatch(written.strip())
    if found is None:
        return None
    month = _month_number(found["month"])
    if month is None:
        return None
    rest = found["rest"].split()
    unplaced = False
    if rest and rest[-1][0].isalpha():  # a zone's name, read by the one table of them
        offset = zone_offset(rest[-1])
        # A name it doesn't hold leaves the time without its zone, as in English: not UTC.
        unplaced = offset is None
        rest[-1:] = [offset] if offset else []
    english = " ".join([found["day"], _ENGLISH[month], found["year"], *rest])
    moment = parse_datetime(english)
    return moment.replace(tzinfo=ZONE_UNSTATED) if moment and unplaced else moment
