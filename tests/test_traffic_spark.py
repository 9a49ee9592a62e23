"""One definition, two engines: Spark (local mode) finds exactly the suspects DuckDB finds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chanrac.traffic.engines import DuckDBEngine, SparkEngine, TrafficInputError, TrafficInputs, detect
from chanrac.traffic.params import TrafficParams
from chanrac.traffic.simulate import SimulationConfig, simulate

pytestmark = pytest.mark.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    pytest.importorskip("pyspark")
    from chanrac.traffic.engines import spark_session

    session = spark_session("local[2]", shuffle_partitions=4)
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("spark-network")
    simulate(SimulationConfig(subscribers=1_000, days=2, seed=5, boxes=2, mass_senders=6, batches=4), out)
    return out


def test_spark_and_duckdb_give_the_same_suspects(network: Path, spark: Any) -> None:
    args = (network / "events", network / "subscribers.parquet", network / "cells.parquet")
    on_duckdb = detect(*args, engine=DuckDBEngine())
    on_spark = detect(*args, engine=SparkEngine(session=spark))
    kinds = {s.kind.value for s in on_duckdb}
    assert kinds == {"mass_sender", "sim_box", "pre_activated"}  # every detector has something to agree on
    assert on_spark == on_duckdb  # same SIMs, kinds, groups, scores, signals and evidence


def test_spark_rejects_a_missing_column(tmp_path: Path, spark: Any) -> None:
    file = tmp_path / "day.csv"
    file.write_text("ts,event,a_number\n2026-11-02 08:00:00,sms,0912345678\n", encoding="utf-8")
    with pytest.raises(TrafficInputError, match="column 'b_number' is missing"):
        SparkEngine(session=spark).run(TrafficInputs.from_paths(file), TrafficParams())
