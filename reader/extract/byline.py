"""The article's author as the page shows it: a byline element, reduced to the name(s) in it.

Used when the page declares no author (JSON-LD, `<meta>`). A byline element carries more than the
name — "By", the date, a comment count, a job title — and a page has other elements with "author"
in their class: comment avatars, "follow this author" boxes, the bylines of related stories. So a
byline inside the article beats one elsewhere, one in comments or a sidebar doesn't count, its name
part (`itemprop=name`, `rel=author`, an `…author-name` child) beats its whole text, and what is left
must look like a name.
"""

from __future__ import annotations

import re
from copy import deepcopy
from itertools import islice

from lxml.html import HtmlElement

from ..models import IDEOGRAPHS
from .author_names import ACRONYMS, PARTICLES, as_written, split_names
from .furniture import HEADING_TAGS, names_of

# On a byline element's class or id (Readability.js's hint, less "dateline": that is the place).
# Korean sites name it "writer" ("writer-zone01"): the word, not the end of "typewriter".
# Hindustan Times names it "storyBy" (the story's "By …"): "by" after the story's word, not
# the end of "standby" or "nearby".
_BYLINE_HINT = re.compile(
    r"byline|author|auteur|autor|writtenby|p-author|(?<![a-z])writer(?:\b|[-_])"
    r"|(?<![a-z])(?:story|article|post)[-_]?by(?![a-z])",
    re.IGNORECASE,
)
# The name inside a byline: "author__name", "authorname", "author-name fn".
_NAME_HINT = re.compile(r"author.?name|\bfn\b|\bname\b", re.IGNORECASE)
# Places whose bylines are not the article's: comments, sidebars, related stories, "follow"
# boxes. Matched on the class/id of the element and its ancestors (not <body>, whose classes
# describe the layout: "single-post sidebar-primary").
_ELSEWHERE = re.compile(
    r"comment|sidebar|related|recommend|promo|teaser|follow|newsletter|quote|\baside\b",
    re.IGNORECASE,
)
# A quotation's attribution ("— <cite class=quote-author>…") names the speaker, not the writer.
_ELSEWHERE_TAGS = frozenset(["nav", "form", "blockquote", "q"])
# Places that hold the article's byline on some sites and other bylines on others: an article's
# <footer> ("entry-footer", "footer-author") or <aside> of details, Blogger's widgets. Tried
# after all others.
_MAYBE_ELSEWHERE = re.compile(r"widget|footer", re.IGNORECASE)
_MAYBE_ELSEWHERE_TAGS = frozenset(["footer", "aside"])
_ARTICLE_TAGS = frozenset(["article", "main"])
_SKIP_TAGS = frozenset(["script", "style", "meta", "link", "input", "img", "head", "html", "body"])

