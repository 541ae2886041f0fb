"""Letters with no accent to take off (no Unicode decomposition) and the ASCII they are typed as:
one table for the search, which takes the ASCII for the letter (`fold`), and for an ASCII
terminal, which shows the letter so (`marks`): what the screen shows under `LANG=C` is what,
typed back, finds or names it ("Strasse" for "Straße", "Kiyi" for "Kıyı", acc51a A9)."""

from __future__ import annotations

STROKED = {
    **{"ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ħ": "h", "Ħ": "H"},
    # Turkish's dotless ı as i: a name typed on another keyboard ("Igdir" for "Iğdır", acc31b M5).
    "ı": "i",
}
"""Letters readers type without their stroke, one for one."""
JOINED = {"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"}
"""French's œ and æ (and Danish's æ), as the two letters typed for them ("oeuvre", acc31b M8;
Œ as "Oe", the capital of a word)."""
SHARP_S = {"ß": "ss", "ẞ": "SS"}
"""German's ß, written ss where it can't be (Swiss German always): the search's case folding
takes one for the other (`text_find`)."""
SPELT_IN_ASCII = {**STROKED, **JOINED, **SHARP_S}
"""Each of these letters → its ASCII spelling, as the search takes it."""
