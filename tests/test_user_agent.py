"""`[network] user_agent`: the agent every request sends, for sites that turn away readers that
are not a browser (acc35a E9). A feed on 127.0.0.1 (pytest-httpserver) answering 403 unless the
User-Agent names Mozilla, as some CDNs do; the CLI's own `main` on a temp data directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from reader.cli import main

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour wire</title>
<link>{base}/</link><item><title>Ferry times change</title><link>{base}/ferry</link>
<guid>ferry-1</guid><description>The island ferry leaves earlier.</description></item>
</channel></rss>"""


def _serve(server: HTTPServer, agents: list[str]) -> str:
    def feed(request: Request) -> Response:
        agent = request.headers.get("User-Agent", "")
        agents.append(agent)
        if "Mozilla" not in agent:
            return Response("Forbidden", status=403)
        base = server.url_for("").rstrip("/")
        return Response(FEED.format(base=base), content_type="application/rss+xml")

    server.expect_request("/ua-only/rss.xml").respond_with_handler(feed)
    return server.url_for("/ua-only/rss.xml")


def _run(capsys: pytest.CaptureFixture[str], data: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def test_a_feed_refusing_reader_says_which_setting_and_the_setting_is_sent(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    agents: list[str] = []
    url = _serve(httpserver, agents)
    data = tmp_path / "data"
    code, said = _run(capsys, data, "add", url)
    assert code == 1
    assert "HTTP 403" in said and "[network] user_agent" in said
    assert agents and "Mozilla" not in agents[-1]

    config = data / "config.toml"
    text = config.read_text()
    # Written with the defaults, commented out, for a user to find and take the "# " off.
    assert '\n# user_agent = ""\n' in text
    config.write_text(text.replace('# user_agent = ""', f'user_agent = "{BROWSER}"'))
    code, said = _run(capsys, data, "sync", "--no-articles")
    assert code == 0, said
    assert agents[-1] == BROWSER
    code, said = _run(capsys, data, "list")
    assert "Ferry times change" in said
    code, said = _run(capsys, data, "config")
    assert f'user_agent = "{BROWSER}"' in said


def test_a_user_agent_that_is_no_header_value_is_refused_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[network]\nuser_agent = "Mozilla\\r\\nX-Evil: 1"\n')
    code, said = _run(capsys, tmp_path / "data", "--config", str(config), "feeds")
    assert code != 0
    assert "network.user_agent must be one line" in said and len(said.strip().splitlines()) == 1


def test_a_site_may_be_sent_an_agent_of_its_own(
    httpserver: HTTPServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`[sites."host"] user_agent`: that host is sent it, every other reader's own."""
    agents: list[str] = []
    url = _serve(httpserver, agents)
    other = url.replace("localhost", "127.0.0.1") if "localhost" in url else url
    own = other.replace("127.0.0.1", "localhost")
    data = tmp_path / "data"
    data.mkdir()
    (data / "config.toml").write_text(f'[sites."localhost"]\nuser_agent = "{BROWSER}"\n')
    assert _run(capsys, data, "add", own)[0] == 0
    assert agents[-1] == BROWSER
    code, said = _run(capsys, data, "add", other)
    assert code == 1 and "[network] user_agent" in said
    assert agents[-1].startswith("reader-tui/")
