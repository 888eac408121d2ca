"""Checks across documents: the same indicator, entity, period and status reported with different values
by different documents (`figure_versions`), and results against the targets of any document
(`results_targets`), each within the groups of figures it compares (`versions_group`, `targets_group`)."""
from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from extractors.checks.record import (CANNOT_TELL, CANONICAL_KEYS, CONSISTENT, INCONSISTENT, Check, _doc_words,
                                      _unit_class, entity_of, specific)
from extractors.checks.targets import _result_target
from extractors.checks.tolerance import interval, show_amount, vn
from extractors.record import Mention

GROWTH_KEYS = frozenset({"grdp_growth"})  # `tăng 7,2%` and `đạt 7,2%` say the same of a growth rate
RATIO_GUARD = 3.0       # versions more than 3× apart are taken for different figures, not a discrepancy


def check_across(mentions: list[Mention], docs: dict[str, dict] | None = None) -> list[Check]:
    """Checks over the whole corpus: figure versions and results against targets."""
    docs = docs or {}
    out = _figure_versions(mentions, docs)
    out += _results_targets(mentions, docs)
    return out


# The groups the checks across documents compare within: a check of either kind involves the figures of
# one group only, so a stored check stays right until a figure of its group is added, changed or removed
# (what `pipeline.checks_store` recomputes incrementally). A results group holds every versions group of
# its indicator, entity, unit and comparison.
def _comparable(m: Mention) -> tuple[str, str, str] | None:
    """(indicator key, entity, unit class) of a figure the checks across documents compare, else None."""
    if m.status not in ("actual", "target") or m.kind in ("rank", "multiplier") or not m.period:
        return None
    sp = specific(m)
    uc = _unit_class(m)
    ent = entity_of(m)
    if sp is None or uc is None or not ent:
        return None
    return sp[0], ent, uc


def versions_group(m: Mention, c: tuple | None | bool = False) -> tuple | None:
    """The `figure_versions` group of a figure: indicator, entity, period, status, kind, unit, comparison,
    direction (`c`: its `_comparable`, when known)."""
    c = _comparable(m) if c is False else c
    if c is None:
        return None
    key, ent, uc = c
    if m.kind == "fraction":
        kc = "fraction"
    elif m.kind in ("percent", "range") and uc == "%":
        kc = "pct"
    else:
        kc = "amount"
    dirn = "" if key in GROWTH_KEYS and m.direction == "increase" else (m.direction or "")
    return key, ent, m.period, m.status, kc, uc, m.compared_to or "", dirn


def targets_group(m: Mention, c: tuple | None | bool = False) -> tuple | None:
    """The `result_target` group of a figure (across documents): indicator, entity, unit, comparison."""
    c = _comparable(m) if c is False else c
    if c is None:
        return None
    key, ent, uc = c
    return key, ent, uc, m.compared_to or ""


def groups_of(m: Mention) -> tuple[tuple | None, tuple | None]:
    """(`versions_group`, `targets_group`) of a figure."""
    c = _comparable(m)
    return versions_group(m, c), targets_group(m, c)


def figure_versions(mentions: list[Mention], docs: dict[str, dict] | None = None,
                    groups: list[tuple | None] | None = None) -> list[Check]:
    """The `figure_versions` checks of `check_across` alone (`groups`: each figure's `versions_group`, if known)."""
    return _figure_versions(mentions, docs or {}, groups)


def results_targets(mentions: list[Mention], docs: dict[str, dict] | None = None,
                    groups: list[tuple | None] | None = None) -> list[Check]:
    """The `result_target` checks of `check_across` alone (results against targets of any document;
    `groups`: each figure's `targets_group`, if known)."""
    return _results_targets(mentions, docs or {}, groups)


def _grouped(mentions: list[Mention], group_of, known: list | None) -> list[tuple[tuple, list[Mention]]]:
    """The mentions by group, sorted by group: `known` holds each mention's group (None: in no group) when the
    caller has them already, else `group_of` gives them."""
    groups: dict[tuple, list[Mention]] = defaultdict(list)
    for m, g in zip(mentions, known if known is not None else map(group_of, mentions)):
        if g is not None:
            groups[g].append(m)
    return sorted(groups.items())


