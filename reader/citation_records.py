"""An article's citation as the records LaTeX and the citation managers import: BibTeX
(`reader show --format bibtex`, read by BibTeX, biblatex and biber alike) and RIS (`--format
ris`: EndNote, Zotero, Mendeley, RefWorks). Both are written from the CSL-JSON item
(`citation_styles.csl_item`), the one place that says what an article is cited as: its type,
its writers each apart, its dates; so the three formats never disagree.

Text from the web goes into both: in BibTeX each character TeX reads as a command is escaped
(a headline's "R&D", "50%", "#PortLife" broke the build or vanished), the title held in braces
so that a style keeps the paper's capitals; in RIS a value is one line, as a tag reads to its
line's end."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

# What TeX reads as a command in a field's text, and what writes the character itself.
_TEX = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_TEX_SPECIAL = re.compile("[" + re.escape("".join(_TEX)) + "]")
_LINE_BREAKS = re.compile(r"\s+")


def _tex(text: str) -> str:
    """`text` as a BibTeX field's text: read as written, never as TeX."""
    return _tex_run(text).strip()


def _tex_run(text: str) -> str:
    """`text` as a run of a BibTeX field's text, its spaces at either end kept."""
    return _TEX_SPECIAL.sub(lambda found: _TEX[found.group()], _LINE_BREAKS.sub(" ", text))


# A CSL title's words whose capitals are their own, in a headline the styles recased
# (`citation_styles._record_title`: "<span class="nocase">RNLI</span> Crew Rescues…").
_NOCASE = re.compile(r'<span class="nocase">([^<]*)</span>')


def _bib_title(title: str) -> str:
    """A title as BibTeX's field: in double braces, the paper's capitals kept; or one the
    styles recased with its own capitals marked, those words alone in braces, so that a
    style lowers the others as the style lines do ("{RNLI} Crew Rescues Three")."""
    if not _NOCASE.search(title):
        return "{{" + _tex(title) + "}}"
    parts = _NOCASE.split(title)  # the text between, then each marked word
    braced = "".join(
        _tex_run(p) if n % 2 == 0 else "{" + _tex(p) + "}" for n, p in enumerate(parts)
    )
    return "{" + braced.strip() + "}"


def _family(name: dict[str, Any]) -> str:
    """A writer's surname with its particle ("de Vries"), out of the double quotes a CSL item
    keeps one in, not to be taken apart (`citation_styles._csl_name`)."""
    family = name.get("family")
    if isinstance(family, str) and len(family) > 1 and family[0] == family[-1] == '"':
        family = family[1:-1]
    return " ".join(
        part
        for part in (name.get("non-dropping-particle"), family)
        if isinstance(part, str) and part
    )


def _bib_name(name: dict[str, Any]) -> str:
    """One writer as BibTeX's "von Last, Jr, First" reads it; an organisation ("Reuters",
    "Harbour City Council") in braces, a name of its own that is never turned round."""
    if literal := name.get("literal"):
        return "{" + _tex(literal) + "}"
    family = _family(name)
    given = name.get("given") if isinstance(name.get("given"), str) else ""
    # A surname with its particle ("de Vries", "al-Omran") held whole: BibTeX's "von" part,
    # which biblatex prints after the given names and files under V, "Vries, Sophie de",
    # where the reader's own styles and its CSL-JSON file it under D (acc47e E5).
    held = "{" + _tex(family) + "}" if " " in family or family[:1].islower() else _tex(family)
    # A dropping particle ("van" of "Ludwig van Beethoven") is BibTeX's "von" part, unbraced:
    # biblatex prints it after the given names, "Beethoven, L. van", and files the name under B,
    # as the reader's styles and CSL do.
    dropping = name.get("dropping-particle")
    parts = [f"{_tex(dropping)} {held}" if isinstance(dropping, str) and dropping else held]
    if suffix := name.get("suffix"):
        parts.append(_tex(suffix))
    if given:
        parts.append(_tex(given))
    return ", ".join(parts) if len(parts) > 1 else "{" + parts[0] + "}"


