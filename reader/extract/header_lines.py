"""The header's metadata repeated at the top of the body: a byline, a dateline, a category row,
a reading time, a read-aloud player's label.

The view's header shows the author, the date and the source; the page's own lines saying the
same ("Mike Conley", "December 18, 2020", "Categories: News", "Анна Лебедева | 24 ноября 2026,
12:15") are noise above the first paragraph. They are found by their words, not their class
names, which are in any language and any theme's vocabulary ("avtor", "vcard", "entry-info").
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from ..dates import ascii_digits, on_date
from ..models import Block, BlockKind, words_in
from .author_names import split_names
from .byline_names import job_byline, line_byline, without_label
from .info_lines import first_info_line, info_line
from .month_names import (
    MONTHS,
    PUBLISHED_WORDS,
    PUBLISHED_WORDS_CJK,
    UPDATED_WORDS,
    UPDATED_WORDS_CJK,
    month_key,
)
from .solar_hijri import solar_hijri_date
from .wire_ledes import is_wire_lede
from .written_dates import dateline_dates, line_dates, opens_with_date_label, states_only_dates
from .zone_country import placed_language

# A byline with its dateline ("By Ana Ruiz and Tom Berg | 24 November 2026, 12:15, updated …")
# is shorter than this; a paragraph that names the author is longer.
_DATELINE_WORDS = 25
# A line that is only a name or only a date is shorter than this.
_SHORT_LINE_WORDS = 8
# How far down the body such lines are looked for (headings and pictures are passed over).
_LOOK_AHEAD = 5
# The words that join two names: "Ana Ruiz and Tom Berg", "und", "et", "y", "e", "og", "och",
# "en", "и"; Hebrew's and Arabic's "and" is a letter written onto the next name ("נועה לוי
# ויוסי כהן"), left alone once the names are taken out.
_JOIN = r"\b(?:and|und|et|y|e|og|och|en|и|ו|و)\b"
_AUTHOR_SEPARATOR = re.compile(rf",|;|&|{_JOIN}")
_NOT_A_NAME = re.compile(rf"[\W_]|{_JOIN}")
_NUMBER = re.compile(r"\d+")
# "Categories: News", "Tags: council, budget", "Filed under: Politics".
_LABEL_ROW = re.compile(
    r"^\s*(categories|category|tags|tagged|filed under|posted in|topics|kategorien|kategorie|"
    r"schlagw(ö|oe)rter|themen|cat(é|e)gories|rubriques?|mots-cl(é|e)s|categor(í|i)as?|etiquetas|"
    r"categorie|рубрик[аи]|теги|метки)\s*:",
    re.IGNORECASE,
)
# A reading time ("Reading Time: 3 minutes", "7 min read", "Lesezeit: 4 Min.", "Lecture 3 min.",
# "5 минут чтения", "وقت القراءة: 3 دقائق", "この記事は約3分で読めます"), which a theme or a
# plugin ("Reading Time WP") puts at the top of the body: the site's estimate, not the writer's
# words. The line is its number of minutes and words saying reading, nothing else.
# The number starts where no digit precedes: looked for from each digit of a long one, it
# took quadratic time.
_READING_MINUTES = re.compile(
    r"(?:about|ca\.|~|約|约|약)?\s*(?<!\d)\d+(?:\s*[-–]\s*\d+)?\s*"
    r"(?:(?:minutes?|mins?|minuten|minutos|minuti|minuut|min|минут[аы]?|мин|хвилин[аи]?|хв"
    r"|dakika(?:da)?|dk|دقائق|دقيقة|דקות|דקה|मिनट)(?!\w)\.?"
    # Chinese, Japanese and Korean run the unit into the next word: "3分で読めます".
    r"|分钟|分鐘|分|분)",
    re.IGNORECASE,
)
_READING_WORDS = re.compile(
    r"(?<!\w)(?:estimated|reading|read|time|lesezeit|lesedauer|temps|de|lecture|tiempo|lectura"
    r"|tempo|di|lettura|leestijd|leitura|время|чтения|czas|czytania|час|читання|okuma|süresi"
    r"|okunur|وقت|القراءة|قراءة|זמן|קריאה|पढ़ने|पढ़ने|का|समय)(?!\w)"
    r"|阅读时间|阅读|閱讀時間|閱讀|読了時間|この記事は|で読めます|で読了|읽는\s*시간|읽기",
    re.IGNORECASE,
)
_READING_SAYS = re.compile(
    r"\b(?:read|reading|lese|lecture|lectura|lettura|lees|leitura|чтени|czytani|читанн|okum"
    r"|okun|קריא)|قراء|पढ़|पढ़|阅读|閱讀|読|읽",
    re.I,
)


def _is_reading_time(text: str) -> bool:
    """The line says how long the article takes to read, and nothing else."""
    if len(text.split()) > _SHORT_LINE_WORDS or len(_READING_MINUTES.findall(text)) != 1:
        return False
    rest = _READING_MINUTES.sub(" ", text)
    if not _READING_SAYS.search(rest):
        return False
    return _nothing_but_punctuation(_READING_WORDS.sub(" ", rest))


def _nothing_but_punctuation(text: str) -> bool:
    """What is left of a line once its expected words are taken out says nothing more."""
    return not re.sub(r"[\W_]", "", text)


# A read-aloud player's label ("Listen to this article · 7:32 min", "Artikel anhören",
# "Écouter cet article"): the site's button above the body, with its duration at most.
_LISTEN = re.compile(
    r"(?<!\w)(?:listen(?:\s+to)?(?:\s+(?:this|the))?(?:\s+(?:article|story))?"
    r"|(?:hören\s+sie\s+(?:diesen|den)\s+)?artikel\s+(?:an)?hören|vorlesen(?:\s+lassen)?"
    r"|écouter\s+(?:cet\s+|l['’]\s*)?article|escuchar(?:\s+(?:este|el))?\s+(?:artículo|noticia)"
    r"|ascolta(?:\s+l['’]\s*)?(?:\s*articolo)?|ouvir(?:\s+(?:esta|a))?\s+(?:matéria|notícia)"
    r"|luister(?:\s+naar\s+dit\s+artikel)?|слушать(?:\s+статью)?|posłuchaj(?:\s+artykułu)?)"
    r"(?!\w)",
    re.IGNORECASE,
)
# What such a label may hold besides: a duration ("7:32", "5 min") and the player's words.
_PLAYER_WORDS = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?|(?<!\w)\d+\s*(?:min(?:ute)?s?|minuten|sec(?:ond)?s?)\.?(?!\w)"
    r"|(?<!\w)(?:play|pause|audio|now|learn\s+more|beta|min)(?!\w)",
    re.IGNORECASE,
)


def _is_listen_line(text: str) -> bool:
    """The line is a read-aloud player's label, with its duration at most: no words of the
    story ("Listen to the mayor's speech below" says what to listen to)."""
    if len(text.split()) > _DATELINE_WORDS or not _LISTEN.search(text):
        return False
    return _nothing_but_punctuation(_PLAYER_WORDS.sub(" ", _LISTEN.sub(" ", text)))


# When the page was made, not a date: "3 hours ago", "vor 2 Stunden", "il y a 3 heures",
# "hace 2 horas", "2 ore fa", "há 3 horas", "3 часа назад".
_AGO = re.compile(
    r"(?<!\w)(?:(?:\d+|an?|one|a few)\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?"
    r"|weeks?|months?)\s+ago"
    r"|vor\s+(?:\d+|einer?|einem)\s+(?:sekunden?|minuten?|stunden?|tag(?:en)?|wochen?)"
    r"|il\s+y\s+a\s+(?:\d+|une?)\s+(?:secondes?|minutes?|heures?|jours?|semaines?)"
    r"|hace\s+(?:\d+|una?)\s+(?:segundos?|minutos?|horas?|d[ií]as?|semanas?)"
    r"|\d+\s+(?:secondi|minuti|ore|giorni|settimane)\s+fa"
    r"|h[áa]\s+(?:\d+|uma?)\s+(?:segundos?|minutos?|horas?|dias?|semanas?)"
    r"|\d+\s+(?:секунд[уы]?|минут[уы]?|час(?:а|ов)?|дн(?:я|ей)|день|недел[ьюи])\s+назад)"
    r"(?!\w)",
    re.IGNORECASE,
)
# A day named by its distance from today, which a label makes a dateline ("Updated yesterday").
_DAY_WORD = re.compile(
    r"(?<!\w)(?:yesterday|today|just now|gestern|heute|hier|aujourd['’]hui|ayer|hoy|ieri|oggi"
    r"|ontem|hoje|вчера|сегодня)(?!\w)",
    re.IGNORECASE,
)
_DATE_LABEL = re.compile(
    rf"(?<!\w)(?:{PUBLISHED_WORDS}|{UPDATED_WORDS}|last|on|at)(?!\w)"
    rf"|{PUBLISHED_WORDS_CJK}|{UPDATED_WORDS_CJK}",
    re.IGNORECASE,
)


def _is_relative_dateline(text: str) -> bool:
    """A line that dates the article by the time the page was made ("Published 3 hours ago",
    "Updated yesterday", "Aktualisiert vor 2 Stunden") and says nothing else: read later it is
    false, and it can't be cited; the header dates the article when the page does."""
    if len(text.split()) > _SHORT_LINE_WORDS:
        return False
    rest = _AGO.sub(" ", text)
    if rest == text:
        if not opens_with_date_label(text):
            return False
        rest = _DAY_WORD.sub(" ", text)
        if rest == text:
            return False
    return _nothing_but_punctuation(_DATE_LABEL.sub(" ", rest))