def _figure_versions(mentions: list[Mention], docs: dict[str, dict], known: list | None = None) -> list[Check]:
    out = []
    for (key, ent, period, status, kc, uc, cmp, dirn), ms in _grouped(mentions, versions_group, known):
        docset = {m.doc for m in ms}
        if len(docset) < 2:
            continue
        ms = sorted(ms, key=lambda m: ((docs.get(m.doc) or {}).get("published") or "", m.doc, m.start))
        canonical = key in CANONICAL_KEYS
        ivs = [_version_interval(m) for m in ms]
        points = [_point(m) for m in ms]
        # the versions in a disagreement with a version of another document (a version of a figure
        # reported by thousands of documents is compared with the others' extremes, not pair by pair)
        disagree = _disagreeing(ivs, [m.doc for m in ms], [m.denominator for m in ms] if kc == "fraction" else None)
        finite = [p for p in points if p is not None and p > 0]
        spread = max(finite) / min(finite) if finite else 1.0
        if not disagree:
            verdict, note = CONSISTENT, "all versions agree within their printed precision"
        elif not canonical:
            verdict, note = CANNOT_TELL, "the versions differ, but the indicator is not a known one: they may be different figures"
        elif status == "target":
            verdict, note = CANNOT_TELL, ("the targets differ, but a plan, its revision and a forecast (dự kiến) "
                                          "can all be stated for one period")
        elif spread > RATIO_GUARD:
            verdict, note = CANNOT_TELL, f"the versions differ {vn(spread, 1)}-fold: probably different figures"
        elif not all(_period_explicit(ms[x]) for x in disagree):
            verdict, note = CANNOT_TELL, ("the versions differ, but the period of one was inferred from its "
                                          "context, not named in its sentence")
        else:
            verdict, note = INCONSISTENT, "the sources report different values"
        unit = "%" if kc == "pct" else (ms[0].unit or "")
        listed = "; ".join(f"{m.text} ({_doc_words(m, docs)})" for m in ms[:8])
        if len(ms) > 8:
            listed += f"; and {len(ms) - 8} more versions (see check_mentions)"
        fin = [p for p in points if p is not None]
        diff = (max(fin) - min(fin)) if fin else None
        diff_words = ""
        if diff is not None and disagree:
            diff_words = f"; largest difference {vn(diff) + ' percentage points' if kc == 'pct' else show_amount(diff, unit)}"
        label = ms[0].indicator or key
        out.append(Check("figure_versions", verdict,
                         f"{label}, {ms[0].entity or ent}, {period} ({status}): {listed}{diff_words}: {note}: {verdict}",
                         [(m, "version") for m in ms], tolerance=None, stated=fin[0] if fin else None,
                         computed=fin[-1] if fin else None, difference=diff, unit=unit, scope="corpus"))
    return out


def _disagreeing_pairwise(ivs: list[tuple[float, float]], docs: list, dens: list | None) -> list[int]:
    """Indices of the versions whose interval is apart from that of a version of another document (or,
    for fractions, whose denominator differs), comparing every pair."""
    out = set()
    for x in range(len(ivs)):
        for y in range(x + 1, len(ivs)):
            if docs[x] == docs[y]:
                continue
            a, b = ivs[x], ivs[y]
            if a[1] < b[0] or b[1] < a[0] or (dens is not None and dens[x] != dens[y]):
                out.update((x, y))
    return sorted(out)


