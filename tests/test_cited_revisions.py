"""A story revised on a later day than it was published, cited with both dates (acc45 C6):
Chicago's web page "November 20, 2026, last modified December 3, 2026" (CMOS 17, 14.207), where
it gave the publication alone and a quote from the revised text was cited to the first day. APA
and MLA cite the publication date, as before; a revision the same day adds nothing. Real parts:
pages served on 127.0.0.1, `reader show URL --format citation --style …`."""

from __future__ import annotations

from pathlib import Path

from pytest_httpserver import HTTPServer
from test_cited_name_orders import page
from test_cli import reader

_DATES = {
    "/revised.html": ("2026-11-20T10:00:00+00:00", "2026-12-03T09:05:00+00:00"),
    "/same-day.html": ("2026-11-20T10:00:00+00:00", "2026-11-20T16:30:00+00:00"),
}


def _cited(data: Path, server: HTTPServer, path: str, style: str) -> str:
    published, modified = _DATES[path]
    dated = (
        f'<meta property="article:published_time" content="{published}">'
        f'<meta property="article:modified_time" content="{modified}">'
    )
    server.expect_request(path).respond_with_data(
        page("By Tom Keane", "en", dated), content_type="text/html; charset=utf-8"
    )
    result = reader(data, "show", server.url_for(path), "--format", "citation", "--style", style)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_revised_story_is_cited_with_its_revision_in_chicago(
    tmp_path: Path, httpserver: HTTPServer
) -> None:
    data = tmp_path / "data"
    chicago = _cited(data, httpserver, "/revised.html", "chicago")
    assert (
        '"Old Fish Market to Close for Repairs." Quay Post, November 20, 2026, last modified'
        " December 3, 2026. Accessed "
    ) in chicago, chicago
    apa = _cited(data, httpserver, "/revised.html", "apa")
    assert apa.startswith("Keane, T. (2026, November 20). Old fish market"), apa
    mla = _cited(data, httpserver, "/revised.html", "mla")
    assert "*Quay Post*, 20 Nov. 2026," in mla or "Quay Post, 20 Nov. 2026," in mla, mla
    assert "Dec." not in mla
    same_day = _cited(data, httpserver, "/same-day.html", "chicago")
    assert "Quay Post, November 20, 2026. Accessed " in same_day, same_day
