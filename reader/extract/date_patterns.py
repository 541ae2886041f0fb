"""The patterns a date is written in, day, month and year ("3 March 2026", "March 3, 2026",
"3 марта 2026", "2026年3月3日", "3 ธ.ค. 2569", "03.03.2026"), and which order a slashed one
("3/4/2026") is in: the part of `written_dates` that finds a date in a line, before its time."""

from __future__ import annotations

import re

from .month_names import MONTHS

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
# Israeli sites' "02.12.26, 18:40": a year of two digits, read only before a time (else a
# version's or a section's number: "Chapter 02.12.26 of the code"), or as the whole of its line
# on a page in Hebrew or of Israel (ynet's lists, Israel Hayom's byline box: "01.12.26"; acc41c
# C8).
_ISRAELI_DATE = r"(?<![\d.])(?P<day>[0-3]\d)\.(?P<month>[01]\d)\.(?P<short>\d\d)(?![\d.])"
_ISRAELI_BEFORE_A_TIME = re.compile(rf"{_ISRAELI_DATE}(?=,?\s*[0-2]?\d:[0-5]\d)")
ISRAELI_DATE_ALONE = re.compile(
    # after a label maybe: "פורסם: 01.12.26" ("published:")
    rf"^[\s|•·:–—-]*(?:[\u05d0-\u05ea]+\s*:\s*)?{_ISRAELI_DATE}[\s|•·,.–—-]*$"
)


def israeli(language: str) -> bool:
    """`language` is Hebrew, or names Israel as its region ("en-IL", which
    `zone_country.dates_language` gives a page of a `.il` host)."""
    parts = language.replace("_", "-").casefold().split("-")
    return parts[0] in ("he", "iw") or "il" in parts[1:]


