"""What of a page's bytes a charset is judged by: its text without markup, script and style;
its first few hundred words written with bytes over 127 (the only bytes a family's charsets read
differently); and the accented letters of the languages single-byte Latin charsets write."""

from __future__ import annotations

import re

# Markup, script and style, left out of what the detector measures: a short page's few lines of
# Japanese among its ASCII tags measured no more Japanese in EUC-JP than in EUC-KR, and the tie
# went to the Korean mojibake. ("<" and ">" are no trail byte in any legacy multi-byte charset.)
_RAW_TEXT_OPEN = re.compile(rb"<(script|style)\b", re.IGNORECASE)
_RAW_TEXT_CLOSE = {
    name: re.compile(rb"</" + name + rb"\s*>", re.IGNORECASE) for name in (b"script", b"style")
}


def _without_markup(sample: bytes) -> bytes:
    """`sample`'s text: each tag, comment, script and style a space. One pass, each byte
    looked at once: a regular expression's lazy `<script.*?</script>` rescanned the rest of
    the page from every unclosed opener (3.4 s for 64 KB of "<script>")."""
    out: list[bytes] = []
    at, end = 0, len(sample)
    while at < end:
        lt = sample.find(b"<", at)
        if lt < 0:
            out.append(sample[at:])
            break
        out.append(sample[at:lt])
        out.append(b" ")
        if sample.startswith(b"<!--", lt):
            close = sample.find(b"-->", lt + 4)
            at = end if close < 0 else close + 3
            continue
        gt = sample.find(b">", lt + 1)
        if gt < 0:
            break  # a tag left open to the end
        at = gt + 1
        raw = _RAW_TEXT_OPEN.match(sample, lt)
        if raw is not None:
            closing = _RAW_TEXT_CLOSE[raw.group(1).lower()].search(sample, at)
            at = end if closing is None else closing.end()
    return b"".join(out)


_SAMPLE_WORDS = 400
# Tried only where a word begins: tried at every byte, a long word without a high byte (30 KB
# of a token, in a hostile page) was scanned again from each, for 46 s.
_WORD_WITH_HIGH_BYTES = re.compile(rb"(?<![^\s<>])[^\s<>]*[\x80-\xff][^\s<>]*")


def _words_to_judge(body: bytes) -> bytes:
    """The page's first few hundred words written with bytes over 127, outside its markup:
    the only bytes a family's charsets read differently."""
    text = _without_markup(body[:65536])
    return b" ".join(_WORD_WITH_HIGH_BYTES.findall(text)[:_SAMPLE_WORDS])


# The accented letters of the languages written in single-byte Latin charsets.
_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíóúñü",  # Spanish
    "àáâãçéêíóôõú",  # Portuguese
    "àèéìíòóù",  # Italian
    "àçèéíïòóúü",  # Catalan
    "éëïóöü",  # Dutch
    "æøåé",  # Danish, Norwegian
    "åäöé",  # Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "ąćęłńóśźż",  # Polish
    "áéíóöőúüű",  # Hungarian
    "ăâîșşțţ",  # Romanian
    "čćđšž",  # Croatian, Slovene, Bosnian
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äõöüšž",  # Estonian
    "âçğıîöşü",  # Turkish
)
