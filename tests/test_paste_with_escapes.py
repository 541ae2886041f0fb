"""A bracketed paste holding an escape sequence (a colour from `tmux capture-pane -e`, a
`script` log) and a line break: Textual's parser typed everything after the escape as keys, so
the line break was Enter and the letters after it commands. Pasting "ledger ESC[0m LF Dy" into
`/` unsubscribed a feed, "see ESC[1mthis ESC[0m story LF Q" on the lists quit the reader
(acc51c C1). A paste is text, whatever it holds: its escape sequences dropped, no key made."""

from __future__ import annotations

import time
from pathlib import Path

from textual import events
from textual._xterm_parser import XTermParser

from reader.library import Library
from reader.ui.paste_parser import PasteParser
from tests.pty_reader import reader_in_pty
from tests.test_escape_in_search import _read_ids, _until

START, END = "\x1b[200~", "\x1b[201~"


def _feeds(data: Path) -> list[str]:
    lib = Library(data, workers="thread")
    try:
        return [feed.url for feed in lib.feeds()]
    finally:
        lib.close()


def _parsed(parser: XTermParser, chunks: list[str]) -> list[object]:
    return [event for chunk in chunks for event in parser.feed(chunk)]


def test_a_paste_holding_escapes_is_one_paste_of_its_text_and_no_key() -> None:
    pasted = f"{START}ferry\nq\x1b[A\x1b[2J council\x1b]0;title\x07\nQ\x1b\nend{END}"
    # In one read, and a character a read (a big paste comes in several).
    for chunks in ([pasted + "j"], [*pasted, "j"]):
        events_ = _parsed(PasteParser(), chunks)
        assert [type(event) for event in events_] == [events.Paste, events.Key]
        assert events_[0].text == "ferry\nq council\nQ\nend"  # type: ignore[attr-defined]
        assert events_[1].key == "j"  # type: ignore[attr-defined]


def test_keys_and_a_plain_paste_are_read_as_textuals_parser_reads_them() -> None:
    typed = ["jk\x1b[A", "\x1b[<0;3;4M", f"{START}plain text{END}", "\x1b"]
    ours, textuals = PasteParser(), XTermParser()
    assert repr(_parsed(ours, typed)) == repr(_parsed(textuals, typed))
    time.sleep(0.2)  # the lone Esc's wait (ESCAPE_DELAY) over: the Esc key
    assert repr(list(ours.tick())) == repr(list(textuals.tick())) != "[]"
    assert repr(list(ours.feed(""))) == repr(list(textuals.feed("")))


def test_a_paste_cut_off_by_the_terminals_end_types_nothing() -> None:
    parser = PasteParser()
    assert _parsed(parser, [f"{START}half \x1b[1mway\nQ"]) == []
    assert list(parser.feed("")) == []


def test_a_paste_into_the_search_line_with_a_colour_and_dy_unsubscribes_nothing(
    synced_dir: Path,
) -> None:
    before = _feeds(synced_dir)
    with reader_in_pty(synced_dir) as reader:
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        reader.type(b"/")
        reader.type(f"{START}Crane\x1b[0m\nDy{END}".encode())
        reader.type(b"\r")
        _until(lambda: b"Crane Dy" in reader.screen(), "the paste in the search line")
        reader.type(b"\x11")  # Ctrl-Q
        assert reader.process.wait(timeout=30) == 0
    assert _feeds(synced_dir) == before


def test_a_paste_on_the_list_with_a_colour_and_dy_is_refused_and_no_key_acts(
    synced_dir: Path,
) -> None:
    before = _feeds(synced_dir), _read_ids(synced_dir)
    with reader_in_pty(synced_dir) as reader:
        _until(lambda: b"available offline" in reader.screen(), "the headlines on screen")
        reader.type(f"{START}see \x1b[1mthis\x1b[0m story\nDy{END}".encode())
        _until(lambda: b"Nothing here takes a paste" in reader.screen(), "the paste refused")
        reader.type(b"\x11")  # Ctrl-Q
        assert reader.process.wait(timeout=30) == 0
    # Its "m" marked the first headline read, its other letters moved and opened things.
    assert (_feeds(synced_dir), _read_ids(synced_dir)) == before
