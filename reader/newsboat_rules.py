"""newsboat's killfile (`ignore-article` lines of its config) written as the reader's own
`[[ignore]]` tables, for the user to add to config.toml (`reader config --from-newsboat`).

The reader never writes into the user's config (its comments stay as written), so the tables are
printed, each under the newsboat line it comes from, and a line that says nothing the reader's
rules can say (an item's age, its flags, a feed chosen by a pattern) is printed as a comment
saying why. What a rule can say is a conjunction of patterns on title, author, link and text:
newsboat's `and` is a rule, its `or` several rules, `!~` and `!=` a pattern that fails where the
value is found, and two tests of one field one pattern of lookaheads. Each table is read back
with the reader's own rule check before it is printed, so what is printed is what the config
will take.
"""

from __future__ import annotations

import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field

from .ignore_rules import ignore_rules
from .safe import safe_line

_FIELDS = {"title": "title", "author": "author", "link": "link", "content": "text"}
"""newsboat's item attributes a rule's field stands for (its `content` is the item's text)."""

_FEED_ATTRIBUTES = ("rssurl", "feedtitle")
_MOST_RULES = 16
"""Rules one line may become: newsboat's `(a or b) and (c or d) …` multiplies out, and a line
that would make more is better rewritten by hand than pasted as dozens of tables."""

_MOST_NESTED = 50
"""Parentheses within parentheses a filter may have: past a few hundred the parser's
recursion ended the command in a traceback."""

_WHY_NOT = {
    "age": "an item's age: [feeds] drop_read_after drops read items by age",
    "date": "an item's date: [feeds] drop_read_after drops read items by age",
    "unread": "read or unread: L shows the unread alone",
    "flags": "newsboat's flags, which the reader has not",
    "tags": 'a feed\'s tags: write feed = "#tag" in the table',
    "description": "a feed's description",
}


class NotConverted(Exception):
    """Why a newsboat line has no `[[ignore]]` form."""


@dataclass
class Converted:
    """One `ignore-article` line of newsboat's config, as tables or as the reason it has none."""

    line_number: int
    line: str
    tables: list[dict[str, str]] = field(default_factory=list)
    why_not: str = ""
    """Why it has no tables; beside tables, why a branch of its `or` has none."""


def killfile(text: str) -> Iterator[Converted]:
    """Each `ignore-article` line of a newsboat config's `text`, converted."""
    for number, line in logical_lines(text):
        try:
            words = config_words(line)
        except NotConverted as why:
            if line.lstrip().startswith("ignore-article"):
                yield Converted(number, line, why_not=str(why))
            continue
        if not words or words[0] != "ignore-article":
            continue
        converted = Converted(number, line)
        try:
            if len(words) != 3:
                raise NotConverted('it takes a feed ("*" for every feed) and one filter')
            converted.tables, converted.why_not = _tables(words[1], words[2])
        except NotConverted as why:
            converted.why_not = str(why)
        yield converted


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """The config's lines with their numbers, one ending in a backslash joined to the next, as
    newsboat joins them (a long killfile line is written over several)."""
    held: list[str] = []
    first = 0
    for number, line in enumerate(text.splitlines(), 1):
        if not held:
            first = number
        if line.endswith("\\"):
            held.append(line[:-1])
            continue
        yield first, " ".join(part.strip() for part in (*held, line)) if held else line
        held = []
    if held:
        yield first, " ".join(part.strip() for part in held)


def config_words(line: str) -> list[str]:
    """A config line's words, as newsboat splits them: spaces part them, "quotes" hold spaces
    (\\" and \\\\ inside are a quote and a backslash), # outside quotes starts a comment."""
    words: list[str] = []
    i, n = 0, len(line)
    while i < n:
        c = line[i]
        if c.isspace():
            i += 1
        elif c == "#":
            break
        elif c == "`":
            raise NotConverted("it runs a command (`…`), which the reader never does")
        elif c == '"':
            word, i = [], i + 1
            while i < n and line[i] != '"':
                if line[i] == "\\" and i + 1 < n and line[i + 1] in '"\\':
                    i += 1
                word.append(line[i])
                i += 1
            if i >= n:
                raise NotConverted("a quote is not closed")
            words.append("".join(word))
            i += 1
        else:
            start = i
            while i < n and not line[i].isspace():
                i += 1
            words.append(line[start:i])
    return words


