"""Ruby annotations: the reading written over a word (Japanese furigana, Chinese pinyin or
zhuyin) is not the text.

A browser sets `<ruby>鈴木<rt>すずき</rt></ruby>` as the name with its reading above it; read
as text it was "鈴木すずき", so "鈴木教授" was found nowhere in the article and a quotation
misquoted the name. News for learners (NHK News Web Easy) puts a reading over every word of
kanji: the whole article came out doubled. The readings and the brackets written for browsers
without ruby (`<rp>`) go; the words they annotate stay.
"""

from __future__ import annotations

from lxml.html import HtmlElement

_READINGS = ("rt", "rp", "rtc")


def without_ruby_readings(root: HtmlElement) -> None:
    """Drop the readings of every `<ruby>` under `root`, keeping the text after each."""
    if next(root.iter("ruby"), None) is None:
        return
    for el in list(root.iter(*_READINGS)):
        if el.getparent() is not None:
            el.drop_tree()
