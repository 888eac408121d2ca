"""`chitieu check "CLAIM"`: the stored figures that support or contradict a journalist's sentence.

The claim is read like any document (one sentence: its figures, indicator, entity, period, status);
for each figure the database is searched for mentions of the same indicator (the same indicator key,
the claim's indicator words in the stored indicator, or in the stored figure's clause), the same
entity or province (old or new name), and the same period when the claim names one. Each stored
figure gets a verdict with the worked comparison:

- `consistent`: the values agree within the printed precision of both (the figure supports the claim);
- `inconsistent`: same indicator, entity and period, comparable units, and the values disagree;
- `cannot tell`: comparable numbers but another period, a target rather than a result, another base
  of comparison, a merged province, or an indicator matched only loosely.
"""
from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path

from extractors.attribution import find_periods
from extractors.document import Document
from extractors.indicators import indicator_key
from extractors.checks import CANNOT_TELL, CONSISTENT, INCONSISTENT, _tol_words, half_unit, interval, vn
from extractors.normalize import fold, nfc
from extractors.record import Mention
from pipeline.db.checks_store import _mention
from extractors.extract import extract_document

STOP = set("cac cua tren dia ban tinh thanh pho huyen nam dat la va o tai toan so voi muc ty le ti le trong "
           "nhung duoc co".split())
VERDICT_WORDS = {CONSISTENT: "SUPPORTS", INCONSISTENT: "CONTRADICTS", CANNOT_TELL: "CANNOT TELL"}
ORDER = {INCONSISTENT: 0, CONSISTENT: 0, CANNOT_TELL: 1}


def read_claim(claim: str) -> list[Mention]:
    """The figures of the claim, attributed as in a one-sentence document."""
    text = nfc(claim).strip()
    if text and text[-1] not in ".!?;…":
        text += "."  # a sentence, not a heading: headings carry no status
    ex = extract_document(Document(id="claim", source="claim", text=text))
    for m in ex.mentions:
        m.extra["explicit_period"] = bool(find_periods(text))
        if m.compared_to and "so voi" not in fold(text) and m.compared_to != "cùng kỳ":
            m.compared_to = None  # a year the claim names is its period, not a base of comparison
    return ex.mentions


def _syllables(s: str | None, drop: set[str] = frozenset()) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", fold(nfc(s or ""))) if w not in STOP and w not in drop]


def _entity_words(m: Mention) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", fold(m.entity or "")))


def indicator_match(cm: Mention, row: dict) -> str | None:
    """How the stored figure's indicator matches the claim's: `key`, `phrase`, `words`, or None."""
    ck = indicator_key(cm.indicator)
    if ck and row.get("indicator_key") and ck == row["indicator_key"]:
        return "key"
    cw = [w for w in _syllables(cm.indicator, _entity_words(cm)) if not w.isdigit()]
    if not cw:
        return None
    phrase = " ".join(cw)
    rw = _syllables(row.get("indicator"))
    if phrase and phrase in " ".join(rw):
        return "phrase"
    # the claim's words around the stored figure, within its clause (`171/182 xã (tỷ lệ 94%) đạt chuẩn …`)
    sent = row.get("sentence") or ""
    k = sent.find(row.get("text") or "\0")
    if k >= 0 and len(cw) >= 2:
        lo = max(sent.rfind(";", 0, k), sent.rfind(",", 0, max(0, k - 80)))
        end = k + len(row.get("text") or "")
        stops = [x for x in (sent.find(",", end), sent.find(";", end)) if x >= 0]
        hi = min(stops) if stops else len(sent)
        around = " ".join(w for w in _syllables(sent[lo + 1:hi]) if not w.isdigit())
        if phrase in around:
            return "phrase"
    overlap = set(cw) & set(rw)
    if len(overlap) >= 2 and len(overlap) >= 0.6 * min(len(set(cw)), len(set(rw))):
        return "words"
    return None


