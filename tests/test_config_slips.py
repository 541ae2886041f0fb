"""A config file that isn't TOML is said with the line as written, the setting's name and the
fix, and `reader config` still shows it (acc44a A7): tomllib's own words ("Invalid value (at
line 86, column 9)") came through raw, and every command refused, `reader config` too."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.config import DEFAULT_CONFIG_TEXT, load_config
from tests.cli_run import run_reader

EXIT_CONFIG = 78


def line_of(text: str, start: str) -> int:
    """The number of the first line of `text` starting with `start`."""
    return next(n for n, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def written(home: Path, text: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def changed(old: str, new: str) -> str:
    assert old in DEFAULT_CONFIG_TEXT
    return DEFAULT_CONFIG_TEXT.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "fix"),
    [
        ('theme = "dark"', "theme = light", 'a word needs quotes: `theme = "light"`'),
        (
            "text_width = 80",
            "text_width = 60px",
            "a number is written without a unit: `text_width = 60`",
        ),
        ('max_size = ""', "max_size = 500MB", 'needs quotes: `max_size = "500MB"`'),
        (
            "unread_only = false",
            "unread_only = False",
            "true or false in small letters: `unread_only = false`",
        ),
        ('theme = "dark"', 'theme = "light', 'quotes close on its line: `theme = "light"`'),
    ],
)
def test_a_slip_in_a_value_is_said_with_its_line_its_setting_and_the_fix(
    tmp_path: Path, old: str, new: str, fix: str
) -> None:
    text = changed(old, new)
    written(tmp_path, text)
    number = line_of(text, new)
    section = "cache" if new.startswith("max_size") else "ui"
    key = new.split(" ")[0]
    for command in (("list",), ("sync",), ()):
        result = run_reader(tmp_path, *command)
        assert result.returncode == EXIT_CONFIG, (command, result.stderr)
        said = result.stderr.strip()
        assert "\n" not in said
        assert f"line {number} ({section}.{key}): `{new}`: " in said, said
        assert fix in said, said
        assert "column" not in said and "Invalid value" not in said


def test_a_section_pasted_a_second_time_says_where_the_first_is(tmp_path: Path) -> None:
    text = DEFAULT_CONFIG_TEXT + '\n[ui]\ntheme = "light"\n'
    written(tmp_path, text)
    result = run_reader(tmp_path, "list")
    assert result.returncode == EXIT_CONFIG
    first, second = line_of(text, "[ui]"), len(DEFAULT_CONFIG_TEXT.splitlines()) + 2
    assert f"line {second}: `[ui]`: [ui] is already at line {first}: put these settings there" in (
        result.stderr
    )
    assert "Cannot declare" not in result.stderr


def test_a_setting_given_twice_says_where_it_was_first(tmp_path: Path) -> None:
    text = changed("plain = false", 'plain = false\ntheme = "light"')
    written(tmp_path, text)
    result = run_reader(tmp_path, "list")
    assert result.returncode == EXIT_CONFIG
    first, second = line_of(text, 'theme = "dark"'), line_of(text, 'theme = "light"')
    assert f"line {second} (ui.theme): " in result.stderr
    assert f"theme is already set at line {first}: keep one of the two" in result.stderr


def test_reader_config_shows_a_file_it_cannot_read_and_says_why(tmp_path: Path) -> None:
    text = changed('theme = "dark"', "theme = light")
    path = written(tmp_path, text)
    shown = run_reader(tmp_path, "config")
    assert shown.returncode == EXIT_CONFIG  # it can't be run on, as every command says
    assert shown.stdout.startswith(f"# {path} (it can't be read as it is: see below)\n")
    assert text.rstrip("\n") in shown.stdout
    assert 'a word needs quotes: `theme = "light"`' in shown.stderr
    where = run_reader(tmp_path, "config", "--path")
    assert where.returncode == 0 and where.stdout == f"{path}\n"
    assert path.read_text(encoding="utf-8") == text  # nothing written over it


@pytest.mark.parametrize("name", ["Light", "LIGHT", " light"])
def test_a_theme_is_named_in_any_case(tmp_path: Path, name: str) -> None:
    path = written(tmp_path, changed('theme = "dark"', f'theme = "{name}"'))
    assert load_config(path).theme == "light"
    assert run_reader(tmp_path, "config").returncode == 0
