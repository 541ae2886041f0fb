"""Nuxt 2's page state read as data: `window.__NUXT__=(function(a,b,…){return {…}}(1,"x",…))`.

Nuxt 2 writes the state its pages render as a function call (devalue's output): each value the
state holds more than once is a parameter, the call's arguments their values, and the body an
object literal naming them ("title:a", "author:{name:b}"). Nothing is run: when the body is
`return` and one object literal whose only words are its keys, `true`, `false`, `null`, `void 0`
and the parameters' names, and each argument is a JSON literal (a string, a number, `true`,
`false`, `null`, `void 0`), each parameter's name is replaced by its argument and its keys are
quoted, and the result is read as JSON. Any other script (statements before the `return`,
a value computed by a call, an object or an array as an argument, a member's `.`) is not read,
as before.
"""

from __future__ import annotations

import json
import re
from itertools import chain
from typing import Any

_HEAD = re.compile(r"\s*\(?\s*function\s*\(\s*(?P<params>[\w$]+(?:\s*,\s*[\w$]+)*)?\s*\)\s*\{\s*")
_RETURN = re.compile(r"return\s*(?=\{)")
_PARAMETER = re.compile(r"[A-Za-z_$][\w$]*")
# A JSON string (its escapes are JSON's, as devalue writes them), or a bracket.
_STRING = r'"(?:[^"\\]++|\\.)*+"'
_BRACKETS = re.compile(rf"{_STRING}|[{{}}\[\]]")
_CALL = re.compile(r"\s*\}\s*(?:\(\s*|\)\s*\(\s*)")
_ARGUMENTS_END = re.compile(rf"{_STRING}|\)")
_STRINGS = re.compile(f"({_STRING})")
# Between the strings: `void 0`, a key (a word after "{" or "," and before its colon), a word.
_VOID = re.compile(r"(?<![\w$])void\s+0(?![\w$.])")
_KEY = re.compile(r"([{,]\s*)([A-Za-z_$][\w$]*)(?=\s*:)")
_WORD = re.compile(r'(?<![\w$".])[A-Za-z_$][\w$]*(?![\w$"])')
_LITERAL_WORDS = frozenset({"true", "false", "null"})


class _NotData(Exception):
    """The script holds more than an object literal and its parameters' values."""


def nuxt_function_state(blob: str, most: int) -> Any:
    """The value Nuxt 2's `(function(a,…){return {…}}(…))` returns, read without running it; None
    when the script is not that shape (see the module's docstring), nested past the parser's
    depth, or longer than `most` characters once its parameters are written out (a long string
    named a thousand times would be a thousand copies)."""
    head = _HEAD.match(blob)
    if head is None:
        return None
    at = head.end()
    returned = _RETURN.match(blob, at)
    if returned is None:
        return None
    start = returned.end()
    end = _literal_end(blob, start)
    call = _CALL.match(blob, end) if end is not None else None
    if end is None or call is None:
        return None
    params = [p.strip() for p in (head["params"] or "").split(",") if p.strip()]
    if any(not _PARAMETER.fullmatch(p) or p in _LITERAL_WORDS for p in params):
        return None
    closing = next((m for m in _ARGUMENTS_END.finditer(blob, call.end()) if m[0] == ")"), None)
    if closing is None:
        return None
    try:
        arguments = json.loads(f"[{_as_json(blob[call.end() : closing.start()], {}, most)}]")
        if any(isinstance(a, (dict, list)) for a in arguments):
            return None
        values = {p: json.dumps(a) for p, a in zip(params, arguments, strict=False)}
        # A parameter the call gives no argument is undefined, read as null.
        values.update((p, "null") for p in params[len(arguments) :])
        return json.loads(_as_json(blob[start:end], values, most))
    except (_NotData, ValueError, RecursionError):
        return None


def _literal_end(blob: str, start: int) -> int | None:
    """Where the object literal opening at `start` ends (after its closing brace), strings
    skipped; None when it never closes."""
    depth = 0
    for token in _BRACKETS.finditer(blob, start):
        mark = token[0]
        if mark in "{[":
            depth += 1
        elif mark in "}]":
            depth -= 1
            if depth == 0:
                return token.end()
    return None


def _as_json(literal: str, values: dict[str, str], most: int) -> str:
    """`literal` as JSON: its keys quoted, `void 0` null, each parameter's name its value; a
    word that is none of these (a variable, a call, `new`), or values written out past `most`
    characters in all, raise `_NotData`. Its strings are set aside first, so that no word in
    one is read, and the rest is rewritten by the regular expressions' own loops: a state of
    3 MB has some 400,000 tokens."""
    pieces = _STRINGS.split(literal)
    strings = pieces[1::2]
    code = "\0".join(pieces[0::2])
    room = [most - len(literal)]

    def value(found: re.Match[str]) -> str:
        word = found[0]
        if word in _LITERAL_WORDS:
            return word
        if word not in values:
            raise _NotData(word)
        room[0] -= len(values[word])
        if room[0] < 0:
            raise _NotData("too long")
        return values[word]

    code = _WORD.sub(value, _KEY.sub(r'\1"\2"', _VOID.sub("null", code)))
    codes = code.split("\0")
    if len(codes) != len(strings) + 1:
        raise _NotData("a NUL between the strings")
    return "".join(chain.from_iterable(zip(codes, [*strings, ""], strict=True)))
