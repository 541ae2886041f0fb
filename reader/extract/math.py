"""An article's formulas, as one line of text each.

Pages print mathematics as MathML (Wikipedia hides it behind an image of the formula, MathJax
and KaTeX behind boxes of glyphs drawn by CSS). Without care a formula is lost (Wikipedia's
"denoted by , then") or flattened into its leaves: "x = − b ± b 2 − 4 a c 2 a" for the quadratic
formula. Each formula becomes its linear form instead, "x = (−b ± √(b² − 4ac))/(2a)", set as
inline code: the reader sees where a formula starts and ends, Markdown keeps its `_` and `^`,
and search finds it.

A formula given only as an image with its TeX source in `alt` (WordPress's LaTeX plug-in) keeps
that source.
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

from lxml.html import HtmlElement

from ..safe import safe_text
from .furniture import attached, class_names, drop, replace

MATH_CLASS = "reader-math"

_SUPERSCRIPTS = str.maketrans(
    "0123456789+-−=()abcdefghijklmnoprstuvwxyzABDEGHIJKLMNOPRTUVW",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᴬᴮᴰᴱᴳᴴᴵᴶᴷᴸᴹᴺᴼᴾᴿᵀᵁⱽᵂ",
)
_SUBSCRIPTS = str.maketrans(
    "0123456789+-−=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"
)
_SCRIPT_CHARACTERS = frozenset(_SUPERSCRIPTS.values()) | frozenset(_SUBSCRIPTS.values())
RAISED_DIGITS = {k: v for k, v in _SUPERSCRIPTS.items() if not chr(k).isalpha()}
LOWERED_DIGITS = {k: v for k, v in _SUBSCRIPTS.items() if not chr(k).isalpha()}
"""Digits and signs set above or below the line, for `<sup>`/`<sub>` outside formulas, where
a letter ("1<sup>st</sup>") is not an exponent."""

# Operators read with a space on each side; a sign opening a term ("−b") has none.
_SPACED = frozenset("=≠<>≤≥≈≡∼≃≅∝≪≫+-−±∓×÷⋅·∗→←↔⇒⇐⇔⟹⟸⟺↦∈∉∋⊂⊃⊆⊇∪∩∧∨⊕⊗∖") | {":=", "mod"}
_OPENING = frozenset("([{⟨⌊⌈")
_AFTER_NO_OPERAND = _SPACED | {",", ";"}
_PUNCTUATION = _AFTER_NO_OPERAND | _OPENING | frozenset(")]}⟩⌋⌉|‖.:!")
# Operators whose limits are set under and over them.
_LARGE = frozenset("∑∏∐∫∬∭∮⋃⋂⨁⨂⋁⋀") | {"lim", "max", "min", "sup", "inf"}
# Invisible operators: function application, times, separator, plus.
# Function application stays until `_tidy` knows what follows it.
_INVISIBLE = str.maketrans({"\u2062": "", "\u2063": "", "\u2064": ""})
_APPLY = "\u2061"
# Accents over a letter, as combining characters: x̄, ẋ, v⃗.
_ACCENTS = {
    "¯": "\u0305",
    "‾": "\u0305",
    "ˉ": "\u0305",
    "_": "\u0305",
    "˙": "\u0307",
    ".": "\u0307",
    "¨": "\u0308",
    "^": "\u0302",
    "ˆ": "\u0302",
    "~": "\u0303",
    "˜": "\u0303",
    "→": "\u20d7",
    "⃗": "\u20d7",
}
# The boxes MathJax, KaTeX and MediaWiki wrap around one formula: drawn glyphs, a hidden copy,
# a fallback image. The whole box gives way to the formula's line.
_BOXES = frozenset(
    {
        "mwe-math-element",
        "mwe-math-mathml-inline",
        "mwe-math-mathml-display",
        "mwe-math-mathml-a11y",
        "katex",
        "katex-display",
        "katex-mathml",
        "mathjax",
        "mathjax_display",
        "mathjax_chtml",
        "mathjax_svg",
        "mjx_assistive_mathml",
    }
)
# Images of formulas whose `alt` is their TeX source.
_TEX_IMAGES = frozenset({"latex", "tex", "mwe-math-fallback-image-inline", "math"})
_TEX_STYLE = re.compile(r"\\(?:displaystyle|textstyle)\b\s*")


def _token(text: str | None) -> str:
    # Source indentation around a token is not part of it; a no-break space (TeX's "\ ") is.
    return (text or "").strip(" \t\r\n").replace("\u00a0", " ").translate(_INVISIBLE)


# Alphabets that are other symbols, not typography: ℝ is the real numbers, 𝔤 a Lie algebra.
_ALPHABETS = {"double-struck": "DOUBLE-STRUCK", "script": "SCRIPT", "fraktur": "FRAKTUR"}
# Their letters Unicode keeps in its letterlike block, under other names ("BLACK-LETTER CAPITAL
# R" for fraktur R).
_LETTERLIKE = {("FRAKTUR", "C"): "ℭ", ("FRAKTUR", "H"): "ℌ", ("FRAKTUR", "I"): "ℑ"}
_LETTERLIKE |= {("FRAKTUR", "R"): "ℜ", ("FRAKTUR", "Z"): "ℨ", ("SCRIPT", "B"): "ℬ"}
_LETTERLIKE |= {("SCRIPT", "E"): "ℰ", ("SCRIPT", "F"): "ℱ", ("SCRIPT", "H"): "ℋ"}
_LETTERLIKE |= {("SCRIPT", "I"): "ℐ", ("SCRIPT", "L"): "ℒ", ("SCRIPT", "M"): "ℳ"}
_LETTERLIKE |= {("SCRIPT", "R"): "ℛ", ("SCRIPT", "e"): "ℯ", ("SCRIPT", "g"): "ℊ"}
_LETTERLIKE |= {("SCRIPT", "o"): "ℴ"}


def _styled(text: str, variant: str) -> str:
    """A letter in a mathematical alphabet (\\mathbb{R} → ℝ), as written when Unicode has none."""
    alphabet = _ALPHABETS.get(variant)
    if alphabet is None or len(text) != 1 or not text.isascii() or not text.isalpha():
        return text
    case = "CAPITAL" if text.isupper() else "SMALL"
    for name in (f"MATHEMATICAL {alphabet} {case} {text}", f"{alphabet} {case} {text}"):
        try:
            return unicodedata.lookup(name)
        except KeyError:
            continue
    return _LETTERLIKE.get((alphabet, text), text)


def _tag(el: HtmlElement) -> str:
    tag = el.tag if isinstance(el.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _children(el: HtmlElement) -> list[HtmlElement]:
    return [c for c in el if _tag(c)]


class _Part(NamedTuple):
    text: str
    atomic: bool = True
    """One unit (a token, a bracketed group): needs no brackets under a fraction bar or in a
    script."""
    kind: str = "operand"
    """"operand", "operator" (an `<mo>`, or a row holding only a fence), "fraction", "space"."""


_CLOSING = {"(": ")", "[": "]", "{": "}", "⟨": "⟩", "|": "|", "‖": "‖", "⌊": "⌋", "⌈": "⌉"}


def _bracketed(text: str) -> bool:
    """ "(a + b)", not "(a) + (b)": one bracket pair around the whole."""
    if len(text) < 2 or _CLOSING.get(text[0]) != text[-1]:
        return False
    depth = 0
    for i, c in enumerate(text):
        depth += c == text[0]
        depth -= c == text[-1] and (text[0] != text[-1] or i > 0)
        if depth == 0 and i < len(text) - 1:
            return False
    return True


def _grouped(part: _Part) -> str:
    text = part.text
    return text if part.atomic or len(text) <= 1 or _bracketed(text) else f"({text})"


def _scripted(base: str, script: _Part, raised: bool) -> str:
    """`base` with `script` above (raised) or below: x², aᵢⱼ, and x^(n+1) when Unicode has no
    raised form of every character."""
    table = _SUPERSCRIPTS if raised else _SUBSCRIPTS
    # Scripts are set tight: "∑_(k=1)", not "∑_(k = 1)".
    text = script.text.replace(" ", "")
    if text and all(c in table for c in map(ord, text)):
        return base + text.translate(table)
    return f"{base}{'^' if raised else '_'}{_grouped(script._replace(text=text))}"


def _accented(base: str, accent: str) -> str | None:
    mark = _ACCENTS.get(accent)
    letters = [c for c in base if ord(c) not in _SCRIPT_CHARACTERS]
    if mark is None or not letters or len(letters) > 3:
        return None
    # The mark goes over the letters, not their scripts: "a̅ⱼᵢ".
    return "".join(c if ord(c) in _SCRIPT_CHARACTERS else c + mark for c in base)


class _Linear:
    """MathML's presentation elements read into one line of text."""

    def read(self, el: HtmlElement) -> _Part:
        tag = _tag(el)
        kids = _children(el)
        match tag:
            case "mi" | "mn" | "mtext" | "ms":
                text = _token(el.text_content())
                text = _styled(text, el.get("mathvariant", "")) if tag == "mi" else text
                return _Part(text, " " not in text.strip())
            case "mo":
                return _Part(_token(el.text_content()), kind="operator")
            case "mspace":
                return _Part(" " if _is_wide(el.get("width", "")) else "", kind="space")
            case "mphantom" | "annotation" | "annotation-xml" | "none" | "mprescripts":
                return _Part("", kind="space")
            case "semantics" | "maction":
                return self.read(kids[0]) if kids else _Part("", kind="space")
            case "mfrac" if len(kids) == 2:
                num, den = map(self.read, kids)
                if el.get("linethickness") in ("0", "0px", "0em"):
                    # A binomial's stacked pair, between its fences.
                    return _Part(f"{num.text} {den.text}", False)
                return _Part(f"{_grouped(num)}/{_grouped(den)}", False, "fraction")
            case "msqrt":
                return _Part(f"√{_grouped(self.row(kids))}")
            case "mroot" if len(kids) == 2:
                inner, index = map(self.read, kids)
                return _Part(f"{_scripted('', _Part(index.text), True)}√{_grouped(inner)}")
            case "msup" | "msub" if len(kids) == 2:
                base, script = map(self.read, kids)
                return _Part(_scripted(_grouped(base), script, tag == "msup"))
            case "msubsup" if len(kids) == 3:
                base, sub, sup = map(self.read, kids)
                text = _scripted(_scripted(_grouped(base), sub, False), sup, True)
                return _Part(_operator(base, text))
            case "mover" | "munder" if len(kids) == 2:
                base, mark = map(self.read, kids)
                if tag == "mover" and (accented := _accented(base.text, mark.text)):
                    return _Part(accented)
                return _Part(_operator(base, _scripted(_grouped(base), mark, tag == "mover")))
            case "munderover" if len(kids) == 3:
                base, under, over = map(self.read, kids)
                text = _scripted(_scripted(_grouped(base), under, False), over, True)
                return _Part(_operator(base, text))
            case "mfenced":
                opening, closing = el.get("open", "("), el.get("close", ")")
                separator = (el.get("separators", ",").strip() or ",")[0]
                inner = f"{separator} ".join(self.read(k).text for k in kids)
                return _Part(f"{opening}{inner}{closing}")
            case "menclose" if "radical" in el.get("notation", ""):
                return _Part(f"√{_grouped(self.row(kids))}")
            case "mtable":
                rows = [_cells([self.row(_children(c)).text for c in _children(r)]) for r in kids]
                return _Part("; ".join(rows), False)
            case _:
                return self.row(kids)

    def row(self, kids: list[HtmlElement]) -> _Part:
        """Elements side by side: "2ac", "b² − 4ac", "f(x)"."""
        parts = [part for part in map(self.read, kids) if part.text]
        # MathJax wraps a fence in an `<mrow>` of its own: what it holds decides.
        parts = [p._replace(kind="operator") if p.text in _PUNCTUATION else p for p in parts]
        if len([p for p in parts if p.kind != "space"]) == 1:
            return next(p for p in parts if p.kind != "space")
        texts: list[str] = []
        after_operand = False
        for i, part in enumerate(parts):
            text = part.text
            if part.kind == "operator":
                if text in _SPACED and after_operand:
                    text = f" {text} "
                elif text in (",", ";"):
                    text += " "
                after_operand = not (text.strip() in _AFTER_NO_OPERAND or text[-1:] in _OPENING)
            elif part.kind == "fraction":
                following = next((p for p in parts[i + 1 :] if p.kind != "space"), None)
                if after_operand or (
                    following is not None
                    and (following.kind != "operator" or following.text in _OPENING)
                ):
                    text = f"({text})"  # "(1/c)(∂E/∂t)", not "1/c(∂E/∂t)"
                after_operand = True
            elif part.kind != "space":
                after_operand = True
            texts.append(text)
        return _Part("".join(texts), False)


