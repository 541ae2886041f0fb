"""Writers' names as bylines and tags write them: surname first ("Okafor, Adaeze"), beside a
masthead in capitals or a news agency's name. Shared by the extractor, which reads a page's
authors, and the citation styles, which turn them round; apart from both, so that a citation
on the command line imports no extractor."""

from __future__ import annotations

import re

from .text_shape import one_line

# The accounts a CMS gives where the writer's name belongs ("Posted by admin", WordPress's
# `<dc:creator>admin</dc:creator>`): the page's byline and the feed's author alike.
_ACCOUNTS = frozenset(["admin", "administrator", "webmaster", "root", "wpadmin", "siteadmin"])


def is_account(name: str) -> bool:
    """`name` is a CMS's account ("admin"), not a person's or a newsroom's name."""
    return name.strip().casefold() in _ACCOUNTS


# The news agencies whose names are written as one word in normal case or lower case: kept after
# a byline's comma as all-caps ones are ("Ann Lee, Reuters", "Jonas Weber, dpa"): a citation
# names the agency.
AGENCIES = frozenset(
    [
        *("reuters", "bloomberg", "xinhua", "yonhap", "kyodo", "interfax", "anadolu", "bernama"),
        *("antara", "notimex", "belga", "ritzau", "efe", "ansa", "dpa", "apa", "epd", "kna", "sid"),
    ]
)

# Newsrooms and agencies written in capitals by their own name: kept so in an all-caps byline,
# and no person's name after a writer's comma ("Jane Doe, CNN").
ACRONYMS = frozenset(
    [
        *("ap", "afp", "bbc", "cnn", "abc", "nbc", "cbs", "npr", "pa", "upi", "dpa", "apa", "ani"),
        *("pti", "ians", "itv", "rte", "sbs", "cbc", "ard", "zdf", "orf", "srf", "rai", "nhk"),
        *("efe", "ansa", "tass", "ria", "kna", "epd", "sid", "aap", "nzpa", "wsj", "ft", "usa"),
        "pap",
    ]
)

# Of those, the news agencies': their copy is in a story whose byline names them, with its
# writer or without ("Ann Lee, AFP", "Maren Holt and Reuters"), and a citation names them. The
# others are broadcasters and papers, whose name after a writer's comma is the writer's
# employer ("Jane Doe, CNN"), no co-author.
WIRE_LETTERS = frozenset(
    [
        *("ap", "afp", "pa", "upi", "dpa", "apa", "ani", "pti", "ians", "efe", "ansa", "tass"),
        *("ria", "kna", "epd", "sid", "aap", "nzpa", "pap"),
    ]
)

# A name written surname first, as scholarly tags give it: "Okafor, Adaeze", "van der Berg,
# Jan", "Okafor, A. B.". Read so only where the tag's standard says it is: a byline's "Ann Lee,
# Reuters" is a name and an agency.
_SURNAME_FIRST = re.compile(r"([^,]+),\s*([^,]+)")
_SURNAME_WORDS = 4
_GIVEN_WORDS = 4

# The generational suffixes a name ends with, after a comma or not: "Martin Lund, Jr.", "Henry
# Ford III", Britain's "Jnr", the ordinals some papers write ("Henry Ford 2nd"); compared case
# aside.
NAME_SUFFIXES = frozenset(
    ["jr", "jr.", "jnr", "jnr.", "sr", "sr.", "snr", "snr.", "ii", "iii", "iv", "2nd", "3rd", "4th"]
)


def name_suffix(name: str) -> tuple[str, str]:
    """ "Martin Lund, Jr." → ("Martin Lund", "Jr."): a name and the suffix written after its
    comma; ("Martin Lund", "") for a name without one."""
    name = one_line(name)
    before, comma, suffix = name.rpartition(",")
    if not comma or not before.strip() or suffix.strip().casefold() not in NAME_SUFFIXES:
        return name, ""
    return before.strip(), suffix.strip()


def with_suffixes(parts: list[str]) -> list[str]:
    """The names of a list split at its commas, each suffix put back after the name it ends:
    ["Martin Lund", "Jr.", "Ann Lee"] → ["Martin Lund, Jr.", "Ann Lee"]; "Jr." is no writer
    (acc31a: "Martin Lund, Jr" was cited as two authors)."""
    names: list[str] = []
    for part in parts:
        if names and part.strip().casefold() in NAME_SUFFIXES:
            names[-1] = f"{names[-1]}, {part.strip()}"
        else:
            names.append(part)
    return names