def _names(author: str) -> list[str]:
    return [n.strip().casefold() for n in _AUTHOR_SEPARATOR.split(author) if len(n.strip()) > 2]


def _is_byline(text: str, names: list[str]) -> bool:
    """The line is the author's name (or names), with a "By" at most."""
    # Casefolded first too: at a line's start Italian's "di" is "Di", which `without_label`
    # leaves (it may start a surname) but the declared names tell apart.
    for words in {without_label(text).casefold(), without_label(text.casefold())}:
        rest = words
        for name in names:
            rest = rest.replace(name, " ")
        if rest != words and not _NOT_A_NAME.sub("", rest):
            return True
    return False


def _job_line_byline(text: str) -> str:
    """The name of a short line of a name and a job ("Jane Smith, Political Editor")."""
    return job_byline(text) if words_in(text) <= _SHORT_LINE_WORDS else ""


def _is_date_line(text: str, published: datetime | None) -> bool:
    """The line is the publication date in any language: it holds the year and the day of the
    published time (a day either side, for the time zone) and little else, and names no other
    month ("March 5, 2024 10:01 AM" is no line of 10 January 2024's, for its "10")."""
    if published is None:
        return False
    # "٣ مارس ٢٠٢٦", "２０２６年３月３日": the year and the day in the site's own digits.
    numbers = set(_NUMBER.findall(ascii_digits(text)))
    return (
        str(published.year) in numbers
        and bool(numbers & _days_of(published))
        and _months_named(text) <= _months_near([published])
    )