# "By", "Par", "Por", "Von", "Door", "Av"/"Af" (Scandinavian), "Written by", "Autor:",
# "Автор:", "от", Indonesian and Malay "Oleh", Arabic's "بقلم" ("by the pen of") and "الكاتب" ("the writer"), Persian's
# "نوشته" ("written by") and "نویسنده", Urdu's "مصنف", Turkish's "Yazar:", Hebrew's "מאת",
# Hindi's "लेखक:", and Italian's "di", lower-case only: "Di Marco" is a surname; followed by a
# colon or a comma (the World Service's "Author, " label). Chinese writes "记者张三"
# ("reporter") and "作者：李明" ("author", with its colon or a space) with no space.
_PREFIX = re.compile(
    r"^(?:(?:(?:written|posted|reported|reporting|words|story|photos?|photographs|photography|pictures"
    r"|(?:text|words) and (?:photos?|photographs|pictures))\s+by|by|par|por|von|door|av|af"
    r"|auth?or(?:in|a)?|auteur|texte?|texto|автор(?:ы)?|текст|от|بقلم|الكاتب|نوشته|نویسنده"
    r"|مصنف|yazar|מאת|लेखक|oleh|(?-i:di))\b\s*[:：,،]?\s+|(?:记者|記者)\s*[:：]?\s*"
    r"|作者(?:\s*[:：]\s*|\s+))",
    re.IGNORECASE,
)
# What follows the name on the same line: "Dan Goodin - Apr 16", "James Akinaka • 8h".
_AFTER_NAME = re.compile(
    r"\s[-–—|/•·]\s.*$|\s*[|•·].*$|\s+[-–—]$"
    r"|\s+(?:edited|photos?|photographs|illustrations?|translated|additional reporting) by\b.*$"
    # A credit line's other roles after a semicolon: "Reporting by Joe Brock; Editing by Ed
    # Osmond", "Texto: Ana Souza; Fotos: João Lima". The editor and the photographer are no
    # writers of the piece.
    r"|\s*;\s*[^\W\d_]+(?:\s+by\b|\s*:).*$"
    # Japanese and Korean put "reporter" after the name: "山田太郎記者", "홍길동 기자".
    r"|\s*(?:記者|特派員|기자|특파원)(?!\w).*$",
    re.IGNORECASE,
)
# A newsroom's jobs, in the languages of the bylines read here.
_JOBS = (
    r"(?:reporters?|correspondents?|editors?|writers?|columnists?|contributors?|journalists?"
    r"|staff|producers?|analysts?|critics?|photographers?|engineers?|developers?|scientists?"
    r"|researchers?|managers?|directors?|advocates?|redakteur(?:in|e)?|korrespondent(?:in)?"
    r"|rédact(?:eur|rice)|corresponsal|redactor[a]?)"
)
# A writer's job after the names: "Ana Ruiz and Tom Berg, Reporters", "Ana Ruiz, Senior
# Political Correspondent". A citation names the people; a credential ("MA") or a second name
# after a comma stays.
_JOB_TITLE = re.compile(rf",\s*(?:[^,\s]+\s+){{0,3}}{_JOBS}\b[^,]*$", re.IGNORECASE)
# A role in brackets after the name: Le Monde's "Gilles Rof (Marseille, correspondant)", "Ana
# Ruiz (envoyée spéciale)". A citation names the person.
_ROLE_IN_BRACKETS = re.compile(
    rf"\s*\((?:[^()]*[\s,])?(?:{_JOBS}|correspondante?s?|envoyée?s?\s+spéciale?s?|journalistes?"
    r"|reporters?)\)\s*$",
    re.IGNORECASE,
)
# A byline that is a job alone names nobody: "Staff Writer", "Senior Reporter". "Our Foreign
# Staff" and "Telegraph Staff" do name someone: the newsroom.
_JOB_ALONE = re.compile(
    rf"(?:(?:staff|senior|junior|chief|contributing|special|associate|deputy|assistant|guest"
    rf"|freelance|political|business|sports?|science)\s+)*{_JOBS}",
    re.IGNORECASE,
)
# Where the writer filed from: "Ana Ruiz in Madrid and Tom Berg in New York".
_FILED_FROM = re.compile(
    r"\s+in\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w.'’-]*)*(?=\s+and\s|,|$)"
)
# The news agencies whose names are written as one word in normal case or lower case: kept after
# a byline's comma as all-caps ones are ("Ann Lee, Reuters", "Jonas Weber, dpa"): a citation
# names the agency.
_AGENCIES = frozenset(
    [
        *("reuters", "bloomberg", "xinhua", "yonhap", "kyodo", "interfax", "anadolu", "bernama"),
        *("antara", "notimex", "belga", "ritzau", "efe", "ansa", "dpa", "apa", "epd", "kna", "sid"),
    ]
)
_LOWER_CASE_AGENCIES = frozenset(name for name in _AGENCIES if len(name) <= 3)
"""Written lower case by their own agencies ("dpa", "apa", "epd"): no particle, still a name."""
# Where the writer filed from, after a comma: "Von Jonas Weber, Berlin", "Par Léa Martin, à
# Paris", "di Marco Rossi, Roma". One word written as a place is ("MA" and "AFP" are a
# credential and an agency; "Jr." a name's own end).
_PLACE = re.compile(
    r"(?:(?:à|a|en|in|aus|from|de|desde|da|em)\s+)?(?!(?:Jr|Sr|Esq)\b)[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+"
)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Left at the end once a date's digits are cut off: "GILLIAN MOHNEY March", "Ann Lee, updated on",
# or all that is left of a byline that was a date ("Tuesday, March"). Only then: "Li Sun",
# "Theresa May" and "Ana Le" end as a weekday, a month and "le" do.
# (A run of spaces and commas is entered at its start only, and a tail is a few words: tried
# from each of thousands of them to the line's end, either took quadratic time.)
_DATE_WORD = rf"(?:{_MONTHS}|{_WEEKDAYS}|on|at|updated|published|posted|le|am|el)\.?"
_DATE_TAIL = re.compile(
    rf"(?:(?:^|(?<![\s,])[\s,]+){_DATE_WORD}){{1,6}}[\s,]*$",
    re.IGNORECASE,
)
# The same tail after a separator: all of it goes, and what comes before stays whole, so
# "Theresa May, March 3" keeps the name's "May".
_DATE_AFTER_SEPARATOR = re.compile(rf"\s*[,|•·–—]\s*(?:{_DATE_WORD}[\s,]*)*$", re.IGNORECASE)
# A weekday before that separator is the date's too ("Joe Wee Monday, 14 March"): no name's.
# Written whole: "Li Sun" ends as "Sun." does.
_WEEKDAY_TAIL = re.compile(
    r"(?:^|\s+)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*$", re.IGNORECASE
)
_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""By `date.weekday()`: not `strftime("%A")`, which names them in the locale's language."""
# What a byline with no date may end with: "Ann Lee, updated on".
_LABEL_TAIL = re.compile(
    r"(?:(?<![\s,])[\s,]+(?:on|at|updated|published|posted)){1,4}[\s,]*$", re.IGNORECASE
)
# Words a byline element holds when it is a button or a box, not a name.
_NOT_NAMES = re.compile(
    r"\b(?:share|follow|subscribe|comments?|e-?mail|tweet|facebook|twitter|read more"
    r"|about the author|more by|sign in|log in|advertisement"
    r"|(?:last )?(?:updated|modified)|published|posted on|yesterday|ago)\b",
    re.IGNORECASE,
)
_MAX_NAME = 100
# The digits a newsroom's name holds: a short word ending in one or two ("g1", "TV2", "N1",
# "RTL2") and "24/7". Cut at them, "g1 Minas" was "g" and "Team 24/7" "Team"; a name run into a
# date ("Lucas Nolan22 Dec") has more letters before its digits.
_NAME_DIGITS = r"(?<![^\W\d_])[^\W\d_]{1,3}\d{1,2}(?![\w/.:])|(?<![\w/])24/7(?![\w/])"


