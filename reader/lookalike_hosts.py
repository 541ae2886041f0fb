"""Which international host names may be shown as they are written, and which only as the
punycode that names where they go: the rule browsers apply to the address bar (Chromium's IDN
display policy, Firefox's network.IDN.restriction_profile), so a link's address can't pass for
another site's.

A label is shown in Unicode when it is plain ASCII, or when it is in one script (or one of the
writing systems that mix scripts: Japanese, Chinese, Korean, each with Latin), holds no character
that looks like punctuation of an address (a slash, a dot, a colon), and is not made entirely of
letters that look like Latin ones ("аррӏе", Cyrillic, under .com). `пример.рф`, `例え.jp` and
`bücher.de` stay readable; `аpple.com` (a Cyrillic "а") is `xn--pple-43d.com`.

Scripts are told by the characters' Unicode names (Python's `unicodedata` has no Script
property): "CYRILLIC SMALL LETTER A" is Cyrillic. A name of no known script counts as a script
of its own, so it mixes with nothing: the rule errs towards punycode.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

import idna

# Characters that look like an address's punctuation or a letter's space, or draw nothing,
# which IDNA 2008 still allows in a name: the combining long solidus overlay (a slash through a
# letter), the triangular colon, the retroflex click ("!"), the modifier apostrophes, the Hebrew
# gershayim ('"'), the Katakana double hyphen, Latin kra.
_DANGEROUS = frozenset("\u0338\u02d0\u01c3\u02bb\u02bc\u02ec\u05f4\u0138\u2010\u2019\u2027\u30a0")


# Blocks of rarely used letters whose members pass for common ones ("ṗaypal"): Latin Extended
# Additional (its Vietnamese letters, U+1EA0 on, kept), Latin Extended-B's Pinyin, Latin
# Extended-D, Greek Extended, Cyrillic Extended-B and -C; the IPA letters ("ɡoogle", "ɑpple")
# but those African languages write (ɓ ɔ ɖ ɗ ə ɛ ɣ ɲ ʋ ʒ), and the phonetic small capitals
# ("ᴘaypal", acc41b B4: Chromium shows each such host as punycode); and combining diacritics
# left after NFC: "i" with a second dot above, a mark on a dotless i. Compiled when a host's
# name first needs it, not at every start (~4 ms).
@cache
def _rare_or_loose() -> re.Pattern[str]:
    return re.compile(
        "[\u01cd-\u01dc\u1c80-\u1c8f\u1e00-\u1e9b\u1f00-\u1fff\ua640-\ua69f\ua720-\ua7ff"
        "\u0250-\u0252\u0255\u0258\u025a\u025c-\u0262\u0264-\u0271\u0273-\u028a"
        "\u028c-\u0291\u0293-\u02af\u1d00-\u1dbf"
        "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]"
    )


# Kana and ideographs shaped like an address's punctuation, shown only where they are read as
# Japanese or Chinese: a slash ("ノ", "丿") not after such a character; a dash, the prolonged
# sound mark "ー" (and the iteration marks) not after a kana; a stroke or a cross ("一", "十")
# beside anything else; the middle dot "・" beside a Latin letter.
_SLASH_LIKE = frozenset("\u30ce\u30f3\u30bd\u30be\u4e36\u4e40\u4e41\u4e3f")
_KANA_MARKS = frozenset("\u30fc\u30fd\u30fe")
_STROKE_LIKE = frozenset(
    "\u4e00\u3127\u4e28\u4e5b\u4e03\u4e05\u5341\u3007\u3112\u311a\u311f\u3128\u3129"
    "\u3108\u31ba\u31b3\u5de5\u31b2\u8ba0\u4e01"
)
_CJK = frozenset({"HAN", "HIRAGANA", "KATAKANA", "BOPOMOFO"})
# Scripts that mix in one label, as a language writes them (UTS #39's "highly restrictive").
_WRITING_SYSTEMS = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)
# A script's letters that look like Latin ones, and the top-level domains where a name made only
# of them is that script's word, not a disguise ("сахар.ru"; a TLD in the script is one too).
_LATIN_LOOKALIKES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "CYRILLIC": (
        frozenset("аԁеһіјӏорԛѕԝхуъьыкпгѵѡҽсю"),
        frozenset({"bg", "by", "kz", "mk", "rs", "ru", "su", "ua", "uz"}),
    ),
    "GREEK": (frozenset("αικνρυωηοτ"), frozenset({"gr", "cy"})),
    "ARMENIAN": (frozenset("ագզէլհյոսւօ"), frozenset({"am"})),
    "GEORGIAN": (frozenset("იოყძხჽჿ"), frozenset({"ge"})),
    "HEBREW": (frozenset("דוחיןסװײ׳"), frozenset({"il"})),
}
# Letters of one language that pass for common Latin ones elsewhere: the Icelandic thorn and eth
# ("þ" for p or b, "ð" for o), the Azerbaijani schwa ("ə" for e), the Turkish and Azerbaijani
# dotless i ("lınkedin", acc41b B4).
_COUNTRY_LETTERS = {
    "þ": ("is", "fo"),
    "ð": ("is", "fo"),
    "ə": ("az",),
    "ı": ("tr", "az"),
}


@lru_cache(maxsize=4096)
def shown_label(label: str, tld: str) -> str:
    """One label of a host as an address is shown: its Unicode form when `readable`, else its
    punycode ("xn--…"), lower-case either way; `tld` is the host's last label, as written."""
    ascii_form, unicode_form = _forms(label)
    if unicode_form is None or unicode_form.isascii():
        return ascii_form
    return unicode_form if readable(unicode_form, _forms(tld)[1] or tld) else ascii_form


