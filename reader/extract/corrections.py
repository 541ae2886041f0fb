"""The article's own notes: a correction, a clarification, an editor's note or an update, set
in a box of its own beside the body or inside it.

readability-lxml leaves them out either way. Beside the body (`<aside class="correction">`
after the body's `<div>`, `<div class="editors-note">` before it), a box is brought in only
when it scores like the body or is a long paragraph, and a note is a line or two. Inside it,
an `<aside>` starts three points down and a one-sentence note without a comma does not make
them up, so the final clean-up removes it. Beside one of the body's wrappers, or in the
article's own header or footer (which the cleanup drops as furniture by its name,
"article-footer"), readability never looks. For a journalist the correction is the part of the
article that matters most.

A note is told by what it says, not by its class (a "note" or an "update" box is as often the
site's): its text opens with the label ("Correction:", "Editor's note, Dec. 2:",
"UPDATE 3:45 p.m.:", "Rectificatif :", "Anmerkung der Redaktion:", "Исправление:", "更正：",
"【訂正】"…), or its heading or its
first emphasised words are the label alone ("<h4>Clarification</h4>"), and a sentence
follows; or it says the article was corrected or what an earlier version said. A site-wide
notice about corrections ("Corrections policy", "Spotted an error? Report a correction") is
the site's, not the article's; a box of links or a page of text is not a note either.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import islice

from lxml.html import HtmlElement

from ..models import Block, BlockKind
from .furniture import element_names, link_density

_LABEL = (
    r"(?i:corrections?|clarifications?|editor[’'`]?s[’'`]? note|note from the editors?"
    r"|updated?|errat(?:um|a)"
    r"|rectificatif|correctif|précision|note de la rédaction|n\.\s?d\.\s?l\.\s?r\.?|ndlr"
    r"|mise à jour"  # French
    r"|korrektur|richtigstellung|klarstellung|anmerkung der redaktion|hinweis der redaktion"
    r"|aktualisierung"  # German
    r"|corrección|fe de errores|nota del editor|nota de la redacción|aclaración"
    r"|actualización"  # Spanish
    r"|correzione|rettifica|precisazione|nota della redazione|aggiornamento"  # Italian
    r"|correção|nota da redação|nota do editor|atualização"  # Portuguese
    r"|correctie|rectificatie|noot van de redactie"  # Dutch
    r"|исправление|поправка|уточнение|примечание редакции|от редакции"  # Russian
    r"|更正|订正|訂正|编者按|編者按|编者注|編者注|编辑注|編輯註"  # Chinese
    r"|お(?:詫|わ)びと訂正|おわび|編集部注|編集注"  # Japanese
    r"|정정|바로잡습니다|편집자 ?주)"  # Korean
)
# What may stand between the label and its colon: the note's date or time ("Editor's note,
# Dec. 2:", "UPDATE 3:45 p.m.:", "Correction (2 December):"), not the words of a sentence
# ("Correction officers said…").
_WHEN = (
    r"(?:[\s,(]+(?:\d[\d.:/h]*\)?|[ap]\.?\s?m\.?\)?|[A-ZÀ-Þ][\w.]*\)?"
    r"|on|at|le|du|de|del|il|am|um|vom|à|a|el|of)){0,6}"
)
# The label is matched in any case ("UPDATE"), what follows it as written: a date's month is
# capitalised, a sentence's words are not. A label in brackets ("【訂正】", the way of Japanese
# and Chinese papers) is closed by its bracket; Korean agencies set theirs off with "="
# ("[편집자 주 = …]").
_OPENS_WITH_LABEL = re.compile(
    rf"^\W{{0,3}}{_LABEL}{_WHEN}\s*(?:[:：—–】\]]|\s[-=]\s)\s*(?P<rest>.+)$", re.DOTALL
)
_LABEL_ALONE = re.compile(rf"^\W{{0,3}}{_LABEL}{_WHEN}\s*[:：.—–】\]]?$")
# The note that says no more than that: "This story has been corrected."
_MARKED_CORRECTED = re.compile(
    r"^\W{0,3}(?:this|the) (?:story|article|report|piece|post) (?:has been|had been|was|is) "
    r"(?:corrected|updated|amended|clarified)\b"
    r"|^\W{0,3}cet article a été (?:corrigé|modifié|mis à jour|rectifié)"
    r"|^\W{0,3}dieser (?:artikel|beitrag) wurde (?:korrigiert|aktualisiert|geändert)"
    r"|^\W{0,3}este artículo (?:ha sido|fue) (?:corregido|actualizado|modificado)"
    r"|^\W{0,3}questo articolo è stato (?:corretto|aggiornato|modificato)"
    r"|^\W{0,3}(?:эта |этот )?(?:статья|материал) (?:была |был )?"
    r"(?:исправлен|обновл[её]н|дополнен)а?",
    re.IGNORECASE,
)
# A correction without its label: "An earlier version of this article misstated…"
_EARLIER_VERSION = re.compile(
    r"^\W{0,3}(?:an? (?:earlier|previous|prior|older) version of this "
    r"(?:article|story|report|piece|post)"
    r"|une (?:version|précédente version) (?:précédente |antérieure )?de cet article"
    r"|in einer (?:früheren|vorherigen) (?:version|fassung) (?:dieses|des) (?:artikels|beitrags)"
    r"|una versión anterior de este artículo|una versione precedente di questo articolo"
    r"|в (?:предыдущей|первоначальной|ранней|прежней) версии (?:этой |этого )?"
    r"(?:статьи|материала|заметки))",
    re.IGNORECASE,
)
# The site's word about corrections, in a box of the same look: its policy, how to report an
# error, where to send a tip.
_SITE_NOTICE = re.compile(
    r"\bpolic(?:y|ies)\b|\breport (?:an?|any) (?:error|correction|mistake|typo)"
    r"|\b(?:spot(?:ted)?|see|found|notice) (?:an?|any) (?:error|mistake|typo)"
    r"|\bsubmit a correction|\brequest a correction|\bgot a (?:news )?tip\b|\bcontact us\b"
    r"|\bpolitique\b|\bsignaler une erreur|\brichtlinien?\b|\bfehler gefunden"
    r"|\bpolítica\b|\bsegnala un errore"
    r"|политик|нашли ошибку|сообщ\w* об ошибке|纠错|糾錯|报告错误|報告錯誤|誤りを見つけ|오류 ?신고",
    re.IGNORECASE,
)
# A box of one paragraph named for what it sells is no correction: "Support independent
# journalism…" (`inline-cta`), "Listen to our podcast…", a sponsor's line.
PROMOTION = re.compile(
    r"(?:^|[\s_-])(?:cta|promo|promotion|donate|donation|newsletter|subscribe|subscription|"
    r"podcast|sponsor|sponsored|advert|advertisement|ad)(?:$|[\s_-])",
    re.IGNORECASE,
)
# What every note says somewhere: a label, or that the article was corrected.
_MENTIONS = re.compile(
    rf"{_LABEL}|corrected|updated|amended|clarified|version|corrigé|rectifié|korrigiert|geändert"
    r"|aktualisiert|versión"
    r"|corregido|actualizado|corretto|aggiornato|versione|fassung|modifi|исправлен|обновл[её]н"
    r"|дополнен|версии",
    re.IGNORECASE,
)
# A piece of every word `_MENTIONS` finds, in lower case: looked for as plain strings first,
# as the pattern, in any case and at every character, took half a millisecond a box (a third of
# the corpus's extra time this session).
_MENTION_STEMS = (
    "correct", "clarif", "editor", "update", "errat", "rectif", "précis", "rédaction", "ndlr",
    "mise à jour", "korrektur", "richtigstellung", "klarstellung", "redaktion", "aktualisi",
    "correcc", "errores", "redacc", "aclarac", "actualiz", "correz", "rettific", "precisaz",
    "redazione", "aggiorn", "correç", "redação", "atualiza", "redactie", "amended", "version",
    "versión", "corrig", "geändert", "korrigiert", "fassung", "modifi", "corrett", "corregid",
    "исправлен", "поправк", "уточнен", "редакц", "обновл", "дополнен", "версии",  # Russian
    "更正", "订正", "訂正", "编者", "編者", "编辑注", "編輯註", "おわび", "お詫び", "編集部注",
    "編集注", "정정", "바로잡", "편집자",  # Chinese, Japanese, Korean
)  # fmt: skip
_NDLR = re.compile(r"n\.\s?d\.\s?l")


def _may_mention(text: str) -> bool:
    low = text.lower()
    return any(stem in low for stem in _MENTION_STEMS) or bool(_NDLR.search(low))


# Longer than a note: a section of the article, judged as such.
_MOST_CHARACTERS = 1500
_MOST_ELEMENTS = 60
# Words a sentence has and a timestamp line ("Updated Dec. 2, 2026, 3:45 p.m. ET") hasn't.
_SENTENCE_WORDS = 3
_NOT_SENTENCE_WORDS = frozenset({"am", "pm", "at", "on", "et", "gmt", "utc", "h"})
_LEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "span", "dt"})


# Chinese, Japanese and Korean letters: no lower case, and Chinese and Japanese have no spaces
# between words; a sentence is told by how many it has, a date ("2026年12月2日") has three.
_CJK_LETTER = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uac00-\ud7af]")
_SENTENCE_CJK_LETTERS = 6


def _says_something(text: str) -> bool:
    if len(_CJK_LETTER.findall(text)) >= _SENTENCE_CJK_LETTERS:
        return True
    words = [w for w in re.findall(r"[^\W\d_]+", text) if w.islower()]
    return sum(len(w) > 1 and w not in _NOT_SENTENCE_WORDS for w in words) >= _SENTENCE_WORDS


def _leading_label(el: HtmlElement) -> str | None:
    """The text after the box's first heading or emphasised words when those are the label
    alone ("<h4>Clarification</h4><p>The vote was…", "<strong>Correction</strong> An…")."""
    for inner in el.iter():
        if inner is el or not isinstance(inner.tag, str):
            if inner is el and (el.text or "").strip():
                return None  # its own words come first
            continue
        own = " ".join(inner.text_content().split())
        if not own:
            continue
        if inner.tag not in _LEADING_TAGS:
            if inner.tag in ("p", "div", "header") and not (inner.text or "").strip():
                continue  # a wrapper: look at its first child
            return None
        if not _LABEL_ALONE.match(own):
            return None
        whole = " ".join(el.text_content().split())
        return whole[whole.find(own) + len(own) :]
    return None


def is_article_note(el: HtmlElement) -> bool:
    """`el` is a correction, clarification, editor's note or update note (see the module)."""
    if not isinstance(el.tag, str) or el.tag not in ("p", "div", "section", "aside"):
        return False
    if next(islice(el.iter(), _MOST_ELEMENTS, None), None) is not None:
        return False  # a page part, not a line or two: asked of every box, and boxes nest
    raw = el.text_content()
    if len(raw) > _MOST_CHARACTERS and len(" ".join(raw.split())) > _MOST_CHARACTERS:
        return False  # a page part: its length is known before any pattern runs over it
    if not _may_mention(raw):
        return False  # most boxes, told in C before their text is gathered word by word
    # A list of links, a menu, a section: told by its shape before any of the patterns below,
    # each case-blind, run over its text (a "Latest news … Updated" list of links took 0.4 ms).
    if next(el.iter("article", "main", "nav", "form", "ul", "ol", "table"), None) is not None:
        return False
    if link_density(el) > 0.3 or not _MENTIONS.search(raw):
        return False
    # Its parts apart: a heading runs into the paragraph under it in `text_content`
    # ("CorrectionsSpotted an error…").
    text = " ".join(" ".join(el.itertext()).split())
    if not text or len(text) > _MOST_CHARACTERS:
        return False
    if _SITE_NOTICE.search(text) or PROMOTION.search(element_names(el)):
        return False
    if _MARKED_CORRECTED.match(text) or _EARLIER_VERSION.match(text):
        return True
    opened = _OPENS_WITH_LABEL.match(text)
    if opened is not None and _says_something(opened["rest"]):
        return True
    rest = _leading_label(el)
    return rest is not None and _says_something(rest)


