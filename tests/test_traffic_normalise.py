"""The SQL number normalisation agrees with chanrac.phone.parse_number (property-based, on DuckDB)."""

from __future__ import annotations

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chanrac.phone import InvalidNumber, is_mobile, parse_number
from chanrac.phone.plan import MOBILE_PREFIXES, OLD_TO_NEW_PREFIXES
from chanrac.traffic.normalise import fast_select, normalised_select, operator_case

NEW_TO_OLD = {new: old for old, new in OLD_TO_NEW_PREFIXES.items()}


@pytest.fixture(scope="module")
def con() -> duckdb.DuckDBPyConnection:
    return duckdb.connect()


def sql_numbers(con: duckdb.DuckDBPyConnection, texts: list[str]) -> dict[str, tuple[int | None, int | None]]:
    con.execute("CREATE OR REPLACE TABLE t (x VARCHAR)")
    con.executemany("INSERT INTO t VALUES (?)", [[x] for x in texts])
    slow = dict(con.execute(normalised_select("t", ["x"], {"x": "n"})).fetchall())
    fast = dict(con.execute(fast_select("t", ["x"], {"x": "n"})).fetchall())
    return {x: (slow[x], fast[x]) for x in texts}


def expected(text: str) -> int | None:
    """What the SQL must give: the mobile number parse_number finds, NULL for anything else."""
    try:
        e164 = parse_number(text)
    except InvalidNumber:
        return None
    return int(e164[1:]) if is_mobile(e164) else None


@st.composite
def written_numbers(draw: st.DrawFn) -> str:
    """A mobile number in one of the ways people and switches write it."""
    prefix = draw(st.sampled_from(sorted(MOBILE_PREFIXES)))
    rest = draw(st.text("0123456789", min_size=7, max_size=7))
    national = prefix[1:] + rest
    if prefix in NEW_TO_OLD and draw(st.booleans()):
        national = NEW_TO_OLD[prefix][1:] + rest  # the old 11-digit form
    form = draw(st.sampled_from(["0{}", "84{}", "+84{}", "0084{}", "+84 0{}", "{}", "(+84) {}", "+84-{}"]))
    text = form.format(national)
    separator = draw(st.sampled_from(["", " ", ".", "-"]))
    if separator and draw(st.booleans()):
        head, tail = text[:-7], text[-7:]
        text = head + separator + tail[:3] + separator + tail[3:]
    return text


NOISE = st.text(alphabet="0123456789+ .-()/\tabcxeE_", max_size=20)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(written_numbers(), min_size=1, max_size=100))
def test_sql_agrees_with_parse_number_on_written_numbers(con: duckdb.DuckDBPyConnection, texts: list[str]) -> None:
    for text, (slow, fast) in sql_numbers(con, texts).items():
        want = expected(text)
        assert slow == want, text
        assert fast is None or fast == want, text  # the fast path may defer to the slow one, never disagree


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(NOISE, min_size=1, max_size=100))
def test_sql_agrees_with_parse_number_on_arbitrary_text(con: duckdb.DuckDBPyConnection, texts: list[str]) -> None:
    for text, (slow, fast) in sql_numbers(con, texts).items():
        want = expected(text)
        assert slow == want, text
        assert fast is None or fast == want, text


def test_fast_path_takes_the_forms_switches_write(con: duckdb.DuckDBPyConnection) -> None:
    results = sql_numbers(con, ["0912345678", "84912345678", "+84912345678", "01681234567"])
    assert [fast for _, fast in results.values()] == [84912345678, 84912345678, 84912345678, 84381234567]


def test_operator_case_follows_the_plan(con: duckdb.DuckDBPyConnection) -> None:
    rows = con.execute(f"SELECT {operator_case('n')} FROM (VALUES (84981234567), (84701234567), (8455123)) v(n)")
    assert [r[0] for r in rows.fetchall()] == ["viettel", "mobifone", None]
