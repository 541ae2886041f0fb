"""`reader show --format markdown` read back by a CommonMark parser (markdown-it) says what the
page said: the same blocks, words and links (`tests/markdown_check.py`). Each page here is a
news article holding one kind of text that Markdown would otherwise read as markup."""

from __future__ import annotations

import os
from dataclasses import replace

import lxml.html
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.extract import extract_article, to_markdown, to_text
from reader.models import Article, Block, BlockKind, Inline
from tests.markdown_check import PARSER, disagreements

URL = "https://news.example.com/2026/harbour/bridge-vote.html"
FILLER = (
    "<p>The harbour board met on Tuesday evening to decide the future of the old swing bridge, "
    "which has carried traffic over the inner basin since 1894 and has been shut since the "
    "spring floods.</p>"
)


def page(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>Bridge vote - The Harbour Gazette</title>{head}"
        '</head><body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>'
        f"<article><h1>Bridge vote</h1>{FILLER}{body}{FILLER}</article>"
        "<footer>© The Harbour Gazette</footer></body></html>"
    )


def read(body: str, head: str = "") -> tuple[Article, str]:
    """The article of a page holding `body`, its Markdown, and nothing read otherwise."""
    article = extract_article(page(body, head), URL)
    markdown = to_markdown(article, header=False)
    assert disagreements(article.blocks, markdown) == [], markdown
    return article, markdown


def rendered(body: str) -> str:
    """The HTML a CommonMark renderer makes of the Markdown of a page holding `body`."""
    return PARSER.render(read(body)[1])


def test_a_line_that_starts_like_markup_stays_a_line_of_text() -> None:
    lines = [
        "1986. That year the yard closed",
        "3) the third motion",
        "- a dash of salt",
        "+ 4 per cent",
        "=====",
        "---",
        "1.",
    ]
    _, markdown = read(f"<p>The minutes read:<br>{'<br>'.join(lines)}</p>")
    assert "1986\\. That year" in markdown  # not "\\1986.": a backslash and a list
    html = PARSER.render(markdown)
    assert "<li>" not in html and "<h1>" not in html and "<h2>" not in html
    assert "<hr" not in html


def test_a_hash_is_escaped_only_where_it_would_make_a_heading() -> None:
    """A "#" opens a heading only at a line's start, and closes one at a heading's end: "C#" and
    "the #1 seed" need no backslash to paste into notes, and a heading "Ranked #" keeps its
    "#"."""
    _, markdown = read(
        "<h2>Who came in at #</h2><p>Written in C#, the tool ranked the #1 seed first.<br>"
        "# not a heading, a line of the minutes</p>"
    )
    assert "Written in C#, the tool ranked the #1 seed first." in markdown
    assert "\\# not a heading" in markdown
    html = PARSER.render(markdown)
    assert "<h2>Who came in at #</h2>" in html and "<h1>" not in html


def test_characters_of_markup_in_prose_are_read_as_written() -> None:
    prose = (
        "<p>Write &amp;amp; for an ampersand and &amp;copy; for ©, says the style guide; "
        "*stars*, _underscores_, `backticks`, [x](y), &lt;b&gt;, a \\ and ~20 tildes~ "
        "stay as typed, and so does 400&amp;percnt;.</p>"
    )
    article, markdown = read(prose)
    text = article.blocks[1].text
    assert "&amp; for an ampersand and &copy; for ©" in text and "~20 tildes~" in text
    assert PARSER.render(markdown).count("<") == PARSER.render("a\n\nb\n\nc").count(
        "<"
    )  # three paragraphs


def test_bold_and_italics_are_read_where_the_page_set_them() -> None:
    body = (
        "<p>The notice read <b>注意：</b>这是 and <b>Note:</b>the crossing, then <i>slow</i>"
        "<b>ahead</b>, <b>bold <i>and both</i></b><i> then italic</i>, and he "
        'said<b>"No."</b>Then <b>using a fair <i>knowledge</i>.</b></p>'
    )
    html = rendered(body)
    assert "<strong>注意</strong>：这是" in html and "<strong>Note</strong>:the" in html
    assert "<em>slow</em><strong>ahead</strong>" in html
    assert "<strong>bold <em>and both</em></strong> <em>then italic</em>" in html
    assert "*" not in html and "_" not in html


