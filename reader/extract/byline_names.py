"""A byline's text reduced to the name(s) in it: "By", the date, the job, the place filed from
and the brackets cut away, and what is left judged a name or not.

Apart from `byline`, which finds the byline element in the page: this part reads text only (a
byline element's, a line of the article's, a declared author's), and other modules that have
such a line ask it directly (`line_byline`, `job_byline`, `clean_byline`). The place filed from
and the outlet written for are `byline_places`'s, a wire's dateline `wire_datelines`'.
"""

from __future__ import annotations

import re

from ..english_dates import weekday_name
from ..models import IDEOGRAPHS
from ..text_shape import one_line
from ..writer_names import AGENCIES, WIRE_LETTERS, is_account, without_label
from ..writer_names import BYLINE_LABEL as _PREFIX
from .author_names import PARTICLES, as_written, lower_case_name_word
from .byline_places import (
    filed_from,
    place_before,
    place_in_brackets,
    without_hindi_roles,
    without_outlet,
    without_place,
)
from .east_asian_credits import east_asian_credit
from .paper_reporters import paper_reporter
from .wire_datelines import wire_byline
from .written_dates import parse_text_date

# What follows the name on the same line: "Dan Goodin - Apr 16", "James Akinaka • 8h".
_AFTER_NAME = re.compile(
    r"\s[-–—|/•·]\s.*$|\s*[|•·].*$|\s+[-–—]$"
    # "… with additional reporting by Jonas Berg": a contributor, no author in a citation.
    r"|,?\s+(?:(?:with|and)\s+)?(?:edited|photos?|photographs|illustrations?|translated"
    r"|additional reporting) by\b.*$"
    # A credit line's other roles after a semicolon or a full stop: "Reporting by Joe Brock;
    # Editing by Ed Osmond", "Texto: Ana Souza; Fotos: João Lima", "Words: Maren Holt.
    # Photos: Jonas Berg". The editor and the photographer are no writers of the piece.
    r"|\s*;\s*[^\W\d_]+(?:\s+by\b|\s*:).*$"
    r"|(?<=[^\W\d_]{2})\.\s+[^\W\d_]+(?:\s+by\b|\s*:).*$"
    # The writer's contact after the name: "Maren Holt @marenholt", "Maren Holt,
    # maren.holt@ledger.example", "(@marenholt)", "(http://…)". Details to reach the writer,
    # no name. (A
    # Mastodon account's "Harbour Watch (@harbourwatch@mastodon.social)" is how a post is cited.)
    r"|[,.]?\s+(?:(?:twitter|x|e-?mail|follow(?:\s+\w+){0,3})\s*:?\s*)?"
    r"(?:@\w{1,30}(?:@[\w.-]+)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\b.*$"
    r"|\s+[(<](?:@\w{1,30}|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://[^\s)>]+|www\.[^\s)>]+)[)>].*$"
    # The outlet the writer works for: "Jane Doe Special to the Harbour Ledger" (and "for the
    # Harbour Ledger", `_without_outlet`). The Source names the outlet that published it.
    r"|,?\s+special\s+to\s+(?:the\s+)?[A-ZÀ-ÖØ-Þ].*$"
    # A Japanese photo story's photographer after its writer: "文・山田太郎／写真・鈴木花子".
    r"|\s*[／/]\s*(?:写真|撮影|イラスト|絵)\s*[・:：].*$"
    # Where a Taiwanese paper's reporter filed from: "陳美玲／臺北報導" ("reporting from
    # Taipei"), "陳美玲/綜合報導".
    r"|\s*[／/]\s*[^\W\d_]{1,8}(?:報導|报道|報道|電|电)$"
    # Japanese and Korean put "reporter" after the name: "山田太郎記者", "홍길동 기자".
    r"|\s*(?:記者|特派員|기자|특파원)(?!\w).*$",
    re.IGNORECASE,
)
# A newsroom's jobs, in the languages of the bylines read here.
_JOBS = (
    r"(?:reporters?|correspondents?|editors?|writers?|columnists?|contributors?|journalists?"
    r"|staff|producers?|analysts?|critics?|photographers?|engineers?|developers?|scientists?"
    r"|researchers?|managers?|directors?|advocates?|redakteur(?:in|e)?|korrespondent(?:in)?"
    r"|rédact(?:eur|rice)|corresponsal|redactor[a]?|корреспондент(?:ка)?|кореспондент(?:ка)?"
    r"|обозреватель(?:ница)?|оглядач(?:ка)?|журналист(?:ка)?|כתב(?:ת|ים|נו)?"
    r"|مراسلة?|محررة?|خبرنگار|संवाददाता|muhabiri?|muhabirimiz|ผู้สื่อข่าว)"
)
# A writer's job after the names: "Ana Ruiz and Tom Berg, Reporters", "Ana Ruiz, Senior
# Political Correspondent". A citation names the people; a credential ("MA") or a second name
# after a comma stays.
_JOB_TITLE = re.compile(rf",\s*(?:[^,\s]+\s+){{0,3}}{_JOBS}\b[^,]*$", re.IGNORECASE)
_JOB_WORD = re.compile(rf"(?<!\w){_JOBS}(?!\w)", re.IGNORECASE)


