"""How many slips of typing apart a name typed is from one the reader knows: a letter added,
left out or changed, or two side by side swapped, each one slip. What tells a name mistyped
(`tga:` for `tag:`, `next_unred` for `next_unread`) from one the reader does not have."""

from __future__ import annotations


def slips_apart(typed: str, known: str) -> int:
    """The fewest slips that make `known` of `typed` (0: the same)."""
    # Each row: the slips between a start of `typed` and each start of `known`.
    before: list[int] = []
    row = list(range(len(known) + 1))
    for i, letter in enumerate(typed, 1):
        above, before, row = before, row, [i]
        for j, other in enumerate(known, 1):
            row.append(min(before[j] + 1, row[j - 1] + 1, before[j - 1] + (letter != other)))
            if i > 1 and j > 1 and letter == known[j - 2] and typed[i - 2] == other:
                row[j] = min(row[j], above[j - 2] + 1)  # two swapped
    return row[-1]
