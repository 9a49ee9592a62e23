"""Runtime settings: environment variables ``CHANRAC_*``, then an optional TOML file.

The file is named by ``CHANRAC_CONFIG`` (or ``--config`` on the command line) and holds the same
keys in lower case, e.g. ``database_url = "postgresql+psycopg://127.0.0.1/chanrac"``.
Environment variables win over the file, the file over the defaults.
"""

from __future__ import annotations

import os
import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")

# Limits of what one report or request may hold (documented in the README). They are part of the
# API contract, so they are constants rather than settings.
MAX_TEXT_CHARS = 2000  # message text: ≈ 13 concatenated SMS segments of Vietnamese UCS-2
MAX_FIELD_CHARS = 200  # sender, reporter, recipient, province
MAX_BATCH_REPORTS = 10_000  # reports in one batch upload
MAX_FUTURE_SKEW_MINUTES = 10  # a received time later than now + this is an error
MIN_PARTNER_TOKEN_CHARS = 24  # a partner token is a bearer secret: long enough not to be guessed


class _TomlFile(PydanticBaseSettingsSource):
    def get_field_value(self, field: Any, field_name: str) -> tuple[Any, str, bool]:  # pragma: no cover
        return None, field_name, False

    def __call__(self) -> dict[str, Any]:
        path = os.environ.get("CHANRAC_CONFIG")
        if not path:
            return {}
        try:
            with open(path, "rb") as fh:
                return tomllib.load(fh)
        except FileNotFoundError as exc:
            raise ValueError(f"CHANRAC_CONFIG names {path!r}, which does not exist") from exc
        except tomllib.TOMLDecodeError as exc:
            raise ValueError(f"configuration file {path!r} is not valid TOML: {exc}") from exc


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CHANRAC_", extra="forbid")

    database_url: str = Field(
        "sqlite:///./chanrac.db", description="SQLAlchemy URL; SQLite by default, PostgreSQL in production"
    )
    host: str = "127.0.0.1"
    port: int = 8000
    language: str = Field("vi", description="default UI language: vi or en")

    max_body_bytes: int = Field(32 * 1024 * 1024, description="largest HTTP request body accepted")
    duplicate_window_hours: int = Field(24, description="same reporter, sender and text → counted, not stored")
    public_reports_per_minute: int = Field(
        60,  # generous: mobile subscribers share addresses behind carrier-grade NAT
        ge=0,
        description="reports one client address may file a minute on the web form and the public API (0: no limit)",
    )
    rate_limit_storage: str = Field(
        "memory://", description="where the limit counts: memory:// (per process) or redis://host:6379 (shared)"
    )

    # Verdict thresholds on the summed signal score.
    flag_threshold: float = 3.0
    block_threshold: float = 6.0
    model_alone_blocks: bool = Field(
        False,
        description="whether the content model alone may block a message; by default a block needs a "
        "second reason (a keyword rule, an indicator, obfuscation, the sender) and the model alone flags "
        "the message for review",
    )

    # Campaigns, reputation and feeds (chanrac.campaigns, chanrac.sharing).
    campaign_assignment: Literal["inline", "worker"] = Field(
        "inline",
        description="inline: each API process assigns its new reports to campaigns after answering; "
        "worker: the API only stores, 'chanrac campaigns follow' (one process) assigns — for several "
        "API processes and bulk intake",
    )
    reputation_half_life_days: float = Field(30.0, description="evidence against a source halves in this time")
    blocklist_min_score: float = Field(0.8, description="reputation (0–1) from which a source is blocklisted")
    blocklist_min_reporters: int = Field(
        2,
        description="distinct verified reporters (SMS to 5656/156, operators' uploads) needed before anything "
        "is blocklisted; numbers typed into the web form or the public API never count here",
    )
    blocklist_min_spam_share: float = Field(
        0.5,
        ge=0.0,
        le=1.0,
        description="share of a source's reports whose verdict is spam needed before it is blocklisted "
        "(misreported OTP and bank notices stay off the list)",
    )
    blocklist_ttl_days: int = Field(30, description="a blocklist entry expires this long after its last report")
    partner_tokens: dict[str, str] = Field(
        default_factory=dict,
        repr=False,  # secrets: never in a log line that prints the settings
        description="API token → organisation: who may read the blocklist feed and manage webhooks "
        "(environment: a JSON object; config file: a [partner_tokens] table). Tokens of 24 characters "
        "or more, e.g. from python -c 'import secrets; print(secrets.token_urlsafe(32))'",
    )
    webhook_max_attempts: int = Field(8, description="deliveries of one webhook event before it is marked failed")
    webhook_backoff_seconds: float = Field(30.0, description="first webhook retry delay; doubles every attempt")

    @field_validator("partner_tokens")
    @classmethod
    def _strong_tokens(cls, tokens: dict[str, str]) -> dict[str, str]:
        for token, organisation in tokens.items():
            if len(token) < MIN_PARTNER_TOKEN_CHARS:
                raise ValueError(
                    f"the partner token of {organisation!r} has {len(token)} characters; "
                    f"use at least {MIN_PARTNER_TOKEN_CHARS}"
                )
            if not organisation.strip():
                raise ValueError("every partner token needs an organisation name")
        return tokens

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return init_settings, env_settings, _TomlFile(settings_cls)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite or ":memory:" in self.database_url:
            return None
        return Path(self.database_url.split("///", 1)[1])


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
