"""Who the citation names as the article's author: the names the page declares or the names its
byline prints, and a name as a citation writes it.

The declarations come first, as for every field, except where the byline says more than they do:
a `<meta name="author">` naming one of the byline's two writers leaves out the other, and one
naming the site ("Metro Gazette", "BBC News") over a byline that names a person names nobody who
wrote the piece.
"""

from __future__ import annotations

import re

from ..models import IDEOGRAPHS
from ..text_shape import one_line
from ..writer_names import ACRONYMS, given_name_first, masthead, name_suffix, with_suffixes
from .co_credits import CO_WRITER_WORDS, co_credited, credited, is_agency
from .wire_datelines import unpadded

PARTICLES = frozenset(
    [
        *("and", "und", "et", "y", "e", "og", "och", "en", "avec", "with", "mit"),
        *("de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le"),
        *("van", "von", "zu", "bin", "bint", "ben", "ibn", "abu", "al", "el", "ter", "ten"),
    ]
)
"""Lower-case words a name (or a list of names) may hold."""

# An Arabic or Hebrew surname's article or "son of", lower case and joined to it by a hyphen, as
# AP and the NYT write it: "al-Omran", "el-Sisi", "ben-Ami", "abu-Zeid", "ibn-Rushd". Read as a
# word in lower case, it made the byline no name: "By Hwaida Saad and Ahmed al-Omran" was
# cited "Saad, H." (acc47a A1).
_HYPHENED_PARTICLE = re.compile(
    r"(?:al|el|ul|ad|ar|as|ash|at|az|ben|bin|bint|ibn|abu|abd|ould)-[^\W\d_]{2}"
)


def lower_case_name_word(word: str) -> bool:
    """`word` may be written in lower case within a person's name: a particle ("van", "de")
    or a surname's hyphened one ("al-Omran")."""
    return word.casefold() in PARTICLES or _HYPHENED_PARTICLE.match(word) is not None


# The joining words after which a new name starts ("JANE SMITH AND TOM BERG").
_JOINS = frozenset(["and", "und", "et", "y", "e", "og", "och", "en", "&", "with", "avec", "mit"])
_WORD_START = re.compile(r"(^|[-'’(.])(\w)")


def as_written(name: str) -> str:
    """ "Jane Smith" for a byline's "JANE SMITH", "Jan van der Berg" for "JAN VAN DER BERG":
    a name written all in capitals, as a page's style prints it, as a citation writes it. Only
    a name of two words or more written wholly in capitals: "AFP" is one word, "Jane SMITH" is
    the writer's own way; an agency's letters ("BBC") stay."""
    words = name.split()
    if len(words) < 2 or not any(c.isupper() for c in name) or any(c.islower() for c in name):
        return name
    written = []
    starts = True
    for word in words:
        core = word.strip(",;:()").casefold()
        if core in ACRONYMS:
            written.append(word)
        elif core in _JOINS or (core in PARTICLES and not starts):
            written.append(word.lower())
        else:
            written.append(_WORD_START.sub(lambda m: m[1] + m[2].upper(), word.lower()))
        starts = core in _JOINS or word.endswith((",", ";"))
    return " ".join(written)