# How many of the body's wrappers up a note beside one of them is still the article's: never
# past the article element itself, whose siblings are the page's.
_WRAPPERS_UP = 3
_ARTICLE_EDGES = frozenset({"article", "main", "body", "html"})


def notes_in(box: HtmlElement) -> list[HtmlElement]:
    """The notes in `box` (the article's own header or footer), outermost only."""
    found: list[HtmlElement] = []
    text = box.text_content()
    if not _may_mention(text) or not _MENTIONS.search(text):
        return found  # most boxes: each of their parts is not asked
    for el in box.iterdescendants("p", "div", "section", "aside"):
        if any(a is f for f in found for a in el.iterancestors()):
            continue
        if is_article_note(el):
            found.append(el)
    return found


# The article's own header or footer, by its tag or its name ("entry-footer", "story__header").
_EDGE_NAME = re.compile(r"(?:^|[\s_-])(?:header|footer)(?:$|[\s_-])", re.IGNORECASE)
_SECTIONS = frozenset({"article", "main", "section"})


def keeps_notes(box: HtmlElement, in_article: bool = False) -> bool:
    """Before `box`, furniture by its name, is removed: the notes in it move out to its place
    when it is the article's header or footer; True when it is itself the article's note
    ("aside correction"), to be kept. Only in an article, a main part or a section (or
    `in_article`, the article readability found)."""
    if not in_article and not any(a.tag in _SECTIONS for a in box.iterancestors()):
        return False  # the page's header, footer or sidebar
    if box.tag in ("header", "footer") or _EDGE_NAME.search(element_names(box)):
        # The box's other lines (its tags, its share buttons) go with it.
        for note in notes_in(box):
            box.addprevious(note)
        return False
    return is_article_note(box)


