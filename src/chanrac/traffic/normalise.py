"""Phone-number normalisation as SQL, generated from :mod:`chanrac.phone.plan`, for 100 M rows.

Calling :func:`chanrac.phone.parse_number` once per CDR row would take hours; the same rules written
as SQL run vectorised in DuckDB and Spark. The tables (mobile prefixes, the 2018 11→10 digit
conversion) are imported from the plan, never copied, and a property test checks the SQL against
``parse_number``. Traffic analytics only needs Vietnamese *mobile* numbers: the SQL yields the
number as a BIGINT ``84xxxxxxxxx`` (E.164 without ``+``) and NULL for anything else (short codes,
brandnames, fixed lines, foreign numbers, garbage) — those are never subscribers of the analysis.
Only ASCII is handled: full-width digits, which ``parse_number`` folds, do not occur in switch records.
"""

from __future__ import annotations

from chanrac.phone.number import MAX_INPUT_CHARS, VN_COUNTRY_CODE
from chanrac.phone.plan import MOBILE_PREFIXES, OLD_TO_NEW_PREFIXES

# The separators parse_number accepts ("\t" is spliced in with chr(9): both engines have it).
_SEPARATORS_SQL = "concat(' .-()/', chr(9))"


def _quoted(values: list[str]) -> str:
    return ", ".join(f"'{v}'" for v in sorted(values))


def number_layers(column: str, out: str) -> list[str]:
    """Projections for successive SELECT layers turning text ``column`` into BIGINT ``out``.

    The complete rules of ``parse_number`` (separators, brackets, ``00``, a trunk ``0`` after
    ``+84``, old 11-digit numbers). Each string is a comma-separated list of expressions; layer
    *k* uses the aliases of layer *k-1*. Meant for the few distinct texts :func:`fast_number` leaves.
    """
    p = f"_{out}"
    mobile_two = _quoted([prefix[1:] for prefix in MOBILE_PREFIXES])
    leading = _quoted(sorted({prefix[1] for prefix in MOBILE_PREFIXES}))
    old_three = _quoted([old[1:] for old in OLD_TO_NEW_PREFIXES])
    conversion = " ".join(f"WHEN '{old[1:]}' THEN '{new[1:]}'" for old, new in sorted(OLD_TO_NEW_PREFIXES.items()))
    cc = VN_COUNTRY_CODE
    return [
        f"{column}, translate(trim({column}), {_SEPARATORS_SQL}, '') AS {p}s, "
        f"translate(trim({column}), '( ', '') LIKE '+%' AS {p}plus, "
        f"length(trim({column})) <= {MAX_INPUT_CHARS} AS {p}short",
        f"{column}, CASE WHEN {p}plus THEN substr({p}s, 2) ELSE {p}s END AS {p}d, {p}plus, {p}short",
        f"{column}, {p}short AND length({p}d) > 0 AND length(translate({p}d, '0123456789', '')) = 0 AS {p}ok, "
        f"{p}plus OR {p}d LIKE '00%' AS {p}intl, "
        f"CASE WHEN (NOT {p}plus) AND {p}d LIKE '00%' THEN substr({p}d, 3) ELSE {p}d END AS {p}dd",
        f"{column}, CASE WHEN NOT {p}ok THEN NULL "
        f"WHEN {p}intl THEN CASE WHEN {p}dd LIKE '{cc}0%' THEN substr({p}dd, 4) "
        f"WHEN {p}dd LIKE '{cc}%' THEN substr({p}dd, 3) END "
        f"WHEN {p}dd LIKE '0%' THEN substr({p}dd, 2) "
        f"WHEN {p}dd LIKE '{cc}%' AND length({p}dd) IN (11, 12) THEN substr({p}dd, 3) "
        f"WHEN length({p}dd) = 9 AND substr({p}dd, 1, 1) IN ({leading}) THEN {p}dd END AS {p}n",
        f"{column}, CASE WHEN length({p}n) = 10 AND substr({p}n, 1, 3) IN ({old_three}) "
        f"THEN concat(CASE substr({p}n, 1, 3) {conversion} END, substr({p}n, 4)) ELSE {p}n END AS {p}m",
        f"{column}, CASE WHEN length({p}m) = 9 AND substr({p}m, 1, 2) IN ({mobile_two}) "
        f"THEN CAST(concat('{cc}', {p}m) AS BIGINT) END AS {out}",
    ]


