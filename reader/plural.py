"""Counted nouns for messages: ``plural(1, "headline")`` is "1 headline", ``plural(3, "headline")``
"3 headlines".

One helper, so no message says "1 headlines" and none grows its own ``'s' if n != 1`` test.
"""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """`count` and `noun`, the noun in the plural (`nouns`, else `noun` + "s") unless count is 1.

    `noun` may be a phrase whose last word takes the plural: ``plural(2, "new headline")``.
    """
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
