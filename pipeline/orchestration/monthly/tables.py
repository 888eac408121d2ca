"""The monthly batch's bookkeeping: `monthly_runs` (one row an attempt) and `monthly_sites` (one row a site an
attempt crawled), the `since` of a site, the month's `runs` row, and the retagging of a stage's documents
as the month's. The tables themselves are defined in `pipeline.db.schema` (set `monthly`)."""
from __future__ import annotations


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
