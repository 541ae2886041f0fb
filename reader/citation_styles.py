"""An article's citation as one line to paste into a draft or an e-mail, in Chicago's
notes-bibliography style for a web page or in APA 7's for a news article online (a document,
a PDF, as each cites a report), and as a CSL-JSON item, which Zotero, Mendeley and Pandoc
import; MLA 9's entry is in `citation_mla`. Plain functions over `Article`.

The styles are English ones: their dates and words ("accessed", "n.d.") are English whatever
the article's language, and only its title stays as the page wrote it (recased only when it
is English). A name in a script whose names are not given name first, or not initialised
(Chinese, Japanese, Korean, Arabic, Hebrew…), is cited as written, neither inverted nor cut
to initials; so is a one-word name or a newsroom's ("Reuters", "Staff Reporter"). One written
family name first in Latin letters ("Wang Xiaoming") keeps its order (`cited_names`)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from .citation import VIDEO_NOTE, cited_source, copy_notes, retrieved, shown_cited_url
from .cited_names import Name, parsed_names, turnable
from .collation import sort_key
from .commonmark import autolink, escape_inline
from .config import CITATION_STYLES
from .dates import in_local_time
from .english_dates import month_name
from .english_text import SAMPLE, reads_as_english
from .inline_markdown import runs_markdown
from .models import VIDEO_PAGE, Article, Inline
from .safe import safe_line
from .text_shape import one_line
from .title_case import (
    keeps_case,
    proper_nouns,
    sentence_case,
    shouted,
    title_case,
    written_capitals,
)
from .writer_names import AGENCIES, given_name_first, masthead, with_suffixes

# `[citation] style`: the metadata block (a line per fact, as `reader show` heads an article),
# or one line in Chicago's or APA's style.
STYLES = CITATION_STYLES
LINE_STYLES = tuple(s for s in STYLES if s != "block")


def authors(article: Article) -> list[str]:
    """The article's writers, each apart: the extractor names several joined by ", " ("Maren
    Holt, Jonas Berg"), each given name first. The site a byline names beside its writer ("Mark
    Sullivan, The Lakeshore Ledger") is no writer: the citation names it as the source."""
    site = one_line(safe_line(article.site_name)).casefold()
    written = one_line(safe_line(article.author))
    if ";" in written:  # "Holt, M.; Berg, Tom": names written surname first, kept apart so
        names = [given_name_first(p) for p in written.split(";")]
    elif _surname_first(written):  # "Holt, Maren": one writer, not "Holt, and Maren" (A27)
        names = [given_name_first(written)]
    else:  # "Martin Lund, Jr., Ann Lee": the suffix goes with the name before it
        names = with_suffixes(written.split(", "))
    # A document's is its author, the body that issues it ("Harbourton Council"), as a report
    # is cited.
    return [n for n in names if n and (article.document or n.casefold() != site)]


def cited_names(article: Article) -> list[Name]:
    """The `authors` as the styles cite them (`parsed_name`); a document's author that is its
    publisher, a body ("Harbourton Council"), and an organisation or a video's channel
    (`Article.corporate_author`), as written, not turned round as a person's."""
    site = one_line(safe_line(cited_source(article))).casefold()
    names = authors(article)
    if article.corporate_author:
        return [Name(literal=n) for n in names]
    parsed = parsed_names(names, article.language)
    return [
        Name(literal=n) if article.document and n.casefold() == site else name
        for n, name in zip(names, parsed, strict=True)
    ]


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


def is_english(article: Article, title: str) -> bool:
    """The title is English, by the page's language; where it declares none, by the words of
    the title and of the article's first paragraphs (`english_text`): only an English one is
    recased. A title in ASCII letters alone was taken for English, and a German one's nouns
    lower-cased for APA (acc36 S4). Where they say too little (a title of names, no text
    cached) the title stays as the page wrote it: a case the page chose is no mistake, a
    language's nouns lowered by a rule of another's is."""
    language = article.language.casefold()
    if language:
        return language == "en" or language.startswith("en-")
    if not turnable(title):
        return False
    read = [title]
    for block in article.blocks:
        if sum(map(len, read)) >= SAMPLE:
            break
        read.append(block.text)
    return reads_as_english(" ".join(read)) is True


