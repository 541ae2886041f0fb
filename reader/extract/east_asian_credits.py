"""The credit lines of Chinese and Korean pages that name more than their reporters, or no
reporter: a portal's "来源：人民日报 作者：李明" (the source, then the writer), an editor's
"编辑：王芳", a broadcaster's "央视网消息" ("news from CCTV.com"), Korea's "[한빛일보 김민수 기자]"
(the paper, then its reporter) and "김민수·이지은 기자" (two reporters). `byline_names` asks here
before its own rules, which cut a name at "·" and read a line's words as names.
"""

from __future__ import annotations

import re

# The portal's source before its writer: "来源：人民日报 作者：李明". The Source names the paper.
_SOURCE_BEFORE_WRITER = re.compile(
    r"^\s*(?:来源|來源)\s*[:：]\s*\S+\s+(?=(?:作者|记者|記者)\s*[:：]?\s*\S)"
)
# An editor's credit ("编辑：王芳", "责任编辑：王芳"), alone or after the writer: an editor is no
# writer of the piece (the README drops "责任编辑：" from the text too).
_EDITOR = re.compile(r"(?:^|\s+)(?:责任|責任)?(?:编辑|編輯)\s*[:：].*$")
# The "reporting" a Chinese byline ends with: "记者 王明 报道", "记者 王明 综合报道".
_REPORTING = re.compile(r"\s+(?:综合|綜合)?(?:报道|報導|報道|报导)\s*$")
# A news credit that names an outlet, no person: "央视网消息" ("CCTV.com news"), "本报讯".
_NEWS_OF = re.compile(r"\s*\S{2,12}(?:消息|讯|訊)\s*")
# A Korean paper's bracketed byline: the paper, its reporter, "reporter" ("[매일경제 홍길동 기자]").
_PAPER_AND_REPORTER = re.compile(
    r"\s*[\[［]\s*[가-힣A-Za-z0-9]{2,12}\s+(?P<name>[가-힣]{2,4})\s*(?:기자|특파원)\s*[\]］]\s*"
)
# Two or more Korean reporters set apart by a middle dot: "김민수·이지은 기자".
_DOTTED_REPORTERS = re.compile(
    r"\s*(?P<names>[가-힣]{2,4}(?:\s*[·・]\s*[가-힣]{2,4})+)\s*(?:기자|특파원)(?!\w).*"
)


def east_asian_credit(text: str) -> str | None:
    """The writers' part of a Chinese or Korean credit line (`text`), or "" where it names no
    writer; None where it is none of these (the byline's own rules then read it)."""
    if _NEWS_OF.fullmatch(text):
        return ""
    if (reporter := _PAPER_AND_REPORTER.fullmatch(text)) is not None:
        return reporter["name"]
    if (dotted := _DOTTED_REPORTERS.fullmatch(text)) is not None:
        # Japanese's list comma, which `author_names.split_names` reads as two writers.
        return "、".join(re.split(r"\s*[·・]\s*", dotted["names"]))
    credited = _REPORTING.sub("", _EDITOR.sub("", _SOURCE_BEFORE_WRITER.sub("", text)))
    return credited if credited != text else None
