"""A rule of the caller's each hop of a fetch passes, besides the address classes
(`address_class`): set for the requests made under it, read by `fetch` at every redirect.
Stdlib only: the library sets it without importing the network."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar

HOP_RULE: ContextVar[Callable[[str, bool], str] | None] = ContextVar(
    "reader_hop_rule", default=None
)
"""Why a hop's address (a redirect's target: True) is not asked ("" when it is). An onion service's article's pictures stay
on onion services, a redirect's target too (`pictures.off_the_onion`)."""
