"""The info line Chinese portals print under the headline, "来源：新闻网 作者：李明 2024年7月30日
08:15" (the source, the author and the date, each after its label), and the editor's credit that
closes their articles, "责任编辑：王芳": the publishing system's fields, not the writer's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml.html import HtmlElement

from ..models import Block, BlockKind
from ..safe import safe_line
from .text_dates import under_the_headline
from .written_dates import states_only_dates

# The labels of an info line's fields, and what each field holds.
_SOURCE_LABELS = r"来源|來源|出处|出處"
_AUTHOR_LABELS = r"作者|记者|記者|撰文"
_EDITOR_LABELS = r"责任编辑|責任編輯|责编|責編|编辑|編輯|编审|編審|审核|審核|校对|校對|监制|監製"
_DATE_LABELS = r"发布时间|發佈時間|发布日期|發佈日期|时间|時間|日期"
_COUNT_LABELS = r"浏览(?:次数|量)?|瀏覽(?:次數|量)?|阅读(?:量|数)?|閱讀(?:量|數)?|点击|點擊"
_FIELD = re.compile(
    rf"(?P<label>{_SOURCE_LABELS}|{_AUTHOR_LABELS}|{_EDITOR_LABELS}|{_DATE_LABELS}"
    rf"|{_COUNT_LABELS})\s*[:：]\s*"
)
_SOURCE = re.compile(_SOURCE_LABELS)
_AUTHOR = re.compile(_AUTHOR_LABELS)
_DATE = re.compile(_DATE_LABELS)
_COUNT = re.compile(_COUNT_LABELS)
# A source's name, or a person's, which is shorter: no digit, no stop, no separator ("新闻网",
# "人民日报客户端", "李明", "欧阳明远"). A clause after the label ("李明认为这场暴雨…") is longer.
_NAME = r"[^\s\d:：,，。、|｜/()（）!?！？；;]"
_SOURCE_NAME = re.compile(f"{_NAME}{{1,16}}")
_PERSONS_NAME = re.compile(f"{_NAME}{{1,6}}")
# Between the names of a field: a space, the enumeration comma ("张伟、王芳").
_NAMES_APART = re.compile(r"[\s、]+")
# Between the fields: spaces, a bar, a slash.
_SEPARATORS = " |｜/·•"
# An info line is no longer than this; a paragraph that is longer holds more.
_MOST_CHARACTERS = 100


@dataclass(frozen=True)
class InfoLine:
    """What an info line says besides its date: its source and its authors (an editor's name is
    a credit, neither)."""

    source: str
    authors: tuple[str, ...]


def info_line(text: str) -> InfoLine | None:
    """The source and the authors the line names, when it is an info line and nothing else:
    labelled fields, each a name or two, a date or a count, with a date maybe before or after
    them. None for any line holding other words (a sentence naming its source)."""
    if len(text) > 2 * _MOST_CHARACTERS:  # a paragraph of the story, however it is spaced
        return None
    text = " ".join(text.split())
    fields = list(_FIELD.finditer(text))
    if not fields or len(text) > _MOST_CHARACTERS:
        return None
    before = text[: fields[0].start()].strip(_SEPARATORS)
    if before and not states_only_dates(before):
        return None
    source, authors = "", []
    for field, after in zip(fields, [*fields[1:], None], strict=True):
        label = field["label"]
        value = text[field.end() : after.start() if after else len(text)].strip(_SEPARATORS)
        if _DATE.fullmatch(label):
            if not states_only_dates(value):
                return None
            continue
        if _COUNT.fullmatch(label):
            if not value.isdigit():
                return None
            continue
        source_field = bool(_SOURCE.fullmatch(label))
        names = _names_then_date(value, _SOURCE_NAME if source_field else _PERSONS_NAME)
        if names is None:
            return None
        if source_field:
            source = source or " ".join(names)
        elif _AUTHOR.fullmatch(label):
            authors.extend(names)
    if not (source or authors):
        return None
    return InfoLine(safe_line(source), tuple(dict.fromkeys(map(safe_line, authors))))


def _names_then_date(value: str, name: re.Pattern[str]) -> list[str] | None:
    """The names a field's value gives, when it is names and maybe the line's date after them
    ("李明 2024年7月30日 08:15"); None for a value of other words."""
    words = [word for word in _NAMES_APART.split(value) if word]
    for cut in range(1, len(words) + 1):
        rest = " ".join(words[cut:])
        if not rest or states_only_dates(rest):
            names = words[:cut]
            return names if all(name.fullmatch(n) for n in names) else None
    return None


def first_info_line(blocks: tuple[Block, ...], look_ahead: int) -> InfoLine | None:
    """The info line among the body's first `look_ahead` blocks, if one is."""
    for block in blocks[:look_ahead]:
        if block.kind == BlockKind.PARAGRAPH and (found := info_line(block.text)) is not None:
            return found
    return None


# The elements whose own text holds a source's label: few on any page, picked in C.
_LABEL_WORDS = _SOURCE_LABELS.split("|")
_SOURCE_LABELLED = " or ".join(f"contains(., '{label}')" for label in _LABEL_WORDS)
# How far up from the label the info line's box may be: Sohu's `div.article-info` holds the
# date's span and the source's, the label in the latter.
_INFO_BOX_DEPTH = 2


def headline_info_source(doc: HtmlElement) -> str:
    """The source the info line under the headline names, outside the story's text: Sohu's
    "2026-12-03 10:20 来源: 杭州日报" in the header box beside its `<h1>`, the outlet whose story
    the portal republishes. "" when the page has no such line."""
    # The page's text searched as one string first: a page with no label anywhere (all but a
    # Chinese portal's) is not walked by the XPath's test of every element's text, five times
    # the cost.
    page_text = doc.text_content()
    if not any(label in page_text for label in _LABEL_WORDS):
        return ""
    for el in doc.xpath(f"//body//*[text()[{_SOURCE_LABELLED}]]"):
        for node in (el, *list(el.iterancestors())[:_INFO_BOX_DEPTH]):
            found = info_line(node.text_content())
            if found is not None and found.source and under_the_headline(node):
                return found.source
    return ""


# The editor's credit closing the article: "责任编辑：王芳", "（责任编辑：王芳 SN123）", "编辑：王芳
# 张伟", or the field left empty (Sohu's "责任编辑：<span></span>"). A sentence naming an editor
# ends as one does, or holds more than names.
_EDITOR_CREDIT = re.compile(
    rf"[\[【(（]?\s*(?:{_EDITOR_LABELS})\s*[:：]\s*[^\s，。！？；]{{0,20}}"
    r"(?:\s+[^\s，。！？；]{1,20}){0,3}\s*[\]】)）]?"
)


def is_editor_credit(block: Block) -> bool:
    """The block is the editor's credit a Chinese portal closes its articles with."""
    return block.kind == BlockKind.PARAGRAPH and bool(
        _EDITOR_CREDIT.fullmatch(" ".join(block.text.split()))
    )