def _first_number(text: str) -> int:
    """Where the first digit outside a newsroom's name is in `text`, or -1."""
    masked = re.sub(_NAME_DIGITS, lambda m: "x" * len(m.group()), text)
    return next((i for i, c in enumerate(masked) if c.isdigit()), -1)


# The stops that end a sentence in Chinese, Japanese, Hindi and Arabic: no name holds one.
_SENTENCE_STOP = re.compile(r"[。！？；।؟؛]")
# Nor a clause's comma, nor a run of more ideographs than a Chinese or Japanese name has: "作者：
# 李明认为这场暴雨是十年来最大的一次" names nobody. ("、" lists names: "张伟、王芳".)
_NO_NAME_OF_IDEOGRAPHS = re.compile(f"，|[{IDEOGRAPHS}]{{7,}}")
_LOWER_CASE_WORDS = PARTICLES | _LOWER_CASE_AGENCIES
"""The lower-case words a name may hold."""
# Parts of a byline element that are not the name: its date, the writer's job, buttons.
_EXTRAS = re.compile(r"title|role|job|position|date|time|bio|social|share|follow", re.IGNORECASE)


# A paper's author line marks each name with its affiliations and the corresponding author:
# "Adaeze Okafor<sup>1</sup>, Per Lindqvist<sup>2,3</sup>", "Hiroshi Tanaka<sup>a,*</sup>", or in
# the characters: "Adaeze Okafor¹, Hiroshi Tanaka¹˒³", "Per Lindqvist*". Read as part of the
# name, the mark's digit ended the byline at the first name.
_AFFILIATION_SUP = re.compile(r"[\d\s,*†‡§¶#a-z–-]{1,12}")
_AFFILIATION_MARKS = re.compile(r"(?<=[^\W\d_])[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§¶]+(?:[˒,][⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§¶]+)*")


