"""A size is given with its unit (acc28b D21): `reader cache prune --max-size 500` read 500 as
bytes and would have evicted every article where 500 MB was meant."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.cli import main
from reader.config import load_config, parse_duration, parse_size
from tests.test_cli import reader


def test_a_size_takes_its_unit_and_a_megabyte_is_a_mebibyte() -> None:
    assert parse_size("500MB") == parse_size("500 mb") == 500 * 2**20
    assert parse_size("1.5GiB") == int(1.5 * 2**30)
    assert parse_size("500B") == 500
    for bare in ("500", " 12 "):
        with pytest.raises(ValueError, match="needs its unit"):
            parse_size(bare)


def test_a_bare_number_is_refused_before_anything_is_evicted(tmp_path: Path) -> None:
    done = reader(tmp_path / "home", "cache", "prune", "--max-size", "500")
    assert done.returncode == 2
    assert done.stderr.startswith("reader: '500' needs its unit: 500MB?")


def test_the_configs_number_written_bare_in_toml_is_refused(tmp_path: Path) -> None:
    """`max_size = 500` (no quotes) was 500 bytes, though `"500"` was refused: the next cron
    `sync -q` evicted 158 of 160 cached articles without a word (acc38b K3). Both are refused
    now, naming the setting, its unit offered in quotes; `refresh_interval = 30` likewise."""
    path = tmp_path / "config.toml"
    for text, said in (
        (
            "[cache]\nmax_size = 500\n",
            'cache.max_size = 500 needs its unit, in quotes: max_size = "500MB"?',
        ),
        ('[cache]\nmax_size = "500"\n', "'500' needs its unit: 500MB?"),
        ("[cache]\nmax_size = 5e8\n", 'max_size = "500000000MB"?'),
        ("[feeds]\nrefresh_interval = 30\n", 'refresh_interval = "30min"? (s for seconds)'),
    ):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ValueError, match=re.escape(said)):
            load_config(path)
    path.write_text('[cache]\nmax_size = "500B"\n', encoding="utf-8")
    assert load_config(path).cache_max_bytes == 500


def test_a_bare_max_size_evicts_nothing(
    synced_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _state(synced_dir, capsys)
    config = tmp_path / "bare.toml"
    config.write_text("[cache]\nmax_size = 500\n", encoding="utf-8")
    assert main(["--data-dir", str(synced_dir), "--config", str(config), "sync", "-q"]) != 0
    assert "cache.max_size = 500 needs its unit" in capsys.readouterr().err
    assert _state(synced_dir, capsys) == before


@pytest.mark.parametrize(
    ("setting", "said"),
    [
        ("total_timeout = nan", "network.total_timeout must be a finite number, not nan"),
        ("read_timeout = inf", "network.read_timeout must be a finite number, not inf"),
        ("per_host = 1.5", "network.per_host must be a whole number, not 1.5"),
    ],
)
def test_a_network_limit_that_is_no_number_is_refused(
    tmp_path: Path, setting: str, said: str
) -> None:
    """TOML's nan and inf passed the check (nan then made every fetch "did not answer in
    time"), and a connection count of 1.5 was cut to 1 without a word (acc38b K8)."""
    path = tmp_path / "config.toml"
    path.write_text(f"[network]\n{setting}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(said)):
        load_config(path)


def _state(directory: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, list[str]]:
    """What `reader cache` says of the articles, and the unread headlines' ids."""
    capsys.readouterr()
    assert main(["--data-dir", str(directory), "cache"]) == 0
    articles = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("articles"))
    assert main(["--data-dir", str(directory), "list", "--unread", "--ids"]) == 0
    return articles, capsys.readouterr().out.split()


@pytest.mark.parametrize(
    "argv",
    [
        ["cache", "prune", "--older-than", "30"],
        ["cache", "prune", "--headlines-older-than", "180"],
        ["mark-read", "--before", "7"],
        ["list", "--since", "30"],
    ],
)
def test_an_age_without_its_unit_is_refused(
    synced_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """`--older-than 30` (30 days meant) was 30 seconds and evicted every article; `--before 7`
    marked every headline read (acc31a F13). Refused in one line, nothing changed."""
    before = _state(synced_dir, capsys)
    assert main(["--data-dir", str(synced_dir), *argv]) == 2
    said = capsys.readouterr().err.strip()
    number = argv[-1]
    assert f"'{number}' needs its unit: {number}d? (or min for minutes, h, w, mo, y; s" in said
    assert "\n" not in said
    assert _state(synced_dir, capsys) == before


def test_a_year_alone_is_its_first_day(
    synced_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--since 2025` was 2,025 seconds ago: no headline listed."""
    capsys.readouterr()
    assert main(["--data-dir", str(synced_dir), "list", "--since", "2025", "--ids"]) == 0
    assert len(capsys.readouterr().out.split()) == 28


@pytest.mark.parametrize(
    "argv",
    [
        ["cache", "prune", "--older-than", "3m"],
        ["cache", "prune", "--headlines-older-than", "3m"],
        ["mark-read", "--before", "3m"],
        ["list", "--since", "3m"],
    ],
)
def test_an_m_alone_is_refused_as_minutes_or_months(
    synced_dir: Path, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    """`--older-than 3m` was 3 minutes where 3 months was meant: every article not opened in
    the last 3 minutes would go (acc31a F13). One line says which to write; nothing changed."""
    before = _state(synced_dir, capsys)
    assert main(["--data-dir", str(synced_dir), *argv]) == 2
    said = capsys.readouterr().err.strip()
    assert said == "reader: '3m' is minutes or months: say 3min or 3mo"
    assert _state(synced_dir, capsys) == before


def test_minutes_and_months_are_written_out() -> None:
    assert parse_duration("90min") == parse_duration("90 minutes") == 90 * 60
    assert parse_duration("3mo") == parse_duration("3 months") == 90 * 86400
    assert parse_duration("1 month") == parse_duration("30d")
    assert parse_duration("2 weeks") == parse_duration("14 days") == parse_duration("2w")
    assert parse_duration("1y") == parse_duration("1 year") == 365 * 86400
    assert parse_duration("3M", m_is_minutes=True) == 180  # how often to refresh: never months
    with pytest.raises(ValueError, match="not a duration"):
        parse_duration("2 fortnights")


def test_the_configs_age_takes_no_m_alone_but_its_interval_does(tmp_path: Path) -> None:
    """drop_read_after is an age, "6m" either; refresh_interval = "30m" (the README's
    example) is how often, minutes."""
    path = tmp_path / "config.toml"
    path.write_text('[feeds]\ndrop_read_after = "6m"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="drop_read_after: '6m' is minutes or months: say 6min"):
        load_config(path)
    path.write_text('[feeds]\ndrop_read_after = "6mo"\nrefresh_interval = "30m"\n', "utf-8")
    config = load_config(path)
    assert (config.drop_read_after, config.refresh_interval) == (180 * 86400, 1800)


def test_the_refresh_intervals_error_names_it_and_offers_minutes(tmp_path: Path) -> None:
    """`refresh_interval = "30"` said "'30' needs its unit: 30d?", naming no setting, and days
    for how often to refresh (acc32a A10)."""
    path = tmp_path / "config.toml"
    path.write_text('[feeds]\nrefresh_interval = "30"\n', encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        load_config(path)
    assert str(caught.value).endswith(
        ": feeds.refresh_interval: '30' needs its unit: 30min? (or s for seconds, h for hours)"
    )
    path.write_text('[feeds]\nrefresh_interval = "often"\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"toml: feeds\.refresh_interval: not a duration"):
        load_config(path)