def ascii_label(label: str) -> str:
    """One label of a host as a request names it: its punycode ("xn--l-7sba6dbr" for "раураl"),
    lower-case; an ASCII one as it is, lower-case."""
    return _forms(label)[0]


def _forms(label: str) -> tuple[str, str | None]:
    """The label's punycode and Unicode forms, as a browser maps it (lower case, full-width
    letters and NFC folded); None for the Unicode one when IDNA refuses the label (a fraction
    slash in "com⁄evil"): its punycode is then made from the label as written."""
    folded = unicodedata.normalize("NFC", label.lower())
    if folded.isascii():
        if not folded.startswith("xn--"):
            return folded, folded
        try:
            return folded, idna.decode(folded)
        except (idna.IDNAError, UnicodeError, ValueError):
            return folded, None
    try:
        ascii_form = idna.encode(label, uts46=True).decode("ascii")
        return ascii_form, idna.decode(ascii_form)
    except (idna.IDNAError, UnicodeError, ValueError):
        return "xn--" + folded.encode("punycode").decode("ascii"), None


def readable(label: str, tld: str) -> bool:
    """True when `label` (a host's label in Unicode, as IDNA maps it) may be shown so: see the
    module's doc. `tld` is the host's top-level domain in Unicode."""
    if label.isascii():
        return True
    if (
        any(char in _DANGEROUS or unicodedata.category(char) == "Cf" for char in label)
        or _rare_or_loose().search(label)
        or any(char in label and tld not in tlds for char, tlds in _COUNTRY_LETTERS.items())
        or ("·" in label and tld != "cat")  # the Catalan "l·l", nowhere else
    ):
        return False
    scripts = [_script(char) for char in label]
    used = {script for script in scripts if script}
    if len(used) > 1:
        if not any(used <= system for system in _WRITING_SYSTEMS):
            return False
        # "é" among ideographs: a Latin letter with a mark is no Japanese or Chinese word's.
        if any(
            script == "LATIN" and not char.isascii()
            for char, script in zip(label, scripts, strict=True)
        ):
            return False
    if _punctuation_lookalike(label, scripts):
        return False
    return not (len(used) == 1 and _whole_script_lookalike(label, used.pop(), tld))


def _punctuation_lookalike(label: str, scripts: list[str]) -> bool:
    """A kana or ideograph shaped like a slash, a dash or a dot where it is not read as
    Japanese or Chinese ("aノb", "paypalーlogin", "a一b")."""
    for n, char in enumerate(label):
        # None at the label's edge: nothing there to read the character as part of.
        before = scripts[n - 1] if n else None
        after = scripts[n + 1] if n + 1 < len(label) else None
        if (
            (char in _SLASH_LIKE and before is not None and before not in _CJK)
            or (char in _KANA_MARKS and before not in ("HIRAGANA", "KATAKANA"))
            or (
                char in _STROKE_LIKE
                and any(s is not None and s not in _CJK for s in (before, after))
            )
            or (char == "\u30fb" and "LATIN" in (before, after))
        ):
            return True
    return False


def _whole_script_lookalike(label: str, script: str, tld: str) -> bool:
    """`label` is made only of `script`'s letters that look Latin (and digits and hyphens), under
    a top-level domain not of that script's countries."""
    if script not in _LATIN_LOOKALIKES:
        return False
    letters, tlds = _LATIN_LOOKALIKES[script]
    if tld in tlds or any(_script(char) == script for char in tld):
        return False
    return all(char in letters or char.isascii() for char in label)


@lru_cache(maxsize=4096)
def _script(char: str) -> str:
    """The script `char` is written in, from its Unicode name ("CYRILLIC", "HAN"); "" for an
    ASCII digit or hyphen and a combining mark, which belong to any script."""
    if char.isascii() and not char.isalpha():
        return ""
    if unicodedata.category(char).startswith("M"):
        return ""
    name = unicodedata.name(char, "UNKNOWN")
    first = name.removeprefix("EXTENDED ").split(" ", 1)[0].split("-", 1)[0]
    # "ー" (KATAKANA-HIRAGANA PROLONGED SOUND MARK) is Katakana here, as Japanese as Hiragana.
    return "HAN" if first in ("CJK", "IDEOGRAPHIC") else first
