"""Where extraction runs: in-process, a local process pool, or a Dask distributed cluster.

Every executor maps `extract_document` over documents and yields `(index, Extraction)` as results
arrive — or `(index, exception)` for a document whose extraction failed, so one bad document never
stops the others; the caller, on the client, is the single SQLite writer. Workers load the NLP models once each
(a process pool's initializer; a Dask worker plugin), and results are identical whatever the executor,
since extraction is a pure function of the document.
"""
from __future__ import annotations

import os
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from typing import Iterable, Iterator

from extractors.document import Document
from extractors import extract

EXECUTORS = ("inline", "process", "dask")


def warm_up() -> None:
    """Load underthesea's models and build the extractors' tables once in this process."""
    extract.extract_document(Document(id="warm-up", source="warm-up",
                              text="Năm 2022, tỉnh Vĩnh Phúc có 20/23 nhiệm vụ hoàn thành, đạt 87%."))


def _extract(doc: Document, time_limit: float | None = None):
    # looked up at each call: tests wrap it; past `time_limit` seconds it raises DocumentTimeout, which the
    # caller records against the document (the worker itself is free again)
    if time_limit:
        return extract.extract_document(doc, time_limit=time_limit)
    return extract.extract_document(doc)


def _outcome(future):
    """The future's extraction, or the exception it raised (returned, not raised)."""
    try:
        return future.result()
    except Exception as e:  # noqa: BLE001 - reported per document by the caller
        return e


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


class InlineExecutor:
    name = "inline"
    workers = 1

    def map(self, docs: Iterable[Document], time_limit: float | None = None) -> Iterator[tuple[int, object]]:
        for i, d in enumerate(docs):
            try:
                yield i, _extract(d, time_limit)
            except Exception as e:  # noqa: BLE001 - reported per document by the caller
                yield i, e

    def close(self) -> None:
        pass


class ProcessExecutor:
    """A local process pool, a bounded number of documents in flight (memory stays flat)."""
    name = "process"

    def __init__(self, workers: int | None = None):
        self.workers = workers or default_workers()
        self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=warm_up)

    def map(self, docs: Iterable[Document], time_limit: float | None = None) -> Iterator[tuple[int, object]]:
        pending = {}
        limit = self.workers * 4
        for i, d in enumerate(docs):
            pending[self.pool.submit(_extract, d, time_limit)] = i
            if len(pending) >= limit:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    yield pending.pop(f), _outcome(f)
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for f in done:
                yield pending.pop(f), _outcome(f)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class DaskExecutor:
    """Extraction on a Dask distributed cluster (`tcp://HOST:8786`), or a LocalCluster when no
    scheduler is given. Documents go out in bounded batches; results come back to the client."""
    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None):
        from distributed import Client, LocalCluster, WorkerPlugin  # heavy and optional: only with --executor dask

        class WarmUp(WorkerPlugin):
            def setup(self, worker):
                warm_up()

        self.cluster = None
        if scheduler:
            self.client = Client(scheduler)
        else:
            self.cluster = LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                        processes=True, dashboard_address=None)
            self.client = Client(self.cluster)
        self.client.register_plugin(WarmUp(), name="chitieu-warm-up")
        self.workers = len(self.client.scheduler_info().get("workers", {})) or (workers or 1)

    def map(self, docs: Iterable[Document], time_limit: float | None = None) -> Iterator[tuple[int, object]]:
        from distributed import as_completed  # heavy and optional: only with --executor dask

        futures = {}
        limit = max(8, self.workers * 8)
        ac = as_completed()
        for i, d in enumerate(docs):
            f = self.client.submit(_extract, d, time_limit, pure=False)
            futures[f] = i
            ac.add(f)
            if ac.count() >= limit:
                f = next(ac)
                yield futures.pop(f), _outcome(f)
        for f in ac:
            yield futures.pop(f), _outcome(f)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def get_executor(kind: str = "process", workers: int | None = None, scheduler: str | None = None):
    if kind == "inline" or (kind == "process" and (workers or default_workers()) == 1):
        return InlineExecutor()
    if kind == "process":
        return ProcessExecutor(workers)
    if kind == "dask":
        return DaskExecutor(scheduler, workers)
    raise ValueError(f"unknown executor {kind!r}: choose one of {', '.join(EXECUTORS)}")
