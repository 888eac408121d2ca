"""Where extraction runs: in-process, a local process pool, or a Dask distributed cluster.

Every executor maps `extract_document` over documents and yields `(index, Extraction)` as results
arrive — or `(index, exception)` for a document whose extraction failed, so one bad document never
stops the others — and `submit`s one call for a future (what the crawl uses: each page is read and its
figures extracted there, and stored in the order it was taken as the results come back); the caller, on the client, is the single SQLite writer. Workers load the NLP models once each
(a process pool's initializer; a Dask worker plugin), and results are identical whatever the executor,
since extraction is a pure function of the document. A process pool's workers die with the process that
started them, even when it is killed with SIGKILL (`die_with_parent`).
"""
from __future__ import annotations

import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Iterable, Iterator

from extractors.document import Document
from extractors import extract

EXECUTORS = ("inline", "process", "dask")


def warm_up() -> None:
    """Load underthesea's models and build the extractors' tables once in this process."""
    extract.extract_document(Document(id="warm-up", source="warm-up",
                              text="Năm 2022, tỉnh Vĩnh Phúc có 20/23 nhiệm vụ hoàn thành, đạt 87%."))


def die_with_parent(parent: int, poll_s: float = 1.0, pdeathsig: bool = True) -> None:
    """Make this worker process end when `parent` does, even by kill -9, which lets no parent clean up:
    Linux's parent-death signal (prctl PR_SET_PDEATHSIG) kills it at once, and a watchdog thread that
    sees its parent change (it was re-parented) ends it within `poll_s` where prctl is missing."""
    import ctypes
    import signal
    import sys
    import threading

    if pdeathsig and sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass  # no prctl: the watchdog below does the work
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch():
        while os.getppid() == parent:
            time.sleep(poll_s)
        os._exit(1)

    threading.Thread(target=watch, name="chitieu-parent-watchdog", daemon=True).start()


def _start_worker(parent: int) -> None:
    die_with_parent(parent)
    warm_up()


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

    def submit(self, fn, *args) -> Future:
        """`fn(*args)`, done now, as a finished future (holding its exception if it raised)."""
        f: Future = Future()
        try:
            f.set_result(fn(*args))
        except Exception as e:  # noqa: BLE001 - raised by the future's result(), per call
            f.set_exception(e)
        return f

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
        # workers end with this process, even when it is killed with SIGKILL (die_with_parent)
        self.pool = ProcessPoolExecutor(max_workers=self.workers, initializer=_start_worker,
                                        initargs=(os.getpid(),))

    def submit(self, fn, *args) -> Future:
        """`fn(*args)` on a worker (`fn` a module-level function, its arguments picklable)."""
        return self.pool.submit(fn, *args)

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

    def submit(self, fn, *args):
        """A Dask future (`done()`, `result()`) of `fn(*args)` on the cluster."""
        return self.client.submit(fn, *args, pure=False)

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