def notes_around(body: HtmlElement) -> list[HtmlElement]:
    """The article's notes readability-lxml's gathering of the `body`'s siblings misses: beside
    one of the body's wrappers (`<div class="wrap"><div class="body">…</div></div>` then the
    correction), or in the article's header or footer (`<footer><aside class="correction">`)
    beside the body or a wrapper; in the page's order."""
    found: list[HtmlElement] = []
    child = body
    for level in range(_WRAPPERS_UP + 1):
        container = child.getparent()
        if level and child.tag == "article":
            found.extend(_notes_after(child))
        if container is None or child.tag in _ARTICLE_EDGES or container.tag in ("body", "html"):
            break
        for sibling in container:
            if sibling is child or not isinstance(sibling.tag, str):
                continue
            if sibling.tag in ("header", "footer"):
                found.extend(notes_in(sibling))
            elif level and is_article_note(sibling):
                found.append(sibling)  # the body's own siblings are readability's to gather
        child = container
    return found


def _notes_after(article: HtmlElement) -> list[HtmlElement]:
    """The notes right after the `article` element, before anything else follows it: a
    template that closes the story's `<article>` before its correction box
    (`</article><p class="editors-note">…`). A note after another box (a "More news" list) is
    that box's or the page's."""
    found: list[HtmlElement] = []
    for sibling in article.itersiblings():
        if not isinstance(sibling.tag, str):
            continue  # a comment
        if not is_article_note(sibling):
            break
        found.append(sibling)
    return found


