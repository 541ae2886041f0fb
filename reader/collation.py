"""Sort keys for names and titles in a list a reader scans by eye (a reference list, the feed
list by title): case and accents aside, and the Cyrillic alphabets' letters in their alphabet's
place, with no ICU to ask.

Code point order puts Ukrainian's "ґ", "є", "і", "ї" after "я" (and their capitals before "А"),
and Serbian's "ђ", "ј", "љ", "њ", "ћ", "џ" there too; and stripping accents as Latin needs makes
"й" an "и" and "ї" an "і", letters of their own in every alphabet that writes them. One order
holds all of Russian's, Ukrainian's, Belarusian's, Bulgarian's, Serbian's and Macedonian's: no
two of them order the same pair of letters differently (acc38a J8).

The Arabic script likewise: code point order puts Persian's own letters (پ چ ژ گ) after every
Arabic one, "پیام" after "همشهری"; here each is in its alphabet's place, Persian's ی and ک as
Arabic's ي and ك, the letters with a hamza or madda with their bare ones, and Persian's و before
ه in a name with a Persian letter (Arabic's ه و otherwise). Thai and Lao by the consonant, a
vowel written before it (เ แ โ ใ ไ) read after it, as their dictionaries (and ICU) order them
(acc41c C6)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_CYRILLIC_ORDER = "абвгґдђѓеёєжзѕиіїйјклљмнњопрстћќуўфхцчџшщъыьэюя"
# Each letter to a character of the capitals' block, in the order above: a key holds no capital
# (it is case folded), and those 48 code points sort after Latin and Greek as Cyrillic does.
_PLACE = {letter: chr(0x0400 + at) for at, letter in enumerate(_CYRILLIC_ORDER)}


_PERSIAN_ORDER = "ءابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
_ARABIC_ORDER = _PERSIAN_ORDER.replace("وه", "هو")
# The letters written otherwise by Arabic and Persian (and Egyptian spelling, Kurdish's ە): one.
_ARABIC_ALIKE = {"ك": "ک", "ي": "ی", "ى": "ی", "ة": "ه", "ە": "ه", "ۀ": "ه", "ؤ": "و", "ئ": "ی"}
_PERSIAN = re.compile("[پچژگکیۀ]")
"""Letters Persian writes and Arabic doesn't."""


def _arabic_places(order: str) -> dict[str, str]:
    """Each letter of the Arabic script → a character in `order`'s place: code points from the
    hamza's on, which the letters it holds take, so the script still sorts after Hebrew."""
    places = {letter: chr(0x0621 + at) for at, letter in enumerate(order)}
    return places | {letter: places[alike] for letter, alike in _ARABIC_ALIKE.items()}


_IN_PERSIAN = _arabic_places(_PERSIAN_ORDER)
_IN_ARABIC = _arabic_places(_ARABIC_ORDER)
_TATWEEL = "\u0640"
"""The Arabic stroke that only stretches a word: no letter."""
_VOWEL_FIRST = re.compile("([\u0e40-\u0e44\u0ec0-\u0ec4])([\u0e01-\u0e2e\u0e81-\u0eae])")
"""A Thai or Lao vowel written before the consonant it follows when read."""


def persian(text: str) -> bool:
    """`text` has a letter Persian writes and Arabic doesn't: it is ordered by Persian's
    alphabet (`sort_key`)."""
    return _PERSIAN.search(text) is not None


def sort_key(text: str, in_persian: bool | None = None) -> str:
    """`text` as a sort key: case folded, each accent dropped ("Élodie" with "Elodie") but
    where it makes a letter of a Cyrillic alphabet ("й", "ї", "ў"), and those letters in their
    alphabet's order ("Ґудзь" before "Дніпро", "Івано-Франківськ" before "Йошкар"); the Arabic
    script's letters in Persian's order when `in_persian` (by default, when `text` has a
    Persian letter: `persian`), else Arabic's; Thai's by the consonant ("เดลินิวส์" before
    "ไทยรัฐ", "มติชน" last)."""
    arabic = _IN_PERSIAN if (persian(text) if in_persian is None else in_persian) else _IN_ARABIC
    text = unicodedata.normalize("NFC", text.casefold())
    if _VOWEL_FIRST.search(text) is not None:
        text = _VOWEL_FIRST.sub(r"\2\1", text)
    key: list[str] = []
    for char in text:
        if place := _PLACE.get(char):
            key.append(place)
        else:
            for c in unicodedata.normalize("NFKD", char):
                if not unicodedata.combining(c) and c != _TATWEEL:
                    key.append(arabic.get(c, c))
    return "".join(key)


def title_key(name: str) -> str:
    """A name's sort key in a list ordered by name (the feed list by title, the tag rows): as
    names are compared (`feed_names.folded`: case and spaces aside, Persian's ی ک as Arabic's)
    and as words are (`fold`: quotes, widths, scripts' digits and letters written two ways),
    then `sort_key`, in Persian's order when the name as written has a Persian letter."""
    from .feed_names import folded  # here: `fold`'s tables are not in every command's start
    from .fold import fold

    return sort_key(fold(folded(name)), in_persian=persian(name))


def by_title(names: Iterable[str]) -> list[str]:
    """`names` sorted by `title_key`; names alike by it by their letters as written ("Елки"
    before "Ёлки", `sort_key`), then by code point."""
    return sorted(names, key=lambda name: (title_key(name), sort_key(name), name))
