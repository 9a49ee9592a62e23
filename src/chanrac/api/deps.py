"""Dependencies the routers inject: settings, a database session, the intake service, and the
partner organisation a bearer token names."""

from __future__ import annotations

import hmac
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, HTTPException, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session

from chanrac.api.ratelimit import PublicRateLimit, RateLimited
from chanrac.config import Settings
from chanrac.intake.service import IntakeService


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def settings_dependency(request: Request) -> Settings:
    """:func:`get_settings` for ``Depends``: async, so FastAPI does not hop to its thread pool to
    read an attribute (a hop costs more than a one-message verdict)."""
    return get_settings(request)


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessions() as session:
        yield session


def get_intake(request: Request) -> IntakeService:
    intake: IntakeService = request.app.state.intake
    return intake


_bearer = HTTPBearer(auto_error=False, description="a partner token (setting partner_tokens)")
_CHALLENGE = {"WWW-Authenticate": "Bearer"}


def get_partner(request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str:
    """The organisation whose partner token came in ``Authorization: Bearer …``; 401 otherwise."""
    tokens = get_settings(request).partner_tokens
    if not tokens:
        raise HTTPException(401, "this endpoint needs a partner token; none is configured (partner_tokens)", _CHALLENGE)
    if credentials is None:
        raise HTTPException(401, "missing partner token: send 'Authorization: Bearer <token>'", _CHALLENGE)
    offered = credentials.credentials.encode()
    # compare with every token, in constant time per token: no early exit that times a prefix
    found = [organisation for token, organisation in tokens.items() if hmac.compare_digest(token.encode(), offered)]
    if not found:
        raise HTTPException(401, "unknown partner token", _CHALLENGE)
    return found[0]


def get_optional_partner(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> str | None:
    """The partner's organisation when a bearer token came (a wrong one is still a 401), else None."""
    return None if credentials is None else get_partner(request, credentials)


def public_rate_limit(request: Request) -> RateLimited | None:
    """Count one public report from the caller's address; a :class:`RateLimited` when over the limit."""
    limit: PublicRateLimit = request.app.state.public_limit
    return limit.hit(request.client.host if request.client else "unknown")


SettingsDep = Annotated[Settings, Depends(settings_dependency)]
SessionDep = Annotated[Session, Depends(get_session)]
IntakeDep = Annotated[IntakeService, Depends(get_intake)]
PartnerDep = Annotated[str, Depends(get_partner)]
OptionalPartnerDep = Annotated[str | None, Depends(get_optional_partner)]
