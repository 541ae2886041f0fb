"""Where a sentence ends, for every rule that asks whether a line is a sentence or something else
(a byline, a label, a field's value, a credit): its stop, in the scripts read here (Latin's
".!?…", Chinese's and Japanese's "。！？", Hindi's "।", Arabic's "؟"), then any quote or
bracket closing it ('말했다."', "said.)", "[Alden: Et tu, Lexi?]", "「終わり。」").
"""

from __future__ import annotations

import re

STOPS = ".!?…。！？।؟"
CLOSERS = "\"'”’»)]」』"
_END = re.compile(f"[{re.escape(STOPS)}][{re.escape(CLOSERS)}]*$")
# After a stop and its closers, the spaces before the next sentence; Chinese and Japanese
# leave none after theirs.
_BETWEEN = re.compile(
    f"(?<=[{re.escape(STOPS)}])[{re.escape(CLOSERS)}]*\\s+|(?<=[。！？])(?=[^{re.escape(CLOSERS)}])"
)


def ends_sentence(text: str, also: str = "") -> bool:
    """`text` ends as a sentence does (trailing spaces aside); `also`: marks that end it too
    for the caller's question (a colon ends a line introducing what follows, never a
    dateline)."""
    text = text.rstrip()
    return _END.search(text) is not None or (bool(also) and text.endswith(tuple(also)))


def sentences(text: str) -> list[str]:
    """`text` cut into its sentences."""
    return _BETWEEN.split(text)
