"""Extraction on every page of the demo site: the article body in full, none of the page around it."""

from __future__ import annotations

import urllib.request

import pytest

from reader.charset_labels import charset_from_content_type
from reader.demo.content import DemoArticle, boilerplate_phrases, load_articles
from reader.demo.markup import inline_text
from reader.demo.server import DemoServer
from reader.demo.templates import AMP_FULL_SITE
from reader.extract import extract_article, extract_page, gave_little, to_markdown, to_text
from reader.extract.amp import amp_url_of
from reader.extract.next_page import append_page, same_article
from reader.models import Article, BlockKind, FetchError
from tests.tui_pilot import view_lines

ARTICLES = load_articles()


def norm(text: str) -> str:
    return " ".join(text.split())


def fetch(server: DemoServer, article: DemoArticle) -> tuple[bytes, str]:
    with urllib.request.urlopen(server.base_url + article.path) as response:
        return response.read(), response.headers.get("Content-Type", "")


def download(url: str) -> tuple[bytes, str, str | None]:
    """The page at `url`, where it came from, and the charset its header gives."""
    with urllib.request.urlopen(url) as response:
        content_type = response.headers.get("Content-Type", "")
        return response.read(), response.url, charset_from_content_type(content_type)


def read_whole(server: DemoServer, article: DemoArticle) -> Article:
    """The article as the reader gets it: page after page when it is over several, each
    found by the link extraction reads on the page before; from its AMP version when its
    page gives little or nothing (`Library._download_pages` reads the same)."""
    url, whole, pages = server.base_url + article.path, None, 0
    while url:
        body, page_url, charset = download(url)
        amp = amp_url_of(body, page_url, charset)
        try:
            page: Article | None
            page, url = extract_page(body, page_url, charset)
        except FetchError:
            page = None
        if amp and (page is None or gave_little(page)):
            page, url = extract_page(*download(amp))
        assert page is not None, f"{page_url} gave nothing"
        pages += 1
        if whole is not None:
            assert same_article(whole.title, page.title)
        whole = page if whole is None else append_page(whole, page)
    assert pages == max(1, len(article.pages))
    assert whole is not None
    return whole


@pytest.mark.parametrize("article", ARTICLES, ids=[a.slug for a in ARTICLES])
def test_demo_page_extracts_body_without_boilerplate(
    demo_server: DemoServer, article: DemoArticle
) -> None:

    result = read_whole(demo_server, article)
    text = norm(to_text(result, header=False))
    missing = [p for p in article.paragraphs if norm(p) not in text]
    assert not missing, (
        f"{len(missing)} of {len(article.paragraphs)} paragraphs lost, first: {missing[0][:80]}"
    )
    for heading in article.headings:
        assert any(
            b.kind == BlockKind.HEADING and norm(b.text) == norm(heading) for b in result.blocks
        )
    # The byline and dateline are in the header; a line of them must not open the body. (An
    # opinion piece's closing line about its writer is the article's own.)
    assert not [
        b.text
        for b in result.blocks[:3]
        if article.author in b.text and any(c.isdigit() for c in b.text) and len(b.text) < 120
    ]
    rows = [b.text for b in result.blocks if b.kind == BlockKind.TABLE_ROW]
    assert rows == list(article.table_rows)
    leaked = [p for p in boilerplate_phrases(article) if norm(p) in text]
    assert not leaked, f"boilerplate kept: {leaked}"
    assert AMP_FULL_SITE not in text  # the AMP version's own link, for an `amp_only` page
    assert result.title == article.title
    # Every writer the page names, each cited apart ("Maya Castellane and Owen Threlfall"
    # declared in one string is two authors).
    assert all(name in result.author.split(", ") for name in article.author.split(" and "))
    assert result.published == article.published


QUOTED = [a for a in ARTICLES if any(b.kind == "quote" for b in a.blocks)]


@pytest.mark.parametrize("article", QUOTED, ids=[a.slug for a in QUOTED])
def test_demo_quotes_keep_their_attribution(demo_server: DemoServer, article: DemoArticle) -> None:
    """Each quote comes out as one quote block whose last line is its "— Name" (the page's
    <footer><cite> inside the <blockquote>), whatever the template around the article."""
    result = read_whole(demo_server, article)
    quotes = [b.text for b in result.blocks if b.kind == BlockKind.QUOTE]
    for block in article.blocks:
        if block.kind != "quote":
            continue
        said = norm(inline_text(block.lines[0]))
        found = [q for q in quotes if said in norm(q)]
        assert found, f"quote lost: {said[:60]}"
        if block.cite:
            last = found[0].rsplit("\n", 1)[-1]
            assert norm(last) == norm("— " + inline_text(block.cite))


def test_demo_formulas_come_out_as_formulas(demo_server: DemoServer) -> None:
    with_formulas = [a for a in ARTICLES if a.formulas]
    assert with_formulas, "the demo must have a page with a formula"
    for article in with_formulas:
        body, _ = fetch(demo_server, article)
        result = extract_article(body, demo_server.base_url + article.path)
        found = [i.text for b in result.blocks for i in b.inlines if i.math]
        assert found == list(article.formulas)
        assert f"\n`{article.formulas[0]}`\n" in to_markdown(result)
        # Displayed on a line of its own, set off as a browser sets it.
        assert f"\n   {article.formulas[0]}\n" in to_text(result)
        assert f"   {article.formulas[0]}" in [line.rstrip() for line in view_lines(result, 80)]


def test_windows_1251_page_served_without_header_charset(demo_server: DemoServer) -> None:
    cyrillic = [a for a in ARTICLES if a.charset != "utf-8"]
    assert cyrillic, "the demo must have a page whose charset is only in <meta>"
    for article in cyrillic:
        body, content_type = fetch(demo_server, article)
        assert "charset" not in content_type.lower()
        result = extract_article(body, demo_server.base_url + article.path)
        assert result.title == article.title
        assert norm(article.paragraphs[0]) in norm(to_text(result))
        assert "\ufffd" not in to_text(result)


def test_long_article_is_complete(demo_server: DemoServer) -> None:
    long = max(ARTICLES, key=lambda a: a.word_count)
    assert long.word_count >= 10_000
    body, _ = fetch(demo_server, long)
    result = extract_article(body, demo_server.base_url + long.path)
    assert result.word_count >= long.word_count * 0.98


def test_markdown_keeps_structure_and_absolute_links(demo_server: DemoServer) -> None:
    article = next(a for a in ARTICLES if a.headings and a.charset == "utf-8")
    body, _ = fetch(demo_server, article)
    markdown = to_markdown(extract_article(body, demo_server.base_url + article.path))
    assert markdown.startswith(f"# {article.title}".replace("[", "\\["))
    assert f"## {article.headings[0]}" in markdown
    assert "](</" not in markdown  # relative links were made absolute
