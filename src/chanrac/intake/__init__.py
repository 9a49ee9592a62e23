"""Intake: every way a report reaches chanrac, and the one service that stores it.

Channels (REST API, the 5656/156 short code, operators' bulk files) validate their input into
:class:`~chanrac.intake.schemas.ReportIn` and hand it to :class:`~chanrac.intake.service.IntakeService`,
which de-duplicates, classifies and commits before anything is acknowledged.
"""