def _date_of(item: dict[str, Any], key: str) -> tuple[int, ...]:
    """The date parts of the item's `key` ("issued", "accessed"): (), (year,), … (y, m, d)."""
    try:
        parts = item[key]["date-parts"][0]
        return tuple(int(p) for p in parts[:3])
    except (KeyError, IndexError, TypeError, ValueError):
        return ()


def _ascii_word(text: str) -> str:
    """`text`'s letters and digits in ASCII, lower case ("Ruíz" "ruiz", "Weiß" "weiss")."""
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    return re.sub(r"[^a-z0-9]", "", folded.encode("ascii", "ignore").decode().lower())


_COPY_ID = re.compile(r"^([0-9a-f]{12})(?:@(\d+))?$")


def _id_part(item_id: str) -> str:
    """What tells one article (and one copy of it) from every other in a key: its id's first
    six characters ("c03033"), "v1" after them for an earlier copy (`ID@1`); an article given
    by its address, six of its address's hash."""
    if found := _COPY_ID.match(item_id):
        return found.group(1)[:6] + (f"v{found.group(2)}" if found.group(2) else "")
    return hashlib.sha1(item_id.encode()).hexdigest()[:6]


def citation_key(item: dict[str, Any]) -> str:
    """A key as LaTeX users write one, and the same at every run: the first writer's surname
    (an organisation's first word, else the paper's), the year, and what tells the article
    from all others, its id's start ("devries2026-c03033"). Keyed by the headline's first word
    and told apart by "a", "b" in the order given, a key changed with a retraction's
    "Retracted:", with the other articles of the run and their order, and two runs' articles
    met under one key in one .bib (acc47e E2)."""
    first = (item.get("author") or [{}])[0]
    if first.get("family"):
        # With a dropping particle ("vanderberg"): a key given before particles were dropped is
        # the same key still.
        who = _ascii_word(str(first.get("dropping-particle") or "") + _family(first))
    else:
        who = _ascii_word((first.get("literal") or "").split(" ")[0])
    if not who:  # no writer, or one in another script: the paper's name
        who = _ascii_word(str(item.get("container-title") or item.get("publisher") or ""))[:20]
    year = _date_of(item, "issued")[:1]
    return f"{who}{year[0] if year else ''}-{_id_part(str(item.get('id', '')))}".lstrip("-")


def bibtex(items: list[dict[str, Any]]) -> str:
    """The CSL-JSON `items` as BibTeX entries, each keyed for good (`citation_key`); one given
    twice (its id piped twice) written once."""
    entries: dict[str, str] = {}
    for item in items:
        key = citation_key(item)
        entries.setdefault(key, _bib_entry(item, key))
    return "\n\n".join(entries.values()) + "\n"


# biblatex's `langid` is a babel or polyglossia language's name, not a BCP 47 code: those of
# the languages the reader reads most; another is left out rather than written wrong.
_LANGID = {
    "en": "english",
    "de": "ngerman",
    "fr": "french",
    "es": "spanish",
    "it": "italian",
    "pt": "portuguese",
    "nl": "dutch",
    "sv": "swedish",
    "da": "danish",
    "nb": "norsk",
    "no": "norsk",
    "fi": "finnish",
    "pl": "polish",
    "cs": "czech",
    "ru": "russian",
    "uk": "ukrainian",
    "el": "greek",
    "tr": "turkish",
    "ja": "japanese",
    "zh": "chinese",
    "ko": "korean",
    "ar": "arabic",
    "he": "hebrew",
}