def _text(el: HtmlElement) -> str:
    if el.tag == "meta":
        return el.get("content") or ""
    parts: list[str] = []
    _parted_text(el, parts)
    return " ".join("".join(parts).split())


def _parted_text(el: HtmlElement, parts: list[str]) -> None:
    """`el`'s text, with " · " between two of its parts that touch, nothing between them
    (`<span>Kate Morrow</span><span>BBC News, Cornwall</span>`): the page's style sets them on
    lines of their own, as the BBC does its writer's name and role, and the name is the part
    before the separator, not "Kate MorrowBBC News". A label before a name ("<span>By</span>
    <span>Ana Ruiz</span>") is only set apart from it."""
    parts.append(el.text or "")
    before: HtmlElement | None = None
    for child in el:
        if child.tag == "sup" and _AFFILIATION_SUP.fullmatch(child.text_content()):
            before = child
        elif isinstance(child.tag, str):
            if before is not None and not (before.tail or "").strip():
                written = "".join(parts)
                if written.strip() and not written[-1].isspace():
                    label = _PREFIX.match(before.text_content().strip() + " ")
                    parts.append(" " if label else " · ")
            _parted_text(child, parts)
            before = child
        parts.append(child.tail or "")


def without_label(text: str) -> str:
    """A byline's text without the "By" (in any language) it opens with."""
    return _PREFIX.sub("", " ".join(text.split()).lstrip("—–-•·|( "))


# Brackets a byline may set round the whole of its names: a Japanese paper's "（山田太郎）"
# (full width) closing the story, "【山田太郎】", "(Jane Smith)".
_BRACKETS = {
    "(": ")",
    "（": "）",
    "[": "]",
    "［": "］",
    "【": "】",
    "〔": "〕",
    "〈": "〉",
    "《": "》",
}


def _unbracketed(text: str) -> str:
    """`text` without the pair of brackets round all of it: "山田太郎" of "（山田太郎）". Not
    brackets round a part ("Jane Smith (Reuters)"), nor two pairs ("(Ann) and (Tom)")."""
    text = text.strip()
    close = _BRACKETS.get(text[:1])
    if close is None or not text.endswith(close) or len(text) < 3:
        return text
    inside = text[1:-1]
    if text[0] in inside or close in inside:
        return text
    return inside.strip()


def clean_byline(text: str) -> str:
    """The name(s) in a byline's text, without "By", the date or the job after them or a
    separator, or brackets round them all; written in capitals ("JANE SMITH"), as a citation
    writes a name."""
    text = _unbracketed(without_label(_unbracketed(_AFFILIATION_MARKS.sub("", text))))
    text = _ROLE_IN_BRACKETS.sub("", text)
    text = _AFTER_NAME.sub("", text)
    text = _JOB_TITLE.sub("", text)
    text = _FILED_FROM.sub("", text)
    text = _without_place(text)
    # A date, a time, a count ("Lucas Nolan22 Dec 2016651"): a name has no digits but a
    # newsroom's own ("g1 SP", "Team 24/7").
    number = _first_number(text)
    name, dated = (text[:number], [text[number:]]) if number >= 0 else (text, [])
    cut = _DATE_AFTER_SEPARATOR.search(name) if dated else None
    if cut:
        before = name[: cut.start()]
        weekday = _WEEKDAY_TAIL.search(before)
        if weekday is not None and _the_dates(weekday.group(), text[cut.start() :]):
            before = before[: weekday.start()]
        text = before
    else:
        text = (_DATE_TAIL if dated else _LABEL_TAIL).sub("", name)
    text = text.strip(" ,;:-–—|•·(")
    if _PREFIX.fullmatch(f"{text} "):
        return ""  # a label alone ("Author", "نوشته"), its name in a part of its own or none
    return as_written(text)


