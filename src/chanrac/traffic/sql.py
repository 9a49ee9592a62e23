"""The detectors' definition, once, as SQL that both DuckDB and Spark SQL run unchanged.

The engines (:mod:`chanrac.traffic.engines`) provide three input views with epoch-second times:

* ``events_in(t BIGINT, event_kind, a_number, b_number, imsi, imei, cell_id)`` (text columns),
* ``subscribers_in(msisdn, subscription, activated_t BIGINT, id_number, dealer_id, province,
  first_topup_t BIGINT)`` — empty when no subscriber file is given,
* ``cells_in(cell_id, province)`` — empty when no cell file is given,

and materialise each statement of :func:`statements` in order as a table (DuckDB) or a cached view
(Spark). The last three (``sim_features``, ``box_links``, ``preact_features``, all small) are
collected; :mod:`chanrac.traffic.detect` turns their rows into signals.

The dialect is the intersection of the two: no quoted identifiers, no ``/`` between integers
without ``FLOOR``, window frames over a BIGINT order key, ``min_by``, ``COUNT(DISTINCT …)``,
``translate``/``substr``/``concat``. Parameters are numbers from :class:`TrafficParams` only.
"""

from __future__ import annotations

from chanrac.traffic.normalise import fast_select, normalised_select, operator_case
from chanrac.traffic.params import TrafficParams

RESULT_TABLES = ("sim_features", "box_links", "preact_features")
# Intermediate tables an engine may drop once the named table is built (they can be large).
DROP_AFTER = {"cev_win": ("cev_seq",), "sim_features": ("cev_win",), "subs": ("subs_fast",)}
# Tables reused by several later statements: a lazy engine (Spark) caches these, the rest stay views.
REUSED = frozenset(
    {
        "ev_fast",
        "number_leftovers",
        "slow_numbers",
        "ev",
        "sender_stats",
        "heavy",
        "inbound",
        "cand",
        "cev",
        "mass_features",
        "subs_fast",
        "subs_leftovers",
        "subs",
        "subs_use",
    }
)
# When every number took the fast path (``slow_numbers`` is empty), ``ev`` is this projection of
# ``ev_fast`` and need not be copied.
EV_WITHOUT_SLOW_NUMBERS = "SELECT t, event_kind, a, b, imsi, imei, cell_id FROM ev_fast"


