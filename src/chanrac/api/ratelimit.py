"""Rate limit of the public intake (the web form and ``POST /api/v1/reports`` without a partner
token): one address cannot flood reports. A moving window per client address, kept by the
``limits`` library in process memory by default, or in Redis (``rate_limit_storage =
"redis://…"``) so that several server processes share one count. When that storage cannot be
reached the limit fails open (a warning in the log): a lost report costs more than a flood."""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass

from limits import RateLimitItemPerMinute
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

__all__ = ["PublicRateLimit", "RateLimited"]

_NAMESPACE = "public-reports"
log = logging.getLogger("chanrac.api")


@dataclass(frozen=True, slots=True)
class RateLimited:
    """The visitor must wait ``retry_after`` seconds; ``per_minute`` is the limit it hit."""

    retry_after: int
    per_minute: int


class PublicRateLimit:
    def __init__(self, per_minute: int, storage_uri: str = "memory://") -> None:
        self.per_minute = per_minute
        self._item = RateLimitItemPerMinute(max(1, per_minute))
        self._limiter = MovingWindowRateLimiter(storage_from_string(storage_uri)) if per_minute > 0 else None

    def hit(self, client: str) -> RateLimited | None:
        """Count one report from ``client``; a :class:`RateLimited` when it is one too many."""
        if self._limiter is None:
            return None
        try:
            if self._limiter.hit(self._item, _NAMESPACE, client):
                return None
            reset = self._limiter.get_window_stats(self._item, _NAMESPACE, client).reset_time
        except Exception as exc:  # the storage (Redis) is down: let the report through
            log.warning("rate limit storage unavailable (%s): not limiting", type(exc).__name__)
            return None
        return RateLimited(max(1, math.ceil(reset - time.time())), self.per_minute)
