"""newsboat's settings come across (acc43a A6): `reader config --from-newsboat` prints the
reader's `[ui]`, `[feeds]` and `[keys]` lines for newsboat's `article-sort-order`,
`show-read-feeds`, `auto-reload` + `reload-time` and `bind-key`s, a key that would do two things
said as `reader config` says it and not given, and every line it can't map as a comment saying
why; added to the reader's config, they are in force. The import of newsboat's urls counts
them and names the command. Real parts: the CLI through its entry point, a real data
directory, the reader's own check of its config's keys."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.config import load_config
from tests.test_cli import reader
from tests.test_ignore_rules import run
from tests.test_newsboat_leftovers import own_home  # noqa: F401 (a home holding no newsboat)

NEWSBOAT_CONFIG = (
    "# newsboat config\n"
    "auto-reload yes\n"
    "reload-time 45\n"
    "show-read-feeds no\n"
    "article-sort-order date-desc\n"
    'browser "w3m %u"\n'
    "bind-key j down\n"
    "bind-key SPACE next-unread\n"
    "bind-key x toggle-article-read\n"
    "bind-key F5 reload-all feedlist\n"
    "bind-key w edit-flags\n"
    'macro v set browser "mpv %u" ; open-in-browser\n'
    'ignore-article "*" "title =~ \\"Sponsored\\""\n'
    "notify-always yes\n"
)


def from_newsboat(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], library: Path
) -> tuple[str, str]:
    """`reader config --from-newsboat` of NEWSBOAT_CONFIG for `library`: what it printed and
    said."""
    newsboat = tmp_path / "config"
    newsboat.write_text(NEWSBOAT_CONFIG, encoding="utf-8")
    status, printed, said = run(library, capsys, "config", "--from-newsboat", str(newsboat))
    assert status == 0, said
    return printed, said


def test_the_settings_printed_are_in_force_once_added(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "lib"
    printed, said = from_newsboat(tmp_path, capsys, library)
    assert not library.exists()  # asking writes nothing
    assert "\n[ui]\n# line 4: show-read-feeds no (" in printed
    assert (
        "# line 5: article-sort-order date-desc (newsboat's date-desc lists the oldest" in printed
    )
    assert (
        '\n[feeds]\n# line 2: auto-reload yes; line 3: reload-time 45\nrefresh_interval = "45m"\n'
        in printed
    )
    assert "# line 7: bind-key j down: j is down's key already" in printed
    # newsboat's Space is the reader's page down: said in `reader config`'s words, not given.
    assert (
        "# line 8: bind-key SPACE next-unread: not given, as `reader config` would refuse it:\n"
        '#   keys: "Space" would do both next_unread and page_down in the headlines and an'
        " article: give one of them another key\n" in printed
    )
    assert '# line 9: bind-key x toggle-article-read\ntoggle_read = ["x", "m"]\n' in printed
    assert 'refresh = ["f5", "r"]' in printed
    assert "(newsboat's in its feedlist only; here wherever refresh works)" in printed
    # What can't be mapped: a comment a line, saying why.
    for line in (
        '# line 6: browser "w3m %u": the reader has no setting: it opens the browser the'
        " BROWSER environment variable names, `export BROWSER='w3m %s'`",
        "# line 11: bind-key w edit-flags: the reader has no flags",
        '# line 12: macro v set browser "mpv %u" ; open-in-browser: no such setting here;'
        " nearest: a [[command]]",
        "# line 14: notify-always yes: no such setting in the reader",
    ):
        assert line in printed
    assert said.splitlines()[-1] == (
        "reader: from 12 settings: 5 printed, 1 the reader's already, 1 bind-key not given (a"
        " key doing two things: each said, in a comment), 4 not converted (each said why, in a"
        " comment)"
    )
    # Added to a config that has none of these sections, as the header says: in force.
    library.mkdir()
    (library / "config.toml").write_text(printed, encoding="utf-8")
    status, _, said = run(library, capsys, "config")
    assert status == 0, said  # the keys checked as the TUI puts them in place
    config = load_config(library / "config.toml")
    assert (config.oldest_first, config.unread_only, config.refresh_interval) == (True, True, 2700)
    assert config.keys["toggle_read"] == ("x", "m")
    assert len(config.ignore) == 1


def test_a_section_the_config_has_is_printed_to_set_by_hand(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = tmp_path / "lib"
    status, _, _ = run(library, capsys, "config")  # the config made, with [ui] and [feeds]
    assert status == 0
    own = library / "config.toml"
    with own.open("a", encoding="utf-8") as file:
        file.write('\n[keys]\ntoggle_read = ["t"]\n')
    printed, said = from_newsboat(tmp_path, capsys, library)
    assert "\n# [ui] is in the reader's config already: set these lines in it\n# [ui]\n" in printed
    assert "\n# unread_only = true\n" in printed and "\n[ui]" not in printed
    # The config's own keys are where newsboat's go: `t` kept; and `t` is next_tag's
    # default too, which the config already clashes with: said by `reader config`, not here.
    assert '# toggle_read = ["t", "x"]' in printed
    assert "those of [ui] and [feeds] and [keys] as comments to set there" in said
    # Appended whole, the config still reads: what it had is as it was.
    before = load_config(own)
    with own.open("a", encoding="utf-8") as file:
        file.write("\n" + printed)
    after = load_config(own)
    assert (after.oldest_first, after.keys) == (before.oldest_first, before.keys)
    assert len(after.ignore) == 1


@pytest.mark.parametrize(
    ("order", "said"),
    [
        # newsboat 2.x lists date-asc (its default) newest first, date-desc oldest first
        # (newsboat issue #1560; seen with newsboat 2.21).
        ("date-asc", "# line 1: article-sort-order date-asc: the reader's default already"),
        ("date", "oldest_first = true"),
        ("title-asc", "the reader orders headlines by date only"),
    ],
)
def test_newsboat_s_sort_order_as_it_lists(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], order: str, said: str
) -> None:
    newsboat = tmp_path / "config"
    newsboat.write_text(f"article-sort-order {order}\n", encoding="utf-8")
    status, printed, _ = run(tmp_path / "lib", capsys, "config", "--from-newsboat", str(newsboat))
    assert status == 0
    assert said in printed


def test_the_import_counts_the_settings_and_names_the_command(
    tmp_path: Path, data_dir: Path
) -> None:
    folder = tmp_path / "nb"
    folder.mkdir()
    (folder / "urls").write_text("http://127.0.0.1:9/harbour.xml news\n", encoding="utf-8")
    config = folder / "config"
    config.write_text(NEWSBOAT_CONFIG, encoding="utf-8")
    done = reader(data_dir, "import", str(folder / "urls"))
    assert done.returncode == 0, done
    (line,) = [line for line in done.stderr.splitlines() if "not carried over" in line]
    assert line == (
        f"reader: not carried over from newsboat's config, {config}: 1 ignore-article rule,"
        " 5 bind-keys, auto-reload, reload-time, show-read-feeds, article-sort-order, browser,"
        f" notify-always (`reader config --from-newsboat {config}` prints them as the reader's"
        " settings, [keys] and [[ignore]] rules, to add to its own config.toml: README, From"
        " newsboat) and 1 macro (a [[command]] in config.toml runs a program on a key: README,"
        " Commands of your own)"
    )


def test_the_line_printed_to_add_them_adds_them_as_pasted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """acc50b B10: the header's command, pasted into a shell, adds the config just shown to the
    config this one reads: it names that newsboat file (the bare form read newsboat's own one,
    none in this home, and failed) and the data directory the command was given."""
    library = tmp_path / "lib"
    library.mkdir()
    printed, _ = from_newsboat(tmp_path, capsys, library)
    line = next(row for row in printed.splitlines() if row.startswith("#   reader "))[4:]
    program = tmp_path / "bin" / "reader"  # this checkout's, as installed
    program.parent.mkdir()
    program.write_text(f'#!/bin/sh\nexec {sys.executable} -m reader "$@"\n')
    program.chmod(0o755)
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {line}"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "PATH": f"{program.parent}:/usr/bin:/bin", "PYTHONPATH": str(root)},
    )
    assert done.returncode == 0, done.stderr
    config = load_config(library / "config.toml")
    assert (config.oldest_first, config.unread_only, config.refresh_interval) == (True, True, 2700)
    assert len(config.ignore) == 1


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        (
            "use-proxy yes\nproxy 127.0.0.1:9050\nproxy-type socks5h\n",
            "\n[network]\n# line 1: use-proxy yes; line 2: proxy 127.0.0.1:9050; line 3:"
            ' proxy-type socks5h\nproxy = "socks5h://127.0.0.1:9050"\n',
        ),
        ("use-proxy yes\nproxy proxy.lan:3128\n", 'proxy = "http://proxy.lan:3128"'),
        (
            "use-proxy yes\nproxy 127.0.0.1:9050\nproxy-type socks4a\n",
            "# line 2: proxy 127.0.0.1:9050: the reader speaks no socks4a proxy",
        ),
        (
            "use-proxy no\nproxy 127.0.0.1:9050\n",
            "# line 2: proxy 127.0.0.1:9050: newsboat uses it only with use-proxy yes",
        ),
    ],
)
def test_newsboat_s_proxy_is_the_readers_network_proxy(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lines: str, said: str
) -> None:
    """newsboat's `use-proxy`, `proxy` and `proxy-type` were each "no such setting in the
    reader", which has exactly that one (acc50f A3); added, it is in force."""
    newsboat = tmp_path / "config"
    newsboat.write_text(lines, encoding="utf-8")
    status, printed, _ = run(tmp_path / "lib", capsys, "config", "--from-newsboat", str(newsboat))
    assert status == 0
    assert said in printed, printed
    assert "no such setting in the reader" not in printed
    if "\nproxy = " in printed:
        own = tmp_path / "own.toml"
        own.write_text(printed, encoding="utf-8")
        assert load_config(own).limits.proxy == printed.split('proxy = "')[1].split('"')[0]
