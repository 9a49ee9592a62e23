"""``chanrac classify | eval`` on real files in every format (the lead mounts them at top level)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from typer.testing import CliRunner

from chanrac.cli.detect import app

runner = CliRunner()
ROWS = [
    {"id": "1", "text": "Vay tiền nhanh chỉ cần CCCD, giải ngân trong ngày, không thẩm định", "sender": "0912345678"},
    {"id": "2", "text": "Tối nay con về ăn cơm nhé mẹ", "sender": ""},
    {"id": "3", "text": "Nhà cái uy tín, nạp đầu tặng 100%, nổ hũ đổi thưởng", "sender": "not a sender !!"},
]


def _write_csv(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_classify_csv_keeps_columns_and_adds_the_verdict(tmp_path: Path) -> None:
    source, target = tmp_path / "in.csv", tmp_path / "out.csv"
    _write_csv(source, ROWS)
    result = runner.invoke(app, ["classify", str(source), "-o", str(target), "--batch-size", "2"])
    assert result.exit_code == 0, result.output
    out = list(csv.DictReader(target.open(encoding="utf-8")))
    assert [r["id"] for r in out] == ["1", "2", "3"]
    assert [r["label"] for r in out] == ["spam", "ham", "spam"]
    assert [r["category"] for r in out] == ["loan", "ham", "gambling"]
    signals = json.loads(out[0]["signals"])
    assert signals[0]["name"] == "model.spam" and "score" in signals[0]


def test_classify_jsonl_to_parquet_and_back(tmp_path: Path) -> None:
    source, middle, target = tmp_path / "in.jsonl", tmp_path / "mid.parquet", tmp_path / "out.jsonl"
    source.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in ROWS) + "\n", encoding="utf-8")
    assert runner.invoke(app, ["classify", str(source), "-o", str(middle)]).exit_code == 0
    table = pq.read_table(middle)
    assert table.column_names == ["id", "text", "sender", "label", "score", "category", "action", "signals"]
    pq.write_table(pa.Table.from_pylist(table.to_pylist()), tmp_path / "again.parquet")
    result = runner.invoke(app, ["classify", str(tmp_path / "again.parquet"), "-o", str(target)])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["label"] for line in lines] == ["spam", "ham", "spam"]


def test_classify_refuses_bad_input_with_one_line(tmp_path: Path) -> None:
    no_text = tmp_path / "no_text.csv"
    _write_csv(no_text, [{"id": "1", "body": "x"}])
    result = runner.invoke(app, ["classify", str(no_text), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 2 and "no `text` column" in result.output
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"text": "ok"}\n{"text": \n', encoding="utf-8")
    result = runner.invoke(app, ["classify", str(broken), "-o", str(tmp_path / "o.jsonl")])
    assert result.exit_code == 2 and "broken.jsonl:2" in result.output
    result = runner.invoke(app, ["classify", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "o.csv")])
    assert result.exit_code == 2 and "no such file" in result.output
    result = runner.invoke(app, ["classify", str(no_text), "-o", str(tmp_path / "o.xlsx")])
    assert result.exit_code == 2 and "unknown format" in result.output


def test_eval_reports_quality_as_json(tmp_path: Path) -> None:
    labelled = tmp_path / "labelled.csv"
    _write_csv(
        labelled,
        [
            {"text": ROWS[0]["text"], "label": "spam", "category": "loan"},
            {"text": ROWS[1]["text"], "label": "ham", "category": ""},
            {"text": ROWS[2]["text"], "label": "spam", "category": "gambling"},
            {"text": "Mã OTP của bạn là 123456", "label": "ham", "category": "ham"},
        ],
    )
    result = runner.invoke(app, ["eval", str(labelled), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["f1"] == 1.0 and report["false_positive_rate"] == 0.0
    assert report["category_f1"]["loan"] == 1.0
    assert report["confusion"]["gambling"] == {"gambling": 1}
    table = runner.invoke(app, ["eval", str(labelled)])
    assert table.exit_code == 0 and "confusion" in table.output


def test_eval_names_the_bad_line(tmp_path: Path) -> None:
    labelled = tmp_path / "bad.csv"
    _write_csv(labelled, [{"text": "x", "label": "spam"}, {"text": "y", "label": "maybe"}])
    result = runner.invoke(app, ["eval", str(labelled)])
    assert result.exit_code == 2 and "bad.csv:3" in result.output
