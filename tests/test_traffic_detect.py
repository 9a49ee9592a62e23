"""Traffic detectors on DuckDB over a simulated hard network: quality, evidence, inputs, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from chanrac.cli.traffic import app as traffic_app
from chanrac.model import SuspectKind
from chanrac.traffic.engines import DuckDBEngine, TrafficInputError, TrafficInputs, detect
from chanrac.traffic.evaluate import evaluate
from chanrac.traffic.io import read_suspects, write_suspects
from chanrac.traffic.params import TrafficParams, strictest_window_limits
from chanrac.traffic.simulate import SimulationConfig, simulate


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("network")
    simulate(SimulationConfig(subscribers=4_000, days=3, seed=11), out)
    return out


@pytest.fixture(scope="module")
def suspects(network: Path) -> list:  # type: ignore[type-arg]
    return detect(network / "events", network / "subscribers.parquet", network / "cells.parquet")


def test_quality_on_the_hard_simulation(network: Path, suspects: list) -> None:  # type: ignore[type-arg]
    result = evaluate(suspects, pq.read_table(network / "truth.parquet").to_pylist())
    for kind in result.kinds:
        assert kind.truth > 0, kind
        assert kind.precision >= 0.95, kind
        assert kind.recall >= 0.95, kind
    assert result.boxes >= 4
    assert result.box_group_recall >= 0.9


def test_legitimate_heavy_users_are_not_flagged(network: Path, suspects: list) -> None:  # type: ignore[type-arg]
    roles = {r["msisdn"]: r["role"] for r in pq.read_table(network / "roles.parquet").to_pylist()}
    heavy = {m for m, role in roles.items() if role in ("shop", "group_chat", "driver")}
    assert len(heavy) >= 20
    flagged = {s.msisdn for s in suspects if s.kind is not SuspectKind.PRE_ACTIVATED}
    assert not heavy & flagged


def test_every_suspect_carries_readable_evidence(suspects: list) -> None:  # type: ignore[type-arg]
    for suspect in suspects:
        assert suspect.msisdn.startswith("+84") and len(suspect.msisdn) == 12
        assert suspect.signals and all(s.detail for s in suspect.signals)
        assert suspect.score == pytest.approx(sum(s.score for s in suspect.signals))
        assert suspect.first_seen is not None and suspect.last_seen is not None
        assert suspect.first_seen <= suspect.last_seen
    boxes = [s for s in suspects if s.kind is SuspectKind.SIM_BOX]
    assert all(any(sig.name == "SIM_BOX_GROUP" for sig in s.signals) for s in boxes)


def test_thresholds_come_from_the_law() -> None:
    assert strictest_window_limits() == ((300, 3), (3600, 10), (86400, 100))
    assert TrafficParams().numbers_per_id == 3
    with pytest.raises(ValueError, match="min_sms"):
        TrafficParams(min_sms=-1)


def test_allow_listed_numbers_are_never_suspects(network: Path, suspects: list) -> None:  # type: ignore[type-arg]
    mass = next(s for s in suspects if s.kind is SuspectKind.MASS_SENDER)
    national = "0" + mass.msisdn[3:]  # written as people write it
    again = detect(network / "events", engine=DuckDBEngine(), params=TrafficParams(allow_list=frozenset({national})))
    assert mass.msisdn not in {s.msisdn for s in again}
    assert any(s.kind is SuspectKind.MASS_SENDER for s in again)


def test_csv_inputs_in_other_written_forms_give_the_same_suspects(
    network: Path,
    suspects: list,
    tmp_path: Path,  # type: ignore[type-arg]
) -> None:
    """Numbers written differently in each file (0…, +84…, 84…) and times as local text."""
    events = pq.read_table(network / "events")
    local = events.column("ts").cast(pa.timestamp("s", tz="Asia/Ho_Chi_Minh"))
    texts = pa.array([t.strftime("%Y-%m-%d %H:%M:%S") for t in local.to_pylist()])
    events = events.set_column(0, "ts", texts)
    a = events.column("a_number").to_pylist()
    events = events.set_column(2, "a_number", pa.array(["0" + x[2:] if x.startswith("84") else x for x in a]))
    (tmp_path / "events").mkdir()
    pa_csv.write_csv(events, tmp_path / "events" / "all.csv")
    subscribers = pq.read_table(network / "subscribers.parquet")
    msisdn = subscribers.column("msisdn").to_pylist()
    subscribers = subscribers.set_column(0, "msisdn", pa.array([x[1:] for x in msisdn]))  # 84… form
    pq.write_table(subscribers, tmp_path / "subscribers.parquet")
    again = detect(tmp_path / "events", tmp_path / "subscribers.parquet", network / "cells.parquet")
    assert [(s.msisdn, s.kind, s.group_id) for s in again] == [(s.msisdn, s.kind, s.group_id) for s in suspects]


def _events_csv(path: Path, rows: list[str], header: str = "ts,event,a_number,b_number,imsi,imei,cell_id") -> Path:
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


GOOD = "2026-11-02 08:00:00,sms,0912345678,0987654321,452041234567890,356938035643809,C1"


@pytest.mark.parametrize(
    ("rows", "header", "message"),
    [
        ([GOOD], "ts,event,a_number,b_number,imsi,imei", "column 'cell_id' is missing"),
        ([GOOD, GOOD.replace("2026-11-02 08:00:00", "2026-13-45 25:00")], None, "column 'ts', line 3: '2026-13-45"),
        ([GOOD, GOOD, GOOD.replace(",sms,", ",mms,")], None, "column 'event', line 4: 'mms' is not one of sms, call"),
        ([GOOD.replace("0912345678", "")], None, "column 'a_number', line 2: empty is empty"),
    ],
)
def test_bad_files_are_rejected_naming_file_column_and_row(
    tmp_path: Path, rows: list[str], header: str | None, message: str
) -> None:
    file = _events_csv(tmp_path / "day.csv", rows, *([header] if header else []))
    with pytest.raises(TrafficInputError, match=r"day\.csv") as caught:
        DuckDBEngine().run(TrafficInputs.from_paths(file), TrafficParams())
    assert message in str(caught.value)


def test_wrong_column_type_is_rejected(tmp_path: Path) -> None:
    table = pa.table({c: pa.array(["x"]) for c in ("event", "a_number", "b_number", "imsi", "imei", "cell_id")})
    table = table.append_column("ts", pa.array([1.5]))
    pq.write_table(table, tmp_path / "day.parquet")
    with pytest.raises(TrafficInputError, match=r"day.parquet: column 'ts' has type DOUBLE, expected a timestamp"):
        DuckDBEngine().run(TrafficInputs.from_paths(tmp_path / "day.parquet"), TrafficParams())


def test_suspect_files_round_trip(tmp_path: Path, suspects: list) -> None:  # type: ignore[type-arg]
    for name in ("s.parquet", "s.csv"):
        write_suspects(suspects, tmp_path / name)
        assert read_suspects(tmp_path / name) == suspects


def test_cli_detect_and_evaluate(network: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    output = tmp_path / "suspects.csv"
    result = runner.invoke(
        traffic_app,
        ["detect", str(network / "events"), "--subscribers", str(network / "subscribers.parquet"),
         "--cells", str(network / "cells.parquet"), "--allow-list", str(network / "allow_list.csv"), "-o", str(output)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    header = output.read_text(encoding="utf-8").splitlines()[0]
    assert header == '"msisdn","kind","group_id","score","signals","first_seen","last_seen"'
    first = pa_csv.read_csv(output).to_pylist()[0]
    assert json.loads(first["signals"])[0]["name"]
    result = runner.invoke(traffic_app, ["evaluate", str(output), str(network / "truth.parquet")])
    assert result.exit_code == 0 and "boxes found as groups" in result.output


def test_cli_bad_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    file = _events_csv(tmp_path / "day.csv", [GOOD], "ts,event,a_number")
    result = CliRunner().invoke(traffic_app, ["detect", str(file), "-o", str(tmp_path / "out.parquet")])
    assert result.exit_code == 2
    assert "column 'b_number' is missing" in result.output
    assert "Traceback" not in result.output
    result = CliRunner().invoke(traffic_app, ["detect", str(file), "--engine", "oracle", "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "use duckdb or spark" in result.output


def test_simulated_files_look_like_operator_extracts(network: Path) -> None:
    events = pq.read_table(network / "events")
    assert events.column_names[:7] == ["ts", "event", "a_number", "b_number", "imsi", "imei", "cell_id"]
    recipients = events.column("b_number").to_pylist()
    assert any(b.startswith("0") and len(b) == 10 for b in recipients)
    assert any(b.startswith("+84") for b in recipients)
    assert any(b.startswith("01") and len(b) == 11 for b in recipients)  # old 11-digit forms
    hours = [t.hour for t in events.column("ts").to_pylist()[::50]]
    night, evening = sum(h in (2, 3) for h in hours), sum(h in (19, 20) for h in hours)
    assert evening > 3 * night  # diurnal cycle
    subscribers = pq.read_table(network / "subscribers.parquet")
    assert set(subscribers.column("subscription").to_pylist()) == {"prepaid", "postpaid"}
    assert subscribers.column("first_topup_at").null_count > 0
