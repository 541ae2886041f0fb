"""safe_line / safe_text: the one gate between a stranger's string and the terminal."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.safe import safe_line, safe_text

HOSTILE = [
    ("\x1b]0;pwned\x07Title", "Title"),  # OSC: set window title
    ("\x1b]52;c;aGVsbG8=\x07Copy me", "Copy me"),  # OSC 52: clipboard write
    ("\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\", "click"),  # OSC 8 hyperlink
    ("\x1b[31mred\x1b[0m text", "red text"),  # CSI colours
    ("\x1b[2J\x1b[Hcleared", "cleared"),  # clear screen, cursor home
    ("bell\x07 here", "bell here"),
    ("c1\x9b31m csi", "c1 csi"),  # 8-bit CSI
    ("nul\x00byte", "nulbyte"),
    ("a\u202egnp.exe", "agnp.exe"),  # right-to-left override
    ("iso\u2066late\u2069d", "isolated"),
]


@pytest.mark.parametrize(("raw", "expected"), HOSTILE)
def test_safe_line_removes_escapes_and_controls(raw: str, expected: str) -> None:
    assert safe_line(raw) == expected


def test_no_control_character_survives_any_code_point() -> None:
    every = (
        "".join(chr(c) for c in range(0x00, 0x250))
        + "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    )
    out = safe_text(every)
    assert not [c for c in out if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
    assert not set(out) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def test_markup_is_left_as_text() -> None:
    # Markup is neutralised by displaying as plain text, not by mangling it.
    assert (
        safe_line("[bold]x[/bold] [@click=app.quit]go[/]")
        == "[bold]x[/bold] [@click=app.quit]go[/]"
    )


def test_safe_line_folds_whitespace_and_caps_length() -> None:
    assert safe_line("  two\n lines\r\nhere\t ") == "two lines here"
    long = safe_line("word " * 100_000, max_length=80)
    assert len(long) == 80 and long.endswith("…")


def test_safe_text_keeps_paragraph_breaks() -> None:
    assert safe_text("one\r\ntwo\n\nthree\x1b[1m") == "one\ntwo\n\nthree"


def test_a_soft_hyphen_is_dropped_as_a_browser_drops_it_mid_line() -> None:
    # Rich counts it as a cell, many terminals draw nothing: kept, it shifts columns, and a
    # search for "Bundesregierung" would miss "Bundes\xadregierung".
    assert safe_text("Die Bundes\xadregierung") == "Die Bundesregierung"
    assert safe_line("Hafen\xadfinanzierung beschlossen") == "Hafenfinanzierung beschlossen"


def test_an_8_bit_introducer_in_text_swallows_nothing_after_it() -> None:
    """U+009E (PM) and U+009A are "ž" and "š" of a windows-1250 page read as ISO-8859-2: each
    goes alone, and the words after it stay. U+009B is cp1250's "›": no CSI without a parameter."""
    assert safe_text("Příli\x9a tiché, \x9eluťoučký kůň") == "Příli tiché, luťoučký kůň"
    assert safe_text("\x9bZprávy dne") == "Zprávy dne"
    assert safe_text("a\x9d0;title\x9cb") == "a0;titleb"  # inert once its introducer is gone


def test_tag_characters_and_annotation_marks_are_removed() -> None:
    """U+E0041… draw nothing and can spell a hidden message; U+FFF9–FFFB mean nothing on the
    web. A zero-width space stays: Thai and Khmer mark word breaks with it."""
    assert safe_text("Budget\U000e0068\U000e0069 vote\ufff9x\ufffb") == "Budget votex"
    assert safe_text("ก\u200bข") == "ก\u200bข"