def _the_dates(weekday: str, rest: str) -> bool:
    """A weekday's name before a separator and a date is the date's ("Joe Wee Monday, 14 March
    2022"), but not when the date falls on another day: "Mary Sunday, 3 March 2026" (a
    Tuesday) is a name. A date given without its year can't tell: the date's, as most are."""
    from .text_dates import parse_text_date  # it reads bylines too: imported when first asked

    day = parse_text_date(rest)
    return day is None or _WEEKDAY_NAMES[day.weekday()] == weekday.strip().casefold()


def _without_place(text: str) -> str:
    """`text` without the place the writer filed from after a comma, when a name of two words
    or more comes before it: "Doe, Jane" is a name written surname first."""
    names, comma, place = text.rpartition(",")
    place = place.strip()
    if (
        comma
        and len(names.split()) >= 2
        and _PLACE.fullmatch(place)
        and place.casefold() not in _AGENCIES
    ):
        return names
    return text


def line_byline(text: str) -> str:
    """The name a byline written as a line of the text gives ("By Ana Ruiz · Feb. 21, 2019"),
    or "": the page's text, second to its declarations, says who wrote it. Only a line that
    says "By" (or a label: "Von", "Par", "Autor:"): a name before a separator and a date is
    as often a section's ("Analysis | 5 min read", "Updated — 12 March")."""
    text = " ".join(text.split())
    if not _PREFIX.match(text):
        return ""
    name = clean_byline(text)
    return name if looks_like_name(name) else ""


def job_byline(text: str) -> str:
    """The name a line of the writer's name and job gives ("Jane Smith, Political Editor",
    "Ana Ruiz, Senior Correspondent"), with no "By"; else "". Whether it is a byline is where
    it stands: under the headline, before the text."""
    text = " ".join(text.split())
    job = _JOB_TITLE.search(text)
    if job is None:
        return ""
    name = text[: job.start()].strip()
    return name if "," not in name and looks_like_name(name) else ""


# The accounts a CMS gives where the writer's name belongs ("Posted by admin").
_ACCOUNTS = frozenset(["admin", "administrator", "webmaster", "root", "wpadmin", "siteadmin"])


def is_account(name: str) -> bool:
    """`name` is a CMS's account ("admin"), not a person's or a newsroom's name."""
    return name.strip().casefold() in _ACCOUNTS


def looks_like_name(text: str) -> bool:
    """True for "Ana Ruiz", "Ana Ruiz and Tom Berg", "AFP"; false for a date, a button, a
    sentence, a job ("Staff Writer")."""
    words = text.split()
    if not words or len(words) > 12 or len(text) > _MAX_NAME:
        return False
    if _first_number(text) >= 0 or re.search(r"[?!;@=<>{}\[\]]|https?:|www\.", text):
        return False
    if _SENTENCE_STOP.search(text) or _NO_NAME_OF_IDEOGRAPHS.search(text):
        # "记者从…获悉，…。", "लेखक ने कहा कि …।": a sentence that opens with "reporter" or
        # "writer", in a script that has no capitals to tell a name by.
        return False
    if _NOT_NAMES.search(text) or _JOB_ALONE.fullmatch(text) or is_account(text):
        return False
    # "s sai" is a commenter's handle, "Ann Lee, a retired teacher" a description: in a cased
    # script a name's words are capitalised but for particles ("Ana de la Cruz and Tom Berg").
    lower = [
        w
        for w in words
        if w[0].islower()
        and w.strip("(),").casefold() not in _LOWER_CASE_WORDS
        and not re.fullmatch(_NAME_DIGITS, w.strip("(),"))
    ]
    return not lower


