"""Whether a page's few non-ASCII words, read in one single-byte charset, are one Latin-script
language's letters and punctuation: what reads a short page without a charset in its Western or
Central European charset (a sentence's one "č" is too little for statistics), and tells an
ISO-8859-15 page labelled ISO-8859-1 from the truth ("¼uvre" is no French).

A reading is judged by its misfits: a letter outside the language's alphabet, a capital after a
small letter ("PĹ™Ă­stav"), a symbol inside a word ("Pristani¹èe"), a sign no one writes
outside one ("¤"). Mojibake is made of them; one language's text has next to none."""

from __future__ import annotations

import re

# The accented letters of the Western languages a page may name, by their code. English borrows
# from all of them ("café", "naïve", "señor"), so for it the one alphabet of these its letters
# fit best; and so for a page that names no language.
WESTERN_ALPHABETS = {
    "pt": "àáâãçéêíóôõúü",
    "gl": "áéíóúñü",
    "es": "áéíóúñü",
    "ca": "àçèéíïòóúü",
    "eu": "ñü",
    "fr": "àâæçéèêëîïôœùûüÿ",
    "it": "àèéìíîòóù",
    "de": "äöüßé",
    "nl": "áâèéêëïóôöü",
    "da": "æøåé",
    "no": "æøåé",
    "nb": "æøåé",
    "nn": "æøåé",
    "sv": "åäöé",
    "fi": "åäöšž",
    "is": "áðéíóúýþæö",
    "ga": "áéíóú",
}
ANY_WESTERN = tuple(dict.fromkeys(WESTERN_ALPHABETS.values()))
# The languages windows-1250, ISO-8859-2 and (Romanian's) ISO-8859-16 are written for. Serbian
# is here in its Latin letters: in Cyrillic, its windows-1251 bytes read in windows-1250 as no
# one alphabet's letters.
_SOUTH_SLAVIC = "čćđšž"
CENTRAL_ALPHABETS = {
    "cs": "áčďéěíňóřšťúůýž",
    "sk": "áäčďéíĺľňóôŕšťúýž",
    "pl": "ąćęłńóśźż",
    "hu": "áéíóöőúüű",
    "ro": "ăâîșşțţ",
    "hr": _SOUTH_SLAVIC,
    "sl": _SOUTH_SLAVIC,
    "bs": _SOUTH_SLAVIC,
    "sr": _SOUTH_SLAVIC,
    "sh": _SOUTH_SLAVIC,
}
ANY_CENTRAL = tuple(dict.fromkeys(CENTRAL_ALPHABETS.values()))
# Punctuation and signs a page writes outside its words; and the two written inside one
# ("l’AFP", Catalan "col·legi"). "¤", "¦", "¨", "¯", "´", "¸" are written by no one: they are
# another charset's letters (ISO-8859-15's "€", "Š", "š", "Ž", "ž").
_PUNCTUATION = frozenset("«»„“”‘’‚‹›–—…•·°§€£¥¢©®™±×÷µ¶½¼¾¹²³ªº¿¡†‡‰\xa0")
_INSIDE_A_WORD = frozenset("’·")
_SUPERSCRIPTS = frozenset("¹²³")
_NUMBERS_SIGNS = frozenset("¼½¾£€¥¢¤±÷")
# One misfit (a foreign name's "Š", a stray symbol) in this many non-ASCII characters is let be.
MISFIT_EVERY = 10