@dataclass(frozen=True)
class _Test:
    attribute: str
    operator: str
    value: str


_TOKEN = re.compile(
    r'\s*(?:(?P<string>"(?:\\.|[^"\\])*")|(?P<op>=~|!~|==|!=|!#|<=|>=|=|#|<|>|between(?=\s))'
    r"|(?P<paren>[()])|(?P<word>[^\s()\"=!#<>]+))"
)


def _filter_tokens(text: str) -> list[tuple[str, str]]:
    tokens, i = [], 0
    while i < len(text):
        if text[i:].strip() == "":
            break
        m = _TOKEN.match(text, i)
        if not m:
            raise NotConverted(f"its filter is not newsboat's: {safe_line(text[i:], 40)!r}")
        kind = m.lastgroup or ""
        value = m[kind]
        if kind == "string":  # newsboat's \" is a quote; other backslashes belong to the pattern
            value = value[1:-1].replace('\\"', '"')
        tokens.append((kind, value))
        i = m.end()
    return tokens


class _Parser:
    """newsboat's filter language, each expression as rules: a list of conjunctions of tests
    (`or` joins lists, `and` multiplies them out)."""

    def __init__(self, text: str) -> None:
        self.tokens = _filter_tokens(text)
        self.at = 0
        self.depth = 0  # parentheses open: each takes three of Python's frames

    def parse(self) -> list[list[_Test]]:
        rules = self._any()
        if self.at != len(self.tokens):
            raise NotConverted(
                f"its filter has {safe_line(self.tokens[self.at][1], 40)!r} where it should end"
            )
        return rules

    def _peek(self) -> tuple[str, str]:
        return self.tokens[self.at] if self.at < len(self.tokens) else ("", "")

    def _any(self) -> list[list[_Test]]:
        rules = self._all()
        while self._peek() == ("word", "or"):
            self.at += 1
            rules = rules + self._all()
            if len(rules) > _MOST_RULES:
                raise NotConverted(f"it would be more than {_MOST_RULES} rules")
        return rules

    def _all(self) -> list[list[_Test]]:
        rules = self._one()
        while self._peek() == ("word", "and"):
            self.at += 1
            more = self._one()
            if len(rules) * len(more) > _MOST_RULES:
                raise NotConverted(f"it would be more than {_MOST_RULES} rules")
            rules = [a + b for a in rules for b in more]
        return rules

    def _one(self) -> list[list[_Test]]:
        kind, value = self._peek()
        if kind == "paren" and value == "(":
            if self.depth >= _MOST_NESTED:
                raise NotConverted(f"its parentheses nested more than {_MOST_NESTED} deep")
            self.at += 1
            self.depth += 1
            rules = self._any()
            self.depth -= 1
            if self._peek() != ("paren", ")"):
                raise NotConverted("a parenthesis in its filter is not closed")
            self.at += 1
            return rules
        if kind != "word" or self.at + 3 > len(self.tokens):
            raise NotConverted("its filter is not newsboat's (attribute, operator, value)")
        (_, attribute), (op_kind, operator), (value_kind, found) = self.tokens[
            self.at : self.at + 3
        ]
        if op_kind != "op" or value_kind not in ("string", "word"):
            raise NotConverted(f"its filter is not newsboat's at {safe_line(attribute, 40)!r}")
        self.at += 3
        return [[_Test(attribute, operator, found)]]


def _tables(feed: str, filter_text: str) -> tuple[list[dict[str, str]], str]:
    """The rules a filter makes, and why those of its `or`'s branches that make none don't:
    leaving a branch out leaves fewer items out, never more, so the others still serve."""
    tables, why_not = [], []
    for tests in _Parser(filter_text).parse():
        try:
            tables.append(_table(feed, tests))
        except NotConverted as why:
            why_not.append(str(why))
    if not tables:
        raise NotConverted(why_not[0])
    return tables, "; ".join(dict.fromkeys(why_not))