def _bib_entry(item: dict[str, Any], key: str) -> str:
    report = item.get("type") == "report"
    video = item.get("type") == "motion_picture"
    fields: list[tuple[str, str]] = []
    if names := item.get("author"):
        fields.append(("author", "{" + " and ".join(_bib_name(n) for n in names) + "}"))
    if title := item.get("title"):
        fields.append(("title", _bib_title(title)))
    if report:
        if publisher := item.get("publisher"):
            fields.append(("institution", "{" + _tex(publisher) + "}"))
    elif video:
        # BibTeX's styles know no @video (biblatex's alone): a @misc, said how it is published,
        # as Chicago says it ("QuayTube video").
        medium = f"{item['publisher']} video" if item.get("publisher") else "Video"
        fields.append(("howpublished", "{" + _tex(medium) + "}"))
    elif journal := item.get("container-title"):
        # biblatex reads `journal` as its `journaltitle`; a newspaper's, said by the subtype.
        fields += [("journal", "{" + _tex(journal) + "}"), ("entrysubtype", "{newspaper}")]
    issued = _date_of(item, "issued")
    if issued:
        fields.append(("date", "{" + "-".join(f"{p:02d}" for p in issued) + "}"))
        fields.append(("year", "{" + str(issued[0]) + "}"))
        if len(issued) > 1:
            fields.append(("month", _MONTHS[issued[1] - 1]))  # BibTeX's month macro
    if url := item.get("URL"):
        # Verbatim in biblatex, printed by `\url` in BibTeX's styles: braces (which no
        # address holds unencoded) would end the field.
        fields.append(("url", "{" + url.replace("{", "%7B").replace("}", "%7D") + "}"))
    if accessed := _date_of(item, "accessed"):
        fields.append(("urldate", "{" + "-".join(f"{p:02d}" for p in accessed) + "}"))
    language = str(item.get("language") or "").split("-")[0].lower()
    if langid := _LANGID.get(language):
        fields.append(("langid", "{" + langid + "}"))
    if abstract := item.get("abstract"):
        fields.append(("abstract", "{" + _tex(abstract) + "}"))
    if note := item.get("note"):  # "Last modified …", what the copy cited is
        # Its lines one after the other, each a sentence: BibTeX reads a line break as a space,
        # and "…is kept the text changed since…" ran two notes together (acc47e E4).
        said = [line.strip().rstrip(".") for line in str(note).splitlines() if line.strip()]
        fields.append(("note", "{" + _tex(". ".join(said) + ".") + "}"))
    kind = "techreport" if report else "misc" if video else "article"
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}"


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {_LINE_BREAKS.sub(' ', value).strip()}"


def _ris_name(name: dict[str, Any]) -> str:
    """One writer as RIS's "Last, First, Suffix"; an organisation as written."""
    if literal := name.get("literal"):
        return str(literal)
    family = _family(name)
    # A dropping particle after the given names, as the styles write it: "Beethoven, Ludwig van".
    given = " ".join(
        p for p in (name.get("given"), name.get("dropping-particle")) if isinstance(p, str) and p
    )
    rest = [p for p in (given, name.get("suffix")) if isinstance(p, str) and p]
    return ", ".join([family, *rest])


def ris(items: list[dict[str, Any]]) -> str:
    """The CSL-JSON `items` as RIS records, one after the other."""
    return "".join(_ris_record(item) for item in items)


def _ris_record(item: dict[str, Any]) -> str:
    report = item.get("type") == "report"
    video = item.get("type") == "motion_picture"
    lines = [_ris_line("TY", "RPRT" if report else "VIDEO" if video else "NEWS")]
    lines += [_ris_line("AU", _ris_name(n)) for n in item.get("author", [])]
    if title := item.get("title"):
        lines.append(_ris_line("TI", _NOCASE.sub(r"\1", title)))
    if (report or video) and (publisher := item.get("publisher")):
        lines.append(_ris_line("PB", publisher))
    elif journal := item.get("container-title"):
        lines.append(_ris_line("T2", journal))  # a newspaper article's publication
    if issued := _date_of(item, "issued"):
        lines.append(_ris_line("PY", str(issued[0])))
        # RIS's date: "YYYY/MM/DD/", its parts left empty where unknown.
        parts = [f"{p:02d}" if n else str(p) for n, p in enumerate(issued)]
        lines.append(_ris_line("DA", "/".join(parts + [""] * (3 - len(parts))) + "/"))
    if url := item.get("URL"):
        lines.append(_ris_line("UR", url))
    if accessed := _date_of(item, "accessed"):
        lines.append(_ris_line("Y2", "/".join(f"{p:02d}" for p in accessed)))
    if language := item.get("language"):
        lines.append(_ris_line("LA", language))
    if abstract := item.get("abstract"):
        lines.append(_ris_line("AB", abstract))
    lines += [_ris_line("N1", note) for note in str(item.get("note", "")).splitlines()]
    lines.append("ER  - ")
    return "\n".join(lines) + "\n\n"
