"""A Japanese or Chinese byline naming the paper or the agency beside its reporter: "関西日報
記者 佐藤花子" (the paper, "reporter", the name), "人民日报记者 王明", "共同通信 鈴木一郎" (Kyodo,
then its reporter), and the reporter a Japanese lede's "【東京＝山田太郎】" names.

The paper is the reporter's employer, no author (as "Jane Doe, CNN" is); an agency's copy is in
the story, so it is cited beside its reporter as "A, Reuters" is. `byline_names` asks here
before its own rules, which read "記者" as the end of the name ("山田太郎記者")."""

from __future__ import annotations

import re

from ..models import IDEOGRAPHS

# A Japanese or Chinese name: ideographs and kana, two to six of them, no space.
_NAME = rf"[{IDEOGRAPHS}々〆]{{2,6}}"
# What a paper's or a broadcaster's name ends with: "新聞", "日報", "时报", "通信", "新聞社",
# "テレビ", "放送", "电视台"; or its capitals ("NHK").
_OUTLET = (
    rf"(?:[{IDEOGRAPHS}]{{1,10}}(?:新聞社?|新闻社?|日[報报]|[時时晚][報报]|新[報报]"
    r"|通信社?|通[訊讯]社?|テレビ|放送|[電电][視视]台|[電电]台|[報报]社?)|[A-Z]{2,6})"
)
_OUTLET_REPORTER = re.compile(
    rf"^\s*{_OUTLET}\s*(?:記者|记者|特派員|特派员)\s*(?P<name>{_NAME})\s*$"
)
# The Japanese and Chinese agencies a byline may set before its reporter: Kyodo, Jiji, Xinhua,
# China News Service, CNA.
_AGENCIES = r"共同通信社?|時事通信社?|新华社|新華社|中新社|中央社"
_AGENCY_REPORTER = re.compile(
    rf"^\s*(?P<agency>{_AGENCIES})\s*(?:記者|记者)?\s*(?P<name>{_NAME})\s*$"
)
# A Japanese paper's dateline, as the lede opens or as the byline: the place, "＝" and its
# reporters ("【東京＝山田太郎】"), a name written with a space between the family and the given
# name too ("【東京＝山田　太郎】", "【東京＝山田 太郎】"), two set apart by "、"; or the agency whose
# copy it is, after "＝" or written onto the place ("【ワシントン＝共同】", "【ソウル時事】").
_CHARACTER = rf"[{IDEOGRAPHS}々〆]"
_SPACED_NAME = rf"(?:{_CHARACTER}{{1,5}}[\u3000 ]{_CHARACTER}{{1,5}}|{_NAME})"
_PLACE = r"[^【】＝=\s]{1,12}"
_JAPANESE_DATELINE = re.compile(
    rf"^\s*【\s*(?:{_PLACE}\s*[＝=]\s*(?P<names>{_SPACED_NAME}(?:\s*[、，,]\s*{_SPACED_NAME})*)"
    rf"|{_PLACE}?(?P<agency>共同|時事))\s*】"
)
# The agencies a Japanese dateline names by their short names, as they are cited.
_JAPANESE_AGENCIES = {
    **dict.fromkeys(("共同", "共同通信", "共同通信社"), "共同通信"),
    **dict.fromkeys(("時事", "時事通信", "時事通信社"), "時事通信"),
}
_DATELINE_NAMES = re.compile(r"\s*[、，,]\s*")


def _japanese_dateline(found: re.Match[str] | None) -> str:
    """The reporters a Japanese dateline names, each as written ("山田　太郎, 佐藤花子"), or the
    agency it names ("共同通信" of "【ワシントン＝共同】"); "" when `found` is None."""
    if found is None:
        return ""
    if found["agency"]:
        return _JAPANESE_AGENCIES[found["agency"]]
    names = _DATELINE_NAMES.split(found["names"])
    if len(names) == 1 and names[0] in _JAPANESE_AGENCIES:
        return _JAPANESE_AGENCIES[names[0]]
    return ", ".join(" ".join(n.split()) if "\u3000" not in n else n for n in names)


def paper_reporter(text: str) -> str | None:
    """The reporter (and the agency) a byline naming its paper or agency gives: "佐藤花子" of
    "関西日報 記者 佐藤花子", "鈴木一郎, 共同通信" of "共同通信 鈴木一郎", "山田　太郎" of "【東京＝山田
    太郎】", "共同通信" of "【ワシントン＝共同】"; None for any other."""
    if found := _OUTLET_REPORTER.match(text):
        return found["name"]
    if found := _AGENCY_REPORTER.match(text):
        return f"{found['name']}, {found['agency']}"
    if found := _JAPANESE_DATELINE.fullmatch(text.strip()):
        return _japanese_dateline(found)
    return None


def lede_reporter(text: str) -> str:
    """The reporters a Japanese lede's dateline names ("山田太郎" of "【東京＝山田太郎】東京都は…"),
    or the agency ("時事通信" of "【ソウル時事】…"), or "". The place (東京) is where it was
    filed from, no writer."""
    return _japanese_dateline(_JAPANESE_DATELINE.match(text))
