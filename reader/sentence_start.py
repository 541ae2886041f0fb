"""A line of the commands' ("subscribed: …", "cannot find the host …") as a sentence starts on
the reader's status line: its first letter upper-cased, but not an address's (acc44a A5:
"Http://127.0.0.1:18101/ news answered: …"), which is shown as it was typed."""

from __future__ import annotations

import re

_ADDRESS_FIRST = re.compile(r"[a-z][a-z0-9+.-]*:/|www\.|[^\s:]*\.[a-z]{2,}/", re.IGNORECASE)


def sentence(line: str) -> str:
    """`line` with its first letter upper-cased, unless it starts with an address."""
    if _ADDRESS_FIRST.match(line):
        return line
    return line[:1].upper() + line[1:]