def _unit_ok(cm: Mention, sm: Mention) -> bool:
    cu, su = (cm.unit or "").split("/")[0].strip(), (sm.unit or "").split("/")[0].strip()
    pct = {"percent", "range"}
    if cm.kind in ("percent", "fraction") and sm.kind in ("percent", "fraction"):
        if cm.kind == sm.kind == "fraction":
            return fold(cu) == fold(su) or not cu or not su
        if cm.kind == "percent" and cu != "%":
            return False
        if sm.kind == "percent" and su != "%":
            return False
        return True
    if cm.kind in pct | {"money", "quantity"} and sm.kind in pct | {"money", "quantity"}:
        if cu == "%" or su == "%":
            return cu == su
        return bool(cu) and (fold(cu) == fold(su) or fold(su).startswith(fold(cu) + " ")
                             or fold(cu).startswith(fold(su) + " "))
    return cm.kind == sm.kind and cm.kind in ("rank", "multiplier")


def _as_percent(m: Mention) -> tuple[float, float] | None:
    if m.kind == "fraction" and m.denominator:
        share = 100.0 * m.value / m.denominator
        return share, share
    return None


def compare(cm: Mention, sm: Mention) -> tuple[bool, str]:
    """(agree?, the worked comparison) of a claim figure and a stored figure with comparable units."""
    if cm.kind == sm.kind == "fraction":
        agree = abs(cm.value - sm.value) < 1e-9 and abs((cm.denominator or 0) - (sm.denominator or 0)) < 1e-9
        return agree, f"claim {cm.text} vs stored {sm.text}: {'the same' if agree else 'different'} fraction"
    ci, si = interval(cm), interval(sm)
    cp, sp = _as_percent(cm), _as_percent(sm)
    if cp and sm.kind == "percent":
        ci = cp
    if sp and cm.kind == "percent":
        si = sp
    agree = ci[1] >= si[0] and si[1] >= ci[0]

    def show(m: Mention, iv) -> str:
        if m.kind == "fraction" and (cp or sp):
            return f"{m.text} = {vn(iv[0])} %"
        return m.text

    h = half_unit(sm)
    words = _tol_words(sm, h, 0.0) if sm.kind != "range" else "its range"
    return agree, f"claim {show(cm, ci)} vs stored {show(sm, si)} ({words}): {'they agree' if agree else 'they differ'}"


def _entity_sql(entity: str | None) -> tuple[str, list]:
    if not entity:
        return "1 = 1", []
    return ("(m.entity = ? or m.province = ? or m.province_new = ? or m.entity like ?)",
            [entity, entity, entity, f"%{entity}%"])


def find_matches(conn: sqlite3.Connection, cm: Mention, limit: int = 20) -> list[dict]:
    cols = {r[1] for r in conn.execute("pragma table_info(mentions)")}
    period = cm.period if cm.extra.get("explicit_period") else None
    where, params = _entity_sql(cm.entity)
    if period:
        where += " and m.period = ?"
        params.append(period)
    pick = [c for c in ("id", "doc", "sentence_id", "start", "end", "text", "kind", "value", "low", "high",
                        "denominator", "unit", "qualifier", "indicator", "indicator_key", "entity", "province",
                        "province_new", "period", "status", "compared_to", "direction", "decimals", "sentence")]
    select = ", ".join(f"m.[{c}]" if c in cols else f"null as [{c}]" for c in pick)
    conn.row_factory = sqlite3.Row
    rows = conn.execute(f"""select {select}, d.title as doc_title, d.url as doc_url, d.source as doc_source,
                                   d.published as doc_published
                            from mentions m join documents d on d.id = m.doc where {where}""", params).fetchall()
    out = []
    for row in rows:
        row = dict(row)
        how = indicator_match(cm, row) if cm.indicator else "none"
        if how is None:
            continue
        sm = _mention(row)
        if not _unit_ok(cm, sm) or (sm.value is None and sm.kind != "range"):
            continue
        agree, calc = compare(cm, sm)
        notes = []
        exact_entity = (cm.entity or "").casefold() in ((sm.entity or "").casefold(), (row.get("province") or "").casefold())
        if cm.entity and not exact_entity and (row.get("province_new") or "").casefold() == cm.entity.casefold() \
                and (row.get("province") or "").casefold() != cm.entity.casefold():
            notes.append(f"a figure of {row.get('province')}, now part of {row.get('province_new')}")
        if cm.status and sm.status and cm.status != sm.status:
            notes.append(f"the stored figure is a {sm.status}, the claim a {cm.status}")
        elif not cm.status and sm.status == "target":
            notes.append("the stored figure is a target")
        if (cm.compared_to or sm.compared_to) and cm.compared_to != sm.compared_to:
            notes.append(f"a different base of comparison ({sm.compared_to or 'none'} vs {cm.compared_to or 'none'})")
        if cm.direction and sm.direction and cm.direction != sm.direction:
            notes.append(f"a {sm.direction}, the claim a {cm.direction}")
        if not period:
            notes.append(f"the claim names no period; this figure is for {sm.period or 'an unknown period'}")
        if how == "words" or how == "none":
            notes.append("the indicator matches only loosely")
        blocking = [n for n in notes if not n.startswith("the claim names no period")]
        if agree and not blocking:
            verdict = CONSISTENT
        elif not agree and not notes:
            verdict = INCONSISTENT
        else:
            verdict = CANNOT_TELL
        out.append({
            "verdict": verdict, "match": how, "computation": calc + (f" ({'; '.join(notes)})" if notes else ""),
            "mention_id": row["id"], "text": row["text"], "kind": row["kind"], "value": row["value"],
            "low": row["low"], "high": row["high"], "denominator": row["denominator"], "unit": row["unit"],
            "indicator": row["indicator"], "entity": row["entity"], "province": row["province"],
            "province_new": row["province_new"], "period": row["period"], "status": row["status"],
            "sentence": row["sentence"], "document": row["doc"], "title": row["doc_title"], "url": row["doc_url"],
            "source": row["doc_source"], "published": row["doc_published"],
        })
    rank = {"key": 0, "phrase": 1, "words": 2, "none": 3}
    out.sort(key=lambda r: r["published"] or "", reverse=True)  # newest first, then by verdict and match
    out.sort(key=lambda r: (ORDER[r["verdict"]], rank[r["match"]]))
    return out[:limit]


