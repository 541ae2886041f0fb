"""The items a sync leaves out (config.toml's `[[ignore]]`, newsboat's `ignore-article`): a
rule names the words of a headline, its author, its link or its text that the user never wants
listed, and which feeds it covers. An item it matches is not kept, listed nor downloaded; one
kept before the rule goes at its feed's next refresh, unless saved.

Each field is a regular expression searched anywhere in the item's field, case ignored (what
newsboat's `=~` does, with its case folded: "sponsored" is meant to catch "Sponsored"). Every
field a rule gives must match; a rule with no field is refused, as it would leave every item of
its feeds out.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .feed_names import folded
from .feed_tags import has_tag
from .models import Entry, Feed
from .urls import canonical_url

FIELDS = ("title", "author", "link", "text")
"""What a rule may match: an item's headline, its author(s), its link, and the text the feed
carries for it (its summary and its full text, as the feed gives them)."""

_MAX_PATTERN = 1000  # a pattern is a line a user writes: longer is a file pasted by mistake


@dataclass(frozen=True)
class IgnoreRule:
    """One `[[ignore]]` table."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (field, its expression)
    feed: str = ""
    """The feeds it covers: an address, a feed's name or title, or "#tag"; "" for every feed."""
    number: int = 0
    """Where it is in the config, counted from 1 down the file: how a message names it."""

    def covers(self, feed: Feed) -> bool:
        if not self.feed:
            return True
        if self.feed.startswith("#"):
            return has_tag(feed, self.feed[1:])
        if "/" in self.feed:
            return canonical_url(self.feed) == canonical_url(feed.url)
        wanted = folded(self.feed)
        return wanted in (folded(feed.name), folded(feed.title))

    @property
    def reads_text(self) -> bool:
        return any(name == "text" for name, _ in self.patterns)

    def matches(self, entry: Entry) -> bool:
        return all(pattern.search(_field(entry, name)) for name, pattern in self.patterns)


_TEXT_MOST = 20_000
"""Characters of an item's text a rule reads: a feed may carry a whole book in one item, and a
user's expression's time grows with what it reads."""


def _field(entry: Entry, name: str) -> str:
    if name == "text":
        return f"{entry.summary}\n{entry.content}"[:_TEXT_MOST]
    return str(getattr(entry, name))


def ignore_rules(value: Any) -> tuple[IgnoreRule, ...]:
    """The config's `[[ignore]]` tables as rules; ValueError naming the one at fault (its number
    counted from 1, as a user counts them down the file) and why."""
    if not isinstance(value, list) or not all(isinstance(rule, dict) for rule in value):
        raise ValueError('ignore: write each rule as a table, [[ignore]] then title = "…"')
    return tuple(_rule(number, table) for number, table in enumerate(value, 1))


def _rule(number: int, table: dict[str, Any]) -> IgnoreRule:
    where = f"ignore (rule {number})"
    for key in table:
        if key not in (*FIELDS, "feed"):
            raise ValueError(f"unknown setting {key} in {where}: a rule takes feed, {_named()}")
    feed = table.get("feed", "")
    if not isinstance(feed, str):
        raise ValueError(f'{where}: feed is an address, a name or "#tag", in quotes')
    patterns = []
    for name in FIELDS:
        if name not in table:
            continue
        text = table[name]
        if not isinstance(text, str) or not text or len(text) > _MAX_PATTERN:
            raise ValueError(f"{where}: {name} is a regular expression, in quotes")
        try:
            pattern = re.compile(text, re.IGNORECASE)
        except (re.error, OverflowError, RecursionError) as error:
            # Python's parser says "a{4294967296}" and groups nested 500 deep in its own
            # words, not re.error's: a traceback from every command before.
            why = (
                error
                if isinstance(error, re.error)
                else "it repeats or nests past what Python's take"
            )
            raise ValueError(f"{where}: {name} {text!r} is no regular expression ({why})") from None
        if _backtracks(pattern):
            raise ValueError(
                f"{where}: {name} {text!r} backtracks: a feed's text of {_PUMPED} letters made "
                "for it would hold every sync for hours (a repeat inside a repeat, as in "
                "(\\w+\\s?)+: write it without one)"
            )
        patterns.append((name, pattern))
    if not patterns:
        # Every item of its feeds would go: a slip (a field misspelt away), not a wish.
        raise ValueError(f"{where} names nothing to match: give it {_named()}")
    return IgnoreRule(tuple(patterns), feed.strip(), number)


