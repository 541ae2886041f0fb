"""The cases a title is set in for a citation: Chicago's headline case, APA's sentence case,
and the names a sentence-cased title keeps, as the article's own text writes them."""

from __future__ import annotations

import re

from .models import Article, BlockKind

# Chicago's words in lower case inside a title: articles, coordinating conjunctions and
# prepositions, "regardless of length" (CMOS 8.159; first and last word aside). Not "after",
# "before", "since", "until": in a headline as often conjunctions opening a clause ("Town
# Celebrates After Team Wins"), which Chicago capitalises; nor "through", as often a verb's
# adverb ("Council Votes Through Budget").
_MINOR = {
    *("a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by"),
    *("in", "of", "off", "on", "per", "to", "up", "via", "vs", "vs.", "from", "into"),
    *("with", "over", "onto", "upon", "than"),
    *("about", "above", "across", "against", "along", "among", "amid", "around", "behind"),
    *("below", "beneath", "beside", "between", "beyond", "despite", "during", "inside"),
    *("outside", "throughout", "toward", "towards", "under", "underneath"),
    *("within", "without"),
}
_WORD = re.compile(r"\S+")
# A case name's "versus" as the law writes it, lower case inside a title ("R v Blackwater",
# "Smith v. Jones"), where written so: "Henry V" and "Part V" are numerals.
_VERSUS = frozenset({"v", "v.", "vs", "vs."})
# "Up" and "off" before a figure are a headline's adverbs of a change, not prepositions
# ("Spending Up 30% as Libraries Lose Out", "Shares Off 5%"), which Chicago capitalises as it
# does "Out" (CMOS 8.159, acc39a L14); no object of a preposition is a bare amount there.
_ADVERBS_BEFORE_FIGURES = frozenset({"up", "off"})
_FIGURE = re.compile(r"[$£€¥₹]?\d")


# A handle ("@lena@social.example", "(@tom"), a hashtag ("#tides") or an address
# ("https://…", "www.example.org", "example.org/tides").
_AS_WRITTEN = re.compile(r"^\W*[@#]\w|://|^\W*www\.|\w\.\w+/")


def keeps_case(word: str) -> bool:
    """A word whose capitals are its own: an acronym, "iPhone", "McCarthy", a figure; in a
    compound, one of its parts ("COVID-19", "Anti-NATO"), not a headline's capitals of each
    ("Speech-To-Text"). A handle, a hashtag or an address is kept as written: a post titled by
    its opening words or its account cited "@Lena@social.example" (acc49b B4), a name its
    server knows in lower case."""
    if any(c.isdigit() for c in word) or _AS_WRITTEN.search(word):
        return True
    for part in word.split("-"):
        letters = [c for c in part if c.isalpha()]
        if any(c.isupper() for c in letters[1:]):
            return True
    return False


def _capitalised(word: str) -> str:
    """`word` capitalised, each part of a compound too but a minor word inside it
    ("Speech-to-Text", "Up-to-Date": CMOS 8.161). A last part stays capitalised: there it is
    an adverb of the compound, not a preposition ("Built-In", "Follow-Up")."""
    parts = word.split("-")
    return "-".join(
        p.lower()
        if 0 < n < len(parts) - 1 and p.casefold() in _MINOR
        else re.sub(r"^(\W*)(\w)", lambda m: m[1] + m[2].upper(), p)
        for n, p in enumerate(parts)
    )


def _label_words(words: list[str]) -> int:
    """How many of a title's `words` are the bracketed label it opens with ("[Interview]",
    "[Live Updates]"); 0 when it opens with none. The title proper starts after it: its first
    word was lowered as a word inside the title ("[Interview] the Mayor …": acc47a A11)."""
    if not words or not words[0].startswith("["):
        return 0
    end = next((n for n, word in enumerate(words[:6]) if word.endswith("]")), None)
    return 0 if end is None or end == len(words) - 1 else end + 1


# Acronyms an English headline in capitals holds, kept so when it is lowered: a short list of
# the commonest in news. Which other word of two to four letters is one ("DUP", "SNP") is not
# knowable from a headline in capitals: such a word is lowered as any other. A word with a
# figure ("COVID-19", "G7") keeps its capitals anyway (`keeps_case`).
_ACRONYMS = {
    word.casefold(): word
    for word in (
        *("NASA", "EU", "UK", "US", "USA", "UN", "NATO", "COVID", "NHS", "FBI", "CIA", "AI"),
        *("BBC", "CNN", "CEO", "GDP", "IMF", "OPEC", "MP", "MPs", "MEP", "MEPs", "TV", "LGBT"),
        *("LGBTQ", "UAE", "OK", "PM", "FIFA", "UEFA", "NFL", "NBA", "FTSE", "ECB", "II", "III"),
    )
}
_POSSESSIVE = re.compile(r"(['’]s)$", re.IGNORECASE)