# The words a byline joins its writers' names with, in the languages read here ("Wang Xintong
# and Denise Jia", "Anna Krüger und Jens Meyer", "Ana Ruiz y Tom Berg", "Анна Лебедева и
# Павел Орлов", Hindi's "और", Greek's "και", Indonesian's "dan", Vietnamese's "và", Turkish's "ve", Thai's
# "และ"), or an ampersand; a co-writer's or an agency's "with", "avec", "mit"; Japanese's and
# Chinese's list comma "、". Hebrew and Arabic write "and" as a letter before the second name
# ("נועה ברק ואלון שמעוני", "… ו-אלון …", "سارة الحداد ومحمد علي"), split only where each side
# is a whole name, and not before an Arabic given name that opens with that letter ("وليد").
_ARABIC_W_NAMES = (
    "ليد|ائل|فاء|سام|عد|لاء|جدي|هبة|داد|ديع|حيد|صفي|ردة|رد|فيق|جيه|ضاح|هيب|جدان|صال|سيم|هاب"
)
_NAME_JOIN = re.compile(
    r"\s+(?:and|und|et|y|e|i|og|och|en|и|و|และ|और|(?-i:και|dan|và|ve))\s+|\s*&\s*"
    rf"|\s+{CO_WRITER_WORDS}\s+|\s*、\s*"
    r"|\s+ו-?(?=[\u05d0-\u05ea])"
    rf"|\s+و(?!(?:{_ARABIC_W_NAMES})(?:\s|$))(?=[\u0621-\u064a]{{2}})",
    re.IGNORECASE,
)
# A Chinese or Japanese name written with no space: two to six ideographs or kana.
_IDEOGRAPHIC_NAME = re.compile(f"[{IDEOGRAPHS}]{{2,6}}")
# A Korean name: two to four syllables, no space ("김민수").
_KOREAN_NAME = re.compile("[가-힣]{2,4}")
# A Chinese byline lists its writers apart by spaces: "记者 张三 李四" (two to four ideographs a
# name). A Japanese one may set a space between a family name and a given name: "山田 太郎".
_HAN_NAME = re.compile("[\u4e00-\u9fff]{2,4}")


# The roles a Chinese byline names its writers by: reporter, correspondent, intern.
_CHINESE_ROLES = frozenset(
    ["记者", "記者", "通讯员", "通訊員", "实习生", "實習生", "见习记者", "見習記者", "特约记者"]
)


def _whole_name(text: str) -> bool:
    """`text` is a name by itself: a given name and a surname, an agency's name ("Reuters",
    "AFP"), or a Chinese, Japanese or Korean name."""
    return (
        len(text.split()) >= 2
        or is_agency(text)
        or bool(_IDEOGRAPHIC_NAME.fullmatch(text) or _KOREAN_NAME.fullmatch(text))
    )


def split_names(names: str, language: str = "") -> list[str]:
    """The writers a byline's text names, each apart: "Wang Xintong and Denise Jia" is two,
    as JSON-LD would declare them, and "Ana Ruiz, Tom Berg & Li Wei" three (the commas of a
    list before its last "and"); "Martin Untersinger (avec Damien Leloup et Morgane Tual)"
    three, "Maren Holt and Reuters" a writer and an agency (`co_credits`). Split only where
    each part is a name by itself: "José Ortega y Gasset" is one man, "Weber, Jonas" one name
    written surname first; a comma after the last name ("Mark Sullivan, The Lakeshore
    Ledger") is an outlet's or a place's, and other words in brackets ("Gilles Rof
    (Marseille)") the writer's own. A page in Chinese (`language`) lists its writers apart
    by spaces."""
    chinese = language.casefold().startswith("zh")
    names = credited(unpadded(one_line(names)) if chinese else one_line(names))
    listed = names.split()
    if chinese:
        # "本报记者 王小明 通讯员 李华": the paper's reporter and its correspondent, each named
        # after the role.
        listed = [n for n in listed if n not in _CHINESE_ROLES] or listed
    if chinese and len(listed) > 1 and all(_HAN_NAME.fullmatch(n) for n in listed):
        return listed
    parts = [p.strip(" \u3000,") for p in _NAME_JOIN.split(names)]
    if "(" in names or len(parts) < 2 or not all(_whole_name(p) for p in parts):
        return [co_credited(names)] if names else []
    split = []
    for part in parts[:-1]:
        # "Martin Lund, Jr, Ann Lee and Tom Berg": three; a suffix is the end of a name
        listed = with_suffixes([n.strip() for n in part.split(",")])
        split += listed if all(len(name_suffix(n)[0].split()) >= 2 for n in listed) else [part]
    return [co_credited(n) for n in [*split, parts[-1]] if n]