# The source a German or Spanish site names after the date: Die Zeit's "3. Dezember 2026,
# 10:12 Uhr Quelle: ZEIT ONLINE, dpa", the agencies the Source line and the byline name.
_SOURCE_TAIL = re.compile(
    r"\s+(?:quelle|source|fuente|fonte|bron|źródło)\s*:\s*[^:.]{1,60}$", re.IGNORECASE
)


def _is_date_line_with_source(text: str, published: datetime | None) -> bool:
    """The publication's date line, with the source the story came from after it."""
    date = _SOURCE_TAIL.sub("", text)
    return date != text and words_in(date) <= _SHORT_LINE_WORDS and _is_date_line(date, published)


def _is_date_heading(text: str, published: datetime | None) -> bool:
    """A heading that is the publication's day and nothing else: Blogger heads each day's
    posts with it ("Tuesday, 17 November 2026" in its `h2.date-header`), which the header's
    Published line says."""
    return _is_date_line(text, published) and states_only_dates(text)


def _is_labelled_date(text: str, published: datetime | None) -> bool:
    """A short line that labels the publication's day without its year: "Published 28 Nov ·
    Last updated 29 Nov", whose `<time>`s gave the dates."""
    if published is None or not opens_with_date_label(text):
        return False
    if len(text.split()) > _SHORT_LINE_WORDS or text.rstrip().endswith(_SENTENCE_END):
        return False
    return bool(set(_NUMBER.findall(ascii_digits(text))) & _days_of(published))


