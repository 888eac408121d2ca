"""`chitieu check "CLAIM"`: does the database support a journalist's sentence, contradict it, or not tell?

The answer comes from `pipeline.db.claims` (`check_claim`: the claim read, each figure judged against the
stored figures); this module prints it and exits with its status:

| answer | exit status | when |
| --- | --- | --- |
| SUPPORTED | 0 | a stored figure of the same indicator, province, period and status has the claim's value |
| CONTRADICTED | 3 | no stored figure supports it, and one of the same indicator, province, period and status has another value (shown with the worked difference) |
| CANNOT TELL | 4 | stored figures bear on it but cannot settle it (another period, a target not a result, another base, a district or former province, a loose indicator), each with why |
| NOT FOUND | 5 | nothing comparable is stored; the nearest stored figures of that province and indicator are listed |

Exit status 1: the claim has no figure; 2: bad input (no database, an empty claim, or a claim longer than
`MAX_CLAIM_CHARS`). Every stored figure shown cites its sentence, the document's title, date and URL (or
source file), and its archived copy when the crawler kept one. The `/-/check` page of Datasette gives the
same answer (pipeline/web/plugins/chitieu_check.py).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from extractors.checks import CANNOT_TELL, CONSISTENT, INCONSISTENT
from pipeline.db.claims import ANSWER_VI, EXIT, MAX_CLAIM_CHARS, NOT_FOUND, ClaimError, check_claim  # noqa: F401

BAD_INPUT = 2
ANSWER_WORDS = {a: f"{a.upper()} ({vi})" for a, vi in ANSWER_VI.items()}  # SUPPORTED (có nguồn xác nhận)
VERDICT_WORDS = {CONSISTENT: "SUPPORTS", INCONSISTENT: "CONTRADICTS", CANNOT_TELL: "CANNOT TELL"}


def _cite(r: dict) -> list[str]:
    where = " · ".join(x for x in (r["title"], r["published"] or "undated", r["url"] or r["source"]) if x)
    lines = [f"      “{(r['sentence'] or '').strip()}”", f"      {where} [{r['document']}]"]
    if r.get("archive"):
        lines.append(f"      archived copy: {r['archive']}")
    return lines


def format_text(result: dict) -> str:
    lines = [f"Claim: {result['claim']}"]
    if not result["figures"]:
        lines.append("  No figure found in the claim (nothing to check).")
        return "\n".join(lines)
    lines.append(f"Answer: {ANSWER_WORDS[result['answer']]}")
    for i, f in enumerate(result["figures"], 1):
        fg = f["figure"]
        about = " · ".join(x for x in (fg["indicator_key"] or fg["indicator"], fg["district"] or fg["province"],
                                       fg["period"], fg["status"]) if x)
        lines.append(f"\nFigure {i}: {fg['text']}" + (f" — {about}" if about else "") +
                     f": {ANSWER_WORDS[f['answer']]}")
        for r in f["matches"]:
            what = ", ".join(x for x in (r["indicator"], r["entity"], r["period"], r["status"]) if x)
            lines.append(f"  {VERDICT_WORDS[r['verdict']]:<12} {r['text']}  ({what})")
            lines += _cite(r)
            lines.append(f"      {r['computation']}")
        if f["answer"] == NOT_FOUND:
            place = fg["district"] or fg["province"] or "any province"
            if f["nearest"]:
                lines.append(f"  No stored figure settles it. The nearest stored figures of that indicator in {place}:")
            else:
                lines.append(f"  No stored figure of this indicator in {place}.")
            for r in f["nearest"]:
                what = ", ".join(x for x in (r["indicator"], r["entity"], r["period"], r["status"]) if x)
                lines.append(f"  NEAREST      {r['text']}  ({what})")
                lines += _cite(r)
                lines.append(f"      {r['computation']}" + (f" ({'; '.join(r['why'])})" if r["why"] else ""))
    return "\n".join(lines)


EPILOG = f"""exit status of a claim (see README.md, "Checking a claim"):
  0  SUPPORTED     a stored figure of the same indicator, province, period and status has the claim's value
  3  CONTRADICTED  one of the same indicator, province, period and status has another value
  4  CANNOT TELL   stored figures bear on it but cannot settle it (another period, a target, a district ...)
  5  NOT FOUND     nothing comparable is stored; the nearest figures of that province and indicator are shown
  1  the claim has no figure;  2  bad input (no database, an empty claim, a claim over {MAX_CLAIM_CHARS} characters)
examples: chitieu check "Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021"
          chitieu check "Ha Tinh ty le ho ngheo 4,68% nam 2021" --format json
"""


def main(args) -> int:
    db = Path(args.db)
    if not db.exists():
        print(f"chitieu check: database not found: {db} (build it with `chitieu run`)", file=sys.stderr)
        return BAD_INPUT
    try:
        result = check_claim(args.claim, db, limit=getattr(args, "limit", 20) or 20)
    except ClaimError as e:
        print(f"chitieu check: {e}", file=sys.stderr)
        return BAD_INPUT
    if args.format == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_text(result) + "\n")
    return result["exit_status"]
