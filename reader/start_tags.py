"""Start tags of more attributes than any page or feed means: cut to their first ones before
a parser reads them. feedparser looks each attribute up by scanning them all, and libxml2's
HTML parser checks each against the others: one element of 80,000 attributes (a 1 MB page)
took 40 s of CPU to parse, one of 200,000 in a 3 MB feed minutes (acc28a H6)."""

from __future__ import annotations

import re

# A start tag long enough to hold hundreds of attributes (no real one does: a few, each
# short), and one attribute of it, quoted, bare or without a value, as HTML writes them.
# Possessive, and attributes after a space: with the name and the attributes both taking
# letters, "<a" and 60,000 letters with no ">" tried every split of them, quadratic (a 60 KB feed
# took 17 s to add, acc29c S6). An attribute starts a run of spaces only: tried from each space
# of a long run, each tried the rest of it.
_LONG_START_TAG = re.compile(r"<([A-Za-z_][\w:.-]*+)(\s[^<>]{4000,}+)>")
_ATTRIBUTE = re.compile(
    r"""(?<!\s)\s++[^\s=<>"'/]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'=<>`]++))?"""
)
MAX_ATTRIBUTES = 64
"""Attributes of one element read."""


def _fewer_attributes(match: re.Match[str]) -> str:
    attributes = _ATTRIBUTE.findall(match[2])
    if len(attributes) <= MAX_ATTRIBUTES:
        return match[0]
    end = "/>" if match[2].rstrip().endswith("/") else ">"
    return f"<{match[1]}{''.join(attributes[:MAX_ATTRIBUTES])}{end}"


def with_fewer_attributes(text: str) -> str:
    """`text` with each element past `MAX_ATTRIBUTES` attributes cut to its first ones: a
    linear pass over the start tags long enough to hold that many."""
    return _LONG_START_TAG.sub(_fewer_attributes, text)