def misfits(text: str, alphabet: str) -> tuple[int, int]:
    """How many of `text`'s characters are not ASCII, and how many of those are no letter of
    `alphabet` or punctuation where punctuation stands."""
    seen = wrong = 0
    for at, char in enumerate(text):
        if char.isascii():
            continue
        seen += 1
        before = text[at - 1] if at > 0 else " "
        after = text[at + 1] if at + 1 < len(text) else " "
        if char.isalpha():
            misfit = char.lower() not in alphabet or (
                char.isupper() and before.isalpha() and before.islower()
            )
        elif before.isalpha() and after.isalpha():
            misfit = char not in _INSIDE_A_WORD
        elif char in _NUMBERS_SIGNS and (before.isalpha() or after.isalpha()):
            misfit = True  # "a¾ zítra" (ISO-8859-2's "až"); "½ cup", "£5", "12 €" stand apart
        elif char in _SUPERSCRIPTS and before.isalpha():
            misfit = before not in "mM"  # "m²", "km³"; not "by³" (Polish "był")
        else:
            misfit = char not in _PUNCTUATION
        wrong += misfit
    return seen, wrong


def fewest_misfits(text: str, alphabets: tuple[str, ...]) -> tuple[int, int]:
    """`misfits` by the one of `alphabets` that `text` fits best."""
    return min((misfits(text, alphabet) for alphabet in alphabets), key=lambda seen: seen[1])


def reads_as(text: str, alphabets: tuple[str, ...]) -> bool:
    """`text` holds letters outside ASCII, and reads as one of `alphabets`' languages."""
    seen, wrong = fewest_misfits(text, alphabets)
    return seen > 0 and wrong <= seen // MISFIT_EVERY


# The charsets a Central European page is written in, likeliest first: on a tie (bytes that
# read alike in them, "á", "é"), windows-1250, the fallback browsers in those countries take.
# ISO-8859-16 is Romanian's only: its "ș" and "ț" (comma below) are the bytes of windows-1250's
# "ş" and "ţ" (cedilla), so its quotes („ ”, "Ą" and "µ" in windows-1250) tell it, or the
# page's being in Romanian (its `lang`, or its words).
_CENTRAL_CHARSETS = ("cp1250", "iso8859-2")
_ROMANIAN_CHARSET = "iso8859-16"


def central_european_charset(words: bytes, language: str | None, text: bytes) -> str | None:
    """The Central European charset `words` (a page's non-ASCII words, in no declared charset)
    read in as the language the page names, or, naming none, as one such language where
    windows-1252 reads them as no Western one ("Přístav" is "Pøístav" there, mixing Danish
    and Icelandic letters, and "Pristanišče" of ISO-8859-2 "Pristani¹èe"), or where the
    page's `text` is written in a Central European language's words (`lučki` is "luèki",
    a letter of French and Italian). None when neither."""
    if language is not None and language not in CENTRAL_ALPHABETS:
        return None
    if (
        language is None
        and reads_as(words.decode("cp1252", "replace"), ANY_WESTERN)
        and not in_central_european_words(text)
    ):
        return None
    alphabets = (CENTRAL_ALPHABETS[language],) if language else ANY_CENTRAL
    charsets = _CENTRAL_CHARSETS
    if language == "ro" or (language is None and in_romanian_words(text)):
        # Romanian's own letters first: a page in Romanian whose bytes read alike in both is
        # read with "ș" and "ț", which windows-1250's "ş" and "ţ" stood in for.
        charsets = (_ROMANIAN_CHARSET, *charsets)
    elif language is None:
        charsets = (*charsets, _ROMANIAN_CHARSET)
    best, best_wrong = None, -1
    for charset in charsets:
        seen, wrong = fewest_misfits(words.decode(charset, "replace"), alphabets)
        if seen > 0 and wrong <= seen // MISFIT_EVERY and (best is None or wrong < best_wrong):
            best, best_wrong = charset, wrong
    return best


