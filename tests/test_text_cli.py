"""``chanrac text`` commands, run through Typer's runner against the real functions."""

from __future__ import annotations

import json
from typing import Any

from typer.testing import CliRunner

from chanrac.cli.text import app

runner = CliRunner()


def _lines(output: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_normalize_prints_the_views() -> None:
    result = runner.invoke(app, ["normalize", "v4y t1en nh4nh, ko can the chap"])
    assert result.exit_code == 0, result.output
    (record,) = _lines(result.stdout)
    assert record["canonical"] == "vay tien nhanh, khong can the chap"
    assert record["obfuscation"] == ["leet", "teencode"]


def test_indicators_flag_lookalike_and_shortener() -> None:
    result = runner.invoke(app, ["indicators", "Xac thuc tai vcb-digibank.top hoac bit.ly/x, goi 0912 345 678"])
    assert result.exit_code == 0, result.output
    (record,) = _lines(result.stdout)
    by_value = {i["value"]: i for i in record["indicators"]}
    assert by_value["vcb-digibank.top"]["lookalike_of"] == "Vietcombank"
    assert by_value["vcb-digibank.top"]["cheap_tld"] is True
    assert by_value["bit.ly"]["shortener"] is True
    assert by_value["+84912345678"]["raw"] == "0912 345 678"


def test_stdin_gives_one_line_per_message() -> None:
    result = runner.invoke(app, ["normalize", "-"], input="Đăng ký\nvaaaay\n")
    assert [r["canonical"] for r in _lines(result.stdout)] == ["dang ky", "vay"]


def test_obfuscate_is_seeded_and_checks_its_options() -> None:
    first = runner.invoke(app, ["obfuscate", "Vay tiền nhanh", "--seed", "3", "--rate", "1"])
    second = runner.invoke(app, ["obfuscate", "Vay tiền nhanh", "--seed", "3", "--rate", "1"])
    assert first.exit_code == 0 and first.stdout == second.stdout
    assert _lines(first.stdout)[0]["obfuscated"] != "Vay tiền nhanh"
    bad = runner.invoke(app, ["obfuscate", "x", "--trick", "rot13"])
    assert bad.exit_code == 2
    assert "unknown trick 'rot13'" in bad.output
    assert "Traceback" not in bad.output
