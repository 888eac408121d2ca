"""A time budget for one document's extraction: past it, `DocumentTimeout` is raised and the caller records
the document as failed and goes on with the others.

In the main thread of a process (the inline run, a process pool's worker) a SIGALRM timer raises it wherever
the extraction is, even inside one long regular expression; elsewhere (a thread) the stages check the clock
between them and between figures.
"""
from __future__ import annotations

import signal
import threading
import time

DEFAULT_DOC_TIMEOUT = 120.0  # seconds; `chitieu run --doc-timeout`
REARM = 0.25  # seconds until the alarm fires again when its exception was swallowed


class DocumentTimeout(Exception):
    """A document's extraction took longer than its time budget."""


class Budget:
    """`with Budget(seconds, name) as b: … b.check() …`; `seconds` None or 0: no limit."""

    def __init__(self, seconds: float | None, name: str):
        self.seconds, self.name = seconds or None, name
        self.deadline = time.monotonic() + seconds if seconds else None
        self._old = None

    def _expired(self) -> DocumentTimeout:
        return DocumentTimeout(f"{self.name}: extraction took longer than the time budget of {self.seconds:g} s "
                               f"(--doc-timeout); the document was skipped")

    def check(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise self._expired()

    def _alarm(self, signum, frame):
        # armed again at once: an exception raised where Python only reports it (a weakref callback, a __del__,
        # "Exception ignored in …") is lost, and the next alarm stops the document instead; leaving the budget
        # disarms it
        signal.setitimer(signal.ITIMER_REAL, REARM)
        raise self._expired()

    def __enter__(self) -> "Budget":
        if self.seconds and threading.current_thread() is threading.main_thread() \
                and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None) \
                and signal.getitimer(signal.ITIMER_REAL)[0] == 0:
            self._old = signal.signal(signal.SIGALRM, self._alarm)
            signal.setitimer(signal.ITIMER_REAL, self.seconds)
        return self

    def __exit__(self, *exc) -> None:
        if self._old is not None:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, self._old)
            self._old = None
