"""When to try a request again, and how long to wait first.

429 and 5xx answers, time-outs and dropped connections are retried; the wait is the server's
`Retry-After` (seconds or an HTTP date) when it sends one, else an exponential backoff. A Retry-After
longer than the cap gives the URL up rather than hold the crawl (or ignore the server).
"""
from __future__ import annotations

import random
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504, 520, 521, 522, 523, 524})


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    return max(0.0, (when - (now or datetime.now(timezone.utc))).total_seconds())


def backoff_seconds(attempt: int, base: float) -> float:
    """attempt 0 -> base, 1 -> 2·base, … with ±10 % jitter so retries of many URLs do not align."""
    return base * (2 ** attempt) * random.uniform(0.9, 1.1)


def wait_before_retry(status: int | None, headers, attempt: int, base: float, cap: float) -> tuple[float | None, str]:
    """(seconds to wait, why) — seconds None when the server asks for longer than `cap`."""
    ra = retry_after_seconds(headers.get("Retry-After")) if headers is not None and status in RETRY_STATUSES else None
    if ra is not None:
        if ra > cap:
            return None, f"Retry-After {ra:.0f}s is longer than the cap of {cap:.0f}s"
        return ra, f"Retry-After {ra:g}s"
    return min(backoff_seconds(attempt, base), cap), "backoff"
