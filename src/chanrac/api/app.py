"""The FastAPI application: settings, database, intake service and routers wired together."""

from __future__ import annotations

import importlib
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import chanrac
from chanrac.api import errors
from chanrac.api.ratelimit import PublicRateLimit
from chanrac.config import Settings, get_settings
from chanrac.intake.service import IntakeService, default_classifier, default_hooks
from chanrac.store.db import make_engine, session_factory

log = logging.getLogger("chanrac.api")

# One router per resource; a capability whose package is not there yet is simply not mounted.
ROUTERS = (
    "chanrac.api.routers.meta",
    "chanrac.api.routers.reports",
    "chanrac.api.routers.sms",
    "chanrac.api.routers.verdicts",
    "chanrac.api.routers.campaigns",
    "chanrac.api.routers.feeds",
    "chanrac.api.routers.webhooks",
    "chanrac.api.routers.stats",
    "chanrac.web.routes",
)


def create_app(settings: Settings | None = None, *, classify: bool = True) -> FastAPI:
    settings = settings or get_settings()
    engine = make_engine(settings.database_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="chanrac API",
        version=chanrac.__version__,
        description="Vietnam's anti-spam SMS platform: report intake, verdicts, campaigns, feeds.",
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = session_factory(engine)
    # One classifier for intake and for POST /api/v1/verdicts: the same message gets the same verdict.
    app.state.classifier = default_classifier(settings, app.state.sessions) if classify else None
    app.state.intake = IntakeService(
        app.state.sessions,
        settings,
        classifier=app.state.classifier,
        on_stored=default_hooks() if settings.campaign_assignment == "inline" else [],
    )
    app.state.public_limit = PublicRateLimit(settings.public_reports_per_minute, settings.rate_limit_storage)
    errors.install(app)
    app.add_middleware(errors.RequestBodyGuard, max_bytes=settings.max_body_bytes)
    for name in ROUTERS:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        app.include_router(module.router)
    return app
