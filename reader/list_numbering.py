"""How an ordered list's items are numbered as the page shows them: 1. 2. 3., a. b. c.,
A. B. C., i. ii. iii. or I. II. III. (`<ol type>`, or CSS `list-style-type` written on the
list or an item).

Stdlib only: the models use it.
"""

from __future__ import annotations

import re

NUMBERINGS = ("a", "A", "i", "I")
"""The kinds of numbering besides digits, by the letter HTML's `type` names each with (""
is digits); their place in this tuple, from 1, is how the cache writes them."""

_STYLE_NUMBERING = {
    "lower-alpha": "a",
    "lower-latin": "a",
    "upper-alpha": "A",
    "upper-latin": "A",
    "lower-roman": "i",
    "upper-roman": "I",
    "decimal": "",
}
_LIST_STYLE = re.compile(r"list-style(?:-type)?\s*:\s*([^;]*)", re.IGNORECASE)

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def numbering_of(type_: str | None, style: str | None, inherited: str = "") -> str:
    """The numbering an `<ol>` or `<li>` asks for: its inline style's `list-style-type` (which
    outranks the attribute, as in a browser), else its `type`, else `inherited` (the list's,
    for an item). A type or style that names none of the kinds keeps `inherited`."""
    for match in _LIST_STYLE.finditer(style or ""):
        for word in match.group(1).lower().split():
            if word in _STYLE_NUMBERING:
                return _STYLE_NUMBERING[word]
    type_ = (type_ or "").strip()
    if type_ == "1":
        return ""
    # HTML's `type` is the one attribute whose case matters: "a" letters, "A" capitals.
    return type_ if type_ in NUMBERINGS else inherited


def item_number(ordinal: int, numbering: str) -> str:
    """Item `ordinal`'s number as the page shows it, without its full stop: "3", "c", "C",
    "iii", "III". Letters go on past z as a browser's do (aa, ab…); a number no letter or
    Roman numeral writes (below 1, Roman past 3999) is written in digits, as a browser
    does."""
    if numbering in ("a", "A") and ordinal >= 1:
        letters = ""
        n = ordinal
        while n:
            n, rest = divmod(n - 1, 26)
            letters = chr(ord("a") + rest) + letters
        return letters if numbering == "a" else letters.upper()
    if numbering in ("i", "I") and 1 <= ordinal <= 3999:
        roman = ""
        n = ordinal
        for value, numeral in _ROMAN:
            count, n = divmod(n, value)
            roman += numeral * count
        return roman if numbering == "i" else roman.upper()
    return str(ordinal)