def is_byline_element(el: HtmlElement) -> bool:
    """`el` is named a byline: `rel=author`, an `itemprop` author, a byline's class or id."""
    return (
        el.get("rel") == "author"
        or "author" in (el.get("itemprop") or "")
        or bool(_BYLINE_HINT.search(names_of(el)))
    )


def byline_place(el: HtmlElement, seen: dict[HtmlElement, int] | None = None) -> int:
    """0: anywhere a byline (or a dateline) may be; 1: a place that may be the article's; 2: not
    the article's. `seen` keeps what each box round the elements asked about is (2, 1 or 0),
    for a pass asking of many: a thread of replies nested each in the last placed each reply
    through all the boxes above it, reading their names again each time."""
    place = 0
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            break
        kind = seen.get(node) if seen is not None else None
        if kind is None:
            kind = 2 if _is_elsewhere(node) else 1 if _is_maybe_elsewhere(node) else 0
            if seen is not None:
                seen[node] = kind
        if kind == 2:
            return 2
        if kind == 1:
            place = 1
        if node.tag == "main":
            # Round the page's main part, as round <body>, names describe the layout: Genesis
            # themes' "content-sidebar-wrap".
            break
    return place


def _is_elsewhere(node: HtmlElement) -> bool:
    """`node` holds other items than the article by its tag or its names: comments, a related
    box, a quotation."""
    return (node.tag in _ELSEWHERE_TAGS and not _wraps_the_page(node)) or bool(
        _ELSEWHERE.search(names_of(node))
    )


def _is_maybe_elsewhere(node: HtmlElement) -> bool:
    """`node` is a footer or a widget, by its tag or its names: the article's on some sites."""
    return node.tag in _MAYBE_ELSEWHERE_TAGS or bool(_MAYBE_ELSEWHERE.search(names_of(node)))


def elsewhere_in_article(el: HtmlElement) -> bool:
    """`el` is in such a place inside the article (a related box, a quotation): whatever the
    boxes round the article are named."""
    for node in (el, *el.iterancestors()):
        if node.tag in _ARTICLE_TAGS or node.get("itemprop") == "articleBody":
            return False
        if _is_elsewhere(node):
            return True
    return False


def _wraps_the_page(form: HtmlElement) -> bool:
    """A `<form>` that is the page's layout: ASP.NET WebForms wraps the whole page in one,
    directly in `<body>` or holding its `__VIEWSTATE` field. Told from its own place and
    fields, not by a search of all it holds: each element of the page is placed through it."""
    if form.tag != "form":
        return False
    parent = form.getparent()
    if parent is not None and parent.tag in ("body", "html"):
        return True
    return bool(form.xpath('./input[@name="__VIEWSTATE"] | ./div/input[@name="__VIEWSTATE"]'))


def in_article(el: HtmlElement) -> bool:
    """`el` is inside the page's `<article>`, `<main>` or article body."""
    return any(
        a.tag in _ARTICLE_TAGS or a.get("itemprop") == "articleBody" for a in el.iterancestors()
    )