# How far into the text a note is still at its head: its first paragraphs (a standfirst may
# come first), before any heading (a live blog's entries open with "Update 14:05: …").
_HEAD_BLOCKS = 3
_BESIDE_HEAD = frozenset({BlockKind.IMAGE, BlockKind.CAPTION, BlockKind.MEDIA})


def says_it_is_a_note(text: str) -> bool:
    """A paragraph's words are a note's: the label and a sentence ("Editor's note: This story
    has been…", "Correction, Dec. 2: An earlier…"), or that the article was corrected or what
    an earlier version said. Not a site's notice about corrections."""
    text = " ".join(text.split())
    if not text or len(text) > _MOST_CHARACTERS or not _may_mention(text):
        return False
    if _SITE_NOTICE.search(text):
        return False
    if _MARKED_CORRECTED.match(text) or _EARLIER_VERSION.match(text):
        return True
    opened = _OPENS_WITH_LABEL.match(text)
    return opened is not None and _says_something(opened["rest"])


def with_head_notes(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """`blocks` with the notes at the head of the story marked (`Block.note`): the paragraphs
    among its first that say they are one, above its first heading; a picture or a caption
    before them is passed over."""
    marked = list(blocks)
    read = 0
    for number, block in enumerate(blocks):
        if block.kind in _BESIDE_HEAD:
            continue
        if block.kind != BlockKind.PARAGRAPH or read == _HEAD_BLOCKS:
            break
        read += 1
        if says_it_is_a_note(block.text):
            marked[number] = replace(block, note=True)
    return tuple(marked)