def _said(day: date) -> str:
    return f"{month_name(day)} {day.day}, {day.year}"


def ended(text: str) -> str:
    """`text` ending a sentence: a period after it, unless it ends in one (or in "?", "!", or
    the ellipsis of a post's title cut at its first words: "…wreck for the…." was two)."""
    return text if text.endswith((".", "?", "!", "…")) else f"{text}."


def is_video(article: Article) -> bool:
    """The page cited is a video (it declares itself one, `og:type` "video.*", and gives no
    text but its feed's description: `VIDEO_PAGE`): APA labels it "[Video]", Chicago names
    the medium ("QuayTube video"); MLA 9 adds no label, its platform the container."""
    return article.stood_in_for == VIDEO_PAGE


def accessed_day(article: Article) -> date | None:
    """The day the cited copy was retrieved, in the local zone (the styles' "accessed")."""
    return in_local_time(at).date() if (at := retrieved(article)) else None


def cited_title(article: Article) -> str:
    """The title as a citation gives it, or its address when it has none."""
    return safe_line(article.title) or shown_cited_url(article)


def _as_written(text: str) -> str:
    return text


def _no_link(runs: tuple[Inline, ...], href: str) -> str:  # a citation's runs link nowhere
    return "".join(run.text for run in runs)


def in_italics(name: str, markdown: bool) -> str:
    """The publication's name, which both styles set in italics: `*Coastal Courier*` in
    Markdown (a "*" or "_" of the name escaped), as written in plain text."""
    if not markdown or not name:
        return name
    return runs_markdown((Inline(name, emphasis=True),), _no_link, " ", ",")


def cited_address_text(url: str, markdown: bool) -> str:
    """The cited address as a style's line writes it: in Markdown an autolink, `<…>`, as the
    block's URL line gives it. Escaped as text ("harbour\\_master"), it was linked by GitHub's
    Markdown with its backslashes in the address (acc47a A3); inside `<…>` nothing is
    unescaped, and every reader of CommonMark links it as written."""
    return autolink(url) if markdown else url