def _is_wide(width: str) -> bool:
    """Whether an `<mspace>` is a gap a reader would see as a space (TeX's \\quad, not its
    thin and negative spaces)."""
    if width.startswith(("negative", "veryverythin", "verythin", "thin")):
        return False
    number = re.match(r"-?[0-9.]+", width)
    return not number or float(number.group()) > 0.2


def _operator(base: _Part, text: str) -> str:
    """A large operator with its limits stands apart from what it sums: "∑_(k=1)ⁿ aₖ"."""
    return f"{text} " if base.text.strip() in _LARGE else text


def _cells(cells: list[str]) -> str:
    """A table row: "1, 0, 0" for a matrix; an aligned equation's halves ("ẋ", "= σ(y − x)")
    make one equation again."""
    line = ""
    for cell in cells:
        cell = cell.strip()
        if line and cell[:1] in _SPACED:
            line += f" {cell[0]} {cell[1:].lstrip()}"
        else:
            line += f", {cell}" if line else cell
    return line


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"([(\[{⟨]) ", r"\1", text)
    text = re.sub(r" ([)\]}⟩,;])", r"\1", text)
    # Function application: "f(x)", "sin x".
    text = re.sub(f"{_APPLY}\\s*([(\\[])", r"\1", text).replace(_APPLY, " ")
    return text.strip()


