"""`reader forget ID_OR_URL`: an article saved by mistake goes altogether (acc31c W12), where
`unsave` left it cached and found by a search until a prune: its cached text, page and earlier
copies, its save, the addresses it answered to. A feed's headline of it stays, uncached. Real
pages on 127.0.0.1 (pytest-httpserver), a real store, the command line as a user types it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.store import Store
from tests.test_saved_list import _serve_feed, _serve_pages, run

PRIVACY = (
    "<!doctype html><html><head><title>Stay in touch | Quay Weekly</title></head><body><article>"
    "<h1>Stay in touch</h1>"
    + "".join(
        f"<p>Quay Weekly sends its readers a letter on the harbour's news each week {n}, "
        "with the tide tables, the ferry times and the notices of the harbour board.</p>"
        for n in ("on Monday", "at dawn", "by post", "online")
    )
    + "</article></body></html>"
)


def _listed(data: Path, capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    status, out, _ = run(data, capsys, "list", *args, "--json")
    listed = json.loads(out)
    assert status == 0  # a search finding none too: nothing matched is no failure
    return listed


def test_an_article_saved_by_mistake_is_forgotten(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    httpserver.expect_request("/walled/story.html").respond_with_data(
        PRIVACY, content_type="text/html"
    )
    _serve_pages(httpserver)
    wrong = httpserver.url_for("/walled/story.html")
    right = httpserver.url_for("/news/ferry.html")
    for url in (wrong, right):
        assert run(data_dir, capsys, "save", url)[0] == 0
    assert len(_listed(data_dir, capsys, "--saved")) == 2
    assert _listed(data_dir, capsys, "--search", "tide tables")

    # `unsave` leaves it cached: a search still finds it.
    status, out, _ = run(data_dir, capsys, "unsave", wrong)
    assert status == 0 and "stays cached" in out
    assert [h["title"] for h in _listed(data_dir, capsys, "--search", "tide tables")]
    assert run(data_dir, capsys, "save", wrong)[0] == 0

    # `forget` drops it: not saved, not cached, not found, its page gone; said in one line.
    status, out, err = run(data_dir, capsys, "forget", wrong)
    assert status == 0 and not err
    assert out == "forgotten: Stay in touch (its cached text, page and copies; unsaved)\n"
    assert [h["title"] for h in _listed(data_dir, capsys, "--saved")] == ["Night ferry returns"]
    assert _listed(data_dir, capsys, "--search", "tide tables") == []
    store = Store(data_dir)
    try:
        assert store.article(wrong) is None and store.raw_page(wrong) is None
        assert store.article(right) is not None
    finally:
        store.close()
    assert run(data_dir, capsys, "show", "--offline", wrong)[0] != 0
    # Asked again: nothing is kept of it, in one line.
    status, out, err = run(data_dir, capsys, "forget", wrong)
    assert status == 0 and not out  # nothing to do: no failure (README's Exit status)
    assert err.strip().count("\n") == 0 and "nothing kept" in err


def test_a_feeds_article_is_forgotten_and_its_headline_stays(
    httpserver: HTTPServer, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _serve_pages(httpserver)
    feed = _serve_feed(
        httpserver, [("Night ferry returns", "/news/ferry.html", "Fri, 20 Nov 2026 08:00:00 GMT")]
    )
    assert run(data_dir, capsys, "add", feed)[0] == 0
    assert run(data_dir, capsys, "sync")[0] == 0
    [headline] = _listed(data_dir, capsys)
    assert headline["cached"]
    assert _listed(data_dir, capsys, "--search", "outer islands")

    status, out, _ = run(data_dir, capsys, "forget", str(headline["id"]))
    assert status == 0
    assert out == (
        "forgotten: Night ferry returns (its cached text, page and copies; its headline stays"
        " in its feed, not cached)\n"
    )
    [after] = _listed(data_dir, capsys)
    assert after["id"] == headline["id"] and not after["cached"]
    assert _listed(data_dir, capsys, "--search", "outer islands") == []
    # The page is still served: the next sync fetches it again, as any uncached one.
    assert run(data_dir, capsys, "sync")[0] == 0
    assert _listed(data_dir, capsys)[0]["cached"]


def test_forget_of_what_is_not_known_says_so(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(data_dir, capsys, "forget", "http://127.0.0.1:9/never.html")
    assert status == 0 and not out and "nothing kept" in err  # nothing to do: no failure