def test_a_blank_line_inside_a_block_keeps_it_where_it_was() -> None:
    body = (
        "<h2>Designed to<br>be redesigned</h2>"
        "<ul><li>The first motion, carried.<br><br>Moved by the chair, <i>unopposed</i>.</li>"
        "<li>The second motion, lost.</li></ul>"
        "<blockquote><p>We kept the light.<br><br>Now the museum keeps it.</p></blockquote>"
        "<p>Lorem, the minutes say.<br><br><i>Signed, the clerk.<br><br>Dated Tuesday.</i></p>"
    )
    html = rendered(body)
    assert "<h2>Designed to be redesigned</h2>" in html
    assert "<li>\n<p>The first motion, carried.</p>\n<p>Moved by the chair" in html
    assert html.count("<blockquote>") == 1
    assert "<em>Signed, the clerk.</em></p>\n<p><em>Dated Tuesday.</em>" in html


def test_an_exclamation_before_a_link_does_not_make_it_a_picture() -> None:
    html = rendered('<p>Read it all!<a href="/2026/harbour/minutes.html">The minutes</a></p>')
    assert '!<a href="https://news.example.com/2026/harbour/minutes.html">The minutes</a>' in html


def link_targets(markdown: str) -> list[str]:
    tokens = [t for block in PARSER.parse(markdown) for t in block.children or []]
    return [str(t.attrs["href"]) for t in tokens if t.type == "link_open"]


def test_every_link_keeps_its_address_and_only_web_links_are_links() -> None:
    body = (
        '<p>See <a href="/files/a b/c(d)/e<f>g">the odd address</a>, <a href="javascript:'
        'alert(1)">a script</a>, <a href="data:text/html,hi">data</a>, <a href="//cdn.example.'
        'org/x">the mirror</a>, <a href="minutes.html?a=1&amp;copy=2">the minutes</a>, <a '
        'href="http://x.example/a\\(b)">a backslash</a> and <a href="http://x.example/q?x=&amp;'
        'amp;">an entity</a>.</p>'
    )
    _, markdown = read(body, head='<base href="https://archive.example.net/2026/">')
    assert link_targets(markdown) == [
        "https://archive.example.net/files/a%20b/c(d)/e%3Cf%3Eg",
        "https://cdn.example.org/x",
        "https://archive.example.net/2026/minutes.html?a=1&copy=2",
        "http://x.example/a%5C(b)",
        "http://x.example/q?x=&amp;",
    ]
    assert "a script, data," in markdown


def test_code_keeps_its_backticks() -> None:
    body = (
        "<p>The style guide's own example:</p><pre><code>Write ```sh\nreader sync\n``` and "
        "`code`.</code></pre><p>Inline, <code>a`b</code> and <code>``</code> stay code.</p>"
    )
    html = rendered(body)
    assert "<pre><code>Write ```sh\nreader sync\n``` and `code`.\n</code></pre>" in html
    assert "<code>a`b</code> and <code>``</code> stay code" in html


def test_a_table_cell_holding_a_pipe_or_a_line_break_stays_one_cell() -> None:
    body = (
        "<table><thead><tr><th>Motion</th><th>Note</th><th>Votes</th></tr></thead><tbody>"
        "<tr><td>Either|or</td><td>carried<br>on a show of hands</td><td>12</td></tr>"
        '<tr><td><code>a|b</code></td><td><a href="/votes?by=ward|party">by ward</a></td>'
        "<td>3</td></tr></tbody></table>"
    )
    _, markdown = read(body)
    cells = lxml.html.fragment_fromstring(PARSER.render(markdown), create_parent="div")
    assert [c.text_content() for c in cells.iter("td")] == [
        "Either|or",
        "carried on a show of hands",
        "12",
        "a|b",
        "by ward",
        "3",
    ]
    assert link_targets(markdown) == ["https://news.example.com/votes?by=ward%7Cparty"]


def list_items(markdown: str) -> list[tuple[int, str]]:
    """Each list item's depth and its number as a renderer shows it ("" for a bullet)."""
    root = lxml.html.fragment_fromstring(PARSER.render(markdown), create_parent="div")
    out = []
    for li in root.iter("li"):
        parent = li.getparent()
        assert parent is not None
        number = ""
        if parent.tag == "ol":
            number = str(int(parent.get("start", "1")) + parent.index(li))
        out.append((len(list(li.iterancestors("li"))) + 1, number))
    return out


def test_lists_keep_their_numbers_and_their_nesting() -> None:
    steps = "".join(f"<li>Step {n} of the plan</li>" for n in range(1, 10))
    body = (
        "<p>The council's two votes:</p><ol><li>Close the bridge</li><li>Fund a ferry</li></ol>"
        "<ol><li>Reopen in spring</li></ol>"
        f"<p>The engineers' plan:</p><ol>{steps}<li>Step ten<ul><li>weigh the span<ol><li>"
        "by the north pier</li></ol></li></ul></li></ol>"
    )
    _, markdown = read(body)
    items = list_items(markdown)
    assert items[:3] == [(1, "1"), (1, "2"), (1, "1")]
    assert items[-3:] == [(1, "10"), (2, ""), (3, "1")]