def shouted(words: list[str]) -> bool:
    """The title's words are all in capitals ("MAYOR RESIGNS OVER BUDGET"), as a wire or a
    tabloid sets a headline: two words of letters or more, none of them in lower case, and not
    all of them acronyms."""
    lettered = [w for w in words if any(c.isalpha() for c in w)]
    return (
        len(lettered) >= 2
        and not any(c.islower() for w in lettered for c in w)
        and not all(_acronym(w) for w in lettered)
    )


def _acronym(word: str) -> str:
    """`word` as `_ACRONYMS` writes it ("MPs" for "MPS", "UK's" for "UK'S"), its marks kept;
    "" for a word that is none."""
    core = word.strip("\"'“”‘’()[].,;:!?«»")
    if not core:
        return ""
    bare = _POSSESSIVE.sub("", core)
    written = _ACRONYMS.get(bare.casefold(), "")
    if not written:
        return ""
    at = word.index(core)
    return word[:at] + written + core[len(bare) :].lower() + word[at + len(core) :]


def _lowered(words: list[str], capitals: frozenset[str] = frozenset()) -> list[str]:
    """A title's words in capitals lowered, but for the acronyms in `_ACRONYMS`, the
    `capitals` (`written_capitals`: "WHO", "RNLI", "DUP" as the article's text writes them),
    "I" and a word holding a figure; the style's case is set after (acc47a A11: "PORT CLOSED
    AFTER FIRE." was cited so in APA and Chicago, where one asks for sentence case, the other
    for headline case)."""
    return [
        word
        if word == "I" or any(c.isdigit() for c in word)
        else _acronym(word)
        # Its possessive's "S" lowered: "RNLI's", as `_acronym` writes "UK's".
        or (
            _CAPITAL_POSSESSIVE.sub(lambda m: m[0].lower(), word) if _bare(word) in capitals else ""
        )
        or word.lower()
        for word in words
    ]


_CAPITAL_POSSESSIVE = re.compile(r"['’]S(?=\W*$)")


def title_case(title: str, capitals: frozenset[str] = frozenset()) -> str:
    """Chicago's headline case: every word capitalised but articles, conjunctions and
    prepositions inside the title; a word's own capitals kept, but a title's in capitals
    throughout, lowered first (`shouted`) but for the `capitals` (`written_capitals`)."""
    words = _WORD.findall(title)
    if shouted(words):
        words = _lowered(words, capitals)
    label = _label_words(words)
    out = []
    for n, word in enumerate(words):
        bare = word.strip("\"'“”‘’()[]").casefold()
        # A subtitle starts after a colon; a dash in a headline goes on with its sentence
        # ("— and What to Do About It"), where a minor word stays lower case (CMOS 8.159).
        starts = n in (0, label, len(words) - 1) or out[-1].endswith((":", "?", "!"))
        adverb = (
            bare in _ADVERBS_BEFORE_FIGURES
            and word.isalpha()
            and bool(_FIGURE.match(words[min(n + 1, len(words) - 1)]))
        )
        if word in _VERSUS and 0 < n < len(words) - 1:
            out.append(word)  # "R v Blackwater", not "R V" (acc40a M6); a "V" may be a numeral
        elif keeps_case(word) or (bare in _MINOR and not starts and not adverb):
            out.append(word if keeps_case(word) else word.lower())
        else:
            out.append(_capitalised(word))
    return " ".join(out)


def sentence_case(
    title: str, names: frozenset[str] = frozenset(), capitals: frozenset[str] = frozenset()
) -> str:
    """APA's sentence case, for a title the page set in headline case ("Harbour Contract Costs
    Twice"): every word lower case but the first, the first after a colon, a word's own
    capitals ("NATO", "McCarthy") and the `names` (`proper_nouns`: "Oslo", "Quayside"). A
    title already in sentence case is left as it is, its proper nouns and all; one in capitals
    throughout is lowered but for the `capitals` (`written_capitals`)."""
    words = _WORD.findall(title)
    if shouted(words):
        # In capitals throughout: lowered, then its first word and the `names` capitalised as
        # below.
        title = " ".join(_capitalised_names(_lowered(words, capitals), names))
        return re.sub(r"(^\W*|[:?!]\s+)(\w)", lambda m: m[1] + m[2].upper(), title)
    # A word that keeps its own case ("iPhone", "MPs") or has no letter ("—") says nothing of
    # the title's case: "…Report on iPhone Data" is in headline case still.
    major = [
        w
        for w in words[1:]
        if w.strip("\"'“”‘’()").casefold() not in _MINOR
        and any(c.isalpha() for c in w)
        and not keeps_case(w)
    ]
    capitalised = [w for w in major if w[:1].isupper()]
    if len(major) < 2 or len(capitalised) < len(major):
        # Already in sentence case: only the first word after a colon capitalised, as APA has it.
        return re.sub(r"(:\s+)([a-z])", lambda m: m[1] + m[2].upper(), title)
    label = _label_words(words)
    out = []
    for n, word in enumerate(words):
        # APA capitalises a subtitle's first word, after a colon; a dash goes on with the
        # sentence ("— and what to do about it").
        starts = n in (0, label) or out[-1].endswith((":", "?", "!"))
        kept = starts or keeps_case(word) or word == "I" or _bare(word) in names
        out.append(word if kept or _calendar_name(words, n) else word.lower())
    return " ".join(out)


