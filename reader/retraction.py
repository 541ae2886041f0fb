"""A story its outlet retracted, withdrew or cut on a lawyer's word, told by what its page (or
its feed's headline) now says.

The commonest shape of a retraction keeps the story's address and replaces the story with an
editor's note: "Retracted: …" as the headline, "This article has been retracted", "Editor's
note: this article has been amended to remove allegations…" over a paragraph or two. Read
again, such a page is much shorter than the copy cached, which was the sign of a page to sign
in or for subscribers in the story's place (`page_caching._less_than_the_copy`): the notice
was refused, and the retracted text shown and cited as standing (acc44c C1). A page that says
so is a copy of the story like a correction: kept as the latest, the story's earlier text
kept as a copy before it, and the note of it said (`citation.retraction_note`).

Only words said anew count: an article about another outlet's retraction ("The journal
retracted the study") says it in its first copy too, and is none (`retraction_of`).
English, and the usual forms in Spanish, German and French.
"""

from __future__ import annotations

import re

from .models import Article, Entry

# A headline that is the notice: "Retracted: …", "Retraction: …", "Withdrawn - …", "[Removed]".
_HEADLINE = re.compile(
    r"^\W*(?:retract(?:ed|ion)|withdrawn|removed|unpublished"
    r"|retirad[oa]|retractaci[oó]n|zur[uü]ckgezogen|r[ée]tractation|retir[ée]e?)\b",
    re.IGNORECASE,
)
_STORY = (
    r"(?:article|story|report|piece|post|item|column|investigation|"
    r"art[ií]culo|reportaje|noticia|texto|nota|"
    r"artikel|beitrag|bericht|text|"
    r"article|reportage|enqu[êe]te|texte)"
)
# The words after it, a comma's aside first or not ("This article, first published on 26
# November, has been retracted": read past the comma it was missed, the notice refused as a
# page to sign in).
_ON = r",?\s+(?:\S+\s+){0,8}?"
# The story said retracted, withdrawn or removed in so many words.
_RETRACTED = re.compile(
    r"\b(?:this|the|our)\s+"
    + _STORY
    + _ON
    + r"(?:has\s+been|have\s+been|was|is\s+being|is\s+now|is)\s+"
    r"(?P<en>retracted|withdrawn|removed|unpublished|taken\s+down)\b"
    r"|\bwe\s+(?:have\s+)?(?P<we>retracted|withdrawn|removed|unpublished)\s+(?:this|the)\s+"
    + _STORY
    + r"|\b(?:este|el|esta|la)\s+"
    + _STORY
    + _ON
    + r"(?:ha\s+sido|fue)\s+"
    r"(?P<es>retirad[oa]|eliminad[oa]|despublicad[oa])\b"
    r"|\b(?:dieser|der|dieses|das)\s+" + _STORY + _ON + r"wurde\s+"
    r"(?:\S+\s+){0,3}?(?P<de>zur[uü]ckgezogen|entfernt|gel[oö]scht|depubliziert)\b"
    r"|\b(?:cet|l['’]|le)\s*" + _STORY + _ON + r"a\s+[ée]t[ée]\s+"
    r"(?P<fr>retir[ée]e?|supprim[ée]e?|d[ée]publi[ée]e?)\b",
    re.IGNORECASE,
)
# A legal cut: the story amended (edited, updated) to take some of it out.
_CUT = re.compile(
    r"\b(?:amended|edited|updated|changed|revised)\s+to\s+remove\b"
    r"|\b(?:parts?|passages?|sections?|paragraphs?|allegations?|references?|claims?)\s+"
    r"(?:\S+\s+){0,6}?(?:have|has)\s+been\s+removed\b"
    r"|\bse\s+han\s+eliminado\b|\bwurden?\s+(?:\S+\s+){0,3}?entfernt\b"
    r"|\bont\s+[ée]t[ée]\s+supprim[ée]e?s\b",
    re.IGNORECASE,
)
_SAID = {
    "withdrawn": "withdrawn",
    "retirad": "withdrawn",
    "zur": "withdrawn",
    "retir": "withdrawn",
    "removed": "removed",
    "unpublished": "removed",
    "taken": "removed",
    "eliminad": "removed",
    "despublicad": "removed",
    "entfernt": "removed",
    "gel": "removed",
    "depubliziert": "removed",
    "supprim": "removed",
    "dépubli": "removed",
    "depubli": "removed",
}
# A notice is a paragraph or two: the words looked at, from its start (a long story's end may
# quote another outlet's retraction, its start is its own).
_LOOKED_AT = 1500


CUT = "amended to remove some of it"
"""What a story amended to take some of it out is said to be: a weaker word than retracted,
withdrawn or removed, which a later notice may say of it (`retraction_of`)."""


def said_of(title: str, text: str) -> str:
    """What a page titled `title`, whose text starts `text`, says of its story: "retracted",
    "withdrawn", "removed", "amended to remove some of it", or "" for nothing of the kind."""
    text = text[:_LOOKED_AT]
    if match := _RETRACTED.search(text):
        word = next(w for w in match.groups() if w).casefold()
        return next((said for start, said in _SAID.items() if word.startswith(start)), "retracted")
    if _CUT.search(text):
        return CUT
    if match := _HEADLINE.match(title):
        word = match.group(0).strip(" \t[(:-").casefold()
        return next((said for start, said in _SAID.items() if word.startswith(start)), "retracted")
    return ""


def retraction_of(cached: Article, article: Article, entry: Entry | None) -> tuple[str, bool]:
    """What `article`, the page of `cached`'s story read again (its feed's item `entry`), says
    anew of the story (`said_of`), its page or its feed's headline, where the copy cached said
    nothing of the kind, or what the copy was found saying so when it still does (read again
    unchanged, it stays the notice) unless the page now says more (a story amended, then
    withdrawn); "" for a page saying no such thing, or saying what a copy
    that was no notice said (an article about a retraction). With it, whether the feed's
    headline alone says it (`Article.retracted_by_feed`): cited as the feed's word, not the
    page's (acc47b F2)."""
    from .full_text import article_text

    said = said_of(article.title, article_text(article))
    if said_of(cached.title, article_text(cached)):
        if cached.retracted == CUT and said not in ("", CUT):
            # Withdrawn after it was amended: the later, stronger word (acc49c C8).
            return said, False
        return (cached.retracted, cached.retracted_by_feed) if said else ("", False)
    if said:
        return said, False
    if entry is not None and entry.title != cached.title and (said := said_of(entry.title, "")):
        return said, True
    return "", False
