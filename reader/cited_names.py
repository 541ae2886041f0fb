"""A writer's name as a citation turns it round: the surname and the given names (Chicago's
"Holt, Maren", APA's "Holt, M."), or the name as written where it isn't one person's given
name first: a newsroom's, an outlet's, one in a script whose names are not initialised
(Chinese, Japanese, Korean, Arabic, Hebrew…), a string of several, or one that can't be read
with confidence. A Chinese (pinyin), Vietnamese or Korean name written in Latin letters family
name first is kept in its order, as both guides want: Chicago writes it uninverted and with no
comma ("Wang Xiaoming"; CMOS 17 §8.14, §16.83), APA its family name and initials as any other
("Wang, X."; APA Style blog, "What's in a Name? Cultural Variations in Name Order", 2017).
Apart from the styles, which list the names, as the rules of one field."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .text_shape import one_line
from .writer_names import ACRONYMS, NAME_SUFFIXES, name_suffix

# Words a name's surname begins with, kept with it ("van der Berg, Pieter"), as written: a
# capital "Van" or "De" may be a given name. "ap" and "ferch" are Welsh ("Dafydd ap Gwilym").
_PARTICLES = {
    *("van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du"),
    *("la", "le", "ter", "ten", "zu", "af", "bin", "bint", "ben", "ibn", "abu", "al", "el"),
    *("ap", "ab", "ferch"),
}
# Those capitalised, as many an American or Arab surname writes them ("De La Hoya", "El Akkad",
# "Van Buren", "Di Marco"); not "Da", "Do" or "Du", which may be syllables of a given name.
_CAPITALISED_PARTICLES = {
    *("Van", "Von", "Der", "Den", "De", "Del", "Della", "Di", "Dos", "Das", "La", "Le"),
    *("Ter", "Ten", "Al", "El"),
}
# The Irish and Scottish Gaelic ones are capitalised, never a given name after the first, and
# the surname runs from them to the end, words that are no particle included ("Mac Giolla
# Phádraig", "Ní Bhriain", "Ó Súilleabháin").
_GAELIC = {"Ó", "Ní", "Nic", "Mac", "Mhic", "Mhac", "Uí", "Ua"}
# A suffix as both styles write it: "Jr." for a byline's "Jr" or "JR", Britain's "Jnr"; a
# numeral in capitals ("III"); an ordinal as written ("2nd").
_STYLED_SUFFIXES = {
    **{"jr": "Jr.", "jnr": "Jr.", "sr": "Sr.", "snr": "Sr."},
    **{"2nd": "2nd", "3rd": "3rd", "4th": "4th"},
}
# A title before a name, which Chicago and APA leave out ("Dr Samuel Nwosu": "Nwosu, S.", not
# "Nwosu, D. S."); compared without its full stop and case.
_HONORIFICS = {
    *("dr", "prof", "professor", "sir", "dame", "lord", "lady", "rev", "revd", "reverend"),
    *("mr", "mrs", "ms", "mx", "miss", "cllr", "fr", "sr", "hon", "rt", "dott", "herr", "frau"),
}
# Words that make a byline a newsroom's or an organisation's, not a person's: cited as
# written, as both styles cite a corporate author ("Portmouth Council", not "Council,
# Portmouth": acc40a M2). No word a surname often is ("Court", "Hall", "Church", "Bank").
_NEWSROOM = re.compile(
    r"\b(?:staff|desk|newsroom|reporters?|editors?|editorial|agency|press|news|team|board"
    r"|bureau|correspondents?|service"
    r"|council|committee|commission|authority|ministry|department|dept|office|police"
    r"|government|parliament|university|universität|université|college|institute|institut"
    r"|foundation|association|society|museum|hospital|agencies"
    r"|ltd|limited|inc|llc|llp|plc|gmbh|corp|corporation|company)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Name:
    """A writer's name as a citation needs it: the surname and the given names, or the name
    as written (`literal`) when it is not to be turned round."""

    literal: str = ""
    family: str = ""
    given: str = ""
    suffix: str = ""
    family_first: bool = False
    """Written family name first ("Wang Xiaoming", "Nguyễn Văn An"): Chicago keeps that order."""
    particle: str = ""
    """A Dutch or German particle the styles set after the given names, CSL's dropping particle
    ("van" of "Ludwig van Beethoven": "Beethoven, L. van"; `_dropping_particle`)."""

    @property
    def turned(self) -> bool:
        """Chicago writes it turned round, surname first after a comma ("Holt, Maren")."""
        return not (self.literal or self.family_first)

    @property
    def particled(self) -> bool:
        """The surname opens with a particle ("de Vries", "al-Omran", "Van Buren"), kept with
        it as written: a citation processor reading the surname alone would take the particle
        apart, and a style that demotes one (CSL's Chicago) file "Vries, Sophie de" under V."""
        if self.literal:
            return False
        first = re.split(r"[\s'’-]", self.family, maxsplit=1)[0]
        return first != self.family and (first[:1].islower() or first in _CAPITALISED_PARTICLES)

    def inverted(self) -> str:
        """ "Holt, Maren" (Chicago's first author), "Beethoven, Ludwig van"; "Wang Xiaoming" as
        it is written."""
        if self.literal:
            return self.literal
        if self.family_first:
            return self.natural()
        given = f"{self.given} {self.particle}" if self.particle else self.given
        return f"{self.family}, {given}" + (f", {self.suffix}" if self.suffix else "")

    def natural(self) -> str:
        """ "Jonas Berg" (Chicago's later authors), "Ludwig van Beethoven"; "Wang Xiaoming"."""
        if self.literal:
            return self.literal
        if self.family_first:
            return f"{self.family} {self.given}"
        family = f"{self.particle} {self.family}" if self.particle else self.family
        return f"{self.given} {family}" + (f" {self.suffix}" if self.suffix else "")

    def initialled(self) -> str:
        """ "Holt, M." (APA): each given name cut to its initial, "Jean-Paul" to "J.-P."."""
        if self.literal:
            return self.literal
        # A particle among the given names stays as written: "Santos, J. da S." for "João da
        # Silva Santos", not "J. D. S." (acc47a A5), as citeproc initialises one.
        # A name written in lower case on purpose keeps it in its initials: "hooks, b.", as
        # APA cites bell hooks.
        lower = f"{self.given}{self.family}".islower()
        initials = " ".join(
            word
            if word in _PARTICLES
            else "-".join(
                f"{part[0] if lower else part[0].upper()}." for part in word.split("-") if part
            )
            for word in self.given.split()
            if not word.startswith("(") and not word.endswith(")")
        )
        if self.particle:
            initials = f"{initials} {self.particle}"
        return f"{self.family}, {initials}" + (f", {self.suffix}" if self.suffix else "")


def turnable(name: str) -> bool:
    """Written in a script whose names are given name first and may be initialised: Latin,
    Greek or Cyrillic letters only."""
    for char in name:
        if char.isalpha() and unicodedata.name(char, "").split(" ")[0] not in {
            "LATIN",
            "GREEK",
            "CYRILLIC",
        }:
            return False
    return True


def parsed_name(name: str, language: str = "") -> Name:
    """`name` as a citation turns it round ("Holt", "Maren"), or as written where it can't be
    read as one person's name given name first (`literal`). `language` is the article's: on a
    page in Spanish a name of four words is two given names and two surnames."""
    nickname = _NICKNAME.fullmatch(one_line(name))
    if nickname is not None and not _NOT_ONE_NAME.search(f" {nickname['nickname'][1:-1]} "):
        # "Richard (R.J.) Eskow": the name in brackets goes with the given names it stands
        # among, "Eskow, Richard (R.J.)", and is no initial of APA's.
        turned = parsed_name(f"{nickname['before']} {nickname['after']}", language)
        if turned.literal or nickname["after"] != turned.family:
            return Name(literal=one_line(name))
        return Name(
            family=turned.family,
            given=f"{turned.given} {nickname['nickname']}",
            suffix=turned.suffix,
            particle=turned.particle,
        )
    # "Martin Lund, Jr.": its suffix after a comma, "Lund, M., Jr." in APA, not a list
    name, suffix = name_suffix(name)
    words = name.split()
    while len(words) > 2 and words[0].rstrip(".").casefold() in _HONORIFICS:
        words = words[1:]
    # As written, but for an honorific: a Japanese name's ideographic space stays.
    name = one_line(name) if len(words) == len(name.split()) else " ".join(words)
    written = f"{name}, {suffix}" if suffix else name  # as a literal gives it
    if not suffix and len(words) > 2 and words[-1].casefold() in NAME_SUFFIXES:
        suffix, words = words[-1], words[:-1]
    suffix = _STYLED_SUFFIXES.get(suffix.casefold().rstrip("."), suffix.upper())
    if (
        len(words) < 2
        or not turnable(name)
        or _NEWSROOM.search(name)
        or _NOT_ONE_NAME.search(name)
        or name.isupper()
        or words[0] in _ARTICLES  # "The Lakeshore Ledger", "Le Monde": an outlet's name
    ):
        return Name(literal=written)
    if (capitals := _family_in_capitals(words)) is not None:
        # "ZHANG Wei", "Jean-Luc PICARD": the family name marked by its capitals, as French
        # and East Asian writers mark it, wherever it stands; cited in normal case.
        family = re.sub(r"(^|[-'’])(\w)", lambda m: m[1] + m[2].upper(), words[capitals].lower())
        given = " ".join(w for n, w in enumerate(words) if n != capitals)
        # Chicago keeps an East Asian name's order ("Zhang Wei"), and turns a French official
        # style's round ("DUPONT Jean": "Dupont, Jean").
        east_asian = family.casefold() in _EAST_ASIAN_FAMILIES
        return Name(
            family=family, given=given, suffix=suffix, family_first=capitals == 0 and east_asian
        )
    if _family_name_first(words, language):
        return Name(family=words[0], given=" ".join(words[1:]), family_first=True)
    start = len(words) - 1
    while start > 1 and (
        words[start - 1] in _PARTICLES
        # "Oscar De La Hoya", "Omar El Akkad", "Jean-Paul de La Fontaine": a particle
        # capitalised inside the name is the surname's too (APA 7 §9.9, CSL's non-dropping
        # particle), not a given name to cut to an initial ("Hoya, O. D. L.": acc47a A5). The
        # first word is never one: "Van Morrison".
        or words[start - 1] in _CAPITALISED_PARTICLES
    ):
        start -= 1
    start = next((n for n in range(1, start) if words[n] in _GAELIC), start)
    if start == len(words) - 1 and _spanish(name, language):
        # "María José García Márquez": two surnames, the father's and the mother's; with three
        # words, "Gabriel García Márquez" and "José Luis Rodríguez" can't be told apart, but
        # "José-María Núñez Castillo" can: its given names are the one hyphened word (acc44c C6).
        if len(words) == 3 and "-" in words[0].strip("-"):
            start = 1
        elif len(words) == 3:
            return Name(literal=name)
        if len(words) == 4:
            start = 2
    particle = _dropping_particle(words[start:])
    return Name(
        family=" ".join(words[start + len(particle) :]),
        given=" ".join(words[:start]),
        suffix=suffix,
        particle=" ".join(particle),
    )


# Dutch and German particles, lower case, which APA, Chicago and MLA set after the given names
# ("Beethoven, L. van"; APA's "Helmholtz, H. L. F. von"; MLA's German and Dutch names) and CSL
# calls dropping. "de" alone is left with the surname: French, Spanish, Portuguese and Dutch
# write it alike and a byline can't tell them apart, and the Romance particles written with
# the surname stay there ("de la Cruz", "da Silva", "di Marco"), as Arabic ones ("al-Omran")
# and capitalised ones ("Van Buren", "De La Hoya") do: CSL's non-dropping particle.
_GERMANIC_PARTICLES = {"van", "von", "vom", "zu", "ter", "ten", "te"}
_GERMANIC_AFTER = {"der", "den", "de", "dem", "het", "'t", "und", "zum", "zur"}


def _dropping_particle(surname: list[str]) -> list[str]:
    """The words `surname` opens with that are a Dutch or German particle, CSL's dropping one
    ("van", "van der", "von und zu"); [] where it opens with none, or with all its words."""
    if not surname or surname[0] not in _GERMANIC_PARTICLES:
        return []
    end = 1
    while end < len(surname) - 1 and surname[end] in _GERMANIC_AFTER | _GERMANIC_PARTICLES:
        end += 1
    return surname[:end] if end < len(surname) else []


# A name in brackets among the given names: "Richard (R.J.) Eskow", "Bruno (Henrique Zecchin)
# Rodrigues".
_NICKNAME = re.compile(r"(?P<before>[^()]+?) (?P<nickname>\([^(),;&/]+\)) (?P<after>[^()]+)")
# What no one person's name holds: brackets, a list's comma or semicolon, a joining word
# ("Martin Untersinger (avec Damien Leloup et Morgane Tual)" was cited "Tual), Martin
# Untersinger (avec Damien Leloup et Morgane"). Such a string is cited as written.
_NOT_ONE_NAME = re.compile(
    r"[()\[\]（）{},;&/]|\s(?:and|with|avec|mit|und|et|for)\s", re.IGNORECASE
)
# The articles an outlet's name opens with: "The Lakeshore Ledger", "Le Monde", "Die Zeit".
_ARTICLES = frozenset(["The", "Le", "La", "Les", "Der", "Die", "Das", "El", "Il", "Los", "Las"])
# Vietnamese names are family name first ("Nguyễn Văn An"): the letters only Vietnamese writes,
# or a common family name before the middle name "Văn" or "Thị" written without its marks.
_VIETNAMESE_LETTERS = re.compile("[ƠơƯưĐđ\u1ea0-\u1ef9]")
_VIETNAMESE_FAMILIES = frozenset(
    [
        *("nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang"),
        *("bui", "do", "ho", "ngo", "duong", "ly", "trinh", "dinh", "lam", "truong"),
    ]
)
# Korean names written in Latin letters keep their order, family name first, and hyphenate the
# given name: "Kim Jong-un", "Moon Jae-in", "Ban Ki-moon".
_KOREAN_FAMILIES = frozenset(
    [
        *("kim", "lee", "park", "choi", "jung", "jeong", "kang", "cho", "jo", "yoon", "yun"),
        *("jang", "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "yoo"),
        *("ryu", "hong", "jeon", "ko", "moon", "yang", "son", "bae", "baek", "heo", "nam"),
        *("shim", "noh", "roh", "ha", "kwak", "sung", "cha", "joo", "woo", "koo", "min", "ban"),
        *("chung", "byun", "chae", "ji", "yeo", "na", "gu", "ku", "chang", "lim", "um", "eom"),
    ]
)
_KOREAN_GIVEN = re.compile(r"[A-Z][a-z]+-[a-z]+")


# The commonest Chinese family names in pinyin, each a syllable or two ("Ouyang"), and a given
# name of one or two pinyin syllables ("Na", "Xiaoming"): "Wang Xiaoming" and "Li Na" are
# written family name first, as Chinese writes them and English-language news prints them;
# "Xiaoming Wang", a given name first, is turned round as any other.
_CHINESE_FAMILIES = frozenset(
    [
        *("wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu"),
        *("sun", "ma", "zhu", "hu", "guo", "he", "gao", "lin", "luo", "zheng", "liang", "xie"),
        *("song", "tang", "han", "feng", "deng", "cao", "peng", "zeng", "xiao", "tian", "dong"),
        *("yuan", "pan", "jiang", "cai", "du", "ye", "cheng", "wei", "su", "lü", "lv", "ding"),
        *("ren", "shen", "yao", "lu", "cui", "zhong", "tan", "fan", "jin", "shi", "liao", "jia"),
        *("xia", "fu", "fang", "bai", "zou", "meng", "xiong", "qin", "qiu", "yin", "xue", "yan"),
        *("duan", "lei", "hou", "long", "tao", "gu", "mao", "hao", "gong", "shao", "qian", "dai"),
        *("kong", "xiang", "ouyang", "sima", "zhuge", "situ", "mo", "yu", "wan", "geng", "bao"),
    ]
)
_PINYIN_SYLLABLE = (
    r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|üan|ai|ei|ao|ou|an|en|in|un|ia|ie"
    r"|iu|ua|uo|ui|ue|üe|ve|er|a|o|e|i|u|ü|v)"
)
_PINYIN_GIVEN = re.compile(rf"{_PINYIN_SYLLABLE}(?:'?{_PINYIN_SYLLABLE})?")


def _family_in_capitals(words: list[str]) -> int | None:
    """Where the one word of a name written in capitals is, the others not ("ZHANG Wei": 0,
    "Jean-Luc PICARD": 1): the family name, as the order a page gives a name is otherwise
    read (acc47a A2); None for no such word, or one that is an agency's letters ("AP")."""
    capitals = []
    for n, word in enumerate(words):
        letters = re.sub("[-'’]", "", word)
        if len(letters) > 1 and letters.isalpha() and letters.isupper():
            capitals.append(n)
    if len(capitals) != 1 or words[capitals[0]].casefold() in ACRONYMS:
        return None
    return capitals[0]


# The ten commonest Chinese family names, borne by about four Chinese people in ten (the 2020
# census): of two family names, one of these is the family name when the other is none of them,
# whichever order the name is written in ("Zhang Wei" and "Wei Zhang" alike are Zhang).
_COMMONEST_CHINESE_FAMILIES = frozenset(
    ["wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou"]
)


def _chinese_family_first(words: list[str], language: str) -> bool:
    """A pinyin family name, then a given name of one or two syllables that is no family name
    itself ("Wang Xiaoming", "Li Na"). Where both words are family names, the one of the ten
    commonest is the family name when the other is not ("Zhang Wei", as "Wei Zhang": acc47e
    E6, "Zhang Wei" was cited "Wei, Zhang"; acc47a A2, "Wei Zhang" "Wei, Z."): "Wei", "Yan" and
    "Lin" are among the commonest given names and far rarer family names. Where that says
    nothing ("Wang Li", "Lin Yang"… both or neither), the name is read in the order it is
    written on a page in Latin script: given name first, as Chinese-born writers on
    English-language papers mostly sign, unless the page is in Chinese."""
    family, given = words[0], words[-1]
    if not (
        len(words) == 2
        and family.casefold() in _CHINESE_FAMILIES
        and given[:1].isupper()
        and given[1:].islower()
        and _PINYIN_GIVEN.fullmatch(given.casefold()) is not None
    ):
        return False
    if given.casefold() not in _CHINESE_FAMILIES or language.casefold().startswith("zh"):
        return True
    commonest = [w.casefold() in _COMMONEST_CHINESE_FAMILIES for w in words]
    return commonest == [True, False]


def parsed_names(names: list[str], language: str = "") -> list[Name]:
    """The writers of one byline, each `parsed_name`; of two Chinese family names ("Wang Li"),
    one read in the order written is read family name first where a co-writer of the byline is
    by `_chinese_family_first` (acc48d D7: "By Wang Li and Zhang Wei" was cited "Li, W., &
    Zhang, W."): a byline writes its Chinese names in one order."""
    parsed = [parsed_name(name, language) for name in names]
    if not any(_chinese_family_first(name.split(), language) for name in names):
        return parsed
    return [
        Name(family=words[0], given=words[1], family_first=True)
        if not name.family_first
        and len(words := written.split()) == 2
        and all(_chinese_family_word(w) for w in words)
        and name.family == words[1]
        else name
        for written, name in zip(names, parsed, strict=True)
    ]


def _chinese_family_word(word: str) -> bool:
    """`word` is a Chinese family name in pinyin, capitalised ("Wang", "Li")."""
    return (
        word.casefold() in _CHINESE_FAMILIES
        and word[:1].isupper()
        and word[1:].islower()
        and _PINYIN_GIVEN.fullmatch(word.casefold()) is not None
    )


def _family_name_first(words: list[str], language: str = "") -> bool:
    """The name is written family name first, as Chinese, Vietnamese and Korean ones are:
    turned round, "Nguyễn Văn An" was cited "An, Nguyễn Văn", "Kim Jong-un" "Jong-un, Kim" and
    "Wang Xiaoming" "Xiaoming, Wang"."""
    if _VIETNAMESE_LETTERS.search(" ".join(words)) or _chinese_family_first(words, language):
        return True
    if (
        len(words) == 3
        and words[0].casefold() in _VIETNAMESE_FAMILIES
        and words[1].casefold() in {"van", "thi"}
    ):
        return True
    return (
        len(words) == 2
        and words[0].casefold() in _KOREAN_FAMILIES
        and bool(_KOREAN_GIVEN.fullmatch(words[1]))
    )


_EAST_ASIAN_FAMILIES = _CHINESE_FAMILIES | _KOREAN_FAMILIES | _VIETNAMESE_FAMILIES

# Letters a Spanish name may have that Portuguese, French and Italian ones would have beside
# others of their own ("João", "Gonçalves", "Lefèvre").
_SPANISH_LETTERS = re.compile("[ñÑáíóúÁÍÓÚ]")
_OTHER_LETTERS = re.compile("[ãõçÃÕÇàèìòùâêîôûäëïöüÀÈÌÒÙÂÊÎÔÛÄËÏÖÜœ]")


def _spanish(name: str, language: str) -> bool:
    """`name` is a Spanish one, by the page's language or by its letters."""
    language = language.casefold()
    if language == "es" or language.startswith("es-"):
        return True
    return bool(_SPANISH_LETTERS.search(name)) and not _OTHER_LETTERS.search(name)
