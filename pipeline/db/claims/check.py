"""The answer to a journalist's claim: does the database support it, contradict it, or not tell?

The claim is read by `read` (its figures, province, period, status, words; with or without diacritics)
and each figure is judged against the stored figures by `match` (value first, in the claim's province,
ranked by indicator, period and unit agreement). Each figure gets one answer:

| answer | when |
| --- | --- |
| supported | a stored figure of the same indicator, province, period and status has the claim's value |
| contradicted | no stored figure supports it, and one of the same indicator, province, period and status has another value (shown with the worked difference) |
| cannot tell | stored figures bear on it but cannot settle it (another period, a target not a result, another base, a district or former province, a loose indicator), each with why |
| not found | nothing comparable is stored; the nearest stored figures of that province and indicator are listed |

A claim of several figures answers contradicted if one figure is contradicted, supported if every figure
is, not found if none is found, else cannot tell. A claim that is empty or longer than `MAX_CLAIM_CHARS`
raises `ClaimError`. Every stored figure shown carries its sentence, the document's title, date and URL (or
source file), and its archived copy when the crawler kept one. `chitieu check` (pipeline/orchestration/
claim.py) prints the answer and exits with its status; `/-/check` (pipeline/web/plugins/chitieu_check.py)
shows it in Datasette.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

from extractors.checks import CANNOT_TELL, CONSISTENT, INCONSISTENT
from pipeline.db.claims.match import MATCH_RANK, candidates, judge
from pipeline.db.claims.read import ClaimFigure, read_claim

MAX_CLAIM_CHARS = 1000     # a sentence or two; a longer text is refused with a clear message
MAX_FIGURES = 12           # figures of one claim that are checked
SUPPORTED, CONTRADICTED, UNDECIDED, NOT_FOUND = "supported", "contradicted", "cannot tell", "not found"
EXIT = {SUPPORTED: 0, CONTRADICTED: 3, UNDECIDED: 4, NOT_FOUND: 5}
# each answer as a Vietnamese reader reads it (the terminal and the /-/check page say the same)
ANSWER_VI = {SUPPORTED: "có nguồn xác nhận", CONTRADICTED: "nguồn ghi khác", UNDECIDED: "chưa đủ căn cứ",
             NOT_FOUND: "không tìm thấy số liệu"}
NO_FIGURE = 1
ORDER = {CONSISTENT: 0, INCONSISTENT: 1, CANNOT_TELL: 2}


class ClaimError(ValueError):
    """A claim that cannot be read: empty or too long. The message says which and why."""


def check_text(claim: str) -> str:
    text = (claim or "").strip()
    if not text:
        raise ClaimError("the claim is empty: give a sentence with a figure, e.g. "
                         "\"Vĩnh Phúc kết nạp 2.101 đảng viên năm 2021\"")
    if len(text) > MAX_CLAIM_CHARS:
        raise ClaimError(f"the claim is {len(text):,} characters long; at most {MAX_CLAIM_CHARS:,} are read "
                         f"(one or two sentences with the figure to check)")
    return text


def _archives(conn: sqlite3.Connection, docs: set[str]) -> dict[str, str]:
    """The archived copy of each document the crawler kept (`document_urls.archive`), when there is one."""
    if not docs or not conn.execute("select 1 from sqlite_master where name = 'document_urls'").fetchone():
        return {}
    q = ",".join("?" * len(docs))
    out = {}
    for d, a in conn.execute(f"select document, archive from document_urls where document in ({q}) "
                             "and archive is not null order by url", sorted(docs)):
        out.setdefault(d, a)
    return out


def _shown(j: dict) -> dict:
    r = j["row"]
    return {"verdict": j["verdict"], "match": j["match"], "computation": j["computation"], "why": j["why"],
            "mention_id": r["id"], "text": r["text"], "kind": r["kind"], "value": r["value"], "low": r["low"],
            "high": r["high"], "denominator": r["denominator"], "unit": r["unit"], "indicator": r["indicator"],
            "indicator_key": r["indicator_key"], "entity": r["entity"], "province": r["province"],
            "province_new": r["province_new"], "period": r["period"], "status": r["status"],
            "sentence": r["sentence"], "sentence_id": r["sentence_id"], "document": r["doc"],
            "title": r["doc_title"], "url": r["doc_url"], "source": r["doc_source"], "published": r["doc_published"],
            "archive": None}


def _closeness(cf: ClaimFigure, j: dict) -> tuple:
    sm = j["mention"]
    v = cf.mention.value or 0.0
    rel = abs((sm.value or 0.0) - v) / (abs(v) or 1.0)
    return len(j["why"]), MATCH_RANK[j["match"]], sm.period != cf.period, rel


def judge_figure(conn: sqlite3.Connection, cf: ClaimFigure, limit: int) -> dict:
    judged, seen = [], set()
    for row in candidates(conn, cf):
        j = judge(cf, row)
        once = (row["doc"], row["text"], row["period"])  # a figure printed twice in one page is one source
        if j is not None and once not in seen:
            seen.add(once)
            judged.append(j)
    matches = [j for j in judged if j["verdict"]]
    strong = [j for j in matches if j["match"] != "loose"]
    if strong:
        matches = strong  # loose matches only when nothing agrees better
    matches.sort(key=lambda j: j["row"]["doc_published"] or "", reverse=True)  # newest first within a rank
    matches.sort(key=lambda j: (ORDER[j["verdict"]], MATCH_RANK[j["match"]], bool(j["why"])))
    verdicts = {j["verdict"] for j in matches}
    if CONSISTENT in verdicts:
        answer = SUPPORTED
    elif INCONSISTENT in verdicts:
        answer = CONTRADICTED
    elif matches:
        answer = UNDECIDED
    else:
        answer = NOT_FOUND
    nearest = sorted((j for j in judged if not j["verdict"]), key=lambda j: _closeness(cf, j))[:5] \
        if answer == NOT_FOUND else []
    return {"figure": cf.summary(), "answer": answer, "matches": [_shown(j) for j in matches[:limit]],
            "nearest": [_shown(j) for j in nearest]}


def overall(answers: list[str]) -> str:
    if not answers:
        return NOT_FOUND
    if CONTRADICTED in answers:
        return CONTRADICTED
    if all(a == SUPPORTED for a in answers):
        return SUPPORTED
    if all(a == NOT_FOUND for a in answers):
        return NOT_FOUND
    return UNDECIDED


def check_claim(claim: str, db_path: str | Path, limit: int = 20, immutable: bool = False) -> dict:
    """The answer to a claim, with the stored figures behind it. Raises ClaimError for a claim that cannot
    be read. The database is opened read-only (`immutable`: a file nothing writes, as `chitieu serve
    --public` serves it)."""
    text = check_text(claim)
    figures = read_claim(text)[:MAX_FIGURES]
    mode = "immutable=1" if immutable else "mode=ro"
    conn = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?{mode}", uri=True)
    try:
        out = [judge_figure(conn, cf, limit) for cf in figures]
        docs = {m["document"] for f in out for m in f["matches"] + f["nearest"]}
        arch = _archives(conn, docs)
        for f in out:
            for m in f["matches"] + f["nearest"]:
                m["archive"] = arch.get(m["document"])
    finally:
        conn.close()
    answer = overall([f["answer"] for f in out]) if out else None
    return {"claim": text, "db": str(db_path), "answer": answer, "exit_status": EXIT[answer] if answer else NO_FIGURE,
            "figures": out}