_LETTERS = re.compile(r"[^\W\d_]+")


def _is_bare_dateline(text: str, published: datetime | None, updated: datetime | None) -> bool:
    """The line is a date and nothing else ("March 5, 2024 10:01 AM ET", "5 марта 2024, 09:30",
    "Updated March 6") and says the header's: each year and month it names is that of the
    publication or the revision (a day either side, for the time zone), and it names the day of
    one. A date the header does not give is the page's to say: the line stays."""
    dates = [d for d in (published, updated) if d is not None]
    if not dates or not states_only_dates(text):
        return False
    numbers = set(_NUMBER.findall(ascii_digits(text)))
    years = {n for n in numbers if len(n) == 4}
    return (
        years <= {str((d + timedelta(days=shift)).year) for d in dates for shift in (-1, 0, 1)}
        and _months_named(text) <= _months_near(dates)
        and bool(numbers & set().union(*map(_days_of, dates)))
    )


def _is_solar_hijri_dateline(
    text: str, published: datetime | None, updated: datetime | None
) -> bool:
    """The line is a Solar Hijri date and nothing else ("۱۲ آذر ۱۴۰۵") and says the header's
    day, a day either side for the time zone."""
    said = solar_hijri_date(text)
    return said is not None and any(
        abs(said - known.date()) <= timedelta(days=1)
        for known in (published, updated)
        if known is not None
    )


def _months_named(text: str) -> set[int]:
    """The months `text` names in words ("Mar.", "марта", "mars")."""
    return {MONTHS[key] for word in _LETTERS.findall(text) if (key := month_key(word)) in MONTHS}


def _months_near(dates: list[datetime]) -> set[int]:
    """The months of `dates`, a day either side for the time zone."""
    return {(d + timedelta(days=shift)).month for d in dates for shift in (-1, 0, 1)}


def _days_of(published: datetime) -> set[str]:
    """The day of `published` as a text may write it, a day either side for the time zone."""
    days = {str((published + timedelta(days=d)).day) for d in (-1, 0, 1)}
    return days | {f"{d:0>2}" for d in days}


def _is_labelled_dateline(text: str, published: datetime | None) -> bool:
    """The line says "Published" (in any language read here) and the publication date, and
    maybe the revision's, and is no sentence: "Publié le 3 mars 2026 à 14h05, modifié le 4 mars
    2026 à 09h30" is longer than a date alone but says no more. "Published 3 March 2026 by the
    ministry, the report shows a rise." ends as a sentence does, and is one."""
    said = dateline_dates(text)
    if published is None or said is None or said[0] is None:
        return False
    if text.rstrip().endswith(_SENTENCE_END):
        return False
    return len(text.split()) <= _DATELINE_WORDS and abs(said[0].date() - published.date()) <= (
        timedelta(days=1)
    )


def _is_sentence(text: str) -> bool:
    return words_in(text) > _SENTENCE_WORDS and text.rstrip().endswith(_SENTENCE_END)


