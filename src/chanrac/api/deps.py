"""Dependencies the routers inject: settings, a database session, the intake service."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session

from chanrac.config import Settings
from chanrac.intake.service import IntakeService


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def get_intake(request: Request) -> IntakeService:
    intake: IntakeService = request.app.state.intake
    return intake


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session)]
IntakeDep = Annotated[IntakeService, Depends(get_intake)]
