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
    return _TEX_SPECIAL.sub(lambda found: _TEX[found.group()], _LINE_BREAKS.sub(" ", text)).strip()


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
    given = " ".join(
        part
        for part in (name.get("given"), name.get("dropping-particle"))
        if isinstance(part, str) and part
    )
    parts = [_tex(family)]
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


_SKIPPED = frozenset({"a", "an", "the", "of", "on", "in", "to", "for", "and", "at", "by"})


def citation_key(item: dict[str, Any]) -> str:
    """A key as LaTeX users write one: the first writer's surname, the year, the title's first
    word that tells ("raman2026council"), in ASCII; an organisation's first word."""
    first = (item.get("author") or [{}])[0]
    if first.get("family"):
        surname = _ascii_word(_family(first))
    else:
        surname = _ascii_word((first.get("literal") or "").split(" ")[0])
    words = [_ascii_word(w) for w in str(item.get("title", "")).split()]
    word = next((w for w in words if w and w not in _SKIPPED), "")
    year = _date_of(item, "issued")[:1]
    key = f"{surname}{year[0] if year else ''}{word}"
    return key or "article"


def bibtex(items: list[dict[str, Any]]) -> str:
    """The CSL-JSON `items` as BibTeX entries, each key told apart from the others' ("…a",
    "…b": one writer's two stories of a day)."""
    keys = [citation_key(item) for item in items]
    seen: dict[str, int] = {}
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
    given: dict[str, int] = {}
    entries = []
    for item, key in zip(items, keys, strict=True):
        if seen[key] > 1:
            given[key] = given.get(key, 0) + 1
            key += "abcdefghijklmnopqrstuvwxyz"[(given[key] - 1) % 26]
        entries.append(_bib_entry(item, key))
    return "\n\n".join(entries) + "\n"


def _bib_entry(item: dict[str, Any], key: str) -> str:
    report = item.get("type") == "report"
    fields: list[tuple[str, str]] = []
    if names := item.get("author"):
        fields.append(("author", "{" + " and ".join(_bib_name(n) for n in names) + "}"))
    if title := item.get("title"):
        fields.append(("title", "{{" + _tex(title) + "}}"))  # the paper's capitals kept
    if report:
        if publisher := item.get("publisher"):
            fields.append(("institution", "{" + _tex(publisher) + "}"))
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
    if language := item.get("language"):
        fields.append(("langid", "{" + _tex(language) + "}"))
    if abstract := item.get("abstract"):
        fields.append(("abstract", "{" + _tex(abstract) + "}"))
    if note := item.get("note"):  # "Last modified …", what the copy cited is
        fields.append(("note", "{" + _tex(note) + "}"))
    kind = "techreport" if report else "article"
    body = ",\n".join(f"  {name} = {value}" for name, value in fields)
    return f"@{kind}{{{key},\n{body}\n}}"


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {_LINE_BREAKS.sub(' ', value).strip()}"


def _ris_name(name: dict[str, Any]) -> str:
    """One writer as RIS's "Last, First, Suffix"; an organisation as written."""
    if literal := name.get("literal"):
        return str(literal)
    family = _family(name)
    rest = [p for p in (name.get("given"), name.get("suffix")) if isinstance(p, str) and p]
    return ", ".join([family, *rest])


def ris(items: list[dict[str, Any]]) -> str:
    """The CSL-JSON `items` as RIS records, one after the other."""
    return "".join(_ris_record(item) for item in items)


def _ris_record(item: dict[str, Any]) -> str:
    report = item.get("type") == "report"
    lines = [_ris_line("TY", "RPRT" if report else "NEWS")]
    lines += [_ris_line("AU", _ris_name(n)) for n in item.get("author", [])]
    if title := item.get("title"):
        lines.append(_ris_line("TI", title))
    if report and (publisher := item.get("publisher")):
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