def names_a_job(text: str) -> bool:
    """`text` holds a newsroom's job ("Local Government Correspondent"): no writer's name."""
    return bool(_JOB_WORD.search(text))


# A role in brackets after the name: Le Monde's "Gilles Rof (Marseille, correspondant)", "Ana
# Ruiz (envoyée spéciale)". A citation names the person.
_ROLE_IN_BRACKETS = re.compile(
    rf"\s*\((?:[^()]*[\s,])?(?:{_JOBS}|correspondante?s?|envoyée?s?\s+spéciale?s?|journalistes?"
    r"|reporters?)\)\s*$",
    re.IGNORECASE,
)
# A byline that is a job alone names nobody: "Staff Writer", "Senior Reporter". "Our Foreign
# Staff" and "Telegraph Staff" do name someone: the newsroom.
_JOB_ALONE = re.compile(
    rf"(?:(?:staff|senior|junior|chief|contributing|special|associate|deputy|assistant|guest"
    rf"|freelance|political|business|sports?|science)\s+)*{_JOBS}",
    re.IGNORECASE,
)
# A job alone after a line's "By" names the newsroom that wrote the story: an old local paper's
# "By Staff Reporter", "By Our Special Correspondent", cited as written.
_NEWSROOM_JOB = re.compile(rf"(?:(?:a|an|our|the)\s+)?(?:(?:staff|special)\s+)+{_JOBS}", re.I)
# Among several names, a job between them is the name's before it: "By Maren Holt,
# Investigations Editor, Tomás O'Connor and Li Wei". Alone, "Telegraph Staff" names the
# newsroom; in such a list, a few words ending in a job name nobody.
_JOB_IN_A_LIST = re.compile(rf"(?:[^\W\d_][\w.'’-]*\s+){{0,3}}{_JOBS}", re.IGNORECASE)


def without_jobs(names: list[str]) -> list[str]:
    """The names of a byline listing several, without the jobs among them."""
    if len(names) < 2:
        return names
    return [n for n in names if not _JOB_IN_A_LIST.fullmatch(n)] or names