def _named() -> str:
    return ", ".join(FIELDS[:-1]) + f" or {FIELDS[-1]}"


class RulesTest:
    """Whether one of the rules covering a feed matches an item of it (called with the item),
    each rule given `RULE_SECONDS` of CPU over the feed's items in one refresh: past them it
    is not applied to the rest (`over_time` names it), and the refresh goes on. A rule's
    expression runs over what a stranger's feed sends: a careless one (".*sponsored.*" on
    20,000 letters with no line break: 1.9 s an item) held a sync an hour over 2,000 items."""

    def __init__(self, covering: Sequence[IgnoreRule]) -> None:
        self._rules = list(covering)
        self._spent = [0.0] * len(self._rules)

    def __call__(self, entry: Entry) -> bool:
        for n, rule in enumerate(self._rules):
            if self._spent[n] > RULE_SECONDS:
                continue
            # The thread's own CPU: a busy machine or another thread holding the interpreter
            # costs a rule nothing.
            start = time.thread_time()
            try:
                if rule.matches(entry):
                    return True
            finally:
                self._spent[n] += time.thread_time() - start
        return False

    def over_time(self) -> str:
        """The rules that went past their time, in one line for the feed's problem ("")."""
        over = [
            str(r.number) for r, t in zip(self._rules, self._spent, strict=True) if t > RULE_SECONDS
        ]
        if not over:
            return ""
        return (
            f"[[ignore]] rule {', '.join(over)} took over {RULE_SECONDS:g} s of CPU on this "
            "feed's items: not applied to the rest of them (simplify its expression)"
        )


RULE_SECONDS = 1.0
"""CPU seconds one rule may spend on one feed's items in one refresh (`RulesTest`)."""


def rules_for(feed: Feed, rules: Sequence[IgnoreRule]) -> RulesTest | None:
    """Whether one of the `rules` covering `feed` matches an item of it; None when none covers
    it (most feeds: nothing to test)."""
    covering = [rule for rule in rules if rule.covers(feed)]
    if not covering:
        return None
    return RulesTest(covering)


# An expression is tried on short texts made to make a nested repeat backtrack: each unit
# repeated `_PUMPED` times then a character that fails the match, after nothing or a word of the
# expression's own (or one of its letters). A repeat inside a repeat takes 2**40 steps there;
# anything else, microseconds.
_PUMPED = 40
_UNITS = ("a", " ", "a ", "1", "a1", "a.", ", ", "-", "_a", "a-", "\n", "ab ")
_PROBE_SECONDS = 0.25


def _backtracks(pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` takes exponential time on a short text made for it: tried under a CPU
    limit of `_PROBE_SECONDS` (`time_limit.cpu_limit`), where one can be set (the main thread:
    the config is read there)."""
    from .time_limit import TookTooLong, cpu_limit

    words = re.findall(r"[^\W\d_]{2,}", pattern.pattern)[:4]
    # Its own letters too, each a unit of its own: "(x+x+)+y" backtracks on x's alone.
    own = dict.fromkeys(c for c in pattern.pattern.lower() if c.isalnum())
    units = (*_UNITS, *list(own)[:8])
    try:
        with cpu_limit(_PROBE_SECONDS) as limited:
            if not limited:
                return False
            for prefix in ("", *words):
                for unit in units:
                    for end in ("!", "\x00"):
                        pattern.search(prefix + unit * _PUMPED + end)
    except TookTooLong:
        return True
    return False


def rules_mark(feed: Feed, rules: Sequence[IgnoreRule]) -> str:
    """A mark of the rules covering `feed`, that changes when they do ("" when none covers it):
    kept with the feed (`Feed.ignored_by`) when its items are read."""
    covering = [
        (rule.feed, [(name, pattern.pattern) for name, pattern in rule.patterns])
        for rule in rules
        if rule.covers(feed)
    ]
    if not covering:
        return ""
    return hashlib.sha256(repr(covering).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def kept(entries: Iterable[Entry], ignored: Callable[[Entry], bool] | None) -> list[Entry]:
    return [e for e in entries if not ignored(e)] if ignored else list(entries)
