"""An article's citation as one line to paste into a draft or an e-mail, in Chicago's
notes-bibliography style for a web page or in APA 7's for a news article online, and as a
CSL-JSON item, which Zotero, Mendeley and Pandoc import. Plain functions over `Article`.

Both styles are English ones: their dates and words ("accessed", "n.d.") are English whatever
the article's language, and only its title stays as the page wrote it (recased only when it
is English). A name in a script whose names are not given name first, or not initialised
(Chinese, Japanese, Korean, Arabic, Hebrew…), is cited as written, neither inverted nor cut
to initials; so is a one-word name or a newsroom's ("Reuters", "Staff Reporter"). One written
family name first in Latin letters ("Wang Xiaoming") keeps its order (`cited_names`)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Any

from .citation import cited_source, retrieved, shown_cited_url
from .cited_names import Name, parsed_name, turnable
from .commonmark import escape_inline
from .config import CITATION_STYLES
from .dates import in_local_time
from .english_dates import month_name
from .inline_markdown import runs_markdown
from .models import Article, Inline
from .safe import safe_line
from .title_case import proper_nouns, sentence_case, title_case
from .writer_names import AGENCIES, given_name_first, masthead, with_suffixes

# `[citation] style`: the metadata block (a line per fact, as `reader show` heads an article),
# or one line in Chicago's or APA's style.
STYLES = CITATION_STYLES
LINE_STYLES = tuple(s for s in STYLES if s != "block")


def authors(article: Article) -> list[str]:
    """The article's writers, each apart: the extractor names several joined by ", " ("Maren
    Holt, Jonas Berg"), each given name first. The site a byline names beside its writer ("Mark
    Sullivan, The Lakeshore Ledger") is no writer: the citation names it as the source."""
    site = " ".join(safe_line(article.site_name).split()).casefold()
    written = " ".join(safe_line(article.author).split())
    if ";" in written:  # "Holt, M.; Berg, Tom": names written surname first, kept apart so
        names = [given_name_first(p) for p in written.split(";")]
    elif _surname_first(written):  # "Holt, Maren": one writer, not "Holt, and Maren" (A27)
        names = [given_name_first(written)]
    else:  # "Martin Lund, Jr., Ann Lee": the suffix goes with the name before it
        names = with_suffixes(written.split(", "))
    return [n for n in names if n and n.casefold() != site]


def _surname_first(name: str) -> bool:
    """`name` is one person's, written surname first ("Holt, Maren", "Kooman, F."): a word, a
    comma, a given name or two; not a writer and an agency ("Lee, Reuters", "Ann Lee, DER
    SPIEGEL")."""
    surname, comma, given = name.partition(", ")
    return (
        bool(comma)
        and len(surname.split()) == 1
        and 1 <= len(given.split()) <= 2
        and "," not in given
        and not masthead(given)
        and given.casefold() not in AGENCIES
    )


def _listed(parts: list[str], joiner: str, comma: bool = True) -> str:
    """ "A", "A, and B" (Chicago's comma after an inverted first name), "A, B, and C";
    "A and B" without the `comma`."""
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f"{',' if comma else ''} {joiner} {parts[-1]}"


def _chicago_authors(names: list[Name]) -> str:
    if len(names) > 10:  # Chicago 14.76: the first seven, then "et al."
        return ", ".join([names[0].inverted(), *(n.natural() for n in names[1:7])]) + ", et al."
    # Of two names, the comma is the inverted first one's ("Holt, Maren, and Jonas Berg"): a
    # first name cited as written takes none ("דנה לוי and יוסי כהן", "Wang Xiaoming and …").
    comma = len(names) > 2 or names[0].turned
    return _listed([names[0].inverted(), *(n.natural() for n in names[1:])], "and", comma)


def _apa_authors(names: list[Name]) -> str:
    shown = [n.initialled() for n in names]
    if len(shown) > 20:  # APA 9.8: the first nineteen, an ellipsis, the last
        return ", ".join(shown[:19]) + ", . . . " + shown[-1]
    return _listed(shown, "&")


def _english(article: Article, title: str) -> bool:
    language = article.language.casefold()
    if language:
        return language == "en" or language.startswith("en-")
    return turnable(title) and title.isascii()


def _said(day: date) -> str:
    return f"{month_name(day)} {day.day}, {day.year}"


def _ended(text: str) -> str:
    """`text` ending a sentence: a period after it, unless it ends in one (or in "?", "!")."""
    return text if text.endswith((".", "?", "!")) else f"{text}."


def _accessed(article: Article) -> date | None:
    return in_local_time(at).date() if (at := retrieved(article)) else None


def _title(article: Article) -> str:
    return safe_line(article.title) or shown_cited_url(article)


def _as_written(text: str) -> str:
    return text


def _no_link(runs: tuple[Inline, ...], href: str) -> str:  # a citation's runs link nowhere
    return "".join(run.text for run in runs)


def _italic(name: str, markdown: bool) -> str:
    """The publication's name, which both styles set in italics: `*Coastal Courier*` in
    Markdown (a "*" or "_" of the name escaped), as written in plain text."""
    if not markdown or not name:
        return name
    return runs_markdown((Inline(name, emphasis=True),), _no_link, " ", ",")


