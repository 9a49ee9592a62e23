"""Shared fixtures: the shared data sets, a migrated database on SQLite and PostgreSQL, a live server."""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

from chanrac.config import Settings
from chanrac.store.db import import_all_tables, make_engine, session_factory, upgrade

IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SHARED_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
POSTGRES_ADMIN_URL = os.environ.get("CHANRAC_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """../shared/data: skipped on a fresh clone without it, required in CI."""
    if not SHARED_DATA.is_dir():
        message = f"the shared data sets are not at {SHARED_DATA} (a fresh clone has none)"
        if IN_CI:
            pytest.fail(message + "; CI must have them")
        pytest.skip(message)
    return SHARED_DATA


def _postgres_reachable() -> str | None:
    try:
        engine = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
        return None
    except Exception as exc:  # any driver error means: not reachable
        return f"{type(exc).__name__}: {exc}".splitlines()[0]


@pytest.fixture(scope="session")
def postgres_database(worker_id: str) -> Iterator[str]:
    """A migrated PostgreSQL database of its own for this test session (dropped afterwards)."""
    problem = _postgres_reachable()
    if problem:
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI and unreachable at {POSTGRES_ADMIN_URL}: {problem}")
        pytest.skip(f"PostgreSQL unreachable at {POSTGRES_ADMIN_URL}: {problem}")
    name = f"chanrac_test_{worker_id}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"
    upgrade(url)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite") / "template.db"
    upgrade(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def worker_id(request: pytest.FixtureRequest) -> str:
    return getattr(request.config, "workerinput", {}).get("workerid", "main")


def _truncate_all(url: str) -> None:
    tables = [t.name for t in import_all_tables().metadata.sorted_tables]
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A freshly migrated, empty database: each test runs once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "chanrac.db"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("postgres_database")
    _truncate_all(url)
    return url


#: The partner token of every test server: the operators' endpoints (batch upload, SMS gateway,
#: feed, webhooks) need one.
PARTNER_TOKEN = "test-operator-" + "t" * 32
PARTNER = {"Authorization": f"Bearer {PARTNER_TOKEN}"}


@pytest.fixture
def settings(db_url: str) -> Settings:
    # Tests file many reports from 127.0.0.1: the public rate limit has tests of its own.
    return Settings(database_url=db_url, partner_tokens={PARTNER_TOKEN: "Test operator"}, public_reports_per_minute=0)


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    engine = make_engine(db_url)
    with session_factory(engine)() as s:
        yield s
    engine.dispose()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def live_server(settings: Settings) -> Iterator[str]:
    """The whole application served by uvicorn on loopback; yields its base URL."""
    import uvicorn

    from chanrac.api.app import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