_LOWER_CASE_AGENCIES = frozenset(name for name in AGENCIES if len(name) <= 3)
"""Written lower case by their own agencies ("dpa", "apa", "epd"): no particle, still a name."""
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_WEEKDAYS = r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Left at the end once a date's digits are cut off: "GILLIAN MOHNEY March", "Ann Lee, updated on",
# or all that is left of a byline that was a date ("Tuesday, March"). Only then: "Li Sun",
# "Theresa May" and "Ana Le" end as a weekday, a month and "le" do.
# (A run of spaces and commas is entered at its start only, and a tail is a few words: tried
# from each of thousands of them to the line's end, either took quadratic time.)
_DATE_WORD = rf"(?:{_MONTHS}|{_WEEKDAYS}|on|at|updated|published|posted|le|am|el)\.?"
_DATE_TAIL = re.compile(
    rf"(?:(?:^|(?<![\s,])[\s,]+){_DATE_WORD}){{1,6}}[\s,]*$",
    re.IGNORECASE,
)
# The same tail after a separator: all of it goes, and what comes before stays whole, so
# "Theresa May, March 3" keeps the name's "May".
_DATE_AFTER_SEPARATOR = re.compile(rf"\s*[,|•·–—]\s*(?:{_DATE_WORD}[\s,]*)*$", re.IGNORECASE)
# A weekday before that separator is the date's too ("Joe Wee Monday, 14 March"): no name's.
# Written whole: "Li Sun" ends as "Sun." does.
_WEEKDAY_TAIL = re.compile(
    r"(?:^|\s+)(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s*$", re.IGNORECASE
)
# What a byline with no date may end with: "Ann Lee, updated on".
_LABEL_TAIL = re.compile(
    r"(?:(?<![\s,])[\s,]+(?:on|at|updated|published|posted)){1,4}[\s,]*$", re.IGNORECASE
)
# Words a byline element holds when it is a button or a box, not a name.
_NOT_NAMES = re.compile(
    r"\b(?:share|follow|subscribe|comments?|e-?mail|tweet|facebook|twitter|read more"
    r"|about the author|more by|sign in|log in|advertisement"
    r"|(?:last )?(?:updated|modified)|published|posted on|yesterday|ago)\b",
    re.IGNORECASE,
)
_MAX_NAME = 100
# The digits a newsroom's name holds: a short word ending in one or two ("g1", "TV2", "N1",
# "RTL2") and "24/7". Cut at them, "g1 Minas" was "g" and "Team 24/7" "Team"; a name run into a
# date ("Lucas Nolan22 Dec") has more letters before its digits.
_NAME_DIGITS = r"(?<![^\W\d_])[^\W\d_]{1,3}\d{1,2}(?![\w/.:])|(?<![\w/])24/7(?![\w/])"


_NAME_END = r"\s*(?:$|[|,;•·]|\s(?:and|&)\s)|\s+\d"
"""Where a name ends: the line's end, a separator, a list's "and", a date or time."""


# A newsroom named with a number standing apart: "Channel 4 News", "9 News", "Studio 54 Staff"
# (before a capitalised word that is no month, weekday nor count, and no date's year after it:
# "12 Dezembro 2026" is a date), and "Team 7" or "Reporter 7" at the end (one digit: "Ann Lee
# 22" is more likely a day cut short). Cut at it, "Channel 4 News" was cited as "Channel".
_COUNTED = (
    r"comments?|shares?|replies|responses?|views?|likes?|min(?:ute)?s?|hours?|days?|photos?"
    r"|images?|pictures?|videos?|reads?"
)
"""What a byline's number counts when it is no newsroom's: "Ann Lee 3 Comments"."""
_SPACED_NAME_NUMBER = re.compile(
    r"(?:^|(?<=[^\W\d_]\s))\d{1,3}"
    rf"(?=\s+(?!(?i:{_MONTHS}|{_WEEKDAYS}|{_COUNTED})\b)[A-ZÀ-ÖØ-Þ][^\W\d_]*(?![^\W\d_])(?!\s*\d))"
    r"|(?<=[^\W\d_]\s)\d(?=\s*$)"
    # Where a name ends (`_NAME_END`): a pair of numbers no
    # date writes, "Reporter 5-0" (cut at its digits, it was cited "Reporter", a job), and a
    # generational ordinal, "Henry Ford 2nd" (`writer_names.NAME_SUFFIXES`).
    rf"|(?<=[^\W\d_]\s)(?:\d{{1,3}}-\d{{1,3}}|(?i:2nd|3rd|4th))(?={_NAME_END})"
)


def _may_be_a_day(number: str) -> bool:
    """`number` is two numbers a date may write ("3-12", "12-3": a month and a day either way
    round), not "5-0" nor "12-40"."""
    first, dash, second = number.partition("-")
    if not dash:
        return False
    low, high = sorted((int(first), int(second)))
    return 1 <= low <= 12 and 1 <= high <= 31


