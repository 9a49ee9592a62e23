"""Mobile-originated SMS to the report short codes: parse, act, log, and the reply to send back."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from chanrac.config import TIMEZONE
from chanrac.intake.schemas import ReportIn
from chanrac.intake.service import IntakeService
from chanrac.intake.sms5656 import parse_inbound, reply_for
from chanrac.model import Channel
from chanrac.registry import dnc
from chanrac.store.tables import InboundSmsRow, ReportRow


@dataclass(frozen=True, slots=True)
class InboundResult:
    action: str
    reply: str
    tracking_code: str | None = None
    duplicate: bool = False
    problem: str | None = None


def handle_inbound(
    intake: IntakeService, msisdn: str, short_code: str, text: str, received_at: datetime | None, lang: str = "vi"
) -> InboundResult:
    """Everything an inbound SMS causes, in one transaction with its log row."""
    at = received_at or datetime.now(TIMEZONE)
    command = parse_inbound(text)
    tracking_code: str | None = None
    duplicate = False
    with intake.sessions() as session, session.begin():
        report_id: int | None = None
        if command.action == "report" and command.report_kind is not None:
            report = ReportIn(
                kind=command.report_kind,
                sender=command.source_raw if command.source else None,
                text=command.content or text,
                reporter=msisdn,
                received_at=at,
                channel=Channel.SMS_5656,
            )
            receipt = intake.store(session, [report])[0]
            tracking_code, duplicate = receipt.tracking_code, receipt.duplicate
            report_id = session.query(ReportRow.id).filter_by(tracking_code=tracking_code).scalar()
        elif command.action == "dnc_register" and command.dnc_scope:
            dnc.register(session, msisdn, command.dnc_scope, Channel.SMS_5656.value, at)
        elif command.action == "dnc_cancel" and command.dnc_scope:
            dnc.cancel(session, msisdn, command.dnc_scope, Channel.SMS_5656.value, at)
        reply = reply_for(command, tracking_code=tracking_code, duplicate=duplicate, lang=lang)
        session.add(
            InboundSmsRow(
                msisdn=msisdn,
                short_code=short_code,
                text=text,
                received_at=at,
                action=command.action,
                reply=reply,
                report_id=report_id,
            )
        )
    if tracking_code and not duplicate:
        intake.run_hooks([tracking_code])
    return InboundResult(command.action, reply, tracking_code, duplicate, command.problem)
