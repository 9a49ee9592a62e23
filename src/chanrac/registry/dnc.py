"""The Do-Not-Call list: who receives no advertising SMS, no advertising calls, or neither."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from sqlalchemy.orm import Session

from chanrac.store.tables import DncRow

Scope = Literal["all", "sms", "call"]


def register(session: Session, msisdn: str, scope: Scope, channel: str, at: datetime) -> DncRow:
    """Join the list for ``scope``; a second registration widens, never narrows, what is refused."""
    row = session.get(DncRow, msisdn)
    if row is None:
        row = DncRow(
            msisdn=msisdn,
            receives_no_sms_ads=False,
            receives_no_call_ads=False,
            channel=channel,
            registered_at=at,
            updated_at=at,
        )
        session.add(row)
    row.receives_no_sms_ads = row.receives_no_sms_ads or scope in ("all", "sms")
    row.receives_no_call_ads = row.receives_no_call_ads or scope in ("all", "call")
    row.channel, row.updated_at = channel, at
    return row


def cancel(session: Session, msisdn: str, scope: Scope, channel: str, at: datetime) -> DncRow | None:
    """Leave the list for ``scope``; the row goes when nothing is refused any more."""
    row = session.get(DncRow, msisdn)
    if row is None:
        return None
    if scope in ("all", "sms"):
        row.receives_no_sms_ads = False
    if scope in ("all", "call"):
        row.receives_no_call_ads = False
    row.channel, row.updated_at = channel, at
    if not (row.receives_no_sms_ads or row.receives_no_call_ads):
        session.delete(row)
        return None
    return row


def status(session: Session, msisdn: str) -> tuple[bool, bool]:
    """(no SMS ads, no call ads) for a number."""
    row = session.get(DncRow, msisdn)
    return (row.receives_no_sms_ads, row.receives_no_call_ads) if row else (False, False)
