"""A dateline written as two labels, place and newsroom, opens the lead as a wire's does."""

from __future__ import annotations

from reader.extract import extract_article, to_text

LEAD = (
    "The port of Felixstowe said on Thursday that a storm had stopped its cranes for most of"
    " the night shift, delaying a dozen ships."
)
REST = (
    "<p>A spokesperson said no containers had been lost and the quays would reopen by noon,"
    " once the wind dropped below the cranes' limit.</p>"
    "<p>Shipping lines said the delay would add a day to sailings bound for Rotterdam.</p>"
)


def _text(dateline: str, after: str = f"<p>{LEAD}</p>") -> str:
    page = (
        "<html><head><title>Storm stops port cranes</title></head><body><main>"
        '<div class="article__content"><h1>Storm stops port cranes</h1>'
        f"{dateline}{after}{REST}</div></main></body></html>"
    )
    return to_text(extract_article(page, "https://news.example/2026/12/03/port-storm"))


CNN = (
    '<div class="source inline-placeholder"><cite class="source__cite">'
    '<span class="source__location">London</span><span class="source__text">CNN</span>'
    "</cite></div>"
)


def test_a_place_and_a_source_open_the_lead() -> None:
    text = _text(CNN)
    assert f"London (CNN) — {LEAD}" in text.split("\n")
    assert "LondonCNN" not in text


def test_a_place_and_a_source_with_no_paragraph_after_them_are_one_line() -> None:
    text = _text(CNN, after=f"<blockquote><p>{LEAD}</p></blockquote>")
    assert "London (CNN)" in text.split("\n")
    assert "LondonCNN" not in text


def test_two_spans_named_otherwise_are_left_as_written() -> None:
    spans = (
        '<p class="facts"><span class="label">Tonnage</span><span class="value">'
        "Twelve thousand</span></p>"
    )
    text = _text(spans)
    assert "Tonnage" in text
    assert "(Twelve thousand)" not in text
    assert f"— {LEAD}" not in text