_DATE_BEFORE = re.compile(rf"(?:^|\W)(?:{_MONTHS}|{_WEEKDAYS})\.?\s+$", re.IGNORECASE)


def _masked_unless_dated(match: re.Match[str]) -> str:
    """The newsroom's number hidden from `_first_number`, unless a month or a weekday is the
    word before it ("Mar 3": a date, no "Channel 4"), or it is a pair a date may be ("3-12")."""
    if _DATE_BEFORE.search(match.string, 0, match.start()) or _may_be_a_day(match.group()):
        return match.group()
    return "x" * len(match.group())


_ONE_WORD_NUMBERED = re.compile(rf"(?!(?i:{_MONTHS}|{_WEEKDAYS})\b)[A-ZÀ-ÖØ-Þ][^\W\d_]+\s\d{{2}}")
"""A name of one word and a two-digit number, all the text: "Agent 47", "Reporter 20". Cut at
its digits (as "Ann Lee 22", two words, is: a day cut short), it was cited as "Reporter", a job
(acc46c F5); a date of one word ("December 22") is none."""


def _first_number(text: str) -> int:
    """Where the first digit outside a newsroom's name is in `text`, or -1."""
    if _ONE_WORD_NUMBERED.fullmatch(text.strip()):
        return -1
    masked = re.sub(_NAME_DIGITS, lambda m: "x" * len(m.group()), text)
    masked = _SPACED_NAME_NUMBER.sub(_masked_unless_dated, masked)
    return next((i for i, c in enumerate(masked) if c.isdigit()), -1)


# The stops that end a sentence in Chinese, Japanese, Hindi and Arabic: no name holds one.
_SENTENCE_STOP = re.compile(r"[。！？；।؟؛]")
# Nor a clause's comma, nor a run of more ideographs than a Chinese or Japanese name has: "作者：
# 李明认为这场暴雨是十年来最大的一次" names nobody. ("、" lists names: "张伟、王芳".)
_NO_NAME_OF_IDEOGRAPHS = re.compile(f"，|[{IDEOGRAPHS}]{{7,}}")
_LOWER_CASE_WORDS = PARTICLES | _LOWER_CASE_AGENCIES
"""The lower-case words a name may hold."""


# A paper's author line marks each name with its affiliations and the corresponding author:
# "Adaeze Okafor<sup>1</sup>, Per Lindqvist<sup>2,3</sup>", "Hiroshi Tanaka<sup>a,*</sup>", or in
# the characters: "Adaeze Okafor¹, Hiroshi Tanaka¹˒³", "Per Lindqvist*". Read as part of the
# name, the mark's digit ended the byline at the first name.
_AFFILIATION_SUP = re.compile(r"[\d\s,*†‡§¶#a-z–-]{1,12}")
_AFFILIATION_MARKS = re.compile(r"(?<=[^\W\d_])[⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§¶]+(?:[˒,][⁰¹²³⁴⁵⁶⁷⁸⁹*†‡§¶]+)*")


# Brackets a byline may set round the whole of its names: a Japanese paper's "（山田太郎）"
# (full width) closing the story, "【山田太郎】", "(Jane Smith)".
_BRACKETS = {
    "(": ")",
    "（": "）",
    "[": "]",
    "［": "］",
    "【": "】",
    "〔": "〕",
    "〈": "〉",
    "《": "》",
}


def _unbracketed(text: str) -> str:
    """`text` without the pair of brackets round all of it: "山田太郎" of "（山田太郎）". Not
    brackets round a part ("Jane Smith (Reuters)"), nor two pairs ("(Ann) and (Tom)")."""
    text = text.strip()
    close = _BRACKETS.get(text[:1])
    if close is None or not text.endswith(close) or len(text) < 3:
        return text
    inside = text[1:-1]
    if text[0] in inside or close in inside:
        return text
    return inside.strip()


