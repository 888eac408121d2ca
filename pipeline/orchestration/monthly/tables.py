"""The monthly batch's bookkeeping: `monthly_runs` (one row an attempt) and `monthly_sites` (one row a site an
attempt crawled), the `since` of a site, the month's `runs` row, and the retagging of a stage's documents
as the month's."""
from __future__ import annotations


def ensure_tables(db) -> None:
    names = set(db.table_names())
    if "monthly_runs" not in names:
        db["monthly_runs"].create({
            "id": int, "month": str, "run": int, "status": str, "started": str, "finished": str, "swap": int,
            "corpus": str, "corpus_run": int, "report": str, "error": str,
        }, pk="id", foreign_keys=[("run", "runs", "id"), ("corpus_run", "runs", "id")])
        db["monthly_runs"].create_index(["month"])
    if "monthly_sites" not in names:
        db["monthly_sites"].create({
            "id": int, "monthly_run": int, "site": str, "since": str, "crawl_run": int, "status": str,
        }, pk="id", foreign_keys=[("monthly_run", "monthly_runs", "id"), ("crawl_run", "runs", "id")])
        db["monthly_sites"].create_index(["site", "status"])
    # the month's questions of `documents` (which are stale, which did this run store) without reading
    # every row: the columns sit after `text`, so a scan would read every article
    for col in ("extractor_version", "changed_run", "first_seen_run"):
        db["documents"].create_index([col], if_not_exists=True)


def last_success(db, site: str) -> str | None:
    """The date (UTC, YYYY-MM-DD) the last monthly attempt that crawled `site` successfully started."""
    row = db.execute("select max(m.started) from monthly_sites s join monthly_runs m on m.id = s.monthly_run "
                     "where s.site = ? and s.status = 'ok'", [site]).fetchone()
    return row[0][:10] if row and row[0] else None


def month_run(db, month: str) -> int | None:
    """The `runs` row of this month when an attempt made one (a later attempt carries it on)."""
    row = db.execute("select run from monthly_runs where month = ? and run is not null order by id desc limit 1",
                     [month]).fetchone()
    return row[0] if row else None


def retag(db, child: int, run_id: int) -> None:
    """Documents and replaced figures a stage's own run stored become the month's."""
    with db.atomic():
        db.execute("update documents set first_seen_run = ? where first_seen_run = ?", [run_id, child])
        db.execute("update documents set changed_run = ? where changed_run = ?", [run_id, child])
        db.execute("update mention_history set superseded_by_run = ? where superseded_by_run = ?", [run_id, child])
