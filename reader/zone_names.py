"""The zones dates name by an abbreviation ("CET", "JST", "NPT", "MSK"), with their offsets from
UTC: the one table that a feed item's date (`feed_dates`) and a page's date line
(`extract.written_times`) read. The two sides kept tables of their own, which each knew names the
other did not: a feed's "WEST" was read without a zone, and a Turkish feed's "JST" was read as UTC.
The names that stand for several zones ("IST", "CST") and the regional ones ("ET") are read by
the page's language or the date they are given with. Those are in `written_times`."""

from __future__ import annotations

ZONE_HOURS: dict[str, float] = {
    **dict.fromkeys(["gmt", "utc", "z"], 0),
    # Europe's, in English and in German ("MEZ", "MESZ"), Russia's in both alphabets, Turkey's.
    **{"wet": 0, "west": 1, "bst": 1, "cet": 1, "mez": 1, "cest": 2, "mesz": 2},
    **{"eet": 2, "eest": 3, "msk": 3, "мск": 3, "trt": 3},
    **{"est": -5, "edt": -4, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7},
    **{"jst": 9, "kst": 9, "aest": 10, "aedt": 11, "awst": 8, "nzst": 12, "nzdt": 13},
    # Indonesia's three (Kompas's "03/12/2026, 10:15 WIB"), Hong Kong's, Singapore's, the
    # Philippines' and Pakistan's.
    **{"wib": 7, "wita": 8, "wit": 9, "hkt": 8, "sgt": 8, "pht": 8, "pkt": 5},
    # Nepal's, a quarter past the hour ("NPT", +05:45).
    "npt": 5.75,
    # South Africa's (News24's "03 Dec 2026 06:30 SAST").
    "sast": 2,
}
"""Offsets in hours, by the name in lower case."""

WORDS_TOO = frozenset({"wet", "west"})
"""Names that are English words too. A line of text gives them as a zone only in capitals: in
"10:05 West Midlands", "West" is a place."""


def zone_offset(name: str) -> str | None:
    """The offset RFC 822 writes for the zone `name` ("CET": "+0100", "NPT": "+0545"), None for
    a name the table doesn't hold."""
    hours = ZONE_HOURS.get(name.casefold())
    if hours is None:
        return None
    minutes = round(abs(hours) * 60)
    return f"{'-' if hours < 0 else '+'}{minutes // 60:02d}{minutes % 60:02d}"