# A photo essay's byline naming its photographer first, then its writer: "Photos by Anika
# Strand · Text by Joel Marttila", "Fotos: Ana Lima; texto: João Reis". The writer is the
# piece's author, whose words a quotation cites; the photographer is credited under each photo.
_PHOTOS_THEN_TEXT = re.compile(
    r"^\s*(?:photos?|photographs|photography|pictures|fotos?)\s*(?:by\b|:)\s*\S.*?"
    r"(?:\s*[;,|•·/–—-]\s*|\s+)(?:and\s+)?"
    r"(?:text|words|story|written|reporting|texto|texte)\s*(?:by\b|:)\s*(?P<writer>\S.*)$",
    re.IGNORECASE,
)


# A separator that is no end of the name: two Vietnamese writers set apart by a dash
# ("Nguyễn Văn An - Trần Thị Mai"), each name of three capitalised words or more (a place after
# the dash is one or two: "Hà Nội") and Vietnamese's letters; an agency after a slash
# ("Łukasz Wiśniewski / PAP"), as after a comma.
_VIETNAMESE_NAME = r"[^\W\d_]+(?:\s+[^\W\d_]+){2,4}"
_DASHED_WRITERS = re.compile(
    rf"(?P<first>{_VIETNAMESE_NAME})\s+[-–]\s+(?P<second>{_VIETNAMESE_NAME})"
)
_VIETNAMESE_LETTER = re.compile("[ăâđơư\u1ea0-\u1ef9]", re.IGNORECASE)
_SLASHED_AGENCY = re.compile(r"\s+/\s+(?P<agency>[^\W\d_]{2,12})$")


def _joined_apart(text: str) -> str:
    """`text` with its writers joined by "và" where a dash sets two Vietnamese names apart,
    and an agency after a slash set after a comma; else as it was."""
    if (dashed := _DASHED_WRITERS.fullmatch(text)) and all(
        _VIETNAMESE_LETTER.search(name) and name.istitle() for name in dashed.groups()
    ):
        return f"{dashed['first']} và {dashed['second']}"
    slashed = _SLASHED_AGENCY.search(text)
    if slashed and slashed["agency"].casefold() in WIRE_LETTERS | AGENCIES:
        return f"{text[: slashed.start()]}, {slashed['agency']}"
    return text


# A byline element's date after a separator: "【東京＝山田太郎】 · 2026年12月4日".
_SEPARATED_TAIL = re.compile(r"\s*[|•·](?:\s.*)?$|\s[-–—](?:\s.*)?$")


def _before_the_date(text: str) -> str:
    """`text` without what follows a separator when what comes before it is a wire's dateline
    or a name in brackets ("【東京＝山田太郎】 · date"): read with its date, the dateline was
    read as no dateline, and the brackets as round no whole (cited "【東京＝山田太郎】", or
    "新华社北京" of "新华社北京12月5日电（记者王晓明） · date")."""
    head = _SEPARATED_TAIL.sub("", text)
    if head == text or not head:
        return text
    if wire_byline(head) is not None or paper_reporter(head) or _unbracketed(head) != head:
        return head
    return text


def clean_byline(text: str) -> str:
    """The name(s) in a byline's text, without "By", the date or the job after them or a
    separator, or brackets round them all; written in capitals ("JANE SMITH"), as a citation
    writes a name."""
    text = _before_the_date(one_line(text))
    wire = wire_byline(text)
    if wire is None:
        wire = paper_reporter(text)
    if wire is not None:
        return wire  # "新华社北京12月5日电（记者王小明）": the reporters, not the agency
    credit = east_asian_credit(text)
    if credit is not None:
        if not credit:
            return ""  # an editor's, an outlet's credit: no writer
        text = credit
    photo_essay = _PHOTOS_THEN_TEXT.match(text)
    if photo_essay:
        text = photo_essay.group("writer")
    text = _unbracketed(without_label(_unbracketed(_AFFILIATION_MARKS.sub("", text))))
    text = without_hindi_roles(place_before(text))
    text = place_in_brackets(_ROLE_IN_BRACKETS.sub("", text))
    text = _AFTER_NAME.sub("", _joined_apart(text))
    # The job once more after the place and outlet: "Jane Smith, Correspondent, London".
    text = _JOB_TITLE.sub("", without_outlet(without_place(filed_from(_JOB_TITLE.sub("", text)))))
    # A date, a time, a count ("Lucas Nolan22 Dec 2016651"): a name has no digits but a
    # newsroom's own ("g1 SP", "Team 24/7").
    number = _first_number(text)
    name, dated = (text[:number], [text[number:]]) if number >= 0 else (text, [])
    cut = _DATE_AFTER_SEPARATOR.search(name) if dated else None
    if cut:
        before = name[: cut.start()]
        weekday = _WEEKDAY_TAIL.search(before)
        if weekday is not None and _the_dates(weekday.group(), text[cut.start() :]):
            before = before[: weekday.start()]
        text = before
    else:
        text = (_DATE_TAIL if dated else _LABEL_TAIL).sub("", name)
    text = text.strip(" \u3000,;:-–—|•·(")
    if _PREFIX.fullmatch(f"{text} "):
        return ""  # a label alone ("Author", "نوشته"), its name in a part of its own or none
    return as_written(text)


