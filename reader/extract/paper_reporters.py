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
# A Japanese paper's dateline naming its reporter, as the lede opens or as the byline: "【東京＝
# 山田太郎】" (where the agency's "【ワシントン共同】" names none).
JAPANESE_REPORTER = re.compile(rf"^\s*【[^【】＝=]{{1,12}}[＝=]\s*(?P<name>{_NAME})\s*】")


def paper_reporter(text: str) -> str | None:
    """The reporter (and the agency) a byline naming its paper or agency gives: "佐藤花子" of
    "関西日報 記者 佐藤花子", "鈴木一郎, 共同通信" of "共同通信 鈴木一郎"; None for any other."""
    if found := _OUTLET_REPORTER.match(text):
        return found["name"]
    if found := _AGENCY_REPORTER.match(text):
        return f"{found['name']}, {found['agency']}"
    return None


def lede_reporter(text: str) -> str:
    """The reporter a Japanese lede's dateline names ("山田太郎" of "【東京＝山田太郎】東京都は…"),
    or ""."""
    found = JAPANESE_REPORTER.match(text)
    return found["name"] if found else ""
