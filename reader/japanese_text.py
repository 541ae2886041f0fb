"""Whether a page's bytes, in no declared charset, are Japanese in EUC-JP: told by their kana.

EUC-JP and EUC-KR (and GB2312) share their byte layout, and a short Japanese paragraph measured
by statistics as no likelier Japanese than Korean was read in EUC-KR ("港の水位" as Hangul and
jamo). Japanese text is a third or more kana, hiragana and katakana, which EUC-JP writes in rows
4 and 5; EUC-KR has jamo and Roman numerals there and writes its kana elsewhere, and no Korean
or Chinese text read in EUC-JP gives more than a stray kana."""

from __future__ import annotations

# Kana among the page's wide characters needed: Japanese prose runs 30–60%, a headline of
# names and kanji words less, and the few katakana of a Korean page's loanword none.
_FEWEST_KANA = 3
_KANA_SHARE_AT_LEAST = 0.2
_CJK_FROM = "\u3000"


def _is_kana(char: str) -> bool:
    return "\u3041" <= char <= "\u30ff"


def reads_as_japanese(text_bytes: bytes) -> bool:
    """`text_bytes` (a page's text, its markup left out) decode as EUC-JP without an error, and
    kana make a fair share of the wide characters they give."""
    if text_bytes.isascii():
        return False
    try:
        text = text_bytes.decode("euc_jp")
    except UnicodeDecodeError:
        return False
    wide = [char for char in text if char >= _CJK_FROM]
    kana = sum(map(_is_kana, wide))
    return kana >= _FEWEST_KANA and kana >= _KANA_SHARE_AT_LEAST * len(wide)