def chicago(article: Article, markdown: bool = False) -> str:
    """Chicago's bibliography entry for a web page: `Holt, Maren. "Harbour Contract Costs
    Twice What Council Was Told." Harbour Ledger, November 20, 2026. URL (accessed December
    4, 2026).` No author: the title first; no date: the date it was accessed alone.
    `markdown`: written in Markdown, the page's words escaped, the publication in italics."""
    text = escape_inline if markdown else _as_written
    title = _title(article)
    title = title_case(title) if _english(article, title) else title
    # A quotation inside the title takes single quotes inside Chicago's double ones.
    title = title.replace('"', "'").replace("“", "‘").replace("”", "’")
    parts = []
    names = [parsed_name(n, article.language) for n in authors(article)]
    if names:
        parts.append(text(_ended(_chicago_authors(names))))
    parts.append(f'"{text(_ended(title))}"')
    source = safe_line(cited_source(article))
    published = article.published.date() if article.published else None
    modified = article.updated.date() if article.updated and not published else None
    # A page dated only by its revision is cited with it, as Chicago cites a revision date
    # (14.207): "last modified December 3, 2026".
    said = _said(published) if published else f"last modified {_said(modified)}" if modified else ""
    tail = ", ".join(p for p in (source, said) if p)
    if tail:
        # The period after the name's italics, or none when it ends in one ("Courier Inc.").
        end = _ended(tail)[len(tail) :]
        parts.append(", ".join(p for p in (_italic(source, markdown), said) if p) + end)
    url = shown_cited_url(article)
    accessed = _accessed(article)
    if url:
        parts.append(text(f"{url} (accessed {_said(accessed)})." if accessed else _ended(url)))
    return " ".join(parts)


def apa(article: Article, markdown: bool = False) -> str:
    """APA 7's reference for a news article online: `Holt, M. (2026, November 20). Harbour
    contract costs twice what council was told. Harbour Ledger. URL`. No author: the title
    in its place; no date: "(n.d.)" and the day it was retrieved, the page being one that
    changes. `markdown`: written in Markdown, the page's words escaped, the publication in
    italics."""
    text = escape_inline if markdown else _as_written
    title = _title(article)
    title = sentence_case(title, proper_nouns(article)) if _english(article, title) else title
    names = [parsed_name(n, article.language) for n in authors(article)]
    # A page dated only by its "Updated" line: that is the date it shows, which APA cites.
    dated = article.published or article.updated
    published = dated.date() if dated else None
    when = (
        f"({published.year}, {month_name(published)} {published.day})." if published else "(n.d.)."
    )
    title = text(_ended(title))
    parts = [text(_ended(_apa_authors(names))), when, title] if names else [title, when]
    if source := safe_line(cited_source(article)):
        parts.append(_italic(source, markdown) + _ended(source)[len(source) :])
    url = shown_cited_url(article)
    accessed = _accessed(article)
    if url:
        parts.append(
            text(
                f"Retrieved {_said(accessed)}, from {url}"
                if published is None and accessed
                else url
            )
        )
    return " ".join(parts)


def reference_order(article: Article) -> str:
    """Where the article's reference goes in a list in either style: by its first author's
    surname and given names, or by its title past an article ("The", "A", "An") where it names
    no one; accents and case aside ("Élodie" with "Elodie", "Weiß" with "Weiss")."""
    names = authors(article)
    if names:
        key = parsed_name(names[0], article.language).inverted()
    else:
        key = _LEADING_ARTICLE.sub("", _title(article).lstrip("\"'“‘«"), count=1)
    folded = unicodedata.normalize("NFKD", key.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)


def citation_line(article: Article, style: str, markdown: bool = False) -> str:
    """The article's citation in `style`, one of `LINE_STYLES`; in Markdown inline (its line's
    start left to the caller to escape) with `markdown`."""
    return apa(article, markdown) if style == "apa" else chicago(article, markdown)


def _date_parts(day: date) -> dict[str, Any]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(article: Article, item_id: str) -> dict[str, Any]:
    """The article as a CSL-JSON item (`reader show --format csl-json`): a newspaper article,
    its writers each apart (surname and given names, or `literal` as written), its dates as
    date parts."""
    item: dict[str, Any] = {
        "id": item_id,
        "type": "article-newspaper",
        "title": safe_line(article.title),
        "container-title": safe_line(cited_source(article)),
        "author": [
            {"literal": n.literal}
            if n.literal
            else {
                "family": n.family,
                "given": n.given,
                **({"suffix": n.suffix} if n.suffix else {}),
            }
            for n in (parsed_name(a, article.language) for a in authors(article))
        ],
        "URL": shown_cited_url(article),
        "language": safe_line(article.language),
        "abstract": safe_line(article.description),
    }
    if dated := article.published or article.updated:
        item["issued"] = _date_parts(dated.date())
    if accessed := _accessed(article):
        item["accessed"] = _date_parts(accessed)
    return {key: value for key, value in item.items() if value}