def _disagreeing(ivs: list[tuple[float, float]], docs: list, dens: list | None = None) -> list[int]:
    """What `_disagreeing_pairwise` finds, in linear time: a version is apart from some version of another
    document when the lowest upper bound (or highest lower bound) among the other documents is beyond it,
    and a denominator differs when not every version of the other documents has the same one."""
    if any(v != v for iv in ivs for v in iv) or (dens is not None and any(d != d for d in dens)):
        return _disagreeing_pairwise(ivs, docs, dens)  # NaN compares unlike anything: the literal rule
    lo_max: dict = {}
    hi_min: dict = {}
    for (lo, hi), d in zip(ivs, docs):
        if d not in lo_max or lo > lo_max[d]:
            lo_max[d] = lo
        if d not in hi_min or hi < hi_min[d]:
            hi_min[d] = hi

    def two(best: dict, sign: int) -> list[tuple[float, object]]:
        return sorted(((v, d) for d, v in best.items()), key=lambda x: sign * x[0])[:2]
    highest_lo, lowest_hi = two(lo_max, -1), two(hi_min, 1)

    def other(best: list[tuple[float, object]], d) -> float | None:
        for v, dd in best:
            if dd != d:
                return v
        return None
    if dens is not None:
        per_doc = Counter(docs)
        per_den = Counter(dens)
        per_doc_den = Counter(zip(docs, dens))
    out = []
    for i, ((lo, hi), d) in enumerate(zip(ivs, docs)):
        a, b = other(highest_lo, d), other(lowest_hi, d)
        if (a is not None and hi < a) or (b is not None and b < lo):
            out.append(i)
        elif dens is not None and (len(docs) - per_doc[d]) - (per_den[dens[i]] - per_doc_den[(d, dens[i])]) > 0:
            out.append(i)
    return out


def _period_explicit(m: Mention) -> bool:
    """The sentence names the figure's period (its years), so the version is not about another time."""
    years = re.findall(r"(?:19|20)\d{2}", m.period or "")
    return bool(years) and all(y in (m.sentence or "") for y in years)


def _point(m: Mention) -> float | None:
    if m.kind == "range" and m.low is not None and m.high is not None:
        return (m.low + m.high) / 2
    return m.value


def _version_interval(m: Mention) -> tuple[float, float]:
    return interval(m)


def _results_targets(mentions: list[Mention], docs: dict[str, dict], known: list | None = None) -> list[Check]:
    out = []
    for (key, ent, uc, cmp), ms in _grouped(mentions, targets_group, known):
        results = [m for m in ms if m.status == "actual" and m.kind != "range" and m.value is not None]
        targets = [m for m in ms if m.status == "target"]
        # a corpus repeats the same indicator in many documents: compare each result with the targets of
        # its own document and, per target period, the few published closest to it (the nearest one that
        # fits is kept below), so the work grows with the corpus, not with its square
        same_doc: dict[str, list[Mention]] = defaultdict(list)
        by_period: dict[str, list[tuple[float, Mention]]] = defaultdict(list)
        for t in targets:
            same_doc[t.doc].append(t)
            by_period[t.period].append((_month_number(docs.get(t.doc, {}).get("published")), t))
        for lst in by_period.values():
            lst.sort(key=lambda x: (x[0], x[1].doc or "", x[1].start))
        for r in results:
            best: dict[str, tuple[float, Check]] = {}
            r_month = _month_number(docs.get(r.doc, {}).get("published"))
            candidates = list(same_doc.get(r.doc, []))
            for lst in by_period.values():
                k = bisect.bisect_left(lst, r_month, key=lambda x: x[0])
                candidates += [t for _, t in lst[max(0, k - _NEAREST_TARGETS):k + _NEAREST_TARGETS] if t.doc != r.doc]
            for t in candidates:
                c = _result_target(r, t, key, docs, tied=r.doc == t.doc and (
                    r.extra.get("sentence_index") == t.extra.get("sentence_index") or key in CANONICAL_KEYS))
                if c is None:
                    continue
                if t.doc == r.doc:
                    out.append(c)
                    continue
                # from other documents, one target per period: the one published closest to the result
                gap = _months_apart(docs.get(r.doc, {}).get("published"), docs.get(t.doc, {}).get("published"))
                if t.period not in best or gap < best[t.period][0]:
                    best[t.period] = (gap, c)
            out += [c for _, c in best.values()]
    return out


_NEAREST_TARGETS = 4


def _month_number(s: str | None) -> float:
    mm = re.match(r"((?:19|20)\d{2})(?:-(\d{2}))?", s or "")
    return int(mm.group(1)) * 12 + int(mm.group(2) or 6) if mm else 1e6


def _months_apart(a: str | None, b: str | None) -> float:
    def months(s):
        mm = re.match(r"((?:19|20)\d{2})(?:-(\d{2}))?", s or "")
        return int(mm.group(1)) * 12 + int(mm.group(2) or 6) if mm else None
    x, y = months(a), months(b)
    return abs(x - y) if x is not None and y is not None else 1e6