def statements(params: TrafficParams) -> list[tuple[str, str]]:
    """``(table name, SELECT …)`` pairs, in dependency order."""
    p = params
    windows = ", ".join(
        f"SUM(is_new) OVER (PARTITION BY a ORDER BY t RANGE BETWEEN {w - 1} PRECEDING AND CURRENT ROW) AS w{k}"
        for k, (w, _) in enumerate(p.window_limits)
    )
    window_max = ", ".join(f"MAX(w{k}) AS max_new_w{k}" for k in range(len(p.window_limits)))
    half_burst = p.burst_window_s // 2
    return [
        (
            "ev_fast",
            "SELECT t, event_kind, TRY_CAST(imsi AS BIGINT) AS imsi, TRY_CAST(imei AS BIGINT) AS imei, cell_id, a, b, "
            "CASE WHEN a IS NULL THEN a_number END AS a_raw, CASE WHEN b IS NULL THEN b_number END AS b_raw FROM ("
            + fast_select(
                "events_in",
                ["t", "event_kind", "imsi", "imei", "cell_id", "a_number", "b_number"],
                {"a_number": "a", "b_number": "b"},
            )
            + ") AS fast",
        ),
        (
            "number_leftovers",
            "SELECT a_raw AS x FROM ev_fast WHERE a_raw IS NOT NULL "
            "UNION SELECT b_raw AS x FROM ev_fast WHERE b_raw IS NOT NULL",
        ),
        (
            "slow_numbers",
            "SELECT x, n FROM (" + normalised_select("number_leftovers", ["x"], {"x": "n"}) + ") AS slow "
            "WHERE n IS NOT NULL",
        ),
        (
            "ev",
            "SELECT f.t, f.event_kind, COALESCE(f.a, sa.n) AS a, COALESCE(f.b, sb.n) AS b, "
            "f.imsi, f.imei, f.cell_id FROM ev_fast f "
            "LEFT JOIN slow_numbers sa ON sa.x = f.a_raw LEFT JOIN slow_numbers sb ON sb.x = f.b_raw",
        ),
        (
            "sender_stats",
            "SELECT a, SUM(CASE WHEN event_kind = 'sms' THEN 1 ELSE 0 END) AS n_sms, COUNT(*) AS n_out, "
            "MIN(t) AS first_t, MAX(t) AS last_t, COUNT(DISTINCT cell_id) AS n_cells, "
            "min_by(cell_id, t) AS first_cell "
            "FROM ev WHERE a IS NOT NULL GROUP BY a",
        ),
        ("heavy", f"SELECT a, n_sms FROM sender_stats WHERE n_sms >= {p.min_sms}"),
        (
            "inbound",
            "SELECT e.b AS a, COUNT(*) AS n_in FROM ev e JOIN heavy h ON e.b = h.a GROUP BY e.b",
        ),
        (
            "cand",
            "SELECT h.a FROM heavy h LEFT JOIN inbound i ON i.a = h.a "
            f"WHERE COALESCE(i.n_in, 0) < {p.candidate_inbound_ratio} * h.n_sms",
        ),
        (
            "cev",
            "SELECT e.t, e.a, e.b, e.imsi, e.imei, e.cell_id FROM ev e JOIN cand c ON e.a = c.a "
            "WHERE e.event_kind = 'sms' AND e.b IS NOT NULL",
        ),
        (
            "answered",
            "SELECT DISTINCT e.b AS a, e.a AS who FROM ev e JOIN cand c ON e.b = c.a WHERE e.a IS NOT NULL",
        ),
        (
            "cev_seq",
            "SELECT x.t, x.a, x.b, "
            "CASE WHEN ROW_NUMBER() OVER (PARTITION BY x.a, x.b ORDER BY x.t) = 1 THEN 1 ELSE 0 END AS is_new, "
            "x.t - LAG(x.t) OVER (PARTITION BY x.a ORDER BY x.t, x.b) AS gap, "
            "ABS(x.b - LAG(x.b) OVER (PARTITION BY x.a ORDER BY x.t, x.b)) AS step, "
            "CASE WHEN k.who IS NULL THEN 1 ELSE 0 END AS unrelated "
            "FROM cev x LEFT JOIN answered k ON k.a = x.a AND k.who = x.b",
        ),
        ("cev_win", f"SELECT a, b, is_new, gap, step, unrelated, {windows} FROM cev_seq"),
        (
            "mass_features",
            "SELECT w.a, COUNT(*) AS n_sms, COUNT(DISTINCT w.b) AS n_recipients, SUM(w.is_new) AS n_new, "
            "SUM(CASE WHEN w.is_new = 1 AND w.unrelated = 1 THEN 1 ELSE 0 END) AS n_unrelated_recipients, "
            "SUM(w.unrelated) AS n_unrelated, "
            f"SUM(CASE WHEN w.step BETWEEN 1 AND {p.sequential_max_step} THEN 1 ELSE 0 END) AS n_sequential, "
            f"COUNT(DISTINCT {operator_case('w.b')}) AS n_operators, "
            f"SUM(CASE WHEN w.gap < {p.gap_session_s} THEN 1 ELSE 0 END) AS n_gaps, "
            f"AVG(CASE WHEN w.gap < {p.gap_session_s} THEN CAST(w.gap AS DOUBLE) END) AS gap_mean, "
            f"STDDEV_POP(CASE WHEN w.gap < {p.gap_session_s} THEN CAST(w.gap AS DOUBLE) END) AS gap_std, "
            f"{window_max} "
            "FROM cev_win w GROUP BY w.a",
        ),
        (
            "imei_imsis",
            "SELECT e.imei, COUNT(DISTINCT e.imsi) AS n_imsis FROM ev e "
            "JOIN (SELECT DISTINCT imei FROM cev) i ON e.imei = i.imei GROUP BY e.imei",
        ),
        (
            "imei_turns",
            "SELECT imei, COUNT(DISTINCT a) AS n_sims, "
            "SUM(CASE WHEN prev_a IS NOT NULL AND prev_a <> a THEN 1 ELSE 0 END) AS n_handovers "
            "FROM (SELECT imei, a, LAG(a) OVER (PARTITION BY imei ORDER BY t, a) AS prev_a FROM cev) AS turns "
            "GROUP BY imei",
        ),
        (
            "box_links",
            "SELECT DISTINCT a, imei, substr(CAST(imei AS STRING), 1, 8) AS tac, cell_id FROM cev",
        ),
        (
            "subs_fast",
            fast_select(
                "subscribers_in",
                ["msisdn", "subscription", "activated_t", "id_number", "dealer_id", "province", "first_topup_t"],
                {"msisdn": "number"},
            ),
        ),
        ("subs_leftovers", "SELECT DISTINCT msisdn AS x FROM subs_fast WHERE number IS NULL AND msisdn IS NOT NULL"),
        ("subs_slow", normalised_select("subs_leftovers", ["x"], {"x": "n"})),
        (
            "subs",
            "SELECT COALESCE(f.number, s.n) AS msisdn, f.subscription, f.activated_t, f.id_number, "
            "f.dealer_id, f.province, f.first_topup_t FROM subs_fast f LEFT JOIN subs_slow s ON s.x = f.msisdn",
        ),
        (
            "sim_features",
            "SELECT m.*, s.n_out, s.n_cells, s.first_t, s.last_t, COALESCE(i.n_in, 0) AS n_in, "
            "x.max_imsis, x.max_sims, x.max_handovers, x.n_imeis, "
            "u.subscription, u.activated_t, u.first_topup_t "
            "FROM mass_features m JOIN sender_stats s ON s.a = m.a "
            "LEFT JOIN inbound i ON i.a = m.a "
            "LEFT JOIN (SELECT l.a, MAX(ii.n_imsis) AS max_imsis, MAX(tt.n_sims) AS max_sims, "
            "MAX(tt.n_handovers) AS max_handovers, COUNT(DISTINCT l.imei) AS n_imeis "
            "FROM (SELECT DISTINCT a, imei FROM cev) l JOIN imei_imsis ii ON ii.imei = l.imei "
            "JOIN imei_turns tt ON tt.imei = l.imei GROUP BY l.a) x ON x.a = m.a "
            "LEFT JOIN subs u ON u.msisdn = m.a",
        ),
        (
            "subs_batch",
            "SELECT msisdn, subscription, activated_t, id_number, dealer_id, province, first_topup_t, "
            f"COUNT(*) OVER (PARTITION BY dealer_id ORDER BY activated_t "
            f"RANGE BETWEEN {half_burst} PRECEDING AND {half_burst} FOLLOWING) AS burst, "
            "SUM(new_batch) OVER (PARTITION BY dealer_id ORDER BY activated_t, msisdn "
            "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS batch_no "
            f"FROM (SELECT *, CASE WHEN activated_t - LAG(activated_t) OVER (PARTITION BY dealer_id "
            f"ORDER BY activated_t, msisdn) <= {p.batch_gap_s} THEN 0 ELSE 1 END AS new_batch "
            "FROM subs WHERE msisdn IS NOT NULL AND lower(subscription) = 'prepaid') AS ordered",
        ),
        (
            "subs_use",
            "SELECT b.*, s.first_t, s.last_t, s.n_sms, c.province AS first_province, "
            "CASE WHEN c.province IS NOT NULL AND c.province <> b.province THEN 1 ELSE 0 END AS far, "
            "CASE WHEN s.first_t IS NOT NULL AND (b.first_topup_t IS NULL OR b.first_topup_t > s.first_t) "
            "THEN 1 ELSE 0 END AS no_topup "
            "FROM subs_batch b LEFT JOIN sender_stats s ON s.a = b.msisdn "
            "LEFT JOIN cells_in c ON c.cell_id = s.first_cell",
        ),
        (
            "batches",
            "SELECT dealer_id, batch_no, COUNT(*) AS batch_size, MIN(activated_t) AS batch_start, "
            "MAX(activated_t) AS batch_end, SUM(far) AS batch_far, "
            "SUM(CASE WHEN first_province IS NOT NULL THEN 1 ELSE 0 END) AS batch_used, "
            "COUNT(DISTINCT id_number) AS batch_ids "
            "FROM subs_use GROUP BY dealer_id, batch_no",
        ),
        (
            "preact_features",
            "SELECT u.msisdn, u.dealer_id, u.id_number, u.activated_t, u.first_t, u.last_t, u.province, "
            "u.first_province, u.far, u.no_topup, u.burst, COALESCE(u.n_sms, 0) AS n_sms, n.per_id, "
            "g.batch_no, g.batch_size, g.batch_start, g.batch_end, g.batch_far, g.batch_used, g.batch_ids "
            "FROM subs_use u JOIN batches g ON g.dealer_id = u.dealer_id AND g.batch_no = u.batch_no "
            "JOIN (SELECT id_number, COUNT(*) AS per_id FROM subs_use GROUP BY id_number) n "
            "ON n.id_number = u.id_number "
            f"WHERE n.per_id > {p.numbers_per_id} OR u.burst >= {p.burst_min} OR u.far = 1 OR u.no_topup = 1 "
            f"OR g.batch_size >= {p.batch_min_size}",
        ),
    ]
