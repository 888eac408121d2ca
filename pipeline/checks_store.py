"""The `checks` and `check_mentions` tables: every check of the stored mentions, with its worked sum.

`run_checks(db)` reads the documents, sentences and mentions in the database, runs the checks of
`extractors.checks` (each document's arithmetic, then the corpus-wide figure versions and results
against targets) and replaces both tables in one transaction. Keys are derived from the check type
and the mentions involved, so a re-run gives the same rows.

`check_mentions` links a check to each mention it involves, with the mention's role (`fraction`,
`percent`, `part`, `total`, `current`, `base`, `change`, `result`, `target`, `version` …). Its foreign
keys cascade: a document re-extracted by `chitieu run` drops its old links until the next `run_checks`.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

import sqlite_utils

from extractors.checks import Check, check_across, check_document, mention_key, unique_checks
from extractors.record import Mention
from extractors.sentences import Sentence

CHECK_COLUMNS = {
    "id": str, "check_type": str, "verdict": str, "computation": str, "tolerance": float, "stated": float,
    "computed": float, "difference": float, "ratio": float, "outcome": str, "unit": str, "scope": str,
    "doc": str, "documents": int, "sentence_id": str, "sentence": str, "indicator_key": str, "entity": str,
    "period": str, "mentions": str,
}

_CHECKS_DDL = """
create table if not exists [checks] (
  [id] text primary key,
  [check_type] text, [verdict] text, [computation] text, [tolerance] float, [stated] float,
  [computed] float, [difference] float, [ratio] float, [outcome] text, [unit] text, [scope] text,
  [doc] text references [documents]([id]) on delete cascade,
  [documents] integer, [sentence_id] text, [sentence] text, [indicator_key] text, [entity] text,
  [period] text, [mentions] text
)"""
_LINKS_DDL = """
create table if not exists [check_mentions] (
  [check_id] text not null references [checks]([id]) on delete cascade,
  [mention_id] text not null references [mentions]([id]) on delete cascade,
  [role] text not null,
  [position] integer,
  [doc] text,
  primary key ([check_id], [mention_id], [role])
)"""


# Canned queries for Datasette (metadata.yml `queries:`), kept here so the tests run the same SQL.
CANNED_QUERIES = {
    "inconsistent_figures": """select c.check_type, c.computation, l.role, m.text as figure, m.sentence, d.id as document,
  d.title, d.published, d.source, d.url, c.id as check_id
from checks c
  join check_mentions l on l.check_id = c.id
  join mentions m on m.id = l.mention_id
  join documents d on d.id = m.doc
where c.verdict = 'inconsistent' and (:check_type = '' or c.check_type = :check_type)
order by c.check_type, abs(c.difference) desc, c.id, l.position""",
    "figure_versions": """select c.verdict, c.indicator_key, c.entity, c.period, c.difference as largest_difference,
  c.unit, m.text as figure, m.value, m.low, m.high, m.status, m.sentence, d.title, d.published,
  d.source, d.url, c.id as check_id
from checks c
  join check_mentions l on l.check_id = c.id
  join mentions m on m.id = l.mention_id
  join documents d on d.id = m.doc
where c.check_type = 'figure_versions'
  and (:indicator_key = '' or c.indicator_key = :indicator_key)
  and (:verdict = '' or c.verdict = :verdict)
