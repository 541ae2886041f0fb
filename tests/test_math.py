"""Formulas as one line of text each, in the shapes MathJax, KaTeX, MediaWiki and WordPress
print them: the article's mathematics is read, not lost or flattened into its leaves."""

from __future__ import annotations

from reader.codec import article_from_dict, article_to_dict
from reader.extract import extract_article, to_markdown, to_text
from reader.models import Article, Inline

URL = "https://science.example.org/2026/03/roots.html"

PROSE = """
<p>Every quadratic equation has two roots, counted with multiplicity, and the formula that gives
them has been taught in schools for centuries. It is the first piece of algebra most people meet
that is more than arithmetic with letters, and the last that many of them remember.</p>
<p>The derivation completes the square, a trick that was known to Babylonian scribes who solved
problems about fields and their sides, long before anyone wrote an equation with symbols.</p>
"""


def mathml(body: str, display: str = "inline") -> str:
    return f'<math xmlns="http://www.w3.org/1998/Math/MathML" display="{display}">{body}</math>'


# x = (−b ± √(b² − 4ac)) / 2a, as MathML writes it.
QUADRATIC = mathml(
    """<mi>x</mi><mo>=</mo><mfrac>
      <mrow><mo>−</mo><mi>b</mi><mo>±</mo>
        <msqrt><msup><mi>b</mi><mn>2</mn></msup><mo>−</mo><mn>4</mn><mi>a</mi><mi>c</mi></msqrt>
      </mrow>
      <mrow><mn>2</mn><mi>a</mi></mrow>
    </mfrac>"""
)


def extract(body: str) -> Article:
    page = f"<html><head><title>Roots</title></head><body><article>{PROSE}{body}</article></body></html>"
    return extract_article(page, URL)


def formulas(article: Article) -> list[str]:
    return [i.text for b in article.blocks for i in b.inlines if i.math]


def paragraph_with(article: Article, words: str) -> str:
    return next(b.text for b in article.blocks if words in b.text)


def test_mathjax_formula_is_its_linear_form_and_its_glyph_boxes_are_gone() -> None:
    body = f"""<p>The roots are
      <mjx-container class="MathJax" jax="CHTML"><mjx-math aria-hidden="true"><mjx-mi>x</mjx-mi>
        <mjx-mo>=</mjx-mo><mjx-mfrac>glyphs</mjx-mfrac></mjx-math>
        <mjx-assistive-mml display="inline">{QUADRATIC}</mjx-assistive-mml></mjx-container>
      for any a that is not zero.</p>"""
    article = extract(body)
    assert formulas(article) == ["x = (−b ± √(b² − 4ac))/(2a)"]
    text = paragraph_with(article, "The roots are")
    assert text == "The roots are x = (−b ± √(b² − 4ac))/(2a) for any a that is not zero."
    assert "glyphs" not in to_text(article)


def test_wikipedia_hidden_mathml_is_read_and_its_fallback_image_not_doubled() -> None:
    # MediaWiki hides the MathML and shows an image of the formula whose alt is its TeX.
    formula = mathml(
        '<semantics><mrow><msup><mi>A</mi><mrow><mi mathvariant="sans-serif">H</mi></mrow>'
        '</msup></mrow><annotation encoding="application/x-tex">A^{\\mathsf{H}}</annotation>'
        "</semantics>"
    )
    body = f"""<p>If the conjugate transpose of a matrix is denoted by
      <span class="mwe-math-element"><span class="mwe-math-mathml-inline mwe-math-mathml-a11y"
        style="display: none;">{formula}</span><img class="mwe-math-fallback-image-inline"
        aria-hidden="true" alt="{{\\displaystyle A^{{\\mathsf {{H}}}}}}" src="a.svg"></span>,
      the property is written concisely.</p>"""
    article = extract(body)
    assert formulas(article) == ["Aᴴ"]
    assert "denoted by Aᴴ, the property" in paragraph_with(article, "conjugate transpose")
    assert "mathsf" not in to_text(article)


def test_katex_keeps_one_copy_and_not_its_tex_annotation() -> None:
    formula = mathml(
        "<semantics><mrow><msubsup><mo>∑</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow>"
        "<mi>n</mi></msubsup><msub><mi>a</mi><mi>k</mi></msub></mrow>"
        '<annotation encoding="application/x-tex">\\sum_{k=1}^n a_k</annotation></semantics>'
    )
    body = f"""<p>The partial sum <span class="katex"><span class="katex-mathml">{formula}</span>
      <span class="katex-html" aria-hidden="true"><span class="mord">∑ a k</span></span></span>
      grows without bound.</p>"""
    article = extract(body)
    assert formulas(article) == ["∑ₖ₌₁ⁿ aₖ"]
    assert "\\sum" not in to_text(article)


