"""What a terminal that orders letters itself shows of a line: the system's libfribidi (the
library GNOME Terminal's VTE runs its bidi with) through ctypes, the line taken as one
paragraph, as VTE takes a row. `.ci/run` installs it (Debian's `libfribidi0`)."""

from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache

from reader.bidi_isolates import without_isolates

LEFT_TO_RIGHT = 0x00000110
"""FRIBIDI_PAR_LTR: VTE's default, its "implicit" mode with a left-to-right base."""
ANY_WAY = 0x00000040
"""FRIBIDI_PAR_ON: the base told by the line's first strong letter (mlterm, VTE's autodetect)."""


@cache
def _fribidi() -> ctypes.CDLL:
    name = ctypes.util.find_library("fribidi") or "libfribidi.so.0"
    return ctypes.CDLL(name)


def shown(line: str, base: int = LEFT_TO_RIGHT) -> str:
    """`line` in the order a terminal with bidi draws its characters, left to right, each as
    written (no Arabic shaping, no mirrored brackets), without the isolates, which take no
    cell: the string's index is the cell."""
    length = len(line)
    if not length:
        return line
    logical = (ctypes.c_uint32 * length)(*map(ord, line))
    visual = (ctypes.c_uint32 * length)()
    to_logical = (ctypes.c_int * length)()
    direction = ctypes.c_uint32(base)
    level = _fribidi().fribidi_log2vis(
        logical, length, ctypes.byref(direction), visual, None, to_logical, None
    )
    assert level, "libfribidi failed"
    return without_isolates("".join(line[to_logical[at]] for at in range(length)))
