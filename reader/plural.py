"""Counted nouns for messages: ``plural(1, "headline")`` is "1 headline", ``plural(3, "headline")``
"3 headlines"; and sizes: ``size_text(52_428_800)`` is "50.0 MB".

One helper, so no message says "1 headlines" and none grows its own ``'s' if n != 1`` test.
"""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural (`nouns`, else `noun` + "s") unless count is 1.

    `noun` may be a phrase whose last word takes the plural: ``plural(2, "new headline")``.
    """
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"


def size_text(n: float) -> str:
    """A number of bytes as a message gives it, in binary units as the config's sizes count."""
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GB"


def listed(words: list[str]) -> str:
    """Words as a sentence lists them: "a", "a and b", "a, b and c"."""
    return " and ".join(filter(None, (", ".join(words[:-1]), words[-1] if words else "")))