def _name_parts(el: HtmlElement) -> list[list[str]]:
    """What may be the names in a byline element, most specific markup first, its whole text
    last: `itemprop=name`, `itemprop=author`, `rel=author`, an `…author-name` child, its links."""
    tries: list[list[str]] = []
    for test in (
        lambda n: "name" in (n.get("itemprop") or "").split(),
        lambda n: "author" in (n.get("itemprop") or "").split(),
        lambda n: n.get("rel") == "author",
        lambda n: bool(_NAME_HINT.search(names_of(n))),
        # A link to the writer's page: "By <a href="/author/jasjeev-gandhiok">Jasjeev
        # Gandhiok</a>, New Delhi" names one writer, not "New Delhi" as a second.
        lambda n: n.tag == "a" and bool(_AUTHOR_PAGE.search(n.get("href") or "")),
    ):
        texts = [_text(n) for n in el.iterdescendants() if isinstance(n.tag, str) and test(n)]
        if any(texts):
            tries.append([t for t in texts if t])
    whole = _text(_without_extras(el))
    # A sentence of the story in a box so named (a page that calls every paragraph of its
    # story "author-text"): cut at its first digit, "Paragraph 1 of the story, with…" was
    # cited "Author: Paragraph".
    return tries if _is_prose(whole) else [*tries, [whole]]


# The path of a writer's page on a news site: "/author/jane-doe", "/authors/…", "/by/…",
# "/profile/…", "/journalist/…", "/reporter/…".
_AUTHOR_PAGE = re.compile(
    r"/(?:authors?|by|profiles?|journalists?|reporters?|writers?|columnists?)/[^/?#]", re.I
)


# Lower-case words (besides a byline's "by" and "and") that make a byline's text a sentence of
# prose: a line of names, titles and dates has a few at most ("with additional reporting in").
_PROSE_LOWER_WORDS = 10


def _is_prose(text: str) -> bool:
    lower = (
        w
        for w in (m[0].strip(_PUNCTUATION) for m in _WORD.finditer(text))
        if w.isalpha() and w.islower() and w not in _LINE_WORDS
    )
    return next(islice(lower, _PROSE_LOWER_WORDS - 1, None), None) is not None


def _without_extras(el: HtmlElement) -> HtmlElement:
    """A copy of the byline without its date, job title and buttons ("Ben Silverman" of "Ben
    Silverman <div class=author-title>Games Editor</div>")."""
    copy = deepcopy(el)
    for child in list(copy.iterdescendants()):
        if isinstance(child.tag, str) and (child.tag == "time" or _EXTRAS.search(names_of(child))):
            child.drop_tree()
    return copy


# Words of a byline's line that are not its names: "By", "and", "von".
_LINE_WORDS = frozenset(
    {"by", "and", "und", "et", "y", "e", "von", "par", "por", "de", "door", "di"}
)
# Lower-case words a sentence has besides the name it marks ("said", "the", "who"…).
_PROSE_WORDS = 3
_SENTENCE_END = (".", "!", "?", "…", '"', "”", "»", "’")
_INLINE_TAGS = frozenset({"span", "a", "em", "strong", "b", "i", "small", "cite", "time"})
_PUNCTUATION = ".,;:!?\"'“”‘’«»()[]—–-"
_WORD = re.compile(r"\S+")


def in_a_sentence(el: HtmlElement, texts: dict[HtmlElement, str] | None = None) -> bool:
    """A name (or a time) marked inside a sentence of the text ("“We will rebuild,” said <span
    class="author-name">Mara Lund</span>, the engineer…", a review's "<em>The Salt Road</em> by
    <span class="author">Jane Doe</span> is published by…", "called at <time
    class="timestamp">10:42</time> on Tuesday"): the sentence's, not the page's byline. A
    line of names and titles ("By Ana Ruiz, Staff Writer. March 3, 2026.") has no lower-case
    words but its "By" and "and"; a name opening the line ("<em class="byline">Ana Ruiz</em>
    The harbour master says…") is a teaser's byline before its standfirst.

    `texts` keeps each paragraph's text for the pass that asks: a paragraph may mark thousands
    of names, and reading all its text again for each made the pass quadratic."""
    if el.tag not in _INLINE_TAGS:
        return False
    paragraph = next(el.iterancestors("p"), None)
    if paragraph is None:
        return False
    # As the page has them, and their words taken one at a time, as far as they are needed: a
    # paragraph may mark thousands of names, each of which would split all its words again.
    text = texts.get(paragraph) if texts is not None else None
    if text is None:
        text = paragraph.text_content()
        if texts is not None:
            texts[paragraph] = text
    name = el.text_content()
    if not name.strip() or not text.rstrip().endswith(_SENTENCE_END):
        return False
    before = (m[0].strip(_PUNCTUATION).casefold() for m in _WORD.finditer(text, 0, text.find(name)))
    if not any(w and w not in _LINE_WORDS for w in before):
        return False  # the name opens the line: a teaser's byline before its standfirst
    names = set(name.split())
    words = (m[0].strip(_PUNCTUATION) for m in _WORD.finditer(text) if m[0] not in names)
    lower = (w for w in words if w.isalpha() and w.islower() and w not in _LINE_WORDS)
    return next(islice(lower, _PROSE_WORDS - 1, None), None) is not None


