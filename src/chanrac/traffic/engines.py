"""Where the SQL of :mod:`chanrac.traffic.sql` runs: DuckDB (embedded, default) or Spark.

An engine only (1) checks and reads the input files into the views ``events_in``,
``subscribers_in``, ``cells_in`` with epoch-second times, (2) materialises each statement, and
(3) collects the small result tables. Bad files are rejected with :class:`TrafficInputError`
naming the file, the column and (DuckDB) the row; nothing is computed from a partly bad input.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from chanrac.config import TIMEZONE
from chanrac.model import Suspect
from chanrac.traffic.detect import suspects_from_features
from chanrac.traffic.params import TrafficParams
from chanrac.traffic.sql import DROP_AFTER, EV_WITHOUT_SLOW_NUMBERS, RESULT_TABLES, REUSED, statements

Progress = Callable[[str], None]

# Column → what it must hold. "time": a timestamp or text in ISO form (Asia/Ho_Chi_Minh unless it
# carries an offset); "text": text or an integer (numbers stored as integers lose a leading 0, which
# the normalisation tolerates); "number": a decimal.
EVENT_COLUMNS = {
    "ts": "time",
    "event": "text",
    "a_number": "text",
    "b_number": "text",
    "imsi": "text",
    "imei": "text",
    "cell_id": "text",
}
EVENT_OPTIONAL = {"duration_s": "number", "operator": "text"}
SUBSCRIBER_COLUMNS = {
    "msisdn": "text",
    "imsi": "text",
    "subscription": "text",
    "activated_at": "time",
    "id_number": "text",
    "dealer_id": "text",
    "province": "text",
    "first_topup_at": "time",
}
CELL_COLUMNS = {"cell_id": "text", "lat": "number", "lon": "number", "province": "text"}
EVENT_KINDS = ("sms", "call")
SUBSCRIPTIONS = ("prepaid", "postpaid")
# first_topup_at is empty for SIMs never topped up; everything else must be present.
NULLABLE = {"first_topup_at", "duration_s", "operator", "imsi", "imei", "cell_id", "b_number"}


class TrafficInputError(ValueError):
    """An input file the detectors cannot use; the message names the file, column and row."""


@dataclass(frozen=True, slots=True)
class TrafficInputs:
    events: tuple[Path, ...]
    subscribers: Path | None = None
    cells: Path | None = None

    @classmethod
    def from_paths(cls, events: Path, subscribers: Path | None = None, cells: Path | None = None) -> TrafficInputs:
        return cls(data_files(events, "events"), subscribers, cells)


def data_files(path: Path, what: str) -> tuple[Path, ...]:
    """One file, or the Parquet/CSV files of a folder (recursively, sorted)."""
    if path.is_file():
        files: list[Path] = [path]
    elif path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and _format(p) is not None)
        if not files:
            raise TrafficInputError(f"{what}: folder {path} holds no .parquet or .csv file")
    else:
        raise TrafficInputError(f"{what}: {path} does not exist")
    for file in files:
        if _format(file) is None:
            raise TrafficInputError(f"{what}: {file} is neither Parquet (.parquet) nor CSV (.csv, .csv.gz)")
    return tuple(files)


def _format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith((".parquet", ".pq")):
        return "parquet"
    if name.endswith((".csv", ".csv.gz")):
        return "csv"
    return None


class Engine(Protocol):
    name: str

    def run(self, inputs: TrafficInputs, params: TrafficParams, progress: Progress | None = None) -> list[Suspect]: ...


def _sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


_INTEGER_TYPES = ("TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT")
_NUMBER_TYPES = (*_INTEGER_TYPES, "FLOAT", "DOUBLE", "REAL")


@dataclass
class DuckDBEngine:
    """DuckDB in one process: ``memory_limit`` caps its memory; it spills to ``workdir`` beyond it."""

    memory_limit: str = "6GB"
    threads: int | None = None
    workdir: Path | None = None
    name: str = "duckdb"
    timings: dict[str, float] = field(default_factory=dict)

    def run(self, inputs: TrafficInputs, params: TrafficParams, progress: Progress | None = None) -> list[Suspect]:
        import time

        import duckdb

        with tempfile.TemporaryDirectory(prefix="chanrac-traffic-", dir=self.workdir) as tmp:
            # In memory, spilling to the temporary folder beyond memory_limit: much faster than a
            # database file, which compresses and writes every intermediate table.
            con = duckdb.connect(":memory:")
            try:
                con.execute(f"SET memory_limit = {_sql_literal(self.memory_limit)}")
                con.execute(f"SET temp_directory = {_sql_literal(str(Path(tmp) / 'spill'))}")
                con.execute(f"SET TimeZone = {_sql_literal(str(TIMEZONE))}")
                con.execute("SET preserve_insertion_order = false")
                if self.threads:
                    con.execute(f"SET threads = {int(self.threads)}")
                started = time.perf_counter()
                self._register_inputs(con, inputs, progress)
                self.timings["validate"] = time.perf_counter() - started
                for name, sql in statements(params):
                    step = time.perf_counter()
                    if progress:
                        progress(name)
                    if name == "ev" and con.execute("SELECT COUNT(*) FROM slow_numbers").fetchone() == (0,):
                        con.execute(f"CREATE VIEW ev AS {EV_WITHOUT_SLOW_NUMBERS}")
                    else:
                        con.execute(f"CREATE OR REPLACE TABLE {name} AS {sql}")
                    self.timings[name] = time.perf_counter() - step
                    for used in DROP_AFTER.get(name, ()):
                        kind = "VIEW" if used == "events_in" else "TABLE"
                        con.execute(f"DROP {kind} IF EXISTS {used}")
                results = {}
                for name in RESULT_TABLES:
                    cursor = con.execute(f"SELECT * FROM {name}")
                    columns = [d[0] for d in cursor.description]
                    results[name] = [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
            finally:
                con.close()
        return suspects_from_features(results["sim_features"], results["box_links"], results["preact_features"], params)

    # --- inputs ---

    def _register_inputs(self, con: Any, inputs: TrafficInputs, progress: Progress | None) -> None:
        parts = []
        for file in inputs.events:
            if progress:
                progress(f"checking {file.name}")
            relation, types = self._checked(con, file, EVENT_COLUMNS, EVENT_OPTIONAL, "events")
            parts.append(
                f"SELECT {self._epoch('ts', types)} AS t, lower(trim(CAST(event AS VARCHAR))) AS event_kind, "
                + ", ".join(f"CAST({c} AS VARCHAR) AS {c}" for c in ("a_number", "b_number", "imsi", "imei", "cell_id"))
                + f" FROM {relation}"
            )
        con.execute("CREATE VIEW events_in AS " + " UNION ALL ".join(parts))
        if inputs.subscribers is not None:
            relation, types = self._checked(con, inputs.subscribers, SUBSCRIBER_COLUMNS, {}, "subscribers")
            con.execute(
                "CREATE TABLE subscribers_in AS SELECT CAST(msisdn AS VARCHAR) AS msisdn, "
                "lower(trim(CAST(subscription AS VARCHAR))) AS subscription, "
                f"{self._epoch('activated_at', types)} AS activated_t, CAST(id_number AS VARCHAR) AS id_number, "
                "CAST(dealer_id AS VARCHAR) AS dealer_id, CAST(province AS VARCHAR) AS province, "
                f"{self._epoch('first_topup_at', types)} AS first_topup_t FROM {relation}"
            )
        else:
            con.execute(
                "CREATE TABLE subscribers_in (msisdn VARCHAR, subscription VARCHAR, activated_t BIGINT, "
                "id_number VARCHAR, dealer_id VARCHAR, province VARCHAR, first_topup_t BIGINT)"
            )
        if inputs.cells is not None:
            relation, _ = self._checked(con, inputs.cells, CELL_COLUMNS, {}, "cells")
            con.execute(
                "CREATE TABLE cells_in AS SELECT CAST(cell_id AS VARCHAR) AS cell_id, "
                f"CAST(province AS VARCHAR) AS province FROM {relation}"
            )
        else:
            con.execute("CREATE TABLE cells_in (cell_id VARCHAR, province VARCHAR)")

    @staticmethod
    def _epoch(column: str, types: dict[str, str]) -> str:
        if types[column] == "VARCHAR":
            return f"CAST(epoch(TRY_CAST({column} AS TIMESTAMPTZ)) AS BIGINT)"
        return f"CAST(epoch(CAST({column} AS TIMESTAMPTZ)) AS BIGINT)"

    def _checked(
        self,
        con: Any,
        file: Path,
        required: dict[str, str],
        optional: dict[str, str],
        what: str,
    ) -> tuple[str, dict[str, str]]:
        """A relation reading ``file`` after checking its columns, their types and every row."""
        fmt = _format(file)
        path = _sql_literal(str(file))
        if fmt == "parquet":
            relation = f"read_parquet({path}, file_row_number = true)"
            row_expr = "file_row_number + 1"
            row_word = "row"
        else:
            _check_csv_header(file, required, what)
            relation = f"read_csv({path}, header = true, all_varchar = true, delim = ',', skip = 0)"
            row_expr = "ROW_NUMBER() OVER () + 1"
            row_word = "line"
        try:
            described = con.execute(f"DESCRIBE SELECT * FROM {relation}").fetchall()
        except Exception as exc:
            first = str(exc).splitlines()[0]
            raise TrafficInputError(f"{what} file {file}: cannot be read ({first})") from None
        types = {str(name).lower(): str(kind).upper() for name, kind, *_ in described}
        names = {str(name).lower(): str(name) for name, *_ in described}
        for column in required:
            if column not in types:
                raise TrafficInputError(
                    f"{what} file {file}: column {column!r} is missing (found: {', '.join(sorted(names))})"
                )
        expected = {**required, **{c: k for c, k in optional.items() if c in types}}
        for column, kind in expected.items():
            found = types[column]
            ok = (
                (kind == "time" and (found.startswith("TIMESTAMP") or found in ("DATE", "VARCHAR")))
                or (kind == "text" and (found == "VARCHAR" or found in _INTEGER_TYPES))
                or (kind == "number" and (found in _NUMBER_TYPES or found.startswith("DECIMAL") or found == "VARCHAR"))
            )
            if not ok:
                wanted = {"time": "a timestamp", "text": "text or an integer", "number": "a number"}[kind]
                raise TrafficInputError(f"{what} file {file}: column {column!r} has type {found}, expected {wanted}")
        checks = []
        for column, kind in expected.items():
            col = names[column]
            nullable = column in NULLABLE
            missing = "" if nullable else f"{col} IS NULL OR "
            if kind == "time":
                bad = f"{missing}({col} IS NOT NULL AND TRY_CAST({col} AS TIMESTAMPTZ) IS NULL)"
                reason = "is not a time (expected e.g. 2026-11-02 08:15:00, Asia/Ho_Chi_Minh)"
            elif kind == "number":
                bad = f"{missing}({col} IS NOT NULL AND TRY_CAST({col} AS DOUBLE) IS NULL)"
                reason = "is not a number"
            elif column == "event":
                bad = f"{missing}lower(trim(CAST({col} AS VARCHAR))) NOT IN {EVENT_KINDS}"
                reason = f"is not one of {', '.join(EVENT_KINDS)}"
            elif column == "subscription":
                bad = f"{missing}lower(trim(CAST({col} AS VARCHAR))) NOT IN {SUBSCRIPTIONS}"
                reason = f"is not one of {', '.join(SUBSCRIPTIONS)}"
            elif not nullable:
                bad = f"{col} IS NULL OR trim(CAST({col} AS VARCHAR)) = ''"
                reason = "is empty"
            else:
                continue
            checks.append((column, bad, reason))
        if checks:
            selects = ", ".join(
                f"MIN(CASE WHEN {bad} THEN row_no END) AS bad_{i}" for i, (_, bad, _) in enumerate(checks)
            )
            inner = f"SELECT *, {row_expr} AS row_no FROM {relation}"
            first_bad = con.execute(f"SELECT {selects} FROM ({inner}) AS checked").fetchone()
            found_bad = [(row, check) for row, check in zip(first_bad, checks, strict=True) if row is not None]
            if found_bad:
                row, (column, _, reason) = min(found_bad, key=lambda item: item[0])
                value = con.execute(
                    f"SELECT CAST({names[column]} AS VARCHAR) FROM ({inner}) AS checked WHERE row_no = {int(row)}"
                ).fetchone()
                shown = "empty" if value is None or value[0] is None else repr(value[0])
                raise TrafficInputError(f"{what} file {file}: column {column!r}, {row_word} {row}: {shown} {reason}")
        return relation, types


def _check_csv_header(file: Path, required: dict[str, str], what: str) -> None:
    """Name a missing column from the header line itself, before any sniffing guesses the layout."""
    import csv
    import gzip

    opener = gzip.open if file.name.lower().endswith(".gz") else open
    try:
        with opener(file, "rt", encoding="utf-8", newline="") as handle:
            header = next(csv.reader(handle), [])
    except (OSError, UnicodeDecodeError) as exc:
        raise TrafficInputError(f"{what} file {file}: cannot be read ({exc})") from None
    present = {name.strip().lower() for name in header}
    for column in required:
        if column not in present:
            raise TrafficInputError(
                f"{what} file {file}: column {column!r} is missing from the header line "
                f"(found: {', '.join(h.strip() for h in header) or 'nothing'})"
            )


@dataclass
class SparkEngine:
    """Apache Spark: ``local[2]`` by default; pass ``master`` (or a ready ``session``) for a cluster."""

    master: str = "local[2]"
    shuffle_partitions: int = 4
    session: Any = None
    name: str = "spark"
    timings: dict[str, float] = field(default_factory=dict)

    def spark(self) -> Any:
        if self.session is None:
            self.session = spark_session(self.master, self.shuffle_partitions)
        return self.session

    def run(self, inputs: TrafficInputs, params: TrafficParams, progress: Progress | None = None) -> list[Suspect]:
        import time

        spark = self.spark()
        cached = []
        try:
            started = time.perf_counter()
            self._register_inputs(spark, inputs)
            self.timings["validate"] = time.perf_counter() - started
            for name, sql in statements(params):
                if progress:
                    progress(name)
                step = time.perf_counter()
                if name == "ev" and spark.table("slow_numbers").count() == 0:
                    sql = EV_WITHOUT_SLOW_NUMBERS
                frame = spark.sql(sql)
                if name in REUSED:
                    frame = frame.persist()
                    cached.append(frame)
                frame.createOrReplaceTempView(name)
                self.timings[name] = time.perf_counter() - step
            results = {name: [row.asDict() for row in spark.table(name).collect()] for name in RESULT_TABLES}
        finally:
            for frame in cached:
                frame.unpersist()
        return suspects_from_features(results["sim_features"], results["box_links"], results["preact_features"], params)

    def _read(self, spark: Any, files: Sequence[Path], required: dict[str, str], what: str) -> Any:
        kinds = {_format(f) for f in files}
        if len(kinds) > 1:
            raise TrafficInputError(f"{what}: mixing Parquet and CSV files is not supported on Spark")
        paths = [str(f) for f in files]
        try:
            reader = spark.read
            frame = reader.parquet(*paths) if kinds == {"parquet"} else reader.option("header", True).csv(paths)
        except Exception as exc:
            raise TrafficInputError(f"{what}: cannot read {paths[0]}…: {str(exc).splitlines()[0]}") from None
        present = {f.name.lower(): f for f in frame.schema.fields}
        for column, kind in required.items():
            if column not in present:
                raise TrafficInputError(f"{what} file(s) {paths[0]}…: column {column!r} is missing")
            type_name = present[column].dataType.typeName()
            ok = (
                (kind == "time" and type_name in ("timestamp", "timestamp_ntz", "date", "string"))
                or (kind == "text" and type_name in ("string", "integer", "long", "short", "byte"))
                or (kind == "number" and type_name in ("integer", "long", "double", "float", "decimal", "string"))
            )
            if not ok:
                raise TrafficInputError(f"{what} file(s) {paths[0]}…: column {column!r} has type {type_name}")
        return frame

    def _check_times(self, spark: Any, view: str, columns: dict[str, str], what: str) -> None:
        for column in columns:
            nullable = "" if column not in NULLABLE else f"{column} IS NOT NULL AND "
            bad = spark.sql(
                f"SELECT input_file_name() AS file, CAST({column} AS STRING) AS value FROM {view} "
                f"WHERE {nullable}try_cast({column} AS TIMESTAMP) IS NULL LIMIT 1"
            ).collect()
            if bad:
                raise TrafficInputError(
                    f"{what} file {bad[0]['file']}: column {column!r}: {bad[0]['value']!r} is not a time"
                )

    def _register_inputs(self, spark: Any, inputs: TrafficInputs) -> None:
        events = self._read(spark, inputs.events, EVENT_COLUMNS, "events")
        events.createOrReplaceTempView("events_raw")
        self._check_times(spark, "events_raw", {"ts": "time"}, "events")
        bad = spark.sql(
            "SELECT input_file_name() AS file, CAST(event AS STRING) AS value FROM events_raw "
            f"WHERE event IS NULL OR lower(trim(event)) NOT IN {EVENT_KINDS} LIMIT 1"
        ).collect()
        if bad:
            raise TrafficInputError(
                f"events file {bad[0]['file']}: column 'event': {bad[0]['value']!r} is not sms/call"
            )
        spark.sql(
            "SELECT CAST(unix_timestamp(CAST(ts AS TIMESTAMP)) AS BIGINT) AS t, lower(trim(event)) AS event_kind, "
            + ", ".join(f"CAST({c} AS STRING) AS {c}" for c in ("a_number", "b_number", "imsi", "imei", "cell_id"))
            + " FROM events_raw"
        ).createOrReplaceTempView("events_in")
        if inputs.subscribers is not None:
            subs = self._read(spark, (inputs.subscribers,), SUBSCRIBER_COLUMNS, "subscribers")
            subs.createOrReplaceTempView("subscribers_raw")
            self._check_times(
                spark, "subscribers_raw", {"activated_at": "time", "first_topup_at": "time"}, "subscribers"
            )
            spark.sql(
                "SELECT CAST(msisdn AS STRING) AS msisdn, lower(trim(subscription)) AS subscription, "
                "CAST(unix_timestamp(CAST(activated_at AS TIMESTAMP)) AS BIGINT) AS activated_t, "
                "CAST(id_number AS STRING) AS id_number, CAST(dealer_id AS STRING) AS dealer_id, "
                "CAST(province AS STRING) AS province, "
                "CAST(unix_timestamp(CAST(first_topup_at AS TIMESTAMP)) AS BIGINT) AS first_topup_t "
                "FROM subscribers_raw"
            ).createOrReplaceTempView("subscribers_in")
        else:
            spark.sql(
                "SELECT CAST(NULL AS STRING) AS msisdn, CAST(NULL AS STRING) AS subscription, "
                "CAST(NULL AS BIGINT) AS activated_t, CAST(NULL AS STRING) AS id_number, "
                "CAST(NULL AS STRING) AS dealer_id, CAST(NULL AS STRING) AS province, "
                "CAST(NULL AS BIGINT) AS first_topup_t WHERE 1 = 0"
            ).createOrReplaceTempView("subscribers_in")
        if inputs.cells is not None:
            cells = self._read(spark, (inputs.cells,), CELL_COLUMNS, "cells")
            cells.createOrReplaceTempView("cells_raw")
            spark.sql(
                "SELECT CAST(cell_id AS STRING) AS cell_id, CAST(province AS STRING) AS province FROM cells_raw"
            ).createOrReplaceTempView("cells_in")
        else:
            spark.sql(
                "SELECT CAST(NULL AS STRING) AS cell_id, CAST(NULL AS STRING) AS province WHERE 1 = 0"
            ).createOrReplaceTempView("cells_in")


def spark_session(master: str = "local[2]", shuffle_partitions: int = 4) -> Any:
    """A Spark session set for the detectors: Vietnam's time zone, NULL (not errors) on bad casts."""
    from pyspark.sql import SparkSession

    return (
        SparkSession.builder.master(master)
        .appName("chanrac-traffic")
        .config("spark.sql.shuffle.partitions", str(shuffle_partitions))
        .config("spark.sql.session.timeZone", str(TIMEZONE))
        .config("spark.sql.ansi.enabled", "false")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )


def make_engine(name: str, **options: Any) -> Engine:
    if name == "duckdb":
        return DuckDBEngine(**options)
    if name == "spark":
        return SparkEngine(**options)
    raise TrafficInputError(f"unknown engine {name!r}: use duckdb or spark")


def detect(
    events: Path,
    subscribers: Path | None = None,
    cells: Path | None = None,
    *,
    engine: str | Engine = "duckdb",
    params: TrafficParams | None = None,
    progress: Progress | None = None,
) -> list[Suspect]:
    """Run every detector over the files and return the suspects (see :mod:`chanrac.traffic`)."""
    runner = make_engine(engine) if isinstance(engine, str) else engine
    inputs = TrafficInputs.from_paths(events, subscribers, cells)
    return runner.run(inputs, params or TrafficParams(), progress)