def _is_label_row(block: Block) -> bool:
    """A "Categories: News" row: a label, then links."""
    if not _LABEL_ROW.match(block.text):
        return False
    linked = sum(len(i.text.strip()) for i in block.inlines if i.href)
    label = len(_LABEL_ROW.match(block.text).group(0))  # type: ignore[union-attr]
    return linked >= 0.6 * (len(block.text.strip()) - label)


def header_line_dates(
    blocks: tuple[Block, ...],
    author: str,
    published: datetime | None,
    updated: datetime | None,
    language: str = "",
) -> tuple[datetime | None, datetime | None]:
    """`published` and `updated`, each, when the page's markup declared none, as the byline or
    dateline at the body's top writes it ("By Ana Ruiz | Published: 27 November 2026 at 16:05
    | Updated: …", "Автор: Павел Орлов, 28.11.2026 14:35", a line that is the date alone:
    "March 5, 2026 10:01 AM ET", whatever element or class holds it): the text second, and once
    read, `without_header_lines` leaves the line out as it does any other repeating the
    header. `language`, the page's, says the order of "3/4/2026" (`text_dates.day_first`)."""
    if published is not None and updated is not None:
        return published, updated
    names = _names(author)
    for block in blocks[:_LOOK_AHEAD]:
        if block.kind != BlockKind.PARAGRAPH:
            continue
        text = block.text.strip()
        solar = solar_hijri_date(text)
        if solar is not None:
            # BBC Persian's "۱۲ آذر ۱۴۰۵": the day alone, in the Gregorian calendar; a line
            # after it may still say when the story was updated.
            published = published or on_date(solar)
            continue
        # A Chinese portal's info line counts each of its labels' characters as a word.
        info = info_line(text) is not None
        if not info and (
            words_in(text) > _DATELINE_WORDS or is_wire_lede(text) or _is_sentence(text)
        ):
            continue
        labelled = opens_with_date_label(text) and not text.endswith(_SENTENCE_END)
        if not (
            labelled
            or info
            or states_only_dates(text)
            or line_byline(text)
            or _is_dateline_with_author(text, names)
        ):
            continue
        said_published, said_updated = line_dates(text, placed_language(language, text))
        if said_published is None and said_updated is None:
            continue
        published = published or said_published
        # Later than the publication: the same time again ("Updated: … 10:21 IST" under a
        # publication at 10:21+05:30) is no revision.
        if updated is None and said_updated and (published is None or said_updated > published):
            updated = said_updated
        break
    return published, updated


def without_header_lines(
    blocks: tuple[Block, ...],
    author: str,
    published: datetime | None,
    updated: datetime | None = None,
) -> tuple[tuple[Block, ...], str]:
    """The body without the lines at its top that repeat the header's metadata, and the
    author: `author`, else the name a byline line among them gives ("By Ana Ruiz · 21 Feb"),
    so that a line dropped for saying who wrote it never takes the name with it."""
    names = _names(author)
    kept: list[Block] = []
    for i, block in enumerate(blocks):
        if i >= _LOOK_AHEAD:
            return (*kept, *blocks[i:]), author
        # The headline's lead picture and its caption or credit come before the byline too.
        text = block.text.strip()
        if block.kind == BlockKind.HEADING and _is_date_heading(text, published):
            continue
        if block.kind in (BlockKind.HEADING, BlockKind.IMAGE, BlockKind.CAPTION):
            kept.append(block)
            continue
        # As an article's words are counted: Chinese and Japanese, written without spaces, would
        # have a whole lede ("2026年3月3日，市政府宣布…") be one word, as short as a date line.
        words = words_in(text)
        info = info_line(text) if block.kind == BlockKind.PARAGRAPH else None
        if info is not None and _says_the_headers_dates(text, published, updated):
            # "来源：新闻网 作者：李明 2024年7月30日 08:15": its author, when none is declared.
            author = author or ", ".join(info.authors)
            names = _names(author)
            continue
        if (
            not author
            and block.kind == BlockKind.PARAGRAPH
            and words <= _DATELINE_WORDS
            and not is_wire_lede(text)
            and (author := line_byline(text) or _job_line_byline(text))
        ):
            # "By Olufemi Adewale and Tope Omogbolagun": two writers, listed as JSON-LD's are.
            author = ", ".join(split_names(author))
            names = _names(author)
            if published is None and any(char.isdigit() for char in text):
                # Its date is said nowhere else: the line stays, for the date.
                return (*kept, *blocks[i:]), author
            continue
        if block.kind == BlockKind.PARAGRAPH and (
            (words <= _SHORT_LINE_WORDS and names and _is_byline(text, names))
            or (names and _is_byline(_job_line_byline(text), names))
            or (words <= _SHORT_LINE_WORDS and _is_date_line(text, published))
            or _is_date_line_with_source(text, published)
            or _is_bare_dateline(text, published, updated)
            or _is_solar_hijri_dateline(text, published, updated)
            or _is_labelled_dateline(text, published)
            or _is_labelled_date(text, published)
            or _is_label_row(block)
            or _is_reading_time(text)
            or _is_listen_line(text)
            or _is_dateline_with_author(text, names)
            or _is_relative_dateline(text)
        ):
            continue
        return (*kept, *_without_datelines(blocks, i, published, updated, names)), author
    return tuple(kept), author


