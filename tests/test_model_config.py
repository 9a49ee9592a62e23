"""Domain model invariants, settings sources and the CLI's manners."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from chanrac.config import Settings
from chanrac.model import Action, Category, Signal, Verdict, new_tracking_code, normalise_tracking_code


def test_tracking_codes_are_unique_and_self_checking() -> None:
    codes = {new_tracking_code() for _ in range(5000)}
    assert len(codes) == 5000
    for code in list(codes)[:200]:
        assert normalise_tracking_code(code) == code
        assert normalise_tracking_code(code.lower()) == code
        assert normalise_tracking_code(f"{code[:5]}-{code[5:]}") == code
        assert normalise_tracking_code(code[:-1] + ("A" if code[-1] != "A" else "B")) is None


@given(st.text(max_size=20))
def test_tracking_code_parser_never_raises(text: str) -> None:
    result = normalise_tracking_code(text)
    assert result is None or normalise_tracking_code(result) == result


def test_verdict_explains_itself_in_one_line() -> None:
    verdict = Verdict(
        score=7.5,
        label="spam",
        category=Category.LOAN,
        action=Action.BLOCK,
        signals=(Signal("MODEL_SPAM", 4.0, "p=0.98"), Signal("LOAN_KEYWORDS", 3.5, "vay nhanh, giai ngan")),
    )
    line = verdict.explain()
    assert "\n" not in line
    assert line.startswith("block loan score=7.50")
    assert "MODEL_SPAM=+4.00 (p=0.98)" in line and "LOAN_KEYWORDS" in line


def test_settings_from_file_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "chanrac.toml"
    config.write_text('database_url = "sqlite:///from-file.db"\nport = 9000\n', encoding="utf-8")
    monkeypatch.setenv("CHANRAC_CONFIG", str(config))
    assert Settings().database_url == "sqlite:///from-file.db"
    monkeypatch.setenv("CHANRAC_PORT", "9100")
    assert Settings().port == 9100  # the environment wins over the file
    config.write_text("port = [", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid TOML"):
        Settings()


def run_cli(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", "from chanrac.cli import main; main()", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **env},
    )


def test_cli_help_everywhere() -> None:
    for args in ((), ("--help",), ("db", "--help"), ("import", "reports", "--help"), ("serve", "--help")):
        result = run_cli(*args)
        assert "Usage" in result.stdout + result.stderr, args


def test_cli_bad_configuration_is_one_line(tmp_path: Path) -> None:
    result = run_cli("db", "upgrade", CHANRAC_DATABASE_URL="mysql://x@y/z")
    assert result.returncode == 2 and "unsupported database" in result.stderr
    assert "Traceback" not in result.stderr
    result = run_cli("db", "upgrade", CHANRAC_PORT="eighty")
    assert result.returncode == 2 and "port" in result.stderr and "Traceback" not in result.stderr
    ok = run_cli("db", "upgrade", CHANRAC_DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    assert ok.returncode == 0, ok.stderr
    assert run_cli("db", "current", CHANRAC_DATABASE_URL=f"sqlite:///{tmp_path}/x.db").stdout.strip()