def chicago(article: Article, markdown: bool = False) -> str:
    """Chicago's bibliography entry for a web page (CMOS 17 and 18, 14.206): `Holt, Maren.
    "Harbour Contract Costs Twice What Council Was Told." Harbour Ledger, November 20, 2026.
    Accessed December 4, 2026. URL.` No author: the title first; no date: the day accessed
    alone. The day accessed goes before the URL, as the 17th and 18th editions place it
    (14.233), not after it in brackets, the 15th's "(accessed …)". Chicago asks for it only of
    a page with no date, and allows it where a discipline wants it: kept for every page, since
    a news page changes and what is cited is the copy retrieved that day (the day a quote must
    be checked against; corrections are common). A document (a PDF) as a report (14.220):
    `Author. Title. Publisher, December 4, 2026. Accessed …. URL.`, the title in italics. A
    video (`is_video`): `Quay Crafts. "Splicing Rope the Old Way." QuayTube video, December 2,
    2026. …` (14.267). `markdown`: written in Markdown, the page's words escaped, the publication in italics."""
    text = escape_inline if markdown else _as_written
    title = cited_title(article)
    title = title_case(title, written_capitals(article)) if is_english(article, title) else title
    parts = []
    names = cited_names(article)
    if names:
        parts.append(text(ended(_chicago_authors(names))))
    source = safe_line(cited_source(article))
    published = article.published.date() if article.published else None
    modified = article.updated.date() if article.updated else None
    if article.document:
        modified = None if published else modified
        parts.append(in_italics(title, markdown) + ended(title)[len(title) :])
        # The day, as MLA and a web page's form give it (acc40a M2: the year alone here and in
        # APA, the day in MLA, for one PDF of council minutes): minutes, statements and
        # judgments are dated to the day, and a journalist's styles must agree on it.
        said = _said(published) if published else _said(modified) if modified else ""
        tail = ", ".join(p for p in (source, said) if p)
        if tail:
            parts.append(text(ended(tail)))
    else:
        # A quotation inside the title takes single quotes inside Chicago's double ones.
        title = title.replace('"', "'").replace("“", "‘").replace("”", "’")
        parts.append(f'"{text(ended(title))}"')
        # A page dated only by its revision is cited with it, as Chicago cites a revision
        # date (14.207): "last modified December 3, 2026"; one revised on a later day than it
        # was published, with both: "November 20, 2026, last modified December 3, 2026" (what
        # is quoted may be the revision's, acc45 C6). A revision the same day says nothing more.
        revised = revised_day(article)
        said = ", ".join(
            p
            for p in (
                _said(published) if published else "",
                f"last modified {_said(revised)}" if revised else "",
            )
            if p
        )
        # A video: its platform and medium in roman, "QuayTube video, December 2, 2026."
        # (CMOS 17 14.267), not the platform as a publication.
        medium = (f"{source} video" if source else "Video") if is_video(article) else ""
        shown = text(medium) if medium else in_italics(source, markdown)
        tail = ", ".join(p for p in (medium or source, said) if p)
        if tail:
            # The period after the name's italics, or none when it ends in one ("Courier Inc.").
            end = ended(tail)[len(tail) :]
            parts.append(", ".join(p for p in (shown, said) if p) + end)
    url = shown_cited_url(article)
    accessed = accessed_day(article)
    if url and accessed:
        parts.append(f"Accessed {_said(accessed)}.")
    if url:
        parts.append(f"{cited_address_text(url, markdown)}.")
    return " ".join(parts)


def revised_day(article: Article) -> date | None:
    """The day a web page's citation gives as "last modified" (Chicago 14.207): its revision's,
    when it has one and was published on an earlier day or not dated at all; None for a
    document's, or a revision the same day."""
    if article.document or article.updated is None:
        return None
    modified = article.updated.date()
    published = article.published.date() if article.published else None
    return modified if published is None or modified > published else None


def apa(article: Article, markdown: bool = False) -> str:
    """APA 7's reference for a news article online: `Holt, M. (2026, November 20). Harbour
    contract costs twice what council was told. Harbour Ledger. URL`. No author: the title
    in its place; no date: "(n.d.)" and the day it was retrieved, the page being one that
    changes. A document (a PDF) as a report (APA 7, 10.4): `Author. (2026, December 4).
    Title. Publisher. URL`, the title in italics, the publisher left out where it is the
    author. A video (`is_video`): `Quay Crafts. (2026, December 2). Splicing rope the old way
    [Video]. QuayTube. URL`, its title in italics. `markdown`: written in Markdown, the page's
    words escaped, the publication in italics."""
    text = escape_inline if markdown else _as_written
    title = cited_title(article)
    if is_english(article, title):
        title = sentence_case(title, proper_nouns(article), written_capitals(article))
    names = cited_names(article)
    # A page dated only by its "Updated" line: that is the date it shows, which APA cites.
    dated = article.published or article.updated
    published = dated.date() if dated else None
    if published is None:
        when = "(n.d.)."
    else:  # a document too: dated to the day, as in Chicago and MLA (`chicago`)
        when = f"({published.year}, {month_name(published)} {published.day})."
    video = is_video(article)
    if video:
        # A video is a work of its own: its title in italics, then "[Video]" (APA 7, 10.12),
        # its platform in roman after it ("YouTube").
        title = f"{in_italics(title, markdown)} [Video]."
    elif article.document:
        title = in_italics(title, markdown) + ended(title)[len(title) :]
    else:
        title = text(ended(title))
    parts = [text(ended(_apa_authors(names))), when, title] if names else [title, when]
    source = safe_line(cited_source(article))
    if article.document and [n.casefold() for n in authors(article)] == [source.casefold()]:
        source = ""  # the body that wrote it publishes it: named once, as its author
    if source:
        shown = text(source) if article.document or video else in_italics(source, markdown)
        parts.append(shown + ended(source)[len(source) :])
    url = shown_cited_url(article)
    accessed = accessed_day(article)
    if url:
        address = cited_address_text(url, markdown)
        parts.append(
            f"Retrieved {_said(accessed)}, from {address}"
            if published is None and accessed
            else address
        )
    return " ".join(parts)


