"""The monthly batch's crawl stage: `chitieu crawl` with the month's run on every load."""
from __future__ import annotations

from pipeline.orchestration.crawl import Crawl


class MonthlyCrawl(Crawl):
    """`chitieu crawl` with the month's run on every load, its own run noted in `monthly_sites` as soon as
    it exists, and `since` not applied to pages already stored (their edits are read, whatever their date)."""

    def __init__(self, *args, load_run: int, site_rows: list[int], **kw):
        super().__init__(*args, **kw)
        self.load_run_id = load_run
        self.site_rows = site_rows
        self.run_id: int | None = None

    def _progress(self):
        # called by Crawl.run right after it started its run: note the run before any page is stored
        rid = self.db.execute("select last_insert_rowid()").fetchone()[0]
        row = self.db.execute("select command, finished from runs where id = ?", [rid]).fetchone()
        if not row or row[0] != "crawl" or row[1]:
            rid = self.db.execute("select max(id) from runs where command = 'crawl'").fetchone()[0]
        self.run_id = rid
        with self.db.conn:
            marks = ",".join("?" * len(self.site_rows))
            self.db.execute(f"update monthly_sites set crawl_run = ? where id in ({marks})", [rid, *self.site_rows])
        return super()._progress()

    def _known(self, page) -> bool:
        urls = {page.url, page.request.url}
        return self.db.execute(f"select 1 from document_urls where url in ({','.join('?' * len(urls))}) limit 1",
                               list(urls)).fetchone() is not None

    def _since_for(self, page) -> str | None:
        return None if self.since and self._known(page) else self.since
