"""The page around the article, removed before readability scores it.

- `prepare`: what is never visible text (scripts, styles, comments, hidden elements), but for
  the rest of an article folded behind a "Continue reading" control (`folded`).
- `strip_page_furniture`: navigation, cookie banners, share rows, newsletter boxes, sidebars,
  tag rows, bylines and author bio boxes, polls and quizzes, e-mail sign-up boxes, found by tag, ARIA role and class/id names;
  readers' comment threads, by their shape (`comment_threads`); a forum thread's profile boxes
  and signatures, its posts' author lines kept (`forum_posts`).

Both work in place on the parsed page. What counts as furniture, and the guard that keeps
whatever holds the article, are in `furniture`; which elements are bylines, datelines and
author boxes in `byline_elements`.
"""

from __future__ import annotations

import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..safe import safe_line
from .article_guard import chosen_text, holds_article, mark_article_named_away, story_article
from .byline_elements import _author_boxes, _byline_line, _is_byline, _names_author
from .comment_threads import comment_threads
from .corrections import keeps_notes
from .credits import credits_into_captions, label_credits, unnamed_screen_reader_labels
from .fact_boxes import FACT_BOX, is_fact_box
from .folded import unfold_read_more
from .forms import text_forms_as_boxes
from .forum_posts import ThreadPosts, thread_posts
from .furniture import (
    FURNITURE_ROLES,
    FURNITURE_STEMS,
    FURNITURE_TOKENS,
    HEADING_TAGS,
    TOKEN_SPLIT,
    attached,
    drop,
    element_names,
    is_furniture,
    link_density,
    questions_to_the_reader,
    replace,
    slug,
    text_length,
)
from .kickers import kicker_over
from .picture_boxes import captioned_picture_boxes
from .picture_sources import unwrap_amp_pictures, unwrap_noscript_pictures
from .quotes import attribution_elements
from .readable_unlikely import named_unlikely
from .screen_reader import SCREEN_READER_CLASS, is_screen_reader_only, show_icon_labels
from .signup import signup_boxes
from .slide_counters import without_slide_counters
from .teasers import TeaserLines

# Never article text, wherever they are.
_NEVER_TEXT = ("script", "style", "noscript", "template", "link", "meta")
_CONTROLS = ("button", "select", "input", "textarea", "option", "svg", "canvas", "dialog", "iframe")
# An inline style that hides the element: its readers never see it.
_DISPLAY_NONE = re.compile(
    r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!important\s*)?(?:;|$)", re.I
)
# Names of what opens over the page: a dialog (cookies, newsletter, log-in) or a photo viewer
# (a slideshow whose slides open large). A dialog has words; a viewer has only its photos.
_OVERLAY_TOKENS = frozenset({"modal", "popup", "overlay", "lightbox"})


def ticked_items(doc: HtmlElement) -> None:
    """A task list's boxes as the marks they show, "☑" done and "☐" not: the boxes, form
    controls, went with the rest and every item read the same, done or not (a README's
    "- [x] harmonic model" and "- [ ] surge model" both "harmonic model", "surge model")."""
    for box in list(doc.iter("input")):
        if box.get("type", "").lower() != "checkbox" or next(box.iterancestors("li"), None) is None:
            continue
        mark = lxml.etree.Element("span")
        mark.text = "☑ " if box.get("checked") is not None else "☐ "
        replace(box, mark)


