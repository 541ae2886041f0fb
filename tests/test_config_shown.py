"""`reader config` shows every setting in force: the file, then what it leaves out with the
defaults (a file written before `[ui]` existed showed no theme to change)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import Any

from test_cli import reader

from reader.config import (
    DEFAULT_CONFIG_TEXT,
    DEFAULT_LIMITS,
    WRITTEN_CONFIG_TEXT,
    Config,
    FetchLimits,
    load_config,
)
from reader.config_shown import defaults_not_in
from tests.cli_run import under_umask_000

# A config file as an early user kept it: two settings changed, no [ui], no [keys] example.
OLD_FILE = """\
# my reader settings
[network]
per_host = 2

[cache]
max_size = "1GB"

[feeds]
refresh_interval = "30m"
refresh_on_open = true
fetch_ahead = 30
"""


def after_the_file(stdout: str) -> dict[str, Any]:
    """The settings `reader config` adds after the file, read as TOML."""
    _file, _header, added = stdout.partition(", so in force with their defaults:\n")
    return tomllib.loads(added)


def test_an_old_file_is_shown_with_the_settings_it_leaves_out(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text(OLD_FILE)
    shown = reader(home, "config")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith(f"# {home / 'config.toml'}\n{OLD_FILE}")
    added = after_the_file(shown.stdout)
    # The sections it lacks, opened with their defaults…
    assert added == {
        "ui": {
            "theme": "dark",
            "unread_only": False,
            "feed_order": "subscribed",
            "oldest_first": False,
            "text_width": 80,
            "plain": False,
            "mouse": "auto",
        },
        "system": {"workers": "auto", "sync_wait": "10min"},
        "citation": {"style": "block", "copy": "text"},
    }
    # …and the settings its own sections leave out, commented out under a comment naming the
    # section, as a second `[network]` would make the whole text unreadable as TOML.
    whole = tomllib.loads(shown.stdout)
    assert whole == {**tomllib.loads(OLD_FILE), **added}
    rest = shown.stdout.partition("in force with their defaults:")[2]
    assert rest.count("[network]") == 1 and "\n[network]" not in rest
    for line in ("max_connections = 16", "connect_timeout = 5.0", "retries = 2", 'ca_file = ""'):
        assert f"\n# {line}\n" in rest
    # The limits of a page, settable and once shown nowhere (sec31): with their defaults.
    for line in ("max_bytes = 10485760", "extract_seconds = 30.0"):
        assert f"\n# {line}\n" in rest
    # …with the comment saying what it does, and the examples of the sections it lacks.
    assert '"terminal"' in rest and "NO_COLOR" in rest
    assert "# [keys]\n# quit = " in rest and '# [sites."example.com"]' in rest
    assert "per_host" not in rest and "max_size" not in rest and "fetch_ahead" not in rest
    # The file is as it was: printing adds nothing to it.
    assert (home / "config.toml").read_text() == OLD_FILE


def test_a_file_that_sets_a_section_s_example_gets_no_example(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    (home / "config.toml").write_text('[ui]\ntheme = "light"\n\n[keys]\nquit = ["Q"]\n')
    shown = reader(home, "config").stdout
    assert "# [keys]" not in shown and "# [sites." in shown
    added = after_the_file(shown)
    assert "ui" not in added and "keys" not in added and added["network"]["per_host"] == 4
    assert 'theme = "dark"' not in shown


def test_a_new_file_is_shown_alone(tmp_path: Path) -> None:
    home = tmp_path / "home"
    shown = reader(home, "config")
    assert shown.returncode == 0
    assert shown.stdout == f"# {home / 'config.toml'}\n{WRITTEN_CONFIG_TEXT}"
    assert "in force with their defaults" not in shown.stdout


def test_a_new_file_has_its_settings_commented_out_and_one_set_is_read(tmp_path: Path) -> None:
    """Written live, a new file pinned the defaults of the version that wrote it: each of its
    settings is commented out, a section's header left, and taking a "# " off sets it."""
    home = tmp_path / "home"
    assert reader(home, "config").returncode == 0
    path = home / "config.toml"
    written = path.read_text(encoding="utf-8")
    assert "\nper_host = " not in written and "\n# per_host = 4\n" in written
    assert "\n[network]\n" in written and "\n[ui]\n" in written
    assert all(not table for table in tomllib.loads(written).values())  # nothing set
    assert load_config(path) == Config(path)  # the defaults, every one
    path.write_text(written.replace("# per_host = 4", "per_host = 2"), encoding="utf-8")
    assert load_config(path).limits.per_host == 2
    # The settings it holds commented out are not shown again after it; one it lacks is.
    shown = reader(home, "config").stdout
    assert shown.count("per_host") == 1 and "# fetch_ahead" in shown
    path.write_text(written.replace("# fetch_ahead = 30\n", ""), encoding="utf-8")
    added = reader(home, "config").stdout.split(written.replace("# fetch_ahead = 30\n", ""), 1)
    assert "fetch_ahead = 30" in added[1] and "per_host" not in added[1]


