"""The datelines Korean, Chinese and Taiwanese wires open a story with, naming its reporters:
"(부산=연합뉴스) 김민수 기자 =", "[서울=뉴시스]김지수 기자 =", "新华社北京12月3日电（记者张三）",
"中央社記者陳美玲台北4日電". A page sets one over its lede (`wire_ledes`) or alone, as the byline
(`byline_names`); both read its reporters here."""

from __future__ import annotations

import re

# Korean wires and papers: "(부산=연합뉴스)", "[서울=뉴시스]", "(서울=뉴스1)", "[서울신문]", then the
# reporters ("김민수 기자", "이수진·박지훈 기자", "홍길동 특파원") and "=".
KOREAN = (
    r"^\s*[(\[【]\s*(?:[^()\[\]【】=]{1,20}=\s*)?(?P<agency>[^()\[\]【】=]{1,20})[)\]】]\s*"
    r"(?:(?P<names>[가-힣]{2,4}(?:\s*[·,]\s*[가-힣]{2,4})*)\s*(?:기자|특파원|통신원)\s*)?="
)
# Chinese wires: "新华社北京12月3日电（记者张三）", "中新网上海12月3日电(记者 李四 王五)"; Taiwan's
# in traditional characters ("電").
CHINESE = r"^\s*\S{2,30}?[电電]\s*[（(]\s*(?:记者|記者)\s*(?P<names>[^（）()]{2,30}?)\s*[）)]"
# Taiwan's Central News Agency runs the reporter, the place and the day together:
# "中央社記者陳美玲台北4日電" (its "專電" a special dispatch). Nothing marks where the name ends:
# Chinese names are mostly three characters, places two or three.
_CNA = re.compile(
    r"^\s*中央社(?:記者|记者)\s*(?P<names>(?:[^\W\d_、]{2,4}、)*(?:[^\W\d_、]{3}|[^\W\d_、]{2}))"
    r"[^\W\d_]{2,3}\d{1,2}日(?:專|专)?[電电]\s*$"
)
_KOREAN_ALONE = re.compile(KOREAN + r"\s*$")
_CHINESE_ALONE = re.compile(CHINESE + r"\s*$")
# The names a Korean or Chinese dateline gives: "이수진·박지훈", "张三 李四".
NAME_SEPARATOR = re.compile(r"\s*[·,、\s]\s*")


# A Chinese paper sets a name of two characters as wide as one of three, an ideographic space
# between them ("记者　王　明　李华"): one name, 王明, not two, nor "王　明".
_PADDED_NAME = re.compile(
    "(?<![\u4e00-\u9fff])([\u4e00-\u9fff])\u3000([\u4e00-\u9fff])(?![\u4e00-\u9fff])"
)


def unpadded(names: str) -> str:
    """A Chinese byline's `names` with each two-character name set apart to a third's width
    ("王　明") written whole ("王明")."""
    return _PADDED_NAME.sub(r"\1\2", names) if "\u3000" in names else names


def dateline_names(names: str) -> str:
    """ "이수진, 박지훈" of a dateline's "이수진·박지훈"; "王明, 李华" of "王　明　李华"."""
    return ", ".join(n for n in NAME_SEPARATOR.split(unpadded(names).strip()) if n)


def wire_byline(text: str) -> str | None:
    """The reporters a byline that is a wire's dateline alone names ("김민수" of "[서울=뉴시스]
    김민수 기자 ="), "" when it names none; None when `text` is no such dateline."""
    found = _KOREAN_ALONE.match(text) or _CHINESE_ALONE.match(text) or _CNA.match(text)
    if found is None:
        return None
    return dateline_names(found["names"] or "")
