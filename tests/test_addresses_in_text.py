"""Addresses written in a text (a plain-text page, a PDF's lines) made links (`plain_text.
linked_text`): punctuation after one is the sentence's, a bracket no bracket of it opened ends
it (a forum's "[link=http://evil]click[/link]" made the host "evil]click[", which EPUBCheck
warned of and no browser opens; acc35b F12)."""

from __future__ import annotations

import pytest

from reader.extract.plain_text import linked_text


@pytest.mark.parametrize(
    ("text", "linked"),
    [
        ("Escape in text: [link=http://evil.example]click[/link] done", "http://evil.example"),
        ("the minutes [https://council.example/m.pdf] say", "https://council.example/m.pdf"),
        ("(see https://council.example/clerk).", "https://council.example/clerk"),
        ("on https://en.wikipedia.org/wiki/Tide_(disambiguation) too", None),
        ("a test server at http://[::1]:8080/feed.", "http://[::1]:8080/feed"),
    ],
)
def test_an_address_in_a_text_is_linked_without_what_follows_it(
    text: str, linked: str | None
) -> None:
    expected = linked or "https://en.wikipedia.org/wiki/Tide_(disambiguation)"
    links = [inline.href for inline in linked_text(text) if inline.href]
    assert links == [expected]
    # The text itself is whole, each character once.
    assert "".join(inline.text for inline in linked_text(text)) == text