def linear_text(math: HtmlElement) -> str:
    """The formula of a `<math>` element as one line ("x = (−b ± √(b² − 4ac))/(2a)"), else its
    TeX source from `alttext`, else ""."""
    # Control characters go before the spacing is tidied: one between spaces would leave two.
    text = _tidy(safe_text(_Linear().row(_children(math)).text))
    return text or tex_source(math.get("alttext", ""))


def tex_source(tex: str) -> str:
    """TeX as a reader wants it: without `\\displaystyle` and the braces around it."""
    tex = " ".join(safe_text(tex).split())
    if tex.startswith("{\\displaystyle") and tex.endswith("}"):
        tex = tex[1:-1]
    return _TEX_STYLE.sub("", tex).strip()


def _box(math: HtmlElement) -> HtmlElement:
    """The outermost wrapper of this one formula: the element to replace."""
    box = math
    parent = box.getparent()
    while parent is not None and (
        _tag(parent).startswith("mjx-") or not _BOXES.isdisjoint(class_names(parent))
    ):
        box, parent = parent, parent.getparent()
    return box


def _replace_with_formula(el: HtmlElement, text: str) -> None:
    code = el.makeelement("code", {"class": MATH_CLASS})
    code.text = safe_text(text)
    if _tag(el) == "div":
        # A formula displayed on a line of its own stays a block of its own.
        block = el.makeelement("div", {})
        block.append(code)
        replace(el, block)
    else:
        replace(el, code)