def _capitalised_names(words: list[str], names: frozenset[str]) -> list[str]:
    """`words` with the `names` (`proper_nouns`), the months' and the days' capitalised."""
    return [
        re.sub(r"^(\W*)(\w)", lambda m: m[1] + m[2].upper(), word)
        if (bare := _bare(word)) in names or bare in _MONTHS or bare in _DAYS
        else word
        for word in words
    ]


# The names of months and days, proper nouns in English whatever the sentence (acc35b F18: a
# PDF's "Harbour Board Minutes, 3 December" was cited "…, 3 december"). "May" and "March" are
# verbs too: a month only beside a day or a year ("3 March", "May 2026").
_MONTHS = frozenset(
    [
        *("january", "february", "april", "june", "july", "august", "september", "october"),
        *("november", "december", "jan", "feb", "apr", "aug", "sept", "oct", "nov", "dec"),
    ]
)
_DAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_VERB_MONTHS = frozenset(["may", "march"])


def _calendar_name(words: list[str], n: int) -> bool:
    """`words[n]` is a month's or a day's name, capitalised as written."""
    word = words[n]
    bare = _bare(word)
    if not word[:1].isupper():
        return False
    if bare in _MONTHS or bare in _DAYS:
        return True
    beside = [w.strip(",.;:()") for w in words[max(n - 1, 0) : n] + words[n + 1 : n + 2]]
    return bare in _VERB_MONTHS and any(w.isdigit() for w in beside)


# Where an article writes whole sentences: a heading or a table cell is set in a case of its own.
_PROSE = frozenset({BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM, BlockKind.CAPTION})
_TEXT_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# What ends a sentence (or opens a quotation or a bracket, after which a capital says nothing).
_SENTENCE_START = frozenset(".!?:;…\"“‘'([«—")


_MARKS = "\"'“”‘’()[].,;:!?«»"


def _bare(word: str) -> str:
    """ "oslo" for "Oslo's", "(Oslo)" and "Oslo,": the word a text's other mentions share."""
    bare = word.strip(_MARKS).casefold()
    return bare[:-2] if bare.endswith(("'s", "’s")) else bare


def proper_nouns(article: Article) -> frozenset[str]:
    """The words (`_bare`) the article's text writes with a capital inside a sentence and
    never in lower case: its names ("Quayside", "Oslo"), which a title in headline case gives
    no sign of. A word seen only at a sentence's start, or lowered anywhere, is no name."""
    capitalised: set[str] = set()
    lowered: set[str] = set()
    for block in article.blocks:
        if block.kind not in _PROSE:
            continue
        text = block.text
        for found in _TEXT_WORD.finditer(text):
            word = found[0]
            if word[0].islower():
                lowered.add(_bare(word))
                continue
            at = found.start() - 1
            while at >= 0 and text[at].isspace():
                at -= 1
            if at >= 0 and text[at] not in _SENTENCE_START and not word.isupper():
                capitalised.add(_bare(word))
    return frozenset(capitalised - lowered)


def written_capitals(article: Article) -> frozenset[str]:
    """The words (`_bare`) the article's text writes in capitals as words of their own, beside
    a word in lower case ("The WHO said", "An RNLI crew", "DUP and SNP MPs"): its acronyms,
    which a headline in capitals gives no sign of (acc48d D2: "WHO WARNS…" was cited "Who
    warns…", "…DUP AND SNP MPS…" "…dup and snp MPs…"). A sentence in capitals throughout
    says nothing of its words."""
    found: set[str] = set()
    for block in article.blocks:
        if block.kind not in _PROSE:
            continue
        words = _WORD.findall(block.text)
        for n, word in enumerate(words):
            letters = [c for c in _POSSESSIVE.sub("", word.strip(_MARKS)) if c.isalpha()]
            beside = words[max(n - 1, 0) : n] + words[n + 1 : n + 2]
            if (
                len(letters) >= 2
                and all(c.isupper() for c in letters)
                and any(c.islower() for w in beside for c in w)
            ):
                found.add(_bare(word))
    return frozenset(found)