def split_declared_names(names: str) -> list[str]:
    """The writers a declared author's string names (`<meta name="author">`, a JSON-LD
    Person's name), each apart, as `split_names` splits a byline's: "Anna Krüger und Jens
    Meyer", "Jean Dupont et Marie Curie" are two. A declaration is no line a reader sees
    written as names, so each part must look like a person's name besides: its words
    capitalised, but for a name's particles ("Pieter van der Berg"), and no newsroom's
    ("Department of Health and Social Care", "Arts and Culture Desk" stay one)."""
    split = split_names(names)
    if len(split) > 1 and all(person_like(n) for n in split):
        return split
    return [one_line(names)] if names.strip() else []


def person_like(name: str) -> bool:
    """`name` may be a person's: its words capitalised (or in a script without capitals) but
    for a name's particles, and no newsroom's ("Metro Desk")."""
    if not name.strip() or _NEWSROOM.search(name):
        return False
    for word in name.split():
        # "O'Neill", "(Jr.)": the first letter, past any mark before it.
        letters = word.lstrip("'’(\"“«")
        if letters[:1].islower() and not lower_case_name_word(letters):
            return False
    return True


def dublin_core_name(name: str) -> str:
    """ "Ann Lee" for Dublin Core's "Lee, Ann", as `given_name_first` turns a paper's
    `citation_author`; not "Anna Krüger, DER SPIEGEL", whose part after the comma is the
    masthead's, not a given name (nor "Lee, Reporter")."""
    surname, comma, given = name.partition(",")
    given = one_line(given)
    if not comma or masthead(given) or not person_like(given) or not surname.strip():
        return name
    return given_name_first(name) if len(surname.split()) == 1 else name


# A newsroom's name rather than a person's: "BBC News", "Reuters Staff", "Metro Desk".
_NEWSROOM = re.compile(
    r"(?:^|\s)(?:news|newsroom|desk|staff|team|editors|editorial|editorial board|redaktion"
    r"|rédaction|redacción|redazione|redactie|agencies|wire|wires)$",
    re.IGNORECASE,
)


def _folded(text: str) -> str:
    return re.sub(r"\W", "", text.casefold())


def _none_alike(names: list[str], others: list[str]) -> bool:
    """No name of `names` shares a word with one of `others`: "Tomas J. Novak" and "Tomas
    Novak" are one writer's names, as "T. Novak" may be."""

    def words(name: str) -> set[str]:
        return {w for w in re.findall(r"\w+", name.casefold()) if len(w) > 2}

    return not any(words(a) & words(b) for a in names for b in others)


def is_newsroom(name: str) -> bool:
    """`name` is a newsroom's ("BBC News", "Reuters Staff", "Metro Desk"), no writer's."""
    return bool(_NEWSROOM.search(name.strip()))


def _is_publisher(name: str, publishers: list[str], page_title: str) -> bool:
    """`name` is the site's or its publisher's: one of `publishers` (og:site_name, JSON-LD's
    publisher, the Twitter account), the part of the page's `<title>` after (or before) its
    headline, or a newsroom's name ("BBC News", "Reuters Staff")."""
    return _is_site(name, publishers, page_title) or bool(_NEWSROOM.search(name.strip()))


def without_the_site(name: str, publishers: list[str], page_title: str) -> str:
    """ "Anna Krüger" for Der Spiegel's `<meta name="author" content="Anna Krüger, DER
    SPIEGEL">`: the site's name after a comma reads as a second author, and the Source says it.
    Only the site's (or its publisher's) name, or a masthead's words in capitals ("DIE ZEIT")
    after a name that isn't, or a desk named by the site's name ("Pedro Ferreira, g1 Minas"):
    an agency the site runs ("Ann Lee, Reuters") stays."""
    person, comma, after = name.rpartition(",")
    after = after.strip()
    if not comma or not person.strip() or not after:
        return name
    masthead = (
        len(after.split()) > 1
        and after.upper() == after
        and any(c.isupper() for c in after)
        and person.upper() != person
    )
    # Or one of its desks: g1's "Pedro Ferreira, g1 Minas" (the site's name, then the region's).
    desk = len(after.split()) <= 3 and _is_site(after.split()[0], publishers, page_title)
    if masthead or desk or _is_site(after, publishers, page_title):
        return person.strip()
    return name