def test_a_printable_text_is_all_the_gate_would_leave_of_it() -> None:
    """A printable text is passed as it is (the lists' fast way): that holds only while every
    character the gate removes or folds is one Python calls unprintable, checked here for every
    code point, and the slow way gives the same for printable text and for each of them."""
    from reader import safe

    acted_on = [
        ch
        for ch in map(chr, range(0x110000))
        if safe._CONTROL.match(ch)
        or safe._TAGS.match(ch)
        or safe._LINE_BREAKS.match(ch)
        or ch in "\x1b\x9b\r\u2028\u2029\u00a0"
    ]
    assert len(acted_on) > 200
    assert not [ch for ch in acted_on if ch.isprintable()]

    def slow_text(text: str) -> str:
        s = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
        s = safe._CONTROL.sub("", safe._ESCAPE_SEQUENCE.sub("", s.replace("\u2029", "\n")))
        return safe._TAGS.sub(safe._flag_or_nothing, s)

    def slow_line(text: str) -> str:
        return safe._SPACES.sub(" ", safe._LINE_BREAKS.sub(" ", slow_text(text))).strip()

    samples = [
        "Harbour board agrees sea wall repairs",
        "  Two  spaces,  kept  out  ",
        "Ferry\u00a0 timetable\u00a0\u00a0changes",
        "Café “quotes” — dashes · 日本語 עברית",
        *(f"a{ch}b {ch}" for ch in acted_on),
    ]
    for text in samples:
        assert safe_text(text) == slow_text(text), repr(text)
        assert safe_line(text) == slow_line(text), repr(text)


def test_a_line_drops_what_draws_nothing_and_xml_forbids() -> None:
    """acc28a H1, H3: a title holding a zero-width space or word joiner looked like another it
    was not (and one holding U+180E, acc30c D5); U+FFFE, U+FFFF and U+FDD0… are no characters (XML refuses a file holding one).
    The joiners an emoji or a Persian word needs stay, and text keeps its zero-width spaces."""
    assert safe_line("pay\u200bpal\u2060 login") == "paypal login"
    # The Mongolian vowel separator too, drawn as nothing (acc30c D5).
    assert safe_line("T-zw pay\u180epal") == "T-zw paypal"
    assert safe_line("\u180e\u200b") == ""
    assert safe_line("XB \ufffe\uffff\ufdd0q") == "XB q"
    assert safe_line("👩\u200d💻 می\u200cخواهم") == "👩\u200d💻 می\u200cخواهم"
    assert safe_text("ก\u200bข\ufffe") == "ก\u200bข"


def test_format_characters_that_draw_and_mean_nothing_are_removed() -> None:
    """acc37b I4: "Minister Sm\u2062ith" showed as Smith, was cited and copied with the
    invisible operator inside, and was not found by a search for Smith. I5: a joiner between
    two Latin letters joins nothing, and a terminal that clusters graphemes drew the two in one
    cell, the row a cell short. The joiners of an emoji, Hindi and Persian stay."""
    for hidden in ["\u2061", "\u2062", "\u2063", "\u2064", "\u206a", "\u206f", "\U0001d173"]:
        assert safe_line(f"Minister Sm{hidden}ith resigns") == "Minister Smith resigns"
        assert safe_text(f"Ann Sm{hidden}ith\nquoted") == "Ann Smith\nquoted"
    assert safe_line("Ann Sm\u200dith, Кре\u200dмль, Ἀθ\u200dῆναι") == "Ann Smith, Кремль, Ἀθῆναι"
    kept = "👩\u200d💻 क्\u200dष می\u200cخواهم Sm\u200d"
    assert safe_text(kept) == kept


def test_a_search_finds_a_name_holding_an_invisible_character() -> None:
    """Text cached before `safe` removed them (or any that reaches the search) still holds them:
    the search skips them as it skips a zero-width space, and the index looks the word up by
    the letters around them."""
    from reader.full_text import Query, matches
    from reader.search_index import indexed_form, trigrams

    for hidden in ["\u2062", "\u206b", "\u17b4", "\U0001d17a", "\u200b"]:
        text = f"The minister, Sm{hidden}ith, resigned."
        assert matches(Query("Smith"), "", text) not in (None, ""), repr(hidden)
        form = indexed_form(text)
        assert all(piece in form for piece in trigrams("smith")), (hidden, form)


