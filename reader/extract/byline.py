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

from ..writer_names import AGENCIES
from .author_names import ACRONYMS, split_names
from .byline_names import (
    _PREFIX,
    clean_byline,
    line_byline,
    looks_like_name,
    without_jobs,
    without_label,
)
from .byline_text import byline_lines, writers_by_line
from .furniture import HEADING_TAGS, names_of
from .lower_case_names import lower_case_byline
from .sentence_ends import ends_sentence

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

# Parts of a byline element that are not the name: its date, the writer's job, buttons.
_EXTRAS = re.compile(r"title|role|job|position|date|time|bio|social|share|follow", re.IGNORECASE)


def _text(el: HtmlElement) -> str:
    return " · ".join(byline_lines(el))


# A credit line that opens with a writer's label is the byline: Tribun's `div.credit`,
# "Penulis: <a>…</a> | Editor: <a>…</a>". Not a picture's credit, which a figure holds.
_CREDIT_HINT = re.compile(r"credit", re.IGNORECASE)


def is_byline_element(el: HtmlElement) -> bool:
    """`el` is named a byline: `rel=author`, an `itemprop` author, a byline's class or id, or
    a credit's that opens with "By" (in a language read here) outside a figure."""
    names = names_of(el)
    return (
        el.get("rel") == "author"
        or "author" in (el.get("itemprop") or "")
        or bool(_BYLINE_HINT.search(names))
        or (
            bool(_CREDIT_HINT.search(names))
            and bool(_PREFIX.match(" ".join((el.text or "").split()) + " "))
            and not any(node.tag in ("figure", "figcaption") for node in el.iterancestors())
        )
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
    root = el.getroottree().getroot()
    title = (root.findtext(".//title") or "") if root is not None else ""
    if marked := _marked_writers(el, title):
        tries.append(marked)
    plain = _without_extras(el)
    whole = _text(plain)
    # A sentence of the story in a box so named (a page that calls every paragraph of its
    # story "author-text"): cut at its first digit, "Paragraph 1 of the story, with…" was
    # cited "Author: Paragraph".
    if _is_prose(whole):
        return tries
    if tries:
        # Its markup names the writers: a line of its own beside them is the outlet's or a
        # role (MSN's "Tech Insider" over `itemprop="name"` "Alex Perry"), no writer unmarked.
        return [*tries, [whole]]
    return [writers_by_line(byline_lines(plain), title) or [whole]]


def _marked_writers(el: HtmlElement, title: str) -> list[str]:
    """The texts of the boxes inside byline `el` that are named as bylines alike, two or more,
    each a writer's line (`writers_by_line`): `<span class="author">Maren Holt</span><span
    class="author">Jonas Berg</span>`, two writers whose text runs as "Maren Holt · Jonas
    Berg", which reads as a name and its role (acc39a L3); [] for fewer, for boxes named
    otherwise (a name and its date), or for a name and the paper (`title` names it)."""
    marked = [
        n
        for n in el.iterdescendants()
        if isinstance(n.tag, str)
        and _BYLINE_HINT.search(names := names_of(n))
        and not _EXTRAS.search(names)
    ]
    if len(marked) < 2 or len({(n.tag, n.get("class"), n.get("id")) for n in marked}) > 1:
        return []
    if any(m in n.iterancestors() for n in marked for m in marked):
        return []
    return writers_by_line([t for n in marked if (t := _text(n))], title)


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
    # A quotation closing the paragraph ends it too, its stop inside it or not.
    if not name.strip() or not ends_sentence(text, also='"”»’'):
        return False
    before = (m[0].strip(_PUNCTUATION).casefold() for m in _WORD.finditer(text, 0, text.find(name)))
    if not any(w and w not in _LINE_WORDS for w in before):
        return False  # the name opens the line: a teaser's byline before its standfirst
    names = set(name.split())
    words = (m[0].strip(_PUNCTUATION) for m in _WORD.finditer(text) if m[0] not in names)
    lower = (w for w in words if w.isalpha() and w.islower() and w not in _LINE_WORDS)
    return next(islice(lower, _PROSE_WORDS - 1, None), None) is not None


# "دبي - العربية.نت": a place of one word, a dash, then who published it.
_PLACE_AND_OUTLET = re.compile(r"(?P<place>[^\W\d_][\w.'’]*)\s+[-–—]\s+(?P<outlet>\S.*)")
_ARABIC_WORD = re.compile(r"[\u0621-\u064a]+")


def _place_and_outlet(text: str) -> bool:
    """A byline's text is where the story came from and the outlet that carries it, and no
    writer: Al Arabiya's "دبي - العربية.نت" (Dubai - Al Arabiya.net) named the city as the
    author. A writer's name is more than one word; an agency's letters before a dash ("AFP -
    Paris") are the agency. An Egyptian paper's place before its writer's name ("القاهرة -
    محمد علي") is its writer's byline (`byline_names` leaves the place out)."""
    match = _PLACE_AND_OUTLET.fullmatch(without_label(text))
    if match is None or match["place"].casefold() in AGENCIES | ACRONYMS:
        return False
    outlet = match["outlet"].split()
    return not (
        _ARABIC_WORD.fullmatch(match["place"])
        and len(outlet) >= 2
        and all(_ARABIC_WORD.fullmatch(w) for w in outlet)
    )


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
    root = doc.getroottree().getroot()
    language = (root.get("lang") or "") if root is not None else ""
    for rank, (place, _, el) in enumerate(candidates):
        if place == 2:
            break
        tries = [_names_in(parts, language) for parts in _name_parts(el)]
        if rank == 0 and not any(tries) and (name := _lower_case_name(el)):
            return [name]
        for names in tries:
            if names:
                above = _line_above(el) if place == 1 else ""
                if above:
                    return [above]
                return list(
                    dict.fromkeys([*_with_unlinked(names, tries[-1]), *_boxes_after(el, language)])
                )
    return []


def _lower_case_name(el: HtmlElement) -> str:
    """The name in lower case on purpose ("By bell hooks") of the page's first byline, asked of
    it alone and of none in a list's item: a thread of comments, each "By" its handle, comes
    after the story's byline and lists them (`lower_case_names`)."""
    if next(el.iterancestors("li"), None) is not None:
        return ""
    return lower_case_byline(_text(_without_extras(el)), _site_names(el))


def _site_names(el: HtmlElement) -> tuple[str, ...]:
    """The names the page `el` is in gives its site: its declared ones, its `<title>`'s last
    part, its addresses' hosts (a byline naming the site in lower case is no writer's)."""
    root = el.getroottree().getroot()
    declared = root.xpath("//meta[@property='og:site_name' or @name='application-name']/@content")
    titles = [t.text_content() for t in root.iter("title")]
    ends = [re.split(r"\s[|–—-]\s", t)[-1] for t in titles if re.search(r"\s[|–—-]\s", t)]
    addresses = root.xpath("//link[@rel='canonical']/@href | //meta[@property='og:url']/@content")
    hosts = [m[1] for a in addresses if (m := re.match(r"\w+://(?:www\.)?([^/:]+)", str(a)))]
    return tuple(str(n) for n in (*declared, *ends, *hosts) if n)


def _boxes_after(el: HtmlElement, language: str) -> list[str]:
    """The writers the byline boxes right after `el`, of its tag and class, name: WordPress's
    co-authors, each in a `<div class="author">` of their own, were cited as the first alone
    (acc39a L3)."""
    names: list[str] = []
    for box in el.itersiblings():
        if box.tag != el.tag or box.get("class") != el.get("class") or (el.tail or "").strip():
            break
        for parts in _name_parts(box):
            if found := _names_in(parts, language):
                names.extend(found)
                break
        el = box
    return names


def _names_in(parts: list[str], language: str) -> list[str]:
    """The writers `parts` of a byline (`_name_parts`) name, each apart: "By Wang Xintong and
    Denise Jia" is two, as their links would be."""
    written = [
        n
        for part in parts
        if not _place_and_outlet(part)
        for n in split_names(clean_byline(part), language)
    ]
    return without_jobs([n for n in dict.fromkeys(written) if looks_like_name(n)])


def _with_unlinked(marked: list[str], whole: list[str]) -> list[str]:
    """The byline's writers: those its markup names (`marked`: its links, `rel="author"`), or
    those its whole text names when they are these and more, a co-writer printed without a
    link ("By <a rel="author">Maren Holt</a> and Jonas Berg", acc35b F13: Jonas Berg was
    dropped). A text naming them otherwise ("Jasjeev Gandhiok, New Delhi") is no such list."""
    folded = {" ".join(n.split()).casefold() for n in marked}
    more = {" ".join(n.split()).casefold() for n in whole}
    return whole if folded < more else marked


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