# Short words common in the Central European languages' news, and in the Western languages'
# (English's, French's, German's, …): a page whose accented letters read as either (Croatian
# "lučki" as "luèki", "Kovač" as "Kovaè") is told by the rest of its words. A word of both
# ("na", "do", "se", "to", "in", "da", "i") tells nothing.
_CENTRAL_WORDS = frozenset(
    (
        "je", "ve", "byl", "byla", "bylo", "jsou", "ale", "jak", "pro", "ze", "za", "jen", "kde",
        "kdy", "nebo", "podle", "jeho", "bol", "bola", "sa", "vo", "pre", "ako", "bilo", "bil",
        "bila", "ki", "pa", "tudi", "iz", "danes", "kot", "ali", "su", "bio", "kao", "koji", "koja",
        "koje", "nije", "jer", "ili", "samo", "w", "z", "nie", "jest", "przez", "jego", "oraz",
        "tylko", "przy", "az", "hogy", "nem", "egy", "meg", "volt", "van", "csak", "mint", "ne", "u",
        "v", "na", "do", "se", "to", "in", "da", "i",
    )
)  # fmt: skip
_ROMANIAN_WORDS = frozenset(
    ("din", "cu", "pe", "nu", "fost", "mai", "care", "sunt", "pentru", "iar", "sau", "fi",)
)  # fmt: skip
_WESTERN_WORDS = frozenset(
    (
        "le", "la", "les", "de", "des", "du", "et", "un", "une", "est", "en", "que", "qui", "pour",
        "dans", "par", "sur", "au", "aux", "pas", "il", "elle", "ne", "avec", "son", "di", "che", "e",
        "per", "del", "della", "non", "sono", "con", "gli", "nel", "una", "el", "los", "las", "y",
        "por", "para", "es", "se", "como", "pero", "al", "o", "os", "do", "da", "em", "um", "com",
        "as", "dos", "das", "no", "na", "der", "die", "das", "und", "ist", "nicht", "den", "mit",
        "von", "ein", "eine", "zu", "auf", "im", "dem", "sich", "auch", "het", "een", "van", "niet",
        "op", "dat", "zijn", "voor", "met", "ook", "the", "and", "of", "to", "is", "in", "that",
        "for", "was", "with", "on", "it", "by", "at", "from", "he", "she", "are", "were", "has",
        "have", "och", "att", "det", "som", "og", "til", "af", "er", "ikke", "i", "care",
    )
)  # fmt: skip
_CENTRAL_ONLY = (_CENTRAL_WORDS | _ROMANIAN_WORDS) - _WESTERN_WORDS
_ROMANIAN_ONLY = _ROMANIAN_WORDS - _WESTERN_WORDS
_WESTERN_ONLY = _WESTERN_WORDS - _CENTRAL_WORDS - _ROMANIAN_WORDS
_FEWEST_CENTRAL_WORDS = 2
_ASCII_WORD = re.compile(rb"[A-Za-z]+")


def _common_words(text: bytes) -> tuple[int, int, int]:
    """How many of `text`'s words are common words of the Central European languages only, of
    Romanian only, and of the Western languages only."""
    central = romanian = western = 0
    for found in _ASCII_WORD.finditer(text):
        word = found.group().lower().decode("ascii")
        central += word in _CENTRAL_ONLY
        romanian += word in _ROMANIAN_ONLY
        western += word in _WESTERN_ONLY
    return central, romanian, western


def in_central_european_words(text: bytes) -> bool:
    """`text`'s words are a Central European language's: two or more of its common words, and
    over twice as many as of the Western languages'."""
    central, _, western = _common_words(text)
    return central >= _FEWEST_CENTRAL_WORDS and central > 2 * western


def western_page(words: bytes, text: bytes) -> bool:
    """`words` (a page's non-ASCII words, in no declared charset) read in windows-1252 as one
    Western language's letters, and the page's `text` is written in a Western language's
    words: two or more of their common words, over twice as many as of the Central European
    languages'."""
    central, _, western = _common_words(text)
    return (
        western >= _FEWEST_CENTRAL_WORDS
        and western > 2 * central
        and reads_as(words.decode("cp1252", "replace"), ANY_WESTERN)
    )


def in_romanian_words(text: bytes) -> bool:
    """`text`'s words are Romanian's, as `in_central_european_words` tells."""
    central, romanian, western = _common_words(text)
    return romanian >= _FEWEST_CENTRAL_WORDS and romanian > 2 * (western + central - romanian)


