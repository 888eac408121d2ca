"""The monthly batch's re-extraction: stored documents of an older extractor version, extracted again from
their stored text (their pages need not be fetched again)."""
from __future__ import annotations

from collections import Counter

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extractors import EXTRACTOR_VERSION
from extractors.document import Document
from pipeline.orchestration.executors import get_executor
from pipeline.orchestration.run import AUTO_POOL_THRESHOLD
from pipeline.db.store import load
from scrapers.settings import READER_VERSION

COUNT_KEYS = ("documents_read", "documents_new", "documents_changed", "documents_unchanged",
              "documents_failed", "mentions_added")


def refresh_stale(db, run_id: int, executor: str = "auto", workers: int | None = None,
                  scheduler: str | None = None, quiet: bool = False, say=print) -> tuple[dict, list]:
    """Documents stored by an older extractor version, extracted again from their stored text (the pages
    need not be fetched again) on the executor; this process stays the writer."""
    counts = Counter({k: 0 for k in COUNT_KEYS})
    errors: list[tuple[str, str]] = []
    old_of = dict(db.execute("select id, extractor_version from documents where extractor_version is not ?",
                             [EXTRACTOR_VERSION]).fetchall())
    if not old_of:
        return dict(counts), errors
    for old, n in sorted(Counter(old_of.values()).items(), key=lambda x: str(x[0])):
        say(f"extractor version {old} -> {EXTRACTOR_VERSION}: re-extracting {n} stored document(s) from their text")
    ids = sorted(old_of)
    has_urls = "document_urls" in db.table_names()

    def documents():
        for k in range(0, len(ids), 200):
            chunk = ids[k:k + 200]
            rows = db.execute("select id, source, url, title, published, author, province, province_source, text "
                              f"from documents where id in ({','.join('?' * len(chunk))})", chunk).fetchall()
            for i, source, url, title, published, author, province, province_source, text in rows:
                # the stored province and where it came from (a crawled page's site is not stored again)
                yield Document(id=i, source=source, text=text or "", title=title, published=published,
                               author=author, province=province, urls=[url] if url else [],
                               meta={"province_source": province_source})

    kind = executor if executor != "auto" else ("process" if len(ids) >= AUTO_POOL_THRESHOLD else "inline")
    ex = get_executor(kind, workers, scheduler)
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        disable=quiet)
    try:
        with progress:
            task = progress.add_task(f"re-extracting ({kind}, {getattr(ex, 'workers', 1)} worker(s))",
                                     total=len(ids))
            results = ex.map(documents())
            for _, extraction in results:
                if isinstance(extraction, Exception):  # this document's failure; the others go on
                    e = extraction
                    errors.append(("re-extraction", f"{type(e).__name__}: {e}"))
                    counts["documents_failed"] += 1
                    progress.advance(task)
                    continue
                doc = extraction.document
                counts["documents_read"] += 1
                try:
                    status = load(db, extraction, run_id=run_id)
                    if has_urls:  # same reader, same bytes: the page need not be read again either
                        with db.atomic():
                            db.execute("update document_urls set version = ? where document = ? and version = ?",
                                       [f"{READER_VERSION}+{EXTRACTOR_VERSION}", doc.id,
                                        f"{READER_VERSION}+{old_of.get(doc.id)}"])
                except Exception as e:
                    errors.append((doc.source or doc.id, f"{type(e).__name__}: {e}"))
                    counts["documents_failed"] += 1
                else:
                    counts[f"documents_{status}"] += 1
                    if status != "unchanged":
                        counts["mentions_added"] += len(extraction.mentions)
                progress.advance(task)
    finally:
        ex.close()
    return dict(counts), errors
