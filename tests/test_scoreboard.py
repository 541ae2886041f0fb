"""A match report opens with its match's scoreboard, read from the header box above it."""

from __future__ import annotations

from reader.extract import extract_article, to_text

URL = "https://sport.example/football/harbour-town-vs-riverside-rovers/report/901"

# Sky Sports' shape: the match header outside the report's <article>.
SKY_HEADER = (
    '<div class="sdc-site-match-header"><div class="sdc-site-match-header__detail">'
    '<span class="sdc-site-match-header__team-name">Harbour Town</span>'
    '<span class="sdc-site-match-header__team-score-block">3</span> <span>-</span> '
    '<span class="sdc-site-match-header__team-score-block">1</span>'
    '<span class="sdc-site-match-header__team-name">Riverside Rovers</span></div>'
    '<ul class="sdc-site-match-header__team-synopsis" data-side="home"><li>Okoro (12\')</li>'
    "<li>Lind (45+2', 77')</li></ul>"
    '<ul class="sdc-site-match-header__team-synopsis" data-side="away"><li>Baptiste (60\')'
    "</li></ul><p>FT</p><p>Quayside Stadium, 5 Dec 2026, 15:00</p>"
    '<a href="/tickets">Buy tickets</a></div>'
)
# A BBC-like one: each team's box holds its name and score, a hidden label between.
BBC_HEADER = (
    '<div data-testid="match-header"><div class="team home"><span>Harbour Town</span>'
    '<span class="score">3</span></div><span class="visually-hidden">versus</span>'
    '<div class="team away"><span class="score">1</span><span>Riverside Rovers</span></div>'
    '<div class="status">Full time</div></div>'
)
REPORT = (
    "<article><h1>Lind double sinks Rovers at the Quayside</h1>"
    "<p>Ola Lind scored twice either side of the break as Harbour Town beat Riverside Rovers"
    " at a windswept Quayside Stadium on Saturday.</p>"
    "<p>Kemi Okoro opened the scoring with a low drive after twelve minutes, and Lind"
    " doubled the lead in stoppage time at the end of the first half.</p>"
    "<p>Jonah Baptiste pulled one back on the hour before Lind's header settled it.</p>"
    "</article>"
)


def _page(header: str, title: str = "Harbour Town 3-1 Riverside Rovers: Lind double") -> str:
    return (
        f"<!DOCTYPE html><html lang='en'><head><title>{title}</title></head><body>"
        f"<header><nav><a href='/'>Football</a><a href='/scores'>Scores</a></nav></header>"
        f"{header}{REPORT}</body></html>"
    )


def test_the_match_header_above_the_report_is_its_first_line() -> None:
    text = to_text(extract_article(_page(SKY_HEADER), URL), header=False)
    first = text.split("\n\n")[0]
    assert first == (
        "Harbour Town 3–1 Riverside Rovers (FT) · Okoro 12', Lind 45+2', 77'; Baptiste 60'"
        " · Quayside Stadium, 5 Dec 2026, 15:00"
    )
    assert "Buy tickets" not in text
    assert "Ola Lind scored twice" in text


def test_a_header_of_team_boxes_reads_the_same_without_its_hidden_words() -> None:
    text = to_text(extract_article(_page(BBC_HEADER), URL), header=False)
    assert text.split("\n\n")[0] == "Harbour Town 3–1 Riverside Rovers (Full time)"
    assert "versus" not in text


def test_another_matchs_scoreboard_is_not_the_reports() -> None:
    # The page is about another game: the box is a ticker's, not this report's.
    page = _page(SKY_HEADER, title="Rovers manager leaves after six years")
    text = to_text(extract_article(page, URL), header=False)
    assert "3–1" not in text
    assert text.startswith("Ola Lind scored twice")


def test_a_box_named_so_that_is_no_scoreline_adds_nothing() -> None:
    header = (
        '<div class="match-header"><p>Harbour Town v Riverside Rovers</p>'
        "<p>Kick-off 15:00, Quayside Stadium</p></div>"
    )
    text = to_text(extract_article(_page(header), URL), header=False)
    assert text.startswith("Ola Lind scored twice")