def prepare(doc: HtmlElement) -> None:
    """Remove what is never visible text: scripts, styles, comments, hidden elements; and the
    ids that only repeat a section's heading (`without_heading_anchors`)."""
    for el in list(doc.iter(lxml.etree.Comment, lxml.etree.ProcessingInstruction)):
        drop(el)
    without_heading_anchors(doc)
    unwrap_amp_pictures(doc)
    unwrap_noscript_pictures(doc)
    ticked_items(doc)
    for el in list(doc.iter(*_NEVER_TEXT)):
        if el.getparent() is not None and el.getparent().tag != "head":
            drop(el)
    for label in unnamed_screen_reader_labels(doc):
        # Named as what it is, for the passes below: a screen reader's only.
        label.set("class", f"{label.get('class', '')} {SCREEN_READER_CLASS}".strip())
    # Only the elements with an attribute that can hide them, picked in C: most have none.
    maybe_hidden = doc.xpath("//*[@hidden or @class or @style or @aria-hidden]")
    hidden = [el for el in maybe_hidden if el.tag != "head" and hides_from_view(el)]
    # The rest of an article folded behind "Continue reading" is the article's: shown.
    still_hidden = set(hidden).difference(unfold_read_more(hidden))
    # Text only a screen reader reads ("Media caption", "list of 4 items", "time" before a
    # minute) is not the article as its readers see it (`screen_reader`).
    for_screen_readers = [el for el in maybe_hidden if is_screen_reader_only(el)]
    # A screen reader's "Image source, " is all that names the BBC's credit box: read first.
    label_credits(for_screen_readers)
    # Before the icons they speak for, hidden from screen readers, go.
    show_icon_labels([el for el in for_screen_readers if is_screen_reader_only(el)])
    # Asked once of each: a label shown for its icon has lost its class.
    still_hidden.update(el for el in for_screen_readers if is_screen_reader_only(el))
    for el in maybe_hidden:
        if el.getparent() is None or el.tag == "head":
            continue
        if el in still_hidden:
            drop(el)
    # After what is hidden is gone: a post's editor the page hides is no control of a form.
    text_forms_as_boxes(doc)
    # Before a credit is moved into its caption: the caption is the figure's once it is one.
    captioned_picture_boxes(doc)
    credits_into_captions(doc)


def hides_from_view(el: HtmlElement) -> bool:
    """The element is hidden from the page's readers, by its `hidden` attribute, an inline
    style or `aria-hidden`."""
    return (
        _hidden(el)
        or _DISPLAY_NONE.search(el.get("style", "")) is not None
        # Readability.js's exception: Wikipedia's fallback images are aria-hidden.
        or (el.get("aria-hidden") == "true" and "fallback-image" not in el.get("class", ""))
    )


def without_heading_anchors(doc: HtmlElement) -> None:
    """Pandoc and Quarto give each `<section>` its heading's words as its id ("related-work",
    "comments-on-the-draft"): an anchor, which readability and the furniture rules would read
    as the name of what the section is, and drop an article's section called "Related work"."""
    for section in doc.iter("section"):
        ident = section.get("id")
        heading = next(section.iter(*HEADING_TAGS), None) if ident else None
        if heading is not None and slug(heading.text_content()) == slug(ident or ""):
            del section.attrib["id"]


# A mark with no word in it: "¶", "#", "§", "🔗".
_WORDLESS = re.compile(r"^[\W_]*$")


def without_heading_permalinks(doc: HtmlElement) -> None:
    """Drop the link to itself a heading carries, a mark with no word in it (Sphinx's and
    MkDocs's "¶", Docusaurus's and Hugo's "#", "§", "🔗"): a hover target, not the heading's
    words, which would otherwise end every section heading and the headline read from the
    page's `h1` ("Retrying failed requests¶"). A heading linked to the table of contents keeps
    its words. Sphinx marks an API entry (`<dt>`) and a caption the same way."""
    for heading in doc.iter(*HEADING_TAGS, "dt", "caption", "figcaption"):
        for a in list(heading.iter("a")):
            if a.get("href", "").strip().startswith("#") and _WORDLESS.match(a.text_content()):
                drop(a)


_NOTICE_WORDS = 150


def noscript_prose(doc: HtmlElement, words: int) -> bool:
    """The page holds paragraphs of `words` words or more in a `<noscript>`: what a browser
    with scripts off shows, on a page that scripts build; not a "turn on JavaScript" notice
    (read before `prepare` drops every `<noscript>`)."""
    for noscript in doc.iter("noscript"):
        text = noscript.text_content()
        count = len(text.split())
        if len(noscript.findall(".//p")) < 2 or count < words:
            continue
        # A notice asking for scripts may run to a paragraph or two; an article doesn't stop
        # at that.
        if count < _NOTICE_WORDS and "javascript" in text.lower():
            continue
        return True
    return False


