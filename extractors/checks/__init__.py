"""Checks a journalist can cite: the arithmetic of the figures printed side by side, the same figure
across sources, and results against their targets.

Every check recomputes something from the printed figures and says how:
`20/23 = 86,96 %; stated xấp xỉ 87 % (±0,5 rounding, ±1,74 for "xấp xỉ"): consistent`.
The tolerance comes from the printed precision: a figure printed with d decimals may be off by
0,5·10^-d of its last printed place (a percentage with d decimals by 0,5·10^-d percentage points),
widened for `xấp xỉ / khoảng / gần` (approx) and opened on one side by `trên / dưới / từ … trở lên`.

Verdicts are `consistent`, `inconsistent` and `cannot tell`. A wrong `inconsistent` costs a
journalist's trust, so a check says `inconsistent` only when the figures are tied together by the
sentence itself (`20/23 nhiệm vụ, đạt 87%`, `28 chỉ tiêu (4 …; 9 …)`) or by a canonical indicator
key; a pairing the checks had to guess gives `cannot tell` when the numbers disagree. Figures that
are not comparable (different units, entities, periods, bases) give no check at all.

Check types:
- `fraction_percent`: a fraction against the percentage printed beside it (or the excess `vượt x%`).
- `share_of_total`: a count against its share of a total stated in the same sentence (`58 cán bộ,
  trong đó có 12 cán bộ nữ, chiếm 20,7%`) or named by `tổng số <noun>` and stated once earlier.
- `target_share`: an amount against `đạt x% kế hoạch` and the target stated in the document.
- `parts_total`: parts against their stated total (`28 chỉ tiêu (4 …; 9 …; 10 …; 5 …)`, `55 dự án,
  trong đó 54 … và 1 …`), and a fraction with its complement (`126/130 …, 04 … không hoàn thành`).
- `shares_sum`: the shares of a structure (`cơ cấu … chiếm`) against 100 %.
- `change`: a change against both values when both are printed (percentage points, percent change,
  `gấp k lần`), the base taken from the same sentence or from the same document.
- `rank`: a rank against the number ranked (`thứ 32/63`); `range`: a range's bounds in order.
- across sentences (`earlier`, scope `document`): a `share_of_total` whose total was stated sentences
  before (`Trong số đảng viên mới: có 620 …, chiếm 43,97%`), a `target_share` of a bare `đạt 94%` against
  the plan stated before, a `parts_total` of a total broken down by the next sentence, and of a table's
  rows against its total row. Each check lists its figures, so the sentences it links are known.
- `figure_versions`: the same indicator, entity, period and status reported with different values by
  different documents (across the corpus).
- `result_target`: a result and the target for the same indicator, entity and period (or the term
  the period lies in), with the share achieved and what the sentence claims (`vượt kế hoạch`).

Modules, one concern each: `record` (the `Check`, its verdicts, the keys figures are compared by),
`tolerance` (printed precision, intervals, the words that explain a tolerance), `links` (the text
around the figures and the words that tie two of them), `arithmetic` (fraction_percent, share_of_total,
parts_total, shares_sum, rank, range), `changes`, `targets` (results against targets inside a
document), `earlier` (figures against a base stated in an earlier sentence), `across` (figure_versions
and result_target across documents) and `document` (every check of one document). This package exposes what its callers import.
"""
from __future__ import annotations

from extractors.checks.across import (_disagreeing, _disagreeing_pairwise, check_across, figure_versions, groups_of,
                                     results_targets)
from extractors.checks.document import check_document
from extractors.checks.links import DocText
from extractors.checks.record import (CANNOT_TELL, CANONICAL_KEYS, CONSISTENT, INCONSISTENT, Check, mention_key,
                                     unique_checks)
from extractors.checks.tolerance import _tol_words, half_unit, interval, vn

__all__ = ["CANNOT_TELL", "CANONICAL_KEYS", "CONSISTENT", "INCONSISTENT", "Check", "DocText", "_disagreeing",
           "_disagreeing_pairwise", "_tol_words", "check_across", "check_document", "figure_versions", "groups_of",
           "half_unit", "interval", "mention_key", "results_targets", "unique_checks", "vn"]
