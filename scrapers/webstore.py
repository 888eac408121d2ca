"""The crawler's own tables, beside the pipeline's (written here; they are defined, with every other
table, in `pipeline.db.schema`, set `crawl`, and the crawl command hands `WebStore` a database that has them):

- `document_urls`: every URL a document was found at — its canonical URL (`role` canonical), an alias
  it was fetched at, and the URLs of syndicated copies stored once (`duplicate`) — with the site, when
  first and last seen, the archived raw page, the text's simhash (for near-duplicate detection on later
  crawls) and the reader version (a page whose bytes and reader are unchanged is not read again);
- `reports`: one row per PDF/DOCX document — format, pages, tables, whether it has a text layer;
- `report_cells`: every non-empty cell of a report's tables, with page, table, row, column, row and
  column labels, text and numeric value (a `Chỉ tiêu | Kế hoạch | Thực hiện | Tỷ lệ` table gives one
  row per plan, result and ratio);
- `crawl_runs`: the fetch summary of each `chitieu crawl` run (joined to `runs` by id), with how many
  pages were judged articles, listings, too short and refused;
- `crawl_pages`: every HTML page's last verdict (`scrapers.judge`) and its reason, with the hash of the
  bytes judged (a page whose bytes and judge are unchanged is not judged again).
"""
from __future__ import annotations

from datetime import datetime, timezone

import sqlite_utils

from scrapers.dedup import DuplicateIndex
from scrapers.reports import Report


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class WebStore:
    def __init__(self, db: sqlite_utils.Database, max_distance: int = 18, min_jaccard: float = 0.6):
        self.db = db
        self.index = DuplicateIndex(max_distance, min_jaccard)
        for doc, fp in db.execute("select document, simhash from document_urls where simhash is not null "
                                  "and role = 'canonical'").fetchall():
            self.index.add(doc, int(fp, 16))

    def text_of(self, doc_id: str) -> str | None:
        row = self.db.execute("select text from documents where id = ?", [doc_id]).fetchone()
        return row[0] if row else None

    def document_for_url(self, url: str) -> str | None:
        row = self.db.execute("select document from document_urls where url = ?", [url]).fetchone()
        return row[0] if row else None

    def document_for_archive(self, archive: str) -> str | None:
        row = self.db.execute("select document from document_urls where archive = ? limit 1", [archive]).fetchone()
        return row[0] if row else None

    def published_of_url(self, url: str) -> str | None:
        row = self.db.execute("select d.published from document_urls u join documents d on d.id = u.document "
                              "where u.url = ?", [url]).fetchone()
        return row[0] if row else None

    def find_duplicate(self, doc_id: str, text: str, fingerprint: int) -> str | None:
        found = self.index.find(text, fingerprint, lambda d: None if d == doc_id else self.text_of(d))
        return found if found != doc_id else None

    def unchanged(self, url: str, archive: str, version: str) -> str | None:
        """The document stored from these very bytes at `url` by this reader version, if any."""
        row = self.db.execute(
            "select u.document from document_urls u join documents d on d.id = u.document "
            "where u.url = ? and u.archive = ? and u.version = ?", [url, archive, version]).fetchone()
        return row[0] if row else None

    def touch(self, url: str) -> None:
        with self.db.atomic():
            self.db.execute("update document_urls set last_seen = ? where url = ?", [_now(), url])

    def record_url(self, doc_id: str, url: str, site: str, role: str, archive: str | None,
                   fingerprint: int | None, version: str | None = None) -> None:
        now = _now()
        fp = f"{fingerprint:016x}" if fingerprint is not None else None
        with self.db.atomic():
            row = self.db.execute("select first_seen from document_urls where url = ?", [url]).fetchone()
            self.db["document_urls"].upsert({
                "url": url, "document": doc_id, "site": site, "role": role,
                "first_seen": row[0] if row else now, "last_seen": now, "archive": archive, "simhash": fp,
                "version": version,
            }, pk="url")
        if role == "canonical" and fingerprint is not None:
            self.index.add(doc_id, fingerprint)

    def urls_of(self, doc_id: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "select url from document_urls where document = ? order by role = 'canonical' desc, first_seen, url",
            [doc_id]).fetchall()]

    def record_report(self, doc_id: str, url: str, report: Report) -> None:
        with self.db.atomic():
            self.db.execute("delete from report_cells where document = ?", [doc_id])
            self.db["reports"].upsert({
                "document": doc_id, "url": url, "format": report.format, "pages": report.pages,
                "tables": report.tables, "cells": len(report.cells), "text_layer": int(report.text_layer),
                "note": report.note or None,
            }, pk="document")
            self.db["report_cells"].insert_all(({
                "id": f"{doc_id}:{c.page or 0}:{c.table}:{c.row}:{c.column}", "document": doc_id, "page": c.page,
                "table_index": c.table, "row": c.row, "col": c.column, "row_label": c.row_label,
                "column_label": c.column_label, "text": c.text, "value": c.value, "unit": c.unit,
            } for c in report.cells), pk="id", replace=True)

    def page_verdict(self, url: str, sha256: str, version: str) -> tuple[str, str] | None:
        """(verdict, reason) of the page at `url` when these very bytes were judged by this judge."""
        row = self.db.execute("select verdict, reason from crawl_pages where url = ? and sha256 = ? and version = ?",
                              [url, sha256, version]).fetchone()
        return (row[0], row[1]) if row else None

    def record_verdict(self, url: str, site: str, verdict: str, reason: str, sha256: str, version: str,
                       run_id: int | None) -> None:
        with self.db.atomic():
            self.db["crawl_pages"].upsert({"url": url, "site": site, "verdict": verdict, "reason": reason,
                                           "sha256": sha256, "version": version, "run": run_id,
                                           "last_seen": _now()}, pk="url")

    def record_run(self, run_id: int, values: dict) -> None:
        with self.db.atomic():
            self.db["crawl_runs"].upsert({"run": run_id, **values}, pk="run")