def _table(feed: str, tests: list[_Test]) -> dict[str, str]:
    table: dict[str, str] = {}
    if feed != "*":
        table["feed"] = feed
    by_field: dict[str, list[_Test]] = {}
    for test in tests:
        if test.attribute in _FEED_ATTRIBUTES:
            _feed_test(table, test)
        elif test.attribute in _FIELDS:
            by_field.setdefault(_FIELDS[test.attribute], []).append(test)
        else:
            why = _WHY_NOT.get(test.attribute, f"{test.attribute}, which a rule can't test")
            raise NotConverted(f"it tests {why}")
    if not by_field:
        raise NotConverted("it tests no headline, author, link or text, which a rule must")
    for name, field_tests in by_field.items():
        table[name] = _pattern(field_tests)
    _check(table)
    return table


def _feed_test(table: dict[str, str], test: _Test) -> None:
    """`rssurl = "…"` or `feedtitle = "…"` names the feed, as the line's first word does."""
    if test.operator not in ("=", "==") or "feed" in table:
        raise NotConverted(
            f"it picks feeds by {test.attribute} {test.operator}: a rule names one feed, or"
            ' "#tag" for several'
        )
    table["feed"] = test.value


def _pattern(tests: list[_Test]) -> str:
    """One regular expression doing the work of every test of one field."""
    parts = [_one_pattern(test) for test in tests]
    if len(parts) == 1 and tests[0].operator in ("=~", "#"):
        return parts[0][1]
    if len(parts) == 1 and tests[0].operator in ("=", "=="):
        return f"^{parts[0][1]}$"
    # Lookaheads from the start: each test is tried on the whole value, in any order.
    looks = []
    for test, (positive, pattern) in zip(tests, parts, strict=True):
        anywhere = test.operator in ("=~", "!~", "#", "!#")
        body = f"[\\s\\S]*?(?:{pattern})" if anywhere else f"(?:{pattern})$"
        looks.append(f"(?={body})" if positive else f"(?!{body})")
    return "^" + "".join(looks)


def _one_pattern(test: _Test) -> tuple[bool, str]:
    """(whether the value must be found, its pattern) for one test."""
    if test.operator in ("=~", "!~"):
        return test.operator == "=~", _python_regex(test.value)
    # re.escape's "\ " and "\#" are for verbose expressions: a rule is read plainly.
    escaped = re.escape(test.value).replace("\\ ", " ").replace("\\#", "#")
    if test.operator in ("=", "==", "!="):
        return test.operator != "!=", escaped
    if test.operator in ("#", "!#"):  # one of the field's words, told apart by spaces
        return test.operator == "#", f"(?<!\\S){escaped}(?!\\S)"
    raise NotConverted(
        f"{test.attribute} {test.operator} …: a rule matches words, not numbers or lists"
    )


_POSIX_CLASSES = {
    "[:alpha:]": "^\\W\\d_",
    "[:digit:]": "0-9",
    "[:alnum:]": "^\\W_",
    "[:upper:]": "A-Z",
    "[:lower:]": "a-z",
    "[:space:]": "\\s",
    "[:punct:]": "!-/:-@\\[-`{-~",
    "[:xdigit:]": "0-9A-Fa-f",
    "[:blank:]": " \\t",
}


def _python_regex(pattern: str) -> str:
    """newsboat's POSIX extended expression as Python's: its character classes spelt out."""
    for posix, python in _POSIX_CLASSES.items():
        if posix not in pattern:
            continue
        if python.startswith("^"):  # a negated set: only right when it is the bracket's all
            if f"[{posix}]" not in pattern:
                raise NotConverted(f"its expression mixes {posix} with other letters")
            pattern = pattern.replace(f"[{posix}]", f"[{python}]")
        else:
            pattern = pattern.replace(posix, python)
    return pattern


def _check(table: dict[str, str]) -> None:
    """The table as the reader's config will read it: a pattern it refuses (not Python's, or
    one that backtracks) is said here, not at the next sync."""
    try:
        ignore_rules([tomllib.loads(toml_table(table))["ignore"][0]])
    except ValueError as error:
        raise NotConverted(str(error).split(": ", 1)[-1]) from None


def toml_table(table: dict[str, str]) -> str:
    """The `[[ignore]]` table as TOML: a literal string where it can be (a pattern's
    backslashes stay as written), else a basic one with its escapes."""
    lines = ["[[ignore]]"]
    for key, value in table.items():
        lines.append(f"{key} = {_toml_string(value)}")
    return "\n".join(lines) + "\n"


def _toml_string(value: str) -> str:
    if "'" not in value and value.isprintable():
        return f"'{value}'"
    # JSON's escapes are TOML's, but for DEL, which TOML wants escaped too.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