def test_no_file_and_none_can_be_written_shows_the_defaults(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a directory\n")
    path = blocked / "config.toml"
    shown = reader(tmp_path / "home", "--config", str(path), "config")
    assert shown.returncode == 0, shown.stderr
    first, _, rest = shown.stdout.partition("\n")
    assert first.startswith(f"# {path}: none") and "defaults" in first
    assert tomllib.loads(rest)["ui"] == {
        "theme": "dark",
        "unread_only": False,
        "feed_order": "subscribed",
        "oldest_first": False,
        "text_width": 80,
        "plain": False,
        "mouse": "auto",
    }
    assert tomllib.loads(rest)["network"]["per_host"] == 4


def test_the_defaults_shown_are_the_defaults_in_force(tmp_path: Path) -> None:
    """The text a new file is written with, and what is shown of it, is what the reader runs
    on without a file: one source of truth, checked."""
    written = tmp_path / "config.toml"
    written.write_text(defaults_not_in(""))
    assert load_config(written) == Config(written)
    assert defaults_not_in(DEFAULT_CONFIG_TEXT) == ""


def test_the_readme_names_each_network_setting_and_its_default() -> None:
    """README's Configuration example sets each `[network]` setting a new file is written with
    (`max_bytes` and `extract_seconds` were settable, and named nowhere), and a value it sets
    apart from the default says the default: the one FetchLimits holds."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    configuration = readme.partition("\n## Configuration\n")[2].partition("\n## ")[0]
    example = configuration.partition("```toml\n[network]\n")[2].partition("\n[")[0]
    lines = {
        line.lstrip("# ").partition(" =")[0]: line
        for line in example.splitlines()
        if " = " in line.partition("#")[0] or line.startswith("# ca_file")
    }
    assert set(lines) == set(tomllib.loads(DEFAULT_CONFIG_TEXT)["network"])
    for key in ("max_bytes", "extract_seconds"):
        value = tomllib.loads(lines[key].partition("#")[0])[key]
        default = getattr(DEFAULT_LIMITS, key)
        assert value != default and f"default {default:.15g}" in lines[key], key


def settings_named(text: str) -> dict[str, set[str]]:
    """The settings a config's text sets or shows commented out, by section."""
    named: dict[str, set[str]] = {}
    section = ""
    for line in text.splitlines():
        if heading := re.match(r"(?:# ?)?\[+([^\]]+)\]", line):
            section = heading[1].strip('"')
        elif setting := re.match(r"(?:# ?)?(\w+) += ", line):
            named.setdefault(section, set()).add(setting[1])
    return named


def test_the_written_config_holds_every_setting_readmes_example_sets() -> None:
    """Each setting README's Configuration example sets is in the file `reader config` writes
    (set or commented out), with its default: `[citation] copy`, the one README names for
    Markdown quotes, was missing from it (acc33a A7)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    configuration = readme.partition("\n## Configuration\n")[2].partition("\n## ")[0]
    example = configuration.partition("```toml\n")[2].partition("\n```")[0]
    written = settings_named(DEFAULT_CONFIG_TEXT)
    for section, settings in settings_named(example).items():
        if section in ("keys", "ignore") or section.startswith("sites."):
            continue  # the user's own, with no default to write
        assert settings <= written[section], section


def test_a_link_leading_nowhere_under_the_configs_name_is_not_written_through(
    tmp_path: Path,
) -> None:
    """A data directory copied from elsewhere whose config.toml is a link to a path that does
    not exist: the commented defaults were written wherever it named (acc31a F11)."""
    home = tmp_path / "home"
    home.mkdir()
    target = tmp_path / "elsewhere" / "made.toml"
    target.parent.mkdir()
    (home / "config.toml").symlink_to(target)
    listed = reader(home, "list")
    assert listed.returncode == 0, listed.stderr
    assert not target.exists()
    # Said, once, rather than run on the defaults silently; `reader config` says where it leads
    # (acc51a A13).
    said = f"is a link to {target}, which isn't there: the defaults are in force"
    assert listed.stderr.count(said) == 1, listed.stderr
    shown = reader(home, "config")
    assert said in shown.stdout.splitlines()[0] and not shown.stderr, shown


def test_a_config_folder_that_can_t_be_looked_in_is_a_config_to_mend(tmp_path: Path) -> None:
    """A config folder chmod 000 (another user's): one line naming the folder and 78, as for a
    config file that can't be read; it was "Permission denied: …/config.toml" and 1, the status
    that tells a cron wrapper to try again (acc51a A8)."""
    folder = tmp_path / "conf" / "reader-tui"
    folder.mkdir(parents=True)
    folder.chmod(0)
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path / "conf")}
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env.pop("READER_HOME", None)
    env.pop("READER_CONFIG", None)
    # As root, without the power to read what chmod forbids, as any other user is.
    dropped = ["capsh", "--drop=cap_dac_override,cap_dac_read_search", "--", "-c", '"$0" "$@"']
    unprivileged = dropped if os.geteuid() == 0 else []
    try:
        ran = subprocess.run(
            [*unprivileged, sys.executable, "-m", "reader", "list"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        folder.chmod(0o700)
    assert ran.returncode == 78, ran.stderr
    assert ran.stderr == (
        f"reader: cannot read config {folder / 'config.toml'}: its folder {folder} can't be"
        " looked in (permission denied)\n"
    )


def test_the_readme_names_every_network_cap_with_its_default() -> None:
    """Every `[network]` setting the config takes (each of FetchLimits') is named in README's
    Configuration with its default, those the example leaves out in the paragraph after it:
    `backoff`, `max_redirects`, … were settable and named nowhere (sec31's note)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
    configuration = " ".join(
        readme.partition("\n## Configuration\n")[2].partition("\n## ")[0].split()
    )
    example = tomllib.loads(DEFAULT_CONFIG_TEXT)["network"]
    for cap in fields(FetchLimits):
        if cap.name in example:
            continue  # the example's, checked above
        default = getattr(DEFAULT_LIMITS, cap.name)
        assert f"`{cap.name} = {default}`" in configuration, cap.name


def test_a_config_named_that_is_not_there_is_one_line_and_no_file(tmp_path: Path) -> None:
    """`--config` (or READER_CONFIG) naming no file: a typo ran on the defaults, silently, and
    left a file of them under the mistaken name (acc35a E11); `reader config` makes it."""
    typo = tmp_path / "mine.tml"
    for command in (["feeds"], ["list"], ["sync", "--no-articles"]):
        done = reader(tmp_path / "home", "--config", str(typo), *command)
        assert done.returncode == 78, command
        assert done.stderr == (
            f"reader: no config file at {typo}: `reader --config {typo} config` makes one"
            " with the defaults\n"
        )
        assert not typo.exists()
    env = {**os.environ, "READER_CONFIG": str(typo), "READER_HOME": str(tmp_path / "home")}
    named = subprocess.run(
        [sys.executable, "-m", "reader", "feeds"], capture_output=True, text=True, env=env
    )
    assert named.returncode == 78 and "no config file at" in named.stderr
    made = reader(tmp_path / "home", "--config", str(typo), "config")
    assert made.returncode == 0 and typo.read_text(encoding="utf-8") == WRITTEN_CONFIG_TEXT
    assert reader(tmp_path / "home", "--config", str(typo), "feeds").returncode == 0


def test_under_umask_000_the_config_is_the_users_alone(tmp_path: Path) -> None:
    """Under umask 000 the config was made 0666, anyone's to add a `[[command]]` the reader
    runs: never writable by others whatever the umask (acc51a A11); a folder it is in that every
    user may write has its config not read (acc52b-1: it was only warned of)."""
    home = tmp_path / "open"
    env = {**os.environ, "READER_HOME": str(home)}
    env.pop("READER_CONFIG", None)
    ran = under_umask_000(env, "config")
    assert ran.returncode == 0, ran.stderr
    assert (home / "config.toml").stat().st_mode & 0o777 == 0o644
    assert ran.stderr == ""
    home.chmod(0o777)
    refused = reader(home, "config")
    assert refused.returncode == 78
    assert refused.stderr == (
        f"reader: the config {home}/config.toml is not read: its folder {home} can be changed by"
        f" every user, and the reader runs a config's [[command]]s as you: `chmod o-w {home}`\n"
    )