def _the_dates(weekday: str, rest: str) -> bool:
    """A weekday's name before a separator and a date is the date's ("Joe Wee Monday, 14 March
    2022"), but not when the date falls on another day: "Mary Sunday, 3 March 2026" (a
    Tuesday) is a name. A date given without its year can't tell: the date's, as most are."""
    day = parse_text_date(rest)
    return day is None or weekday_name(day).casefold() == weekday.strip().casefold()


def line_byline(text: str) -> str:
    """The name a byline written as a line of the text gives ("By Ana Ruiz · Feb. 21, 2019"),
    or "": the page's text, second to its declarations, says who wrote it. Only a line that
    says "By" (or a label: "Von", "Par", "Autor:"): a name before a separator and a date is
    as often a section's ("Analysis | 5 min read", "Updated — 12 March")."""
    text = one_line(text)
    if not _PREFIX.match(text):
        return ""
    name = clean_byline(text)
    return name if looks_like_name(name) or _NEWSROOM_JOB.fullmatch(name) else ""


def job_byline(text: str) -> str:
    """The name a line of the writer's name and job gives ("Jane Smith, Political Editor",
    "Ana Ruiz, Senior Correspondent"), with no "By"; else "". Whether it is a byline is where
    it stands: under the headline, before the text."""
    text = one_line(text)
    job = _JOB_TITLE.search(text)
    if job is None:
        # The place filed from after the job: "Jane Smith, Correspondent, London".
        text = without_place(text)
        job = _JOB_TITLE.search(text)
    if job is None:
        return ""
    name = text[: job.start()].strip()
    return name if "," not in name and looks_like_name(name) else ""


def looks_like_name(text: str) -> bool:
    """True for "Ana Ruiz", "Ana Ruiz and Tom Berg", "AFP"; false for a date, a button, a
    sentence, a job ("Staff Writer")."""
    words = text.split()
    if not words or len(words) > 12 or len(text) > _MAX_NAME:
        return False
    if _first_number(text) >= 0 or re.search(r"[?!;@=<>{}\[\]]|https?:|www\.", text):
        return False
    if _SENTENCE_STOP.search(text) or _NO_NAME_OF_IDEOGRAPHS.search(text):
        # "记者从…获悉，…。", "लेखक ने कहा कि …।": a sentence that opens with "reporter" or
        # "writer", in a script that has no capitals to tell a name by.
        return False
    if _NOT_NAMES.search(text) or _JOB_ALONE.fullmatch(text) or is_account(text):
        return False
    # "s sai" is a commenter's handle, "Ann Lee, a retired teacher" a description: in a cased
    # script a name's words are capitalised but for particles ("Ana de la Cruz and Tom Berg").
    lower = [
        w
        for w in words
        if w[0].islower()
        and w.strip("(),").casefold() not in _LOWER_CASE_WORDS
        and not lower_case_name_word(w.strip("(),"))
        and not re.fullmatch(_NAME_DIGITS, w.strip("(),"))
    ]
    return not lower