def test_plain_text_hangs_an_item_s_later_lines_under_its_text() -> None:
    body = (
        "<h2>What we don't know</h2><ol><li><b>The handoff</b><br>Editors are given roles that"
        " absolve the rest.</li><li><b>Business</b><br><br>We don't know how to convince the "
        "business side.</li></ol><ul><li>“immutable”: renders a Headers object<br>read-only "
        "*for now*.</li></ul>"
    )
    article = extract_article(page(body), URL)
    text = to_text(article, header=False)
    assert (
        "1. The handoff\n"
        "   Editors are given roles that absolve the rest.\n"
        "2. Business\n"
        "\n"
        "   We don't know how to convince the business side.\n"
        "\n"  # another list: set apart, as in the reading view
        "• “immutable”: renders a Headers object\n"
        "  read-only *for now*.\n"
    ) in text


def test_a_quote_s_blank_line_has_no_trailing_space() -> None:
    body = "<blockquote><p>We kept the light.<br><br>Now the museum keeps it.</p></blockquote>"
    article, markdown = read(body)
    for text in (markdown, to_text(article, header=False)):
        assert "> We kept the light.\n>\n> Now the museum keeps it.\n" in text


# Text of the kinds that meet at the edges of bold and italics: letters, CJK, ASCII and full-width
# punctuation, Markdown's own characters, spaces (no-break ones too).
TEXT = st.text(
    st.sampled_from([*"ab词意Z9", *".,:;!?\"'()「」，：。", *"*_`~[]<>#|\\&-+=!", " ", "\xa0"]),
    min_size=1,
    max_size=8,
)
RUN = st.builds(
    Inline,
    text=TEXT,
    href=st.sampled_from([None, None, "https://news.example.com/a", "https://x.example/b(c)"]),
    strong=st.booleans(),
    emphasis=st.booleans(),
    code=st.booleans().map(lambda b: b and False),
    struck=st.integers(0, 5).map(lambda n: n == 0),
)
BREAK = Inline("\n", code=True)
RUNS = st.lists(st.one_of(RUN, st.just(BREAK)), min_size=1, max_size=7)


@settings(max_examples=300, deadline=None, derandomize=bool(os.environ.get("CI")))
@given(RUNS, st.sampled_from([BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE]))
@example(
    [Inline("9", struck=True), BREAK, BREAK, Inline(" ", struck=True), BREAK, BREAK, Inline("9")],
    BlockKind.PARAGRAPH,
)
# Struck text whose first, italic characters are punctuation: the "~~" moved past the ":" was
# written inside the italics it had opened outside ("\~*:~~9*9~~"), and both were shown as typed.
@example(
    [Inline("a~"), Inline(":9", emphasis=True, struck=True), Inline("9", struck=True)],
    BlockKind.LIST_ITEM,
)
# A paragraph of "-- " and "-": "-- -" is a rule (dashes with spaces between), the text lost
# (found by this test in a CI run: not a heading's underline, which has no spaces inside).
@example([Inline("-- "), Inline("-")], BlockKind.PARAGRAPH)
def test_any_runs_read_back_as_the_same_words_and_links(
    runs: list[Inline], kind: BlockKind
) -> None:
    # A block's text starts and ends with no space, as the extractor trims it.
    while runs and not runs[0].text.strip():
        runs.pop(0)
    while runs and not runs[-1].text.strip():
        runs.pop()
    if not runs:
        return
    runs[0] = replace(runs[0], text=runs[0].text.lstrip())
    runs[-1] = replace(runs[-1], text=runs[-1].text.rstrip())
    # No line of nothing but spaces, as the extractor drops one ("<s> </s>" between two
    # blank lines was written as a blank line, and read back as a paragraph's end).
    lines: list[list[Inline]] = [[]]
    for run in runs:
        if run == BREAK:
            lines.append([])
        else:
            lines[-1].append(run)
    runs = []
    for number, line in enumerate(lines):
        if number and (line == [] or "".join(r.text for r in line).strip()):
            runs.append(BREAK)
        if "".join(r.text for r in line).strip():
            runs.extend(line)
    # At most one blank line, as the extractor writes a run of <br>s.
    inlines = tuple(r for n, r in enumerate(runs) if runs[n - 2 : n + 1] != [BREAK] * 3)
    block = Block(kind, inlines)
    assert disagreements((block,)) == [], to_markdown(Article(url="", blocks=(block,)), False)