# The bytes ISO-8859-15 gave new characters: "€", "Š", "š", "Ž", "ž", "Œ", "œ", "Ÿ" where
# ISO-8859-1 (and windows-1252) has "¤", "¦", "¨", "´", "¸", "¼", "½", "¾". And the bytes of
# windows-1252's quotes and dashes, which ISO-8859-15 reads as controls: a page holding them is
# windows-1252's.
_LATIN_9_BYTES = re.compile(rb"[\xa4\xa6\xa8\xb4\xb8\xbc\xbd\xbe]")
_WINDOWS_ONLY_BYTES = re.compile(rb"[\x80-\x9f]")
_WRITTEN_BY_NO_ONE = frozenset("¤¦¨´¸")


def latin_9_labelled_latin_1(words: bytes) -> bool:
    """`words` (a page's non-ASCII words, labelled ISO-8859-1 or windows-1252) are ISO-8859-15's:
    read by the label, a byte that differs makes a symbol inside a word where ISO-8859-15 makes
    a letter ("¼uvre", "c½ur" for "Œuvre", "cœur"), and the label's reading holds over twice the
    misfits of ISO-8859-15's. "1½ hours", "don´t" ("donŽt") keep the label."""
    if not _LATIN_9_BYTES.search(words) or _WINDOWS_ONLY_BYTES.search(words):
        return False
    ours, theirs = words.decode("cp1252"), words.decode("iso8859-15")
    letter_in_a_word = ours_wrong = theirs_wrong = 0
    for found in _LATIN_9_BYTES.finditer(words):
        at = found.start()  # one byte, one character: the readings' places are the bytes'
        before = ours[at - 1] if at > 0 else " "
        after = ours[at + 1] if at + 1 < len(ours) else " "
        touching = before.isalpha() or after.isalpha()
        ours_wrong += touching or ours[at] in _WRITTEN_BY_NO_ONE
        letter = theirs[at]
        if letter.isalpha():
            capital_inside = letter.isupper() and before.isalpha() and before.islower()
            theirs_wrong += capital_inside or not touching
            letter_in_a_word += touching and not capital_inside
        else:
            theirs_wrong += before.isalpha() and after.isalpha()  # "€" inside a word
    return letter_in_a_word > 0 and 2 * theirs_wrong < ours_wrong


# The bytes windows-1254 (and ISO-8859-9) gave Turkish's letters, where windows-1252 (and
# ISO-8859-1) has Icelandic's: "Ğ İ Ş ğ ı ş" for "Ð Ý Þ ð ý þ". Apache's default header and old
# CMSs label Turkish pages ISO-8859-1, and they read "Ýstanbul'da kýþ lastiði" without an error.
_TURKISH_BYTES = re.compile(rb"[\xd0\xdd\xde\xf0\xfd\xfe]")
# "İ" lowers to "i" and a combining dot above, which `misfits` looks up in the alphabet whole.
_TURKISH = "âçğıîöşüû" + "i\u0307"


def turkish_labelled_latin_1(words: bytes, language: str | None) -> bool:
    """`words` (a page's non-ASCII words, labelled ISO-8859-1 or windows-1252) are Turkish in
    windows-1254: they hold a byte the two read differently, read in windows-1254 as Turkish,
    and the page says it is Turkish or the label's reading holds over twice the misfits
    (Turkish's "ç" and "ü" are no Icelandic letters, Icelandic's "á" and "æ" no Turkish ones;
    a page in Icelandic keeps its label)."""
    if language == "is" or not _TURKISH_BYTES.search(words):
        return False
    theirs = words.decode("cp1254", "replace")
    if not reads_as(theirs, (_TURKISH,)):
        return False
    if language == "tr":
        return True  # no Turkish word holds "Ý", "Þ" or "ð": the label can't be right
    _, ours_wrong = fewest_misfits(words.decode("cp1252", "replace"), ANY_WESTERN)
    _, theirs_wrong = misfits(theirs, _TURKISH)
    return 2 * theirs_wrong < ours_wrong