def _replace_with_text(el: HtmlElement, text: str) -> None:
    el.clear(keep_tail=True)
    el.tag, el.text = "span", safe_text(text)


def mark_math(doc: HtmlElement) -> None:
    """Replace each formula of `doc` (its MathML and whatever box draws it) with its line of
    text in a `<code class="reader-math">`. Before hidden elements are dropped: Wikipedia's
    MathML is hidden."""
    for math in list(doc.iter("math", "{http://www.w3.org/1998/Math/MathML}math")):
        if not attached(math, doc):
            continue  # a copy inside a box replaced already
        text = linear_text(math)
        box = _box(math)
        if text:
            _replace_with_formula(box, text)
        else:
            drop(box)
    # Wikipedia sets simple formulas in HTML ("A<sup>n</sup>"): there a raised letter is an
    # exponent, not the "st" of "1st".
    for box in list(doc.iter("span")):
        if "texhtml" not in class_names(box):
            continue
        for script in list(box.iter("sup", "sub")):
            text = "".join(script.text_content().split())
            table = _SUPERSCRIPTS if script.tag == "sup" else _SUBSCRIPTS
            if text and all(c in table for c in map(ord, text)):
                _replace_with_text(script, text.translate(table))
    for img in list(doc.iter("img")):
        if (
            img.get("alt")
            and not _TEX_IMAGES.isdisjoint(class_names(img))
            and (alt := tex_source(img.get("alt", "")))
        ):
            _replace_with_formula(img, alt)
