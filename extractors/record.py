"""The mention record of ANNOTATION.md, and the skipped-number record for coverage."""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("fraction", "percent", "range", "money", "quantity", "rank", "multiplier")
RECORD_FIELDS = ("doc", "start", "end", "text", "kind", "value", "low", "high", "denominator", "unit",
                 "qualifier", "indicator", "entity", "period", "status", "compared_to", "sentence")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    kind: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    denominator: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    indicator: str | None = None
    entity: str | None = None
    period: str | None = None
    status: str | None = None
    compared_to: str | None = None
    sentence: str | None = None
    doc: str | None = None
    # Not part of the record: printed precision (decimals) for rounding tolerances, and the
    # change direction (`tăng`/`giảm`/`vượt`) for the checks.
    decimals: int = 0
    direction: str | None = None
    extra: dict = field(default_factory=dict)

    def record(self) -> dict:
        """Exactly the fields of ANNOTATION.md, in its order."""
        return {k: getattr(self, k) for k in RECORD_FIELDS}


@dataclass
class Skipped:
    """A number the finder read and set aside on purpose: a date, a code, a year …"""
    start: int
    end: int
    text: str
    reason: str