# A staff role written after the name with no comma: Lee Enterprises' BLOX papers declare
# "MARTA ELLISON Courier staff writer" (the paper's name, then the job).
_STAFF_ROLE = re.compile(
    r"\s+(?:staff|senior|chief|contributing|special|associate|deputy|assistant|guest"
    r"|freelance)\s+(?:writer|reporter|correspondent|editor|photographer|columnist)s?\s*$",
    re.IGNORECASE,
)
_MAX_ROLE_NAME = 200
"""Characters of a name with a role after it, at most: a declared author of 20,000 spaces took
17 s in `_STAFF_ROLE` (acc29c S7)."""
# How many words of the site's name may open the role ("Riverbend Courier staff writer").
_SITE_WORDS_IN_ROLE = 3


def without_staff_role(name: str, publishers: list[str]) -> str:
    """ "MARTA ELLISON" for BLOX's "MARTA ELLISON Courier staff writer": the role after the
    name, and the site's name (or words of it) opening the role, which a citation's author
    leaves out. Only when two words or more stay: "Ann Staff Writer" may be a name."""
    if len(name) > _MAX_ROLE_NAME:
        return name  # no name and role: searched from each space of a long run, quadratic
    found = _STAFF_ROLE.search(name)
    if found is None:
        return name
    words = name[: found.start()].split()
    site_words = {_folded(w) for site in publishers for w in site.split()} - {""}
    for _ in range(_SITE_WORDS_IN_ROLE):
        if len(words) > 2 and _folded(words[-1]) in site_words:
            words.pop()
    return " ".join(words) if len(words) >= 2 else name


def _is_site(name: str, publishers: list[str], page_title: str) -> bool:
    """`name` is one of `publishers` or the site's name the page's `<title>` ends (or opens)
    with."""
    folded = _folded(name)
    if not folded:
        return False
    if folded in {_folded(p) for p in publishers} - {""}:
        return True
    parts = re.split(r"\s[|\-–—:·»]\s", one_line(page_title))
    return len(parts) > 1 and folded in {_folded(parts[0]), _folded(parts[-1])}


def chosen_authors(
    declared: list[str],
    printed: list[str],
    publishers: list[str],
    page_title: str,
    seconded: list[str] | None = None,
) -> list[str]:
    """The article's authors: the `declared` ones (JSON-LD, `<meta>`), else the ones its
    byline `printed`; the byline's when it names the declared ones and more ("By Jane Smith and
    Tom Okafor" beside `<meta name="author" content="Jane Smith">`), or when the declared ones
    are only the site or its newsroom and the byline names someone else. Each without the
    site's name after it (`without_the_site`).

    `seconded`, given when `declared` is JSON-LD's, are the names the page gives otherwise (its
    `<meta>` tags, its `rel="author"` links): a byline naming none of JSON-LD's authors is the
    one cited when these side with it and not with JSON-LD. A CMS writes the user who posted
    the story into its JSON-LD ("Petra Webeditor" over "By Tomas Novak" and `<meta
    name="author" content="Tomas Novak">`, acc34b D2), and the reader sees the byline. The
    byline alone is not enough: the first one found may be the next story's."""
    declared = [without_the_site(n, publishers, page_title) for n in declared]
    printed = [without_the_site(n, publishers, page_title) for n in printed]
    if not printed:
        return declared
    if not declared:
        return printed
    said = {_folded(n) for n in declared}
    shown = {_folded(n) for n in printed}
    if said < shown:
        return printed
    if (
        seconded
        and _none_alike(declared, printed)
        and not _none_alike(printed, seconded)
        and _none_alike(declared, seconded)
        and not any(_is_publisher(n, publishers, page_title) for n in printed)
    ):
        return printed
    if all(_is_publisher(n, publishers, page_title) for n in declared) and not any(
        _is_publisher(n, publishers, page_title) for n in printed
    ):
        return printed
    return declared
