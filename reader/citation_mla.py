"""An article's citation in MLA 9's style (the MLA Handbook, 9th edition, 2021), the works-cited
entry humanities and many journalism desks ask for: `Holt, Maren, and Jonas Berg. "Harbour
Contract Costs Twice What Council Was Told." *Harbour Ledger*, 20 Nov. 2026,
ledger.example/harbour-contract.` Its core elements in MLA's order, each followed by its
punctuation: author, title of source, title of container, publisher (for a document, a PDF, as
a report: `*Title*. Publisher, 2026, url.`), date (day, abbreviated month, year), location (the
URL without its scheme, MLA 5.96). An undated page ends with the optional "Accessed 4 Dec.
2026." (MLA 5.111). Plain functions over `Article`, with `citation_styles`' rules of names,
titles and sources."""

from __future__ import annotations

from datetime import date

from .citation import cited_source, shown_cited_url
from .citation_styles import (
    accessed_day,
    authors,
    cited_names,
    cited_title,
    ended,
    in_italics,
    is_english,
)
from .cited_names import Name
from .commonmark import escape_inline, link_destination
from .models import Article
from .safe import safe_line
from .title_case import title_case, written_capitals

# MLA's abbreviations of the months (MLA 9, appendix 1): "May", "June" and "July" written out.
_MONTHS = (
    *("Jan.", "Feb.", "Mar.", "Apr.", "May", "June"),
    *("July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."),
)


def mla_date(day: date) -> str:
    """ "4 Dec. 2026", as MLA writes a date (day, month abbreviated, year)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _authors(names: list[Name]) -> str:
    """One author "Holt, Maren"; two "Holt, Maren, and Jonas Berg"; three or more the first and
    "et al." (MLA 5.6). A name cited as written ("Reuters") is given as written."""
    if not names:
        return ""
    first = names[0].inverted()
    if len(names) == 1:
        return first
    if len(names) == 2:
        comma = "," if names[0].turned else ""
        return f"{first}{comma} and {names[1].natural()}"
    return f"{first}, et al."


def _located(url: str) -> str:
    """The URL as MLA gives it, without "http://" or "https://" (MLA 5.96)."""
    for scheme in ("https://", "http://"):
        if url.startswith(scheme):
            return url[len(scheme) :]
    return url


def _address(url: str, markdown: bool) -> str:
    """The URL as MLA gives it (`_located`); in Markdown a link to it, its text the same, as
    APA's and Chicago's address is one (`cited_address_text`): escaped as text,
    "harbour\\_master" linked nowhere, or by GitHub's Markdown with its backslashes."""
    located = _located(url)
    if not markdown or not url:
        return located
    return f"[{escape_inline(located)}]({link_destination(url)})"


def mla(article: Article, markdown: bool = False) -> str:
    """MLA 9's works-cited entry for `article`: a web page's (its site the container, in
    italics), or a document's (a PDF: its title in italics, its site the publisher). No
    author: the title first; no date: "Accessed …" at the end. `markdown`: written in
    Markdown, the page's words escaped, the italics as `*…*`."""
    text = escape_inline if markdown else _as_written
    title = cited_title(article)
    # MLA's title case is Chicago's headline case, prepositions lower case (MLA 6.20).
    title = title_case(title, written_capitals(article)) if is_english(article, title) else title
    names = cited_names(article)
    parts = []
    if names:
        parts.append(text(ended(_authors(names))))
    source = safe_line(cited_source(article))
    dated = article.published or article.updated
    said = mla_date(dated.date()) if dated else ""
    url = shown_cited_url(article)
    address = _address(url, markdown)
    if article.document:
        parts.append(in_italics(title, markdown) + ended(title)[len(title) :])
        # The publisher, left out where it is the author (MLA 5.75: a work by an organisation
        # that is also its publisher begins with its title).
        if [n.casefold() for n in authors(article)] == [source.casefold()]:
            source = ""
        rest = [*(text(p) for p in (source, said) if p), *([address] if url else [])]
    else:
        title = title.replace('"', "'").replace("“", "‘").replace("”", "’")
        parts.append(f'"{text(ended(title))}"')
        rest = [p for p in (in_italics(source, markdown), text(said), address) if p]
    if rest:
        tail = ", ".join(rest)
        parts.append(tail if tail.endswith((".", "?", "!")) else f"{tail}.")
    accessed = accessed_day(article)
    if not dated and accessed:
        parts.append(f"Accessed {mla_date(accessed)}.")
    return " ".join(parts)


def _as_written(text: str) -> str:
    return text
