"""The shapes of the phrases a pattern finds, read from the pattern itself: for testing that a
plain-substring test run before a costly pattern (`says_wall`'s words, `may_disclose`) says no
to nothing the pattern finds."""

from __future__ import annotations

import re
from functools import cache
from re import _constants as c  # the parser's opcodes: the pattern's own structure
from re import _parser


def phrase_shapes(pattern: str) -> list[str]:
    """Every string `pattern` matches with each repeat taken once (an optional one left out
    too), each class by each of its letters (a range, a category by one), boundaries and
    look-arounds by nothing: all the shapes of its fixed words."""
    return _shapes(list(_parser.parse(pattern)))


def _shapes(items: list[tuple[object, object]]) -> list[str]:
    found = [""]
    for op, arg in items:
        options: list[str]
        if op is c.LITERAL:
            options = [chr(arg)]  # type: ignore[call-overload]
        elif op is c.IN:
            options = []
            for kind, member in arg:  # type: ignore[attr-defined]
                if kind is c.NEGATE:
                    options = ["w"]
                    break
                if kind is c.LITERAL:
                    options.append(chr(member))
                elif kind is c.RANGE:
                    options.append(chr(member[0]))
                elif kind is c.CATEGORY:
                    options.append({c.CATEGORY_DIGIT: "1", c.CATEGORY_SPACE: " "}.get(member, "w"))
        elif op is c.BRANCH:
            options = [s for branch in arg[1] for s in _shapes(list(branch))]  # type: ignore[index]
        elif op is c.SUBPATTERN:
            options = _shapes(list(arg[3]))  # type: ignore[index]
        elif op in (c.MAX_REPEAT, c.MIN_REPEAT):
            low, _, sub = arg  # type: ignore[misc]
            once = _shapes(list(sub))
            options = [s * max(low, 1) for s in once] + ([""] if low == 0 else [])
        else:  # a boundary or a look-around: no characters of its own
            options = [""]
        found = [f + o for f in found for o in options]
    return found


@cache
def _every_character() -> str:
    return "".join(chr(n) for n in range(0x110000) if not 0xD800 <= n < 0xE000)


@cache
def letters_taken_for(letter: str) -> list[str]:
    """Every character a case-blind pattern takes for `letter`."""
    return re.findall(re.escape(letter), _every_character(), re.IGNORECASE)
