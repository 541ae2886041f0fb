"""The words looked for before the affiliate-disclosure pattern runs (`may_disclose`): it says no
to no phrase the pattern finds, in any case; the notices themselves are tested through the
extractor in `test_extraction_rules`."""

from __future__ import annotations

from reader.extract.disclosures import _AFFILIATE, AFFILIATE_WORDS, may_disclose
from tests.regex_shapes import letters_taken_for, phrase_shapes


def test_every_phrase_of_an_affiliate_notice_holds_a_word_looked_for_first() -> None:
    phrases = phrase_shapes(_AFFILIATE.pattern)
    assert len(phrases) > 1000
    for phrase in phrases:
        text = f"— {phrase} —"
        if _AFFILIATE.search(text):
            assert may_disclose(text), phrase
            assert may_disclose(text.upper()), phrase


def test_every_letter_taken_for_an_affiliate_words_letter_is_folded() -> None:
    """Each character the case-blind pattern takes for a letter of the words looked for first,
    put in that letter's place, still passes."""
    for word in AFFILIATE_WORDS:
        for at, letter in enumerate(word):
            if letter == " ":
                continue
            for same in letters_taken_for(letter):
                assert may_disclose(f"x {word[:at]}{same}{word[at + 1 :]} x"), (word, same)


def test_a_box_saying_none_of_the_words_is_ruled_out_before_the_pattern() -> None:
    assert not may_disclose(
        "Sign up for the morning briefing: the stories from the harbour and the hills, every "
        "weekday at seven. Free, and you can leave any time."
    )
    assert may_disclose("We may earn a COMMISSION when you buy through links on this page.")