def test_an_address_holding_what_draws_nothing_is_percent_encoded() -> None:
    """As a browser's address bar shows it: `…/real?x%E2%80%8B` is not `…/real?x`."""
    from reader.urls import absolute_url, is_web_url

    assert absolute_url("http://a.example/", "/real?x\u200by\u2060") == (
        "http://a.example/real?x%E2%80%8By%E2%81%A0"
    )
    assert not is_web_url("http://a.example/x\u200b")


def test_an_escape_with_no_terminated_string_after_it_goes_alone() -> None:
    """One "&#27;P" in an article (acc30c D1): the ESC and its letter go, the text after it
    stays, inert. Taken as the start of a DCS string to the next ESC or 512 characters on, it
    cut paragraphs out unmarked, mid-word. A terminated string still goes whole."""
    text = "Paragraph 2 has a stray escape \x1bP in the middle.\n\nParagraph 3 is ordinary."
    assert safe_text(text) == (
        "Paragraph 2 has a stray escape  in the middle.\n\nParagraph 3 is ordinary."
    )
    for introducer in "]X^_":
        assert safe_text(f"a \x1b{introducer}b c\n\nd") == "a b c\n\nd"
    assert safe_text("a\x1bP1$r\x1b\\b") == "ab"  # DCS with its ST: whole
    assert safe_text("a\x1b]0;pwned\x07b") == "ab"


def test_a_page_with_a_stray_escape_keeps_every_paragraph() -> None:
    from reader.extract import extract_article

    paragraphs = [
        f"Paragraph {n} of the harbour report says the dredging of the outer channel went on "
        f"through the week, and the council's vote on the budget was put off to January."
        for n in range(1, 12)
    ]
    paragraphs[1] = paragraphs[1].replace("says the", "has a stray escape &#27;P in the middle:")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    page = f"<html><head><title>Harbour report</title></head><body><article>{body}</article></body></html>"
    article = extract_article(page.encode(), "http://127.0.0.1/report.html")
    text = "\n".join(block.text for block in article.blocks)
    assert "has a stray escape in the middle: dredging of the outer channel" in text
    for n in range(3, 12):
        assert f"Paragraph {n} of the harbour report" in text
    assert "\x1b" not in text


def test_a_line_of_blank_letters_is_empty() -> None:
    """The Hangul filler "ㅤ" (U+3164) is how a chat name is made invisible: a feed named with
    it showed as a blank row, its count and border pushed out (terminals give it two cells,
    Rich none). The Braille blank reads as the space it looks like (acc30c D5)."""
    assert safe_line("\u200b\u3164") == ""
    assert safe_line("\u3164\u3164\u3164") == safe_line("\uffa0\u115f\u1160") == ""
    assert safe_line("\u2800\u2800\u2800") == ""
    assert safe_line("Harbour\u2800\u2800news") == "Harbour news"
    assert safe_line("항구 소식 \u3164") == "항구 소식"
    text = "Paragraph\u3164 kept as the page wrote it"
    assert safe_text(text) == text  # an article's text keeps what its page wrote


def test_a_feed_whose_titles_are_blank_letters_is_named_by_its_address(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli import main

    items = "".join(
        f"<item><title>{title}</title><link>{httpserver.url_for(f'/{n}.html')}</link>"
        f"<description>Summary words of item {n}</description></item>"
        for n, title in enumerate(["\u3164\u3164\u3164", "\u2800\u2800\u2800"])
    )
    httpserver.expect_request("/feed.xml").respond_with_data(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>\u200b\u3164</title>{items}</channel></rss>",
        content_type="application/rss+xml; charset=utf-8",
    )
    assert main(["--data-dir", str(data_dir), "add", httpserver.url_for("/feed.xml")]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "list"]) == 0
    listed = capsys.readouterr().out
    assert "\u3164" not in listed and "\u2800" not in listed
    assert "Summary words of item 0" in listed and "Summary words of item 1" in listed


