"""What readability removes first as unlikely to be the article: page parts whose class or id says
"sidebar", "comment", "popup"…, and menus, dialogs and complementary boxes by their ARIA role, with
Readability.js's exceptions. Apart from `readable` because the page's own clean-up asks the same
question of its parts (`page_cleanup`)."""

from __future__ import annotations

from lxml.html import HtmlElement
from readability.readability import REGEXES

from .article_guard import ARTICLE_TEXT
from .corrections import keeps_notes
from .fact_boxes import FACT_BOX
from .furniture import names_of
from .quotes import attribution_elements
from .readable_cleanup import _FOOTNOTES, _HEADINGS
from .readable_siblings import _cited_ids

_UNLIKELY_ROLES = frozenset(
    {"menu", "menubar", "complementary", "navigation", "alert", "alertdialog", "dialog"}
)


def named_unlikely(elem: HtmlElement) -> bool:
    """readability-lxml's test of a page part by its class and id ("sidebar", "comment",
    "popup", not "article" or "main"), but for a heading's and footnotes'."""
    names = names_of(elem)
    return (
        len(names) >= 2
        # A heading's class names its style ("list-header"), not a page part: a box's "Pros"
        # and "Cons" are what make sense of its two lists.
        and elem.tag not in _HEADINGS
        and not _FOOTNOTES.search(names)
        and REGEXES["unlikelyCandidatesRe"].search(names) is not None
        and not REGEXES["okMaybeItsACandidateRe"].search(names)
    )


def remove_unlikely(html: HtmlElement) -> None:
    """readability-lxml's removal of page parts whose class/id says "sidebar", "comment",
    "popup"…, with Readability.js's exceptions: never a link or a quotation (a glossary link styled as a
    popup is still words of the sentence) and nothing inside a table or code; and, as
    Readability.js does, elements whose ARIA role is a menu, a dialog or complementary."""
    quoted = attribution_elements(html)
    # A note the text's numbers link to ("[23]" → "#cite_note-FOOTNOTEKing200341-23") is the
    # writer's, whatever its id says: MediaWiki's short references read "foot" in theirs.
    cited = _cited_ids(html)
    for elem in list(html.iter()):
        # A quotation is text the author put in the article: readability-lxml's pattern
        # names embedded tweets ("twitter-tweet") unlikely, Readability.js's doesn't.
        if not isinstance(elem.tag, str) or elem.tag in ("html", "body", "a", "blockquote"):
            continue
        if elem in quoted or elem.get("id") in cited:
            continue  # a quote's "<footer>— Name</footer>": the quote's own words
        if elem.get("role") in _UNLIKELY_ROLES and not keeps_notes(elem):
            # (An <aside role="complementary"> in the article may be its correction.)
            elem.drop_tree()
            continue
        if (
            named_unlikely(elem)
            and not any(a.tag in ("table", "pre", "code") for a in elem.iterancestors())
            and next(elem.iter("main", "article", "math"), None) is None
            # The paragraphs of an article the page names as furniture throughout.
            and not elem.xpath(f"descendant-or-self::*[@{ARTICLE_TEXT} or @{FACT_BOX}]")
            # The article's correction in its footer ("story-footer") stays in its place.
            and not keeps_notes(elem)
        ):
            elem.drop_tree()
