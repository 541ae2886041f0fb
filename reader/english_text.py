"""Whether a text of Latin letters that declares no language reads as English, by the short
words every sentence has: what the citation's recasing of a title goes by when the page names
no language (acc36 S4). A German headline in ASCII letters was taken for English and its nouns
lower-cased for APA ("Neue Kosten in Hamburg" as "Neue kosten in hamburg"); its text's "der",
"und", "nicht" say what it is, as "the", "and", "of" say English. A word both write ("in",
"is", "was": German's "what") tells nothing."""

from __future__ import annotations

import re

_ENGLISH = frozenset(
    (
        "the", "and", "of", "that", "with", "were", "has", "have", "had", "this", "which",
        "from", "are", "been", "would", "their", "they", "said", "but", "not", "after", "about",
        "who", "its", "into", "than", "when", "there", "what", "she", "his", "it", "be", "could",
        "should", "how", "why", "new", "says",
    )
)  # fmt: skip
"""Short words of English that no other language written in Latin letters uses much."""
_OTHER = frozenset(
    (
        # German
        "der", "die", "das", "und", "ist", "nicht", "mit", "von", "ein", "eine", "zu", "auf",
        "im", "dem", "den", "sich", "auch", "dass", "wurde", "werden", "für", "über", "bei",
        "nach", "wie", "sie", "hat", "sind", "zum", "zur", "vor", "wird", "noch", "nur",
        # French
        "le", "la", "les", "des", "du", "et", "une", "est", "que", "qui", "pour", "dans", "par",
        "sur", "au", "aux", "pas", "il", "elle", "avec", "ne", "ce", "sont", "été",
        # Italian, Spanish, Portuguese
        "di", "che", "della", "non", "sono", "con", "gli", "nel", "el", "los", "las", "y", "por",
        "para", "como", "pero", "al", "del", "se", "os", "em", "um", "com", "dos", "das", "não",
        "uma", "lo", "una", "es", "de", "en",
        # Dutch, the Scandinavian languages
        "het", "een", "niet", "op", "dat", "zijn", "voor", "ook", "och", "att", "det", "som",
        "og", "til", "af", "er", "ikke", "på", "för", "med", "ett", "jag", "han",
    )
)  # fmt: skip
"""Short words of the other Western languages that English doesn't write."""
_WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 4000
"""The characters read: a story's first paragraphs say its language."""


def reads_as_english(text: str) -> bool | None:
    """`text` reads as English (True), as another Western language (False), or says too little
    (None: none of the words that tell, or as many of either). Twice as many of one kind's
    words as of the other's decide: a German story quoting "the Port of Hamburg" is German."""
    english = other = 0
    for word in _WORD.findall(text[:SAMPLE].casefold()):
        if word in _ENGLISH:
            english += 1
        elif word in _OTHER:
            other += 1
    if english and english >= 2 * other:
        return True
    if other and other >= 2 * english:
        return False
    return None