def _says_the_headers_dates(
    text: str, published: datetime | None, updated: datetime | None
) -> bool:
    """Each date the line states is the header's, a day either side for the time zone; a line
    stating none says nothing against them."""
    header = [d.date() for d in (published, updated) if d is not None]
    return all(
        any(abs(said.date() - day) <= timedelta(days=1) for day in header)
        for said in line_dates(text)
        if said is not None
    )


def header_source(blocks: tuple[Block, ...]) -> str:
    """The source a Chinese portal's info line at the body's top names ("来源：新闻网"), or ""."""
    info = first_info_line(blocks, _LOOK_AHEAD)
    return info.source if info is not None else ""


def _without_datelines(
    blocks: tuple[Block, ...],
    start: int,
    published: datetime | None,
    updated: datetime | None,
    names: list[str],
) -> tuple[Block, ...]:
    """`blocks` from `start` on, less a dateline or a byline among the first few, labelled or
    a date alone saying the header's, or the header's authors' names alone: Le Monde's "Publié
    le 3 mars 2026 à 14h05, modifié le 4 mars…" comes after the standfirst, where the byline
    and date lines above stop being looked for, and so may "5 March 2026, 09:30 · Updated
    14:12", or Haaretz's "נועה לוי ויוסי כהן"; they are no prose wherever they stand."""
    return tuple(
        block
        for i, block in enumerate(blocks[start:], start)
        if i >= _LOOK_AHEAD
        or block.kind != BlockKind.PARAGRAPH
        or not (
            _is_labelled_dateline(text := block.text.strip(), published)
            or _is_bare_dateline(text, published, updated)
            or _is_date_line_with_source(text, published)
            or (names and words_in(text) <= _SHORT_LINE_WORDS and _is_byline(text, names))
        )
    )


# A line past this many words that ends as a sentence does is one, whatever it names.
_SENTENCE_WORDS = 15
# Chinese's, Japanese's, Hindi's and Arabic's stops too; and a colon, which ends a line that
# introduces what follows ("…the report makes three findings:"), never a dateline.
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "»", "。", "！", "？", "।", "؟", ":", "：")


def _is_dateline_with_author(text: str, names: list[str]) -> bool:
    """A short line naming the author and holding a digit: "Ana Ruiz | 24 November, 12:15";
    not a sentence that names them (a wire story's lede)."""
    if is_wire_lede(text) or _is_sentence(text):
        return False
    folded = text.casefold()
    return (
        words_in(text) <= _DATELINE_WORDS
        and any(char.isdigit() for char in text)
        and any(name in folded for name in names)
    )
