"""`reader config --from-newsboat`: newsboat's killfile printed as `[[ignore]]` tables which,
added to the reader's config, leave out the items newsboat's lines left out; a line no rule can
say is a comment saying why; a rule already in the config is not printed twice. Real parts:
the CLI's entry point, a feed served on 127.0.0.1, a real sync into a temp data directory."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from reader.ignore_rules import ignore_rules
from reader.newsboat_rules import killfile
from tests.test_ignore_rules import run, serve, titles

ITEMS = [
    ("Harbour crane strike ends after nine days", "Ana Ruiz", "Dockers voted to go back."),
    ("Sponsored: the best ferry deals this winter", "Partner content", "Book now and save."),
    ("Quiz: how well do you know the harbour?", "Tom Keane", "Ten questions on the harbour."),
    ("Quiz: name the marsh birds", "Tom Keane", "Ten questions on birds."),
    ("It's a cat's life on the quay", "Lea Moss", "The port's cats."),
    ("It's a dog's life on the quay", "Lea Moss", "The port's dogs."),
    ("Council delays the marsh vote", "PR Desk", "A statement."),
    ("12 best walks by the water", "Lea Moss", "Shoes on."),
]


def killfile_config(path: Path, feed: str) -> Path:
    path.write_text(
        "# killfile\n"
        'ignore-article "*" "title =~ \\"^Sponsored\\""\n'
        f'ignore-article "{feed}" "author = \\"PR Desk\\" or title =~ \\"[[:digit:]]+ best\\""\n'
        'ignore-article * "title =~ \\"quiz\\" and content !~ \\"harbour\\""\n'
        'ignore-article "*" "title =~ \\"it\'s\\" and title !~ \\"cat\\""\n'
        'ignore-article "*" "age > 30"\n'
        'ignore-article "*" "title =~ \\"(a+)+b\\""\n'
        'macro m set browser "mpv %u"\n',
        encoding="utf-8",
    )
    return path


def test_the_printed_rules_leave_out_what_newsboat_s_lines_did(
    tmp_path: Path, httpserver: HTTPServer, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "lib"
    feed = serve(httpserver, "/harbour.xml", ITEMS)
    newsboat = killfile_config(tmp_path / "config", feed)
    status, _, _ = run(home, capsys, "add", feed)
    assert status == 0
    status, printed, said = run(home, capsys, "config", "--from-newsboat", str(newsboat))
    assert status == 0, said
    assert said.splitlines() == [
        "reader: from 6 ignore-article lines: 5 rules printed, 2 lines not converted (each"
        " said why, in a comment)",
        "reader: from 1 setting: 0 printed, 1 not converted (each said why, in a comment)",
    ]
    assert (
        '# line 6: ignore-article "*" "age > 30"\n# not converted: it tests an item\'s age'
        in printed
    )
    assert "# line 7: " in printed and "backtracks" in printed
    config = home / "config.toml"
    with config.open("a", encoding="utf-8") as file:
        file.write("\n" + printed)
    status, _, said = run(home, capsys, "sync")
    assert status == 0, said
    assert sorted(titles(home, capsys)) == sorted(
        [
            "Harbour crane strike ends after nine days",
            "Quiz: how well do you know the harbour?",  # its text names the harbour
            "It's a cat's life on the quay",
        ]
    )
    # Asked again, nothing is printed twice.
    status, printed, said = run(home, capsys, "config", "--from-newsboat", str(newsboat))
    assert status == 0
    assert "\n[[ignore]]" not in printed
    assert printed.count("# already in the reader's config") == 4
    assert "5 already in the reader's config" in said


def test_newsboat_s_own_config_is_found_and_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    library = tmp_path / "lib"
    status, _, said = run(library, capsys, "config", "--from-newsboat")
    assert status == 1
    assert said == (
        "reader: no newsboat config in ~/.newsboat or ~/.config/newsboat: name it,"
        " `reader config --from-newsboat FILE`\n"
    )
    (home / ".config" / "newsboat").mkdir(parents=True)
    killfile_config(home / ".config" / "newsboat" / "config", "https://news.example/feed.xml")
    status, printed, _ = run(library, capsys, "config", "--from-newsboat")
    assert status == 0
    assert "feed = 'https://news.example/feed.xml'\nauthor = '^PR Desk$'" in printed
    assert not library.exists()  # no library, no config made by asking


@pytest.mark.parametrize(
    ("line", "why"),
    [
        ('ignore-article "*" "unread = \\"yes\\""', "it tests read or unread"),
        ('ignore-article "*" "title between 1:4"', "a rule matches words, not numbers"),
        ('ignore-article "*" `cat killfile`', "it runs a command"),
        ('ignore-article "*" "title =~ \\"open', "a quote is not closed"),
        (
            'ignore-article "*" "feedtitle =~ \\"News\\" and title =~ \\"x\\""',
            "a rule names one feed",
        ),
        ('ignore-article "*" "title =~ \\"[\\""', "is no regular expression"),
        ('ignore-article "*"', 'it takes a feed ("*" for every feed) and one filter'),
        ('ignore-article "*" "(title =~ \\"a\\""', "a parenthesis in its filter is not closed"),
        (  # nested past Python's recursion: a RecursionError's traceback before
            'ignore-article "*" "' + "(" * 400 + 'title = \\"x\\"' + ")" * 400 + '"',
            "parentheses nested",
        ),
    ],
)
def test_a_line_no_rule_can_say_says_why(line: str, why: str) -> None:
    (converted,) = killfile(f"bind-key j down\n{line}\n")
    assert converted.line_number == 2
    assert not converted.tables
    assert why in converted.why_not


def test_a_value_with_quotes_and_controls_is_valid_toml() -> None:
    import tomllib

    from reader.newsboat_rules import toml_table

    (converted,) = killfile('ignore-article "*" "title = \\"it\'s \\\\\\"x\\\\\\"\x7f\\""\n')
    (table,) = converted.tables
    read = tomllib.loads(toml_table(table))["ignore"][0]
    assert read == table


def test_words_of_a_field_an_or_s_branches_and_a_continued_line() -> None:
    """`#` is one of a field's space-separated words (newsboat 2.21 on the same items left out
    the same ones); an `or` branch no rule can say is left out, the others kept; a line ending
    in a backslash goes on on the next."""
    text = (
        'ignore-article "*" \\\n'
        '  "title !# \\"[OC]\\" and \\\n'
        '  title !~ \\"shorts|Sponsored\\""\n'
        'ignore-article "*" "title # \\"#shorts\\" or description # \\"#shorts\\""\n'
    )
    first, second = killfile(text)
    assert first.line_number == 1 and not first.why_not
    ((rule,),) = [ignore_rules(first.tables)[0].patterns]
    shown = ["[OC] my desktop", "my desktop", "watch #shorts now", "[OC]x", "Sponsored deal"]
    left_out = [title for title in shown if rule[1].search(title)]
    assert left_out == ["my desktop", "[OC]x"]
    assert second.line_number == 4
    assert second.why_not == "it tests a feed's description"
    assert second.tables == [{"title": "(?<!\\S)#shorts(?!\\S)"}]