def scripts_off(doc: HtmlElement) -> str:
    """The page `doc` (a fresh parse: it is changed) as a browser with scripts off shows it:
    each `<noscript>`'s content in its place."""
    for noscript in list(doc.iter("noscript")):
        noscript.drop_tag()
    return lxml.html.tostring(doc, encoding="unicode")


def _hidden(el: HtmlElement) -> bool:
    """The `hidden` attribute, but for `hidden="until-found"`: a collapsed section (Wikipedia's
    on phones) whose text the browser's find-in-page reaches and opens; it is the article's."""
    hidden = el.get("hidden")
    return hidden is not None and hidden.strip().lower() != "until-found"


def _in_section(el: HtmlElement) -> bool:
    """Inside an article, a main part or a section: a <header> there heads that part."""
    return any(a.tag in ("article", "main", "section") for a in el.iterancestors())


# Furniture by its tag alone (`_is_page_furniture`); any other is told by its names or role.
_FURNITURE_TAGS = frozenset({"nav", "form", "header", "footer", "aside"})


def _may_be_furniture(el: HtmlElement) -> bool:
    """`el` has what `_is_page_furniture` reads (a class, an id, a `data-component`, a role, or
    a tag of furniture): one with none is no furniture, told without the rules' tests (most of
    a page's elements, each tested through every rule, on every page)."""
    get = el.get
    return (
        bool(get("class") or get("id") or get("role") or get("data-component"))
        or el.tag in _FURNITURE_TAGS
    )