def reference_order(article: Article) -> str:
    """Where the article's reference goes in a list in either style: by its first author's
    surname and given names, or by its title past an article ("The", "A", "An") where it names
    no one; accents and case aside ("Élodie" with "Elodie", "Weiß" with "Weiss"), a Cyrillic
    alphabet's letters in its order ("Ґудзь" before "Петров")."""
    names = authors(article)
    if names:
        key = cited_names(article)[0].inverted()
    else:
        key = _LEADING_ARTICLE.sub("", cited_title(article).lstrip("\"'“‘«"), count=1)
    return sort_key(key)


_LEADING_ARTICLE = re.compile(r"^(?:the|an?)\s+", re.IGNORECASE)


def _cited_day(article: Article) -> date | None:
    """The day APA's reference dates the article by (`apa`)."""
    dated = article.published or article.updated
    return dated.date() if dated else None


def reference_list(references: list[tuple[Article, str]], style: str) -> list[str]:
    """The lines of a reference list (each article's citation in `style`) in the style's order
    (`reference_order`). In APA one author's works, the same authors in the same order, of one
    year are in date order, the year lettered ("2026a", "2026b": APA 7 §9.47), so that an
    in-text "(Holt, 2026a)" names one entry (acc47a A6)."""
    if style != "apa":
        return [line for _, line in sorted(references, key=lambda r: reference_order(r[0]))]

    def names(article: Article) -> tuple[str, ...]:
        return tuple(name.initialled().casefold() for name in cited_names(article))

    def order(reference: tuple[Article, str]) -> tuple[Any, ...]:
        # One author's works before those of the author and others (APA 7 §9.46), each by
        # date; accents and case aside, as `reference_order`.
        article = reference[0]
        written = tuple(sort_key(name.inverted()) for name in cited_names(article))
        return (reference_order(article), written, _cited_day(article) or date.min)

    ordered = sorted(references, key=order)
    groups: dict[tuple[tuple[str, ...], int], list[int]] = {}
    for n, (article, _line) in enumerate(ordered):
        if (written := names(article)) and (day := _cited_day(article)) is not None:
            groups.setdefault((written, day.year), []).append(n)
    lines = [line for _, line in ordered]
    for (_names, year), members in groups.items():
        if len(members) < 2 or len(members) > 26:
            continue
        for letter, n in zip("abcdefghijklmnopqrstuvwxyz", members, strict=False):
            lines[n] = lines[n].replace(f"({year}, ", f"({year}{letter}, ", 1)
    return lines


def citation_line(article: Article, style: str, markdown: bool = False) -> str:
    """The article's citation in `style`, one of `LINE_STYLES`; in Markdown inline (its line's
    start left to the caller to escape) with `markdown`."""
    if style == "mla":
        from .citation_mla import mla  # it cites with this module's functions

        return mla(article, markdown)
    return apa(article, markdown) if style == "apa" else chicago(article, markdown)


