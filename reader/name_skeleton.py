"""Names that read alike: a feed's or a tag's name folded to what the eye sees (a "skeleton",
after Unicode TR39's), so that two that look the same on screen compare equal.

A feed may call itself "Reu\u200bters" (a zero-width space), "Rеuters" (a Cyrillic е) or rename
itself "Reuters" after it was subscribed under another title: beside the real one, the feed
list read "Reuters / Reuters / Rеuters / Reuters" (acc52a A3). TR39's whole table is 6,000
lines for every script's look-alikes; the names a reader sees side by side are mostly Latin, so
this folds what passes for Latin letters: Cyrillic's and Greek's look-alike letters, letters
drawn otherwise by NFKC (full-width, mathematical), invisible characters and combining marks
left out, "rn" as "m", "1", "I" and "|" as "l", "0" as "o", case aside. Erring towards "alike"
costs a host shown beside a name; towards "apart", an impostor passing.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache

_LATIN_LOOKALIKES = str.maketrans(
    # Cyrillic, lower and upper case, as they are drawn in most fonts.
    "аАвВсСеЕһҺіІјЈкКмМнНоОрРѕЅтТуУхХԁԛԜԝѡӏӀЬь"
    # Greek.
    "αΑβΒεΕηΗιΙκΚμΜνΝοΟρΡτΤυΥχΧζΖ"
    # Digits and strokes that pass for letters (`I` before case is folded: "l" and "I" alike).
    "01I|",
    "aAbBcCeEhHiIjJkKmMhHoOpPsStTyYxXdqWwwllbbaAbBeEnHiIkKuMvNoOpPtTuYxXzZolll",
)


@lru_cache(maxsize=4096)
def skeleton(name: str) -> str:
    """`name` as it reads: two names with one skeleton look the same, or nearly."""
    drawn = unicodedata.normalize("NFKD", name)
    seen = "".join(c for c in drawn if unicodedata.category(c) not in ("Cf", "Mn", "Me", "Cc"))
    letters = seen.translate(_LATIN_LOOKALIKES).casefold().replace("rn", "m")
    return " ".join(letters.split())


def alike(names: Mapping[str, str]) -> set[str]:
    """Of `names` (a key → a name: each feed's address and the name the list shows it by),
    the keys of those whose names read like another's (`skeleton`)."""
    skeletons = {key: skeleton(name) for key, name in names.items() if name}
    counts = Counter(skeletons.values())
    return {key for key, shape in skeletons.items() if counts[shape] > 1}


def alike_words(names: Iterable[str], what: str = "tags") -> str:
    """The groups of `names` that read alike (`skeleton`) but are not one name (case and
    spaces aside: "News" is the tag "news"), in a few words ("tags that read alike but are not
    one: news / nеws (a letter of another script, or an invisible one)"); "" for none. An
    import filing feeds under "news" and "nеws" (a Cyrillic е) made two tags no one could tell
    apart (acc52a A7)."""
    from .feed_names import folded
    from .safe import safe_line

    groups: dict[str, dict[str, str]] = {}
    for name in names:
        groups.setdefault(skeleton(name), {}).setdefault(folded(name), name)
    alike = [list(group.values()) for group in groups.values() if len(group) > 1]
    if not alike:
        return ""
    shown = "; ".join(" / ".join(safe_line(name, 30) for name in group) for group in alike[:4])
    more = f" and {len(alike) - 4} more" if len(alike) > 4 else ""
    return (
        f"{what} that read alike but are not one: {shown}{more} (a letter of another script,"
        " or an invisible one)"
    )
