"""The demo articles as data: loading, the test manifest and boilerplate phrases.

Article sources live in ``reader/demo/site/<site>/<slug>.txt`` (see :mod:`.markup` for
the format). :func:`load_articles` is the manifest tests compare extraction results
against; :func:`boilerplate_phrases` lists the strings a page shows *around* the body,
which a good extractor must drop.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import datetime
from importlib import resources
from urllib.parse import quote

from .markup import Block, inline_text, parse_source
from .sites import SITE_ORDER, SITES, format_byline_date

NON_ARTICLE_PATHS: list[str] = ["/gazette/files/budget-report.pdf"]
"""Links that appear in a feed but are not HTML articles (see :data:`NON_ARTICLE_LINKS`)."""

# Words for the word count: letters/digits, allowing inner hyphens and apostrophes,
# so "council's" or "long-read" count once and a lone dash counts as nothing.
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")

# How each site builds an article's URL path from its published (local) date and slug.
# Three different shapes, like three different CMSs.
_PATH_PATTERNS = {
    "gazette": "/gazette/{d:%Y}/{d:%m}/{d:%d}/{slug}.html",
    "northwind": "/northwind/{d:%Y}/{d:%m}/{slug}/",
    "vestnik": "/vestnik/news/{d:%Y%m%d}/{slug}.html",
}


@dataclass(frozen=True)
class DemoArticle:
    """One demo article page, as the manifest tests check extraction against.

    ``paragraphs`` are the top-level ``<p>`` paragraphs of the body only; quotes, list
    items, figure captions and table rows are in ``quotes``, ``list_items``, ``captions``
    and ``table_rows``, and ``body_text`` joins every body block in page order.
    ``word_count`` counts words in all of the body (not the title or summary).
    """

    slug: str
    site: str  # "gazette" | "northwind" | "vestnik"
    path: str
    title: str
    author: str
    published: datetime
    updated: datetime | None
    tags: tuple[str, ...]
    summary: str
    charset: str  # "utf-8" | "windows-1251" | "koi8-r"
    paragraphs: tuple[str, ...]
    headings: tuple[str, ...]
    word_count: int
    quotes: tuple[str, ...] = ()
    list_items: tuple[str, ...] = ()
    captions: tuple[str, ...] = ()
    table_rows: tuple[str, ...] = ()  # each row's cells joined by " | ", as Block.text joins them
    formulas: tuple[str, ...] = ()  # each displayed formula's linear form
    section: str = ""
    label: str | None = None  # "exclusive" | "opinion" | None (updated articles get "updated")
    meta_charset_style: str = "charset"  # "charset" | "http-equiv": how the page declares it
    json_ld: bool = False
    built_by_script: bool = False
    """Served as a page a script would fill: the text only in its JSON-LD's `articleBody`."""
    amp_only: bool = False
    """Served as a page a script would fill that declares no text, but names its AMP version
    (`amp_path`), where the text is."""
    blocks: tuple[Block, ...] = field(default=(), repr=False, compare=False)
    pages: tuple[tuple[Block, ...], ...] = field(default=(), repr=False, compare=False)
    """An article split over several pages: each page's blocks (`blocks` holds them all)."""
    page: int = 0
    """Which of `pages` this copy shows (`on_page`); 0: the article whole."""

    @property
    def live(self) -> bool:
        """A live blog: its body is timestamped entries."""
        return any(b.kind == "entry" for b in self.blocks)

    @property
    def body_text(self) -> str:
        """All body text (headings, paragraphs, quotes, list items, captions, table rows) in order."""
        return "\n\n".join(part for block in self.blocks for part in block.text_parts())

    @property
    def display_label(self) -> str | None:
        """Label key shown next to the headline in "latest news" lists, if any."""
        return self.label or ("updated" if self.updated else None)

    def url(self, base_url: str) -> str:
        return base_url.rstrip("/") + self.page_path(self.page or 1)

    @property
    def amp_path(self) -> str:
        """Where the article's AMP version is served (an `amp_only` article's text)."""
        return self.path.rstrip("/") + "/amp/"

    def page_path(self, number: int) -> str:
        """Where page `number` (from 1) of the article is served."""
        return self.path if number == 1 else f"{self.path}{number}/"

    def on_page(self, number: int) -> DemoArticle:
        """The article as its page `number` shows it: that page's blocks."""
        return replace(self, blocks=self.pages[number - 1], page=number)