def _date_parts(day: date) -> dict[str, Any]:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(article: Article, item_id: str) -> dict[str, Any]:
    """The article as a CSL-JSON item (`reader show --format csl-json`): a newspaper article,
    or a document (a PDF) a report its site publishes (acc35b F8: Zotero took a council's
    report for a newspaper's article, the feed's name the newspaper), or a video
    (`is_video`) a motion picture its platform publishes; its writers each apart
    (`_csl_name`), its dates as date parts. CSL has no variable for a revision's date, which
    Chicago prints ("last modified …"), nor for what the copy cited is (corrected since, not
    all of it, which copy of several), in the words a pasted citation's notes have: they go in
    `note`, which Zotero keeps as the item's Extra (acc47a A9)."""
    source = safe_line(cited_source(article))
    revised = revised_day(article)
    notes = [f"Last modified {_said(revised)}." if revised else ""]
    # A video is Zotero's Video Recording (CSL's motion_picture), its platform the studio
    # (`publisher`): a newspaper's article, QuayTube its newspaper, is what it was taken for.
    video = is_video(article)
    # That a video's feed description stands in for an article is the reader's own remark,
    # not the record's: it landed in a reference manager's Extra (acc50c C7).
    notes += [
        safe_line(line.removeprefix("Note: "))
        for line in copy_notes(article, copied=True)
        if not (video and line == VIDEO_NOTE)
    ]
    kind = "report" if article.document else "motion_picture" if video else "article-newspaper"
    item: dict[str, Any] = {
        "id": item_id,
        "type": kind,
        "title": _record_title(article),
        "publisher" if article.document or video else "container-title": source,
        "medium": "Video" if video else "",
        "author": [_csl_name(n) for n in cited_names(article)],
        "URL": shown_cited_url(article),
        "language": safe_line(article.language),
        "abstract": safe_line(article.description),
        "note": "\n".join(note for note in notes if note),
    }
    if dated := article.published or article.updated:
        item["issued"] = _date_parts(dated.date())
    if accessed := accessed_day(article):
        item["accessed"] = _date_parts(accessed)
    return {key: value for key, value in item.items() if value}


def _record_title(article: Article) -> str:
    """The title a record gives: as written, but an English headline in capitals throughout
    in Chicago's headline case, as the styles set it (acc48d D2: the BibTeX and RIS records
    froze "WHO WARNS OF…" where the styles lowered it), the words whose capitals are their own
    ("WHO", "MPs") marked so, in CSL's `<span class="nocase">`, which citeproc-js and pandoc
    keep and BibTeX's braces say (`citation_records`). A title in capitals has no lower-case
    "span" that could be read as one."""
    title = safe_line(article.title)
    if not shouted(title.split()) or not is_english(article, title):
        return title
    return " ".join(
        f'<span class="nocase">{word}</span>' if keeps_case(word) else word
        for word in title_case(title, written_capitals(article)).split(" ")
    )


def _csl_name(name: Name) -> dict[str, Any]:
    """One writer as a CSL processor (citeproc-js in Zotero and Mendeley, pandoc's citeproc)
    cites them as this module does: an organisation, or a name in a script not turned round,
    as written (`literal`); "Wang Xiaoming" in its order (`static-ordering`, which citeproc-js
    reads); a surname with its particle ("de Vries", "al-Omran") in double quotes, which both
    processors read as one surname not to take apart (the CSL test suite's
    bugreports_parseName): CSL's Chicago demotes a particle it finds ("Vries, Sophie de",
    filed under V) where this module's keeps it as the byline writes it, as CSL 1.0.2 asks of
    a particle never demoted ("de Gaulle", in the family name)."""
    if name.literal:
        return {"literal": name.literal}
    return {
        "family": f'"{name.family}"' if name.particled else name.family,
        "given": name.given,
        # "van" of "Ludwig van Beethoven", set after the given names ("Beethoven, Ludwig van")
        # by every CSL style, as by this module's.
        **({"dropping-particle": name.particle} if name.particle else {}),
        **({"suffix": name.suffix} if name.suffix else {}),
        **({"static-ordering": True} if name.family_first else {}),
    }