order by c.verdict = 'inconsistent' desc, c.difference desc, c.id, d.published""",
}


def ensure_tables(db: sqlite_utils.Database) -> None:
    db.execute(_CHECKS_DDL)
    db.execute(_LINKS_DDL)
    for table, cols in (("checks", ["verdict"]), ("checks", ["check_type"]), ("checks", ["doc"]),
                        ("checks", ["indicator_key"]), ("check_mentions", ["mention_id"]),
                        ("check_mentions", ["doc"])):
        name = f"idx_{table}_{'_'.join(cols)}"
        db.execute(f"create index if not exists [{name}] on [{table}] ({', '.join(f'[{c}]' for c in cols)})")


def _mention(row: dict) -> Mention:
    m = Mention(start=row["start"], end=row["end"], text=row["text"], kind=row["kind"], value=row["value"],
                low=row["low"], high=row["high"], denominator=row["denominator"], unit=row["unit"],
                qualifier=row["qualifier"], indicator=row["indicator"], entity=row["entity"], period=row["period"],
                status=row["status"], compared_to=row["compared_to"], sentence=row["sentence"], doc=row["doc"],
                decimals=row.get("decimals") or 0, direction=row.get("direction"))
    m.extra["id"] = row["id"]
    m.extra["indicator_key"] = row.get("indicator_key")
    m.extra["province"] = row.get("province")
    m.extra["province_new"] = row.get("province_new")
    sid = row.get("sentence_id")
    if sid and ":" in sid:
        try:
            m.extra["sentence_index"] = int(sid.rsplit(":", 1)[1])
        except ValueError:
            pass
    return m


def compute_checks(db: sqlite_utils.Database) -> list[Check]:
    """Every check over the mentions stored in `db` (nothing is written)."""
    cols = {c.name for c in db["mentions"].columns}
    want = ["id", "doc", "sentence_id", "start", "end", "text", "kind", "value", "low", "high", "denominator",
            "unit", "qualifier", "indicator", "indicator_key", "entity", "province", "province_new", "period",
            "status", "compared_to", "direction", "decimals", "sentence"]
    select = ", ".join(f"[{c}]" if c in cols else f"null as [{c}]" for c in want)
    per_doc: dict[str, list[Mention]] = defaultdict(list)
    for row in db.query(f"select {select} from mentions order by doc, start"):
        per_doc[row["doc"]].append(_mention(row))
    sents: dict[str, list[Sentence]] = defaultdict(list)
    for row in db.query("select document, idx, start, [end], text from sentences order by document, idx"):
        sents[row["document"]].append(Sentence(row["idx"], row["start"], row["end"], row["text"], 0))
    meta: dict[str, dict] = {}
    checks: list[Check] = []
    for row in db.query("select id, title, published, source, url, text from documents"):
        d = row["id"]
        meta[d] = {"title": row["title"], "published": row["published"], "source": row["source"], "url": row["url"]}
        if per_doc.get(d):
            # sentence rows are indexed by position; a gap in the index falls back to splitting the text
            ss = sents.get(d)
            if ss and [s.index for s in ss] != list(range(len(ss))):
                ss = None
            checks += check_document(row["text"] or "", per_doc[d], ss)
    checks += check_across([m for ms in per_doc.values() for m in ms], meta)
    return unique_checks(checks)


def run_checks(db: sqlite_utils.Database | str | Path) -> dict:
    """Compute every check and replace the `checks` and `check_mentions` tables. Returns counts."""
    if not isinstance(db, sqlite_utils.Database):
        from pipeline.store import open_db
        db = open_db(db)
    ensure_tables(db)
    checks = compute_checks(db)
    rows, links = [], []
    for c in checks:
        r = c.row()
        r["mentions"] = json.dumps(r["mentions"], ensure_ascii=False)
        rows.append(r)
        cid = r["id"]  # computed once: a figure seen in thousands of documents makes a long check
        for pos, (m, role) in enumerate(c.mentions):
            links.append({"check_id": cid, "mention_id": mention_key(m), "role": role, "position": pos,
                          "doc": m.doc})
    with db.conn:
        db.execute("delete from [check_mentions]")
        db.execute("delete from [checks]")
        if rows:
            db["checks"].insert_all(rows, pk="id", replace=True)
        if links:
            db["check_mentions"].insert_all(links, pk=("check_id", "mention_id", "role"), replace=True)
    counts = Counter(c.verdict for c in checks)
    by_type = Counter(c.check_type for c in checks)
    return {"checks": len(checks), "consistent": counts.get("consistent", 0),
            "inconsistent": counts.get("inconsistent", 0), "cannot tell": counts.get("cannot tell", 0),
            "by_type": dict(sorted(by_type.items()))}
