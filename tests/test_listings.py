"""Code listings as highlighters lay them out: one code block each, without line numbers."""

from __future__ import annotations

from reader.extract import extract_article, to_markdown
from reader.models import Article, BlockKind

URL = "https://dev.example.net/2026/02/dates.html"

INTRO = """
<p>Feed parsing looks easy until the first malformed date arrives. This is how we handle it in
our own reader, a small program that has to survive whatever the web sends it every morning.</p>
<p>The function below is the whole of it; the rest of this post explains each of its branches
and why their order matters more than it seems at first reading.</p>
"""
OUTRO = """
<p>Notice that an empty string gives None rather than an error: a feed without dates is still a
feed, and its entries are still worth reading in the order their publisher gave them.</p>
"""
CODE = "def parse(text):\n    if not text:\n        return None\n    return fromisoformat(text)"


def extract(listing: str) -> Article:
    page = f"<html><body><article><h1>Dates</h1>{INTRO}{listing}{OUTRO}</article></body></html>"
    return extract_article(page, URL)


def code_blocks(article: Article) -> list[str]:
    return [b.text for b in article.blocks if b.kind == BlockKind.PREFORMATTED]


def test_pygments_line_number_column_is_dropped() -> None:
    highlighted = (
        '<span class="k">def</span> <span class="nf">parse</span>(text):\n'
        '    <span class="k">if</span> not text:\n        return None\n'
        "    return fromisoformat(text)\n"
    )
    listing = f"""<table class="highlighttable"><tr>
      <td class="linenos"><div class="linenodiv"><pre>1\n2\n3\n4</pre></div></td>
      <td class="code"><div class="highlight"><pre><span></span>{highlighted}</pre></div></td>
    </tr></table>"""
    assert code_blocks(extract(listing)) == [CODE]


def test_inline_line_numbers_are_dropped() -> None:
    lines = "".join(
        f'<span class="linenos">{n}</span>{line}\n' for n, line in enumerate(CODE.split("\n"), 1)
    )
    assert code_blocks(extract(f'<div class="highlight"><pre>{lines}</pre></div>')) == [CODE]


def test_a_gists_rows_are_one_code_block_with_their_indentation() -> None:
    rows = "".join(
        f'<tr><td id="L{n}" class="blob-num js-line-number" data-line-number="{n}"></td>'
        f'<td id="LC{n}" class="blob-code blob-code-inner js-file-line">{line}</td></tr>'
        for n, line in enumerate(CODE.split("\n"), 1)
    )
    article = extract(f'<div class="gist"><table class="highlight">{rows}</table></div>')
    assert code_blocks(article) == [CODE]
    assert f"```\n{CODE}\n```" in to_markdown(article)


def test_highlight_js_line_number_rows_are_one_code_block() -> None:
    rows = "".join(
        f'<tr><td class="hljs-ln-line hljs-ln-numbers"><div class="hljs-ln-n" '
        f'data-line-number="{n}"></div></td><td class="hljs-ln-line hljs-ln-code">'
        f'<div class="hljs-ln-line">{line}</div></td></tr>'
        for n, line in enumerate(CODE.split("\n"), 1)
    )
    listing = f'<pre><code class="hljs"><table class="hljs-ln">{rows}</table></code></pre>'
    assert code_blocks(extract(listing)) == [CODE]


def test_a_page_laid_out_in_a_table_keeps_its_paragraphs_around_a_listing() -> None:
    listing = f"<pre>{CODE}</pre>"
    page = f"""<html><body><table><tr><td>{INTRO}{listing}{OUTRO}</td></tr></table></body></html>"""
    article = extract_article(page, URL)
    assert code_blocks(article) == [CODE]
    assert any("malformed date" in b.text for b in article.blocks)
    assert any("order their publisher" in b.text for b in article.blocks)


def test_a_table_of_codes_and_meanings_stays_a_table() -> None:
    table = """<table><tr><th>Status</th><th>Meaning</th></tr>
      <tr><td class="code">304</td><td>Not modified: the cached copy is current</td></tr>
      <tr><td class="code">410</td><td>Gone: the feed was removed for good</td></tr></table>"""
    article = extract(table)
    assert not code_blocks(article)
    assert [b.text for b in article.blocks if b.kind == BlockKind.TABLE_ROW][1].startswith("304")