def check_claim(claim: str, db_path: str | Path, limit: int = 20) -> dict:
    figures = read_claim(claim)
    conn = sqlite3.connect(f"file:{Path(db_path)}?mode=ro", uri=True)
    try:
        result = {"claim": claim, "db": str(db_path), "figures": []}
        for cm in figures:
            result["figures"].append({
                "figure": {"text": cm.text, "kind": cm.kind, "value": cm.value, "low": cm.low, "high": cm.high,
                           "denominator": cm.denominator, "unit": cm.unit, "qualifier": cm.qualifier,
                           "indicator": cm.indicator, "indicator_key": indicator_key(cm.indicator),
                           "entity": cm.entity, "period": cm.period if cm.extra.get("explicit_period") else None,
                           "status": cm.status, "compared_to": cm.compared_to},
                "matches": find_matches(conn, cm, limit),
            })
    finally:
        conn.close()
    return result


def format_text(result: dict) -> str:
    lines = [f"Claim: {result['claim']}"]
    if not result["figures"]:
        lines.append("  No figure found in the claim.")
    for i, f in enumerate(result["figures"], 1):
        fg = f["figure"]
        about = " · ".join(x for x in (fg["indicator"], fg["entity"], fg["period"], fg["status"]) if x)
        lines.append(f"\nFigure {i}: {fg['text']}" + (f" — {about}" if about else ""))
        if not f["matches"]:
            lines.append("  No stored figure of this indicator, entity and period.")
        for r in f["matches"]:
            shown = r["text"]
            lines.append(f"  {VERDICT_WORDS[r['verdict']]:<12} {shown}  ({', '.join(x for x in (r['indicator'], r['entity'], r['period'], r['status']) if x)})")
            lines.append(f"      “{(r['sentence'] or '').strip()}”")
            where = " · ".join(x for x in (r["title"], r["published"] or "undated", r["url"] or r["source"]) if x)
            lines.append(f"      {where} [{r['document']}]")
            lines.append(f"      {r['computation']}")
    return "\n".join(lines)


def main(args) -> int:
    db = Path(args.db)
    if not db.exists():
        print(f"chitieu check: database not found: {db} (build it with `chitieu run`)", file=sys.stderr)
        return 2
    result = check_claim(args.claim, db, limit=getattr(args, "limit", 20) or 20)
    if args.format == "json":
        sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(format_text(result) + "\n")
    return 0 if result["figures"] else 1
