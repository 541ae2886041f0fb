"""Sort keys for names and titles in a list a reader scans by eye (a reference list, the feed
list by title): case and accents aside, and the Cyrillic alphabets' letters in their alphabet's
place, with no ICU to ask.

Code point order puts Ukrainian's "ґ", "є", "і", "ї" after "я" (and their capitals before "А"),
and Serbian's "ђ", "ј", "љ", "њ", "ћ", "џ" there too; and stripping accents as Latin needs makes
"й" an "и" and "ї" an "і", letters of their own in every alphabet that writes them. One order
holds all of Russian's, Ukrainian's, Belarusian's, Bulgarian's, Serbian's and Macedonian's: no
two of them order the same pair of letters differently (acc38a J8)."""

from __future__ import annotations

import unicodedata

_CYRILLIC_ORDER = "абвгґдђѓеёєжзѕиіїйјклљмнњопрстћќуўфхцчџшщъыьэюя"
# Each letter to a character of the capitals' block, in the order above: a key holds no capital
# (it is case folded), and those 48 code points sort after Latin and Greek as Cyrillic does.
_PLACE = {letter: chr(0x0400 + at) for at, letter in enumerate(_CYRILLIC_ORDER)}


def sort_key(text: str) -> str:
    """`text` as a sort key: case folded, each accent dropped ("Élodie" with "Elodie") but
    where it makes a letter of a Cyrillic alphabet ("й", "ї", "ў"), and those letters in their
    alphabet's order ("Ґудзь" before "Дніпро", "Івано-Франківськ" before "Йошкар")."""
    key: list[str] = []
    for char in unicodedata.normalize("NFC", text.casefold()):
        if place := _PLACE.get(char):
            key.append(place)
        else:
            key.extend(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
    return "".join(key)
