"""Pages nested past what the reader reads whole (acc47c, the nested-tables note): libxml2 stops
at 2,048 levels even with `huge_tree` (no error: the rest of the page is not in the tree), and
the extraction's recursive passes fail at some hundreds of levels of some tags (blockquotes).
Tables in tables past the parser's depth lost the rest of the story; 300 blockquotes failed the
page as "nested too deeply to read", its text unread; a page whose text all lay past the
parser's depth was "no article text found". Each is read flat now (its nesting tags gone), and
what can't be read even so says how deep it is. A cached copy is not lost to such a page."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main
from reader.extract import extract_article, to_text
from reader.models import ErrorKind, FetchError

URL = "https://news.example.com/2024/deep.html"
LEAD = (
    "<h1>Ferry timetable</h1><p>The harbour board met on Tuesday to hear the operator's report"
    " on the winter timetable, which cuts the evening crossings from the first of the month.</p>"
)
LAST = "The islanders will drive round the bay instead, the councillor said."


def _nested(opening: str, closing: str, depth: int) -> str:
    """A page whose story has a paragraph at each of `depth` levels of `opening`."""
    levels = "".join(
        f"{opening}<p>Crossing {n} of the winter timetable leaves the quay at nine.</p>"
        for n in range(depth)
    )
    return (
        f"<html><head><title>Ferry</title></head><body><article>{LEAD}{levels}<p>{LAST}</p>"
        f"{closing * depth}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("opening", "closing", "depth"),
    [
        # 3,000 levels: past where the parser stops even without the page's wrappers.
        ("<table><tr><td>", "</td></tr></table>", 1000),
        ("<table><tr><td>", "", 1000),  # never closed
        # A chain of blockquotes: readability took its deepest part for the article.
        ("<blockquote>", "</blockquote>", 300),
        # Too deep for the extraction's recursion: read again flat.
        ("<h2><blockquote>", "</blockquote></h2>", 1000),
    ],
)
def test_a_story_nested_too_deep_is_read_flat_to_its_end(
    opening: str, closing: str, depth: int
) -> None:
    article = extract_article(_nested(opening, closing, depth), URL)
    text = to_text(article, header=False)
    assert "Crossing 0 of the winter timetable" in text and LAST in text
    assert f"Crossing {depth - 1} of the winter timetable" in text
    assert not article.incomplete


def _text_past_the_parser(before: str = "") -> str:
    """A page whose last words lie past libxml2's depth, in a tag kept even read flat."""
    deep = "<template>" * 3000 + f"<p>{LAST}</p>" + "</template>" * 3000
    return f"<html><body>{before}{deep}</body></html>"


def test_a_page_all_past_the_parsers_depth_fails_saying_how_deep() -> None:
    with pytest.raises(FetchError) as failed:
        extract_article(_text_past_the_parser(), URL)
    assert failed.value.kind == ErrorKind.EXTRACTION
    assert failed.value.message == "the page is nested too deeply to read (over 2,048 levels)"


def test_what_comes_before_the_parsers_depth_is_read_and_says_how_deep() -> None:
    article = extract_article(_text_past_the_parser(f"<article>{LEAD}</article>"), URL)
    assert "cuts the evening crossings" in to_text(article, header=False)
    assert article.incomplete == (
        "the page is nested too deeply (over 2,048 levels): its text stops where the parser stopped"
    )


def test_show_refresh_of_a_page_turned_too_deep_says_so_and_keeps_the_copy(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    served = {"page": _nested("<div>", "</div>", 3)}

    def answer(_request: Request) -> Response:
        return Response(served["page"], content_type="text/html; charset=utf-8")

    httpserver.expect_request("/ferry.html").respond_with_handler(answer)
    url = httpserver.url_for("/ferry.html")
    data = ["--data-dir", str(tmp_path / "data")]
    assert main([*data, "show", url]) == 0
    assert LAST in capsys.readouterr().out

    served["page"] = _text_past_the_parser()
    main([*data, "show", url, "--refresh"])
    out, err = capsys.readouterr()
    assert "the page is nested too deeply to read (over 2,048 levels)" in out + err
    assert main([*data, "show", url, "--offline"]) == 0
    assert LAST in capsys.readouterr().out