def test_a_letter_keeps_at_most_30_combining_marks() -> None:
    """Zalgo text, thousands of marks on one letter: past Unicode's stream-safe limit they draw
    nothing more, and laying one letter's marks out cost their square (6,000 marks: 9 s at
    each redraw of the line, the reader deaf to keys; acc30c D7)."""
    marks = "\u0301\u0327\u0350\u0489\u20d2"
    flood = "H" + marks * 12_000 + "ello, the harbour"
    shown = safe_text(flood)
    assert shown == "H" + (marks * 6)[:30] + "ello, the harbour"
    assert safe_line(f"Zalgo {flood}") == f"Zalgo {shown}"
    # Real text's stacks stay whole: Vietnamese, Hebrew points, a Thai syllable.
    for text in ("Việt Nam", "בְּרֵאשִׁית", "กี่", "e\u0301\u0323\u0304"):
        assert safe_text(text) == text


def test_a_subdivision_flag_keeps_its_tags_and_a_stray_tag_goes() -> None:
    """Scotland's flag is the black flag, "gbsct" in tag characters and CANCEL TAG: their one
    use that means something, shown as a plain black flag when they went (acc50a A10)."""
    scotland = "\U0001f3f4\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    assert safe_line(f"Six Nations: {scotland} win") == f"Six Nations: {scotland} win"
    # Tags after no black flag, or no CANCEL TAG to end them, hide a message: removed.
    hidden = "\U000e0067\U000e0062\U000e007f"
    assert safe_line(f"vote{hidden} now \U0001f3f4\U000e0067\U000e0062") == "vote now \U0001f3f4"


def test_a_stray_escape_before_a_tag_leaves_the_tag_whole() -> None:
    """ "&#27;<b>" and a raw ESC before "<a href>": the ESC took the tag's "<" with it, the
    markup shown as text ("b>bold words", "/p>") and the link lost (acc30d N3)."""
    from reader.extract import extract_article

    lead = "".join(
        f"<p>Paragraph {n} of the harbour report says the dredging went on through the week.</p>"
        for n in range(6)
    )
    page = (
        f"<html><body><article>{lead}<p>Alpha, then an escape &#27;<b>bold words</b> end.</p>"
        "<p>Gamma, a raw escape \x1b<a href='/x'>link text</a> and more &#27;&amp; x.</p>"
        "<p>Beta ends with an escape\x1b</p></article></body></html>"
    )
    article = extract_article(page.encode(), "http://127.0.0.1/report.html")
    texts = [block.text for block in article.blocks][-3:]
    assert texts == [
        "Alpha, then an escape bold words end.",
        "Gamma, a raw escape link text and more & x.",
        "Beta ends with an escape",
    ]
    links = [inline.href for block in article.blocks for inline in block.inlines if inline.href]
    assert "http://127.0.0.1/x" in links


def test_a_headline_of_a_feed_titled_in_blank_letters_names_it_by_its_address() -> None:
    """The feed list named such a feed by its address, "All feeds"' source column not at all
    (its title blank letters, kept before they were read as none; acc30d N7)."""
    from reader.feed_names import source_name
    from reader.models import Entry

    url = "http://127.0.0.1:18731/blank.xml"
    for title in ("", "\u3164\u3164\u3164"):
        entry = Entry("e1", url, "Story", "http://127.0.0.1:18731/a.html", feed_title=title)
        assert source_name(entry, {}) == url
    named = Entry("e2", url, "Story", "http://127.0.0.1:18731/b.html", feed_title="Harbour Post")
    assert source_name(named, {}) == "Harbour Post"
    assert source_name(named, {url: "My harbour"}) == "My harbour"