def given_name_first(name: str) -> str:
    """ "Adaeze Okafor" for a `citation_author`'s "Okafor, Adaeze": Highwire's and Google
    Scholar's tags write the surname first, and a citation tool shows the name as it is said;
    "Martin Lund, Jr." for "Lund, Martin, Jr.", and as it is ("Jr." is no given name). A name
    without a comma, or with more than one, is kept as written."""
    name, suffix = name_suffix(name)
    written = _SURNAME_FIRST.fullmatch(name)
    if written is None:
        return f"{name}, {suffix}" if suffix else name
    surname, given = written[1].strip(), written[2].strip()
    if len(surname.split()) > _SURNAME_WORDS or len(given.split()) > _GIVEN_WORDS:
        return f"{name}, {suffix}" if suffix else name
    return f"{given} {surname}" + (f", {suffix}" if suffix else "")


def masthead(words: str) -> bool:
    """`words` after a name's comma are a masthead's or an agency's, not a given name: in
    capitals, a word longer than an initial ("DER SPIEGEL", not "M.")."""
    return words.upper() == words and any(len(w.strip(".")) > 1 for w in words.split())


# "By", "Par", "Por", "Von", "Door", "Av"/"Af" (Scandinavian), "Written by", "Autor:",
# "Автор:", "от", Indonesian and Malay "Oleh", Arabic's "بقلم" ("by the pen of") and "الكاتب" ("the writer"), Persian's
# "نوشته" ("written by") and "نویسنده", Urdu's "مصنف", Turkish's "Yazar:", Hebrew's "מאת",
# Hindi's "लेखक:", Indonesian's "Penulis:" ("writer"), Greek's "Γράφει ο/η" ("writes"), Thai's
# "โดย", and Italian's "di", lower-case only: "Di Marco" is a surname; followed by a
# colon, a comma (the World Service's "Author, " label) or a slash (Egyptian papers' "بقلم/").
# Chinese writes "记者张三" ("reporter") and "作者：李明" ("author", with its colon or a space)
# with no space; Japanese "文・山田太郎" ("text:").
BYLINE_LABEL = re.compile(
    r"^(?:(?:(?:written|posted|reported|reporting|words|story|photos?|photographs|photography|pictures"
    r"|(?:text|words) and (?:photos?|photographs|pictures))\s+by|by|par|por|von|door|av|af|words"
    r"|auth?or(?:in|a)?|auteur|texte?|texto|автор(?:ы)?|текст|от|بقلم|الكاتب|نوشته|نویسنده"
    r"|مصنف|yazar|מאת|लेखक|oleh|penulis|γράφει(?:\s+(?:ο|η|οι))?|โดย|(?-i:di))\b\s*[:：,،/]?\s+"
    r"|(?:本报|本報|本台)?(?:记者|記者)\s*[:：]?\s*"
    # Greek papers' "Του"/"Της"/"Των" ("of the": by) before a name in the genitive, capitalised
    # only (a sentence's "της" is lower case): "Της Μαρίας Παπαδοπούλου" (Kathimerini, To Vima).
    r"|(?-i:Τ(?:ου|ης|ων))\s+(?=[Α-ΩΆΈΉΊΌΎΏ])"
    # "Text" or "report" with a colon only (alone, a word of any sentence): Turkish "Haber:",
    # Thai "เรื่อง:", Persian "گزارش:", Vietnamese "Bài:", "Bài và ảnh:" ("text and photos");
    # Hindi's "रिपोर्ट:" ("report:") and "द्वारा:" ("by:"), Hebrew's "כתב:" ("reporter:"),
    # Persian's "خبرنگار:" ("reporter:") and "تهیه و تنظیم:" ("prepared by:"), Greek's
    # "Συντάκτης:" ("writer:"); Arabic's "كتب" ("wrote") with a colon or a dash, or Egyptian
    # papers' slash ("كتب/", as "بقلم/"); Korean's
    # "글" ("text") before a name and "기자", and with its photographer, "글·사진".
    r"|(?:haber|เรื่อง|گزارش|خبرنگار|تهیه و تنظیم|bài(?:\s*(?:và|,)\s*ảnh)?|रिपोर्ट|द्वारा"
    r"|כתבת?|συντάκτ(?:ης|ρια))\s*[:：]\s*"
    r"|كتبت?\s*[:：\-–—/]\s*"
    r"|글(?:\s*[·・/]\s*사진)?\s*[:：]?\s*(?=[가-힣]{2,4}\s*(?:기자|특파원))"
    r"|作者(?:\s*[:：]\s*|\s+)|文\s*[・:：/／]\s*(?:(?:记者|記者)\s*)?)",
    re.IGNORECASE,
)


def without_label(text: str) -> str:
    """A byline's text without the "By" (in any language) it opens with."""
    return BYLINE_LABEL.sub("", one_line(text).lstrip("—–-•·|( "))
