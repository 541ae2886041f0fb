"""The rest of an article folded behind "Continue reading": shipped in the page, hidden until the
control is pressed, it is the article's text and is read whole. What else the page hides (a
modal, a dialog, a folded menu) stays out. The fixture pair `tests/data/folded-behind-continue-
reading` shows a page of both."""

from __future__ import annotations

import pytest

from reader.extract import extract_article, to_text

OPENING = [
    "The regional health board said on Thursday that waiting lists for routine operations had "
    "fallen for the third month in a row, though they remain far above pre-pandemic levels.",
    "Just over 41,000 people were waiting for a hip, knee or cataract operation at the end of "
    "October, down from 43,500 in July, after the board paid two private clinics to help.",
]
REST = [
    "The longest waits are still for orthopaedic surgery, where one patient in five has waited "
    "more than a year, against one in twelve across all specialties, the figures show.",
    "Surgeons at the county hospital said the fall owed more to the private clinics than to any "
    "change in how the hospital itself worked, and warned that the contracts end in March.",
    "The board's chief executive said it would ask the ministry to fund the contracts for "
    "another year, and that a new day-surgery unit would take up the slack after that.",
]
URL = "https://herald.example/health/waiting-lists.html"


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def page(article: str, around: str = "") -> str:
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Waiting lists fall'
        '</title></head><body><header><nav><a href="/">Home</a></nav></header><main><article>'
        f"<h1>Waiting lists fall</h1>{article}</article></main>{around}"
        "<footer><p>© Valley Herald</p></footer></body></html>"
    )


@pytest.mark.parametrize(
    "hiding", ['style="display:none"', "hidden", 'aria-hidden="true"', 'style="visibility: hidden"']
)
@pytest.mark.parametrize(
    "control",
    [
        '<button class="read-more">Continue reading</button>',
        '<p class="more"><a href="#rest" class="toggle">Read more ›</a></p>',
        '<div><button type="button">Show full article</button></div>',
        "<button>Weiterlesen</button>",
        "<button>Lire la suite</button>",
    ],
    ids=["continue-reading", "read-more-link", "show-full-article", "de", "fr"],
)
def test_the_rest_folded_behind_a_control_is_read(hiding: str, control: str) -> None:
    html = page(
        paragraphs(OPENING) + control + f'<div class="article-rest" {hiding}>'
        f"{paragraphs(REST)}</div>"
    )
    article = extract_article(html, URL)
    text = to_text(article)
    assert all(p in text for p in OPENING + REST)
    assert "Continue reading" not in text and "Read more" not in text
    assert not article.in_part


def test_a_control_after_the_folded_rest_unfolds_it_too() -> None:
    html = page(
        paragraphs(OPENING)
        + f'<div class="full-text" hidden>{paragraphs(REST)}</div>'
        + '<a class="expand" href="#">Read the full story</a>'
    )
    text = to_text(extract_article(html, URL))
    assert all(p in text for p in REST) and "full story" not in text


MODAL_PROSE = (
    "Get the Valley Herald's health briefing in your inbox every Tuesday morning, with the "
    "week's waiting times, clinic openings and the stories our readers asked us to follow."
)


@pytest.mark.parametrize(
    "hidden",
    [
        # Beside a "Read more" control, but a modal, a dialog, or a form: not the article's.
        f'<a href="/more">Read more</a><div class="modal" hidden><p>{MODAL_PROSE}</p></div>',
        f'<button>Read more</button><div role="dialog" hidden><p>{MODAL_PROSE}</p></div>',
        f'<button>Read more</button><div class="x" hidden><p>{MODAL_PROSE}</p>'
        '<form><input type="email"></form></div>',
        # Hidden prose with no control beside it.
        f'<div class="print-only" style="display:none"><p>{MODAL_PROSE}</p></div>',
        # A folded menu of links beside "Show more".
        '<button>Show more</button><ul hidden><li><a href="/a">Hospitals and clinics in the '
        'valley</a></li><li><a href="/b">Waiting times by specialty</a></li></ul>',
    ],
    ids=["modal", "dialog", "form", "no-control", "menu"],
)
@pytest.mark.parametrize("where", ["in-the-article", "after-it"])
def test_hidden_junk_stays_out(hidden: str, where: str) -> None:
    if where == "in-the-article":
        html = page(paragraphs(OPENING) + hidden + paragraphs(REST))
    else:
        html = page(paragraphs(OPENING + REST), around=hidden)
    text = to_text(extract_article(html, URL))
    assert all(p in text for p in OPENING + REST)
    assert "health briefing" not in text and "Waiting times by specialty" not in text


# An explainer's questions, each the summary of a `<details>`: the first holding an <h2>, the
# others plain text, as a CMS's FAQ block writes them.
FAQ = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Spring tides: what are they and when do they come?</title></head><body><main><article>
<h1>Spring tides: what are they and when do they come?</h1>
<p>Twice a month the tide runs higher and lower than usual. Here is what the harbour office
says about this week's, and what boat owners should do about them.</p>
{questions}
<p>Tide tables for the harbour are posted at the quay office every Monday morning.</p>
</article></main></body></html>"""
QUESTIONS = (
    "<details open><summary>{first}</summary><p>A spring tide comes when the Sun and the Moon pull"
    " in line, at a new or a full moon, and has nothing to do with the season.</p></details>"
    "<details><summary>When is the next one?</summary><p>On Thursday, when high water at the"
    " quay is 5.9 metres, half a metre above an ordinary tide.</p></details>"
    "<details><summary>What should boat owners do?</summary><ul><li>Slacken mooring lines"
    "</li><li>Check the bilge pumps</li></ul></details>"
)


@pytest.mark.parametrize(
    ("first", "question"),
    [
        ("<h2>What is a spring tide?</h2>", ("## ", "")),  # a heading: the others as it is
        ("What is a spring tide?", ("**", "**")),  # no heading anywhere: each in bold
    ],
)
def test_each_question_of_an_faq_stands_out_as_its_neighbours_do(
    first: str, question: tuple[str, str]
) -> None:
    from reader.extract import to_markdown

    page = FAQ.format(questions=QUESTIONS.format(first=first))
    markdown = to_markdown(extract_article(page, "https://harbour.example/spring-tides"))
    before, after = question
    for asked in ("What is a spring tide?", "When is the next one?", "What should boat owners do?"):
        assert f"\n{before}{asked}{after}\n" in markdown, markdown
    assert "half a metre above an ordinary tide" in markdown
    assert "- Check the bilge pumps" in markdown
