"""The check record: what a check found (`Check`, one row of the `checks` table), its verdicts, and the
keys by which the checks name a figure and tell which figures they may compare (indicator key, entity,
unit class, kind of figure)."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from extractors.indicators import INDICATORS
from extractors.indicators import indicator_key as _indicator_key
from extractors.normalize import fold, nfc
from extractors.record import Mention

CONSISTENT, INCONSISTENT, CANNOT_TELL = "consistent", "inconsistent", "cannot tell"
VERDICTS = (CONSISTENT, INCONSISTENT, CANNOT_TELL)
CHECK_TYPES = ("fraction_percent", "share_of_total", "target_share", "parts_total", "shares_sum", "change",
               "rank", "range", "figure_versions", "result_target")
CANONICAL_KEYS = frozenset(k for _, k in INDICATORS)


# --- the check record --------------------------------------------------------------------------
@dataclass
class Check:
    check_type: str
    verdict: str
    computation: str
    mentions: list[tuple[Mention, str]]          # (mention, role)
    tolerance: float | None = None
    stated: float | None = None
    computed: float | None = None
    difference: float | None = None
    ratio: float | None = None                   # results vs targets: result / target
    outcome: str | None = None
    unit: str | None = None
    scope: str = "sentence"                      # sentence | document | corpus

    @property
    def id(self) -> str:
        parts = sorted(f"{mention_key(m)}={role}" for m, role in self.mentions)
        return hashlib.sha256(f"{self.check_type}|{'|'.join(parts)}".encode()).hexdigest()[:16]

    @property
    def docs(self) -> list[str]:
        return list(dict.fromkeys(m.doc for m, _ in self.mentions))  # in order, once each

    def row(self) -> dict:
        first = self.mentions[0][0]
        docs = self.docs
        return {
            "id": self.id, "check_type": self.check_type, "verdict": self.verdict, "computation": self.computation,
            "tolerance": self.tolerance, "stated": self.stated, "computed": self.computed,
            "difference": self.difference, "ratio": self.ratio, "outcome": self.outcome, "unit": self.unit,
            "scope": self.scope, "doc": docs[0] if len(docs) == 1 else None, "documents": len(docs),
            "sentence_id": sentence_key(first) if self.scope == "sentence" else None,
            "sentence": first.sentence if self.scope == "sentence" else None,
            "indicator_key": ikey(first), "entity": first.entity or first.extra.get("province"),
            "period": first.period, "mentions": [mention_key(m) for m, _ in self.mentions],
            "sentences": self.sentences,
        }

    @property
    def sentences(self) -> list[str]:
        """The sentences the check links (`doc:index`), in the order of its figures, each once."""
        return list(dict.fromkeys(k for k in (sentence_key(m) for m, _ in self.mentions) if k))


def mention_key(m: Mention) -> str:
    return m.extra.get("id") or f"{m.doc}:{m.start}:{m.end}:{m.kind}"


def sentence_key(m: Mention) -> str | None:
    si = m.extra.get("sentence_index")
    return f"{m.doc}:{si}" if si is not None else None


def ikey(m: Mention) -> str | None:
    if "indicator_key" in m.extra:
        return m.extra["indicator_key"]
    return _indicator_key(m.indicator)


def unique_checks(checks: list[Check]) -> list[Check]:
    """The checks in order, each id once (two rules may find the same figures)."""
    first: dict[str, Check] = {}
    for c in checks:
        first.setdefault(c.id, c)
    return list(first.values())


def _verdict(ok: bool) -> str:
    return CONSISTENT if ok else INCONSISTENT


# --- what the checks compare figures by ------------------------------------------------------
def _norm(s: str | None) -> str:
    return nfc(s or "").strip().casefold()


def entity_of(m: Mention) -> str:
    return _norm(m.entity or m.extra.get("province"))


def _same_entity(a: Mention, b: Mention) -> bool:
    return entity_of(a) == entity_of(b) and bool(entity_of(a))


def specific(m: Mention) -> tuple[str, bool] | None:
    """(indicator key, canonical?) when the key names one indicator, not just a counted noun."""
    k = ikey(m)
    if not k:
        return None
    if k in CANONICAL_KEYS:
        return k, True
    ind, unit = fold(nfc(m.indicator or "")).strip(), fold(nfc(m.unit or "")).strip()
    if not ind or ind == unit or len(ind.split()) < 4 or (unit and ind.endswith(unit) and len(ind.split()) - len(unit.split()) < 2):
        return None
    return k, False


def _unit_class(m: Mention) -> str | None:
    u = (m.unit or "").strip()
    if m.kind in ("percent", "range") and u.startswith("%"):
        return "%"
    if m.kind in ("money", "quantity", "range") and u:
        return fold(re.sub(r"/năm$", "", u))
    if m.kind == "fraction" and u and u != "%":
        return fold(u)
    return None


def _pct(m: Mention) -> bool:
    return m.kind == "percent" and (m.unit or "%") == "%" and m.value is not None


def unit_key(m: Mention) -> str | None:
    """What `_same_unit` compares: the folded unit, None when there is none."""
    return fold(nfc(m.unit or "")).strip() or None


def _same_unit(a: Mention, b: Mention) -> bool:
    ua, ub = fold(nfc(a.unit or "")).strip(), fold(nfc(b.unit or "")).strip()
    return bool(ua) and ua == ub


def _amount(m: Mention) -> bool:
    return m.kind in ("quantity", "money") and m.value is not None and m.unit not in ("%", "điểm phần trăm", "times")


def _doc_words(m: Mention, docs: dict[str, dict]) -> str:
    d = docs.get(m.doc) or {}
    src = d.get("url") or d.get("source") or m.doc
    date = d.get("published") or "undated"
    return f"{src}, {date}"
