"""Health and reference data: limits, categories, operators, provinces."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from sqlalchemy import text

from chanrac import __version__
from chanrac.api.deps import SessionDep, SettingsDep
from chanrac.config import MAX_BATCH_REPORTS, MAX_FIELD_CHARS, MAX_TEXT_CHARS
from chanrac.model import Category, Channel, ReportKind

router = APIRouter(tags=["meta"])


@router.get("/healthz")
def health(session: SessionDep) -> dict[str, Any]:
    """Liveness and database reachability, for the load balancer."""
    session.execute(text("SELECT 1"))
    return {"status": "ok", "version": __version__}


@router.get("/api/v1/meta")
def meta(settings: SettingsDep) -> dict[str, Any]:
    """What clients need to build a form: limits, report kinds, channels, categories, provinces."""
    from chanrac.geo import PROVINCES
    from chanrac.phone import Operator

    return {
        "version": __version__,
        "limits": {
            "max_text_chars": MAX_TEXT_CHARS,
            "max_field_chars": MAX_FIELD_CHARS,
            "max_batch_reports": MAX_BATCH_REPORTS,
            "max_body_bytes": settings.max_body_bytes,
            "duplicate_window_hours": settings.duplicate_window_hours,
        },
        "report_kinds": [k.value for k in ReportKind],
        "channels": [c.value for c in Channel],
        "categories": [c.value for c in Category],
        "operators": [o.value for o in Operator],
        "provinces": [p.as_dict() for p in PROVINCES],
    }
