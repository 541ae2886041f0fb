"""A gallery carousel's "1 / 2" counter beside its ‹ › buttons is no paragraph of the article
(acc39a L14); a count in the article's prose is kept."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_markdown

URL = "https://harbourton.example/c/gallery.html"
PARAGRAPH = (
    "The fleet returned to harbour on Friday after three days sheltering from the storm, and the "
    "crews said the catch had been the worst of the year ({})."
)


def page(gallery: str, after: str = "") -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><title>The fleet comes home</title></head><body>'
        f"<article><h1>The fleet comes home</h1><p>{PARAGRAPH.format(1)}</p>"
        f"<p>{PARAGRAPH.format(2)}</p>{gallery}<p>{PARAGRAPH.format(3)}</p>{after}"
        "</article></body></html>"
    )


SLIDES = (
    '<ul><li><img src="/a.jpg" alt="Gulls"><p class="caption">Gulls over the fish market at '
    'dawn.</p></li><li><img src="/b.jpg" alt="Pier"><p class="caption">The harbour master on '
    "the pier.</p></li></ul>"
)


@pytest.mark.parametrize(
    "controls",
    [
        '<button class="prev">‹</button><button class="next">›</button><span>1 / 2</span>',
        "<div><button>‹</button><span>1 of 2</span><button>›</button></div>",
    ],
)
def test_a_carousels_counter_is_not_a_paragraph(controls: str) -> None:
    markdown = to_markdown(
        extract_article(page(f'<div class="gallery">{SLIDES}{controls}</div>'), URL)
    )
    assert "Gulls over the fish market at dawn." in markdown
    assert "1 / 2" not in markdown and "1 of 2" not in markdown
    assert PARAGRAPH.format(3) in markdown


def test_a_count_that_is_no_carousels_stays() -> None:
    markdown = to_markdown(extract_article(page(SLIDES, "<p>3 / 4</p>"), URL))
    assert "3 / 4" in markdown