# "دبي - العربية.نت": a place of one word, a dash, then who published it.
_PLACE_AND_OUTLET = re.compile(r"(?P<place>[^\W\d_][\w.'’]*)\s+[-–—]\s+\S.*")


def _place_and_outlet(text: str) -> bool:
    """A byline's text is where the story came from and the outlet that carries it, and no
    writer: Al Arabiya's "دبي - العربية.نت" (Dubai - Al Arabiya.net) named the city as the
    author. A writer's name is more than one word; an agency's letters before a dash ("AFP -
    Paris") are the agency."""
    match = _PLACE_AND_OUTLET.fullmatch(without_label(text))
    return match is not None and match["place"].casefold() not in _AGENCIES | ACRONYMS


def page_byline(doc: HtmlElement) -> list[str]:
    """The author names the page's byline shows, or [] when no byline element holds a name."""
    texts: dict[HtmlElement, str] = {}
    places: dict[HtmlElement, int] = {}
    candidates = [
        (byline_place(el, places), not in_article(el), el)
        for el in doc.iter()
        if isinstance(el.tag, str)
        and el.tag not in _SKIP_TAGS
        and is_byline_element(el)
        and not in_a_sentence(el, texts)
    ]
    # Stable sort: the article's own bylines first, each group in page order.
    candidates.sort(key=lambda c: c[:2])
    for place, _, el in candidates:
        if place == 2:
            break
        for parts in _name_parts(el):
            # "By Wang Xintong and Denise Jia": two writers, as their links would be.
            written = [
                n
                for part in parts
                if not _place_and_outlet(part)
                for n in split_names(clean_byline(part))
            ]
            names = [n for n in dict.fromkeys(written) if looks_like_name(n)]
            if names:
                above = _line_above(el) if place == 1 else ""
                return [above] if above else names
    return []


# How many lines of a post, from its top, may hold the line that signs it.
_SIGNED_LINES = 6


def _line_above(el: HtmlElement) -> str:
    """The name a "By …" line at the top of the post whose footer holds `el` gives, or "": a
    team blog on Blogger signs each post in its first line ("Posted by Andrew Hayden, Software
    Engineer on Google Play") and in its footer with the account that posted it ("Posted by
    Android Developers"); the first names the writer."""
    # The footer nearest `el` (Blogger's whole blog is a "widget" too).
    footer = None
    for node in (el, *el.iterancestors()):
        if node.tag in ("body", "html"):
            break
        if _is_maybe_elsewhere(node):
            footer = node
        elif footer is not None:
            break
    post = footer.getparent() if footer is not None else None
    if post is None:
        return ""
    lines = 0
    for node in post.iter():
        if node is footer or lines == _SIGNED_LINES:
            break
        if not isinstance(node.tag, str) or not (node.text or "").strip():
            continue
        lines += 1
        if any(n.tag in HEADING_TAGS for n in (node, *node.iterancestors())):
            continue  # a headline ("By The Numbers: …") signs nothing
        if name := line_byline(node.text_content()):
            return name
    return ""
