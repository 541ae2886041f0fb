"""Text only a screen reader reads is left out of the article, but for the word an icon
stands for; a match header's score is set apart from the team's name."""

from __future__ import annotations

from reader.extract import extract_article, to_text

PROSE = (
    "<p>The harbour master said the new rules would apply from Monday to every vessel in the"
    " inner basin, whatever its size or flag.</p>"
    "<p>Skippers who have questions can ask at the harbour office, which opens at seven.</p>"
)


def _text(inner: str) -> str:
    page = (
        "<html><head><title>Harbour notice</title></head><body><main><article>"
        f"<h1>Harbour notice</h1>{PROSE}{inner}{PROSE}</article></main></body></html>"
    )
    return to_text(extract_article(page, "https://harbour.example/notice"))


def test_a_live_entrys_hidden_label_does_not_run_into_its_minute() -> None:
    entry = (
        '<div class="entry"><span class="qa-post-time"><span class="gs-u-vh">time</span>'
        "90+4'</span><h3>Full time</h3><p>Plymouth hold on for a late win at home.</p></div>"
    )
    text = _text(entry)
    assert "time90" not in text
    assert "90+4'" in text.split("\n")


def test_a_lists_screen_reader_labels_go_with_it() -> None:
    box = (
        "<p>The river rose by two metres in three days, the most in four decades.</p>"
        '<span class="screen-reader-only">list of 4 items</span>'
        "<p>Farmers near the river said they had lost their whole winter crop.</p>"
        '<span class="screen-reader-only">end of list</span>'
    )
    text = _text(box)
    assert "list of 4 items" not in text
    assert "end of list" not in text
    assert "lost their whole winter crop" in text


def test_every_sites_visually_hidden_class_is_left_out() -> None:
    for name in ("govuk-visually-hidden", "a11y-hidden", "element-invisible", "u-vh", "vh"):
        text = _text(
            f'<p><span class="{name}">Published on</span>Skippers must radio the office first'
            " before entering the basin at night.</p>"
        )
        assert "Published on" not in text, name
        assert "Skippers must radio the office first" in text, name


def test_the_word_a_warning_icon_stands_for_labels_the_warning() -> None:
    # GOV.UK's warning: a "!" drawn for the eye (hidden from screen readers), "Warning" said
    # to screen readers. The icon is no text; its word says what it meant.
    warning = (
        '<div role="note" aria-label="Warning" class="govuk-warning-text">'
        '<span class="govuk-warning-text__icon" aria-hidden="true">!</span>'
        '<strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">'
        "Warning</span>Anyone breaching this notice may be prosecuted.</strong></div>"
    )
    text = _text(warning)
    assert "Warning: Anyone breaching this notice may be prosecuted." in text
    assert "WarningAnyone" not in text


def test_a_hidden_label_with_no_icon_beside_it_is_left_out() -> None:
    text = _text(
        '<p><strong><span class="govuk-visually-hidden">Warning</span>Anyone breaching this'
        " notice may be prosecuted.</strong></p>"
    )
    assert "Warning" not in text
    assert "Anyone breaching this notice may be prosecuted." in text


def test_a_match_headers_score_is_set_apart_from_the_teams() -> None:
    header = (
        '<div class="scoreboard"><div class="team home"><span>Plymouth Argyle</span>'
        '<span class="score">2</span></div><div class="team away"><span class="score">1</span>'
        "<span>Exeter City</span></div></div>"
    )
    lines = _text(header).split("\n")
    assert "Plymouth Argyle 2" in lines
    assert "1 Exeter City" in lines


def test_a_drop_cap_and_a_units_number_stay_joined() -> None:
    text = _text(
        '<p><span class="dropcap">T</span><span>he ferry carried 40 cars and a lorry across'
        " the bay.</span> The site covers 3<span>km</span> of quay.</p>"
    )
    assert "The ferry carried 40 cars" in text
    assert "3km of quay" in text