def normalised_select(source: str, passthrough: list[str], numbers: dict[str, str]) -> str:
    """``SELECT passthrough…, <numbers normalised> FROM source`` with the complete rules, as nested
    layers. Exact but string-heavy: use it on distinct values, or on small tables."""
    layers = {out: number_layers(col, out) for col, out in numbers.items()}
    depth = len(next(iter(layers.values())))
    sql = source
    for k in range(depth):
        keep = [c for c in passthrough if c not in numbers]
        projections = keep + [layers[out][k] for out in layers]
        sql = f"SELECT {', '.join(projections)} FROM {sql if k == 0 else f'({sql}) AS layer{k}'}"
    return sql


def fast_number_layers(column: str, out: str) -> tuple[str, str, str]:
    """Two projections (inner, outer) computing BIGINT ``out`` (``84xxxxxxxxx``) from text
    ``column`` for the forms switches write — ``0`` + 9 digits, ``84`` + 9, ``+84`` + 9 and old
    ``0`` + 10 digits — with one cast and arithmetic; NULL for any other text, which then goes
    through :func:`normalised_select` (the slow, complete rules) as a distinct value.

    Only a non-NULL result is final, and it always agrees with ``parse_number`` (property-tested).
    The cast's digit count must match the text's length, so any other character ("1_000", "1.5",
    "0x1F", "12e2") lands on the slow path.
    """
    cc = int(VN_COUNTRY_CODE)
    p = f"_{out}"
    mobile_two = ", ".join(sorted(prefix[1:] for prefix in MOBILE_PREFIXES))
    conversion = " ".join(
        f"WHEN {int(old[1:])} THEN {int(new[1:])}" for old, new in sorted(OLD_TO_NEW_PREFIXES.items())
    )
    inner = (
        f"{column}, CASE WHEN {column} NOT LIKE '%e%' AND {column} NOT LIKE '%E%' AND {column} NOT LIKE '% %' "
        f"THEN TRY_CAST(CASE WHEN {column} LIKE '+%' THEN substr({column}, 2) ELSE {column} END AS BIGINT) "
        f"END AS {p}v, "
        f"length({column}) * (CASE WHEN {column} LIKE '+{cc}%' THEN -1 "
        f"WHEN {column} LIKE '00%' THEN 0 WHEN {column} LIKE '0%' THEN 1 WHEN {column} LIKE '{cc}%' THEN 2 ELSE 0 END) "
        f"AS {p}form"
    )
    # national significant number of 9 digits, from the form (±length × leading pattern)
    nine = (
        f"CASE WHEN {p}form = 10 AND {p}v BETWEEN 100000000 AND 999999999 THEN {p}v "
        f"WHEN {p}form IN (22, -12) AND {p}v BETWEEN {cc}100000000 AND {cc}999999999 THEN {p}v - {cc}000000000 "
        f"WHEN {p}form = 11 AND {p}v BETWEEN 1000000000 AND 9999999999 "
        f"THEN (CASE CAST(FLOOR({p}v / 10000000) AS BIGINT) {conversion} END) * 10000000 + {p}v % 10000000 END"
    )
    outer = (
        f"CASE WHEN CAST(FLOOR({p}n9 / 10000000) AS BIGINT) IN ({mobile_two}) THEN {cc}000000000 + {p}n9 END AS {out}"
    )
    return inner, f"{nine} AS {p}n9", outer


def fast_select(source: str, passthrough: list[str], numbers: dict[str, str]) -> str:
    """``SELECT passthrough…, numbers (fast path) FROM source``; see :func:`fast_number_layers`."""
    layers = {out: fast_number_layers(col, out) for col, out in numbers.items()}
    keep = [c for c in passthrough if c not in numbers]
    sql = f"SELECT {', '.join(keep + [layers[o][0] for o in layers])} FROM {source}"
    mid = keep + list(numbers) + [layers[o][1] for o in layers]
    sql = f"SELECT {', '.join(mid)} FROM ({sql}) AS fast1"
    last = keep + list(numbers) + [layers[o][2] for o in layers]
    return f"SELECT {', '.join(last)} FROM ({sql}) AS fast2"


def operator_case(column: str) -> str:
    """SQL: the operator owning the prefix of BIGINT number ``column`` (``84xxxxxxxxx``)."""
    cc = VN_COUNTRY_CODE
    whens = " ".join(f"WHEN {cc}{prefix[1:]} THEN '{op.value}'" for prefix, op in sorted(MOBILE_PREFIXES.items()))
    return f"CASE CAST(FLOOR({column} / 10000000) AS BIGINT) {whens} END"


def to_e164(number: int) -> str:
    """BIGINT ``84912345678`` → ``"+84912345678"``."""
    return f"+{number}"
