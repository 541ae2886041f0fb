"""Whether a page's bytes, in no declared charset, are Japanese, and in which of its charsets:
told by their kana.

EUC-JP and EUC-KR (and GB2312) share their byte layout, and a short Japanese paragraph measured
by statistics as no likelier Japanese than Korean was read in EUC-KR ("港の水位" as Hangul and
jamo). Japanese text is a third or more kana, hiragana and katakana, which EUC-JP writes in rows
4 and 5; EUC-KR has jamo and Roman numerals there and writes its kana elsewhere, and no Korean
or Chinese text read in EUC-JP gives more than a stray kana.

Shift_JIS writes its kana with lead bytes (0x82, 0x83) that no EUC charset has, and reads every
byte of those charsets' lead range 0xA1–0xDF as a half-width katakana: Korean, Chinese or EUC-JP
text read in it is strewn with them. Read in Windows' Korean (cp949), a short Shift_JIS title
was a run of the rare syllables that charset added to EUC-KR ("東京で初雪" as "뱦떈궳룊먤"), and
statistics took it."""

from __future__ import annotations

import re

# Kana among the page's wide characters needed: Japanese prose runs 30–60%, a headline of
# names and kanji words less, and the few katakana of a Korean page's loanword none.
_FEWEST_KANA = 3
_KANA_SHARE_AT_LEAST = 0.2
_CJK_FROM = "\u3000"
# What Shift_JIS reads another CJK charset's bytes as: half-width katakana, and the private use
# area of its user-defined rows (lead bytes 0xF0–0xF9).
_NOT_SHIFT_JIS_TEXT = re.compile("[\uff61-\uff9f\ue000-\uf8ff]")


def _is_kana(char: str) -> bool:
    return "\u3041" <= char <= "\u30ff"


# A title's worth of wide characters, of which one kana in eight: "東京で初雪" (one in five),
# "北海道で地震", "ＪＲ北海道の新駅" (one in eight).
_SHORT = 24
_SHORT_KANA_SHARE = 1 / 8
# The hiragana EUC-JP writes with the bytes 0xA4 0xBF–0xF3 (た, っ, て, で, と, に, の, は,
# へ, ま, む, る, を…: most particles and endings) are, read in EUC-KR, a vowel alone or an old
# letter out of use: Korean writes neither beside a syllable, only a vowel repeated as tears
# ("ㅠㅠ"). Its consonants alone it does write ("ㄱ자", L-shaped; "ㅋㅋ"): no tell.
_NOT_KOREAN_JAMO = re.compile("[\u314f-\u318e]+")
_WIDE = re.compile("[\uac00-\ud7a3\u4e00-\u9fff]")
_KANA_BY_KANJI = re.compile("[\u4e00-\u9fff][\u3041-\u30ff]|[\u3041-\u30ff][\u4e00-\u9fff]")


def not_korean_letters(korean: str) -> int:
    """How many runs of vowels alone (or old letters) a Korean reading has beside a syllable or a
    Chinese character, but for one repeated ("ㅠㅠ"): none in Korean text."""
    count = 0
    for run in _NOT_KOREAN_JAMO.finditer(korean):
        if len(run[0]) > 1 and len(set(run[0])) == 1:
            continue
        before, after = korean[run.start() - 1 : run.start()], korean[run.end() : run.end() + 1]
        count += bool(_WIDE.match(before) or _WIDE.match(after))
    return count


def _short_japanese(text: str, text_bytes: bytes, wide: int, kana: int) -> bool:
    """A title's few kana decide it: too few for the share a paragraph has, but a particle's
    bytes read in EUC-KR are a vowel alone among syllables (`not_korean_letters`), which no Korean
    headline writes, and read as the same kana in a Chinese charset (GB2312 copied the rows).
    Statistics read "東京で初雪" as Korean, "톺딸ㅗ썽잣" (acc31b M15)."""
    if wide > _SHORT or kana < _SHORT_KANA_SHARE * wide:
        return False
    if not _KANA_BY_KANJI.search(text):
        return False
    try:
        korean = text_bytes.decode("cp949")
    except UnicodeDecodeError:
        return True
    return not_korean_letters(korean) > 0


def japanese_charset(text_bytes: bytes) -> str | None:
    """The charset `text_bytes` (a page's text, its markup left out) are Japanese in: EUC-JP
    when they decode in it without an error and kana make a fair share of the wide characters
    they give; Shift_JIS (Microsoft's) when they decode in it into kana and kanji, with not one
    half-width katakana. None when neither."""
    if text_bytes.isascii():
        return None
    try:
        text = text_bytes.decode("euc_jp")
    except UnicodeDecodeError:
        pass
    else:
        wide = [char for char in text if char >= _CJK_FROM]
        kana = sum(map(_is_kana, wide))
        if kana >= _FEWEST_KANA and kana >= _KANA_SHARE_AT_LEAST * len(wide):
            return "euc_jp"
        if kana and _short_japanese(text, text_bytes, len(wide), kana):
            return "euc_jp"
    try:
        text = text_bytes.decode("cp932")
    except UnicodeDecodeError:
        return None
    if _NOT_SHIFT_JIS_TEXT.search(text) or not any(map(_is_kana, text)):
        return None
    return "cp932"


_JAPANESE_LABELS = frozenset({"euc_jp", "cp932"})
# Of the wide characters a Korean reading gives, how many must be syllables: Korean prose is
# nearly all Hangul, its few Chinese characters names and terms.
_SYLLABLE_SHARE_AT_LEAST = 0.8
_FEWEST_SYLLABLES = 4


def korean_labelled_japanese(text_bytes: bytes, declared: str, language: str | None) -> bool:
    """`text_bytes` (a page's text, its markup left out) are Korean labelled with a Japanese
    charset: the page names Korean (`<html lang="ko">`), the Japanese charset reads not one kana
    in them, and Windows' Korean reads them as syllables and no vowel alone among them. Read in
    EUC-JP, EUC-KR's bytes decode without an error into kanji soup ("採至獣澗 戚腰"), where a
    Japanese text is a fair share kana (acc38a J6)."""
    if declared not in _JAPANESE_LABELS or (language or "").split("-")[0] != "ko":
        return False
    if text_bytes.isascii() or japanese_charset(text_bytes) is not None:
        return False
    try:
        korean = text_bytes.decode("cp949")
    except UnicodeDecodeError:
        return False
    wide = _WIDE.findall(korean)
    syllables = sum("\uac00" <= char <= "\ud7a3" for char in wide)
    return (
        syllables >= _FEWEST_SYLLABLES
        and syllables >= _SYLLABLE_SHARE_AT_LEAST * len(wide)
        and not_korean_letters(korean) == 0
    )