_DATES = [
    re.compile(rf"\b{_DAY}\s+(?:de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"{_WORD_START}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    # Its year in two figures too ("3 ธ.ค. 69", Sanook's and Thai PBS's lists): 2569, 2026.
    re.compile(
        rf"(?<!\d)(?P<day>[0-3]?\d)\s*(?P<month>{_THAI_MONTH})\s*(?:พ\.ศ\.\s*)?"
        rf"(?:(?P<buddhist>25\d\d)|{_YEAR}|(?P<buddhist_short>[4-9]\d)(?![\d:.]))(?!\d)"
    ),
    # Vietnamese numbers its months: "2 tháng 12, 2026", "ngày 2 tháng 12 năm 2026".
    re.compile(
        rf"\b{_DAY}\s+tháng\s+(?P<month>[01]?\d)(?:\s*,\s*|\s+năm\s+|\s+){_YEAR}\b",
        re.IGNORECASE,
    ),
    _ISRAELI_BEFORE_A_TIME,
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
    # Naver's and Chosun's "2026. 12. 5.": a space after each dot, which no version number has.
    re.compile(
        rf"(?<![A-Za-z\d.]){_YEAR}\.\s(?P<month>[01]?\d)\.\s(?P<day>[0-3]?\d)(?:\.|(?!\d|\.\d))"
    ),
    # Xinhua's "2026 12/03 14:20:45": its year, then month and day, each in a span of its own;
    # both of two digits ("2026 3/4" may be a year and a fraction).
    re.compile(rf"(?<![A-Za-z\d/]){_YEAR}\s+(?P<month>[01]\d)/(?P<day>[0-3]\d)(?![\d/])"),
    # 03.03.2026, as German and Russian sites write it.
    re.compile(rf"\b(?P<day>[0-3]?\d)\.(?P<month>[01]?\d)\.{_YEAR}\b"),
    # "25/03/2026" or "03/25/2026": read only where the order can't matter (see `_slashed`);
    # Thai sites' "05/12/2569", its year of the Buddhist Era.
    re.compile(
        rf"(?<![\d/])(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)/(?:{_YEAR}|(?P<buddhist>25\d\d))"
        r"(?![\d/])"
    ),
]


# Japan's era years, by the year before each era's first ("令和6年" is 2024; its first year is
# written "元年") and a date in Chinese numerals, as Chinese papers and Japanese formal notices
# write it ("二〇二四年五月三日", "令和六年五月三日", "十月二十三日"). Read as the figures the
# patterns above take (`western_figures`); only the eras a news story's date can be in.
_ERAS = {"令和": 2018, "平成": 1988, "昭和": 1925}
# Taiwan's Minguo (Republic of China) years, 1911 behind ("中華民國115年12月4日" is 4 December
# 2026), as its government and many of its sites write them; a year of three figures before
# 年 (and 月 and 日 after it) no other calendar a news story's date is in has (acc38a J16).
_MINGUO = {"中華民國": 1911, "中华民国": 1911, "民國": 1911, "民国": 1911}
_ERA_YEARS = _ERAS | _MINGUO
_KANJI_DIGITS = {c: n for n, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_KANJI_NUMBER = "[〇○零一二三四五六七八九十]"
_KANJI_DATE = re.compile(
    rf"(?:(?P<era>{'|'.join(_ERA_YEARS)})\s*(?P<era_year>元|\d{{1,3}}|{_KANJI_NUMBER}{{1,3}})"
    rf"|(?P<year>[一二][{''.join(_KANJI_DIGITS)}]{{3}}|(?:19|20)\d\d)|(?<!\d)(?P<minguo>1\d\d))"
    r"\s*年"
    rf"\s*(?P<month>\d{{1,2}}|{_KANJI_NUMBER}{{1,2}})\s*月"
    rf"\s*(?P<day>\d{{1,2}}|{_KANJI_NUMBER}{{1,3}})\s*日"
)


# Taiwan's Minguo year in figures, year first: "115/12/04 14:30", read on a page of Taiwan's
# Chinese only (elsewhere three figures and two may be anything).
MINGUO_SLASHED = re.compile(
    r"(?<![\d/])(?P<minguo>1[0-4]\d)/(?P<month>[01]?\d)/(?P<day>[0-3]?\d)(?![\d/])"
)
_TAIWANS = ("zh-tw", "zh-hant")


def minguo_figures(text: str, language: str) -> str:
    """`text` with its Minguo years written "115/12/04" given as the Common Era's
    ("2026/12/04") when `language` is Taiwan's Chinese ("zh-TW", "zh-Hant-TW")."""
    if not language.replace("_", "-").casefold().startswith(_TAIWANS):
        return text
    return MINGUO_SLASHED.sub(
        lambda m: f"{int(m['minguo']) + _MINGUO['民國']}/{m['month']}/{m['day']}", text
    )


def _kanji_number(written: str) -> int:
    """ "23" for "二十三" (or "23"), "10" for "十", "2024" for "二〇二四": a number written in
    Chinese numerals, digit by digit or with 十 (ten)."""
    if written.isdigit():
        return int(written)
    tens, ten, units = written.partition("十")
    if ten:
        # a part that is no digit ("二二十") makes a number no month or day has
        tens_value = _KANJI_DIGITS.get(tens, 99) if tens else 1
        return tens_value * 10 + (_KANJI_DIGITS.get(units, 99) if units else 0)
    return int("".join(str(_KANJI_DIGITS[c]) for c in written))


def western_figures(text: str) -> str:
    """`text` with its Japanese era dates, Taiwan's Minguo ones and its dates in Chinese
    numerals written in figures of the Common Era: "2024年5月3日" for "令和6年5月3日",
    "民國113年5月3日" and "二〇二四年五月三日" (acc31b M14, M16). Only a whole date (year, month and day) is rewritten; `ascii_digits` first."""
    if "年" not in text:
        return text

    def figures(match: re.Match[str]) -> str:
        if match["era"]:
            era_year = 1 if match["era_year"] == "元" else _kanji_number(match["era_year"])
            year = _ERA_YEARS[match["era"]] + era_year
        elif match["minguo"]:
            year = _MINGUO["民國"] + int(match["minguo"])
        else:
            year = _kanji_number(match["year"])
        month, day = _kanji_number(match["month"]), _kanji_number(match["day"])
        if not (1 <= month <= 12 and 1 <= day <= 31 and 1900 <= year < 2100):
            return match[0]
        return f"{year}年{month}月{day}日"

    return _KANJI_DATE.sub(figures, text)


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
    """The year of a date `_DATES` found: a Thai one's of the Buddhist Era (of two digits,
    "69", its 2500s'), an Israeli one's of two digits ("02.12.26") this century's."""
    found = match.groupdict()
    if found.get("buddhist"):
        return int(found["buddhist"]) - _BUDDHIST_ERA
    if found.get("buddhist_short"):
        return 2500 + int(found["buddhist_short"]) - _BUDDHIST_ERA
    if found.get("short"):
        return 2000 + int(found["short"])
    return int(match["year"])
