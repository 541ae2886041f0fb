"""A term of a search query written as one of its operators but naming none: `is:foo`, a
state the search doesn't know, or `tga:strikes`, `notes:subpoena`, an operator's name mistyped.
Searched as a word, it found nothing and said only that nothing held it (search46); the search
says instead, in one line, what it takes.

A word with a colon that looks like none of ours is still a word to find: a time ("10:30"), an
address ("https://…"), a name ("Re:Invent"). In double quotes any term is words to find:
`"is:foo"` looks for "is" then "foo", as the text writes them.
"""

from __future__ import annotations

from .name_slips import slips_apart

_OPERATORS = ("tag", "by", "title", "note", "is", "category")
"""The operators' names (`search_query`: `TAG_FIELD`, `FIELDS`, `STATE_FIELD`, `CATEGORY_FIELD`), in the order the
message names them."""
_SAID_OTHERWISE = {
    "author": "by",
    "byline": "by",
    "state": "is",
    "tagged": "tag",
    "notes": "note",
    "categories": "category",
}
"""Names other search tools give an operator of ours (a mail client's `author:`), taken as that
one mistyped."""
_NEAR = 3
"""A name this long or longer one letter off an operator's is taken for it mistyped (`tga`,
`titel`, `nte`); a shorter one ("re" of "Re:Invent", "at") is no slip of `by` or `is`."""


def state_slip(typed: str, state: str, states: tuple[str, ...]) -> str:
    """What `typed` (`is:` and the state it names, `state`, not one of `states`) is told."""
    named = f"{typed}: not a known state" if state else f"{typed} names no state"
    return f"{named}; is: takes {', '.join(states)}{_quoted(typed)}"


def operator_slip(term: str) -> str:
    """What `term`, typed as an operator of a name not ours but near one (`tga:strikes`), is
    told; "" for a term that is no such slip (a word, a time, an address, an operator)."""
    name, colon, _ = term.partition(":")
    folded = name.casefold()
    if not colon or not name.isascii() or not name.isalpha() or folded in _OPERATORS:
        return ""
    meant = _SAID_OTHERWISE.get(folded) or next(
        (known for known in _OPERATORS if len(folded) >= _NEAR and slips_apart(folded, known) == 1),
        "",
    )
    if not meant:
        return ""
    known = ", ".join(f"{operator}:" for operator in _OPERATORS)
    return (
        f"{name}: is no operator (did you mean {meant}:? the search takes {known}){_quoted(term)}"
    )


def either_slip(first: str, second: str, first_kind: str, second_kind: str) -> str:
    """What an `OR` between two terms of different kinds (a state and a word: `is:saved OR
    ferry`) is told: the search ORs only two of a kind; read as AND, it found what is both."""
    return (
        f"{first} OR {second}: OR joins two words, two tags, two states or two categories,"
        f" not a {first_kind} and a {second_kind}; without OR, {first} {second} finds what is both"
    )


def _quoted(term: str) -> str:
    return f'; "{term}" in double quotes looks for its words'