@dataclass(frozen=True)
class NonArticleLink:
    """A feed item that points at something other than an HTML article."""

    site: str
    path: str
    title: str
    author: str
    published: datetime
    summary: str
    tags: tuple[str, ...]
    content_type: str


NON_ARTICLE_LINKS: list[NonArticleLink] = [
    NonArticleLink(
        site="gazette",
        path="/gazette/files/budget-report.pdf",
        title="Full council budget report (PDF)",
        author="Gazette Data Desk",
        published=datetime.fromisoformat("2026-11-23T22:30:00+00:00"),
        summary="The complete 2027–28 budget report as tabled at Harbour City Council.",
        tags=("Council", "Budget"),
        content_type="application/pdf",
    )
]


def _parse_datetime(value: str, what: str) -> datetime:
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is None:
        raise ValueError(f"{what} must carry a timezone: {value!r}")
    return parsed


def _build_article(site: str, slug: str, source: str) -> DemoArticle:
    headers, parsed = parse_source(source)
    pages: list[list[Block]] = [[]]
    for block in parsed:
        if block.kind == "page":
            pages.append([])
        else:
            pages[-1].append(block)
    blocks = [block for page in pages for block in page]
    published = _parse_datetime(headers["published"], "published")
    updated = _parse_datetime(headers["updated"], "updated") if headers.get("updated") else None
    path = headers.get("path") or _PATH_PATTERNS[site].format(d=published, slug=slug)
    if len(pages) > 1 and not path.endswith("/"):
        raise ValueError(f"{slug}: an article over several pages needs a path ending in '/'")

    def texts(*kinds: str) -> tuple[str, ...]:
        return tuple(part for b in blocks if b.kind in kinds for part in b.text_parts())

    body_words = sum(len(_WORD.findall(part)) for b in blocks for part in b.text_parts())
    return DemoArticle(
        slug=slug,
        site=site,
        path=path,
        title=headers["title"],
        author=headers["author"],
        published=published,
        updated=updated,
        tags=tuple(t.strip() for t in headers.get("tags", "").split(",") if t.strip()),
        summary=headers["summary"],
        charset=headers.get("charset", "utf-8").lower(),
        paragraphs=texts("p"),
        headings=texts("h2", "h3", "entry"),
        word_count=body_words,
        quotes=tuple(inline_text(b.lines[0]) for b in blocks if b.kind == "quote"),
        list_items=texts("ul", "ol"),
        captions=texts("figure", "audio"),
        table_rows=tuple(
            " | ".join(inline_text(c) for c in row)
            for b in blocks
            if b.kind == "table"
            for row in b.rows()
        ),
        formulas=tuple(b.lines[0] for b in blocks if b.kind == "math"),
        section=headers.get("section", ""),
        label=headers.get("label") or None,
        meta_charset_style=headers.get("meta", "charset"),
        json_ld=headers.get("jsonld", "no").lower() in ("yes", "true", "1"),
        built_by_script=headers.get("built-by", "") == "script",
        amp_only=headers.get("built-by", "") == "script, with an AMP version",
        blocks=tuple(blocks),
        pages=tuple(tuple(page) for page in pages) if len(pages) > 1 else (),
    )