def test_matrices_and_aligned_equations_read_row_by_row() -> None:
    matrix = mathml(
        "<mrow><mo>[</mo><mtable><mtr><mtd><mn>2</mn></mtd><mtd><mi>i</mi></mtd></mtr>"
        "<mtr><mtd><mo>−</mo><mi>i</mi></mtd><mtd><mn>3</mn></mtd></mtr></mtable><mo>]</mo></mrow>"
    )
    aligned = mathml(
        "<mtable><mtr><mtd><mover><mi>x</mi><mo>˙</mo></mover></mtd>"
        "<mtd><mi></mi><mo>=</mo><mi>σ</mi><mo>(</mo><mi>y</mi><mo>−</mo><mi>x</mi><mo>)</mo></mtd>"
        "</mtr><mtr><mtd><mover><mi>y</mi><mo>˙</mo></mover></mtd>"
        "<mtd><mi></mi><mo>=</mo><mi>ρ</mi><mi>x</mi><mo>−</mo><mi>y</mi></mtd></mtr></mtable>",
        "block",
    )
    article = extract(f"<p>The matrix {matrix} is Hermitian.</p><div>{aligned}</div>")
    # The dot of a time derivative is a combining mark on its letter.
    assert formulas(article) == ["[2, i; −i, 3]", "x\u0307 = σ(y − x); y\u0307 = ρx − y"]


def test_scripts_without_unicode_forms_are_written_out() -> None:
    formula = mathml(
        "<msup><mi>x</mi><mrow><mi>q</mi><mo>+</mo><mn>1</mn></mrow></msup><mo>+</mo>"
        "<msub><mi>y</mi><mrow><mi>n</mi><mo>+</mo><mn>1</mn></mrow></msub>"
    )
    assert formulas(extract(f"<p>Then {formula} holds.</p>")) == ["x^(q+1) + yₙ₊₁"]


def test_an_image_of_tex_gives_its_source() -> None:
    body = """<p>The identity <img class="latex" src="https://s0.wp.com/latex.php?latex=e%5E%7Bi%5Cpi%7D"
      alt="e^{i\\pi} + 1 = 0" title="e^{i\\pi} + 1 = 0"> links five constants.</p>"""
    article = extract(body)
    assert formulas(article) == ["e^{i\\pi} + 1 = 0"]


def test_wikipedia_html_formulas_raise_letters_but_ordinals_stay() -> None:
    body = """<p>Thus <span class="texhtml"><i>A</i><sup><i>n</i></sup></span> is Hermitian,
      and <span class="texhtml"><i>I</i><sub><i>n</i></sub></span> is too; the 1<sup>st</sup>
      case was shown above.</p>"""
    text = paragraph_with(extract(body), "Thus")
    assert "Aⁿ is Hermitian" in text and "Iₙ is too" in text
    assert "the 1st case" in text


def test_markdown_keeps_a_formula_as_code_and_a_cached_one_stays_a_formula() -> None:
    formula = mathml("<msub><mi>λ</mi><mtext>big</mtext></msub><mo>=</mo><mi>q</mi><mo>*</mo>")
    article = extract(f"<p>The largest is {formula} in that case.</p>")
    assert formulas(article) == ["λ_big = q*"]
    # Markdown would read "_" and "*" as emphasis outside code.
    assert "The largest is `λ_big = q*` in that case." in to_markdown(article)
    cached = article_from_dict(article_to_dict(article))
    assert formulas(cached) == ["λ_big = q*"]
    assert all(i.code for b in cached.blocks for i in b.inlines if i.math)


def test_control_characters_in_a_formula_are_removed() -> None:
    formula = mathml("<mi>x</mi><mo>=</mo><mtext>\x1b]0;pwned\x07 y</mtext>")
    article = extract(f"<p>So {formula} here.</p>")
    assert all("\x1b" not in f and "\x07" not in f for f in formulas(article))
    assert formulas(article)


def test_a_deeply_nested_formula_does_not_lose_the_article() -> None:
    nested = "<mrow>" * 150 + "<mi>z</mi>" + "</mrow>" * 150
    assert formulas(extract(f"<p>Deep {mathml(nested)} formula.</p>")) == ["z"]
    # Deeper than the HTML parser nests: the formula may go, the article stays.
    hostile = "<mrow>" * 3000 + "<mi>z</mi>" + "</mrow>" * 3000
    assert "quadratic equation" in to_text(extract(f"<p>Deep {mathml(hostile)} formula.</p>"))


def test_inline_math_flag_defaults_off() -> None:
    assert Inline("x").math is False


def test_a_formula_in_a_box_of_its_own_is_kept() -> None:
    # Wikipedia's equation box holds nothing but the formula: shorter than readability's
    # 25 characters, and removed with its box before its wrappers were spared.
    formula = mathml("<mi>A</mi><mo>=</mo><msup><mi>A</mi><mi>H</mi></msup>")
    box = f'<div class="equation-box" style="padding: 6px"><p>{formula}</p></div>'
    article = extract(f"<p>The property is written concisely as</p>{box}")
    assert formulas(article) == ["A = Aᴴ"]


def test_letters_of_other_alphabets_are_their_symbols() -> None:
    # \mathbb{R}, \mathcal{L}, \mathfrak{g}: the real numbers, a Lagrangian, a Lie algebra.
    formula = mathml(
        '<mi>v</mi><mo>∈</mo><msup><mi mathvariant="double-struck">R</mi><mi>n</mi></msup>'
        '<mo>,</mo><mi mathvariant="script">L</mi><mo>,</mo><mi mathvariant="fraktur">g</mi>'
        '<mo>,</mo><mi mathvariant="bold">w</mi>'
    )
    assert formulas(extract(f"<p>Take {formula} as given.</p>")) == ["v ∈ ℝⁿ, ℒ, 𝔤, w"]