def strip_page_furniture(
    doc: HtmlElement, posts: ThreadPosts | None = None, rule_body: bool = False
) -> TeaserLines:
    """First pass, on the whole page before readability scores it. `posts`: the page's forum
    posts (`thread_posts`), when they were asked for already. `rule_body`: `doc` is the
    article's element a site rule names, all of it the article's.

    Returns the bylines it removed that follow a linked headline and the kickers set over one,
    by the headline's `href`: on a section front they are the teaser's, not furniture (see
    `teasers`)."""
    bylines: dict[str, str] = {}
    kickers: dict[str, str] = {}
    body = doc.find("body") if doc.tag == "html" else doc
    if body is None:
        return TeaserLines(bylines, kickers)
    around = text_length(body)
    story = story_article(body)
    texts: dict[HtmlElement, str] = {}  # paragraphs' texts, for in_a_sentence
    # Before any removal by name: names that would take the whole article are not believed.
    mark_article_named_away(
        body,
        story,
        lambda el: (
            el.tag not in ("a", "blockquote")
            and (_is_page_furniture(el, texts, story) or named_unlikely(el))
            and not holds_article(el, around, story)
        ),
    )
    # Before the controls go: they are what tells a poll from a table of poll results, and a
    # sign-up box from a paragraph.
    # A widget is named: only elements with a class or an id are asked, picked in C.
    for widget in questions_to_the_reader(body):
        if attached(widget, body) and not holds_article(widget, around):
            drop(widget)
    for box in signup_boxes(body, around):
        if attached(box, body):
            drop(box)
    for thread in comment_threads(body):
        if attached(thread, body):
            drop(thread)
    # Before the buttons go: the carousel's count is told by the buttons beside it.
    without_slide_counters(body)
    for el in list(body.iter(*_CONTROLS)):
        drop(el)
    for el in list(body.iter("a")):
        if _is_call_button(el):
            drop(el)
    # A thread's posts: their author lines are no byline of the page's to drop.
    posts = thread_posts(body) if posts is None else posts
    for el in posts.drop:
        drop(el)
    # A syntax highlighter's "comment" or "tag" span is code, whatever its class says.
    in_code = {d for code in body.iter("pre", "code") for d in code.iterdescendants()}
    quoted = attribution_elements(body)
    # Materialised first: dropping while iterating would skip siblings. Ancestors come before
    # their descendants, so the outermost furniture goes and its insides need no test.
    headline = ""  # the href of the latest linked headline, in the page's order
    for el in list(body.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el is body:
            continue
        if not _may_be_furniture(el) and el.tag not in HEADING_TAGS:
            continue  # most elements: nothing below reads one without names
        if el in in_code or el in quoted or el in posts.keep:
            # A quote's "— Name" footer is the quote's, wherever the template puts the quote.
            continue
        if not attached(el, body):
            continue  # already removed with an ancestor
        if el.tag in HEADING_TAGS:
            link = el.find(".//a[@href]")
            headline = link.get("href", "") if link is not None else ""
        if _is_page_furniture(el, texts, story) and not holds_article(el, around, story):
            in_story = rule_body or (story is not None and attached(el, story))
            if (in_story or story is None) and is_fact_box(el, in_story):
                # The article's figures, whatever the box is named ("sidebar").
                el.set(FACT_BOX, "")
                continue
            byline = _is_byline(el, texts)
            if not byline and rule_body and chosen_text(el):
                # The body a site rule names is the article as its reader named it: its text,
                # headings, tables and figures stay whatever the names and tags round them
                # guess ("related-context", a `<footer>` of prose, "social-image"); a box of
                # links or a share row inside it goes (`chosen_text`), a sign-up box (`rule_body`)
                # and what the rule's `drop` names too (ext40).
                continue
            if not byline and keeps_notes(el):
                # The article's correction in its footer ("article-footer") stays in its place.
                continue
            if over := kicker_over(el):
                kickers.setdefault(over, safe_line(el.text_content()))  # page text, as text
            if not byline:
                drop(el)
                continue
            line = _byline_line(el)
            if headline and headline not in bylines and _names_author(el):
                bylines[headline] = safe_line(line.text_content())  # page text, shown as text
            drop(line)
    for box in _author_boxes(body):
        if attached(box, body) and not holds_article(box, around):
            drop(box)
    return TeaserLines(bylines, kickers)


# What a link drawn as a button under a post asks the reader to do: Substack's "Share" and
# "Subscribe", a blog's "Leave a comment" (acc42c C3: a lone "Share" ended the newsletter).
_CALLS = frozenset(
    {"share", "share this", "share this post", "subscribe", "subscribe now", "leave a comment"}
)


def _is_call_button(a: HtmlElement) -> bool:
    """`a` is a button-styled link whose words are only a call to share or subscribe."""
    if "button" not in TOKEN_SPLIT.split(a.get("class", "").lower()):
        return False
    return " ".join(a.text_content().split()).casefold().rstrip(":!") in _CALLS


def _is_page_furniture(
    el: HtmlElement, texts: dict[HtmlElement, str], story: HtmlElement | None
) -> bool:
    if el.tag in ("nav", "form"):
        return True
    if el.tag in ("header", "footer", "aside") and (
        not _in_section(el) or (story is not None and not attached(el, story))
    ):
        # A page's header/footer/sidebar, not an article's own header (headline, standfirst).
        return True
    if el.tag == "a":
        # A link styled as a popup or a "share" link is still words of its sentence; the row
        # of share links around it is what goes.
        return False
    if is_furniture(el):
        return not _is_photo_viewer(el)
    return _is_screen_controls(el) or _is_byline(el, texts)


def _is_screen_controls(el: HtmlElement) -> bool:
    """A row of links marked to stay off paper: IETF's "[Docs] [txt|pdf] [Tracker] [Email]" bar
    above a draft. Not one marked link or phrase: Wikipedia's "[citation needed]" is "noprint"
    too, and tells the reader something about the sentence it follows."""
    if "noprint" not in el.get("class", "").lower().split():
        return False
    return len(el.findall(".//a[@href]")) >= 3 and link_density(el) > 0.5


def _is_photo_viewer(el: HtmlElement) -> bool:
    """A slideshow named for the overlay it opens in ("modal-slideshow"): photos and no words.
    Its text is nothing, but the article's lead photo is in it, and that photo is what tells
    the caption beside it from any other line of the header."""
    if el.get("role") in FURNITURE_ROLES:
        return False
    tokens = set(TOKEN_SPLIT.split(element_names(el)))
    named = tokens & FURNITURE_TOKENS
    if not named or not named <= _OVERLAY_TOKENS:
        return False
    if any(stem in element_names(el) for stem in FURNITURE_STEMS):
        return False
    if next(el.iter("img", "picture"), None) is None:
        return False
    return text_length(el) == 0