@functools.cache
def _load_all() -> tuple[DemoArticle, ...]:
    root = resources.files(__package__).joinpath("site")
    articles: list[DemoArticle] = []
    for site in SITE_ORDER:
        folder = root.joinpath(site)
        for entry in folder.iterdir():
            if entry.name.endswith(".txt"):
                slug = entry.name.removesuffix(".txt")
                articles.append(_build_article(site, slug, entry.read_text(encoding="utf-8")))
    # Site order first, then newest first within a site: the order the feeds list them.
    order = {site: i for i, site in enumerate(SITE_ORDER)}
    articles.sort(key=lambda a: (order[a.site], -a.published.timestamp(), a.slug))
    return tuple(articles)


def load_articles() -> list[DemoArticle]:
    """All demo article pages (not the PDF): by site, newest first within each site."""
    return list(_load_all())


def articles_for_site(site: str) -> list[DemoArticle]:
    return [a for a in _load_all() if a.site == site]


@functools.cache  # articles are immutable; sidebars ask about the same ones over and over
def _own_text(article: DemoArticle) -> str:
    """Everything an extractor may legitimately keep: title, summary, section, byline, body."""
    parts = [article.title, article.summary, article.section, article.author, article.body_text]
    parts.append(format_byline_date(article.site, article.published))
    if article.updated:
        parts.append(format_byline_date(article.site, article.updated))
    return "\n".join(parts).casefold()


def _mentions(article: DemoArticle, phrase: str) -> bool:
    return phrase.casefold() in _own_text(article)


def latest_headlines(article: DemoArticle, limit: int = 6) -> list[DemoArticle]:
    """Other articles of the same site for the "latest news" sidebar, newest first.

    Articles whose title the body quotes verbatim are skipped, so every sidebar headline
    is something an extractor must remove.
    """
    others = [
        a
        for a in articles_for_site(article.site)
        if a.slug != article.slug and not _mentions(article, a.title)
    ]
    return others[:limit]


def read_also(article: DemoArticle) -> list[DemoArticle]:
    """Two or three other articles for the "Read also" box inside the body.

    Prefers shared tags, then closeness in time; long bodies get three links.
    """
    candidates = [
        a
        for a in articles_for_site(article.site)
        if a.slug != article.slug and not _mentions(article, a.title)
    ]
    tags = set(article.tags)
    candidates.sort(
        key=lambda a: (
            -len(tags & set(a.tags)),
            abs((a.published - article.published).total_seconds()),
            a.slug,
        )
    )
    return candidates[: 3 if len(article.blocks) > 6 else 2]


def tag_href(site: str, tag: str) -> str:
    """URL path of a tag page, percent-encoded so it is plain ASCII in any page charset."""
    slug = re.sub(r"[^\w]+", "-", tag.casefold()).strip("-")
    return f"/{site}/tag/{quote(slug)}/"


def boilerplate_phrases(article: DemoArticle) -> list[str]:
    """Distinctive strings on the article's page that sit outside the article body.

    Navigation labels, the cookie banner sentence and buttons, share buttons, the
    in-body "Read also" box (heading and linked titles), "latest news" headlines, the
    tag row, the newsletter box and the footer. A phrase is only listed if it occurs
    nowhere in the title, summary, byline or body (case-insensitively), so a test can
    assert that each one is absent from correctly extracted text. A page built by script has
    none: its shell shows nothing but "Loading…" (nor has the AMP version of one, but for the
    site's name).
    """
    if article.built_by_script or article.amp_only:
        return []
    site = SITES[article.site]
    phrases: list[str] = [label for label, _ in site.nav]
    phrases.append(site.cookie_text)
    phrases.extend(site.cookie_buttons)
    phrases.extend(site.share_labels)
    phrases.append(site.read_also_heading)
    phrases.extend(a.title for a in read_also(article))
    phrases.append(site.latest_heading)
    phrases.extend(a.title for a in latest_headlines(article))
    phrases.append(site.tags_label)
    phrases.extend(article.tags)
    phrases.extend([site.newsletter_heading, site.newsletter_text, site.newsletter_button])
    phrases.append(site.footer_text)
    phrases.extend(label for label, _ in site.footer_links)
    unique = dict.fromkeys(p for p in phrases if not _mentions(article, p))
    return list(unique)
